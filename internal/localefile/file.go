package localefile

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// A Position is a place in a file. Line and Col count from 1; Col counts bytes, as go/token
// does. The zero Position means "nowhere in particular".
type Position struct {
	Line, Col int
}

// start is the position of a problem about a whole file.
var start = Position{1, 1}

// A File is one locale file as go-i18n reads it.
type File struct {
	Name string
	// Messages are go-i18n's messages, in file order. When go-i18n rejects the file they are
	// what the file meant, recovered for diagnosis: go-i18n itself loads none.
	Messages []*Message
	// Problems are what makes go-i18n reject the file, or load something other than what was
	// meant, in file order. Template problems are on each Form instead, since whether they
	// matter depends on which messages the caller uses.
	Problems []Problem
	// Broken is set when the TOML does not decode: nothing is known of the messages.
	Broken bool
	// Err is go-i18n's verdict: the error its loader returns for this file, or nil.
	Err error
	// Joins are the string keys written in a message table that are no message keys; see
	// ResolveJoins.
	Joins []Join

	walkerRejects bool // the walker found a reason for go-i18n to reject the file
}

// Rejected reports whether go-i18n's loader returns an error for the file.
func (f *File) Rejected() bool { return f.Err != nil }

// A Message is one message of a locale file.
type Message struct {
	ID          string
	Description string
	Hash        string
	LeftDelim   string
	RightDelim  string
	Pos         Position // its table header, or its key for ID = "text"
	HashPos     Position // the hash key; zero when there is none
	// Stub is set when the entry is under a StubMarker comment: written by i18ncheck
	// -write-stubs and not translated yet, whatever text it holds.
	Stub bool
	// Forms are the plural forms the file writes, even empty ones, in CLDR order.
	Forms []Form
}

// A Form is one plural form of a message: its text, where its key is, and its template.
type Form struct {
	Name     string // zero, one, two, few, many or other
	Text     string
	Pos      Position
	Template *Template // nil when Err is set
	Err      error     // a *TemplateError when Text is not a template messages may use
	// ErrPos is where Err is: the refused action as the file writes it, inside the string,
	// through its escapes and lines; Pos when that is not known.
	ErrPos Position
}

// Form returns the form called name.
func (m *Message) Form(name string) (Form, bool) {
	for _, f := range m.Forms {
		if f.Name == name {
			return f, true
		}
	}
	return Form{}, false
}

// Other returns the text of the "other" form, the one go-i18n falls back to.
func (m *Message) Other() string {
	f, _ := m.Form("other")
	return f.Text
}

// setForm sets the form name, keeping CLDR order; a second key for one form replaces the first.
func (m *Message) setForm(name, text string, pos Position) {
	i := slices.Index(PluralForms, name)
	for j, f := range m.Forms {
		if f.Name == name {
			m.Forms[j].Text, m.Forms[j].Pos = text, pos
			return
		}
		if slices.Index(PluralForms, f.Name) > i {
			m.Forms = slices.Insert(m.Forms, j, Form{Name: name, Text: text, Pos: pos})
			return
		}
	}
	m.Forms = append(m.Forms, Form{Name: name, Text: text, Pos: pos})
}

// PluralForms are go-i18n's plural form keys in CLDR order.
var PluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// A Problem is something in a file that makes go-i18n reject it or load something else.
type Problem struct {
	Pos     Position
	Kind    Kind
	Subject string // the message id or key it is about, or the file name
	Text    string
}

// Kind classifies a Problem.
type Kind int

// The kinds of Problem.
const (
	// Decode: the TOML does not decode, so go-i18n loads nothing from the file.
	Decode Kind = iota + 1
	// DuplicateKey: a Decode problem, a key defined twice.
	DuplicateKey
	// Rejects: go-i18n's loader returns an error for the file.
	Rejects
	// Unintended: go-i18n loads the file, but not what its author meant.
	Unintended
)

// Read reads src, the content of the locale file name. It decodes the TOML once, hands the
// decoded tree to go-i18n's own parser for its verdict and its messages, and finds the
// position of every key and problem in time linear in the size of src.
func Read(name, src string) *File {
	f := &File{Name: name}
	// Decode into an interface, as go-i18n does: the decoder then hands over its own table.
	var decoded any
	if _, err := toml.Decode(src, &decoded); err != nil {
		f.Broken, f.Err = true, err
		f.Problems = append(f.Problems, decodeProblem(name, err))
		return f
	}
	tree, _ := decoded.(map[string]any)
	msgs, err := goi18n.ParseMessageBytes([]byte{'{'}, func(_ []byte, v any) error {
		*v.(*any) = decoded
		return nil
	})
	f.Err = err
	w := &walker{f: f, keys: scanTOML(src)}
	if err == nil {
		w.locate(msgs)
	}
	w.walk(make([]string, 0, 8), tree)
	switch {
	case err == nil:
		f.Messages = w.located()
	case !f.walkerRejects: // go-i18n knows a reason the walker does not: say so, at least
		f.Problems = append(f.Problems, Problem{Pos: start, Kind: Rejects, Subject: name,
			Text: fmt.Sprintf("go-i18n rejects the file: %v", err)})
		fallthrough
	default:
		f.Messages = w.found
	}
	loc := &locator{src: src}
	for _, m := range f.Messages {
		m.parseTemplates(loc)
	}
	for i := range f.Joins {
		j := &f.Joins[i]
		j.form = Form{Name: "other", Text: j.Text, Pos: j.Pos}
		j.form.parse("", "", loc)
	}
	sortMessages(f.Messages)
	sortProblems(f.Problems)
	return f
}

// parseTemplates parses every form of m as a template messages may use; loc, when not nil,
// finds where an error is in the file.
func (m *Message) parseTemplates(loc *locator) {
	for i := range m.Forms {
		m.Forms[i].parse(m.LeftDelim, m.RightDelim, loc)
	}
}

// parse parses f's text with the delimiters left and right.
func (f *Form) parse(left, right string, loc *locator) {
	t, err := Parse(f.Text, left, right)
	if err == nil {
		f.Template = t
		return
	}
	f.Err, f.ErrPos = err, f.Pos
	var te *TemplateError
	if loc != nil && errors.As(err, &te) {
		if p, ok := loc.inString(f.Pos, f.Text, te.Offset); ok {
			f.ErrPos = p
		}
	}
}

// decodeProblem turns a TOML error into a problem at its position.
func decodeProblem(name string, err error) Problem {
	p := Problem{Pos: start, Kind: Decode, Subject: name, Text: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		p.Pos = Position{max(pe.Position.Line, 1), max(pe.Position.Col, 1)}
		p.Text = pe.Message
		if strings.Contains(pe.Message, "has already been defined") {
			p.Kind = DuplicateKey
		}
	}
	return p
}

func comparePos(a, b Position) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// sortMessages sorts ms by position, stably. It sorts the messages with their indexes, which
// is faster than a stable sort of many messages.
func sortMessages(ms []*Message) {
	type indexed struct {
		pos Position
		i   int
		m   *Message
	}
	s := make([]indexed, len(ms))
	for i, m := range ms {
		s[i] = indexed{m.Pos, i, m}
	}
	slices.SortFunc(s, func(a, b indexed) int {
		return cmp.Or(comparePos(a.pos, b.pos), cmp.Compare(a.i, b.i))
	})
	for i := range s {
		ms[i] = s[i].m
	}
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int { return comparePos(a.Pos, b.Pos) })
}
