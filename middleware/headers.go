package middleware

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// headerValues backs the header values of one localized response, so that setting them
// allocates nothing and shares no slice with another response. Keys are assigned in
// canonical form.
type headerValues [7]string

// representation lists the headers that describe one body: a body the middleware writes
// instead drops those the handler set (RFC 9110 §8). Digests and strong validators are
// also dropped from a body the fill path changed.
var (
	representation = [...]string{"Content-Encoding", "Content-Length", "Content-Range", "Etag",
		"Last-Modified", "Content-Md5", "Digest", "Repr-Digest", "Content-Digest",
		"Content-Disposition", "Trailer"}
	// panicked adds what a handler that panicked must not send with the 500.
	panicked   = [...]string{"Set-Cookie", "Location"}
	validators = [...]string{"Etag", "Content-Md5", "Digest", "Repr-Digest", "Content-Digest"}
)

func deleteAll(h http.Header, keys []string) {
	for _, k := range keys {
		delete(h, k)
	}
}

// setErrorHeaders sets the headers of a typed error body in the language lang, dropping
// those the handler set for another body.
func setErrorHeaders(h http.Header, code codes.Code, status int, lang string, hv *headerValues) {
	deleteAll(h, representation[:])
	hv[0], hv[1], hv[2] = "application/json", "no-store", "nosniff"
	h["Content-Type"] = hv[0:1:1]
	h["Cache-Control"] = hv[1:2:2]
	h["X-Content-Type-Options"] = hv[2:3:3]
	// The length is net/http's to compute: a compressing middleware may change it.
	if status == http.StatusUnauthorized && len(h["Www-Authenticate"]) == 0 {
		hv[5] = "Bearer"
		if code == codes.TokenInvalid {
			hv[5] = `Bearer error="invalid_token"`
		}
		h["Www-Authenticate"] = hv[5:6:6]
	}
	setLanguage(h, lang, hv)
}

// setFilledHeaders sets the headers of a body the fill path filled in lang, n bytes long:
// its language, its length when one was declared (or always, with setLength), and no
// validator or digest of the bytes it replaced, which differ from it and per language.
func setFilledHeaders(h http.Header, lang string, n int, setLength bool, hv *headerValues) {
	deleteAll(h, validators[:])
	if setLength {
		hv[6] = strconv.Itoa(n)
		h["Content-Length"] = hv[6:7:7]
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
	addVary(h, "Accept-Language", hv[4:5:5])
}

// addVary adds name to Vary unless a value already covers it; spare, one value long,
// backs a new Vary.
func addVary(h http.Header, name string, spare []string) {
	vary := h["Vary"]
	for _, v := range vary {
		if varies(v, name) {
			return
		}
	}
	if len(vary) == 0 {
		spare[0] = name
		h["Vary"] = spare
		return
	}
	h["Vary"] = append(vary, name)
}

// varies reports whether a Vary value already covers name: it names it, in any case, or
// it is "*".
func varies(v, name string) bool {
	for v != "" {
		var field string
		field, v, _ = strings.Cut(v, ",")
		field = strings.Trim(field, " \t")
		if field == "*" || strings.EqualFold(field, name) {
			return true
		}
	}
	return false
}

// langOf returns the tag of l as Content-Language carries it, "" for the zero Localizer.
func langOf(l i18n.Localizer) string {
	if lang := l.String(); lang != "und" {
		return lang
	}
	return ""
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
