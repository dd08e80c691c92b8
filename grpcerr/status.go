package grpcerr

import (
	"fmt"
	"strconv"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"github.com/apiswitch/errcode/i18n"
)

// status builds the status of p: the gRPC code, the English message for developers, and
// the details ErrorInfo and LocalizedMessage in the language of loc. The details of a
// problem without template data come from the cache.
func (s *Server) status(loc i18n.Localizer, p problem) *status.Status {
	var d details
	if p.data == nil {
		d = s.cache.get(loc, p, s.details)
	} else {
		d = s.details(loc, p)
	}
	// FromProto copies the details: the cached ones are never modified.
	return status.FromProto(&spb.Status{Code: int32(p.grpc), Message: d.message, Details: d.any})
}

// details is what a status says besides its code: the developer message and the details,
// marshaled.
type details struct {
	message string
	any     []*anypb.Any
}

// details renders and marshals the message and details of p in the language of loc.
func (s *Server) details(loc i18n.Localizer, p problem) details {
	info := &errdetails.ErrorInfo{
		Reason:   p.code.String(),
		Domain:   s.opts.domain,
		Metadata: metadataOf(p),
	}
	msg := &errdetails.LocalizedMessage{Locale: loc.String(), Message: loc.Message(p.code, p.data)}
	return details{message: s.developerMessage(p), any: []*anypb.Any{marshal(info), marshal(msg)}}
}

// marshal wraps m in an Any. Marshaling these messages cannot fail: their strings are
// valid UTF-8 (template output and encoding/json-safe names), and nothing else can.
func marshal(m proto.Message) *anypb.Any {
	a, err := anypb.New(m)
	if err != nil {
		panic("grpcerr: " + err.Error())
	}
	return a
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
