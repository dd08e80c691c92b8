package docgen

import (
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// entries holds the descriptions of every message file, which the catalog does not keep:
// language tag → code name → description.
type entries map[string]map[string]string

// readEntries reads the descriptions of the message files at the top of fsys, the files
// i18n.New loads, with go-i18n's parser.
func readEntries(fsys fs.FS) (entries, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	unmarshal := map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal}
	all := entries{}
	for _, name := range names {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		file, err := goi18n.ParseMessageFileBytes(buf, name, unmarshal)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lang := file.Tag.String()
		if all[lang] == nil {
			all[lang] = map[string]string{}
		}
		for _, m := range file.Messages {
			all[lang][m.ID] = m.Description
		}
	}
	return all, nil
}

// description returns the description of code name in lang, else in def.
func (e entries) description(lang, def, name string) string {
	if d := e[lang][name]; d != "" {
		return d
	}
	return e[def][name]
}
