package loadgen

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"x"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		io.WriteString(w, strings.Repeat("x", 50<<10))
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, tt := range []struct {
		header []string
		status int
	}{{nil, 200}, {[]string{`If-None-Match: "x"`}, 304}} {
		res, err := Run(context.Background(), Config{Addr: addr, Request: GET(addr, "/", tt.header...), Conns: 4, Duration: 200 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if res.Requests == 0 || res.Answered < res.Requests || res.Errors != 0 || res.Statuses[tt.status] != res.Requests || res.P99 < res.P50 {
			t.Errorf("%v: %v", tt.header, res)
		}
	}
}

// TestRunRequests: a run with Requests ends when they are answered, long before Duration.
func TestRunRequests(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	const n = 500
	res, err := Run(context.Background(), Config{Addr: addr, Request: GET(addr, "/"), Conns: 4, Duration: time.Hour, Requests: n})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != n || res.Statuses[200] != n || res.Elapsed >= time.Hour || res.Elapsed <= 0 {
		t.Errorf("Requests %d: %v, elapsed %v", n, res, res.Elapsed)
	}
}
