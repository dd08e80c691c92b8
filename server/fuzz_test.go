package server

import (
	"net/http/httptest"
	"net/url"
	"testing"
)

// FuzzRequest sends arbitrary paths, queries and headers to the server's own handler:
// it never answers a 5XX and every error body is an API Switch error with a message.
func FuzzRequest(f *testing.F) {
	f.Add("GET", "/v1/errors/10205", "lang=en", "en-US,en;q=0.9", `"x"`)
	f.Add("GET", "/v1/errors", "", "zh;q=0, *", "*")
	f.Add("POST", "/healthz", "lang=%zz", "bad_tag_xxxxxxxxxx;Q=0.5", `W/"a", "b"`)
	f.Add("GET", "/v1/errors/app_not_found", "lang=*", "-", "")
	h, _ := newHandler(f, nil)
	f.Fuzz(func(t *testing.T, method, path, query, accept, ifNoneMatch string) {
		if !validMethod(method) {
			return
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.Method = method
		r.URL = &url.URL{Path: path, RawQuery: query}
		r.Header.Set("Accept-Language", accept)
		r.Header.Set("If-None-Match", ifNoneMatch)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %q ?%q (Accept-Language %q): status %d", method, path, query, accept, w.Code)
		}
		if w.Code >= 400 {
			if b := decode[errorBody](t, w.Body); b.Code == 0 || b.Message == "" {
				t.Fatalf("%s %q: error body %+v", method, path, b)
			}
		}
	})
}

// validMethod reports whether m is a token, as net/http requires of a request it serves.
func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, c := range []byte(m) {
		if c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '"' || c == ',' || c == '/' || c == ':' || c == ';' || c == '<' || c == '=' || c == '>' || c == '?' || c == '@' || c == '[' || c == '\\' || c == ']' || c == '{' || c == '}' {
			return false
		}
	}
	return true
}
