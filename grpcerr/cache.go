package grpcerr

import (
	"sync"
	"sync/atomic"

	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

type cacheKey struct {
	lang   string
	code   codes.Code
	status int
}

// A table holds the statuses of one catalog version. It is replaced, never modified, so
// that readers take no lock. Its size is bounded by the catalog's languages times the
// codes (times the few statuses that override).
type table struct {
	version string
	m       map[cacheKey]*status.Status
}

// A statusCache remembers the statuses of problems without template data, so that an
// error is rendered and marshaled once per catalog version, language and code.
type statusCache struct {
	t  atomic.Pointer[table]
	mu sync.Mutex // serialises writers
}

// get returns the status of p, which has no data, in the language of l, made by build
// the first time.
func (c *statusCache) get(l i18n.Localizer, p problem, build func(i18n.Localizer, problem) *status.Status) *status.Status {
	key := cacheKey{l.String(), p.code, p.status}
	if t := c.t.Load(); t != nil && t.version == l.Version() {
		if st, ok := t.m[key]; ok {
			return st
		}
	}
	st := build(l, p)
	c.put(l.Version(), key, st)
	return st
}

func (c *statusCache) put(version string, key cacheKey, st *status.Status) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.t.Load()
	t := &table{version: version, m: make(map[cacheKey]*status.Status, 1)}
	if old != nil && old.version == version {
		t.m = make(map[cacheKey]*status.Status, len(old.m)+1)
		for k, v := range old.m {
			t.m[k] = v
		}
	}
	t.m[key] = st
	c.t.Store(t)
}
