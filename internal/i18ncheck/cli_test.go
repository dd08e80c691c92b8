package i18ncheck

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const fixturePkg = "./testdata/fixture/codes"

// TestMain loads each fixture package once for every test that runs Main.
func TestMain(m *testing.M) {
	var mu sync.Mutex
	cache := map[string]*CodeSet{}
	errs := map[string]error{}
	loadCodes = func(dir, pkg, typ string) (*CodeSet, error) {
		key := dir + "\x00" + pkg + "\x00" + typ
		mu.Lock()
		defer mu.Unlock()
		if set, ok := cache[key]; ok || errs[key] != nil {
			return set, errs[key]
		}
		set, err := LoadCodes(dir, pkg, typ)
		cache[key], errs[key] = set, err
		return set, err
	}
	os.Exit(m.Run())
}

// runMain runs Main and returns its output in the golden-file layout.
func runMain(t *testing.T, args []string) (string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, &stdout, &stderr)
	var b strings.Builder
	b.WriteString("$ i18ncheck " + strings.Join(args, " ") + "\n")
	b.WriteString(stdout.String())
	if stderr.Len() > 0 {
		b.WriteString("-- stderr --\n" + stderr.String())
	}
	return b.String(), code
}

// golden compares got with testdata/golden/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func caseArgs(name string, extra ...string) []string {
	return append([]string{"-pkg", fixturePkg, "-locales", "testdata/cases/" + name + "/locales"}, extra...)
}

// TestChecks runs every fixture case in text format: one golden file per check.
func TestChecks(t *testing.T) {
	tests := []struct {
		name  string
		extra []string
		exit  int
	}{
		{"clean", nil, ExitOK},
		{"missing", nil, ExitFindings},
		{"orphan", nil, ExitOK},
		{"empty", nil, ExitFindings},
		{"syntax-toml", nil, ExitFindings},
		{"syntax-joined", nil, ExitFindings},
		{"syntax-mixed", nil, ExitFindings},
		{"syntax-template", nil, ExitFindings},
		{"placeholder", nil, ExitFindings},
		{"plural", nil, ExitFindings},
		{"duplicate", nil, ExitFindings},
		{"stale", nil, ExitFindings},
		{"filename", nil, ExitFindings},
		{"script", nil, ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := runMain(t, caseArgs(tt.name, tt.extra...))
			if code != tt.exit {
				t.Errorf("exit status %d, want %d\n%s", code, tt.exit, got)
			}
			golden(t, tt.name+".txt", got)
		})
	}
}

// TestFormats renders one report with errors and warnings in every format.
func TestFormats(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			t.Setenv("GITHUB_STEP_SUMMARY", "")
			got, code := runMain(t, caseArgs("formats", "-format", format))
			if code != ExitFindings {
				t.Errorf("exit status %d, want %d", code, ExitFindings)
			}
			golden(t, "formats."+format, got)
		})
	}
}

func TestGitHubStepSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", path)
	runMain(t, caseArgs("formats", "-format", "github"))
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "formats.summary.md", string(got))
}

