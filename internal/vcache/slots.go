package vcache

import (
	"sync"
	"sync/atomic"
)

// Slots maps (version, index) to a *V built once, for small indexes such as a language's
// position in its catalog version. The zero Slots is ready to use and safe for concurrent
// use.
//
// The first slotChunk × slotChunk indexes live in chunks of slotChunk slots, each
// allocated at the first hit of one of its indexes and never copied; larger indexes, which
// no catalog has, fall back to a map.
type Slots[V any] struct {
	v versions[slotTable[V]]
}

// slotChunk is the number of slots in a chunk, and of chunks in a table.
const slotChunk = 64

type slotTable[V any] struct {
	chunks [slotChunk]atomic.Pointer[[slotChunk]atomic.Pointer[V]]
	more   sync.Map // int → *V, for indexes past the chunks
}

// Get returns the value of index i in version, calling build to make it if it is not
// cached. Concurrent first hits may call build more than once; they all return the value
// stored first. i must not be negative.
func (s *Slots[V]) Get(version string, i int, build func() *V) *V {
	t := s.v.table(version)
	if i >= slotChunk*slotChunk {
		if v, ok := t.more.Load(i); ok {
			return v.(*V)
		}
		v, _ := t.more.LoadOrStore(i, build())
		return v.(*V)
	}
	slot := &t.chunk(i / slotChunk)[i%slotChunk]
	if v := slot.Load(); v != nil {
		return v
	}
	slot.CompareAndSwap(nil, build()) // a concurrent first hit may have stored one
	return slot.Load()
}

// chunk returns chunk c of t, allocating it at its first use.
func (t *slotTable[V]) chunk(c int) *[slotChunk]atomic.Pointer[V] {
	if ch := t.chunks[c].Load(); ch != nil {
		return ch
	}
	t.chunks[c].CompareAndSwap(nil, new([slotChunk]atomic.Pointer[V]))
	return t.chunks[c].Load()
}
