package reload_test

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/reload"
)

func Example() {
	dir := "/etc/apiswitch/locales"
	cat, err := i18n.New(os.DirFS(dir), i18n.RequireComplete())
	if err != nil {
		slog.Error("locales", "err", err)
		return
	}
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	w, err := reload.New(dir, func() error { return cat.Reload(os.DirFS(dir)) },
		reload.Signals(hup),
		reload.Report(func(e reload.Event) {
			if e.Err != nil {
				slog.Error("locales not reloaded; the previous ones keep serving", "reason", e.Reason, "err", e.Err)
			}
		}))
	if err != nil {
		slog.Error("watch", "err", err)
		return
	}
	go w.Run(context.Background())
}
