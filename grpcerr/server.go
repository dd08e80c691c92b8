package grpcerr

import (
	"context"
	"runtime/debug"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/vcache"
)

// A Server turns the errors of gRPC handlers into localized statuses (see the package
// documentation). Build it once with NewServer and install both interceptors. It is safe
// for concurrent use.
type Server struct {
	cat      *i18n.Catalog
	opts     options
	md       mdCache
	statuses vcache.Cache[statusKey, *status.Status] // of problems without data
}

// NewServer returns a Server that localizes with cat. It panics if cat is nil.
func NewServer(cat *i18n.Catalog, opts ...Option) *Server {
	if cat == nil {
		panic("grpcerr: NewServer with a nil catalog")
	}
	return &Server{cat: cat, opts: newOptions(opts)}
}

// UnaryInterceptor returns the interceptor for unary calls, for grpc.ChainUnaryInterceptor.
func (s *Server) UnaryInterceptor() grpc.UnaryServerInterceptor { return s.unary }

// StreamInterceptor returns the interceptor for streaming calls, for
// grpc.ChainStreamInterceptor.
func (s *Server) StreamInterceptor() grpc.StreamServerInterceptor { return s.stream }

func (s *Server) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
	defer func() {
		if v := recover(); v != nil {
			resp, err = nil, s.fail(ctx, nil, info.FullMethod, &PanicError{Value: v, Stack: debug.Stack()})
		}
	}()
	resp, err = handler(ctx, req)
	if err != nil {
		return nil, s.fail(ctx, nil, info.FullMethod, err)
	}
	return resp, nil
}

func (s *Server) stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = s.fail(ss.Context(), ss, info.FullMethod, &PanicError{Value: v, Stack: debug.Stack()})
		}
	}()
	if err = handler(srv, ss); err != nil {
		return s.fail(ss.Context(), ss, info.FullMethod, err)
	}
	return nil
}

// fail answers err, the error of a unary handler (ss nil) or of a streaming one: it tells
// OnError what operators must see, builds the status the client receives and, when that
// status is localized, sets content-language.
func (s *Server) fail(ctx context.Context, ss grpc.ServerStream, method string, err error) error {
	a := classify(err)
	if a.report != nil {
		s.opts.onError(ctx, method, a.report)
	}
	if !a.localize {
		return a.err
	}
	loc := s.localizer(ctx)
	setTrailer(ctx, ss, s.md.get(loc.String()))
	return s.status(loc, a.problem).Err()
}

// setTrailer sets md in the trailer, which carries the status. In the header it would
// cost a frame of its own, where an error is otherwise one trailers-only frame, and a
// stream that has sent messages has sent its header.
func setTrailer(ctx context.Context, ss grpc.ServerStream, md metadata.MD) {
	if ss == nil {
		grpc.SetTrailer(ctx, md)
		return
	}
	ss.SetTrailer(md)
}
