package middleware_test

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/apiswitch/errcode/middleware"
)

// compress encodes s with coding.
func compress(coding, s string) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser
	switch coding {
	case "gzip":
		w = gzip.NewWriter(&buf)
	case "deflate":
		w = zlib.NewWriter(&buf)
	case "br":
		w = brotli.NewWriter(&buf)
	default:
		return []byte(s)
	}
	io.WriteString(w, s)
	w.Close()
	return buf.Bytes()
}

// uncompress decodes b, encoded with coding.
func uncompress(t *testing.T, coding string, b []byte) string {
	t.Helper()
	var r io.Reader = bytes.NewReader(b)
	var err error
	switch coding {
	case "gzip":
		r, err = gzip.NewReader(r)
	case "deflate":
		r, err = zlib.NewReader(r)
	case "br":
		r = brotli.NewReader(r)
	}
	if err != nil {
		t.Fatalf("%s: %v", coding, err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", coding, err)
	}
	return string(out)
}

// encodedBackend answers /{status}/{coding}/{body...} with that body encoded in that
// coding, and says in X-Got-Accept-Encoding what Accept-Encoding it received.
func encodedBackend(t *testing.T) *url.URL {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 3)
		status, _ := strconv.Atoi(parts[0])
		var body []byte
		switch parts[2] {
		case "bomb":
			body = compress(parts[1], strings.Repeat("0", middleware.DefaultMaxBody+1))
		case "broken":
			body = []byte("not compressed at all")
		default:
			body = compress(parts[1], parts[2])
		}
		h := w.Header()
		h["X-Got-Accept-Encoding"] = r.Header["Accept-Encoding"]
		h.Set("Content-Type", "application/json")
		if parts[1] != "identity" {
			h.Set("Content-Encoding", parts[1])
		}
		h.Set("Etag", `"backend"`)
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u
}

func TestModifyResponse(t *testing.T) {
	t.Parallel()
	back := encodedBackend(t)
	proxy := &httputil.ReverseProxy{
		Rewrite:        func(pr *httputil.ProxyRequest) { pr.SetURL(back) },
		Transport:      &http.Transport{DisableCompression: true},
		ModifyResponse: middleware.ModifyResponse,
	}
	front := httptest.NewServer(middleware.New(newCatalog(t), middleware.OnError(func(*http.Request, error) {}))(proxy))
	t.Cleanup(front.Close)
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	const filled = `{"Code":10205,"Message":"The app was not found."}`
	tests := []struct {
		name, path     string
		acceptEncoding []string // nil: no header
		coding         string   // of the response
		body           string   // decoded; "" means the back end's bytes unchanged
	}{
		{"gzip to a browser", "/404/gzip/{\"Code\":10205}", []string{"gzip, deflate, br, zstd"}, "gzip", filled},
		{"gzip without Accept-Encoding", "/404/gzip/{\"Code\":10205}", nil, "gzip", filled},
		{"gzip to identity", "/404/gzip/{\"Code\":10205}", []string{"identity"}, "", filled},
		{"gzip to an empty Accept-Encoding", "/404/gzip/{\"Code\":10205}", []string{""}, "", filled},
		{"gzip to br only", "/404/gzip/{\"Code\":10205}", []string{"br, identity;q=0"}, "br", filled},
		{"deflate", "/404/deflate/{\"Code\":10205}", []string{"deflate"}, "deflate", filled},
		{"br", "/404/br/{\"Code\":10205}", []string{"br"}, "br", filled},
		{"identity", "/404/identity/{\"Code\":10205}", []string{"gzip"}, "", filled},
		{"bomb", "/404/gzip/bomb", []string{"gzip"}, "gzip", ""},
		{"broken gzip", "/404/gzip/broken", []string{"gzip"}, "gzip", ""},
		{"2XX never decoded", "/200/gzip/{\"Code\":10205}", []string{"gzip"}, "gzip", ""},
		{"zstd passes", "/404/zstd/{\"Code\":10205}", []string{"zstd"}, "zstd", ""},
		{"Message kept", "/409/gzip/{\"Code\":10202,\"Message\":\"x\"}", []string{"gzip"}, "gzip", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, _ := http.NewRequest("GET", front.URL+tt.path+"?lang=en", nil)
			if tt.acceptEncoding != nil {
				req.Header["Accept-Encoding"] = tt.acceptEncoding
			}
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			raw, _ := io.ReadAll(res.Body)
			if got := res.Header["X-Got-Accept-Encoding"]; strings.Join(got, "|") != strings.Join(tt.acceptEncoding, "|") || (got == nil) != (tt.acceptEncoding == nil) {
				t.Errorf("the back end got Accept-Encoding %q, want the client's %q", got, tt.acceptEncoding)
			}
			if ce := res.Header.Get("Content-Encoding"); ce != tt.coding {
				t.Errorf("Content-Encoding %q, want %q", ce, tt.coding)
			}
			if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(len(raw)) {
				t.Errorf("Content-Length %s for %d bytes", cl, len(raw))
			}
			if tt.body == "" {
				if res.Header.Get("Content-Language") != "" || res.Header.Get("Etag") != `"backend"` {
					t.Errorf("passed through with Content-Language %q, ETag %q", res.Header.Get("Content-Language"), res.Header.Get("Etag"))
				}
				return
			}
			if got := uncompress(t, tt.coding, raw); got != tt.body {
				t.Errorf("body %s, want %s", got, tt.body)
			}
			vary := strings.Join(res.Header.Values("Vary"), ", ")
			if !strings.Contains(vary, "Accept-Language") || (tt.path[5:13] != "identity" && !strings.Contains(vary, "Accept-Encoding")) {
				t.Errorf("Vary %q", vary)
			}
			if res.Header.Get("Etag") != "" || res.Header.Get("Content-Language") != "en-US" {
				t.Errorf("ETag %q, Content-Language %q", res.Header.Get("Etag"), res.Header.Get("Content-Language"))
			}
		})
	}
}
