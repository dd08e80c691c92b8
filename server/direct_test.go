package server

import (
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/catalogtest"
	"github.com/apiswitch/errcode/middleware"
)

// newRoutes returns the server's handler and the outcomes it gives the access log.
func newRoutes(t testing.TB) (*routes, *[]middleware.Outcome) {
	t.Helper()
	var outs []middleware.Outcome
	h := handlerWith(newCatalog(t), slog.New(slog.DiscardHandler), func(_ *http.Request, o middleware.Outcome) {
		outs = append(outs, o)
	}, gatewayConfig{})
	return h.(*routes), &outs
}

// sameAsMiddleware serves a request through the middleware, as every request was served
// before direct, and through the server's handler, and fails t where the two answers or
// access log records differ. It reports whether direct answered.
func sameAsMiddleware(t *testing.T, s *routes, outs *[]middleware.Outcome, newReq func() *http.Request) bool {
	t.Helper()
	*outs = (*outs)[:0]
	want := httptest.NewRecorder()
	s.mw.ServeHTTP(want, newReq())
	got := httptest.NewRecorder()
	r := newReq()
	_, direct := directCode(r)
	before := time.Now()
	s.ServeHTTP(got, r)
	after := time.Now()
	name := r.Method + " " + r.URL.String()
	if got.Code != want.Code || got.Body.String() != want.Body.String() || !maps.EqualFunc(got.Header(), want.Header(), slices.Equal) {
		t.Fatalf("%s (%q): direct %d %v %q; middleware %d %v %q", name, r.Header, got.Code, got.Header(), got.Body, want.Code, want.Header(), want.Body)
	}
	if len(*outs) != 2 {
		t.Fatalf("%s: %d access log records, want 2", name, len(*outs))
	}
	wo, do := (*outs)[0], (*outs)[1]
	if do.Duration < 0 || do.Duration > after.Sub(before) || do.End.Before(before) || do.End.After(after) {
		t.Errorf("%s: direct's record has duration %v, end %v; served from %v to %v", name, do.Duration, do.End, before, after)
	}
	wo.Duration, wo.End, do.Duration, do.End = 0, time.Time{}, 0, time.Time{}
	if do != wo {
		t.Fatalf("%s: direct's access log record %+v, middleware's %+v", name, do, wo)
	}
	return direct
}

func TestDirectLikeMiddleware(t *testing.T) {
	t.Parallel()
	s, outs := newRoutes(t)
	fr := catalogtest.Unserved(t, s.cat, 1)[0]
	tag := do(s, "GET", "/v1/errors", map[string]string{"Accept-Language": "en"}).Header().Get("Etag")
	tests := []struct {
		method, target string
		header         map[string]string
		direct         bool
	}{
		{"GET", "/v1/errors", nil, true},
		{"GET", "/v1/errors?", nil, true}, // an empty query
		{"HEAD", "/v1/errors", nil, true},
		{"GET", "/v1/errors", map[string]string{"Accept-Language": "en-US,en;q=0.9"}, true},
		{"GET", "/v1/errors", map[string]string{"Accept-Language": fr}, true},
		{"GET", "/v1/errors", map[string]string{"Accept-Language": "zh;q=0, *"}, true},
		{"GET", "/v1/errors", map[string]string{"Accept-Language": "en;q=0.5;q=0.6, de-xx-yyyyyyyyy, ,,,"}, true},
		{"GET", "/v1/errors", map[string]string{"Accept-Language": "en", "If-None-Match": tag}, true},
		{"HEAD", "/v1/errors", map[string]string{"Accept-Language": "en", "If-None-Match": tag}, true},
		{"GET", "/v1/errors", map[string]string{"Accept-Language": "en", "If-None-Match": `"x", W/` + tag}, true},
		{"GET", "/v1/errors", map[string]string{"If-None-Match": "*"}, true},
		{"GET", "/v1/errors", map[string]string{"Accept-Language": "zh", "If-None-Match": tag}, true}, // another language's tag
		{"GET", "/v1/errors/10205", map[string]string{"Accept-Language": "en"}, true},
		{"GET", "/v1/errors/app_NOT_found", nil, true},
		{"GET", "/v1/errors/%31%30%32%30%35", nil, true},
		{"HEAD", "/v1/errors/TOKEN_INVALID", map[string]string{"If-None-Match": "*"}, true},
		// What the middleware serves: a query, another method, an unknown code, other paths.
		{"GET", "/v1/errors?lang=en", nil, false},
		{"GET", "/v1/errors/10205?lang=en-US", map[string]string{"Accept-Language": "zh"}, false},
		{"POST", "/v1/errors", nil, false},
		{"OPTIONS", "/v1/errors/10205", nil, false},
		{"GET", "/v1/errors/99999", map[string]string{"Accept-Language": "en"}, false},
		{"GET", "/v1/errors/+10205", nil, false},
		{"GET", "/v1/errors/", nil, false},
		{"GET", "/v1/errors/10205/more", nil, false},
		{"GET", "/v1/errors/", nil, false},
		{"GET", "/v1/errors/", nil, false},
		{"GET", "/v1/errorsx", nil, false},
		{"GET", "/healthz", nil, false},
		{"GET", "/apps/web", map[string]string{"Accept-Language": "en"}, false},
	}
	for _, tt := range tests {
		newReq := func() *http.Request {
			r := httptest.NewRequest(tt.method, tt.target, nil)
			for k, v := range tt.header {
				r.Header.Set(k, v)
			}
			return r
		}
		if got := sameAsMiddleware(t, s, outs, newReq); got != tt.direct {
			t.Errorf("%s %s (%v): direct %v, want %v", tt.method, tt.target, tt.header, got, tt.direct)
		}
	}
}

// FuzzDirect holds direct to the middleware's answers and access log records for
// arbitrary requests.
func FuzzDirect(f *testing.F) {
	f.Add("GET", "/v1/errors", "", "en-US,en;q=0.9", `"x"`)
	f.Add("HEAD", "/v1/errors/10205", "", "zh;q=0, *", "*")
	f.Add("GET", "/v1/errors/app_not_found", "lang=en", "-", "")
	s, outs := newRoutes(f)
	f.Fuzz(func(t *testing.T, method, path, query, accept, ifNoneMatch string) {
		if !validMethod(method) {
			return
		}
		sameAsMiddleware(t, s, outs, func() *http.Request {
			r := httptest.NewRequest("GET", "/", nil)
			r.Method = method
			r.URL = &url.URL{Path: path, RawQuery: query}
			r.Header.Set("Accept-Language", accept)
			r.Header.Set("If-None-Match", ifNoneMatch)
			return r
		})
	})
}
