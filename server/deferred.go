package server

import (
	"bufio"
	"net"
	"net/http"
)

// A deferredWriter holds a proxied response's final status until its first body byte,
// flush or hijack, so that a back end that sends its headers and then nothing can still
// be answered 504: until then nothing has gone to the client. Informational statuses pass
// at once.
type deferredWriter struct {
	http.ResponseWriter
	status int  // held
	sent   bool // the status reached the wrapped writer
}

func (d *deferredWriter) WriteHeader(code int) {
	if d.sent || code < 200 || code == http.StatusSwitchingProtocols {
		d.ResponseWriter.WriteHeader(code)
		d.sent = d.sent || code >= 200
		return
	}
	if d.status == 0 {
		d.status = code
	}
}

// send passes the held status on.
func (d *deferredWriter) send() {
	if !d.sent {
		d.sent = true
		if d.status != 0 {
			d.ResponseWriter.WriteHeader(d.status)
		}
	}
}

func (d *deferredWriter) Write(p []byte) (int, error) {
	d.send()
	return d.ResponseWriter.Write(p)
}

// FlushError sends the status and flushes, as http.ResponseController asks.
func (d *deferredWriter) FlushError() error {
	d.send()
	return http.NewResponseController(d.ResponseWriter).Flush()
}

func (d *deferredWriter) Flush() { d.FlushError() }

func (d *deferredWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	d.sent = true
	return http.NewResponseController(d.ResponseWriter).Hijack()
}

// Unwrap returns the wrapped writer, for http.ResponseController's other methods.
func (d *deferredWriter) Unwrap() http.ResponseWriter { return d.ResponseWriter }
