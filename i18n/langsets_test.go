package i18n

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// Language sets the negotiation tests run against, the default language first.
var (
	twoLanguages   = []string{"zh-CN", "en-US"}
	eightLanguages = []string{"zh-CN", "en-US", "en-GB", "zh-TW", "fr-FR", "de-DE", "pt-BR", "nb"}
	// seventyLanguages is larger than a 64-bit mask, with vi and vi-VN past index 63.
	seventyLanguages = strings.Fields(`zh-CN af am ar ar-EG az be bg bn bs ca cs cy da de-AT de-CH
		de-DE el en-AU en-GB en-IN en-US es-419 es-ES es-MX et eu fa fi fil fr-CA fr-FR gl gu he
		hi hr hu hy id is it ja ka kk km ko lt lv mk ms nb nl pl pt-BR pt-PT ro ru sk sl sr-Cyrl
		sr-Latn sv th tr uk vi vi-VN zh-HK zh-TW`)
	languageSets = map[string][]string{"2": twoLanguages, "8": eightLanguages, "70": seventyLanguages}
)

// languageFiles returns one message file per tag.
func languageFiles(tags []string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, tag := range tags {
		fsys[tag+".toml"] = file(`APP_NOT_FOUND = "` + tag + `"` + "\n")
	}
	return fsys
}

// catalogOf returns a catalog of tags with tags[0] as the default language.
func catalogOf(t testing.TB, tags []string, opts ...Option) *Catalog {
	t.Helper()
	c, err := New(languageFiles(tags), append([]Option{DefaultLanguage(tags[0])}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var (
	setCatalogsOnce sync.Once
	setCatalogs     map[string]*Catalog
)

// sharedCatalogs returns one catalog per language set, built once per process.
func sharedCatalogs(t testing.TB) map[string]*Catalog {
	setCatalogsOnce.Do(func() {
		setCatalogs = map[string]*Catalog{}
		for name, tags := range languageSets {
			setCatalogs[name] = catalogOf(t, tags)
		}
	})
	return setCatalogs
}
