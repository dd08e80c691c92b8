package i18n

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/localefile"
	"github.com/apiswitch/errcode/locales"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const (
	zhOK = "APP_NOT_FOUND = \"未找到应用\"\n"
	enOK = "APP_NOT_FOUND = \"The app was not found.\"\n"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name      string
		fsys      fstest.MapFS
		file      string // the file the error must name
		line, col int
		contains  string
	}{
		{"broken TOML", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("A = \"x\"\nB = \"unterminated\n")},
			"en-US.toml", 2, 18, "newlines"},
		{"not a language", fstest.MapFS{"zh-CN.toml": file(zhOK), "messages.toml": file(enOK)},
			"messages.toml", 1, 1, "not a language tag"},
		{"empty file", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("")},
			"en-US.toml", 1, 1, "no messages"},
		{"comments only", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("# nothing yet\n")},
			"en-US.toml", 1, 1, "no messages"},
		{"bad template", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("\n[APP_NOT_FOUND]\nother = \"App {{.Name\"\n")},
			"en-US.toml", 3, 14, "APP_NOT_FOUND"}, // at the action, not at the key
		{"bad template with delims", fstest.MapFS{"zh-CN.toml": file(zhOK),
			"en-US.toml": file("[APP_NOT_FOUND]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"App <<.Name\"\n")},
			"en-US.toml", 4, 14, "APP_NOT_FOUND"},
		{"bad template in a multi-line string", fstest.MapFS{"zh-CN.toml": file(zhOK),
			"en-US.toml": file("[APP_NOT_FOUND]\nother = \"\"\"\nThe app \\\n  “{{.Name}}”\n\twas not {{printf \"%v\" .}}.\"\"\"\n")},
			"en-US.toml", 5, 10, "{{printf \"%v\" .}}: function calls"},
		{"duplicate across files", fstest.MapFS{"zh-CN.toml": file(zhOK), "more.zh-CN.toml": file("\n" + zhOK)},
			"zh-CN.toml", 1, 1, "already defined for zh-CN in more.zh-CN.toml:2:1"},
		{"duplicate by name and number", fstest.MapFS{"zh-CN.toml": file(zhOK + "10205 = \"未找到\"\n")},
			"zh-CN.toml", 2, 1, "already defined"},
		{"reserved keys mixed with ids", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("[APP_NOT_FOUND]\nother = \"x\"\nAPP_KILL_ERROR = \"y\"\n")},
			"en-US.toml", 3, 1, "APP_KILL_ERROR\" follows table [APP_NOT_FOUND]"},
		{"a value that is no string", fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file("\n[APP_NOT_FOUND]\nother = 5\n")},
			"en-US.toml", 3, 1, "TOML integer"},
		{"no plural rules", fstest.MapFS{"zh-CN.toml": file(zhOK), "tlh.toml": file(enOK)},
			"tlh.toml", 1, 1, "no plural rules"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.fsys)
			le := firstLoadError(t, err)
			if le.File != tt.file || le.Line != tt.line || le.Col != tt.col {
				t.Errorf("LoadError at %s:%d:%d, want %s:%d:%d (%v)", le.File, le.Line, le.Col, tt.file, tt.line, tt.col, err)
			}
			if !strings.Contains(err.Error(), tt.contains) || !strings.HasPrefix(le.Error(), fmt.Sprintf("%s:%d:%d: ", tt.file, tt.line, tt.col)) {
				t.Errorf("error %q does not name %q at its position", err, tt.contains)
			}
		})
	}
}

// firstLoadError returns the first *LoadError in err.
func firstLoadError(t *testing.T, err error) *LoadError {
	t.Helper()
	if err == nil {
		t.Fatal("New succeeded, want an error")
	}
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %v is not a *LoadError", err)
	}
	return le
}

