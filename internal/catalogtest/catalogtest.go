// Package catalogtest builds catalogs for tests and benchmarks of what is cached per
// catalog version, language and code.
package catalogtest

import (
	"fmt"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// Languages loads n languages, n ≥ 1: zh-CN with the embedded zh-CN messages, and n-1
// regional variants of English (en-AD, en-AE, ...) with the embedded en-US messages. It
// returns the catalog and a Localizer of each language, the default first.
func Languages(tb testing.TB, n int) (*i18n.Catalog, []i18n.Localizer) {
	tb.Helper()
	zh, _ := locales.FS.ReadFile("zh-CN.toml")
	en, _ := locales.FS.ReadFile("en-US.toml")
	fsys := fstest.MapFS{"zh-CN.toml": {Data: zh}}
	for a := 'A'; a <= 'Z' && len(fsys) < n; a++ {
		for b := 'A'; b <= 'Z' && len(fsys) < n; b++ {
			name := fmt.Sprintf("en-%c%c", a, b)
			if tag, err := language.Parse(name); err == nil && tag.String() == name {
				fsys[name+".toml"] = &fstest.MapFile{Data: en}
			}
		}
	}
	cat, err := i18n.New(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	var ls []i18n.Localizer
	for _, tag := range cat.Languages() {
		l, _ := cat.LocalizerFor(tag.String())
		ls = append(ls, l)
	}
	if len(ls) != n {
		tb.Fatalf("%d languages, want %d", len(ls), n)
	}
	return cat, ls
}

// unservedCandidates are the languages Unserved picks from, in order.
var unservedCandidates = []string{"fr", "de-DE", "ja", "ko", "ru", "es", "it", "pt-BR", "ar", "tr", "pl", "nl", "sv", "vi", "th", "uk"}

// Unserved returns n language tags that cat serves no language for, not even through
// negotiation ("fr" and "de-DE" while locales/ has no French or German), for tests that need
// a language the catalog lacks: adding a language to locales/ changes none of their answers.
func Unserved(tb testing.TB, cat *i18n.Catalog, n int) []string {
	tb.Helper()
	var tags []string
	for _, tag := range unservedCandidates {
		if _, ok := cat.LocalizerFor(tag); !ok && len(tags) < n {
			tags = append(tags, tag)
		}
	}
	if len(tags) < n {
		tb.Fatalf("the catalog serves all but %d of %v: want %d languages it lacks", len(tags), unservedCandidates, n)
	}
	return tags
}
