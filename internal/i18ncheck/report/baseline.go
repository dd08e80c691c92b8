package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// A Baseline is a set of accepted findings, known by fingerprint: check, locale and subject,
// never a line number, so that editing a file does not invalidate it.
type Baseline struct {
	Path    string
	Entries []BaselineEntry
	lines   map[string]int // fingerprint → line in the file
}

// A BaselineEntry is one accepted finding. Only Fingerprint matters; the rest is there for
// the people who review the file.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	Locale      string `json:"locale,omitempty"`
	Subject     string `json:"subject"`
	Message     string `json:"message"`
}

// fingerprintRE finds the fingerprint of an entry on its line.
var fingerprintRE = regexp.MustCompile(`"fingerprint"\s*:\s*"([^"]*)"`)

type baselineDoc struct {
	Version int             `json:"version"`
	Entries []BaselineEntry `json:"entries"`
}

// ParseBaseline reads a baseline file written by WriteBaseline.
func ParseBaseline(path string, data []byte) (*Baseline, error) {
	var doc baselineDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	if doc.Version != 1 {
		return nil, fmt.Errorf("baseline %s: version %d, want 1", path, doc.Version)
	}
	b := &Baseline{Path: path, Entries: doc.Entries, lines: map[string]int{}}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if m := fingerprintRE.FindSubmatch(line); m != nil {
			if _, seen := b.lines[string(m[1])]; !seen {
				b.lines[string(m[1])] = i + 1
			}
		}
	}
	return b, nil
}

// Apply returns fs without the findings b accepts, and how many it accepted. It adds a
// "baseline" warning for each entry that no finding matches any more, so that the file can
// shrink.
func (b *Baseline) Apply(fs []Finding) (kept []Finding, accepted int) {
	want := map[string]bool{}
	for _, e := range b.Entries {
		want[e.Fingerprint] = true
	}
	matched := map[string]bool{}
	for _, f := range fs {
		fp := f.Fingerprint()
		if want[fp] {
			matched[fp] = true
			accepted++
			continue
		}
		kept = append(kept, f)
	}
	for _, e := range b.Entries {
		if matched[e.Fingerprint] {
			continue
		}
		kept = append(kept, Finding{
			Check: CheckBaseline, Severity: Warning, Pos: Position{b.Path, max(b.lines[e.Fingerprint], 1), 1},
			Subject: e.Fingerprint,
			Message: fmt.Sprintf("baseline entry %s (%s %s %s) is fixed: remove it", e.Fingerprint, e.Check, e.Locale, e.Subject),
		})
	}
	Sort(kept)
	return kept, accepted
}

// WriteBaseline writes fs as a baseline, one entry per line in a stable order so that its
// diffs are readable.
func WriteBaseline(w io.Writer, fs []Finding) error {
	var entries []BaselineEntry
	seen := map[string]bool{}
	for _, f := range fs {
		fp := f.Fingerprint()
		if seen[fp] || f.Check == CheckBaseline {
			continue
		}
		seen[fp] = true
		entries = append(entries, BaselineEntry{fp, f.Check, f.Locale, f.Subject, f.Message})
	}
	slices.SortFunc(entries, func(a, b BaselineEntry) int {
		return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Locale, b.Locale),
			cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	var buf strings.Builder
	buf.WriteString("{\n  \"version\": 1,\n  \"entries\": [")
	for i, e := range entries {
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	buf.WriteString("\n  ]\n}\n")
	_, err := io.WriteString(w, buf.String())
	return err
}
