package localefile

import (
	"errors"
	"strings"
	"testing"
)

// TestLimits checks both sides of each limit Parse enforces, through both of its parsers:
// the quick one for plain delimiters and text/template's for the rest (trim markers, letters
// as delimiters).
func TestLimits(t *testing.T) {
	// placeholders returns n placeholders written with left and right, "." between them.
	placeholders := func(n int, left, right string) string {
		return strings.Repeat(left+".A"+right+".", n)
	}
	tests := []struct {
		name              string
		text, left, right string
		wantOffset        int // of the refused action; -1: accepted
		want              string
	}{
		{"size at the limit", strings.Repeat("x", MaxMessageSize), "", "", -1, ""},
		{"size over the limit", strings.Repeat("x", MaxMessageSize+1), "", "", 0, "more than the 4096"},
		{"size over the limit, multibyte", strings.Repeat("云", MaxMessageSize/3+1), "", "", 0, "more than the 4096"},
		{"size over the limit, a template", strings.Repeat("{{.A}}", MaxMessageSize/6+1), "", "", 0, "more than the 4096"},
		{"placeholders at the limit", placeholders(MaxPlaceholders, "{{", "}}"), "", "", -1, ""},
		{"placeholders over the limit", placeholders(MaxPlaceholders+1, "{{", "}}"), "", "", MaxPlaceholders * len("{{.A}}."), "more than 16 placeholders"},
		{"trim markers at the limit", placeholders(MaxPlaceholders, "{{- ", " -}}"), "", "", -1, ""},
		{"trim markers over the limit", placeholders(MaxPlaceholders+1, "{{- ", " -}}"), "", "", MaxPlaceholders * len("{{- .A -}}."), "more than 16 placeholders"},
		{"delimiters at the limit", placeholders(MaxPlaceholders, "«", "»"), "«", "»", -1, ""},
		{"delimiters over the limit", placeholders(MaxPlaceholders+1, "«", "»"), "«", "»", MaxPlaceholders * len("«.A»."), "«.A»: more than 16"},
		{"distinct fields over the limit", strings.Repeat("{{.A}}{{.B}}", MaxPlaceholders/2) + "{{.C}}", "", "", MaxPlaceholders * len("{{.A}}"), "{{.C}}: more than 16"},
	}
	for _, tt := range tests {
		tmpl, err := Parse(tt.text, tt.left, tt.right)
		if tt.wantOffset < 0 {
			if err != nil {
				t.Errorf("%s: Parse = %v, want it accepted", tt.name, err)
			} else if got := len(tmpl.Parts()); got == 0 {
				t.Errorf("%s: Parse gave no parts", tt.name)
			}
			continue
		}
		var te *TemplateError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), tt.want) || te.Offset != tt.wantOffset {
			t.Errorf("%s: Parse = %v (%+v), want a *TemplateError with %q at offset %d", tt.name, err, te, tt.want, tt.wantOffset)
		}
	}
}
