package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apiswitch/errcode/internal/loadgen"
)

// A bench is one run of every comparison.
type bench struct {
	count int
	dur   time.Duration
	slice time.Duration // of a measurement's slices; b.dur for one piece
	conns int
	only  rowSet // the rows to measure; all when empty
	bin   string // a built apiswitch to measure; "" builds cmd/apiswitch
	also  builds // other apiswitch builds, measured in the same rounds
	// control measures a second process of the baseline too, whose row shows what two
	// identical servers differ by in this run: the noise floor of its ratios.
	control bool
	fresh   bool // start the servers anew each round
	starts  int  // calls of startAll, whose parity sets the order it starts servers in
	procs   []*exec.Cmd
	pids    map[string]int // the server process at each address
	tmp     string
}

// A candidate is one server answering one request.
type candidate struct {
	name, addr string
	request    []byte
	status     int
	label      string // of its row, after the comparison's name: "" for apiswitch
}

// A comparison measures candidates in turn; the first is the baseline.
type comparison struct {
	name       string
	candidates []candidate
}

// builds are the apiswitch binaries -also names, as NAME=BINARY, in order.
type builds []build

type build struct{ name, bin string }

func (b *builds) String() string {
	var s []string
	for _, x := range *b {
		s = append(s, x.name+"="+x.bin)
	}
	return strings.Join(s, " ")
}

func (b *builds) Set(v string) error {
	name, bin, ok := strings.Cut(v, "=")
	if !ok || name == "" || bin == "" {
		return fmt.Errorf("%q is not NAME=BINARY", v)
	}
	*b = append(*b, build{name, bin})
	return nil
}

// The rows of the table, by the names -only takes, and the groups of rows.
const (
	rowList      = "list"
	row304       = "304"
	rowGWSmall   = "gw-small"
	rowGWLarge   = "gw-large"
	rowGW404     = "gw-404"
	groupCatalog = "catalog"
	groupGateway = "gateway"
)

var groups = map[string][]string{
	groupCatalog: {rowList, row304},
	groupGateway: {rowGWSmall, rowGWLarge, rowGW404},
}

// A rowSet is the rows -only selects: a comma-separated list of row and group names.
type rowSet map[string]bool

func (s rowSet) String() string { return strings.Join(slices.Sorted(maps.Keys(s)), ",") }

func (s rowSet) Set(v string) error {
	for name := range strings.SplitSeq(v, ",") {
		name = strings.TrimSpace(name)
		switch rows, ok := groups[name]; {
		case ok:
			for _, r := range rows {
				s[r] = true
			}
		case slices.Contains(groups[groupCatalog], name) || slices.Contains(groups[groupGateway], name):
			s[name] = true
		default:
			return fmt.Errorf("unknown row %q (rows: %s, %s; groups: %s, %s)", name,
				strings.Join(groups[groupCatalog], ", "), strings.Join(groups[groupGateway], ", "), groupCatalog, groupGateway)
		}
	}
	return nil
}

// has reports whether any of rows is selected.
func (s rowSet) has(rows ...string) bool {
	if len(s) == 0 {
		return true
	}
	return slices.ContainsFunc(rows, func(r string) bool { return s[r] })
}

func (b *bench) run(ctx context.Context) error {
	var err error
	if b.tmp, err = os.MkdirTemp("", "tcpbench-"); err != nil {
		return err
	}
	apiswitch := b.bin
	if apiswitch == "" {
		apiswitch = filepath.Join(b.tmp, "apiswitch")
		build := exec.Command("go", "build", "-o", apiswitch, "github.com/apiswitch/errcode/cmd/apiswitch")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building apiswitch: %w", err)
		}
	}
	self, _ := os.Executable()
	var starts []func() ([]comparison, error) // each starts its servers and returns their rows
	if b.only.has(groups[groupCatalog]...) {
		starts = append(starts, func() ([]comparison, error) { return b.catalogRows(self, apiswitch) })
	}
	if b.only.has(groups[groupGateway]...) {
		starts = append(starts, func() ([]comparison, error) { return b.gatewayRows(self, apiswitch) })
	}
	fmt.Printf("pinned: %v (servers on CPU 0 with GOMAXPROCS=1, load on CPU 1); %d connections, %v per measurement in %d slices, %d rounds, servers started anew each round: %v\n\n",
		canPin(), b.conns, b.dur, b.slices(), b.count, b.fresh)
	var rows []string
	for _, start := range starts {
		r, err := b.rounds(ctx, start)
		if err != nil {
			return err
		}
		rows = append(rows, r...)
	}
	fmt.Println("\n| request | baseline req/s | apiswitch req/s | ratio | round ratio | baseline p99 | apiswitch p99 | baseline CPU/req | apiswitch CPU/req | CPU ratio |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Println(r)
	}
	return nil
}

