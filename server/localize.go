package server

import (
	"net/http"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

// localizer returns the Localizer the middleware chose for r: ?lang= when the catalog has
// that language, else the Accept-Language negotiation. It is one catalog version for the
// whole request, even while a reload swaps the catalog. Handler always puts the middleware
// in front of routes; a request without it gets the zero Localizer.
func (s *routes) localizer(r *http.Request) i18n.Localizer {
	l, _ := middleware.LocalizerFrom(r.Context())
	return l
}

// writeError answers r with the localized body of err's code.
func (s *routes) writeError(w http.ResponseWriter, r *http.Request, err error) {
	middleware.WriteError(w, r, err)
}
