package i18n

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNegotiateOracleRandom compares the catalog with the oracle on headers built from
// the sets' own tags, their prefixes and extensions, in random case, spelling and
// weight: random bytes seldom name a language, these nearly always do.
func TestNegotiateOracleRandom(t *testing.T) {
	n := 3000
	if testing.Short() || raceEnabled {
		n = 300
	}
	r := rand.New(rand.NewPCG(8, 70))
	for name, c := range sharedCatalogs(t) {
		s := c.cur.Load()
		o := newOracle(s.langs, s.neg.fallback)
		for range n {
			header := randomAcceptLanguage(r, languageSets[name])
			want := o.tags[o.negotiate([]string{header})]
			if got := c.Negotiate(header); got != want {
				t.Fatalf("%s languages: Negotiate(%q) = %s, the oracle says %s", name, header, got, want)
			}
		}
	}
}

// randomAcceptLanguage returns a header of one to six elements about tags.
func randomAcceptLanguage(r *rand.Rand, tags []string) string {
	extra := []string{"x", "xx", "u-ca-buddhist", "x-foo", "Hant", "Hans", "CN", "TW", "419", "1996", "zzzzzzzzz"}
	others := []string{"*", "fr", "tlh", "i-klingon", "iw", "da", "no", "sr", "zh-Hant", "en", "zh", "de", "pt", "es"}
	var b strings.Builder
	for i := range 1 + r.IntN(6) {
		if i > 0 {
			b.WriteString([]string{",", ", ", " ,", ",,"}[r.IntN(4)])
		}
		var rng string
		switch k := r.IntN(10); {
		case k < 4:
			rng = tags[r.IntN(len(tags))]
		case k < 6:
			rng = tags[r.IntN(len(tags))]
			rng = rng[:strings.IndexByte(rng+"-", '-')]
		case k < 8:
			rng = tags[r.IntN(len(tags))] + "-" + extra[r.IntN(len(extra))]
		default:
			rng = others[r.IntN(len(others))]
		}
		if r.IntN(5) == 0 {
			rng = strings.ReplaceAll(strings.ToUpper(rng), "-", "_")
		}
		b.WriteString(rng)
		switch r.IntN(6) {
		case 0:
			b.WriteString(";q=0")
		case 1, 2:
			b.WriteString(";q=0." + string(rune('1'+r.IntN(9))))
		case 3:
			b.WriteString(" ; Q=1")
		}
	}
	return b.String()
}
