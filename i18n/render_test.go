package i18n

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/localefile"
	"github.com/apiswitch/errcode/locales"
)

var (
	zhCN = language.Make("zh-CN")
	enUS = language.Make("en-US")
)

// seedMessages reads the Chinese text of each code from the copy of the seed document.
func seedMessages(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("../codes/testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	re := regexp.MustCompile(`^([A-Z_]+)\s*=\s*\d+$`)
	msgs, comment := map[string]string{}, ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if text, ok := strings.CutPrefix(line, "//"); ok {
			comment = strings.TrimSpace(text)
		} else if m := re.FindStringSubmatch(line); m != nil {
			msgs[m[1]] = comment
			comment = ""
		}
	}
	return msgs
}

func TestEmbeddedMessages(t *testing.T) {
	c := mustNew(t, RequireComplete())
	seed := seedMessages(t)
	for _, code := range codes.All() {
		zh := c.Message(zhCN, code, nil)
		if want := seed[code.String()]; want != "" && zh != want {
			t.Errorf("zh-CN %s = %q, seed says %q", code, zh, want)
		}
		if !strings.ContainsFunc(zh, isHan) {
			t.Errorf("zh-CN %s = %q has no Han characters", code, zh)
		}
		en := c.Message(enUS, code, nil)
		if en == "" || en == zh || strings.ContainsFunc(en, isHan) {
			t.Errorf("en-US %s = %q: want English text", code, en)
		}
	}
	if got := c.Message(zhCN, codes.VolumeNotFound, nil); got == "" || got == "VOLUME_NOT_FOUND" {
		t.Errorf("VOLUME_NOT_FOUND has no zh-CN text: %q", got)
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// recorder collects problems.
type recorder struct {
	mu       sync.Mutex
	problems []Problem
}

func (r *recorder) add(p Problem) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.problems = append(r.problems, p)
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.problems)
}

func templateCatalog(t *testing.T, rec *recorder) *Catalog {
	t.Helper()
	fsys := fstest.MapFS{
		"zh-CN.toml": file(`
APP_NOT_FOUND = "未找到应用 {{.Name}}"
VOL_NOT_EXISTS = "云盘不存在"
APP_KILL_ERROR = "终止应用失败"
VOL_SS_BAD_NAME = "{{.Name}}"
[VOL_BAD_NAME]
leftDelim = "<<"
rightDelim = ">>"
other = "云硬盘名字 <<.Name>> 不合法"
`),
		"en-US.toml": file(`
APP_NOT_FOUND = "The app {{.Name}} was not found."
VOL_NOT_EXISTS = "The volume “{{.Volume}}” does not exist."
APP_KILL_ERROR = "  "
VOL_SS_BAD_NAME = "{{.Name}}"
`),
	}
	c, err := New(fsys, OnProblem(rec.add))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRender(t *testing.T) {
	rec := &recorder{}
	c := templateCatalog(t, rec)
	name := map[string]any{"Name": "web"}
	long := strings.Repeat("名", 1000)
	tests := []struct {
		name string
		lang language.Tag
		code codes.Code
		data map[string]any
		want string
	}{
		{"template", enUS, codes.AppNotFound, name, "The app web was not found."},
		{"template zh", zhCN, codes.AppNotFound, name, "未找到应用 web"},
		{"custom delimiters", zhCN, codes.VolBadName, name, "云硬盘名字 web 不合法"},
		{"no HTML escaping", enUS, codes.AppNotFound, map[string]any{"Name": "<a&b>"}, "The app <a&b> was not found."},
		{"missing data leaves the placeholder out", enUS, codes.AppNotFound, nil, "The app was not found."},
		{"missing data zh", zhCN, codes.AppNotFound, nil, "未找到应用"},
		{"missing key, with its quotes", enUS, codes.VolNotExists, name, "The volume does not exist."},
		{"empty value", enUS, codes.AppNotFound, map[string]any{"Name": ""}, "The app was not found."},
		{"object value", enUS, codes.AppNotFound, map[string]any{"Name": map[string]any{"a": 1}}, "The app was not found."},
		{"null value", enUS, codes.AppNotFound, map[string]any{"Name": nil}, "The app was not found."},
		{"number", enUS, codes.AppNotFound, map[string]any{"Name": 1e6}, "The app 1000000 was not found."},
		{"integer", enUS, codes.AppNotFound, map[string]any{"Name": 42}, "The app 42 was not found."},
		{"long value is cut", zhCN, codes.AppNotFound, map[string]any{"Name": long}, "未找到应用 " + long[:255] + "…"},
		{"blank translation falls back", enUS, codes.AppKillError, nil, "终止应用失败"},
		{"missing translation falls back", enUS, codes.VolBadName, name, "云硬盘名字 web 不合法"},
		{"missing everywhere gives the name", enUS, codes.QuotaExceed, nil, "QUOTA_EXCEED"},
		{"nothing left gives the name", enUS, codes.VolSnapshotBadName, nil, "VOL_SS_BAD_NAME"},
		{"unknown language uses the default", language.French, codes.VolNotExists, nil, "云盘不存在"},
		{"close language matches", language.English, codes.AppNotFound, name, "The app web was not found."},
		{"unknown code", enUS, codes.Code(99999), nil, "Code(99999)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Message(tt.lang, tt.code, tt.data); got != tt.want {
				t.Errorf("Message(%s, %s, %v) = %q, want %q", tt.lang, tt.code, tt.data, got, tt.want)
			}
		})
	}
}

