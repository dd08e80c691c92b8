package grpcerr_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
	"github.com/apiswitch/errcode/i18n"
)

// reports records what a Server tells OnError.
type reports struct {
	mu   sync.Mutex
	errs []error
}

func (r *reports) onError(_ context.Context, _ string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, err)
}

func (r *reports) list() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]error(nil), r.errs...)
}

// serve starts h behind a Server built with cat and opts, and returns a connection without
// client interceptors, so that tests see the wire as any client would, and the reports.
func serve(tb testing.TB, cat *i18n.Catalog, h testsvc.Handlers, opts ...grpcerr.Option) (*grpc.ClientConn, *reports) {
	tb.Helper()
	rep := new(reports)
	s := grpcerr.NewServer(cat, append([]grpcerr.Option{grpcerr.OnError(rep.onError)}, opts...)...)
	cc := testsvc.Start(tb, h, []grpc.ServerOption{
		grpc.ChainUnaryInterceptor(s.UnaryInterceptor()),
		grpc.ChainStreamInterceptor(s.StreamInterceptor()),
	})
	return cc, rep
}

// wire is everything a client receives about a failed call.
type wire struct {
	st               *status.Status
	header, trailer  metadata.MD
	info             *errdetails.ErrorInfo
	localized        *errdetails.LocalizedMessage
	statusBytes      []byte
	detailsUndecoded int
}

// received reads the wire of a call that ended with err. The details are decoded by
// grpc-go's Status.Details, not by the package under test.
func received(tb testing.TB, err error, header, trailer metadata.MD) wire {
	tb.Helper()
	st, ok := status.FromError(err)
	if !ok {
		tb.Fatalf("error %v (%T) is not a status", err, err)
	}
	w := wire{st: st, header: header, trailer: trailer}
	var merr error
	if w.statusBytes, merr = proto.Marshal(st.Proto()); merr != nil {
		tb.Fatal(merr)
	}
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			w.info = d
		case *errdetails.LocalizedMessage:
			w.localized = d
		default:
			w.detailsUndecoded++
		}
	}
	return w
}

// leaks returns where s appears on the wire: status message, details, header or trailer.
func (w wire) leaks(s string) []string {
	var where []string
	if strings.Contains(string(w.statusBytes), s) {
		where = append(where, "status")
	}
	for name, md := range map[string]metadata.MD{"header": w.header, "trailer": w.trailer} {
		for k, vs := range md {
			if strings.Contains(k, s) || strings.Contains(strings.Join(vs, "\n"), s) {
				where = append(where, name+" "+k)
			}
		}
	}
	return where
}

// call calls Get with an accept-language (none when lang is "") and returns the wire.
func call(tb testing.TB, cc *grpc.ClientConn, md metadata.MD) (error, wire) {
	tb.Helper()
	ctx := metadata.NewOutgoingContext(context.Background(), md)
	var header, trailer metadata.MD
	_, err := testsvc.CallGet(ctx, cc, "web", grpc.Header(&header), grpc.Trailer(&trailer))
	if err == nil {
		tb.Fatal("the call succeeded")
	}
	return err, received(tb, err, header, trailer)
}

func grpcHeader(md *metadata.MD) grpc.CallOption  { return grpc.Header(md) }
func grpcTrailer(md *metadata.MD) grpc.CallOption { return grpc.Trailer(md) }

const secret = testsvc.Secret

var (
	catalog         = testsvc.Catalog
	templateCatalog = testsvc.TemplateCatalog
)
