package framing

import (
	"bytes"
	"strconv"

	"github.com/apiswitch/errcode/internal/httpfield"
)

// A head is what a Stream keeps of the message header it is reading.
type head struct {
	size   int  // bytes of the header section or trailer so far
	http10 bool // the message is HTTP/1.0
	status int
	method string
	star   bool   // the request's target is "*"
	length []byte // the first Content-Length value, trimmed
	// lengthBuf holds length when it is short, as it is unless padded with zeros.
	lengthBuf [20]byte
	lengths   int  // Content-Length fields
	badLen    bool // a Content-Length differs from the first
	codings   int  // Transfer-Encoding fields
	chunked   bool // the one Transfer-Encoding is "chunked"
	// Of a request, whose field lines addRequest reads:
	fields   bool      // a field line was read
	open     fieldKind // the field read last, which a continuation line extends
	value    []byte    // its value so far, when it is Content-Length or Transfer-Encoding
	valueBuf [20]byte
}

// field handles one line of a start line, header section or trailer, without its LF.
func (s *Stream) field(raw []byte) {
	line := raw
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	switch s.phase {
	case inStart:
		if !s.start(line) {
			s.lose()
			return
		}
		s.phase = inFields
	case inFields:
		if len(line) == 0 {
			s.headerEnd()
			return
		}
		ok := false
		if s.response {
			ok = s.head.add(line)
		} else {
			ok = s.head.addRequest(line)
		}
		if !ok {
			s.lose()
		}
	case inTrailer:
		// net/http reads a trailer only where a CRLF CRLF comes within 4 KiB of its
		// start. A trailer of CRLF lines ends there, at its first empty line; one with a
		// bare LF ends at its first empty line too, but whether net/http accepts it
		// depends on the bytes that follow. A response Stream cannot follow it; a request
		// Stream goes on: if net/http refuses the trailer, it reads nothing more on the
		// connection (see requesthead.go).
		if s.head.size > maxChunkLine || s.response && len(line) == len(raw) {
			s.lose()
			return
		}
		if len(line) == 0 {
			s.end()
		}
	}
}

// start reads a status line or a request line as net/http does, and reports whether it
// can be sure of it.
func (s *Stream) start(line []byte) bool {
	if s.response {
		proto, rest, ok := bytes.Cut(line, []byte{' '})
		code, _, _ := bytes.Cut(bytes.TrimLeft(rest, " "), []byte{' '})
		if !ok || len(code) != 3 || !digits(code) {
			return false
		}
		s.head.status = int(code[0]-'0')*100 + int(code[1]-'0')*10 + int(code[2]-'0')
		return s.proto(proto)
	}
	// net/http cuts a request line at its first two spaces, and refuses it unless the
	// rest is a version of 8 bytes: where it reads the line, the second space is the 9th
	// byte from the end, which saves a search (laxly: see requesthead.go).
	sp, end := 0, len(line)-len(" HTTP/1.1")
	for sp < end && line[sp] != ' ' { // a method is short: no call to IndexByte
		sp++
	}
	if sp <= 0 || end <= sp || line[end] != ' ' {
		return false
	}
	s.head.method = methodString(line[:sp])
	s.head.star = string(line[sp+1:end]) == "*"
	return s.proto(line[end+1:])
}

// proto reads an HTTP/1.0 or HTTP/1.1 version; a request's may also be HTTP/1.2 to
// HTTP/1.9, which net/http's server reads as HTTP/1.1.
func (s *Stream) proto(p []byte) bool {
	switch string(p) {
	case "HTTP/1.1":
		return true
	case "HTTP/1.0":
		s.head.http10 = true
		return true
	}
	return !s.response && len(p) == len("HTTP/1.x") && string(p[:7]) == "HTTP/1." && '2' <= p[7] && p[7] <= '9'
}

// add reads one header field line, as net/http's textproto reader would, keeping what
// framing needs. It reports false for a line net/http refuses or would fold.
func (h *head) add(line []byte) bool {
	for len(line) > 0 && isTrailingSpace(line[len(line)-1]) {
		line = line[:len(line)-1]
	}
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 || line[0] == ' ' || line[0] == '\t' {
		return false
	}
	name, value := line[:colon], line[colon+1:]
	spaced := false // net/http keeps a name with a space before the colon, uncanonicalized
	for _, c := range name {
		if classes[c]&tokenClass == 0 {
			if c != ' ' {
				return false
			}
			spaced = true
		}
	}
	for _, c := range value {
		if classes[c]&valueClass == 0 {
			return false
		}
	}
	if spaced {
		return true
	}
	for len(value) > 0 && (value[0] == ' ' || value[0] == '\t') {
		value = value[1:]
	}
	switch {
	case asciiEqualFold(name, "content-length"):
		h.contentLength(bytes.TrimSpace(value))
	case asciiEqualFold(name, "transfer-encoding"):
		h.transferEncoding(value)
	}
	return true
}

