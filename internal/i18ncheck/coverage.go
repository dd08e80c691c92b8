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

func (l *Locale) coverage(total int, source bool) report.Coverage {
	return report.Coverage{Locale: l.Tag, Translated: l.Translated, Total: total, Source: source, Unreadable: l.Broken}
}

// Result returns what the formats write: fs, which are r.Findings or what a baseline left of
// them, with r's coverage.
func (r *Report) Result(fs []Finding) *report.Result {
	return &report.Result{
		Package: r.Codes.PkgPath, Type: r.Codes.Type, Source: r.Source.Tag, Codes: len(r.Codes.Codes),
		Findings: fs, Coverage: r.Coverage(),
	}
}
