// Package httpfield reads the parts of HTTP field values that RFC 9110 §5.6 defines for
// every header: tokens, and the quality values (§12.4.2) that weigh the elements of
// Accept-Language, Accept-Encoding and their kin. The catalog, the middleware and the
// gateway's framing checks read headers with it, so that they agree on both.
package httpfield

import "strings"

// QValue parses an RFC 9110 qvalue into thousandths: "0", "0.5", "0.125", "1", "1.000".
// It reports false for anything else, such as "", ".5", "1.5", "0.1234" or " 0.5".
func QValue(s string) (int, bool) {
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
	return q, q <= 1000
}

// TokenEnd returns where the RFC 9110 token that starts at s[i:] ends: i when none does.
func TokenEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if !IsTChar(s[i]) {
			break
		}
	}
	return i
}

// IsToken reports whether s is an RFC 9110 token: one or more of its characters.
func IsToken(s string) bool { return s != "" && TokenEnd(s, 0) == len(s) }

// IsTChar reports whether c may appear in a token (RFC 9110 tchar), such as a header
// field's name.
func IsTChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}
