package i18ncheck

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// copyCase copies the locale files of a fixture case to a temporary directory.
func copyCase(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "locales")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "cases", name, "locales"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestWriteStubs writes stubs into a copy of the stubs case: new entries at the end of
// en-US.toml and fr-FR.toml, a marker above the stale entry, the rest untouched. It says
// what it wrote in a line per file and a summary, and exits 0. The stubs load in go-i18n,
// are reported as missing until translated, and a second run changes nothing.
func TestWriteStubs(t *testing.T) {
	dir := copyCase(t, "stubs")
	args := []string{"-pkg", fixturePkg, "-locales", dir, "-write-stubs"}
	got, code := runMain(t, args)
	if code != ExitOK {
		t.Errorf("exit status %d, want %d", code, ExitOK)
	}
	checked, code := runMain(t, []string{"-pkg", fixturePkg, "-locales", dir})
	if code != ExitFindings {
		t.Errorf("exit status %d after -write-stubs, want %d: stubs are missing translations", code, ExitFindings)
	}
	golden(t, "stubs.txt", strings.ReplaceAll(got+checked, dir, "$DIR"))
	for _, name := range []string{"en-US.toml", "fr-FR.toml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "stubs."+name, string(data))
		b := i18n.NewBundle(language.Chinese)
		b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		if _, err := b.ParseMessageFileBytes(data, name); err != nil {
			t.Errorf("go-i18n cannot load %s with stubs: %v", name, err)
		}
	}
	before := readAll(t, dir)
	again, _ := runMain(t, args)
	if !strings.Contains(again, "no stubs to write") {
		t.Errorf("second run wrote stubs:\n%s", again)
	}
	if after := readAll(t, dir); after != before {
		t.Errorf("second run changed the files:\n%s\nwas:\n%s", after, before)
	}
}

func readAll(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("== " + e.Name() + "\n" + string(data))
	}
	return b.String()
}

// TestStubTranslated shows a translator's work: once a stub is translated and its marker
// removed, it is no longer reported.
func TestStubTranslated(t *testing.T) {
	dir := copyCase(t, "stubs")
	args := []string{"-pkg", fixturePkg, "-locales", dir, "-write-stubs"}
	runMain(t, args)
	path := filepath.Join(dir, "en-US.toml")
	data, _ := os.ReadFile(path)
	text := strings.Replace(string(data), stubMarker+" translate this entry from zh-CN, then delete this line\n[VOL_NAME_IS_NULL]", "[VOL_NAME_IS_NULL]", 1)
	text = strings.Replace(text, `other = "云硬盘名称不能为空"`, `other = "The volume name is empty."`, 1)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := runMain(t, []string{"-pkg", fixturePkg, "-locales", dir})
	if strings.Contains(got, "en-US: VOL_NAME_IS_NULL") {
		t.Errorf("a translated stub is still reported:\n%s", got)
	}
	if !strings.Contains(got, "en-US: DISK_FULL is an untranslated stub") {
		t.Errorf("an untranslated stub is not reported:\n%s", got)
	}
}

func TestTOMLString(t *testing.T) {
	tests := map[string]string{
		`plain`:         `"plain"`,
		`a "q" \ b`:     `"a \"q\" \\ b"`,
		"line\nnext\tx": `"line\nnext\tx"`,
		"\x01":          `"\u0001"`,
		"未找到":           `"未找到"`,
	}
	for in, want := range tests {
		got := tomlString(in)
		if got != want {
			t.Errorf("tomlString(%q) = %s, want %s", in, got, want)
		}
		var v struct{ S string }
		if _, err := toml.Decode("S = "+got, &v); err != nil || v.S != in {
			t.Errorf("TOML reads %s as %q, %v; want %q", got, v.S, err, in)
		}
	}
}

// TestWriteStubsNewLocale adds a language as the README says: -write-stubs -locale creates
// its file with a stub for every code, which go-i18n loads and i18ncheck reports as missing.
func TestWriteStubsNewLocale(t *testing.T) {
	dir := copyCase(t, "stubs")
	base := []string{"-pkg", fixturePkg, "-locales", dir}
	got, code := runMain(t, append(base, "-write-stubs", "-locale", "de-de"))
	if code != ExitOK {
		t.Errorf("exit status %d, want %d\n%s", code, ExitOK, got)
	}
	checked, _ := runMain(t, append(base, "-locale", "de-DE"))
	golden(t, "stubs.new.txt", strings.ReplaceAll(got+checked, dir, "$DIR"))
	data, err := os.ReadFile(filepath.Join(dir, "de-DE.toml"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "stubs.de-DE.toml", string(data))
	b := i18n.NewBundle(language.Chinese)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	if _, err := b.ParseMessageFileBytes(data, "de-DE.toml"); err != nil {
		t.Errorf("go-i18n cannot load the new file: %v", err)
	}
	again, code := runMain(t, append(base, "-write-stubs", "-locale", "de-DE"))
	if code != ExitOK || !strings.Contains(again, "no stubs to write") {
		t.Errorf("second run: exit %d\n%s", code, again)
	}
}

// TestWriteStubsRefuses table-tests what -write-stubs will not do.
func TestWriteStubsRefuses(t *testing.T) {
	tests := []struct {
		name string
		args []string
		exit int
		want string
	}{
		{"source", []string{"-locale", "zh-CN"}, ExitUsage, "is the source locale"},
		{"not a tag", []string{"-locale", "french"}, ExitUsage, "is not a language tag"},
		{"no plural rules", []string{"-locale", "la"}, ExitUsage, "no plural rules for la"},
		{"with -explain", []string{"-explain", "DISK_FULL"}, ExitUsage, "takes no -explain"},
		{"with -format", []string{"-format", "json"}, ExitUsage, "-format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyCase(t, "stubs")
			before := readAll(t, dir)
			got, code := runMain(t, append([]string{"-pkg", fixturePkg, "-locales", dir, "-write-stubs"}, tt.args...))
			if code != tt.exit || !strings.Contains(got, tt.want) {
				t.Errorf("exit %d, want %d and %q in\n%s", code, tt.exit, tt.want, got)
			}
			if readAll(t, dir) != before {
				t.Errorf("the files changed")
			}
		})
	}
}

