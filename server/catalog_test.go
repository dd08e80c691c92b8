package server

import (
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/catalogtest"
)

func TestOne(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, nil)
	fr := catalogtest.Unserved(t, newCatalog(t), 1)[0] // a language the catalog lacks
	tests := []struct {
		target, accept string
		status         int
		code           codes.Code
		message, lang  string
	}{
		{"/v1/errors/10205", "", 200, codes.AppNotFound, "未找到应用", "zh-CN"},
		{"/v1/errors/10205", "en-US,en;q=0.9", 200, codes.AppNotFound, "The app was not found.", "en-US"},
		{"/v1/errors/APP_NOT_FOUND", "en-GB", 200, codes.AppNotFound, "The app was not found.", "en-US"},
		{"/v1/errors/app_not_found", "zh-TW", 200, codes.AppNotFound, "未找到应用", "zh-CN"},
		{"/v1/errors/10205?lang=en-US", "zh-CN", 200, codes.AppNotFound, "The app was not found.", "en-US"},
		{"/v1/errors/10205?lang=en", "", 200, codes.AppNotFound, "The app was not found.", "en-US"},
		{"/v1/errors/10205?lang=xx-bogus", "en", 200, codes.AppNotFound, "The app was not found.", "en-US"},
		{"/v1/errors/10101", fr, 200, codes.TokenInvalid, "TOKEN不合法", "zh-CN"},
		{"/v1/errors/99999", "en", 404, codes.ItemNotFound, "The requested item was not found.", "en-US"},
		{"/v1/errors/NO_SUCH_CODE", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/-1", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		// One spelling per code: the canonical decimal number, or the name in any ASCII case.
		{"/v1/errors/+10205", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/%2B10205", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/010205", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/0010205", "en", 404, codes.ItemNotFound, "The requested item was not found.", "en-US"},
		{"/v1/errors/-0", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/0", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/10205%20", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/1e4", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
		{"/v1/errors/token_%C4%B1nvalid", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"}, // dotless ı, upper-cased to I
		{"/v1/errors/Token_Invalid", "", 200, codes.TokenInvalid, "TOKEN不合法", "zh-CN"},
		{"/v1/errors/%31%30%32%30%35", "", 200, codes.AppNotFound, "未找到应用", "zh-CN"}, // percent-encoded digits are the same path (RFC 3986 §6.2.2.2)
		{"/v1/errors/10205/more", "", 404, codes.ItemNotFound, "未找到相应条目", "zh-CN"},
	}
	for _, tt := range tests {
		w := do(h, "GET", tt.target, map[string]string{"Accept-Language": tt.accept})
		if w.Code != tt.status {
			t.Errorf("GET %s (%q): status %d, want %d", tt.target, tt.accept, w.Code, tt.status)
			continue
		}
		got := decode[errorBody](t, w.Body)
		if got.Code != int(tt.code) || got.Message != tt.message {
			t.Errorf("GET %s (%q) = %+v, want %d %q", tt.target, tt.accept, got, tt.code, tt.message)
		}
		if l := w.Header().Get("Content-Language"); l != tt.lang {
			t.Errorf("GET %s (%q): Content-Language %q, want %q", tt.target, tt.accept, l, tt.lang)
		}
		if v := w.Header().Get("Vary"); v != "Accept-Language" {
			t.Errorf("GET %s: Vary %q, want Accept-Language", tt.target, v)
		}
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, nil)
	for _, lang := range []string{"zh-CN", "en-US"} {
		w := do(h, "GET", "/v1/errors", map[string]string{"Accept-Language": lang})
		if w.Code != 200 || w.Header().Get("Content-Type") != "application/json" {
			t.Fatalf("%s: status %d, Content-Type %q", lang, w.Code, w.Header().Get("Content-Type"))
		}
		list := decode[[]entry](t, w.Body)
		all := codes.All()
		if len(list) != len(all) {
			t.Fatalf("%s: %d entries, want %d", lang, len(list), len(all))
		}
		cat := newCatalog(t)
		l, _ := cat.LocalizerFor(lang)
		for i, e := range list {
			c := all[i]
			want := entry{Code: c, Name: c.String(), HTTPStatus: c.HTTPStatus(), Message: l.Message(c, nil)}
			if !reflect.DeepEqual(e, want) {
				t.Errorf("%s: entry %d = %+v, want %+v", lang, i, e, want)
			}
		}
	}
}

func TestConditional(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, nil)
	first := do(h, "GET", "/v1/errors", map[string]string{"Accept-Language": "en"})
	tag := first.Header().Get("ETag")
	if !strings.HasPrefix(tag, `"`) || !strings.HasSuffix(tag, `-en-US"`) {
		t.Fatalf("ETag %q, want a quoted tag ending in the language", tag)
	}
	zh := do(h, "GET", "/v1/errors", nil).Header().Get("ETag")
	if zh == tag {
		t.Errorf("zh-CN and en-US share the ETag %s", tag)
	}
	tests := []struct {
		target, accept, ifNoneMatch string
		status                      int
	}{
		{"/v1/errors", "en", tag, 304},
		{"/v1/errors", "en", "W/" + tag, 304},
		{"/v1/errors", "en", `"other", ` + tag, 304},
		{"/v1/errors", "en", "*", 304},
		{"/v1/errors", "zh-CN", tag, 200},
		{"/v1/errors", "en", `"stale"`, 200},
		{"/v1/errors?lang=en-US", "", tag, 304},
		{"/v1/errors/10205", "en", tag, 304},
		{"/v1/errors/99999", "en", tag, 404},
	}
	for _, tt := range tests {
		w := do(h, "GET", tt.target, map[string]string{"Accept-Language": tt.accept, "If-None-Match": tt.ifNoneMatch})
		if w.Code != tt.status {
			t.Errorf("GET %s (%q, If-None-Match %s): status %d, want %d", tt.target, tt.accept, tt.ifNoneMatch, w.Code, tt.status)
		}
		if w.Code == 304 && (w.Body.Len() != 0 || w.Header().Get("ETag") != tag) {
			t.Errorf("GET %s: 304 with body %q and ETag %q", tt.target, w.Body, w.Header().Get("ETag"))
		}
	}
}

func TestETagFollowsCatalog(t *testing.T) {
	t.Parallel()
	cat := newCatalog(t)
	l, _ := cat.LocalizerFor("en-US")
	if got := etag(l); !strings.Contains(got, cat.Version()) || !strings.Contains(got, tableVersion) {
		t.Errorf("etag = %s, want the catalog version %s and table version %s in it", got, cat.Version(), tableVersion)
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want codes.Code
		ok   bool
	}{
		{"10205", codes.AppNotFound, true},
		{"APP_NOT_FOUND", codes.AppNotFound, true},
		{"app_not_found", codes.AppNotFound, true},
		{"App_Not_Found", codes.AppNotFound, true},
		{"010205", 0, false}, // one spelling per code: no leading zeros,
		{"+10205", 0, false}, // no sign,
		{"00", 0, false},
		{"-0", 0, false},
		{"\u017ferver_not_found", 0, false}, // ſ upper-cases to S (SERVER_NOT_FOUND)
		{"token_\u0131nvalid", 0, false},    // ı upper-cases to I
		{"10000", 0, false},
		{"", 0, false},
		{"APP NOT FOUND", 0, false},
		{"１０２０５", 0, false},
	}
	for _, tt := range tests {
		got, ok := lookup(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("lookup(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, c := range codes.All() {
		if got, ok := lookup(strings.ToLower(c.String())); !ok || got != c {
			t.Errorf("lookup(%q) = %v, %v", strings.ToLower(c.String()), got, ok)
		}
	}
}

// TestLookupLongName: a client's path is read on every catalog request, and a long one is
// refused without being upper-cased (64 KiB of header would be copied per request).
func TestLookupLongName(t *testing.T) {
	long := strings.Repeat("a", 64<<10)
	if _, ok := lookup(long); ok {
		t.Fatalf("lookup of a %d-byte name found a code", len(long))
	}
	if allocs := testing.AllocsPerRun(10, func() { lookup(long) }); allocs != 0 {
		t.Errorf("lookup of a %d-byte name: %v allocations, want 0", len(long), allocs)
	}
}

func TestMatches(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lines []string
		want  bool
	}{
		{nil, false},
		{[]string{`"a"`}, true},
		{[]string{`W/"a"`}, true},
		{[]string{`"b" , "a"`}, true},
		{[]string{`"b"`, `"a"`}, true},
		{[]string{`*`}, true},
		{[]string{`a`}, false},
		{[]string{`"A"`}, false},
	}
	for _, tt := range tests {
		if got := matches(tt.lines, `"a"`); got != tt.want {
			t.Errorf("matches(%q, %q) = %v, want %v", tt.lines, `"a"`, got, tt.want)
		}
	}
}

func TestHealth(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, nil)
	w := do(h, "GET", "/healthz", nil)
	got := decode[struct {
		Status    string
		Catalog   string
		Languages []string
	}](t, w.Body)
	if want := embeddedLanguages(t); w.Code != http.StatusOK || got.Status != "ok" || got.Catalog == "" || !slices.Equal(got.Languages, want) {
		t.Errorf("GET /healthz: %d %+v, want languages %v", w.Code, got, want)
	}
}
