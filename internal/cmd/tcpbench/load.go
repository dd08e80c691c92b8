package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/apiswitch/errcode/internal/loadgen"
)

// headerList is the -H flag: header lines, "Name: value", in order.
type headerList []string

func (h *headerList) String() string { return strings.Join(*h, "; ") }

func (h *headerList) Set(v string) error {
	if !strings.Contains(v, ":") {
		return fmt.Errorf("%q: want Name: value", v)
	}
	*h = append(*h, v)
	return nil
}

// load sends one request to a running server for a while and prints what it measured: the
// load of one row, to profile a server under it (perf record -p PID, or its pprof).
func load(args []string) {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	addr := fs.String("addr", "", "the server's `host:port`")
	dur := fs.Duration("d", 10*time.Second, "send for this `duration`")
	conns := fs.Int("conns", 16, "keep-alive `connections`")
	header := headerList{lang}
	fs.Var(&header, "H", "add this header `line` (Name: value) to the request; Accept-Language: en-US,en;q=0.9 is there")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: tcpbench load -addr HOST:PORT [-d 10s] [-conns 16] [-H 'Name: value']... PATH")
		fs.PrintDefaults()
	}
	fs.Parse(args)
	if *addr == "" || fs.NArg() != 1 {
		fs.Usage()
		os.Exit(2)
	}
	res, err := loadgen.Run(context.Background(), loadgen.Config{Addr: *addr, Request: loadgen.GET(*addr, fs.Arg(0), header...),
		Conns: *conns, Duration: *dur})
	if err != nil {
		fmt.Fprintln(os.Stderr, "tcpbench load:", err)
		os.Exit(1)
	}
	fmt.Println(res)
}
