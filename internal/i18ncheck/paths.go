package i18ncheck

import (
	"go/token"
	"path/filepath"
	"strings"
)

// relPath returns path relative to dir when it lies under dir, else path unchanged.
func relPath(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	base, err := filepath.Abs(dir)
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}

// position converts a go/token position to a Position relative to dir.
func position(fset *token.FileSet, pos token.Pos, dir string) Position {
	p := fset.Position(pos)
	return Position{File: relPath(dir, p.Filename), Line: p.Line, Col: p.Column}
}

// toSlash returns a path with forward slashes, as URIs and JSON consumers expect.
func toSlash(path string) string { return filepath.ToSlash(path) }
