package i18n

import (
	"bufio"
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
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
[VOL_BAD_NAME]
leftDelim = "<<"
rightDelim = ">>"
other = "云硬盘名字 <<.Name>> 不合法"
[VOL_SS_BAD_NAME]
other = "{{if .Name}}{{.Name}}{{end}}"
`),
		"en-US.toml": file(`
APP_NOT_FOUND = "The app {{.Name}} was not found."
VOL_NOT_EXISTS = "The volume {{.Volume}} does not exist."
APP_KILL_ERROR = "  "
[VOL_SS_BAD_NAME]
other = "{{if .Name}}{{.Name}}{{end}}"
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
		{"missing key falls back to the default language", enUS, codes.VolNotExists, name, "云盘不存在"},
		{"missing data falls back to the name", enUS, codes.AppNotFound, nil, "APP_NOT_FOUND"},
		{"blank translation falls back", enUS, codes.AppKillError, nil, "终止应用失败"},
		{"missing translation falls back", enUS, codes.VolBadName, name, "云硬盘名字 web 不合法"},
		{"missing everywhere gives the name", enUS, codes.QuotaExceed, nil, "QUOTA_EXCEED"},
		{"empty render gives the name", enUS, codes.VolSnapshotBadName, nil, "VOL_SS_BAD_NAME"},
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

func TestProblemsReportedOnce(t *testing.T) {
	rec := &recorder{}
	c := templateCatalog(t, rec)
	en, _ := c.LocalizerFor("en-US")
	for range 100 {
		en.Message(codes.QuotaExceed, nil)  // missing in en-US and zh-CN
		en.Message(codes.VolNotExists, nil) // en-US render fails
	}
	if got := rec.count(); got != 3 {
		t.Fatalf("%d problems reported, want 3 (once per language and code): %v", got, rec.problems)
	}
	var missing, failed int
	for _, p := range rec.problems {
		switch {
		case errors.Is(p.Err, ErrMissing):
			missing++
		case p.Code == codes.VolNotExists && p.Lang == enUS:
			failed++
			if !strings.Contains(p.Err.Error(), "Volume") {
				t.Errorf("render problem %v does not name the missing key", p.Err)
			}
		}
	}
	if missing != 2 || failed != 1 {
		t.Errorf("missing = %d, failed = %d; want 2 and 1", missing, failed)
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
