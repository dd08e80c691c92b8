// Package middleware answers API Switch errors in the caller's language on net/http:
// handlers' own errors, errors written by handlers that know only the codes (back ends
// behind a reverse proxy), and panics.
//
// An error response's body is
//
//	{"Code":10205,"Message":"未找到应用"}
//
// # Use
//
// New builds the middleware once from a catalog; it is a func(http.Handler) http.Handler,
// so it plugs into http.ServeMux, chi and gorilla/mux unchanged:
//
//	cat, err := i18n.New(locales.FS)
//	...
//	http.ListenAndServe(addr, middleware.New(cat)(mux))
//
// Per request it chooses a language once: the query parameter lang when the catalog has
// that language (see Query), else the catalog's negotiation of every Accept-Language line.
// LocalizerFrom gives handlers that choice. Every response whose body the middleware
// localizes carries Content-Language with the chosen tag, and Vary gets Accept-Language
// added to the values it has (never replacing them, never twice, not beside "*").
//
// # Typed errors
//
// A handler answers with WriteError(w, r, err). The status is the code's, or the Status of
// a *codes.Error (a gateway answers INTERNAL_ERROR with 502 that way); the body has Code and
// Message in that order and nothing else unless Members adds more; the headers are
// Content-Type: application/json, Cache-Control: no-store, X-Content-Type-Options:
// nosniff, and on a 401 a WWW-Authenticate challenge (Bearer error="invalid_token" for
// TOKEN_INVALID) unless the handler set one. Template data of a *codes.Error fills the
// message. An error that carries no code becomes 500 INTERNAL_ERROR. Bodies are encoded by
// encoding/json (with its HTML escaping); a message without data is rendered and encoded
// once per catalog version, language and code, then reused.
//
// Data changes nothing in a message that has no placeholders in the request's language:
// WriteError and the fill path then send the cached body, without rendering it again.
//
// Without the middleware on the request, WriteError uses a catalog of the embedded locales
// (locales.FS), built on first use and announced once in the log: a handler tested alone
// still answers correctly, but a server that loads other files must put the middleware on
// every route. WriteErrorFor writes the same body for a Localizer the caller chose (a
// grpc-gateway error handler), and Localize returns the code, status and message for code
// that writes its own bodies.
//
// # Filling what inner handlers write
//
// When an inner handler, an httputil.ReverseProxy for one, answers with a status from 300
// to 599 (not 304), a JSON content type (application/json or application/*+json), no
// Content-Encoding, no Trailer, a request that is not HEAD and a Content-Length, if any,
// of at most MaxBody, the middleware holds the body. When the handler returns, if the body
// is one JSON object with exactly one Code member, an integer of a known code, and a
// Message member that is missing, "" or null, the middleware fills Message in the
// request's language (inserting it right after Code when missing), keeps every other byte
// of the body as it was, corrects Content-Length if it was set, and adds Content-Language
// and Vary. Values are never decoded, so numbers keep their precision.
//
// Everything else passes through byte for byte: 1XX and 2XX responses (never held),
// other content types, encoded bodies, HEAD, 304, bodies that outgrow MaxBody (what was
// held is sent unchanged and the rest streams), a Message already written (see Overwrite),
// invalid JSON, a body whose declared length is not its length, duplicate Code or Message
// members, and unknown codes, which are also reported to OnError.
//
// The body's other top-level members are the message's template data: strings, numbers
// (with their text, so 9007199254740993 stays exact) and booleans, by their names, so
// {"Code":10205,"Name":"web"} fills a message "The app {{.Name}} was not found." as "The
// app web was not found.". Null, objects and arrays are not template values.
//
// A filled body has the language's Content-Language and Vary, and loses the ETag,
// Content-MD5, Digest, Repr-Digest and Content-Digest of the bytes it replaced (they differ
// from its own and per language; Last-Modified stays). A body WriteError or the panic 500
// writes drops the headers the handler set for another body: Content-Encoding,
// Content-Length, Content-Range, ETag, Last-Modified, Content-MD5, Digest, Repr-Digest,
// Content-Digest, Content-Disposition and Trailer; the panic 500 also drops Set-Cookie and
// Location.
//
// # Reverse proxies
//
// ModifyResponse is the fill path for an httputil.ReverseProxy inside the middleware. It
// fills the back end's error body before anything is sent, also when it is compressed
// (gzip, deflate, br; decoding is bounded by MaxBody, and a body that decodes to more, a
// decompression bomb, passes through untouched), and returns read errors to the proxy's
// ErrorHandler. The client's Accept-Encoding goes upstream as it came; a filled body is
// encoded again in a coding the client accepts.
//
// Headers an inner handler changes after WriteHeader, which net/http ignores, take effect
// for a held body.
//
// # Streaming
//
// The writer inner handlers get implements Flush, Hijack and Unwrap, so http.Flusher,
// http.Hijacker and http.ResponseController (deadlines, full duplex) reach the underlying
// writer, and it keeps io.ReaderFrom for bodies that pass through. A Flush while a body is
// held waits for the body to be complete; a Hijack sends a held body first.
//
// # Panics
//
// A panic in an inner handler is reported to OnError as a *PanicError with its stack, and
// becomes 500 INTERNAL_ERROR, localized, if no status has reached the client (a held body
// is dropped). After the status was sent nothing more is written: the middleware panics
// with http.ErrAbortHandler so that net/http aborts the response instead of ending a
// truncated body as if it were whole. http.ErrAbortHandler itself is re-panicked, after
// any held body. Neither the panic value nor the stack ever reaches the client.
//
// # Operators
//
// OnError (by default LogTo(nil): a log/slog record with the method and path, never the
// query) is told what clients must not see: causes, errors without codes, 5XX answers,
// panics and unknown codes. It runs on the request's goroutine.
//
// Observe is told each request's Outcome once its response is complete: the status, the
// code and language of the error body the middleware wrote, filled or read, the bytes
// written, whether it was aborted or hijacked, and the duration. An access log records
// those without reading any body back.
package middleware
