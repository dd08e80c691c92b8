// Package backendtest is a back end that misbehaves on purpose, for tests of the gateway:
// it answers HTTP/1.1 by hand, byte for byte, so that it can stall, send more than it
// declared, lie about its length, reset, compress a bomb, stream events or switch
// protocols, as real back ends sometimes do by bug or by malice.
//
// Each path is one behaviour (see the constants). Requests are read with net/http's
// reader, responses written raw; a connection stays open for the next request unless the
// behaviour ends it.
package backendtest

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The paths a Backend answers.
const (
	OK          = "/ok"           // 200 {"ok":"<id>"}, id from ?id=
	Missing     = "/missing"      // 404 {"Code":10205}
	Extra       = "/extra"        // 200 with Content-Length, then a whole smuggled response in the same write
	ExtraLate   = "/extra-late"   // the same, the smuggled response 2 ms later
	NoContent   = "/204-body"     // 204, then a smuggled response
	NotModified = "/304-body"     // 304, then a smuggled response
	Stall       = "/stall"        // 404 JSON headers and part of the body, then nothing
	StallOK     = "/stall-ok"     // 200 headers and part of the body, then nothing
	StallBody   = "/stall-body"   // 200 headers, then nothing
	StallHead   = "/stall-head"   // nothing at all
	Bomb        = "/bomb"         // 404 JSON, gzip: 50 KB that inflate to 50 MiB
	Gzip        = "/gzip-missing" // 404 {"Code":10205}, gzip
	Short       = "/short"        // 404 JSON declaring 100 bytes, sending 10, closing
	Reset       = "/reset"        // 200 declaring 4000 bytes, sending 100, resetting
	ResetError  = "/reset-error"  // 404 JSON declaring 100 bytes, sending 10, resetting
	Events      = "/sse"          // text/event-stream: three events 50 ms apart
	Upgrade     = "/ws"           // 101 Switching Protocols, then an echo of every byte
)

// Smuggled is the body of the responses a Backend sends beyond the one it declared; a
// client that ever receives it got another request's answer.
const Smuggled = `{"ok":"SMUGGLED"}`

// A Backend is a misbehaving HTTP/1.1 server on a loopback port.
type Backend struct {
	URL     string // http://127.0.0.1:port
	ln      net.Listener
	mu      sync.Mutex
	conns   map[net.Conn]struct{}
	stalled atomic.Int64
	wg      sync.WaitGroup
}

// New starts a Backend, stopped when the test ends.
func New(tb testing.TB) *Backend {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	b := &Backend{URL: "http://" + ln.Addr().String(), ln: ln, conns: map[net.Conn]struct{}{}}
	b.wg.Add(1)
	go b.accept()
	tb.Cleanup(b.Close)
	return b
}

// Close stops listening, closes every connection and waits for their handlers.
func (b *Backend) Close() {
	b.ln.Close()
	b.mu.Lock()
	for c := range b.conns {
		c.Close()
	}
	b.mu.Unlock()
	b.wg.Wait()
}

// Open returns the number of connections open now.
func (b *Backend) Open() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.conns)
}

// Stalled returns the number of responses stalled now.
func (b *Backend) Stalled() int { return int(b.stalled.Load()) }

func (b *Backend) accept() {
	defer b.wg.Done()
	for {
		c, err := b.ln.Accept()
		if err != nil {
			return
		}
		b.mu.Lock()
		b.conns[c] = struct{}{}
		b.mu.Unlock()
		b.wg.Add(1)
		go b.serve(c)
	}
}

func (b *Backend) serve(c net.Conn) {
	defer b.wg.Done()
	defer func() {
		c.Close()
		b.mu.Lock()
		delete(b.conns, c)
		b.mu.Unlock()
	}()
	br := bufio.NewReader(c)
	for {
		r, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		io.Copy(io.Discard, r.Body)
		if !b.answer(c, br, r) {
			return
		}
	}
}

// answer writes the response of r's path and reports whether the connection stays open.
func (b *Backend) answer(c net.Conn, br *bufio.Reader, r *http.Request) bool {
	switch r.URL.Path {
	case OK:
		write(c, response(200, "application/json", `{"ok":"`+r.URL.Query().Get("id")+`"}`))
	case Missing:
		write(c, response(404, "application/json", `{"Code":10205}`))
	case Extra:
		write(c, response(200, "application/json", `{"ok":"extra"}`)+smuggled())
	case ExtraLate:
		write(c, response(200, "application/json", `{"ok":"extra-late"}`))
		time.Sleep(2 * time.Millisecond)
		write(c, smuggled())
	case NoContent:
		write(c, "HTTP/1.1 204 No Content\r\n\r\n"+smuggled())
	case NotModified:
		write(c, "HTTP/1.1 304 Not Modified\r\nEtag: \"x\"\r\n\r\n"+smuggled())
	case Stall, StallOK, StallBody, StallHead:
		switch r.URL.Path {
		case StallBody:
			write(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n")
		case Stall:
			write(c, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Code\":10")
		case StallOK:
			write(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nsome of it")
		}
		b.stalled.Add(1)
		io.Copy(io.Discard, br) // until the gateway gives up
		b.stalled.Add(-1)
		return false
	case Bomb:
		write(c, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"+
			fmt.Sprintf("Content-Length: %d\r\n\r\n", len(bomb))+string(bomb))
	case Gzip:
		body := gzipped(`{"Code":10205}`)
		write(c, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nVary: Accept-Encoding\r\n"+
			fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))+body)
	case Short:
		write(c, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Code\":10")
		return false
	case Reset:
		write(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4000\r\n\r\n"+strings.Repeat("r", 100))
		reset(c)
		return false
	case ResetError:
		write(c, "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Code\":10")
		reset(c)
		return false
	case Events:
		write(c, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nTransfer-Encoding: chunked\r\n\r\n")
		for i := range 3 {
			event := fmt.Sprintf("id: %d\ndata: event %d\n\n", i, i)
			write(c, fmt.Sprintf("%x\r\n%s\r\n", len(event), event))
			time.Sleep(50 * time.Millisecond)
		}
		write(c, "0\r\n\r\n")
	case Upgrade:
		if !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			write(c, response(400, "text/plain", "want an upgrade"))
			return true
		}
		write(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
		if n := br.Buffered(); n > 0 {
			p, _ := br.Peek(n)
			write(c, string(p))
			br.Discard(n)
		}
		io.Copy(c, c)
		return false
	default:
		write(c, response(404, "text/plain", "no such behaviour"))
	}
	return true
}

// response returns a whole response with a Content-Length.
func response(status int, contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s",
		status, http.StatusText(status), contentType, len(body), body)
}

// smuggled returns a whole response that a client must never receive.
func smuggled() string { return response(200, "application/json", Smuggled) }

func write(c net.Conn, s string) { io.WriteString(c, s) }

// reset closes c with a TCP reset rather than a FIN.
func reset(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	c.Close()
}
