package reload

import (
	"os"
	"time"
)

// An Option configures a Watcher.
type Option func(*Watcher)

// Debounce sets how long the directory must stay quiet before the function runs. The
// default, 200 ms, covers an editor's write-and-rename and a ConfigMap's symlink swap while
// still feeling immediate. A run of changes waits at most five intervals.
func Debounce(d time.Duration) Option {
	return func(w *Watcher) { w.debounce = d }
}

// Signals makes every value received on c run the function at once, as for SIGHUP:
//
//	hup := make(chan os.Signal, 1)
//	signal.Notify(hup, syscall.SIGHUP)
func Signals(c <-chan os.Signal) Option {
	return func(w *Watcher) { w.signals = c }
}

// Report sets a function told about every run of the function and every error of the
// watch. It runs on the watcher's goroutine.
func Report(f func(Event)) Option {
	return func(w *Watcher) { w.report = f }
}