// TestLeaveOut is the rule for a placeholder without a value, on sentences built to cover
// each case: at the start, in the middle, at the end, in quotes and brackets of both
// scripts, before punctuation, twice, side by side.
func TestLeaveOut(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The app {{.Name}} was not found.", "The app was not found."},
		{"{{.Name}} was not found.", "was not found."},
		{"Not found: {{.Name}}", "Not found"},
		{"Not found: {{.Name}}.", "Not found."},
		{"{{.Name}}: not found.", "not found."},
		{"A, {{.B}}, C.", "A, C."},
		{"未找到：{{.Name}}", "未找到"},
		{"The app {{.Name}}.", "The app."},
		{"The app “{{.Name}}” was not found.", "The app was not found."},
		{"The app \"{{.Name}}\" was not found.", "The app was not found."},
		{"The app ({{.Name}}) was not found.", "The app was not found."},
		{"应用“{{.Name}}”未找到", "应用未找到"},
		{"应用「{{.Name}}」未找到。", "应用未找到。"},
		{"云盘 {{.Name}}，容量 {{.Size}} 不足", "云盘，容量不足"},
		{"From {{.A}} {{.B}} to {{.C}}.", "From to."},
		{"{{.A}}{{.B}} moved", "moved"},
		{"Size {{.A}}{{.B}}!", "Size!"},
	}
	for _, tt := range tests {
		c, err := New(fstest.MapFS{"zh-CN.toml": file(fmt.Sprintf("APP_NOT_FOUND = %q\n", tt.text))}, OnProblem(func(Problem) {}))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Message(zhCN, codes.AppNotFound, nil); got != tt.want {
			t.Errorf("%q without data = %q, want %q", tt.text, got, tt.want)
		}
	}
	c, _ := New(fstest.MapFS{"zh-CN.toml": file("APP_NOT_FOUND = \"Size {{.A}}{{.B}}!\"\n")}, OnProblem(func(Problem) {}))
	if got := c.Message(zhCN, codes.AppNotFound, map[string]any{"B": "x"}); got != "Size x!" {
		t.Errorf("with B only: %q, want %q", got, "Size x!")
	}
	// The rule changes nothing when no placeholder is left out, not even a trailing space:
	// text/template keeps it, and FuzzRender compares with text/template.
	c, _ = New(fstest.MapFS{"zh-CN.toml": file("APP_NOT_FOUND = \"Not found: {{.A}}. \"\n")}, OnProblem(func(Problem) {}))
	for _, tt := range []struct {
		data map[string]any
		want string
	}{{map[string]any{"A": "x"}, "Not found: x. "}, {nil, "Not found."}} {
		if got := c.Message(zhCN, codes.AppNotFound, tt.data); got != tt.want {
			t.Errorf("%q with %v = %q, want %q", "Not found: {{.A}}. ", tt.data, got, tt.want)
		}
	}
}

// TestEveryMessageReadsWithoutData renders every message of every locale, of the embedded
// files and of the same messages with placeholders where a developer might put them
// (withPlaceholders), without data and with every field set. Without data, each is a
// sentence in its own language: never the wire name, a template, "<no value>", doubled or
// stray spaces; with data, every value shows.
func TestEveryMessageReadsWithoutData(t *testing.T) {
	for _, fsys := range []fs.FS{locales.FS, withPlaceholders(t, locales.FS)} {
		c, err := New(fsys, RequireComplete(), OnProblem(func(Problem) {}))
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range c.Languages() {
			l, _ := c.LocalizerFor(tag.String())
			for _, code := range codes.All() {
				text, fields := l.Template(code)
				got := l.Message(code, nil)
				if problem := unreadable(got, tag, code); problem != "" {
					t.Errorf("%s %s %q without data = %q: %s", tag, code, text, got, problem)
				}
				data := map[string]any{}
				for _, f := range fields {
					data[f] = "«" + f + "»"
				}
				full := l.Message(code, data)
				for _, f := range fields {
					if !strings.Contains(full, "«"+f+"»") {
						t.Errorf("%s %s with data = %q, lacks %s", tag, code, full, f)
					}
				}
			}
		}
	}
}

// unreadable says what makes msg no readable sentence in tag, or "".
func unreadable(msg string, tag language.Tag, code codes.Code) string {
	base, _ := tag.Base()
	han := strings.ContainsFunc(msg, isHan)
	switch {
	case msg == "" || msg == code.String():
		return "no message"
	case strings.Contains(msg, "{{") || strings.Contains(msg, "<no value>"):
		return "a template"
	case strings.Contains(msg, "  ") || strings.TrimSpace(msg) != msg:
		return "stray spaces"
	case regexp.MustCompile(` [.,;:!?，。、；：！？”」）)]`).MatchString(msg):
		return "a space before punctuation"
	case regexp.MustCompile(`“”|""|\(\)|「」|（）`).MatchString(msg):
		return "empty quotes"
	case base.String() == "zh" && !han:
		return "no Chinese"
	case base.String() != "zh" && han:
		return "Chinese in another language"
	}
	return ""
}

