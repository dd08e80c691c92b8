package grpcerr_test

import (
	"context"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
)

// handBuilt is what a handler that does the work itself returns for APP_NOT_FOUND in
// zh-CN: the same status and details the interceptor sends.
func handBuilt() error {
	st, err := status.New(grpccodes.NotFound, "The app was not found.").WithDetails(
		&errdetails.ErrorInfo{Reason: "APP_NOT_FOUND", Domain: grpcerr.DefaultDomain, Metadata: map[string]string{"code": "10205"}},
		&errdetails.LocalizedMessage{Locale: "zh-CN", Message: "未找到应用"},
	)
	if err != nil {
		panic(err)
	}
	return st.Err()
}

// BenchmarkCall compares whole unary calls over an in-memory connection: an error through
// the interceptor against a handler returning the same status built by hand, and a
// success with and without the interceptor.
func BenchmarkCall(b *testing.B) {
	cat := catalog(b)
	s := grpcerr.NewServer(cat)
	with := []grpc.ServerOption{grpc.UnaryInterceptor(s.UnaryInterceptor())}
	// Any interceptor costs grpc-go an allocation (the UnaryServerInfo) and a closure.
	noop := []grpc.ServerOption{grpc.UnaryInterceptor(func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		return h(ctx, req)
	})}
	ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("accept-language", "zh-CN,zh;q=0.9,en;q=0.8"))
	for _, bc := range []struct {
		name string
		opts []grpc.ServerOption
		get  func(context.Context, string) (string, error)
		fail bool
	}{
		{"error/hand-built", nil, func(context.Context, string) (string, error) { return "", handBuilt() }, true},
		{"error/hand-built+trailer", nil, func(ctx context.Context, _ string) (string, error) {
			grpc.SetTrailer(ctx, metadata.Pairs("content-language", "zh-CN"))
			return "", handBuilt()
		}, true},
		{"error/interceptor", with, func(context.Context, string) (string, error) { return "", codes.AppNotFound }, true},
		{"success/bare", nil, func(_ context.Context, name string) (string, error) { return name, nil }, false},
		{"success/no-op interceptor", noop, func(_ context.Context, name string) (string, error) { return name, nil }, false},
		{"success/interceptor", with, func(_ context.Context, name string) (string, error) { return name, nil }, false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cc := testsvc.Start(b, testsvc.Handlers{Get: bc.get}, bc.opts)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := testsvc.CallGet(ctx, cc, "web"); (err != nil) != bc.fail {
					b.Fatal(err)
				}
			}
		})
	}
}

// stream is the server side of a call for the interceptor alone: it keeps header metadata
// as grpc-go does, joining copies.
type stream struct{ header, trailer metadata.MD }

func (s *stream) Method() string { return testsvc.Get }
func (s *stream) SetHeader(md metadata.MD) error {
	s.header = metadata.Join(s.header, md)
	return nil
}
func (s *stream) SendHeader(md metadata.MD) error { return s.SetHeader(md) }
func (s *stream) SetTrailer(md metadata.MD) error {
	s.trailer = metadata.Join(s.trailer, md)
	return nil
}

