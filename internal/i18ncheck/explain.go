package i18ncheck

import (
	"fmt"
	"io"
	"strings"
)

// Explain writes what i18ncheck knows of code c: its declaration and, for every locale, its
// text, its hash and its findings.
func (r *Report) Explain(w io.Writer, c *Code) {
	if r.Codes.fromSource() {
		fmt.Fprintf(w, "%s\n  a message id of the source locale %s, at %s\n", c.Name, r.Source.Tag, c.Pos)
		r.explainLocales(w, c)
		return
	}
	fmt.Fprintf(w, "%s = %s (%s.%s)\n  declared at %s\n", c.Name, c.Number, r.Codes.PkgName, c.Ident, c.Pos)
	if len(c.Names) > 1 {
		fmt.Fprintf(w, "  message ids: %s, %s\n", strings.Join(c.Names, ", "), c.Number)
	}
	for _, line := range strings.Split(c.Doc, "\n") {
		if line != "" {
			fmt.Fprintf(w, "  // %s\n", line)
		}
	}
	r.explainLocales(w, c)
}

// explainLocales writes what each locale has for c, the source first.
func (r *Report) explainLocales(w io.Writer, c *Code) {
	src := r.Source.message(c)
	for _, l := range r.orderedLocales() {
		fmt.Fprintln(w)
		r.explainLocale(w, l, c, src)
	}
}

func (r *Report) explainLocale(w io.Writer, l *Locale, c *Code, src *Message) {
	role := ""
	if l == r.Source {
		role = " (source)"
	}
	m := l.message(c)
	if m == nil {
		fmt.Fprintf(w, "%s%s: no message\n", l.Tag, role)
	} else {
		fmt.Fprintf(w, "%s%s: %s at %s\n", l.Tag, role, m.ID, m.Pos)
		for _, f := range pluralForms {
			if text, ok := m.Forms[f]; ok {
				fmt.Fprintf(w, "  %-6s %s\n", f+":", tomlString(text))
			}
		}
		if m.Hash != "" {
			fmt.Fprintf(w, "  hash:  %s\n", m.Hash)
		}
		if l == r.Source {
			fmt.Fprintf(w, "  translations record hash %s\n", m.sourceHash())
		}
	}
	status := r.statusOf(l, c)
	fmt.Fprintf(w, "  status: %s\n", status)
}

// statusOf lists the findings of c in l, or "ok".
func (r *Report) statusOf(l *Locale, c *Code) string {
	var parts []string
	for _, f := range r.Findings {
		if f.Locale == l.Tag && f.Subject == c.Name {
			msg := strings.TrimPrefix(f.Message, l.Tag+": ")
			parts = append(parts, fmt.Sprintf("%s: %s [%s]", f.Severity, strings.TrimPrefix(msg, c.Name+" "), f.Check))
		}
	}
	if len(parts) == 0 {
		return "ok"
	}
	return strings.Join(parts, "\n          ")
}

// orderedLocales returns the source, then the other locales by tag.
func (r *Report) orderedLocales() []*Locale {
	ls := []*Locale{r.Source}
	for _, l := range r.Locales {
		if l != r.Source {
			ls = append(ls, l)
		}
	}
	return ls
}