const lang = "Accept-Language: en-US,en;q=0.9"

// catalogRows starts apiswitch and the constant handler serving its English list, and
// returns the selected catalog rows. The constant handlers copy the answers of an
// apiswitch of the same binary started for this alone, and stopped once they have, so
// that the measured servers can start in any order: see startAll.
func (b *bench) catalogRows(self, apiswitch string) ([]comparison, error) {
	source, err := b.startAPISwitch(apiswitch)
	if err != nil {
		return nil, err
	}
	defer b.kill(source)
	etag, err := etagOf(source)
	if err != nil {
		return nil, err
	}
	inm := "If-None-Match: " + etag
	from := []string{"serve-const", "-from", "http://" + source + "/v1/errors"}
	addrs, err := b.startAll(self, apiswitch, from)
	if err != nil {
		return nil, err
	}
	var rows []comparison
	for _, r := range []struct {
		row, name string
		headers   []string
		status    int
	}{{rowList, "GET /v1/errors", []string{lang}, 200}, {row304, "GET /v1/errors, 304", []string{lang, inm}, 304}} {
		if !b.only.has(r.row) {
			continue
		}
		c := comparison{name: r.name}
		for i, addr := range addrs {
			c.candidates = append(c.candidates, candidate{b.candidateName(i, "constant handler", "apiswitch"), addr,
				loadgen.GET(addr, "/v1/errors", r.headers...), r.status, b.label(i)})
		}
		rows = append(rows, c)
	}
	return rows, nil
}

// gatewayRows starts the back end, the bare proxy and apiswitch -upstream, and returns
// the selected gateway rows.
func (b *bench) gatewayRows(self, apiswitch string) ([]comparison, error) {
	backend, err := b.startSelf(self, "serve-backend")
	if err != nil {
		return nil, err
	}
	proxy := []string{"serve-proxy", "-upstream", "http://" + backend}
	addrs, err := b.startAll(self, apiswitch, proxy, "-upstream", "http://"+backend)
	if err != nil {
		return nil, err
	}
	var rows []comparison
	for _, p := range []struct{ row, name, path string }{
		{rowGWSmall, "gateway, 200 B 2XX", small}, {rowGWLarge, "gateway, 50 KiB 2XX", large}, {rowGW404, "gateway, 404 filled", missing},
	} {
		if !b.only.has(p.row) {
			continue
		}
		c := comparison{name: p.name}
		for i, addr := range addrs {
			c.candidates = append(c.candidates, candidate{b.candidateName(i, "httputil.ReverseProxy", "apiswitch -upstream"), addr,
				loadgen.GET(addr, p.path, lang), statusOf(p.path), b.label(i)})
		}
		rows = append(rows, c)
	}
	return rows, nil
}

// startAll starts the measured servers of a comparison and returns their addresses in the
// order of its candidates: the baseline (this command with baseline), apiswitch, the -also
// builds, and with -control a second baseline, all apiswitch builds with args. Each call
// starts them in the reverse order of the call before: a process started later served a
// few percent faster here than one of the same binary started before it
// (a second constant handler started after the first one was faster in every round of
// a run, and slower once started before it), and with -fresh the rounds even that out.
func (b *bench) startAll(self, apiswitch string, baseline []string, args ...string) ([]string, error) {
	type server struct {
		bin  string   // an apiswitch build; "" for this command with args
		args []string // of this command
	}
	servers := []server{{args: baseline}, {bin: apiswitch}}
	for _, x := range b.also {
		servers = append(servers, server{bin: x.bin})
	}
	if b.control {
		servers = append(servers, server{args: baseline})
	}
	b.starts++
	addrs := make([]string, len(servers))
	for _, i := range startOrder(len(servers), b.starts) {
		var err error
		if s := servers[i]; s.bin == "" {
			addrs[i], err = b.startSelf(self, s.args...)
		} else {
			addrs[i], err = b.startAPISwitch(s.bin, args...)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", b.candidateName(i, "baseline", "apiswitch"), err)
		}
	}
	return addrs, nil
}

// startOrder returns the order in which the call-th call of startAll (from 1) starts n
// servers: in order in odd calls, in reverse in even ones.
func startOrder(n, call int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if call%2 == 0 {
		slices.Reverse(order)
	}
	return order
}

// candidateName names the server at index i of startAll's order, given the names of the
// baseline and of apiswitch.
func (b *bench) candidateName(i int, baseline, apiswitch string) string {
	switch l := b.label(i); {
	case i == 0:
		return baseline
	case i == 1:
		return apiswitch
	case l == controlLabel:
		return baseline + ", control"
	default:
		return apiswitch + " " + l
	}
}

