package server

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/locales"
)

// BenchmarkLoadBroken starts the server's loading on a locales directory whose en-US.toml
// has, after its messages, 10,000 entries each with a broken template ("broken") or a valid
// one ("valid"), and logs what was refused as the server does: the goal is under 1 s for
// the broken file.
func BenchmarkLoadBroken(b *testing.B) {
	for _, tt := range []struct{ name, other string }{{"valid", "The item {{.Name}} was not found."}, {"broken", "{{"}} {
		dir := b.TempDir()
		copyLocales(b, dir)
		en, err := locales.FS.ReadFile("en-US.toml")
		if err != nil {
			b.Fatal(err)
		}
		var f strings.Builder
		f.Write(en)
		for i := range 10_000 {
			fmt.Fprintf(&f, "[ENTRY_%05d]\nother = %q\n\n", i, tt.other)
		}
		writeFile(b, dir, "en-US.toml", f.String())
		logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cat, err := loadCatalog(config{locales: dir}, logger)
				if cat == nil || (err != nil) != (tt.name == "broken") {
					b.Fatalf("loadCatalog = %v, %.200v", cat, err)
				}
				if err != nil {
					logLoadError(logger, "refused", dir, err)
				}
			}
		})
	}
}
