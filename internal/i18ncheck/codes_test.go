package i18ncheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/internal/codegen"
)

func TestLoadCodes(t *testing.T) {
	tests := []struct {
		pkg, typ string
		want     []string // Ident Name Number Names..., in numeric order
		findings []string
	}{
		{
			pkg: "./testdata/fixture/codes", typ: "Code",
			want: []string{
				"AppNotFound APP_NOT_FOUND 10205 [APP_NOT_FOUND]",
				"VolNameEmpty VOL_NAME_IS_NULL 10309 [VOL_NAME_IS_NULL]",
				"YAMLSyntaxError YAML_SYNTAX_ERROR 10601 [YAML_SYNTAX_ERROR YAMLSyntaxError]",
				"QuotaExceeded QUOTA_EXCEEDED 20000 [QUOTA_EXCEEDED]",
				"DiskFull DISK_FULL 20001 [DISK_FULL]",
				"Throttled THROTTLED 30001 [THROTTLED]",
			},
		},
		{
			pkg: "./testdata/fixture/plain", typ: "Status",
			want: []string{
				"OK OK 1 [OK]",
				"HTTPTimeout HTTP_TIMEOUT 2 [HTTP_TIMEOUT HTTPTimeout]",
				"VolFSEmpty VOL_FS_EMPTY 3 [VOL_FS_EMPTY VolFSEmpty]",
			},
		},
		{
			pkg: "./testdata/fixture/dups", typ: "Code",
			want: []string{
				"First FIRST 1 [FIRST]",
				"Again FIRST 2 [FIRST]",
				"Second SECOND 3 [SECOND]",
				"Fourth THIRD 3 [THIRD]",
				"Third THIRD 4 [THIRD]",
			},
			findings: []string{
				"testdata/fixture/dups/dups.go:23:2: Again has the name FIRST, as First at testdata/fixture/dups/dups.go:22:2 does",
				"testdata/fixture/dups/dups.go:26:2: Fourth has the number 3, as Second at testdata/fixture/dups/dups.go:24:2 does",
				"testdata/fixture/dups/dups.go:26:2: Fourth has the name THIRD, as Third at testdata/fixture/dups/dups.go:25:2 does",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			set, err := LoadCodes("", tt.pkg, tt.typ)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range set.Codes {
				got = append(got, fmt.Sprintf("%s %s %s %v", c.Ident, c.Name, c.Number, c.Names))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("LoadCodes(%s) codes:\n%s\nwant:\n%s", tt.pkg, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var fs []string
			for _, f := range set.Findings {
				fs = append(fs, f.Pos.String()+": "+f.Message)
			}
			if !slices.Equal(fs, tt.findings) {
				t.Errorf("LoadCodes(%s) findings:\n%s\nwant:\n%s", tt.pkg, strings.Join(fs, "\n"), strings.Join(tt.findings, "\n"))
			}
		})
	}
}

func TestLoadCodesErrors(t *testing.T) {
	tests := []struct{ pkg, typ, want string }{
		{"./testdata/fixture/codes", "Nope", "has no type Nope"},
		{"./testdata/fixture/codes", "Alias", "Code"}, // an alias of Code is Code: no error
		{"./testdata/fixture/codes", "entry", "is not an integer type"},
		{"./testdata/fixture/...", "Code", "matches 4 packages, want 1"},
		{"./testdata/nosuchdir", "Code", "nosuchdir"},
	}
	for _, tt := range tests {
		t.Run(tt.pkg+"/"+tt.typ, func(t *testing.T) {
			_, err := LoadCodes("", tt.pkg, tt.typ)
			if tt.typ == "Alias" {
				if err != nil {
					t.Errorf("LoadCodes(%s, Alias) = %v, want success through the alias", tt.pkg, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadCodes(%s, %s) error = %v, want it to contain %q", tt.pkg, tt.typ, err, tt.want)
			}
		})
	}
}

func TestUpperSnake(t *testing.T) {
	tests := map[string]string{
		"AppNotFound": "APP_NOT_FOUND", "YAMLSyntaxError": "YAML_SYNTAX_ERROR", "VolFSEmpty": "VOL_FS_EMPTY",
		"OK": "OK", "HTTP2Error": "HTTP2_ERROR", "Vol2Name": "VOL2_NAME", "already_SNAKE": "ALREADY_SNAKE", "x": "X",
	}
	for in, want := range tests {
		if got := upperSnake(in); got != want {
			t.Errorf("upperSnake(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLoadCodesLineDirective places generated constants at the rows of the table their
// //line directives name, so that findings point there rather than at the generated file.
func TestLoadCodesLineDirective(t *testing.T) {
	set, err := LoadCodes("", "./testdata/fixture/gen", "Code")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range set.Codes {
		want := Position{File: "testdata/fixture/gen/codes.tsv", Line: i + 1, Col: 1}
		if c.Pos != want {
			t.Errorf("%s is at %s, want %s", c.Ident, c.Pos, want)
		}
	}
}

// TestMissingRelatedToTableRow runs on this repository's codes, generated from codes.tsv, and
// its locales with one message missing: the code's declaration, the finding's first related
// location, is the code's row of codes/codes.tsv, where it is defined, never codes_gen.go.
func TestMissingRelatedToTableRow(t *testing.T) {
	rows, err := codegen.ParseFile("../../codes/codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	locales := t.TempDir()
	files, err := filepath.Glob("../../locales/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no locale files: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if name == "en-US.toml" { // without its APP_NOT_FOUND entry
			data = regexp.MustCompile(`(?ms)^\[APP_NOT_FOUND\]\n.*?\n\n`).ReplaceAll(data, nil)
		}
		if err := os.WriteFile(filepath.Join(locales, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Run(Config{Dir: "../..", Pkg: "./codes", Locales: locales})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(rows, func(r codegen.Row) bool { return r.Name == "APP_NOT_FOUND" })
	want := Position{File: filepath.Join("codes", "codes.tsv"), Line: rows[i].Line, Col: 1}
	n := 0
	for _, f := range r.Findings {
		if f.Check != CheckMissing {
			continue
		}
		n++
		if f.Subject != "APP_NOT_FOUND" || len(f.Related) == 0 || f.Related[0].Pos != want {
			t.Errorf("%s: %s: related %v, want the declaration at %s", f.Pos, f.Message, f.Related, want)
		}
	}
	if n != 1 {
		t.Errorf("%d missing findings, want 1 (APP_NOT_FOUND in en-US)", n)
	}
}

// TestMissingAtLocaleFile checks that a missing message is reported in the file a translator
// must edit, with the code's declaration and its source text as related locations.
func TestMissingAtLocaleFile(t *testing.T) {
	r, err := Run(Config{Pkg: fixturePkg, Locales: "testdata/cases/missing/locales"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range r.Findings {
		if f.Check != CheckMissing {
			continue
		}
		n++
		c := r.Lookup(f.Subject)
		src := r.Source.message(c)
		if f.Pos.File != "testdata/cases/missing/locales/en-US.toml" {
			t.Errorf("%s: reported at %s, want the en-US file", f.Message, f.Pos)
		}
		if len(f.Related) != 2 || f.Related[0].Pos != c.Pos || f.Related[1].Pos != src.Pos {
			t.Errorf("%s: related %v, want the declaration %s and the source %s", f.Message, f.Related, c.Pos, src.Pos)
		}
	}
	if n == 0 {
		t.Fatal("no missing finding")
	}
}
