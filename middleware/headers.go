package middleware

import (
	"net/http"
	"strings"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// headerValues backs the header values of one localized response, so that setting them
// allocates nothing and shares no slice with another response. Keys are assigned in
// canonical form.
type headerValues [6]string

// setErrorHeaders sets the headers of a typed error body in the language lang.
func setErrorHeaders(h http.Header, code codes.Code, status int, lang string, hv *headerValues) {
	hv[0], hv[1], hv[2] = "application/json", "no-store", "nosniff"
	h["Content-Type"] = hv[0:1:1]
	h["Cache-Control"] = hv[1:2:2]
	h["X-Content-Type-Options"] = hv[2:3:3]
	// The length is net/http's to compute: a compressing middleware may change it.
	delete(h, "Content-Length")
	if status == http.StatusUnauthorized && len(h["Www-Authenticate"]) == 0 {
		hv[5] = "Bearer"
		if code == codes.TokenInvalid {
			hv[5] = `Bearer error="invalid_token"`
		}
		h["Www-Authenticate"] = hv[5:6:6]
	}
	setLanguage(h, lang, hv)
}

// setLanguage sets Content-Language and adds Accept-Language to Vary, keeping the values
// Vary has. A zero Localizer's "und" sets neither.
func setLanguage(h http.Header, lang string, hv *headerValues) {
	if lang == "und" || lang == "" {
		return
	}
	hv[3] = lang
	h["Content-Language"] = hv[3:4:4]
	vary := h["Vary"]
	for _, v := range vary {
		if varies(v) {
			return
		}
	}
	if len(vary) == 0 {
		hv[4] = "Accept-Language"
		h["Vary"] = hv[4:5:5]
		return
	}
	h["Vary"] = append(vary, "Accept-Language")
}

// varies reports whether a Vary value already covers Accept-Language: it names it, in any
// case, or it is "*".
func varies(v string) bool {
	for v != "" {
		var name string
		name, v, _ = strings.Cut(v, ",")
		name = strings.Trim(name, " \t")
		if name == "*" || strings.EqualFold(name, "Accept-Language") {
			return true
		}
	}
	return false
}

// isJSON reports whether a Content-Type is application/json or application/*+json.
func isJSON(ct []string) bool {
	if len(ct) == 0 {
		return false
	}
	mt, _, _ := strings.Cut(ct[0], ";")
	mt = strings.Trim(mt, " \t")
	const app = "application/"
	if len(mt) < len(app) || !strings.EqualFold(mt[:len(app)], app) {
		return false
	}
	sub := mt[len(app):]
	return strings.EqualFold(sub, "json") ||
		len(sub) > len("+json") && strings.EqualFold(sub[len(sub)-len("+json"):], "+json")
}

// SetLanguage marks a response whose body a handler localized itself with l: it sets
// Content-Language to l's tag and adds Accept-Language to Vary, keeping the values Vary
// has and never adding it twice. The middleware does the same for the bodies it writes.
func SetLanguage(h http.Header, l i18n.Localizer) {
	setLanguage(h, l.String(), new(headerValues))
}
