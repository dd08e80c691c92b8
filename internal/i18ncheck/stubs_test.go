package i18ncheck

import (
	"os"
	"path/filepath"
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
// en-US.toml and fr-FR.toml, a marker above the stale entry, the rest untouched. The stubs
// load in go-i18n, stay reported, and a second run changes nothing.
func TestWriteStubs(t *testing.T) {
	dir := copyCase(t, "stubs")
	args := []string{"-pkg", fixturePkg, "-locales", dir, "-write-stubs"}
	got, code := runMain(t, args)
	if code != ExitFindings {
		t.Errorf("exit status %d, want %d: stubs stay reported until translated", code, ExitFindings)
	}
	golden(t, "stubs.txt", strings.ReplaceAll(got, dir, "$DIR"))
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