// TestUnsafeTemplatesRefused loads the templates of issue 10 and their kind: each is refused
// at load with its file, line and column (of the action, after the text before it), and its
// language keeps out while the default language serves.
func TestUnsafeTemplatesRefused(t *testing.T) {
	for _, tmpl := range []string{
		"{{range 10000000}}{{end}}The app was not found.",
		"{{range 20000000}}xxxxxxxxxx{{end}}",
		`{{printf "%#v" .}}`,
		"{{.}}",
		"{{if .Name}}{{.Name}}{{end}}",
		`{{template "x"}}`,
		`{{define "x"}}y{{end}}`,
		"{{$x := .Name}}{{$x}}",
		"{{.Name | printf \"%s\"}}",
		"{{.Name.Len}}",
		"{{/* hidden */}}The app was not found.",
	} {
		t.Run(tmpl, func(t *testing.T) {
			src := fmt.Sprintf("# a translator's file\n[APP_NOT_FOUND]\nother = %q\n", "The app: "+tmpl)
			c, err := New(fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file(src)})
			le := firstLoadError(t, err)
			col := len(`other = "The app: `) + 1
			if le.File != "en-US.toml" || le.Line != 3 || le.Col != col || !strings.Contains(le.Error(), "not allowed") {
				t.Errorf("error = %v, want en-US.toml:3:%d saying the action is not allowed", le, col)
			}
			if c == nil || len(c.Languages()) != 1 {
				t.Fatalf("New = %v: want a catalog serving zh-CN alone", c)
			}
		})
	}
}

// TestLoadStubs loads a translation whose entry is a stub, as i18ncheck -write-stubs writes
// it: the stub counts as missing, whatever text it holds.
func TestLoadStubs(t *testing.T) {
	stub := localefile.StubMarker + " translate this entry from zh-CN, then delete this line\n[APP_NOT_FOUND]\nhash = \"sha1-x\"\nother = \"未找到应用\"\n"
	fsys := fstest.MapFS{"zh-CN.toml": file(completeFile(zhCN)), "en-US.toml": file(completeFile(enUS, codes.AppNotFound) + "\n" + stub)}
	c, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Message(enUS, codes.AppNotFound, nil); got != "zh-CN APP_NOT_FOUND" {
		t.Errorf("a stub renders %q, want the default language's text", got)
	}
	if st := c.Status().Languages[1]; st.Tag != enUS || !slices.Equal(st.Missing, []codes.Code{codes.AppNotFound}) {
		t.Errorf("status of en-US = %+v, want APP_NOT_FOUND missing", st)
	}
	c, err = New(fsys, RequireComplete())
	le := firstLoadError(t, err)
	header := strings.Count(completeFile(enUS, codes.AppNotFound), "\n") + 3 // a blank line, the marker, the header
	if le.File != "en-US.toml" || le.Line != header || !strings.Contains(le.Error(), "untranslated stub") {
		t.Errorf("error = %v, want the stub's position", le)
	}
	if c == nil || len(c.Languages()) != 1 {
		t.Errorf("with RequireComplete, en-US with a stub is served: %v", c.Languages())
	}
}

// TestLoadMessageIDsByNumber accepts a message named by the code's number, as i18ncheck does.
func TestLoadMessageIDsByNumber(t *testing.T) {
	c, err := New(fstest.MapFS{"zh-CN.toml": file("10205 = \"未找到应用\"\n")})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Message(zhCN, codes.AppNotFound, nil); got != "未找到应用" {
		t.Errorf("Message = %q", got)
	}
}

// TestLoadIgnoresOtherIDs loads ids that are no code: they are logged once per load of
// their file, and not kept.
func TestLoadIgnoresOtherIDs(t *testing.T) {
	var logs strings.Builder
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	fsys := fstest.MapFS{"zh-CN.toml": file(zhOK + "NOT_A_CODE = \"x\"\n[ns]\nALSO_NOT = \"y\"\n")}
	c, err := New(fsys, OnProblem(LogTo(logger)))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Reload(fsys); err != nil { // the same files: nothing new to report
		t.Fatal(err)
	}
	if got := strings.Count(logs.String(), "no code are ignored"); got != 1 || !strings.Contains(logs.String(), "count=2 ids=NOT_A_CODE,ns.ALSO_NOT") {
		t.Errorf("logged %d times:\n%s", got, logs.String())
	}
}

// sizedFS serves one file whose content is n bytes, counting what is read of it.
type sizedFS struct {
	n    int64
	read *int64
	lie  bool // Stat says the file is empty
}

func (s sizedFS) Open(name string) (fs.File, error) {
	if name == "." {
		return fstest.MapFS{"zh-CN.toml": file(zhOK)}.Open(".")
	}
	if name != "zh-CN.toml" {
		return nil, fs.ErrNotExist
	}
	return &sizedFile{s: s}, nil
}

type sizedFile struct {
	s   sizedFS
	off int64
}

