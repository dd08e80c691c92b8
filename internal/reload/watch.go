package reload

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/fsnotify/fsnotify"
)

// A Watcher calls a function after changes in one directory and on signals. Create one with
// New, run it with Run.
type Watcher struct {
	dir      string
	fn       func() error
	debounce time.Duration
	maxWait  time.Duration // a run of changes waits no longer than this
	signals  <-chan os.Signal
	report   func(Event)
	fs       *fsnotify.Watcher
}

// An Event says why the function ran and how it went. Err is the function's error, or an
// error of the watch itself (then Reason is "watch").
type Event struct {
	Reason string // "change", "signal" or "watch"
	Err    error
}

// New starts watching dir. It fails if dir cannot be watched, so that a server reports a
// bad -locales directory at start rather than silently never reloading. Run must be called
// to process the events; Close releases the watch if Run is never called.
func New(dir string, fn func() error, opts ...Option) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("reload: %w", err)
	}
	if err := fsw.Add(dir); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("reload: watch %s: %w", dir, err)
	}
	w := &Watcher{dir: dir, fn: fn, debounce: 200 * time.Millisecond, report: func(Event) {}, fs: fsw}
	for _, opt := range opts {
		opt(w)
	}
	w.maxWait = 5 * w.debounce
	return w, nil
}

// Close stops the watch. Run calls it when its context ends.
func (w *Watcher) Close() error { return w.fs.Close() }

// Run processes events until ctx ends, then closes the watch. It calls the function from
// its own goroutine only, never concurrently with itself.
func (w *Watcher) Run(ctx context.Context) {
	defer w.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()        // armed by the first event; since Go 1.23 a stopped timer never fires late
	var first time.Time // of the events not yet acted on; zero when there are none
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case _, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if first.IsZero() {
				first = time.Now()
			}
			timer.Reset(min(w.debounce, w.maxWait-time.Since(first)))
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.report(Event{Reason: "watch", Err: err})
		case <-timer.C:
			first = time.Time{}
			w.call("change")
		case <-w.signals:
			timer.Stop()
			first = time.Time{}
			w.call("signal")
		}
	}
}

// call runs the function and reports the outcome.
func (w *Watcher) call(reason string) {
	w.report(Event{Reason: reason, Err: w.fn()})
}
