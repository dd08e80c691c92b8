package middleware_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/apiswitch/errcode/middleware"
)

func TestSetLanguage(t *testing.T) {
	cat := newCatalog(t)
	en, _ := cat.LocalizerFor("en")
	tests := []struct {
		name string
		vary []string
		want []string
	}{
		{"none", nil, []string{"Accept-Language"}},
		{"kept", []string{"Origin"}, []string{"Origin", "Accept-Language"}},
		{"not twice", []string{"Origin, accept-language"}, []string{"Origin, accept-language"}},
		{"star", []string{"*"}, []string{"*"}},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.vary != nil {
			h["Vary"] = slices.Clone(tt.vary)
		}
		middleware.SetLanguage(h, en)
		if got := h.Values("Vary"); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Vary = %q, want %q", tt.name, got, tt.want)
		}
		if got := h.Get("Content-Language"); got != "en-US" {
			t.Errorf("%s: Content-Language = %q", tt.name, got)
		}
	}
}
