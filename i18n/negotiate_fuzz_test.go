package i18n

import (
	"slices"
	"testing"
)

// negotiationSeeds are headers that exercise each rule and each difference.
var negotiationSeeds = []string{
	"zh-CN,zh;q=0.9,en;q=0.8", "en-US,en;q=0.9", "en-GB,en;q=0.9", "zh-TW,zh;q=0.9,en-US;q=0.8",
	"zh-Hans-CN,zh-Hans;q=0.9", "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5",
	"en;q=0, en-US", "en-US;q=0.9, en;q=0", "en-US;q=0, en", "zh-CN;q=0, zh", "en-US-xx",
	"de-DE-x, en;q=0.5", "zh_CN;q=0", "tlh", "i-klingon", "zh;q=0.1, *", "*", "*;q=0",
	"vi;q=0, vi-VN", "nb, da;q=0.5", "iw", "sr-Cyrl", "x-private", "en-US;foo=\"bar,baz\", en-GB",
	"en;Q=0.5", "en ; q=0.5 ; level=1", "en;q=0.5;q=0.6", "en;", "12-345", "", ";;,,",
}

// FuzzNegotiateOracle checks the catalog's negotiation against the oracle, written
// straight from the RFCs, on the 2-, 8- and 70-language sets, for one header line and
// for two.
func FuzzNegotiateOracle(f *testing.F) {
	for _, s := range negotiationSeeds {
		f.Add(s, "")
	}
	f.Add("fr", "en")
	f.Add("zh;q=0", "en;q=0.1")
	catalogs := sharedCatalogs(f)
	oracles := map[string]*oracle{}
	for name, c := range catalogs {
		s := c.cur.Load()
		oracles[name] = newOracle(s.langs, s.neg.fallback)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for name, c := range catalogs {
			o := oracles[name]
			for _, values := range [][]string{{a}, {a, b}} {
				want := o.tags[o.negotiate(values)]
				for range 2 { // the second answer comes from the caches
					if got := c.Negotiate(values...); got != want {
						t.Fatalf("%s languages: Negotiate(%q) = %s, the oracle says %s", name, values, got, want)
					}
				}
			}
		}
	})
}

// FuzzNegotiate checks properties that hold whatever the language set: the answer is a
// catalog language, and ASCII case does not change it.
func FuzzNegotiate(f *testing.F) {
	for _, s := range negotiationSeeds {
		f.Add(s, "")
	}
	c := mustNew(f)
	langs := c.Languages()
	f.Fuzz(func(t *testing.T, a, b string) {
		got := c.Negotiate(a, b)
		if !slices.Contains(langs, got) {
			t.Fatalf("Negotiate(%q, %q) = %s, not a catalog language", a, b, got)
		}
		upper := c.Negotiate(asciiCase(a, true), asciiCase(b, true))
		lower := c.Negotiate(asciiCase(a, false), asciiCase(b, false))
		if upper != got || lower != got {
			t.Fatalf("Negotiate(%q, %q) = %s, upper case %s, lower case %s", a, b, got, upper, lower)
		}
	})
}

// FuzzLocalizerFor checks that a single tag, as from ?lang=, never panics and chooses
// what the header holding only that tag chooses.
func FuzzLocalizerFor(f *testing.F) {
	for _, s := range []string{"en", "EN_gb", "zh-Hant-TW", "*", "", "en;q=1", "../../etc", "en-US-u-ca-gregory-co-phonebk-cu-usd-fw-mon-hc-h23-ka-noignore-kb-true"} {
		f.Add(s)
	}
	catalogs := sharedCatalogs(f)
	f.Fuzz(func(t *testing.T, tag string) {
		for name, c := range catalogs {
			l, ok := c.LocalizerFor(tag)
			if l.Message(0, nil) == "" || (ok && !validRange(tag)) {
				t.Fatalf("%s languages: LocalizerFor(%q) = %s, %v", name, tag, l, ok)
			}
			if ok && c.Negotiate(tag) != l.Tag() {
				t.Fatalf("%s languages: LocalizerFor(%q) = %s, Negotiate = %s", name, tag, l, c.Negotiate(tag))
			}
		}
	})
}

// FuzzOptions checks that a tag given to DefaultLanguage or FallbackOrder never panics:
// New either loads or says why not.
func FuzzOptions(f *testing.F) {
	f.Add("en-US", "zh-TW")
	f.Add("en_us", "")
	f.Add("", "*")
	f.Add("x-klingon", "en-US-u-ca-gregory-co-phonebk-cu-usd-fw-mon-hc-h23-ka-noignore-kb-true")
	fsys := languageFiles(eightLanguages)
	f.Fuzz(func(t *testing.T, def, fallback string) {
		c, err := New(fsys, DefaultLanguage(def), FallbackOrder(fallback, def))
		if err != nil {
			return
		}
		if got := c.Languages()[0]; !slices.Contains(eightLanguages, got.String()) {
			t.Fatalf("DefaultLanguage(%q) gave default %s", def, got)
		}
		if c.Localizer("zh;q=0, en;q=0").Message(0, nil) == "" {
			t.Fatal("empty message")
		}
	})
}
