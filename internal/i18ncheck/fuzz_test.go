package i18ncheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// FuzzParseFile checks that any input parses without panicking, that every position is in
// the file, that i18ncheck rejects a file exactly when go-i18n does, and that it then says
// why (localefile's FuzzRead checks that the reason is right).
func FuzzParseFile(f *testing.F) {
	paths, _ := filepath.Glob("testdata/cases/*/locales/*.toml")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("A = 1\n[B]\nother = [\"x\"]\n[[C]]\nother = \"y\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		file := parseFile("f.toml", "en", src)
		lines := strings.Count(src, "\n") + 1
		check := func(p Position) {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("position %s outside a %d-line file", p, lines)
			}
		}
		for _, fd := range file.Findings {
			check(fd.Pos)
		}
		for _, m := range file.Messages {
			check(m.Pos)
			for _, p := range m.FormPos {
				check(p)
			}
		}
		b := i18n.NewBundle(language.English)
		b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		_, err := b.ParseMessageFileBytes([]byte(src), "en.toml")
		if (err != nil) != file.Rejected {
			t.Fatalf("Rejected = %v, go-i18n's error: %v", file.Rejected, err)
		}
		file.resolve(func(string) bool { return false })
		if file.Rejected && len(file.Findings) == 0 {
			t.Fatalf("go-i18n's error: %v; findings: %v", err, file.Findings)
		}
	})
}
