// Package vcache remembers values derived from one version of a catalog, such as encoded
// error bodies, so that each is built once per version and key rather than once per request.
//
// A Cache holds the values of the two versions seen last: a reload starts a new table, and
// the requests still in flight with the previous version keep hitting theirs instead of
// thrashing the cache. Memory is bounded by two versions' keys. Lookups take no lock and do
// not allocate; a first hit costs one build and one insert, never a copy of what is cached,
// so filling a table is linear in its size.
package vcache

import (
	"sync"
	"sync/atomic"
)

// A Cache maps (version, key) to a value built once. The zero Cache is ready to use and
// safe for concurrent use.
type Cache[K comparable, V any] struct {
	tables atomic.Pointer[pair[K, V]]
	mu     sync.Mutex // serialises the start of a new version
}

// pair is the current version's table and the previous one's.
type pair[K comparable, V any] struct {
	cur, prev *table[K, V]
}

type table[K comparable, V any] struct {
	version string
	m       sync.Map // K → V
}

// Get returns the value of key in version, calling build to make it if it is not cached.
// Concurrent first hits may call build more than once; they all return the value stored
// first.
func (c *Cache[K, V]) Get(version string, key K, build func() V) V {
	t := c.table(version)
	if v, ok := t.m.Load(key); ok {
		return v.(V)
	}
	v, _ := t.m.LoadOrStore(key, build())
	return v.(V)
}

// table returns the table of version, starting one if version is neither of the two
// remembered.
func (c *Cache[K, V]) table(version string) *table[K, V] {
	if p := c.tables.Load(); p != nil {
		if p.cur.version == version {
			return p.cur
		}
		if p.prev != nil && p.prev.version == version {
			return p.prev
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.tables.Load()
	switch {
	case p == nil:
		p = &pair[K, V]{cur: &table[K, V]{version: version}}
	case p.cur.version == version:
		return p.cur
	case p.prev != nil && p.prev.version == version:
		return p.prev
	default:
		p = &pair[K, V]{cur: &table[K, V]{version: version}, prev: p.cur}
	}
	c.tables.Store(p)
	return p.cur
}
