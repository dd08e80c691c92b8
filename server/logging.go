package server

import (
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/apiswitch/errcode/i18n"
)

// leaves returns the errors joined in err (errors.Join nests), each as it would be
// reported alone. A *i18n.LoadError is a leaf.
func leaves(err error) []error {
	if _, ok := err.(*i18n.LoadError); ok {
		return []error{err}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// maxLoggedErrors is how many errors of one file a failed load logs; the rest are counted
// in one more line. 12,000 broken entries must not make 12,000 log lines.
const maxLoggedErrors = 10

// perFile returns the leaves of err with at most maxLoggedErrors of each file, and how many
// more each file had, in order of first appearance.
func perFile(err error) (kept []error, more []fileCount) {
	seen, index := map[string]int{}, map[string]int{}
	for _, e := range leaves(err) {
		var le *i18n.LoadError
		if !errors.As(e, &le) {
			kept = append(kept, e)
			continue
		}
		if seen[le.File]++; seen[le.File] <= maxLoggedErrors {
			kept = append(kept, e)
			continue
		}
		i, ok := index[le.File]
		if !ok {
			i = len(more)
			index[le.File] = i
			more = append(more, fileCount{file: le.File})
		}
		more[i].n++
	}
	return kept, more
}

// A fileCount is how many errors of one file were not logged.
type fileCount struct {
	file string
	n    int
}

// logLoadError logs the problems of a load, with the file (under dir), line and column:
// the first maxLoggedErrors of each file, then how many more there were.
func logLoadError(logger *slog.Logger, msg, dir string, err error) {
	kept, more := perFile(err)
	for _, e := range kept {
		var le *i18n.LoadError
		if errors.As(e, &le) {
			logger.Error(msg, "file", filepath.Join(dir, le.File), "line", le.Line, "col", le.Col, "err", le.Err)
			continue
		}
		logger.Error(msg, "err", e)
	}
	for _, m := range more {
		logger.Error(msg, "file", filepath.Join(dir, m.file), "more", m.n, "err", fmt.Sprintf("%d more errors in this file are not logged", m.n))
	}
}

// describeLoadError returns the problems of a failed load as "file:line:col: message" lines,
// with the file under dir, as editors and CI annotate them: the first maxLoggedErrors of
// each file, then how many more there were.
func describeLoadError(dir string, err error) string {
	var b strings.Builder
	kept, more := perFile(err)
	for _, e := range kept {
		var le *i18n.LoadError
		if errors.As(e, &le) {
			c := *le
			c.File = filepath.Join(dir, le.File)
			e = &c
		}
		b.WriteString(e.Error() + "\n")
	}
	for _, m := range more {
		fmt.Fprintf(&b, "%s: %d more errors\n", filepath.Join(dir, m.file), m.n)
	}
	return b.String()
}
