package grpcerr

import "context"

// DefaultDomain is the ErrorInfo domain of API Switch codes unless Domain says otherwise:
// the module's path, which AIP-193 asks of a domain shared by many services ("a globally
// unique value that identifies the infrastructure").
const DefaultDomain = "github.com/apiswitch/errcode"

// Metadata keys of the ErrorInfo a Server sends, besides the template data. Template data
// under these names is not sent: name template fields otherwise ({{.Name}}; a field cannot
// be named http-status).
const (
	KeyCode       = "code"        // the code's number, as "10205"
	KeyHTTPStatus = "http-status" // the HTTP status a codes.Error overrides, as "502"; absent otherwise
)

// An Option configures a Server or a Client. The zero configuration works: the domain is
// DefaultDomain, the lang metadata key is read after the Accept-Language keys, problems
// are logged with slog.Default(), and a Client sends no Accept-Language of its own.
type Option func(*options)

type options struct {
	domain  string
	langKey string
	onError func(ctx context.Context, method string, err error)
	lang    string
}

func newOptions(opts []Option) options {
	o := options{domain: DefaultDomain, langKey: "lang", onError: LogTo(nil)}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// Domain sets the ErrorInfo domain a Server sends and a Client accepts. Servers and
// clients of one system must agree on it: a reason means something only in its domain
// (AIP-193), so a Client decodes only statuses of its own domain. It panics if d is empty.
func Domain(d string) Option {
	if d == "" {
		panic("grpcerr: empty Domain")
	}
	return func(o *options) { o.domain = d }
}

// LangKey names the incoming metadata key a Server reads a language tag from when neither
// accept-language nor grpcgateway-accept-language is present; "lang" by default. A tag the
// catalog has no language for gives the default language. An empty name turns it off.
func LangKey(name string) Option {
	return func(o *options) { o.langKey = name }
}

// OnError sets the function a Server tells what clients must not see: errors that carry a
// cause or no code at all, INTERNAL answers, recovered panics (as *PanicError), progress
// and unknown codes returned as errors, and the text of status errors a handler wrapped.
// method is the full gRPC method name, "/package.Service/Method". It runs on the call's
// goroutine. The default is LogTo(nil): a log/slog record on slog.Default();
// OnError(LogTo(logger)) logs elsewhere.
func OnError(f func(ctx context.Context, method string, err error)) Option {
	if f == nil {
		panic("grpcerr: OnError(nil)")
	}
	return func(o *options) { o.onError = f }
}

// Language sets the Accept-Language value a Client sends when neither the call's outgoing
// metadata nor its context (see WithLanguage) gives one, such as "en-US" for a command-line
// tool. By default nothing is sent and servers answer in their default language.
func Language(acceptLanguage string) Option {
	return func(o *options) { o.lang = acceptLanguage }
}
