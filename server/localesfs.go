package server

import (
	"io/fs"
	"os"
	"path/filepath"
)

// localesFS returns the file system to load dir's message files from. When dir is a
// Kubernetes ConfigMap volume, its visible files are symlinks through "..data", which the
// kubelet swaps to publish a new version; resolving "..data" once makes one load read every
// file from the same version, never zh-CN.toml from one and en-US.toml from the next.
func localesFS(dir string) fs.FS {
	target, err := os.Readlink(filepath.Join(dir, "..data"))
	if err != nil {
		return os.DirFS(dir)
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(dir, target)
	}
	return os.DirFS(target)
}
