package localefile

import (
	"strings"
	"testing"
)

// TestTemplateErrorPosition reads files whose message has a template error and checks that
// ErrPos is where the file writes the refused action: in strings of TOML's four kinds,
// after escapes of every length, line-ending backslashes, CRLF lines and multi-byte
// characters, under every way of writing a key. at is the text the position must be at.
func TestTemplateErrorPosition(t *testing.T) {
	tests := []struct {
		name, src, at string
	}{
		{"basic", "[A]\nother = \"App {{.Name}} {{range 3}}x{{end}}\"\n", "{{range"},
		{"basic, escapes before", "[A]\nother = \"\\\"Q\\\" \\u00e9\\t\\U0001F600 \\\\ \\x41 \\e {{.A}} {{.}}\"\n", "{{.}}"},
		{"basic, the action escaped", "[A]\nother = \"x \\u007B{range 3}}y{{end}}\"\n", "\\u007B{range"},
		{"basic, multi-byte before", "[A]\nother = \"未找到应用“{{.Name}}”{{printf `%v` .}}\"\n", "{{printf"},
		{"basic, tab before", "[A]\n\tother\t=\t\"\t{{if .A}}x{{end}}\"\n", "{{if"},
		{"literal", "[A]\nother = 'C:\\path\\ {{.A}} {{if .B}}x{{end}}'\n", "{{if"},
		{"multi-line basic", "[A]\nother = \"\"\"\nline one {{.A}}\nline two \\\n    {{range 3}}x{{end}}\"\"\"\n", "{{range"},
		{"multi-line basic, no newline first", "[A]\nother = \"\"\"one\n\\t{{/* c */}}\"\"\"\n", "{{/*"},
		{"multi-line basic, quotes inside", "[A]\nother = \"\"\"\"\"quoted\" {{.}}\"\"\"\n", "{{.}}"},
		{"multi-line basic, CRLF", "[A]\r\nother = \"\"\"\r\none\r\ntwo \\\r\n  three {{.A.B}}\"\"\"\r\n", "{{.A.B}}"},
		{"multi-line literal", "[A]\nother = '''\nfirst \\n\nsecond {{printf \"%v\" .A}}'''\n", "{{printf"},
		{"multi-line literal, quotes inside", "[A]\nother = '''''x'' {{.}}'''\n", "{{.}}"},
		{"top-level string", "# c\nA = \"The app {{.}}\"\n", "{{.}}"},
		{"quoted key", "\"A\" = \"The app {{.}}\"\n", "{{.}}"},
		{"dotted key", "A.other = \"The app {{.}}\"\n", "{{.}}"},
		{"inline table", "A = { description = \"d\", other = \"x {{.}}\" }\n", "{{.}}"},
		{"translation key", "[A]\ntranslation = \"x {{.}}\"\n", "{{.}}"},
		{"plural form", "[A]\none = \"ok {{.PluralCount}}\"\nother = \"x {{.PluralCount | len}}\"\n", "{{.PluralCount |"},
		{"delimiters", "[A]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"<<.A>> <<range .B>><<end>>\"\n", "<<range"},
		{"syntax error", "[A]\nother = \"App {{.Name\"\n", "{{.Name\""},
		{"syntax error on a later line", "[A]\nother = \"\"\"\nline {{.A}}\nline {{.B\"\"\"\n", "{{.B\""},
		{"too many placeholders", "[A]\nother = \"" + strings.Repeat("{{.A}}", MaxPlaceholders) + "{{.Z}}\"\n", "{{.Z}}"},
		{"joined message", "[B]\nother = \"x\"\nA = \"y {{.}}\"\n", "{{.}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Read("en.toml", tt.src)
			f.ResolveJoins(func(string) bool { return true })
			var got []Form
			for _, m := range f.Messages {
				for _, fm := range m.Forms {
					if fm.Err != nil {
						got = append(got, fm)
					}
				}
			}
			if len(got) != 1 {
				t.Fatalf("%d forms with errors, want 1: %+v %+v", len(got), f.Messages, f.Problems)
			}
			want := positionOf(tt.src, strings.Index(tt.src, tt.at))
			if got[0].ErrPos != want || want == got[0].Pos {
				t.Errorf("%v at %d:%d, want %d:%d (%q); the key is at %d:%d", got[0].Err, got[0].ErrPos.Line, got[0].ErrPos.Col,
					want.Line, want.Col, tt.at, got[0].Pos.Line, got[0].Pos.Col)
			}
		})
	}
}

// positionOf returns the line and byte column of offset i of src.
func positionOf(src string, i int) Position {
	line := strings.Count(src[:i], "\n") + 1
	return Position{line, i - strings.LastIndexByte(src[:i], '\n')}
}
