package i18n

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/locales"
)

// paddedLocales are the 20 languages of the padded set, the default first.
var paddedLocales = []string{
	"zh-CN", "en-US", "fr-FR", "de-DE", "ja-JP", "ko-KR", "ru-RU", "es-ES", "pt-BR", "it-IT",
	"nl-NL", "pl-PL", "tr-TR", "ar-SA", "he-IL", "hi-IN", "th-TH", "vi-VN", "id-ID", "zh-TW",
}

// paddedFile returns a complete file for tag whose messages are followed by pad entries
// with ids that are no code, each with a description, a hash and a text, as a project that
// shares its files with other services has.
func paddedFile(tag string, pad int) string {
	var b strings.Builder
	for _, c := range codes.All() {
		fmt.Fprintf(&b, "[%s]\ndescription = \"When %s is returned.\"\nother = \"%s: message of %s.\"\n\n", c, c, tag, c)
	}
	for i := range pad {
		fmt.Fprintf(&b, "[OTHER_SERVICE_%05d]\ndescription = \"What message %d of another service means, for translators.\"\nhash = \"sha1-%040d\"\nother = \"%s: message %d of another service, which no code uses.\"\n\n", i, i, i, tag, i)
	}
	return b.String()
}

// paddedSet returns the 20 languages, each padded with pad ids that are no code.
func paddedSet(pad int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, tag := range paddedLocales {
		fsys[tag+".toml"] = &fstest.MapFile{Data: []byte(paddedFile(tag, pad))}
	}
	return fsys
}

var discard = OnProblem(LogTo(slog.New(slog.DiscardHandler)))

// TestRetainedHeap loads 20 languages padded with 10,000 ids that are no code and measures
// the heap the catalog keeps: the messages of the codes, not the files, not the padding.
//
// The goal is 24 MiB for 10,000 ids (go-i18n's bundle kept them all: 144 MiB). Under the
// race detector or -short, 500 ids and a twentieth of the budget keep the test quick and as
// able to fail.
func TestRetainedHeap(t *testing.T) {
	pad, budget := 10_000, int64(24<<20)
	if raceEnabled || testing.Short() {
		pad, budget = 500, budget/20
	}
	fsys := paddedSet(pad)
	retained, c := retainedBy(t, fsys)
	t.Logf("20 languages × (%d codes + %d other ids): %.2f MiB retained", len(codes.All()), pad, float64(retained)/(1<<20))
	if retained > budget {
		t.Errorf("the catalog retains %d bytes, want ≤ %d", retained, budget)
	}
	if got := c.Message(enUS, codes.AppNotFound, nil); got != "en-US: message of APP_NOT_FOUND." {
		t.Errorf("Message = %q", got)
	}
}

// retainedBy returns how much more heap is live after New(fsys) than before.
func retainedBy(t testing.TB, fsys fs.FS) (int64, *Catalog) {
	before := heapInUse()
	c, err := New(fsys, RequireComplete(), discard)
	if err != nil {
		t.Fatal(err)
	}
	after := heapInUse()
	runtime.KeepAlive(fsys)
	return int64(after) - int64(before), c
}

