package i18ncheck

import (
	"encoding/json"
	"io"
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
}

type jsonFinding struct {
	Check       string `json:"check"`
	Severity    string `json:"severity"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	Locale      string `json:"locale,omitempty"`
	Subject     string `json:"subject"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
}

// WriteJSON writes the findings and the coverage as one versioned JSON document.
func (r *Report) WriteJSON(w io.Writer, fs []Finding) error {
	doc := jsonDoc{
		Version: jsonVersion, Tool: "i18ncheck", Package: r.Codes.PkgPath, Type: r.Codes.Type,
		Source: r.Source.Tag, Codes: len(r.Codes.Codes), Findings: []jsonFinding{}, Coverage: r.Coverage(),
	}
	for _, f := range fs {
		if f.Severity == Error {
			doc.Summary.Errors++
		} else {
			doc.Summary.Warnings++
		}
		doc.Findings = append(doc.Findings, jsonFinding{
			Check: f.Check, Severity: f.Severity.String(), File: toSlash(f.Pos.File), Line: f.Pos.Line, Column: f.Pos.Col,
			Locale: f.Locale, Subject: f.Subject, Message: f.Message, Fingerprint: f.Fingerprint(),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
