// Command gencodes writes codes_gen.go from codes.tsv. Run it through `go generate ./codes`.
package main

import (
	"fmt"
	"os"

	"github.com/apiswitch/errcode/internal/codegen"
)

func main() {
	if err := run("codes.tsv", "codes_gen.go"); err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := codegen.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	src, err := codegen.Source(rows)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
