package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/framing"
	"github.com/apiswitch/errcode/middleware"
)

// errFraming is why a request with both Content-Length and Transfer-Encoding is refused.
var errFraming = errors.New("the client: a request with both Content-Length and Transfer-Encoding (RFC 9112 §6.1)")

// A checkedListener follows the requests read on each connection it accepts, because
// net/http accepts a request with both Content-Length and Transfer-Encoding once it has
// dropped Content-Length, and the handler can no longer tell (RFC 9112 §6.1 says to refuse
// it, or to process it by Transfer-Encoding; ambiguous framing is how requests are
// smuggled past proxies).
type checkedListener struct {
	net.Listener
}

func (l checkedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	cc := &checkedConn{Conn: c, in: *framing.Requests()}
	cc.in.OnRequest = cc.request
	return cc, nil
}

// A checkedConn notes which of its requests carry both Content-Length and
// Transfer-Encoding. Requests are numbered as they reach the handler: net/http answers
// OPTIONS * itself, and closes a connection after a request it refuses.
//
// It takes no lock for a request without a conflict, and makes no atomic write: every
// byte read passes through it, and on a busy server a lock per read costs more than
// following the bytes. Which goroutine touches what:
//
//   - Read, and the Stream and request it calls, touch in and read. net/http reads a
//     connection from one goroutine at a time (its own, the background read it starts
//     while a handler runs, or the one a handler gives the body to), and its connReader
//     locks a mutex after each read and before the next, so each Read happens before the
//     next one; a hijacker that reads from two goroutines at once would race, and could
//     not follow HTTP/1.1 framing anyway.
//   - serve touches served: net/http calls the handlers of a connection one after
//     another, from its own goroutine.
//   - conflicts is shared, under mu: the background read can complete the header of
//     the next request while a handler runs. pending, its length, tells serve without
//     the lock whether there is anything to look at: a request's conflict is noted
//     before net/http parses the request, and so before its handler asks.
type checkedConn struct {
	net.Conn
	in        framing.Stream // in the checkedConn: one allocation, and near the fields it sets
	read      int            // requests read
	served    int            // requests that reached the handler
	pending   atomic.Int32   // len(conflicts)
	mu        sync.Mutex
	conflicts []int // the numbers of the requests read with both, not yet served
}

func (c *checkedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.in.Feed(p[:n])
	}
	return n, err
}

// CloseWrite lets net/http close the sending side first after a refusal, so that the
// client reads the answer rather than a reset.
func (c *checkedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

func (c *checkedConn) request(r framing.Request) {
	if r.Asterisk && r.Method == http.MethodOptions {
		return
	}
	c.read++
	if r.Conflict {
		c.mu.Lock()
		c.conflicts = append(c.conflicts, c.read)
		c.pending.Store(int32(len(c.conflicts)))
		c.mu.Unlock()
	}
}

// serve counts a request reaching the handler and reports whether it is one to refuse.
func (c *checkedConn) serve() bool {
	c.served++
	if c.pending.Load() == 0 {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.conflicts) > 0 && c.conflicts[0] < c.served {
		c.conflicts = c.conflicts[1:]
	}
	c.pending.Store(int32(len(c.conflicts)))
	return len(c.conflicts) > 0 && c.conflicts[0] == c.served
}

type connKey struct{}

// connContext makes a checkedConn known to the requests read on it.
func connContext(ctx context.Context, c net.Conn) context.Context {
	if cc, ok := c.(*checkedConn); ok {
		return context.WithValue(ctx, connKey{}, cc)
	}
	return ctx
}

// framingConflict reports whether r came with both Content-Length and
// Transfer-Encoding. Every request served on a checked connection must ask, once.
func framingConflict(r *http.Request) bool {
	cc, ok := r.Context().Value(connKey{}).(*checkedConn)
	return ok && cc.serve()
}

// refuseFraming answers a request with ambiguous framing: 400 BADREQUEST, localized, and
// the connection closed, its body unread.
func refuseFraming(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Connection", "close")
	middleware.WriteError(w, r, &codes.Error{Code: codes.BadRequest, Status: http.StatusBadRequest, Cause: errFraming})
}
