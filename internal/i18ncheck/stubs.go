package i18ncheck

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/apiswitch/errcode/internal/i18ncheck/report"
	"golang.org/x/text/language"
)

// staleMarker starts the comment lines that -write-stubs puts above a stale entry: the new
// source text and the hash to set. Unlike a stub marker, it leaves the entry a translation.
const staleMarker = "# i18ncheck:stale"

// A StubEdit is what WriteStubs did to one file.
type StubEdit struct {
	File    string
	Created bool // the file is new: its language had none
	Missing int  // entries appended
	Stale   int  // entries marked
	// Skipped says why the file got nothing, such as that it does not parse.
	Skipped string
}

// WriteStubs appends to each translation's file an entry for every code it lacks, and marks
// every stale entry, so that translators find the source text beside what to translate.
// Each appended entry is under a stub marker comment, which keeps i18ncheck reporting it as
// missing until a translator removes the comment; each stale entry gets two comment lines
// with the new source text and hash. The rest of each file, its comments and its order,
// stays as it is; a second run changes nothing.
//
// With tags, only those languages get stubs, and a language without a file gets a new file
// named after its tag in the locale directory. The source locale, locales whose files do
// not parse, and codes without a source message get no stubs.
func (r *Report) WriteStubs(tags ...string) ([]StubEdit, error) {
	targets, err := r.stubTargets(tags)
	if err != nil {
		return nil, err
	}
	var edits []StubEdit
	for _, l := range targets {
		edit, err := r.writeLocaleStubs(l)
		if err != nil {
			return edits, err
		}
		if edit.Created || edit.Missing > 0 || edit.Stale > 0 || edit.Skipped != "" {
			edits = append(edits, edit)
		}
	}
	return edits, nil
}

// stubTargets returns the locales that tags name, creating those that have no file yet, or
// every translation when there are no tags.
func (r *Report) stubTargets(tags []string) ([]*Locale, error) {
	if len(tags) == 0 {
		return slices.DeleteFunc(slices.Clone(r.Locales), func(l *Locale) bool { return l == r.Source }), nil
	}
	var out []*Locale
	for _, t := range tags {
		l, err := r.targetLocale(t)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// targetLocale returns the locale of tag s, or a new one without messages whose file is
// created when its stubs are written.
func (r *Report) targetLocale(s string) (*Locale, error) {
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return nil, fmt.Errorf("-locale %q is not a language tag (such as fr-FR or pt-BR)", s)
	}
	if l := r.locale(tag.String()); l != nil {
		if l == r.Source {
			return nil, fmt.Errorf("-locale %s is the source locale, which every other locale translates: it gets no stubs", s)
		}
		return l, nil
	}
	if _, ok := pluralCategories(tag); !ok {
		return nil, fmt.Errorf("-locale %s: go-i18n has no plural rules for %s, so a bundle would refuse every message of it", s, tag)
	}
	path := filepath.Join(r.cfg.Locales, tag.String()+".toml")
	f := &File{Path: relPath(cmp.Or(r.cfg.Dir, "."), resolve(r.cfg.Dir, path)), Locale: tag.String()}
	return &Locale{Tag: tag.String(), tag: tag, Files: []*File{f}, byCode: map[*Code]*Message{}}, nil
}

// locale returns the locale whose tag is tag, or nil.
func (r *Report) locale(tag string) *Locale {
	for _, l := range r.Locales {
		if l.Tag == tag {
			return l
		}
	}
	return nil
}

// isNew reports whether l was made by targetLocale: it has no file on disk yet.
func (r *Report) isNew(l *Locale) bool { return !slices.Contains(r.Locales, l) }

// writeLocaleStubs writes the stubs of one locale.
func (r *Report) writeLocaleStubs(l *Locale) (StubEdit, error) {
	target := stubFile(l)
	edit := StubEdit{File: target.Path, Created: r.isNew(l)}
	if l.Broken {
		edit.Skipped = "a file of " + l.Tag + " does not parse: fix it first"
		return edit, nil
	}
	forms, _ := pluralCategories(l.tag)
	perFile := map[*File][]lineEdit{}
	lines := map[*File][]string{} // split once: a file may have thousands of stale entries
	var tail strings.Builder
	if edit.Created {
		tail.WriteString(newFileHeader(l.Tag, r.Source.Tag, r.tracksHashes()))
	}
	for _, c := range r.Codes.Codes {
		src := r.Source.message(c)
		if src == nil || strings.TrimSpace(src.Forms["other"]) == "" {
			continue
		}
		m := l.message(c)
		switch {
		case m == nil:
			tail.WriteString(stubEntry(c, src, forms, r.Source.Tag, r.tracksHashes()))
			edit.Missing++
		case m.Hash != "" && m.Hash != src.sourceHash():
			f := fileOf(l, m)
			if lines[f] == nil {
				lines[f] = strings.SplitAfter(f.src, "\n")
			}
			if e, ok := staleEdit(lines[f], m.Pos.Line, src, r.Source.Tag); ok {
				perFile[f] = append(perFile[f], e)
				edit.Stale++
			}
		}
	}
	if !edit.Created && edit.Missing == 0 && edit.Stale == 0 {
		return edit, nil
	}
	return edit, r.applyStubs(l, target, perFile, tail.String(), edit.Created)
}

// newFileHeader is the comment that starts the file of a new language.
func newFileHeader(tag, source string, withHash bool) string {
	keep := "{{.Field}} placeholders as they are"
	if withHash {
		keep = "{{.Field}} placeholders and the hash as they are"
	}
	return fmt.Sprintf(`# %s messages, translated from %s. Written by i18ncheck -write-stubs -locale %s.
# Each entry below holds the %s text. Translate its "other" (and any plural forms), keep
# %s, then delete the "%s" line above it.
# i18ncheck reports every entry that still has that line as missing.
`, tag, source, tag, source, keep, stubMarker)
}

// tracksHashes reports whether stubs get a hash: when translations record them, or when
// there is no translation yet to have a convention. A bundle whose translations all go
// without, as many go-i18n projects do, gets none, or its stubs would make every other
// translation's missing hash an error.
func (r *Report) tracksHashes() bool {
	if r.hashed {
		return true
	}
	for _, l := range r.Locales {
		if l != r.Source && len(l.byCode) > 0 {
			return false
		}
	}
	return true
}

// stubFile is where a locale's new entries go: the file named after the tag, else the first.
func stubFile(l *Locale) *File {
	for _, f := range l.Files {
		if strings.EqualFold(filepath.Base(f.Path), l.Tag+".toml") {
			return f
		}
	}
	return l.Files[0]
}

func fileOf(l *Locale, m *Message) *File {
	for _, f := range l.Files {
		if f.Path == m.Pos.File {
			return f
		}
	}
	return l.Files[0]
}

// A lineEdit replaces Delete lines from line Line on (none: it inserts) with Text.
type lineEdit struct {
	Line, Delete int
	Text         string
}

// applyStubs writes the edits of each file, and tail at the end of target, which is created
// when create is set.
func (r *Report) applyStubs(l *Locale, target *File, perFile map[*File][]lineEdit, tail string, create bool) error {
	for _, f := range l.Files {
		edits := perFile[f]
		if len(edits) == 0 && (f != target || tail == "") {
			continue
		}
		out := editLines(f.src, edits)
		if f == target && tail != "" {
			if out != "" && !strings.HasSuffix(out, "\n") {
				out += "\n"
			}
			out += tail
		}
		if err := writeFile(resolve(r.cfg.Dir, f.Path), out, create && f == target); err != nil {
			return fmt.Errorf("writing stubs: %w", err)
		}
	}
	return nil
}

// writeFile writes content to path; with create, only if there is no such file yet.
func writeFile(path, content string, create bool) error {
	if !create {
		return os.WriteFile(path, []byte(content), 0o644)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(content)
	return errors.Join(err, f.Close())
}

// editLines applies edits, which do not overlap, keeping every other line.
func editLines(src string, edits []lineEdit) string {
	if len(edits) == 0 {
		return src
	}
	slices.SortFunc(edits, func(a, b lineEdit) int { return a.Line - b.Line })
	lines := strings.SplitAfter(src, "\n")
	var b strings.Builder
	next, skip := 0, 0
	for i, line := range lines {
		for next < len(edits) && edits[next].Line == i+1 {
			b.WriteString(edits[next].Text)
			skip = edits[next].Delete
			next++
		}
		if skip > 0 {
			skip--
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// staleEdit marks the stale entry whose header is on line header of a file's lines,
// replacing the stale marker lines already above it; ok is false when they already give
// the current hash.
func staleEdit(lines []string, header int, from *Message, source string) (e lineEdit, ok bool) {
	first := header
	for first > 1 && strings.HasPrefix(lines[first-2], staleMarker) {
		first--
	}
	text := staleMarkerText(from, source)
	if strings.Join(lines[first-1:header-1], "") == text {
		return lineEdit{}, false
	}
	return lineEdit{Line: first, Delete: header - first, Text: text}, true
}

// stubEntry is the TOML of a new entry: the source's description, hash (withHash) and text,
// in every plural form the locale uses when the source is plural.
func stubEntry(c *Code, src *Message, forms map[string]bool, source string, withHash bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s translate this entry from %s, then delete this line\n[%s]\n", stubMarker, source, tomlKey(c.Name))
	if src.Description != "" {
		fmt.Fprintf(&b, "description = %s\n", tomlString(src.Description))
	}
	if withHash {
		fmt.Fprintf(&b, "hash = %s\n", tomlString(src.sourceHash()))
	}
	if src.LeftDelim != "" {
		fmt.Fprintf(&b, "leftDelim = %s\n", tomlString(src.LeftDelim))
	}
	if src.RightDelim != "" {
		fmt.Fprintf(&b, "rightDelim = %s\n", tomlString(src.RightDelim))
	}
	if !src.isPlural() {
		forms = map[string]bool{"other": true}
	}
	for _, f := range formList(forms) {
		text := src.Forms[f]
		if text == "" {
			text = src.Forms["other"]
		}
		fmt.Fprintf(&b, "%s = %s\n", f, tomlString(text))
	}
	return b.String()
}

// staleMarkerText is the comment put above a stale entry: the new source text and its hash.
func staleMarkerText(src *Message, source string) string {
	return fmt.Sprintf("%s the %s source changed; its text is now: other = %s\n%s check the translation against it, set hash = %s, then delete these two lines\n",
		staleMarker, source, tomlString(src.Forms["other"]), staleMarker, tomlString(src.sourceHash()))
}

var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// tomlKey writes a key bare when TOML allows it, else quoted.
func tomlKey(k string) string {
	if bareKey.MatchString(k) {
		return k
	}
	return tomlString(k)
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// summary says what e did: "created, 103 stubs" or "2 stubs, 1 stale entry marked".
func (e StubEdit) summary() string {
	var parts []string
	if e.Created {
		parts = append(parts, "created")
	}
	if e.Missing > 0 || e.Created {
		parts = append(parts, report.Plural(e.Missing, "stub"))
	}
	if e.Stale > 0 {
		parts = append(parts, report.Plural(e.Stale, "stale entry")+" marked")
	}
	return strings.Join(parts, ", ")
}
