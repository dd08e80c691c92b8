package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
	"github.com/apiswitch/errcode/server"
)

func ExampleHandler() {
	cat, err := i18n.New(locales.FS, i18n.RequireComplete())
	if err != nil {
		panic(err)
	}
	h := server.Handler(cat, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)

	for _, lang := range []string{"zh-CN", "en-US,en;q=0.9"} {
		r := httptest.NewRequest("GET", "/v1/errors/APP_NOT_FOUND", nil)
		r.Header.Set("Accept-Language", lang)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Print(w.Code, " ", w.Header().Get("Content-Language"), " ", w.Body)
	}

	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/v1/errors/99999?lang=en-US", nil))
	fmt.Print(w.Code, " ", w.Body)
	// Output:
	// 200 zh-CN {"Code":10205,"Name":"APP_NOT_FOUND","HTTPStatus":404,"Message":"未找到应用"}
	// 200 en-US {"Code":10205,"Name":"APP_NOT_FOUND","HTTPStatus":404,"Message":"The app was not found."}
	// 404 {"Code":10003,"Message":"The requested item was not found."}
}
