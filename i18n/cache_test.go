package i18n

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
)

const cacheCapacity = cacheSets * cacheWays

func TestCacheGetPut(t *testing.T) {
	c := newCache[int]()
	if _, ok := c.get("en"); ok {
		t.Fatal("an empty cache has en")
	}
	c.put("en", 1)
	c.put("en", 2) // already cached: kept
	if v, ok := c.get("en"); !ok || v != 1 {
		t.Fatalf("get(en) = %d, %v; want 1, true", v, ok)
	}
	if _, ok := c.get("EN"); ok {
		t.Fatal("keys are compared exactly")
	}
}

// TestCacheBounded fills a cache with ten times its capacity: it holds at most its
// capacity, and every key it holds maps to its own value.
func TestCacheBounded(t *testing.T) {
	c := newCache[int]()
	for i := range 10 * cacheCapacity {
		c.put(strconv.Itoa(i), i)
	}
	if n := c.len(); n > cacheCapacity || n < cacheCapacity*9/10 {
		t.Errorf("cache holds %d keys, want at most %d and nearly as many", n, cacheCapacity)
	}
	held := 0
	for i := range 10 * cacheCapacity {
		if v, ok := c.get(strconv.Itoa(i)); ok {
			held++
			if v != i {
				t.Fatalf("get(%d) = %d", i, v)
			}
		}
	}
	if held != c.len() {
		t.Errorf("%d keys found, %d held", held, c.len())
	}
}

// TestCacheKeepsRecurringKeys sends one new junk key for every request of two recurring
// keys: CLOCK must keep serving the recurring ones from the cache.
func TestCacheKeepsRecurringKeys(t *testing.T) {
	c := newCache[int]()
	recurring := []string{"zh-CN,zh;q=0.9,en;q=0.8", "en-US,en;q=0.9"}
	misses := 0
	const rounds = 100_000
	for i := range rounds {
		c.put("junk-"+strconv.Itoa(i), i)
		key := recurring[i%2]
		if _, ok := c.get(key); !ok {
			misses++
			c.put(key, -1)
		}
	}
	if misses > rounds/1000 {
		t.Errorf("recurring keys missed %d times in %d requests under junk, want at most %d", misses, rounds, rounds/1000)
	}
}

// TestCacheConcurrent reads and writes from several goroutines (run with -race).
func TestCacheConcurrent(t *testing.T) {
	c := newCache[string]()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 1))
			for range 20_000 {
				k := strconv.Itoa(r.IntN(4 * cacheCapacity))
				if v, ok := c.get(k); ok && v != k {
					t.Errorf("get(%s) = %s", k, v)
					return
				}
				c.put(k, k)
			}
		}()
	}
	wg.Wait()
}

// BenchmarkCacheGet reads a cached header beside a Go map lookup, both holding the
// header among 300 others (a map of 8 keys or fewer is searched without hashing, which
// would flatter it), and beside the map holding the two headers alone.
func BenchmarkCacheGet(b *testing.B) {
	c := newCache[int]()
	m, small := map[string]int{}, map[string]int{}
	for i, h := range browserHeaders {
		c.put(h, i)
		m[h], small[h] = i, i
	}
	for i := range 300 {
		c.put("junk"+strconv.Itoa(i), i)
		m["junk"+strconv.Itoa(i)] = i
	}
	b.Run("cache", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, ok := c.get(browserHeaders[i&1]); !ok {
				b.Fatal("miss")
			}
		}
	})
	for name, m := range map[string]map[string]int{"map": m, "map-of-two": small} {
		b.Run(name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if _, ok := m[browserHeaders[i&1]]; !ok {
					b.Fatal("miss")
				}
			}
		})
	}
}
