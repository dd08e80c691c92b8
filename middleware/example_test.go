package middleware_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
	"github.com/apiswitch/errcode/middleware"
)

// get sends a GET for target with an Accept-Language header to h and prints the answer.
func get(h http.Handler, target, acceptLanguage string) {
	r := httptest.NewRequest("GET", target, nil)
	r.Header.Set("Accept-Language", acceptLanguage)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Content-Language"), w.Body)
}

// findApp stands for a store lookup that fails.
func findApp(name string) error {
	return codes.Wrap(errors.New("sql: no rows in result set"), codes.AppNotFound).With("Name", name)
}

// The middleware around an http.ServeMux. The cause of the error goes to the log, never
// to the client.
func Example() {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /apps/{name}", func(w http.ResponseWriter, r *http.Request) {
		if err := findApp(r.PathValue("name")); err != nil {
			middleware.WriteError(w, r, err)
			return
		}
	})
	quiet := middleware.OnError(func(*http.Request, error) {})
	h := middleware.New(cat, quiet)(mux)
	get(h, "/apps/web", "zh-CN,zh;q=0.9,en;q=0.8")
	get(h, "/apps/web", "en-GB,en;q=0.9")
	get(h, "/apps/web?lang=en", "zh-CN")
	// Output:
	// 404 zh-CN {"Code":10205,"Message":"未找到应用"}
	// 404 en-US {"Code":10205,"Message":"The app was not found."}
	// 404 en-US {"Code":10205,"Message":"The app was not found."}
}

// The middleware with chi: Use it like any chi middleware.
func Example_chi() {
	cat, _ := i18n.New(locales.FS)
	r := chi.NewRouter()
	r.Use(middleware.New(cat))
	r.Get("/apps/{name}", func(w http.ResponseWriter, r *http.Request) {
		middleware.WriteError(w, r, codes.AppNotFound)
	})
	get(r, "/apps/web", "en")
	// Output: 404 en-US {"Code":10205,"Message":"The app was not found."}
}

// The middleware with gorilla/mux: Use it like any gorilla middleware.
func Example_gorilla() {
	cat, _ := i18n.New(locales.FS)
	r := mux.NewRouter()
	r.Use(middleware.New(cat))
	r.HandleFunc("/apps/{name}", func(w http.ResponseWriter, r *http.Request) {
		middleware.WriteError(w, r, codes.AppNotFound)
	}).Methods("GET")
	get(r, "/apps/web", "en")
	// Output: 404 en-US {"Code":10205,"Message":"The app was not found."}
}

// A back end that knows the codes but not the messages: the middleware fills Message and
// keeps the rest of the body as it was.
func Example_fill() {
	cat, _ := i18n.New(locales.FS)
	backend := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"Code":10205,"App":"web"}`))
	})
	get(middleware.New(cat)(backend), "/apps/web", "en")
	// Output: 404 en-US {"Code":10205,"Message":"The app was not found.","App":"web"}
}

// A gateway answers 502 with INTERNAL_ERROR when a back end is unreachable.
func ExampleWriteError_status() {
	cat, _ := i18n.New(locales.FS)
	h := middleware.New(cat, middleware.OnError(func(r *http.Request, err error) {
		fmt.Println("log:", err)
	}))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := errors.New("dial tcp 10.0.0.7:80: connection refused")
		middleware.WriteError(w, r, &codes.Error{Code: codes.InternalError, Status: http.StatusBadGateway, Cause: err})
	}))
	get(h, "/", "en")
	// Output:
	// log: INTERNAL_ERROR (10004): dial tcp 10.0.0.7:80: connection refused
	// 502 en-US {"Code":10004,"Message":"An internal error occurred."}
}

// Members adds members to typed bodies, after Code and Message.
func ExampleMembers() {
	cat, _ := i18n.New(locales.FS)
	reason := middleware.Members(func(r *http.Request, e *codes.Error) []middleware.Member {
		return []middleware.Member{{Name: "Reason", Value: e.Code.String()}}
	})
	h := middleware.New(cat, reason)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		middleware.WriteError(w, r, codes.TokenInvalid)
	}))
	get(h, "/", "en")
	// Output: 401 en-US {"Code":10101,"Message":"The access token is invalid or has expired.","Reason":"TOKEN_INVALID"}
}

// Handlers that render their own text in the request's language.
func ExampleLocalizerFrom() {
	cat, _ := i18n.New(locales.FS)
	h := middleware.New(cat)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l, _ := middleware.LocalizerFrom(r.Context())
		fmt.Fprintf(w, "%s: %s", l, l.Message(codes.VolExpandContinue, nil))
	}))
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Language", "zh-CN")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Body)
	// Output: zh-CN: 正在为您扩容云硬盘
}

// A grpc-gateway error handler, or any code that chose the language itself, writes the
// same body as WriteError without a request the middleware saw.
func ExampleWriteErrorFor() {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		panic(err)
	}
	l, _ := cat.LocalizerFor("en-US")
	w := httptest.NewRecorder()
	middleware.WriteErrorFor(w, l, codes.TokenInvalid)
	fmt.Println(w.Code, w.Header().Get("Content-Language"), w.Header().Get("WWW-Authenticate"))
	fmt.Println(w.Body)
	// Output:
	// 401 en-US Bearer error="invalid_token"
	// {"Code":10101,"Message":"The access token is invalid or has expired."}
}
