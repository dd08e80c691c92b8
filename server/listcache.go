package server

import (
	"bytes"
	"encoding/json"
	"sync"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// A listCache keeps the encoded /v1/errors body of each language, keyed by its ETag, so
// that the 103 messages are rendered and encoded once per catalog version and language,
// not on every request. It holds one body per language: a reload replaces them.
type listCache struct {
	mu     sync.Mutex
	bodies map[string]listBody // language tag → its latest body
}

type listBody struct {
	etag string
	body []byte
}

// get returns the body of the whole list in l's language, whose ETag is tag.
func (c *listCache) get(l i18n.Localizer, tag string) []byte {
	c.mu.Lock()
	b, ok := c.bodies[l.String()]
	c.mu.Unlock()
	if ok && b.etag == tag {
		return b.body
	}
	body := encodeList(l)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bodies == nil {
		c.bodies = map[string]listBody{}
	}
	c.bodies[l.String()] = listBody{etag: tag, body: body}
	return body
}

// encodeList renders and encodes every code in l's language.
func encodeList(l i18n.Localizer) []byte {
	all := codes.All()
	entries := make([]entry, len(all))
	for i, c := range all {
		entries[i] = entryOf(l, c)
	}
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(entries)
	return buf.Bytes()
}
