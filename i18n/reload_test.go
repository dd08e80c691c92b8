package i18n

import (
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

func TestReloadKeepsServingOnError(t *testing.T) {
	c, err := New(version("1"))
	if err != nil {
		t.Fatal(err)
	}
	v1 := c.Version()
	broken := version("2")
	broken["en-US.toml"] = file("APP_NOT_FOUND = \n")
	if err := c.Reload(broken); err == nil {
		t.Fatal("Reload of a broken file succeeded")
	}
	if got := c.Message(enUS, codes.AppNotFound, nil); got != "The app was not found v1." || c.Version() != v1 {
		t.Errorf("after a failed Reload: %q, version changed: %v", got, c.Version() != v1)
	}
	if err := c.Reload(version("3")); err != nil {
		t.Fatal(err)
	}
	if got := c.Message(enUS, codes.AppNotFound, nil); got != "The app was not found v3." || c.Version() == v1 {
		t.Errorf("after Reload: %q", got)
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

// TestReloadRace renders from many goroutines while Reload swaps catalogs, some broken.
// Run it with -race. Two messages rendered by one Localizer must come from one version.
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
		if n%5 == 4 {
			fsys["en-US.toml"] = file("[APP_NOT_FOUND\n")
			if err := c.Reload(fsys); err == nil {
				t.Error("broken reload succeeded")
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
