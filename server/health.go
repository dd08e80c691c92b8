package server

import (
	"encoding/json"
	"net/http"
)

// health answers GET /healthz: the process serves, with the catalog version it serves, so
// that an operator can check which replicas have picked up new message files.
func (s *routes) health(w http.ResponseWriter, r *http.Request) {
	langs := s.cat.Languages()
	names := make([]string, len(langs))
	for i, t := range langs {
		names[i] = t.String()
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(struct {
		Status    string
		Catalog   string
		Languages []string
	}{"ok", s.cat.Version(), names})
}
