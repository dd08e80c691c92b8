package server

import (
	"encoding/json"
	"net/http"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// localizer returns the Localizer of r: ?lang= when the catalog has that language, else
// the Accept-Language negotiation.
func (s *routes) localizer(r *http.Request) i18n.Localizer {
	if lang := r.URL.Query().Get("lang"); lang != "" {
		if l, ok := s.cat.LocalizerFor(lang); ok {
			return l
		}
	}
	return s.cat.Localizer(r.Header.Values("Accept-Language")...)
}

// writeError answers r with the localized body of err's code.
func (s *routes) writeError(w http.ResponseWriter, r *http.Request, err error) {
	e, ok := codes.From(err)
	if !ok || !e.Code.Known() {
		e = &codes.Error{Code: codes.InternalError, Cause: err}
	}
	l := s.localizer(r)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Language", l.String())
	h.Add("Vary", "Accept-Language")
	w.WriteHeader(e.HTTPStatus())
	json.NewEncoder(w).Encode(struct {
		Code    codes.Code
		Message string
	}{e.Code, l.Message(e.Code, e.Data)})
}
