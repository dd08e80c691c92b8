package server

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAccessLog(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		handler http.HandlerFunc
		status  int
		code    int
		lang    string
	}{
		{"ok, implicit status", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hi") }, 200, 0, ""},
		{"error body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Language", "en-US")
			w.WriteHeader(404)
			io.WriteString(w, `{"Code":10205,"Message":"x"}`)
		}, 404, 10205, "en-US"},
		{"code after other members", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(400)
			io.WriteString(w, `{"Error":{"Nested":[1,2]},"Code":10001}`)
		}, 400, 10001, ""},
		{"code beyond the head", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(500)
			io.WriteString(w, `{"Pad":"`+strings.Repeat("x", 1000)+`","Code":10004}`)
		}, 500, 0, ""},
		{"not JSON", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(404)
			io.WriteString(w, `{"Code":10205}`)
		}, 404, 0, ""},
		{"2XX JSON not read", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"Code":10328}`)
		}, 200, 0, ""},
	}
	for _, tt := range tests {
		var logs strings.Builder
		h := accessLog(slog.New(slog.NewJSONHandler(&logs, nil)), tt.handler)
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/p", nil))
		var rec struct {
			Msg, Method, Path, Lang string
			Status, Code            int
			Duration                int64
		}
		if err := json.Unmarshal([]byte(logs.String()), &rec); err != nil {
			t.Fatalf("%s: log %q: %v", tt.name, logs.String(), err)
		}
		if rec.Msg != "request" || rec.Method != "GET" || rec.Path != "/p" || rec.Status != tt.status || rec.Code != tt.code || rec.Lang != tt.lang {
			t.Errorf("%s: logged %+v, want status %d code %d lang %q", tt.name, rec, tt.status, tt.code, tt.lang)
		}
	}
}

func TestAccessLogKeepsResponseController(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(accessLog(slog.New(slog.DiscardHandler), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		if r.URL.Path == "/hijack" {
			conn, buf, err := rc.Hijack()
			if err != nil {
				t.Errorf("Hijack: %v", err)
				return
			}
			buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\nhijacked")
			buf.Flush()
			conn.Close()
			return
		}
		io.WriteString(w, "flushed")
		if err := rc.Flush(); err != nil {
			t.Errorf("Flush: %v", err)
		}
	})))
	defer srv.Close()
	for path, want := range map[string]string{"/flush": "flushed", "/hijack": "hijacked"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) != want {
			t.Errorf("GET %s = %q, want %q", path, b, want)
		}
	}
}

func TestAccessLogRepanics(t *testing.T) {
	t.Parallel()
	var logs strings.Builder
	h := accessLog(slog.New(slog.NewJSONHandler(&logs, nil)), http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if p := recover(); p != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", p)
		}
		if !strings.Contains(logs.String(), `"aborted":true`) {
			t.Errorf("log %q does not say aborted", logs.String())
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}
