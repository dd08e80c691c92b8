package server

import (
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
	if ns := t.Nanosecond(); ns != 0 {
		b = append(b, '.')
		b = appendDigits(b, ns, 9)
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
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

// appendDigits appends n in width decimal digits, zero-padded.
func appendDigits(b []byte, n, width int) []byte {
	b = append(b, "000000000"[:width]...)
	for i := len(b) - 1; n > 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return b
}
