package docgen

import (
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// An entry is one message of a message file, as a translator wrote it.
type entry struct {
	other       string // the message template
	description string // when the code is returned
}

// entries holds the entries of every message file: language tag → code name → entry.
type entries map[string]map[string]entry

// readEntries reads the message files at the top of fsys with go-i18n's parser, the files
// i18n.New loads.
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
			all[lang] = map[string]entry{}
		}
		for _, m := range file.Messages {
			all[lang][m.ID] = entry{other: m.Other, description: m.Description}
		}
	}
	return all, nil
}

// message returns the message of code name in lang with the server's fallbacks: the
// default language def, then the name itself.
func (e entries) message(lang, def, name string) string {
	if m := e[lang][name].other; m != "" {
		return m
	}
	if m := e[def][name].other; m != "" {
		return m
	}
	return name
}

// description returns the description of code name in lang, else in def.
func (e entries) description(lang, def, name string) string {
	if d := e[lang][name].description; d != "" {
		return d
	}
	return e[def][name].description
}
