package localefile

import (
	"slices"
	"strconv"
	"strings"
)

// StubMarker starts the comment that i18ncheck -write-stubs puts above each entry it writes
// or marks. An entry under it is a stub: not translated yet, whatever text it holds.
const StubMarker = "# i18ncheck:stub"

// keyIndex is what scanTOML learns about a file that the TOML decoder does not say: where
// each key is and which tables carry a stub marker.
type keyIndex struct {
	keys  map[string]Position // by pathKey of the full dotted path
	stubs map[string]bool     // pathKey of headers under a stub marker
}

// pathKey joins the parts of a dotted key so that "a.b" quoted stays one part.
func pathKey(parts []string) string { return strings.Join(parts, "\x00") }

// scanTOML finds the positions of the keys and headers of a TOML document. It is lenient:
// the decoder reports syntax errors, and on a line it does not understand the scanner skips to
// the next line. Positions count lines and bytes from 1.
func scanTOML(src string) *keyIndex {
	s := &tomlScanner{src: src, line: 1, col: 1, idx: &keyIndex{keys: make(map[string]Position, strings.Count(src, "\n")), stubs: map[string]bool{}}}
	s.scan()
	return s.idx
}

type tomlScanner struct {
	src       string
	i         int
	line, col int
	table     []string
	stub      bool
	idx       *keyIndex
	parts     []string // for key, when the parts are not kept
	buf       []byte   // for the pathKey of a key
}

// byteSet is a set of ASCII bytes.
type byteSet [256]bool

func newByteSet(chars string) *byteSet {
	var s byteSet
	for i := 0; i < len(chars); i++ {
		s[chars[i]] = true
	}
	return &s
}

var (
	bareKeyEnd = newByteSet(" \t\r\n=.[]#\"',{}") // what ends a bare key
	scalarEnd  = newByteSet(" \t\r\n#,]}")        // what ends a bare value
)

func (s *tomlScanner) eof() bool { return s.i >= len(s.src) }

func (s *tomlScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *tomlScanner) next() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 0
	}
	s.i++
	s.col++
}

func (s *tomlScanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t'; c = s.peek() {
		s.next()
	}
}

// skipTo moves to j, which no newline comes before.
func (s *tomlScanner) skipTo(j int) {
	s.col += j - s.i
	s.i = j
}

// skipComment moves to the end of the line, before its newline.
func (s *tomlScanner) skipComment() {
	if j := strings.IndexByte(s.src[s.i:], '\n'); j >= 0 {
		s.skipTo(s.i + j)
		return
	}
	s.skipTo(len(s.src))
}

// skipLine moves past the next newline.
func (s *tomlScanner) skipLine() {
	s.skipComment()
	s.next()
}

func (s *tomlScanner) scan() {
	for !s.eof() {
		s.skipSpace()
		switch c := s.peek(); c {
		case '\n', '\r':
			s.next()
		case '#':
			if strings.HasPrefix(s.src[s.i:], StubMarker) {
				s.stub = true
			}
			s.skipLine()
		case '[':
			s.header()
		default:
			s.stub = false
			s.keyValue(s.table)
			s.skipLine()
		}
	}
}

// header reads [a.b] or [[a.b]].
func (s *tomlScanner) header() {
	line, col := s.line, s.col
	s.next()
	if s.peek() == '[' {
		s.next()
	}
	s.skipSpace()
	parts, ok := s.key()
	if !ok {
		s.skipLine()
		return
	}
	parts = slices.Clone(parts)
	s.table = parts
	k := pathKey(parts)
	if _, seen := s.idx.keys[k]; !seen {
		s.idx.keys[k] = Position{Line: line, Col: col}
	}
	if s.stub {
		s.idx.stubs[k] = true
		s.stub = false
	}
	s.skipLine()
}

// keyValue reads key = value, recording the key under table.
func (s *tomlScanner) keyValue(table []string) {
	line, col := s.line, s.col
	parts, ok := s.key()
	if !ok {
		return
	}
	s.buf = s.buf[:0]
	for i, p := range table {
		if i > 0 {
			s.buf = append(s.buf, 0)
		}
		s.buf = append(s.buf, p...)
	}
	for i, p := range parts {
		if i > 0 || len(table) > 0 {
			s.buf = append(s.buf, 0)
		}
		s.buf = append(s.buf, p...)
	}
	if _, seen := s.idx.keys[string(s.buf)]; !seen {
		s.idx.keys[string(s.buf)] = Position{Line: line, Col: col}
	}
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace()
	var full []string // only arrays and inline tables have keys under it
	if c := s.peek(); c == '[' || c == '{' {
		full = append(slices.Clone(table), parts...)
	}
	s.value(full)
}

