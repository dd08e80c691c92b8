package grpcerr

import (
	"sync"
	"sync/atomic"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

type cacheKey struct {
	lang   string
	code   codes.Code
	status int
}

// A table holds the details of one catalog version. It is replaced, never modified, so
// that readers take no lock. Its size is bounded by the catalog's languages times the
// codes (times the few statuses that override).
type table struct {
	version string
	m       map[cacheKey]details
}

// A detailsCache remembers the details of problems without template data, so that an
// error is rendered and marshaled once per catalog version, language and code.
type detailsCache struct {
	t  atomic.Pointer[table]
	mu sync.Mutex // serialises writers
}

// get returns the details of p, which has no data, in the language of l, made by build
// the first time.
func (c *detailsCache) get(l i18n.Localizer, p problem, build func(i18n.Localizer, problem) details) details {
	key := cacheKey{l.String(), p.code, p.status}
	if t := c.t.Load(); t != nil && t.version == l.Version() {
		if d, ok := t.m[key]; ok {
			return d
		}
	}
	d := build(l, p)
	c.put(l.Version(), key, d)
	return d
}

func (c *detailsCache) put(version string, key cacheKey, d details) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.t.Load()
	t := &table{version: version, m: make(map[cacheKey]details, 1)}
	if old != nil && old.version == version {
		t.m = make(map[cacheKey]details, len(old.m)+1)
		for k, v := range old.m {
			t.m[k] = v
		}
	}
	t.m[key] = d
	c.t.Store(t)
}
