package server

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"

	"github.com/apiswitch/errcode/internal/framing"
)

// errBeyondResponse ends a connection on which a back end sent bytes that belong to no
// response.
var errBeyondResponse = errors.New("apiswitch: the back end sent bytes beyond its response; connection closed")

// errUnfollowed refuses a new request on a connection whose last response the guard could
// not frame with certainty.
var errUnfollowed = errors.New("apiswitch: the back end's last response on this connection was framed unusually; connection not reused")

// A guardConn is a connection to a back end that never lets the transport read bytes
// beyond the response it expects (RFC 9112 §9.2): the transport would read them as the
// response to the next request sent on the connection, another client's. It follows the
// requests written and the responses read with package framing. Bytes past a response's
// end in what one read returns, and bytes that arrive while no response is expected (the
// transport keeps reading an idle connection), close the connection, with one log record
// naming the back end; a request about to reuse it is refused before anything is written,
// and the transport retries it on a new connection when it can be replayed (no body, or
// GET and the like). The socket is not peeked before each request: a system call per
// request costs more than the few microseconds in which late bytes could still slip by,
// which the suspicion of guardedTransport closes after the first catch.
type guardConn struct {
	net.Conn
	suspect *suspicion
	logger  *slog.Logger
	mu      sync.Mutex
	out     *framing.Stream // the requests written
	in      *framing.Stream // the responses read
	bad     error           // set once: every later Read and Write fails with it
	reused  bool            // a request was written before
	peeked  [512]byte
}

func newGuardConn(c net.Conn, suspect *suspicion, logger *slog.Logger) *guardConn {
	g := &guardConn{Conn: c, suspect: suspect, logger: logger, out: framing.Requests(), in: framing.Responses()}
	g.out.OnRequest = func(r framing.Request) { g.in.Method(r.Method) }
	return g
}

func (g *guardConn) Write(p []byte) (int, error) {
	g.mu.Lock()
	if err := g.beforeWrite(); err != nil {
		g.mu.Unlock()
		return 0, err
	}
	g.out.Feed(p)
	g.mu.Unlock()
	return g.Conn.Write(p)
}

// beforeWrite checks the connection when a new request is about to be written on it.
func (g *guardConn) beforeWrite() error {
	switch {
	case g.bad != nil:
		return g.bad
	case g.in.State() == framing.Tunnel || g.out.State() != framing.Idle:
		return nil // a tunnel, or the rest of a request
	case g.in.State() == framing.Lost:
		g.fail(errUnfollowed, 0)
		return g.bad
	}
	g.in.Expect()
	return nil
}

func (g *guardConn) Read(p []byte) (int, error) {
	g.mu.Lock()
	bad := g.bad
	g.mu.Unlock()
	if bad != nil {
		return 0, bad
	}
	n, err := g.Conn.Read(p)
	if n == 0 {
		return n, err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	k := g.in.Feed(p[:n])
	if k < n {
		g.fail(errBeyondResponse, n-k)
		if k == 0 {
			return 0, g.bad
		}
		// The response ends within these bytes, and the connection with it: io.EOF
		// says so to the transport, which would otherwise put the connection back in its
		// pool before it hands over a response without a body, where another request
		// could take it, fail to write, close it and make the transport report this
		// response's request as broken rather than answered.
		err = io.EOF
	}
	return k, err
}

// fail closes the connection for cause, logging it once with the back end's address and
// the number of bytes at fault (never the bytes, which are the back end's).
func (g *guardConn) fail(cause error, extra int) {
	if g.bad != nil {
		return
	}
	g.bad = cause
	g.logger.Warn(cause.Error(), "backend", g.Conn.RemoteAddr().String(), "bytes", extra)
	g.Conn.Close()
	if cause == errBeyondResponse {
		g.suspect.caught()
	}
}
