package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// An exchange is the context of one proxied request: it ends when the request's deadline
// passes, when the back end stays silent for the idle timeout while its body is read, or
// when the client goes away. One timer serves both bounds.
type exchange struct {
	context.Context
	parent   context.Context // the client's request's
	cancel   context.CancelCauseFunc
	deadline time.Time
	idle     time.Duration
	timer    *time.Timer
	mu       sync.Mutex
	reading  bool  // a read of the back end's body is in progress
	client   error // why reading the client's body failed, if it did
	w        http.ResponseWriter
	tunneled bool // the exchange became a tunnel: no bound applies
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
	e.timer = time.AfterFunc(cfg.timeout, e.expire)
	return e
}

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

// expire ends the exchange if a bound has passed, and rearms the timer otherwise.
func (e *exchange) expire() {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case e.tunneled:
	case !time.Now().Before(e.deadline):
		e.cancel(errDeadline)
	case e.reading:
		e.cancel(errIdle)
	default:
		e.timer.Reset(time.Until(e.deadline))
	}
}

// startRead arms the idle bound for a read of the back end's body; endRead disarms it.
// The timer then fires at most an idle bound later, finds no read and goes back to the
// deadline, rather than being reset twice per read.
func (e *exchange) startRead() {
	e.mu.Lock()
	e.reading = true
	e.timer.Reset(e.idle)
	e.mu.Unlock()
}

func (e *exchange) endRead() {
	e.mu.Lock()
	e.reading = false
	e.mu.Unlock()
}

// tunnel lifts the exchange's bounds and the client connection's deadlines, for the
// tunnel a 101 opens.
func (e *exchange) tunnel() {
	e.mu.Lock()
	e.tunneled = true
	e.timer.Stop()
	e.mu.Unlock()
	if e.w != nil {
		rc := http.NewResponseController(e.w)
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
