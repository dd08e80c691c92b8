package grpcerr

import (
	"errors"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/decimal"
)

// A Remote is an API Switch error received in a gRPC status: what Decode makes of a
// status that carries an ErrorInfo of the client's domain.
//
// errors.Is(err, codes.AppNotFound) and codes.From(err) see Err through Unwrap, so a
// caller handles a remote error as a local one; status.Code(err) and status.FromError(err)
// see the status as it was received.
type Remote struct {
	// Err is the code, the template data (ErrorInfo.metadata, as text) and the HTTP status
	// the server's codes.Error overrode, if any. Its Cause is nil.
	Err *codes.Error
	// Locale and Message are the server's LocalizedMessage: the text to show the user, in
	// the language the server negotiated. Both are empty when the status has none.
	Locale  string
	Message string

	status *status.Status
}

// Error returns the received status's text: its code and English message for developers.
func (r *Remote) Error() string {
	if err := r.status.Err(); err != nil {
		return err.Error()
	}
	return r.Err.Error() // a Remote made by hand, without a status
}

// Unwrap returns Err.
func (r *Remote) Unwrap() error { return r.Err }

// GRPCStatus returns the status as received, details included.
func (r *Remote) GRPCStatus() *status.Status { return r.status }

// Decode returns a *Remote for err when err is, or wraps, a gRPC status that carries an
// ErrorInfo of DefaultDomain, and err unchanged otherwise. See Client.Decode for other
// domains.
func Decode(err error) error { return decode(err, DefaultDomain) }

// decode is Decode for a domain.
func decode(err error, domain string) error {
	var r *Remote
	if err == nil || errors.As(err, &r) {
		return err
	}
	var gs interface{ GRPCStatus() *status.Status }
	if !errors.As(err, &gs) {
		return err
	}
	st := gs.GRPCStatus()
	if r, ok := fromStatus(st, domain); ok {
		return r
	}
	return err
}

// fromStatus reads st's details: the first ErrorInfo of domain that codedError accepts,
// and the first LocalizedMessage.
func fromStatus(st *status.Status, domain string) (*Remote, bool) {
	if st.Code() == grpccodes.OK {
		return nil, false
	}
	r := Remote{status: st}
	var localized bool
	for _, d := range st.Proto().GetDetails() {
		switch {
		case r.Err == nil && d.MessageIs((*errdetails.ErrorInfo)(nil)):
			var info errdetails.ErrorInfo
			if d.UnmarshalTo(&info) == nil && info.Domain == domain {
				r.Err = codedError(&info)
			}
		case !localized && d.MessageIs((*errdetails.LocalizedMessage)(nil)):
			var msg errdetails.LocalizedMessage
			if d.UnmarshalTo(&msg) == nil {
				r.Locale, r.Message, localized = msg.Locale, msg.Message, true
			}
		}
	}
	if r.Err == nil {
		return nil, false
	}
	return &r, true
}

// codedError returns the error an ErrorInfo describes, or nil when its number (metadata
// code) and reason disagree. A known number must have its wire name as the reason, and a
// known reason its number; without a number the reason must be known. A number this
// program does not know, from a newer server, is kept with whatever reason it has.
func codedError(info *errdetails.ErrorInfo) *codes.Error {
	var c codes.Code
	if v, ok := info.Metadata[KeyCode]; ok {
		n, ok := decimal.Parse(v, 9)
		if !ok || info.Reason == "" {
			return nil
		}
		c = codes.Code(n)
		if _, named := codes.ByName(info.Reason); (c.Known() || named) && c.String() != info.Reason {
			return nil
		}
	} else if c, ok = codes.ByName(info.Reason); !ok {
		return nil
	}
	e := &codes.Error{Code: c}
	if v, ok := info.Metadata[KeyHTTPStatus]; ok {
		if n, ok := decimal.Parse(v, 3); ok && n >= 100 && n <= 599 {
			e.Status = n
		}
	}
	for k, v := range info.Metadata {
		if k == KeyCode || k == KeyHTTPStatus {
			continue
		}
		if e.Data == nil {
			e.Data = make(map[string]any, len(info.Metadata))
		}
		e.Data[k] = v
	}
	return e
}
