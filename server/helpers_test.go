package server

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

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

// embeddedLanguages returns the languages of the embedded locale files, zh-CN first and
// then by tag, as /healthz lists them: what the server must serve, derived from the files.
func embeddedLanguages(t testing.TB) []string {
	t.Helper()
	names, err := fs.Glob(locales.FS, "*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded locale files: %v", err)
	}
	var langs []string
	for _, name := range names {
		tag, err := language.Parse(strings.TrimSuffix(name, ".toml"))
		if err != nil {
			t.Fatalf("embedded %s: %v", name, err)
		}
		langs = append(langs, tag.String())
	}
	slices.Sort(langs)
	i := slices.Index(langs, "zh-CN")
	if i < 0 {
		t.Fatalf("no zh-CN among the embedded languages %v", langs)
	}
	return append([]string{"zh-CN"}, slices.Delete(langs, i, i+1)...)
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
