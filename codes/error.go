package codes

import (
	"errors"
	"maps"
	"strconv"
)

// Error is the error a handler returns to answer with a code. Data fills the placeholders
// of the code's message ({{.Name}}); Cause records what went wrong underneath, for logs only:
// nothing renders it for a client.
//
// Status, when not zero, overrides the code's HTTP status; a gateway uses it to answer 502
// with INTERNAL_ERROR when a back end is unreachable.
//
// The zero Error has code 0, which is not a known code, and is answered as INTERNAL_ERROR.
type Error struct {
	Code   Code
	Data   map[string]any
	Cause  error
	Status int
}

// HTTPStatus returns Status when set, else the code's HTTP status.
func (e *Error) HTTPStatus() int {
	if e.Status != 0 {
		return e.Status
	}
	return e.Code.HTTPStatus()
}

// New returns an Error with code c.
func New(c Code) *Error { return &Error{Code: c} }

// Wrap returns an Error with code c caused by cause.
func Wrap(cause error, c Code) *Error { return &Error{Code: c, Cause: cause} }

// With returns a copy of e whose template data also holds key = value; e itself is not
// changed, so calls chain and a package-level error can be shared by concurrent handlers:
//
//	var errNoApp = codes.New(codes.AppNotFound)
//	...
//	return errNoApp.With("Name", name)
//
// With on a nil *Error returns a new Error with code 0, which is answered as INTERNAL_ERROR.
func (e *Error) With(key string, value any) *Error {
	c := new(Error)
	if e != nil {
		*c = *e
	}
	c.Data = maps.Clone(c.Data)
	if c.Data == nil {
		c.Data = make(map[string]any, 1)
	}
	c.Data[key] = value
	return c
}

// Error returns the code's name and number, and the cause's text when there is one. It is
// meant for logs: a client sees the localized message instead.
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Code.String()
	if e.Code.Known() {
		s += " (" + strconv.Itoa(int(e.Code)) + ")"
	}
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Cause
}

// Is reports whether target is the same code: a Code, or an *Error with the same Code.
func (e *Error) Is(target error) bool {
	if e == nil {
		return false
	}
	switch t := target.(type) {
	case Code:
		return e.Code == t
	case *Error:
		return t != nil && e.Code == t.Code
	}
	return false
}

// From returns the outermost *Error in err's chain, or an Error made of the outermost bare
// Code. It reports false when err carries no code at all.
func From(err error) (*Error, bool) {
	if err == nil {
		return nil, false
	}
	var e *Error
	if errors.As(err, &e) && e != nil {
		return e, true
	}
	var c Code
	if errors.As(err, &c) {
		return &Error{Code: c}, true
	}
	return nil, false
}
