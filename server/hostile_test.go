package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/backendtest"
)

// openFiles counts this process's open file descriptors, or -1 where /proc is missing.
func openFiles() int {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(fds)
}

// TestGatewayStalledBackend sends 500 requests to a back end that stalls: after its
// headers and part of an error body (the client must get 504), after its headers and
// part of a 2XX body (the client must see an aborted response, never one that looks
// whole), or before anything (504). Within the bounds every request ends, and the
// goroutines and file descriptors the gateway held return to what they were.
func TestGatewayStalledBackend(t *testing.T) {
	back := backendtest.New(t)
	s := start(t, "-upstream", back.URL, "-upstream-idle-timeout", "300ms", "-upstream-timeout", "3s")
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	get(t, client, s.url+backendtest.Missing) // warm up
	runtime.GC()
	goroutines, fds, open := runtime.NumGoroutine(), openFiles(), back.Open()

	const n = 500
	paths := []string{backendtest.Stall, backendtest.StallOK, backendtest.StallBody, backendtest.StallHead}
	var wg sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]int{}
	began := time.Now()
	for i := range n {
		path := paths[i%len(paths)]
		wg.Go(func() {
			outcome := stalledOutcome(client, s.url+path)
			mu.Lock()
			outcomes[path+" "+outcome]++
			mu.Unlock()
		})
	}
	wg.Wait()
	took := time.Since(began)
	// A 2XX body that broke off is aborted; under this load its headers may also come
	// after the idle bound, and then it is a 504 like the others.
	for outcome, count := range outcomes {
		path, how, _ := strings.Cut(outcome, " ")
		if how != "504" && !(path == backendtest.StallOK && how == "aborted") {
			t.Errorf("%d requests to %s ended %s", count, path, how)
		}
	}
	if outcomes[backendtest.StallOK+" aborted"] == 0 {
		t.Errorf("no 2XX body broke off: %v", outcomes)
	}
	// What is left may be idle connections the transport dialed for requests that had
	// given up, pooled for later requests as it does: each is an fd per end and three
	// goroutines (the transport's reader and writer, the back end's), bounded by the pool.
	deadline := time.Now().Add(10 * time.Second)
	for {
		client.CloseIdleConnections()
		runtime.GC()
		g, f, idle := runtime.NumGoroutine(), openFiles(), back.Open()-open
		if back.Stalled() == 0 && g <= goroutines+10+3*idle && f <= fds+10+2*idle {
			t.Logf("%d stalled requests ended in %v; goroutines %d → %d, fds %d → %d, %d idle pooled connections",
				n, took, goroutines, g, fds, f, idle)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("10s after the bounds: goroutines %d (baseline %d), fds %d (baseline %d), back end stalled %d, %d idle connections",
				g, goroutines, f, fds, back.Stalled(), idle)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stalledOutcome returns how a request ended: its status, or "aborted" when its body
// broke off, or "complete" when a 2XX body arrived whole (which a stalled one must not).
func stalledOutcome(client *http.Client, url string) string {
	resp, err := client.Get(url)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) { // the connection broke off
		return "aborted"
	}
	if err != nil {
		return "error: " + err.Error()
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	switch {
	case err != nil: // the body broke off
		return "aborted"
	case resp.StatusCode == 504 && strings.Contains(string(body), `"Code":10004`):
		return "504"
	}
	return fmt.Sprintf("complete %d %q", resp.StatusCode, body)
}

// get sends a GET and fails the test unless it succeeds.
func get(t *testing.T, client *http.Client, url string) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// desync sends pairs of requests from clients concurrent clients, each pair one to a path
// where the back end sends more than one response and one to /ok with an id of its own,
// and returns the requests whose answer was another's (a smuggled body, another id) and
// those that failed.
func desync(t *testing.T, url string, clients, pairs int, bad ...string) (crossed, failed []string) {
	want := map[string]struct {
		status int
		body   string
	}{
		backendtest.Extra:       {200, `{"ok":"extra"}`},
		backendtest.ExtraLate:   {200, `{"ok":"extra-late"}`},
		backendtest.NoContent:   {204, ""},
		backendtest.NotModified: {304, ""},
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	var mu sync.Mutex
	note := func(list *[]string, s string) {
		mu.Lock()
		*list = append(*list, s)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; i < pairs; i += clients {
				path := bad[i%len(bad)]
				for _, target := range []string{path, fmt.Sprintf("%s?id=%d", backendtest.OK, i)} {
					resp, err := client.Get(url + target)
					if err != nil {
						note(&failed, target+": "+err.Error())
						continue
					}
					body, err := io.ReadAll(resp.Body)
					resp.Body.Close()
					w, ok := want[target]
					if !ok {
						w.status, w.body = 200, fmt.Sprintf(`{"ok":"%d"}`, i)
					}
					switch {
					case err != nil:
						note(&failed, target+": "+err.Error())
					case resp.StatusCode != w.status || string(body) != w.body:
						note(&crossed, fmt.Sprintf("%s: %d %s", target, resp.StatusCode, body))
					}
				}
			}
		})
	}
	wg.Wait()
	return crossed, failed
}

// TestGatewayNoDesync checks that no client ever gets another request's answer from a
// back end that sends bytes beyond its responses in the same write (after Content-Length,
// on a 204 or 304, a second response), and that each such connection is closed and
// logged with the back end's address. Connections stay pooled (no suspicion), so that the
// guard alone is tested.
func TestGatewayNoDesync(t *testing.T) {
	t.Parallel()
	back := backendtest.New(t)
	upstream, _ := url.Parse(back.URL)
	logs := new(syncBuffer)
	front := httptest.NewServer(handlerWith(newCatalog(t), newLogger("json", logs), newAccessLog("json", logs).observe, gatewayConfig{upstream: upstream, suspect: -1}))
	defer front.Close()
	const clients, pairs = 20, 1000
	crossed, failed := desync(t, front.URL, clients, pairs, backendtest.Extra, backendtest.NoContent, backendtest.NotModified)
	if len(crossed) > 0 || len(failed) > 0 {
		t.Errorf("%d of %d requests got another's answer, %d failed; first: %q %q", len(crossed), 2*pairs, len(failed), first(crossed), first(failed))
	}
	anomalies := 0
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, `"msg":"`+errBeyondResponse.Error()) {
			anomalies++
			if !strings.Contains(line, `"backend":"`+upstream.Host+`"`) {
				t.Errorf("logged without the back end's address: %s", line)
			}
		}
	}
	if anomalies == 0 || anomalies > pairs {
		t.Errorf("%d anomalies logged for %d responses with bytes beyond them", anomalies, pairs)
	}
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, "beyond its response") && !strings.Contains(line, `"msg":"`+errBeyondResponse.Error()) {
			t.Logf("other: %s", line)
		}
	}
	if strings.Contains(logs.String(), "not reused for a while") {
		t.Error("the back end became suspect with suspicion off")
	}
	t.Logf("%d pairs over %d clients: none crossed; %d connections closed and logged", pairs, clients, anomalies)
}

// TestGatewaySuspectBackend sends bytes beyond a response 2 ms late, when the connection
// may already carry the next request: once the back end is caught, it gets a new
// connection per request, and no late bytes reach another client.
func TestGatewaySuspectBackend(t *testing.T) {
	t.Parallel()
	back := backendtest.New(t)
	s := start(t, "-upstream", back.URL)
	client := &http.Client{}
	get(t, client, s.url+backendtest.ExtraLate)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.logs.String(), "not reused for a while") {
		if time.Now().After(deadline) {
			t.Fatalf("the late bytes were not caught:\n%s", s.logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	crossed, failed := desync(t, s.url, 20, 500, backendtest.ExtraLate, backendtest.Extra, backendtest.NoContent)
	if len(crossed) > 0 || len(failed) > 0 {
		t.Errorf("%d requests got another's answer, %d failed; first: %q %q", len(crossed), len(failed), first(crossed), first(failed))
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
