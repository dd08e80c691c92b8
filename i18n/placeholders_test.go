package i18n

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/apiswitch/errcode/codes"
)

// withPlaceholders returns the messages of fsys, one file per language, each with
// placeholders put where a developer might put them: at the end, in quotes after the first
// word, in brackets, at the start, after a colon, two in the middle, two side by side in
// quotes, in turn from code to code. It is derived from the files, so that a new code or
// language is covered without a fixture to edit.
func withPlaceholders(t *testing.T, fsys fs.FS) fstest.MapFS {
	t.Helper()
	c, err := New(fsys, OnProblem(func(Problem) {}))
	if err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	for _, tag := range c.Languages() {
		l, _ := c.LocalizerFor(tag.String())
		var b strings.Builder
		for i, code := range codes.All() {
			text, _ := l.Template(code)
			fmt.Fprintf(&b, "%s = %q\n", code, placeholderAt(i, text))
		}
		out[tag.String()+".toml"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return out
}

// A placement is where placeholderAt puts placeholders, in Chinese and in a language
// written with spaces between words: before, in the middle (after the first word or two
// characters), or after the message (before its final punctuation).
type placement struct{ zh, spaced [3]string }

var placements = []placement{
	{[3]string{"", "", " {{.Name}}"}, [3]string{"", "", " {{.Name}}"}},
	{[3]string{"", "“{{.Name}}”", ""}, [3]string{"", " “{{.Name}}”", ""}},
	{[3]string{"", "", "（{{.Name}}）"}, [3]string{"", "", " ({{.Name}})"}},
	{[3]string{"{{.Name}}：", "", ""}, [3]string{"{{.Name}}: ", "", ""}},
	{[3]string{"", "", "：{{.Name}}"}, [3]string{"", "", ": {{.Name}}"}},
	{[3]string{"", " {{.Name}}，{{.Size}} ", ""}, [3]string{"", " {{.Name}}, {{.Size}}", ""}},
	{[3]string{"", "「{{.A}}{{.B}}」", ""}, [3]string{"", ` "{{.A}}{{.B}}"`, ""}},
}

// placeholderAt returns text with the i-th placement (in turn) of placeholders.
func placeholderAt(i int, text string) string {
	p := placements[i%len(placements)]
	parts := p.spaced
	// The middle: after the first word, or the first two characters of a text
	// without spaces.
	cut := strings.IndexByte(text, ' ')
	if strings.ContainsFunc(text, isHan) {
		parts = p.zh
		cut = len(string([]rune(text)[:min(2, utf8.RuneCountInString(text))]))
	}
	if cut < 0 {
		cut = len(text)
	}
	body := strings.TrimRight(text, ".!?。！？")
	end := text[len(body):]
	if cut > len(body) {
		cut = len(body)
	}
	return parts[0] + body[:cut] + parts[1] + body[cut:] + parts[2] + end
}
