package middleware

import (
	"net/http"
	"sync"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// fallbackConfig serves WriteError for requests that did not pass through the middleware:
// the embedded locales, the default options. Should the embedded files fail to load, which
// the locales tests rule out, messages are the codes' wire names.
var fallbackConfig = sync.OnceValue(func() *config {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		cat = nil
	}
	return &config{options: newOptions(nil), cat: cat}
})

// fallbackState is a state for one WriteError call outside the middleware.
func fallbackState(r *http.Request) *state {
	c := fallbackConfig()
	s := &state{Context: r.Context(), cfg: c, req: r, loc: c.localizer(r)}
	s.fw.s = s
	return s
}
