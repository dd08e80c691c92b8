package i18ncheck

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	catalog "github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/localefile"
)

// TestAgreesWithGoI18n loads every fixture file with go-i18n itself: i18ncheck must say a
// file is rejected exactly when go-i18n's loader returns an error for it.
func TestAgreesWithGoI18n(t *testing.T) {
	paths, err := filepath.Glob("testdata/cases/*/locales/*.toml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			tag, err := language.Parse(langOfPath(filepath.Base(path)))
			if err != nil {
				t.Skip("not a language tag: the filename check covers it")
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			b := i18n.NewBundle(language.English)
			b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
			_, loadErr := b.ParseMessageFileBytes(data, path)
			f := parseFile(path, tag.String(), string(data))
			_, pluralOK := pluralCategories(tag)
			if want := loadErr != nil; (f.Rejected || !pluralOK) != want {
				t.Errorf("parseFile(%s).Rejected = %v (plural rules: %v), go-i18n's error: %v", path, f.Rejected, pluralOK, loadErr)
			}
		})
	}
}

// TestParseFile checks what i18ncheck makes of the reader's messages: positions with the
// file's path, every written form even an empty one, and the hash's own position
// (localefile's TestRead covers the reading itself).
func TestParseFile(t *testing.T) {
	src := "# comment\nTOP = \"top {{.X}}\"\n\n[A]\ndescription = \"d\"\nhash = \"sha1-x\"\none = \"\"\nOther = \"a\"\n"
	f := parseFile("dir/x.toml", "en", src)
	if len(f.Findings) > 0 || len(f.Messages) != 2 {
		t.Fatalf("findings: %v, %d messages", f.Findings, len(f.Messages))
	}
	top, a := f.Messages[0], f.Messages[1]
	if top.ID != "TOP" || top.Pos.String() != "dir/x.toml:2:1" || top.formPos("other").String() != "dir/x.toml:2:1" {
		t.Errorf("TOP = %+v", top)
	}
	if one, ok := a.Forms["one"]; !ok || one != "" || a.formPos("one").Line != 7 || a.formPos("other").Line != 8 ||
		a.Hash != "sha1-x" || a.HashPos.String() != "dir/x.toml:6:1" || a.Description != "d" || a.Pos.Line != 4 {
		t.Errorf("A = %+v", a)
	}
}

func TestParseFileStubs(t *testing.T) {
	src := stubMarker + " translate\n[A]\nother = \"a\"\n\n" + stubMarker + " stale\n" + stubMarker + " second line\n[B]\nother = \"b\"\n[C]\nother = \"c\"\n"
	for _, m := range parseFile("x.toml", "en", src).Messages {
		if want := m.ID != "C"; m.Stub != want {
			t.Errorf("Stub of [%s] = %v, want %v", m.ID, m.Stub, want)
		}
	}
}

func TestTemplateFields(t *testing.T) {
	tests := []struct {
		src, left, right string
		want             string
		err              bool
	}{
		{"plain text", "", "", "", false},
		{"{{.Name}} and {{.Count}} and {{.Name}}", "", "", ".Count .Name", false},
		{"<<.Name>> {{.NotAField}}", "<<", ">>", ".Name", false},
		{"{{.Name", "", "", "", true},
		{"{{if .Ok}}{{.A}}{{else}}{{.C}}{{end}}", "", "", "", true}, // only substitutions
		{"{{range .Items}}{{.}}{{end}}", "", "", "", true},
	}
	for _, tt := range tests {
		m := &Message{Forms: map[string]string{"other": tt.src}, LeftDelim: tt.left, RightDelim: tt.right}
		got, err := m.templateFields("other")
		if (err != nil) != tt.err || strings.Join(got, " ") != tt.want {
			t.Errorf("templateFields(%q) = %q, %v; want %q, error %v", tt.src, got, err, tt.want, tt.err)
		}
	}
}

// TestUnsafeTemplatesReported checks templates the server refuses: i18ncheck reports each
// under its syntax check at the refused action, for a code's message and for a message that
// is no code alike, so that CI stops what the server would refuse.
func TestUnsafeTemplatesReported(t *testing.T) {
	dir, src := cleanEdited(t, func(src string) string {
		src = strings.Replace(src, `other = "App {{.Name}} not found."`, `other = "{{range 10000000}}App {{.Name}} not found.{{end}}"`, 1)
		return src + "\n[NOT_A_CODE]\nother = \"Data: {{printf \\\"%#v\\\" .}}\"\n"
	})
	out, code := runMain(t, []string{"-pkg", fixturePkg, "-locales", dir})
	for _, want := range []string{
		fmt.Sprintf(`en-US.toml:%s: error: en-US: APP_NOT_FOUND "other" is not a valid template: {{range 10000000}}App {{.Name}} not foun…: control structures are not allowed in a message: only field substitutions such as {{.Name}} [syntax]`, lineCol(src, "{{range")),
		fmt.Sprintf(`en-US.toml:%s: error: en-US: message NOT_A_CODE "other" is not a valid template: {{printf "%%#v" .}}: function calls are not allowed in a message: only field substitutions such as {{.Name}} [syntax]`, lineCol(src, "{{printf")),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks\n%s\n%s", want, out)
		}
	}
	if code != ExitFindings {
		t.Errorf("exit status %d, want %d", code, ExitFindings)
	}
}