// contentLength notes a Content-Length field of value v, trimmed.
func (h *head) contentLength(v []byte) {
	if h.lengths++; h.lengths == 1 {
		h.length = append(h.lengthBuf[:0], v...)
	} else if !bytes.Equal(v, h.length) {
		h.badLen = true
	}
}

// transferEncoding notes a Transfer-Encoding field of value v, trimmed.
func (h *head) transferEncoding(v []byte) {
	h.codings++
	h.chunked = asciiEqualFold(v, "chunked")
}

// headerEnd decides, at the end of a header section, what follows it.
func (s *Stream) headerEnd() {
	h := &s.head
	h.closeField()
	chunked := false
	if h.codings > 0 && !h.http10 {
		if h.codings > 1 || !h.chunked {
			s.lose() // net/http refuses any coding but one "chunked"
			return
		}
		chunked = true
	}
	length := int64(-1)
	if h.lengths > 0 {
		n, err := strconv.ParseUint(string(h.length), 10, 63)
		if err != nil || h.badLen {
			s.lose()
			return
		}
		length = int64(n)
	}
	if !s.response {
		if s.OnRequest != nil {
			s.OnRequest(Request{Method: h.method, Asterisk: h.star, Conflict: h.codings > 0 && (h.lengths > 0 || h.http10)})
		}
		s.body(chunked, max(length, 0))
		return
	}
	method := s.methods[0]
	switch {
	case h.status == 101:
		s.state = Tunnel
	case h.status >= 100 && h.status < 200: // interim: the final response follows
		s.head = head{}
		s.phase = inStart
	case method == "HEAD" || h.status == 204 || h.status == 304:
		s.end()
	case !chunked && length < 0:
		s.state, s.phase = Body, inUntilEnd
	default:
		s.body(chunked, length)
	}
}

// body starts a chunked body or one of length bytes.
func (s *Stream) body(chunked bool, length int64) {
	s.state = Body
	switch {
	case chunked:
		s.phase = inSize
	case length > 0:
		s.phase, s.remain = inFixed, length
	default:
		s.end()
	}
}

// chunkSize reads a chunk-size line, CR included, as net/http does: hexadecimal digits,
// optional white space and extensions, CRLF.
func chunkSize(line []byte) (int64, bool) {
	if len(line) == 0 || line[len(line)-1] != '\r' || bytes.IndexByte(line, '\r') != len(line)-1 {
		return 0, false // net/http refuses a bare LF or a CR inside the line
	}
	line = line[:len(line)-1]
	if len(line) >= maxChunkLine {
		return 0, false
	}
	line = bytes.TrimRight(line, " \t")
	line, _, _ = bytes.Cut(line, []byte{';'})
	if len(line) == 0 || len(line) > 16 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(line), 16, 64)
	if err != nil || n > 1<<62 {
		return 0, false
	}
	return int64(n), true
}

func digits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Classes of the bytes of a header field line.
const (
	tokenClass = 1 << iota // may appear in a field name (RFC 9110 tchar)
	valueClass             // may appear in a field value as net/http reads it: no control byte but HTAB, no DEL
)

// classes gives each byte its classes: one look-up per byte of a header line.
var classes = func() (t [256]uint8) {
	for c := range 256 {
		if httpfield.IsTChar(byte(c)) {
			t[c] |= tokenClass
		}
		if c >= ' ' && c != 0x7f || c == '\t' {
			t[c] |= valueClass
		}
	}
	return t
}()

// isTrailingSpace reports whether net/http trims c from the end of a header line.
func isTrailingSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func asciiEqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// methodString returns the method as a string, without allocating for the common ones.
func methodString(m []byte) string {
	switch string(m) { // compiled to a few comparisons, no loop over strings
	case "GET":
		return "GET"
	case "HEAD":
		return "HEAD"
	case "POST":
		return "POST"
	case "PUT":
		return "PUT"
	case "DELETE":
		return "DELETE"
	case "PATCH":
		return "PATCH"
	case "OPTIONS":
		return "OPTIONS"
	case "CONNECT":
		return "CONNECT"
	case "TRACE":
		return "TRACE"
	}
	return string(m)
}
