package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/loadgen"
)

// BenchmarkCatalogTCP compares, over loopback TCP with the load generator of tcpbench in
// the same process, the catalog list and its 304 as apiswitch serves them (its server, its
// checked listener, middleware and JSON access log to a buffered discarding output) with a
// constant handler on a server with the same settings writing the bytes and headers
// apiswitch answered: ns/op and allocs/op are per request, client included. For the
// profile of one candidate: -bench 'CatalogTCP/list/apiswitch' -cpuprofile or -memprofile.
func BenchmarkCatalogTCP(b *testing.B) {
	out := newLogOutput(io.Discard)
	defer out.Close()
	logger := newLogger("json", out)
	cat := newCatalog(b)
	ours := newServer(cat, logger, newAccessLog("json", out), config{logFormat: "json"})
	addr := serveBench(b, ours, true)
	constant := newServer(cat, logger, newAccessLog("json", out), config{}) // the same settings
	constant.ConnContext = nil
	var tag string
	constant.Handler, tag = constantCatalog(ours.Handler)
	const lang = "Accept-Language: en-US,en;q=0.9"
	constAddr := serveBench(b, constant, false)
	for _, tt := range []struct {
		name   string
		header []string
		status int
	}{{"list", []string{lang}, 200}, {"list-304", []string{lang, "If-None-Match: " + tag}, 304}} {
		for _, c := range []struct{ name, addr string }{{"constant", constAddr}, {"apiswitch", addr}} {
			b.Run(tt.name+"/"+c.name, func(b *testing.B) {
				b.ReportAllocs()
				res, err := loadgen.Run(context.Background(), loadgen.Config{Addr: c.addr,
					Request: loadgen.GET(c.addr, "/v1/errors", tt.header...), Conns: 16, Duration: time.Hour, Requests: b.N})
				if err != nil || res.Errors > 0 || res.Statuses[tt.status] != b.N {
					b.Fatalf("%v, %v; want %d answers %d", res, err, b.N, tt.status)
				}
				b.ReportMetric(res.PerSecond(), "req/s")
			})
		}
	}
}

// serveBench serves srv on a loopback port until the benchmark ends, through a checked
// listener as apiswitch does when checked, and returns its address.
func serveBench(b *testing.B, srv *http.Server, checked bool) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	var l net.Listener = ln
	if checked {
		l = checkedListener{ln}
	}
	go srv.Serve(l)
	b.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}
