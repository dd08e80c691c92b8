package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/internal/catalogtest"
)

// TestBadInput checks that no input makes the server answer a 5xx of its own.
func TestBadInput(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, nil)
	fr := catalogtest.Unserved(t, newCatalog(t), 1)[0] // a language the catalog lacks
	huge := strings.Repeat(fr+",", 20000) + "en"
	tests := []struct {
		name, method, target string
		header               map[string]string
		status               int
		lang                 string
	}{
		{"unknown path", "GET", "/nope", nil, 404, "zh-CN"},
		{"root", "GET", "/", nil, 404, "zh-CN"},
		{"dot segments", "GET", "/v1/../v1/errors/x/..", nil, 404, "zh-CN"},
		{"double slash", "GET", "//v1//errors", nil, 404, "zh-CN"},
		{"encoded", "GET", "/v1/errors/%00%ff", nil, 404, "zh-CN"},
		{"POST catalog", "POST", "/v1/errors", nil, 405, "zh-CN"},
		{"DELETE code", "DELETE", "/v1/errors/10205", map[string]string{"Accept-Language": "en"}, 405, "en-US"},
		{"PUT health", "PUT", "/healthz", nil, 405, "zh-CN"},
		{"HEAD", "HEAD", "/v1/errors", nil, 200, "zh-CN"},
		{"malformed Accept-Language", "GET", "/v1/errors", map[string]string{"Accept-Language": ";;;q=x,,en-US;q=abc,*-*"}, 200, "zh-CN"},
		{"bad tag dropped", "GET", "/v1/errors", map[string]string{"Accept-Language": "en-US, bad_tag_xxxxxxxxxx"}, 200, "en-US"},
		{"huge Accept-Language", "GET", "/v1/errors", map[string]string{"Accept-Language": huge}, 200, "zh-CN"},
		{"q=0", "GET", "/v1/errors", map[string]string{"Accept-Language": "zh;q=0"}, 200, "en-US"},
		{"unknown lang", "GET", "/v1/errors?lang=klingon", nil, 200, "zh-CN"},
		{"lang star", "GET", "/v1/errors?lang=*", map[string]string{"Accept-Language": "en"}, 200, "en-US"},
		{"bad query", "GET", "/v1/errors?lang=%zz;&&=", nil, 200, "zh-CN"},
	}
	for _, tt := range tests {
		w := do(h, tt.method, tt.target, tt.header)
		if w.Code != tt.status {
			t.Errorf("%s: %s %s: status %d, want %d", tt.name, tt.method, tt.target, w.Code, tt.status)
		}
		if l := w.Header().Get("Content-Language"); l != tt.lang {
			t.Errorf("%s: Content-Language %q, want %q", tt.name, l, tt.lang)
		}
		if w.Code == http.StatusMethodNotAllowed && w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", tt.name, w.Header().Get("Allow"))
		}
		if w.Code >= 400 {
			if b := decode[errorBody](t, w.Body); b.Message == "" {
				t.Errorf("%s: error body %+v has no message", tt.name, b)
			}
		}
	}
}
