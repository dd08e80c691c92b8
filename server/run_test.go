package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apiswitch/errcode/locales"
)

func noenv(string) string { return "" }

func TestRunExitCodes(t *testing.T) {
	t.Parallel()
	broken := t.TempDir()
	copyLocales(t, broken)
	writeFile(t, broken, "zh-CN.toml", "[APP_NOT_FOUND]\nother = \"x\"\n[BROKEN\n") // the default language
	incomplete := t.TempDir()
	copyLocales(t, incomplete)
	writeFile(t, incomplete, "zh-CN.toml", "[APP_NOT_FOUND]\nother = \"未找到应用\"\n")
	empty, notoml := t.TempDir(), t.TempDir()
	writeFile(t, notoml, "README.md", "translations go here\n")
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"help", []string{"-help"}, ExitOK, "-shutdown-timeout duration", ""},
		{"zero timeout", []string{"-upstream-idle-timeout", "0s"}, ExitUsage, "", "-upstream-idle-timeout 0s: want a positive duration"},
		{"unknown flag", []string{"-nope"}, ExitUsage, "", "flag provided but not defined"},
		{"bad upstream", []string{"-upstream", "localhost:1"}, ExitUsage, "", "want an http:// or https:// URL"},
		{"broken locales", []string{"-locales", broken, "-addr", "127.0.0.1:0"}, ExitError, "", filepath.Join(broken, "zh-CN.toml") + ":4:8: expected"},
		{"incomplete locales", []string{"-locales", incomplete, "-addr", "127.0.0.1:0"}, ExitError, "", "has no message"},
		{"missing locales", []string{"-locales", filepath.Join(broken, "nope"), "-addr", "127.0.0.1:0"}, ExitError, "", "-locales " + filepath.Join(broken, "nope") + ": no such directory"},
		{"empty locales", []string{"-locales", empty, "-addr", "127.0.0.1:0"}, ExitError, "", "-locales " + empty + ": no *.toml locale file in it"},
		{"locales without toml", []string{"-locales", notoml, "-addr", "127.0.0.1:0"}, ExitError, "", "-locales " + notoml + ": no *.toml locale file in it"},
		{"locales a file", []string{"-locales", filepath.Join(notoml, "README.md"), "-addr", "127.0.0.1:0"}, ExitError, "", "-locales " + filepath.Join(notoml, "README.md") + ": not a directory"},
		{"address in use", []string{"-addr", busy.Addr().String()}, ExitError, "", "address already in use"},
	}
	for _, tt := range tests {
		var stdout, stderr strings.Builder
		// A case that wrongly starts serving ends with the deadline instead of hanging.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		code := Run(ctx, tt.args, noenv, &stdout, &stderr)
		cancel()
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%s: Run(%q) = %d, stdout %q, stderr %q; want %d, %q, %q",
				tt.name, tt.args, code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
		}
		if n := strings.Count(stderr.String(), tt.stderr); tt.name == "unknown flag" && n != 1 {
			t.Errorf("%s: stderr says %q %d times:\n%s", tt.name, tt.stderr, n, stderr.String())
		}
		if tt.code != ExitOK && strings.Contains(stderr.String(), "listening") {
			t.Errorf("%s: listened before failing: %s", tt.name, stderr.String())
		}
	}
}

// started is a server run in-process by start.
type started struct {
	url  string
	logs *syncBuffer
	stop func() int // cancels and returns Run's exit code
}

// start runs Run with args plus -addr 127.0.0.1:0 and waits for its "listening" line.
func start(t *testing.T, args ...string) *started {
	t.Helper()
	logs := new(syncBuffer)
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		// logs first: the scanner below must not see a write, and the test go on, before logs has it.
		done <- Run(ctx, append(args, "-addr", "127.0.0.1:0", "-log-format", "json"), noenv, io.Discard, io.MultiWriter(logs, pw))
		pw.Close()
	}()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "listening" {
				addr <- rec.Addr
			}
		}
		io.Copy(io.Discard, pr)
	}()
	var code int
	stop := sync.OnceFunc(func() { cancel(); code = <-done })
	s := &started{logs: logs, stop: func() int { stop(); return code }}
	select {
	case a := <-addr:
		s.url = "http://" + a
	case code := <-done:
		t.Fatalf("Run exited with %d: %s", code, logs)
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatalf("Run did not listen within 10s: %s", logs)
	}
	t.Cleanup(func() { s.stop() })
	return s
}

func TestRunGracefulShutdown(t *testing.T) {
	t.Parallel()
	entered := make(chan struct{})
	slow := http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "finished")
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go slow.Serve(ln)
	defer slow.Close()

	s := start(t, "-upstream", "http://"+ln.Addr().String())
	type result struct {
		body string
		err  error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := http.Get(s.url + "/slow")
		if err != nil {
			res <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		res <- result{string(b), err}
	}()
	<-entered
	if code := s.stop(); code != ExitOK {
		t.Errorf("Run = %d after cancel, want %d; logs: %s", code, ExitOK, s.logs)
	}
	if r := <-res; r.err != nil || r.body != "finished" {
		t.Errorf("in-flight request: %q, %v; want it finished", r.body, r.err)
	}
	if _, err := http.Get(s.url + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// copyLocales writes the embedded locales into dir.
func copyLocales(t testing.TB, dir string) {
	t.Helper()
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		b, err := locales.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, name, string(b))
	}
}

func writeFile(t testing.TB, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
