package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/apiswitch/errcode/middleware"
)

// An accessLog writes one line per request, in the format of the server's log/slog
// handler (text or JSON, the same keys, quoting and time format), from the middleware's
// Outcome: method, path, status, the code and language of the error body the middleware
// wrote, filled or read (0 and "" for other bodies), the bytes written and the duration
// as text ("1.5ms"); aborted or hijacked when so. 5XX and aborted responses are at level
// ERROR, the rest INFO; the record's time is the response's end. It formats the line
// itself, without allocating, in a fraction of what a slog handler takes: it is the one
// record every request writes. Into a logOutput (as in apiswitch) it does not even
// format on the request path: it queues the record, and the output's flush formats it.
type accessLog struct {
	out   io.Writer  // safe for concurrent use
	lo    *logOutput // out, when it is one: it queues records
	json  bool
	now   func() time.Time
	bufs  sync.Pool
	clock logClock
}

func newAccessLog(format string, out io.Writer) *accessLog {
	lo, _ := out.(*logOutput)
	return &accessLog{out: out, lo: lo, json: format == "json", now: time.Now,
		bufs: sync.Pool{New: func() any { return new([]byte) }}}
}

// observe is the middleware's Observe function. A logOutput queues the request's record
// and formats its line later, off the request path. Another writer gets the line,
// formatted in a pooled buffer.
func (a *accessLog) observe(r *http.Request, o middleware.Outcome) {
	if a.lo != nil {
		if o.End.IsZero() {
			o.End = a.now()
		}
		a.lo.logAccess(accessRecord{log: a, method: r.Method, path: r.URL.Path, out: o})
		return
	}
	p := a.bufs.Get().(*[]byte)
	b := a.line((*p)[:0], r, o)
	a.out.Write(b)
	if cap(b) <= 4<<10 {
		*p = b
		a.bufs.Put(p)
	}
}

// line appends the record of one request to b.
func (a *accessLog) line(b []byte, r *http.Request, o middleware.Outcome) []byte {
	return a.format(b, r.Method, r.URL.Path, &o)
}

// format appends the record of a request with this method and path to b.
func (a *accessLog) format(b []byte, method, path string, o *middleware.Outcome) []byte {
	level := "INFO"
	if o.Status >= 500 || o.Aborted {
		level = "ERROR"
	}
	end := o.End
	if end.IsZero() {
		end = a.now()
	}
	if a.json {
		return a.jsonLine(b, level, method, path, o, end)
	}
	return a.textLine(b, level, method, path, o, end)
}

// An accessRecord is what a logOutput queues of a request, to format its line when it
// flushes: the method and path (the request's strings, which nothing changes), not the
// request, which would keep its headers, body buffers and context alive until the flush;
// the outcome, End filled; and the access log that formats it. It takes 128 bytes, two
// cache lines, against the ~200 of a line.
type accessRecord struct {
	log          *accessLog
	method, path string
	out          middleware.Outcome
	at           int // the bytes written to the logOutput before it, in its batch
}

// size bounds the length of r's line, in JSON or text: maxAccessFixed for everything
// but the strings, and 6 bytes per byte of the strings (JSON's \u00XX or \ufffd for one
// byte; the text format's quoting, \xNN or \u2028 for 3 bytes, takes at most 4).
func (r *accessRecord) size() int {
	return maxAccessFixed + 6*(len(r.method)+len(r.path)+len(r.out.Lang))
}

// maxAccessFixed bounds the length of a line with empty strings (269 bytes in JSON: a
// time of 35 bytes, status, code and bytes of 20 each, a duration of 25, aborted and
// hijacked; the text format's two quotes per empty string included), with room for a
// year of more than four digits. TestAccessRecordSize checks the bound.
const maxAccessFixed = 288

// jsonLine appends the record as slog's JSON handler writes it. The keys and what lies
// between the values are constants, written as one piece each.
func (a *accessLog) jsonLine(b []byte, level, method, path string, o *middleware.Outcome, end time.Time) []byte {
	b = append(b, `{"time":"`...)
	b = a.clock.appendNano(b, end)
	b = append(b, `","level":"`...)
	b = append(b, level...)
	b = append(b, `","msg":"request","method":"`...)
	b = appendJSONString(b, method)
	b = append(b, `","path":"`...)
	b = appendJSONString(b, path)
	b = append(b, `","status":`...)
	b = appendStatus(b, o.Status)
	b = append(b, `,"code":`...)
	b = strconv.AppendInt(b, int64(o.Code), 10)
	b = append(b, `,"lang":"`...)
	b = appendJSONString(b, o.Lang)
	b = append(b, `","bytes":`...)
	b = strconv.AppendInt(b, o.Bytes, 10)
	b = append(b, `,"duration":"`...)
	b = appendDuration(b, o.Duration) // nothing in it is escaped
	b = append(b, '"')
	if o.Aborted {
		b = append(b, `,"aborted":true`...)
	}
	if o.Hijacked {
		b = append(b, `,"hijacked":true`...)
	}
	return append(b, "}\n"...)
}

