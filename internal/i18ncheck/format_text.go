package i18ncheck

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteText writes one finding per line, file:line:col: severity: message [check], then the
// coverage of each locale.
func (r *Report) WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		fmt.Fprintf(w, "%s: %s: %s [%s]\n", f.Pos, f.Severity, f.Message, f.Check)
	}
	if len(fs) > 0 {
		fmt.Fprintln(w)
	}
	return r.writeCoverage(w)
}

// writeCoverage writes `en-US  103/103  100.0%` for each locale, the source first.
func (r *Report) writeCoverage(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range r.Coverage() {
		fmt.Fprintf(tw, "%s\t%d/%d\t%5.1f%%%s\n", c.Locale, c.Translated, c.Total, c.Percent(), c.note())
	}
	return tw.Flush()
}

// A Coverage is how many codes a locale translates.
type Coverage struct {
	Locale     string `json:"locale"`
	Translated int    `json:"translated"`
	Total      int    `json:"total"`
	Source     bool   `json:"source,omitempty"`
	Unreadable bool   `json:"unreadable,omitempty"`
}

// Percent is Translated as a percentage of Total; 100 when there are no codes.
func (c Coverage) Percent() float64 {
	if c.Total == 0 {
		return 100
	}
	return 100 * float64(c.Translated) / float64(c.Total)
}

func (c Coverage) note() string {
	switch {
	case c.Unreadable:
		return "  (a file does not parse)"
	case c.Source:
		return "  (source)"
	}
	return ""
}

// Coverage returns the coverage of every locale, the source first.
func (r *Report) Coverage() []Coverage {
	cs := []Coverage{r.Source.coverage(len(r.Codes.Codes), true)}
	for _, l := range r.Locales {
		if l != r.Source {
			cs = append(cs, l.coverage(len(r.Codes.Codes), false))
		}
	}
	return cs
}

func (l *Locale) coverage(total int, source bool) Coverage {
	return Coverage{Locale: l.Tag, Translated: l.Translated, Total: total, Source: source, Unreadable: l.Broken}
}
