package i18ncheck

import "github.com/apiswitch/errcode/internal/i18ncheck/report"

// Coverage returns the coverage of every locale, the source first.
func (r *Report) Coverage() []report.Coverage {
	cs := []report.Coverage{r.Source.coverage(len(r.Codes.Codes), true)}
	for _, l := range r.Locales {
		if l != r.Source {
			cs = append(cs, l.coverage(len(r.Codes.Codes), false))
		}
	}
	return cs
}

// coverage counts nothing translated in a language go-i18n has no plural rules for, since a
// bundle refuses all of its messages.
func (l *Locale) coverage(total int, source bool) report.Coverage {
	c := report.Coverage{Locale: l.Tag, Translated: l.Translated, Total: total, Source: source, Unreadable: l.Broken}
	if _, ok := pluralCategories(l.tag); !ok {
		c.Translated, c.Unloadable = 0, true
	}
	return c
}

// Result returns what the formats write: fs, which are r.Findings or what a baseline left of
// them, with r's coverage.
func (r *Report) Result(fs []Finding) *report.Result {
	return &report.Result{
		Package: r.Codes.PkgPath, Type: r.Codes.Type, Source: r.Source.Tag, Codes: len(r.Codes.Codes),
		Findings: fs, Coverage: r.Coverage(),
	}
}
