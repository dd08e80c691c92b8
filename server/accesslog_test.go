package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

// logRecord is one access log line as JSON.
type logRecord struct {
	Msg, Method, Path, Lang, Duration string
	Status, Code                      int
	Bytes                             int64
	Aborted                           bool
}

// records returns the "request" records of a JSON log.
func records(t *testing.T, logs string) []logRecord {
	t.Helper()
	var out []logRecord
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		var rec logRecord
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec.Msg == "request" {
			out = append(out, rec)
		}
	}
	return out
}

func TestAccessLog(t *testing.T) {
	t.Parallel()
	back := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/missing":
			w.WriteHeader(404)
			io.WriteString(w, `{"Code":10205}`)
		case "/custom":
			w.WriteHeader(400)
			io.WriteString(w, `{"Error":{"Nested":[1,2]},"Code":10001,"Message":"custom"}`)
		case "/long":
			w.WriteHeader(500)
			io.WriteString(w, `{"Pad":"`+strings.Repeat("x", 70<<10)+`","Code":10004}`)
		case "/text":
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(404)
			io.WriteString(w, `{"Code":10205}`)
		default:
			w.Header().Set("Content-Language", "fr")
			io.WriteString(w, `{"Code":10328}`)
		}
	}))
	defer back.Close()
	upstream, _ := url.Parse(back.URL)
	logs := new(syncBuffer)
	h := Handler(newCatalog(t), newLogger("json", logs), upstream)
	tests := []struct {
		path   string
		status int
		code   int
		lang   string
	}{
		{"/v1/errors/NOPE", 404, 10003, "en-US"}, // WriteError
		{"/v1/errors/10205", 200, 0, "en-US"},    // the catalog, with SetLanguage
		{"/missing", 404, 10205, "en-US"},        // filled
		{"/custom", 400, 10001, ""},              // read, Message kept
		{"/long", 500, 0, ""},                    // beyond MaxBody: not read
		{"/text", 404, 0, ""},                    // not JSON
		{"/ok", 200, 0, "fr"},                    // 2XX: not read; the back end's language
	}
	for _, tt := range tests {
		w := do(h, "GET", tt.path, map[string]string{"Accept-Language": "en"})
		if w.Code != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.path, w.Code, tt.status)
		}
	}
	recs := records(t, logs.String())
	if len(recs) != len(tests) {
		t.Fatalf("%d request records for %d requests:\n%s", len(recs), len(tests), logs)
	}
	for i, tt := range tests {
		rec := recs[i]
		if rec.Method != "GET" || rec.Path != tt.path || rec.Status != tt.status || rec.Code != tt.code || rec.Lang != tt.lang {
			t.Errorf("GET %s logged %+v, want status %d code %d lang %q", tt.path, rec, tt.status, tt.code, tt.lang)
		}
		if !strings.HasSuffix(rec.Duration, "s") {
			t.Errorf("GET %s: duration %q is not a duration string", tt.path, rec.Duration)
		}
	}
}

func TestErrorLogWriter(t *testing.T) {
	t.Parallel()
	logs := new(syncBuffer)
	w := errorLogWriter{newLogger("json", logs), "reverse proxy"}
	io.WriteString(w, "httputil: malformed HTTP response \""+strings.Repeat("\\x00", 200)+"\"\n")
	var rec struct{ Level, Msg, Err string }
	if err := json.Unmarshal([]byte(logs.String()), &rec); err != nil {
		t.Fatalf("%q: %v", logs, err)
	}
	if rec.Level != "WARN" || rec.Msg != "reverse proxy" || len(rec.Err) > maxLoggedError+len("…") || !strings.HasPrefix(rec.Err, "httputil: malformed") {
		t.Errorf("logged %+v", rec)
	}
}

