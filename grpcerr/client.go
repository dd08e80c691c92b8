package grpcerr

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
)

// A Client is the calling side: its interceptors send the caller's language and decode the
// statuses of a Server into *Remote errors. It is safe for concurrent use.
type Client struct {
	opts options
}

// NewClient returns a Client. Of the options, Domain and Language apply.
func NewClient(opts ...Option) *Client {
	return &Client{opts: newOptions(opts)}
}

// UnaryInterceptor returns the interceptor for unary calls, for
// grpc.WithChainUnaryInterceptor.
func (c *Client) UnaryInterceptor() grpc.UnaryClientInterceptor { return c.unary }

// StreamInterceptor returns the interceptor for streaming calls, for
// grpc.WithChainStreamInterceptor. Errors of the stream's RecvMsg, SendMsg and Header are
// decoded.
func (c *Client) StreamInterceptor() grpc.StreamClientInterceptor { return c.stream }

// Decode returns a *Remote for err when err is, or wraps, a gRPC status that carries an
// ErrorInfo of the client's domain, and err unchanged otherwise: other statuses, io.EOF
// and nil. The interceptors call it on every error.
func (c *Client) Decode(err error) error { return decode(err, c.opts.domain) }

func (c *Client) unary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return c.Decode(invoker(c.outgoing(ctx), method, req, reply, cc, opts...))
}

func (c *Client) stream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	cs, err := streamer(c.outgoing(ctx), desc, cc, method, opts...)
	if err != nil {
		return nil, c.Decode(err)
	}
	return &clientStream{ClientStream: cs, c: c}, nil
}

// outgoing returns ctx with the accept-language to send: none added if the outgoing
// metadata has one, else the context's (WithLanguage), else the Language option's.
func (c *Client) outgoing(ctx context.Context) context.Context {
	if len(metadata.ValueFromOutgoingContext(ctx, keyAcceptLanguage)) > 0 {
		return ctx
	}
	lang, _ := ctx.Value(langKey{}).(string)
	if lang == "" {
		lang = c.opts.lang
	}
	if lang == "" {
		return ctx
	}
	return metadata.AppendToOutgoingContext(ctx, keyAcceptLanguage, lang)
}

type langKey struct{}

// WithLanguage returns a context whose calls through a Client send acceptLanguage, an
// Accept-Language value such as "en-US" or "zh-CN,zh;q=0.9,en;q=0.8", unless their
// outgoing metadata has an accept-language already. A server behind the HTTP middleware
// passes on its caller's choice with WithLanguage(ctx, loc.String()), loc from
// middleware.LocalizerFrom.
func WithLanguage(ctx context.Context, acceptLanguage string) context.Context {
	return context.WithValue(ctx, langKey{}, acceptLanguage)
}

// A clientStream decodes the errors of a stream.
type clientStream struct {
	grpc.ClientStream
	c *Client
}

func (s *clientStream) RecvMsg(m any) error { return s.c.Decode(s.ClientStream.RecvMsg(m)) }

func (s *clientStream) SendMsg(m any) error { return s.c.Decode(s.ClientStream.SendMsg(m)) }

func (s *clientStream) Header() (metadata.MD, error) {
	md, err := s.ClientStream.Header()
	return md, s.c.Decode(err)
}
