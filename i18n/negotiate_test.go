package i18n

import (
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/locales"
)

func mustNew(t testing.TB, opts ...Option) *Catalog {
	t.Helper()
	c, err := New(locales.FS, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestNegotiate is written for the two languages of the embedded files, zh-CN and en-US,
// and runs on a catalog of those two alone, so that a language added to locales/ changes
// none of its answers.
func TestNegotiate(t *testing.T) {
	c := catalogOf(t, twoLanguages)
	filler := strings.Repeat("fr;q=0.1,", 60) // 540 bytes
	tests := []struct {
		name   string
		header []string
		want   string
	}{
		// Real browsers.
		{"Chrome zh", []string{"zh-CN,zh;q=0.9,en;q=0.8"}, "zh-CN"},
		{"Chrome en", []string{"en-US,en;q=0.9"}, "en-US"},
		{"Firefox zh", []string{"zh-CN,zh;q=0.8,zh-TW;q=0.7,zh-HK;q=0.5,en-US;q=0.3,en;q=0.2"}, "zh-CN"},
		{"Firefox en", []string{"en-US,en;q=0.5"}, "en-US"},
		{"Safari en-GB", []string{"en-GB,en;q=0.9"}, "en-US"},
		{"Safari zh", []string{"zh-CN,zh-Hans;q=0.9"}, "zh-CN"},
		{"Edge en first", []string{"en-US,en;q=0.9,zh-CN;q=0.8,zh;q=0.7"}, "en-US"},
		{"iOS zh-Hans-CN", []string{"zh-Hans-CN,zh-Hans;q=0.9,en-US;q=0.8"}, "zh-CN"},
		{"Android", []string{"zh-CN,zh;q=0.9,en-US;q=0.8,en;q=0.7"}, "zh-CN"},
		{"curl", nil, "zh-CN"},
		// Chinese variants.
		{"zh-TW", []string{"zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7"}, "zh-CN"},
		{"zh-HK", []string{"zh-HK"}, "zh-CN"},
		{"zh-Hant-TW", []string{"zh-Hant-TW"}, "zh-CN"},
		{"zh-Hant", []string{"zh-Hant"}, "zh-CN"},
		{"zh", []string{"zh"}, "zh-CN"},
		// English variants.
		{"en", []string{"en"}, "en-US"},
		{"en-GB", []string{"en-GB"}, "en-US"},
		{"en_US underscore", []string{"en_US"}, "en-US"},
		{"case", []string{"EN-us"}, "en-US"},
		{"case zh", []string{"ZH-cn;Q=0.9, EN;Q=0.5"}, "zh-CN"},
		// No match: the default language, never 406.
		{"fr", []string{"fr"}, "zh-CN"},
		{"de-DE", []string{"de-DE"}, "zh-CN"},
		{"fr then en", []string{"fr, en;q=0.5"}, "en-US"},
		{"ja ko", []string{"ja-JP,ko;q=0.9"}, "zh-CN"},
		// q.
		{"q order", []string{"en;q=0.5, zh;q=0.8"}, "zh-CN"},
		{"q tie keeps order", []string{"en;q=0.5, zh;q=0.5"}, "en-US"},
		{"Q upper", []string{"en;Q=0.5"}, "en-US"},
		{"q with spaces", []string{"zh ; q=0.1 , en ; q=0.9"}, "en-US"},
		{"q three decimals", []string{"zh;q=0.001, en;q=0.002"}, "en-US"},
		{"q=1.000", []string{"en;q=1.000"}, "en-US"},
		{"extra parameter", []string{"en;q=0.5;foo=bar"}, "en-US"},
		{"bad q drops the entry", []string{"zh;q=2, en;q=0.1"}, "en-US"},
		{"bad q word", []string{"zh;q=abc, en;q=0.1"}, "en-US"},
		{"bad q four decimals", []string{"zh;q=0.1234, en;q=0.1"}, "en-US"},
		{"q=0. is 0", []string{"zh;q=0."}, "en-US"},
		{"bad q 1.5", []string{"zh;q=1.5, en;q=0.1"}, "en-US"},
		// q=0 excludes.
		{"zh;q=0 alone", []string{"zh;q=0"}, "en-US"},
		{"zh;q=0, en", []string{"zh;q=0, en"}, "en-US"},
		{"zh-CN;q=0, en", []string{"zh-CN;q=0, en"}, "en-US"},
		{"q=0.000", []string{"zh;q=0.000"}, "en-US"},
		{"excluded match", []string{"zh-TW, zh-CN;q=0"}, "en-US"},
		{"exclusion is by prefix", []string{"en-GB;q=0, en"}, "en-US"},
		{"all excluded", []string{"zh;q=0, en;q=0"}, "zh-CN"},
		// Wildcard.
		{"*", []string{"*"}, "zh-CN"},
		{"* above en", []string{"en;q=0.5, *"}, "zh-CN"},
		{"zh-TW alone excluded", []string{"zh-TW;q=0"}, "zh-CN"},
		{"* below en", []string{"*;q=0.5, en"}, "en-US"},
		{"* with zh excluded", []string{"zh;q=0, *"}, "en-US"},
		{"*;q=0 ignored", []string{"*;q=0, en"}, "en-US"},
		// Malformed entries drop alone.
		{"bad entry after", []string{"en-US, bad_tag_xxxxxxxxxx"}, "en-US"},
		{"bad entry before", []string{"bad_tag_xxxxxxxxxx, en"}, "en-US"},
		{"garbage", []string{"!!!"}, "zh-CN"},
		{"semicolons", []string{";;;,,,"}, "zh-CN"},
		{"empty", []string{""}, "zh-CN"},
		{"digit first", []string{"1en, en"}, "en-US"},
		{"parameter without value", []string{"zh;q, en"}, "en-US"},
		{"too long range", []string{strings.Repeat("a", 65) + ", en"}, "en-US"},
		{"non-ASCII", []string{"中文, en"}, "en-US"},
		// Several header lines are one list.
		{"two lines", []string{"fr", "en"}, "en-US"},
		{"two lines q=0", []string{"zh;q=0", "en;q=0.1"}, "en-US"},
		// Bounds: 500 bytes, 32 entries, cut at a comma.
		{"beyond 500 bytes", []string{filler + "en"}, "zh-CN"},
		{"huge tail ignored", []string{"en," + strings.Repeat("x", 1<<20)}, "en-US"},
		{"33rd entry ignored", []string{strings.Repeat("fr,", 32) + "en"}, "zh-CN"},
		{"32nd entry read", []string{strings.Repeat("fr,", 31) + "en"}, "en-US"},
		{"entry cut at 500", []string{strings.Repeat("!,", 248) + "en-US"}, "zh-CN"},
		{"entry ending at 500", []string{strings.Repeat("!,", 249) + "en,fr"}, "en-US"},
		{"entry ending at 500 alone", []string{strings.Repeat("!,", 249) + "en"}, "en-US"},
		{"budget spans lines", []string{strings.Repeat("!,", 249), "en"}, "zh-CN"},
		{"second line read", []string{strings.Repeat("!,", 200), "en"}, "en-US"},
		{"white space after an entry ending at 500", []string{strings.Repeat("!,", 248) + "en   ,fr"}, "en-US"},
		{"white space then its weight beyond 500", []string{strings.Repeat("!,", 248) + "en      ;q=0.5"}, "zh-CN"},
		{"comma at the end of the lookahead", []string{strings.Repeat("!,", 249) + "en" + strings.Repeat(" ", 500) + ",fr"}, "en-US"},
		{"comma past the lookahead", []string{strings.Repeat("!,", 249) + "en" + strings.Repeat(" ", 501) + ",fr"}, "zh-CN"},
		{"line end at the end of the lookahead", []string{strings.Repeat("!,", 249) + "en" + strings.Repeat(" ", 500), "fr"}, "en-US"},
		{"line end past the lookahead", []string{strings.Repeat("!,", 249) + "en" + strings.Repeat(" ", 501), "fr"}, "zh-CN"},
		// A more specific range sets the weight of what it matches (RFC 9110 §12.5.4, RFC 4647 §3.3).
		{"specific range over q=0", []string{"en;q=0, en-US"}, "en-US"},
		{"specific range before q=0", []string{"en-US;q=0.9, en;q=0"}, "en-US"},
		{"specific q=0 over broader range", []string{"en-US;q=0, en"}, "zh-CN"},
		{"specific low q over broader high q", []string{"en;q=0.9, en-US;q=0.1, zh;q=0.5"}, "zh-CN"},
		{"duplicate range, highest q", []string{"en;q=0.1, zh;q=0.5, EN;q=0.9"}, "en-US"},
		// Lookup truncation (RFC 4647 §3.4).
		{"unknown trailing subtag", []string{"en-US-xx"}, "en-US"},
		{"trailing singleton", []string{"en-US-x, zh;q=0.5"}, "en-US"},
		{"private use after the region", []string{"en-US-x-twain, zh;q=0.5"}, "en-US"},
		{"truncation q=0 excludes nothing", []string{"en-US-xx;q=0"}, "zh-CN"},
		{"subtag of 9 characters is malformed", []string{"en-US-abcdefghi, zh;q=0.5"}, "zh-CN"},
		// "_" is "-" everywhere.
		{"underscore range", []string{"zh_CN"}, "zh-CN"},
		{"underscore q=0", []string{"zh_CN;q=0"}, "en-US"},
		{"underscore q=0 then zh", []string{"zh_CN;q=0, zh"}, "en-US"},
		// Low-confidence x/text matches are not matches.
		{"tlh", []string{"tlh"}, "zh-CN"},
		{"i-klingon", []string{"i-klingon"}, "zh-CN"},
		{"yi", []string{"yi, zh;q=0.5"}, "zh-CN"},
		// "*" is every language no other range matches (RFC 9110 §12.5.4).
		{"* over a low zh", []string{"zh;q=0.1, *"}, "en-US"},
		{"* ties lose to a named range", []string{"*, en"}, "en-US"},
		{"* covers only the unnamed", []string{"en;q=0.1, *;q=0.5"}, "zh-CN"},
		{"*;q=0 excludes the unnamed", []string{"*;q=0, en;q=0.1"}, "en-US"},
		{"*;q=0 alone", []string{"*;q=0"}, "zh-CN"},
		// Parameters: q in either case, once; others ignored; RFC 9110's grammar otherwise.
		{"quoted parameter with a comma", []string{`en-US;foo="bar,baz", zh;q=0.5`}, "en-US"},
		{"two q parameters", []string{"en;q=0.5;q=0.6, zh;q=0.1"}, "zh-CN"},
		{"empty parameter", []string{"en;, zh;q=0.1"}, "zh-CN"},
		{"white space around =", []string{"en;q = 0.5, zh;q=0.1"}, "zh-CN"},
		{"quoted q", []string{`en;q="0.5", zh;q=0.1`}, "zh-CN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The second call answers from the header cache.
			for range 2 {
				if got := c.Negotiate(tt.header...).String(); got != tt.want {
					t.Errorf("Negotiate(%q) = %s, want %s", tt.header, got, tt.want)
				}
			}
		})
	}
}

func TestNegotiateThreeLanguages(t *testing.T) {
	fsys := fstest.MapFS{
		"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = "未找到应用"`)},
		"en-US.toml": {Data: []byte(`APP_NOT_FOUND = "The app was not found."`)},
		"fr-FR.toml": {Data: []byte(`APP_NOT_FOUND = "L'application est introuvable."`)},
	}
	c, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"fr":                     "fr-FR",
		"fr-CA":                  "fr-FR",
		"fr;q=0, en":             "en-US",
		"de, fr;q=0.5, en;q=0.4": "fr-FR",
		"en;q=0.4, fr;q=.5":      "en-US", // ".5" is not a qvalue: that entry is dropped
		"zh;q=0, en;q=0":         "fr-FR",
	}
	for h, want := range tests {
		if got := c.Negotiate(h).String(); got != want {
			t.Errorf("Negotiate(%q) = %s, want %s", h, got, want)
		}
	}
	if got := c.Languages(); len(got) != 3 || got[0].String() != "zh-CN" {
		t.Errorf("Languages() = %v, want zh-CN first of three", got)
	}
}

