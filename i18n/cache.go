package i18n

import (
	"sync"
	"sync/atomic"
)

// maxCached bounds each cache, so that memory stays bounded whatever headers arrive; past
// it, new keys are computed on every request.
const maxCached = 512

// A cache maps a key (a whole Accept-Language value, or one lower-cased language range) to
// a language index, -1 for none. Reads take no lock: writers copy the map and swap it in,
// which is cheap because the map is small and stops growing at maxCached.
type cache struct {
	m  atomic.Pointer[map[string]int16]
	mu sync.Mutex
}

func (c *cache) get(key string) (int, bool) {
	m := c.m.Load()
	if m == nil {
		return 0, false
	}
	i, ok := (*m)[key]
	return int(i), ok
}

// getBytes is get for a key held in a byte slice; it does not allocate.
func (c *cache) getBytes(key []byte) (int, bool) {
	m := c.m.Load()
	if m == nil {
		return 0, false
	}
	i, ok := (*m)[string(key)]
	return int(i), ok
}

func (c *cache) put(key string, i int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var old map[string]int16
	if p := c.m.Load(); p != nil {
		old = *p
	}
	if _, ok := old[key]; ok || len(old) >= maxCached {
		return
	}
	m := make(map[string]int16, len(old)+1)
	for k, v := range old {
		m[k] = v
	}
	m[key] = int16(i)
	c.m.Store(&m)
}

// len returns the number of cached keys.
func (c *cache) len() int {
	if m := c.m.Load(); m != nil {
		return len(*m)
	}
	return 0
}
