package gateway

import (
	"context"
	"errors"
	"net/http"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/middleware"
)

// ErrorHandler returns the error handler for runtime.WithErrorHandler. A status that
// carries an ErrorInfo of the domain is answered exactly as middleware.WriteError answers
// its code, template data and HTTP status for the request; any other error as
// runtime.DefaultHTTPErrorHandler answers it, but for WWW-Authenticate (see the package
// documentation). It panics if cat is nil.
func ErrorHandler(cat *i18n.Catalog, opts ...Option) runtime.ErrorHandlerFunc {
	if cat == nil {
		panic("gateway: ErrorHandler with a nil catalog")
	}
	o := newOptions(opts)
	h := &handler{
		client: grpcerr.NewClient(grpcerr.Domain(o.domain)),
		write:  middleware.New(cat, o.middleware...)(http.HandlerFunc(writeFromContext)),
	}
	return h.serveError
}

type handler struct {
	client *grpcerr.Client
	write  http.Handler // the middleware around writeFromContext
}

func (h *handler) serveError(ctx context.Context, mux *runtime.ServeMux, m runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
	var remote *grpcerr.Remote
	if errors.As(h.client.Decode(err), &remote) {
		h.writeError(w, r, remote.Err)
		return
	}
	runtime.DefaultHTTPErrorHandler(ctx, mux, m, challenge(w, err), r, err)
}

// writeError answers e with middleware.WriteError: in the request's middleware when the
// gateway runs inside one, else in the handler's own.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, e *codes.Error) {
	// grpc-gateway sets these for the response it meant to stream.
	hdr := w.Header()
	delete(hdr, "Trailer")
	delete(hdr, "Transfer-Encoding")
	if _, ok := middleware.LocalizerFrom(r.Context()); ok {
		middleware.WriteError(w, r, e)
		return
	}
	h.write.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), errKey{}, e)))
}

type errKey struct{}

// writeFromContext writes the error the request's context carries.
func writeFromContext(w http.ResponseWriter, r *http.Request) {
	err, _ := r.Context().Value(errKey{}).(error)
	middleware.WriteError(w, r, err)
}
