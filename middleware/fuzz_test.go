package middleware_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

// FuzzFill runs arbitrary responses through the fill path: it never panics, a body it
// does not fill comes out byte for byte, and a body it fills is valid JSON with the same
// members and values plus a non-empty Message.
func FuzzFill(f *testing.F) {
	for _, s := range []struct {
		status int
		ct     string
		body   string
	}{
		{404, "application/json", `{"Code":10205}`},
		{500, "application/json; charset=utf-8", `{"Message":null, "Code":10004, "x":[1e999,{"y":"\u00e9"}]}`},
		{404, "application/problem+json", ` {"Code":10205,"Message":""} `},
		{404, "application/json", `{"Code":10205,"Message":"kept"}`},
		{404, "application/json", `{"Code":99999}`},
		{404, "text/plain", `{"Code":10205}`},
		{200, "application/json", `{"Code":10205}`},
		{409, "application/json", `{"Code":10202,}`},
		{404, "application/json", `{"\u0043ode":10205,"Code":1}`},
	} {
		f.Add(s.status, s.ct, []byte(s.body), false)
	}
	f.Add(404, "application/json", []byte(`{"Code":10205,"Message":7}`), true)
	// echo answers with the status, content type and body of the request.
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = r.Header["X-Content-Type"]
		status, _ := strconv.Atoi(r.Header.Get("X-Status"))
		w.WriteHeader(status)
		io.Copy(w, r.Body)
	})
	cat, quiet := newCatalog(f), middleware.OnError(func(*http.Request, error) {})
	handlers := map[bool]http.Handler{
		false: middleware.New(cat, quiet)(echo),
		true:  middleware.New(cat, quiet, middleware.Overwrite(true))(echo),
	}
	f.Fuzz(func(t *testing.T, status int, ct string, body []byte, overwrite bool) {
		status = 200 + (status%400+400)%400 // 200 to 599: 1XX is the next response's business
		r := httptest.NewRequest("POST", "/", bytes.NewReader(body))
		r.Header.Set("Accept-Language", "en")
		r.Header["X-Content-Type"] = []string{ct}
		r.Header.Set("X-Status", strconv.Itoa(status))
		w := serve(handlers[overwrite], r)
		if w.Code != status {
			t.Fatalf("status %d, want %d", w.Code, status)
		}
		out := w.Body.Bytes()
		if w.Header().Get("Content-Language") == "" {
			if !bytes.Equal(out, body) {
				t.Fatalf("not filled, but changed:\n in %q\nout %q", body, out)
			}
			return
		}
		checkFilled(t, body, out)
	})
}

// checkFilled checks that out is in with Message filled.
func checkFilled(t *testing.T, in, out []byte) {
	t.Helper()
	var before, after map[string]json.RawMessage
	if err := json.Unmarshal(in, &before); err != nil {
		t.Fatalf("filled a body encoding/json rejects: %q: %v", in, err)
	}
	if err := json.Unmarshal(out, &after); err != nil || !json.Valid(out) {
		t.Fatalf("filled body is not JSON: %q: %v", out, err)
	}
	var msg string
	if err := json.Unmarshal(after["Message"], &msg); err != nil || msg == "" {
		t.Fatalf("Message of %q is %s", out, after["Message"])
	}
	delete(before, "Message")
	delete(after, "Message")
	if len(before) != len(after) {
		t.Fatalf("members changed:\n in %q\nout %q", in, out)
	}
	for k, v := range before {
		if !bytes.Equal(v, after[k]) {
			t.Fatalf("member %q changed from %s to %s", k, v, after[k])
		}
	}
}

type errKey struct{}

// FuzzWriteError writes arbitrary errors: the body is valid JSON and UTF-8 with a known
// code and a non-empty Message, the status can carry a body, and the cause never shows.
func FuzzWriteError(f *testing.F) {
	f.Add(10310, "data", "connection refused", 0, uint8(0))
	f.Add(10205, "", "", 502, uint8(1))
	f.Add(99999, "\xff\xfe<script>", "secret", 204, uint8(2))
	f.Add(0, "{{.Name}}", "x", -1, uint8(3))
	f.Add(10101, "\u2028", "token=abc", 401, uint8(4))
	h := middleware.New(templateCatalog(f), middleware.OnError(func(*http.Request, error) {}))(
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			middleware.WriteError(w, r, r.Context().Value(errKey{}).(error))
		}))
	f.Fuzz(func(t *testing.T, code int, name, cause string, status int, form uint8) {
		secret := "CAUSE<" + cause + ">"
		var err error
		e := &codes.Error{Code: codes.Code(code), Data: map[string]any{"Name": name}, Cause: errors.New(secret), Status: status}
		switch form % 5 {
		case 0:
			err = e
		case 1:
			err = fmt.Errorf("wrapped: %w", e)
		case 2:
			err = codes.Code(code)
		case 3:
			err = errors.New(secret)
		case 4:
			err = errors.Join(errors.New(secret), e)
		}
		r := request("GET", "/", "en")
		w := serve(h, r.WithContext(context.WithValue(r.Context(), errKey{}, err)))
		body := w.Body.Bytes()
		var got struct {
			Code    codes.Code
			Message string
		}
		if !utf8.Valid(body) || json.Unmarshal(body, &got) != nil {
			t.Fatalf("body is not JSON in UTF-8: %q", body)
		}
		if !got.Code.Known() || got.Message == "" {
			t.Fatalf("body %s: unknown code or empty message", body)
		}
		if w.Code < 200 || w.Code > 599 || w.Code == 204 || w.Code == 304 {
			t.Fatalf("status %d cannot carry the body", w.Code)
		}
		if !strings.Contains(name, "CAUSE") && bytes.Contains(body, []byte("CAUSE")) {
			t.Fatalf("body shows the cause: %s", body)
		}
	})
}
