package i18n

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/localefile"
)

// FuzzRender drives the renderer the server uses, through the catalog: it loads a file of
// one message whose text and delimiters are fuzzed, renders it with fuzzed values, and checks
// the result against text/template, which go-i18n renders with:
//
//   - with a value for every placeholder, the text is text/template's, each value cut to
//     maxValueLen bytes and an ellipsis as documented;
//   - without some, it is text/template's with those placeholders empty, less only spaces,
//     separators and the quotes or brackets the missing-data rule removes: no word is lost,
//     none is added, and never a "<no value>";
//   - its length is at most the message's plus, per placeholder use, the length of the value
//     printed there, cut as above: linear in the length of the message and of the data. With
//     the renderer's single pass over the message's parts, that is its time bound too.
//
// Each execution loads one small file, so it is cheap enough for CI's short runs under -race.
func FuzzRender(f *testing.F) {
	for _, s := range []struct{ text, left, right string }{
		{"The app {{.A}} was not found.", "", ""},
		{"The app “{{.A}}” was not found: {{.B}}.", "", ""},
		{"未找到应用“{{.A}}”，{{.B}}：{{.C}}", "", ""},
		{"{{.A}}: not found. ", "", ""},
		{"{{- .A -}} , {{ .B }} ({{.C}})", "", ""},
		{"<<.A>> {{.B}}", "<<", ">>"},
		{"云盘 {{.A}} 不存在", "", ""},
		{"plain text", "", ""},
		{"{{range 3}}x{{end}}", "", ""},
		{strings.Repeat("{{.A}}", localefile.MaxPlaceholders), "", ""},
	} {
		f.Add(s.text, s.left, s.right, "web", "", int64(7), uint8(0))
		f.Add(s.text, s.left, s.right, strings.Repeat("é", maxValueLen), " ", int64(-1), uint8(5))
	}
	f.Fuzz(func(t *testing.T, text, left, right, a, b string, n int64, absent uint8) {
		if !utf8.ValidString(text+left+right) || strings.TrimSpace(text) == "" {
			return // TOML is UTF-8; a blank message is missing, not rendered
		}
		l, ok := loadOne(t, text, left, right)
		if !ok {
			return // refused: FuzzTemplate compares what Parse refuses with text/template
		}
		ref, uses := reference(t, text, left, right)
		tmpl, fields := l.Template(codes.AppNotFound)
		if want := distinct(uses); strings.Join(fields, ",") != strings.Join(want, ",") {
			t.Fatalf("%q: placeholders %q, text/template sees %q (template %q)", text, fields, want, tmpl)
		}
		values := []any{strings.ToValidUTF8(a, "\uFFFD"), strings.ToValidUTF8(b, "\uFFFD"), n}
		data, shown, missing := map[string]any{}, map[string]string{}, false
		for i, name := range fields {
			shown[name] = ""
			if absent&(1<<(i%8)) != 0 {
				missing = true
				continue
			}
			data[name] = values[i%len(values)]
			if shown[name] = printed(data[name]); shown[name] == "" {
				missing = true // a blank value is no value
			}
		}
		got, full := l.Message(codes.AppNotFound, data), ref(shown)
		switch {
		case !missing && got != full:
			t.Fatalf("%q with %q renders %q, text/template %q", text, shown, got, full)
		case missing && got == codes.AppNotFound.String() && onlyRemovable(full):
			return // nothing was left of the message: it falls back to the code's name
		case missing && !onlyRemoved(full, got):
			t.Fatalf("%q with %q renders %q: not text/template's %q less what the missing-data rule removes", text, data, got, full)
		}
		bound := len(text)
		for _, name := range uses {
			bound += len(shown[name])
		}
		if len(got) > bound || len(uses) > localefile.MaxPlaceholders || len(got) > maxRenderedLen {
			t.Fatalf("%q (%d bytes, %d placeholders) renders %d bytes, more than %d", text, len(text), len(uses), len(got), bound)
		}
	})
}