// TestWriteStubsSkipsBroken leaves a file that does not parse alone and says so, with exit
// status 1, while the other locales get their stubs.
func TestWriteStubsSkipsBroken(t *testing.T) {
	dir := copyCase(t, "stubs")
	broken := "[APP_NOT_FOUND]\nother = \"x\n"
	if err := os.WriteFile(filepath.Join(dir, "de-DE.toml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	got, code := runMain(t, []string{"-pkg", fixturePkg, "-locales", dir, "-write-stubs"})
	if code != ExitFindings || !strings.Contains(got, "de-DE.toml: no stubs written: a file of de-DE does not parse") || !strings.Contains(got, "fr-FR.toml: 6 stubs") {
		t.Errorf("exit %d, want %d, de-DE skipped and fr-FR written:\n%s", code, ExitFindings, got)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "de-DE.toml")); string(data) != broken {
		t.Errorf("the broken file changed:\n%s", data)
	}
}

// TestStaleMarkerFollowsSource changes the source twice: each -write-stubs leaves one pair
// of stale lines above the entry, giving the newest hash, and a stub of a changed source is
// still missing.
func TestStaleMarkerFollowsSource(t *testing.T) {
	dir := copyCase(t, "stubs")
	args := []string{"-pkg", fixturePkg, "-locales", dir, "-write-stubs"}
	runMain(t, args)
	src := filepath.Join(dir, "zh-CN.toml")
	for _, text := range []string{"未找到应用 {{.Name}}。", "应用 {{.Name}} 不存在"} {
		data, _ := os.ReadFile(src)
		old := regexp.MustCompile(`(?m)^other = "[^"]*\{\{\.Name\}\}[^"]*"$`)
		if err := os.WriteFile(src, old.ReplaceAll(data, []byte(`other = "`+text+`"`)), 0o644); err != nil {
			t.Fatal(err)
		}
		runMain(t, args)
		r, err := Run(Config{Pkg: fixturePkg, Locales: dir})
		if err != nil {
			t.Fatal(err)
		}
		hash := r.Source.message(r.Lookup("APP_NOT_FOUND")).sourceHash()
		for _, name := range []string{"en-US.toml", "fr-FR.toml"} {
			data, _ := os.ReadFile(filepath.Join(dir, name))
			if n := strings.Count(string(data), staleMarker); n != 2 || !strings.Contains(string(data), hash) {
				t.Errorf("after the source became %q, %s has %d stale lines, want 2 giving %s:\n%s", text, name, n, hash, data)
			}
		}
		if !slices.ContainsFunc(r.Findings, func(f Finding) bool {
			return f.Locale == "fr-FR" && f.Subject == "APP_NOT_FOUND" && f.Check == CheckMissing
		}) {
			t.Errorf("the fr-FR stub of a changed source is not reported missing: %v", r.Findings)
		}
	}
}

// TestWriteStubsKeepsHashConvention writes stubs into a bundle whose translations record no
// hash: the stubs record none either, so that translating them leaves the bundle clean.
func TestWriteStubsKeepsHashConvention(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "i18n")
	if err := os.CopyFS(dir, os.DirFS("testdata/hugo/i18n")); err != nil {
		t.Fatal(err)
	}
	args := []string{"-no-pkg", "-locales", dir, "-source", "en"}
	if _, code := runMain(t, append(args, "-write-stubs", "-locale", "nl")); code != ExitOK {
		t.Fatalf("-write-stubs: exit %d", code)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "nl.toml"))
	if strings.Contains(string(data), "hash") {
		t.Errorf("a stub records a hash in a bundle that records none:\n%s", data)
	}
	got, _ := runMain(t, append(args, "-locale", "de"))
	if strings.Contains(got, "has no hash") {
		t.Errorf("stubs made hash-less translations errors:\n%s", got)
	}
}
