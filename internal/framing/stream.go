package framing

import (
	"bytes"
)

// A State is where a Stream stands between two bytes.
type State uint8

const (
	Idle   State = iota // between messages, with no response expected
	Header              // in a start line or header section
	Body                // in a body, or waiting for the response to a request sent
	Tunnel              // after a 101 response: the bytes are no longer HTTP
	Lost                // the framing is not what net/http reads with certainty
)

// maxHeader bounds a header section or trailer, as net/http's transport bounds response
// headers (its default is 10 MB; 1 MiB is far above what any server sends).
const maxHeader = 1 << 20

// maxChunkLine is net/http's limit for a chunk-size line.
const maxChunkLine = 4096

// A Stream follows the messages of one direction of a connection. The zero Stream is not
// valid; use Requests or Responses. A Stream is not safe for concurrent use.
type Stream struct {
	response bool
	state    State
	phase    phase
	remain   int64 // bytes left in a body or chunk
	line     []byte
	head     head
	methods  []string // of the requests whose responses are expected, oldest first
	blanks   uint8    // how many more CR or LF bytes may come before a request line
	// OnRequest is told about each request header a request Stream completes.
	OnRequest func(Request)
}

// A Request is what a request Stream saw in one request's header.
type Request struct {
	Method string
	// Asterisk reports the asterisk-form target "*" (RFC 9112 §3.2.4), as in OPTIONS *.
	Asterisk bool
	// Conflict reports a request with both Content-Length and Transfer-Encoding, which a
	// server must reject (RFC 9112 §6.1).
	Conflict bool
}

// phase is where a Stream is inside a message.
type phase uint8

const (
	inStart    phase = iota // the start line
	inFields                // header field lines
	inFixed                 // a body of known length
	inSize                  // a chunk-size line
	inData                  // chunk data
	inDataCR                // the CR after chunk data
	inDataLF                // the LF after chunk data
	inTrailer               // trailer field lines
	inUntilEnd              // a body delimited by the connection's end
)

// Requests returns a Stream of requests, as a server reads them or a client writes them.
func Requests() *Stream { return &Stream{state: Idle} }

// Responses returns a Stream of responses, as a client reads them. It expects none until
// Expect is called.
func Responses() *Stream { return &Stream{response: true, state: Idle} }

// State returns where the Stream stands.
func (s *Stream) State() State { return s.state }

// Expect tells a response Stream that a request was sent whose response is to come. Its
// method may follow with Method, before the response's header ends.
func (s *Stream) Expect() {
	s.methods = append(s.methods, "")
	if s.state == Idle {
		s.state, s.phase = Header, inStart
	}
}

// Method names the method of the request Expect announced last: the response to HEAD
// has no body.
func (s *Stream) Method(m string) {
	if n := len(s.methods); n > 0 && s.methods[n-1] == "" {
		s.methods[n-1] = m
	}
}

// Outstanding returns how many responses are expected and not complete.
func (s *Stream) Outstanding() int { return len(s.methods) }

// Feed follows p, the next bytes of the stream, and returns how many of them belong to
// its messages: all of them, unless a response Stream gets bytes when it expects no
// response, which start at the index returned. A lost or tunnelled Stream claims
// everything.
func (s *Stream) Feed(p []byte) int {
	i := 0
	for i < len(p) {
		switch s.state {
		case Tunnel, Lost:
			return len(p)
		case Idle:
			if s.response {
				return i
			}
			if s.blanks > 0 {
				if c := p[i]; c == '\r' || c == '\n' {
					s.blanks--
					i++
					continue
				}
				s.blanks = 0
			}
			s.state, s.phase = Header, inStart
		}
		i += s.step(p[i:])
	}
	return len(p)
}

