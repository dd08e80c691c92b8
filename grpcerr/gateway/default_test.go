package gateway_test

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/gateway"
)

// TestOtherStatuses checks that statuses without our details get grpc-gateway's default
// answer, byte for byte, except that UNAUTHENTICATED's message never becomes
// WWW-Authenticate.
func TestOtherStatuses(t *testing.T) {
	cat := catalog(t)
	otherDomain, _ := status.New(grpccodes.NotFound, "no app").WithDetails(
		&errdetails.ErrorInfo{Reason: "APP_NOT_FOUND", Domain: "example.com", Metadata: map[string]string{"code": "10205"}})
	for _, tc := range []struct {
		name      string
		err       error
		header    metadata.MD // the handler sets it
		challenge []string    // WWW-Authenticate; nil: the default's
		prior     []string    // WWW-Authenticate set before the gateway answers
	}{
		{name: "not found", err: status.Error(grpccodes.NotFound, "no such shelf")},
		{name: "unavailable", err: status.Error(grpccodes.Unavailable, "try later")},
		{name: "another domain", err: otherDomain.Err()},
		{name: "unauthenticated", err: status.Error(grpccodes.Unauthenticated, "token "+secret+" expired"), challenge: []string{"Bearer"}},
		{name: "unauthenticated, empty", err: status.Error(grpccodes.Unauthenticated, ""), challenge: []string{"Bearer"}},
		{name: "unauthenticated, a challenge set before", err: status.Error(grpccodes.Unauthenticated, secret),
			prior: []string{`Basic realm="apps"`}, challenge: []string{`Basic realm="apps"`}},
		{name: "unauthenticated, a challenge from metadata", err: status.Error(grpccodes.Unauthenticated, secret),
			header: metadata.Pairs("www-authenticate", `Bearer realm="apps"`), challenge: []string{`Bearer realm="apps"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := grpcerr.NewServer(cat, grpcerr.OnError(func(context.Context, string, error) {}))
			cc := startRaw(t, s, func(ctx context.Context, _ string) (string, error) {
				if tc.header != nil {
					grpc.SetHeader(ctx, tc.header)
				}
				return "", tc.err
			})
			// Forward www-authenticate metadata as the header, as a gateway may be told to.
			match := runtime.WithOutgoingHeaderMatcher(func(k string) (string, bool) {
				if k == "www-authenticate" {
					return "WWW-Authenticate", true
				}
				return runtime.DefaultHeaderMatcher(k)
			})
			ours := gatewayMux(t, cc, match, runtime.WithErrorHandler(gateway.ErrorHandler(cat)))
			def := gatewayMux(t, cc, match)
			withPrior := func(h http.Handler) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if tc.prior != nil {
						w.Header()["Www-Authenticate"] = append([]string(nil), tc.prior...)
					}
					h.ServeHTTP(w, r)
				})
			}
			got := serve(withPrior(ours), request("/v1/apps/web", "Accept-Language", "en"))
			want := serve(withPrior(def), request("/v1/apps/web", "Accept-Language", "en"))
			if tc.challenge != nil {
				if c := got.Header()["Www-Authenticate"]; !reflect.DeepEqual(c, tc.challenge) {
					t.Errorf("WWW-Authenticate = %q, want %q", c, tc.challenge)
				}
				got.Header().Del("Www-Authenticate")
				want.Header().Del("Www-Authenticate")
			}
			if got.Code != want.Code || !reflect.DeepEqual(got.Header(), want.Header()) || got.Body.String() != want.Body.String() {
				t.Errorf("got %d %v %s\nthe default handler's %d %v %s", got.Code, got.Header(), got.Body, want.Code, want.Header(), want.Body)
			}
			if strings.Contains(strings.Join(got.Header()["Www-Authenticate"], ","), secret) {
				t.Error("the status message is in WWW-Authenticate")
			}
		})
	}
}