func TestLocalizerFor(t *testing.T) {
	c := catalogOf(t, twoLanguages) // as TestNegotiate
	tests := []struct {
		tag  string
		want string
		ok   bool
	}{
		{"en", "en-US", true},
		{"EN-gb", "en-US", true},
		{"zh-CN", "zh-CN", true},
		{"zh-TW", "zh-CN", true},
		{"fr", "zh-CN", false},
		{"*", "zh-CN", false},
		{"", "zh-CN", false},
		{"en;q=1", "zh-CN", false},
		{"../../etc", "zh-CN", false},
		{"en_GB", "en-US", true},
		{"ZH_tw", "zh-CN", true},
		{"en-US-xx", "en-US", true},
		{"tlh", "zh-CN", false},
		{"en-US-u-ca-gregory-co-phonebk-cu-usd-fw-mon-hc-h23-ka-noignore-kb-true", "zh-CN", false}, // longer than a range may be
		{"en-US-u-ca-gregory-co-phonebk-cu-usd", "en-US", true},
	}
	for _, tt := range tests {
		l, ok := c.LocalizerFor(tt.tag)
		if l.String() != tt.want || ok != tt.ok {
			t.Errorf("LocalizerFor(%q) = %s, %v; want %s, %v", tt.tag, l, ok, tt.want, tt.ok)
		}
	}
}

