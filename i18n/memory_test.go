package i18n

import (
	"math/rand/v2"
	"runtime"
	"testing"
)

// TestMemoryBounded negotiates a million distinct random headers and measures how much the
// live heap grows: the range cache must stay bounded.
func TestMemoryBounded(t *testing.T) {
	n := 1_000_000
	if testing.Short() || raceEnabled {
		n = 50_000 // the race detector makes each call tens of times slower
	}
	c := mustNew(t)
	r := rand.New(rand.NewPCG(1, 2))
	header := make([]byte, 0, 64)
	before := heapInUse()
	for i := range n {
		header = randomHeader(r, header[:0], i)
		c.Localizer(string(header))
	}
	growth := int64(heapInUse()) - int64(before)
	t.Logf("%d distinct headers: heap grew by %d KiB; %d ranges cached", n, growth>>10, c.cur.Load().neg.ranges.len())
	if growth > 8<<20 {
		t.Errorf("heap grew by %d bytes, want < 8 MiB", growth)
	}
}

// randomHeader appends a header made distinct by i, with tags that parse.
func randomHeader(r *rand.Rand, b []byte, i int) []byte {
	b = append(b, byte('a'+r.IntN(26)), byte('a'+r.IntN(26)), '-')
	for ; i > 0; i /= 26 {
		b = append(b, byte('a'+i%26))
	}
	b = append(b, ",en;q=0."...)
	return append(b, byte('1'+r.IntN(9)))
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
