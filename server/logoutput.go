package server

import (
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// logFlushInterval bounds how long a log line waits in the buffer: one write(2) per line
// costs more than the rest of a request's logging, and a line is seldom needed sooner.
const logFlushInterval = 100 * time.Millisecond

// logBufferSize is how much is buffered before a flush, whatever the interval.
const logBufferSize = 64 << 10

// maxLogPending bounds what waits to be written: a log destination slower than the
// requests makes them wait (nothing is dropped) once this much is pending.
const maxLogPending = 1 << 20

// A logOutput buffers what is logged and writes it to w off the request path: at most
// logFlushInterval after it was logged, or as soon as logBufferSize is buffered. A
// request waits for the destination only when maxLogPending is pending. Close flushes
// what is left, so that a shutdown loses nothing. It is safe for concurrent use.
type logOutput struct {
	mu       sync.Mutex
	more     *sync.Cond // signalled when the buffer is taken
	buf      []byte
	spare    []byte        // the buffer written last, to fill next
	flushing bool          // a flush of a full buffer is under way
	timer    *time.Timer   // armed while buf holds something
	interval time.Duration // logFlushInterval; longer in a test of the early flush
	writing  sync.Mutex    // serialises writes to w, in the order taken
	w        io.Writer
	err      error // the first write error, after which output is dropped
}

func newLogOutput(w io.Writer) *logOutput {
	o := &logOutput{w: w, buf: newLogBuffer(), interval: logFlushInterval}
	o.more = sync.NewCond(&o.mu)
	o.timer = time.AfterFunc(time.Hour, o.Flush)
	o.timer.Stop()
	return o
}

// Write buffers p, which a log handler writes as whole lines. It takes o's lock once and
// unlocks without a defer: on the request path the lock's two atomic instructions are
// most of the cost, and nothing between them can panic.
func (o *logOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	for len(o.buf) >= maxLogPending {
		o.more.Wait()
	}
	if len(o.buf) == 0 && len(p) > 0 {
		o.timer.Reset(o.interval)
	}
	o.buf = append(o.buf, p...)
	if len(o.buf) >= logBufferSize && !o.flushing {
		o.flushing = true
		go o.Flush()
	}
	o.mu.Unlock()
	return len(p), nil
}

// Flush writes what is buffered. The two buffers take turns: one is filled while the
// other is written, so that neither is grown again after the first flushes.
func (o *logOutput) Flush() {
	o.writing.Lock()
	defer o.writing.Unlock()
	o.mu.Lock()
	out := o.buf
	if len(out) > 0 {
		if o.spare == nil {
			o.spare = newLogBuffer()
		}
		o.buf, o.spare = o.spare[:0], nil
	}
	o.flushing = false
	o.timer.Stop()
	o.more.Broadcast()
	o.mu.Unlock()
	if len(out) == 0 {
		return
	}
	if o.err == nil {
		_, o.err = o.w.Write(out)
	}
	if cap(out) <= 2*maxLogPending {
		o.mu.Lock()
		o.spare = out[:0]
		o.mu.Unlock()
	}
}

// Close flushes and stops the timer.
func (o *logOutput) Close() {
	o.Flush()
	o.timer.Stop()
}

// newLogBuffer returns an empty buffer that holds what is buffered between two flushes
// without growing, unless the destination is slow.
func newLogBuffer() []byte { return make([]byte, 0, 2*logBufferSize) }

// newLogger returns a logger writing format ("text" or "json") to w. In JSON, durations
// are Go duration strings ("1.5ms"), not bare nanoseconds.
func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: durationText}))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

func durationText(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		return slog.String(a.Key, a.Value.Duration().String())
	}
	return a
}

// maxLoggedError bounds the text of an error logged from net/http or the reverse proxy,
// which may quote what a back end sent.
const maxLoggedError = 256

// errorLogWriter turns the lines a *log.Logger writes (net/http's server and the reverse
// proxy have one each) into slog records, so that every line has the logger's format.
type errorLogWriter struct {
	logger *slog.Logger
	msg    string
}

func (w errorLogWriter) Write(p []byte) (int, error) {
	w.logger.Warn(w.msg, "err", truncate(strings.TrimRight(string(p), "\n"), maxLoggedError))
	return len(p), nil
}

// truncate cuts s to at most n bytes, saying so.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