// BenchmarkReloadPadded reloads the padded 20-language set, changed each time, and reports
// the heap the catalog retains after the last reload.
func BenchmarkReloadPadded(b *testing.B) {
	sets := []fstest.MapFS{paddedSet(10_000), paddedSet(10_000)}
	sets[1]["en-US.toml"] = &fstest.MapFile{Data: []byte(paddedFile("en-US", 10_000) + "# changed\n")}
	c, err := New(sets[0], RequireComplete(), discard)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := c.Reload(sets[i%2]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	retained, _ := retainedBy(b, sets[0])
	b.ReportMetric(float64(retained)/(1<<20), "retained-MiB")
}

// BenchmarkLoadProcess loads sets of files in a fresh process each, and reports the time
// New takes, the heap the catalog keeps and the process's peak RSS: a baseline process that
// loads nothing, the embedded locales, the padded 20-language set, a 50 MB file under the
// default limit (refused before it is read) and with the limit raised to read it, and a
// directory of 1,000 copies of en-US.toml. The goi18n- cases load the same files into a
// go-i18n Bundle, as the catalog did before it read files through localefile.
func BenchmarkLoadProcess(b *testing.B) {
	en, err := fs.ReadFile(locales.FS, "en-US.toml")
	if err != nil {
		b.Fatal(err)
	}
	dirs := map[string]map[string]string{
		"baseline": nil,
		"embedded": {},
		"padded-20": func() map[string]string {
			m := map[string]string{}
			for name, f := range paddedSet(10_000) {
				m[name] = string(f.Data)
			}
			return m
		}(),
		"50MB-refused": {"en-US.toml": fiftyMB()},
		"50MB-allowed": {"en-US.toml": fiftyMB()},
		"50MB":         {"en-US.toml": fiftyMB()},
		"1000-files": func() map[string]string {
			m := map[string]string{}
			for i := range 1000 {
				m[fmt.Sprintf("copy%04d.en-US.toml", i)] = string(en)
			}
			return m
		}(),
	}
	for _, name := range []string{"baseline", "embedded", "padded-20", "goi18n-padded-20", "50MB-refused",
		"50MB-allowed", "goi18n-50MB", "1000-files", "goi18n-1000-files"} {
		dir := b.TempDir()
		if files := dirs[strings.TrimPrefix(name, "goi18n-")]; files != nil {
			writeLocales(b, dir, files)
		}
		b.Run(name, func(b *testing.B) {
			var load time.Duration
			var rss, retained int64
			for b.Loop() {
				r := loadInProcess(b, name, dir)
				load += r.load
				rss = max(rss, r.rss)
				retained = r.retained
			}
			b.ReportMetric(float64(load.Milliseconds())/float64(b.N), "load-ms")
			b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
			b.ReportMetric(float64(retained)/(1<<20), "retained-MiB")
		})
	}
}

// fiftyMB returns a 50 MB file of messages.
func fiftyMB() string {
	var b strings.Builder
	for i := 0; b.Len() < 50_000_000; i++ {
		fmt.Fprintf(&b, "PADDING_%07d = \"A message of fifty-odd bytes, number %d.\"\n", i, i)
	}
	return b.String()
}

// writeLocales writes the embedded zh-CN.toml and en-US.toml into dir, then files over them.
func writeLocales(b *testing.B, dir string, files map[string]string) {
	for _, name := range []string{"zh-CN.toml", "en-US.toml"} {
		data, _ := fs.ReadFile(locales.FS, name)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// processResult is what loadInProcess measured.
type processResult struct {
	load          time.Duration
	rss, retained int64
}

// loadInProcess runs TestLoadProcess in a new process of this test binary.
func loadInProcess(b *testing.B, name, dir string) processResult {
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadProcess$")
	cmd.Env = append(os.Environ(), "I18N_LOAD_PROCESS="+name, "I18N_LOAD_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var r processResult
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "load-ns "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			r.load = time.Duration(n)
		}
		if v, ok := strings.CutPrefix(sc.Text(), "retained "); ok {
			r.retained, _ = strconv.ParseInt(v, 10, 64)
		}
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kib, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			r.rss = kib << 10
		}
	}
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		b.Fatalf("%s: %v", name, err)
	}
	return r
}

// printPeakRSS prints the process's peak resident set size, as Linux counts it since exec
// (the rusage of a child would count the parent's pages it shared before exec).
func printPeakRSS() {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			fmt.Println(line)
		}
	}
}

// TestLoadProcess is the child of BenchmarkLoadProcess: it loads one set and prints how
// long New took and how much heap the catalog keeps. Without I18N_LOAD_PROCESS it does
// nothing.
func TestLoadProcess(t *testing.T) {
	name, dir := os.Getenv("I18N_LOAD_PROCESS"), os.Getenv("I18N_LOAD_DIR")
	if name == "" {
		return
	}
	defer printPeakRSS()
	if name == "baseline" {
		return
	}
	if strings.HasPrefix(name, "goi18n-") {
		loadGoi18n(dir)
		return
	}
	opts := []Option{discard}
	if name == "50MB-allowed" {
		opts = append(opts, MaxFileSize(64<<20))
	}
	before := heapInUse()
	start := time.Now()
	c, err := New(os.DirFS(dir), opts...)
	elapsed := time.Since(start)
	if c == nil {
		t.Fatalf("%s: %v", name, err)
	}
	after := heapInUse()
	runtime.KeepAlive(c)
	fmt.Printf("load-ns %d\nretained %d\n", elapsed.Nanoseconds(), int64(after)-int64(before))
}

// loadGoi18n loads every *.toml file of dir into a go-i18n Bundle, errors aside, and prints
// what TestLoadProcess prints.
func loadGoi18n(dir string) {
	before := heapInUse()
	start := time.Now()
	bundle := goi18n.NewBundle(zhCN)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, _ := fs.Glob(os.DirFS(dir), "*.toml")
	for _, name := range names {
		bundle.LoadMessageFileFS(os.DirFS(dir), name)
	}
	elapsed := time.Since(start)
	after := heapInUse()
	runtime.KeepAlive(bundle)
	fmt.Printf("load-ns %d\nretained %d\n", elapsed.Nanoseconds(), int64(after)-int64(before))
}
