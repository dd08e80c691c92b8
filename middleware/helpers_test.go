package middleware_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"net/textproto"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// newCatalog loads the embedded locales.
func newCatalog(tb testing.TB) *i18n.Catalog {
	tb.Helper()
	cat, err := i18n.New(locales.FS)
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// templateCatalog has a message with a {{.Name}} placeholder.
func templateCatalog(tb testing.TB) *i18n.Catalog {
	tb.Helper()
	cat, err := i18n.New(fstest.MapFS{
		"zh-CN.toml": {Data: []byte("VOL_NAME_CONFLICT = \"云硬盘名称 {{.Name}} 已存在\"\nINTERNAL_ERROR = \"内部错误\"\n")},
		"en-US.toml": {Data: []byte("VOL_NAME_CONFLICT = \"A volume named {{.Name}} already exists.\"\nINTERNAL_ERROR = \"An internal error occurred.\"\n")},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// recorded collects what OnError is told.
type recorded struct {
	mu   sync.Mutex
	errs []error
}

func (rec *recorded) hook(r *http.Request, err error) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.errs = append(rec.errs, err)
}

func (rec *recorded) all() []error {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]error(nil), rec.errs...)
}

// request returns a GET request for target with Accept-Language set, when not empty.
func request(method, target, acceptLanguage string) *http.Request {
	r := httptest.NewRequest(method, target, nil)
	if acceptLanguage != "" {
		r.Header.Set("Accept-Language", acceptLanguage)
	}
	return r
}

// serve runs h on r and returns the recorded response.
func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// checkHeaders compares the headers named in want; an empty want value means absent.
func checkHeaders(t *testing.T, got http.Header, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if g := joined(got[http.CanonicalHeaderKey(k)]); g != v {
			t.Errorf("header %s = %q, want %q", k, g, v)
		}
	}
}

func joined(vs []string) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += " | "
		}
		s += v
	}
	return s
}

// withGot1xx returns r's context with a trace that tells got about 1XX responses.
func withGot1xx(r *http.Request, got func(code int)) context.Context {
	return httptrace.WithClientTrace(r.Context(), &httptrace.ClientTrace{
		Got1xxResponse: func(code int, _ textproto.MIMEHeader) error {
			got(code)
			return nil
		},
	})
}