// label returns the label of the row of the server at index i of startAll's order.
func (b *bench) label(i int) string {
	switch {
	case i < 2:
		return ""
	case i-2 < len(b.also):
		return b.also[i-2].name
	}
	return controlLabel
}

// controlLabel names the rows of -control.
const controlLabel = "control: the baseline again"

func statusOf(path string) int {
	if path == missing {
		return 404
	}
	return 200
}

// rounds measures the comparisons start returns, b.count rounds, and returns a table row
// for each candidate after a baseline, of the medians: throughput and its ratio to the
// baseline's, the median of each round's ratio, p99 latency and the server process's CPU
// time per answer (all its threads, warm-up included), which other work on the machine
// changes less than throughput. The rows of -also builds are named after them.
//
// With b.fresh, each round starts the servers anew: two processes of one binary can differ
// by a few percent for as long as they run (where their memory lies, what shares a cache
// set), and new processes each round make that a difference between rounds, which the
// median of the rounds evens out, rather than one between candidates for the whole run.
func (b *bench) rounds(ctx context.Context, start func() ([]comparison, error)) ([]string, error) {
	var comps []comparison
	var series [][]tally // by comparison, by candidate: one tally per round
	mark := len(b.procs)
	defer func() { b.stopFrom(mark) }()
	for round := range b.count {
		if round == 0 || b.fresh {
			b.stopFrom(mark)
			var err error
			if comps, err = start(); err != nil {
				return nil, err
			}
		}
		for i, c := range comps {
			sums, err := b.round(ctx, c, round)
			if err != nil {
				return nil, err
			}
			if round == 0 {
				series = append(series, make([]tally, 0, b.count*len(c.candidates)))
			}
			series[i] = append(series[i], sums...)
		}
	}
	var rows []string
	for i, c := range comps {
		rows = append(rows, b.table(c, series[i])...)
	}
	return rows, nil
}

// table returns the rows of c from its tallies, round after round, each round's in the
// order of c's candidates.
func (b *bench) table(c comparison, tallies []tally) []string {
	n := len(c.candidates)
	rates := make([][]float64, n)
	p99s := make([][]time.Duration, n)
	cpus := make([][]time.Duration, n)
	for k, t := range tallies {
		i := k % n
		rates[i] = append(rates[i], t.perSecond())
		p99s[i] = append(p99s[i], median(t.p99s))
		cpus[i] = append(cpus[i], t.cpuPerAnswer())
	}
	var rows []string
	for i := 1; i < n; i++ {
		name := c.name
		if l := c.candidates[i].label; l != "" {
			name += " [" + l + "]"
		}
		rows = append(rows, row(name, rates[0], rates[i], p99s[0], p99s[i], cpus[0], cpus[i]))
	}
	return rows
}

// round measures each candidate of c for b.dur and returns their tallies, in c's order. It
// measures in slices of b.slice that take turns with the other candidates' (in order in
// odd slices, in reverse in even ones): the host's speed drifts by up to 1.5× within
// minutes here, and candidates measured one after the other for seconds each see
// different machines; slices a fraction of a second apart see nearly the same one. A
// round's rate is its answers over its measured time.
func (b *bench) round(ctx context.Context, c comparison, round int) ([]tally, error) {
	sums := make([]tally, len(c.candidates))
	n := b.slices()
	for s := range n {
		for k := range c.candidates {
			i := k
			if (round*n+s)%2 == 1 {
				i = len(c.candidates) - 1 - k // ABBA: a drift of the machine's load favours none
			}
			if err := b.measure(ctx, c, i, &sums[i]); err != nil {
				return nil, err
			}
		}
	}
	for i := range sums {
		fmt.Printf("%s, round %d, %s: %s\n", c.name, round+1, c.candidates[i].name, &sums[i])
	}
	return sums, nil
}

// slices returns how many slices make one measurement of b.dur.
func (b *bench) slices() int {
	if b.slice <= 0 || b.slice >= b.dur {
		return 1
	}
	return int((b.dur + b.slice/2) / b.slice)
}

// measure loads candidate i of c for one slice, its warm-up apart, and adds what it
// measured to t.
func (b *bench) measure(ctx context.Context, c comparison, i int, t *tally) error {
	cand := c.candidates[i]
	d := b.dur / time.Duration(b.slices())
	cpu0, cpuErr := cpuTime(b.pids[cand.addr])
	res, err := loadgen.Run(ctx, loadgen.Config{Addr: cand.addr, Request: cand.request, Conns: b.conns,
		Duration: d, Warmup: d / 5})
	if err != nil {
		return err
	}
	if res.Errors > 0 || res.Statuses[cand.status] != res.Requests {
		return fmt.Errorf("%s, %s: %v, want every status %d", c.name, cand.name, res, cand.status)
	}
	cpu1, err := cpuTime(b.pids[cand.addr])
	if cpuErr != nil || err != nil {
		t.noCPU = true
	}
	t.add(res, cpu1-cpu0)
	return nil
}

