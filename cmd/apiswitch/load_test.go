package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/configmaptest"
)

const (
	loadClients      = 100
	loadDuration     = 3 * time.Second
	loadPublications = 50
)

var marker = regexp.MustCompile(`^v(\d+) `)

// versionOf returns the n of a "v<n> ..." message, or -1.
func versionOf(msg string) int {
	m := marker.FindStringSubmatch(msg)
	if m == nil {
		return -1
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

// loadResult is what the clients saw.
type loadResult struct {
	mu       sync.Mutex
	requests atomic.Int64
	failures []string
	seen     map[string]map[int]int // language to version to responses
	etags    map[string]int         // ETag to the version of its body
}

func (r *loadResult) fail(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *loadResult) saw(lang string, version int, etag string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.seen[lang] == nil {
		r.seen[lang] = map[int]int{}
	}
	r.seen[lang][version]++
	if etag == "" {
		return
	}
	if v, ok := r.etags[etag]; ok && v != version {
		r.failures = append(r.failures, fmt.Sprintf("ETag %s served v%d and v%d", etag, v, version))
	}
	r.etags[etag] = version
}

// TestReloadUnderLoad runs 100 clients for 3 s against the catalog and the gateway while
// the locales directory is republished 50 times as a ConfigMap, one in five with a broken
// en-US.toml, with a SIGHUP now and then. No request may fail, every response must come
// from exactly one catalog version, no broken en-US version may ever serve, and a broken
// en-US never holds back zh-CN.
func TestReloadUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a few seconds of load")
	}
	dir := t.TempDir()
	if err := configmaptest.Publish(dir, version(t, 0)); err != nil {
		t.Fatal(err)
	}
	back := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(404)
		io.WriteString(w, `{"Code":10205}`)
	}))
	defer back.Close()
	p := start(t, "-locales", dir, "-upstream", back.URL)

	res := &loadResult{seen: map[string]map[int]int{}, etags: map[string]int{}}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}}
	defer client.CloseIdleConnections()
	stop := make(chan struct{})
	began := time.Now()
	var wg sync.WaitGroup
	for i := range loadClients {
		wg.Go(func() { loadClient(p.url, client, i, stop, res) })
	}
	valid, broke := publish(t, p, dir)
	time.Sleep(loadDuration - time.Since(began))
	close(stop)
	wg.Wait()

	for _, f := range res.failures[:min(len(res.failures), 10)] {
		t.Error(f)
	}
	if len(res.failures) > 0 {
		t.Fatalf("%d of %d requests failed", len(res.failures), res.requests.Load())
	}
	for v := range res.seen["en-US"] {
		if !valid[v] {
			t.Errorf("en-US v%d served; it was broken: %v", v, broke)
		}
	}
	if len(res.seen["en-US"]) < 3 || len(res.seen["zh-CN"]) < 3 {
		t.Errorf("only versions %v served: the catalog hardly reloaded under load", res.seen)
	}
	p.waitLog(t, "locale file refused; its language keeps serving its last good version", nil, 5*time.Second)
	eventually(t, p.url, fmt.Sprintf("v%d The app was not found.", loadPublications))
	// One more broken en-US: zh-CN still moves on.
	if err := configmaptest.Publish(dir, broken(t, loadPublications+1)); err != nil {
		t.Fatal(err)
	}
	eventuallyIn(t, p.url, "zh-CN", fmt.Sprintf("v%d 未找到应用", loadPublications+1))
	if got := message(t, p.url); got != fmt.Sprintf("v%d The app was not found.", loadPublications) {
		t.Errorf("en-US after a broken publication: %q", got)
	}
	t.Logf("%d requests by %d clients, %d versions served (responses per version: %v)",
		res.requests.Load(), loadClients, len(res.seen), res.seen)
}

// publish republishes dir loadPublications times over most of the load, and returns
// the versions that were valid and those that were broken.
func publish(t *testing.T, p *process, dir string) (valid map[int]bool, broke []int) {
	valid = map[int]bool{0: true}
	every := loadDuration * 4 / 5 / loadPublications
	for i := 1; i <= loadPublications; i++ {
		files := version(t, i)
		if i%5 == 3 {
			files = broken(t, i)
			broke = append(broke, i)
		} else {
			valid[i] = true
		}
		if err := configmaptest.Publish(dir, files); err != nil {
			t.Fatal(err)
		}
		if i%7 == 3 {
			p.cmd.Process.Signal(syscall.SIGHUP)
		}
		time.Sleep(every)
	}
	return valid, broke
}

