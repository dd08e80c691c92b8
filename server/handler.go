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
	own    *http.ServeMux // /v1/errors, /healthz
	other  http.Handler   // the gateway, or a localized 404
	cache  catalogCache   // what the catalog endpoints send
}

// Handler returns the handler of the server: the error catalog on /v1/errors and
// /v1/errors/{code}, /healthz, and every other path reverse-proxied to upstream, or answered
// with a localized 404 when upstream is nil. Everything passes through the middleware, which
// negotiates the language once per request and fills the Message of the back end's error
// bodies; requests are logged to logger, one line each, as are the causes of errors.
func Handler(cat *i18n.Catalog, logger *slog.Logger, upstream *url.URL) http.Handler {
	return handlerWith(cat, logger, gatewayConfig{upstream: upstream})
}

// handlerWith is Handler with the gateway's bounds.
func handlerWith(cat *i18n.Catalog, logger *slog.Logger, gw gatewayConfig) http.Handler {
	s := &routes{cat: cat, logger: logger, own: http.NewServeMux()}
	s.own.HandleFunc("GET /v1/errors", s.list)
	s.own.HandleFunc("GET /v1/errors/{code}", s.one)
	s.own.HandleFunc("GET /healthz", s.health)
	s.own.HandleFunc("/", s.methodNotAllowed)
	s.other = http.HandlerFunc(s.notFound)
	if gw.upstream != nil {
		s.other = newGateway(gw, logger)
	}
	return middleware.New(cat, middleware.OnError(middleware.LogTo(logger)), middleware.Observe(accessLog(logger)))(s)
}

// ServeHTTP sends the server's own paths to its mux and every other one, untouched, to the
// gateway: the mux would clean and redirect paths a back end may want as they are.
func (s *routes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if framingConflict(r) {
		refuseFraming(w, r)
		return
	}
	if own(r.URL.Path) {
		s.own.ServeHTTP(w, r)
		return
	}
	s.other.ServeHTTP(w, r)
}

// own reports whether path is one the server answers itself.
func own(path string) bool {
	return path == "/healthz" || path == "/v1/errors" || strings.HasPrefix(path, "/v1/errors/")
}

// notFound answers a path nothing serves: 404 ITEM_NOT_FOUND.
func (s *routes) notFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, codes.ItemNotFound)
}

// methodNotAllowed answers a method other than GET or HEAD on the server's own paths, and
// the paths under them that name nothing: BADREQUEST with status 405, or 404.
func (s *routes) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Allow", "GET, HEAD")
	s.writeError(w, r, &codes.Error{Code: codes.BadRequest, Status: http.StatusMethodNotAllowed})
}
