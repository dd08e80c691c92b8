package i18n

import (
	"regexp"
	"strings"

	"golang.org/x/text/language"
)

// An oracle is a second negotiator, written straight from the RFCs for
// FuzzNegotiateOracle: slow, without caches or bit sets, one language at a time.
//
// RFC 9110 §12.5.4 reads Accept-Language as a list of basic language ranges (RFC 4647
// §2.1), each with a weight. A language's quality is the q of the longest range that
// matches it by basic filtering (RFC 4647 §3.3, in RFC 2616 §14.4's words: "the quality
// value of the longest language-range in the field that matches the language-tag"); a
// range whose filter matches nothing falls back to lookup (RFC 4647 §3.4): its
// truncations, longest first, match a language equal to one; "*" matches every language
// no other range matches. q=0 means not acceptable.
//
// Where the RFCs leave room, both negotiators decide the same way: equal qualities go to
// a language a range names over one only "*" covers, then to the earlier range in the
// header, then to the language that range prefers: the one it names exactly, then
// x/text's closest (difference 3), then the fallback order.
//
// Our deliberate differences from the RFCs, all of them, each marked "difference" below
// where the oracle applies it:
//
//  1. Caps: only elements that end within the first maxAcceptBytes bytes, and whose comma
//     lies within maxLookahead bytes after that, are read; at most maxAcceptEntries
//     well-formed elements; a range longer than maxRangeLen bytes is malformed.
//  2. Leniency: "_" reads as "-"; parameters other than q are ignored; a malformed
//     element is dropped alone (RFC 9110 would make the whole field invalid).
//  3. x/text's equivalences: a range that matches nothing by filtering or lookup takes
//     the languages x/text relates to it (zh-TW → zh-CN, en-GB → en-US, iw → he); and
//     among the languages one range matches, x/text's closest comes first.
//  4. Never 406: when no language is acceptable, the first language of the fallback
//     order that the header does not exclude, else the default.
type oracle struct {
	tags     []language.Tag // the default first
	fallback []int          // the catalog's fallback order, tested on its own
	matcher  language.Matcher
	memo     map[string]oracleXText // xtext's answers, which only cost time
	anyMemo  map[string]bool        // matchesAny's answers
}

type oracleXText struct {
	tag     language.Tag
	closest int
	ok      bool
}

// An oracleElem is one read element of the header.
type oracleElem struct {
	rng  string // lower case, "-" separators
	q    int    // thousandths
	star bool
}

// An oracleScore is a language's quality and where it comes from.
type oracleScore struct {
	q     int    // -1: no range matches the language
	named bool   // a range other than "*" gives the quality
	src   int    // the index of that element
	rank  [2]int // the language's place among the languages that element matches
	found bool
}

func newOracle(tags []language.Tag, fallback []int) *oracle {
	return &oracle{tags: tags, fallback: fallback, matcher: language.NewMatcher(tags), memo: map[string]oracleXText{}, anyMemo: map[string]bool{}}
}

// negotiate returns the index of the language the oracle chooses.
func (o *oracle) negotiate(values []string) int {
	elems := o.parse(values)
	best := -1
	var bestScore oracleScore
	for t := range o.tags {
		s := o.score(elems, t)
		if s.q > 0 && (best < 0 || s.better(bestScore)) {
			best, bestScore = t, s
		}
	}
	if best >= 0 {
		return best
	}
	for _, t := range o.fallback { // difference 4
		if !o.score(elems, t).found {
			return t
		}
	}
	return 0
}

func (s oracleScore) better(than oracleScore) bool {
	switch {
	case s.q != than.q:
		return s.q > than.q
	case s.named != than.named:
		return s.named
	case s.src != than.src:
		return s.src < than.src
	case s.rank[0] != than.rank[0]:
		return s.rank[0] < than.rank[0]
	}
	return s.rank[1] < than.rank[1]
}

