package i18n

import (
	"errors"
	"fmt"
)

// ErrMissing is the Err of a Problem about a message a language does not have.
var ErrMissing = errors.New("i18n: missing translation")

// A LoadError is a problem with one message file. Line and Col are 0 when unknown.
type LoadError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *LoadError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }
