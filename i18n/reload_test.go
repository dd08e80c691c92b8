package i18n

import (
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/codes"
)

// version returns files whose messages end in " v" + n.
func version(n string) fstest.MapFS {
	return fstest.MapFS{
		"zh-CN.toml": file("APP_NOT_FOUND = \"未找到应用 v" + n + "\"\nAPP_KILL_ERROR = \"终止应用失败 v" + n + "\"\n"),
		"en-US.toml": file("APP_NOT_FOUND = \"The app was not found v" + n + ".\"\nAPP_KILL_ERROR = \"The app could not be stopped v" + n + ".\"\n"),
	}
}

// TestReloadPerLanguage breaks en-US.toml next to a good change in zh-CN.toml: the good
// change applies, en-US keeps its version and says why, and a fixed file clears that.
func TestReloadPerLanguage(t *testing.T) {
	c, err := New(version("1"))
	if err != nil {
		t.Fatal(err)
	}
	v1 := c.Status().Languages[1]
	broken := version("2")
	broken["en-US.toml"] = file("APP_NOT_FOUND = \"v2.\"\nAPP_KILL_ERROR = \n")
	err = c.Reload(broken)
	le := firstLoadError(t, err)
	if le.File != "en-US.toml" || le.Line != 2 || le.Col == 0 {
		t.Errorf("Reload error = %v, want en-US.toml:2:col", err)
	}
	if got := c.Message(zhCN, codes.AppNotFound, nil); got != "未找到应用 v2" {
		t.Errorf("zh-CN after the reload: %q, want the good change applied", got)
	}
	if got := c.Message(enUS, codes.AppNotFound, nil); got != "The app was not found v1." {
		t.Errorf("en-US after a refused reload: %q, want its last good version", got)
	}
	st := c.Status()
	en := st.Languages[1]
	if !st.Degraded || en.Refused == nil || en.Version != v1.Version || !en.Loaded.Equal(v1.Loaded) ||
		len(en.Refused.Errors) != 1 || en.Refused.Errors[0].Line != 2 {
		t.Errorf("status after a refused reload = %+v, %+v", st, en.Refused)
	}
	if err := c.Reload(version("3")); err != nil {
		t.Fatal(err)
	}
	if st := c.Status(); st.Degraded || st.Languages[1].Refused != nil || c.Message(enUS, codes.AppNotFound, nil) != "The app was not found v3." {
		t.Errorf("after a good reload: %+v", st)
	}
}

// TestReloadDeletedFile deletes en-US.toml: English clients keep English until the process
// restarts, the log says so, and the status is degraded until the file is back.
func TestReloadDeletedFile(t *testing.T) {
	var logs strings.Builder
	c, err := New(version("1"), OnProblem(LogTo(slog.New(slog.NewTextHandler(&logs, nil)))))
	if err != nil {
		t.Fatal(err)
	}
	gone := version("2")
	delete(gone, "en-US.toml")
	if err := c.Reload(gone); err != nil {
		t.Fatalf("Reload without en-US.toml: %v", err)
	}
	if got := c.Localizer("en").Message(codes.AppNotFound, nil); got != "The app was not found v1." {
		t.Errorf("en after its file was deleted: %q", got)
	}
	if !strings.Contains(logs.String(), "gone") || !strings.Contains(logs.String(), "en-US.toml") {
		t.Errorf("the log does not say en-US.toml is gone:\n%s", logs.String())
	}
	if st := c.Status(); !st.Degraded || !st.Languages[1].Removed || !st.Languages[1].Serving {
		t.Errorf("status = %+v, want en-US serving, removed, degraded", st)
	}
	if err := c.Reload(version("3")); err != nil {
		t.Fatal(err)
	}
	if st := c.Status(); st.Degraded || st.Languages[1].Removed {
		t.Errorf("status once the file is back = %+v", st)
	}
}