// score returns language t's quality: by filtering, else lookup, else (difference 3)
// x/text's relation, else "*".
func (o *oracle) score(elems []oracleElem, t int) oracleScore {
	tag := strings.ToLower(o.tags[t].String())
	best := oracleScore{q: -1}
	longest := -1
	for j, e := range elems {
		if !e.star && (tag == e.rng || strings.HasPrefix(tag, e.rng+"-")) {
			if len(e.rng) > longest || len(e.rng) == longest && e.q > best.q {
				longest = len(e.rng)
				best = oracleScore{q: e.q, named: true, src: j, found: true, rank: [2]int{0, o.preference(e.rng, t)}}
				if tag == e.rng {
					best.rank[1] = -2 // the language the range names exactly comes first
				}
			}
		}
	}
	if best.found {
		return best
	}
	for j, e := range elems {
		if e.star || e.q == 0 || e.q <= best.q {
			continue
		}
		for _, tr := range lookupTruncations(e.rng) {
			if tr == tag {
				best = oracleScore{q: e.q, named: true, src: j, found: true, rank: [2]int{1, -len(tr)}}
			}
		}
	}
	if best.found {
		return best
	}
	for j, e := range elems { // difference 3
		if !e.star && e.q > 0 && e.q > best.q && !o.matchesAny(e.rng) && o.related(e.rng, t) {
			best = oracleScore{q: e.q, named: true, src: j, found: true, rank: [2]int{2, o.preference(e.rng, t)}}
		}
	}
	if best.found {
		return best
	}
	for j, e := range elems {
		if e.star && e.q > best.q {
			best = oracleScore{q: e.q, src: j, found: true, rank: [2]int{3, o.fallbackPos(t)}}
		}
	}
	return best
}

// lookupTruncations lists what RFC 4647 §3.4 lookup tries after rng itself: remove the
// last subtag, and a single-character subtag that is then last.
func lookupTruncations(rng string) []string {
	var out []string
	subtags := strings.Split(rng, "-")
	for len(subtags) > 1 {
		subtags = subtags[:len(subtags)-1]
		if len(subtags) > 1 && len(subtags[len(subtags)-1]) == 1 {
			subtags = subtags[:len(subtags)-1]
		}
		out = append(out, strings.Join(subtags, "-"))
	}
	return out
}

// matchesAny reports whether rng matches some language by filtering or lookup.
func (o *oracle) matchesAny(rng string) bool {
	m, ok := o.anyMemo[rng]
	if !ok {
		m = o.matchesAnySlow(rng)
		o.anyMemo[rng] = m
	}
	return m
}

func (o *oracle) matchesAnySlow(rng string) bool {
	for _, tag := range o.tags {
		s := strings.ToLower(tag.String())
		if s == rng || strings.HasPrefix(s, rng+"-") {
			return true
		}
		for _, tr := range lookupTruncations(rng) {
			if tr == s {
				return true
			}
		}
	}
	return false
}

// xtext returns the longest of rng and its truncations that x/text parses, and the
// language x/text's matcher finds closest to it, if confident (Exact or High, or Low with
// the same explicit base language).
func (o *oracle) xtext(rng string) (language.Tag, int, bool) {
	r, ok := o.memo[rng]
	if !ok {
		r.tag, r.closest, r.ok = o.xtextSlow(rng)
		o.memo[rng] = r
	}
	return r.tag, r.closest, r.ok
}

func (o *oracle) xtextSlow(rng string) (language.Tag, int, bool) {
	for _, s := range append([]string{rng}, lookupTruncations(rng)...) {
		tag, err := language.Parse(s)
		if err != nil {
			continue
		}
		_, i, conf := o.matcher.Match(tag)
		b, bc := tag.Base()
		tb, tbc := o.tags[i].Base()
		if conf == language.Exact || conf == language.High ||
			conf == language.Low && bc == language.Exact && tbc == language.Exact && b == tb {
			return tag, i, true
		}
		return tag, -1, true
	}
	return language.Und, -1, false
}

