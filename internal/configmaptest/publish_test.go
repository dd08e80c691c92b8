package configmaptest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apiswitch/errcode/internal/configmaptest"
)

func TestPublish(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	versions := []map[string]string{
		{"a.toml": "1", "b.toml": "1"},
		{"a.toml": "2", "b.toml": "2"},
		{"a.toml": "3"},
	}
	for _, files := range versions {
		if err := configmaptest.Publish(dir, files); err != nil {
			t.Fatal(err)
		}
		for name, want := range files {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil || string(got) != want {
				t.Errorf("%s = %q, %v; want %q", name, got, err, want)
			}
			if target, err := os.Readlink(filepath.Join(dir, name)); err != nil || target != filepath.Join("..data", name) {
				t.Errorf("%s links to %q, %v; want ..data/%s", name, target, err, name)
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "b.toml")); !os.IsNotExist(err) {
		t.Errorf("b.toml still visible after a version without it: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 { // a.toml, ..data and one version directory
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("dir holds %q, want a.toml, ..data and the current version only", names)
	}
}
