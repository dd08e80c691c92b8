package middleware

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
)

// holds reports whether a response with this status and the headers set so far is one
// the fill path may localize: eligible, with no content coding.
func (f *fillWriter) holds(code int) bool {
	h := f.w.Header()
	return !f.noHold && f.s.cfg.eligible(code, f.s.req.Method, h) && len(h["Content-Encoding"]) == 0
}

// eligible reports whether the fill engine may look at a response: a non-2XX status that
// allows a body, a request that is not HEAD, a JSON content type, no trailers, and no
// Content-Length above MaxBody. The caller judges the content coding.
func (c *config) eligible(status int, method string, h http.Header) bool {
	if c.maxBody == 0 || status < 300 || status > 599 || status == http.StatusNotModified ||
		method == http.MethodHead || !isJSON(h["Content-Type"]) || len(h["Trailer"]) > 0 {
		return false
	}
	if cl := h["Content-Length"]; len(cl) > 0 {
		n, err := strconv.ParseInt(cl[0], 10, 64)
		return err == nil && n >= 0 && n <= int64(c.maxBody)
	}
	return true
}

var buffers = sync.Pool{New: func() any { return new([]byte) }}

// getBuffer returns an empty pooled buffer and the pointer that returns it to the pool.
func getBuffer() *[]byte {
	p := buffers.Get().(*[]byte)
	*p = (*p)[:0]
	return p
}

// putBuffer returns b, the buffer of p, to the pool unless it grew too large to keep.
func putBuffer(p *[]byte, b []byte) {
	if cap(b) <= 2*DefaultMaxBody {
		*p = b
		buffers.Put(p)
	}
}

// fill sends the held response, with its Message filled when the body asks for it and
// unchanged otherwise.
func (f *fillWriter) fill() {
	s := f.s
	h := f.w.Header()
	if !declared(h, len(f.buf)) {
		f.commit()
		return
	}
	dst := getBuffer()
	defer func() { putBuffer(dst, *dst) }()
	res := s.cfg.fill(s.loc, f.buf, *dst)
	s.filled(res, f.code)
	if res.body == nil {
		f.commit()
		return
	}
	*dst = res.body
	setFilledHeaders(h, s.loc.String(), len(res.body), len(h["Content-Length"]) > 0, s.values())
	f.phase = phasePass
	f.w.WriteHeader(f.code)
	s.recordStatus(f.code)
	f.write(res.body)
	f.release()
	f.flushHeld()
}

// filled records what the fill engine found in a body sent with status, and reports an
// unknown code.
func (s *state) filled(res filling, status int) {
	if res.hasCode {
		s.out.Code = res.code
	}
	if res.body != nil {
		s.out.Lang = langOf(s.loc)
	}
	if res.unknown != nil {
		s.cfg.onError(s.req, fmt.Errorf("%w: Code %.32s with status %d", ErrUnknownCode, res.unknown, status))
	}
}

// declared reports whether a Content-Length, if one is set, is n: a body whose length is
// not what its handler declared passes through for net/http to judge.
func declared(h http.Header, n int) bool {
	cl := h["Content-Length"]
	if len(cl) == 0 {
		return true
	}
	m, err := strconv.Atoi(cl[0])
	return err == nil && m == n
}
