package grpcerr

import (
	"fmt"
	"strconv"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// A statusKey is what the status of a problem without template data depends on, besides
// the catalog's version.
type statusKey struct {
	lang   string
	code   codes.Code
	status int
}

// status returns the status of p: the gRPC code, the English message for developers, and
// the details ErrorInfo and LocalizedMessage in the language of loc. The status of a
// problem without template data is built once per catalog version, language and code: a
// *status.Status is immutable, and grpc-go copies it to send it.
func (s *Server) status(loc i18n.Localizer, p problem) *status.Status {
	if p.data == nil {
		return s.statuses.Get(loc.Version(), statusKey{loc.String(), p.code, p.status}, func() *status.Status { return s.build(loc, p) })
	}
	return s.build(loc, p)
}

// build renders the messages of p in the language of loc and marshals the details.
func (s *Server) build(loc i18n.Localizer, p problem) *status.Status {
	info := &errdetails.ErrorInfo{
		Reason:   p.code.String(),
		Domain:   s.opts.domain,
		Metadata: metadataOf(p),
	}
	msg := &errdetails.LocalizedMessage{Locale: loc.String(), Message: loc.Message(p.code, p.data)}
	st, err := status.New(p.grpc, s.developerMessage(p)).WithDetails(info, msg)
	if err != nil {
		// Only a code OK, which answer never gives, or invalid UTF-8, which neither the
		// catalog's messages nor the wire names contain, make WithDetails fail.
		panic("grpcerr: " + err.Error())
	}
	return st
}

// developerMessage is the status message: English, for developers (AIP-193). It is the
// catalog's English message, or the code's name if the catalog has no English.
func (s *Server) developerMessage(p problem) string {
	en, ok := s.cat.LocalizerFor("en")
	if !ok {
		return p.code.String()
	}
	return en.Message(p.code, p.data)
}

// metadataOf returns the ErrorInfo metadata of p: the code's number, the overridden HTTP
// status if any, and the template data as text. Data keys named like those two are dropped.
func metadataOf(p problem) map[string]string {
	md := make(map[string]string, len(p.data)+2)
	for k, v := range p.data {
		if k != KeyCode && k != KeyHTTPStatus {
			md[k] = text(v)
		}
	}
	md[KeyCode] = strconv.Itoa(int(p.code))
	if p.status != 0 {
		md[KeyHTTPStatus] = strconv.Itoa(p.status)
	}
	return md
}

// text formats a template value as text/template prints it.
func text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}
