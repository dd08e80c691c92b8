package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"

	"github.com/apiswitch/errcode/codes"
)

// gateway returns a reverse proxy to upstream. Its error bodies pass through the fill path,
// which localizes {"Code": N} bodies with no Message; when upstream cannot be reached, it
// answers INTERNAL_ERROR with status 502 (504 on a timeout): the table has no gateway code,
// and INTERNAL_ERROR's message is the generic one a client should see.
func (s *routes) gateway(upstream *url.URL) http.Handler {
	return &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(upstream)
			pr.SetXForwarded()
		},
		Transport:    transport(),
		ErrorHandler: s.badGateway,
	}
}

// badGateway answers a request the back end did not. The middleware logs the cause.
func (s *routes) badGateway(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusBadGateway
	if isTimeout(err) {
		status = http.StatusGatewayTimeout
	}
	s.writeError(w, r, &codes.Error{Code: codes.InternalError, Status: status, Cause: err})
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// transport is http.DefaultTransport with a pool sized for a gateway: the default keeps
// two idle connections per host, so a hundred concurrent clients would open and close a
// connection per request.
func transport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 512
	t.MaxIdleConnsPerHost = 256
	t.ResponseHeaderTimeout = 30 * time.Second
	return t
}
