package gateway_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/gateway"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// A gRPC server behind grpc-gateway: HTTP clients get the same responses as from
// middleware.WriteError, with the statuses grpc-gateway cannot map (422 here).
func Example() {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		panic(err)
	}
	// The gRPC server, with grpcerr's interceptors.
	errs := grpcerr.NewServer(cat)
	srv := grpc.NewServer(grpc.ChainUnaryInterceptor(errs.UnaryInterceptor()))
	srv.RegisterService(&testsvc.Desc, testsvc.Handlers{
		Get: func(ctx context.Context, name string) (string, error) {
			if name == "cyclic" {
				return "", codes.DependsHasCycle
			}
			return "", codes.AppNotFound
		},
	})
	lis := bufconn.Listen(1 << 20)
	go srv.Serve(lis)
	defer srv.Stop()
	cc, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	defer cc.Close()

	// The gateway, with the error handler.
	mux := runtime.NewServeMux(runtime.WithErrorHandler(gateway.ErrorHandler(cat)))
	registerApps(mux, cc)

	for _, req := range []struct{ path, lang string }{
		{"/v1/apps/web", "zh-CN,zh;q=0.9"},
		{"/v1/apps/web", "en-GB,en;q=0.9"},
		{"/v1/apps/web?lang=en-US", "zh-CN"},
		{"/v1/apps/cyclic", "en"},
	} {
		r := httptest.NewRequest("GET", req.path, nil)
		r.Header.Set("Accept-Language", req.lang)
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		fmt.Println(w.Code, w.Header().Get("Content-Language"), w.Header().Get("Vary"), w.Body)
	}
	// Output:
	// 404 zh-CN Accept-Language {"Code":10205,"Message":"未找到应用"}
	// 404 en-US Accept-Language {"Code":10205,"Message":"The app was not found."}
	// 404 en-US Accept-Language {"Code":10205,"Message":"The app was not found."}
	// 422 en-US Accept-Language {"Code":10614,"Message":"The depends_on entries form a cycle, so the stack cannot be started."}
}

// registerApps stands for the RegisterAppsHandlerClient that protoc-gen-grpc-gateway
// generates: it routes GET /v1/apps/{name} to Get.
func registerApps(mux *runtime.ServeMux, cc *grpc.ClientConn) {
	mux.HandlePath("GET", "/v1/apps/{name}", func(w http.ResponseWriter, r *http.Request, params map[string]string) {
		_, outbound := runtime.MarshalerForRequest(mux, r)
		ctx, err := runtime.AnnotateContext(r.Context(), mux, r, testsvc.Get, runtime.WithHTTPPathPattern("/v1/apps/{name}"))
		if err != nil {
			runtime.HTTPError(r.Context(), mux, outbound, w, r, err)
			return
		}
		out, err := testsvc.CallGet(ctx, cc, params["name"])
		if err != nil {
			runtime.HTTPError(ctx, mux, outbound, w, r, err)
			return
		}
		fmt.Fprint(w, out)
	})
}