// FuzzAccessLogLine checks the access log's own formatting against slog's handlers: for
// any request, outcome and time, the line is the one slog's text or JSON handler writes for
// the same record. Each line is formatted twice, with a time of the same second between,
// so that the formatted second is also taken from the access log's cache.
func FuzzAccessLogLine(f *testing.F) {
	f.Add("GET", "/v1/errors", "en-US", 200, 0, int64(53), int64(1500000), false, false, true, int64(1795906862), uint32(345678901), 3600)
	f.Add("POST", "/a b=\"c\"\n\u2028\xff", "", 502, 10004, int64(0), int64(0), true, true, false, int64(1795906862), uint32(0), 0)
	f.Add("\x7f", "\\", "zh-CN", 404, 10205, int64(-1), int64(-5), false, true, true, int64(-62135596800), uint32(1), -34200)
	f.Add("GET", "/", "en", 200, 0, int64(0), int64(0), false, false, false, int64(253402300800), uint32(100000), 0)
	f.Add("GET", "/", "en", 200, 0, int64(0), int64(0), false, false, true, int64(-62167219201), uint32(999999999), 60)
	f.Fuzz(func(t *testing.T, method, path, lang string, status, code int, n, d int64, aborted, hijacked, json bool, sec int64, nsec uint32, offset int) {
		fixed := time.Unix(sec, int64(nsec%1e9)).In(time.FixedZone("X", offset%(24*3600)))
		if fixed.IsZero() || fixed.Year() < 0 || fixed.Year() > 9999 {
			return // an Outcome's zero End means now; slog's JSON refuses such years
		}
		fixTime := func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Time(slog.TimeKey, fixed)
			}
			return a
		}
		r := httptest.NewRequest("GET", "/", nil)
		r.Method, r.URL.Path = method, path
		o := middleware.Outcome{Status: status, Code: codes.Code(code), Lang: lang, Bytes: n, Duration: time.Duration(d), Aborted: aborted, Hijacked: hijacked}
		var want bytes.Buffer
		format := "text"
		h := slog.Handler(slog.NewTextHandler(&want, &slog.HandlerOptions{ReplaceAttr: fixTime}))
		if json {
			format = "json"
			h = slog.NewJSONHandler(&want, &slog.HandlerOptions{ReplaceAttr: fixTime})
		}
		slogAccess(slog.New(h))(r, o)
		a := newAccessLog(format, nil)
		o.End = fixed
		if got := a.line(nil, r, o); string(got) != want.String() {
			t.Fatalf("access log line\n got %q\nslog %q", got, want.String())
		}
		o.End = time.Unix(sec, 0).In(fixed.Location())
		a.line(nil, r, o)
		o.End = fixed
		if got := a.line(nil, r, o); string(got) != want.String() {
			t.Fatalf("access log line, second from the cache\n got %q\nslog %q", got, want.String())
		}
	})
}

// BenchmarkAccessLogLine formats the line of a 304 as apiswitch logs it, in JSON and text,
// and, as the baseline, the same record through slog's handler (to io.Discard). The
// response's end is the middleware's clock read, outside the line: it is fixed here, a
// time of the second the access log's clock has formatted already, as it has for all but
// one request a second.
func BenchmarkAccessLogLine(b *testing.B) {
	r := httptest.NewRequest("GET", "/v1/errors", nil)
	o := middleware.Outcome{Status: 304, Lang: "en-US", Duration: 12345 * time.Nanosecond, End: time.Unix(1795906862, 123456789)}
	for _, format := range []string{"json", "text"} {
		b.Run(format, func(b *testing.B) {
			a := newAccessLog(format, io.Discard)
			buf := make([]byte, 0, 512)
			b.ReportAllocs()
			for b.Loop() {
				buf = a.line(buf[:0], r, o)
			}
		})
		b.Run(format+"-slog", func(b *testing.B) {
			log := slogAccess(newLogger(format, io.Discard))
			b.ReportAllocs()
			for b.Loop() {
				log(r, o)
			}
		})
	}
}

// BenchmarkAccessLogObserve logs the line of a 304 end to end as apiswitch does: observe
// queues its record into a logOutput over io.Discard, whose flushes format the lines, from
// one goroutine and from GOMAXPROCS goroutines at once (parallel: the output's lock
// contended). The baseline (-inline) is observe as it was before records were queued: the
// line formatted on the request path, on the stack, and copied into the output through
// Write. On one goroutine the flushes run beside the benchmark's loop, on the other core.
func BenchmarkAccessLogObserve(b *testing.B) {
	r := httptest.NewRequest("GET", "/v1/errors", nil)
	o := middleware.Outcome{Status: 304, Lang: "en-US", Duration: 12345 * time.Nanosecond, End: time.Unix(1795906862, 123456789)}
	for _, format := range []string{"json", "text"} {
		for _, c := range []struct {
			name    string
			observe func(a *accessLog, r *http.Request, o middleware.Outcome)
		}{{"", (*accessLog).observe}, {"-inline", observeInline}} {
			b.Run(format+c.name, func(b *testing.B) {
				out := newLogOutput(io.Discard)
				defer out.Close()
				a := newAccessLog(format, out)
				b.ReportAllocs()
				for b.Loop() {
					c.observe(a, r, o)
				}
			})
			b.Run(format+c.name+"-parallel", func(b *testing.B) {
				out := newLogOutput(io.Discard)
				defer out.Close()
				a := newAccessLog(format, out)
				b.ReportAllocs()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						c.observe(a, r, o)
					}
				})
			})
		}
	}
}

// observeInline is observe into a logOutput as it was before records were queued.
func observeInline(a *accessLog, r *http.Request, o middleware.Outcome) {
	var arr [512]byte
	a.lo.Write(a.line(arr[:0], r, o))
}