// loadOne loads a catalog of one file whose only message is text, with delimiters left and
// right, and returns its Localizer; false when the file is refused.
func loadOne(t *testing.T, text, left, right string) (Localizer, bool) {
	msg := map[string]string{"other": text}
	if left != "" {
		msg["leftDelim"] = left
	}
	if right != "" {
		msg["rightDelim"] = right
	}
	var src bytes.Buffer
	if err := toml.NewEncoder(&src).Encode(map[string]any{codes.AppNotFound.String(): msg}); err != nil {
		t.Fatal(err)
	}
	c, _ := New(fstest.MapFS{"zh-CN.toml": {Data: src.Bytes()}}, OnProblem(func(Problem) {}))
	if c == nil {
		return Localizer{}, false
	}
	return c.Localizer(), true
}

// reference parses text with text/template, as go-i18n does, and returns a function that
// renders it with the values given and the field each of its actions prints, in order.
// Text without the left delimiter is no template for go-i18n: it renders as written.
func reference(t *testing.T, text, left, right string) (func(map[string]string) string, []string) {
	if left == "" {
		left = "{{"
	}
	if !strings.Contains(text, left) {
		return func(map[string]string) string { return text }, nil
	}
	ref, err := template.New("").Delims(left, right).Option("missingkey=error").Parse(text)
	if err != nil {
		t.Fatalf("the catalog loaded %q, which text/template refuses: %v", text, err)
	}
	var uses []string
	for _, n := range ref.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			cmds := n.Pipe.Cmds
			field, ok := cmds[0].Args[0].(*parse.FieldNode)
			if len(cmds) != 1 || len(cmds[0].Args) != 1 || !ok || len(field.Ident) != 1 {
				t.Fatalf("the catalog loaded %q, whose action %s is no field substitution", text, n)
			}
			uses = append(uses, field.Ident[0])
		default:
			t.Fatalf("the catalog loaded %q, which has %s", text, n)
		}
	}
	return func(data map[string]string) string {
		var b strings.Builder
		if err := ref.Execute(&b, data); err != nil {
			t.Fatalf("text/template cannot execute %q, which the catalog loaded: %v", text, err)
		}
		return b.String()
	}, uses
}

// distinct returns names without repeats, in order of first use.
func distinct(names []string) []string {
	var out []string
	for _, n := range names {
		if !strings.Contains(","+strings.Join(out, ",")+",", ","+n+",") {
			out = append(out, n)
		}
	}
	return out
}

// printed is a value as the documentation says a placeholder prints it: its text, cut to
// maxValueLen bytes on a character boundary and then "…"; "" for a blank one.
func printed(v any) string {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case int64:
		var b strings.Builder
		template.Must(template.New("").Parse("{{.}}")).Execute(&b, v) // as text/template prints it
		s = b.String()
	}
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if len(s) <= maxValueLen {
		return s
	}
	cut := maxValueLen
	for !utf8.ValidString(s[:cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// removable are what the missing-data rule may remove beside a placeholder: spaces,
// separators, and the quotes and brackets of pairs.
var removable = func() string {
	s := spaces + separators
	for _, p := range pairs {
		s += p[0] + p[1]
	}
	return s
}()

// onlyRemoved reports whether got is full with some runes of removable deleted and nothing
// else changed. Matching each rune of got to the first equal rune of full is enough: if a
// removable rune of full is skipped where it could have matched, a later equal rune can be
// skipped instead.
func onlyRemoved(full, got string) bool {
	for got != "" {
		if full == "" {
			return false
		}
		r, n := utf8.DecodeRuneInString(full)
		if strings.HasPrefix(got, full[:n]) {
			got = got[n:]
		} else if !strings.ContainsRune(removable, r) {
			return false
		}
		full = full[n:]
	}
	return onlyRemovable(full)
}

// onlyRemovable reports whether every rune of s is removable.
func onlyRemovable(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune(removable, r) {
			return false
		}
	}
	return true
}
