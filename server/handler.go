package server

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

// routes holds what the handlers share.
type routes struct {
	cat    *i18n.Catalog
	logger *slog.Logger
	other  http.Handler                            // the gateway, or a localized 404
	cache  catalogCache                            // what the catalog endpoints send
	access func(*http.Request, middleware.Outcome) // the access log
	mw     http.Handler                            // the middleware in front of route
	refuse http.Handler                            // the middleware in front of refuseFraming
}

// Handler returns the handler of the server: the error catalog on /v1/errors and
// /v1/errors/{code}, /healthz, and every other path reverse-proxied to upstream, or answered
// with a localized 404 when upstream is nil. The middleware negotiates the language once
// per request and fills the Message of the back end's error bodies (the catalog's own 200
// and 304 answers, which it would not touch, take a shorter path to the same answers);
// requests are logged to logger, one line each, as are the causes of errors.
func Handler(cat *i18n.Catalog, logger *slog.Logger, upstream *url.URL) http.Handler {
	return handlerWith(cat, logger, slogAccess(logger), gatewayConfig{upstream: upstream})
}

// handlerWith is Handler with the gateway's bounds and the access log's own writer.
func handlerWith(cat *i18n.Catalog, logger *slog.Logger, access func(*http.Request, middleware.Outcome), gw gatewayConfig) http.Handler {
	s := &routes{cat: cat, logger: logger, access: access}
	s.other = http.HandlerFunc(s.notFound)
	if gw.upstream != nil {
		s.other = newGateway(gw, logger)
	}
	mw := middleware.New(cat, middleware.OnError(middleware.LogTo(logger)), middleware.Observe(access))
	s.mw, s.refuse = mw(http.HandlerFunc(s.route)), mw(http.HandlerFunc(refuseFraming))
	return s
}

// ServeHTTP refuses a request with ambiguous framing, answers a catalog request that
// needs nothing of the middleware but its language (see direct), and passes every other
// request through the middleware to route.
func (s *routes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case framingConflict(r):
		s.refuse.ServeHTTP(w, r)
	case !s.direct(w, r):
		s.mw.ServeHTTP(w, r)
	}
}

// route answers the server's own paths and sends every other one, untouched, to the
// gateway. The paths are few and fixed: a switch routes them, and a path is never cleaned
// or redirected, as a back end may want it as it is.
func (s *routes) route(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch code, sub := strings.CutPrefix(path, "/v1/errors/"); {
	case path == "/v1/errors":
		s.get(w, r, s.list)
	case path == "/healthz":
		s.get(w, r, s.health)
	case sub && code != "" && !strings.Contains(code, "/"):
		s.get(w, r, func(w http.ResponseWriter, r *http.Request) { s.one(w, r, code) })
	case sub:
		s.get(w, r, s.notFound)
	default:
		s.other.ServeHTTP(w, r)
	}
}

// get answers a GET or HEAD with h, and any other method with BADREQUEST and status 405.
func (s *routes) get(w http.ResponseWriter, r *http.Request, h http.HandlerFunc) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		h(w, r)
		return
	}
	w.Header().Set("Allow", "GET, HEAD")
	s.writeError(w, r, &codes.Error{Code: codes.BadRequest, Status: http.StatusMethodNotAllowed})
}

// notFound answers a path nothing serves: 404 ITEM_NOT_FOUND.
func (s *routes) notFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, codes.ItemNotFound)
}
