package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

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

// BenchmarkNegotiateHuge negotiates a 1 MiB Accept-Language list, net/http's default
// header limit, beside x/text's own parser on the same header.
func BenchmarkNegotiateHuge(b *testing.B) {
	header := strings.Repeat("fr,", 1<<20/3)
	c := mustNew(b)
	b.Run("catalog", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c.Negotiate(header)
		}
	})
	b.Run("xtext", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			language.ParseAcceptLanguage(header)
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
