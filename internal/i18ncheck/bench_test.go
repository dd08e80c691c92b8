package i18ncheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchLocales are the 20 locales of the generated benchmark data, the source first.
var benchLocales = []string{
	"zh-CN", "en-US", "fr-FR", "de-DE", "ja-JP", "ko-KR", "ru-RU", "es-ES", "pt-BR", "it-IT",
	"nl-NL", "pl-PL", "tr-TR", "ar-SA", "he-IL", "hi-IN", "th-TH", "vi-VN", "id-ID", "zh-TW",
}

// writeBenchModule writes a module with n codes, a String table, and a complete translation
// of them into each benchmark locale.
func writeBenchModule(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	write := func(path, content string) {
		path = filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("go.mod", "module example.com/bench\n\ngo 1.26\n")
	var consts, table strings.Builder
	consts.WriteString("package codes\n\n// Code is an error code.\ntype Code int\n\nconst (\n")
	table.WriteString("package codes\n\ntype entry struct {\n\tcode Code\n\tname string\n}\n\nvar table = [...]entry{\n")
	for i := range n {
		fmt.Fprintf(&consts, "\t// Code%d is CODE_%d.\n\tCode%d Code = %d\n", i, i, i, 100000+i)
		fmt.Fprintf(&table, "\t{Code%d, \"CODE_%d\"},\n", i, i)
	}
	consts.WriteString(")\n")
	table.WriteString("}\n\n// String returns the wire name of c.\nfunc (c Code) String() string {\n\tfor _, e := range table {\n\t\tif e.code == c {\n\t\t\treturn e.name\n\t\t}\n\t}\n\treturn \"\"\n}\n")
	write("codes/codes.go", consts.String())
	write("codes/table.go", table.String())
	for li, loc := range benchLocales {
		var f strings.Builder
		for i := range n {
			desc := fmt.Sprintf("What code %d means, for translators.", i)
			src := fmt.Sprintf("错误 %d：{{.Name}} 未找到", i)
			fmt.Fprintf(&f, "[CODE_%d]\ndescription = %q\n", i, desc)
			if li == 0 {
				fmt.Fprintf(&f, "other = %q\n\n", src)
				continue
			}
			text := fmt.Sprintf("Error %d in %s: {{.Name}} not found", i, loc)
			if strings.HasPrefix(loc, "zh") || strings.HasPrefix(loc, "ja") {
				text = fmt.Sprintf("錯誤 %d：{{.Name}} 未找到 (%s)", i, loc)
			}
			fmt.Fprintf(&f, "hash = %q\nother = %q\n\n", sha1Hex(desc+src), text)
		}
		write("locales/"+loc+".toml", f.String())
	}
	return dir
}

// BenchmarkCheck checks 10,000 codes against 20 locales, loading the package each time.
func BenchmarkCheck(b *testing.B) {
	const n = 10000
	dir := writeBenchModule(b, n)
	realLoader(b)
	for b.Loop() {
		r, err := Run(Config{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Findings) > 0 || len(r.Codes.Codes) != n {
			b.Fatalf("%d codes, %d findings, first: %v", len(r.Codes.Codes), len(r.Findings), r.Findings[0])
		}
	}
}

// BenchmarkCheckRepository is this repository's own check, as go run ./cmd/i18ncheck does it.
func BenchmarkCheckRepository(b *testing.B) {
	realLoader(b)
	for b.Loop() {
		r, err := Run(Config{Dir: "../.."})
		if err != nil {
			b.Fatal(err)
		}
		if r.Failed(Error) {
			b.Fatalf("the repository has findings: %v", r.Findings)
		}
	}
}

// realLoader undoes TestMain's caching of package loads for the length of a benchmark.
func realLoader(b *testing.B) {
	cached := loadCodes
	loadCodes = LoadCodes
	b.Cleanup(func() { loadCodes = cached })
}
