package i18n

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/apiswitch/errcode/internal/localefile"
)

// maxValueLen bounds what one placeholder adds to a message: a longer value is cut, on a
// character boundary, and ends with "…". A rendered message is thus at most its text plus
// maxValueLen bytes per placeholder, whatever data a request carries.
const maxValueLen = 256

// message is the text of one code in one language, ready to render. It holds its own copy
// of the text, never a slice of the file it was read from.
type message struct {
	text     string            // the "other" form as written
	parts    []localefile.Part // text split into literals and fields
	fields   []string          // distinct field names, in order of first use
	source   string            // the text with its fields written {{.Name}}
	missing  bool              // no usable message: none, blank, or a stub
	reported atomic.Bool       // a Problem about this message has been reported
}

// newMessage prepares the "other" form of m, whose templates are valid.
func newMessage(m *localefile.Message) *message {
	form, _ := m.Form("other")
	msg := &message{text: strings.Clone(form.Text)}
	if form.Template == nil {
		return msg
	}
	for _, p := range form.Template.Parts() {
		msg.parts = append(msg.parts, localefile.Part{Text: strings.Clone(p.Text), Field: p.Field})
	}
	if fields := form.Template.Fields(); len(fields) > 0 {
		msg.fields = make([]string, len(fields))
		for i, f := range fields {
			msg.fields[i] = strings.Clone(f)
		}
		msg.source = form.Template.String()
	}
	return msg
}

// template returns the message as written, its fields as {{.Name}}, and their names.
func (m *message) template() (string, []string) {
	if len(m.fields) == 0 {
		return m.text, nil
	}
	return m.source, m.fields
}

// render returns the text of m for data. A placeholder without a usable value is left out
// so that the sentence still reads (see leaveOut); the names of such placeholders are
// returned too. The text is "" only when nothing is left of the message.
func (m *message) render(data map[string]any) (string, []string) {
	if len(m.fields) == 0 {
		return m.text, nil
	}
	b := make([]byte, 0, len(m.text)+16*len(m.fields))
	var missing []string
	skip := 0 // bytes of the next literal that leaveOut consumed
	for i, p := range m.parts {
		if !p.Field {
			b = append(b, p.Text[skip:]...)
			skip = 0
			continue
		}
		var ok bool
		if b, ok = appendValue(b, data[p.Text]); ok {
			continue
		}
		missing = append(missing, p.Text)
		switch {
		case i+1 == len(m.parts):
			b, _ = leaveOut(b, "")
		case !m.parts[i+1].Field:
			b, skip = leaveOut(b, m.parts[i+1].Text)
		} // before another placeholder, the spaces wait for it
	}
	if missing == nil {
		return string(b), nil // as written, to the last space
	}
	return strings.TrimRight(string(b), spaces), missing
}

// pairs are the quotes and brackets that leaveOut removes when they enclose nothing but a
// placeholder left out: an opening one, then its closing one.
var pairs = [][2]string{
	{`"`, `"`}, {"'", "'"}, {"“", "”"}, {"‘", "’"}, {"「", "」"}, {"『", "』"}, {"《", "》"},
	{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}, {"«", "»"}, {"„", "“"},
}

// leaveOut is the rule for a placeholder without a value. b is the message so far, next the
// literal text after the placeholder. The placeholder is left out with:
//   - the quotes or brackets that enclose only it: The app “{{.Name}}” was not found;
//   - the spaces before it, when a space or a punctuation mark follows it, or nothing;
//   - a separator (: , ; - and their CJK forms) before it, unless a word follows it
//     directly: Not found: {{.Name}}.;
//   - between two CJK characters, the spaces around it: 云盘 {{.Name}} 不存在;
//   - the spaces and separators after it, when it starts the message: {{.Name}}: not found.
//
// It returns b and how many bytes of next to skip.
func leaveOut(b []byte, next string) ([]byte, int) {
	skip := 0
	for _, p := range pairs {
		if strings.HasSuffix(string(b), p[0]) && strings.HasPrefix(next, p[1]) {
			b, skip = b[:len(b)-len(p[0])], len(p[1])
			break
		}
	}
	rest := next[skip:]
	trimmed := strings.TrimRight(string(b), spaces)
	if len(trimmed) == 0 {
		return b[:0], skip + len(rest) - len(strings.TrimLeft(rest, spaces+separators))
	}
	switch r, _ := utf8.DecodeRuneInString(rest); {
	case rest == "" || isClosing(r):
		b = b[:len(strings.TrimRight(trimmed, spaces+separators))]
	case r == ' ' || r == '\t':
		b = b[:len(strings.TrimRight(trimmed, spaces+separators))]
		after := strings.TrimLeft(rest, spaces)
		before, _ := utf8.DecodeLastRune(b)
		if first, _ := utf8.DecodeRuneInString(after); isWide(before) && isWide(first) {
			skip += len(rest) - len(after) // CJK text has no spaces between words
		}
	}
	return b, skip
}

// isWide reports whether r is of a script written without spaces between words.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

const (
	spaces     = " \t"
	separators = ":：,，;；、-–—"
)

// isClosing reports whether r is punctuation that no space goes before: . , ; : ! ? and
// their CJK forms, closing brackets and quotes.
func isClosing(r rune) bool {
	return strings.ContainsRune(".,;:!?…)]}»”’。，、；：！？）】」』》", r)
}

// appendValue appends the text of a placeholder's value, cut to maxValueLen. Strings,
// numbers, booleans and values with a String method are printed; anything else (nil, an
// empty string, an object or a list) counts as missing, so that no message ever shows Go's
// syntax for a map or a "<no value>".
func appendValue(b []byte, v any) ([]byte, bool) {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case json.Number:
		s = v.String()
	case fmt.Stringer:
		s = stringOf(v)
	case bool:
		s = strconv.FormatBool(v)
	case int:
		s = strconv.Itoa(v)
	case int8, int16, int32, int64:
		s = fmt.Sprint(v)
	case uint, uint8, uint16, uint32, uint64, uintptr:
		s = fmt.Sprint(v)
	case float32:
		s = strconv.FormatFloat(float64(v), 'f', -1, 32)
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	if strings.TrimSpace(s) == "" {
		return b, false
	}
	if len(s) > maxValueLen {
		cut := maxValueLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return append(b, s...), true
}

// stringOf calls v.String, treating a panic (as from a nil pointer) as no value.
func stringOf(v fmt.Stringer) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	return v.String()
}
