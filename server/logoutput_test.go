package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

// TestLogOutputLosesNothing writes from many goroutines, more than the buffer and the
// pending bound hold, to a slow destination: every line arrives whole, once, in each
// writer's order, and the last ones by Close.
func TestLogOutputLosesNothing(t *testing.T) {
	t.Parallel()
	dst := &slowWriter{}
	o := newLogOutput(dst)
	const writers, lines = 8, 3000
	pad := strings.Repeat("x", 100)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range lines {
				fmt.Fprintf(o, "%d %d %s\n", w, i, pad)
			}
		})
	}
	wg.Wait()
	o.Close()
	next := make([]int, writers)
	got := strings.Split(strings.TrimSuffix(dst.String(), "\n"), "\n")
	for _, line := range got {
		var w, i int
		var rest string
		if _, err := fmt.Sscanf(line, "%d %d %s", &w, &i, &rest); err != nil || rest != pad || i != next[w] {
			t.Fatalf("line %q out of order or broken (writer %d expects %d)", line, w, next[w])
		}
		next[w]++
	}
	if len(got) != writers*lines {
		t.Errorf("%d lines arrived, want %d", len(got), writers*lines)
	}
}

// A logKind is one of the two kinds of what a logOutput queues, for the tests that take
// both: a line written through Write, and an access record. Each log call counts for size
// in what is pending, and writes line.
type logKind struct {
	name string
	size int
	line string
	log  func(a *accessLog)
}

// logKinds returns a line of 100 bytes written, and the record of a request whose path is
// 100 bytes, in JSON: its line is formatted by accessLog.line, and counts for its bound.
func logKinds() []logKind {
	raw := strings.Repeat("x", 99) + "\n"
	r := accessRequest("GET", "/v1/errors/"+strings.Repeat("p", 89))
	out := middleware.Outcome{Status: 304, Lang: "en-US", Duration: 12345, End: time.Unix(1795906862, 123456789)}
	rec := accessRecord{method: r.Method, path: r.URL.Path, out: out}
	return []logKind{
		{"write", len(raw), raw, func(a *accessLog) { io.WriteString(a.out, raw) }},
		{"access", rec.size(), string(newAccessLog("json", nil).line(nil, r, out)), func(a *accessLog) { a.observe(r, out) }},
	}
}

// accessRequest returns a request with this method and path, all that observe reads of it.
func accessRequest(method, path string) *http.Request {
	return &http.Request{Method: method, URL: &url.URL{Path: path}}
}

// waitFor waits until cond holds, failing the test after 10 s: generous, so that a slow
// machine does not fail it.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 10 s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// eachLogKind runs test for each kind in parallel, with an access log into a logOutput to
// a slowWriter, whose timer waits interval.
func eachLogKind(t *testing.T, interval time.Duration, test func(t *testing.T, k logKind, a *accessLog, dst *slowWriter)) {
	t.Parallel()
	for _, k := range logKinds() {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			dst := &slowWriter{}
			o := newLogOutput(dst)
			o.interval = interval
			defer o.Close()
			test(t, k, newAccessLog("json", o), dst)
		})
	}
}

func TestLogOutputFlushesWithinTheInterval(t *testing.T) {
	eachLogKind(t, logFlushInterval, func(t *testing.T, k logKind, a *accessLog, dst *slowWriter) {
		k.log(a)
		waitFor(t, "a line written", func() bool { return dst.String() == k.line })
	})
}

// TestLogOutputFlushesAFullBuffer: once logBufferSize is queued it is written without
// waiting for the interval (an hour here, so that only the early flush can write it). An
// access record counts for its line's bound.
func TestLogOutputFlushesAFullBuffer(t *testing.T) {
	eachLogKind(t, time.Hour, func(t *testing.T, k logKind, a *accessLog, dst *slowWriter) {
		below := (logBufferSize - 1) / k.size // the most that stays below logBufferSize
		for range below {
			k.log(a)
		}
		if dst.String() != "" {
			t.Fatal("less than logBufferSize was written early") // nothing can write it but the timer
		}
		k.log(a)
		want := strings.Repeat(k.line, below+1)
		waitFor(t, "a full buffer written", func() bool { return dst.String() == want })
	})
}

