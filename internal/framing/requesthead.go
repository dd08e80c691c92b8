package framing

import (
	"bytes"
	"net/textproto"
)

// Reading a request's header laxly
//
// A request Stream serves a server, which must see each request net/http reads, with its
// Content-Length and Transfer-Encoding fields, and one request after the other as long as
// net/http goes on reading the connection. What it must not do differs from a response
// Stream's:
//
//   - Where net/http reads a request, a request Stream must end its header and its body
//     exactly where net/http does, and see the same Content-Length and Transfer-Encoding
//     values; and it must not get lost, or the requests that follow on the connection
//     would go unchecked (a smuggler would send one odd request first).
//   - Where net/http refuses a request, the Stream may do anything: net/http answers 400
//     (431, 505) and closes the connection without calling a handler for that request or
//     any later one. A body net/http fails to read (a malformed chunk, a trailer it
//     refuses) ends the connection too, after the handler: net/http reads nothing more
//     from it (golang.org/issue/12027).
//
// So a request Stream need not check what net/http checks, only follow what it reads, and
// that costs far less than checking every byte. addRequest relies on these facts of
// net/textproto's readMIMEHeader and net/http's readRequest and readTransfer (Go 1.26):
//
//   - The request line is cut at its first two spaces, and the rest must be a version of
//     8 bytes, HTTP/1.x for the server: start finds the method and takes the version
//     from the end of the line, the target between them.
//   - A field line ends at LF, less a CR before it; the header ends at the first empty
//     line. A line that starts with SP or HTAB continues the field before it (obs-fold,
//     RFC 9112 §5.2), which net/http accepts: the field's value is its first line and each
//     continuation, each trimmed of SP and HTAB at both ends, joined by one SP, and
//     trimmed at the start. The header's first line must not be one.
//   - A field's name is what comes before the first colon of its first line. A name that
//     holds a byte other than a tchar or SP is refused; one that holds SP is kept as it is;
//     any other is canonicalized, which changes only the case of its letters. So a field
//     net/http files under Content-Length is a line whose first 14 bytes equal
//     "content-length" but for case, followed by a colon, and the same for
//     Transfer-Encoding with 17 bytes: one look at byte 14 or 17 of each line rules out
//     nearly every other field, and no other field needs a look at all, since whatever
//     is wrong with it only makes net/http refuse the request.
//   - net/http refuses a value with a control byte other than HTAB, so where it reads the
//     request, trimming SP and HTAB is what its textproto.TrimString does; a
//     Content-Length that is not all digits fails the Stream's parse as it fails
//     net/http's; a Transfer-Encoding must be "chunked" but for case, on HTTP/1.1 (and
//     HTTP/1.2 to 1.9, which net/http's server reads as 1.1; HTTP/1.0 ignores it).
//   - After a POST, net/http's server skips up to 4 CR or LF bytes before the next
//     request line (conn.readRequest, "RFC 7230 section 3 tolerance for old buggy
//     clients"); Feed skips them too.
//   - A chunked body's trailer is read with the same field grammar, bare LF included,
//     when a CRLF CRLF comes within 4 KiB of its start: see field.
//
// One limit differs: a header over 1 MiB loses a Stream, where net/http's server reads up
// to its MaxHeaderBytes and 4 KiB more; a server with a Stream keeps MaxHeaderBytes below
// 1 MiB − 4 KiB (apiswitch's is 64 KiB).
//
// A request Stream also follows the requests a client's transport writes (a gateway's
// connection to its back end): net/http's transport writes only requests its server
// would read, so there too the Stream ends each where the back end's net/http would.

// A fieldKind names a header field whose value a request Stream reads.
type fieldKind uint8

const (
	otherField fieldKind = iota
	lengthField
	codingField
)

// addRequest reads one header field line of a request, without its line end, and
// reports false where net/http refuses the request. See the comment above: it looks
// closely only at Content-Length and Transfer-Encoding, and most lines need no more than
// this look at three of their bytes.
func (h *head) addRequest(line []byte) bool {
	if h.open == otherField && plain(line) {
		h.fields = true
		return true
	}
	return h.addField(line)
}

// plain reports whether a field line, not empty, neither continues the field before it
// nor may be Content-Length or Transfer-Encoding: what most lines are.
func plain(line []byte) bool {
	return line[0] != ' ' && line[0] != '\t' && (len(line) <= 14 || line[14] != ':') && (len(line) <= 17 || line[17] != ':')
}

// addField is addRequest for a line that may continue a field or be one of the two.
func (h *head) addField(line []byte) bool {
	if c := line[0]; c == ' ' || c == '\t' {
		if !h.fields {
			return false // net/http refuses a header whose first line is a continuation
		}
		if h.open != otherField {
			h.value = append(append(h.value, ' '), trimOWS(line)...)
		}
		return true
	}
	h.closeField()
	h.fields = true
	switch {
	case len(line) > 14 && line[14] == ':' && asciiEqualFold(line[:14], "content-length"):
		h.open, line = lengthField, line[15:]
	case len(line) > 17 && line[17] == ':' && asciiEqualFold(line[:17], "transfer-encoding"):
		h.open, line = codingField, line[18:]
	default:
		return true
	}
	h.value = append(h.valueBuf[:0], trimOWS(line)...)
	return true
}

// closeField notes the Content-Length or Transfer-Encoding field addRequest read last,
// now that no continuation line follows it.
func (h *head) closeField() {
	switch h.open {
	case lengthField:
		h.contentLength(textproto.TrimBytes(h.value))
	case codingField:
		h.transferEncoding(bytes.TrimLeft(h.value, " \t"))
	}
	h.open = otherField
}

// trimOWS trims SP and HTAB from both ends of b, as textproto trims each line of a field.
func trimOWS(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
