package grpcerr_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
	"github.com/apiswitch/errcode/i18n"
)

// foreign is a status another library built, with a detail of its own.
func foreign(t *testing.T) *status.Status {
	st, err := status.New(grpccodes.NotFound, "no such shelf").WithDetails(&errdetails.ResourceInfo{ResourceName: "shelves/1"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestOtherErrors checks what a client receives for errors that are not plain codes.
func TestOtherErrors(t *testing.T) {
	cat := catalog(t)
	md := metadata.Pairs("accept-language", "en-US")
	for _, tc := range []struct {
		name     string
		err      error
		want     *status.Status // the status as received; nil for the localized status of code
		code     codes.Code
		reported bool
	}{
		{name: "plain error", err: errors.New("open /etc/" + secret), code: codes.InternalError, reported: true},
		{name: "wrapped plain error", err: fmt.Errorf("load: %w", errors.New(secret)), code: codes.InternalError, reported: true},
		{name: "progress code", err: codes.VolExpandContinue, code: codes.InternalError, reported: true},
		{name: "progress code with a cause", err: codes.Wrap(errors.New(secret), codes.VolExplorerReady), code: codes.InternalError, reported: true},
		{name: "unknown code", err: codes.Code(1), code: codes.InternalError, reported: true},
		{name: "zero Error", err: &codes.Error{}, code: codes.InternalError, reported: true},
		{name: "code, no cause", err: codes.AppNotFound, code: codes.AppNotFound},
		{name: "wrapped code", err: fmt.Errorf("handler %s: %w", secret, codes.AppStateError), code: codes.AppStateError, reported: true},
		{name: "internal code", err: codes.VolCreateFailed, code: codes.VolCreateFailed, reported: true},
		{name: "foreign status", err: foreign(t).Err(), want: foreign(t)},
		{name: "foreign status wrapped", err: fmt.Errorf("inventory %s: %w", secret, foreign(t).Err()), want: foreign(t), reported: true},
		{name: "deadline", err: fmt.Errorf("query %s: %w", secret, context.DeadlineExceeded),
			want: status.New(grpccodes.DeadlineExceeded, "context deadline exceeded"), reported: true},
		{name: "canceled", err: fmt.Errorf("query %s: %w", secret, context.Canceled),
			want: status.New(grpccodes.Canceled, "context canceled"), reported: true},
		{name: "status OK as an error", err: okStatusError{}, code: codes.InternalError, reported: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cc, rep := serve(t, cat, testsvc.Handlers{Get: func(context.Context, string) (string, error) { return "", tc.err }})
			_, w := call(t, cc, md)
			if tc.want != nil {
				if !proto.Equal(w.st.Proto(), tc.want.Proto()) {
					t.Errorf("status = %v, want %v unchanged", w.st.Proto(), tc.want.Proto())
				}
				if got := w.trailer.Get("content-language"); len(got) != 0 {
					t.Errorf("content-language %q on a status that is not localized", got)
				}
			} else {
				check(t, cat, w, tc.code, "en-US")
			}
			if where := w.leaks(secret); len(where) > 0 {
				t.Errorf("the secret is on the wire: %v", where)
			}
			if got := rep.list(); (len(got) == 1) != tc.reported || len(got) > 1 || tc.reported && !errors.Is(got[0], tc.err) {
				t.Errorf("OnError told %v, want the error reported: %v", got, tc.reported)
			}
		})
	}
}

// okStatusError is an error whose status is OK, which cannot be sent as an error.
type okStatusError struct{}

func (okStatusError) Error() string              { return "ok?" }
func (okStatusError) GRPCStatus() *status.Status { return status.New(grpccodes.OK, "") }

// TestOverride checks a codes.Error whose Status overrides the code's HTTP status: the
// gRPC code follows the status, and the status travels in the metadata for a gateway.
func TestOverride(t *testing.T) {
	cat := catalog(t)
	for _, tc := range []struct {
		err      *codes.Error
		want     grpccodes.Code
		metadata string // http-status; "" for none
	}{
		{&codes.Error{Code: codes.InternalError, Status: 502}, grpccodes.Unavailable, "502"},
		{&codes.Error{Code: codes.InternalError, Status: 503}, grpccodes.Unavailable, "503"},
		{&codes.Error{Code: codes.InternalError, Status: 504}, grpccodes.DeadlineExceeded, "504"},
		{&codes.Error{Code: codes.InternalError, Status: 500}, grpccodes.Internal, ""},
		{&codes.Error{Code: codes.AppNotFound, Status: 404}, grpccodes.NotFound, ""},
		{&codes.Error{Code: codes.QuotaExceed, Status: 429}, grpccodes.ResourceExhausted, "429"},
		{&codes.Error{Code: codes.Forbidden, Status: 501}, grpccodes.Unimplemented, "501"},
		{&codes.Error{Code: codes.AppNotFound, Status: 507}, grpccodes.Internal, "507"},
		{&codes.Error{Code: codes.AppNotFound, Status: 410}, grpccodes.NotFound, "410"},
		{&codes.Error{Status: 502}, grpccodes.Unavailable, "502"},
		{&codes.Error{Code: codes.VolExpandContinue, Status: 502}, grpccodes.Internal, ""},
	} {
		t.Run(fmt.Sprintf("%s/%d", tc.err.Code, tc.err.Status), func(t *testing.T) {
			cc, _ := serve(t, cat, testsvc.Handlers{Get: func(context.Context, string) (string, error) { return "", tc.err }})
			err, w := call(t, cc, nil)
			if w.st.Code() != tc.want {
				t.Errorf("code = %v, want %v", w.st.Code(), tc.want)
			}
			got, ok := w.info.GetMetadata()[grpcerr.KeyHTTPStatus]
			if got != tc.metadata || ok != (tc.metadata != "") {
				t.Errorf("metadata http-status = %q, %v, want %q", got, ok, tc.metadata)
			}
			e, _ := codes.From(grpcerr.Decode(err))
			if want := fmt.Sprint(e.Status); tc.metadata != "" && want != tc.metadata || tc.metadata == "" && e.Status != 0 {
				t.Errorf("decoded Status = %d, want %q", e.Status, tc.metadata)
			}
		})
	}
}

// TestData checks that template data fills the messages and travels in the metadata.
func TestData(t *testing.T) {
	cat := templateCatalog(t)
	err := codes.New(codes.AppNotFound).With("Name", "web").With("Replicas", 3).
		With(grpcerr.KeyCode, "not a number").With(grpcerr.KeyHTTPStatus, "200")
	cc, _ := serve(t, cat, testsvc.Handlers{Get: func(context.Context, string) (string, error) { return "", err }})
	for _, lang := range []string{"zh-CN", "en-US"} {
		got, w := call(t, cc, metadata.Pairs("accept-language", lang))
		if want := cat.Localizer(lang).Message(codes.AppNotFound, err.Data); w.localized.GetMessage() != want {
			t.Errorf("%s: LocalizedMessage %q, want %q", lang, w.localized.GetMessage(), want)
		}
		if want := "The app web (3 replicas) was not found."; w.st.Message() != want {
			t.Errorf("status message %q, want %q", w.st.Message(), want)
		}
		wantMD := map[string]string{"code": "10205", "Name": "web", "Replicas": "3"}
		if !equalMaps(w.info.GetMetadata(), wantMD) {
			t.Errorf("metadata = %v, want %v", w.info.GetMetadata(), wantMD)
		}
		e, _ := codes.From(grpcerr.Decode(got))
		if want := map[string]any{"Name": "web", "Replicas": "3"}; fmt.Sprint(e.Data) != fmt.Sprint(want) || e.Status != 0 {
			t.Errorf("decoded Data %v Status %d, want %v and 0", e.Data, e.Status, want)
		}
		// Text data renders as the values did.
		if again := cat.Localizer(lang).Message(codes.AppNotFound, e.Data); again != w.localized.GetMessage() {
			t.Errorf("re-rendered from the decoded data: %q, want %q", again, w.localized.GetMessage())
		}
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestNoEnglish checks the status message of a catalog without English: the code's name,
// never another language.
func TestNoEnglish(t *testing.T) {
	cat, err := i18n.New(fstest.MapFS{"zh-CN.toml": {Data: []byte("APP_NOT_FOUND = \"未找到应用\"\n")}})
	if err != nil {
		t.Fatal(err)
	}
	cc, _ := serve(t, cat, testsvc.Handlers{Get: func(context.Context, string) (string, error) { return "", codes.AppNotFound }})
	_, w := call(t, cc, metadata.Pairs("accept-language", "en"))
	if w.st.Message() != "APP_NOT_FOUND" || w.localized.GetLocale() != "zh-CN" || w.localized.GetMessage() != "未找到应用" {
		t.Errorf("status %q, LocalizedMessage %v", w.st.Message(), w.localized)
	}
}
