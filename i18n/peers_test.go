package i18n

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Table rows taken from other projects' published test suites, each citing its source,
// and each header also run against the 2- and 8-language sets. Where we answer
// differently from the source, the row says why.

const (
	negotiatorSource = "jshttp/negotiator test/language.js (v1.1.0, 14b0a7b)"
	djangoSource     = "django tests/i18n/tests.py MiscTests.test_parse_spec_http_header (a1286b5)"
	xtextSource      = "golang.org/x/text v0.44.0 language/parse_test.go TestParseAcceptLanguage"
)

// TestNegotiatorSuite runs negotiator's language(available) cases with available's first
// language as our default, comparing with negotiator's published answers ("" is its
// undefined: nothing acceptable).
func TestNegotiatorSuite(t *testing.T) {
	tests := []struct {
		header     string
		available  []string
		negotiator string
		want       string // ours over available
		want2      string
		want8      string
		why        string
	}{
		{"", []string{"es", "en"}, "es", "es", "zh-CN", "zh-CN", ""}, // header absent
		{"*", []string{"es", "en"}, "es", "es", "zh-CN", "zh-CN", ""},
		{"*", []string{"en"}, "en", "en", "zh-CN", "zh-CN", ""},
		{"*, en", []string{"es", "en"}, "en", "en", "en-US", "en-US", ""},
		{"*, en;q=0", []string{"es", "en"}, "es", "es", "zh-CN", "zh-CN", ""},
		{"*, en;q=0", []string{"en"}, "", "en", "zh-CN", "zh-CN", "never 406: with everything excluded, the default"},
		{"*;q=0.8, en, es", []string{"en", "nl"}, "en", "en", "en-US", "en-US", ""},
		{"*;q=0.8, en, es", []string{"ro", "nl"}, "ro", "ro", "en-US", "en-US", ""},
		{"*;q=0.8, en, es", []string{"fr", "de", "en", "it", "es", "pt", "no", "se", "fi", "ro", "nl"}, "en", "en", "en-US", "en-US", ""},
		{"en", []string{"en"}, "en", "en", "en-US", "en-US", ""},
		{"en", []string{"es", "en"}, "en", "en", "en-US", "en-US", ""},
		{"en", []string{"en-US"}, "en-US", "en-US", "en-US", "en-US", ""},
		{"en", []string{"en-US", "en"}, "en", "en", "en-US", "en-US", ""},
		{"en", []string{"en", "en-US"}, "en", "en", "en-US", "en-US", ""},
		{"en;q=0", []string{"es", "en"}, "", "es", "zh-CN", "zh-CN", "never 406: the default, which en;q=0 does not exclude"},
		{"en;q=0.8, es", []string{"en"}, "en", "en", "en-US", "en-US", ""},
		{"en;q=0.8, es", []string{"en", "es"}, "es", "es", "en-US", "en-US", ""},
		{"en;q=0.9, es;q=0.8, en;q=0.7", []string{"es"}, "es", "es", "en-US", "en-US", ""},
		{"en;q=0.9, es;q=0.8, en;q=0.7", []string{"en", "es"}, "en", "en", "en-US", "en-US", ""},
		{"en;q=0.9, es;q=0.8, en;q=0.7", []string{"es", "en"}, "en", "en", "en-US", "en-US", ""},
		{"en-US, en;q=0.8", []string{"en", "en-US"}, "en-US", "en-US", "en-US", "en-US", ""},
		{"en-US, en;q=0.8", []string{"en-GB", "en-US"}, "en-US", "en-US", "en-US", "en-US", ""},
		{"en-US, en;q=0.8", []string{"en-GB", "es"}, "en-GB", "en-GB", "en-US", "en-US", ""},
		{"en-US, en;q=0.8", []string{"en-GB", "en-US", "en"}, "en-US", "en-US", "en-US", "en-US", ""},
		{"en-US, en-GB", []string{"en-US", "en-GB"}, "en-US", "en-US", "en-US", "en-US", ""},
		{"en-US, en-GB", []string{"en-GB", "en-US"}, "en-US", "en-US", "en-US", "en-US", ""},
		{"en-US;q=0.8, es", []string{"es", "en-US"}, "es", "es", "en-US", "en-US", ""},
		{"en-US;q=0.8, es", []string{"en-US", "es"}, "es", "es", "en-US", "en-US", ""},
		{"en-US;q=0.8, es", []string{"en-US", "en"}, "en-US", "en-US", "en-US", "en-US", ""},
		{"en-US;q=0.8, es", []string{"en", "es", "en-US"}, "es", "es", "en-US", "en-US", ""},
		{"nl;q=0.5, fr, de, en, it, es, pt, no, se, fi, ro", []string{"nl", "fr"}, "fr", "fr", "en-US", "fr-FR", ""},
		{"en-US;foo=bar;q=1, en-GB;q=1", []string{"en-GB", "en-US"}, "en-US", "en-US", "en-US", "en-US", ""},
		{`en-US;foo="bar,baz", en-GB`, []string{"en-GB", "en-US"}, "en-US", "en-US", "en-US", "en-US", ""},
	}
	for _, tt := range tests {
		c := catalogOf(t, tt.available)
		var headers []string // no Accept-Language line at all for ""
		if tt.header != "" {
			headers = []string{tt.header}
		}
		got := c.Negotiate(headers...).String()
		if got != tt.want {
			t.Errorf("%s: Negotiate(%q) over %q = %s, want %s", negotiatorSource, tt.header, tt.available, got, tt.want)
		}
		if (got == tt.negotiator) != (tt.why == "") {
			t.Errorf("%s: Negotiate(%q) over %q = %s, negotiator %q: the row's why (%q) is wrong", negotiatorSource, tt.header, tt.available, got, tt.negotiator, tt.why)
		}
		checkSets(t, negotiatorSource, tt.header, tt.want2, tt.want8)
	}
}

