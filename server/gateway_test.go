package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/catalogtest"
	"github.com/apiswitch/errcode/middleware"
)

// backend answers the gateway tests' paths as a back end in any language would.
func backend(t *testing.T) *url.URL {
	t.Helper()
	mux := http.NewServeMux()
	reply := func(status int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			io.WriteString(w, body)
		}
	}
	mux.Handle("/apps/missing", reply(404, `{"Code":10205}`))
	mux.Handle("/apps/custom", reply(400, `{"Code":10001,"Message":"custom"}`))
	mux.Handle("/apps/ok", reply(200, `{"Name":"web","Code":10205}`))
	mux.HandleFunc("/hangup", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/echo/") { // as received, which a mux would clean
			io.WriteString(w, r.URL.RawPath+"|"+r.URL.Path+"|"+r.URL.RawQuery+"|"+r.Header.Get("Accept-Language"))
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u
}

func TestGatewayPassThrough(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, backend(t))
	tests := []struct {
		target string
		status int
		body   string
	}{
		{"/apps/custom", 400, `{"Code":10001,"Message":"custom"}`},
		{"/apps/ok", 200, `{"Name":"web","Code":10205}`},
		{"/echo/a%2Fb?x=1&lang=en", 200, "/echo/a%2Fb|/echo/a/b|x=1&lang=en|en"},
		{"/echo//x/../y", 200, "|/echo//x/../y||en"},
	}
	for _, tt := range tests {
		w := do(h, "GET", tt.target, map[string]string{"Accept-Language": "en"})
		if w.Code != tt.status || w.Body.String() != tt.body {
			t.Errorf("GET %s = %d %q, want %d %q", tt.target, w.Code, w.Body, tt.status, tt.body)
		}
	}
}

func TestGatewayFills(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, backend(t))
	fr := catalogtest.Unserved(t, newCatalog(t), 1)[0] // a language the catalog lacks
	tests := []struct {
		accept, query string
		message, lang string
	}{
		{"zh-CN,zh;q=0.9", "", "未找到应用", "zh-CN"},
		{"en-US,en;q=0.9", "", "The app was not found.", "en-US"},
		{fr, "", "未找到应用", "zh-CN"},
		{"zh-CN", "?lang=en-US", "The app was not found.", "en-US"},
	}
	for _, tt := range tests {
		w := do(h, "GET", "/apps/missing"+tt.query, map[string]string{"Accept-Language": tt.accept})
		want := `{"Code":10205,"Message":"` + tt.message + `"}`
		if w.Code != 404 || w.Body.String() != want {
			t.Errorf("GET /apps/missing%s (%q) = %d %s, want 404 %s", tt.query, tt.accept, w.Code, w.Body, want)
		}
		if l := w.Header().Get("Content-Language"); l != tt.lang {
			t.Errorf("GET /apps/missing%s (%q): Content-Language %q, want %q", tt.query, tt.accept, l, tt.lang)
		}
	}
}

func TestGatewayOwnPaths(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, backend(t))
	w := do(h, "GET", "/v1/errors/10205", map[string]string{"Accept-Language": "en"})
	if b := decode[entry](t, w.Body); w.Code != 200 || b.Name != "APP_NOT_FOUND" {
		t.Errorf("GET /v1/errors/10205 through the gateway = %d %+v", w.Code, b)
	}
}

func TestGatewayBackendDown(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := &url.URL{Scheme: "http", Host: ln.Addr().String()}
	ln.Close() // nothing listens there any more
	tests := []struct {
		name     string
		upstream *url.URL
		target   string
	}{
		{"refused", down, "/apps/x"},
		{"connection dropped", backend(t), "/hangup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, logs := newHandler(t, tt.upstream)
			for _, lang := range []struct{ accept, message string }{{"en", "An internal error occurred."}, {"zh", "内部错误"}} {
				w := do(h, "GET", tt.target, map[string]string{"Accept-Language": lang.accept})
				b := decode[errorBody](t, w.Body)
				if w.Code != http.StatusBadGateway || b.Code != 10004 || b.Message != lang.message {
					t.Errorf("GET %s (%s) = %d %+v, want 502 INTERNAL_ERROR %q", tt.target, lang.accept, w.Code, b, lang.message)
				}
				if strings.Contains(w.Body.String(), "dial") || strings.Contains(w.Body.String(), "EOF") {
					t.Errorf("the body tells the cause: %s", w.Body)
				}
			}
			if !strings.Contains(logs.String(), `"error":"INTERNAL_ERROR (10004): `) {
				t.Errorf("the cause was not logged: %s", logs)
			}
		})
	}
}

func TestGatewayFailedStatus(t *testing.T) {
	t.Parallel()
	logs := new(syncBuffer)
	g := newGateway(gatewayConfig{upstream: &url.URL{Scheme: "http", Host: "127.0.0.1:1"}}, newLogger("json", logs))
	h := middleware.New(newCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parent, cancel := context.WithCancel(r.Context())
		defer cancel()
		e := newExchange(parent, g.cfg)
		defer e.stop()
		switch r.URL.Query().Get("case") {
		case "deadline":
			e.cancel(errDeadline)
		case "idle":
			e.cancel(errIdle)
		case "client gone":
			cancel()
		case "client body":
			e.client = errors.New("reading the client's body: unexpected EOF")
		case "client slow":
			e.client = fmt.Errorf("reading the client's body: %w", timeoutErr{})
		}
		g.failed(w, r.WithContext(e), r.Context().Value(errKey{}).(error))
	}))
	tests := []struct {
		name   string
		err    error
		status int
		code   codes.Code
	}{
		{"refused", errors.New("dial tcp: connection refused"), 502, codes.InternalError},
		{"dropped", io.ErrUnexpectedEOF, 502, codes.InternalError},
		{"header timeout", fmt.Errorf("round trip: %w", timeoutErr{}), 504, codes.InternalError},
		{"deadline", context.Canceled, 504, codes.InternalError},
		{"idle", context.Canceled, 504, codes.InternalError},
		{"client gone", context.Canceled, StatusClientClosedRequest, 0},
		{"client body", errors.New("http: invalid byte in chunk length"), 400, codes.BadRequest},
		{"client slow", errors.New("i/o timeout"), 408, codes.BadRequest},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/x?case="+url.QueryEscape(tt.name), nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), errKey{}, tt.err)))
		if w.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, w.Code, tt.status)
			continue
		}
		if tt.code != 0 {
			if b := decode[errorBody](t, w.Body); b.Code != int(tt.code) {
				t.Errorf("%s: body %+v, want code %d", tt.name, b, tt.code)
			}
		} else if w.Body.Len() != 0 {
			t.Errorf("%s: a body for a client that went away: %s", tt.name, w.Body)
		}
	}
}

type errKey struct{}

// timeoutErr is a net.Error that timed out, as the transport's header timeout is.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "timeout awaiting response headers" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }
