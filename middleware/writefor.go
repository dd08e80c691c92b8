package middleware

import (
	"context"
	"net/http"

	"github.com/apiswitch/errcode/i18n"
)

// standalone is the configuration of WriteErrorFor: the default options.
var standalone = &config{options: newOptions(nil)}

// WriteErrorFor writes the typed error body of err in the language of l, exactly as
// WriteError writes it for a request the middleware localized to l: the same status, body
// bytes and headers (Content-Type, Content-Language, Vary, Cache-Control,
// X-Content-Type-Options, and WWW-Authenticate on a 401). It is for code that chose the
// language itself and has no request the middleware saw, such as a grpc-gateway error
// handler. What operators must see and clients must not (see OnError) is logged with
// slog.Default(), without a method or path.
func WriteErrorFor(w http.ResponseWriter, l i18n.Localizer, err error) {
	s := &state{Context: context.Background(), cfg: standalone, loc: l}
	s.fw.s = s
	s.writeError(w, nil, err)
}
