package grpcerr

import (
	"context"
	"errors"
	"log/slog"

	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/codes"
)

// logTo returns the OnError function that logs to l, or to slog.Default() when l is nil.
func logTo(l *slog.Logger) func(context.Context, string, error) {
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
// override: errors without a code or status, and codes the client cannot act on.
func answersInternal(err error) bool {
	if e, ok := codes.From(err); ok {
		c := e.Code.GRPCCode()
		return !e.Code.Known() || c == grpcOK || c == grpcInternal || e.Status >= 500
	}
	if _, ok := status.FromError(err); ok {
		return false
	}
	return !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}
