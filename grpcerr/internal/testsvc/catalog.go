package testsvc

import (
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

// Secret stands for what a cause or a panic may hold and a client must never see.
const Secret = "s3cr3t-password-4711"

// Catalog returns the catalog of the embedded locales.
func Catalog(tb testing.TB) *i18n.Catalog {
	tb.Helper()
	cat, err := i18n.New(locales.FS)
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// TemplateCatalog returns a catalog whose APP_NOT_FOUND has the placeholders Name and
// Replicas.
func TemplateCatalog(tb testing.TB) *i18n.Catalog {
	tb.Helper()
	cat, err := i18n.New(fstest.MapFS{
		"zh-CN.toml": {Data: []byte("APP_NOT_FOUND = \"未找到应用 {{.Name}}（{{.Replicas}} 个实例）\"\n")},
		"en-US.toml": {Data: []byte("APP_NOT_FOUND = \"The app {{.Name}} ({{.Replicas}} replicas) was not found.\"\n")},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}
