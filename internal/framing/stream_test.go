package framing

import (
	"bufio"
	"bytes"
	"io"
	"math/rand/v2"
	"net/http"
	"net/textproto"
	"slices"
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
	const (
		get      = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
		conflict = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
	)
	var (
		gets  = []Request{{Method: "GET"}, {Method: "GET"}}
		posts = []Request{{Method: "POST"}, {Method: "GET"}}
		then  = []Request{{Method: "GET"}, {Method: "POST", Conflict: true}} // a request, then one with both
	)
	tests := []struct {
		name     string
		in       string
		requests []Request
		state    State
	}{
		{"two GETs", "GET / HTTP/1.1\r\nHost: a\r\n\r\nHEAD /x HTTP/1.1\r\n\r\n", []Request{{Method: "GET"}, {Method: "HEAD"}}, Idle},
		{"length body", "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n\r\n", posts, Idle},
		{"chunked body", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n", posts, Idle},
		{"Content-Length and Transfer-Encoding", "POST / HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", []Request{{Method: "POST", Conflict: true}}, Idle},
		{"HTTP/1.0 with Transfer-Encoding", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n", []Request{{Method: "POST", Conflict: true}}, Idle},
		{"asterisk", "OPTIONS * HTTP/1.1\r\n\r\n", []Request{{Method: "OPTIONS", Asterisk: true}}, Idle},
		{"body in progress", "PUT / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", []Request{{Method: "PUT"}}, Body},

		// Requests net/http reads, and a request Stream must follow to see the
		// conflict that comes next (see requesthead.go).
		{"folded line", "GET / HTTP/1.1\r\nHost: a\r\nX-Long: a\r\n b\r\n\tc\r\n\r\n" + conflict, then, Idle},
		{"folded line after Content-Length", "POST / HTTP/1.1\r\nContent-Length: 2\r\n \r\nX: y\r\n\r\nabGET / HTTP/1.1\r\n\r\n", posts, Idle},
		{"Content-Length on a continuation line", "POST / HTTP/1.1\r\nContent-Length:\r\n  2\r\n\r\nabGET / HTTP/1.1\r\n\r\n", posts, Idle},
		{"chunked on a continuation line", "POST / HTTP/1.1\r\nTransfer-Encoding:\r\n\tchunked\r\n\r\n1\r\na\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n", posts, Idle},
		{"Content-Length folded into another field", "POST / HTTP/1.1\r\nX: y\r\n Content-Length: 4\r\n\r\nGET / HTTP/1.1\r\n\r\n", posts, Idle},
		{"space before the colon", "GET / HTTP/1.1\r\nContent-Length : 4\r\nTransfer-Encoding : chunked\r\n\r\n" + conflict, then, Idle},
		{"names that start like Content-Length", "GET / HTTP/1.1\r\nContent-Lengths: 4\r\nContent-Length-X: 4\r\nContent_Length: 4\r\nContent-Lengt: 4\r\nContent-Type: 4\r\n\r\n" + conflict, then, Idle},
		{"names that start like Transfer-Encoding", "GET / HTTP/1.1\r\nTransfer-Encodings: chunked\r\nTransfer-Encoding-X: chunked\r\nTE: chunked\r\n\r\n" + conflict, then, Idle},
		{"names in any case", "POST / HTTP/1.1\r\ncOnTeNt-LeNgTh: 1\r\nTRANSFER-ENCODING: Chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", []Request{{Method: "POST", Conflict: true}}, Idle},
		{"bare LF", "GET / HTTP/1.1\nHost: a\nX: b\n\n" + conflict, then, Idle},
		{"bare LF trailer", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nX-Sum: 1\n\n" + conflict, []Request{{Method: "POST"}, {Method: "POST", Conflict: true}}, Idle},
		{"HTTP/1.9", "POST / HTTP/1.9\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + get, posts, Idle},
		{"CRLF after a POST", "POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\nx\r\n\r\n" + get, posts, Idle},
		{"a long line", "GET / HTTP/1.1\r\nCookie: " + strings.Repeat("c=1; ", 2000) + "\r\n\r\n" + get, gets, Idle},
		{"a long Content-Length", "POST / HTTP/1.1\r\nContent-Length: " + strings.Repeat("0", 40) + "1\r\n\r\nxGET / HTTP/1.1\r\n\r\n", posts, Idle},

		// Requests net/http refuses, and closes the connection after.
		{"a first line that continues", "GET / HTTP/1.1\r\n X: a\r\n\r\n", nil, Lost},
		{"CRLF after a GET", get + "\r\n" + get, []Request{{Method: "GET"}}, Lost},
		{"HTTP/2.0", "GET / HTTP/2.0\r\n\r\n", nil, Lost},
		{"gzip", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", nil, Lost},
		{"two lengths", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", nil, Lost},
		{"a folded length", "POST / HTTP/1.1\r\nContent-Length: 1\r\n 2\r\n\r\n", nil, Lost},
		{"chunked, folded after", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n \r\n\r\n", nil, Lost},
	}
	for _, tt := range tests {
		if tt.state != Body { // net/http reads what the Stream reports, and refuses where it is lost
			refs := goRequests([]byte(tt.in))
			var want []Request
			for _, r := range refs {
				want = append(want, r.Request)
			}
			if !slices.Equal(want, tt.requests) {
				t.Errorf("%s: net/http reads %+v, the test expects %+v", tt.name, want, tt.requests)
			}
		}
		for _, cuts := range [][]int{nil, {3, 20, 21}, {len(tt.in) / 2}, every(len(tt.in))} {
			var got []Request
			s := Requests()
			s.OnRequest = func(r Request) { got = append(got, r) }
			if n := feed(s, tt.in, cuts...); n != len(tt.in) {
				t.Errorf("%s: a request stream claimed %d of %d bytes", tt.name, n, len(tt.in))
			}
			if !slices.Equal(got, tt.requests) || s.State() != tt.state {
				t.Errorf("%s (%d cuts): requests %+v, state %d; want %+v, %d", tt.name, len(cuts), got, s.State(), tt.requests, tt.state)
			}
		}
	}
}

// every returns the cuts that feed n bytes one at a time.
func every(n int) []int {
	cuts := make([]int, n)
	for i := range cuts {
		cuts[i] = i + 1
	}
	return cuts
}

// A goRequest is a request net/http's server reads: where it ends on the connection,
// and what a request Stream must report of it.
type goRequest struct {
	end int
	Request
}

// goRequests returns the requests net/http's server reads from in, one after the other
// on one connection, up to the first it refuses or cannot read whole. As conn.readRequest does (net/http/server.go, Go 1.26), it skips up
// to 4 CR or LF bytes after a POST and refuses any version but HTTP/1.x; the checks it
// makes after reading a request (such as a missing Host) can only refuse more, so they
// are left out, which asks a Stream to follow more requests than it needs to. Conflict
// is read from the header as net/textproto reads it: Transfer-Encoding with
// Content-Length, or on HTTP/1.0.
func goRequests(in []byte) (reqs []goRequest) {
	src := bytes.NewReader(in)
	br := bufio.NewReaderSize(src, 4096) // the size of the server's reader
	consumed := func() int { return len(in) - src.Len() - br.Buffered() }
	last := ""
	for {
		if last == "POST" {
			peek, _ := br.Peek(4)
			n := 0
			for n < len(peek) && (peek[n] == '\r' || peek[n] == '\n') {
				n++
			}
			br.Discard(n)
		}
		start := consumed()
		req, err := http.ReadRequest(br)
		if err != nil || req.ProtoMajor != 1 {
			return reqs
		}
		if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return reqs
		}
		tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(in[start:])))
		tp.ReadLine()
		h, _ := tp.ReadMIMEHeader()
		reqs = append(reqs, goRequest{consumed(), Request{
			Method:   req.Method,
			Asterisk: req.RequestURI == "*",
			Conflict: len(h["Transfer-Encoding"]) > 0 && (len(h["Content-Length"]) > 0 || req.ProtoMinor == 0),
		}})
		last = req.Method
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

// FuzzRequests checks a request Stream against net/http's server (goRequests): where
// net/http reads a request, a Stream ends it at the same byte, reports the same method and
// conflict, and is not lost, whether the bytes come one at a time or in pieces of size
// step+1. Where net/http refuses a request, the Stream may do anything after it: the
// server closes the connection.
func FuzzRequests(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET",
		"POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nX",
		"POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nabGET",
		"GET / HTTP/1.1\r\nX: a\r\n b\r\nContent-Length:\r\n 1\r\n\r\nxPOST / HTTP/1.1\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n",
		"POST / HTTP/1.1\nContent-Length : 3\ncontent-length: 1\nTransfer-Encodings: x\n\nx\r\n\r\nGET / HTTP/1.9\r\n\r\n",
		"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;a=b \r\nx\r\n0\r\nT: 1\n\nOPTIONS * HTTP/1.1\r\n\r\n",
	} {
		f.Add([]byte(s), uint8(7))
	}
	f.Fuzz(func(t *testing.T, in []byte, step uint8) { checkRequests(t, in, int(step)+1) })
}

// checkRequests checks a request Stream against goRequests on in, fed one byte at a time
// and in pieces of size step.
func checkRequests(t *testing.T, in []byte, step int) {
	t.Helper()
	var byByte, inPieces []Request
	var ends []int
	s := Requests()
	s.OnRequest = func(r Request) { byByte = append(byByte, r) }
	lostAt := -1
	for i := range in {
		before := s.State()
		s.Feed(in[i : i+1])
		if st := s.State(); st == Lost {
			lostAt = i
			break
		} else if st == Idle && before != Idle {
			ends = append(ends, i+1)
		}
	}
	p := Requests()
	p.OnRequest = func(r Request) { inPieces = append(inPieces, r) }
	for i := 0; i < len(in); i += step {
		p.Feed(in[i:min(i+step, len(in))])
	}
	if !slices.Equal(byByte, inPieces) || p.State() != s.State() {
		t.Fatalf("fed byte by byte: %+v, state %d; in pieces of %d: %+v, state %d\n%q", byByte, s.State(), step, inPieces, p.State(), in)
	}
	for i, ref := range goRequests(in) {
		switch {
		case lostAt >= 0 && lostAt < ref.end:
			t.Fatalf("the Stream is lost at byte %d, in request %d, which net/http reads to %d\n%q", lostAt, i, ref.end, in)
		case i >= len(ends) || ends[i] != ref.end:
			t.Fatalf("net/http reads request %d to %d; the Stream ends requests at %v\n%q", i, ref.end, ends, in)
		case byByte[i] != ref.Request:
			t.Fatalf("request %d: the Stream reports %+v, net/http reads %+v\n%q", i, byByte[i], ref.Request, in)
		}
	}
}

// TestRequestsGenerated runs checkRequests on connections built from the pieces a
// request Stream reads laxly or must follow exactly: names that are or look like
// Content-Length and Transfer-Encoding, continuation lines, bare LF, versions, bodies
// with trailers, blank lines after them. Random bytes rarely make two requests in a row
// that net/http reads, and fewer with a conflict in the second.
func TestRequestsGenerated(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(9, 112))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	eol := func() string { return pick("\r\n", "\r\n", "\n", "\r\r\n", " \r\n") }
	names := []string{"Content-Length", "content-length", "CONTENT-LENGTH", "Content-Length ", "Content-Lengthx", "Content_Length", " Content-Length",
		"Transfer-Encoding", "transfer-encoding", "Transfer-Encoding ", "\tTransfer-Encoding", "Te", "Host", "X", "Content-Type"}
	values := []string{"", " ", "0", "1", " 1", "1 ", "01", "2", "\t1\t", "1\x01", "chunked", " chunked", "chunked ", "Chunked", "gzip", "gzip, chunked", "a"}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(pick("GET", "POST", "PUT", "OPTIONS") + " " + pick("/", "*", "/x y") + " " + pick("HTTP/1.1", "HTTP/1.0", "HTTP/1.9", "HTTP/2.0", "HTTP/1.1 ") + eol())
			for range r.IntN(5) {
				if r.IntN(4) == 0 {
					b.WriteString(pick(" ", "\t", "  ") + pick(values...) + eol()) // a continuation line
				} else {
					b.WriteString(pick(names...) + ":" + pick(values...) + eol())
				}
			}
			b.WriteString(pick("\r\n", "\r\n", "\n"))
			b.WriteString(pick("", "x", "ab", "0\r\n\r\n", "1\r\na\r\n0\r\n\r\n", "1\r\na\r\n0\r\nX: 1\n\n", "1\r\na\r\n0\r\nX: 1\r\n \r\n\r\n",
				"\r\n", "\r\n\r\n", "\n\n\n\n"))
		}
		checkRequests(t, []byte(b.String()), 1+r.IntN(40))
	}
}
