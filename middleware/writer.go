package middleware

import (
	"bufio"
	"io"
	"net"
	"net/http"
)

// A phase is how far a response has gone.
type phase uint8

const (
	phaseNone     phase = iota // no status yet
	phaseHold                  // a non-2XX JSON body is held to be filled
	phasePass                  // the status is sent; everything passes through
	phaseHijacked              // the connection belongs to the handler
)

// A fillWriter is the ResponseWriter inner handlers get. It passes everything through,
// except the body of a response the fill path may localize, which it holds until the
// handler returns or the body outgrows MaxBody.
type fillWriter struct {
	w         http.ResponseWriter
	s         *state
	phase     phase
	noHold    bool    // WriteError or ModifyResponse is writing this response: never hold
	flushWait bool    // a Flush waits for the held body
	code      int     // the held status
	buf       []byte  // the held body
	pool      *[]byte // returns buf to the pool
}

func (f *fillWriter) Header() http.Header { return f.w.Header() }

// Unwrap returns the wrapped writer, for http.ResponseController.
func (f *fillWriter) Unwrap() http.ResponseWriter { return f.w }

func (f *fillWriter) WriteHeader(code int) {
	switch {
	case f.phase == phaseHold:
		return // superfluous: the first status stands
	case f.phase != phaseNone, code >= 100 && code < 200 && code != http.StatusSwitchingProtocols:
		f.w.WriteHeader(code)
		f.s.recordStatus(code)
		return
	case f.holds(code):
		f.phase, f.code = phaseHold, code
		f.pool = getBuffer()
		f.buf = *f.pool
		return
	}
	f.w.WriteHeader(code) // may panic on an invalid code: the phase stays none
	f.phase = phasePass
	f.s.recordStatus(code)
}

func (f *fillWriter) Write(p []byte) (int, error) {
	switch f.phase {
	case phaseNone:
		f.WriteHeader(http.StatusOK)
	case phaseHold:
		return f.hold(p)
	}
	return f.write(p)
}

// write passes p through, counting what was written.
func (f *fillWriter) write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	f.s.out.Bytes += int64(n)
	return n, err
}

// hold adds p to the held body, or sends the body unchanged once it exceeds MaxBody.
func (f *fillWriter) hold(p []byte) (int, error) {
	if len(f.buf)+len(p) <= f.s.cfg.maxBody {
		f.buf = append(f.buf, p...)
		return len(p), nil
	}
	if err := f.commit(); err != nil {
		return 0, err
	}
	return f.write(p)
}

// commit sends the held status and body unchanged.
func (f *fillWriter) commit() error {
	if f.phase != phaseHold {
		return nil
	}
	f.phase = phasePass
	f.w.WriteHeader(f.code)
	f.s.recordStatus(f.code)
	var err error
	if len(f.buf) > 0 {
		_, err = f.write(f.buf)
	}
	f.release()
	f.flushHeld()
	return err
}

// flushHeld does the Flush that waited for the held body.
func (f *fillWriter) flushHeld() {
	if f.flushWait {
		f.flushWait = false
		http.NewResponseController(f.w).Flush()
	}
}

// release returns the held body's buffer to the pool.
func (f *fillWriter) release() {
	putBuffer(f.pool, f.buf)
	f.pool, f.buf = nil, nil
}

// FlushError flushes the wrapped writer. While a body is held, flushing waits until the
// body is sent: the held body is at most MaxBody and ends when the handler returns.
func (f *fillWriter) FlushError() error {
	if f.phase == phaseHold {
		f.flushWait = true
		return nil
	}
	if f.phase == phaseNone {
		f.WriteHeader(http.StatusOK)
	}
	return http.NewResponseController(f.w).Flush()
}

// Flush implements http.Flusher; see FlushError.
func (f *fillWriter) Flush() { f.FlushError() }

// Hijack sends a held body unchanged and hands over the connection.
func (f *fillWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if err := f.commit(); err != nil {
		return nil, nil, err
	}
	c, rw, err := http.NewResponseController(f.w).Hijack()
	if err == nil {
		f.phase = phaseHijacked
		f.s.out.Hijacked = true
	}
	return c, rw, err
}

// ReadFrom keeps the wrapped writer's io.ReaderFrom (sendfile) for bodies that pass
// through.
func (f *fillWriter) ReadFrom(src io.Reader) (int64, error) {
	if f.phase == phaseNone {
		f.WriteHeader(http.StatusOK)
	}
	if rf, ok := f.w.(io.ReaderFrom); ok && f.phase == phasePass {
		n, err := rf.ReadFrom(src)
		f.s.out.Bytes += n
		return n, err
	}
	return io.Copy(writerOnly{f}, src)
}

// writerOnly hides ReadFrom from io.Copy.
type writerOnly struct{ io.Writer }