func (f *sizedFile) Stat() (fs.FileInfo, error) {
	n := f.s.n
	if f.s.lie {
		n = 0
	}
	return fstest.MapFS{"zh-CN.toml": {Data: make([]byte, n)}}.Stat("zh-CN.toml")
}

func (f *sizedFile) Read(p []byte) (int, error) {
	n := int(min(int64(len(p)), f.s.n-f.off))
	if n <= 0 {
		return 0, io.EOF
	}
	copy(p, strings.Repeat("#", n))
	f.off += int64(n)
	*f.s.read += int64(n)
	return n, nil
}

func (f *sizedFile) Close() error { return nil }

// TestLoadMaxFileSize refuses a file larger than the limit with a clear error, without
// reading it whole: not at all when its size is known, and no more than the limit when the
// file system says less than it holds.
func TestLoadMaxFileSize(t *testing.T) {
	for _, lie := range []bool{false, true} {
		var read int64
		_, err := New(sizedFS{n: 50 << 20, read: &read, lie: lie}, MaxFileSize(1<<20))
		le := firstLoadError(t, err)
		var se *localefile.SizeError
		if !errors.As(err, &se) || le.File != "zh-CN.toml" || !strings.Contains(err.Error(), "more than the 1 MiB a locale file may have") {
			t.Errorf("lie=%v: error = %v", lie, err)
		}
		if limit := int64(0); !lie && read != limit || lie && read > 1<<20+1 {
			t.Errorf("lie=%v: %d bytes read of a 50 MiB file", lie, read)
		}
	}
}

func TestLoadErrorPosition(t *testing.T) {
	_, err := New(fstest.MapFS{"zh-CN.toml": file("A = \"x\"\nB = = \"y\"\n")})
	var le *LoadError
	if !errors.As(err, &le) || le.Line != 2 || le.Col == 0 {
		t.Fatalf("error = %v, want a LoadError at line 2 with a column", err)
	}
	if !strings.HasPrefix(err.Error(), "zh-CN.toml:2:") {
		t.Errorf("Error() = %q, want it to start with file:line:", err)
	}
}

func TestLoadReportsEveryBrokenFile(t *testing.T) {
	_, err := New(fstest.MapFS{"zh-CN.toml": file("A = \n"), "en-US.toml": file("B = \n")})
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("error %v does not name %s", err, name)
		}
	}
}

func TestLoadSetErrors(t *testing.T) {
	tests := map[string]fstest.MapFS{
		"no files":            {},
		"no default language": {"en-US.toml": file(enOK)},
		"directory ignored":   {"sub/zh-CN.toml": file(zhOK)},
	}
	for name, fsys := range tests {
		if _, err := New(fsys); err == nil {
			t.Errorf("%s: New succeeded, want an error", name)
		}
	}
}

func TestRequireComplete(t *testing.T) {
	fsys := fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file(enOK)}
	if _, err := New(fsys); err != nil {
		t.Fatalf("New without RequireComplete: %v", err)
	}
	_, err := New(fsys, RequireComplete())
	if err == nil {
		t.Fatal("New with RequireComplete accepted files with 102 codes missing")
	}
	if !strings.Contains(err.Error(), "en-US: APP_KILL_ERROR (10209) has no message") {
		t.Errorf("error does not name a missing message: %.300s", err)
	}
	// A missing message is reported at the end of the language's file, where it goes.
	_, err = New(fstest.MapFS{"zh-CN.toml": file(completeFile(zhCN)), "en-US.toml": file("# English\n\n" + enOK)}, RequireComplete())
	if le := firstLoadError(t, err); le.File != "en-US.toml" || le.Line != 3 || le.Col != 1 {
		t.Errorf("a missing message at %s:%d:%d, want en-US.toml:3:1", le.File, le.Line, le.Col)
	}
	if _, err := New(locales.FS, RequireComplete()); err != nil {
		t.Errorf("the embedded locales are incomplete: %v", err)
	}
}

func TestNewLanguageFromFileName(t *testing.T) {
	fsys := fstest.MapFS{
		"zh-CN.toml":        file(zhOK),
		"active.fr-FR.toml": file("APP_NOT_FOUND = \"L'application est introuvable.\"\n"),
	}
	c, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Message(language.Make("fr-FR"), codes.AppNotFound, nil); got != "L'application est introuvable." {
		t.Errorf("fr-FR message = %q", got)
	}
}

