package i18n

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// fallbackOrder returns every index of langs (the default language first) in the order
// in which negotiation falls back when nothing the header names is acceptable:
//
//  1. the default language;
//  2. the languages of the FallbackOrder option, in its order;
//  3. the other languages of the default's own language (zh-TW for zh-CN), closest first
//     by x/text;
//  4. English (en-US, en-GB, ...), closest to plain en first: after their own language,
//     the language an API's clients most often read;
//  5. every other language, by tag.
//
// The same order breaks ties between languages that one range matches equally, such as
// the languages "*" covers.
func fallbackOrder(langs []language.Tag, explicit []language.Tag) []int {
	order := make([]int, 0, len(langs))
	taken := make([]bool, len(langs))
	take := func(i int) {
		if !taken[i] {
			taken[i] = true
			order = append(order, i)
		}
	}
	take(0)
	for _, tag := range explicit {
		if i := slices.Index(langs, tag); i >= 0 {
			take(i)
		}
	}
	byTag := make([]int, len(langs))
	for i := range byTag {
		byTag[i] = i
	}
	slices.SortStableFunc(byTag, func(a, b int) int { return strings.Compare(langs[a].String(), langs[b].String()) })
	for _, ref := range []language.Tag{langs[0], language.English} {
		base := explicitBase(ref)
		if base == (language.Base{}) {
			continue
		}
		var group []int
		for _, i := range byTag {
			if !taken[i] && explicitBase(langs[i]) == base {
				group = append(group, i)
			}
		}
		for _, i := range closestFirst(langs, group, ref) {
			take(i)
		}
	}
	for _, i := range byTag {
		take(i)
	}
	return order
}

// closestFirst orders the languages at indexes group by x/text's closeness to ref, by
// asking its matcher for the closest, then the closest of the rest, and so on.
func closestFirst(langs []language.Tag, group []int, ref language.Tag) []int {
	var order []int
	for len(group) > 1 {
		tags := make([]language.Tag, len(group))
		for k, i := range group {
			tags[k] = langs[i]
		}
		_, k, _ := language.NewMatcher(tags).Match(ref)
		order = append(order, group[k])
		group = slices.Delete(slices.Clone(group), k, k+1)
	}
	return append(order, group...)
}
