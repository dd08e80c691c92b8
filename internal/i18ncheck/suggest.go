package i18ncheck

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/apiswitch/errcode/internal/typo"
)

// maxSuggestions is how many names a miss of -explain suggests.
const maxSuggestions = 5

// lookupFold returns the code whose name, identifier or number is s in any case.
func (r *Report) lookupFold(s string) *Code {
	for _, c := range r.Codes.Codes {
		if slices.ContainsFunc(c.ids(), func(id string) bool { return strings.EqualFold(id, s) }) {
			return c
		}
	}
	return nil
}

// ids returns every string that names c: its names, its identifier and its number.
func (c *Code) ids() []string {
	ids := slices.Clone(c.Names)
	for _, s := range []string{c.Ident, c.Number} {
		if s != "" && !slices.Contains(ids, s) {
			ids = append(ids, s)
		}
	}
	return ids
}

// suggest returns the codes whose names are nearest to s, ignoring case: those that contain
// it, and those a few typing mistakes away, nearest first; at most maxSuggestions of them,
// and how many there are in all.
func (r *Report) suggest(s string) ([]*Code, int) {
	type scored struct {
		c    *Code
		dist int
	}
	query := strings.ToLower(s)
	limit := max(2, len([]rune(query))/3)
	var found []scored
	for _, c := range r.Codes.Codes {
		best := -1
		for _, id := range c.ids() {
			id = strings.ToLower(id)
			d := typo.Distance(query, id)
			if strings.Contains(id, query) {
				d = min(d, limit) // a part of the name is as good as a near miss
			}
			if d <= limit && (best < 0 || d < best) {
				best = d
			}
		}
		if best >= 0 {
			found = append(found, scored{c, best})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return cmp.Compare(a.dist, b.dist) })
	var out []*Code
	for _, f := range found[:min(len(found), maxSuggestions)] {
		out = append(out, f.c)
	}
	return out, len(found)
}

// didYouMean says "; did you mean A (1), B (2) or C (3)?", or nothing; total counts the
// suggestions cs leaves out.
func didYouMean(cs []*Code, total int) string {
	if len(cs) == 0 {
		return ""
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.title())
	}
	list := names[0]
	if len(names) > 1 {
		list = strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	if more := total - len(cs); more > 0 {
		list += fmt.Sprintf(" (%d more match)", more)
	}
	return "; did you mean " + list + "?"
}
