package i18n

import (
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
)

// Helpers for tests only; the catalog's API is Localizer and LocalizerFor.

// Negotiate returns the language Localizer would choose.
func (c *Catalog) Negotiate(acceptLanguage ...string) language.Tag {
	return c.Localizer(acceptLanguage...).Tag()
}

// Message renders code in the language LocalizerFor(lang) chooses.
func (c *Catalog) Message(lang language.Tag, code codes.Code, data map[string]any) string {
	l, _ := c.LocalizerFor(lang.String())
	return l.Message(code, data)
}
