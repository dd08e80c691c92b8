// Command gendocs writes error-codes.<lang>.md into the current directory for every language
// of the embedded locales, and removes the reference of a language that has no message file
// any more. It is run by go generate in docs/.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/apiswitch/errcode/internal/docgen"
	"github.com/apiswitch/errcode/locales"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func run() error {
	files, err := docgen.Generate(locales.FS)
	if err != nil {
		return err
	}
	old, err := filepath.Glob(docgen.Pattern)
	if err != nil {
		return err
	}
	for _, name := range old {
		if _, ok := files[name]; !ok {
			if err := os.Remove(name); err != nil {
				return err
			}
		}
	}
	for name, md := range files {
		if err := os.WriteFile(name, md, 0o644); err != nil {
			return err
		}
	}
	return nil
}
