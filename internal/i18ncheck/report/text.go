package report

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// WriteText writes one finding per line, file:line:col: severity: message [check], then the
// coverage of each locale, then the summary.
func (r *Result) WriteText(w io.Writer) error {
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s: %s: %s [%s]\n", f.Pos, f.Severity, f.Message, f.Check)
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(w)
	}
	if err := r.writeCoverage(w); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", r.Summary())
	return err
}

// writeCoverage writes `en-US  103/103  100.0%` for each locale, the source first, with the
// numbers aligned on the right.
func (r *Result) writeCoverage(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range r.Coverage {
		width := len(strconv.Itoa(c.Total))
		fmt.Fprintf(tw, "%s\t%*d/%d\t%5.1f%%%s\n", c.Locale, width, c.Translated, c.Total, c.Percent(), c.note())
	}
	return tw.Flush()
}