// BenchmarkInterceptor measures the interceptor alone, without the transport: an error
// against a handler that builds the same status itself (with and without setting the same
// trailer), and a success against the bare handler. The error cases make a call context
// with its transport stream each time, as grpc-go does; the success cases reuse one.
func BenchmarkInterceptor(b *testing.B) {
	cat := catalog(b)
	unary := grpcerr.NewServer(cat).UnaryInterceptor()
	info := &grpc.UnaryServerInfo{FullMethod: testsvc.Get}
	in := metadata.NewIncomingContext(context.Background(), metadata.Pairs("accept-language", "zh-CN,zh;q=0.9,en;q=0.8"))
	ok := func(context.Context, any) (any, error) { return "ok", nil }
	fail := func(context.Context, any) (any, error) { return nil, codes.AppNotFound }
	for _, bc := range []struct {
		name string
		call func(ctx context.Context) error
		fail bool
	}{
		{"error/hand-built", func(context.Context) error { return handBuilt() }, true},
		{"error/hand-built+trailer", func(ctx context.Context) error {
			grpc.SetTrailer(ctx, metadata.Pairs("content-language", "zh-CN"))
			return handBuilt()
		}, true},
		{"error/interceptor", func(ctx context.Context) error {
			_, err := unary(ctx, nil, info, fail)
			return err
		}, true},
		{"success/bare", func(ctx context.Context) error {
			_, err := ok(ctx, nil)
			return err
		}, false},
		{"success/interceptor", func(ctx context.Context) error {
			_, err := unary(ctx, nil, info, ok)
			return err
		}, false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ctx := grpc.NewContextWithServerTransportStream(in, &stream{})
			b.ReportAllocs()
			for b.Loop() {
				if bc.fail {
					ctx = grpc.NewContextWithServerTransportStream(in, &stream{})
				}
				if err := bc.call(ctx); (err != nil) != bc.fail {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode measures a Client's decoding of a received status.
func BenchmarkDecode(b *testing.B) {
	err := handBuilt()
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := codes.From(grpcerr.Decode(err)); !ok {
			b.Fatal("not decoded")
		}
	}
}

// BenchmarkPaired times the interceptor and its baseline in turns within one loop, each
// first every other time, so that the load of a shared machine falls on both alike; it
// reports each one's time per call
// and their ratio (the allocations are those of the pair: see BenchmarkCall and
// BenchmarkInterceptor for each alone).
func BenchmarkPaired(b *testing.B) {
	cat := catalog(b)
	s := grpcerr.NewServer(cat)
	with := []grpc.ServerOption{grpc.UnaryInterceptor(s.UnaryInterceptor())}
	ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("accept-language", "zh-CN,zh;q=0.9,en;q=0.8"))
	call := func(opts []grpc.ServerOption, get func(context.Context, string) (string, error)) func() error {
		cc := testsvc.Start(b, testsvc.Handlers{Get: get}, opts)
		return func() error {
			_, err := testsvc.CallGet(ctx, cc, "web")
			return err
		}
	}
	unary := s.UnaryInterceptor()
	info := &grpc.UnaryServerInfo{FullMethod: testsvc.Get}
	in := metadata.NewIncomingContext(context.Background(), metadata.Pairs("accept-language", "zh-CN,zh;q=0.9,en;q=0.8"))
	direct := func(f func(context.Context) error) func() error {
		return func() error { return f(grpc.NewContextWithServerTransportStream(in, &stream{})) }
	}
	echo := func(_ context.Context, name string) (string, error) { return name, nil }
	for _, bc := range []struct {
		name       string
		base, ours func() error
	}{
		{"call/error", call(nil, func(context.Context, string) (string, error) { return "", handBuilt() }),
			call(with, func(context.Context, string) (string, error) { return "", codes.AppNotFound })},
		{"call/success", call(nil, echo), call(with, echo)},
		{"interceptor/error", direct(func(context.Context) error { return handBuilt() }),
			direct(func(ctx context.Context) error {
				_, err := unary(ctx, nil, info, func(context.Context, any) (any, error) { return nil, codes.AppNotFound })
				return err
			})},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var took [2]time.Duration // base, ours
			run := [2]func() error{bc.base, bc.ours}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				first := i & 1
				t0 := time.Now()
				run[first]()
				t1 := time.Now()
				run[1-first]()
				took[first] += t1.Sub(t0)
				took[1-first] += time.Since(t1)
			}
			base, ours := took[0], took[1]
			n := float64(b.N)
			b.ReportMetric(float64(base.Nanoseconds())/n, "base-ns/op")
			b.ReportMetric(float64(ours.Nanoseconds())/n, "ours-ns/op")
			b.ReportMetric(float64(ours)/float64(base), "ratio")
		})
	}
}
