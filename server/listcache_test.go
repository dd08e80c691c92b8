package server

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/i18n"
)

func TestListCacheFollowsReloads(t *testing.T) {
	files := func(msg string) fstest.MapFS {
		return fstest.MapFS{"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = "` + msg + `"`)}}
	}
	cat, err := i18n.New(files("未找到应用 v1"))
	if err != nil {
		t.Fatal(err)
	}
	var c listCache
	l := cat.Localizer()
	first := c.get(l, etag(l))
	if again := c.get(l, etag(l)); &again[0] != &first[0] {
		t.Error("the same version and language were encoded twice")
	}
	if err := cat.Reload(files("未找到应用 v2")); err != nil {
		t.Fatal(err)
	}
	l = cat.Localizer()
	body := string(c.get(l, etag(l)))
	if !strings.Contains(body, "未找到应用 v2") || strings.Contains(body, "v1") {
		t.Errorf("after Reload the list is %.200s", body)
	}
	if len(c.bodies) != 1 {
		t.Errorf("the cache holds %d bodies for one language, want 1", len(c.bodies))
	}
}
