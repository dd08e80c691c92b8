package middleware

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/apiswitch/errcode/i18n"
)

// localizer chooses the language of a request: the query override when the catalog has
// that language, else the catalog's negotiation of every Accept-Language line.
func (c *config) localizer(r *http.Request) i18n.Localizer {
	if c.cat == nil {
		return i18n.Localizer{}
	}
	if c.query != "" && r.URL != nil && r.URL.RawQuery != "" {
		if v, ok := queryValue(r.URL.RawQuery, c.query); ok {
			if l, ok := c.cat.LocalizerFor(v); ok {
				return l
			}
		}
	}
	return c.cat.Localizer(r.Header["Accept-Language"]...)
}

// queryValue returns the first value of the parameter name in a raw query, as
// url.ParseQuery reads it (pairs with a semicolon or a bad escape are skipped), without
// parsing the parameters it does not need.
func queryValue(raw, name string) (string, bool) {
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" || strings.Contains(pair, ";") {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k, ok := unescape(k)
		if !ok || k != name {
			continue
		}
		if v, ok = unescape(v); ok {
			return v, true
		}
	}
	return "", false
}

// unescape decodes a query component, allocating only when it holds an escape.
func unescape(s string) (string, bool) {
	if !strings.ContainsAny(s, "%+") {
		return s, true
	}
	u, err := url.QueryUnescape(s)
	return u, err == nil
}
