package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
)

// Severity is how bad a finding is. Exit status and -fail-on compare severities.
type Severity int

// The severities, in increasing order.
const (
	Warning Severity = iota + 1
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Position is a place in a file. Line and Col start at 1; Col counts bytes, as go/token does.
// File is as the user would type it: relative to the working directory when possible.
type Position struct {
	File string
	Line int
	Col  int
}

// String returns file:line:col.
func (p Position) String() string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// A Finding is one problem i18ncheck reports.
type Finding struct {
	Check    string // check id, such as "missing"
	Severity Severity
	Pos      Position // where to fix it
	Message  string
	// Locale is the language tag the finding is about, empty for findings about the Go
	// constants alone.
	Locale string
	// Subject is the code name or message id the finding is about, or the file name for
	// findings about a whole file. With Check and Locale it makes the fingerprint.
	Subject string
	// Detail distinguishes several findings of one check on one subject, such as two
	// missing plural forms. It is part of the fingerprint; a line number never is.
	Detail string
	// Related are other places that explain the finding, such as the declaration of the
	// code a message is missing for. They are not part of the fingerprint.
	Related []Related
}

// A Related location is a place that explains a finding, and what is there.
type Related struct {
	Pos     Position
	Message string
}

// Fingerprint identifies f across edits that move lines: it hashes the check, the locale,
// the subject and the detail, never the position.
func (f Finding) Fingerprint() string {
	h := sha256.Sum256([]byte(f.Check + "\x00" + f.Locale + "\x00" + f.Subject + "\x00" + f.Detail))
	return hex.EncodeToString(h[:12])
}

// Sort orders findings by file, line, column, then check and message, so that every output
// is stable.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(filepath.ToSlash(a.Pos.File), filepath.ToSlash(b.Pos.File)),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Check, b.Check),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of errors and of warnings among fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Failed reports whether any finding is at or above min.
func Failed(fs []Finding, min Severity) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity >= min })
}
