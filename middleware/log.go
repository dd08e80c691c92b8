package middleware

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
)

// LogTo returns the OnError function that logs to l, or to slog.Default() at the time of
// logging when l is nil: one record per error, with the request's method and path (never
// its query), at level Error for panics (with their stack) and errors answered with a 5XX
// status, and Warn otherwise. A nil request, as from WriteErrorFor, logs without them.
func LogTo(l *slog.Logger) func(r *http.Request, err error) {
	return func(r *http.Request, err error) {
		logger := l
		if logger == nil {
			logger = slog.Default()
		}
		attrs := make([]slog.Attr, 0, 4)
		ctx := context.Background()
		if r != nil {
			ctx = r.Context()
			attrs = append(attrs, slog.String("method", r.Method), slog.String("path", r.URL.Path))
		}
		attrs = append(attrs, slog.String("error", err.Error()))
		level := slog.LevelWarn
		var pe *PanicError
		if errors.As(err, &pe) {
			level = slog.LevelError
			attrs = append(attrs, slog.String("stack", string(pe.Stack)))
		} else if !errors.Is(err, ErrUnknownCode) && classify(err).status >= 500 {
			level = slog.LevelError
		}
		logger.LogAttrs(ctx, level, "middleware: error response", attrs...)
	}
}
