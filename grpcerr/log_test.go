package grpcerr_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"google.golang.org/grpc"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
)

// TestLogTo checks the default report: level Error for what the server answers INTERNAL
// or 5XX and for panics, Warn for the rest; the method; the whole error text; the stack of
// a panic.
func TestLogTo(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error // nil: panic
		level string
		text  string // in the logged error
	}{
		{"plain", errors.New(secret), "ERROR", secret},
		{"cause of a client error", codes.Wrap(errors.New(secret), codes.AppNotFound), "WARN", secret},
		{"internal code", codes.VolCreateFailed, "ERROR", "VOL_CREATE_FAILED"},
		{"502", &codes.Error{Code: codes.InternalError, Status: 502}, "ERROR", "INTERNAL_ERROR"},
		{"progress code", codes.VolExplorerReady, "ERROR", "VOL_EXP_READY reports progress"},
		{"wrapped status", fmt.Errorf("%s: %w", secret, foreign(t).Err()), "WARN", secret},
		{"deadline", fmt.Errorf("%s: %w", secret, context.DeadlineExceeded), "WARN", secret},
		{"panic", nil, "ERROR", secret},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			s := grpcerr.NewServer(catalog(t), grpcerr.OnError(grpcerr.LogTo(slog.New(slog.NewJSONHandler(&buf, nil)))))
			cc := testsvc.Start(t, testsvc.Handlers{Get: func(context.Context, string) (string, error) {
				if tc.err == nil {
					panic(secret)
				}
				return "", tc.err
			}}, []grpc.ServerOption{grpc.UnaryInterceptor(s.UnaryInterceptor())})
			testsvc.CallGet(context.Background(), cc, "web")
			var rec struct {
				Level, Method, Error, Stack string
			}
			if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
				t.Fatalf("%v: %s", err, buf.Bytes())
			}
			if rec.Level != tc.level || rec.Method != testsvc.Get || !strings.Contains(rec.Error, tc.text) {
				t.Errorf("logged %+v, want level %s, the method and the error", rec, tc.level)
			}
			if (rec.Stack != "") != (tc.err == nil) {
				t.Errorf("stack %q for a panic: %v", rec.Stack, tc.err == nil)
			}
		})
	}
}