// TestReloadNewBrokenLanguage adds a broken fr-FR.toml: French stays absent and is listed as
// refused; the others apply.
func TestReloadNewBrokenLanguage(t *testing.T) {
	c, err := New(version("1"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := version("2")
	fsys["fr-FR.toml"] = file("APP_NOT_FOUND = \"{{.\"\n")
	if err := c.Reload(fsys); err == nil {
		t.Fatal("Reload with a broken new language succeeded")
	}
	if langs := c.Languages(); len(langs) != 2 || c.Message(zhCN, codes.AppNotFound, nil) != "未找到应用 v2" {
		t.Errorf("languages = %v", langs)
	}
	st := c.Status()
	if fr := st.Languages[len(st.Languages)-1]; fr.Tag.String() != "fr-FR" || fr.Serving || fr.Refused == nil || !st.Degraded {
		t.Errorf("status = %+v", st)
	}
	delete(fsys, "fr-FR.toml")
	if err := c.Reload(fsys); err != nil || c.Status().Degraded || len(c.Status().Languages) != 2 {
		t.Errorf("after removing the broken file: %v, %+v", err, c.Status())
	}
}

// TestReloadSameFiles keeps a language's version, and when it was loaded, when its files
// did not change.
func TestReloadSameFiles(t *testing.T) {
	c, err := New(version("1"))
	if err != nil {
		t.Fatal(err)
	}
	before, v := c.Status(), c.Version()
	if err := c.Reload(version("1")); err != nil {
		t.Fatal(err)
	}
	after := c.Status()
	if c.Version() != v || !after.Languages[0].Loaded.Equal(before.Languages[0].Loaded) {
		t.Errorf("status %+v, was %+v", after, before)
	}
}

// TestNewServesWhatIsGood refuses a broken en-US.toml at start but serves zh-CN; a broken
// default language fails New.
func TestNewServesWhatIsGood(t *testing.T) {
	fsys := version("1")
	fsys["en-US.toml"] = file("APP_NOT_FOUND = \n")
	c, err := New(fsys)
	if err == nil || c == nil || len(c.Languages()) != 1 || c.Localizer("en").String() != "zh-CN" {
		t.Fatalf("New = %v, %v; want zh-CN served and an error", c, err)
	}
	fsys["zh-CN.toml"] = file("APP_NOT_FOUND = \n")
	if c, err := New(fsys); c != nil || err == nil || !strings.Contains(err.Error(), "default language zh-CN") {
		t.Errorf("New with a broken default language = %v, %v", c, err)
	}
}

func TestLocalizerKeepsItsVersion(t *testing.T) {
	c, _ := New(version("1"))
	l := c.Localizer("en")
	if err := c.Reload(version("2")); err != nil {
		t.Fatal(err)
	}
	if got := l.Message(codes.AppNotFound, nil); got != "The app was not found v1." {
		t.Errorf("a Localizer taken before Reload renders %q, want v1", got)
	}
}

// TestReloadRace renders from many goroutines while Reload swaps languages, one broken in
// every fifth load. Run it with -race. Two messages rendered by one Localizer must come from
// one version, and a broken en-US must not hold back zh-CN.
func TestReloadRace(t *testing.T) {
	c, err := New(version("0"))
	if err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for n := 0; !stop.Load() || n < 100; n++ {
				l := c.Localizer([]string{"en-US,en;q=0.9", "zh-CN,zh;q=0.9"}[(i+n)%2])
				a, b := marker(l.Message(codes.AppNotFound, nil)), marker(l.Message(codes.AppKillError, nil))
				if a == "" || a != b {
					t.Errorf("one Localizer rendered versions %q and %q", a, b)
					return
				}
			}
		})
	}
	for n := range 50 {
		fsys := version(strconv.Itoa(n))
		if n%5 == 4 { // en-US breaks, zh-CN changes all the same
			fsys["en-US.toml"] = file("[APP_NOT_FOUND\n")
			if err := c.Reload(fsys); err == nil {
				t.Error("broken reload succeeded")
			}
			if got := marker(c.Message(zhCN, codes.AppNotFound, nil)); got != "v"+strconv.Itoa(n) {
				t.Errorf("zh-CN serves %s after a reload with a broken en-US, want v%d", got, n)
			}
			continue
		}
		if err := c.Reload(fsys); err != nil {
			t.Error(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	if got := marker(c.Message(enUS, codes.AppNotFound, nil)); got != "v48" {
		t.Errorf("after the reloads the catalog serves %s, want v48", got)
	}
}

// marker returns the "vN" at the end of a message made by version.
func marker(msg string) string {
	i := strings.LastIndex(msg, " v")
	if i < 0 {
		return ""
	}
	return strings.TrimSuffix(msg[i+1:], ".")
}

// TestReloadEmptyDirectory reloads a directory whose files are all gone, as when a ConfigMap
// is deleted: every language keeps serving, and the error says why.
func TestReloadEmptyDirectory(t *testing.T) {
	c, err := New(version("1"), discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Reload(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "no *.toml message files") {
		t.Errorf("Reload of an empty directory: %v", err)
	}
	st := c.Status()
	if len(c.Languages()) != 2 || !st.Degraded || !st.Languages[0].Removed || !st.Languages[1].Removed ||
		st.Errors[0].Error() != "i18n: no *.toml message files" {
		t.Errorf("status = %+v", st)
	}
	if got := c.Message(enUS, codes.AppNotFound, nil); got != "The app was not found v1." {
		t.Errorf("en-US = %q", got)
	}
}

// TestOnProblemFiles tells the OnProblem function, not only the log, about the problems
// of files: ids that are no code, once per file version, and a language whose files are
// gone; New reports OnProblem(nil).
func TestOnProblemFiles(t *testing.T) {
	rec := &recorder{}
	fsys := version("1")
	fsys["en-US.toml"] = file("APP_NOT_FOUND = \"The app was not found.\"\nNOT_A_CODE = \"x\"\n")
	c, err := New(fsys, OnProblem(rec.add))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Reload(fsys); err != nil { // the same files: nothing new to report
		t.Fatal(err)
	}
	delete(fsys, "en-US.toml")
	if err := c.Reload(fsys); err != nil {
		t.Fatal(err)
	}
	var notCode, removed int
	for _, p := range rec.problems {
		switch {
		case errors.Is(p.Err, ErrNotCode) && p.Lang == enUS && p.Code == 0 && strings.Contains(p.Err.Error(), "en-US.toml: ") && strings.HasSuffix(p.Err.Error(), "NOT_A_CODE"):
			notCode++
		case errors.Is(p.Err, ErrRemoved) && p.Lang == enUS && p.Code == 0 && strings.Contains(p.Err.Error(), "en-US.toml"):
			removed++
		default:
			t.Errorf("unexpected problem %+v", p)
		}
	}
	if notCode != 1 || removed != 1 {
		t.Errorf("told %d ErrNotCode and %d ErrRemoved problems, want 1 and 1: %+v", notCode, removed, rec.problems)
	}
	if _, err := New(version("1"), OnProblem(nil)); err == nil {
		t.Error("New with OnProblem(nil) succeeded")
	}
}
