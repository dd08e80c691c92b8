package grpcerr_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"google.golang.org/grpc"
	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
)

// dial starts h behind a Server with serverOpts and returns a connection through a Client
// with clientOpts.
func dial(t *testing.T, h testsvc.Handlers, serverOpts, clientOpts []grpcerr.Option) *grpc.ClientConn {
	t.Helper()
	s := grpcerr.NewServer(catalog(t), append([]grpcerr.Option{grpcerr.OnError(new(reports).onError)}, serverOpts...)...)
	c := grpcerr.NewClient(clientOpts...)
	return testsvc.Start(t, h, []grpc.ServerOption{
		grpc.UnaryInterceptor(s.UnaryInterceptor()),
		grpc.StreamInterceptor(s.StreamInterceptor()),
	}, grpc.WithUnaryInterceptor(c.UnaryInterceptor()), grpc.WithStreamInterceptor(c.StreamInterceptor()))
}

// TestClientLanguage checks which accept-language a Client sends.
func TestClientLanguage(t *testing.T) {
	echo := testsvc.Handlers{Get: func(ctx context.Context, _ string) (string, error) {
		return strings.Join(metadata.ValueFromIncomingContext(ctx, "accept-language"), "|"), nil
	}}
	for _, tc := range []struct {
		name string
		opts []grpcerr.Option
		ctx  func(context.Context) context.Context
		want string
	}{
		{"nothing", nil, nil, ""},
		{"option", []grpcerr.Option{grpcerr.Language("en-US")}, nil, "en-US"},
		{"context", nil, func(ctx context.Context) context.Context { return grpcerr.WithLanguage(ctx, "zh-CN,zh;q=0.9") }, "zh-CN,zh;q=0.9"},
		{"context over option", []grpcerr.Option{grpcerr.Language("en-US")},
			func(ctx context.Context) context.Context { return grpcerr.WithLanguage(ctx, "fr") }, "fr"},
		{"metadata over both", []grpcerr.Option{grpcerr.Language("en-US")},
			func(ctx context.Context) context.Context {
				return metadata.AppendToOutgoingContext(grpcerr.WithLanguage(ctx, "fr"), "Accept-Language", "zh-CN")
			}, "zh-CN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cc := dial(t, echo, nil, tc.opts)
			ctx := context.Background()
			if tc.ctx != nil {
				ctx = tc.ctx(ctx)
			}
			if got, err := testsvc.CallGet(ctx, cc, ""); got != tc.want || err != nil {
				t.Errorf("the server received accept-language %q (%v), want %q", got, err, tc.want)
			}
		})
	}
}

// TestClientDecodes checks that errors from calls through a Client are *Remote: errors.Is
// and codes.From see the code, status.Code the status as received.
func TestClientDecodes(t *testing.T) {
	h := testsvc.Handlers{
		Get: func(context.Context, string) (string, error) { return "", codes.AppNotFound },
		Watch: func(_ context.Context, _ string, send func(string) error) error {
			send("one")
			return codes.New(codes.VolUnavailable).With("Name", "data")
		},
	}
	cc := dial(t, h, nil, []grpcerr.Option{grpcerr.Language("en-US")})
	_, err := testsvc.CallGet(context.Background(), cc, "web")
	var r *grpcerr.Remote
	if !errors.As(err, &r) || !errors.Is(err, codes.AppNotFound) || status.Code(err) != grpccodes.NotFound {
		t.Fatalf("Get: %#v", err)
	}
	if r.Locale != "en-US" || r.Message != "The app was not found." {
		t.Errorf("Remote %q %q", r.Locale, r.Message)
	}
	if st, ok := status.FromError(err); !ok || st != r.GRPCStatus() || len(st.Details()) != 2 {
		t.Errorf("status.FromError = %v, %v", st, ok)
	}
	if want := "rpc error: code = NotFound desc = The app was not found."; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	msgs, err := testsvc.CallWatch(context.Background(), cc, "web")
	if e, ok := codes.From(err); len(msgs) != 1 || !ok || e.Code != codes.VolUnavailable || e.Data["Name"] != "data" {
		t.Errorf("Watch = %q, %#v", msgs, err)
	}
}

// TestDomain checks that a Client decodes only statuses of its own domain.
func TestDomain(t *testing.T) {
	notFound := testsvc.Handlers{Get: func(context.Context, string) (string, error) { return "", codes.AppNotFound }}
	for _, tc := range []struct {
		name           string
		server, client []grpcerr.Option
		decoded        bool
	}{
		{"defaults", nil, nil, true},
		{"same", []grpcerr.Option{grpcerr.Domain("apps.example.com")}, []grpcerr.Option{grpcerr.Domain("apps.example.com")}, true},
		{"server only", []grpcerr.Option{grpcerr.Domain("apps.example.com")}, nil, false},
		{"client only", nil, []grpcerr.Option{grpcerr.Domain("apps.example.com")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cc := dial(t, notFound, tc.server, tc.client)
			_, err := testsvc.CallGet(context.Background(), cc, "web")
			if errors.Is(err, codes.AppNotFound) != tc.decoded || status.Code(err) != grpccodes.NotFound {
				t.Errorf("err = %v: decoded %v, want %v", err, !tc.decoded, tc.decoded)
			}
		})
	}
}
