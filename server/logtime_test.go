package server

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// durationRows are durations and their text. The rows marked "go" are time's own
// (durationTests in $GOROOT/src/time/time_test.go); the others are the boundaries of
// each unit.
var durationRows = []struct {
	d    time.Duration
	want string
}{
	{0, "0s"},                                                           // go
	{1 * time.Nanosecond, "1ns"},                                        // go
	{1100 * time.Nanosecond, "1.1µs"},                                   // go
	{2200 * time.Microsecond, "2.2ms"},                                  // go
	{3300 * time.Millisecond, "3.3s"},                                   // go
	{4*time.Minute + 5*time.Second, "4m5s"},                             // go
	{4*time.Minute + 5001*time.Millisecond, "4m5.001s"},                 // go
	{5*time.Hour + 6*time.Minute + 7001*time.Millisecond, "5h6m7.001s"}, // go
	{8*time.Minute + 1*time.Nanosecond, "8m0.000000001s"},               // go
	{1<<63 - 1, "2562047h47m16.854775807s"},                             // go
	{-1 << 63, "-2562047h47m16.854775808s"},                             // go
	{-1, "-1ns"},
	{999, "999ns"},
	{1000, "1µs"},
	{12345, "12.345µs"},
	{-12345, "-12.345µs"},
	{999999, "999.999µs"},
	{time.Millisecond, "1ms"},
	{1000001, "1.000001ms"},
	{999999999, "999.999999ms"},
	{time.Second, "1s"},
	{time.Minute - 1, "59.999999999s"},
	{time.Minute, "1m0s"},
	{time.Hour, "1h0m0s"},
	{time.Hour + 500*time.Millisecond, "1h0m0.5s"},
	{-time.Hour - time.Second, "-1h0m1s"},
}

func TestAppendDuration(t *testing.T) {
	for _, tt := range durationRows {
		if got := appendDuration([]byte("x="), tt.d); string(got) != "x="+tt.want {
			t.Errorf("appendDuration(%d) = %q, want %q", int64(tt.d), got, "x="+tt.want)
		}
		if s := tt.d.String(); s != tt.want {
			t.Errorf("row %d: time.Duration.String says %q, the row %q", int64(tt.d), s, tt.want)
		}
		if tt.d > 0 {
			if got, want := appendDuration(nil, -tt.d), "-"+tt.want; string(got) != want {
				t.Errorf("appendDuration(%d) = %q, want %q", int64(-tt.d), got, want)
			}
		}
	}
}

// TestAppendDurationRange compares appendDuration with time.Duration.String on every
// unit's boundaries (10^k and the minute and hour multiples, ±1, both signs) and on
// random durations over the whole int64 range, so that a plain `go test` covers what
// FuzzAppendDuration explores.
func TestAppendDurationRange(t *testing.T) {
	var ds []time.Duration
	for p := time.Duration(1); ; p *= 10 {
		ds = append(ds, p-1, p, p+1)
		if p > math.MaxInt64/10 {
			break
		}
	}
	for _, unit := range []time.Duration{time.Minute, time.Hour} {
		for k := time.Duration(1); k <= 1000; k *= 10 {
			ds = append(ds, k*unit-1, k*unit, k*unit+1)
		}
	}
	ds = append(ds, math.MaxInt64, math.MaxInt64-1)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		// Uniform over int64 is mostly hours: shift to spread the magnitudes too.
		ds = append(ds, time.Duration(rng.Uint64()>>rng.IntN(64)))
	}
	for _, d := range ds {
		for _, d := range []time.Duration{d, -d} {
			if got, want := appendDuration(nil, d), d.String(); string(got) != want {
				t.Fatalf("appendDuration(%d) = %q, want %q", int64(d), got, want)
			}
		}
	}
	if got := appendDuration(nil, math.MinInt64); string(got) != time.Duration(math.MinInt64).String() {
		t.Errorf("appendDuration(MinInt64) = %q", got)
	}
}

// FuzzAppendDuration checks appendDuration against time.Duration.String over the whole
// int64 range, and that the text needs neither quoting in slog's text format nor escaping
// in JSON: the access log writes it bare.
func FuzzAppendDuration(f *testing.F) {
	for _, tt := range durationRows {
		f.Add(int64(tt.d))
	}
	f.Fuzz(func(t *testing.T, n int64) {
		d := time.Duration(n)
		want := d.String()
		if got := appendDuration([]byte("x"), d); string(got) != "x"+want {
			t.Fatalf("appendDuration(%d) = %q, want %q", n, got[1:], want)
		}
		if needsQuoting(want) {
			t.Errorf("%q needs quoting in slog's text format", want)
		}
		if got := appendJSONString(nil, want); string(got) != want {
			t.Errorf("%q is escaped in JSON: %q", want, got)
		}
	})
}

func BenchmarkAppendDuration(b *testing.B) {
	buf := make([]byte, 0, 64)
	for _, d := range []time.Duration{12345, 1500 * time.Millisecond} {
		b.Run(d.String()+"/append", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf = appendDuration(buf[:0], d)
			}
		})
		b.Run(d.String()+"/String", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf = append(buf[:0], d.String()...)
			}
		})
	}
}
