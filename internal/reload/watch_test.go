package reload_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/configmaptest"
	"github.com/apiswitch/errcode/internal/reload"
)

// start runs a watcher on dir and returns a channel receiving every Event.
func start(t *testing.T, dir string, fn func() error, opts ...reload.Option) <-chan reload.Event {
	t.Helper()
	events := make(chan reload.Event, 100)
	opts = append(opts, reload.Report(func(e reload.Event) { events <- e }))
	w, err := reload.New(dir, fn, opts...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return events
}

// next waits for an Event, failing after a generous bound.
func next(t *testing.T, events <-chan reload.Event) reload.Event {
	t.Helper()
	select {
	case e := <-events:
		return e
	case <-time.After(5 * time.Second):
		t.Fatal("no reload within 5s")
		return reload.Event{}
	}
}

func TestWatcherChanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		setup func(dir string) error // before the watch starts
		edit  func(dir string) error
	}{
		{"write", nil, func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "en-US.toml"), []byte("x"), 0o644)
		}},
		{"rename over, as editors save", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "en-US.toml"), []byte("old"), 0o644)
		}, func(dir string) error {
			tmp := filepath.Join(dir, ".en-US.toml.swp")
			if err := os.WriteFile(tmp, []byte("new"), 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, filepath.Join(dir, "en-US.toml"))
		}},
		{"remove", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "en-US.toml"), []byte("old"), 0o644)
		}, func(dir string) error {
			return os.Remove(filepath.Join(dir, "en-US.toml"))
		}},
		{"ConfigMap ..data swap", func(dir string) error {
			return configmaptest.Publish(dir, map[string]string{"en-US.toml": "v1"})
		}, func(dir string) error {
			return configmaptest.Publish(dir, map[string]string{"en-US.toml": "v2"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tt.setup != nil {
				if err := tt.setup(dir); err != nil {
					t.Fatal(err)
				}
			}
			events := start(t, dir, func() error { return nil }, reload.Debounce(20*time.Millisecond))
			if err := tt.edit(dir); err != nil {
				t.Fatal(err)
			}
			if e := next(t, events); e.Reason != "change" || e.Err != nil {
				t.Errorf("event = %+v, want a change with no error", e)
			}
		})
	}
}

func TestWatcherDebounces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var calls atomic.Int32
	events := start(t, dir, func() error { calls.Add(1); return nil }, reload.Debounce(300*time.Millisecond))
	const writes = 10
	for i := range writes {
		if err := configmaptest.Publish(dir, map[string]string{"a.toml": string(rune('a' + i))}); err != nil {
			t.Fatal(err)
		}
	}
	next(t, events)
	time.Sleep(400 * time.Millisecond) // let a late second call show up
	// A stall of the machine longer than the interval may split the burst, so only a call
	// per write would show that nothing is debounced.
	if n := calls.Load(); n < 1 || n >= writes {
		t.Errorf("%d publications made %d calls, want 1 (a few at most)", writes, n)
	}
}

func TestWatcherSignal(t *testing.T) {
	t.Parallel()
	sig := make(chan os.Signal, 1)
	events := start(t, t.TempDir(), func() error { return nil }, reload.Signals(sig))
	sig <- syscall.SIGHUP
	if e := next(t, events); e.Reason != "signal" {
		t.Errorf("event = %+v, want a signal", e)
	}
}

func TestWatcherReportsError(t *testing.T) {
	t.Parallel()
	bad := errors.New("broken file")
	dir := t.TempDir()
	events := start(t, dir, func() error { return bad }, reload.Debounce(10*time.Millisecond))
	if err := os.WriteFile(filepath.Join(dir, "x.toml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if e := next(t, events); !errors.Is(e.Err, bad) {
		t.Errorf("event = %+v, want error %v", e, bad)
	}
}

func TestNewMissingDir(t *testing.T) {
	t.Parallel()
	if _, err := reload.New(filepath.Join(t.TempDir(), "nope"), func() error { return nil }); err == nil {
		t.Error("New(missing dir) = nil error, want one")
	}
}

func TestWatcherMaxWait(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	events := start(t, dir, func() error { return nil }, reload.Debounce(100*time.Millisecond))
	stop := time.After(3 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond) // never quiet for a whole interval
	defer tick.Stop()
	for {
		select {
		case e := <-events:
			if e.Reason != "change" {
				t.Errorf("event = %+v, want a change", e)
			}
			return
		case <-stop:
			t.Fatal("continuous changes got no call within 3s; the bound is 500ms")
		case <-tick.C:
			if err := os.WriteFile(filepath.Join(dir, "a.toml"), []byte(time.Now().String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
