package docgen

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

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

// withFrench returns the embedded locales plus a partial fr-FR.toml: two codes translated,
// one with a placeholder and its own description.
func withFrench(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		data, err := fs.ReadFile(locales.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys["fr-FR.toml"] = &fstest.MapFile{Data: []byte(`
[APP_NOT_FOUND]
description = "L'application n'existe pas."
hash = "sha1-0"
other = "L'application {{.Name}} est introuvable."

[TOKEN_INVALID]
other = "Le jeton d'accès n'est pas valide."
`)}
	return fsys
}

func TestGenerateEveryLanguage(t *testing.T) {
	fsys := withFrench(t)
	files, err := Generate(fsys)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	e, err := readEntries(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 3 {
		t.Errorf("Generate made %d files, want one per message file (3)", len(files))
	}
	for _, lang := range []string{"zh-CN", "en-US", "fr-FR"} {
		md, ok := files[FileName(lang)]
		if !ok {
			t.Errorf("no %s", FileName(lang))
			continue
		}
		l, _ := cat.LocalizerFor(lang)
		for _, c := range codes.All() {
			text, _ := l.Template(c)
			row := fmt.Sprintf("| %d | `%s` | %d %s | %s | %s |\n", int(c), c, c.HTTPStatus(), http.StatusText(c.HTTPStatus()),
				cell(text), cell(e.description(lang, "zh-CN", c.String())))
			if n := bytes.Count(md, []byte(row)); n != 1 {
				t.Errorf("%s: row %q appears %d times, want 1", lang, row, n)
			}
		}
	}
}

// TestGenerateFallback checks what a language without its own prose gets: the English
// prose, saying so, with its own messages and descriptions, and the default language's
// where it has none.
func TestGenerateFallback(t *testing.T) {
	files, err := Generate(withFrench(t))
	if err != nil {
		t.Fatal(err)
	}
	fr, en := string(files["error-codes.fr-FR.md"]), string(files["error-codes.en-US.md"])
	for _, want := range []string{
		"# Error codes\n\n*This reference is in English because its prose has not been written for fr-FR yet;",
		"## Reading an error\n",
		"## General (100xx)\n",
		"Accept-Language: fr-FR\n",
		"Content-Language: fr-FR\n",
		"from `codes/codes.tsv` and `locales/fr-FR.toml`",
		"| 10205 | `APP_NOT_FOUND` | 404 Not Found | L'application {{.Name}} est introuvable. | L'application n'existe pas. |\n",
		"| 10101 | `TOKEN_INVALID` | 401 Unauthorized | Le jeton d'accès n'est pas valide. | The access token sent with the request",
		"| 10001 | `ILLEGAL_PARAMETER` | 400 Bad Request | 参数不合法 | A request parameter is missing",
	} {
		if !strings.Contains(fr, want) {
			t.Errorf("fr-FR reference lacks %q", want)
		}
	}
	if strings.Contains(en, "This reference is in English because") {
		t.Error("en-US reference says it borrows the English prose")
	}
	// The example body is rendered as the server renders it, here without the placeholder
	// it has no data for.
	cat, err := i18n.New(withFrench(t))
	if err != nil {
		t.Fatal(err)
	}
	l, _ := cat.LocalizerFor("fr-FR")
	if msg := l.Message(codes.AppNotFound, nil); !strings.Contains(fr, fmt.Sprintf("\"Message\": %q", msg)) {
		t.Errorf("fr-FR example body does not hold the server's message %q:\n%.600s", msg, fr)
	}
}

func TestDescriptionFallback(t *testing.T) {
	e := entries{
		"zh-CN": {"A": "source"},
		"fr-FR": {"A": "seulement", "B": ""},
	}
	tests := []struct{ lang, name, want string }{
		{"zh-CN", "A", "source"},
		{"fr-FR", "A", "seulement"},
		{"fr-FR", "B", ""},
		{"fr-FR", "C", ""},
		{"de-DE", "A", "source"},
	}
	for _, tt := range tests {
		if got := e.description(tt.lang, "zh-CN", tt.name); got != tt.want {
			t.Errorf("description(%s, %s) = %q, want %q", tt.lang, tt.name, got, tt.want)
		}
	}
}

func TestGenerateRejectsBrokenFiles(t *testing.T) {
	fsys := withFrench(t)
	fsys["fr-FR.toml"] = &fstest.MapFile{Data: []byte("[APP_NOT_FOUND\nother = 1\n")}
	if _, err := Generate(fsys); err == nil {
		t.Error("Generate of a broken file = nil error, want one")
	}
}

func TestFileNames(t *testing.T) {
	for _, lang := range []string{"zh-CN", "en-US", "pt-BR"} {
		if got, ok := Language(FileName(lang)); !ok || got != lang {
			t.Errorf("Language(FileName(%q)) = %q, %v", lang, got, ok)
		}
	}
	for _, name := range []string{"README.md", "error-codes.md.txt", "doc.go"} {
		if lang, ok := Language(name); ok {
			t.Errorf("Language(%q) = %q, true; want false", name, lang)
		}
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
