package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr/gateway"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/catalogtest"
	"github.com/apiswitch/errcode/middleware"
)

// same reports how got differs from want: status, every header, body bytes.
func same(t *testing.T, got, want *httptest.ResponseRecorder) {
	t.Helper()
	if got.Code != want.Code {
		t.Errorf("status %d, WriteError's %d", got.Code, want.Code)
	}
	if !reflect.DeepEqual(got.Header(), want.Header()) {
		t.Errorf("headers\n%v\nWriteError's\n%v", got.Header(), want.Header())
	}
	if got.Body.String() != want.Body.String() {
		t.Errorf("body %s, WriteError's %s", got.Body, want.Body)
	}
}

// answered is the error a gRPC server answers code with: the code, or INTERNAL_ERROR for a
// progress code, which is not an error.
func answered(c codes.Code) *codes.Error {
	if c.GRPCCode() == 0 {
		return codes.New(codes.InternalError)
	}
	return codes.New(c)
}

// TestWriteErrorIdentity sends every code in every language through a gRPC server and
// grpc-gateway, and compares the HTTP response with WriteError's for the same request:
// the gateway alone, and inside the middleware.
func TestWriteErrorIdentity(t *testing.T) {
	cat := catalog(t)
	cc := backend(t, cat, func(_ context.Context, name string) (string, error) {
		n, _ := strconv.Atoi(name)
		return "", codes.Wrap(errors.New("dial: "+secret), codes.Code(n))
	})
	mux := gatewayMux(t, cc, runtime.WithErrorHandler(gateway.ErrorHandler(cat, gateway.Middleware(quiet))))
	handlers := map[string]http.Handler{"alone": mux, "inside the middleware": middleware.New(cat, quiet)(mux)}
	for _, c := range codes.All() {
		for _, lang := range languages(t, cat) {
			for name, h := range handlers {
				t.Run(fmt.Sprintf("%s/%s/%s", c, lang, name), func(t *testing.T) {
					target := "/v1/apps/" + strconv.Itoa(int(c))
					got := serve(h, request(target, "Accept-Language", lang))
					same(t, got, writeError(cat, answered(c), request(target, "Accept-Language", lang)))
					if strings.Contains(got.Body.String()+fmt.Sprint(got.Header()), secret) {
						t.Errorf("the cause's secret reached the client: %v %s", got.Header(), got.Body)
					}
				})
			}
		}
	}
}

func languages(tb testing.TB, cat *i18n.Catalog) []string {
	var langs []string
	for _, tag := range cat.Languages() {
		langs = append(langs, tag.String())
	}
	return append(langs, catalogtest.Unserved(tb, cat, 1)...)
}

// TestWriteErrorCases compares the gateway with WriteError where the statuses, the
// language or the headers are not the plain ones.
func TestWriteErrorCases(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cat    func(testing.TB) *i18n.Catalog
		err    error  // what the gRPC handler returns
		want   error  // what WriteError is given
		target string // default /v1/apps/web
		header []string
		body   string // the body contains it
	}{
		{name: "502", cat: catalog, err: &codes.Error{Code: codes.InternalError, Status: 502, Cause: errors.New(secret)},
			want: &codes.Error{Code: codes.InternalError, Status: 502}},
		{name: "504 in English", cat: catalog, err: &codes.Error{Code: codes.InternalError, Status: 504},
			want: &codes.Error{Code: codes.InternalError, Status: 504}, header: []string{"Accept-Language", "en"}},
		{name: "422", cat: catalog, err: codes.DependsHasCycle, want: codes.DependsHasCycle},
		{name: "409 already exists", cat: catalog, err: codes.AppNameDuplicated, want: codes.AppNameDuplicated},
		{name: "409 aborted", cat: catalog, err: codes.VolExpandAlreadyExpanding, want: codes.VolExpandAlreadyExpanding},
		{name: "401", cat: catalog, err: codes.TokenInvalid, want: codes.TokenInvalid},
		{name: "lang query", cat: catalog, err: codes.AppNotFound, want: codes.AppNotFound,
			target: "/v1/apps/web?lang=en-US", header: []string{"Accept-Language", "zh-CN"}},
		{name: "two Accept-Language lines", cat: catalog, err: codes.AppNotFound, want: codes.AppNotFound,
			header: []string{"Accept-Language", "fr", "Accept-Language", "en"}},
		{name: "plain error", cat: catalog, err: errors.New(secret), want: codes.InternalError},
		{name: "panic", cat: catalog, err: nil, want: codes.InternalError},
		{name: "template data", cat: templateCatalog, err: codes.New(codes.AppNotFound).With("Name", "web").With("Replicas", 2),
			want: codes.New(codes.AppNotFound).With("Name", "web").With("Replicas", 2), header: []string{"Accept-Language", "en"},
			body: "The app web (2 replicas) was not found."},
		{name: "template data with HTML", cat: templateCatalog, err: codes.New(codes.AppNotFound).With("Name", "<b>&").With("Replicas", 2),
			want: codes.New(codes.AppNotFound).With("Name", "<b>&").With("Replicas", 2), body: `未找到应用 \u003cb\u003e\u0026（2 个实例）`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat := tc.cat(t)
			cc := backend(t, cat, func(context.Context, string) (string, error) {
				if tc.err == nil {
					panic(secret)
				}
				return "", tc.err
			})
			mux := gatewayMux(t, cc, runtime.WithErrorHandler(gateway.ErrorHandler(cat, gateway.Middleware(quiet))))
			target := tc.target
			if target == "" {
				target = "/v1/apps/web"
			}
			// An outer handler sets Vary: WriteError adds to it, here as there.
			ref := varyOrigin(middleware.New(cat, quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				middleware.WriteError(w, r, tc.want)
			})))
			for name, h := range map[string]http.Handler{"alone": mux, "inside the middleware": middleware.New(cat, quiet)(mux)} {
				got := serve(varyOrigin(h), request(target, tc.header...))
				want := serve(ref, request(target, tc.header...))
				t.Run(name, func(t *testing.T) { same(t, got, want) })
				if !strings.Contains(got.Body.String(), tc.body) {
					t.Errorf("%s: body %s, want it to contain %s", name, got.Body, tc.body)
				}
				if strings.Contains(got.Body.String()+fmt.Sprint(got.Header()), secret) {
					t.Errorf("%s: the secret reached the client: %v %s", name, got.Header(), got.Body)
				}
			}
		})
	}
}

// varyOrigin sets Vary: Origin, as a CORS handler would, before h answers.
func varyOrigin(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Vary", "Origin")
		h.ServeHTTP(w, r)
	})
}
