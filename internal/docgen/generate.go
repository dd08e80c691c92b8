package docgen

import (
	"io/fs"
	"strings"

	"github.com/apiswitch/errcode/i18n"
)

// Pattern matches the names of the references, for fs.Glob and filepath.Glob.
const Pattern = "error-codes.*.md"

// FileName returns the name of lang's reference, such as "error-codes.zh-CN.md".
func FileName(lang string) string { return "error-codes." + lang + ".md" }

// Language returns the language of a reference's file name, the inverse of FileName.
func Language(name string) (string, bool) {
	lang, ok := strings.CutPrefix(name, "error-codes.")
	if !ok {
		return "", false
	}
	return strings.CutSuffix(lang, ".md")
}

// Generate returns the reference of each language of the message files at the top of
// fsys, keyed by file name. The files must load as the server loads them (i18n.New); a
// code without a message is no error here, since i18ncheck reports it.
func Generate(fsys fs.FS) (map[string][]byte, error) {
	cat, err := i18n.New(fsys)
	if err != nil {
		return nil, err
	}
	e, err := readEntries(fsys)
	if err != nil {
		return nil, err
	}
	langs := cat.Languages()
	def := langs[0].String()
	out := make(map[string][]byte, len(langs))
	for _, tag := range langs {
		lang := tag.String()
		l, _ := cat.LocalizerFor(lang)
		out[FileName(lang)] = (&page{lang: lang, def: def, l: l, entries: e}).markdown()
	}
	return out, nil
}
