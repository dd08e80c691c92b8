package server

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
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

func TestLogOutputFlushesWithinTheInterval(t *testing.T) {
	t.Parallel()
	dst := &slowWriter{}
	o := newLogOutput(dst)
	defer o.Close()
	fmt.Fprintln(o, "one line")
	deadline := time.Now().Add(10 * time.Second)
	for dst.String() != "one line\n" {
		if time.Now().After(deadline) {
			t.Fatal("a line was not written within 10 s")
		}
		time.Sleep(logFlushInterval / 2)
	}
}

// TestLogOutputFlushesAFullBuffer: once logBufferSize is buffered it is written without
// waiting for the interval (an hour here, so that only the early flush can write it).
func TestLogOutputFlushesAFullBuffer(t *testing.T) {
	t.Parallel()
	dst := &slowWriter{}
	o := newLogOutput(dst)
	o.interval = time.Hour
	defer o.Close()
	line := strings.Repeat("x", 99) + "\n"
	for range logBufferSize / len(line) {
		io.WriteString(o, line)
	}
	if dst.String() != "" {
		t.Fatal("less than logBufferSize was written early") // nothing can write it but the timer
	}
	io.WriteString(o, line)
	want := (logBufferSize/len(line) + 1) * len(line)
	deadline := time.Now().Add(10 * time.Second)
	for len(dst.String()) != want {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d bytes written within 10 s of a full buffer", len(dst.String()), want)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestLogOutputBoundsWhatIsPending: while the destination does not take what is written,
// a writer waits once maxLogPending is buffered (plus the line that crossed it, and the
// buffer the stalled write holds); nothing is lost once the destination resumes.
func TestLogOutputBoundsWhatIsPending(t *testing.T) {
	t.Parallel()
	dst := &stalledWriter{resume: make(chan struct{})}
	o := newLogOutput(dst)
	line := strings.Repeat("y", 999) + "\n"
	const lines = 3 * maxLogPending / 1000 // more than the bound and the stalled buffer hold
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range lines {
			io.WriteString(o, line)
		}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		o.mu.Lock()
		pending := len(o.buf)
		o.mu.Unlock()
		if pending > maxLogPending+len(line) {
			t.Fatalf("%d bytes pending, bound %d", pending, maxLogPending)
		}
		if pending >= maxLogPending {
			break // the writer waits: its next Write cannot append
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d bytes pending after 10 s, want the bound %d", pending, maxLogPending)
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case <-done:
		t.Fatal("the writer wrote every line to a stalled destination")
	default:
	}
	close(dst.resume)
	<-done
	o.Close()
	if got, want := dst.n.Load(), int64(lines*len(line)); got != want {
		t.Errorf("%d bytes arrived, want %d", got, want)
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
