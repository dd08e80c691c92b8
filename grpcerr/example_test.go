package grpcerr_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// A gRPC server whose handler returns a code with a cause, and a client that asks for
// English. testsvc stands for the code protoc-gen-go-grpc generates.
func Example() {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		panic(err)
	}
	// The server: both interceptors. The cause goes to the log, never to the client.
	errs := grpcerr.NewServer(cat, grpcerr.OnError(grpcerr.LogTo(exampleLogger())))
	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(errs.UnaryInterceptor()),
		grpc.ChainStreamInterceptor(errs.StreamInterceptor()),
	)
	srv.RegisterService(&testsvc.Desc, testsvc.Handlers{
		Get: func(ctx context.Context, name string) (string, error) {
			return "", codes.Wrap(errors.New("sql: no rows in result set"), codes.AppNotFound)
		},
	})
	lis := bufconn.Listen(1 << 20)
	go srv.Serve(lis)
	defer srv.Stop()

	// The client: it sends accept-language and decodes errors.
	c := grpcerr.NewClient(grpcerr.Language("en-US"))
	cc, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithChainUnaryInterceptor(c.UnaryInterceptor()),
		grpc.WithChainStreamInterceptor(c.StreamInterceptor()),
	)
	if err != nil {
		panic(err)
	}
	defer cc.Close()

	_, err = testsvc.CallGet(context.Background(), cc, "web")
	fmt.Println(errors.Is(err, codes.AppNotFound), status.Code(err))
	var remote *grpcerr.Remote
	if errors.As(err, &remote) {
		fmt.Println(remote.Locale, remote.Message)
	}
	// A context's language comes before the client's.
	_, err = testsvc.CallGet(grpcerr.WithLanguage(context.Background(), "zh-CN"), cc, "web")
	if errors.As(err, &remote) {
		fmt.Println(remote.Locale, remote.Message)
	}
	// Output:
	// level=WARN msg="grpcerr: error status" method=/apiswitch.test.Apps/Get error="APP_NOT_FOUND (10205): sql: no rows in result set"
	// true NotFound
	// en-US The app was not found.
	// level=WARN msg="grpcerr: error status" method=/apiswitch.test.Apps/Get error="APP_NOT_FOUND (10205): sql: no rows in result set"
	// zh-CN 未找到应用
}

// exampleLogger logs to standard output without times, so that the example's output is
// stable.
func exampleLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
}

// What a status carries, as any gRPC client sees it without this package.
func Example_details() {
	cat, _ := i18n.New(locales.FS)
	errs := grpcerr.NewServer(cat)
	srv := grpc.NewServer(grpc.UnaryInterceptor(errs.UnaryInterceptor()))
	srv.RegisterService(&testsvc.Desc, testsvc.Handlers{
		Get: func(ctx context.Context, name string) (string, error) {
			return "", codes.New(codes.VolExpandBadVolStatus).With("Volume", name)
		},
	})
	lis := bufconn.Listen(1 << 20)
	go srv.Serve(lis)
	defer srv.Stop()
	cc, _ := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	defer cc.Close()

	var trailer metadata.MD
	_, err := testsvc.CallGet(context.Background(), cc, "data", grpc.Trailer(&trailer))
	st := status.Convert(err)
	fmt.Println(st.Code(), st.Message())
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			fmt.Println("ErrorInfo:", d.Reason, d.Domain, d.Metadata)
		case *errdetails.LocalizedMessage:
			fmt.Println("LocalizedMessage:", d.Locale, d.Message)
		}
	}
	fmt.Println("content-language:", trailer.Get("content-language"))
	// Output:
	// FailedPrecondition The volume cannot be expanded in its current state.
	// ErrorInfo: VOL_EXT_BAD_VOL_STATUS github.com/apiswitch/errcode map[Volume:data code:10318]
	// LocalizedMessage: zh-CN 云硬盘当前状态不支持扩容操作
	// content-language: [zh-CN]
}
