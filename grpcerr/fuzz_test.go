package grpcerr_test

import (
	"errors"
	"fmt"
	"strconv"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
)

// reference decodes a status as the package documents it, written separately: grpc-go's
// Status.Details decodes the details, strconv reads the numbers.
func reference(st *status.Status) (e *codes.Error, locale, msg string) {
	var localizedSeen bool
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			if e == nil && d.Domain == grpcerr.DefaultDomain {
				e = referenceInfo(d)
			}
		case *errdetails.LocalizedMessage:
			if !localizedSeen {
				locale, msg, localizedSeen = d.Locale, d.Message, true
			}
		}
	}
	return e, locale, msg
}

func referenceInfo(info *errdetails.ErrorInfo) *codes.Error {
	canonical := func(s string, digits int) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n > 0 && len(s) <= digits && strconv.Itoa(n) == s
	}
	e := &codes.Error{}
	if v, ok := info.Metadata["code"]; ok {
		n, ok := canonical(v, 9)
		if !ok || info.Reason == "" {
			return nil
		}
		e.Code = codes.Code(n)
		byName, named := codes.ByName(info.Reason)
		if e.Code.Known() && e.Code.String() != info.Reason || named && byName != e.Code {
			return nil
		}
	} else {
		c, ok := codes.ByName(info.Reason)
		if !ok {
			return nil
		}
		e.Code = c
	}
	if n, ok := canonical(info.Metadata["http-status"], 3); ok && n >= 100 && n <= 599 {
		e.Status = n
	}
	for k, v := range info.Metadata {
		if k != "code" && k != "http-status" {
			e = e.With(k, v)
		}
	}
	return e
}

// FuzzDecode decodes arbitrary google.rpc.Status messages, details included, and compares
// Decode with the reference.
func FuzzDecode(f *testing.F) {
	seed := func(details ...proto.Message) {
		p := &spb.Status{Code: 5, Message: "not found"}
		for _, d := range details {
			a, _ := anypb.New(d)
			p.Details = append(p.Details, a)
		}
		b, _ := proto.Marshal(p)
		f.Add(b)
	}
	for _, c := range codes.All() {
		seed(info(c.String(), "code", strconv.Itoa(int(c)), "Name", "web"), localized("en-US", c.String()))
	}
	seed(info("INTERNAL_ERROR", "code", "10004", "http-status", "502"))
	seed(info("NEW_CODE", "code", "99999"))
	seed(info("APP_NOT_FOUND"), localized("zh-CN", "未找到应用"), localized("en-US", "x"))
	seed(&errdetails.ResourceInfo{ResourceName: "x"}, info("APP_NOT_FOUND", "code", "10204"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var p spb.Status
		if proto.Unmarshal(b, &p) != nil {
			return
		}
		compare(t, status.FromProto(&p))
	})
}

// FuzzDecodeInfo decodes statuses made of arbitrary ErrorInfo and LocalizedMessage
// fields, which reach the decoder's own parsing more often than arbitrary bytes do.
func FuzzDecodeInfo(f *testing.F) {
	f.Add("APP_NOT_FOUND", grpcerr.DefaultDomain, "10205", "", "Name", "web", "zh-CN", "未找到应用")
	f.Add("INTERNAL_ERROR", grpcerr.DefaultDomain, "10004", "502", "code", "x", "en-US", "An internal error occurred.")
	f.Add("NEW_CODE", grpcerr.DefaultDomain, "99999", "0502", "http-status", "", "", "")
	f.Add("APP_NOT_FOUND", "example.com", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, reason, domain, code, httpStatus, key, value, locale, msg string) {
		md := map[string]string{key: value}
		if code != "" {
			md["code"] = code
		}
		if httpStatus != "" {
			md["http-status"] = httpStatus
		}
		p := &spb.Status{Code: 5, Message: "m"}
		for _, d := range []proto.Message{
			&errdetails.ErrorInfo{Reason: reason, Domain: domain, Metadata: md},
			&errdetails.LocalizedMessage{Locale: locale, Message: msg},
		} {
			a, err := anypb.New(d)
			if err != nil {
				return // invalid UTF-8: no server can send it
			}
			p.Details = append(p.Details, a)
		}
		compare(t, status.FromProto(p))
	})
}

// compare checks Decode against the reference on the error of st.
func compare(t *testing.T, st *status.Status) {
	t.Helper()
	err := st.Err()
	got := grpcerr.Decode(err)
	want, locale, msg := reference(st)
	var r *grpcerr.Remote
	if !errors.As(got, &r) {
		if want != nil && err != nil {
			t.Fatalf("Decode did not decode %v; the reference gives %+v", st.Proto(), want)
		}
		if got != err {
			t.Fatalf("Decode changed an error it did not decode")
		}
		return
	}
	if want == nil {
		t.Fatalf("Decode gives %+v; the reference decodes nothing from %v", r.Err, st.Proto())
	}
	if r.Err.Code != want.Code || r.Err.Status != want.Status || fmt.Sprint(r.Err.Data) != fmt.Sprint(want.Data) ||
		r.Locale != locale || r.Message != msg {
		t.Fatalf("Decode = %+v %q %q, reference %+v %q %q", r.Err, r.Locale, r.Message, want, locale, msg)
	}
	if r.GRPCStatus() != st || !errors.Is(got, r.Err.Code) {
		t.Fatalf("the Remote does not keep its status or code")
	}
	if e, ok := codes.From(got); !ok || e != r.Err {
		t.Fatalf("codes.From(Remote) = %v, %v", e, ok)
	}
}
