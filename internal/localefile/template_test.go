package localefile

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"text/template"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text, left, right string
		want              string // Template.String(), or the error's fragment after "error: "
	}{
		{"plain text", "", "", "plain text"},
		{"{{.Name}} and {{.Count}} and {{.Name}}", "", "", "{{.Name}} and {{.Count}} and {{.Name}}"},
		{"{{ .Name }}", "", "", "{{.Name}}"},
		{"a {{- .Name -}} b", "", "", "a{{.Name}}b"},
		{"<<.Name>> {{.NotAField}}", "<<", ">>", "{{.Name}} {{.NotAField}}"},
		{"{{.PluralCount}} files", "", "", "{{.PluralCount}} files"},
		{"{{.名前}}", "", "", "{{.名前}}"},
		{"{{.Name", "", "", `error: unclosed action`},
		{"App {{.Name not found.}}", "", "", `error: function "found" not defined`},
		{"{{range 10000000}}x{{end}}", "", "", "error: {{range 10000000}}x{{end}}: control structures are not allowed"},
		{"{{if .Ok}}a{{end}}", "", "", "error: {{if .Ok}}a{{end}}: control structures"},
		{"{{with .A}}{{.}}{{end}}", "", "", "error: control structures"},
		{`{{template "x"}}`, "", "", "error: control structures"},
		{`{{define "x"}}y{{end}}`, "", "", `error: {{define "x"}}: defining templates`},
		{`{{block "x" .}}y{{end}}`, "", "", "error: defining templates"},
		{`{{printf "%#v" .}}`, "", "", "error: function calls"},
		{"{{.}}", "", "", "error: {{.}}: {{.}}, which prints all the data,"},
		{"{{.A.B}}", "", "", "error: fields of fields"},
		{"{{(.A).B}}", "", "", "error: fields of fields"},
		{"{{.A 1}}", "", "", "error: method calls"},
		{"{{.Name | len}}", "", "", "error: pipelines"},
		{"{{$x := .Name}}{{$x}}", "", "", "error: variables"},
		{"{{$}}", "", "", "error: variables"},
		{`{{"literal"}}`, "", "", "error: constants"},
		{"{{/* hidden */}}shown", "", "", "error: comments"},
		{"{{- /* hidden */ -}}", "", "", "error: comments"},
		{"<<range .X>><<end>> {{range}}", "<<", ">>", "error: control structures"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.text, tt.left, tt.right)
		switch want, isErr := strings.CutPrefix(tt.want, "error: "); {
		case isErr && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("Parse(%q) = %v, %v; want an error with %q", tt.text, got, err, want)
		case !isErr && (err != nil || got.String() != want):
			t.Errorf("Parse(%q) = %v, %v; want %q", tt.text, got, err, want)
		}
	}
}

// FuzzTemplate checks every template Parse accepts against text/template, which go-i18n
// renders with: executed with every field set, both give the same text. The output is the
// literal text plus one value per substitution, so rendering is linear in the length of
// the message: no accepted template can loop, recurse or repeat. FuzzRender, in package i18n,
// checks the renderer the server uses the same way, through a loaded catalog.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{"{{.Name}}", "a {{- .B -}} c", "{{range 3}}x{{end}}", "{{/* c */}}",
		"{{.A}}{{.A}}", "{{ .X }}", "{{.}}", "<<.A>>", "{{`x`}}", "{{\"{{\"}}", "{{.A}}}}"} {
		f.Add(s, "", "")
	}
	f.Add("<<.A>> {{.B}}", "<<", ">>")
	f.Fuzz(func(t *testing.T, text, left, right string) {
		tmpl, err := Parse(text, left, right)
		if err != nil {
			return
		}
		data := map[string]any{}
		literal := 0
		for _, p := range tmpl.Parts() {
			if p.Field {
				data[p.Text] = "<" + p.Text + ">"
				continue
			}
			literal += len(p.Text)
		}
		var b strings.Builder
		for _, p := range tmpl.Parts() {
			if p.Field {
				b.WriteString(data[p.Text].(string))
				continue
			}
			b.WriteString(p.Text)
		}
		if literal > len(text) {
			t.Fatalf("Parse(%q): %d bytes of literal text, more than the message's %d", text, literal, len(text))
		}
		if left == "" {
			left = "{{"
		}
		if right == "" {
			right = "}}"
		}
		if !strings.Contains(text, left) {
			return // go-i18n renders such text as it is, and so do we
		}
		ref, err := template.New("").Delims(left, right).Option("missingkey=error").Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q) accepted what text/template refuses: %v", text, err)
		}
		var out bytes.Buffer
		if err := ref.Execute(&out, data); err != nil {
			t.Fatalf("text/template cannot execute %q, which Parse accepted: %v", text, err)
		}
		if out.String() != b.String() {
			t.Fatalf("Parse(%q) renders %q, text/template %q", text, b.String(), out.String())
		}
	})
}

// TestParseOffset checks where Parse says a template goes wrong: at the left delimiter of the
// first action it refuses, or for a syntax error (text/template's parser names a line only)
// at the first action on that line that is not a plain substitution.
func TestParseOffset(t *testing.T) {
	tests := []struct {
		text, left, right string
		at                string // the text from the offset on
	}{
		{"App {{.Name}} {{range 3}}x{{end}}", "", "", "{{range 3}}x{{end}}"},
		{"App {{- .Name -}} {{printf `%v` .}}", "", "", "{{printf `%v` .}}"},
		{"a {{.A}} b {{.}} c {{.B.C}}", "", "", "{{.}} c {{.B.C}}"},
		{"a {{/* hidden */}} b", "", "", "{{/* hidden */}} b"},
		{`a {{.A}} {{define "x"}}y{{end}} {{if .B}}z{{end}}`, "", "", `{{define "x"}}y{{end}} {{if .B}}z{{end}}`},
		{`a {{if .B}}z{{end}} {{define "x"}}y{{end}}`, "", "", `{{if .B}}z{{end}} {{define "x"}}y{{end}}`},
		{`{{define "y"}}{{end}} {{define "x"}}y{{end}}`, "", "", `{{define "y"}}{{end}} {{define "x"}}y{{end}}`},
		{"App {{.Name", "", "", "{{.Name"},
		{"App {{.Name}} not {{.Found x}}.", "", "", "{{.Found x}}."},
		{"line 1 {{.A}}\nline 2 {{.B}} {{.C", "", "", "{{.C"},
		{"line 1 {{if .A}}\nline 2 {{.B}} {{.C", "", "", "{{.C"},
		{"{{- .A}} x <<range>>", "<<", ">>", "<<range>>"},
		{"«.A» «.B» «range .C»«end»", "«", "»", "«range .C»«end»"},
		{"云 {{.A}} {{len .B}}", "", "", "{{len .B}}"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.text, tt.left, tt.right)
		var te *TemplateError
		if !errors.As(err, &te) {
			t.Errorf("Parse(%q) = %v, want a *TemplateError", tt.text, err)
			continue
		}
		if got := tt.text[te.Offset:]; got != tt.at {
			t.Errorf("Parse(%q): %v at %q, want at %q", tt.text, err, got, tt.at)
		}
	}
}
