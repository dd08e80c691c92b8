package i18n

import (
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// An Option configures a Catalog. The zero configuration works: zh-CN is the default
// language, incomplete languages are served with fallbacks, and problems are logged with
// slog.Default() (see OnProblem).
type Option func(*options)

type options struct {
	defaultLang language.Tag
	onProblem   func(Problem)
	complete    bool
	load        loadOptions

	fallback []language.Tag // FallbackOrder
	err      error          // the first invalid option, returned by New
}

func newOptions(opts []Option) options {
	o := options{defaultLang: language.Make("zh-CN"), onProblem: LogTo(nil)}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// DefaultLanguage sets the language used when negotiation finds no match and the first
// fallback of every message, as a BCP 47 tag such as "en-US" (case and "_" for "-" do not
// matter). It must have a message file. The default is zh-CN; New reports a tag that does
// not parse.
func DefaultLanguage(tag string) Option {
	return func(o *options) {
		if t, ok := o.parseTag("DefaultLanguage", tag); ok {
			o.defaultLang = t
		}
	}
}

// OnProblem sets the function told what the Catalog serves around rather than returns as
// an error: missing translations and messages rendered without some of their data, once
// per language version and code; message ids that are no code, once per file version; a
// language whose files are gone. It runs on the request's goroutine (New's or Reload's,
// for the files), so it should be quick; it may be called concurrently. The default is
// LogTo(nil): a log/slog record on slog.Default(); OnProblem(LogTo(logger)) logs
// elsewhere. New reports a nil f.
func OnProblem(f func(Problem)) Option {
	return func(o *options) {
		if f == nil {
			o.fail(errors.New("i18n: OnProblem(nil)"))
			return
		}
		o.onProblem = f
	}
}

// RequireComplete makes New and Reload refuse a language whose files lack a usable message
// (none, blank, or a stub) for some code: it is not served until complete, and keeps its
// last complete version on reload. Without it, a missing message falls back at render time.
func RequireComplete() Option {
	return func(o *options) { o.complete = true }
}

// A Problem is what OnProblem is told. For a message that could not be rendered as asked,
// Err is ErrMissing or wraps ErrMissingData; for the files of Lang, Code is 0 and Err
// wraps ErrNotCode or ErrRemoved.
type Problem struct {
	Lang language.Tag
	Code codes.Code
	Err  error
}

// FallbackOrder sets the languages to answer in, in this order, when the header excludes
// the default language with q=0 ("zh;q=0") and names nothing else the catalog has. Tags
// the catalog has no file for are skipped, so one order can outlive a reload. The
// catalog's other languages follow in the default order: the default language's own
// relatives (zh-TW after zh-CN), then English, then the rest by tag. New reports a tag
// that does not parse.
func FallbackOrder(tags ...string) Option {
	return func(o *options) {
		o.fallback = o.fallback[:0]
		for _, s := range tags {
			if t, ok := o.parseTag("FallbackOrder", s); ok {
				o.fallback = append(o.fallback, t)
			}
		}
	}
}

// parseTag parses the tag an option was given, recording the first error.
func (o *options) parseTag(option, s string) (language.Tag, bool) {
	t, err := language.Parse(normalizeRange(s))
	if err != nil {
		o.fail(fmt.Errorf("i18n: %s(%q): %w", option, s, err))
		return language.Und, false
	}
	return t, true
}

// fail records err unless an earlier option failed.
func (o *options) fail(err error) {
	if o.err == nil {
		o.err = err
	}
}
