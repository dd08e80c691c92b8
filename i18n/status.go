package i18n

import (
	"time"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// How many errors a Refusal keeps: the first ten of each file, a hundred in all. The rest are
// counted.
const (
	maxReportedErrors = 10
	maxReportedTotal  = 100
)

// Status is what a Catalog serves and what it refused, for health checks and operators.
type Status struct {
	Version string // the catalog version, as Catalog.Version
	// Degraded is set while some language does not serve what its files on disk say: the
	// last load of its files was refused, its files were removed, or a language whose files
	// were never accepted is absent.
	Degraded  bool
	Languages []LanguageStatus // the languages served, the default first, then the absent ones
	// Errors are the problems of the last load that belong to no language, such as a file
	// whose name is not a language tag; capped like Refusal.Errors.
	Errors []*LoadError
}

// LanguageStatus is the state of one language.
type LanguageStatus struct {
	Tag     language.Tag
	Serving bool      // false for a language whose files were never accepted
	Version string    // a hash of the served files; "" when not serving
	Loaded  time.Time // when the served version was loaded
	Files   []string  // the files the served version was read from
	// Missing are the codes the served version has no message for; they fall back to the
	// default language. Empty unless the Catalog serves incomplete languages.
	Missing []codes.Code
	// Removed is set when the language's files are gone: it keeps serving its last version
	// until the process restarts.
	Removed bool
	// Refused is the last load of the language's files that was refused since the served
	// version was loaded, or nil.
	Refused *Refusal
}

// Stale reports whether the language serves something other than its files on disk.
func (s LanguageStatus) Stale() bool { return !s.Serving || s.Removed || s.Refused != nil }

// A Refusal is a load of a language's files that was refused.
type Refusal struct {
	At     time.Time
	Errors []*LoadError // the first ten of each file, a hundred in all, in file order
	Count  int          // how many errors there were in all
}

// refusal keeps the first errors of each file.
func refusal(at time.Time, errs []error) *Refusal {
	r := &Refusal{At: at, Count: len(errs)}
	r.Errors = capPerFile(errs)
	return r
}

// capPerFile returns the first maxReportedErrors LoadErrors of each file, at most
// maxReportedTotal in all.
func capPerFile(errs []error) []*LoadError {
	var out []*LoadError
	perFile := map[string]int{}
	for _, err := range errs {
		if len(out) == maxReportedTotal {
			break
		}
		le, ok := err.(*LoadError)
		if !ok {
			le = &LoadError{Err: err}
		}
		if perFile[le.File]++; perFile[le.File] <= maxReportedErrors {
			out = append(out, le)
		}
	}
	return out
}

// Status returns what c serves now and what it refused. It is safe to call at any time.
func (c *Catalog) Status() Status {
	st := c.status.Load()
	out := *st
	out.Languages = append([]LanguageStatus(nil), st.Languages...)
	return out
}
