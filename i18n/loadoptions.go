package i18n

import "github.com/apiswitch/errcode/internal/localefile"

// loadOptions are the options about reading files and reporting on them.
type loadOptions struct {
	maxFileSize int64 // 0: DefaultMaxFileSize
}

// DefaultMaxFileSize is the default limit on the size of one message file: 8 MiB. A larger
// file is refused before it is read whole.
const DefaultMaxFileSize = localefile.MaxSize

// MaxFileSize sets the largest message file the Catalog reads, in bytes; a larger one is
// refused, with an error that says so, before it is read whole. n <= 0 means the default,
// DefaultMaxFileSize.
func MaxFileSize(n int64) Option {
	return func(o *options) { o.load.maxFileSize = n }
}
