package server

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/loadgen"
)

// conflicting is a request with both Content-Length and Transfer-Encoding.
const conflicting = "POST /v1/errors HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"

// TestFramingConflictAfter sends, on one connection, a request net/http reads though it
// is framed unusually (as a smuggler would send first, to blind the check), then one with
// both Content-Length and Transfer-Encoding, then another: the first is answered, the
// second refused with 400 BADREQUEST, and the connection closed.
func TestFramingConflictAfter(t *testing.T) {
	t.Parallel()
	p := start(t)
	addr := strings.TrimPrefix(p.url, "http://")
	for _, tt := range []struct {
		name, first string
		status      int
	}{
		{"plain", "GET /v1/errors/10205 HTTP/1.1\r\nHost: x\r\n\r\n", 200},
		{"folded line", "GET /v1/errors/10205 HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n b\r\n\r\n", 200},
		{"bare LF", "GET /v1/errors/10205 HTTP/1.1\nHost: x\n\n", 200},
		{"HTTP/1.9", "GET /v1/errors/10205 HTTP/1.9\r\nHost: x\r\n\r\n", 200},
		{"OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 200},
		{"CRLF after a POST", "POST /v1/errors HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab\r\n", 405},
		{"Content-Length on a continuation line", "POST /v1/errors HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n 2\r\n\r\nab", 405},
		{"chunked on a continuation line", "POST /v1/errors HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n", 405},
		{"trailer with a bare LF", "POST /v1/errors HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nX-Sum: 1\n\n", 405},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			conn, cr := dialRaw(t, addr)
			io.WriteString(conn, tt.first+conflicting+"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
			first, err := http.ReadResponse(cr, nil)
			if err != nil || first.StatusCode != tt.status {
				t.Fatalf("the first request: %v %v; want %d", first, err, tt.status)
			}
			io.Copy(io.Discard, first.Body)
			refused(t, cr)
		})
	}
}

// TestFramingConflictPipelined completes the header of a request with both
// Content-Length and Transfer-Encoding while the handler of the request before it runs,
// so that net/http's background read, not its own goroutine, hands its last byte to the
// check; under -race, it checks which goroutine touches what.
func TestFramingConflictPipelined(t *testing.T) {
	t.Parallel()
	arrived, release := make(chan struct{}), make(chan struct{})
	back := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-release
		io.WriteString(w, "slow")
	}))
	defer back.Close()
	p := start(t, "-upstream", back.URL)
	conn, cr := dialRaw(t, strings.TrimPrefix(p.url, "http://"))
	head := strings.Index(conflicting, "\r\n\r\n") + 3 // the last byte of its header
	io.WriteString(conn, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"+conflicting[:head])
	<-arrived // the handler runs, and net/http's background read waits for a byte
	io.WriteString(conn, conflicting[head:]+"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	time.Sleep(20 * time.Millisecond) // for the background read to take it (if it does not, the test checks less)
	close(release)
	first, err := http.ReadResponse(cr, nil)
	if err != nil || first.StatusCode != 200 {
		t.Fatalf("the first request: %v %v", first, err)
	}
	io.Copy(io.Discard, first.Body)
	refused(t, cr)
}

// dialRaw connects to addr for a test that writes its own bytes.
func dialRaw(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	return conn, bufio.NewReader(conn)
}

// refused reads the answer to conflicting: 400 BADREQUEST in English, and the
// connection closed after it.
func refused(t *testing.T, cr *bufio.Reader) {
	t.Helper()
	resp, err := http.ReadResponse(cr, nil)
	if err != nil {
		t.Fatalf("the request with both: %v", err)
	}
	var b errorBody
	json.NewDecoder(resp.Body).Decode(&b)
	if resp.StatusCode != 400 || b.Code != int(codes.BadRequest) || !resp.Close {
		t.Errorf("the request with both: %d %+v, close %v; want 400 BADREQUEST and the connection closed", resp.StatusCode, b, resp.Close)
	}
	if _, err := http.ReadResponse(cr, nil); err == nil {
		t.Error("the request after was answered on the same connection")
	}
}

// BenchmarkCheckedConn reads one request per op, as one read returns it, through a
// checked connection, and asks serve as the handler does; bare reads the same request
// from the connection underneath: the difference is what the check costs a request.
func BenchmarkCheckedConn(b *testing.B) {
	req := loadgen.GET("127.0.0.1:40919", "/v1/errors", "Accept-Language: en-US,en;q=0.9",
		`If-None-Match: "5f0c3a9e1b7d24c68a0e13f7-9b2e41d0-en-US"`) // as BenchmarkCatalogTCP sends
	for _, checked := range []bool{false, true} {
		name := "bare"
		if checked {
			name = "checked"
		}
		b.Run(name, func(b *testing.B) {
			var c net.Conn = &repeatConn{msg: req}
			if checked {
				c, _ = checkedListener{oneConn{c}}.Accept()
			}
			cc, _ := c.(*checkedConn)
			buf := make([]byte, 4096)
			b.SetBytes(int64(len(req)))
			b.ReportAllocs()
			for b.Loop() {
				if n, err := c.Read(buf); n != len(req) || err != nil {
					b.Fatal(n, err)
				}
				if cc != nil && cc.serve() {
					b.Fatal("a conflict")
				}
			}
		})
	}
}

// A repeatConn is a connection from which each read returns msg.
type repeatConn struct {
	net.Conn
	msg []byte
}

func (c *repeatConn) Read(p []byte) (int, error) { return copy(p, c.msg), nil }

// oneConn is a listener that accepts c.
type oneConn struct{ c net.Conn }

func (l oneConn) Accept() (net.Conn, error) { return l.c, nil }
func (l oneConn) Close() error              { return nil }
func (l oneConn) Addr() net.Addr            { return l.c.LocalAddr() }
