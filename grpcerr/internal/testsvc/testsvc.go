// Package testsvc is a gRPC service for tests, written by hand as protoc-gen-go-grpc would
// generate it, so that tests need no generated code: a unary method Get and a
// server-streaming method Watch, both taking and returning google.protobuf.StringValue.
package testsvc

import (
	"context"
	"errors"
	"io"
	"net"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

// Full method names.
const (
	Service = "apiswitch.test.Apps"
	Get     = "/" + Service + "/Get"
	Watch   = "/" + Service + "/Watch"
)

// Handlers are the service's methods. Watch sends with send.
type Handlers struct {
	Get   func(ctx context.Context, name string) (string, error)
	Watch func(ctx context.Context, name string, send func(string) error) error
}

type server interface{ handlers() Handlers }

func (h Handlers) handlers() Handlers { return h }

// Desc is the service's description, as a generated _grpc.pb.go file declares it.
var Desc = grpc.ServiceDesc{
	ServiceName: Service,
	HandlerType: (*server)(nil),
	Methods: []grpc.MethodDesc{{
		MethodName: "Get",
		Handler: func(srv any, ctx context.Context, dec func(any) error, interceptor grpc.UnaryServerInterceptor) (any, error) {
			in := new(wrapperspb.StringValue)
			if err := dec(in); err != nil {
				return nil, err
			}
			call := func(ctx context.Context, req any) (any, error) {
				out, err := srv.(server).handlers().Get(ctx, req.(*wrapperspb.StringValue).GetValue())
				if err != nil {
					return nil, err
				}
				return wrapperspb.String(out), nil
			}
			if interceptor == nil {
				return call(ctx, in)
			}
			return interceptor(ctx, in, &grpc.UnaryServerInfo{Server: srv, FullMethod: Get}, call)
		},
	}},
	Streams: []grpc.StreamDesc{{
		StreamName:    "Watch",
		ServerStreams: true,
		Handler: func(srv any, stream grpc.ServerStream) error {
			in := new(wrapperspb.StringValue)
			if err := stream.RecvMsg(in); err != nil {
				return err
			}
			send := func(s string) error { return stream.SendMsg(wrapperspb.String(s)) }
			return srv.(server).handlers().Watch(stream.Context(), in.GetValue(), send)
		},
	}},
}

// Start serves h over an in-memory connection with the given server options and returns a
// client connection with the given dial options. Both are closed when the test ends.
func Start(tb testing.TB, h Handlers, sopts []grpc.ServerOption, dopts ...grpc.DialOption) *grpc.ClientConn {
	tb.Helper()
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(sopts...)
	srv.RegisterService(&Desc, h)
	go srv.Serve(lis)
	dopts = append([]grpc.DialOption{
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	}, dopts...)
	cc, err := grpc.NewClient("passthrough:///bufnet", dopts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		cc.Close()
		srv.Stop()
	})
	return cc
}

// CallGet calls Get.
func CallGet(ctx context.Context, cc grpc.ClientConnInterface, name string, opts ...grpc.CallOption) (string, error) {
	out := new(wrapperspb.StringValue)
	err := cc.Invoke(ctx, Get, wrapperspb.String(name), out, opts...)
	return out.GetValue(), err
}

// CallWatch calls Watch and returns what it received until the stream ended, and the
// error that ended it (nil for a clean end).
func CallWatch(ctx context.Context, cc grpc.ClientConnInterface, name string, opts ...grpc.CallOption) ([]string, error) {
	stream, err := cc.NewStream(ctx, &Desc.Streams[0], Watch, opts...)
	if err != nil {
		return nil, err
	}
	if err := stream.SendMsg(wrapperspb.String(name)); err != nil {
		return nil, err
	}
	if err := stream.CloseSend(); err != nil {
		return nil, err
	}
	var got []string
	for {
		out := new(wrapperspb.StringValue)
		err := stream.RecvMsg(out)
		if errors.Is(err, io.EOF) {
			return got, nil
		}
		if err != nil {
			return got, err
		}
		got = append(got, out.GetValue())
	}
}
