package i18n

import (
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// An Option configures a Catalog. The zero configuration works: zh-CN is the default
// language, incomplete languages are served with fallbacks, and problems are logged with
// slog.Default().
type Option func(*options)

type options struct {
	defaultLang language.Tag
	onProblem   func(Problem)
	complete    bool
	load        loadOptions
}

func newOptions(opts []Option) options {
	o := options{defaultLang: language.Make("zh-CN")}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// DefaultLanguage sets the language used when negotiation finds no match and the first
// fallback of every message. It must have a message file. The default is zh-CN.
func DefaultLanguage(tag language.Tag) Option {
	return func(o *options) { o.defaultLang = tag }
}

// OnProblem sets a function told about missing translations and messages rendered without
// some of their data, once per language version and code, instead of the log (see Logger).
// It runs on the request's goroutine, so it should be quick; it may be called concurrently.
func OnProblem(f func(Problem)) Option {
	return func(o *options) { o.onProblem = f }
}

// RequireComplete makes New and Reload refuse a language whose files lack a usable message
// (none, blank, or a stub) for some code: it is not served until complete, and keeps its
// last complete version on reload. Without it, a missing message falls back at render time.
func RequireComplete() Option {
	return func(o *options) { o.complete = true }
}

// A Problem is a message that could not be rendered as asked: Err is ErrMissing, or wraps
// ErrMissingData.
type Problem struct {
	Lang language.Tag
	Code codes.Code
	Err  error
}
