package server

import (
	"strconv"
	"sync/atomic"
	"time"
)

// A logClock formats the times of log records as slog's handlers do, fast: the part of
// RFC 3339 up to the second and the zone change once a second, so they are formatted
// once a second and kept; only the fraction is formatted per record.
type logClock struct {
	last atomic.Pointer[logSecond]
}

// A logSecond is one second's formatted parts.
type logSecond struct {
	unix int64
	loc  *time.Location
	date []byte // 2006-01-02T15:04:05
	zone []byte // Z or -07:00
}

// second returns the formatted parts of t's second.
func (c *logClock) second(t time.Time) *logSecond {
	unix, loc := t.Unix(), t.Location()
	if s := c.last.Load(); s != nil && s.unix == unix && s.loc == loc {
		return s
	}
	s := &logSecond{unix: unix, loc: loc}
	s.date = t.AppendFormat(nil, "2006-01-02T15:04:05")
	s.zone = t.AppendFormat(nil, "Z07:00")
	c.last.Store(s)
	return s
}

// appendNano appends t as slog's JSON handler writes it: time.RFC3339Nano.
func (c *logClock) appendNano(b []byte, t time.Time) []byte {
	s := c.second(t)
	b = append(b, s.date...)
	b = appendFraction(b, t.Nanosecond(), 9)
	return append(b, s.zone...)
}

// appendMilli appends t as slog's text handler writes it: RFC 3339 with exactly three
// digits of milliseconds.
func (c *logClock) appendMilli(b []byte, t time.Time) []byte {
	s := c.second(t)
	b = append(b, s.date...)
	b = append(b, '.')
	b = appendDigits(b, t.Nanosecond()/int(time.Millisecond), 3)
	return append(b, s.zone...)
}

// appendDuration appends d as d.String() formats it ("1h2m3.5s", "1.5ms", "12.345µs",
// "-7ns", "0s"), without the string.
func appendDuration(b []byte, d time.Duration) []byte {
	u := uint64(d)
	if d < 0 {
		b = append(b, '-')
		u = -u // math.MinInt64 too: 1<<63
	}
	switch {
	case u == 0:
		return append(b, "0s"...)
	case u < uint64(time.Microsecond):
		b = strconv.AppendUint(b, u, 10)
		return append(b, "ns"...)
	case u < uint64(time.Millisecond):
		b = strconv.AppendUint(b, u/1e3, 10)
		b = appendFraction(b, int(u%1e3), 3)
		return append(b, "µs"...)
	case u < uint64(time.Second):
		b = strconv.AppendUint(b, u/1e6, 10)
		b = appendFraction(b, int(u%1e6), 6)
		return append(b, "ms"...)
	}
	sec := u / 1e9
	if mins := sec / 60; mins > 0 {
		if h := mins / 60; h > 0 {
			b = strconv.AppendUint(b, h, 10)
			b = append(b, 'h')
		}
		b = strconv.AppendUint(b, mins%60, 10)
		b = append(b, 'm')
	}
	b = strconv.AppendUint(b, sec%60, 10)
	b = appendFraction(b, int(u%1e9), 9)
	return append(b, 's')
}

// appendFraction appends the fraction n/10^width as a decimal point and its digits
// without the trailing zeros, or nothing when n is 0.
func appendFraction(b []byte, n, width int) []byte {
	if n == 0 {
		return b
	}
	for n%10 == 0 {
		n /= 10
		width--
	}
	b = append(b, '.')
	return appendDigits(b, n, width)
}

// appendDigits appends n in width decimal digits, zero-padded, two at a time: a
// fraction of a second has up to nine, each a division on the critical path.
func appendDigits(b []byte, n, width int) []byte {
	b = append(b, "000000000"[:width]...)
	i, u := len(b), uint(n)
	for ; u >= 10; u /= 100 {
		d := u % 100 * 2
		i -= 2
		b[i], b[i+1] = digitPairs[d], digitPairs[d+1]
	}
	if u > 0 {
		b[i-1] = byte('0' + u)
	}
	return b
}

// digitPairs is 00 to 99, two bytes each.
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"
