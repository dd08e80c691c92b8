package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// syncBuffer is a bytes.Buffer safe for a logger and a test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newCatalog loads the embedded locales.
func newCatalog(t testing.TB) *i18n.Catalog {
	t.Helper()
	cat, err := i18n.New(locales.FS, i18n.RequireComplete())
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// newHandler returns the server's handler on the embedded locales, logging into a buffer.
func newHandler(t testing.TB, upstream *url.URL) (http.Handler, *syncBuffer) {
	t.Helper()
	logs := new(syncBuffer)
	return Handler(newCatalog(t), slog.New(slog.NewJSONHandler(logs, nil)), upstream), logs
}

// do sends one request through h.
func do(h http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// errorBody is the wire shape of an API Switch error.
type errorBody struct {
	Code    int
	Message string
}

func decode[T any](t testing.TB, r io.Reader) T {
	t.Helper()
	var v T
	if err := json.NewDecoder(r).Decode(&v); err != nil {
		t.Fatalf("decoding the body: %v", err)
	}
	return v
}
