package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/apiswitch/errcode/internal/configmaptest"
)

func TestLocalesFSPinsOneConfigMapVersion(t *testing.T) {
	dir := t.TempDir()
	if err := configmaptest.Publish(dir, map[string]string{"zh-CN.toml": "v1", "en-US.toml": "v1"}); err != nil {
		t.Fatal(err)
	}
	fsys := localesFS(dir)
	if err := configmaptest.Publish(dir, map[string]string{"zh-CN.toml": "v2", "en-US.toml": "v2"}); err != nil {
		t.Fatal(err)
	}
	// The pinned version is gone: a load through fsys fails rather than mix versions.
	if b, err := fs.ReadFile(fsys, "en-US.toml"); err == nil {
		t.Errorf("read %q from a version that was replaced; want an error", b)
	}
	b, err := fs.ReadFile(localesFS(dir), "en-US.toml")
	if err != nil || string(b) != "v2" {
		t.Errorf("localesFS after the swap reads %q, %v; want v2", b, err)
	}
}

func TestLocalesFSPlainDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "zh-CN.toml"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(localesFS(dir), "zh-CN.toml"); err != nil || string(b) != "x" {
		t.Errorf("read %q, %v", b, err)
	}
}
