package server

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/reload"
	"github.com/apiswitch/errcode/locales"
)

// Exit codes of Run.
const (
	ExitOK    = 0 // shut down cleanly, or -help
	ExitError = 1 // could not start (locales, address) or serve
	ExitUsage = 2 // a wrong command line
)

// Main runs the server until SIGINT or SIGTERM and returns the exit code: it is the whole
// of cmd/apiswitch. Unlike Run, it also sends what the standard library logs through the
// standard log package to the server's logger, so that every line on stderr has its
// format.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, args, os.Getenv, stdout, stderr, true)
}

// Run parses args, loads the locales, listens and serves until ctx ends, then shuts down
// gracefully: in-flight requests get -shutdown-timeout to finish. Logs go to stderr,
// buffered for at most 100 ms and flushed before Run returns; the first one says
// "listening" with the address bound. getenv supplies the flags' defaults.
func Run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	return run(ctx, args, getenv, stdout, stderr, false)
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, process bool) int {
	var usage bytes.Buffer
	cfg, err := parseConfig(args, getenv, &usage)
	switch {
	case errors.Is(err, flag.ErrHelp):
		stdout.Write(usage.Bytes())
		return ExitOK
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "apiswitch:", err)
		return ExitUsage
	case err != nil: // the flag package has said why, with the usage
		stderr.Write(usage.Bytes())
		return ExitUsage
	}
	out := newLogOutput(stderr)
	defer out.Close()
	logger, access := newLogger(cfg.logFormat, out), newAccessLog(cfg.logFormat, out)
	if process {
		log.SetFlags(0)
		log.SetOutput(errorLogWriter{logger, "log"})
	}
	fail := func(format string, args ...any) int {
		out.Flush()
		fmt.Fprintf(stderr, format, args...)
		return ExitError
	}
	if err := checkLocalesDir(cfg.locales); err != nil {
		return fail("apiswitch: %v\n", err)
	}
	cat, err := loadCatalog(cfg.locales, logger)
	if err != nil {
		return fail("apiswitch: cannot load the locales:\n%s", describeLoadError(cfg.locales, err))
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := watchLocales(ctx, cfg.locales, cat, logger); err != nil {
		return fail("apiswitch: %v\n", err)
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fail("apiswitch: %v\n", err)
	}
	logger.Info("listening", "addr", ln.Addr().String(), "upstream", upstreamString(cfg),
		"locales", localesString(cfg), "catalog", cat.Version())
	out.Flush()
	if err := serve(ctx, checkedListener{ln}, newServer(cat, logger, access, cfg), cfg.shutdownTimeout, logger); err != nil {
		logger.Error("serve", "err", err)
		return ExitError
	}
	return ExitOK
}

// loadCatalog loads dir, or the embedded locales when dir is "", rejecting incomplete sets.
func loadCatalog(dir string, logger *slog.Logger) (*i18n.Catalog, error) {
	fsys := fs.FS(locales.FS)
	if dir != "" {
		fsys = localesFS(dir)
	}
	return i18n.New(fsys, i18n.RequireComplete(), i18n.OnProblem(func(p i18n.Problem) {
		logger.Warn("message not rendered", "lang", p.Lang.String(), "code", p.Code.String(), "err", p.Err)
	}))
}

// watchLocales reloads cat from dir on changes and on SIGHUP until ctx ends. Without a
// directory, SIGHUP is only logged, so that it does not kill the process.
func watchLocales(ctx context.Context, dir string, cat *i18n.Catalog, logger *slog.Logger) error {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	context.AfterFunc(ctx, func() { signal.Stop(hup) })
	if dir == "" {
		go ignore(ctx, hup, logger)
		return nil
	}
	var previous string // the version before the last call; fn and the report share the watcher's goroutine
	fn := func() error {
		previous = cat.Version()
		return cat.Reload(localesFS(dir))
	}
	w, err := reload.New(dir, fn, reload.Signals(hup), reload.Report(func(e reload.Event) {
		if e.Reason == "watch" {
			logger.Warn("watching the locales", "dir", dir, "err", e.Err)
			return
		}
		if e.Err != nil {
			logLoadError(logger, "locales not reloaded; the previous catalog keeps serving", dir, e.Err)
			return
		}
		logger.Info("locales reloaded", "reason", e.Reason, "dir", dir, "catalog", cat.Version(),
			"changed", cat.Version() != previous)
	}))
	if err != nil {
		return err
	}
	go w.Run(ctx)
	return nil
}

// ignore logs the signals of c until ctx ends.
func ignore(ctx context.Context, c <-chan os.Signal, logger *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-c:
			logger.Info("SIGHUP ignored: the locales are embedded (use -locales DIR)")
		}
	}
}

// serverWriteTimeout bounds the writing of the server's own answers.
const serverWriteTimeout = 60 * time.Second

// newServer returns the HTTP server with its timeouts: slow clients cannot hold
// connections, and a header larger than 64 KiB is refused with 431 before any handler.
// Proxied requests have the gateway's bounds instead of the write timeout.
func newServer(cat *i18n.Catalog, logger *slog.Logger, access *accessLog, cfg config) *http.Server {
	gw := cfg.gateway
	gw.upstream = cfg.upstream
	return &http.Server{
		Handler:           handlerWith(cat, logger, access.observe, gw),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      serverWriteTimeout,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ConnContext:       connContext,
		ErrorLog:          log.New(errorLogWriter{logger, "http server"}, "", 0),
	}
}

// serve serves ln until ctx ends, then shuts srv down, waiting up to timeout for
// in-flight requests.
func serve(ctx context.Context, ln net.Listener, srv *http.Server, timeout time.Duration, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down", "timeout", timeout)
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

func upstreamString(cfg config) string {
	if cfg.upstream == nil {
		return "none"
	}
	return cfg.upstream.String()
}

func localesString(cfg config) string {
	if cfg.locales == "" {
		return "embedded"
	}
	return cfg.locales
}
