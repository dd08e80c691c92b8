package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/loadgen"
)

func TestSlices(t *testing.T) {
	for _, tt := range []struct {
		dur, slice time.Duration
		want       int
	}{
		{3 * time.Second, 250 * time.Millisecond, 12},
		{2 * time.Second, 300 * time.Millisecond, 7}, // rounded to the nearest
		{3 * time.Second, 0, 1},
		{3 * time.Second, 3 * time.Second, 1},
		{time.Second, 5 * time.Second, 1},
	} {
		b := &bench{dur: tt.dur, slice: tt.slice}
		if got := b.slices(); got != tt.want {
			t.Errorf("-d %v -slice %v: %d slices, want %d", tt.dur, tt.slice, got, tt.want)
		}
	}
}

// TestStartOrder holds every server's place in the start order to alternate from call to
// call: in two calls, each server has as many started before it as after it.
func TestStartOrder(t *testing.T) {
	for n := 1; n <= 5; n++ {
		first, second := startOrder(n, 1), startOrder(n, 2)
		if !slices.Equal(slices.Sorted(slices.Values(first)), slices.Sorted(slices.Values(second))) || len(first) != n {
			t.Fatalf("n=%d: %v then %v: not each server once", n, first, second)
		}
		for server := range n {
			before := slices.Index(first, server) + slices.Index(second, server)
			if after := 2*(n-1) - before; before != after {
				t.Errorf("n=%d: server %d has %d started before it and %d after, over %v and %v", n, server, before, after, first, second)
			}
		}
	}
}

func TestNames(t *testing.T) {
	b := &bench{also: builds{{"old", "/bin/old"}, {"new", "/bin/new"}}, control: true}
	want := []struct{ name, label string }{
		{"constant handler", ""},
		{"apiswitch", ""},
		{"apiswitch old", "old"},
		{"apiswitch new", "new"},
		{"constant handler, control", controlLabel},
	}
	for i, w := range want {
		if got := b.candidateName(i, "constant handler", "apiswitch"); got != w.name {
			t.Errorf("candidate %d is named %q, want %q", i, got, w.name)
		}
		if got := b.label(i); got != w.label {
			t.Errorf("candidate %d's row is labelled %q, want %q", i, got, w.label)
		}
	}
}

// TestTable checks a row's figures against tallies whose ratios are known: the
// candidate answers half as fast as the baseline in every round, at twice its CPU time.
func TestTable(t *testing.T) {
	b := &bench{also: builds{{"old", "/bin/old"}}}
	c := comparison{name: "GET /x", candidates: []candidate{{name: "base"}, {name: "ours"}, {name: "ours old", label: "old"}}}
	var tallies []tally
	for round := range 3 {
		scale := float64(round + 1) // the machine's speed changes from round to round
		for _, k := range []float64{1, 0.5, 0.25} {
			var t tally
			n := int(1000 * scale * k)
			t.add(loadgen.Result{Requests: n, Answered: n, Elapsed: time.Second, P50: time.Millisecond, P99: 2 * time.Millisecond},
				time.Duration(float64(n)*float64(10*time.Microsecond)/k))
			tallies = append(tallies, t)
		}
	}
	rows := b.table(c, tallies)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2: %q", len(rows), rows)
	}
	for i, want := range []struct{ name, ratio, cpu string }{{"GET /x", "0.50", "2.00"}, {"GET /x [old]", "0.25", "4.00"}} {
		cells := strings.Split(strings.Trim(rows[i], "| "), " | ")
		if cells[0] != want.name || cells[3] != "**"+want.ratio+"**" || cells[4] != want.ratio || cells[9] != want.cpu {
			t.Errorf("row %d: %q, want %s with ratio %s and CPU ratio %s", i, rows[i], want.name, want.ratio, want.cpu)
		}
	}
	if s := fmt.Sprint(&tallies[0]); !strings.Contains(s, "1000 req/s in 1 slices") {
		t.Errorf("a tally reads %q", s)
	}
}
