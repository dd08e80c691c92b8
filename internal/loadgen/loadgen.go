// Package loadgen measures an HTTP/1.1 server over TCP: a fixed number of keep-alive
// connections each send one request after another, as soon as the previous answer is
// read, for a given time. The client parses no more than it must (status line, headers,
// Content-Length) so that on a machine with few cores it stays cheaper than any server it
// measures.
package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// A Config says what to send.
type Config struct {
	Addr     string        // host:port
	Request  []byte        // one whole request, sent as is on every round trip
	Conns    int           // concurrent connections; 16 by default
	Duration time.Duration // of the measurement; 3 s by default
	Warmup   time.Duration // sent before measuring, not counted
	// Requests, when positive, ends the run once this many requests were sent in the
	// measured time (a benchmark's b.N), or at Duration if that comes first.
	Requests int
}

// A Result is what one run measured.
type Result struct {
	Requests int           // answered in the measured time
	Answered int           // answered in all, warm-up and the last round trips included
	Errors   int           // connections that failed (each ends its connection)
	Statuses map[int]int   // answers by status
	Elapsed  time.Duration // of the measurement
	P50, P99 time.Duration // latency from writing a request to reading its answer
}

// PerSecond returns the answered requests per second.
func (r Result) PerSecond() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

func (r Result) String() string {
	return fmt.Sprintf("%.0f req/s, p50 %v, p99 %v, statuses %v, errors %d", r.PerSecond(), r.P50, r.P99, r.Statuses, r.Errors)
}

// Run measures cfg.Addr with cfg.Request.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Conns <= 0 {
		cfg.Conns = 16
	}
	if cfg.Duration <= 0 {
		cfg.Duration = 3 * time.Second
	}
	start := time.Now().Add(cfg.Warmup)
	end := start.Add(cfg.Duration)
	ctx, cancel := context.WithDeadline(ctx, end)
	defer cancel()
	results := make([]conn, cfg.Conns)
	var budget *atomic.Int64
	if cfg.Requests > 0 {
		budget = new(atomic.Int64)
		budget.Store(int64(cfg.Requests))
	}
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() { results[i].run(ctx, cfg, start, end, budget) })
	}
	wg.Wait()
	res := Result{Statuses: map[int]int{}, Elapsed: cfg.Duration}
	if budget != nil {
		res.Elapsed = min(time.Since(start), cfg.Duration)
	}
	var lat []time.Duration
	for _, c := range results {
		res.Requests += len(c.latencies)
		res.Answered += c.answered
		lat = append(lat, c.latencies...)
		for s, n := range c.statuses {
			res.Statuses[s] += n
		}
		if c.err != nil {
			res.Errors++
		}
	}
	if res.Requests == 0 {
		return res, fmt.Errorf("loadgen: no answer from %s: %v", cfg.Addr, results[0].err)
	}
	slices.Sort(lat)
	res.P50, res.P99 = lat[len(lat)/2], lat[len(lat)*99/100]
	return res, nil
}

// A conn is one connection's part of a run.
type conn struct {
	answered  int
	latencies []time.Duration
	statuses  map[int]int
	err       error
}

// run sends requests until end, or until budget (nil for none) is spent on requests sent
// after start.
func (c *conn) run(ctx context.Context, cfg Config, start, end time.Time, budget *atomic.Int64) {
	c.statuses = map[int]int{}
	var d net.Dialer
	nc, err := d.DialContext(ctx, "tcp", cfg.Addr)
	if err != nil {
		c.err = err
		return
	}
	defer nc.Close()
	nc.SetDeadline(end.Add(time.Second))
	br := bufio.NewReaderSize(nc, 64<<10)
	for {
		sent := time.Now()
		if !sent.Before(end) || budget != nil && !sent.Before(start) && budget.Add(-1) < 0 {
			return
		}
		if _, err := nc.Write(cfg.Request); err != nil {
			c.err = err
			return
		}
		status, err := readResponse(br)
		if err != nil {
			if time.Now().Before(end) {
				c.err = err
			}
			return
		}
		c.answered++
		if done := time.Now(); !sent.Before(start) && done.Before(end) {
			c.latencies = append(c.latencies, done.Sub(sent))
			c.statuses[status]++
		}
	}
}

var errFraming = errors.New("loadgen: an answer without Content-Length or chunks")

// readResponse reads one response with a Content-Length body (or none, for 1XX, 204 and
// 304) and returns its status.
func readResponse(br *bufio.Reader) (int, error) {
	line, err := br.ReadSlice('\n')
	if err != nil {
		return 0, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, fmt.Errorf("loadgen: bad status line %q", line)
	}
	status, err := strconv.Atoi(string(line[9:12]))
	if err != nil {
		return 0, fmt.Errorf("loadgen: bad status line %q", line)
	}
	length, chunked := -1, false
	for {
		line, err = br.ReadSlice('\n')
		if err != nil {
			return 0, err
		}
		if len(line) <= 2 {
			break
		}
		name, value, _ := bytes.Cut(line, []byte{':'})
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(bytes.TrimSpace(value))); err != nil {
				return 0, fmt.Errorf("loadgen: bad Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = true
		}
	}
	switch {
	case status < 200 || status == 204 || status == 304:
		return status, nil
	case chunked:
		return status, discardChunks(br)
	case length < 0:
		return 0, errFraming
	}
	_, err = br.Discard(length)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return status, err
}

// discardChunks reads a chunked body and its (empty) trailer.
func discardChunks(br *bufio.Reader) error {
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		size, _, _ := bytes.Cut(bytes.TrimSpace(line), []byte{';'})
		n, err := strconv.ParseInt(string(size), 16, 64)
		if err != nil {
			return fmt.Errorf("loadgen: bad chunk size %q", line)
		}
		if n == 0 {
			_, err = br.ReadSlice('\n')
			return err
		}
		if _, err := br.Discard(int(n) + 2); err != nil {
			return err
		}
	}
}

// GET returns a GET request for path with the given header lines ("Name: value").
func GET(host, path string, header ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "GET %s HTTP/1.1\r\nHost: %s\r\n", path, host)
	for _, h := range header {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	return b.Bytes()
}
