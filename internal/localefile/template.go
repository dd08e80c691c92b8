package localefile

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"
)

// A Template is a message text in the subset of text/template that messages may use:
// literal text and substitutions of one data field, such as {{.Name}}. Rendering one takes
// time linear in its length and the length of the values substituted.
type Template struct {
	parts  []Part
	fields []string
	n      int // placeholders, counting each use
	// Room for the parts and fields of a message with one placeholder, as most have, so
	// that parsing one takes a single allocation.
	partBuf  [3]Part
	fieldBuf [1]string
}

// newTemplate returns an empty Template.
func newTemplate() *Template {
	t := &Template{}
	t.parts, t.fields = t.partBuf[:0], t.fieldBuf[:0]
	return t
}

// A Part is a piece of a template: literal text, or the name of a field to substitute.
type Part struct {
	Text  string // the literal text, or the field's name without its dot
	Field bool
}

// Parts returns the pieces of t in order.
func (t *Template) Parts() []Part { return t.parts }

// Fields returns the distinct field names t substitutes, without their dot, in order of
// first use.
func (t *Template) Fields() []string { return t.fields }

// String returns t with its fields written {{.Name}}, whatever delimiters its file uses.
func (t *Template) String() string {
	var b strings.Builder
	for _, p := range t.parts {
		if p.Field {
			b.WriteString("{{." + p.Text + "}}")
			continue
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// A TemplateError says why a message text is not a template messages may use.
type TemplateError struct {
	// Action is the refused action as written, such as "{{range 10}}", or empty when the
	// text does not parse at all.
	Action string
	Reason string
	// Offset is where in the text the problem is, in bytes: the start of the refused action,
	// or 0 for a problem with the whole text.
	Offset int
}

func (e *TemplateError) Error() string {
	if e.Action == "" {
		return e.Reason
	}
	return e.Action + ": " + e.Reason
}

// Parse parses text as go-i18n would (text/template with the delimiters left and right,
// "{{" and "}}" when empty), then accepts it only if every action substitutes one field:
// {{.Name}}, or {{ .Name }}. It refuses every other action, because a translator's text
// must not be able to loop ({{range}}), call functions ({{printf "%#v" .}}), print the
// whole data ({{.}}), reach into values ({{.A.B}} calls methods), define templates or hide
// text in comments. Like go-i18n, it does not parse text without a left delimiter.
//
// Parse also refuses a text longer than MaxMessageSize and one with more than
// MaxPlaceholders placeholders, so that a rendered message is bounded.
func Parse(text, left, right string) (*Template, error) {
	if err := checkSize(text); err != nil {
		return nil, err
	}
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	if !strings.Contains(text, left) {
		t := newTemplate()
		t.literal(text)
		return t, nil
	}
	if plainDelim(left) && plainDelim(right) {
		if t, err := parseSimple(text, left, right); err != errNotSimple {
			return t, err
		}
	}
	return parseTree(text, left, right)
}

// errNotSimple is parseSimple's answer for a template it leaves to text/template's parser.
var errNotSimple = errors.New("not only field substitutions")

// simpleField is an action that only prints a field, such as {{.Name}} or {{ .Name }}.
var simpleField = regexp.MustCompile(`^ *\.[\pL_][\pL\p{Nd}_]* *$`)

// plainDelim reports whether d is made of brackets and such, which text/template's lexer
// cannot read as part of a field name, a trim marker or a comment: only then does
// parseSimple read the text as text/template does.
func plainDelim(d string) bool {
	return d != "" && strings.Trim(d, "{}<>[]()%#@!|^~") == ""
}

// parseSimple parses a template whose every action prints a field, which is what messages
// nearly always hold, without building a parse tree. It returns errNotSimple for any other
// template.
func parseSimple(text, left, right string) (*Template, error) {
	t := newTemplate()
	for at := 0; ; {
		i := strings.Index(text[at:], left)
		if i < 0 {
			t.literal(text[at:])
			return t, nil
		}
		t.literal(text[at : at+i])
		action := at + i
		inner := text[action+len(left):]
		j := strings.Index(inner, right)
		if j < 0 || !simpleField.MatchString(inner[:j]) {
			return nil, errNotSimple
		}
		if t.field(strings.TrimSpace(inner[:j])[1:]) > MaxPlaceholders {
			return nil, tooManyPlaceholders(text, left, right, action)
		}
		at = action + len(left) + j + len(right)
	}
}

func (t *Template) literal(s string) {
	if s == "" {
		return
	}
	if n := len(t.parts); n > 0 && !t.parts[n-1].Field {
		t.parts[n-1].Text += s
		return
	}
	t.parts = append(t.parts, Part{Text: s})
}

// field appends a substitution of name and returns how many t has.
func (t *Template) field(name string) int {
	t.parts = append(t.parts, Part{Text: name, Field: true})
	t.n++
	for _, f := range t.fields {
		if f == name {
			return t.n
		}
	}
	t.fields = append(t.fields, name)
	return t.n
}

// builtinFuncs are the names of text/template's built-in functions, which a template may
// name: go-i18n adds none unless the caller passes Funcs. Parsing with them gives the same
// errors as text/template; calling one is then refused like any other function call.
var builtinFuncs = func() map[string]any {
	m := map[string]any{}
	for _, name := range []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or",
		"print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"} {
		m[name] = true // parse checks only that the value is not nil
	}
	return m
}()

// templateErrPrefix is what the parse package puts before an error of an unnamed template,
// with the line of the text it is on.
var templateErrPrefix = regexp.MustCompile(`^template: :(\d+): `)

// parseTree parses text with text/template's parser, comments kept, and accepts only text
// and field substitutions. An error is at the first action it refuses.
func parseTree(text, left, right string) (*Template, error) {
	tree := parse.New("")
	tree.Mode = parse.ParseComments
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(text, left, right, trees, builtinFuncs); err != nil {
		return nil, syntaxError(text, left, right, err)
	}
	var first *TemplateError // the refused action that comes first in text
	for name, tr := range trees {
		if name == "" {
			continue
		}
		e := refused(fmt.Sprintf("{{define %q}}", name), "defining templates")
		if e.Offset = actionStart(text, left, tr.Root); first == nil || e.Offset < first.Offset {
			first = e
		}
	}
	t := newTemplate()
	if tree.Root == nil {
		return t, nil
	}
	for _, n := range tree.Root.Nodes {
		if first != nil && int(n.Position()) > first.Offset {
			break
		}
		var e *TemplateError
		switch n := n.(type) {
		case *parse.TextNode:
			t.literal(string(n.Text))
			continue
		case *parse.ActionNode:
			name, ok := onlyField(n.Pipe)
			if !ok {
				e = refusedAction(n)
			} else if t.field(name) > MaxPlaceholders {
				return nil, tooManyPlaceholders(text, left, right, actionStart(text, left, n))
			} else {
				continue
			}
		case *parse.CommentNode:
			e = refused(short(n.String()), "comments, which hide text from review,")
		default:
			e = refused(short(n.String()), "control structures")
		}
		e.Offset = actionStart(text, left, n)
		return nil, e
	}
	if first != nil {
		return nil, first
	}
	return t, nil
}

// syntaxError is err, an error of text/template's parser, at the first action on the line
// it names (or after) that is not a plain substitution: the parser gives no column.
func syntaxError(text, left, right string, err error) *TemplateError {
	e := &TemplateError{Reason: templateErrPrefix.ReplaceAllString(err.Error(), "")}
	from := 0
	if m := templateErrPrefix.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		for ; line > 1 && from >= 0; line-- {
			if i := strings.IndexByte(text[from:], '\n'); i >= 0 {
				from += i + 1
			} else {
				from = -1
			}
		}
	}
	from = max(from, 0)
	e.Offset = from
	if i := firstSuspect(text, left, right, from); i >= 0 {
		e.Offset = i
	} else if i := firstSuspect(text, left, right, 0); i >= 0 {
		e.Offset = i
	}
	return e
}

// suspectField is an action that only prints a field, trim markers allowed.
var suspectField = regexp.MustCompile(`^(-\s)?\s*\.[\pL_][\pL\p{Nd}_]*\s*(\s-)?$`)

// firstSuspect returns the offset of the first action at or after from that is not a plain
// field substitution, or -1.
func firstSuspect(text, left, right string, from int) int {
	for {
		i := strings.Index(text[from:], left)
		if i < 0 {
			return -1
		}
		action := from + i
		inner := text[action+len(left):]
		j := strings.Index(inner, right)
		if j < 0 || !suspectField.MatchString(inner[:j]) {
			return action
		}
		from = action + len(left) + j + len(right)
	}
}

// actionStart returns the offset of the left delimiter of the action that holds n.
func actionStart(text, left string, n parse.Node) int {
	return max(strings.LastIndex(text[:min(int(n.Position()), len(text))], left), 0)
}

// onlyField returns the field a pipeline prints when it is one field and nothing else.
func onlyField(p *parse.PipeNode) (string, bool) {
	if p == nil || p.IsAssign || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// refusedAction says why an action other than a field substitution is refused.
func refusedAction(n *parse.ActionNode) *TemplateError {
	action := short(n.String())
	p := n.Pipe
	switch {
	case len(p.Decl) > 0:
		return refused(action, "variables")
	case len(p.Cmds) > 1:
		return refused(action, "pipelines")
	}
	args := p.Cmds[0].Args
	switch args[0].(type) {
	case *parse.IdentifierNode:
		return refused(action, "function calls")
	case *parse.FieldNode, *parse.ChainNode:
		if len(args) > 1 {
			return refused(action, "method calls")
		}
		return refused(action, "fields of fields, which may call methods,")
	case *parse.DotNode:
		return refused(action, "{{.}}, which prints all the data,")
	case *parse.VariableNode:
		return refused(action, "variables")
	}
	return refused(action, "constants and expressions")
}

func refused(action, what string) *TemplateError {
	return &TemplateError{Action: action, Reason: what + " are not allowed in a message: only field substitutions such as {{.Name}}"}
}

// short returns an action as written, cut to a length fit for an error message.
func short(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}
