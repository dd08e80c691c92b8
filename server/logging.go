package server

import (
	"errors"
	"log/slog"
	"path/filepath"

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

// logLoadError logs each problem of a failed load, with the file (under dir) and its line.
func logLoadError(logger *slog.Logger, msg, dir string, err error) {
	for _, e := range leaves(err) {
		var le *i18n.LoadError
		if errors.As(e, &le) {
			logger.Error(msg, "file", filepath.Join(dir, le.File), "line", le.Line, "col", le.Col, "err", le.Err)
			continue
		}
		logger.Error(msg, "err", e)
	}
}

// describeLoadError returns the problems of a failed load as "file:line:col: message" lines,
// with the file under dir, as editors and CI annotate them.
func describeLoadError(dir string, err error) string {
	var s string
	for _, e := range leaves(err) {
		var le *i18n.LoadError
		if errors.As(e, &le) {
			c := *le
			c.File = filepath.Join(dir, le.File)
			e = &c
		}
		s += e.Error() + "\n"
	}
	return s
}
