package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// A negotiator chooses one of a catalog version's languages for Accept-Language values or
// for a single tag. It holds everything negotiation needs, the languages, x/text's matcher,
// the fallback order and the caches, so that a snapshot holds it as one field. It is safe
// for concurrent use.
type negotiator struct {
	langs    []language.Tag // the default language first
	lower    []string       // lower-case tags, for RFC 4647 prefix matching
	bases    []language.Base
	matcher  language.Matcher
	fallback []int             // every language index, in the order of fallbackOrder
	none     int               // the language for no Accept-Language at all
	headers  cache[int]        // whole Accept-Language values
	ranges   cache[*rangeInfo] // language ranges as sent
}

// newNegotiator returns a negotiator over langs, the default language first, configured
// by the negotiation options of o.
func newNegotiator(langs []language.Tag, o options) *negotiator {
	n := &negotiator{
		langs:    langs,
		lower:    make([]string, len(langs)),
		bases:    make([]language.Base, len(langs)),
		matcher:  language.NewMatcher(langs),
		fallback: fallbackOrder(langs, o.fallback),
	}
	n.headers.init()
	n.ranges.init()
	for i, tag := range langs {
		n.lower[i] = strings.ToLower(tag.String())
		n.bases[i] = explicitBase(tag)
	}
	n.none = n.negotiateList(nil)
	return n
}

// negotiate returns the index of the language to answer in for Accept-Language values.
// Browsers send few distinct headers, so a single header line's answer is remembered; the
// answer to none, as API clients send, is chosen once.
func (n *negotiator) negotiate(values []string) int {
	if len(values) == 0 {
		return n.none
	}
	if len(values) != 1 || len(values[0]) > maxAcceptBytes {
		return n.negotiateList(values)
	}
	if i, ok := n.headers.get(values[0]); ok {
		return i
	}
	i := n.negotiateList(values)
	n.headers.put(values[0], i)
	return i
}

// find returns the index of the language that best matches one language range, as from
// a ?lang= parameter, or -1 when none does.
func (n *negotiator) find(rng string) int {
	if !validRange(rng) || rng == "*" {
		return -1
	}
	if order := n.rangeInfo(rng).order; len(order) > 0 {
		return order[0]
	}
	return -1
}

// negotiateList reads Accept-Language values and chooses a language.
func (n *negotiator) negotiateList(values []string) int {
	var list [maxAcceptEntries]weighted
	prefs := list[:splitAccept(values, &list)]
	for i := range prefs {
		if prefs[i].rng != "*" {
			prefs[i].info = n.rangeInfo(prefs[i].rng)
		}
	}
	return n.choose(prefs)
}

// rangeInfo returns what one language range matches.
func (n *negotiator) rangeInfo(rng string) *rangeInfo {
	if ri, ok := n.ranges.get(rng); ok {
		return ri
	}
	ri := n.newRangeInfo(rng)
	n.ranges.put(rng, ri)
	return ri
}

// choose returns the language of highest quality (see source). Equal qualities go to a
// language a range names over one only "*" covers, then to the earlier range, then to the
// language that range prefers. When no language has a quality above 0 it returns the
// first language in fallback order that the header does not exclude, else the default.
func (n *negotiator) choose(prefs []weighted) int {
	src := sources{prefs: prefs}
	best, bestQ, star := -1, 0, -1
	for j, p := range prefs {
		if p.info == nil {
			if star < 0 || p.q > prefs[star].q {
				star = j
			}
			continue
		}
		if p.q <= bestQ {
			continue
		}
		for _, t := range p.info.order {
			if src.of(t) == j {
				best, bestQ = t, p.q
				break
			}
		}
	}
	if star >= 0 && prefs[star].q > bestQ {
		for _, t := range n.fallback {
			if src.of(t) == star {
				return t
			}
		}
	}
	if best >= 0 {
		return best
	}
	for _, t := range n.fallback {
		if src.of(t) < 0 {
			return t
		}
	}
	return 0
}

// sources remembers source's answers during one choice, so that a header of many ranges
// that each match many languages costs each language one look at the header.
type sources struct {
	prefs []weighted
	memo  [256]int8 // source + 2; 0 for not yet known
}

func (s *sources) of(t int) int {
	if t >= len(s.memo) {
		return source(s.prefs, t)
	}
	if m := s.memo[t]; m != 0 {
		return int(m) - 2
	}
	src := source(s.prefs, t)
	s.memo[t] = int8(src + 2)
	return src
}

// source returns the index of the element of prefs that gives language t its quality,
// or -1 when none does. That is, in this order of precedence:
//
//   - the longest range that matches t by RFC 4647 §3.3 basic filtering (en-US for en-US,
//     then en), so that a more specific range sets the weight of what it matches;
//   - a range with q above 0 that t is a lookup truncation of (RFC 4647 §3.4: en-US-x-y
//     for en-US, then en);
//   - a range with q above 0 that matches no language either way and of which t is a
//     related language by x/text (zh-TW for zh-CN);
//   - "*", which RFC 9110 gives every language no other range matches.
//
// Among several, the highest q wins, then the first.
func source(prefs []weighted, t int) int {
	src, size, q := -1, -1, -1
	for j, p := range prefs {
		if p.info != nil && p.info.filter.has(t) && (p.info.size > size || p.info.size == size && p.q > q) {
			src, size, q = j, p.info.size, p.q
		}
	}
	if src >= 0 {
		return src
	}
	for j, p := range prefs {
		if p.info != nil && p.q > max(q, 0) && p.info.trunc.has(t) {
			src, q = j, p.q
		}
	}
	if src >= 0 {
		return src
	}
	for j, p := range prefs {
		if p.info != nil && p.q > max(q, 0) && p.info.related.has(t) {
			src, q = j, p.q
		}
	}
	if src >= 0 {
		return src
	}
	for j, p := range prefs {
		if p.info == nil && p.q > q {
			src, q = j, p.q
		}
	}
	return src
}
