package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Limits on what Negotiate reads of Accept-Language. They bound its cost: x/text alone
// takes hundreds of milliseconds on a 1 MiB list.
const (
	maxAcceptBytes   = 500 // entries wholly inside the first 500 bytes
	maxAcceptEntries = 32
	maxRangeLen      = 64 // a longer language range is dropped as malformed
)

// A negotiator chooses one of a catalog version's languages for Accept-Language values or
// a single tag. It holds everything negotiation needs: the languages, x/text's matcher and
// the caches, so that a snapshot holds it as one field. It is safe for concurrent use.
type negotiator struct {
	langs   []language.Tag // the default language first
	names   []string       // langs[i].String()
	matcher language.Matcher
	headers cache // whole Accept-Language values
	ranges  cache // lower-cased language ranges
}

// newNegotiator returns a negotiator over langs, the default language first, configured
// by the negotiation options of o.
func newNegotiator(langs []language.Tag, o options) *negotiator {
	n := &negotiator{
		langs:   langs,
		names:   make([]string, len(langs)),
		matcher: language.NewMatcher(langs),
	}
	for i, tag := range langs {
		n.names[i] = tag.String()
	}
	return n
}

// find returns the index of the language that best matches one tag or range, as from a
// ?lang= parameter, or -1 when none does.
func (n *negotiator) find(tag string) int {
	if !validRange(tag) || tag == "*" {
		return -1
	}
	return n.lookup(tag)
}

// A weighted is one entry of an Accept-Language list: a language range and its q in
// thousandths.
type weighted struct {
	rng string
	q   int
}

// negotiate returns the index of the language to answer in for Accept-Language values.
// Browsers send few distinct headers, so a single header line's answer is remembered.
func (n *negotiator) negotiate(values []string) int {
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

// negotiateList reads Accept-Language values and chooses a language.
func (n *negotiator) negotiateList(values []string) int {
	var list [maxAcceptEntries]weighted
	entries := list[:splitAccept(values, &list)]
	var excluded uint64
	for _, e := range entries {
		if e.q == 0 {
			excluded |= n.prefixMask(e.rng)
		}
	}
	best, bestQ := -1, 0
	for _, e := range entries {
		if e.q <= bestQ {
			continue
		}
		var i int
		if e.rng == "*" {
			i = n.fallback(excluded)
		} else {
			i = n.lookup(e.rng)
		}
		if i >= 0 && excluded&(1<<i) == 0 {
			best, bestQ = i, e.q
		}
	}
	if best < 0 {
		return n.fallback(excluded)
	}
	return best
}

// fallback returns the default language unless it was excluded by q=0, then the first
// language not excluded. When all are excluded it still answers the default: a language
// is always chosen, never 406.
func (n *negotiator) fallback(excluded uint64) int {
	for i := range n.langs {
		if excluded&(1<<i) == 0 {
			return i
		}
	}
	return 0
}

// prefixMask returns the languages a q=0 range rules out: by RFC 4647 basic filtering,
// "zh" rules out zh-CN, and "en-GB" does not rule out en-US.
func (n *negotiator) prefixMask(rng string) uint64 {
	var mask uint64
	for i, name := range n.names {
		if strings.EqualFold(name, rng) ||
			len(name) > len(rng) && name[len(rng)] == '-' && strings.EqualFold(name[:len(rng)], rng) {
			mask |= 1 << i
		}
	}
	return mask
}

// lookup returns the index of the language that best matches one range, or -1.
func (n *negotiator) lookup(rng string) int {
	var buf [maxRangeLen]byte
	key := buf[:len(rng)]
	for i := 0; i < len(rng); i++ {
		c := rng[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '_':
			c = '-'
		}
		key[i] = c
	}
	if i, ok := n.ranges.getBytes(key); ok {
		return i
	}
	k := string(key)
	i := n.match(k)
	n.ranges.put(k, i)
	return i
}

// match asks x/text's matcher for rng and uses the index it returns, never the tag, which
// may carry extensions such as en-US-u-rg-gbzzzz. A match of confidence No (fr offered
// en-US) is no match.
func (n *negotiator) match(rng string) int {
	tag, err := language.Parse(rng)
	if err != nil {
		return -1
	}
	_, i, conf := n.matcher.Match(tag)
	if conf == language.No {
		return -1
	}
	return i
}
