package middleware_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

// TestWriteErrorForMatchesWriteError writes each error in each of the catalog's languages
// twice, with WriteError under the middleware (?lang=) and with WriteErrorFor: the status,
// the body bytes and every header must be the same.
func TestWriteErrorForMatchesWriteError(t *testing.T) {
	t.Parallel()
	cat := templateCatalog(t)
	errs := []error{
		codes.AppNotFound,
		codes.TokenInvalid,
		&codes.Error{Code: codes.Forbidden, Status: http.StatusUnauthorized},
		codes.New(codes.VolNameConflict).With("Name", "data"),
		codes.Wrap(errors.New("dial tcp 10.0.0.7:5432"), codes.InternalError),
		&codes.Error{Code: codes.InternalError, Status: http.StatusBadGateway},
		fmt.Errorf("load: %w", codes.VolExpandContinue),
		errors.New("not ours"),
		codes.Code(99999),
		nil,
	}
	quiet := middleware.OnError(func(*http.Request, error) {})
	for _, tag := range cat.Languages() {
		for _, err := range errs {
			h := middleware.New(cat, quiet)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Vary", "Origin")
				middleware.WriteError(w, r, err)
			}))
			want := serve(h, request("GET", "/?lang="+tag.String(), ""))
			l, ok := cat.LocalizerFor(tag.String())
			if !ok {
				t.Fatalf("LocalizerFor(%s) failed", tag)
			}
			got := httptest.NewRecorder()
			got.Header().Set("Vary", "Origin")
			middleware.WriteErrorFor(got, l, err)
			if got.Code != want.Code || got.Body.String() != want.Body.String() || !reflect.DeepEqual(got.Header(), want.Header()) {
				t.Errorf("%s, %v:\nWriteErrorFor %d %v %s\nWriteError    %d %v %s",
					tag, err, got.Code, got.Header(), got.Body, want.Code, want.Header(), want.Body)
			}
		}
	}
}

func TestLocalize(t *testing.T) {
	t.Parallel()
	cat := templateCatalog(t)
	en, _ := cat.LocalizerFor("en-US")
	tests := []struct {
		err  error
		want middleware.Localized
	}{
		{codes.New(codes.VolNameConflict).With("Name", "data"), middleware.Localized{codes.VolNameConflict, 409, "A volume named data already exists."}},
		{&codes.Error{Code: codes.InternalError, Status: 502}, middleware.Localized{codes.InternalError, 502, "An internal error occurred."}},
		{errors.New("not ours"), middleware.Localized{codes.InternalError, 500, "An internal error occurred."}},
		{&codes.Error{Code: codes.VolNameConflict, Status: 304, Data: map[string]any{"Name": "x"}}, middleware.Localized{codes.VolNameConflict, 409, "A volume named x already exists."}},
	}
	for _, tt := range tests {
		if got := middleware.Localize(en, tt.err); got != tt.want {
			t.Errorf("Localize(%v) = %+v, want %+v", tt.err, got, tt.want)
		}
	}
}