// TestDjangoParseSuite compares what we read of a header with Django's
// parse_accept_lang_header, which sorts by q and lower-cases. Django rejects a whole
// header for one malformed element; RFC 9110 lets us drop only that element.
func TestDjangoParseSuite(t *testing.T) {
	const dropAlone = "a malformed element is dropped alone, not the whole header"
	tests := []struct {
		header       string
		django       string // Django's answer, as "range q, range q"
		want         string // ours
		want2, want8 string
		why          string
	}{
		{"de", "de 1", "de 1", "zh-CN", "de-DE", ""},
		{"en-AU", "en-au 1", "en-au 1", "en-US", "en-GB", ""},
		{"es-419", "es-419 1", "es-419 1", "zh-CN", "zh-CN", ""},
		{"*;q=1.00", "* 1", "* 1", "zh-CN", "zh-CN", ""},
		{"en-AU;q=0.123", "en-au 0.123", "en-au 0.123", "en-US", "en-GB", ""},
		{"en-au;q=0.5", "en-au 0.5", "en-au 0.5", "en-US", "en-GB", ""},
		{"en-au;q=1.0", "en-au 1", "en-au 1", "en-US", "en-GB", ""},
		{"da, en-gb;q=0.25, en;q=0.5", "da 1, en 0.5, en-gb 0.25", "da 1, en 0.5, en-gb 0.25", "en-US", "nb", ""},
		{"en-au-xx", "en-au-xx 1", "en-au-xx 1", "en-US", "en-GB", ""},
		{"de,en-au;q=0.75,en-us;q=0.5,en;q=0.25,es;q=0.125,fa;q=0.125", "de 1, en-au 0.75, en-us 0.5, en 0.25, es 0.125, fa 0.125",
			"de 1, en-au 0.75, en-us 0.5, en 0.25, es 0.125, fa 0.125", "en-US", "de-DE", ""},
		{"*", "* 1", "* 1", "zh-CN", "zh-CN", ""},
		{"de;q=0.", "de 0", "de 0", "zh-CN", "zh-CN", ""},
		{"en; q=1,", "en 1", "en 1", "en-US", "en-US", ""},
		{"en; q=1.0, * ; q=0.5", "en 1, * 0.5", "en 1, * 0.5", "en-US", "en-US", ""},
		{"en-gb;q=1.0000", "", "", "zh-CN", "zh-CN", ""},
		{"en;q=0.1234", "", "", "zh-CN", "zh-CN", ""},
		{"en;q=.2", "", "", "zh-CN", "zh-CN", ""},
		{"abcdefghi-au", "", "", "zh-CN", "zh-CN", ""},
		{"**", "", "", "zh-CN", "zh-CN", ""},
		{"en,,gb", "", "en 1, gb 1", "en-US", "en-US", "RFC 9110 §5.6.1: a recipient accepts empty list elements"},
		{"en-au;q=0.1.0", "", "", "zh-CN", "zh-CN", ""},
		{strings.Repeat("X", 97) + "Z,en", "", "en 1", "en-US", "en-US", dropAlone},
		{"da, en-gb;q=0.8, en;q=0.7,#", "", "da 1, en-gb 0.8, en 0.7", "en-US", "nb", dropAlone},
		{"de;q=2.0", "", "", "zh-CN", "zh-CN", ""},
		{"de;q=0.a", "", "", "zh-CN", "zh-CN", ""},
		{"12-345", "", "", "zh-CN", "zh-CN", ""},
		{"", "", "", "zh-CN", "zh-CN", ""},
		{"en;q=1e0", "", "", "zh-CN", "zh-CN", ""},
		{"en-au;q=１.０", "", "", "zh-CN", "zh-CN", ""},
	}
	for _, tt := range tests {
		got := readHeader(tt.header, false)
		if got != tt.want {
			t.Errorf("%s: read %q as %q, want %q", djangoSource, tt.header, got, tt.want)
		}
		if (got == tt.django) != (tt.why == "") {
			t.Errorf("%s: read %q as %q, Django %q: the row's why (%q) is wrong", djangoSource, tt.header, got, tt.django, tt.why)
		}
		checkSets(t, djangoSource, tt.header, tt.want2, tt.want8)
	}
}

