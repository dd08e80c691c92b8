package i18n

import (
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

func TestNegotiate(t *testing.T) {
	c := mustNew(t)
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
	c := mustNew(t)
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
	}
	for _, tt := range tests {
		l, ok := c.LocalizerFor(tt.tag)
		if l.String() != tt.want || ok != tt.ok {
			t.Errorf("LocalizerFor(%q) = %s, %v; want %s, %v", tt.tag, l, ok, tt.want, tt.ok)
		}
	}
}

func TestParseQ(t *testing.T) {
	good := map[string]int{"0": 0, "0.": 0, "0.5": 500, "0.125": 125, "1": 1000, "1.": 1000, "1.0": 1000, "1.000": 1000, "0.001": 1}
	for s, want := range good {
		if got, ok := parseQ(s); !ok || got != want {
			t.Errorf("parseQ(%q) = %d, %v; want %d, true", s, got, ok, want)
		}
	}
	for _, s := range []string{"", ".5", "2", "1.5", "1.001", "0.1234", "-1", "0,5", "abc", "0.5 "} {
		if got, ok := parseQ(s); ok {
			t.Errorf("parseQ(%q) = %d, true; want false", s, got)
		}
	}
}

func TestRangeCacheIsBounded(t *testing.T) {
	c := mustNew(t)
	for i := range 3 * maxCached {
		c.Negotiate("x" + strings.Repeat("a", i%7) + "-" + itoa36(i))
	}
	s := c.cur.Load().neg
	if n := s.ranges.len(); n != maxCached {
		t.Errorf("range cache holds %d ranges, want the bound %d", n, maxCached)
	}
	if n := s.headers.len(); n != maxCached {
		t.Errorf("header cache holds %d headers, want the bound %d", n, maxCached)
	}
	// Past the bound, ranges are still matched, just not remembered.
	if got := c.Negotiate("en").String(); got != "en-US" {
		t.Errorf("Negotiate(en) with a full cache = %s", got)
	}
}

func itoa36(i int) string {
	const digits = "abcdefghijklmnopqrstuvwxyz0123456789"
	s := ""
	for ; i > 0; i /= 36 {
		s = string(digits[i%36]) + s
	}
	return s + "z"
}
