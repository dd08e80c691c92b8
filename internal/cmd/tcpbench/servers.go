package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"time"
)

// listen listens on addr and says where on stdout, for the process that started this one.
func listen(addr string) net.Listener {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("listening", ln.Addr())
	return ln
}

// server has apiswitch's settings, so that only the handlers differ.
func server(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// A snapshot is one answer of apiswitch, to be served again as it was.
type snapshot struct {
	status int
	header http.Header
	body   []byte
}

func take(url, lang, ifNoneMatch string) snapshot {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Language", lang)
	if ifNoneMatch != "" {
		req.Header.Set("If-None-Match", ifNoneMatch)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	h := resp.Header.Clone()
	h.Del("Date")
	h.Del("Content-Length")
	return snapshot{resp.StatusCode, h, body}
}

func (s snapshot) write(w http.ResponseWriter) {
	for k, v := range s.header {
		w.Header()[k] = v
	}
	w.WriteHeader(s.status)
	w.Write(s.body)
}

// serveConst serves, for any request, what apiswitch answered at -from: its body, or its
// 304 when If-None-Match holds the ETag.
func serveConst(args []string) {
	fs := flag.NewFlagSet("serve-const", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen `address`")
	from := fs.String("from", "", "the apiswitch `URL` whose answer to serve")
	lang := fs.String("lang", "en-US,en;q=0.9", "the Accept-Language to ask it with")
	fs.Parse(args)
	full := take(*from, *lang, "")
	etag := full.header.Get("Etag")
	notModified := take(*from, *lang, etag)
	server(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			notModified.write(w)
			return
		}
		full.write(w)
	})).Serve(listen(*addr))
}

// The gateway's paths.
const (
	small   = "/small"   // 200 B of JSON
	large   = "/large"   // 50 KiB of JSON
	missing = "/missing" // 404 {"Code":10205}
)

// serveBackend serves the gateway's paths.
func serveBackend(args []string) {
	fs := flag.NewFlagSet("serve-backend", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen `address`")
	fs.Parse(args)
	bodies := map[string]string{
		small: jsonOf(200),
		large: jsonOf(50 << 10),
	}
	server(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		body, ok := bodies[r.URL.Path]
		if !ok {
			w.Header().Set("Content-Length", "14")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"Code":10205}`)
			return
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		io.WriteString(w, body)
	})).Serve(listen(*addr))
}

// jsonOf returns a JSON object of n bytes.
func jsonOf(n int) string {
	const head, tail = `{"Name":"web","Pad":"`, `"}`
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

// serveProxy serves a bare httputil.ReverseProxy to -upstream, with the pooled transport
// the gateway had before it guarded its connections.
func serveProxy(args []string) {
	fs := flag.NewFlagSet("serve-proxy", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:0", "listen `address`")
	upstream := fs.String("upstream", "", "the back end's `URL`")
	fs.Parse(args)
	u, err := url.Parse(*upstream)
	if err != nil {
		log.Fatal(err)
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 512, 256
	server(&httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(u)
			pr.SetXForwarded()
		},
		Transport: t,
		ErrorLog:  log.New(os.Stderr, "", 0),
	}).Serve(listen(*addr))
}
