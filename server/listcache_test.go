package server

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/internal/catalogtest"
)

func TestListCacheFollowsReloads(t *testing.T) {
	files := func(msg string) fstest.MapFS {
		return fstest.MapFS{"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = "` + msg + `"`)}}
	}
	cat, err := i18n.New(files("未找到应用 v1"))
	if err != nil {
		t.Fatal(err)
	}
	var c catalogCache
	l := cat.Localizer()
	first := c.get(l).list
	if again := c.get(l).list; &again[0] != &first[0] {
		t.Error("the same version and language were encoded twice")
	}
	if err := cat.Reload(files("未找到应用 v2")); err != nil {
		t.Fatal(err)
	}
	l = cat.Localizer()
	body := string(c.get(l).list)
	if !strings.Contains(body, "未找到应用 v2") || strings.Contains(body, "v1") {
		t.Errorf("after Reload the list is %.200s", body)
	}
}

// BenchmarkCatalogFirstHits measures a catalog version's first hits on the catalog
// endpoints' cache: the /v1/errors list and every /v1/errors/{code} in each of 101
// languages. ns/op is the total of one round; max-ms is the slowest single first hit;
// "noop" times nothing in the same loop, the machine's own stalls.
func BenchmarkCatalogFirstHits(b *testing.B) {
	_, ls := catalogtest.Languages(b, 101)
	for _, noop := range []bool{true, false} {
		name := "cache"
		if noop {
			name = "noop"
		}
		b.Run(name, func(b *testing.B) {
			var slowest time.Duration
			timed := func(f func()) {
				start := time.Now()
				if !noop {
					f()
				}
				slowest = max(slowest, time.Since(start))
			}
			for b.Loop() {
				var c catalogCache
				for _, l := range ls {
					timed(func() { c.get(l) })
					for _, code := range codes.All() {
						timed(func() { c.one(l, code) })
					}
				}
			}
			b.ReportMetric(float64(slowest)/1e6, "max-ms")
		})
	}
}