func TestProblemsReportedOnce(t *testing.T) {
	rec := &recorder{}
	c := templateCatalog(t, rec)
	en, _ := c.LocalizerFor("en-US")
	for range 100 {
		en.Message(codes.QuotaExceed, nil)  // missing in en-US and zh-CN
		en.Message(codes.VolNotExists, nil) // en-US rendered without {{.Volume}}
	}
	if got := rec.count(); got != 3 {
		t.Fatalf("%d problems reported, want 3 (once per language and code): %v", got, rec.problems)
	}
	var missing, data int
	for _, p := range rec.problems {
		switch {
		case errors.Is(p.Err, ErrMissing):
			missing++
		case errors.Is(p.Err, ErrMissingData) && p.Code == codes.VolNotExists && p.Lang == enUS:
			data++
			if !strings.Contains(p.Err.Error(), "{{.Volume}}") {
				t.Errorf("render problem %v does not name the missing key", p.Err)
			}
		}
	}
	if missing != 2 || data != 1 {
		t.Errorf("missing = %d, missing data = %d; want 2 and 1", missing, data)
	}
}

// TestProblemsLogged logs render problems with log/slog through LogTo.
func TestProblemsLogged(t *testing.T) {
	var logs strings.Builder
	c, err := New(fstest.MapFS{"zh-CN.toml": file("APP_NOT_FOUND = \"未找到应用 {{.Name}}\"\n")},
		OnProblem(LogTo(slog.New(slog.NewTextHandler(&logs, nil)))))
	if err != nil {
		t.Fatal(err)
	}
	c.Message(zhCN, codes.AppNotFound, nil)
	c.Message(zhCN, codes.AppNotFound, nil)
	if n := strings.Count(logs.String(), "level=WARN"); n != 1 || !strings.Contains(logs.String(), "code=APP_NOT_FOUND") ||
		!strings.Contains(logs.String(), "{{.Name}}") {
		t.Errorf("%d warnings logged:\n%s", n, logs.String())
	}
}

func TestTemplate(t *testing.T) {
	c := templateCatalog(t, &recorder{})
	en, _ := c.LocalizerFor("en-US")
	zh, _ := c.LocalizerFor("zh-CN")
	tests := []struct {
		l          Localizer
		code       codes.Code
		text, vars string
	}{
		{en, codes.AppNotFound, "The app {{.Name}} was not found.", "Name"},
		{zh, codes.VolBadName, "云硬盘名字 {{.Name}} 不合法", "Name"}, // its own delimiters, written {{ }}
		{en, codes.VolBadName, "云硬盘名字 {{.Name}} 不合法", "Name"}, // falls back
		{en, codes.VolNotExists, "The volume “{{.Volume}}” does not exist.", "Volume"},
		{zh, codes.VolNotExists, "云盘不存在", ""},
		{en, codes.QuotaExceed, "QUOTA_EXCEED", ""},
	}
	for _, tt := range tests {
		text, vars := tt.l.Template(tt.code)
		if text != tt.text || strings.Join(vars, ",") != tt.vars {
			t.Errorf("%s Template(%s) = %q, %q; want %q, %q", tt.l, tt.code, text, vars, tt.text, tt.vars)
		}
	}
}

// TestRenderBounded renders a message whose data is huge: each placeholder adds at most
// maxValueLen bytes and an ellipsis.
func TestRenderBounded(t *testing.T) {
	src := "APP_NOT_FOUND = \"" + strings.Repeat("{{.A}}{{.B}}", localefile.MaxPlaceholders/2) + "\"\n"
	c, err := New(fstest.MapFS{"zh-CN.toml": file(src)})
	if err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("x", 1<<20)
	got := c.Message(zhCN, codes.AppNotFound, map[string]any{"A": huge, "B": huge})
	if max := localefile.MaxPlaceholders * (maxValueLen + len("…")); len(got) != max {
		t.Errorf("rendered %d bytes, want %d", len(got), max)
	}
}

func TestZeroLocalizer(t *testing.T) {
	var l Localizer
	if got := l.Message(codes.AppNotFound, nil); got != "APP_NOT_FOUND" {
		t.Errorf("zero Localizer Message = %q", got)
	}
	if l.String() != "und" || l.Version() != "" {
		t.Errorf("zero Localizer = %s, %q", l, l.Version())
	}
}

func TestRenderConcurrent(t *testing.T) {
	rec := &recorder{}
	c := templateCatalog(t, rec)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 200 {
				l := c.Localizer([]string{"en", "zh"}[(i+j)%2])
				if got := l.Message(codes.AppNotFound, map[string]any{"Name": j}); got == "" {
					t.Error("empty message")
					return
				}
			}
		})
	}
	wg.Wait()
}
