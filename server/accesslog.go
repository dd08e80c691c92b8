package server

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// accessLog logs one line per request: method, path, status, the Code of an error body,
// the language of the body (its Content-Language) and the duration. It is the outermost
// handler, so it sees the body after the middleware has localized it.
func accessLog(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			p := recover()
			level := slog.LevelInfo
			if rec.status >= 500 || p != nil {
				level = slog.LevelError
			}
			attrs := []slog.Attr{
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", rec.status),
				slog.Int("code", rec.code()),
				slog.String("lang", rec.Header().Get("Content-Language")),
				slog.Duration("duration", time.Since(start)),
			}
			if p != nil {
				attrs = append(attrs, slog.Bool("aborted", true))
			}
			logger.LogAttrs(r.Context(), level, "request", attrs...)
			if p != nil {
				panic(p)
			}
		}()
		next.ServeHTTP(rec, r)
	})
}

// A recorder notes the status of a response and the start of an error body, and passes
// everything on. Unwrap lets http.ResponseController reach Flush and Hijack underneath.
type recorder struct {
	http.ResponseWriter
	status int
	head   []byte // the first bytes of a non-2XX JSON body
}

// headLimit bounds what a recorder keeps: Code comes first in the bodies we write and fill.
const headLimit = 512

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 && status >= 200 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if r.status >= 300 && len(r.head) < headLimit && strings.HasPrefix(r.Header().Get("Content-Type"), "application/json") {
		r.head = append(r.head, p[:min(len(p), headLimit-len(r.head))]...)
	}
	return r.ResponseWriter.Write(p)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// code returns the top-level Code member of the body's head, or 0.
func (r *recorder) code() int {
	if len(r.head) == 0 {
		return 0
	}
	dec := json.NewDecoder(bytes.NewReader(r.head))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return 0
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return 0
		}
		if n, ok := v.(json.Number); ok && key == "Code" {
			i, _ := n.Int64()
			return int(i)
		}
	}
	return 0
}
