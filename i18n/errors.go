package i18n

import (
	"errors"
	"fmt"
)

// ErrMissing is the Err of a Problem about a message a language does not have: none, a
// blank one, or a stub that is not translated yet.
var ErrMissing = errors.New("i18n: missing translation")

// ErrMissingData is wrapped by the Err of a Problem about a message rendered without some
// of its placeholders, for want of data. The message was still served, without them.
var ErrMissingData = errors.New("i18n: no value for a placeholder")

// A LoadError is a problem with one message file, at a line and column of it (1:1 for a
// problem with the whole file).
type LoadError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *LoadError) Error() string {
	switch {
	case e.File == "":
		return e.Err.Error()
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }
