package middleware

import (
	"bytes"
	"encoding/json"
)

// A member is one name and value of a JSON object, as offsets into the object's bytes.
type member struct {
	name       []byte // the raw name, quotes included
	start, end int    // the raw value
}

// is reports whether the member's name, unescaped, is name.
func (m member) is(name string) bool {
	raw := m.name[1 : len(m.name)-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw) == name
	}
	var s string
	return json.Unmarshal(m.name, &s) == nil && s == name
}

// objectMembers returns the members of the object body holds, in order, appended to dst.
// It reports false when body is not one valid JSON object, white space aside; it accepts
// exactly what json.Valid accepts of an object. Values are never decoded, so none loses
// precision and the body can be spliced.
func objectMembers(body []byte, dst []member) ([]member, bool) {
	s := scanner{b: body}
	s.space()
	if !s.peek('{') {
		return dst, false
	}
	s.i++
	s.depth = 1
	if s.space(); s.peek('}') {
		s.i++
		return dst, s.end()
	}
	for {
		start := s.i
		if !s.str() {
			return dst, false
		}
		m := member{name: body[start:s.i]}
		if s.space(); !s.peek(':') {
			return dst, false
		}
		s.i++
		s.space()
		m.start = s.i
		if !s.value() {
			return dst, false
		}
		m.end = s.i
		dst = append(dst, m)
		if !s.next('}') {
			return dst, false
		}
		if s.b[s.i-1] == '}' {
			return dst, s.end()
		}
	}
}

// maxDepth is encoding/json's nesting limit.
const maxDepth = 10000

// A scanner checks JSON syntax as encoding/json does. Its methods advance i past what
// they accept and report whether they accepted it.
type scanner struct {
	b     []byte
	i     int
	depth int
}

func (s *scanner) peek(c byte) bool { return s.i < len(s.b) && s.b[s.i] == c }

func (s *scanner) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// end reports whether only white space is left.
func (s *scanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// next accepts white space and then a comma followed by white space, or close.
func (s *scanner) next(close byte) bool {
	s.space()
	switch {
	case s.peek(','):
		s.i++
		s.space()
		return true
	case s.peek(close):
		s.i++
		return true
	}
	return false
}

func (s *scanner) value() bool {
	if s.i == len(s.b) {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		return s.str()
	case c == '{', c == '[':
		return s.composite(c)
	case c == '-', '0' <= c && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return false
}

// composite accepts an object or an array, whose opening byte is open.
func (s *scanner) composite(open byte) bool {
	if s.depth++; s.depth > maxDepth {
		return false
	}
	defer func() { s.depth-- }()
	close := byte(']')
	if open == '{' {
		close = '}'
	}
	s.i++
	if s.space(); s.peek(close) {
		s.i++
		return true
	}
	for {
		if open == '{' {
			if !s.str() {
				return false
			}
			if s.space(); !s.peek(':') {
				return false
			}
			s.i++
			s.space()
		}
		if !s.value() || !s.next(close) {
			return false
		}
		if s.b[s.i-1] == close {
			return true
		}
	}
}

func (s *scanner) str() bool {
	if !s.peek('"') {
		return false
	}
	for s.i++; s.i < len(s.b); s.i++ {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if !s.escape() {
				return false
			}
		}
	}
	return false
}

// escape accepts the escape that starts at the backslash b[i], leaving i on its last byte.
func (s *scanner) escape() bool {
	if s.i++; s.i == len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	case 'u':
		for range 4 {
			if s.i++; s.i == len(s.b) || !isHex(s.b[s.i]) {
				return false
			}
		}
		return true
	}
	return false
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func (s *scanner) number() bool {
	if s.peek('-') {
		s.i++
	}
	switch {
	case s.peek('0'):
		s.i++
	case !s.digits():
		return false
	}
	if s.peek('.') {
		if s.i++; !s.digits() {
			return false
		}
	}
	if s.peek('e') || s.peek('E') {
		if s.i++; s.peek('+') || s.peek('-') {
			s.i++
		}
		return s.digits()
	}
	return true
}

// digits accepts one or more decimal digits.
func (s *scanner) digits() bool {
	start := s.i
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

func (s *scanner) literal(lit string) bool {
	if len(s.b)-s.i < len(lit) || string(s.b[s.i:s.i+len(lit)]) != lit {
		return false
	}
	s.i += len(lit)
	return true
}
