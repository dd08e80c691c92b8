package docs_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/docgen"
	"github.com/apiswitch/errcode/locales"
	"github.com/apiswitch/errcode/server"
)

// TestReferenceUpToDate fails while a reference is stale, while a language of locales/ has
// none, and while a reference is left over from a language that has no message file.
func TestReferenceUpToDate(t *testing.T) {
	want, err := docgen.Generate(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	toml, err := filepath.Glob("../locales/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != len(toml) {
		t.Errorf("%d references for %d message files %v", len(want), len(toml), toml)
	}
	for name, md := range want {
		got, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%v; run go generate ./...", err)
			continue
		}
		if !bytes.Equal(got, md) {
			t.Errorf("docs/%s is stale: run go generate ./...", name)
		}
	}
	have, err := filepath.Glob(docgen.Pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range have {
		if _, ok := want[name]; !ok {
			t.Errorf("docs/%s has no message file: run go generate ./... to remove it", name)
		}
	}
}

// TestReferenceMatchesServer checks what the references say about the server against the
// server itself: the body shapes, the first /v1/errors entry they quote, and the headers and
// 304 of the ETag caching they describe.
func TestReferenceMatchesServer(t *testing.T) {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(cat, slog.New(slog.DiscardHandler), nil))
	defer srv.Close()
	for _, tag := range cat.Languages() {
		lang := tag.String()
		t.Run(lang, func(t *testing.T) {
			md, err := os.ReadFile(docgen.FileName(lang))
			if err != nil {
				t.Fatal(err)
			}
			l, _ := cat.LocalizerFor(lang)
			first := docgen.FirstEntry(l)
			if !bytes.Contains(md, append(append([]byte("["), first...), ", …]"...)) {
				t.Errorf("the reference does not quote the first entry %s", first)
			}

			res, body := get(t, srv.URL+"/v1/errors", lang, "")
			if res.StatusCode != 200 || !bytes.HasPrefix(body, append(append([]byte("["), first...), ',')) {
				t.Errorf("GET /v1/errors = %d %.200s…, want a list starting with %s", res.StatusCode, body, first)
			}
			for header, want := range map[string]string{
				"Content-Type":     "application/json",
				"Content-Language": lang,
				"Vary":             "Accept-Language",
				"Cache-Control":    "no-cache",
			} {
				if got := res.Header.Get(header); got != want {
					t.Errorf("GET /v1/errors: %s = %q, want %q as the reference says", header, got, want)
				}
			}
			tag := res.Header.Get("ETag")
			if res, body := get(t, srv.URL+"/v1/errors", lang, tag); res.StatusCode != 304 || len(body) != 0 {
				t.Errorf("GET /v1/errors with If-None-Match %s = %d %q, want 304 and no body", tag, res.StatusCode, body)
			}

			// "the same shape": one code answers the keys of a list entry.
			_, body = get(t, srv.URL+"/v1/errors/10205", lang, "")
			if keys, want := keysOf(t, body), keysOf(t, first); !slices.Equal(keys, want) {
				t.Errorf("GET /v1/errors/10205 has keys %v, a list entry %v", keys, want)
			}
			// An error body is {"Code", "Message"}, as the reference's first example.
			res, body = get(t, srv.URL+"/v1/errors/NOPE", lang, "")
			if keys := keysOf(t, body); res.StatusCode != 404 || !slices.Equal(keys, []string{"Code", "Message"}) {
				t.Errorf("GET /v1/errors/NOPE = %d with keys %v, want 404 with Code and Message", res.StatusCode, keys)
			}
		})
	}
}

// TestReferenceGatewayBounds checks the bounds the references give for the gateway's 504
// against the server's defaults.
func TestReferenceGatewayBounds(t *testing.T) {
	if docgen.UpstreamIdleTimeout != server.DefaultUpstreamIdleTimeout || docgen.UpstreamTimeout != server.DefaultUpstreamTimeout {
		t.Errorf("the references say %v idle and %v in all; the server's defaults are %v and %v: update internal/docgen, then go generate ./...",
			docgen.UpstreamIdleTimeout, docgen.UpstreamTimeout, server.DefaultUpstreamIdleTimeout, server.DefaultUpstreamTimeout)
	}
}

func get(t *testing.T, url, lang, ifNoneMatch string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Language", lang)
	if ifNoneMatch != "" {
		req.Header.Set("If-None-Match", ifNoneMatch)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// keysOf returns the sorted keys of a JSON object.
func keysOf(t *testing.T, data []byte) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
