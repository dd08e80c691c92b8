package server

import "sync"

// copyBufferSize is the size of the buffer httputil.ReverseProxy copies a body through
// when it has no pool.
const copyBufferSize = 32 << 10

// A bufferPool lends the reverse proxy its copy buffers (httputil.BufferPool): without
// one, every proxied response allocates and clears 32 KiB, which costs more than the
// rest of the gateway's allocations together and makes the collector run often.
type bufferPool struct{ pool sync.Pool }

func (p *bufferPool) Get() []byte {
	if b, ok := p.pool.Get().(*[copyBufferSize]byte); ok {
		return b[:]
	}
	return make([]byte, copyBufferSize)
}

// Put takes back a buffer that Get lent.
func (p *bufferPool) Put(b []byte) {
	if cap(b) >= copyBufferSize {
		p.pool.Put((*[copyBufferSize]byte)(b[:copyBufferSize]))
	}
}
