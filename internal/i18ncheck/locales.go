package i18ncheck

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// A Locale is the files of one language tag and the messages they hold.
type Locale struct {
	Tag   string
	tag   language.Tag
	Files []*File
	// Broken is set when one of its files does not decode: its messages are unknown, so
	// missing messages are not reported for it.
	Broken bool
	// Translated counts the codes with a usable message: present, not empty, not a stub.
	Translated int
	byCode     map[*Code]*Message
}

// message returns the message of c in l, or nil.
func (l *Locale) message(c *Code) *Message { return l.byCode[c] }

// langOfPath returns the language part of a message file name as go-i18n's parsePath reads
// it: "en-US" for "en-US.toml" and for "active.en-US.toml".
func langOfPath(name string) string {
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if i := strings.LastIndexByte(stem, '.'); i >= 0 {
		return stem[i+1:]
	}
	return stem
}

// readLocales reads every *.toml file of dir in name order and groups them by language.
// Files go-i18n would not load as their language are reported and left out. Paths in
// positions are relative to base.
func readLocales(base, dir string, isCode func(string) bool) ([]*Locale, []Finding, error) {
	entries, err := os.ReadDir(resolve(base, dir))
	if err != nil {
		return nil, nil, fmt.Errorf("reading locales: %w", err)
	}
	var findings []Finding
	byTag := map[string]*Locale{}
	var locales []*Locale
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.EqualFold(filepath.Ext(name), ".toml") {
			continue
		}
		path := resolve(base, filepath.Join(dir, name))
		rel := relPath(cmp.Or(base, "."), path)
		if filepath.Ext(name) != ".toml" {
			findings = append(findings, filenameFinding(rel, name, fmt.Sprintf("%s: go-i18n matches the format case-sensitively and loads no %q files; rename it to %s.toml", name, filepath.Ext(name), strings.TrimSuffix(name, filepath.Ext(name)))))
			continue
		}
		lang := langOfPath(name)
		tag, perr := language.Parse(lang)
		if perr != nil || tag == language.Und {
			findings = append(findings, filenameFinding(rel, name, fmt.Sprintf("%s: %q is not a language tag, so go-i18n loads the file as und", name, lang)))
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, nil, fmt.Errorf("reading locales: %w", err)
		}
		key := tag.String()
		loc := byTag[key]
		if loc == nil {
			loc = &Locale{Tag: key, tag: tag, byCode: map[*Code]*Message{}}
			byTag[key] = loc
			locales = append(locales, loc)
		}
		f := parseFile(rel, key, string(data), isCode)
		loc.Broken = loc.Broken || f.Broken
		loc.Files = append(loc.Files, f)
	}
	slices.SortFunc(locales, func(a, b *Locale) int { return strings.Compare(a.Tag, b.Tag) })
	return locales, findings, nil
}

// resolve returns path as seen from the process: joined to base unless absolute.
func resolve(base, path string) string {
	if filepath.IsAbs(path) || base == "" {
		return path
	}
	return filepath.Join(base, path)
}

func filenameFinding(path, name, msg string) Finding {
	return Finding{Check: CheckFilename, Severity: Error, Pos: Position{path, 1, 1}, Subject: name, Message: msg}
}
