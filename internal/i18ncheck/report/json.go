package report

import (
	"encoding/json"
	"io"
	"path/filepath"
)

// jsonVersion is the version of the -format json document. Adding members keeps it; removing
// or changing one bumps it.
const jsonVersion = 1

type jsonDoc struct {
	Version  int           `json:"version"`
	Tool     string        `json:"tool"`
	Package  string        `json:"package"`
	Type     string        `json:"type"`
	Source   string        `json:"source"`
	Codes    int           `json:"codes"`
	Summary  jsonSummary   `json:"summary"`
	Findings []jsonFinding `json:"findings"`
	Coverage []Coverage    `json:"coverage"`
}

type jsonSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// Accepted is how many findings the baseline accepted; Baseline is its file.
	Accepted int    `json:"accepted"`
	Baseline string `json:"baseline,omitempty"`
}

type jsonFinding struct {
	Check       string        `json:"check"`
	Severity    string        `json:"severity"`
	File        string        `json:"file"`
	Line        int           `json:"line"`
	Column      int           `json:"column"`
	Locale      string        `json:"locale,omitempty"`
	Subject     string        `json:"subject"`
	Message     string        `json:"message"`
	Fingerprint string        `json:"fingerprint"`
	Related     []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// WriteJSON writes the result as one versioned JSON document.
func (r *Result) WriteJSON(w io.Writer) error {
	doc := jsonDoc{
		Version: jsonVersion, Tool: "i18ncheck", Package: r.Package, Type: r.Type,
		Source: r.Source, Codes: r.Codes, Findings: []jsonFinding{}, Coverage: r.Coverage,
	}
	doc.Summary.Errors, doc.Summary.Warnings = Count(r.Findings)
	doc.Summary.Accepted, doc.Summary.Baseline = r.Accepted, filepath.ToSlash(r.Baseline)
	for _, f := range r.Findings {
		jf := jsonFinding{
			Check: f.Check, Severity: f.Severity.String(), File: filepath.ToSlash(f.Pos.File), Line: f.Pos.Line, Column: f.Pos.Col,
			Locale: f.Locale, Subject: f.Subject, Message: f.Message, Fingerprint: f.Fingerprint(),
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{filepath.ToSlash(rel.Pos.File), rel.Pos.Line, rel.Pos.Col, rel.Message})
		}
		doc.Findings = append(doc.Findings, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
