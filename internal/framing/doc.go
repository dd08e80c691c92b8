// Package framing follows the message framing of one direction of an HTTP/1.1 connection
// (RFC 9112 §6), byte by byte, without buffering the messages: where each request or
// response ends, and which bytes belong to no message at all.
//
// It exists for two guards in front of net/http. A reverse proxy's connection to a back end
// must never hand the transport bytes past the end of a response: a back end that sends
// more than it declared (bytes after its Content-Length, a body on a 204 or 304, a second
// response) would otherwise have them read as the answer to the next request sent on that
// connection, another client's (RFC 9112 §9.2; golang/go#31259). A server must reject a
// request that carries both Content-Length and Transfer-Encoding (RFC 9112 §6.1), which
// net/http accepts after dropping Content-Length.
//
// A Stream applies net/http's own rules, so that both agree on where a message ends: the
// status line, header and chunk grammar of net/http's reader (a header line ends with LF
// or CRLF, a chunk line with CRLF), its Content-Length and Transfer-Encoding rules (one
// Transfer-Encoding, "chunked", ignored on HTTP/1.0; equal Content-Length values
// deduplicated), and the bodies it expects (none for HEAD, 1XX, 204 and 304; a 101 turns
// the connection into a tunnel; a response without a length runs to the connection's
// end). Where a response is anything else, such as a folded header line or a malformed
// length, net/http fails or a Stream cannot be sure, and the Stream says it is lost:
// from then on it claims every byte and the connection must not carry another message.
//
// A request Stream reads as net/http's server does, folded header lines, HTTP/1.2 to 1.9
// and the blank lines it skips after a POST included, and is never lost where the server
// reads on: a smuggler's odd first request must not blind it to the next. It looks closely
// only at the fields that frame a request, and may read on where net/http refuses one,
// since the server then closes the connection (the argument is in requesthead.go).
// Fuzz tests check Streams against net/http's readers, and request Streams against its
// server's reading of a connection.
package framing
