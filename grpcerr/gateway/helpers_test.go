package gateway_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"

	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

var quiet = middleware.OnError(func(*http.Request, error) {})

// backend serves get behind a grpcerr.Server and returns a connection to it.
func backend(tb testing.TB, cat *i18n.Catalog, get func(context.Context, string) (string, error)) *grpc.ClientConn {
	tb.Helper()
	s := grpcerr.NewServer(cat, grpcerr.OnError(func(context.Context, string, error) {}))
	return testsvc.Start(tb, testsvc.Handlers{Get: get}, []grpc.ServerOption{grpc.UnaryInterceptor(s.UnaryInterceptor())})
}

// gatewayMux returns a grpc-gateway mux that routes GET /v1/apps/{name} to the Get method of
// cc, as the code protoc-gen-grpc-gateway generates does.
func gatewayMux(tb testing.TB, cc *grpc.ClientConn, opts ...runtime.ServeMuxOption) *runtime.ServeMux {
	tb.Helper()
	mux := runtime.NewServeMux(opts...)
	const pattern = "/v1/apps/{name}"
	err := mux.HandlePath(http.MethodGet, pattern, func(w http.ResponseWriter, req *http.Request, params map[string]string) {
		ctx, cancel := context.WithCancel(req.Context())
		defer cancel()
		_, outbound := runtime.MarshalerForRequest(mux, req)
		annotated, err := runtime.AnnotateContext(ctx, mux, req, testsvc.Get, runtime.WithHTTPPathPattern(pattern))
		if err != nil {
			runtime.HTTPError(ctx, mux, outbound, w, req, err)
			return
		}
		var md runtime.ServerMetadata
		out, err := testsvc.CallGet(annotated, cc, params["name"], grpc.Header(&md.HeaderMD), grpc.Trailer(&md.TrailerMD))
		annotated = runtime.NewServerMetadataContext(annotated, md)
		if err != nil {
			runtime.HTTPError(annotated, mux, outbound, w, req, err)
			return
		}
		w.Write([]byte(out))
	})
	if err != nil {
		tb.Fatal(err)
	}
	return mux
}

// request is a GET of target with the headers, as pairs.
func request(target string, header ...string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// writeError is the reference: middleware.New(cat) around a handler calling
// middleware.WriteError(err), the same code as any HTTP handler of the API.
func writeError(cat *i18n.Catalog, err error, r *http.Request) *httptest.ResponseRecorder {
	h := middleware.New(cat, quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		middleware.WriteError(w, r, err)
	}))
	return serve(h, r)
}

// startRaw serves get behind s and returns a connection to it.
func startRaw(tb testing.TB, s *grpcerr.Server, get func(context.Context, string) (string, error)) *grpc.ClientConn {
	tb.Helper()
	return testsvc.Start(tb, testsvc.Handlers{Get: get}, []grpc.ServerOption{grpc.UnaryInterceptor(s.UnaryInterceptor())})
}

const secret = testsvc.Secret

var (
	catalog         = testsvc.Catalog
	templateCatalog = testsvc.TemplateCatalog
)
