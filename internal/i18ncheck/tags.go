package i18ncheck

import "golang.org/x/text/language"

// canonical returns the canonical form of a language tag, or s if it is not one.
func canonical(s string) string {
	t, err := language.Parse(s)
	if err != nil {
		return s
	}
	return t.String()
}