// related reports whether language t is related to rng by x/text: its closest, or of the
// same explicit base language.
func (o *oracle) related(rng string, t int) bool {
	tag, closest, ok := o.xtext(rng)
	if !ok {
		return false
	}
	if closest == t {
		return true
	}
	b, bc := tag.Base()
	tb, tbc := o.tags[t].Base()
	return bc == language.Exact && tbc == language.Exact && b == tb
}

// preference is t's place among the languages one range matches in one way: x/text's
// closest first, then the fallback order.
func (o *oracle) preference(rng string, t int) int {
	if _, closest, _ := o.xtext(rng); closest == t {
		return -1
	}
	return o.fallbackPos(t)
}

func (o *oracle) fallbackPos(t int) int {
	for i, f := range o.fallback {
		if f == t {
			return i
		}
	}
	panic("language not in the fallback order")
}

var (
	// RFC 9110 §12.5.4 and §5.6: language-range [ weight ], where weight is
	// OWS ";" OWS "q=" qvalue, widened by difference 2 to any parameters.
	oracleElemRE  = regexp.MustCompile(`^[ \t]*(\*|[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*)[ \t]*((?:;[ \t]*[!#$%&'*+.^_` + "`" + `|~0-9A-Za-z-]+=(?:[!#$%&'*+.^_` + "`" + `|~0-9A-Za-z-]+|"(?:[^"\\]|\\.)*")[ \t]*)*)$`)
	oracleParamRE = regexp.MustCompile(`;[ \t]*([^=; \t]+)=("(?:[^"\\]|\\.)*"|[^; \t]+)`)
	oracleQRE     = regexp.MustCompile(`^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$`)
)

// parse reads header lines as one list.
func (o *oracle) parse(values []string) []oracleElem {
	var elems []oracleElem
	offset := 0 // of the line in the lines joined by commas
	for _, v := range values {
		for _, span := range oracleSplit(v) {
			text := v[span[0]:span[1]]
			end := offset + span[0] + len(strings.TrimRight(text, " \t"))
			if end > maxAcceptBytes || offset+span[1] > maxAcceptBytes+maxLookahead {
				return elems // difference 1
			}
			if e, ok := oracleElement(text); ok {
				elems = append(elems, e)
				if len(elems) == maxAcceptEntries {
					return elems // difference 1
				}
			}
		}
		offset += len(v) + 1
	}
	return elems
}

// oracleSplit returns the spans of a line's comma-separated elements; a comma inside a
// quoted string does not separate.
func oracleSplit(v string) [][2]int {
	var spans [][2]int
	start, inQuote, escaped := 0, false, false
	for i, c := range []byte(v) {
		switch {
		case escaped:
			escaped = false
		case inQuote && c == '\\':
			escaped = true
		case c == '"':
			inQuote = !inQuote
		case c == ',' && !inQuote:
			spans = append(spans, [2]int{start, i})
			start = i + 1
		}
	}
	return append(spans, [2]int{start, len(v)})
}

// oracleElement parses one element; malformed ones are dropped (difference 2).
func oracleElement(text string) (oracleElem, bool) {
	m := oracleElemRE.FindStringSubmatch(text)
	if m == nil || len(m[1]) > maxRangeLen { // difference 1
		return oracleElem{}, false
	}
	e := oracleElem{rng: strings.ToLower(strings.ReplaceAll(m[1], "_", "-")), q: 1000, star: m[1] == "*"}
	seenQ := false
	for _, p := range oracleParamRE.FindAllStringSubmatch(m[2], -1) {
		if !strings.EqualFold(p[1], "q") {
			continue // difference 2
		}
		if seenQ || !oracleQRE.MatchString(p[2]) {
			return oracleElem{}, false
		}
		seenQ = true
		e.q = oracleQ(p[2])
	}
	return e, true
}

// oracleQ converts a qvalue to thousandths.
func oracleQ(s string) int {
	digits := (strings.ReplaceAll(s, ".", "") + "000")[:4]
	q := 0
	for _, c := range digits {
		q = q*10 + int(c-'0')
	}
	return q
}
