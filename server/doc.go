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
// until the message files change. An unknown code is 404 ITEM_NOT_FOUND; another method
// than GET or HEAD is BADREQUEST with status 405.
//
// # Gateway
//
// With -upstream URL, every other path is reverse-proxied to the back end, untouched. A
// non-2XX JSON body with a Code and no Message gets the Message filled in the client's
// language; every other response passes through. A back end that cannot be reached, or
// that drops the connection before answering, gets 502 with INTERNAL_ERROR (10004): the
// code table has no gateway code, and INTERNAL_ERROR's generic message is what a client
// should see; the cause is logged. A back end that does not answer its headers within 30 s
// gets 504 with the same code. Without -upstream other paths are 404 ITEM_NOT_FOUND.
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
// One log line per request (method, path, status, code, lang, duration), as text or JSON
// (-log-format). Timeouts: 5 s to read headers, 30 s to read a request, 60 s to write a
// response, 120 s idle; headers above 64 KiB are refused with 431. SIGINT and SIGTERM shut
// down gracefully: the listener closes and in-flight requests have -shutdown-timeout
// (15 s) to finish.
package server
