package i18n

import (
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// An Option configures a Catalog. The zero configuration works: zh-CN is the default
// language and problems go nowhere.
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

// OnProblem sets a function told about missing translations and failed renders, once per
// language and code in each loaded catalog. It runs on the request's goroutine, so it
// should be quick; it may be called concurrently.
func OnProblem(f func(Problem)) Option {
	return func(o *options) { o.onProblem = f }
}

// RequireComplete makes New and Reload reject a set of files in which some language lacks
// a message for some code. Without it, a missing message falls back at render time.
func RequireComplete() Option {
	return func(o *options) { o.complete = true }
}

// A Problem is a message that could not be rendered as asked: Err is ErrMissing, or the
// template's execution error.
type Problem struct {
	Lang language.Tag
	Code codes.Code
	Err  error
}