// step consumes bytes of p in the current phase and returns how many.
func (s *Stream) step(p []byte) int {
	switch s.phase {
	case inStart, inFields:
		if !s.response && len(s.line) == 0 {
			return s.requestHead(p)
		}
		return s.lines(p)
	case inTrailer:
		return s.lines(p)
	case inFixed:
		n, done := s.take(p)
		if done {
			s.end()
		}
		return n
	case inUntilEnd:
		return len(p)
	case inSize:
		return s.chunkLine(p)
	case inData:
		n, done := s.take(p)
		if done {
			s.phase = inDataCR
		}
		return n
	case inDataCR, inDataLF:
		want := byte('\r')
		if s.phase == inDataLF {
			want = '\n'
		}
		if p[0] != want {
			s.lose()
			return 0
		}
		if s.phase++; s.phase > inDataLF {
			s.phase = inSize
		}
		return 1
	}
	panic("framing: unknown phase")
}

// take consumes the bytes of p that remain of a body or chunk, and reports whether none
// remain now.
func (s *Stream) take(p []byte) (int, bool) {
	n := min(int64(len(p)), s.remain)
	s.remain -= n
	return int(n), s.remain == 0
}

// nextLine returns the line p ends, without its LF and with the start of it kept from
// before, and the bytes of p it took. While the line goes on past p, it keeps p and
// reports false; a line longer than limit loses the Stream.
func (s *Stream) nextLine(p []byte, limit int) (line []byte, n int, ok bool) {
	nl := bytes.IndexByte(p, '\n')
	if nl < 0 {
		if len(s.line)+len(p) > limit {
			s.lose()
			return nil, 0, false
		}
		s.line = append(s.line, p...)
		return nil, len(p), false
	}
	line = p[:nl]
	if len(s.line) > 0 {
		s.line = append(s.line, line...)
		line = s.line
	}
	return line, nl + 1, true
}

// lines consumes the bytes of header or trailer lines, handing each complete one to
// field.
func (s *Stream) lines(p []byte) int {
	line, n, ok := s.nextLine(p, maxHeader)
	if !ok {
		return n
	}
	if s.head.size += len(line) + 1; s.head.size > maxHeader {
		s.lose()
		return 0
	}
	s.field(line)
	if s.line != nil {
		s.line = s.line[:0]
	}
	return n
}

// requestHead consumes the lines of a request's start line and header that p holds
// whole, as lines and field would, in one loop: a request header usually comes in one
// read.
func (s *Stream) requestHead(p []byte) int {
	h, rest := &s.head, p
	for len(rest) > 0 {
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			return len(p) - len(rest) + s.lines(rest) // keeps the start of a line
		}
		raw, line := rest[:nl], rest[:nl]
		rest = rest[nl+1:]
		if h.size += nl + 1; h.size > maxHeader {
			s.lose()
			break
		}
		if nl > 0 && line[nl-1] == '\r' {
			line = line[:nl-1]
		}
		if len(line) > 0 && h.open == otherField && s.phase == inFields && plain(line) {
			h.fields = true // addRequest's look, inlined
			continue
		}
		if s.field(raw); s.state != Header {
			break // the header ended, or the Stream is lost
		}
	}
	return len(p) - len(rest)
}

// chunkLine consumes a chunk-size line, which net/http requires to end with CRLF.
func (s *Stream) chunkLine(p []byte) int {
	line, n, ok := s.nextLine(p, maxChunkLine)
	if !ok {
		return n
	}
	if s.line != nil {
		s.line = s.line[:0]
	}
	size, ok := chunkSize(line)
	switch {
	case !ok:
		s.lose()
		return 0
	case size == 0:
		s.phase, s.head.size = inTrailer, 0
	default:
		s.phase, s.remain = inData, size
	}
	return n
}

// end closes the current message.
func (s *Stream) end() {
	if !s.response {
		// net/http's server skips up to 4 CR or LF bytes after a POST (requesthead.go).
		if s.head.method == "POST" {
			s.blanks = 4
		}
		s.head = head{}
		s.phase, s.state = inStart, Idle
		return
	}
	s.head = head{}
	s.phase = inStart
	n := copy(s.methods, s.methods[1:]) // keeps the array: no allocation per response
	s.methods = s.methods[:n]
	if n == 0 {
		s.state = Idle
		return
	}
	s.state = Header
}

func (s *Stream) lose() {
	s.state = Lost
	s.line = nil
}
