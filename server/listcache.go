package server

import (
	"bytes"
	"encoding/json"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/vcache"
)

// A catalogCache keeps what the catalog endpoints send, per catalog version and language,
// so that the messages are rendered and encoded, and the ETag made, once per version and
// language rather than on every request: the /v1/errors list, its ETag and language
// headers, and each /v1/errors/{code} body. A reload starts over (see package vcache).
//
// The answers are kept by the language's index rather than its name: a look-up is two
// array loads, not a hash-trie walk, and touches fewer cache lines, which the kernel's
// network work between two requests leaves cold.
type catalogCache struct {
	langs vcache.Slots[answers]
	ones  vcache.Cache[oneKey, []byte]
}

// answers is what the catalog sends in one language of one catalog version. Its header
// values are shared by the responses that send them, as one-element slices that nothing
// appends to in place.
type answers struct {
	lang string // the language's tag, l.String()
	etag string
	hdr  struct{ etag, lang []string }
	list []byte
}

type oneKey struct {
	lang string
	code codes.Code
}

// get returns the answers in l's language.
func (c *catalogCache) get(l i18n.Localizer) *answers {
	return c.langs.Get(l.Version(), l.Index(), func() *answers {
		a := &answers{lang: l.String(), etag: etag(l), list: encodeList(l)}
		a.hdr.etag, a.hdr.lang = []string{a.etag}, []string{l.String()}
		return a
	})
}

// one returns the body of /v1/errors/{code} in l's language.
func (c *catalogCache) one(l i18n.Localizer, code codes.Code) []byte {
	return c.ones.Get(l.Version(), oneKey{l.String(), code}, func() []byte { return encodeJSON(entryOf(l, code)) })
}

// encodeList renders and encodes every code in l's language.
func encodeList(l i18n.Localizer) []byte {
	all := codes.All()
	entries := make([]entry, len(all))
	for i, c := range all {
		entries[i] = entryOf(l, c)
	}
	return encodeJSON(entries)
}

func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(v)
	return buf.Bytes()
}
