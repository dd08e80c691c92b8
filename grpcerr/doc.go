// Package grpcerr gives gRPC services the codes and localized messages of API Switch,
// following Google's AIP-193: server interceptors that turn a handler's error into a
// status with ErrorInfo and LocalizedMessage details, and client interceptors that send
// the caller's language and turn such a status back into an error that errors.Is and
// codes.From understand. Package gateway answers the same statuses over HTTP through
// grpc-gateway exactly as the middleware does.
//
// Only importers of this package pay for gRPC: codes, i18n and middleware do not depend
// on it.
//
// # Server
//
// Build a Server once from a catalog and install both interceptors:
//
//	errs := grpcerr.NewServer(cat, grpcerr.Domain("apps.example.com"))
//	srv := grpc.NewServer(
//		grpc.ChainUnaryInterceptor(errs.UnaryInterceptor()),
//		grpc.ChainStreamInterceptor(errs.StreamInterceptor()),
//	)
//
// Handlers return errors as HTTP handlers do: codes.AppNotFound, or
// codes.Wrap(err, codes.VolCreateFailed).With("Name", name). When a handler returns an
// error that carries a code (codes.From finds one), the client receives a status with
//
//   - the code's gRPC code from the code table (codes.Code.GRPCCode): NOT_FOUND for
//     APP_NOT_FOUND;
//   - as its message, for developers and in English as AIP-193 asks, the catalog's English
//     message: "The app was not found.";
//   - google.rpc.ErrorInfo{reason: "APP_NOT_FOUND", domain, metadata: {"code": "10205",
//     and each template data value as text}};
//   - google.rpc.LocalizedMessage{locale: "zh-CN", message: "未找到应用"}, the message in
//     the caller's language, to show to the user;
//   - and trailer metadata content-language: zh-CN. It is in the trailer, with the status
//     it describes: an error response stays one trailers-only frame, and a stream that
//     has sent messages can no longer change its header.
//
// Template data travels in the ErrorInfo metadata under its own keys, so that it comes
// back as the template's fields: AIP-193 asks for lowerCamelCase keys, which a template
// gets by naming its fields so ({{.name}}). Values are sent as text/template prints them.
// Template data is part of the client's message: never put secrets in it.
//
// The language is negotiated only when a handler fails, so a call that succeeds costs
// nothing more. It comes from the incoming metadata accept-language (every value, as
// several header lines), else grpcgateway-accept-language (what grpc-gateway forwards
// from Accept-Language), both through the catalog's negotiation (i18n.Catalog.Localizer),
// the same as over HTTP; else the key named by LangKey ("lang" by default), a tag the
// catalog must have (i18n.Catalog.LocalizerFor); else the default language.
//
// The cause and any text wrapped around the code never reach the client: OnError (by
// default LogTo(nil), a log/slog record on slog.Default()) is told instead, as it is of
// INTERNAL answers.
//
// # Other errors
//
//   - An error without a code becomes INTERNAL with the details of INTERNAL_ERROR,
//     localized; its text goes to OnError.
//   - A panic becomes the same INTERNAL status; the value and stack go to OnError as a
//     *PanicError, and the server goes on serving.
//   - A status error that is not ours (an error with a GRPCStatus method, such as
//     status.Error) passes through unchanged, details and all. Wrapped in other text,
//     its status is sent as it was made, without the wrapping text, which goes to OnError:
//     grpc-go would send all of err.Error() as the message.
//   - context.Canceled and context.DeadlineExceeded, wrapped or not, become CANCELLED and
//     DEADLINE_EXCEEDED with the context's own message, as grpc-go does, but without the
//     wrapping text.
//   - A progress code (VOL_EXT_CONTINUE, VOL_EXP_WAIT, VOL_EXP_READY: gRPC OK in the code
//     table) is not an error, and a gRPC status with code OK cannot carry one. A handler
//     reports progress in its response; a progress code returned as an error is a bug and
//     becomes INTERNAL_ERROR, reported to OnError.
//   - A code this program does not know becomes INTERNAL_ERROR, reported.
//
// The Status of a codes.Error, which overrides the HTTP status, also chooses the gRPC code
// when it is one a gateway answers: 502 and 503 give UNAVAILABLE, 504 DEADLINE_EXCEEDED,
// 429 RESOURCE_EXHAUSTED, 501 UNIMPLEMENTED, any other 5XX INTERNAL; other overrides keep
// the code's gRPC code. An override travels in the ErrorInfo metadata as "http-status",
// so that package gateway answers with it: INTERNAL_ERROR with Status 502 is UNAVAILABLE
// over gRPC and 502 over HTTP.
//
// # Client
//
// A Client's interceptors send accept-language and decode errors:
//
//	c := grpcerr.NewClient(grpcerr.Language("en-US"))
//	cc, err := grpc.NewClient(target,
//		grpc.WithChainUnaryInterceptor(c.UnaryInterceptor()),
//		grpc.WithChainStreamInterceptor(c.StreamInterceptor()), ...)
//
// The language sent is the call's own accept-language metadata if it has one, else the
// context's (WithLanguage), else the Language option's; else none is sent, and servers
// answer in their default language. An error whose status carries an ErrorInfo of the
// client's domain comes back as a *Remote: errors.Is(err, codes.AppNotFound) and
// codes.From(err) work as on a local error, codes.From gives the template data (as text)
// and the HTTP status override, Remote.Message is the server's localized message, and
// status.Code(err) and status.FromError(err) see the status as it was received. Decode
// does the same for errors obtained otherwise.
//
// A reason means something only in its domain, so servers and clients must agree on
// Domain; the default is DefaultDomain.
//
// # Cost
//
// A call that succeeds goes through the interceptor without allocating. A failed call's
// status is rendered and marshaled once per catalog version, language, code and HTTP
// status override, then shared: a *status.Status is immutable, and grpc-go only reads it.
// Errors with template data are built each time. See BENCHMARKS.md.
package grpcerr
