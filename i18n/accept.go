package i18n

import "github.com/apiswitch/errcode/internal/httpfield"

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
			e, ok, size, next, comma := scanElement(window[off:])
			if !comma && len(v) > limit {
				return n // the element's comma lies beyond the lookahead
			}
			if off+size > budget {
				return n // the element does not end within the bound
			}
			if ok {
				list[n] = e
				n++
			}
			off += next
		}
		budget -= len(v) + 1 // the comma that joins header lines
	}
	return n
}

// scanElement reads the list element at the start of s in one pass: RFC 9110's
// language-range [ weight ], where any parameter other than q is allowed and ignored.
// It returns the element (ok is false for a malformed or empty one), its length without
// trailing white space, the offset just past the comma that ends it, and whether a comma
// did (false: s ended first). A comma inside a quoted string does not end an element.
func scanElement(s string) (e weighted, ok bool, size, next int, comma bool) {
	start := skipOWS(s, 0)
	i := start
	if i < len(s) && s[i] == '*' {
		i, ok = i+1, true
	} else {
		i, ok = scanRange(s, i)
	}
	e = weighted{rng: s[start:i], q: 1000}
	if ok && i-start <= maxRangeLen {
		i, size, ok = scanParams(s, i, &e.q)
		switch {
		case ok && i == len(s):
			return e, true, size, len(s), false
		case ok && s[i] == ',':
			return e, true, size, i + 1, true
		}
	}
	// Malformed: the element runs to the next comma outside a quoted string.
	j := indexUnquoted(s[i:], ',')
	if j < 0 || i+j == len(s) {
		return e, false, len(trimOWSRight(s)), len(s), false
	}
	return e, false, len(trimOWSRight(s[:i+j])), i + j + 1, true
}

// scanParams reads the parameters after a range, from s[i:], into q: any number of
// OWS ";" OWS name "=" value, where value is a token or a quoted string, with at most
// one q, whose value is a qvalue. It returns where it stopped, where the last parameter
// (or the range) ended, and whether the parameters are well formed.
func scanParams(s string, i int, q *int) (stop, size int, ok bool) {
	seenQ := false
	for {
		size, i = i, skipOWS(s, i)
		if i == len(s) || s[i] != ';' {
			return i, size, true
		}
		name := skipOWS(s, i+1)
		i = httpfield.TokenEnd(s, name)
		if i == name || i == len(s) || s[i] != '=' {
			return i, size, false
		}
		value := i + 1
		quoted := value < len(s) && s[value] == '"'
		if quoted {
			i = scanQuoted(s, value)
		} else {
			i = httpfield.TokenEnd(s, value)
		}
		if i < 0 || i == value {
			return value, size, false
		}
		if n := s[name : value-1]; n == "q" || n == "Q" {
			if *q, ok = httpfield.QValue(s[value:i]); !ok || quoted || seenQ {
				return i, size, false
			}
			seenQ = true
		}
	}
}

// scanRange scans a basic language range of RFC 4647 §2.1 from s[i:]: subtags of 1 to 8
// letters and digits, the first letters only, joined by "-" (or "_"). It returns where
// the range's characters end and whether they form a range.
func scanRange(s string, i int) (int, bool) {
	ok, first, size := true, true, 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-' || c == '_':
			ok = ok && size > 0
			first, size = false, 0
			continue
		case isAlpha(c):
		case '0' <= c && c <= '9':
			ok = ok && !first
		default:
			return i, ok && size > 0
		}
		size++
		ok = ok && size <= 8
	}
	return i, ok && size > 0
}

// validRange reports whether s is "*" or a basic language range no longer than
// maxRangeLen.
func validRange(s string) bool {
	if s == "*" {
		return true
	}
	end, ok := scanRange(s, 0)
	return ok && end == len(s) && len(s) <= maxRangeLen
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// scanQuoted returns where the RFC 9110 quoted-string at s[i:] ends, or -1 when s ends
// inside it.
func scanQuoted(s string, i int) int {
	for i++; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// indexUnquoted returns the index of the first c outside a quoted string, len(s) when
// there is none, or -1 when s ends inside a quoted string.
func indexUnquoted(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '"':
			if i = scanQuoted(s, i); i < 0 {
				return -1
			}
			i--
		case s[i] == c:
			return i
		}
	}
	return len(s)
}

func skipOWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func trimOWSRight(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
