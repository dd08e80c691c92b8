// Command gencodes writes what derives from codes.tsv: codes_gen.go and the status table of
// the README named by -readme. Run it through `go generate ./codes` (or ./...).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/apiswitch/errcode/internal/codegen"
)

func main() {
	readme := flag.String("readme", "", "`file` whose status table to rewrite (none when empty)")
	flag.Parse()
	if err := run(codegen.TableFile, codegen.SourceFile, *readme); err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
}

func run(table, out, readme string) error {
	rows, err := codegen.ParseFile(table)
	if err != nil {
		return err
	}
	src, err := codegen.Source(rows)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	if readme == "" {
		return nil
	}
	doc, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	if doc, err = codegen.README(doc, rows); err != nil {
		return fmt.Errorf("%s: %w", readme, err)
	}
	return os.WriteFile(readme, doc, 0o644)
}
