package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

// tableVersion identifies the code table compiled in, so that a new binary with a changed
// status or a new code gets new ETags even with the same message files.
var tableVersion = func() string {
	h := sha256.New()
	for _, c := range codes.All() {
		fmt.Fprintf(h, "%d %s %d\n", int(c), c, c.HTTPStatus())
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}()

// etag returns the entity tag of what l renders: the catalog version, the code table and
// the language, such as "3f1c0a...-9b2e41d0-zh-CN". The body is a function of these three.
func etag(l i18n.Localizer) string {
	return `"` + l.Version() + "-" + tableVersion + "-" + l.String() + `"`
}

// Header values every catalog answer shares.
var (
	jsonType       = []string{"application/json"}
	noCache        = []string{"no-cache"}
	nosniff        = []string{"nosniff"}
	acceptLanguage = []string{"Accept-Language"}
)

// notModified sets the headers of a catalog answer a and, when the request's
// If-None-Match holds its ETag, answers 304 and reports true.
func notModified(w http.ResponseWriter, r *http.Request, l i18n.Localizer, a *answers) bool {
	h := w.Header()
	h["Etag"] = a.hdr.etag
	if len(h["Vary"]) == 0 {
		h["Content-Language"], h["Vary"] = a.hdr.lang, acceptLanguage
	} else {
		middleware.SetLanguage(h, l)
	}
	h["Cache-Control"] = noCache
	h["X-Content-Type-Options"] = nosniff
	if !matches(r.Header["If-None-Match"], a.etag) {
		return false
	}
	w.WriteHeader(http.StatusNotModified)
	return true
}

// matches reports whether an If-None-Match list holds tag, by the weak comparison of
// RFC 9110 §13.1.2 ("*" matches any current representation).
func matches(lines []string, tag string) bool {
	if len(lines) == 1 && lines[0] == tag {
		return true // the revalidation of a client that kept the tag: no splitting
	}
	for _, line := range lines {
		for line != "" {
			var t string
			t, line, _ = strings.Cut(line, ",")
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == tag {
				return true
			}
		}
	}
	return false
}