// loadClient sends requests until stop, checking each.
func loadClient(url string, client *http.Client, i int, stop <-chan struct{}, res *loadResult) {
	for n := i; ; n++ {
		select {
		case <-stop:
			return
		default:
		}
		res.requests.Add(1)
		switch n % 3 {
		case 0:
			checkList(client, url+"/v1/errors?lang=en-US", "", "en-US", res)
		case 1:
			checkList(client, url+"/v1/errors", "zh-CN,zh;q=0.9", "zh-CN", res)
		case 2:
			checkFill(client, url+"/apps/missing", res)
		}
	}
}

// checkList checks that every message of a /v1/errors answer comes from one version.
func checkList(client *http.Client, url, accept, lang string, res *loadResult) {
	var list []entry
	etag, err := fetch(client, url, accept, 200, &list)
	if err != nil {
		res.fail("GET %s: %v", url, err)
		return
	}
	v := versionOf(list[0].Message)
	for _, e := range list {
		if versionOf(e.Message) != v || v < 0 {
			res.fail("GET %s mixes versions: %q and %q", url, list[0].Message, e.Message)
			return
		}
	}
	res.saw(lang, v, etag)
}

// checkFill checks a message the gateway filled.
func checkFill(client *http.Client, url string, res *loadResult) {
	var b errorBody
	if _, err := fetch(client, url, "en", 404, &b); err != nil {
		res.fail("GET %s: %v", url, err)
		return
	}
	v := versionOf(b.Message)
	if b.Code != 10205 || v < 0 {
		res.fail("GET %s = %+v", url, b)
		return
	}
	res.saw("en-US", v, "")
}

// fetch GETs url, wants status, and decodes the body into v. It returns the ETag. An
// error says which connection the request went on.
func fetch(client *http.Client, url, accept string, status int, v any) (string, error) {
	var conn connTrace
	req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), conn.trace()), "GET", url, nil)
	if accept != "" {
		req.Header.Set("Accept-Language", accept)
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("%w (%s)", err, &conn)
	}
	defer resp.Body.Close()
	if resp.StatusCode != status {
		b, _ := io.ReadAll(resp.Body)
		return "", fmt.Errorf("status %d, want %d: %s", resp.StatusCode, status, b)
	}
	return resp.Header.Get("ETag"), json.NewDecoder(resp.Body).Decode(v)
}

// A connTrace follows the connections a request was sent on (a request that failed on a
// reused connection is sent again on another), to tell a connection the server closed
// while idle from one it closed with a request on it.
type connTrace struct {
	mu       sync.Mutex
	attempts []string
	start    time.Time
	dialed   time.Time
}

func (c *connTrace) trace() *httptrace.ClientTrace {
	c.start = time.Now()
	return &httptrace.ClientTrace{
		ConnectDone: func(_, _ string, err error) {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.dialed = time.Now()
		},
		GotConn: func(info httptrace.GotConnInfo) {
			c.mu.Lock()
			defer c.mu.Unlock()
			at := time.Since(c.start).Round(time.Millisecond)
			switch {
			case info.Reused:
				c.attempts = append(c.attempts, fmt.Sprintf("at %v, a reused connection %s → %s, idle %v", at, info.Conn.LocalAddr(), info.Conn.RemoteAddr(), info.IdleTime))
			default:
				c.attempts = append(c.attempts, fmt.Sprintf("at %v, a new connection %s → %s, dialed in %v", at, info.Conn.LocalAddr(), info.Conn.RemoteAddr(), c.dialed.Sub(c.start).Round(time.Millisecond)))
			}
		},
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.attempts = append(c.attempts, fmt.Sprintf("written at %v (%v)", time.Since(c.start).Round(time.Millisecond), info.Err))
		},
	}
}

func (c *connTrace) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Sprintf("after %v: %s", time.Since(c.start).Round(time.Millisecond), strings.Join(c.attempts, "; "))
}
