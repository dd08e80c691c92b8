package middleware_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/middleware"
)

// backend answers the way a back end in any language does: it knows the codes, not the
// messages.
func backend() http.Handler {
	mux := http.NewServeMux()
	jsonError := func(w http.ResponseWriter, status int, body string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
	mux.HandleFunc("/apps/missing", func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, 404, `{"Code":10205,"App":"web","Id":9007199254740993}`)
	})
	mux.HandleFunc("/apps/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(500)
		io.WriteString(w, `{"Code":10206,`)
		w.(http.Flusher).Flush() // no Content-Length: the proxy flushes every write
		io.WriteString(w, `"Message":""}`)
	})
	mux.HandleFunc("/apps/named", func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, 409, `{"Code":10202,"Message":"name taken"}`)
	})
	mux.HandleFunc("/apps/unknown", func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, 418, `{"Code":424242}`)
	})
	mux.HandleFunc("/apps", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"Code":0,"Apps":[]}`)
	})
	return mux
}

func TestReverseProxy(t *testing.T) {
	t.Parallel()
	back := httptest.NewServer(backend())
	defer back.Close()
	target, _ := url.Parse(back.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		middleware.WriteError(w, r, &codes.Error{Code: codes.InternalError, Status: http.StatusBadGateway, Cause: err})
	}
	var rec recorded
	front := httptest.NewServer(middleware.New(newCatalog(t), middleware.OnError(rec.hook))(proxy))
	defer front.Close()

	tests := []struct {
		path, lang string
		status     int
		body       string
	}{
		{"/apps/missing", "zh-CN,zh;q=0.9", 404, `{"Code":10205,"Message":"未找到应用","App":"web","Id":9007199254740993}`},
		{"/apps/missing", "en-US,en;q=0.9", 404, `{"Code":10205,"Message":"The app was not found.","App":"web","Id":9007199254740993}`},
		{"/apps/missing?lang=en", "zh-CN", 404, `{"Code":10205,"Message":"The app was not found.","App":"web","Id":9007199254740993}`},
		{"/apps/chunked", "en", 500, `{"Code":10206,"Message":"The app could not be submitted."}`},
		{"/apps/named", "en", 409, `{"Code":10202,"Message":"name taken"}`},
		{"/apps/unknown", "en", 418, `{"Code":424242}`},
		{"/apps", "en", 200, `{"Code":0,"Apps":[]}`},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", front.URL+tt.path, nil)
		req.Header.Set("Accept-Language", tt.lang)
		res, err := front.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || string(body) != tt.body {
			t.Errorf("%s %s: got %d %s\nwant %d %s", tt.path, tt.lang, res.StatusCode, body, tt.status, tt.body)
		}
		if cl := res.Header.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(body)) {
			t.Errorf("%s: Content-Length %s for %d bytes", tt.path, cl, len(body))
		}
		filled := strings.Contains(string(body), `"Message":"`) && tt.path != "/apps/named"
		if got := res.Header.Get("Content-Language") != ""; got != filled {
			t.Errorf("%s: Content-Language %q, filled %v", tt.path, res.Header.Get("Content-Language"), filled)
		}
	}
	if errs := rec.all(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "424242") {
		t.Errorf("OnError told %v, want the unknown code", errs)
	}
}

func TestReverseProxyBackendDown(t *testing.T) {
	t.Parallel()
	back := httptest.NewServer(backend())
	target, _ := url.Parse(back.URL)
	back.Close()
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		middleware.WriteError(w, r, &codes.Error{Code: codes.InternalError, Status: http.StatusBadGateway, Cause: err})
	}
	var rec recorded
	front := httptest.NewServer(middleware.New(newCatalog(t), middleware.OnError(rec.hook))(proxy))
	defer front.Close()
	for lang, want := range map[string]string{
		"en": `{"Code":10004,"Message":"An internal error occurred."}`,
		"zh": `{"Code":10004,"Message":"内部错误"}`,
	} {
		req, _ := http.NewRequest("GET", front.URL+"/apps", nil)
		req.Header.Set("Accept-Language", lang)
		res, err := front.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 502 || string(body) != want {
			t.Errorf("%s: got %d %s, want 502 %s", lang, res.StatusCode, body, want)
		}
		if strings.Contains(string(body), "connect") || strings.Contains(string(body), "127.0.0.1") {
			t.Errorf("body shows the cause: %s", body)
		}
	}
	if errs := rec.all(); len(errs) != 2 || !strings.Contains(errs[0].Error(), "connect") {
		t.Errorf("OnError told %v, want the dial errors", errs)
	}
}
