package server

import (
	"context"
	"crypto/tls"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// newTransport returns the transport to the back end: http.DefaultTransport's settings,
// with a pool sized for a gateway (the default keeps two idle connections per host, so a
// hundred concurrent clients would open and close a connection per request), the idle
// bound for the response's headers, no compression of its own (the client's
// Accept-Encoding goes upstream unchanged, and nothing is inflated here that the client
// did not ask for), and every HTTP/1.1 connection guarded (see guardConn). HTTP/2, which
// an https back end may offer, frames its responses itself and is not guarded.
func newTransport(cfg gatewayConfig, suspect *suspicion, logger *slog.Logger) *http.Transport {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := d.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return newGuardConn(c, suspect, logger), nil
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dialTLS(ctx, d, network, addr, cfg.tls, suspect, logger)
		},
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           512,
		MaxIdleConnsPerHost:    256,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		ResponseHeaderTimeout:  cfg.idle,
		DisableCompression:     true,
		MaxResponseHeaderBytes: 1 << 20,
	}
}

// dialTLS connects to an https back end, offering HTTP/2 and HTTP/1.1, and guards the
// connection when HTTP/1.1 is chosen.
func dialTLS(ctx context.Context, d *net.Dialer, network, addr string, cfg *tls.Config, suspect *suspicion, logger *slog.Logger) (net.Conn, error) {
	raw, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	c := cfg.Clone()
	if c == nil {
		c = &tls.Config{}
	}
	if c.ServerName == "" {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			host = addr
		}
		c.ServerName = host
	}
	c.NextProtos = []string{"h2", "http/1.1"}
	tc := tls.Client(raw, c)
	if err := tc.HandshakeContext(ctx); err != nil {
		raw.Close()
		return nil, err
	}
	if tc.ConnectionState().NegotiatedProtocol == "h2" {
		return tc, nil
	}
	return newGuardConn(tc, suspect, logger), nil
}

// A guardedTransport puts the idle bound on the back end's bodies, and stops reusing
// connections to a back end caught sending bytes beyond a response: such bytes can come
// late, after the next request was written on the connection, where no guard can tell
// them from its answer; a new connection per request leaves them nowhere to land.
type guardedTransport struct {
	pooled, fresh *http.Transport
	suspect       *suspicion
}

func newGuardedTransport(cfg gatewayConfig, logger *slog.Logger) *guardedTransport {
	s := &suspicion{logger: logger, period: cfg.suspect}
	t := newTransport(cfg, s, logger)
	fresh := t.Clone()
	fresh.DisableKeepAlives = true
	return &guardedTransport{pooled: t, fresh: fresh, suspect: s}
}

func (g *guardedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t := g.pooled
	if g.suspect.now() {
		t = g.fresh
	}
	resp, err := t.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	// A 101's body is the tunnel, which the proxy needs writable.
	if e := exchangeOf(r.Context()); e != nil && resp.StatusCode != http.StatusSwitchingProtocols && resp.Body != nil && resp.Body != http.NoBody {
		e.body = upstreamBody{ReadCloser: resp.Body, e: e}
		resp.Body = &e.body
	}
	return resp, nil
}

// suspectPeriod is how long a back end caught sending bytes beyond a response gets a new
// connection per request.
const suspectPeriod = time.Minute

// A suspicion remembers until when the back end is not trusted with reused connections.
type suspicion struct {
	caughtOnce atomic.Bool  // the back end was ever caught: only then is the time read
	until      atomic.Int64 // Unix nanoseconds
	period     time.Duration
	logger     *slog.Logger
}

// now reports whether the back end is suspect now.
func (s *suspicion) now() bool {
	return s.caughtOnce.Load() && time.Now().UnixNano() < s.until.Load()
}

// caught makes the back end suspect for the period from now, saying so when it was not.
func (s *suspicion) caught() {
	if s.period <= 0 {
		return
	}
	was := s.now()
	s.until.Store(time.Now().Add(s.period).UnixNano())
	s.caughtOnce.Store(true)
	if !was {
		s.logger.Warn("apiswitch: connections to the back end are not reused for a while", "for", s.period)
	}
}