// TestIndex checks that Index is the position in Languages of the language a Localizer
// renders, however it was chosen, and stays so after a reload adds a language.
func TestIndex(t *testing.T) {
	tags := []string{"zh-CN", "en-US", "fr", "de", "ja"}
	c := catalogOf(t, tags[:4])
	if i := (Localizer{}).Index(); i != 0 {
		t.Errorf("the zero Localizer's Index() = %d, want 0", i)
	}
	check := func() {
		t.Helper()
		for want, tag := range c.Languages() {
			for _, l := range []Localizer{c.Localizer(tag.String()), must(c.LocalizerFor(tag.String()))} {
				if l.Index() != want || l.Tag() != tag {
					t.Errorf("%s: Index() = %d, Tag() = %s; want %d, %s", tag, l.Index(), l.Tag(), want, tag)
				}
			}
		}
		if i := c.Localizer("tlh").Index(); i != 0 {
			t.Errorf("the default language's Index() = %d, want 0", i)
		}
	}
	check()
	if err := c.Reload(languageFiles(tags)); err != nil {
		t.Fatal(err)
	}
	if n := len(c.Languages()); n != len(tags) {
		t.Fatalf("after the reload: %d languages, want %d", n, len(tags))
	}
	check()
}

// must is the Localizer of LocalizerFor, which must have found one.
func must(l Localizer, ok bool) Localizer {
	if !ok {
		panic("LocalizerFor found no language for " + l.String())
	}
	return l
}

