package localefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CheckDir says why dir cannot hold a language's message files: it does not exist, it is
// not a directory, or it has no *.toml file at its top (a directory with only other files,
// or the wrong one, is the likeliest mistake). The error names what was expected, not dir:
// callers prefix the flag and the path as the user wrote them ("-locales DIR: ...").
func CheckDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such directory")
	case err != nil:
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return errors.New("not a directory")
		}
		return err
	}
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".toml") {
			return nil
		}
	}
	return errors.New("no *.toml locale file in it (want one file per language, such as zh-CN.toml)")
}