// key reads a dotted key of bare and quoted parts. The parts are valid until its next call.
func (s *tomlScanner) key() ([]string, bool) {
	parts := s.parts[:0]
	for {
		s.skipSpace()
		part, ok := s.keyPart()
		if !ok {
			return nil, false
		}
		parts = append(parts, part)
		s.parts = parts
		s.skipSpace()
		if s.peek() != '.' {
			return parts, true
		}
		s.next()
	}
}

func (s *tomlScanner) keyPart() (string, bool) {
	switch s.peek() {
	case '"':
		raw, ok := s.quoted('"')
		if !ok {
			return "", false
		}
		if u, err := strconv.Unquote(`"` + raw + `"`); err == nil {
			return u, true
		}
		return raw, true
	case '\'':
		return s.quoted('\'')
	}
	start, j := s.i, s.i
	for j < len(s.src) && !bareKeyEnd[s.src[j]] { // no newline
		j++
	}
	s.skipTo(j)
	return s.src[start:s.i], s.i > start
}

// quoted reads a one-line string opened by q and returns its raw content.
func (s *tomlScanner) quoted(q byte) (string, bool) {
	s.next()
	start := s.i
	for j := s.i; j < len(s.src); j++ {
		c := s.src[j]
		switch {
		case c == '\n':
			s.skipTo(j)
			return "", false
		case c == '\\' && q == '"' && j+1 < len(s.src) && s.src[j+1] == '\n':
			s.skipTo(j + 1)
			s.next() // the escaped newline
			j = s.i - 1
		case c == '\\' && q == '"':
			j++ // the escaped byte
		case c == q:
			s.skipTo(j)
			raw := s.src[start:s.i]
			s.next()
			return raw, true
		}
	}
	s.skipTo(len(s.src))
	return "", false
}

// value skips a value: strings of all four kinds, arrays and inline tables, whose keys it
// records under path, or a bare scalar.
func (s *tomlScanner) value(path []string) {
	switch c := s.peek(); {
	case strings.HasPrefix(s.src[s.i:], `"""`), strings.HasPrefix(s.src[s.i:], `'''`):
		s.multiline(c)
	case c == '"' || c == '\'':
		s.quoted(c)
	case c == '[':
		s.array(path)
	case c == '{':
		s.inlineTable(path)
	default:
		j := s.i
		for j < len(s.src) && !scalarEnd[s.src[j]] { // no newline
			j++
		}
		s.skipTo(j)
	}
}

// multiline skips a """ or ”' string, which may span lines.
func (s *tomlScanner) multiline(q byte) {
	delim := strings.Repeat(string(q), 3)
	for range 3 {
		s.next()
	}
	for !s.eof() {
		if q == '"' && s.peek() == '\\' {
			s.next()
			s.next()
			continue
		}
		if strings.HasPrefix(s.src[s.i:], delim) {
			for range 3 {
				s.next()
			}
			for n := 0; n < 2 && s.peek() == q; n++ {
				s.next()
			}
			return
		}
		s.next()
	}
}

// array skips [v, v, ...], which may span lines and hold comments.
func (s *tomlScanner) array(path []string) {
	s.next()
	for !s.eof() {
		switch c := s.peek(); c {
		case ']':
			s.next()
			return
		case ' ', '\t', '\r', '\n', ',':
			s.next()
		case '#':
			s.skipComment()
		default:
			start := s.i
			s.value(path)
			if s.i == start {
				s.next()
			}
		}
	}
}

// inlineTable reads {k = v, ...}, recording its keys under path.
func (s *tomlScanner) inlineTable(path []string) {
	s.next()
	for !s.eof() {
		s.skipSpace()
		switch s.peek() {
		case '}':
			s.next()
			return
		case ',', '\r', '\n':
			s.next()
		case '#':
			s.skipComment()
		default:
			start := s.i
			s.keyValue(path)
			if s.i == start {
				s.next()
			}
		}
	}
}
