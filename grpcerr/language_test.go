package grpcerr_test

import (
	"context"
	"testing"

	"google.golang.org/grpc/metadata"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
	"github.com/apiswitch/errcode/internal/catalogtest"
)

// TestLanguageSources checks where a Server reads the language: accept-language, then
// grpcgateway-accept-language, then the LangKey key, through the catalog's negotiation.
func TestLanguageSources(t *testing.T) {
	cat := catalog(t)
	fr := catalogtest.Unserved(t, cat, 1)[0] // a language the catalog lacks
	notFound := testsvc.Handlers{Get: func(context.Context, string) (string, error) { return "", codes.AppNotFound }}
	for _, tc := range []struct {
		name string
		md   metadata.MD
		opts []grpcerr.Option
		want string
	}{
		{"none", nil, nil, "zh-CN"},
		{"accept-language", metadata.Pairs("accept-language", "en-GB,en;q=0.9"), nil, "en-US"},
		{"accept-language lines join", metadata.Pairs("accept-language", fr, "accept-language", "en"), nil, "en-US"},
		{"accept-language q=0", metadata.Pairs("accept-language", "zh;q=0"), nil, "en-US"},
		{"accept-language malformed entry", metadata.Pairs("accept-language", "en-US, bad_tag_xxxxxxxxxx"), nil, "en-US"},
		{"accept-language zh-TW", metadata.Pairs("accept-language", "zh-TW"), nil, "zh-CN"},
		{"grpc-gateway", metadata.Pairs("grpcgateway-accept-language", "en-US"), nil, "en-US"},
		{"accept-language first", metadata.Pairs("accept-language", "zh-CN", "grpcgateway-accept-language", "en"), nil, "zh-CN"},
		{"accept-language without a match", metadata.Pairs("accept-language", fr, "lang", "en-US"), nil, "zh-CN"},
		{"lang", metadata.Pairs("lang", "en-US"), nil, "en-US"},
		{"lang after the headers", metadata.Pairs("grpcgateway-accept-language", "zh", "lang", "en-US"), nil, "zh-CN"},
		{"lang unknown", metadata.Pairs("lang", fr), nil, "zh-CN"},
		{"lang a range", metadata.Pairs("lang", "*"), nil, "zh-CN"},
		{"lang off", metadata.Pairs("lang", "en-US"), []grpcerr.Option{grpcerr.LangKey("")}, "zh-CN"},
		{"lang renamed", metadata.Pairs("x-lang", "en"), []grpcerr.Option{grpcerr.LangKey("x-lang")}, "en-US"},
		{"empty accept-language", metadata.Pairs("accept-language", "", "lang", "en-US"), nil, "en-US"},
		{"a 4 KiB accept-language", metadata.Pairs("accept-language", longList(fr, 4096)), nil, "zh-CN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cc, _ := serve(t, cat, notFound, tc.opts...)
			_, w := call(t, cc, tc.md)
			if w.localized.GetLocale() != tc.want {
				t.Errorf("locale = %q, want %q", w.localized.GetLocale(), tc.want)
			}
			check(t, cat, w, codes.AppNotFound, tc.want)
		})
	}
}

// longList is an Accept-Language list of about n bytes of tag that ends with en: past the
// part negotiation reads.
func longList(tag string, n int) string {
	b := make([]byte, 0, n+3)
	for len(b) < n {
		b = append(b, tag+","...)
	}
	return string(append(b, "en"...))
}
