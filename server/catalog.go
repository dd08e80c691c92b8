package server

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/decimal"
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
	a, body := s.answers(l, 0)
	send(w, r, l, a, body)
}

// one answers GET /v1/errors/{code}, where code is a number (10205) or a name
// (APP_NOT_FOUND, in any ASCII case). An unknown code is a 404 ITEM_NOT_FOUND, and so is
// any other spelling of a code: a sign or leading zeros (+10205, 010205), or letters that
// only Unicode case mapping makes ASCII (ı, ſ).
func (s *routes) one(w http.ResponseWriter, r *http.Request, name string) {
	c, ok := lookup(name)
	if !ok {
		s.writeError(w, r, codes.ItemNotFound)
		return
	}
	l := s.localizer(r)
	a, body := s.answers(l, c)
	send(w, r, l, a, body)
}

// answers returns what the catalog sends in l's language and the body of its answer: the
// list, or the entry of code when code is not 0.
func (s *routes) answers(l i18n.Localizer, code codes.Code) (*answers, []byte) {
	a := s.cache.get(l)
	if code == 0 {
		return a, a.list
	}
	return a, s.cache.one(l, code)
}

// send writes a catalog answer: its headers, then 304 when the request's If-None-Match
// holds its ETag, else body. It returns the status and the body bytes written.
func send(w http.ResponseWriter, r *http.Request, l i18n.Localizer, a *answers, body []byte) (status, n int) {
	if notModified(w, r, l, a) {
		return http.StatusNotModified, 0
	}
	w.Header()["Content-Type"] = jsonType
	n, _ = w.Write(body)
	return http.StatusOK, n
}

// maxNameLen is the length of the longest code's name.
var maxNameLen = func() (n int) {
	for _, c := range codes.All() {
		n = max(n, len(c.String()))
	}
	return n
}()

// lookup finds a code by its number, in canonical decimal, or by its name in any ASCII
// case: one resource has one path, and a cache or a rate limit keyed by path is not
// bypassed by another spelling.
// A path longer than every code's name is no code, whatever its case: the longest is
// the most lookup upper-cases.
func lookup(s string) (codes.Code, bool) {
	if n, ok := decimal.Parse(s, 9); ok {
		return codes.ByNumber(n)
	}
	if len(s) > maxNameLen {
		return 0, false
	}
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return 0, false
		}
	}
	return codes.ByName(strings.ToUpper(s))
}
