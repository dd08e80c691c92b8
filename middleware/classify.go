package middleware

import (
	"errors"
	"net/http"

	"github.com/apiswitch/errcode/codes"
)

// errNil is reported when WriteError is given a nil error.
var errNil = errors.New("middleware: WriteError with a nil error")

// A problem is what a typed body says about an error.
type problem struct {
	code   codes.Code
	data   map[string]any
	status int
	report bool // OnError must be told
}

// classify finds the code, data and status of err. An error that carries no code, or an
// unknown one, is INTERNAL_ERROR; a Status override that cannot carry a body is ignored.
func classify(err error) problem {
	var e *codes.Error
	switch v := err.(type) {
	case nil:
		return problem{code: codes.InternalError, status: http.StatusInternalServerError, report: true}
	case codes.Code:
		if status := v.HTTPStatus(); v.Known() {
			return problem{code: v, status: status, report: status >= 500}
		}
	case *codes.Error:
		e = v
	}
	if e == nil {
		var ok bool
		if e, ok = codes.From(err); !ok {
			return problem{code: codes.InternalError, status: http.StatusInternalServerError, report: true}
		}
	}
	p := problem{code: e.Code, data: e.Data, status: e.HTTPStatus(), report: e.Cause != nil}
	if !p.code.Known() {
		p.code, p.report = codes.InternalError, true
		if e.Status == 0 {
			p.status = http.StatusInternalServerError
		}
	}
	if !bodyStatus(p.status) {
		p.status, p.report = p.code.HTTPStatus(), true
	}
	p.report = p.report || p.status >= 500
	return p
}

// bodyStatus reports whether a typed body may be sent with status.
func bodyStatus(status int) bool {
	return status >= 200 && status <= 599 &&
		status != http.StatusNoContent && status != http.StatusResetContent && status != http.StatusNotModified
}
