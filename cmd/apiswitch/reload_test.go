package main_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/configmaptest"
	"github.com/apiswitch/errcode/locales"
)

var otherLine = regexp.MustCompile(`(?m)^other = "`)

// version returns the embedded locale files with every message prefixed by "v<n> ".
func version(t testing.TB, n int) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		b, err := locales.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = otherLine.ReplaceAllString(string(b), fmt.Sprintf(`other = "v%d `, n))
	}
	return files
}

// broken returns version n made invalid in one of two ways: a TOML syntax error, or a
// message missing from en-US (rejected as incomplete).
func broken(t testing.TB, n int) map[string]string {
	files := version(t, n)
	if n%2 == 0 {
		files["en-US.toml"] += "\n[UNTERMINATED\n"
	} else {
		en := files["en-US.toml"]
		files["en-US.toml"] = en[:strings.LastIndex(en, "\n[")+1]
	}
	return files
}

// message returns the en-US message of APP_NOT_FOUND as the server answers it now.
func message(t *testing.T, url string) string {
	t.Helper()
	r := get(t, http.DefaultClient, url+"/v1/errors/10205?lang=en-US", nil)
	var e entry
	if err := json.Unmarshal(r.body, &e); err != nil || r.status != 200 {
		t.Fatalf("GET /v1/errors/10205 = %d %s", r.status, r.body)
	}
	return e.Message
}

// eventually waits until the en-US message of APP_NOT_FOUND is want.
func eventually(t *testing.T, url, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if message(t, url) == want {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("message still %q after 10s, want %q", message(t, url), want)
}

func TestReloadConfigMap(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := configmaptest.Publish(dir, version(t, 1)); err != nil {
		t.Fatal(err)
	}
	p := start(t, "-locales", dir)
	if got := message(t, p.url); got != "v1 The app was not found." {
		t.Fatalf("message at start = %q", got)
	}

	if err := configmaptest.Publish(dir, version(t, 2)); err != nil {
		t.Fatal(err)
	}
	eventually(t, p.url, "v2 The app was not found.")

	if err := configmaptest.Publish(dir, broken(t, 4)); err != nil {
		t.Fatal(err)
	}
	rec := p.waitLog(t, "locales not reloaded; the previous catalog keeps serving", nil, 10*time.Second)
	if rec["file"] != filepath.Join(dir, "en-US.toml") || rec["line"] == 0.0 {
		t.Errorf("the failed reload was logged as %v, want the file and its line", rec)
	}
	if got := message(t, p.url); got != "v2 The app was not found." {
		t.Errorf("after a broken version: %q, want v2 still serving", got)
	}

	if err := configmaptest.Publish(dir, version(t, 5)); err != nil {
		t.Fatal(err)
	}
	eventually(t, p.url, "v5 The app was not found.")
}

func TestReloadSIGHUP(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, content := range version(t, 1) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := start(t, "-locales", dir)
	p.cmd.Process.Signal(syscall.SIGHUP)
	p.waitLog(t, "locales reloaded", map[string]any{"reason": "signal", "changed": false}, 10*time.Second)
	if got := message(t, p.url); got != "v1 The app was not found." {
		t.Errorf("after SIGHUP: %q", got)
	}
}

func TestSIGHUPWithEmbeddedLocales(t *testing.T) {
	t.Parallel()
	p := start(t)
	p.cmd.Process.Signal(syscall.SIGHUP)
	p.waitLog(t, "SIGHUP ignored: the locales are embedded (use -locales DIR)", nil, 10*time.Second)
	if got := message(t, p.url); got != "The app was not found." {
		t.Errorf("after SIGHUP: %q", got)
	}
}
