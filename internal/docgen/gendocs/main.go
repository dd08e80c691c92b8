// Command gendocs writes error-codes.<lang>.md into the current directory from the codes
// and the embedded locales. It is run by go generate in docs/.
package main

import (
	"fmt"
	"os"

	"github.com/apiswitch/errcode/i18n"
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
	cat, err := i18n.New(locales.FS, i18n.RequireComplete())
	if err != nil {
		return err
	}
	for _, lang := range docgen.Languages {
		md, err := docgen.Markdown(cat, lang)
		if err != nil {
			return err
		}
		if err := os.WriteFile(docgen.FileName(lang), md, 0o644); err != nil {
			return err
		}
	}
	return nil
}
