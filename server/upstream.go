package server

import (
	"context"
	"crypto/tls"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// newTransport returns the transport to the back end: http.DefaultTransport's settings,
// with a pool sized for a gateway (the default keeps two idle connections per host, so a
// hundred concurrent clients would open and close a connection per request), the idle
// bound for the response's headers, no compression of its own (the client's
// Accept-Encoding goes upstream unchanged, and nothing is inflated here that the client
// did not ask for), and every HTTP/1.1 connection guarded (see guardConn). HTTP/2, which
// an https back end may offer, frames its responses itself and is not guarded.
func newTransport(cfg gatewayConfig, logger *slog.Logger) *http.Transport {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := d.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return newGuardConn(c, true, logger), nil
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dialTLS(ctx, d, network, addr, cfg.tls, logger)
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
func dialTLS(ctx context.Context, d *net.Dialer, network, addr string, cfg *tls.Config, logger *slog.Logger) (net.Conn, error) {
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
	return newGuardConn(tc, false, logger), nil
}

// A guardedTransport puts the idle bound on the back end's bodies.
type guardedTransport struct {
	t *http.Transport
}

func (g *guardedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := g.t.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	if e := exchangeOf(r.Context()); e != nil && resp.Body != nil && resp.Body != http.NoBody {
		resp.Body = &upstreamBody{ReadCloser: resp.Body, e: e}
	}
	return resp, nil
}
