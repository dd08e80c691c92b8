// Package server is the API Switch server, cmd/apiswitch: the error catalog for front ends
// and a localizing gateway in front of back ends written in any language.
//
// # Endpoints
//
//	GET /v1/errors          every code as {"Code","Name","HTTPStatus","Message"}
//	GET /v1/errors/{code}   one code, by number (10205) or name (APP_NOT_FOUND)
//	GET /healthz            {"Status":"ok","Catalog":version,"Languages":[...]}
//
// Messages are in the language negotiated from Accept-Language, or the one named by
// ?lang=. Catalog answers carry Content-Language, Vary: Accept-Language and an ETag made of
// the catalog version, the code table and the language, so a conditional request gets 304
// until the message files change. An unknown code is 404 ITEM_NOT_FOUND, and so is another
// spelling of a known one: a code is found by its decimal number as written in the table
// (not +10205 or 010205) or by its name in any ASCII case. Another method than GET or HEAD
// is BADREQUEST with status 405.
//
// # Gateway
//
// With -upstream URL, every other path is reverse-proxied to the back end, untouched,
// with the client's Accept-Encoding. A non-2XX JSON body with a Code and no Message gets
// the Message filled in the client's language before anything is sent (see
// middleware.ModifyResponse): also a gzip, deflate or br one within 64 KiB, encoded again
// in a coding the client accepts; a body that decodes to more (a decompression bomb)
// passes through untouched, never inflated. Every other response passes through. A back
// end that cannot be reached, or that breaks the exchange before its response is sent,
// gets 502 with INTERNAL_ERROR (10004): the code table has no gateway code, and
// INTERNAL_ERROR's generic message is what a client should see; the cause is logged.
// Without -upstream other paths are 404 ITEM_NOT_FOUND.
//
// Every proxied exchange is bounded: -upstream-idle-timeout (30 s) for the back end's
// silences, before its headers and between two reads of its body, and -upstream-timeout
// (60 s) for the whole. When a bound runs out before anything was sent to the client (a
// 2XX status is held until its first body byte), the client gets 504 with INTERNAL_ERROR;
// after, the connection is aborted, so that a cut body never looks whole. A 101 (a
// WebSocket) leaves the bounds: the tunnel lasts as long as both ends keep it.
// Server-sent events are bounded like any response: raise -upstream-timeout for long
// streams.
//
// A back end's connection never hands the transport bytes beyond the response it expects
// (bytes after its Content-Length, a body on a 204 or 304, a second response): they would
// be read as the answer to the next request on that connection, another client's. The
// connection is closed instead and the anomaly logged once with the back end's address;
// the request that was to reuse it is retried on a new one when it can be replayed. Such
// bytes may also come late, after the next request was written, where nothing can tell
// them from its answer: a back end caught once gets a new connection per request for a
// minute. A failure of the client's own is logged as the client's: 499 for a client that
// went away, 408 or 400 (BADREQUEST) for a body it could not send.
//
// # Locales and reload
//
// The embedded locales serve by default. With -locales DIR the *.toml files of DIR are
// loaded instead; a broken or incomplete set stops the start with file:line:col messages.
// Afterwards, a change in DIR (debounced 200 ms) or SIGHUP reloads it: a valid set replaces
// the old one atomically, an invalid one is logged with file and line while the old one
// keeps serving. DIR itself is watched, so editors' rename-on-save and a Kubernetes
// ConfigMap's "..data" symlink swap are both seen.
//
// # Operation
//
// One log line per request (method, path, status, code, lang, bytes, duration), as text or
// JSON (-log-format), with the code and language the middleware wrote or filled (never
// read back from the body). Log output is buffered and written at most 100 ms later, off
// the request path, and flushed on shutdown. With JSON every line is JSON, net/http's and
// the reverse proxy's own messages included, and durations are text ("1.5ms").
//
// Timeouts: -read-header-timeout (5 s) to read headers, from the connection's start for
// its first request, 30 s to read a request, 60 s to write a response, 120 s
// idle; headers above 64 KiB are refused with 431. A request with both Content-Length and
// Transfer-Encoding gets 400 BADREQUEST and its connection is closed (RFC 9112 §6.1).
// SIGINT and SIGTERM shut down gracefully: the listener closes and in-flight requests have
// -shutdown-timeout (15 s) to finish.
package server
