package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binary is the apiswitch command built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "apiswitch-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "apiswitch")
	// -race is always explicit: GOFLAGS (CI sets -race there) would otherwise build a
	// race binary for a test built without.
	build := exec.Command("go", "build", "-o", binary, fmt.Sprintf("-race=%t", raceEnabled), ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building apiswitch:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// A process is a running apiswitch.
type process struct {
	cmd  *exec.Cmd
	url  string // http://127.0.0.1:port
	logs *logBuffer
	done chan struct{} // closed when it has exited
	err  error         // its exit status, once done
	json bool          // started with -log-format json: every line must be JSON
}

// start runs the binary with args, on a free loopback port and with JSON logs, and waits
// until it listens. The process is stopped when the test ends.
//
// The clients of these tests may write a new connection's first request seconds after
// connecting when the machine is loaded (5.3 s and 6.7 s after, seen under -race with 100
// clients): the server's -read-header-timeout, 5 s from the connection's start, then
// closes it unanswered, and the client's transport, which retries only on a connection it
// had used before, reports EOF. No test here is about that bound: it is ten minutes,
// unless a test's args set it.
func start(t *testing.T, args ...string) *process {
	t.Helper()
	args = append([]string{"-read-header-timeout", "10m"}, args...)
	p := run(t, append(args, "-addr", "127.0.0.1:0", "-log-format", "json")...)
	p.json = true
	select {
	case <-p.done:
		t.Fatalf("apiswitch exited (%v) before listening:\n%s", p.err, p.logs)
	case <-beforeDeadline(t):
		t.Fatalf("apiswitch did not listen before the test's deadline:\n%s", p.logs)
	case addr := <-p.logs.listening:
		p.url = "http://" + addr
	}
	return p
}

// beforeDeadline fires shortly before the test binary's -timeout, so that a server that
// never starts fails its test with its logs, however slow the machine, rather than after
// a fixed time a loaded machine can take.
func beforeDeadline(t *testing.T) <-chan time.Time {
	d, ok := t.Deadline()
	if !ok {
		return nil
	}
	return time.After(time.Until(d) * 9 / 10)
}

// run starts the binary with args and collects its stderr.
func run(t *testing.T, args ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(binary, args...), logs: newLogBuffer(), done: make(chan struct{})}
	p.cmd.Env = append(os.Environ(), "APISWITCH_ADDR=", "APISWITCH_UPSTREAM=", "APISWITCH_LOCALES=")
	p.cmd.Stderr = p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(10 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
		}
		if t.Failed() {
			t.Logf("apiswitch logs:\n%s", p.logs)
		}
		if strings.Contains(p.logs.String(), "WARNING: DATA RACE") {
			t.Errorf("the server raced:\n%s", p.logs)
		}
		if bad := p.logs.notJSON(); p.json && len(bad) > 0 {
			t.Errorf("with -log-format json, %d log lines are not JSON; first: %q", len(bad), bad[0])
		}
	})
	return p
}

// wait returns the exit code once the process has exited, failing after timeout.
func (p *process) wait(t *testing.T, timeout time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(timeout):
		t.Fatalf("apiswitch still runs after %v", timeout)
		return -1
	}
}

// waitLog waits until a log record has msg and every attribute of attrs, as JSON values.
func (p *process) waitLog(t *testing.T, msg string, attrs map[string]any, timeout time.Duration) map[string]any {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for seen := 0; time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		records := p.logs.records()
		for ; seen < len(records); seen++ {
			if rec := records[seen]; rec["msg"] == msg && hasAll(rec, attrs) {
				return rec
			}
		}
	}
	t.Fatalf("no log %q with %v within %v", msg, attrs, timeout)
	return nil
}

func hasAll(rec, attrs map[string]any) bool {
	for k, v := range attrs {
		if rec[k] != v {
			return false
		}
	}
	return true
}

// logBuffer keeps a process's stderr and parses its JSON lines.
type logBuffer struct {
	mu        sync.Mutex
	all       bytes.Buffer
	partial   []byte
	parsed    []map[string]any
	bad       []string // lines that are not JSON
	listening chan string
}

func newLogBuffer() *logBuffer { return &logBuffer{listening: make(chan string, 1)} }

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.all.Write(p)
	b.partial = append(b.partial, p...)
	for {
		i := bytes.IndexByte(b.partial, '\n')
		if i < 0 {
			break
		}
		var rec map[string]any
		if json.Unmarshal(b.partial[:i], &rec) == nil {
			b.parsed = append(b.parsed, rec)
			if addr, ok := rec["addr"].(string); ok && rec["msg"] == "listening" {
				b.listening <- addr
			}
		} else {
			b.bad = append(b.bad, string(b.partial[:i]))
		}
		b.partial = b.partial[i+1:]
	}
	return len(p), nil
}

func (b *logBuffer) records() []map[string]any {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.parsed[:len(b.parsed):len(b.parsed)]
}

// notJSON returns the lines that are not JSON objects.
func (b *logBuffer) notJSON() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.bad...)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.all.String()
}

// response is what get returns.
type response struct {
	status int
	header http.Header
	body   []byte
}

// get sends a GET with the given headers.
func get(t *testing.T, client *http.Client, url string, header map[string]string) response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading the body: %v", url, err)
	}
	return response{resp.StatusCode, resp.Header, body}
}
