package main_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/catalogtest"
	"github.com/apiswitch/errcode/locales"
)

type errorBody struct {
	Code    int
	Message string
}

type entry struct {
	Code       int
	Name       string
	HTTPStatus int
	Message    string
}

func TestCatalog(t *testing.T) {
	t.Parallel()
	p := start(t)
	c := http.DefaultClient
	embedded, err := i18n.New(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	absent := catalogtest.Unserved(t, embedded, 2) // languages the binary lacks
	tests := []struct {
		path, accept string
		lang, msg    string // of APP_NOT_FOUND
	}{
		{"/v1/errors/10205", "", "zh-CN", "未找到应用"},
		{"/v1/errors/10205", "zh-CN,zh;q=0.9,en;q=0.8", "zh-CN", "未找到应用"},
		{"/v1/errors/10205", "en-US,en;q=0.9", "en-US", "The app was not found."},
		{"/v1/errors/10205", "en-GB", "en-US", "The app was not found."},
		{"/v1/errors/10205", "zh-TW", "zh-CN", "未找到应用"},
		{"/v1/errors/10205", absent[0] + ", " + absent[1], "zh-CN", "未找到应用"},
		{"/v1/errors/10205", "zh;q=0", "en-US", "The app was not found."},
		{"/v1/errors/10205", "en-US, bad_tag_xxxxxxxxxx", "en-US", "The app was not found."},
		{"/v1/errors/10205", "en;Q=0.5", "en-US", "The app was not found."},
		{"/v1/errors/10205", "*", "zh-CN", "未找到应用"},
		{"/v1/errors/APP_NOT_FOUND?lang=en-US", "zh-CN", "en-US", "The app was not found."},
		{"/v1/errors/10205?lang=zh-CN", "en", "zh-CN", "未找到应用"},
		{"/v1/errors/10205?lang=nope", "en", "en-US", "The app was not found."},
	}
	for _, tt := range tests {
		r := get(t, c, p.url+tt.path, map[string]string{"Accept-Language": tt.accept})
		var e entry
		if err := json.Unmarshal(r.body, &e); err != nil || r.status != 200 {
			t.Errorf("GET %s (%q) = %d %s", tt.path, tt.accept, r.status, r.body)
			continue
		}
		if e != (entry{10205, "APP_NOT_FOUND", 404, tt.msg}) || r.header.Get("Content-Language") != tt.lang {
			t.Errorf("GET %s (%q) = %+v in %q, want %q in %q", tt.path, tt.accept, e, r.header.Get("Content-Language"), tt.msg, tt.lang)
		}
		if v := r.header.Get("Vary"); v != "Accept-Language" {
			t.Errorf("GET %s: Vary %q", tt.path, v)
		}
	}

	r := get(t, c, p.url+"/v1/errors", map[string]string{"Accept-Language": "en"})
	var list []entry
	if err := json.Unmarshal(r.body, &list); err != nil || len(list) != len(codes.All()) || list[0].Name != "ILLEGAL_PARAMETER" {
		t.Fatalf("GET /v1/errors = %d, %d entries, %v", r.status, len(list), err)
	}
	tag := r.header.Get("ETag")
	if nm := get(t, c, p.url+"/v1/errors", map[string]string{"Accept-Language": "en", "If-None-Match": tag}); nm.status != 304 || len(nm.body) != 0 {
		t.Errorf("conditional GET with %s = %d %q, want 304", tag, nm.status, nm.body)
	}
	if nm := get(t, c, p.url+"/v1/errors", map[string]string{"If-None-Match": tag}); nm.status != 200 {
		t.Errorf("conditional GET in another language = %d, want 200", nm.status)
	}

	r = get(t, c, p.url+"/v1/errors/NOPE", map[string]string{"Accept-Language": "en"})
	var b errorBody
	if json.Unmarshal(r.body, &b); r.status != 404 || b != (errorBody{10003, "The requested item was not found."}) {
		t.Errorf("GET /v1/errors/NOPE = %d %s", r.status, r.body)
	}
	if r := get(t, c, p.url+"/healthz", nil); r.status != 200 || !strings.Contains(string(r.body), `"Status":"ok"`) {
		t.Errorf("GET /healthz = %d %s", r.status, r.body)
	}
	if r := get(t, c, p.url+"/v1/errors", map[string]string{"Accept-Language": strings.Repeat("fr,", 80<<10/3)}); r.status != 431 {
		t.Errorf("an 80 KiB Accept-Language: status %d, want 431 from net/http", r.status)
	}
	p.waitLog(t, "request", map[string]any{"path": "/v1/errors/NOPE", "status": 404.0, "code": 10003.0, "lang": "en-US"}, 5*time.Second)
}

func TestGateway(t *testing.T) {
	t.Parallel()
	back := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/apps/missing":
			w.WriteHeader(404)
			io.WriteString(w, `{"Code":10205}`)
		case "/apps/custom":
			w.WriteHeader(400)
			io.WriteString(w, `{"Code":10001,"Message":"custom"}`)
		default:
			io.WriteString(w, `{"Name":"web","Replicas":3}`)
		}
	}))
	defer back.Close()
	p := start(t, "-upstream", back.URL)
	tests := []struct {
		path, accept string
		status       int
		body         string
	}{
		{"/apps/missing", "zh-CN", 404, `{"Code":10205,"Message":"未找到应用"}`},
		{"/apps/missing", "en-US", 404, `{"Code":10205,"Message":"The app was not found."}`},
		{"/apps/missing?lang=en-US", "zh-CN", 404, `{"Code":10205,"Message":"The app was not found."}`},
		{"/apps/custom", "en-US", 400, `{"Code":10001,"Message":"custom"}`},
		{"/apps/web", "en-US", 200, `{"Name":"web","Replicas":3}`},
	}
	for _, tt := range tests {
		r := get(t, http.DefaultClient, p.url+tt.path, map[string]string{"Accept-Language": tt.accept})
		if r.status != tt.status || string(r.body) != tt.body {
			t.Errorf("GET %s (%s) = %d %s, want %d %s", tt.path, tt.accept, r.status, r.body, tt.status, tt.body)
		}
	}
	back.Close()
	for accept, msg := range map[string]string{"en": "An internal error occurred.", "zh": "内部错误"} {
		r := get(t, http.DefaultClient, p.url+"/apps/missing", map[string]string{"Accept-Language": accept})
		var b errorBody
		if json.Unmarshal(r.body, &b); r.status != 502 || b != (errorBody{10004, msg}) {
			t.Errorf("back end down (%s) = %d %s, want 502 %q", accept, r.status, r.body, msg)
		}
	}
	p.waitLog(t, "request", map[string]any{"path": "/apps/missing", "status": 502.0, "code": 10004.0}, 5*time.Second)
}

