package middleware

import (
	"strings"

	"github.com/apiswitch/errcode/internal/httpfield"
)

// maxCodings bounds how many entries of an Accept-Encoding list are read: the header is
// the client's, and a list longer than the codings that exist says nothing more.
const maxCodings = 32

// accepts reports whether a request's Accept-Encoding lines accept coding, a lower-case
// content coding or "identity", by RFC 9110 §12.5.3: without the header any coding is
// acceptable; an empty value accepts only identity; a coding is acceptable when listed
// with q > 0, or when "*" is and the coding is not listed; identity is acceptable unless
// excluded with q=0, or by "*;q=0" without identity listed. Codings and q are
// case-insensitive; "x-gzip" is gzip.
func accepts(lines []string, coding string) bool {
	if lines == nil {
		return true
	}
	star, listed := -1, -1 // the q of "*" and of coding, -1 when absent
	n := 0
	for _, line := range lines {
		for item := range strings.SplitSeq(line, ",") {
			if n++; n > maxCodings {
				break
			}
			name, q, ok := parseCoding(item)
			switch {
			case !ok:
			case name == "*":
				star = max(star, q)
			case name == coding || name == "x-gzip" && coding == codingGzip:
				listed = max(listed, q)
			}
		}
	}
	switch {
	case listed >= 0:
		return listed > 0
	case coding == codingIdentity:
		return star != 0
	}
	return star > 0
}

// parseCoding reads one element of Accept-Encoding: a coding, in lower case, and its q
// in thousandths (1000 without a weight). It reports false for an empty or malformed one.
func parseCoding(item string) (string, int, bool) {
	name, params, _ := strings.Cut(item, ";")
	name = strings.ToLower(strings.Trim(name, " \t"))
	if !httpfield.IsToken(name) {
		return "", 0, false
	}
	q := 1000
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		k, v, _ := strings.Cut(strings.Trim(p, " \t"), "=")
		if !strings.EqualFold(strings.TrimRight(k, " \t"), "q") {
			continue
		}
		var ok bool
		if q, ok = httpfield.QValue(strings.Trim(v, " \t")); !ok {
			return "", 0, false
		}
	}
	return name, q, true
}
