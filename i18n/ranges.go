package i18n

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// A rangeInfo is what one language range matches among a negotiator's languages. It is
// computed once per distinct range and never modified.
type rangeInfo struct {
	size    int     // bytes: of two ranges that filter a language, the longer is more specific
	filter  langSet // languages the range matches by basic filtering: they are it or begin with it
	trunc   langSet // languages the range's lookup truncations reach: it begins with them
	related langSet // when both are empty, the languages x/text relates to it
	order   []int   // every language above, in the order the range prefers them
}

// newRangeInfo works out what rng matches. Its order holds the languages it filters:
// the one equal to it, x/text's closest, then the others in fallback order; then those it truncates to, longest
// first, as RFC 4647 lookup reaches them; then, only when there are none of either, its
// related languages, x/text's closest first and then in fallback order.
func (n *negotiator) newRangeInfo(rng string) *rangeInfo {
	key := normalizeRange(rng)
	ri := &rangeInfo{
		size:    len(key),
		filter:  newLangSet(len(n.langs)),
		trunc:   newLangSet(len(n.langs)),
		related: newLangSet(len(n.langs)),
	}
	var truncs []int
	exact := -1
	for i, name := range n.lower {
		if name == key {
			exact = i
		}
		switch {
		case hasSubtagPrefix(name, key):
			ri.filter.add(i)
		case hasSubtagPrefix(key, name):
			ri.trunc.add(i)
			truncs = append(truncs, i)
		}
	}
	tag, parsed := parseLongest(key)
	closest := -1
	if parsed {
		closest = n.closest(tag)
	}
	if exact >= 0 {
		ri.order = append(ri.order, exact)
	}
	ri.order = n.ordered(ri.filter, closest, exact, ri.order)
	slices.SortFunc(truncs, func(a, b int) int { return len(n.lower[b]) - len(n.lower[a]) })
	ri.order = append(ri.order, truncs...)
	if len(ri.order) == 0 && parsed {
		n.relate(ri.related, tag, closest)
		ri.order = n.ordered(ri.related, closest, -1, ri.order)
	}
	return ri
}

// closest returns the index of the language x/text's matcher finds closest to tag, or -1
// when it is not confident: a Low match counts only within one language (zh-TW for zh-CN,
// not en-US for tlh).
func (n *negotiator) closest(tag language.Tag) int {
	_, i, conf := n.matcher.Match(tag)
	switch conf {
	case language.Exact, language.High:
		return i
	case language.Low:
		if b := explicitBase(tag); b != (language.Base{}) && b == n.bases[i] {
			return i
		}
	}
	return -1
}

// relate adds to set the languages related to tag: the closest by x/text (da for nb, iw
// for he) and every language of the same base language (zh-TW and zh-Hant for zh-CN).
func (n *negotiator) relate(set langSet, tag language.Tag, closest int) {
	if closest >= 0 {
		set.add(closest)
	}
	b := explicitBase(tag)
	if b == (language.Base{}) {
		return
	}
	for i, base := range n.bases {
		if base == b {
			set.add(i)
		}
	}
}

// ordered appends the members of set but skip to order: first, when a member, the
// language at index first, then the others in fallback order.
func (n *negotiator) ordered(set langSet, first, skip int, order []int) []int {
	if first >= 0 && first != skip && set.has(first) {
		order = append(order, first)
	}
	for _, i := range n.fallback {
		if i != first && i != skip && set.has(i) {
			order = append(order, i)
		}
	}
	return order
}

// parseLongest parses the longest lookup truncation of a lower-case range that x/text
// accepts as a tag: en-US for en-US-xx, de-DE for de-DE-x.
func parseLongest(key string) (language.Tag, bool) {
	for key != "" {
		if tag, err := language.Parse(key); err == nil {
			return tag, true
		}
		key = truncate(key)
	}
	return language.Und, false
}

// truncate removes the last subtag of a range and, as RFC 4647 §3.4 says, a single-letter
// or single-digit subtag left before it.
func truncate(key string) string {
	i := strings.LastIndexByte(key, '-')
	if i < 0 {
		return ""
	}
	key = key[:i]
	if j := strings.LastIndexByte(key, '-'); j >= 0 && j == len(key)-2 {
		key = key[:j]
	}
	return key
}

// hasSubtagPrefix reports whether tag is prefix or begins with prefix followed by "-".
func hasSubtagPrefix(tag, prefix string) bool {
	return strings.HasPrefix(tag, prefix) && (len(tag) == len(prefix) || tag[len(prefix)] == '-')
}

// normalizeRange lower-cases a range and reads "_" as "-".
func normalizeRange(rng string) string {
	return strings.ReplaceAll(strings.ToLower(rng), "_", "-")
}

// explicitBase returns the base language tag names, or the zero Base when it names none
// (und-TW), so that no likely guess makes two languages one.
func explicitBase(tag language.Tag) language.Base {
	if b, conf := tag.Base(); conf == language.Exact {
		return b
	}
	return language.Base{}
}

// A langSet is a set of language indexes, of any size.
type langSet []uint64

func newLangSet(n int) langSet { return make(langSet, (n+63)/64) }

func (s langSet) add(i int) { s[i>>6] |= 1 << (i & 63) }

func (s langSet) has(i int) bool { return s[i>>6]&(1<<(i&63)) != 0 }
