package middleware

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/apiswitch/errcode/codes"
)

// ErrUnknownCode is wrapped by what OnError is told when an inner handler's error body
// carries a numeric Code that is not an API Switch code. Such a body is sent unchanged.
var ErrUnknownCode = errors.New("middleware: unknown code in an error body")

// fill sends the held response, with its Message filled when the body asks for it and
// unchanged otherwise.
func (f *fillWriter) fill() {
	e := getEncoder()
	defer e.release()
	if !f.splice(e) {
		f.commit()
		return
	}
	h := f.w.Header()
	if len(h["Content-Length"]) > 0 {
		h["Content-Length"] = []string{strconv.Itoa(e.buf.Len())}
	}
	setLanguage(h, f.s.loc.String(), &f.s.hv)
	f.phase = phasePass
	f.w.WriteHeader(f.code)
	f.w.Write(e.buf.Bytes())
	f.release()
	f.flushHeld()
}

// splice writes into e the held body with its Message filled, and reports whether the
// body is an API Switch error body to fill: one JSON object whose Content-Length, if
// declared, is its length, with one numeric Code of a known code and at most one Message,
// which is missing, empty or null (or anything, with Overwrite).
func (f *fillWriter) splice(e *encoder) bool {
	body := f.buf
	if cl := f.w.Header()["Content-Length"]; len(cl) > 0 {
		if n, err := strconv.Atoi(cl[0]); err != nil || n != len(body) {
			return false
		}
	}
	var arr [8]member
	ms, ok := objectMembers(body, arr[:0])
	if !ok {
		return false
	}
	code, msg, ok := find(ms)
	if !ok || msg != nil && !f.s.cfg.overwrite && !emptyValue(body[msg.start:msg.end]) {
		return false
	}
	raw := body[code.start:code.end]
	if raw[0] != '-' && (raw[0] < '0' || raw[0] > '9') {
		return false // not a number: not an API Switch body
	}
	c, known := codeOf(raw)
	if !known {
		f.s.cfg.onError(f.s.req, fmt.Errorf("%w: Code %.32s with status %d", ErrUnknownCode, raw, f.code))
		return false
	}
	text := f.s.cfg.cache.get(f.s.loc, c).msg
	if msg == nil {
		e.buf.Write(body[:code.end])
		e.buf.WriteString(`,"Message":`)
		e.buf.Write(text)
		e.buf.Write(body[code.end:])
		return true
	}
	e.buf.Write(body[:msg.start])
	e.buf.Write(text)
	e.buf.Write(body[msg.end:])
	return true
}

// find returns the Code member, which must be a number and appear once, and the Message
// member, nil when missing; it reports false for anything else.
func find(ms []member) (code, msg *member, ok bool) {
	for i := range ms {
		switch m := &ms[i]; {
		case m.is("Code"):
			if code != nil {
				return nil, nil, false
			}
			code = m
		case m.is("Message"):
			if msg != nil {
				return nil, nil, false
			}
			msg = m
		}
	}
	return code, msg, code != nil
}

// emptyValue reports whether a raw JSON value is "" or null.
func emptyValue(raw []byte) bool {
	return string(raw) == `""` || string(raw) == "null"
}

// codeOf returns the code a raw JSON value names: an integer literal of a known code.
func codeOf(raw []byte) (codes.Code, bool) {
	if len(raw) == 0 || len(raw) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range raw {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return codes.ByNumber(n)
}
