package grpcerr_test

import (
	"context"
	"errors"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
)

// TestStream checks a streaming handler's errors and panics, before and after it has sent
// messages (and so its header).
func TestStream(t *testing.T) {
	cat := catalog(t)
	for _, tc := range []struct {
		name  string
		sends int
		fail  func() error
		code  codes.Code
		panic bool
	}{
		{"error first", 0, func() error { return codes.Wrap(errors.New(secret), codes.StackNotFound) }, codes.StackNotFound, false},
		{"error after messages", 2, func() error { return codes.Wrap(errors.New(secret), codes.DependsHasCycle) }, codes.DependsHasCycle, false},
		{"plain error after messages", 1, func() error { return errors.New(secret) }, codes.InternalError, false},
		{"panic first", 0, func() error { panic(secret) }, codes.InternalError, true},
		{"panic after messages", 2, func() error { panic(errors.New(secret)) }, codes.InternalError, true},
	} {
		for _, lang := range languages(t, cat) {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				cc, rep := serve(t, cat, testsvc.Handlers{Watch: func(ctx context.Context, name string, send func(string) error) error {
					for range tc.sends {
						if err := send(name); err != nil {
							return err
						}
					}
					return tc.fail()
				}})
				ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("accept-language", lang))
				var header, trailer metadata.MD
				got, err := testsvc.CallWatch(ctx, cc, "web", grpc.Header(&header), grpc.Trailer(&trailer))
				if len(got) != tc.sends {
					t.Errorf("received %d messages, want %d", len(got), tc.sends)
				}
				w := received(t, err, header, trailer)
				check(t, cat, w, tc.code, lang)
				if where := w.leaks(secret); len(where) > 0 {
					t.Errorf("the secret is on the wire: %v", where)
				}
				if !errors.Is(grpcerr.Decode(err), tc.code) {
					t.Errorf("errors.Is(Decode(%v), %s) = false", err, tc.code)
				}
				reports := rep.list()
				var pe *grpcerr.PanicError
				if len(reports) != 1 || errors.As(reports[0], &pe) != tc.panic {
					t.Errorf("OnError told %v, want one report (a panic: %v)", reports, tc.panic)
				}
				if tc.panic && (pe == nil || len(pe.Stack) == 0) {
					t.Errorf("PanicError without its stack: %+v", pe)
				}
			})
		}
	}
}

// TestUnaryPanic checks that a panic becomes the localized INTERNAL status, and that the
// server keeps serving.
func TestUnaryPanic(t *testing.T) {
	cat := catalog(t)
	cc, rep := serve(t, cat, testsvc.Handlers{Get: func(_ context.Context, name string) (string, error) {
		if name == "panic" {
			panic("key " + secret)
		}
		return "ok", nil
	}})
	for _, lang := range languages(t, cat) {
		ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("accept-language", lang))
		var header, trailer metadata.MD
		_, err := testsvc.CallGet(ctx, cc, "panic", grpc.Header(&header), grpc.Trailer(&trailer))
		w := received(t, err, header, trailer)
		check(t, cat, w, codes.InternalError, lang)
		if where := w.leaks(secret); len(where) > 0 {
			t.Errorf("the panic value is on the wire: %v", where)
		}
		if got, err := testsvc.CallGet(ctx, cc, "again"); got != "ok" || err != nil {
			t.Errorf("after a panic: %q, %v", got, err)
		}
	}
	var pe *grpcerr.PanicError
	if got := rep.list(); len(got) != len(languages(t, cat)) || !errors.As(got[0], &pe) || pe.Value != "key "+secret {
		t.Errorf("OnError told %v, want each panic with its value", got)
	}
}

// TestSuccess checks that a call that succeeds is untouched: its response, no
// content-language, nothing reported.
func TestSuccess(t *testing.T) {
	cat := catalog(t)
	cc, rep := serve(t, cat, testsvc.Handlers{
		Get: func(_ context.Context, name string) (string, error) { return "hello " + name, nil },
		Watch: func(_ context.Context, name string, send func(string) error) error {
			return send("hello " + name)
		},
	})
	ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("accept-language", "en"))
	var header, trailer metadata.MD
	got, err := testsvc.CallGet(ctx, cc, "web", grpc.Header(&header), grpc.Trailer(&trailer))
	if got != "hello web" || err != nil || len(header.Get("content-language")) > 0 || len(trailer.Get("content-language")) > 0 {
		t.Errorf("Get = %q, %v, header %v, trailer %v", got, err, header, trailer)
	}
	msgs, err := testsvc.CallWatch(ctx, cc, "web", grpc.Header(&header), grpc.Trailer(&trailer))
	if len(msgs) != 1 || msgs[0] != "hello web" || err != nil || len(header.Get("content-language")) > 0 || len(trailer.Get("content-language")) > 0 {
		t.Errorf("Watch = %q, %v, header %v, trailer %v", msgs, err, header, trailer)
	}
	if r := rep.list(); len(r) != 0 {
		t.Errorf("OnError told %v", r)
	}
}
