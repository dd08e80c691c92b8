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

// position converts a go/token position to a Position relative to dir. It follows //line
// directives, so that a constant generated from a table is placed at its row; such a
// directive may leave the column unknown (0), which becomes 1.
func position(fset *token.FileSet, pos token.Pos, dir string) Position {
	p := fset.Position(pos)
	return Position{File: relPath(dir, p.Filename), Line: p.Line, Col: max(p.Column, 1)}
}

// toSlash returns a path with forward slashes, as URIs and JSON consumers expect.
func toSlash(path string) string { return filepath.ToSlash(path) }
