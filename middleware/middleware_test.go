package middleware_test

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/catalogtest"
	"github.com/apiswitch/errcode/middleware"
)

func TestLanguage(t *testing.T) {
	t.Parallel()
	cat := newCatalog(t)
	fr := catalogtest.Unserved(t, cat, 1)[0] // a language the catalog lacks
	tests := []struct {
		name    string
		opts    []middleware.Option
		target  string
		headers []string // Accept-Language lines
		want    string
	}{
		{"header", nil, "/", []string{"en-US,en;q=0.9"}, "en-US"},
		{"no header", nil, "/", nil, "zh-CN"},
		{"no match", nil, "/", []string{fr}, "zh-CN"},
		{"q=0", nil, "/", []string{"zh;q=0"}, "en-US"},
		{"lines joined", nil, "/", []string{fr, "en;q=0.5"}, "en-US"},
		{"query overrides", nil, "/?lang=en", []string{"zh-CN"}, "en-US"},
		{"query escaped", nil, "/?a=1&l%61ng=en%2DGB", []string{"zh-CN"}, "en-US"},
		{"unsupported query ignored", nil, "/?lang=" + fr, []string{"en"}, "en-US"},
		{"empty query ignored", nil, "/?lang=", []string{"en"}, "en-US"},
		{"query off", []middleware.Option{middleware.Query("")}, "/?lang=en", []string{"zh-CN"}, "zh-CN"},
		{"query renamed", []middleware.Option{middleware.Query("locale")}, "/?lang=zh&locale=en", []string{"zh-CN"}, "en-US"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got string
			h := middleware.New(cat, tt.opts...)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				l, ok := middleware.LocalizerFrom(r.Context())
				if !ok {
					t.Error("LocalizerFrom found no Localizer")
				}
				got = l.String()
				middleware.WriteError(w, r, codes.AppNotFound)
			}))
			r := request("GET", tt.target, "")
			r.Header["Accept-Language"] = tt.headers
			w := serve(h, r)
			if got != tt.want || w.Header().Get("Content-Language") != tt.want {
				t.Errorf("%s %q: LocalizerFrom = %s, Content-Language = %s, want %s",
					tt.target, tt.headers, got, w.Header().Get("Content-Language"), tt.want)
			}
		})
	}
}

func TestLocalizerFromOutside(t *testing.T) {
	t.Parallel()
	if _, ok := middleware.LocalizerFrom(request("GET", "/", "en").Context()); ok {
		t.Error("LocalizerFrom found a Localizer without the middleware")
	}
}

func TestNewPanics(t *testing.T) {
	t.Parallel()
	cat := newCatalog(t)
	tests := map[string]func(){
		"nil catalog":      func() { middleware.New(nil) },
		"nil next":         func() { middleware.New(cat)(nil) },
		"negative MaxBody": func() { middleware.New(cat, middleware.MaxBody(-1)) },
		"nil OnError":      func() { middleware.New(cat, middleware.OnError(nil)) },
		"nil Observe":      func() { middleware.New(cat, middleware.Observe(nil)) },
		"nil Members":      func() { middleware.New(cat, middleware.Members(nil)) },
	}
	for name, f := range tests {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func TestLogTo(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, nil))
	h := middleware.New(newCatalog(t), middleware.OnError(middleware.LogTo(l)))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/cause":
			middleware.WriteError(w, r, codes.Wrap(errors.New("secret cause"), codes.AppNotFound))
		case "/panic":
			panic("secret panic")
		}
	}))
	serve(h, request("GET", "/cause?token=t0ps3cret", "en"))
	serve(h, request("POST", "/panic", "en"))
	out := buf.String()
	for _, want := range []string{
		"level=WARN", "method=GET", "path=/cause", "secret cause",
		"level=ERROR", "method=POST", "path=/panic", "secret panic", "stack=",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "t0ps3cret") {
		t.Errorf("log shows the query:\n%s", out)
	}
}

func TestReload(t *testing.T) {
	t.Parallel()
	file := func(s string) fstest.MapFS {
		return fstest.MapFS{"zh-CN.toml": {Data: []byte("APP_NOT_FOUND = \"" + s + "\"\n")}}
	}
	cat, err := i18n.New(file("旧"))
	if err != nil {
		t.Fatal(err)
	}
	h := middleware.New(cat)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		middleware.WriteError(w, r, codes.AppNotFound)
	}))
	if w := serve(h, request("GET", "/", "")); w.Body.String() != `{"Code":10205,"Message":"旧"}` {
		t.Fatalf("before Reload: %s", w.Body)
	}
	if err := cat.Reload(file("新")); err != nil {
		t.Fatal(err)
	}
	if w := serve(h, request("GET", "/", "")); w.Body.String() != `{"Code":10205,"Message":"新"}` {
		t.Errorf("after Reload: %s", w.Body)
	}
}

func TestConcurrent(t *testing.T) {
	t.Parallel()
	h := middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/fill" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"Code":10205}`))
			return
		}
		middleware.WriteError(w, r, codes.AppNotFound)
	}))
	want := map[string]string{"zh-CN": "未找到应用", "en-US": "The app was not found."}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				lang, path := "zh-CN", "/"
				if (g+i)%2 == 0 {
					lang = "en-US"
				}
				if i%3 == 0 {
					path = "/fill"
				}
				w := serve(h, request("GET", path, lang))
				if !strings.Contains(w.Body.String(), `"Message":"`+want[lang]+`"`) {
					t.Errorf("%s %s: %s", path, lang, w.Body)
					return
				}
			}
		})
	}
	wg.Wait()
}
