package middleware

import (
	"context"
	"net/http"

	"github.com/apiswitch/errcode/i18n"
)

type ctxKey struct{}

// A state is what the middleware keeps for one request. It is the request's context too,
// and holds the request the inner handler sees, so that the context, the request and the
// writer wrapper cost one allocation. The header values of the responses whose headers the
// middleware sets (errors, filled bodies) are another, made only for those.
type state struct {
	context.Context
	cfg   *config
	req   *http.Request // the request the inner handler sees: &inner, or the caller's
	loc   i18n.Localizer
	fw    fillWriter
	hv    *headerValues // see values
	out   Outcome
	inner http.Request
}

// values returns the backing of the header values the middleware sets on this request's
// response.
func (s *state) values() *headerValues {
	if s.hv == nil {
		s.hv = new(headerValues)
	}
	return s.hv
}

// Value returns the state for ctxKey and asks the parent context otherwise.
func (s *state) Value(key any) any {
	if key == (ctxKey{}) {
		return s
	}
	return s.Context.Value(key)
}

// stateFrom returns the middleware's state of a request, or nil without the middleware.
func stateFrom(ctx context.Context) *state {
	if s, ok := ctx.(*state); ok {
		return s
	}
	s, _ := ctx.Value(ctxKey{}).(*state)
	return s
}

// LocalizerFrom returns the Localizer the middleware chose for the request whose context
// is ctx: the ?lang= override if the catalog has that language, else the Accept-Language
// negotiation. It reports false for a context the middleware did not make.
func LocalizerFrom(ctx context.Context) (i18n.Localizer, bool) {
	if s := stateFrom(ctx); s != nil {
		return s.loc, true
	}
	return i18n.Localizer{}, false
}
