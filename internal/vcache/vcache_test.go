package vcache

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestGetBuildsOncePerVersionAndKey(t *testing.T) {
	t.Parallel()
	var c Cache[int, string]
	var builds atomic.Int64
	get := func(version string, key int) string {
		return c.Get(version, key, func() string {
			builds.Add(1)
			return fmt.Sprintf("%s/%d", version, key)
		})
	}
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
	}
	for _, s := range steps {
		if got, want := get(s.version, s.key), fmt.Sprintf("%s/%d", s.version, s.key); got != want {
			t.Errorf("Get(%s, %d) = %q, want %q", s.version, s.key, got, want)
		}
		if n := builds.Load(); n != s.builds {
			t.Errorf("after Get(%s, %d): %d builds, want %d", s.version, s.key, n, s.builds)
		}
	}
}

func TestGetConcurrentFirstHitsAgree(t *testing.T) {
	t.Parallel()
	var c Cache[int, *int]
	var wg sync.WaitGroup
	got := make([]*int, 64)
	for i := range got {
		wg.Go(func() { got[i] = c.Get("v", 7, func() *int { return new(int) }) })
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("concurrent first hits returned different values")
		}
	}
}

func TestGetDoesNotAllocateOnHits(t *testing.T) {
	var c Cache[int, string]
	build := func() string { return "x" }
	c.Get("v", 1, build)
	if n := testing.AllocsPerRun(100, func() { c.Get("v", 1, build) }); n != 0 {
		t.Errorf("a hit allocates %v times", n)
	}
}
