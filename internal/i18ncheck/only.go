package i18ncheck

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"
)

// only returns r narrowed to the locale tag s and the source: their findings, coverage and
// explanations.
func (r *Report) only(s string) (*Report, error) {
	tag, err := language.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("-locale %q is not a language tag (such as fr-FR or pt-BR)", s)
	}
	l := r.locale(tag.String())
	if l == nil {
		return nil, fmt.Errorf("-locale %s: no message file for it in %s; -write-stubs -locale %s creates one", s, r.cfg.Locales, tag)
	}
	out := *r
	out.Locales = []*Locale{r.Source}
	if l != r.Source {
		out.Locales = append(out.Locales, l)
	}
	out.Findings = slices.DeleteFunc(slices.Clone(r.Findings), func(f Finding) bool { return f.Locale != l.Tag })
	return &out, nil
}
