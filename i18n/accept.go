package i18n

import "strings"

// Limits on what is read of Accept-Language. They bound the cost of a header whatever its
// size: x/text alone takes hundreds of milliseconds on a 1 MiB list.
const (
	// maxAcceptBytes bounds the list: only elements that end within its first
	// maxAcceptBytes bytes are read (Django reads 500 since CVE-2023-23969).
	maxAcceptBytes = 500
	// maxLookahead bounds how far past maxAcceptBytes the reader looks for the comma that
	// ends an element which itself ends within the bound: "en-US   ;q=0" must not be
	// read as en-US because the cut fell in the white space.
	maxLookahead = 500
	// maxAcceptEntries bounds how many well-formed elements are read.
	maxAcceptEntries = 32
	// maxRangeLen bounds a language range; a longer one is dropped as malformed.
	maxRangeLen = 64
)

// A weighted is one element of an Accept-Language list: a language range as sent (any
// case, "_" for "-" allowed), its q in thousandths and, once negotiation has looked the
// range up, what it matches (nil for "*").
type weighted struct {
	rng  string
	q    int
	info *rangeInfo
}

// splitAccept parses Accept-Language values, read as one comma-separated list as RFC 9110
// joins repeated header lines, into list and returns how many elements it holds. Malformed
// elements are dropped one by one.
func splitAccept(values []string, list *[maxAcceptEntries]weighted) int {
	n, budget := 0, maxAcceptBytes
	for _, v := range values {
		if budget <= 0 || n == len(list) {
			break
		}
		limit := budget + maxLookahead // the furthest an element's comma may be
		window := v[:min(len(v), limit+1)]
		for off := 0; off < len(window) && n < len(list); {
			elem, next, ok := cutElement(window[off:])
			if !ok && len(v) > limit {
				return n // the element's comma lies beyond the lookahead
			}
			if off+len(trimOWSRight(elem)) > budget {
				return n // the element does not end within the bound
			}
			if e, ok := parseWeighted(elem); ok {
				list[n] = e
				n++
			}
			off += next
		}
		budget -= len(v) + 1 // the comma that joins header lines
	}
	return n
}

// cutElement returns the first element of a list and the offset of what follows its
// comma. It reports false when s ends before a comma does. Commas inside a quoted string
// (a parameter value) do not end an element.
func cutElement(s string) (elem string, next int, ok bool) {
	i := indexShort(s, ',')
	if indexShort(s[:max(i, 0)], '"') >= 0 || i < 0 && indexShort(s, '"') >= 0 {
		if i = indexUnquoted(s, ','); i == len(s) {
			i = -1
		}
	}
	if i < 0 {
		return s, len(s), false
	}
	return s[:i], i + 1, true
}

// indexShort is strings.IndexByte for the short strings of a header, where a loop beats
// a call.
func indexShort(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// indexUnquoted returns the index of the first c outside a quoted string, len(s) when
// there is none, or -1 when s ends inside a quoted string.
func indexUnquoted(s string, c byte) int {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch {
		case quoted && s[i] == '\\':
			i++
		case s[i] == '"':
			quoted = !quoted
		case !quoted && s[i] == c:
			return i
		}
	}
	if quoted {
		return -1
	}
	return len(s)
}

// parseWeighted parses one list element: a language range, then optional parameters of
// which only q counts. It reports false for an element that does not follow RFC 9110's
// grammar, and for an empty one.
func parseWeighted(elem string) (weighted, bool) {
	rng, params, more := cutByte(elem, ';')
	rng = trimOWS(rng)
	if !validRange(rng) {
		return weighted{}, false
	}
	e := weighted{rng: rng, q: 1000}
	seenQ := false
	for more {
		i := indexUnquoted(params, ';')
		if i < 0 {
			return weighted{}, false
		}
		p := trimOWS(params[:i])
		if more = i < len(params); more {
			params = params[i+1:]
		}
		name, value, ok := cutByte(p, '=')
		if !ok || !isToken(name) {
			return weighted{}, false
		}
		if name != "q" && name != "Q" {
			if !isToken(value) && !isQuoted(value) {
				return weighted{}, false
			}
			continue
		}
		if e.q, ok = parseQ(value); !ok || seenQ {
			return weighted{}, false
		}
		seenQ = true
	}
	return e, true
}

// validRange reports whether s is "*" or a basic language range of RFC 4647 §2.1 no longer
// than maxRangeLen: subtags of 1 to 8 letters and digits, the first letters only, joined
// by "-" or "_".
func validRange(s string) bool {
	if s == "*" {
		return true
	}
	if len(s) == 0 || len(s) > maxRangeLen {
		return false
	}
	first, size := true, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-' || c == '_':
			if size == 0 {
				return false
			}
			first, size = false, 0
			continue
		case isAlpha(c), !first && '0' <= c && c <= '9':
		default:
			return false
		}
		if size++; size > 8 {
			return false
		}
	}
	return size > 0
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isToken reports whether s is an RFC 9110 token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlpha(c) && !('0' <= c && c <= '9') && !strings.ContainsRune("!#$%&'*+-.^_`|~", rune(c)) {
			return false
		}
	}
	return true
}

// isQuoted reports whether s is one RFC 9110 quoted-string.
func isQuoted(s string) bool {
	if len(s) < 2 || s[0] != '"' {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i == len(s)-1
		}
	}
	return false
}

// parseQ parses an RFC 9110 qvalue into thousandths: "0", "0.5", "0.125", "1", "1.000".
func parseQ(s string) (int, bool) {
	if len(s) == 0 || len(s) > 5 || (s[0] != '0' && s[0] != '1') {
		return 0, false
	}
	q := int(s[0]-'0') * 1000
	if len(s) == 1 {
		return q, true
	}
	if s[1] != '.' {
		return 0, false
	}
	scale := 100
	for i := 2; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		q += int(c-'0') * scale
		scale /= 10
	}
	if q > 1000 {
		return 0, false
	}
	return q, true
}

// trimOWS trims the optional white space of RFC 9110: spaces and tabs.
func trimOWS(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	return trimOWSRight(s)
}

func trimOWSRight(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// cutByte is strings.Cut for one byte.
func cutByte(s string, c byte) (before, after string, found bool) {
	if i := indexShort(s, c); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}
