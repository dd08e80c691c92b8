package middleware_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/middleware"
)

func TestRecover(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		handler http.HandlerFunc
		status  int
		body    string
		headers map[string]string
	}{
		{"before writing", func(w http.ResponseWriter, r *http.Request) { panic("db password is hunter2") },
			500, `{"Code":10004,"Message":"An internal error occurred."}`,
			map[string]string{"Content-Type": "application/json", "Content-Language": "en-US", "Vary": "Accept-Language"}},
		{"panic(nil)", func(w http.ResponseWriter, r *http.Request) { panic(nil) },
			500, `{"Code":10004,"Message":"An internal error occurred."}`, nil},
		{"headers set, nothing written", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/csv")
			w.Header().Set("Content-Length", "1000")
			w.Header().Set("Etag", `"v1"`)
			w.Header().Set("Vary", "Origin")
			panic(errors.New("hunter2"))
		}, 500, `{"Code":10004,"Message":"An internal error occurred."}`,
			map[string]string{"Content-Type": "application/json", "Content-Length": "", "Etag": "", "Vary": "Origin | Accept-Language"}},
		{"another body's representation and its cookie", func(w http.ResponseWriter, r *http.Request) {
			for k, v := range map[string]string{"Content-Encoding": "gzip", "Content-Range": "bytes 0-9/99", "Content-Md5": "x",
				"Digest": "sha-256=x", "Repr-Digest": "sha-256=:x:", "Content-Digest": "sha-256=:x:",
				"Content-Disposition": "attachment", "Set-Cookie": "session=s3cret", "Location": "/next"} {
				w.Header().Set(k, v)
			}
			panic("x")
		}, 500, `{"Code":10004,"Message":"An internal error occurred."}`,
			map[string]string{"Content-Encoding": "", "Content-Range": "", "Content-Md5": "", "Digest": "", "Repr-Digest": "",
				"Content-Digest": "", "Content-Disposition": "", "Set-Cookie": "", "Location": ""}},
		{"while a body is held", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"Code":10205,"Detail":"hunter2"`))
			panic("hunter2")
		}, 500, `{"Code":10004,"Message":"An internal error occurred."}`, nil},
	}
	cat := newCatalog(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var rec recorded
			w := serve(middleware.New(cat, middleware.OnError(rec.hook))(tt.handler), request("GET", "/", "en"))
			if w.Code != tt.status || w.Body.String() != tt.body {
				t.Errorf("got %d %s, want %d %s", w.Code, w.Body, tt.status, tt.body)
			}
			checkHeaders(t, w.Header(), tt.headers)
			errs := rec.all()
			var pe *middleware.PanicError
			if len(errs) != 1 || !errors.As(errs[0], &pe) || len(pe.Stack) == 0 {
				t.Fatalf("OnError told %v, want one *PanicError with a stack", errs)
			}
			if !strings.Contains(string(pe.Stack), "recover_test.go") {
				t.Errorf("stack does not show the panicking handler:\n%s", pe.Stack)
			}
		})
	}
}

// servePanic serves r and returns the value the middleware panicked with.
func servePanic(h http.Handler, r *http.Request) (w *httptest.ResponseRecorder, v any) {
	w = httptest.NewRecorder()
	defer func() { v = recover() }()
	h.ServeHTTP(w, r)
	return w, nil
}

func TestRecoverAfterStatus(t *testing.T) {
	t.Parallel()
	var rec recorded
	h := middleware.New(newCatalog(t), middleware.OnError(rec.hook))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"items":[`))
		panic("hunter2")
	}))
	w, v := servePanic(h, request("GET", "/", "en"))
	if v != http.ErrAbortHandler {
		t.Errorf("panicked with %v, want http.ErrAbortHandler", v)
	}
	if w.Code != 200 || w.Body.String() != `{"items":[` {
		t.Errorf("got %d %s: a second body was written", w.Code, w.Body)
	}
	if len(rec.all()) != 1 {
		t.Errorf("OnError told %v, want the panic", rec.all())
	}
}

func TestRecoverAbortHandler(t *testing.T) {
	t.Parallel()
	var rec recorded
	h := middleware.New(newCatalog(t), middleware.OnError(rec.hook))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte(`{"Code":10004,`))
		panic(http.ErrAbortHandler)
	}))
	w, v := servePanic(h, request("GET", "/", "en"))
	if v != http.ErrAbortHandler {
		t.Errorf("panicked with %v, want http.ErrAbortHandler", v)
	}
	if w.Code != 502 || w.Body.String() != `{"Code":10004,` {
		t.Errorf("got %d %s, want the held part unchanged", w.Code, w.Body)
	}
	if len(rec.all()) != 0 {
		t.Errorf("OnError told %v about an abort", rec.all())
	}
}