func TestDefaultLanguageOption(t *testing.T) {
	fsys := fstest.MapFS{"zh-CN.toml": file(zhOK), "en-US.toml": file(enOK)}
	c, err := New(fsys, DefaultLanguage("en-US"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Negotiate("fr").String(); got != "en-US" {
		t.Errorf("Negotiate(fr) = %s, want the configured default en-US", got)
	}
	if got := c.Languages()[0].String(); got != "en-US" {
		t.Errorf("Languages()[0] = %s, want en-US", got)
	}
}

func TestVersion(t *testing.T) {
	a, _ := New(fstest.MapFS{"zh-CN.toml": file(zhOK)})
	b, _ := New(fstest.MapFS{"zh-CN.toml": file(zhOK)})
	c, _ := New(fstest.MapFS{"zh-CN.toml": file("APP_NOT_FOUND = \"应用不存在\"\n")})
	if a.Version() == "" || a.Version() != b.Version() {
		t.Errorf("same files, versions %q and %q", a.Version(), b.Version())
	}
	if a.Version() == c.Version() {
		t.Error("different files, same version")
	}
}

// completeFile returns a file with a message for every code but skip, "<tag> <NAME>".
func completeFile(tag language.Tag, skip ...codes.Code) string {
	var b strings.Builder
	for _, c := range codes.All() {
		if !slices.Contains(skip, c) {
			fmt.Fprintf(&b, "%s = %q\n", c, tag.String()+" "+c.String())
		}
	}
	return b.String()
}

// TestRefusedNotAlsoMissing checks that, with RequireComplete, a message refused for its
// own error, alone or with its file, is not reported missing as well, as i18ncheck does not
// report it: one error per problem, not a cascade. A file that cannot be read or decoded
// says nothing of which messages the language has, so then none is reported missing. A
// message that is really absent still is.
func TestRefusedNotAlsoMissing(t *testing.T) {
	missing := func(c codes.Code) string { return fmt.Sprintf("en-US: %s (%d) has no message", c, int(c)) }
	tests := []struct {
		name string
		fsys fstest.MapFS
		opts []Option
		want []string // the errors, each by a part of its text, in order
	}{
		{"a refused template", fstest.MapFS{"en-US.toml": file(completeFile(enUS, codes.AppNotFound, codes.AppKillError) +
			"APP_NOT_FOUND = \"The app: {{range 3}}x{{end}}\"\n")},
			nil, []string{"APP_NOT_FOUND: \"other\" is not a valid template", missing(codes.AppKillError)}},
		{"a refused template, by number", fstest.MapFS{"en-US.toml": file(completeFile(enUS, codes.AppNotFound) +
			"10205 = \"{{.}}\"\n")},
			nil, []string{"10205: \"other\" is not a valid template"}},
		{"a file go-i18n rejects", fstest.MapFS{"en-US.toml": file(completeFile(enUS, codes.AppNotFound, codes.AppKillError)),
			"more.en-US.toml": file("[APP_NOT_FOUND]\nother = \"The app was not found.\"\ndescription = 5\n")},
			nil, []string{missing(codes.AppKillError), "more.en-US.toml:3:1: \"description\" of message APP_NOT_FOUND is a TOML integer"}},
		{"a file that does not decode", fstest.MapFS{"en-US.toml": file(completeFile(enUS, codes.AppNotFound, codes.AppKillError)),
			"more.en-US.toml": file("APP_NOT_FOUND = \"The app\n")},
			nil, []string{"more.en-US.toml:1:"}},
		{"a file too large", fstest.MapFS{"en-US.toml": file(completeFile(enUS, codes.AppNotFound, codes.AppKillError)),
			"more.en-US.toml": file(strings.Repeat("# padding\n", 1<<10) + "APP_NOT_FOUND = \"The app was not found.\"\n")},
			[]Option{func(o *options) { o.load.maxFileSize = 1 << 13 }}, []string{"more.en-US.toml:1:1: the file is 10 KiB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fsys["zh-CN.toml"] = file(completeFile(zhCN))
			_, err := New(tt.fsys, append(tt.opts, RequireComplete())...)
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			ok := len(got) == len(tt.want)
			for i := 0; ok && i < len(got); i++ {
				ok = strings.Contains(got[i], tt.want[i])
			}
			if !ok {
				t.Errorf("New: %d errors\n%s\nwant %d, saying\n%s", len(got), strings.Join(got, "\n"), len(tt.want), strings.Join(tt.want, "\n"))
			}
		})
	}
}