// TestLogOutputBoundsWhatIsPending: while the destination does not take what is written,
// a writer waits once maxLogPending is queued (plus what crossed it, and the batch the
// stalled write holds); nothing is lost once the destination resumes.
func TestLogOutputBoundsWhatIsPending(t *testing.T) {
	t.Parallel()
	for _, k := range logKinds() {
		t.Run(k.name, func(t *testing.T) {
			t.Parallel()
			dst := &stalledWriter{resume: make(chan struct{})}
			o := newLogOutput(dst)
			a := newAccessLog("json", o)
			lines := 3 * maxLogPending / k.size // more than the bound and the stalled batch hold
			done := make(chan struct{})
			go func() {
				defer close(done)
				for range lines {
					k.log(a)
				}
			}()
			waitFor(t, "the bound reached", func() bool {
				o.mu.Lock()
				pending := o.size
				o.mu.Unlock()
				if pending >= maxLogPending+k.size {
					t.Fatalf("%d bytes pending, bound %d", pending, maxLogPending)
				}
				return pending >= maxLogPending // the writer waits: its next call cannot queue
			})
			select {
			case <-done:
				t.Fatal("the writer logged every line to a stalled destination")
			default:
			}
			close(dst.resume)
			<-done
			o.Close()
			if got, want := dst.n.Load(), int64(lines*len(k.line)); got != want {
				t.Errorf("%d bytes arrived, want %d", got, want)
			}
		})
	}
}

