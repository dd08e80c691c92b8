package i18ncheck

import (
	"fmt"
	"strings"
)

// checkLocale runs every check on one locale, once every locale is assigned.
func (r *Report) checkLocale(l *Locale) []Finding {
	var fs []Finding
	total := 0
	for _, f := range l.Files {
		fs = append(fs, f.Findings...)
		total += len(f.Messages)
	}
	if total == 0 && !l.Broken {
		f := l.Files[0]
		fs = append(fs, Finding{Check: CheckFilename, Severity: Error, Pos: Position{File: f.Path, Line: 1, Col: 1},
			Locale: l.Tag, Subject: l.Tag, Message: fmt.Sprintf("locale %s has no messages", l.Tag)})
	}
	forms, ok := pluralCategories(l.tag)
	if !ok {
		f := l.Files[0]
		fs = append(fs, Finding{Check: CheckPlural, Severity: Error, Pos: Position{File: f.Path, Line: 1, Col: 1}, Locale: l.Tag, Subject: l.Tag,
			Message: fmt.Sprintf("go-i18n has no plural rules for %s: a bundle refuses every message of this language", l.Tag)})
	}
	var end Position // where missing messages go
	for _, c := range r.Codes.Codes {
		msg := l.message(c)
		if msg == nil {
			if !l.Broken {
				if end.Line == 0 {
					end = endOf(stubFile(l)) // once: it counts the file's lines
				}
				fs = append(fs, r.missingFinding(l, c, end))
			}
			continue
		}
		mc := &messageCheck{r: r, l: l, c: c, m: msg, src: r.Source.message(c), forms: forms, pluralKnown: ok}
		fs = append(fs, mc.run()...)
		if mc.usable() {
			l.Translated++
		}
	}
	return fs
}

// assign matches each message of l to its code, reporting orphans and duplicates. Files are
// taken in name order; the first message of a code is the one checked.
func (r *Report) assign(l *Locale) []Finding {
	var fs []Finding
	byID := map[string]*Message{}
	for _, f := range l.Files {
		for _, m := range f.Messages {
			if first := byID[m.ID]; first != nil {
				fs = append(fs, Finding{Check: CheckDuplicate, Severity: Error, Pos: m.Pos, Locale: l.Tag, Subject: m.ID, Detail: m.Pos.File,
					Message: fmt.Sprintf("%s: message %s is also at %s; go-i18n keeps whichever file it loads last", l.Tag, m.ID, first.Pos)})
				continue
			}
			byID[m.ID] = m
			c := r.index[m.ID]
			if c == nil {
				if !r.idsUnknown() {
					fs = append(fs, r.orphanFinding(l, m))
				}
				continue
			}
			if first := l.byCode[c]; first != nil {
				fs = append(fs, Finding{Check: CheckDuplicate, Severity: Error, Pos: m.Pos, Locale: l.Tag, Subject: c.Name, Detail: m.ID,
					Message: fmt.Sprintf("%s: message %s is code %s (%s) again, already at %s as %s", l.Tag, m.ID, c.Name, c.Number, first.Pos, first.ID)})
				continue
			}
			l.byCode[c] = m
		}
	}
	return fs
}

// missingFinding reports c missing in l where the entry must be added, at end: the end of
// the file -write-stubs appends to. Its related locations are the code's declaration and the
// source text to translate.
func (r *Report) missingFinding(l *Locale, c *Code, end Position) Finding {
	return Finding{Check: CheckMissing, Severity: Error, Pos: end, Locale: l.Tag, Subject: c.Name,
		Message: fmt.Sprintf("%s: no message for %s", l.Tag, c.title()), Related: r.related(l, c)}
}

// orphanFinding reports message m of l, which matches no code.
func (r *Report) orphanFinding(l *Locale, m *Message) Finding {
	msg := fmt.Sprintf("%s: message %s matches no %s constant by name or number", l.Tag, m.ID, r.Codes.Type)
	if r.Codes.fromSource() {
		msg = fmt.Sprintf("%s: message %s is not in the source locale %s", l.Tag, m.ID, r.Source.Tag)
	}
	return Finding{Check: CheckOrphan, Severity: Warning, Pos: m.Pos, Locale: l.Tag, Subject: m.ID, Message: msg}
}

// idsUnknown reports whether the codes are the source's ids and the source does not parse,
// so that no message can be told an orphan.
func (r *Report) idsUnknown() bool { return r.Codes.fromSource() && r.Source.Broken }

// related returns the places that say what c is: its declaration and, for a translation,
// its source message.
func (r *Report) related(l *Locale, c *Code) []Related {
	var rel []Related
	if c.Ident != "" {
		rel = append(rel, Related{Pos: c.Pos, Message: fmt.Sprintf("%s is declared here", c.Ident)})
	}
	if src := r.Source.message(c); src != nil && l != r.Source {
		rel = append(rel, Related{Pos: src.Pos, Message: fmt.Sprintf("the %s text to translate", r.Source.Tag)})
	}
	return rel
}

// endOf returns the position of the last line of f.
func endOf(f *File) Position {
	lines := strings.Count(f.src, "\n")
	if !strings.HasSuffix(f.src, "\n") {
		lines++
	}
	return Position{File: f.Path, Line: max(lines, 1), Col: 1}
}
