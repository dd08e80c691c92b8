package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
)

// BenchmarkGateway compares, over loopback TCP, the gateway as apiswitch -upstream runs it
// (request log, middleware, fill path) with the same httputil.ReverseProxy and transport
// alone, on a back end's error ({"Code":10205}, 404, filled by the gateway) and on a 2XX
// JSON body. Client, gateway and back end share the machine; compare req/s side by side.
func BenchmarkGateway(b *testing.B) {
	back := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/apps/missing" {
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"Code":10205}`)
			return
		}
		io.WriteString(w, `{"Name":"web","Image":"nginx:1.27","Replicas":3,"State":"running"}`)
	}))
	defer back.Close()
	upstream, _ := url.Parse(back.URL)
	plain := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(upstream)
			pr.SetXForwarded()
		},
		Transport: bareTransport(),
	}
	fronts := []struct {
		name    string
		handler http.Handler
	}{
		{"proxy", plain},
		{"apiswitch", Handler(newCatalog(b), slog.New(slog.NewJSONHandler(io.Discard, nil)), upstream)},
	}
	paths := []struct {
		name, path string
		status     int
	}{
		{"error", "/apps/missing", http.StatusNotFound},
		{"2xx", "/apps/web", http.StatusOK},
	}
	for _, p := range paths {
		for _, f := range fronts {
			b.Run(p.name+"/"+f.name, func(b *testing.B) {
				front := httptest.NewServer(f.handler)
				defer front.Close()
				benchmarkGET(b, front.URL+p.path, p.status)
			})
		}
	}
}

// benchmarkGET sends GETs to target from 16 goroutines per CPU and reports requests per second.
func benchmarkGET(b *testing.B, target string, status int) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	defer client.CloseIdleConnections()
	b.SetParallelism(16)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, _ := http.NewRequest("GET", target, nil)
			req.Header.Set("Accept-Language", "en-US,en;q=0.9")
			resp, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != status {
				b.Errorf("GET %s: status %d, want %d", target, resp.StatusCode, status)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkCatalog measures /v1/errors and /v1/errors/{code} through the whole handler and
// httptest, without the network: a full answer, and a revalidation answered 304.
func BenchmarkCatalog(b *testing.B) {
	h := Handler(newCatalog(b), slog.New(slog.NewJSONHandler(io.Discard, nil)), nil)
	tag := do(h, "GET", "/v1/errors", map[string]string{"Accept-Language": "en"}).Header().Get("ETag")
	tests := []struct {
		name, target, ifNoneMatch string
		status                    int
	}{
		{"list", "/v1/errors", "", 200},
		{"list-304", "/v1/errors", tag, 304},
		{"one", "/v1/errors/10205", "", 200},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := httptest.NewRequest("GET", tt.target, nil)
				r.Header.Set("Accept-Language", "en-US,en;q=0.9")
				if tt.ifNoneMatch != "" {
					r.Header.Set("If-None-Match", tt.ifNoneMatch)
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != tt.status {
					b.Fatalf("status %d, want %d", w.Code, tt.status)
				}
			}
		})
	}
}

// bareTransport is the pooled transport the gateway had before its connections were
// guarded: http.DefaultTransport with a pool sized for a gateway.
func bareTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 512
	t.MaxIdleConnsPerHost = 256
	return t
}

// BenchmarkCatalogOverhead compares, through httptest without the network, the catalog
// list and its 304 as the server answers them (middleware, access log to a buffered
// discarding output) with a constant handler writing the same headers and bytes.
func BenchmarkCatalogOverhead(b *testing.B) {
	out := newLogOutput(io.Discard)
	defer out.Close()
	h := handlerWith(newCatalog(b), newLogger("json", out), newAccessLog("json", out).observe, gatewayConfig{})
	constant, tag := constantCatalog(h)
	for _, tt := range []struct {
		name string
		inm  string
	}{{"list", ""}, {"list-304", tag}} {
		for _, c := range []struct {
			name string
			h    http.Handler
		}{{"constant", constant}, {"apiswitch", h}} {
			b.Run(tt.name+"/"+c.name, func(b *testing.B) {
				r := httptest.NewRequest("GET", "/v1/errors", nil)
				r.Header.Set("Accept-Language", "en-US,en;q=0.9")
				if tt.inm != "" {
					r.Header.Set("If-None-Match", tt.inm)
				}
				b.ReportAllocs()
				for b.Loop() {
					c.h.ServeHTTP(discardWriter{h: http.Header{}}, r)
				}
			})
		}
	}
}

// discardWriter is a ResponseWriter that keeps nothing, cheaper than a recorder.
type discardWriter struct{ h http.Header }

func (d discardWriter) Header() http.Header         { return d.h }
func (d discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d discardWriter) WriteHeader(int)             {}

// constantCatalog returns a constant handler that writes the headers and bytes h answers
// to GET /v1/errors in English: the list, or its 304 when If-None-Match is the list's ETag,
// which it also returns.
func constantCatalog(h http.Handler) (http.Handler, string) {
	const lang = "en-US,en;q=0.9"
	full := do(h, "GET", "/v1/errors", map[string]string{"Accept-Language": lang})
	tag := full.Header().Get("ETag")
	notMod := do(h, "GET", "/v1/errors", map[string]string{"Accept-Language": lang, "If-None-Match": tag})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		src := full
		if r.Header.Get("If-None-Match") == tag {
			src = notMod
		}
		for k, v := range src.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(src.Code)
		w.Write(src.Body.Bytes())
	}), tag
}
