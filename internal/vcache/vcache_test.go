package vcache

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

// A getter is a Cache or a Slots of strings, as the tests use them.
type getter interface {
	get(version string, key int, build func() string) string
}

type cacheGetter struct{ c Cache[int, string] }

func (g *cacheGetter) get(version string, key int, build func() string) string {
	return g.c.Get(version, key, build)
}

type slotsGetter struct{ s Slots[string] }

func (g *slotsGetter) get(version string, key int, build func() string) string {
	return *g.s.Get(version, key, func() *string { v := build(); return &v })
}

// kinds are the two kinds of cache, new and empty.
var kinds = []struct {
	name string
	new  func() getter
}{
	{"Cache", func() getter { return new(cacheGetter) }},
	{"Slots", func() getter { return new(slotsGetter) }},
}

func TestGetBuildsOncePerVersionAndKey(t *testing.T) {
	t.Parallel()
	// Keys at the edges of Slots' chunks and past them, where it falls back to a map.
	const last, past = slotChunk*slotChunk - 1, slotChunk * slotChunk
	steps := []struct {
		version string
		key     int
		builds  int64 // total after the step
	}{
		{"v1", 1, 1},
		{"v1", 1, 1},
		{"v1", 2, 2},
		{"v2", 1, 3},
		{"v1", 1, 3}, // the previous version is still remembered
		{"v2", 1, 3},
		{"v3", 1, 4},
		{"v1", 1, 5}, // two versions back: forgotten
		{"v1", slotChunk - 1, 6},
		{"v1", slotChunk, 7},
		{"v1", slotChunk, 7},
		{"v1", last, 8},
		{"v1", past, 9},
		{"v1", past, 9},
		{"v1", past + 1000, 10},
		{"v1", 1, 10},
		{"v3", past, 11},
		{"v1", past, 11},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			c := k.new()
			var builds atomic.Int64
			for _, s := range steps {
				got := c.get(s.version, s.key, func() string {
					builds.Add(1)
					return fmt.Sprintf("%s/%d", s.version, s.key)
				})
				if want := fmt.Sprintf("%s/%d", s.version, s.key); got != want {
					t.Errorf("Get(%s, %d) = %q, want %q", s.version, s.key, got, want)
				}
				if n := builds.Load(); n != s.builds {
					t.Errorf("after Get(%s, %d): %d builds, want %d", s.version, s.key, n, s.builds)
				}
			}
		})
	}
}

func TestGetConcurrentFirstHitsAgree(t *testing.T) {
	t.Parallel()
	for _, key := range []int{7, slotChunk * slotChunk} {
		var c Cache[int, *int]
		var s Slots[int]
		var wg sync.WaitGroup
		fromCache, fromSlots := make([]*int, 64), make([]*int, 64)
		for i := range fromCache {
			wg.Go(func() { fromCache[i] = c.Get("v", key, func() *int { return new(int) }) })
			wg.Go(func() { fromSlots[i] = s.Get("v", key, func() *int { return new(int) }) })
		}
		wg.Wait()
		for i := range fromCache {
			if fromCache[i] != fromCache[0] || fromSlots[i] != fromSlots[0] {
				t.Fatalf("key %d: concurrent first hits returned different values", key)
			}
		}
	}
}

func TestGetDoesNotAllocateOnHits(t *testing.T) {
	for _, k := range kinds {
		c := k.new()
		build := func() string { return "x" }
		for _, key := range []int{1, slotChunk * slotChunk} {
			c.get("v", key, build)
			if n := testing.AllocsPerRun(100, func() { c.get("v", key, build) }); n != 0 {
				t.Errorf("%s: a hit of key %d allocates %v times", k.name, key, n)
			}
		}
	}
}

// BenchmarkGet measures a hit of a Cache keyed by a language's name beside a hit of Slots
// keyed by its index, as the catalog's answers are looked up.
func BenchmarkGet(b *testing.B) {
	const version = "2439da7b7f00b9f250489b8a"
	build := func() string { return "x" }
	b.Run("Cache", func(b *testing.B) {
		var c Cache[string, *string]
		c.Get(version, "en-US", func() *string { v := build(); return &v })
		for b.Loop() {
			c.Get(version, "en-US", nil)
		}
	})
	b.Run("Slots", func(b *testing.B) {
		var s Slots[string]
		s.Get(version, 1, func() *string { v := build(); return &v })
		for b.Loop() {
			s.Get(version, 1, nil)
		}
	})
}
