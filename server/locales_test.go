package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// getJSON sends GET url with an Accept-Language and decodes the body.
func getJSON[T any](t *testing.T, url, lang string) T {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Language", lang)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return decode[T](t, resp.Body)
}

// TestStartWithBrokenLanguage starts with a broken en-US.toml: the server serves zh-CN, says
// why en-US is not served, and /healthz is degraded with the error's file:line:col.
func TestStartWithBrokenLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyLocales(t, dir)
	writeFile(t, dir, "en-US.toml", "# a translator's edit\n[APP_NOT_FOUND]\nother = \"{{range 10000000}}x{{end}}\"\n")
	s := start(t, "-locales", dir)
	if !strings.Contains(s.logs.String(), `"file":"`+filepath.Join(dir, "en-US.toml")+`","line":3,"col":10`) { // at {{range
		t.Errorf("the refused file was not logged with its position:\n%s", s.logs)
	}
	e := getJSON[errorBody](t, s.url+"/v1/errors/10205", "en")
	if e.Message != "未找到应用" {
		t.Errorf("an English client gets %q, want the default language", e.Message)
	}
	h := getJSON[healthReport](t, s.url+"/healthz", "")
	if h.Status != "degraded" || strings.Join(h.Languages, ",") != "zh-CN" || len(h.Locales) != 2 {
		t.Fatalf("/healthz = %+v", h)
	}
	en := h.Locales[1]
	if en.Language != "en-US" || en.Serving || en.Refused == nil || !strings.HasPrefix(en.Refused.Errors[0], "en-US.toml:3:10: APP_NOT_FOUND") {
		t.Errorf("/healthz en-US = %+v, %+v", en, en.Refused)
	}
	// One error for the refused message, one for each other code, which the file lacks: the
	// refused message is not reported missing as well.
	if en.Refused != nil && en.Refused.Count != len(codes.All()) {
		t.Errorf("/healthz en-US: %d errors, want %d", en.Refused.Count, len(codes.All()))
	}
}

// TestServeIncomplete starts with an en-US.toml that lacks all but one message: without
// -serve-incomplete, en-US is not served; with it, it is, and the rest falls back.
func TestServeIncomplete(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyLocales(t, dir)
	writeFile(t, dir, "en-US.toml", "[APP_NOT_FOUND]\nother = \"The app was not found.\"\n")
	for _, tt := range []struct {
		args            []string
		app, quota      string
		serving, status string
	}{
		{nil, "未找到应用", "超出配额", "zh-CN", "degraded"},
		{[]string{"-serve-incomplete"}, "The app was not found.", "超出配额", "zh-CN,en-US", "ok"},
	} {
		s := start(t, append([]string{"-locales", dir}, tt.args...)...)
		app := getJSON[errorBody](t, s.url+"/v1/errors/APP_NOT_FOUND", "en")
		quota := getJSON[errorBody](t, s.url+"/v1/errors/QUOTA_EXCEED", "en")
		h := getJSON[healthReport](t, s.url+"/healthz", "")
		if app.Message != tt.app || quota.Message != tt.quota || strings.Join(h.Languages, ",") != tt.serving || h.Status != tt.status {
			t.Errorf("%q: %q, %q, /healthz %+v", tt.args, app.Message, quota.Message, h)
		}
		if tt.args != nil && (h.Locales[1].Missing != len(codes.All())-1 || !strings.Contains(s.logs.String(), "language served incomplete")) {
			t.Errorf("%q: /healthz en-US = %+v; logs:\n%s", tt.args, h.Locales[1], s.logs)
		}
	}
}

// TestListTemplates lists a message with placeholders as its template and their names,
// never as the wire name or a sentence rendered without data.
func TestListTemplates(t *testing.T) {
	t.Parallel()
	cat, err := i18n.New(fstest.MapFS{
		"zh-CN.toml": {Data: []byte("APP_NOT_FOUND = \"未找到应用 {{.Name}}\"\nVOL_NOT_EXISTS = \"云盘不存在\"\n")},
		"en-US.toml": {Data: []byte("[APP_NOT_FOUND]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"The app <<.Name>> was not found in <<.Project>>.\"\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	h := Handler(cat, slog.New(slog.DiscardHandler), nil)
	for _, tt := range []struct{ lang, path, want string }{
		{"en", "/v1/errors/10205", `"Message":"The app {{.Name}} was not found in {{.Project}}.","Placeholders":["Name","Project"]}`},
		{"zh", "/v1/errors/10205", `"Message":"未找到应用 {{.Name}}","Placeholders":["Name"]}`},
		{"en", "/v1/errors", `"Message":"The app {{.Name}} was not found in {{.Project}}.","Placeholders":["Name","Project"]}`},
		{"zh", "/v1/errors/VOL_NOT_EXISTS", `"Message":"云盘不存在"}`},
	} {
		w := do(h, "GET", tt.path, map[string]string{"Accept-Language": tt.lang})
		if !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("%s %s = %s, want %s", tt.lang, tt.path, w.Body, tt.want)
		}
	}
}

// TestLoadErrorLogCapped logs a load with 10,000 errors in one file: the first ten, and a
// line that counts the rest.
func TestLoadErrorLogCapped(t *testing.T) {
	var errs []error
	for i := range 10_000 {
		errs = append(errs, &i18n.LoadError{File: "en-US.toml", Line: i + 1, Col: 1, Err: fmt.Errorf("broken %d", i)})
	}
	errs = append(errs, &i18n.LoadError{File: "fr-FR.toml", Line: 1, Col: 1, Err: fmt.Errorf("broken")})
	var logs strings.Builder
	logLoadError(slog.New(slog.NewTextHandler(&logs, nil)), "refused", "locales", errors.Join(errs...))
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 12 || !strings.Contains(lines[11], "more=9990") || !strings.Contains(lines[10], "fr-FR.toml") {
		t.Errorf("%d lines logged; the last: %q", len(lines), lines[len(lines)-1])
	}
	desc := describeLoadError("locales", errors.Join(errs...))
	if n := strings.Count(desc, "\n"); n != 12 || !strings.Contains(desc, "locales/en-US.toml: 9990 more errors") {
		t.Errorf("describeLoadError: %d lines:\n%s", n, desc)
	}
}
