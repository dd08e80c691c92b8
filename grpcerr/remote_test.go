package grpcerr_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
)

// info is an ErrorInfo of the default domain.
func info(reason string, md ...string) *errdetails.ErrorInfo {
	e := &errdetails.ErrorInfo{Reason: reason, Domain: grpcerr.DefaultDomain, Metadata: map[string]string{}}
	for i := 0; i+1 < len(md); i += 2 {
		e.Metadata[md[i]] = md[i+1]
	}
	return e
}

func localized(locale, msg string) *errdetails.LocalizedMessage {
	return &errdetails.LocalizedMessage{Locale: locale, Message: msg}
}

// statusWith returns a NotFound status error with the details.
func statusWith(t *testing.T, details ...any) error {
	t.Helper()
	p := status.New(grpccodes.NotFound, "not found").Proto()
	for _, d := range details {
		switch d := d.(type) {
		case *anypb.Any:
			p.Details = append(p.Details, d)
		case proto.Message:
			a, err := anypb.New(d)
			if err != nil {
				t.Fatal(err)
			}
			p.Details = append(p.Details, a)
		}
	}
	return status.FromProto(p).Err()
}

// TestDecode checks which statuses Decode accepts and what it reads from them.
func TestDecode(t *testing.T) {
	garbage := &anypb.Any{TypeUrl: "type.googleapis.com/google.rpc.ErrorInfo", Value: []byte{0xff, 0xff}}
	other := info("APP_NOT_FOUND", "code", "10205")
	other.Domain = "example.com"
	for _, tc := range []struct {
		name    string
		details []any
		want    *codes.Error // nil: not decoded
		locale  string
	}{
		{"ours", []any{info("APP_NOT_FOUND", "code", "10205"), localized("en-US", "The app was not found.")},
			&codes.Error{Code: codes.AppNotFound}, "en-US"},
		{"data and status", []any{info("INTERNAL_ERROR", "code", "10004", "http-status", "502", "Name", "web")},
			&codes.Error{Code: codes.InternalError, Status: 502, Data: map[string]any{"Name": "web"}}, ""},
		{"no number, known reason", []any{info("APP_NOT_FOUND")}, &codes.Error{Code: codes.AppNotFound}, ""},
		{"no number, unknown reason", []any{info("NEW_CODE")}, nil, ""},
		{"number and reason disagree", []any{info("APP_NOT_FOUND", "code", "10204")}, nil, ""},
		{"known reason, unknown number", []any{info("APP_NOT_FOUND", "code", "99999")}, nil, ""},
		{"unknown number from a newer server", []any{info("NEW_CODE", "code", "99999")}, &codes.Error{Code: 99999}, ""},
		{"number without reason", []any{info("", "code", "10205")}, nil, ""},
		{"leading zero", []any{info("APP_NOT_FOUND", "code", "010205")}, nil, ""},
		{"sign", []any{info("APP_NOT_FOUND", "code", "+10205")}, nil, ""},
		{"negative", []any{info("X", "code", "-1")}, nil, ""},
		{"zero", []any{info("X", "code", "0")}, nil, ""},
		{"space", []any{info("APP_NOT_FOUND", "code", "10205 ")}, nil, ""},
		{"too long", []any{info("X", "code", "1234567890")}, nil, ""},
		{"empty number", []any{info("APP_NOT_FOUND", "code", "")}, nil, ""},
		{"bad statuses are dropped", []any{info("APP_NOT_FOUND", "code", "10205", "http-status", "600")}, &codes.Error{Code: codes.AppNotFound}, ""},
		{"status with a leading zero", []any{info("APP_NOT_FOUND", "code", "10205", "http-status", "0502")}, &codes.Error{Code: codes.AppNotFound}, ""},
		{"other domain", []any{other}, nil, ""},
		{"other domain first", []any{other, info("STACK_NOT_FOUND", "code", "10603")}, &codes.Error{Code: codes.StackNotFound}, ""},
		{"first of ours wins", []any{info("STACK_NOT_FOUND"), info("APP_NOT_FOUND")}, &codes.Error{Code: codes.StackNotFound}, ""},
		{"inconsistent first is skipped", []any{info("STACK_NOT_FOUND", "code", "1"), info("APP_NOT_FOUND")}, &codes.Error{Code: codes.AppNotFound}, ""},
		{"garbage detail skipped", []any{garbage, info("APP_NOT_FOUND")}, &codes.Error{Code: codes.AppNotFound}, ""},
		{"first LocalizedMessage", []any{localized("zh-CN", "未找到应用"), info("APP_NOT_FOUND"), localized("en-US", "x")},
			&codes.Error{Code: codes.AppNotFound}, "zh-CN"},
		{"LocalizedMessage alone", []any{localized("zh-CN", "未找到应用")}, nil, ""},
		{"no details", nil, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := statusWith(t, tc.details...)
			got := grpcerr.Decode(err)
			var r *grpcerr.Remote
			if !errors.As(got, &r) {
				if tc.want != nil {
					t.Fatalf("Decode = %v, want %+v", got, tc.want)
				}
				if got != err {
					t.Errorf("Decode changed an error it does not decode: %v", got)
				}
				return
			}
			if tc.want == nil {
				t.Fatalf("Decode = %+v, want it unchanged", r.Err)
			}
			if r.Err.Code != tc.want.Code || r.Err.Status != tc.want.Status || fmt.Sprint(r.Err.Data) != fmt.Sprint(tc.want.Data) {
				t.Errorf("Decode = %+v, want %+v", r.Err, tc.want)
			}
			if r.Locale != tc.locale {
				t.Errorf("Locale = %q, want %q", r.Locale, tc.locale)
			}
			if r.GRPCStatus() != status.Convert(err) {
				t.Error("GRPCStatus is not the status received")
			}
		})
	}
}

// TestDecodeOthers checks errors that are not statuses, and statuses already decoded.
func TestDecodeOthers(t *testing.T) {
	ours := statusWith(t, info("APP_NOT_FOUND"))
	decoded := grpcerr.Decode(ours)
	for _, tc := range []struct {
		name string
		err  error
		same bool // Decode returns err itself
	}{
		{"nil", nil, true},
		{"io.EOF", io.EOF, true},
		{"plain", errors.New("x"), true},
		{"a code", codes.AppNotFound, true},
		{"decoded", decoded, true},
		{"wrapped decoded", fmt.Errorf("x: %w", decoded), true},
		{"wrapped status", fmt.Errorf("x: %w", ours), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := grpcerr.Decode(tc.err)
			if (got == tc.err) != tc.same {
				t.Errorf("Decode(%v) = %v, want it unchanged: %v", tc.err, got, tc.same)
			}
			if !tc.same && !errors.Is(got, codes.AppNotFound) {
				t.Errorf("Decode(%v) = %v, not decoded", tc.err, got)
			}
		})
	}
}

// TestRemoteByHand checks that a Remote a test builds without a status still prints.
func TestRemoteByHand(t *testing.T) {
	for _, r := range []*grpcerr.Remote{{}, {Err: codes.New(codes.AppNotFound)}} {
		if got := r.Error(); got == "" {
			t.Errorf("%#v.Error() is empty", r)
		}
		if errors.Is(r, codes.AppNotFound) != (r.Err != nil) {
			t.Errorf("errors.Is(%#v, APP_NOT_FOUND) is wrong", r)
		}
	}
}
