package i18ncheck

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/internal/localefile"
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
// positions are relative to base. Files are parsed in parallel.
func readLocales(base, dir string) ([]*Locale, []Finding, error) {
	if err := localefile.CheckDir(resolve(base, dir)); err != nil {
		return nil, nil, fmt.Errorf("-locales %s: %w", dir, err)
	}
	entries, err := os.ReadDir(resolve(base, dir))
	if err != nil {
		return nil, nil, fmt.Errorf("-locales %s: %w", dir, err)
	}
	var findings []Finding
	var files []*File
	var tags []language.Tag
	var srcs []string
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
		data, err := localefile.ReadFile(os.DirFS(filepath.Dir(path)), name, 0)
		var tooLarge *localefile.SizeError
		switch {
		case errors.As(err, &tooLarge):
			files = append(files, brokenFile(rel, tag.String(), tooLarge.Error()+": apiswitch refuses it"))
			srcs = append(srcs, "")
		case err != nil:
			return nil, nil, fmt.Errorf("reading locales: %w", err)
		default:
			files = append(files, &File{Path: rel, Locale: tag.String()})
			srcs = append(srcs, string(data))
		}
		tags = append(tags, tag)
	}
	parallel(len(files), func(i int) {
		if !files[i].Broken {
			files[i] = parseFile(files[i].Path, files[i].Locale, srcs[i])
		}
	})
	return groupLocales(files, tags), findings, nil
}

// groupLocales groups files by language tag, sorted by tag.
func groupLocales(files []*File, tags []language.Tag) []*Locale {
	byTag := map[string]*Locale{}
	var locales []*Locale
	for i, f := range files {
		loc := byTag[f.Locale]
		if loc == nil {
			loc = &Locale{Tag: f.Locale, tag: tags[i], byCode: map[*Code]*Message{}}
			byTag[f.Locale] = loc
			locales = append(locales, loc)
		}
		loc.Broken = loc.Broken || f.Broken
		loc.Files = append(loc.Files, f)
	}
	slices.SortFunc(locales, func(a, b *Locale) int { return strings.Compare(a.Tag, b.Tag) })
	return locales
}

// resolve returns path as seen from the process: joined to base unless absolute.
func resolve(base, path string) string {
	if filepath.IsAbs(path) || base == "" {
		return path
	}
	return filepath.Join(base, path)
}

func filenameFinding(path, name, msg string) Finding {
	return Finding{Check: CheckFilename, Severity: Error, Pos: Position{File: path, Line: 1, Col: 1}, Subject: name, Message: msg}
}