// TestXTextParseSuite runs x/text's ParseAcceptLanguage cases through both parsers side by
// side, comparing the elements with q above 0 as canonical tags sorted by q (x/text drops
// q=0 elements, which for us exclude).
func TestXTextParseSuite(t *testing.T) {
	tests := []struct {
		header       string
		want2, want8 string
		why          string
	}{
		{"en", "en-US", "en-US", ""},
		{"   en", "en-US", "en-US", ""},
		{"en   ", "en-US", "en-US", ""},
		{"  en  ", "en-US", "en-US", ""},
		{"en,", "en-US", "en-US", ""},
		{",en", "en-US", "en-US", ""},
		{",,,en,,,", "en-US", "en-US", ""},
		{",en;q=1", "en-US", "en-US", ""},
		{"", "zh-CN", "zh-CN", ""},
		{"aa;", "zh-CN", "zh-CN", `RFC 9110: after ";" comes a weight, "q=" and a qvalue`},
		{";", "zh-CN", "zh-CN", ""},
		{"$", "zh-CN", "zh-CN", ""},
		{"e;", "zh-CN", "zh-CN", ""},
		{"x;", "zh-CN", "zh-CN", ""},
		{"x", "zh-CN", "zh-CN", "RFC 4647 §2.1: x is a well-formed range; it matches no language"},
		{"ac", "zh-CN", "zh-CN", "RFC 4647 §2.1: ac is a well-formed range; it matches no language"},
		{"aa;q", "zh-CN", "zh-CN", ""},
		{"aa;q=", "zh-CN", "zh-CN", ""},
		{"aa;q=.", "zh-CN", "zh-CN", ""},
		{"00-t-0o", "zh-CN", "zh-CN", ""},
		{" english ;q=.1", "zh-CN", "zh-CN", `RFC 9110: ".1" is not a qvalue; English names are not ranges`},
		{" italian, deutsch, french", "zh-CN", "zh-CN", "English names are not ranges: they match no language"},
		{"en;q=.1", "zh-CN", "zh-CN", `RFC 9110: ".1" is not a qvalue`},
		{"*", "zh-CN", "zh-CN", ""},
		{"en,de", "en-US", "en-US", ""},
		{"en,de;q=0.5", "en-US", "en-US", ""},
		{"  en ;   q    =   0.5    ,  , de;q=0.8", "zh-CN", "de-DE", `RFC 9110 §5.6.6: no white space around "="`},
		{"en,de,fr,i-klingon", "en-US", "en-US", ""},
		{"en;q=0.1,de;q=0.2,fr;q=0.2,i-klingon;q=0.4", "en-US", "de-DE", ""},
		{"en;q=0.1,de;q=0,fr;q=0.2,i-klingon;q=0.0", "en-US", "fr-FR", ""},
	}
	for _, tt := range tests {
		got := readHeader(tt.header, true)
		var want []string
		tags, qs, err := language.ParseAcceptLanguage(tt.header)
		if err == nil {
			for i, tag := range tags {
				want = append(want, tag.String()+" "+strconv.FormatFloat(float64(qs[i]), 'g', 3, 32))
			}
		}
		same := got == strings.Join(want, ", ")
		if same != (tt.why == "") {
			t.Errorf("%s: read %q as %q, x/text %q (error %v): the row's why (%q) is wrong", xtextSource, tt.header, got, want, err, tt.why)
		}
		checkSets(t, xtextSource, tt.header, tt.want2, tt.want8)
	}
}

