package framing

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// feed gives s the bytes of in, split at every cut in turn, and returns how many s
// claimed before refusing any.
func feed(s *Stream, in string, cuts ...int) int {
	claimed, from := 0, 0
	for _, to := range append(cuts, len(in)) {
		if to < from || to > len(in) {
			continue
		}
		n := s.Feed([]byte(in[from:to]))
		claimed += n
		if n < to-from {
			return claimed
		}
		from = to
	}
	return claimed
}

func TestResponses(t *testing.T) {
	t.Parallel()
	const ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"
	tests := []struct {
		name, method string
		msg, extra   string // the bytes of the response, and what follows it
		state        State  // after
	}{
		{"length", "GET", ok, "", Idle},
		{"bytes after Content-Length", "GET", ok, "EXTRA", Idle},
		{"a second response", "GET", ok, ok, Idle},
		{"204 with a body", "GET", "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", "hello", Idle},
		{"304 with a body", "GET", "HTTP/1.1 304 Not Modified\r\n\r\n", "hello", Idle},
		{"HEAD", "HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "hello", Idle},
		{"chunked", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\n\r\n", "", Idle},
		{"chunked with trailer and extra", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n1\r\na\r\n0\r\nX-Sum: 1\r\n\r\n", "EXTRA", Idle},
		{"TE overrides Content-Length", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "X", Idle},
		{"interim 103 then final", "GET", "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + ok, "X", Idle},
		{"101 tunnel", "GET", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\nframes", "", Tunnel},
		{"until the end", "GET", "HTTP/1.1 200 OK\r\n\r\nanything at all", "", Body},
		{"HTTP/1.0 ignores TE", "GET", "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\nx", "EXTRA", Idle},
		{"LF line ends", "GET", "HTTP/1.1 200 OK\nContent-Length: 1\n\nx", "Y", Idle},
		{"duplicate equal lengths", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length:  1 \r\n\r\nx", "Y", Idle},
		{"space before colon is another field", "GET", "HTTP/1.1 200 OK\r\nContent-Length : 9\r\nContent-Length: 1\r\n\r\nx", "Y", Idle},
		{"different lengths", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxyz", "", Lost},
		{"folded line", "GET", "HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 1\r\n\r\nxyz", "", Lost},
		{"gzip coding", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\nxyz", "", Lost},
		{"bare LF chunk line", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\nx\r\n0\r\n\r\n", "", Lost},
		{"HTTP/2.0", "GET", "HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", "", Lost},
	}
	for _, tt := range tests {
		in := tt.msg + tt.extra
		for _, cuts := range [][]int{nil, {1, 17, 18, 30, 40}, {len(in) / 2}} {
			s := Responses()
			s.Expect()
			s.Method(tt.method)
			if got := feed(s, in, cuts...); got != len(tt.msg) || s.State() != tt.state {
				t.Errorf("%s (cuts %v): claimed %d, state %d; want %d, %d", tt.name, cuts, got, s.State(), len(tt.msg), tt.state)
			}
		}
	}
	s := Responses()
	if n := s.Feed([]byte(ok)); n != 0 {
		t.Errorf("a Stream expecting no response claimed %d bytes", n)
	}
}

func TestRequests(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		in       string
		requests []Request
		state    State
	}{
		{"two GETs", "GET / HTTP/1.1\r\nHost: a\r\n\r\nHEAD /x HTTP/1.1\r\n\r\n", []Request{{Method: "GET"}, {Method: "HEAD"}}, Idle},
		{"length body", "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n\r\n", []Request{{Method: "POST"}, {Method: "GET"}}, Idle},
		{"chunked body", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n", []Request{{Method: "POST"}, {Method: "GET"}}, Idle},
		{"Content-Length and Transfer-Encoding", "POST / HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", []Request{{Method: "POST", Conflict: true}}, Idle},
		{"HTTP/1.0 with Transfer-Encoding", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n", []Request{{Method: "POST", Conflict: true}}, Idle},
		{"asterisk", "OPTIONS * HTTP/1.1\r\n\r\n", []Request{{Method: "OPTIONS", Asterisk: true}}, Idle},
		{"body in progress", "PUT / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", []Request{{Method: "PUT"}}, Body},
	}
	for _, tt := range tests {
		var got []Request
		s := Requests()
		s.OnRequest = func(r Request) { got = append(got, r) }
		if n := feed(s, tt.in, 3, 20, 21); n != len(tt.in) {
			t.Errorf("%s: a request stream claimed %d of %d bytes", tt.name, n, len(tt.in))
		}
		if len(got) != len(tt.requests) || s.State() != tt.state {
			t.Errorf("%s: requests %v, state %d; want %v, %d", tt.name, got, s.State(), tt.requests, tt.state)
			continue
		}
		for i := range got {
			if got[i] != tt.requests[i] {
				t.Errorf("%s: request %d = %+v, want %+v", tt.name, i, got[i], tt.requests[i])
			}
		}
	}
}

// goResponseEnd returns where net/http's transport reading of in, the response to a
// request with method, ends, whether it read a whole final response, and whether the
// connection became a tunnel or runs to its end.
func goResponseEnd(in []byte, method string) (end int, ok, open bool) {
	src := bytes.NewReader(in)
	br := bufio.NewReaderSize(src, 4096)
	consumed := func() int { return len(in) - src.Len() - br.Buffered() }
	req := &http.Request{Method: method}
	for range 6 {
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			return consumed(), false, false
		}
		if resp.StatusCode == 101 {
			return consumed(), true, true
		}
		if resp.StatusCode >= 100 && resp.StatusCode < 200 {
			continue
		}
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return consumed(), false, false
		}
		return consumed(), true, resp.Close && resp.ContentLength < 0 && !chunkedResp(resp)
	}
	return consumed(), false, false
}

func chunkedResp(r *http.Response) bool {
	return len(r.TransferEncoding) > 0 && r.TransferEncoding[0] == "chunked"
}

// FuzzResponses checks a response Stream against net/http's reader: where net/http reads
// a whole response, a Stream that is not lost ends exactly there; and a Stream never ends
// a response before the point net/http read to.
func FuzzResponses(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiEXTRA",
		"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x\r\nhello\r\n0\r\nA: b\r\n\r\nX",
		"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nx",
		"HTTP/1.0 200 OK\nTransfer-Encoding: chunked\n\nbody",
		"HTTP/1.1 101 Switching Protocols\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 01\r\nContent-Length:1\r\n\r\nxy",
	} {
		f.Add([]byte(s), false, 7)
	}
	f.Fuzz(func(t *testing.T, in []byte, head bool, cut int) {
		method := "GET"
		if head {
			method = "HEAD"
		}
		s := Responses()
		s.Expect()
		s.Method(method)
		cuts := []int{}
		if cut > 0 && cut < len(in) {
			cuts = append(cuts, cut)
		}
		claimed := feed(s, string(in), cuts...)
		end, ok, open := goResponseEnd(in, method)
		switch st := s.State(); {
		case st == Lost:
		case ok && !open && (claimed != end || st != Idle):
			t.Fatalf("net/http reads a response of %d bytes; the Stream claims %d, state %d\n%q", end, claimed, st, in)
		case st == Idle && claimed < end:
			t.Fatalf("the Stream ends the response at %d; net/http reads to %d (ok %v)\n%q", claimed, end, ok, in)
		}
	})
}

// FuzzRequests checks a request Stream against net/http's request reader in the same way.
func FuzzRequests(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET",
		"POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nX",
		"POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nabGET",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		s := Requests()
		first := -1
		for i := range in {
			s.Feed(in[i : i+1])
			if st := s.State(); st == Lost || st == Idle && first < 0 {
				if st == Idle {
					first = i + 1
				}
				break
			}
		}
		src := bytes.NewReader(in)
		br := bufio.NewReaderSize(src, 4096)
		req, err := http.ReadRequest(br)
		if err == nil {
			_, err = io.Copy(io.Discard, req.Body)
		}
		end := len(in) - src.Len() - br.Buffered()
		switch {
		case s.State() == Lost:
		case err == nil && first != end && !strings.HasPrefix(string(in), "CONNECT"):
			t.Fatalf("net/http reads a request of %d bytes; the Stream ends it at %d\n%q", end, first, in)
		case first >= 0 && first < end:
			t.Fatalf("the Stream ends the request at %d; net/http reads to %d (%v)\n%q", first, end, err, in)
		}
	})
}
