package localefile

import (
	"strconv"
	"strings"
)

// A locator finds where in a file a byte of a string value is written, so that an error in a
// message's text points at the action, not at the key. The scanner records only where keys
// are; the rare error that needs more reads the key's line again, so files without errors
// pay nothing for it.
type locator struct {
	src   string
	lines []int // the offset of each line's first byte, made on first use
}

// lineStart returns the offset of the first byte of line n, counting from 1, or -1.
func (l *locator) lineStart(n int) int {
	if l.lines == nil {
		l.lines = make([]int, 1, 1+strings.Count(l.src, "\n"))
		for i := 0; ; {
			j := strings.IndexByte(l.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			l.lines = append(l.lines, i)
		}
	}
	if n < 1 || n > len(l.lines) {
		return -1
	}
	return l.lines[n-1]
}

// inString returns where byte off of text is written in the file: text is the value of the
// key at key, a string of any of TOML's four kinds, and the position is that of the raw
// byte or escape sequence that decodes to it. It reports false when there is no such key and
// string there, or when the string does not decode to text up to off.
func (l *locator) inString(key Position, text string, off int) (Position, bool) {
	start := l.lineStart(key.Line)
	if start < 0 || start+key.Col-1 >= len(l.src) {
		return Position{}, false
	}
	s := &tomlScanner{src: l.src, i: start + key.Col - 1, line: key.Line, col: key.Col}
	if _, ok := s.key(); !ok {
		return Position{}, false
	}
	if s.skipSpace(); s.peek() != '=' {
		return Position{}, false
	}
	s.next()
	s.skipSpace()
	if !s.stringTo(text, off) {
		return Position{}, false
	}
	return Position{s.line, s.col}, true
}

// stringTo moves s from the opening quote of a string to what decodes to byte off of its
// value, text. It reports false when s is at no string, or one that does not decode to text
// up to off.
func (s *tomlScanner) stringTo(text string, off int) bool {
	q := s.peek()
	if q != '"' && q != '\'' {
		return false
	}
	delim := string(q)
	if strings.HasPrefix(s.src[s.i:], strings.Repeat(delim, 3)) {
		delim = strings.Repeat(delim, 3)
	}
	multi := len(delim) == 3
	s.skipTo(s.i + len(delim))
	if multi { // a newline right after the opening quotes is not part of the value
		if strings.HasPrefix(s.src[s.i:], "\r\n") {
			s.skipTo(s.i + 1)
		}
		if s.peek() == '\n' {
			s.next()
		}
	}
	for d := 0; !s.eof(); {
		if multi && q == '"' && s.lineEndingBackslash() {
			continue
		}
		if d == off {
			return true
		}
		raw, dec := s.src[s.i:s.i+1], s.src[s.i:s.i+1]
		switch {
		case q == '"' && raw == `\`:
			raw, dec = unescape(s.src[s.i:])
		case strings.HasPrefix(s.src[s.i:], delim) && !(multi && strings.HasPrefix(s.src[s.i+1:], delim)):
			return false // the end of the string; in """"", the first two quotes are text
		}
		if raw == "" || !strings.HasPrefix(text[d:], dec) {
			return false
		}
		if off < d+len(dec) {
			return true // off is inside an escape sequence: at its backslash
		}
		d += len(dec)
		for range len(raw) {
			s.next()
		}
	}
	return false
}

// lineEndingBackslash moves past a backslash that ends a line of a multi-line basic string,
// and the spaces and newlines after it, which decode to nothing; it reports whether there
// was one.
func (s *tomlScanner) lineEndingBackslash() bool {
	if s.peek() != '\\' || s.i+1 >= len(s.src) || !strings.ContainsRune(" \t\r\n", rune(s.src[s.i+1])) {
		return false
	}
	s.next()
	for c := s.peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = s.peek() {
		s.next()
	}
	return true
}

// unescape returns the escape sequence at the start of raw and what it decodes to, as TOML
// (and BurntSushi/toml, with TOML 1.1's \e and \xHH) reads it; "" for none.
func unescape(raw string) (seq, decoded string) {
	if len(raw) < 2 {
		return "", ""
	}
	if i := strings.IndexByte(`btnfre"\`, raw[1]); i >= 0 {
		return raw[:2], "\b\t\n\f\r\x1b\"\\"[i : i+1]
	}
	n := 0
	switch raw[1] {
	case 'x':
		n = 2
	case 'u':
		n = 4
	case 'U':
		n = 8
	}
	if n == 0 || len(raw) < 2+n {
		return "", ""
	}
	v, err := strconv.ParseUint(raw[2:2+n], 16, 32)
	if err != nil {
		return "", ""
	}
	return raw[:2+n], string(rune(v))
}
