// Package gateway answers grpc-gateway's errors as API Switch's HTTP middleware answers
// its own: an HTTP client cannot tell a gRPC back end behind grpc-gateway from an HTTP one.
//
//	mux := runtime.NewServeMux(runtime.WithErrorHandler(gateway.ErrorHandler(cat)))
//
// For a status that carries an ErrorInfo of the domain (the statuses of a grpcerr.Server),
// the response is exactly what middleware.WriteError writes for the same code, template
// data and HTTP status override, for the same request: status, body bytes, Content-Type,
// Content-Language, Vary, Cache-Control, X-Content-Type-Options and WWW-Authenticate on
// 401. So the statuses are those of HTTP handlers: 422 for a stack file with a cycle, 409
// for a wrong state, 403 for a quota, 502 for an unreachable back end, where grpc-gateway's
// default handler answers 400, 400, 429 and 503. The language is negotiated from the HTTP request
// as the middleware does (?lang=, then Accept-Language), and the message rendered from the
// gateway's catalog with the template data the status carries as text. When the gateway's
// mux runs inside middleware.New, that middleware writes the error, with its options;
// otherwise the handler writes it through a middleware of its own, configured with the
// Middleware option. Like WriteError, the response carries no Grpc-Metadata-* headers:
// the back end's metadata stays in the back end.
//
// Any other error gets runtime.DefaultHTTPErrorHandler's answer, byte for byte, except
// that an UNAUTHENTICATED status's message, which the default handler copies into
// WWW-Authenticate, is replaced by the challenges the response had before, or Bearer:
// a message is neither a challenge nor safe in a header.
//
// Errors in the middle of a server stream are grpc-gateway's stream error handler's to
// answer: the status, with its details, in the stream.
//
// This package imports grpc-gateway; package grpcerr does not, so that users of the
// interceptors do not pay for it.
package gateway
