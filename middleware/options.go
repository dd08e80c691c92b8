package middleware

import (
	"net/http"

	"github.com/apiswitch/errcode/codes"
)

// DefaultMaxBody is the largest body the fill path holds to fill it, unless MaxBody says
// otherwise.
const DefaultMaxBody = 64 << 10

// An Option configures the middleware. The zero configuration works: ?lang= overrides
// Accept-Language, problems are logged with slog.Default(), bodies up to 64 KiB are filled,
// a Message already written is kept, typed bodies have exactly Code and Message, and
// nothing observes outcomes.
type Option func(*options)

type options struct {
	query     string
	onError   func(*http.Request, error)
	observe   func(*http.Request, Outcome)
	maxBody   int
	overwrite bool
	members   func(*http.Request, *codes.Error) []Member
}

func newOptions(opts []Option) options {
	o := options{query: "lang", onError: LogTo(nil), maxBody: DefaultMaxBody}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// Query names the query parameter that overrides Accept-Language, "lang" by default. A
// value the catalog has no language for is ignored, and the header decides. An empty name
// turns the override off.
func Query(name string) Option {
	return func(o *options) { o.query = name }
}

// OnError sets the function told about what operators must see and clients must not: the
// errors WriteError answers with a 5XX status, that carry a cause, or that are not API
// Switch errors; recovered panics (as *PanicError); and codes the fill path does not know
// (wrapping ErrUnknownCode). It runs on the request's goroutine. The default is
// LogTo(nil): a log/slog record on slog.Default(); OnError(LogTo(logger)) logs elsewhere.
func OnError(f func(r *http.Request, err error)) Option {
	if f == nil {
		panic("middleware: OnError(nil)")
	}
	return func(o *options) { o.onError = f }
}

// Observe sets a function called once per request with its Outcome, after the inner
// handler has returned and the response is complete or aborted, on the request's
// goroutine: an access log that records each response's code and language without reading
// its body. The request is the one the inner handler saw (see LocalizerFrom).
func Observe(f func(r *http.Request, o Outcome)) Option {
	if f == nil {
		panic("middleware: Observe(nil)")
	}
	return func(o *options) { o.observe = f }
}

// MaxBody sets the largest body, in bytes, that the fill path holds in order to fill its
// Message; a larger body passes through unchanged. Zero turns the fill path off. It panics
// if n is negative.
func MaxBody(n int) Option {
	if n < 0 {
		panic("middleware: MaxBody with a negative size")
	}
	return func(o *options) { o.maxBody = n }
}

// Overwrite makes the fill path replace a Message an inner handler already wrote, whatever
// its value, with the localized one. By default only a missing, empty or null Message is
// filled.
func Overwrite(on bool) Option {
	return func(o *options) { o.overwrite = on }
}

// A Member is a name and value that Members adds to typed error bodies.
type Member struct {
	Name  string
	Value any // encoded with encoding/json
}

// Members adds the members f returns to every body WriteError writes, after Code and
// Message and in the order given: a request id, the code's wire name as a reason, the
// template data. A member named Code or Message, a name given twice, or a value
// encoding/json cannot encode is left out and reported to OnError.
func Members(f func(r *http.Request, e *codes.Error) []Member) Option {
	if f == nil {
		panic("middleware: Members(nil)")
	}
	return func(o *options) { o.members = f }
}
