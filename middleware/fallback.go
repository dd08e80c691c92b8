package middleware

import (
	"log/slog"
	"net/http"
	"sync"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// fallbackConfig serves WriteError for requests that did not pass through the middleware:
// the embedded locales (locales.FS) and the default options. This is the documented
// default, announced once in the log because it is not the catalog a server loaded from
// disk. Should the embedded files fail to load, which the locales tests rule out, messages
// are the codes' wire names.
var fallbackConfig = sync.OnceValue(func() *config {
	slog.Warn("middleware: WriteError without middleware.New on the request answers with the embedded locales; " +
		"wrap the handler with middleware.New(cat), or call WriteErrorFor, to use another catalog")
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
