package i18n

import (
	"errors"
	"fmt"
	"strings"
)

// ErrMissing is the Err of a Problem about a message a language does not have: none, a
// blank one, or a stub that is not translated yet.
var ErrMissing = errors.New("i18n: missing translation")

// ErrMissingData is wrapped by the Err of a Problem about a message rendered without some
// of its placeholders, for want of data. The message was still served, without them.
var ErrMissingData = errors.New("i18n: no value for a placeholder")

// ErrNotCode is wrapped by the Err of a Problem about message ids of a file that are no
// code: they are read and dropped, never served.
var ErrNotCode = errors.New("i18n: message ids that are no code are ignored")

// ErrRemoved is wrapped by the Err of a Problem about a language whose message files are
// gone: it keeps serving its last version until the process restarts.
var ErrRemoved = errors.New("i18n: the message files of a language are gone; it keeps serving its last version until the process restarts")

// maxListedIDs is how many ids the text of an ignoredIDs lists; the rest are counted.
const maxListedIDs = 10

// ignoredIDs is the Err of a Problem about the message ids of one file that match no code.
type ignoredIDs struct {
	file string
	ids  []string
}

func (e *ignoredIDs) Error() string {
	return fmt.Sprintf("%s: %v: %d: %s", e.file, ErrNotCode, len(e.ids), e.listed())
}

func (e *ignoredIDs) Unwrap() error { return ErrNotCode }

// listed returns the first maxListedIDs ids, joined by commas.
func (e *ignoredIDs) listed() string {
	return strings.Join(e.ids[:min(len(e.ids), maxListedIDs)], ",")
}

// removedFiles is the Err of a Problem about a language whose files are gone.
type removedFiles struct {
	files   []string // those of the version it keeps serving
	version string
}

func (e *removedFiles) Error() string {
	return fmt.Sprintf("%v: %s (version %s)", ErrRemoved, strings.Join(e.files, ","), e.version)
}

func (e *removedFiles) Unwrap() error { return ErrRemoved }

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
