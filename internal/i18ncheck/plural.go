package i18ncheck

import (
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// pluralCounts are the counts pluralCategories tries: enough integers and decimals to reach
// every CLDR category, including those that only large or fractional numbers select.
var pluralCounts = func() []any {
	var cs []any
	for i := range 1001 {
		cs = append(cs, i)
	}
	for n := 10000; n <= 1000000000; n *= 10 {
		cs = append(cs, n)
	}
	for _, s := range []string{
		"0.0", "0.1", "0.2", "0.5", "1.0", "1.1", "1.5", "2.0", "2.1", "2.5", "3.0", "3.5",
		"5.0", "5.5", "10.0", "10.1", "11.0", "11.5", "20.1", "100.0", "101.1", "1000.0",
		"0.00", "1.00", "1.01", "1.50", "2.00", "0.01", "1000000.0",
	} {
		cs = append(cs, s)
	}
	return cs
}()

var pluralCache sync.Map // language tag string → map[string]bool or nil

// pluralCategories returns the plural forms go-i18n's runtime selects for tag, found by
// asking a bundle that holds a message with every form, so that the check agrees with the
// runtime's CLDR rules. ok is false when go-i18n has no plural rule for tag: a bundle then
// refuses every message of that language.
func pluralCategories(tag language.Tag) (forms map[string]bool, ok bool) {
	key := tag.String()
	if v, hit := pluralCache.Load(key); hit {
		forms, _ = v.(map[string]bool)
		return forms, forms != nil
	}
	forms = probePlural(tag)
	pluralCache.Store(key, forms)
	return forms, forms != nil
}

func probePlural(tag language.Tag) map[string]bool {
	b := i18n.NewBundle(tag)
	msg := &i18n.Message{ID: "p"}
	msg.Zero, msg.One, msg.Two, msg.Few, msg.Many, msg.Other = "zero", "one", "two", "few", "many", "other"
	if err := b.AddMessages(tag, msg); err != nil {
		return nil
	}
	loc := i18n.NewLocalizer(b, tag.String())
	forms := map[string]bool{}
	for _, c := range pluralCounts {
		out, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "p", PluralCount: c})
		if err == nil {
			forms[out] = true
		}
	}
	return forms
}

// formList returns forms in CLDR order.
func formList(forms map[string]bool) []string {
	var l []string
	for _, f := range pluralForms {
		if forms[f] {
			l = append(l, f)
		}
	}
	return l
}
