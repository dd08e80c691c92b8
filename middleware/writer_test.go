package middleware_test

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/apiswitch/errcode/middleware"
)

// TestFlush streams a 2XX body through a real server: the client must read the first
// part before the handler writes the second.
func TestFlush(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Flusher", "ResponseController"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			next := make(chan struct{})
			srv := httptest.NewServer(middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte("first\n"))
				if name == "Flusher" {
					w.(http.Flusher).Flush()
				} else if err := http.NewResponseController(w).Flush(); err != nil {
					t.Error(err)
				}
				<-next
				w.Write([]byte("second\n"))
			})))
			defer srv.Close()
			res, err := srv.Client().Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			br := bufio.NewReader(res.Body)
			line, err := br.ReadString('\n')
			if line != "first\n" || err != nil {
				t.Fatalf("read %q, %v before the handler went on", line, err)
			}
			close(next)
			if rest, _ := io.ReadAll(br); string(rest) != "second\n" {
				t.Errorf("rest = %q", rest)
			}
		})
	}
}

// TestFlushWhileHeld checks that flushing a held error body does not send it unfilled.
func TestFlushWhileHeld(t *testing.T) {
	t.Parallel()
	h := middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.(http.Flusher).Flush()
		w.Write([]byte(`{"Code":10205}`))
		http.NewResponseController(w).Flush()
	}))
	w := serve(h, request("GET", "/", "en"))
	if want := `{"Code":10205,"Message":"The app was not found."}`; w.Body.String() != want || !w.Flushed {
		t.Errorf("body %s, flushed %v; want %s, flushed", w.Body, w.Flushed, want)
	}
}

func TestHijack(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Hijacker", "ResponseController"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if err := http.NewResponseController(w).SetWriteDeadline(time.Now().Add(time.Minute)); err != nil {
					t.Errorf("SetWriteDeadline: %v", err)
				}
				hijack := w.(http.Hijacker).Hijack
				if name == "ResponseController" {
					hijack = http.NewResponseController(w).Hijack
				}
				c, rw, err := hijack()
				if err != nil {
					t.Error(err)
					return
				}
				defer c.Close()
				rw.WriteString("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 3\r\nConnection: close\r\n\r\ntea")
				rw.Flush()
			})))
			defer srv.Close()
			res, err := srv.Client().Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != 418 || string(body) != "tea" {
				t.Errorf("got %d %q over the hijacked connection", res.StatusCode, body)
			}
		})
	}
}

func TestHijackNotSupported(t *testing.T) {
	t.Parallel()
	h := middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, _, err := http.NewResponseController(w).Hijack(); !errors.Is(err, http.ErrNotSupported) {
			t.Errorf("Hijack on a recorder: %v, want http.ErrNotSupported", err)
		}
	}))
	serve(h, request("GET", "/", "en"))
}

func TestUnwrap(t *testing.T) {
	t.Parallel()
	h := middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			t.Fatal("no Unwrap")
		}
		if _, ok := u.Unwrap().(*httptest.ResponseRecorder); !ok {
			t.Errorf("Unwrap() = %T, want the recorder", u.Unwrap())
		}
	}))
	serve(h, request("GET", "/", "en"))
}

func TestReadFrom(t *testing.T) {
	t.Parallel()
	h := middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/error" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
		}
		io.Copy(w, strings.NewReader(`{"Code":10205}`))
	}))
	if w := serve(h, request("GET", "/", "en")); w.Code != 200 || w.Body.String() != `{"Code":10205}` {
		t.Errorf("2XX: %d %s", w.Code, w.Body)
	}
	if w := serve(h, request("GET", "/error", "en")); w.Code != 404 || !bytes.Contains(w.Body.Bytes(), []byte("Message")) {
		t.Errorf("held: %d %s", w.Code, w.Body)
	}
}

// TestInformational checks that 1XX responses pass through and the final status still
// decides.
func TestInformational(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "</app.css>; rel=preload")
		w.WriteHeader(http.StatusEarlyHints)
		w.Header().Del("Link")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"Code":10205}`))
	})))
	defer srv.Close()
	var hints int
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept-Language", "en")
	req = req.WithContext(withGot1xx(req, func(code int) { hints = code }))
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if hints != http.StatusEarlyHints || res.StatusCode != 404 || string(body) != `{"Code":10205,"Message":"The app was not found."}` {
		t.Errorf("1XX %d, then %d %s", hints, res.StatusCode, body)
	}
}
