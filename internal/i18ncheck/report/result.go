package report

import (
	"fmt"
	"strings"
)

// A Result is what one run found, as the formats write it.
type Result struct {
	// Package is the import path of the codes' package, and Type the name of their type;
	// both are empty when the source locale's message ids were the codes.
	Package string
	Type    string
	Source  string // the source locale
	Codes   int    // how many codes were checked
	// Findings are what is left once a baseline, if any, accepted some.
	Findings []Finding
	Coverage []Coverage // the source first
	// Baseline is the baseline file, if one was applied, and Accepted how many findings it
	// accepted, which Findings no longer holds.
	Baseline string
	Accepted int
}

// Summary says how many errors and warnings there are, and how many findings the baseline
// accepted: "2 errors, 1 warning; the baseline b.json accepted 12 findings".
func (r *Result) Summary() string {
	e, w := Count(r.Findings)
	s := Plural(e, "error") + ", " + Plural(w, "warning")
	if r.Baseline != "" {
		s += fmt.Sprintf("; the baseline %s accepted %s", r.Baseline, Plural(r.Accepted, "finding"))
	}
	return s
}

// Plural says "1 error" or "2 errors"; a word in -y, such as "entry", becomes "entries".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// A Coverage is how many codes a locale translates.
type Coverage struct {
	Locale     string `json:"locale"`
	Translated int    `json:"translated"`
	Total      int    `json:"total"`
	Source     bool   `json:"source,omitempty"`
	Unreadable bool   `json:"unreadable,omitempty"` // a file of the locale does not parse
	Unloadable bool   `json:"unloadable,omitempty"` // go-i18n cannot load the language at all
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
	case c.Unloadable:
		return "  (go-i18n cannot load this language)"
	case c.Source:
		return "  (source)"
	}
	return ""
}