func itoa36(i int) string {
	const digits = "abcdefghijklmnopqrstuvwxyz0123456789"
	s := ""
	for ; i > 0; i /= 36 {
		s = string(digits[i%36]) + s
	}
	return s + "z"
}

// TestNegotiateSets checks the rules where they need more languages than the embedded
// two: several languages of one base, x/text's relations, more than 64 languages.
func TestNegotiateSets(t *testing.T) {
	catalogs := sharedCatalogs(t)
	tests := []struct {
		set, header, want string
	}{
		// An excluded best match is not the end of a range.
		{"8", "en-US;q=0, en", "en-GB"},
		{"8", "zh-CN;q=0, zh", "zh-TW"},
		{"8", "en-GB;q=0, en-US;q=0, en, fr;q=0.5", "fr-FR"},
		{"8", "en", "en-US"}, // x/text's closest first
		{"8", "zh", "zh-CN"},
		// Lookup truncation.
		{"8", "de-DE-x, en;q=0.5", "de-DE"},
		{"8", "de-CH-1996, en;q=0.5", "de-DE"}, // de-CH is related to de-DE
		{"8", "pt-BR-abl1943", "pt-BR"},
		// x/text's relations, for a range that matches nothing by the RFC.
		{"8", "zh-TW", "zh-TW"},
		{"8", "zh-HK", "zh-TW"},
		{"8", "zh-Hant", "zh-TW"},
		{"8", "zh-Hans-CN", "zh-CN"},
		{"8", "en-IN", "en-GB"},
		{"8", "en-AU, fr;q=0.5", "en-GB"},
		{"8", "da", "nb"},
		{"8", "no", "nb"},
		{"8", "fr-CA", "fr-FR"},
		{"8", "pt-PT", "pt-BR"},
		{"8", "en-IN, en-GB;q=0", "en-US"},
		{"8", "en-GB;q=0.9, zh;q=0.7, en;q=0.5", "en-GB"},
		{"8", "en-AU;q=0.9, zh;q=0.7, en;q=0.5", "zh-CN"}, // en sets the weight of every English
		// Fallback order: the default, its relatives, English, then by tag.
		{"8", "zh-CN;q=0", "zh-TW"},
		{"8", "zh;q=0", "en-US"},
		{"8", "zh;q=0, en-US;q=0", "en-GB"},
		{"8", "zh;q=0, en;q=0", "de-DE"},
		{"8", "zh;q=0, en;q=0, de;q=0, fr;q=0, nb;q=0, pt;q=0", "zh-CN"}, // all excluded: never 406
		{"8", "zh;q=0.1, *", "en-US"},
		{"8", "*;q=0.5, fr", "fr-FR"},
		// More than 64 languages.
		{"70", "vi;q=0, vi-VN", "vi-VN"},
		{"70", "vi-VN;q=0, vi", "vi"},
		{"70", "vi-VN;q=0", "zh-CN"},
		{"70", "zh-TW;q=0, zh-HK;q=0, zh", "zh-CN"},
		{"70", "zh-CN;q=0, zh", "zh-HK"}, // zh-HK before zh-TW in fallback order
		{"70", "sr", "sr-Cyrl"},          // x/text: sr is sr-Cyrl-RS
		{"70", "sh", "sr-Latn"},
		{"70", "iw", "he"},
		{"70", "tl", "fil"},
		{"70", "es-AR", "es-419"},
	}
	for _, tt := range tests {
		c := catalogs[tt.set]
		for range 2 {
			if got := c.Negotiate(tt.header).String(); got != tt.want {
				t.Errorf("%s languages: Negotiate(%q) = %s, want %s", tt.set, tt.header, got, tt.want)
			}
		}
	}
}

// TestMoreThan64Languages checks q=0 on both sides of a 64-bit mask: the excluded
// language is at index 62 to 65.
func TestMoreThan64Languages(t *testing.T) {
	var filler []string
	for _, tag := range seventyLanguages[1:] {
		if tag < "vi" && !strings.HasPrefix(tag, "zh") {
			filler = append(filler, tag)
		}
	}
	for _, size := range []int{64, 65, 66, 67} {
		tags := append(append([]string{"zh-CN"}, filler[:size-3]...), "vi", "vi-VN")
		c := catalogOf(t, tags)
		if n := len(c.Languages()); n != size || c.Languages()[size-1].String() != "vi-VN" {
			t.Fatalf("%d languages: got %d, the last %s", size, n, c.Languages()[n-1])
		}
		for header, want := range map[string]string{"vi;q=0, vi-VN": "vi-VN", "vi-VN;q=0, vi": "vi", "vi-VN;q=0": "zh-CN", "vi;q=0.5, vi-VN;q=0": "vi"} {
			if got := c.Negotiate(header).String(); got != want {
				t.Errorf("%d languages: Negotiate(%q) = %s, want %s", size, header, got, want)
			}
		}
	}
}

func TestFallbackOrder(t *testing.T) {
	tests := []struct {
		tags   []string
		option []string
		want   string
	}{
		{twoLanguages, nil, "zh-CN en-US"},
		{eightLanguages, nil, "zh-CN zh-TW en-US en-GB de-DE fr-FR nb pt-BR"},
		{[]string{"en-US", "zh-CN", "en-GB", "fr"}, nil, "en-US en-GB fr zh-CN"},
		{[]string{"zh-CN", "zh-TW", "zh-HK", "zh-SG", "en-AU", "en", "ja"}, nil, "zh-CN zh-SG zh-HK zh-TW en en-AU ja"},
		{eightLanguages, []string{"fr-FR", "zh-CN", "ja", "pt-BR"}, "zh-CN fr-FR pt-BR zh-TW en-US en-GB de-DE nb"},
		{eightLanguages, []string{"en-gb", "EN_us"}, "zh-CN en-GB en-US zh-TW de-DE fr-FR nb pt-BR"},
	}
	for _, tt := range tests {
		c := catalogOf(t, tt.tags, FallbackOrder(tt.option...))
		s := c.cur.Load()
		var got []string
		for _, i := range s.neg.fallback {
			got = append(got, s.langs[i].String())
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%v with FallbackOrder(%q): order %v, want %s", tt.tags, tt.option, got, tt.want)
		}
	}
	// The option changes what an excluded default falls back to.
	c := catalogOf(t, eightLanguages, FallbackOrder("fr-FR"))
	if got := c.Negotiate("zh;q=0, ja").String(); got != "fr-FR" {
		t.Errorf("with FallbackOrder(fr-FR): Negotiate(zh;q=0, ja) = %s, want fr-FR", got)
	}
}

// TestNegotiateNoHeader checks that a request without Accept-Language, answered without
// parsing, gets what a header with no usable preference gets by the parsing path: the
// default language, whatever the fallback order.
func TestNegotiateNoHeader(t *testing.T) {
	for _, tt := range []struct {
		tags   []string
		option []string
	}{
		{twoLanguages, nil},
		{eightLanguages, nil},
		{seventyLanguages, nil},
		{[]string{"en-US", "zh-CN", "en-GB", "fr"}, nil},
		{eightLanguages, []string{"fr-FR", "zh-CN", "ja", "pt-BR"}},
	} {
		c := catalogOf(t, tt.tags, FallbackOrder(tt.option...))
		none := c.Localizer()
		if none.Index() != 0 || none.Tag() != c.Languages()[0] {
			t.Errorf("%v: Localizer() = %s (%d), want the default %s", tt.tags, none, none.Index(), c.Languages()[0])
		}
		for _, h := range [][]string{{""}, {" , "}, {"", ""}, {"x-not-a-range!"}} {
			if l := c.Localizer(h...); l != none {
				t.Errorf("%v: Localizer(%q) = %s, Localizer() = %s", tt.tags, h, l, none)
			}
		}
	}
}

func TestOptionErrors(t *testing.T) {
	for _, opt := range []Option{DefaultLanguage(""), DefaultLanguage("not a tag"), FallbackOrder("en-US", "x_"), DefaultLanguage("fr")} {
		if _, err := New(locales.FS, opt); err == nil {
			t.Errorf("New accepted an invalid option")
		} else if !strings.HasPrefix(err.Error(), "i18n: ") {
			t.Errorf("error %q does not start with i18n:", err)
		}
	}
	c, err := New(locales.FS, DefaultLanguage("en_us"))
	if err != nil || c.Languages()[0].String() != "en-US" {
		t.Errorf(`DefaultLanguage("en_us"): %v, default %v`, err, c.Languages())
	}
}

// TestNegotiationCachesBounded sends three times as many distinct headers as a cache
// holds: both caches stay within their capacity and answers stay right.
func TestNegotiationCachesBounded(t *testing.T) {
	c := mustNew(t)
	for i := range 3 * cacheCapacity {
		c.Negotiate("x" + strings.Repeat("a", i%7) + "-" + itoa36(i))
	}
	s := c.cur.Load().neg
	if n := s.ranges.len(); n > cacheCapacity || n < cacheCapacity/2 {
		t.Errorf("range cache holds %d ranges, want at most %d", n, cacheCapacity)
	}
	if n := s.headers.len(); n > cacheCapacity || n < cacheCapacity/2 {
		t.Errorf("header cache holds %d headers, want at most %d", n, cacheCapacity)
	}
	for range 2 {
		if got := c.Negotiate("en").String(); got != "en-US" {
			t.Errorf("Negotiate(en) after the caches filled = %s", got)
		}
	}
	if _, ok := s.headers.get("en"); !ok {
		t.Error("a full header cache did not take a new header")
	}
}

// TestNegotiationCachesKeepBrowsers interleaves junk headers with browsers' own: the
// browsers' headers keep being answered from the cache.
func TestNegotiationCachesKeepBrowsers(t *testing.T) {
	c := mustNew(t)
	s := c.cur.Load().neg
	r := rand.New(rand.NewPCG(5, 5))
	var header []byte
	misses := 0
	const rounds = 20_000
	for i := range rounds {
		header = randomHeader(r, header[:0], i)
		c.Localizer(string(header))
		h := browserHeaders[i%len(browserHeaders)]
		if _, ok := s.headers.get(h); !ok && i >= len(browserHeaders) {
			misses++
		}
		c.Localizer(h)
	}
	if misses > rounds/1000 {
		t.Errorf("browser headers missed the cache %d times in %d, want at most %d", misses, rounds, rounds/1000)
	}
}

// TestQZeroExcludesByFilteringOnly: a q=0 range excludes the languages it names or that
// begin with it, never the shorter languages its truncations would reach.
func TestQZeroExcludesByFilteringOnly(t *testing.T) {
	c := catalogOf(t, []string{"zh-CN", "en", "en-GB-oxendict"})
	for header, want := range map[string]string{
		"zh;q=0, en-US;q=0":      "en",             // en-US;q=0 does not exclude en
		"zh;q=0, en;q=0":         "zh-CN",          // en excludes en and en-GB-oxendict
		"en-GB;q=0, en":          "en",             // en-GB;q=0 excludes en-GB-oxendict only
		"en-GB, en;q=0.5":        "en-GB-oxendict", // filtering before truncation
		"en-GB-oxendict-x, zh":   "en-GB-oxendict",
		"en-GB-oxendict;q=0, en": "en",
	} {
		if got := c.Negotiate(header).String(); got != want {
			t.Errorf("Negotiate(%q) = %s, want %s", header, got, want)
		}
	}
}
