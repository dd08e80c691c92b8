package middleware_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/locales"
	"github.com/apiswitch/errcode/middleware"
)

// benchRequests are two requests, reused, that browsers in each language send.
func benchRequests() [2]*http.Request {
	var rs [2]*http.Request
	for i, h := range []string{"zh-CN,zh;q=0.9,en;q=0.8", "en-US,en;q=0.9"} {
		rs[i] = httptest.NewRequest(http.MethodGet, "/apps/web", nil)
		rs[i].Header.Set("Accept-Language", h)
	}
	return rs
}

// goi18nBundle loads the embedded locales the way go-i18n's documentation does.
func goi18nBundle(b *testing.B) *goi18n.Bundle {
	bundle := goi18n.NewBundle(language.Make("zh-CN"))
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		if _, err := bundle.LoadMessageFileFS(locales.FS, name); err != nil {
			b.Fatal(err)
		}
	}
	return bundle
}

// setErrorHeaders sets what every error response carries, localized or not.
func setErrorHeaders(h http.Header) {
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
}

func BenchmarkMiddleware(b *testing.B) {
	cat := newCatalog(b)
	withData := codes.New(codes.AppNotFound).With("Name", "web")
	static := []byte(`{"Code":10205,"Message":"未找到应用"}`)
	bundle := goi18nBundle(b)
	handlers := []struct {
		name string
		h    http.Handler
	}{
		{"static", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			setErrorHeaders(w.Header())
			w.WriteHeader(http.StatusNotFound)
			w.Write(static)
		})},
		{"typed", middleware.New(cat)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			middleware.WriteError(w, r, codes.AppNotFound)
		}))},
		{"typed-data", middleware.New(cat)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			middleware.WriteError(w, r, withData) // data the message has no placeholder for
		}))},
		{"goi18n", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			l := goi18n.NewLocalizer(bundle, r.Header.Get("Accept-Language"))
			msg, err := l.Localize(&goi18n.LocalizeConfig{MessageID: codes.AppNotFound.String()})
			if err != nil {
				b.Fatal(err)
			}
			setErrorHeaders(w.Header())
			w.WriteHeader(http.StatusNotFound)
			json.NewEncoder(w).Encode(struct {
				Code    int
				Message string
			}{int(codes.AppNotFound), msg})
		})},
		{"fill", middleware.New(cat)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			setErrorHeaders(w.Header())
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"Code":10205}`))
		}))},
		{"fill-data", middleware.New(cat)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			setErrorHeaders(w.Header())
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"Code":10205,"Name":"web"}`)) // data the message has no placeholder for
		}))},
	}
	reqs := benchRequests()
	for _, h := range handlers {
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				rec := httptest.NewRecorder()
				h.h.ServeHTTP(rec, reqs[i&1])
				if rec.Code != http.StatusNotFound || rec.Body.Len() < 30 {
					b.Fatalf("%d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkMiddlewareOverhead measures what the middleware costs a request before any
// error: the context it adds (net/http copies the Request for it) and its own state.
func BenchmarkMiddlewareOverhead(b *testing.B) {
	nop := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	reqs := benchRequests()
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"none", nop}, {"middleware", middleware.New(newCatalog(b))(nop)}} {
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				h.h.ServeHTTP(httptest.NewRecorder(), reqs[i&1])
			}
		})
	}
}
