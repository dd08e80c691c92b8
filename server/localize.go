package server

import (
	"net/http"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

// localizer returns the Localizer the middleware chose for r: ?lang= when the catalog has
// that language, else the Accept-Language negotiation. It is one catalog version for the
// whole request, even while a reload swaps the catalog.
func (s *routes) localizer(r *http.Request) i18n.Localizer {
	if l, ok := middleware.LocalizerFrom(r.Context()); ok {
		return l
	}
	return s.cat.Localizer(r.Header.Values("Accept-Language")...) // not reached: Handler wraps routes
}

// writeError answers r with the localized body of err's code.
func (s *routes) writeError(w http.ResponseWriter, r *http.Request, err error) {
	middleware.WriteError(w, r, err)
}
