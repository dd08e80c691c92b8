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
	return messageIn(t, url, "en-US")
}

// messageIn returns the message of APP_NOT_FOUND in lang as the server answers it now.
func messageIn(t *testing.T, url, lang string) string {
	t.Helper()
	r := get(t, http.DefaultClient, url+"/v1/errors/10205?lang="+lang, nil)
	var e entry
	if err := json.Unmarshal(r.body, &e); err != nil || r.status != 200 {
		t.Fatalf("GET /v1/errors/10205 = %d %s", r.status, r.body)
	}
	return e.Message
}

// eventually waits until the en-US message of APP_NOT_FOUND is want.
func eventually(t *testing.T, url, want string) {
	t.Helper()
	eventuallyIn(t, url, "en-US", want)
}

// eventuallyIn waits until the message of APP_NOT_FOUND in lang is want, failing shortly
// before the test binary's deadline: how long a reload takes depends on the machine.
func eventuallyIn(t *testing.T, url, lang, want string) {
	t.Helper()
	give := beforeDeadline(t)
	for {
		if messageIn(t, url, lang) == want {
			return
		}
		select {
		case <-give:
			t.Fatalf("%s message still %q, want %q", lang, messageIn(t, url, lang), want)
		case <-time.After(25 * time.Millisecond):
		}
	}
}

// health returns the server's /healthz report.
func health(t *testing.T, url string) healthReport {
	t.Helper()
	var h healthReport
	if r := get(t, http.DefaultClient, url+"/healthz", nil); r.status != 200 || json.Unmarshal(r.body, &h) != nil {
		t.Fatalf("GET /healthz = %d %s", r.status, r.body)
	}
	return h
}

// healthReport is the part of /healthz the reload tests read.
type healthReport struct {
	Status  string
	Locales []struct {
		Language string
		Serving  bool
		Removed  bool
		Refused  *struct{ Errors []string }
	}
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

	// A broken en-US.toml next to a good change in zh-CN.toml: the good change applies.
	if err := configmaptest.Publish(dir, broken(t, 4)); err != nil {
		t.Fatal(err)
	}
	rec := p.waitLog(t, "locale file refused; its language keeps serving its last good version", nil, 10*time.Second)
	if rec["file"] != filepath.Join(dir, "en-US.toml") || rec["line"] == 0.0 || rec["col"] == 0.0 {
		t.Errorf("the failed reload was logged as %v, want the file, its line and column", rec)
	}
	eventuallyIn(t, p.url, "zh-CN", "v4 未找到应用")
	if got := message(t, p.url); got != "v2 The app was not found." {
		t.Errorf("after a broken en-US: %q, want v2 still serving", got)
	}
	if h := health(t, p.url); h.Status != "degraded" || h.Locales[1].Refused == nil || !strings.HasPrefix(h.Locales[1].Refused.Errors[0], "en-US.toml:") {
		t.Errorf("/healthz after a refused en-US = %+v", h)
	}

	if err := configmaptest.Publish(dir, version(t, 5)); err != nil {
		t.Fatal(err)
	}
	eventually(t, p.url, "v5 The app was not found.")
	if h := health(t, p.url); h.Status != "ok" {
		t.Errorf("/healthz after a good version = %+v", h)
	}

	// The ConfigMap loses its en-US.toml key: English clients keep English.
	files := version(t, 6)
	delete(files, "en-US.toml")
	if err := configmaptest.Publish(dir, files); err != nil {
		t.Fatal(err)
	}
	p.waitLog(t, "i18n: the message files of a language are gone; it keeps serving its last version until the process restarts", map[string]any{"lang": "en-US"}, 10*time.Second)
	eventuallyIn(t, p.url, "zh-CN", "v6 未找到应用")
	if got := message(t, p.url); got != "v5 The app was not found." {
		t.Errorf("after en-US.toml was deleted: %q, want v5 still serving", got)
	}
	if h := health(t, p.url); h.Status != "degraded" || !h.Locales[1].Removed || !h.Locales[1].Serving {
		t.Errorf("/healthz after en-US.toml was deleted = %+v", h)
	}
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
