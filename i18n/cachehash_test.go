package i18n

import (
	"fmt"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestHashReadsEveryByte changes each byte of strings of every length up to 200 (every
// branch of hash and every position in its blocks of 16 and 48 bytes): each change
// changes the hash, which a byte hash never reads would not.
func TestHashReadsEveryByte(t *testing.T) {
	k := newHashKey()
	s := []byte(strings.Repeat("zh-CN,zh;q=0.9,en;q=0.8,", 9))
	for n := range 200 {
		key := string(s[:n])
		h := k.hash(key)
		if k.hash(strings.Clone(key)) != h {
			t.Fatalf("length %d: two hashes of the same string differ", n)
		}
		for i := range n {
			b := s[i]
			s[i] ^= 1
			if k.hash(string(s[:n])) == h {
				t.Errorf("length %d: changing byte %d leaves the hash unchanged", n, i)
			}
			s[i] = b
		}
		if n > 0 && k.hash(key[:n-1]) == h {
			t.Errorf("length %d: the hash of its prefix of length %d is the same", n, n-1)
		}
	}
}

// TestHashKeyed: two caches hash the same strings differently, so that keys that collide
// in one cache are no use against another or after a reload.
func TestHashKeyed(t *testing.T) {
	a, b := newHashKey(), newHashKey()
	same := 0
	for _, s := range append(browserHeaders, "", "en", "zh-CN", strings.Repeat("a", 100)) {
		if a.hash(s) == b.hash(s) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d strings hash the same under two random keys", same)
	}
}

// TestHashSpreadsKeys hashes families of headers that differ in a few bytes, as a
// sender's would, and counts how many fall in each set of a cache: none holds more than
// twice its share, so that such a family does not crowd one set.
func TestHashSpreadsKeys(t *testing.T) {
	k := newHashKey()
	families := map[string]func(i int) string{
		"q":       func(i int) string { return fmt.Sprintf("en;q=0.%03d", i%1000) + strings.Repeat(",", i/1000) },
		"padding": func(i int) string { return "zh-CN" + strings.Repeat(" ", i) },
		"long":    func(i int) string { return strings.Repeat("fr,", 40) + strconv.Itoa(i) },
		"region":  func(i int) string { return fmt.Sprintf("en-%c%c%c", 'A'+i%26, 'A'+i/26%26, 'A'+i/676%26) },
	}
	const n = 64 * cacheSets
	for name, key := range families {
		var count [cacheSets]int
		for i := range n {
			count[k.hash(key(i))%cacheSets]++
		}
		if most := slices.Max(count[:]); most > 2*n/cacheSets {
			t.Errorf("%s: %d of %d keys in one set, want at most %d", name, most, n, 2*n/cacheSets)
		}
	}
}

// BenchmarkHash hashes the browser headers with the cache's hash and with
// hash/maphash.String, which the cache used before, in alternate batches of 1,000 within
// each iteration, and reports the ratio, which a busy machine disturbs less than two runs.
func BenchmarkHash(b *testing.B) {
	k, seed := newHashKey(), maphash.MakeSeed()
	var sink uint64
	var took [2]time.Duration
	for b.Loop() {
		start := time.Now()
		for i := range 1000 {
			sink += k.hash(browserHeaders[i&1])
		}
		took[0] += time.Since(start)
		start = time.Now()
		for i := range 1000 {
			sink += maphash.String(seed, browserHeaders[i&1])
		}
		took[1] += time.Since(start)
	}
	b.ReportMetric(float64(took[0])/float64(b.N)/1000, "ns/hash")
	b.ReportMetric(float64(took[1])/float64(b.N)/1000, "ns/maphash")
	b.ReportMetric(float64(took[0])/float64(took[1]), "hash/maphash")
	if sink == 0 {
		b.Log(sink)
	}
}
