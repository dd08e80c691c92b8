// Command tcpbench measures apiswitch over TCP against baselines serving the same bytes,
// in one run: the /v1/errors list and its 304 against a constant handler, and the gateway
// against a bare httputil.ReverseProxy for a 200-byte and a 50 KiB 2XX body and a filled
// 404. Servers run as separate processes on CPU 0 (GOMAXPROCS=1), the load generator on
// CPU 1, when taskset(1) and two CPUs are there. The medians of -count rounds are printed
// as a Markdown table.
//
// This machine is shared, and its speed changes by up to 1.5× within minutes, so a round
// is built to compare like with like:
//   - each candidate's -d of load is cut into slices (-slice, 250 ms) that take turns
//     with the other candidates' slices, in order and then in reverse;
//   - each round starts the servers anew (-fresh), in order and then in reverse, since
//     two processes of one binary serve a few percent apart for as long as they run, the
//     one started later the faster here;
//   - -control measures a second process of the baseline as well, in a row of its own:
//     what two identical servers differ by in this run, the floor of its ratios.
//
// From the repository root:
//
//	go run ./internal/cmd/tcpbench -count 5
//
// -also NAME=BINARY measures another apiswitch build as well, in the same rounds, with a row
// of its own (its name in brackets) against the same baseline: two builds compare within
// one run, which this noisy a machine needs.
//
// -only measures some rows: -only catalog (the list and its 304), -only gateway, or rows by
// name (list, 304, gw-small, gw-large, gw-404), comma-separated. The table also has each
// server process's CPU time per answer, which other work on a shared machine changes less
// than throughput.
//
// To profile a server under the load of one row, "tcpbench load" sends one request to a
// running server:
//
//	go run ./internal/cmd/tcpbench load -addr 127.0.0.1:8080 -d 10s -H 'If-None-Match: "..."' /v1/errors
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"time"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "serve-const":
			serveConst(os.Args[2:])
			return
		case "serve-backend":
			serveBackend(os.Args[2:])
			return
		case "serve-proxy":
			serveProxy(os.Args[2:])
			return
		case "load":
			load(os.Args[2:])
			return
		}
	}
	count := flag.Int("count", 3, "measure each candidate this many `times`, in turn")
	dur := flag.Duration("d", 3*time.Second, "measure each time for this `duration`")
	slice := flag.Duration("slice", 250*time.Millisecond, "measure in slices of this `duration`, taking turns with the other candidates; -slice 0 measures -d in one piece")
	conns := flag.Int("conns", 16, "keep-alive `connections`")
	only := rowSet{}
	flag.Var(only, "only", "measure only these `rows`, comma-separated: list, 304, gw-small, gw-large, gw-404, or the groups catalog and gateway")
	bin := flag.String("apiswitch", "", "measure this apiswitch `binary` rather than building cmd/apiswitch")
	var also builds
	flag.Var(&also, "also", "measure this other apiswitch build too, in the same rounds, as `NAME=BINARY`; repeatable")
	control := flag.Bool("control", false, "measure a second process of each baseline too, in a row of its own: the noise floor of the run's ratios")
	fresh := flag.Bool("fresh", true, "start the servers anew for each round, so that the median of the rounds evens out what sets two processes of one binary apart")
	flag.Parse()
	if pinned := pinSelf(); pinned {
		return
	}
	b := &bench{count: *count, dur: *dur, slice: *slice, conns: *conns, only: only, bin: *bin, also: also, control: *control, fresh: *fresh, pids: map[string]int{}}
	if err := b.run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "tcpbench:", err)
		b.stop()
		os.Exit(1)
	}
	b.stop()
}

// canPin reports whether processes can be put on separate CPUs. Once this command runs
// pinned to one CPU, NumCPU says 1: the environment says it was pinned.
func canPin() bool {
	if os.Getenv("TCPBENCH_PINNED") != "" {
		return true
	}
	_, err := exec.LookPath("taskset")
	return err == nil && runtime.NumCPU() >= 2
}

// pinSelf re-runs this command on CPU 1 with GOMAXPROCS=1, and reports whether it did
// (the caller then has nothing left to do).
func pinSelf() bool {
	if os.Getenv("TCPBENCH_PINNED") != "" || !canPin() {
		return false
	}
	self, err := os.Executable()
	if err != nil {
		return false
	}
	cmd := exec.Command("taskset", append([]string{"-c", "1", self}, os.Args[1:]...)...)
	cmd.Env = append(os.Environ(), "TCPBENCH_PINNED=1", "GOMAXPROCS=1")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			os.Exit(ee.ExitCode())
		}
		fmt.Fprintln(os.Stderr, "tcpbench:", err)
		os.Exit(1)
	}
	return true
}