// A tally adds up the slices of one candidate's measurement in a round.
type tally struct {
	requests int           // answered in the measured time
	answered int           // answered in all, for the CPU time per answer
	elapsed  time.Duration // measured
	cpu      time.Duration // the server process's, warm-up included
	noCPU    bool          // the CPU time could not be read
	p99s     []time.Duration
	p50s     []time.Duration
}

func (t *tally) add(r loadgen.Result, cpu time.Duration) {
	t.requests += r.Requests
	t.answered += r.Answered
	t.elapsed += r.Elapsed
	t.cpu += cpu
	t.p99s = append(t.p99s, r.P99)
	t.p50s = append(t.p50s, r.P50)
}

func (t *tally) perSecond() float64 { return float64(t.requests) / t.elapsed.Seconds() }

// cpuPerAnswer returns the server's CPU time per answer, 0 when unknown.
func (t *tally) cpuPerAnswer() time.Duration {
	if t.noCPU || t.answered == 0 {
		return 0
	}
	return t.cpu / time.Duration(t.answered)
}

func (t *tally) String() string {
	return fmt.Sprintf("%.0f req/s in %d slices, p50 %v, p99 %v (medians of the slices), server CPU %v/req over %d answers",
		t.perSecond(), len(t.p99s), median(t.p50s), median(t.p99s), t.cpuPerAnswer(), t.answered)
}

// row is the table row of a candidate's measurements against the baseline's, round by
// round.
func row(name string, baseRates, rates []float64, baseP99, p99 []time.Duration, baseCPUs, cpus []time.Duration) string {
	paired := make([]float64, len(rates)) // each round's ratio to the baseline
	for r := range rates {
		paired[r] = rates[r] / baseRates[r]
	}
	base, ours := median(baseRates), median(rates)
	baseCPU, ourCPU := median(baseCPUs), median(cpus)
	cpuRatio := "-"
	if baseCPU > 0 {
		cpuRatio = fmt.Sprintf("%.2f", float64(ourCPU)/float64(baseCPU))
	}
	return fmt.Sprintf("| %s | %.0f | %.0f | **%.2f** | %.2f | %v | %v | %v | %v | %s |", name, base, ours, ours/base, median(paired),
		median(baseP99).Round(time.Microsecond), median(p99).Round(time.Microsecond),
		baseCPU.Round(100*time.Nanosecond), ourCPU.Round(100*time.Nanosecond), cpuRatio)
}

// cpuTime returns the CPU time process pid has used, the sum over its threads of the
// nanoseconds /proc/PID/task/TID/schedstat counts (its first field). Go's threads seldom
// exit, and a server's never while it serves. Where schedstat is missing, it falls back
// on the user and system times of /proc/PID/stat, in ticks of 10 ms.
func cpuTime(pid int) (time.Duration, error) {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	if err != nil || len(tasks) == 0 {
		return statTime(pid)
	}
	var sum time.Duration
	for _, path := range tasks {
		data, err := os.ReadFile(path)
		if err != nil {
			return statTime(pid)
		}
		first, _, _ := strings.Cut(string(data), " ")
		ns, err := strconv.ParseInt(first, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %v", path, err)
		}
		sum += time.Duration(ns)
	}
	return sum, nil
}

// clockTick is the unit of the CPU times in /proc/PID/stat: USER_HZ, 100 on Linux.
const clockTick = 10 * time.Millisecond

// statTime returns the user and system CPU time process pid has used, all its threads,
// from /proc/PID/stat (fields 14 and 15, after the parenthesised command name).
func statTime(pid int) (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	fields := strings.Fields(string(data[i+1:])) // fields[0] is field 3, the state
	if len(fields) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(fields))
	}
	var ticks int64
	for _, f := range fields[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/%d/stat: %v", pid, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * clockTick, nil
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
	b.pids[addr] = cmd.Process.Pid
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
				b.pids[rec.Addr] = cmd.Process.Pid
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

// kill stops the server at addr.
func (b *bench) kill(addr string) {
	i := slices.IndexFunc(b.procs, func(p *exec.Cmd) bool { return p.Process.Pid == b.pids[addr] })
	if i < 0 {
		return
	}
	b.procs[i].Process.Kill()
	b.procs[i].Wait()
	b.procs = slices.Delete(b.procs, i, i+1)
}

// stopFrom stops the servers started since b.procs had mark of them.
func (b *bench) stopFrom(mark int) {
	for _, p := range b.procs[mark:] {
		p.Process.Kill()
		p.Wait()
	}
	b.procs = b.procs[:mark]
}

func (b *bench) stop() {
	b.stopFrom(0)
	if b.tmp != "" {
		os.RemoveAll(b.tmp)
	}
}
