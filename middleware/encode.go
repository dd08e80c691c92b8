package middleware

import (
	"bytes"
	"encoding/json"
	"sync"
)

// wireBody is the typed error body; the field order is the key order on the wire.
type wireBody struct {
	Code    int
	Message string
}

// An encoder writes JSON with encoding/json into a reused buffer. The values it encodes
// are its own fields, so that passing them to Encode allocates nothing.
type encoder struct {
	buf  bytes.Buffer
	enc  *json.Encoder
	body wireBody
	str  string
}

var encoders = sync.Pool{New: func() any {
	e := new(encoder)
	e.enc = json.NewEncoder(&e.buf)
	return e
}}

func getEncoder() *encoder {
	e := encoders.Get().(*encoder)
	e.buf.Reset()
	return e
}

// release returns e to the pool unless its buffer grew too large to keep.
func (e *encoder) release() {
	if e.buf.Cap() <= 2*DefaultMaxBody {
		encoders.Put(e)
	}
}

// encode appends the JSON of v, without the newline json.Encoder ends it with. Nothing is
// appended when v cannot be encoded.
func (e *encoder) encode(v any) error {
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	e.buf.Truncate(e.buf.Len() - 1)
	return nil
}

// encodeString appends s as a JSON string.
func (e *encoder) encodeString(s string) {
	e.str = s
	e.encode(&e.str) // a string always encodes
	e.str = ""
}
