package i18n

import (
	"hash/maphash"
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
// by CLOCK (an entry read since the hand last passed it gets a second chance). Reads and
// writes take no lock: a writer swaps one entry in with a compare-and-swap, and gives up,
// storing nothing, when another writer got there first. Keys are hashed with a random
// seed, so a sender cannot aim its keys at one set.
type cache[V any] struct {
	seed  maphash.Seed
	slots [cacheSets * cacheWays]atomic.Pointer[cacheEntry[V]]
	hands [cacheSets]atomic.Uint32
}

type cacheEntry[V any] struct {
	hash uint64
	key  string
	val  V
	used atomic.Bool // read since the CLOCK hand last passed
}

func newEntry[V any](h uint64, key string, val V) *cacheEntry[V] {
	return &cacheEntry[V]{hash: h, key: strings.Clone(key), val: val}
}

// init readies a cache in place: its atomics must not be copied.
func (c *cache[V]) init() { c.seed = maphash.MakeSeed() }

func newCache[V any]() *cache[V] {
	c := new(cache[V])
	c.init()
	return c
}

// get returns the value cached for key.
func (c *cache[V]) get(key string) (V, bool) {
	h := maphash.String(c.seed, key)
	set := c.set(h)
	for i := range set {
		e := set[i].Load()
		if e == nil {
			break // a set fills from its first slot and never empties one
		}
		if e.hash == h && e.key == key {
			if !e.used.Load() {
				e.used.Store(true)
			}
			return e.val, true
		}
	}
	var zero V
	return zero, false
}

// put caches val for key, replacing an entry not read since the hand last passed it. It
// keeps a copy of key, never the caller's backing array (a whole request header).
func (c *cache[V]) put(key string, val V) {
	h := maphash.String(c.seed, key)
	set := c.set(h)
	for i := range set {
		e := set[i].Load()
		if e == nil {
			set[i].CompareAndSwap(nil, newEntry(h, key, val))
			return
		}
		if e.hash == h && e.key == key {
			return
		}
	}
	hand := &c.hands[h%cacheSets]
	for range 2 * cacheWays {
		slot := &set[hand.Add(1)%cacheWays]
		e := slot.Load()
		if e.used.Load() {
			e.used.Store(false)
			continue
		}
		slot.CompareAndSwap(e, newEntry(h, key, val))
		return
	}
}

// set returns the slots of the set that holds hash h.
func (c *cache[V]) set(h uint64) []atomic.Pointer[cacheEntry[V]] {
	i := int(h%cacheSets) * cacheWays
	return c.slots[i : i+cacheWays]
}

// len returns the number of cached keys.
func (c *cache[V]) len() int {
	n := 0
	for i := range c.slots {
		if c.slots[i].Load() != nil {
			n++
		}
	}
	return n
}
