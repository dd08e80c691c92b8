package middleware

import (
	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/vcache"
)

// An encoded is a message without template data as encoding/json wrote it: the typed body
// {"Code":N,"Message":"..."}, the message as a JSON string, and its text; and whether the
// message has no placeholders, so that no data changes it.
type encoded struct {
	body, msg []byte
	text      string
	fixed     bool
}

type cacheKey struct {
	lang string
	code codes.Code
}

// A cache remembers encodings, so that a message is rendered and encoded once per catalog
// version, language and code rather than once per response, and a first hit costs one
// encoding, whatever the cache already holds.
type cache struct {
	c vcache.Cache[cacheKey, *encoded]
}

// get returns the encodings of code in the language of l.
func (c *cache) get(l i18n.Localizer, code codes.Code) *encoded {
	return c.c.Get(l.Version(), cacheKey{l.String(), code}, func() *encoded { return encode(l, code) })
}

// encode renders and encodes the message of code in the language of l.
func encode(l i18n.Localizer, code codes.Code) *encoded {
	e := getEncoder()
	defer e.release()
	e.body = wireBody{Code: int(code), Message: l.Message(code, nil)}
	e.encode(&e.body)
	_, placeholders := l.Template(code)
	enc := &encoded{body: clone(e.buf.Bytes()), text: e.body.Message, fixed: len(placeholders) == 0}
	e.buf.Reset()
	e.encodeString(enc.text)
	enc.msg = clone(e.buf.Bytes())
	return enc
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }
