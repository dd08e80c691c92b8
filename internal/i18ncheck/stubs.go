package i18ncheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A StubEdit is what WriteStubs did to one file.
type StubEdit struct {
	File    string
	Missing int // entries appended
	Stale   int // entries marked
}

// WriteStubs appends to each translation's file an entry for every code it lacks, and marks
// every stale entry, so that translators find the source text beside what to translate.
// Each written or marked entry is under a stub marker comment, which keeps i18ncheck
// reporting it until a translator removes the comment. The rest of each file, its comments
// and its order, stays as it is; a second run changes nothing. The source locale, locales
// whose files do not parse, and codes without a source message get no stubs. Paths are
// resolved in base.
func (r *Report) WriteStubs(base string) ([]StubEdit, error) {
	var edits []StubEdit
	for _, l := range r.Locales {
		if l == r.Source || l.Broken {
			continue
		}
		forms, _ := pluralCategories(l.tag)
		target := stubFile(l)
		perFile := map[*File][]lineInsert{}
		var tail strings.Builder
		edit := StubEdit{File: target.Path}
		for _, c := range r.Codes.Codes {
			src := r.Source.message(c)
			if src == nil || strings.TrimSpace(src.Forms["other"]) == "" {
				continue
			}
			m := l.message(c)
			switch {
			case m == nil:
				tail.WriteString(stubEntry(c, src, forms, r.Source.Tag))
				edit.Missing++
			case !m.Stub && m.Hash != "" && m.Hash != src.sourceHash():
				f := fileOf(l, m)
				perFile[f] = append(perFile[f], lineInsert{m.Pos.Line, staleMarker(src, r.Source.Tag)})
				edit.Stale++
			}
		}
		if edit.Missing == 0 && edit.Stale == 0 {
			continue
		}
		if err := applyStubs(base, l, target, perFile, tail.String()); err != nil {
			return edits, err
		}
		edits = append(edits, edit)
	}
	return edits, nil
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

// A lineInsert puts text before line Line.
type lineInsert struct {
	Line int
	Text string
}

// applyStubs writes the inserts of each file, and tail at the end of target.
func applyStubs(base string, l *Locale, target *File, perFile map[*File][]lineInsert, tail string) error {
	for _, f := range l.Files {
		ins := perFile[f]
		if len(ins) == 0 && (f != target || tail == "") {
			continue
		}
		out := insertLines(f.src, ins)
		if f == target && tail != "" {
			if out != "" && !strings.HasSuffix(out, "\n") {
				out += "\n"
			}
			out += tail
		}
		if err := os.WriteFile(resolve(base, f.Path), []byte(out), 0o644); err != nil {
			return fmt.Errorf("writing stubs: %w", err)
		}
	}
	return nil
}

// insertLines inserts each text before its line, keeping everything else.
func insertLines(src string, ins []lineInsert) string {
	if len(ins) == 0 {
		return src
	}
	slices.SortFunc(ins, func(a, b lineInsert) int { return a.Line - b.Line })
	lines := strings.SplitAfter(src, "\n")
	var b strings.Builder
	next := 0
	for i, line := range lines {
		for next < len(ins) && ins[next].Line == i+1 {
			b.WriteString(ins[next].Text)
			next++
		}
		b.WriteString(line)
	}
	return b.String()
}

// stubEntry is the TOML of a new entry: the source's description, hash and text, in every
// plural form the locale uses when the source is plural.
func stubEntry(c *Code, src *Message, forms map[string]bool, source string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s translate this entry from %s, then delete this line\n[%s]\n", stubMarker, source, tomlKey(c.Name))
	if src.Description != "" {
		fmt.Fprintf(&b, "description = %s\n", tomlString(src.Description))
	}
	fmt.Fprintf(&b, "hash = %s\n", tomlString(src.sourceHash()))
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

// staleMarker is the comment put above a stale entry: the new source text and its hash.
func staleMarker(src *Message, source string) string {
	return fmt.Sprintf("%s the %s text changed to: other = %s\n%s when translated, set hash = %s and delete these two lines\n",
		stubMarker, source, tomlString(src.Forms["other"]), stubMarker, tomlString(src.sourceHash()))
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