// TestLogOutputKeepsOrder logs access records and lines written through Write,
// interleaved as each row's steps say and repeated n times: 'a' an access record, 'z'
// one whose End is zero (the access log's clock is read when it is logged, not when it is
// written), 'w' a line written (from a buffer the caller reuses), 'e' an empty Write, 'f'
// a Flush. The timer waits an hour, so that only Flush, the early flushes and Close
// write. The output is every line in the order logged, the access log's byte for byte
// what accessLog.line formats; rows marked early reach logBufferSize, and the early flush
// writes before Close.
func TestLogOutputKeepsOrder(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("/é\"x\x00\xff", 200)
	tests := []struct {
		name, format, steps string
		n                   int
		path                string
		early               bool
	}{
		{"access", "json", "a", 5, "/v1/errors", false},
		{"write", "text", "w", 5, "/v1/errors", false},
		{"empty", "json", "e", 5, "/v1/errors", false},
		{"interleaved", "json", "awazwe", 20, "/v1/errors", false},
		{"interleaved-text", "text", "awwzaw", 20, "/a b=c", false},
		{"flushes", "json", "afwwfzf", 30, "/v1/errors", false},
		{"flushes-of-nothing", "text", "ffaff", 10, "/", false},
		{"early", "json", "aazw", 3 * logBufferSize / maxAccessFixed, "/v1/errors", true},
		{"early-text", "text", "awwaz", 3 * logBufferSize / maxAccessFixed, "/v1/errors/10205", true},
		{"early-flushes", "json", "aawfaz", 2 * logBufferSize / maxAccessFixed, "/v1/errors", true},
		{"early-long", "json", "aw", 40, long, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dst := &slowWriter{}
			o := newLogOutput(dst)
			o.interval = time.Hour
			a := newAccessLog(tt.format, o)
			clock := time.Unix(1795906862, 0)
			a.now = func() time.Time {
				clock = clock.Add(1234567 * time.Nanosecond)
				return clock
			}
			var want, line []byte
			for i := range tt.n {
				for _, step := range tt.steps {
					switch step {
					case 'a', 'z':
						r := accessRequest("GET", fmt.Sprintf("%s/%d", tt.path, i))
						out := middleware.Outcome{Status: []int{200, 304, 404, 502}[i%4], Code: codes.Code(10000 + i),
							Lang: "en-US", Bytes: int64(i), Duration: time.Duration(i) * time.Microsecond,
							Aborted: i%7 == 3, Hijacked: i%11 == 5, End: time.Unix(1795906862, int64(i)*1e7)}
						if step == 'z' {
							out.End = time.Time{}
						}
						a.observe(r, out)
						if step == 'z' {
							out.End = clock // what a.now returned when it was logged
						}
						want = a.line(want, r, out)
					case 'w':
						line = fmt.Appendf(line[:0], "level=INFO msg=%d\n", i)
						o.Write(line)
						want = append(want, line...)
						clear(line) // the caller reuses its buffer
					case 'e':
						o.Write(nil)
					case 'f':
						o.Flush()
						if got := dst.String(); got != string(want) {
							t.Fatalf("after Flush, wrote\n%q\nwant\n%q", got, want)
						}
					}
				}
			}
			if tt.early {
				waitFor(t, "an early flush", func() bool { return dst.String() != "" })
			}
			o.Close()
			if got := dst.String(); got != string(want) {
				t.Fatalf("wrote\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// TestLogOutputCloseLosesNothing: writers log access records and lines of their own
// interleaved, at once, to a slow destination; Close writes what is left, and every line
// arrives whole, once, in each writer's order.
func TestLogOutputCloseLosesNothing(t *testing.T) {
	t.Parallel()
	dst := &slowWriter{}
	o := newLogOutput(dst)
	a := newAccessLog("json", o)
	const writers, lines = 8, 2000
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range lines {
				if i%3 == 1 {
					fmt.Fprintf(o, `{"msg":"line","w":%d,"i":%d}`+"\n", w, i)
					continue
				}
				a.observe(accessRequest("GET", fmt.Sprintf("/%d/%d", w, i)), middleware.Outcome{Status: 200})
			}
		})
	}
	wg.Wait()
	o.Close()
	next := make([]int, writers)
	got := strings.Split(strings.TrimSuffix(dst.String(), "\n"), "\n")
	for _, line := range got {
		var rec struct {
			Msg, Path string
			W, I      int
		}
		err := json.Unmarshal([]byte(line), &rec)
		if err == nil && rec.Msg == "request" {
			_, err = fmt.Sscanf(rec.Path, "/%d/%d", &rec.W, &rec.I)
		}
		if err != nil || rec.W < 0 || rec.W >= writers || rec.I != next[rec.W] || (rec.Msg == "line") != (rec.I%3 == 1) {
			t.Fatalf("line %q out of order or broken (%v)", line, err)
		}
		next[rec.W]++
	}
	if len(got) != writers*lines {
		t.Errorf("%d lines arrived, want %d", len(got), writers*lines)
	}
}

// TestLogOutputStopsAtWriteError: after the destination's first error, nothing more is
// written to it; logging goes on without waiting.
func TestLogOutputStopsAtWriteError(t *testing.T) {
	t.Parallel()
	dst := &failingWriter{}
	o := newLogOutput(dst)
	a := newAccessLog("text", o)
	for _, k := range logKinds() {
		k.log(a)
		o.Flush()
	}
	o.Close()
	if dst.calls != 1 {
		t.Errorf("%d writes, want 1: the first, which failed", dst.calls)
	}
}

// failingWriter fails every write, and counts them.
type failingWriter struct{ calls int }

func (f *failingWriter) Write(p []byte) (int, error) {
	f.calls++
	return 0, errors.New("disk full")
}

// TestAccessRecordSize: a record's size bounds its line, in JSON and text, for the
// longest values of every field and strings that each format escapes the most.
func TestAccessRecordSize(t *testing.T) {
	t.Parallel()
	strs := []string{"", "GET", "\x00", "\xff\xfe", "\u2028\u2029", "\U0010ffff", "\u0080", `"\`, " =",
		strings.Repeat("\x01", 300), strings.Repeat("\xff", 300), strings.Repeat("\u2028", 100)}
	nums := []int64{0, math.MinInt64, math.MaxInt64}
	ends := []time.Time{time.Unix(1795906862, 123456789), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("", -(23*3600+59*60))),
		time.Date(-292277022657, 1, 1, 0, 0, 0, 1, time.FixedZone("", 23*3600)), time.Unix(math.MaxInt64/2, 999999999)}
	for _, format := range []string{"json", "text"} {
		a := newAccessLog(format, nil)
		for _, s := range strs {
			for _, n := range nums {
				for _, end := range ends {
					out := middleware.Outcome{Status: int(n), Code: codes.Code(n), Lang: s, Bytes: n, Duration: time.Duration(n),
						Aborted: true, Hijacked: true, End: end}
					rec := accessRecord{method: s, path: s, out: out}
					if line := a.format(nil, s, s, &out); len(line) > rec.size() {
						t.Errorf("%s line of %d bytes, bound %d: %q", format, len(line), rec.size(), line)
					}
				}
			}
		}
	}
}

// TestLogAccessAllocs: in steady state, observe into a logOutput allocates nothing: it
// queues into a slice reused from flush to flush. Not parallel: AllocsPerRun counts every
// goroutine's allocations.
func TestLogAccessAllocs(t *testing.T) {
	o := newLogOutput(io.Discard)
	o.interval = time.Hour
	defer o.Close()
	a := newAccessLog("json", o)
	r := accessRequest("GET", "/v1/errors")
	out := middleware.Outcome{Status: 304, Lang: "en-US", Duration: 12345, End: time.Unix(1795906862, 123456789)}
	batch := logBufferSize / (&accessRecord{method: r.Method, path: r.URL.Path, out: out}).size()
	for range 4 * batch { // both batches made and their lines formatted: the steady state
		a.observe(r, out)
	}
	o.Flush()
	if allocs := testing.AllocsPerRun(batch-2, func() { a.observe(r, out) }); allocs != 0 {
		t.Errorf("observe: %v allocations, want 0", allocs)
	}
	// Across early flushes, which start a goroutine each: less than one per observe.
	if allocs := testing.AllocsPerRun(20*batch, func() { a.observe(r, out) }); allocs != 0 {
		t.Errorf("observe across flushes: %v allocations per call, want 0", allocs)
	}
}

// stalledWriter takes nothing until resume is closed, then counts what it takes.
type stalledWriter struct {
	resume chan struct{}
	n      atomic.Int64
}

func (s *stalledWriter) Write(p []byte) (int, error) {
	<-s.resume
	s.n.Add(int64(len(p)))
	return len(p), nil
}

// slowWriter takes a while per write, as a pipe to a busy reader does.
type slowWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *slowWriter) Write(p []byte) (int, error) {
	time.Sleep(time.Millisecond)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *slowWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
