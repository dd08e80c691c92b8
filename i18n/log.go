package i18n

import (
	"context"
	"errors"
	"log/slog"
	"strings"
)

// LogTo returns the OnProblem function that logs to l, or to slog.Default() at the time of
// logging when l is nil: one record at level Warn per problem, with the language and the
// code, or for a problem with files, the files.
func LogTo(l *slog.Logger) func(Problem) {
	return func(p Problem) {
		logger := l
		if logger == nil {
			logger = slog.Default()
		}
		ctx := context.Background()
		var ig *ignoredIDs
		var rm *removedFiles
		switch {
		case errors.As(p.Err, &ig):
			logger.LogAttrs(ctx, slog.LevelWarn, ErrNotCode.Error(), slog.String("file", ig.file),
				slog.Int("count", len(ig.ids)), slog.String("ids", ig.listed()))
		case errors.As(p.Err, &rm):
			logger.LogAttrs(ctx, slog.LevelWarn, ErrRemoved.Error(), slog.String("lang", p.Lang.String()),
				slog.String("files", strings.Join(rm.files, ",")), slog.String("version", rm.version))
		default:
			logger.LogAttrs(ctx, slog.LevelWarn, "i18n: message not rendered as written", slog.String("lang", p.Lang.String()),
				slog.String("code", p.Code.String()), slog.Any("err", p.Err))
		}
	}
}
