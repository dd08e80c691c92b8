package grpcerr

import (
	"context"
	"errors"
	"log/slog"

	grpccodes "google.golang.org/grpc/codes"
)

// LogTo returns the OnError function that logs to l, or to slog.Default() at the time of
// logging when l is nil: one record per error, with the method, at level Error for panics
// (with their stack) and INTERNAL answers, and Warn otherwise.
func LogTo(l *slog.Logger) func(context.Context, string, error) {
	return func(ctx context.Context, method string, err error) {
		logger := l
		if logger == nil {
			logger = slog.Default()
		}
		attrs := []slog.Attr{slog.String("method", method), slog.String("error", err.Error())}
		level := slog.LevelWarn
		var pe *PanicError
		if errors.As(err, &pe) {
			level = slog.LevelError
			attrs = append(attrs, slog.String("stack", string(pe.Stack)))
		} else if answersInternal(err) {
			level = slog.LevelError
		}
		logger.LogAttrs(ctx, level, "grpcerr: error status", attrs...)
	}
}

// answersInternal reports whether a Server answers err with INTERNAL or an HTTP 5XX
// status: what operators must look at, rather than what clients did wrong.
func answersInternal(err error) bool {
	a := classify(err)
	return a.localize && (a.problem.grpc == grpccodes.Internal || a.problem.status >= 500)
}
