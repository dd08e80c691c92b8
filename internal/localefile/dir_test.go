package localefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheckDir(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	mkdir := func(name string, files ...string) string {
		dir := filepath.Join(root, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	configMap := mkdir("configmap")
	data := mkdir("configmap/..2026_11_28", "zh-CN.toml")
	if err := os.Symlink(filepath.Base(data), filepath.Join(configMap, "..data")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..data", "zh-CN.toml"), filepath.Join(configMap, "zh-CN.toml")); err != nil {
		t.Fatal(err)
	}
	mkdir("subdir-only/zh-CN.toml") // a directory named like a file is no file
	tests := []struct {
		dir  string
		want string // "": no error
	}{
		{mkdir("locales", "zh-CN.toml", "en-US.toml"), ""},
		{mkdir("upper", "EN.TOML"), ""}, // i18ncheck reports the name; the loader refuses it
		{configMap, ""},
		{mkdir("empty"), "no *.toml locale file in it (want one file per language, such as zh-CN.toml)"},
		{mkdir("other", "README.md", "zh-CN.json"), "no *.toml locale file in it (want one file per language, such as zh-CN.toml)"},
		{filepath.Join(root, "subdir-only"), "no *.toml locale file in it (want one file per language, such as zh-CN.toml)"},
		{filepath.Join(root, "nope"), "no such directory"},
		{filepath.Join(root, "locales", "zh-CN.toml"), "not a directory"},
	}
	for _, tt := range tests {
		err := CheckDir(tt.dir)
		if got := errString(err); got != tt.want {
			t.Errorf("CheckDir(%s) = %q, want %q", tt.dir, got, tt.want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
