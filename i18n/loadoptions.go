package i18n

import (
	"log/slog"

	"github.com/apiswitch/errcode/internal/localefile"
)

// loadOptions are the options about reading files and reporting on them.
type loadOptions struct {
	logger      *slog.Logger // nil: slog.Default()
	maxFileSize int64        // 0: localefile.MaxSize
}

// MaxFileSize is the default limit on the size of one message file: 8 MiB. A larger file
// is refused before it is read whole.
const MaxFileSize = localefile.MaxSize

// WithMaxFileSize sets the largest message file the Catalog reads, in bytes; a larger one
// is refused, with an error that says so, before it is read whole. The default is
// MaxFileSize.
func WithMaxFileSize(n int64) Option {
	return func(o *options) { o.load.maxFileSize = n }
}

// Logger sets where the Catalog logs what it does not return as an error: message ids
// that are no code (read, then dropped), a language whose files are gone and, unless
// OnProblem is set, the problems of rendering. The default is slog.Default().
func Logger(l *slog.Logger) Option {
	return func(o *options) { o.load.logger = l }
}
