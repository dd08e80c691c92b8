package middleware

import (
	"net/http"
	"strconv"
	"sync"
)

// holds reports whether a response with this status and the headers set so far is one
// the fill path may localize: a non-2XX status that allows a body, a JSON content type, no
// content coding, no trailers, not HEAD, and no Content-Length above MaxBody.
func (f *fillWriter) holds(code int) bool {
	c := f.s.cfg
	if f.typed || c.maxBody == 0 || code < 300 || code > 599 || code == http.StatusNotModified ||
		f.s.req.Method == http.MethodHead {
		return false
	}
	h := f.w.Header()
	if !isJSON(h["Content-Type"]) || len(h["Content-Encoding"]) > 0 || len(h["Trailer"]) > 0 {
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
