package server

import (
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// logFlushInterval bounds how long a log line waits in the queue: one write(2) per line
// costs more than the rest of a request's logging, and a line is seldom needed sooner.
const logFlushInterval = 100 * time.Millisecond

// logBufferSize is how much is queued before a flush, whatever the interval: the bytes
// written plus, for each access record, the bound of its line (accessRecord.size).
const logBufferSize = 64 << 10

// maxLogPending bounds what waits to be written, counted as logBufferSize is: a log
// destination slower than the requests makes them wait (nothing is dropped) once this
// much is pending.
const maxLogPending = 1 << 20

// A logOutput queues what is logged and writes it to w off the request path: at most
// logFlushInterval after it was logged, or as soon as logBufferSize is queued. A request
// waits for the destination only when maxLogPending is pending. Close flushes what is
// left, so that a shutdown loses nothing. It is safe for concurrent use.
//
// What is queued is of two kinds, kept in the order logged: the bytes written through
// Write (the slog handlers' lines, copied), and the access log's records, which the
// flush formats. The request path thus stores a small fixed-size record into a slice
// reused from flush to flush, and never formats or copies a line: over TCP the kernel's
// network work evicts the caches between two requests, and the 200 bytes of a line
// stored into a shared buffer were most of what the access log cost a request (a
// build formatting in batches served the catalog's 304 as fast as one with no access
// log; BENCHMARKS.md, issue 13 §4). The flush formats and writes a batch with one
// write(2), in the goroutine of the timer or of the early flush.
type logOutput struct {
	mu       sync.Mutex
	more     *sync.Cond // signalled when the queue is taken
	queue    logBatch   // what is pending
	size     int        // queue's size: bytes, access lines counted at their bound
	spare    logBatch   // the batch written last, to fill next
	flushing bool       // a flush of a full queue is under way
	timer    *time.Timer
	interval time.Duration // logFlushInterval; longer in a test of the early flush
	writing  sync.Mutex    // serialises flushes, which write in the order they took
	buf      []byte        // the batch formatted, under writing
	w        io.Writer
	err      error // the first write error, after which output is dropped
}

// A logBatch is what was logged between two flushes: the bytes written, and the access
// records, each of which says how many of those bytes were written before it.
type logBatch struct {
	raw     []byte
	records []accessRecord
}

func newLogOutput(w io.Writer) *logOutput {
	o := &logOutput{w: w, queue: newLogBatch(), interval: logFlushInterval}
	o.more = sync.NewCond(&o.mu)
	o.timer = time.AfterFunc(time.Hour, o.Flush)
	o.timer.Stop()
	return o
}

// newLogBatch returns an empty batch whose records hold what is queued between two
// flushes without growing, unless the destination is slow. The bytes, which only lines
// other than the access log's take, grow as they are needed and are kept after.
func newLogBatch() logBatch {
	return logBatch{records: make([]accessRecord, 0, logBufferSize/maxAccessFixed+1)}
}

// Write queues p, which a log handler writes as whole lines. It takes o's lock once and
// unlocks without a defer: on the request path the lock's two atomic instructions are
// most of the cost, and nothing between them can panic.
func (o *logOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	o.waitRoom()
	o.queue.raw = append(o.queue.raw, p...)
	o.queued(len(p))
	o.mu.Unlock()
	return len(p), nil
}

// logAccess queues the record of a request, which the flush formats. Its only
// allocation is the growth of the queue past what newLogBatch made room for, when the
// destination is slower than the requests.
func (o *logOutput) logAccess(r accessRecord) {
	n := r.size()
	o.mu.Lock()
	o.waitRoom()
	r.at = len(o.queue.raw)
	o.queue.records = append(o.queue.records, r)
	o.queued(n)
	o.mu.Unlock()
}

// waitRoom waits, with o.mu held, until less than maxLogPending is pending.
func (o *logOutput) waitRoom() {
	for o.size >= maxLogPending {
		o.more.Wait()
	}
}

// queued counts n more bytes queued, with o.mu held: it arms the timer for the first,
// and starts an early flush once logBufferSize is queued.
func (o *logOutput) queued(n int) {
	if o.size == 0 && n > 0 {
		o.timer.Reset(o.interval)
	}
	o.size += n
	if o.size >= logBufferSize && !o.flushing {
		o.flushing = true
		go o.Flush()
	}
}

// Flush writes what is queued, formatted. The two batches take turns: one is filled
// while the other is formatted and written, so that neither is grown again after the
// first flushes.
func (o *logOutput) Flush() {
	o.writing.Lock()
	defer o.writing.Unlock()
	o.mu.Lock()
	b := o.queue
	empty := o.size == 0
	if !empty {
		if o.spare.records == nil {
			o.spare = newLogBatch()
		}
		o.queue, o.spare = o.spare, logBatch{}
	}
	o.size = 0
	o.flushing = false
	o.timer.Stop()
	o.more.Broadcast()
	o.mu.Unlock()
	if empty {
		return
	}
	if o.err == nil {
		out := b.raw
		if len(b.records) > 0 {
			o.buf = b.appendTo(o.buf[:0])
			out = o.buf
		}
		_, o.err = o.w.Write(out)
	}
	if cap(o.buf) > 2*maxLogPending {
		o.buf = nil
	}
	clear(b.records) // the strings of requests long gone
	b.records = b.records[:0]
	b.raw = b.raw[:0]
	if cap(b.raw) > 2*maxLogPending {
		b.raw = nil
	}
	o.mu.Lock()
	o.spare = b
	o.mu.Unlock()
}

// appendTo appends b's lines to dst, in the order they were logged.
func (b *logBatch) appendTo(dst []byte) []byte {
	at := 0
	for i := range b.records {
		r := &b.records[i]
		dst = append(dst, b.raw[at:r.at]...)
		at = r.at
		dst = r.log.format(dst, r.method, r.path, &r.out)
	}
	return append(dst, b.raw[at:]...)
}

// Close flushes and stops the timer.
func (o *logOutput) Close() {
	o.Flush()
	o.timer.Stop()
}

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
