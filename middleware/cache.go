package middleware

import (
	"sync"
	"sync/atomic"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// An encoded is what encoding/json made of a message without template data: the typed
// body {"Code":N,"Message":"..."} and the message alone, as a JSON string.
type encoded struct {
	body, msg []byte
}

type cacheKey struct {
	lang string
	code codes.Code
}

// A table holds the encodings of one catalog version. It is replaced, never modified:
// a reader needs no lock. Its size is bounded by the catalog's languages times codes.
type table struct {
	version string
	m       map[cacheKey]encoded
}

// A cache remembers encodings, so that a message is rendered and encoded once per
// catalog version, language and code rather than once per response.
type cache struct {
	t  atomic.Pointer[table]
	mu sync.Mutex // serialises writers
}

// get returns the encodings of code, a known code, in the language of l.
func (c *cache) get(l i18n.Localizer, code codes.Code) encoded {
	key := cacheKey{l.String(), code}
	t := c.t.Load()
	if t != nil && t.version == l.Version() {
		if enc, ok := t.m[key]; ok {
			return enc
		}
	}
	enc := encode(l, code)
	c.put(l.Version(), key, enc)
	return enc
}

func (c *cache) put(version string, key cacheKey, enc encoded) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.t.Load()
	t := &table{version: version, m: make(map[cacheKey]encoded, 1)}
	if old != nil && old.version == version {
		t.m = make(map[cacheKey]encoded, len(old.m)+1)
		for k, v := range old.m {
			t.m[k] = v
		}
	}
	t.m[key] = enc
	c.t.Store(t)
}

// encode renders and encodes the message of code in the language of l.
func encode(l i18n.Localizer, code codes.Code) encoded {
	e := getEncoder()
	defer e.release()
	e.body = wireBody{Code: int(code), Message: l.Message(code, nil)}
	e.encode(&e.body)
	body := clone(e.buf.Bytes())
	e.buf.Reset()
	e.encodeString(e.body.Message)
	return encoded{body: body, msg: clone(e.buf.Bytes())}
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }
