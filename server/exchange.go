package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// An exchange is the context of one proxied request: it ends when the request's deadline
// passes, when the back end stays silent for the idle timeout while its body is read, or
// when the client goes away. One timer serves both bounds, and a read costs it nothing:
// a read notes when it started, and the timer, which fires at least once per idle bound,
// looks at that note (see expire). The writers and body wrappers of the exchange are
// allocated with it.
type exchange struct {
	context.Context
	parent   context.Context // the client's request's
	cancel   context.CancelCauseFunc
	deadline time.Time
	idle     time.Duration
	timer    *time.Timer
	reading  atomic.Int64 // when the read of the back end's body in progress started (see now), 0 for none
	mu       sync.Mutex
	client   error // why reading the client's body failed, if it did
	tunneled bool  // the exchange became a tunnel: no bound applies
	w        deferredWriter
	body     upstreamBody
}

type exchangeKey struct{}

// The causes of an exchange that timed out.
var (
	errDeadline = errors.New("apiswitch: the request's deadline (-upstream-timeout) passed")
	errIdle     = errors.New("apiswitch: the back end sent nothing for -upstream-idle-timeout")
)

func newExchange(parent context.Context, cfg gatewayConfig) *exchange {
	ctx, cancel := context.WithCancelCause(parent)
	e := &exchange{Context: ctx, parent: parent, cancel: cancel, deadline: time.Now().Add(cfg.timeout), idle: cfg.idle}
	e.mu.Lock() // expire may run before the assignment is done
	e.timer = time.AfterFunc(min(cfg.timeout, cfg.idle), e.expire)
	e.mu.Unlock()
	return e
}

// epoch is what now counts from.
var epoch = time.Now()

// now returns the monotonic time since epoch, never 0.
func now() time.Duration { return time.Since(epoch) + 1 }

// at returns what now returned at t, a time.Now with its monotonic reading.
func at(t time.Time) time.Duration { return t.Sub(epoch) + 1 }

func (e *exchange) Value(key any) any {
	if key == (exchangeKey{}) {
		return e
	}
	return e.Context.Value(key)
}

// exchangeOf returns the exchange of a request the gateway sends, or nil.
func exchangeOf(ctx context.Context) *exchange {
	e, _ := ctx.Value(exchangeKey{}).(*exchange)
	return e
}

// expire ends the exchange if a bound has passed, and rearms the timer otherwise: for
// the idle bound of the read in progress, else an idle bound later (a read may start
// meanwhile), but never past the deadline. A read that starts between two firings is
// thus ended exactly an idle bound after it started.
func (e *exchange) expire() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.tunneled {
		return
	}
	left := time.Until(e.deadline)
	if left <= 0 {
		e.cancel(errDeadline)
		return
	}
	next := e.idle
	if start := time.Duration(e.reading.Load()); start != 0 {
		silent := now() - start
		if silent >= e.idle {
			e.cancel(errIdle)
			return
		}
		next = e.idle - silent
	}
	e.timer.Reset(min(next, left))
}

// startRead notes the start of a read of the back end's body, which the idle bound
// applies to until endRead.
func (e *exchange) startRead() { e.reading.Store(int64(now())) }

func (e *exchange) endRead() { e.reading.Store(0) }

// tunnel lifts the exchange's bounds and the client connection's deadlines, for the
// tunnel a 101 opens.
func (e *exchange) tunnel() {
	e.mu.Lock()
	e.tunneled = true
	e.timer.Stop()
	e.mu.Unlock()
	if e.w.ResponseWriter != nil {
		rc := http.NewResponseController(&e.w)
		rc.SetReadDeadline(time.Time{})
		rc.SetWriteDeadline(time.Time{})
	}
}

// stop releases the exchange's timer and context.
func (e *exchange) stop() {
	e.timer.Stop()
	e.cancel(nil)
}

// timedOut returns the bound that ended the exchange, or nil.
func (e *exchange) timedOut() error {
	if cause := context.Cause(e); cause == errDeadline || cause == errIdle {
		return cause
	}
	return nil
}

// clientFailed returns why the client's side failed: its body could not be read, or it
// went away. It is nil when the client is not to blame.
func (e *exchange) clientFailed() error {
	e.mu.Lock()
	err := e.client
	e.mu.Unlock()
	if err != nil {
		return err
	}
	if e.parent.Err() != nil {
		return fmt.Errorf("the client went away: %w", context.Cause(e.parent))
	}
	return nil
}

// upstreamBody reads a back end's body under the idle bound, and says which bound ended it.
type upstreamBody struct {
	io.ReadCloser
	e *exchange
}

func (b *upstreamBody) Read(p []byte) (int, error) {
	b.e.startRead()
	n, err := b.ReadCloser.Read(p)
	b.e.endRead()
	if err != nil && err != io.EOF {
		if cause := b.e.timedOut(); cause != nil {
			err = cause
		}
	}
	return n, err
}

// clientBody reads the client's body for the back end, remembering why it failed.
type clientBody struct {
	io.ReadCloser
	e *exchange
}

func (b *clientBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		b.e.mu.Lock()
		if b.e.client == nil {
			b.e.client = fmt.Errorf("reading the client's body: %w", err)
		}
		b.e.mu.Unlock()
	}
	return n, err
}

// writeGrace is how long the client has to take what the gateway writes after the
// exchange's deadline: the 504, or the rest of what it had.
const writeGrace = 5 * time.Second

// writeDeadline lets a proxied response take as long as the exchange may, when that is
// longer than the server's write timeout, which bounds its own answers.
func writeDeadline(w http.ResponseWriter, e *exchange, serverTimeout time.Duration) {
	if e.deadline.Add(writeGrace).After(time.Now().Add(serverTimeout)) {
		http.NewResponseController(w).SetWriteDeadline(e.deadline.Add(writeGrace))
	}
}
