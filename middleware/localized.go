package middleware

import (
	"context"
	"net/http"

	"github.com/apiswitch/errcode/codes"
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

// A Localized is an error as a client sees it in one language: the code, status and
// message of the typed body WriteError writes for it.
type Localized struct {
	Code    codes.Code
	Status  int
	Message string
}

// Localize returns what WriteErrorFor would write for err in the language of l, for code
// that writes its own bodies: the error's code, or INTERNAL_ERROR for an error that
// carries none or an unknown one; the code's status, or the Status of a *codes.Error that
// can carry a body; the message rendered with the error's template data, with the
// catalog's fallbacks. Unlike WriteErrorFor it reports nothing.
func Localize(l i18n.Localizer, err error) Localized {
	p := classify(err)
	return Localized{Code: p.code, Status: p.status, Message: l.Message(p.code, p.data)}
}
