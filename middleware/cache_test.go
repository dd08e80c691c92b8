package middleware

import (
	"fmt"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/catalogtest"
)

// copyCache is the cache the middleware had before: a map copied whole on every first
// hit. It is the baseline of BenchmarkFirstHits.
type copyCache struct {
	mu      sync.Mutex
	version string
	m       map[cacheKey]*encoded
}

func (c *copyCache) get(l i18n.Localizer, code codes.Code) *encoded {
	c.mu.Lock()
	m, v := c.m, c.version
	c.mu.Unlock()
	if v == l.Version() {
		if e, ok := m[cacheKey{l.String(), code}]; ok {
			return e
		}
	}
	e := encode(l, code)
	c.mu.Lock()
	defer c.mu.Unlock()
	next := make(map[cacheKey]*encoded, len(c.m)+1)
	if c.version == l.Version() {
		for k, v := range c.m {
			next[k] = v
		}
	}
	next[cacheKey{l.String(), code}] = e
	c.m, c.version = next, l.Version()
	return e
}

// BenchmarkFirstHits measures a catalog version's first hits: every language times every
// code asked once, as after a start or a reload, with 101 languages × the 103 codes and
// with 2 languages × 10,000 codes. ns/op is the total of one round; max-ms is the slowest
// single first hit. The goal (issue 13): a total under 1 s and no hit over 20 ms. "noop"
// times nothing in the same loop: its max-ms is how long the machine itself stalls a
// goroutine, a floor for the others'.
func BenchmarkFirstHits(b *testing.B) {
	_, many := catalogtest.Languages(b, 101)
	_, two := catalogtest.Languages(b, 2)
	synthetic := make([]codes.Code, 10000)
	for i := range synthetic {
		synthetic[i] = codes.Code(1000000 + i)
	}
	for _, set := range []struct {
		name  string
		langs []i18n.Localizer
		codes []codes.Code
	}{
		{"101x103", many, codes.All()},
		{"2x10000", two, synthetic},
	} {
		for _, impl := range []string{"noop", "vcache", "copy"} {
			b.Run(set.name+"/"+impl, func(b *testing.B) {
				var slowest time.Duration
				for b.Loop() {
					var c cache
					var old copyCache
					for _, l := range set.langs {
						for _, code := range set.codes {
							start := time.Now()
							switch impl {
							case "vcache":
								c.get(l, code)
							case "copy":
								old.get(l, code)
							}
							slowest = max(slowest, time.Since(start))
						}
					}
				}
				b.ReportMetric(float64(slowest)/1e6, "max-ms")
			})
		}
	}
}

func TestCacheFirstHitsEncodeOnce(t *testing.T) {
	t.Parallel()
	_, ls := catalogtest.Languages(t, 3)
	var c cache
	for _, l := range ls {
		for _, code := range codes.All() {
			if got, again := c.get(l, code), c.get(l, code); got != again || string(got.body) == "" {
				t.Fatalf("%s %s: encoded twice or empty", l, code)
			}
		}
	}
}

// TestDataWithoutPlaceholders fills a body that carries data in a language whose message
// has no placeholders from the cached encoding, without reading the data or allocating;
// in a language whose message has one, the data renders it.
func TestDataWithoutPlaceholders(t *testing.T) {
	cat, err := i18n.New(fstest.MapFS{
		"zh-CN.toml": {Data: []byte("VOL_NAME_CONFLICT = \"云硬盘已存在\"\n")},
		"en-US.toml": {Data: []byte("VOL_NAME_CONFLICT = \"A volume named {{.Name}} already exists.\"\n")},
	}, i18n.OnProblem(func(i18n.Problem) {}))
	if err != nil {
		t.Fatal(err)
	}
	c := &config{options: newOptions(nil), cat: cat}
	body := []byte(fmt.Sprintf(`{"Code":%d,"Name":"data"}`, codes.VolNameConflict))
	for _, tt := range []struct {
		lang, want string
		fixed      bool
	}{
		{"zh-CN", "云硬盘已存在", true},
		{"en-US", "A volume named data already exists.", false},
	} {
		l, _ := cat.LocalizerFor(tt.lang)
		if got := c.cache.get(l, codes.VolNameConflict).fixed; got != tt.fixed {
			t.Errorf("%s: fixed = %v, want %v", tt.lang, got, tt.fixed)
		}
		want := fmt.Sprintf(`{"Code":%d,"Message":%q,"Name":"data"}`, codes.VolNameConflict, tt.want)
		if got := c.fill(l, body, nil).body; string(got) != want {
			t.Errorf("%s: fill = %s, want %s", tt.lang, got, want)
		}
		if !tt.fixed {
			continue
		}
		dst := make([]byte, 0, 256)
		if n := testing.AllocsPerRun(100, func() { c.fill(l, body, dst) }); n != 0 {
			t.Errorf("%s: fill with data the message has no placeholder for allocates %v times, want 0", tt.lang, n)
		}
	}
}
