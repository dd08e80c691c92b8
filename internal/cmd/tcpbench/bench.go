package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/apiswitch/errcode/internal/loadgen"
)

// A bench is one run of every comparison.
type bench struct {
	count int
	dur   time.Duration
	conns int
	procs []*exec.Cmd
	tmp   string
}

// A candidate is one server answering one request.
type candidate struct {
	name, addr string
	request    []byte
	status     int
}

// A comparison measures candidates in turn; the first is the baseline.
type comparison struct {
	name       string
	candidates []candidate
}

func (b *bench) run(ctx context.Context) error {
	var err error
	if b.tmp, err = os.MkdirTemp("", "tcpbench-"); err != nil {
		return err
	}
	apiswitch := filepath.Join(b.tmp, "apiswitch")
	build := exec.Command("go", "build", "-o", apiswitch, "github.com/apiswitch/errcode/cmd/apiswitch")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building apiswitch: %w", err)
	}
	self, _ := os.Executable()
	catalog, err := b.startAPISwitch(apiswitch)
	if err != nil {
		return err
	}
	constant, err := b.startSelf(self, "serve-const", "-from", "http://"+catalog+"/v1/errors")
	if err != nil {
		return err
	}
	backend, err := b.startSelf(self, "serve-backend")
	if err != nil {
		return err
	}
	proxy, err := b.startSelf(self, "serve-proxy", "-upstream", "http://"+backend)
	if err != nil {
		return err
	}
	gateway, err := b.startAPISwitch(apiswitch, "-upstream", "http://"+backend)
	if err != nil {
		return err
	}
	etag, err := etagOf(catalog)
	if err != nil {
		return err
	}
	lang := "Accept-Language: en-US,en;q=0.9"
	inm := "If-None-Match: " + etag
	comparisons := []comparison{
		{"GET /v1/errors", []candidate{
			{"constant handler", constant, loadgen.GET(constant, "/v1/errors", lang), 200},
			{"apiswitch", catalog, loadgen.GET(catalog, "/v1/errors", lang), 200}}},
		{"GET /v1/errors, 304", []candidate{
			{"constant handler", constant, loadgen.GET(constant, "/v1/errors", lang, inm), 304},
			{"apiswitch", catalog, loadgen.GET(catalog, "/v1/errors", lang, inm), 304}}},
	}
	for _, p := range []struct{ name, path string }{
		{"gateway, 200 B 2XX", small}, {"gateway, 50 KiB 2XX", large}, {"gateway, 404 filled", missing},
	} {
		comparisons = append(comparisons, comparison{p.name, []candidate{
			{"httputil.ReverseProxy", proxy, loadgen.GET(proxy, p.path, lang), statusOf(p.path)},
			{"apiswitch -upstream", gateway, loadgen.GET(gateway, p.path, lang), statusOf(p.path)}}})
	}
	fmt.Printf("pinned: %v (servers on CPU 0 with GOMAXPROCS=1, load on CPU 1); %d connections, %v per measurement, %d rounds\n\n",
		canPin(), b.conns, b.dur, b.count)
	var rows []string
	for _, c := range comparisons {
		row, err := b.compare(ctx, c)
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	fmt.Println("\n| request | baseline req/s | apiswitch req/s | ratio | baseline p99 | apiswitch p99 |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Println(r)
	}
	return nil
}

func statusOf(path string) int {
	if path == missing {
		return 404
	}
	return 200
}

// compare measures each candidate count times, in turn, and returns the table row of the
// medians.
func (b *bench) compare(ctx context.Context, c comparison) (string, error) {
	rates := make([][]float64, len(c.candidates))
	p99s := make([][]time.Duration, len(c.candidates))
	for round := range b.count {
		for i, cand := range c.candidates {
			res, err := loadgen.Run(ctx, loadgen.Config{Addr: cand.addr, Request: cand.request, Conns: b.conns,
				Duration: b.dur, Warmup: b.dur / 5})
			if err != nil {
				return "", err
			}
			if res.Errors > 0 || res.Statuses[cand.status] != res.Requests {
				return "", fmt.Errorf("%s, %s: %v, want every status %d", c.name, cand.name, res, cand.status)
			}
			fmt.Printf("%s, round %d, %s: %v\n", c.name, round+1, cand.name, res)
			rates[i] = append(rates[i], res.PerSecond())
			p99s[i] = append(p99s[i], res.P99)
		}
	}
	base, ours := median(rates[0]), median(rates[1])
	return fmt.Sprintf("| %s | %.0f | %.0f | **%.2f** | %v | %v |", c.name, base, ours, ours/base,
		median(p99s[0]).Round(time.Microsecond), median(p99s[1]).Round(time.Microsecond)), nil
}

func median[T float64 | time.Duration](s []T) T {
	s = slices.Clone(s)
	slices.Sort(s)
	return s[len(s)/2]
}

// command returns cmd and args on CPU 0 with GOMAXPROCS=1 when the machine allows.
func command(name string, args ...string) *exec.Cmd {
	var cmd *exec.Cmd
	if canPin() {
		cmd = exec.Command("taskset", append([]string{"-c", "0", name}, args...)...)
	} else {
		cmd = exec.Command(name, args...)
	}
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	return cmd
}

// startSelf starts one of this command's servers and returns its address.
func (b *bench) startSelf(self string, args ...string) (string, error) {
	cmd := command(self, append(args, "-addr", "127.0.0.1:0")...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", err
	}
	b.procs = append(b.procs, cmd)
	line, err := bufio.NewReader(out).ReadString('\n')
	addr, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
	if err != nil || !ok {
		return "", fmt.Errorf("%s: %q, %v", args[0], line, err)
	}
	go io.Copy(io.Discard, out)
	return addr, nil
}

// startAPISwitch starts the binary as an operator would run it (-log-format json), its
// log going to a file: a pipe that this busy process drains late would make it wait.
func (b *bench) startAPISwitch(bin string, args ...string) (string, error) {
	logs, err := os.CreateTemp(b.tmp, "apiswitch-*.log")
	if err != nil {
		return "", err
	}
	defer logs.Close()
	cmd := command(bin, append(args, "-addr", "127.0.0.1:0", "-log-format", "json")...)
	cmd.Stderr = logs
	if err := cmd.Start(); err != nil {
		return "", err
	}
	b.procs = append(b.procs, cmd)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		data, _ := os.ReadFile(logs.Name())
		for _, line := range strings.Split(string(data), "\n") {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "listening" {
				return rec.Addr, nil
			}
		}
	}
	return "", fmt.Errorf("apiswitch %q did not listen", args)
}

// etagOf returns the ETag of the catalog's English list.
func etagOf(addr string) (string, error) {
	tag := take("http://"+addr+"/v1/errors", "en-US,en;q=0.9", "").header.Get("Etag")
	if tag == "" {
		return "", fmt.Errorf("no ETag from %s/v1/errors", addr)
	}
	return tag, nil
}

func (b *bench) stop() {
	for _, p := range b.procs {
		p.Process.Kill()
		p.Wait()
	}
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
}
