package i18n

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/locales"
)

// goi18nBundle loads the embedded locales into a go-i18n Bundle, as go-i18n's users do.
func goi18nBundle(b *testing.B) *goi18n.Bundle {
	bundle := goi18n.NewBundle(zhCN)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		if _, err := bundle.LoadMessageFileFS(locales.FS, name); err != nil {
			b.Fatal(err)
		}
	}
	return bundle
}

// browserHeaders are the typical headers BenchmarkLocalize alternates between.
var browserHeaders = []string{"zh-CN,zh;q=0.9,en;q=0.8", "en-US,en;q=0.9"}

// BenchmarkLocalize negotiates a browser header and renders a message without data: once
// through the catalog, and once the way go-i18n is commonly used, a Localizer per request
// on the same Bundle, so that the ratio shows in one run.
func BenchmarkLocalize(b *testing.B) {
	c := mustNew(b)
	b.Run("catalog", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			msg := c.Localizer(browserHeaders[i&1]).Message(codes.AppNotFound, nil)
			if msg == "" {
				b.Fatal("empty message")
			}
		}
	})
	// Two header lines bypass the whole-header cache: this is the cost of parsing the
	// header, with each language range answered from the range cache.
	b.Run("catalog-parse", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			msg := c.Localizer(browserHeaders[i&1], "").Message(codes.AppNotFound, nil)
			if msg == "" {
				b.Fatal("empty message")
			}
		}
	})
	// No Accept-Language at all, as from curl and most API clients: chosen once per
	// catalog version.
	b.Run("catalog-no-header", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if msg := c.Localizer().Message(codes.AppNotFound, nil); msg == "" {
				b.Fatal("empty message")
			}
		}
	})
	// A Go map lookup of the same headers: the floor of any cached negotiation.
	b.Run("map", func(b *testing.B) {
		m := map[string]int{browserHeaders[0]: 0, browserHeaders[1]: 1}
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, ok := m[browserHeaders[i&1]]; !ok {
				b.Fatal("miss")
			}
		}
	})
	b.Run("goi18n", func(b *testing.B) {
		bundle := goi18nBundle(b)
		cfg := &goi18n.LocalizeConfig{MessageID: codes.AppNotFound.String()}
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			msg, err := goi18n.NewLocalizer(bundle, browserHeaders[i&1]).Localize(cfg)
			if err != nil || msg == "" {
				b.Fatal(msg, err)
			}
		}
	})
}

// BenchmarkLocalizePoisoned is BenchmarkLocalize/catalog on a fresh catalog, and on one
// that first negotiated 5,000 distinct junk headers, as an attacker would send after a
// reload to fill the caches before the browsers come. The sub-benchmark "alternating"
// runs both in alternate batches of 1,000 and reports the ratio, which a busy machine
// disturbs less than two separate runs.
func BenchmarkLocalizePoisoned(b *testing.B) {
	fresh, poisoned := mustNew(b), mustNew(b)
	r := rand.New(rand.NewPCG(1, 2))
	var header []byte
	for i := range 5000 {
		header = randomHeader(r, header[:0], i)
		poisoned.Localizer(string(header))
	}
	localize := func(b *testing.B, c *Catalog, i int) {
		if c.Localizer(browserHeaders[i&1]).Message(codes.AppNotFound, nil) == "" {
			b.Fatal("empty message")
		}
	}
	for _, sub := range []struct {
		name string
		c    *Catalog
	}{{"fresh", fresh}, {"after-junk", poisoned}} {
		c := sub.c
		b.Run(sub.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				localize(b, c, i)
			}
		})
	}
	b.Run("alternating", func(b *testing.B) {
		var took [2]time.Duration
		for b.Loop() {
			for k, c := range []*Catalog{fresh, poisoned} {
				start := time.Now()
				for i := range 1000 {
					localize(b, c, i)
				}
				took[k] += time.Since(start)
			}
		}
		b.ReportMetric(float64(took[1])/float64(took[0]), "after-junk/fresh")
	})
}

// BenchmarkNegotiateHuge negotiates 1 MiB Accept-Language values, net/http's default
// header limit, of several shapes, beside x/text's own parser on the first.
func BenchmarkNegotiateHuge(b *testing.B) {
	const size = 1 << 20
	headers := []struct{ name, header string }{
		{"catalog", strings.Repeat("fr,", size/3)},
		{"catalog-malformed", strings.Repeat("!,", size/2)},
		{"catalog-one-range", strings.Repeat("a", size)},
		{"catalog-white-space", "en" + strings.Repeat(" ", size)},
		{"catalog-quoted", `en;x="` + strings.Repeat(",", size)},
	}
	c := mustNew(b)
	for _, h := range headers {
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.Negotiate(h.header)
			}
		})
	}
	b.Run("xtext", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			language.ParseAcceptLanguage(headers[0].header)
		}
	})
}

// BenchmarkMessageTemplate renders a message with template data.
func BenchmarkMessageTemplate(b *testing.B) {
	c, err := New(fstest.MapFS{
		"zh-CN.toml": file("APP_NOT_FOUND = \"未找到应用 {{.Name}}\"\n"),
		"en-US.toml": file("APP_NOT_FOUND = \"The app {{.Name}} was not found.\"\n"),
	})
	if err != nil {
		b.Fatal(err)
	}
	l, _ := c.LocalizerFor("en")
	data := map[string]any{"Name": "web"}
	b.ReportAllocs()
	for b.Loop() {
		l.Message(codes.AppNotFound, data)
	}
}

// BenchmarkNegotiateManyLanguages negotiates, uncached, the costliest kind of header for
// a catalog of zh-CN and 100 English variants: 32 "en" ranges of rising q, so that each
// range matches every variant and only the last gives them their weight; and "*", which
// covers every variant but one.
func BenchmarkNegotiateManyLanguages(b *testing.B) {
	tags := []string{"zh-CN"}
	for r := 'A'; r <= 'Z' && len(tags) <= 100; r++ {
		for s := 'A'; s <= 'Z' && len(tags) <= 100; s++ {
			region, err := language.ParseRegion(string([]rune{r, s}))
			if tag := "en-" + region.Canonicalize().String(); err == nil && region.IsCountry() && !slices.Contains(tags, tag) {
				tags = append(tags, tag)
			}
		}
	}
	c := catalogOf(b, tags)
	var rising []string
	for i := range maxAcceptEntries {
		rising = append(rising, "en;q=0.0"+strconv.Itoa(10+i))
	}
	for name, header := range map[string]string{"rising": strings.Join(rising, ","), "star": "en-US;q=0, *"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.Localizer(header, "") // two lines: past the header cache
			}
		})
	}
}
