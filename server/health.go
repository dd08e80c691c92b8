package server

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/apiswitch/errcode/i18n"
)

// healthReport is the body of GET /healthz.
type healthReport struct {
	Status    string   // "ok", or "degraded" while a language serves other than its files say
	Catalog   string   // the catalog version, as in ETags
	Languages []string // the languages served, the default first
	Locales   []localeReport
	Errors    []string `json:",omitempty"` // files that belong to no language
}

// localeReport is one language: what it serves, and what was refused.
type localeReport struct {
	Language     string
	Serving      bool
	Version      string         `json:",omitempty"`
	Loaded       time.Time      `json:",omitzero"`
	Files        []string       `json:",omitempty"`
	Missing      int            `json:",omitempty"` // messages that fall back (-serve-incomplete)
	MissingCodes []string       `json:",omitempty"` // the first of them
	Removed      bool           `json:",omitempty"` // its files are gone; it serves its last version
	Refused      *refusalReport `json:",omitempty"`
}

// refusalReport is the last refused load of a language's files.
type refusalReport struct {
	At     time.Time
	Count  int      // errors in all
	Errors []string // file:line:col: message, the first of each file
}

// health answers GET /healthz: the catalog version a replica serves, so that an operator
// can check which replicas have picked up new message files, and each language's state.
// It answers 200 even when degraded: every request is still served, and a translation
// must never make an orchestrator kill the process.
func (s *routes) health(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(healthOf(s.cat.Status()))
}

func healthOf(st i18n.Status) healthReport {
	rep := healthReport{Status: "ok", Catalog: st.Version, Languages: []string{}}
	if st.Degraded {
		rep.Status = "degraded"
	}
	for _, l := range st.Languages {
		if l.Serving {
			rep.Languages = append(rep.Languages, l.Tag.String())
		}
		rep.Locales = append(rep.Locales, localeOf(l))
	}
	rep.Errors = errorLines(st.Errors)
	return rep
}

func localeOf(l i18n.LanguageStatus) localeReport {
	lr := localeReport{Language: l.Tag.String(), Serving: l.Serving, Version: l.Version, Loaded: l.Loaded.UTC(),
		Files: l.Files, Missing: len(l.Missing), Removed: l.Removed}
	for _, c := range l.Missing[:min(len(l.Missing), maxLoggedErrors)] {
		lr.MissingCodes = append(lr.MissingCodes, c.String())
	}
	if l.Refused != nil {
		lr.Refused = &refusalReport{At: l.Refused.At.UTC(), Count: l.Refused.Count, Errors: errorLines(l.Refused.Errors)}
	}
	return lr
}

func errorLines(errs []*i18n.LoadError) []string {
	var lines []string
	for _, e := range errs {
		lines = append(lines, e.Error())
	}
	return lines
}