// readHeader returns what we read of header as "range q, range q", sorted by q. With
// canonical, only the elements with q above 0 as x/text's canonical tags ("mul" for "*").
func readHeader(header string, canonical bool) string {
	var list [maxAcceptEntries]weighted
	elems := list[:splitAccept([]string{header}, &list)]
	slices.SortStableFunc(elems, func(a, b weighted) int { return cmp.Compare(b.q, a.q) })
	var out []string
	for _, e := range elems {
		rng := normalizeRange(e.rng)
		if canonical {
			if e.q == 0 {
				continue
			}
			rng = language.Make(rng).String()
			if e.rng == "*" {
				rng = "mul"
			}
		}
		out = append(out, rng+" "+strconv.FormatFloat(float64(e.q)/1000, 'g', 3, 64))
	}
	return strings.Join(out, ", ")
}

// checkSets checks a header's answer over the 2- and 8-language sets.
func checkSets(t *testing.T, source, header, want2, want8 string) {
	t.Helper()
	catalogs := sharedCatalogs(t)
	for set, want := range map[string]string{"2": want2, "8": want8} {
		if got := catalogs[set].Negotiate(header).String(); got != want {
			t.Errorf("%s: %s languages: Negotiate(%q) = %s, want %s", source, set, header, got, want)
		}
	}
}

// peersTable is README's table of headers where go-i18n (x/text's parser and matcher)
// and negotiator choose differently from us. The negotiator column was recorded with
// negotiator 1.1.0 under node 20; "none" is its undefined (no acceptable language),
// which leaves the choice to the application.
var peersTable = []struct{ header, set, ours, goi18n, negotiator string }{
	{"en-US;q=0, en", "2", "zh-CN", "en-US", "none"},
	{"zh;q=0", "2", "en-US", "zh-CN", "none"},
	{"zh-CN;q=0, zh", "8", "zh-TW", "zh-CN", "zh-TW"},
	{"en;q=0.9, en-US;q=0.1, zh;q=0.5", "2", "zh-CN", "en-US", "zh-CN"},
	{"zh;q=0.1, *", "2", "en-US", "zh-CN", "en-US"},
	{"en-US-xx", "2", "en-US", "zh-CN", "none"},
	{"de-DE-x, en;q=0.5", "8", "de-DE", "zh-CN", "en-US"},
	{"en-US, bad_tag_xxxxxxxxxx", "2", "en-US", "zh-CN", "en-US"},
	{"en;Q=0.5", "2", "en-US", "zh-CN", "en-US"},
	{"fr", "2", "zh-CN", "en-US", "none"},
	{"tlh", "2", "zh-CN", "en-US", "none"},
	{"en-GB", "2", "en-US", "en-US", "none"},
	{"zh-HK", "8", "zh-TW", "zh-TW", "none"},
	{"da", "8", "nb", "nb", "none"},
	{"zh, en-US", "2", "zh-CN", "zh-CN", "en-US"},
}

// TestPeersTable checks README's table: our column and go-i18n's, run side by side.
func TestPeersTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	catalogs := sharedCatalogs(t)
	for _, row := range peersTable {
		if got := catalogs[row.set].Negotiate(row.header).String(); got != row.ours {
			t.Errorf("%s languages: Negotiate(%q) = %s, the table says %s", row.set, row.header, got, row.ours)
		}
		if got := goi18nChoice(t, languageSets[row.set], row.header); got != row.goi18n {
			t.Errorf("%s languages: go-i18n chooses %s for %q, the table says %s", row.set, got, row.header, row.goi18n)
		}
		line := fmt.Sprintf("| `%s` | %s | %s | %s | %s |", row.header, row.set, row.ours, row.goi18n, row.negotiator)
		if !strings.Contains(string(readme), line+"\n") {
			t.Errorf("README.md lacks the row %s", line)
		}
	}
}

// goi18nChoice returns the language go-i18n renders a message in for header over tags,
// the first its default: each file's message is its own tag.
func goi18nChoice(t *testing.T, tags []string, header string) string {
	bundle := goi18n.NewBundle(language.Make(tags[0]))
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for path, f := range languageFiles(tags) {
		if _, err := bundle.ParseMessageFileBytes(f.Data, path); err != nil {
			t.Fatal(err)
		}
	}
	msg, err := goi18n.NewLocalizer(bundle, header).Localize(&goi18n.LocalizeConfig{MessageID: "APP_NOT_FOUND"})
	if err != nil {
		t.Fatal(err)
	}
	return msg
}
