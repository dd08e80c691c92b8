package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// entry is one code as /v1/errors lists it.
type entry struct {
	Code       codes.Code
	Name       string
	HTTPStatus int
	// Message is the message as its file writes it: a message with placeholders is listed
	// as its template, {{.Name}}, with the names of its placeholders.
	Message      string
	Placeholders []string `json:",omitempty"`
}

func entryOf(l i18n.Localizer, c codes.Code) entry {
	text, placeholders := l.Template(c)
	return entry{Code: c, Name: c.String(), HTTPStatus: c.HTTPStatus(), Message: text, Placeholders: placeholders}
}

// list answers GET /v1/errors: every code in the negotiated language.
func (s *routes) list(w http.ResponseWriter, r *http.Request) {
	l := s.localizer(r)
	if notModified(w, r, l) {
		return
	}
	body := s.lists.get(l, etag(l))
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// one answers GET /v1/errors/{code}, where code is a number (10205) or a name
// (APP_NOT_FOUND, in any case). An unknown code is a 404 ITEM_NOT_FOUND.
func (s *routes) one(w http.ResponseWriter, r *http.Request) {
	c, ok := lookup(r.PathValue("code"))
	if !ok {
		s.writeError(w, r, codes.ItemNotFound)
		return
	}
	l := s.localizer(r)
	if notModified(w, r, l) {
		return
	}
	writeJSON(w, entryOf(l, c))
}

// lookup finds a code by number or by name.
func lookup(s string) (codes.Code, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return codes.ByNumber(n)
	}
	return codes.ByName(strings.ToUpper(s))
}

// writeJSON answers 200 with v; the caller has set the validators.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
