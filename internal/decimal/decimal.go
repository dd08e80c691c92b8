// Package decimal reads numbers from outside input in their one canonical spelling, as
// strconv.Itoa writes them: no sign, no leading zero, no space, at most a given number of
// digits. A code or a status spelled another way ("+10205", "010205") is not read as one, so
// that one value has one spelling wherever a cache, a rate limit or a comparison keys on text.
package decimal

// Parse parses a positive decimal number of at most max digits (max ≤ 18), written as
// strconv.Itoa writes it.
func Parse(s string, max int) (int, bool) {
	if len(s) == 0 || len(s) > max || s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