func TestStartFailures(t *testing.T) {
	t.Parallel()
	broken, empty := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "zh-CN.toml"), []byte("[APP_NOT_FOUND]\nother = \"x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"broken locales", []string{"-locales", broken}, 1, filepath.Join(broken, "zh-CN.toml") + ":2:"},
		{"no such locales", []string{"-locales", filepath.Join(broken, "nope")}, 1, "-locales " + filepath.Join(broken, "nope") + ": no such directory"},
		{"empty locales", []string{"-locales", empty}, 1, "-locales " + empty + ": no *.toml locale file in it"},
		{"bad flag", []string{"-log-format", "xml"}, 2, "want text or json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := run(t, append(tt.args, "-addr", "127.0.0.1:0")...)
			if code := p.wait(t, 20*time.Second); code != tt.code || !strings.Contains(p.logs.String(), tt.stderr) {
				t.Errorf("apiswitch %q exited %d with %q; want %d with %q", tt.args, code, p.logs, tt.code, tt.stderr)
			}
			if strings.Contains(p.logs.String(), "listening") {
				t.Errorf("it listened before failing")
			}
		})
	}
}

func TestGracefulShutdown(t *testing.T) {
	t.Parallel()
	entered := make(chan struct{})
	back := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		time.Sleep(500 * time.Millisecond)
		io.WriteString(w, "finished")
	}))
	defer back.Close()
	p := start(t, "-upstream", back.URL)
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get(p.url + "/slow")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-entered
	p.cmd.Process.Signal(syscall.SIGTERM)
	if body := <-got; body != "finished" {
		t.Errorf("in-flight request during SIGTERM: %q, want it finished", body)
	}
	if code := p.wait(t, 10*time.Second); code != 0 {
		t.Errorf("exit code %d after SIGTERM, want 0", code)
	}
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(p.url, "http://"), time.Second); err == nil {
		t.Error("still listening after shutdown")
	}
}
