package i18ncheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apiswitch/errcode/internal/localefile"
)

// stubMarker starts the comment that -write-stubs puts above each entry it writes. An entry
// under it is reported until a translator removes the comment.
const stubMarker = localefile.StubMarker

// A File is one parsed locale file.
type File struct {
	Path   string // as reported in positions
	Locale string // the language tag its name gives, as go-i18n reads it
	// Broken is set when the TOML does not decode: go-i18n loads nothing from it, and
	// i18ncheck knows none of its messages.
	Broken bool
	// Rejected is set when go-i18n's loader returns an error for the file.
	Rejected bool
	Messages []*Message // in file order
	Findings []Finding
	src      string
	joins    []localefile.Join
}

// parseFile reads src, the content of the locale file at path, with the reader the server
// loads files with: go-i18n's verdict and messages, and a position for each.
func parseFile(path, locale, src string) *File {
	lf := localefile.Read(path, src)
	f := &File{Path: path, Locale: locale, src: src, Broken: lf.Broken, Rejected: lf.Rejected(), joins: lf.Joins}
	for _, p := range lf.Problems {
		f.Findings = append(f.Findings, f.problemFinding(p))
	}
	f.Messages = make([]*Message, len(lf.Messages))
	for i, m := range lf.Messages {
		f.Messages[i] = f.message(m)
	}
	return f
}

// brokenFile is a file i18ncheck could not read, reported at its start.
func brokenFile(path, locale, msg string) *File {
	f := &File{Path: path, Locale: locale, Broken: true, Rejected: true}
	f.Findings = []Finding{{Check: CheckSyntax, Severity: Error, Pos: Position{File: path, Line: 1, Col: 1}, Locale: locale, Subject: path, Message: msg, Detail: msg}}
	return f
}

func (f *File) pos(p localefile.Position) Position {
	return Position{File: f.Path, Line: p.Line, Col: p.Col}
}

// problemFinding reports a problem the reader found.
func (f *File) problemFinding(p localefile.Problem) Finding {
	fd := Finding{Check: CheckSyntax, Severity: Error, Pos: f.pos(p.Pos), Locale: f.Locale, Subject: p.Subject, Message: p.Text, Detail: p.Text}
	switch p.Kind {
	case localefile.DuplicateKey:
		fd.Check = CheckDuplicate
		fallthrough
	case localefile.Decode:
		fd.Message = "TOML: " + strings.TrimSuffix(p.Text, ".") + "; go-i18n loads nothing from this file"
	}
	return fd
}

// message converts a message of the reader.
func (f *File) message(lm *localefile.Message) *Message {
	m := &Message{
		ID: lm.ID, Locale: f.Locale, Pos: f.pos(lm.Pos), Description: lm.Description, Hash: lm.Hash,
		LeftDelim: lm.LeftDelim, RightDelim: lm.RightDelim, Stub: lm.Stub,
		Forms: make(map[string]string, len(lm.Forms)), FormPos: make(map[string]Position, len(lm.Forms)),
		read: lm,
	}
	if lm.HashPos.Line > 0 {
		m.HashPos = f.pos(lm.HashPos)
	}
	for _, fm := range lm.Forms {
		m.Forms[fm.Name], m.FormPos[fm.Name] = fm.Text, f.pos(fm.Pos)
	}
	return m
}

// resolve finishes reading f once the codes are known. It reports the joins of f: a key
// that names a code, or is not close to a reserved key, is taken for a message that joined
// the table above it and is recovered as that message; any other key is reported as
// unknown. And it reports the templates of messages that are no code, which the server
// refuses as it refuses any other (the checks of a code's message report its own).
func (f *File) resolve(isCode func(string) bool) {
	for _, m := range f.Messages {
		if !isCode(m.ID) {
			f.orphanTemplates(m)
		}
	}
	f.resolveJoins(isCode)
}

// resolveJoins reports the joins of f, as resolve does, and recovers the messages they were.
func (f *File) resolveJoins(isCode func(string) bool) {
	if len(f.joins) == 0 {
		return
	}
	lf := &localefile.File{Name: f.Path, Joins: f.joins}
	lf.ResolveJoins(isCode)
	for _, p := range lf.Problems {
		f.Findings = append(f.Findings, f.problemFinding(p))
	}
	for _, m := range lf.Messages {
		f.Messages = append(f.Messages, f.message(m))
	}
	f.joins = nil
	slices.SortStableFunc(f.Messages, func(a, b *Message) int {
		return comparePos(a.Pos, b.Pos)
	})
}

// orphanTemplates reports the forms of m, a message that is no code, that are not
// templates messages may use.
func (f *File) orphanTemplates(m *Message) {
	for _, fm := range m.read.Forms {
		if fm.Err == nil {
			continue
		}
		msg := fmt.Sprintf("%s: message %s %q is not a valid template: %v", f.Locale, m.ID, fm.Name, fm.Err)
		f.Findings = append(f.Findings, Finding{Check: CheckSyntax, Severity: Error, Pos: f.pos(fm.ErrPos),
			Locale: f.Locale, Subject: m.ID, Detail: "template " + fm.Name, Message: msg})
	}
}
