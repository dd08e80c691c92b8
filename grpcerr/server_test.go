package grpcerr_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"testing/fstest"

	grpccodes "google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/grpcerr"
	"github.com/apiswitch/errcode/grpcerr/internal/testsvc"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/catalogtest"
)

// languages are the Accept-Language values every code is tried with: each language of the
// catalog, and one it does not have.
func languages(tb testing.TB, cat *i18n.Catalog) []string {
	var langs []string
	for _, tag := range cat.Languages() {
		langs = append(langs, tag.String())
	}
	return append(langs, catalogtest.Unserved(tb, cat, 1)...)
}

// answered returns the code a Server answers c with: c itself, or INTERNAL_ERROR for a
// progress code, which is not an error.
func answered(c codes.Code) codes.Code {
	if c.GRPCCode() == 0 {
		return codes.InternalError
	}
	return c
}

// check asserts that w is the localized status of code for the language lang.
func check(t *testing.T, cat *i18n.Catalog, w wire, code codes.Code, lang string) {
	t.Helper()
	l := cat.Localizer(lang)
	tag := l.Tag()
	en, _ := cat.LocalizerFor("en")
	if got, want := w.st.Code(), grpccodes.Code(code.GRPCCode()); got != want {
		t.Errorf("code = %v, want %v", got, want)
	}
	if got, want := w.st.Message(), en.Message(code, nil); got != want {
		t.Errorf("message = %q, want the English %q", got, want)
	}
	if w.info == nil || w.localized == nil || w.detailsUndecoded != 0 {
		t.Fatalf("details: ErrorInfo %v, LocalizedMessage %v, %d others", w.info, w.localized, w.detailsUndecoded)
	}
	if w.info.Reason != code.String() || w.info.Domain != grpcerr.DefaultDomain {
		t.Errorf("ErrorInfo reason %q domain %q, want %q %q", w.info.Reason, w.info.Domain, code.String(), grpcerr.DefaultDomain)
	}
	if got, want := w.info.Metadata[grpcerr.KeyCode], strconv.Itoa(int(code)); got != want {
		t.Errorf("ErrorInfo metadata code = %q, want %q", got, want)
	}
	if w.localized.Locale != tag.String() || w.localized.Message != l.Message(code, nil) {
		t.Errorf("LocalizedMessage = %q %q, want %q %q", w.localized.Locale, w.localized.Message, tag, l.Message(code, nil))
	}
	if got := w.trailer.Get("content-language"); len(got) != 1 || got[0] != tag.String() {
		t.Errorf("trailer content-language = %q, want [%q]", got, tag)
	}
}

// TestAllCodes runs every code in every language and one unknown language through a
// unary call, with a cause holding a secret.
func TestAllCodes(t *testing.T) {
	cat := catalog(t)
	cc, rep := serve(t, cat, testsvc.Handlers{Get: func(ctx context.Context, name string) (string, error) {
		n, _ := strconv.Atoi(name)
		return "", codes.Wrap(errors.New("dial db: password "+secret), codes.Code(n))
	}})
	for _, c := range codes.All() {
		for _, lang := range languages(t, cat) {
			t.Run(fmt.Sprintf("%s/%s", c, lang), func(t *testing.T) {
				before := len(rep.list())
				ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("accept-language", lang))
				var header, trailer metadata.MD
				_, err := testsvc.CallGet(ctx, cc, strconv.Itoa(int(c)), grpcHeader(&header), grpcTrailer(&trailer))
				w := received(t, err, header, trailer)
				want := answered(c)
				check(t, cat, w, want, lang)
				if where := w.leaks(secret); len(where) > 0 {
					t.Errorf("the cause's secret is on the wire: %v", where)
				}
				dec := grpcerr.Decode(err)
				if !errors.Is(dec, want) {
					t.Errorf("errors.Is(Decode(err), %s) = false for %v", want, dec)
				}
				var r *grpcerr.Remote
				if !errors.As(dec, &r) || r.Message != w.localized.Message || r.Locale != w.localized.Locale {
					t.Errorf("Decode(err) = %#v, want a Remote with the LocalizedMessage", dec)
				}
				if e, ok := codes.From(dec); !ok || e.Code != want {
					t.Errorf("codes.From(Decode(err)) = %v, %v, want %s", e, ok, want)
				}
				// The cause goes to OnError, once.
				if got := rep.list()[before:]; len(got) != 1 || !errors.Is(got[0], c) {
					t.Errorf("OnError told %v, want the handler's error once", got)
				}
			})
		}
	}
}

// TestConcurrent sends the same error from many calls at once, so that -race sees the
// cached status marshaled by several streams together.
func TestConcurrent(t *testing.T) {
	cat := catalog(t)
	cc, _ := serve(t, cat, testsvc.Handlers{Get: func(context.Context, string) (string, error) { return "", codes.AppNotFound }})
	errs := make(chan error, 64)
	langs := languages(t, cat)
	for i := range cap(errs) {
		go func() {
			lang := langs[i%len(langs)]
			ctx := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("accept-language", lang))
			_, err := testsvc.CallGet(ctx, cc, "web")
			if r, ok := grpcerr.Decode(err).(*grpcerr.Remote); !ok || r.Message != cat.Localizer(lang).Message(codes.AppNotFound, nil) {
				errs <- fmt.Errorf("%s: %v", lang, err)
				return
			}
			errs <- nil
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestReloadedStatus answers from the catalog's new version after a reload: the statuses
// built once per version are not served past it.
func TestReloadedStatus(t *testing.T) {
	files := func(v string) fstest.MapFS {
		return fstest.MapFS{"zh-CN.toml": {Data: []byte("APP_NOT_FOUND = \"未找到应用 " + v + "\"\n")}}
	}
	cat, err := i18n.New(files("v1"), i18n.OnProblem(func(i18n.Problem) {}))
	if err != nil {
		t.Fatal(err)
	}
	cc, _ := serve(t, cat, testsvc.Handlers{Get: func(context.Context, string) (string, error) {
		return "", codes.AppNotFound
	}})
	for _, v := range []string{"v1", "v2", "v1"} {
		if err := cat.Reload(files(v)); err != nil {
			t.Fatal(err)
		}
		for range 2 { // the first builds the status, the second is served it
			_, w := call(t, cc, metadata.Pairs("accept-language", "zh-CN"))
			if want := "未找到应用 " + v; w.localized == nil || w.localized.Message != want {
				t.Fatalf("after reloading %s: LocalizedMessage %v, want %q", v, w.localized, want)
			}
		}
	}
}
