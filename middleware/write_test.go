package middleware_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

func TestWriteError(t *testing.T) {
	t.Parallel()
	secret := errors.New("dial tcp 10.0.0.7:5432: connection refused")
	tests := []struct {
		name     string
		lang     string
		pre      http.Header // set by the handler before WriteError
		err      error
		status   int
		body     string
		headers  map[string]string
		reported bool
	}{
		{"bare code", "zh-CN", nil, codes.AppNotFound, 404, `{"Code":10205,"Message":"未找到应用"}`,
			map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store",
				"X-Content-Type-Options": "nosniff", "Content-Language": "zh-CN", "Vary": "Accept-Language",
				"WWW-Authenticate": "", "Content-Length": ""}, false},
		{"english", "en-GB,en;q=0.9", nil, codes.AppNotFound, 404, `{"Code":10205,"Message":"The app was not found."}`,
			map[string]string{"Content-Language": "en-US"}, false},
		{"no header: default language", "", nil, codes.AppNotFound, 404, `{"Code":10205,"Message":"未找到应用"}`,
			map[string]string{"Content-Language": "zh-CN"}, false},
		{"wrapped with cause", "en", nil, codes.Wrap(secret, codes.AppNotFound), 404,
			`{"Code":10205,"Message":"The app was not found."}`, nil, true},
		{"%w chain", "en", nil, fmt.Errorf("load: %w", codes.AppNotFound), 404,
			`{"Code":10205,"Message":"The app was not found."}`, nil, false},
		{"not ours", "en", nil, secret, 500, `{"Code":10004,"Message":"An internal error occurred."}`, nil, true},
		{"nil", "en", nil, nil, 500, `{"Code":10004,"Message":"An internal error occurred."}`, nil, true},
		{"unknown code", "en", nil, codes.Code(99999), 500, `{"Code":10004,"Message":"An internal error occurred."}`, nil, true},
		{"zero Error", "en", nil, &codes.Error{}, 500, `{"Code":10004,"Message":"An internal error occurred."}`, nil, true},
		{"gateway 502", "en", nil, &codes.Error{Code: codes.InternalError, Status: http.StatusBadGateway, Cause: secret}, 502,
			`{"Code":10004,"Message":"An internal error occurred."}`, nil, true},
		{"status that cannot carry a body", "en", nil, &codes.Error{Code: codes.AppNotFound, Status: 204}, 404,
			`{"Code":10205,"Message":"The app was not found."}`, nil, true},
		{"token invalid", "en", nil, codes.TokenInvalid, 401, `{"Code":10101,"Message":"The access token is invalid or has expired."}`,
			map[string]string{"WWW-Authenticate": `Bearer error="invalid_token"`}, false},
		{"401 override", "en", nil, &codes.Error{Code: codes.Forbidden, Status: 401}, 401, "",
			map[string]string{"WWW-Authenticate": "Bearer"}, false},
		{"handler's challenge kept", "en", http.Header{"Www-Authenticate": {`Bearer realm="api"`}}, codes.TokenInvalid, 401, "",
			map[string]string{"WWW-Authenticate": `Bearer realm="api"`}, false},
		{"progress code", "en", nil, codes.VolExpandContinue, 202, "", map[string]string{"Content-Language": "en-US"}, false},
		{"Vary kept", "en", http.Header{"Vary": {"Origin"}}, codes.AppNotFound, 404, "",
			map[string]string{"Vary": "Origin | Accept-Language"}, false},
		{"Vary not duplicated", "en", http.Header{"Vary": {"Origin, accept-language"}}, codes.AppNotFound, 404, "",
			map[string]string{"Vary": "Origin, accept-language"}, false},
		{"Vary star", "en", http.Header{"Vary": {"*"}}, codes.AppNotFound, 404, "", map[string]string{"Vary": "*"}, false},
		{"stale headers", "en", http.Header{"Content-Length": {"999"}, "Content-Type": {"text/html"}}, codes.AppNotFound, 404, "",
			map[string]string{"Content-Length": "", "Content-Type": "application/json"}, false},
		{"another body's representation", "en", http.Header{"Content-Encoding": {"gzip"}, "Content-Range": {"bytes 0-9/99"},
			"Etag": {`"v1"`}, "Last-Modified": {"Mon, 02 Jan 2006 15:04:05 GMT"}, "Content-Md5": {"x"}, "Digest": {"sha-256=x"},
			"Repr-Digest": {"sha-256=:x:"}, "Content-Digest": {"sha-256=:x:"}, "Content-Disposition": {"attachment"},
			"Trailer": {"X-Sum"}, "Set-Cookie": {"a=b"}}, codes.AppNotFound, 404, `{"Code":10205,"Message":"The app was not found."}`,
			map[string]string{"Content-Encoding": "", "Content-Range": "", "Etag": "", "Last-Modified": "", "Content-Md5": "",
				"Digest": "", "Repr-Digest": "", "Content-Digest": "", "Content-Disposition": "", "Trailer": "", "Set-Cookie": "a=b"}, false},
	}
	cat := newCatalog(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var rec recorded
			h := middleware.New(cat, middleware.OnError(rec.hook))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.pre {
					w.Header()[k] = v
				}
				middleware.WriteError(w, r, tt.err)
			}))
			w := serve(h, request("GET", "/apps/web", tt.lang))
			if w.Code != tt.status {
				t.Errorf("status = %d, want %d", w.Code, tt.status)
			}
			if tt.body != "" && w.Body.String() != tt.body {
				t.Errorf("body = %s, want %s", w.Body, tt.body)
			}
			checkHeaders(t, w.Header(), tt.headers)
			if strings.Contains(w.Body.String(), "10.0.0.7") {
				t.Errorf("body %s shows the cause", w.Body)
			}
			if got := len(rec.all()) > 0; got != tt.reported {
				t.Errorf("reported = %v (%v), want %v", got, rec.all(), tt.reported)
			}
		})
	}
}