// cleanEdited copies the clean case and rewrites its en-US.toml with edit; it returns the
// locales directory and the new en-US.toml.
func cleanEdited(t *testing.T, edit func(string) string) (dir, src string) {
	t.Helper()
	dir = copyCase(t, "clean")
	path := filepath.Join(dir, "en-US.toml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src = edit(string(data))
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, src
}

// lineCol returns the line and column of the first at in src, as "line:col".
func lineCol(src, at string) string {
	i := strings.Index(src, at)
	return fmt.Sprintf("%d:%d", strings.Count(src[:i], "\n")+1, i-strings.LastIndexByte(src[:i], '\n'))
}

// TestMessageLimitsReported checks the limits the server puts on a message, its size and
// its placeholders: i18ncheck reports a message past either under its syntax check, where
// the server refuses it, and passes one at both limits.
func TestMessageLimitsReported(t *testing.T) {
	atLimit := strings.Repeat("{{.Name}}", localefile.MaxPlaceholders)
	atLimit += strings.Repeat("x", localefile.MaxMessageSize-len(atLimit))
	long := "Long: " + strings.Repeat("x", localefile.MaxMessageSize) + "{{.Name}}"
	tests := []struct {
		name, text string
		at         string // where the finding is: the text from there on, unique in the file
		want       string // the finding's text after the position; "" for none
	}{
		{"at both limits", atLimit, "", ""},
		{"too long", long, "Long: ", fmt.Sprintf(`error: en-US: APP_NOT_FOUND "other" is not a valid template: the message is %d bytes long, more than the %d a message may have [syntax]`,
			len(long), localefile.MaxMessageSize)},
		{"too many placeholders", strings.Repeat("{{.Name}} ", localefile.MaxPlaceholders) + "{{.Last}}", "{{.Last}}",
			`error: en-US: APP_NOT_FOUND "other" is not a valid template: {{.Last}}: more than 16 placeholders in one message [syntax]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, src := cleanEdited(t, func(src string) string {
				return strings.Replace(src, `other = "App {{.Name}} not found."`, `other = "`+tt.text+`"`, 1)
			})
			out, code := runMain(t, []string{"-pkg", fixturePkg, "-locales", dir})
			if tt.want == "" {
				if strings.Contains(out, "[syntax]") || code != ExitOK {
					t.Errorf("exit status %d, output\n%s\nwant no finding", code, out)
				}
				return
			}
			want := fmt.Sprintf("en-US.toml:%s: %s", lineCol(src, tt.at), tt.want)
			if !strings.Contains(out, want) || code != ExitFindings {
				t.Errorf("exit status %d, output\n%s\nwant %s", code, out, want)
			}
		})
	}
}

// TestTemplatePositionsAgreeWithLoader writes template errors into strings of every kind,
// with escapes and lines before the refused action, and checks that i18ncheck reports each
// where the server's loader does: both read the file with internal/localefile, which places
// an error at the action inside the string.
func TestTemplatePositionsAgreeWithLoader(t *testing.T) {
	dir, src := cleanEdited(t, func(src string) string {
		src = strings.NewReplacer(
			`other = "App {{.Name}} not found."`, "other = \"\"\"\nThe app \\\"{{.Name}}\\\" \\\n    was not {{range .X}}found{{end}}.\"\"\"",
			`one = "The disk is full: {{.Count}} file left."`, `one = 'C:\ is full: {{.Count}} {{.}}'`,
			`other = "The disk is full: {{.Count}} files left."`, "other = '''\nThe disk is full:\n\t{{.Count | len}} files left.'''",
		).Replace(src)
		src += "\n[NOT_A_CODE]\nother = \"\\u00e9\\t\\U0001F600 {{.A\"\n"
		return src + "\n[ALSO_NOT_A_CODE]\nother = \"" + strings.Repeat("{{.A}}", localefile.MaxPlaceholders) + "\\n{{.B}}\"\n"
	})
	out, _ := runMain(t, []string{"-pkg", fixturePkg, "-locales", dir})
	var checked []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "not a valid template") {
			checked = append(checked, filepath.Base(line[:strings.Index(line, ": error")]))
		}
	}
	_, err := catalog.New(os.DirFS(dir), catalog.OnProblem(func(catalog.Problem) {}))
	var loaded []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if le, ok := e.(*catalog.LoadError); ok && strings.Contains(le.Error(), "not a valid template") {
			loaded = append(loaded, fmt.Sprintf("%s:%d:%d", le.File, le.Line, le.Col))
		}
	}
	var want []string
	for _, at := range []string{"{{range .X}}", "{{.}}'", "{{.Count | len}}", "{{.A\"", "{{.B}}\"\n"} {
		want = append(want, "en-US.toml:"+lineCol(src, at))
	}
	slices.Sort(checked)
	slices.Sort(loaded)
	slices.Sort(want)
	if !slices.Equal(checked, want) || !slices.Equal(loaded, want) {
		t.Errorf("template errors\ni18ncheck: %q\nloader:    %q\nwant:      %q\n%s", checked, loaded, want, out)
	}
}
