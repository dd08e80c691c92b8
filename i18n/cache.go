package i18n

import (
	"strings"
	"sync/atomic"
)

// Sizes of a cache: cacheSets sets of cacheWays entries each.
const (
	cacheWays = 8
	cacheSets = 64
)

// A cache is a bounded map from strings to values that keeps serving the keys that recur,
// however many distinct keys arrive: a fixed array of sets, each replacing its entries
// by CLOCK (an entry read since the hand last passed it gets a second chance, and junk is
// never read again). Reads and writes take no lock: a writer swaps one entry in with a
// compare-and-swap, and gives up, storing nothing, when another writer got there first.
// Keys are hashed under a secret random hashKey, so a sender cannot aim its keys at one set.
type cache[V any] struct {
	key  hashKey
	sets [cacheSets]cacheSet[V]
}

// A cacheSet holds cacheWays entries. It fills from its first slot and never empties one.
type cacheSet[V any] struct {
	// hashes holds each slot's key hash, so that a lookup reads one cache line and
	// follows a pointer only on a likely hit. A writer stores it after the slot, so that
	// it may briefly disagree: the entry's key decides, and a disagreement costs a miss,
	// never a wrong answer.
	hashes [cacheWays]atomic.Uint64
	slots  [cacheWays]atomic.Pointer[cacheEntry[V]]
	hand   atomic.Uint32
}

type cacheEntry[V any] struct {
	key  string
	val  V
	used atomic.Bool // read since the CLOCK hand last passed
}

// init readies a cache in place: its atomics must not be copied.
func (c *cache[V]) init() { c.key = newHashKey() }

func newCache[V any]() *cache[V] {
	c := new(cache[V])
	c.init()
	return c
}

// get returns the value cached for key.
func (c *cache[V]) get(key string) (V, bool) {
	h := c.key.hash(key)
	if e := c.find(h, key); e != nil {
		if !e.used.Load() {
			e.used.Store(true)
		}
		return e.val, true
	}
	var zero V
	return zero, false
}

// find returns the entry of key, whose hash is h, or nil.
func (c *cache[V]) find(h uint64, key string) *cacheEntry[V] {
	set := &c.sets[h%cacheSets]
	for i := range set.hashes {
		if set.hashes[i].Load() == h {
			if e := set.slots[i].Load(); e != nil && e.key == key {
				return e
			}
		}
	}
	return nil
}

// put caches val for key, in an empty slot of its set or else in place of an entry not
// read since the CLOCK hand last passed it. It keeps a copy of key, never the caller's
// backing array (a whole request header).
func (c *cache[V]) put(key string, val V) {
	h := c.key.hash(key)
	if c.find(h, key) != nil {
		return
	}
	set := &c.sets[h%cacheSets]
	for i := range set.slots {
		if set.slots[i].Load() == nil {
			set.store(i, nil, h, key, val)
			return
		}
	}
	for range 2 * cacheWays {
		i := set.hand.Add(1) % cacheWays
		e := set.slots[i].Load()
		if e.used.Load() {
			e.used.Store(false)
			continue
		}
		set.store(int(i), e, h, key, val)
		return
	}
}

// store replaces old in slot i by a new entry, unless another writer replaced it first.
func (s *cacheSet[V]) store(i int, old *cacheEntry[V], h uint64, key string, val V) {
	if s.slots[i].CompareAndSwap(old, &cacheEntry[V]{key: strings.Clone(key), val: val}) {
		s.hashes[i].Store(h)
	}
}

// len returns the number of cached keys.
func (c *cache[V]) len() int {
	n := 0
	for i := range c.sets {
		for j := range c.sets[i].slots {
			if c.sets[i].slots[j].Load() != nil {
				n++
			}
		}
	}
	return n
}