func TestWriteErrorTemplateData(t *testing.T) {
	t.Parallel()
	h := middleware.New(templateCatalog(t))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		middleware.WriteError(w, r, codes.New(codes.VolNameConflict).With("Name", `data "<b>"`))
	}))
	for lang, want := range map[string]string{
		"en": `{"Code":10310,"Message":"A volume named data \"\u003cb\u003e\" already exists."}`,
		"zh": `{"Code":10310,"Message":"云硬盘名称 data \"\u003cb\u003e\" 已存在"}`,
	} {
		if w := serve(h, request("GET", "/", lang)); w.Body.String() != want || w.Code != 409 {
			t.Errorf("%s: %d %s, want 409 %s", lang, w.Code, w.Body, want)
		}
	}
}

func TestWriteErrorMembers(t *testing.T) {
	t.Parallel()
	var rec recorded
	h := middleware.New(newCatalog(t), middleware.OnError(rec.hook), middleware.Members(func(r *http.Request, e *codes.Error) []middleware.Member {
		return []middleware.Member{
			{Name: "Reason", Value: e.Code.String()},
			{Name: "RequestID", Value: r.Header.Get("X-Request-Id")},
			{Name: "Code", Value: 1},
			{Name: "Reason", Value: "again"},
			{Name: "Bad", Value: make(chan int)},
			{Name: "Data", Value: e.Data},
		}
	}))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		middleware.WriteError(w, r, codes.New(codes.AppNotFound).With("Name", "web"))
	}))
	r := request("GET", "/", "en")
	r.Header.Set("X-Request-Id", "r-1")
	w := serve(h, r)
	want := `{"Code":10205,"Message":"The app was not found.","Reason":"APP_NOT_FOUND","RequestID":"r-1","Data":{"Name":"web"}}`
	if w.Body.String() != want {
		t.Errorf("body = %s, want %s", w.Body, want)
	}
	if n := len(rec.all()); n != 3 {
		t.Errorf("OnError told %d times (%v), want 3: reserved, twice, unencodable", n, rec.all())
	}
}

func TestWriteErrorWithoutMiddleware(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ target, lang, want, contentLanguage string }{
		{"/", "en-US", `{"Code":10205,"Message":"The app was not found."}`, "en-US"},
		{"/", "", `{"Code":10205,"Message":"未找到应用"}`, "zh-CN"},
		{"/?lang=en", "zh-CN", `{"Code":10205,"Message":"The app was not found."}`, "en-US"},
	} {
		w := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			middleware.WriteError(w, r, codes.AppNotFound)
		}), request("GET", tt.target, tt.lang))
		if w.Code != 404 || w.Body.String() != tt.want || w.Header().Get("Content-Language") != tt.contentLanguage {
			t.Errorf("%s %q: %d %s %q, want 404 %s %q", tt.target, tt.lang, w.Code, w.Body, w.Header().Get("Content-Language"), tt.want, tt.contentLanguage)
		}
	}
}

func TestWriteErrorAfterResponseStarted(t *testing.T) {
	t.Parallel()
	var rec recorded
	h := middleware.New(newCatalog(t), middleware.OnError(rec.hook))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("partial"))
		middleware.WriteError(w, r, codes.AppNotFound)
	}))
	w := serve(h, request("GET", "/", "en"))
	if w.Code != 200 || w.Body.String() != "partial" {
		t.Errorf("got %d %q, want 200 %q", w.Code, w.Body, "partial")
	}
	if errs := rec.all(); len(errs) != 1 || !errors.Is(errs[0], codes.AppNotFound) {
		t.Errorf("OnError told %v, want the error once", errs)
	}
}
