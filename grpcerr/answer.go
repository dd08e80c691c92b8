package grpcerr

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/codes"
)

// grpcOK is the gRPC code the code table gives what is not a fault.
const grpcOK = uint32(grpccodes.OK)

// A problem is what a localized status says: a known error code, its template data, the
// HTTP status a codes.Error overrides (0 for none) and the gRPC code.
type problem struct {
	code   codes.Code
	data   map[string]any
	status int
	grpc   grpccodes.Code
}

// internalProblem is the answer to errors that carry no usable code.
var internalProblem = problem{code: codes.InternalError, grpc: grpccodes.Internal}

// An answer is what a Server answers for a handler's error.
type answer struct {
	problem  problem // the status to build, when localize
	localize bool
	err      error // the error to return as it is, when not localize
	report   error // what OnError is told; nil for nothing
}

// classify classifies a handler's error: ours (it carries a code), a gRPC status (passed on),
// a context error, or anything else (INTERNAL).
func classify(err error) answer {
	if c, ok := err.(codes.Code); ok {
		e := codes.Error{Code: c}
		return coded(err, &e)
	}
	if e, ok := codes.From(err); ok {
		return coded(err, e)
	}
	var gs interface{ GRPCStatus() *status.Status }
	if errors.As(err, &gs) {
		if st := gs.GRPCStatus(); st.Code() != grpccodes.OK {
			if _, direct := err.(interface{ GRPCStatus() *status.Status }); direct {
				return answer{err: err}
			}
			// grpc-go would send all of err.Error() as the message: send the status as
			// its own server made it, and log the rest.
			return answer{err: st.Err(), report: err}
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return answer{err: status.Error(grpccodes.DeadlineExceeded, context.DeadlineExceeded.Error()), report: err}
	}
	if errors.Is(err, context.Canceled) {
		return answer{err: status.Error(grpccodes.Canceled, context.Canceled.Error()), report: err}
	}
	return answer{problem: internalProblem, localize: true, report: err}
}

// coded answers an error whose outermost *codes.Error (or Code) is e.
func coded(err error, e *codes.Error) answer {
	switch c := e.Code.GRPCCode(); {
	case !e.Code.Known():
		p := internalProblem
		p.status, p.grpc = override(codes.InternalError, e.Status)
		return answer{problem: p, localize: true, report: fmt.Errorf("grpcerr: unknown code %d: %w", int(e.Code), err)}
	case c == grpcOK:
		return answer{problem: internalProblem, localize: true,
			report: fmt.Errorf("grpcerr: %s reports progress and is not an error; send it in a response: %w", e.Code, err)}
	}
	p := problem{code: e.Code, data: e.Data}
	p.status, p.grpc = override(e.Code, e.Status)
	a := answer{problem: p, localize: true}
	if e.Cause != nil || !bare(err, e) || p.grpc == grpccodes.Internal || p.status >= 500 {
		a.report = err
	}
	return a
}

// bare reports whether err is the code or *codes.Error e itself, with no text of its own
// that the client does not see.
func bare(err error, e *codes.Error) bool {
	if c, ok := err.(codes.Code); ok {
		return c == e.Code
	}
	return err == error(e)
}

// override returns the HTTP status a codes.Error's Status overrides (0 when it does not)
// and the gRPC code of the answer. The statuses a gateway answers map to the gRPC codes
// with the same meaning (AIP-193, google.rpc.Code): 502 and 503 to UNAVAILABLE, 504 to
// DEADLINE_EXCEEDED; 429 to RESOURCE_EXHAUSTED, 501 to UNIMPLEMENTED, other 5XX to
// INTERNAL. Any other override keeps the code's gRPC code.
func override(c codes.Code, httpStatus int) (int, grpccodes.Code) {
	table := grpccodes.Code(c.GRPCCode())
	if httpStatus == 0 || httpStatus == c.HTTPStatus() {
		return 0, table
	}
	switch {
	case httpStatus == http.StatusBadGateway, httpStatus == http.StatusServiceUnavailable:
		return httpStatus, grpccodes.Unavailable
	case httpStatus == http.StatusGatewayTimeout:
		return httpStatus, grpccodes.DeadlineExceeded
	case httpStatus == http.StatusTooManyRequests:
		return httpStatus, grpccodes.ResourceExhausted
	case httpStatus == http.StatusNotImplemented:
		return httpStatus, grpccodes.Unimplemented
	case httpStatus >= 500:
		return httpStatus, grpccodes.Internal
	}
	return httpStatus, table
}
