package docs_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/docgen"
	"github.com/apiswitch/errcode/locales"
)

func TestReferenceUpToDate(t *testing.T) {
	cat, err := i18n.New(locales.FS, i18n.RequireComplete())
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range docgen.Languages {
		t.Run(lang, func(t *testing.T) {
			want, err := docgen.Markdown(cat, lang)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(docgen.FileName(lang))
			if err != nil {
				t.Fatalf("%v; run go generate ./docs", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("docs/%s is stale: run go generate ./docs", docgen.FileName(lang))
			}
		})
	}
}
