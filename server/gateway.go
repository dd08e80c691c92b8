package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

// gatewayConfig is what the command line says about the gateway.
type gatewayConfig struct {
	upstream *url.URL
	timeout  time.Duration // the whole exchange
	idle     time.Duration // the back end's silences
	tls      *tls.Config   // for https back ends; nil: the system's roots
}

// withDefaults fills the bounds the command line did not set.
func (c gatewayConfig) withDefaults() gatewayConfig {
	if c.timeout <= 0 {
		c.timeout = DefaultUpstreamTimeout
	}
	if c.idle <= 0 {
		c.idle = DefaultUpstreamIdleTimeout
	}
	return c
}

// A gateway reverse-proxies requests to a back end. Its error bodies are filled by
// middleware.ModifyResponse before anything is sent; every exchange is bounded in time;
// its connections to the back end are guarded against bytes beyond a response.
type gateway struct {
	cfg    gatewayConfig
	proxy  *httputil.ReverseProxy
	logger *slog.Logger
}

func newGateway(cfg gatewayConfig, logger *slog.Logger) *gateway {
	cfg = cfg.withDefaults()
	g := &gateway{cfg: cfg, logger: logger}
	g.proxy = &httputil.ReverseProxy{
		Rewrite:        g.rewrite,
		Transport:      &guardedTransport{t: newTransport(cfg, logger)},
		ModifyResponse: middleware.ModifyResponse,
		ErrorHandler:   g.failed,
		ErrorLog:       log.New(errorLogWriter{logger, "reverse proxy"}, "", 0),
	}
	return g
}

func (g *gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e := newExchange(r.Context(), g.cfg)
	defer e.stop()
	writeDeadline(w, e)
	g.proxy.ServeHTTP(w, r.WithContext(e))
}

// rewrite sends the request to the back end as it came, its Accept-Encoding included,
// with X-Forwarded-* added.
func (g *gateway) rewrite(pr *httputil.ProxyRequest) {
	pr.SetURL(g.cfg.upstream)
	pr.SetXForwarded()
	if e := exchangeOf(pr.Out.Context()); e != nil && pr.Out.Body != nil && pr.Out.Body != http.NoBody {
		pr.Out.Body = &clientBody{ReadCloser: pr.Out.Body, e: e}
	}
}

// failed answers a request the back end did not answer, before anything was sent:
// INTERNAL_ERROR with 504 when a bound ran out, 502 when the back end could not be reached
// or broke the exchange. A failure of the client's own (a body it could not send, a
// connection it closed) is the client's: 400 or 408, or 499 in the log for a client gone.
// INTERNAL_ERROR's generic message is what a client sees: the table has no gateway code.
func (g *gateway) failed(w http.ResponseWriter, r *http.Request, err error) {
	e := exchangeOf(r.Context())
	cause := errors.New(truncate(err.Error(), maxLoggedError)) // may quote the back end
	if e != nil {
		if bound := e.timedOut(); bound != nil {
			middleware.WriteError(w, r, &codes.Error{Code: codes.InternalError, Status: http.StatusGatewayTimeout, Cause: bound})
			return
		}
		if client := e.clientFailed(); client != nil {
			g.clientFailed(w, r, client)
			return
		}
	}
	status := http.StatusBadGateway
	if isTimeout(err) {
		status = http.StatusGatewayTimeout
	}
	middleware.WriteError(w, r, &codes.Error{Code: codes.InternalError, Status: status, Cause: fmt.Errorf("the back end: %w", cause)})
}

// StatusClientClosedRequest is what the access log records for a client that went away
// before its answer: nginx's 499. Nothing reaches the client.
const StatusClientClosedRequest = 499

func (g *gateway) clientFailed(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, context.Canceled):
		w.WriteHeader(StatusClientClosedRequest)
	case isTimeout(err):
		middleware.WriteError(w, r, &codes.Error{Code: codes.BadRequest, Status: http.StatusRequestTimeout, Cause: fmt.Errorf("the client: %w", err)})
	default:
		middleware.WriteError(w, r, &codes.Error{Code: codes.BadRequest, Status: http.StatusBadRequest, Cause: fmt.Errorf("the client: %w", err)})
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}
