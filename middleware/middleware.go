package middleware

import (
	"net/http"
	"time"

	"github.com/apiswitch/errcode/i18n"
)

// config is one middleware's catalog and options, fixed at construction.
type config struct {
	options
	cat   *i18n.Catalog // nil only for the fallback when the embedded catalog fails to load
	cache cache
}

// New returns the middleware that localizes error responses with cat. It panics if cat is
// nil. Per request it chooses a language once, puts it in the request's context (see
// LocalizerFrom and WriteError), fills the Message of JSON error bodies inner handlers
// write (see the package documentation) and turns panics into 500 INTERNAL_ERROR.
func New(cat *i18n.Catalog, opts ...Option) func(http.Handler) http.Handler {
	if cat == nil {
		panic("middleware: New with a nil catalog")
	}
	c := &config{options: newOptions(opts), cat: cat}
	return func(next http.Handler) http.Handler {
		if next == nil {
			panic("middleware: nil next handler")
		}
		return &handler{cfg: c, next: next}
	}
}

type handler struct {
	cfg  *config
	next http.Handler
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s := &state{Context: r.Context(), cfg: h.cfg, loc: h.cfg.localizer(r)}
	s.inner = *r.WithContext(s) // inlined: the copy WithContext makes stays on the stack
	s.req = &s.inner
	s.fw = fillWriter{w: w, s: s}
	if h.cfg.observe != nil {
		defer s.observe(time.Now())
	}
	defer s.finish()
	h.next.ServeHTTP(&s.fw, s.req)
}

// finish recovers a panic of the inner handler, or sends a held body, filled if it can be.
func (s *state) finish() {
	if v := recover(); v != nil {
		s.recovered(v)
		return
	}
	if s.fw.phase == phaseHold {
		s.fw.fill()
	}
}
