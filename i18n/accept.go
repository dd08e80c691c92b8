package i18n

import "strings"

// splitAccept parses Accept-Language values, read as one comma-separated list, into list
// and returns how many entries it holds. Malformed entries are dropped one by one; only
// entries wholly inside the first maxAcceptBytes bytes are read.
func splitAccept(values []string, list *[maxAcceptEntries]weighted) int {
	n, budget := 0, maxAcceptBytes
	for _, v := range values {
		if budget <= 0 || n == len(list) {
			break
		}
		cut := false
		if len(v) > budget {
			cut = v[budget] != ','
			v = v[:budget]
		}
		budget -= len(v) + 1 // the comma that joins header lines
		for len(v) > 0 && n < len(list) {
			item := v
			if i := strings.IndexByte(v, ','); i >= 0 {
				item, v = v[:i], v[i+1:]
			} else if v = ""; cut {
				break // the last entry was cut short
			}
			if e, ok := parseWeighted(item); ok {
				list[n] = e
				n++
			}
		}
	}
	return n
}

// parseWeighted parses one entry: a language range, then parameters of which only q counts.
func parseWeighted(item string) (weighted, bool) {
	rng, params, _ := strings.Cut(item, ";")
	rng = trimOWS(rng)
	if !validRange(rng) {
		return weighted{}, false
	}
	e := weighted{rng: rng, q: 1000}
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		name, value, ok := strings.Cut(trimOWS(p), "=")
		if !ok {
			return weighted{}, false
		}
		if name = trimOWS(name); name != "q" && name != "Q" {
			continue
		}
		if e.q, ok = parseQ(trimOWS(value)); !ok {
			return weighted{}, false
		}
	}
	return e, true
}

// validRange reports whether s is "*" or looks like a language tag: letters first, then
// letters, digits, hyphens or underscores.
func validRange(s string) bool {
	if s == "*" {
		return true
	}
	if len(s) == 0 || len(s) > maxRangeLen || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isAlpha(c) && !('0' <= c && c <= '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

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
func trimOWS(s string) string { return strings.Trim(s, " \t") }
