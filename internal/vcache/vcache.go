// Package vcache remembers values derived from one version of a catalog, such as encoded
// error bodies, so that each is built once per version and key rather than once per request.
//
// A Cache or a Slots holds the values of the two versions seen last: a reload starts a new
// table, and the requests still in flight with the previous version keep hitting theirs
// instead of thrashing the cache. Memory is bounded by two versions' keys. Lookups take no
// lock and do not allocate; a first hit costs one build and one insert, never a copy of
// what is cached, so filling a table is linear in its size.
//
// A Cache is keyed by any comparable key. Slots is keyed by a small index, such as a
// language's position in its catalog version (i18n.Localizer.Index): a look-up is two
// loads from arrays rather than a hash and a walk of a hash trie, and so touches fewer
// cache lines, which on a busy server are cold from one request to the next.
package vcache

import (
	"sync"
	"sync/atomic"
)

// A Cache maps (version, key) to a value built once. The zero Cache is ready to use and
// safe for concurrent use.
type Cache[K comparable, V any] struct {
	v versions[sync.Map] // K → V
}

// Get returns the value of key in version, calling build to make it if it is not cached.
// Concurrent first hits may call build more than once; they all return the value stored
// first.
func (c *Cache[K, V]) Get(version string, key K, build func() V) V {
	m := c.v.table(version)
	if v, ok := m.Load(key); ok {
		return v.(V)
	}
	v, _ := m.LoadOrStore(key, build())
	return v.(V)
}

// versions holds the tables of the two versions seen last.
type versions[T any] struct {
	tables atomic.Pointer[pair[T]]
	mu     sync.Mutex // serialises the start of a new version
}

// pair is the current version's table and the previous one's.
type pair[T any] struct {
	cur, prev               *T
	curVersion, prevVersion string
}

// table returns the table of version, starting one if version is neither of the two
// remembered.
func (v *versions[T]) table(version string) *T {
	if p := v.tables.Load(); p != nil {
		if p.curVersion == version {
			return p.cur
		}
		if p.prev != nil && p.prevVersion == version {
			return p.prev
		}
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	p := v.tables.Load()
	switch {
	case p == nil:
		p = &pair[T]{cur: new(T), curVersion: version}
	case p.curVersion == version:
		return p.cur
	case p.prev != nil && p.prevVersion == version:
		return p.prev
	default:
		p = &pair[T]{cur: new(T), curVersion: version, prev: p.cur, prevVersion: p.curVersion}
	}
	v.tables.Store(p)
	return p.cur
}