// textLine appends the record as slog's text handler writes it.
func (a *accessLog) textLine(b []byte, level, method, path string, o *middleware.Outcome, end time.Time) []byte {
	b = append(b, "time="...)
	b = a.clock.appendMilli(b, end)
	b = append(b, " level="...)
	b = append(b, level...)
	b = append(b, " msg=request method="...)
	b = appendText(b, method)
	b = append(b, " path="...)
	b = appendText(b, path)
	b = append(b, " status="...)
	b = appendStatus(b, o.Status)
	b = append(b, " code="...)
	b = strconv.AppendInt(b, int64(o.Code), 10)
	b = append(b, " lang="...)
	b = appendText(b, o.Lang)
	b = append(b, " bytes="...)
	b = strconv.AppendInt(b, o.Bytes, 10)
	b = append(b, " duration="...)
	b = appendDuration(b, o.Duration) // nothing in it is quoted
	if o.Aborted {
		b = append(b, " aborted=true"...)
	}
	if o.Hijacked {
		b = append(b, " hijacked=true"...)
	}
	return append(b, '\n')
}

// appendStatus appends an HTTP status code in decimal: three digits but for a handler's
// mistake, which strconv writes.
func appendStatus(b []byte, status int) []byte {
	if status < 100 || status > 999 {
		return strconv.AppendInt(b, int64(status), 10)
	}
	d := status % 100 * 2
	return append(b, byte('0'+status/100), digitPairs[d], digitPairs[d+1])
}

// appendText appends a value as slog's text handler writes a string: quoted when it must
// be.
func appendText(b []byte, v string) []byte {
	if needsQuoting(v) {
		return strconv.AppendQuote(b, v)
	}
	return append(b, v...)
}

const hexDigits = "0123456789abcdef"

// jsonPlain and textPlain hold true for the bytes that a JSON string and a value in slog's
// text format hold as they are: ASCII, and no control character, quote or backslash
// (JSON), no control character, space, '=' or quote (text). A path, a method or a
// language is seldom anything else: a scan of such bytes is the whole work.
var jsonPlain, textPlain = asciiSet(func(c byte) bool { return c >= 0x20 && c != '"' && c != '\\' }),
	asciiSet(func(c byte) bool { return c > ' ' && c != '=' && c != '"' })

// asciiSet returns the ASCII bytes for which in is true, as a table indexed by any byte.
func asciiSet(in func(c byte) bool) (set [256]bool) {
	for c := range byte(utf8.RuneSelf) {
		set[c] = in(c)
	}
	return set
}

// appendJSONString appends s escaped as slog's JSON handler escapes it: as encoding/json
// does without its HTML escaping; invalid UTF-8 becomes U+FFFD, and U+2028 and U+2029 are
// escaped.
func appendJSONString(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(b, s[start:]...)
}

// needsQuoting reports whether slog's text handler quotes s.
func needsQuoting(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if textPlain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return true
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return true
		}
		i += size
	}
	return false
}

// slogAccess is the access log through a slog.Logger, for Handler, whose logger's handler
// is the caller's: the same record, at the cost of the handler.
func slogAccess(logger *slog.Logger) func(*http.Request, middleware.Outcome) {
	return func(r *http.Request, o middleware.Outcome) {
		level := slog.LevelInfo
		if o.Status >= 500 || o.Aborted {
			level = slog.LevelError
		}
		attrs := [9]slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", o.Status),
			slog.Int("code", int(o.Code)),
			slog.String("lang", o.Lang),
			slog.Int64("bytes", o.Bytes),
			slog.String("duration", o.Duration.String()),
		}
		n := 7
		if o.Aborted {
			attrs[n] = slog.Bool("aborted", true)
			n++
		}
		if o.Hijacked {
			attrs[n] = slog.Bool("hijacked", true)
			n++
		}
		logger.LogAttrs(context.Background(), level, "request", attrs[:n]...)
	}
}
