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
	suspect  time.Duration // how long a back end caught sending bytes beyond a response gets no reused connection; < 0: never
}

// withDefaults fills the bounds the command line did not set.
func (c gatewayConfig) withDefaults() gatewayConfig {
	if c.timeout <= 0 {
		c.timeout = DefaultUpstreamTimeout
	}
	if c.idle <= 0 {
		c.idle = DefaultUpstreamIdleTimeout
	}
	if c.suspect == 0 {
		c.suspect = suspectPeriod
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
		Transport:      newGuardedTransport(cfg, logger),
		ModifyResponse: g.modifyResponse,
		ErrorHandler:   g.failed,
		BufferPool:     new(bufferPool),
		ErrorLog:       log.New(errorLogWriter{logger, "reverse proxy"}, "", 0),
	}
	return g
}

func (g *gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e := newExchange(r.Context(), g.cfg)
	defer e.stop()
	writeDeadline(w, e, serverWriteTimeout)
	e.w.ResponseWriter = w
	defer g.aborted(&e.w, r, e)
	g.proxy.ServeHTTP(&e.w, r.WithContext(e))
}

// aborted sends the held status of a response that ended, and answers 504 for a response
// the proxy aborted because a bound ran out while
// nothing had been sent: the back end's headers are dropped (nothing before the gateway
// sets any). Any other abort goes on, so that net/http breaks the connection rather than
// end a body that would look whole.
func (g *gateway) aborted(d *deferredWriter, r *http.Request, e *exchange) {
	v := recover()
	if v == nil {
		d.send() // a response without a body: 204, 304, HEAD
		return
	}
	bound := e.timedOut()
	if v != http.ErrAbortHandler || d.sent || bound == nil {
		panic(v)
	}
	clear(d.Header())
	middleware.WriteError(d.ResponseWriter, r, &codes.Error{Code: codes.InternalError, Status: http.StatusGatewayTimeout, Cause: bound})
}

// modifyResponse fills the back end's error bodies (see middleware.ModifyResponse). A
// 101 ends the exchange's bounds: the tunnel that follows is no longer a request, and
// lasts as long as both ends keep it.
func (g *gateway) modifyResponse(resp *http.Response) error {
	if resp.StatusCode == http.StatusSwitchingProtocols {
		if e := exchangeOf(resp.Request.Context()); e != nil {
			e.tunnel()
		}
		return nil
	}
	return middleware.ModifyResponse(resp)
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
