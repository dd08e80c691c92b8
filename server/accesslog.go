package server

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/apiswitch/errcode/middleware"
)

// accessLog returns the middleware's Observe function that logs one line per request:
// method, path, status, the code and language of the error body the middleware wrote,
// filled or read (0 and "" for other bodies), the bytes written and the duration; and
// aborted or hijacked when so. It reads the middleware's outcome, never the body. 5XX
// and aborted responses are errors, the rest information.
func accessLog(logger *slog.Logger) func(*http.Request, middleware.Outcome) {
	return func(r *http.Request, o middleware.Outcome) {
		level := slog.LevelInfo
		if o.Status >= 500 || o.Aborted {
			level = slog.LevelError
		}
		attrs := [9]slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", o.Status),
			slog.Int("code", int(o.Code)),
			slog.String("lang", o.Lang),
			slog.Int64("bytes", o.Bytes),
			slog.Duration("duration", o.Duration),
		}
		n := 7
		if o.Aborted {
			attrs[n] = slog.Bool("aborted", true)
			n++
		}
		if o.Hijacked {
			attrs[n] = slog.Bool("hijacked", true)
			n++
		}
		logger.LogAttrs(context.Background(), level, "request", attrs[:n]...)
	}
}