// TestExit table-tests the exit status: -fail-on, and usage and I/O errors.
func TestExit(t *testing.T) {
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"warnings pass by default", caseArgs("orphan"), ExitOK},
		{"fail-on warning", caseArgs("orphan", "-fail-on", "warning"), ExitFindings},
		{"fail-on never", caseArgs("missing", "-fail-on", "never"), ExitOK},
		{"fail-on bad", caseArgs("clean", "-fail-on", "info"), ExitUsage},
		{"format bad", caseArgs("clean", "-format", "xml"), ExitUsage},
		{"unknown flag", []string{"-nope"}, ExitUsage},
		{"argument", []string{"codes"}, ExitUsage},
		{"help", []string{"-help"}, ExitOK},
		{"no package", []string{"-pkg", "./testdata/nosuchpkg", "-locales", "testdata/cases/clean/locales"}, ExitUsage},
		{"no type", caseArgs("clean", "-type", "Nope"), ExitUsage},
		{"no locales dir", []string{"-pkg", fixturePkg, "-locales", "testdata/nosuchdir"}, ExitUsage},
		{"no locale files", []string{"-pkg", fixturePkg, "-locales", "testdata/nolocales"}, ExitUsage},
		{"locales a file", []string{"-pkg", fixturePkg, "-locales", "testdata/nolocales/README.md"}, ExitUsage},
		{"no source locale", caseArgs("clean", "-source", "fr-FR"), ExitUsage},
		{"explain unknown", caseArgs("clean", "-explain", "NOPE"), ExitUsage},
		{"locale unknown", caseArgs("clean", "-locale", "fr-FR"), ExitUsage},
		{"locale not a tag", caseArgs("clean", "-locale", "french"), ExitUsage},
		{"locale", caseArgs("missing", "-locale", "en-US"), ExitFindings},
		{"pkg and no-pkg", caseArgs("clean", "-no-pkg"), ExitUsage},
		{"baseline missing", caseArgs("clean", "-baseline", "testdata/nosuchfile.json"), ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := runMain(t, tt.args)
			if code != tt.exit {
				t.Errorf("Main(%q) = %d, want %d\n%s", tt.args, code, tt.exit, got)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	var b strings.Builder
	for _, args := range [][]string{
		caseArgs("clean", "-format", "xml"),
		{"codes"},
		{"-pkg", fixturePkg, "-locales", "testdata/nosuchdir"},
		{"-pkg", fixturePkg, "-locales", "testdata/nolocales"},
		{"-pkg", fixturePkg, "-locales", "testdata/nolocales/README.md"},
		caseArgs("clean", "-source", "fr-FR"),
		caseArgs("clean", "-explain", "NOPE"),
		caseArgs("clean", "-locale", "fr-FR"),
	} {
		got, _ := runMain(t, args)
		b.WriteString(got)
	}
	golden(t, "usage.txt", b.String())
}

func TestExplain(t *testing.T) {
	var b strings.Builder
	for _, args := range [][]string{
		caseArgs("clean", "-explain", "VOL_NAME_IS_NULL"),
		caseArgs("stale", "-explain", "10205"),
		caseArgs("missing", "-explain", "DiskFull"),
		caseArgs("clean", "-explain", "app_not_found"), // any case
		caseArgs("clean", "-explain", "diskfull"),
	} {
		got, code := runMain(t, args)
		if code != ExitOK {
			t.Errorf("Main(%q) = %d, want 0", args, code)
		}
		b.WriteString(got)
	}
	golden(t, "explain.txt", b.String())
}

// TestExplainSuggests checks what -explain suggests for a name that is no code's.
func TestExplainSuggests(t *testing.T) {
	tests := []struct{ what, want string }{
		{"APP_NOT_FUOND", "did you mean APP_NOT_FOUND (10205)?"},      // two letters swapped
		{"vol_name_is_nul", "did you mean VOL_NAME_IS_NULL (10309)?"}, // any case, one letter short
		{"quota", "did you mean QUOTA_EXCEEDED (20000)?"},             // part of a name
		{"10250", "did you mean APP_NOT_FOUND (10205)?"},              // a number mistyped
		{"NOTHING_LIKE_IT", "no Code constant has this name or number\n"},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			got, code := runMain(t, caseArgs("clean", "-explain", tt.what))
			if code != ExitUsage || !strings.Contains(got, tt.want) {
				t.Errorf("-explain %s: exit %d, want %d and %q in\n%s", tt.what, code, ExitUsage, tt.want, got)
			}
		})
	}
}

// TestGoI18nProject checks a bundle shaped like a Hugo theme's i18n folder: no Go package,
// English as the source, plural forms in several languages, orphans, a blank message, a
// mistyped placeholder and a language go-i18n cannot load.
func TestGoI18nProject(t *testing.T) {
	hugo := []string{"-C", "testdata/hugo", "-locales", "i18n", "-source", "en"}
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"hugo.txt", hugo, ExitFindings}, // no ./codes there: the source's ids are the codes
		{"hugo.explain.txt", append(slices.Clone(hugo), "-explain", "READINGTIME"), ExitOK},
		{"hugo.explain-miss.txt", append(slices.Clone(hugo), "-explain", "readMor"), ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := runMain(t, tt.args)
			if code != tt.exit {
				t.Errorf("exit status %d, want %d\n%s", code, tt.exit, got)
			}
			golden(t, tt.name, got)
		})
	}
	// -no-pkg gives the same findings where a package would have been found.
	noPkg, _ := runMain(t, []string{"-no-pkg", "-C", "testdata/hugo", "-locales", "i18n", "-source", "en"})
	auto, _ := runMain(t, hugo)
	if strings.SplitN(noPkg, "\n", 2)[1] != strings.SplitN(auto, "\n", 2)[1] {
		t.Errorf("-no-pkg differs from no package found:\n%s\nwant:\n%s", noPkg, auto)
	}
}

// TestGoI18nRefusesUnloadable checks the fixture's claim against go-i18n: it loads every
// file of the Hugo fixture but la.toml, whose language it has no plural rules for.
func TestGoI18nRefusesUnloadable(t *testing.T) {
	paths, _ := filepath.Glob("testdata/hugo/i18n/*.toml")
	for _, p := range paths {
		b := i18n.NewBundle(language.English)
		b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		_, err := b.LoadMessageFile(p)
		if got, want := err != nil, filepath.Base(p) == "la.toml"; got != want {
			t.Errorf("go-i18n loading %s: %v; want an error: %v", p, err, want)
		}
	}
}
