package docgen

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

func TestGroupsCoverEveryCode(t *testing.T) {
	byGroup, rest := grouped()
	if len(rest) > 0 {
		t.Errorf("codes outside every group: %v", rest)
	}
	n := 0
	for i, cs := range byGroup {
		if len(cs) == 0 {
			t.Errorf("group %dxx is empty", groups[i].hundreds)
		}
		n += len(cs)
	}
	if n != len(codes.All()) {
		t.Errorf("groups hold %d codes, want %d", n, len(codes.All()))
	}
}

func TestMarkdownListsEveryCodeOnce(t *testing.T) {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		md, err := Markdown(cat, lang)
		if err != nil {
			t.Fatal(err)
		}
		l, _ := cat.LocalizerFor(lang)
		for _, c := range codes.All() {
			row := fmt.Sprintf("| %d | `%s` | %d ", int(c), c, c.HTTPStatus())
			if n := bytes.Count(md, []byte(row)); n != 1 {
				t.Errorf("%s: row of %s appears %d times, want 1", lang, c, n)
			}
			if !bytes.Contains(md, []byte(cell(l.Message(c, nil))+" |\n")) {
				t.Errorf("%s: message of %s missing", lang, c)
			}
		}
	}
}

func TestMarkdownUnknownLanguage(t *testing.T) {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Markdown(cat, "fr-FR"); err == nil {
		t.Error("Markdown(fr-FR) = nil error, want one")
	}
}

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a|b", `a\|b`},
		{"two\r\nlines", "two lines"},
	}
	for _, tt := range tests {
		if got := cell(tt.in); got != tt.want {
			t.Errorf("cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
