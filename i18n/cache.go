package i18n

import (
	"sync"
	"sync/atomic"
)

// maxCachedRanges bounds the range cache, so that memory stays bounded whatever headers
// arrive; past it, new ranges are matched on every request.
const maxCachedRanges = 512

// A rangeCache maps a lower-cased language range to a language index (-1 for none). Reads
// take no lock: writers copy the map and swap it in, which is cheap because the map is small
// and stops growing at maxCachedRanges.
type rangeCache struct {
	m  atomic.Pointer[map[string]int16]
	mu sync.Mutex
}

func (c *rangeCache) get(key []byte) (int, bool) {
	m := c.m.Load()
	if m == nil {
		return 0, false
	}
	i, ok := (*m)[string(key)]
	return int(i), ok
}

func (c *rangeCache) put(key []byte, i int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var old map[string]int16
	if p := c.m.Load(); p != nil {
		old = *p
	}
	if _, ok := old[string(key)]; ok || len(old) >= maxCachedRanges {
		return
	}
	m := make(map[string]int16, len(old)+1)
	for k, v := range old {
		m[k] = v
	}
	m[string(key)] = int16(i)
	c.m.Store(&m)
}

// len returns the number of cached ranges.
func (c *rangeCache) len() int {
	if m := c.m.Load(); m != nil {
		return len(*m)
	}
	return 0
}
