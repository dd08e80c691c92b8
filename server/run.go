package server

import (
	"bytes"
	"cmp"
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
	"strings"
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
	cat, err := loadCatalog(cfg, logger)
	if cat == nil {
		return fail("apiswitch: cannot load the locales:\n%s", describeLoadError(cfg.locales, err))
	}
	if err != nil {
		logLoadError(logger, "locales refused at start; their languages are not served", cfg.locales, err)
	}
	logIncomplete(logger, cat)
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

// loadCatalog loads cfg.locales, or the embedded locales when it is "". A language whose
// files are broken, or incomplete without -serve-incomplete, is refused and not served; the
// catalog is nil only when the default language cannot be served.
func loadCatalog(cfg config, logger *slog.Logger) (*i18n.Catalog, error) {
	fsys := fs.FS(locales.FS)
	if cfg.locales != "" {
		if _, err := os.Stat(cfg.locales); err != nil {
			return nil, err
		}
		fsys = localesFS(cfg.locales)
	}
	opts := []i18n.Option{i18n.OnProblem(i18n.LogTo(logger))}
	if !cfg.serveIncomplete {
		opts = append(opts, i18n.RequireComplete())
	}
	return i18n.New(fsys, opts...)
}

// logIncomplete warns about each language served without some messages: at start, and
// after each reload that changed the catalog.
func logIncomplete(logger *slog.Logger, cat *i18n.Catalog) {
	for _, l := range cat.Status().Languages {
		if len(l.Missing) == 0 {
			continue
		}
		names := make([]string, 0, maxLoggedErrors)
		for _, c := range l.Missing[:min(len(l.Missing), maxLoggedErrors)] {
			names = append(names, c.String())
		}
		logger.Warn("language served incomplete; its missing messages fall back to the default language",
			"lang", l.Tag.String(), "version", l.Version, "missing", len(l.Missing), "codes", strings.Join(names, ","))
	}
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
			logLoadError(logger, "locale file refused; its language keeps serving its last good version", dir, e.Err)
		}
		logger.Info("locales reloaded", "reason", e.Reason, "dir", dir, "catalog", cat.Version(),
			"changed", cat.Version() != previous, "degraded", cat.Status().Degraded)
		if cat.Version() != previous {
			logIncomplete(logger, cat)
		}
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
		ReadHeaderTimeout: cmp.Or(cfg.headerTimeout, DefaultReadHeaderTimeout),
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
