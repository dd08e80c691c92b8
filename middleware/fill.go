package middleware

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
)

// ErrUnknownCode is wrapped by what OnError is told when an inner handler's error body
// carries a numeric Code that is not an API Switch code. Such a body is sent unchanged.
var ErrUnknownCode = errors.New("middleware: unknown code in an error body")

// A filling is what the fill engine made of one response body.
type filling struct {
	body    []byte     // the filled body; nil when the body passes through unchanged
	code    codes.Code // the body's Code, when it is an integer
	hasCode bool
	unknown []byte // the raw Code when it is a number but not a known code
}

// fill is the fill engine, shared by the fill path of inner handlers and by ModifyResponse:
// a pure function of a response's body (whose status and headers the caller has found
// eligible, see eligible) that returns the body with its Message filled in the language of
// l, appended to dst, or reports why it passes through unchanged; setFilledHeaders makes
// the matching headers. The body is filled when it is one JSON object with one integer
// Code of a known code and at most one Message, which is missing, "" or null (or anything,
// with Overwrite). The body's other top-level members whose values are strings, numbers or
// booleans are the message's template data.
func (c *config) fill(l i18n.Localizer, body, dst []byte) filling {
	var arr [8]member
	ms, ok := objectMembers(body, arr[:0])
	if !ok {
		return filling{}
	}
	code, msg, ok := find(ms)
	if !ok {
		return filling{}
	}
	raw := body[code.start:code.end]
	n, isInt := intOf(raw)
	if !isInt && !isNumber(raw) {
		return filling{} // not a number: not an API Switch body
	}
	f := filling{code: codes.Code(n), hasCode: isInt}
	if msg != nil && !c.overwrite && !emptyValue(body[msg.start:msg.end]) {
		return f
	}
	if !isInt || !f.code.Known() {
		f.unknown = raw
		return f
	}
	enc := c.cache.get(l, f.code)
	text := enc.msg
	if !enc.fixed { // else the data changes nothing, and is not even read
		text = message(l, f.code, enc, templateData(body, ms, code, msg))
	}
	if msg == nil {
		dst = append(dst, body[:code.end]...)
		dst = append(dst, `,"Message":`...)
		dst = append(dst, text...)
		f.body = append(dst, body[code.end:]...)
		return f
	}
	dst = append(dst, body[:msg.start]...)
	dst = append(dst, text...)
	f.body = append(dst, body[msg.end:]...)
	return f
}

// message returns the JSON string of code's message in l's language with data: enc, the
// cached encoding, when the data fills no placeholder.
func message(l i18n.Localizer, code codes.Code, enc *encoded, data map[string]any) []byte {
	if data == nil {
		return enc.msg
	}
	text := l.Message(code, data)
	if text == enc.text {
		return enc.msg
	}
	e := getEncoder()
	defer e.release()
	e.encodeString(text)
	return bytes.Clone(e.buf.Bytes())
}

// templateData returns the body's top-level members other than Code and Message whose
// values are strings, numbers or booleans, by their unescaped names; numbers keep their
// text (json.Number). It returns nil when there are none.
func templateData(body []byte, ms []member, code, msg *member) map[string]any {
	var data map[string]any
	for i := range ms {
		m := &ms[i]
		if m == code || m == msg {
			continue
		}
		v, ok := scalar(body[m.start:m.end])
		if !ok {
			continue
		}
		var name string
		if json.Unmarshal(m.name, &name) != nil {
			continue
		}
		if data == nil {
			data = make(map[string]any, len(ms)-1)
		}
		data[name] = v
	}
	return data
}

// scalar decodes a raw JSON string, number or boolean; null, objects and arrays are not
// template values.
func scalar(raw []byte) (any, bool) {
	switch raw[0] {
	case '"':
		var s string
		return s, json.Unmarshal(raw, &s) == nil
	case 't', 'f':
		return raw[0] == 't', true
	case 'n', '{', '[':
		return nil, false
	}
	return json.Number(raw), true
}

// find returns the Code member, which must appear once, and the Message member, nil when
// missing; it reports false for anything else.
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

// isNumber reports whether a raw JSON value is a number.
func isNumber(raw []byte) bool {
	return raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9'
}

// intOf returns the value of a raw JSON integer literal that fits in nine digits, the
// range of the codes.
func intOf(raw []byte) (int, bool) {
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
	return n, true
}
