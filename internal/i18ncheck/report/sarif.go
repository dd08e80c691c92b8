package report

import (
	"encoding/json"
	"io"
	"path/filepath"
)

// SARIF 2.1.0, the subset code-scanning services read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifText    `json:"shortDescription"`
	DefaultConfig    sarifDefault `json:"defaultConfiguration"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	ID       *int          `json:"id,omitempty"`
	Physical sarifPhysical `json:"physicalLocation"`
	Message  *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// WriteSARIF writes the findings as a SARIF 2.1.0 log with one rule per check, a stable
// fingerprint per result, and a finding's related places as its relatedLocations.
func (r *Result) WriteSARIF(w io.Writer) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "i18ncheck", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	for _, rule := range Rules {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: rule.ID, ShortDescription: sarifText{rule.Short}, DefaultConfig: sarifDefault{sarifLevel(rule.Severity)},
		})
	}
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID: f.Check, RuleIndex: RuleIndex(f.Check), Level: sarifLevel(f.Severity), Message: sarifText{f.Message},
			Locations:           []sarifLocation{{Physical: sarifPhysicalOf(f.Pos)}},
			PartialFingerprints: map[string]string{"i18ncheck/v1": f.Fingerprint()},
		}
		for i, rel := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: &id, Physical: sarifPhysicalOf(rel.Pos), Message: &sarifText{rel.Message}})
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func sarifPhysicalOf(p Position) sarifPhysical {
	return sarifPhysical{
		Artifact: sarifArtifact{URI: filepath.ToSlash(p.File), URIBaseID: "%SRCROOT%"},
		Region:   sarifRegion{StartLine: p.Line, StartColumn: p.Col},
	}
}

func sarifLevel(s Severity) string {
	if s == Error {
		return "error"
	}
	return "warning"
}
