package server

import (
	"fmt"
	"strings"
	"sync"
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
