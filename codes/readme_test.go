package codes

import (
	"bytes"
	"os"
	"testing"

	"github.com/apiswitch/errcode/internal/codegen"
)

// readTable parses codes.tsv.
func readTable(t *testing.T) []codegen.Row {
	t.Helper()
	rows, err := codegen.ParseFile("codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestGeneratedFilesAreUpToDate fails while codes_gen.go or the README's status table is out
// of step with codes.tsv.
func TestGeneratedFilesAreUpToDate(t *testing.T) {
	rows := readTable(t)
	src, err := codegen.Source(rows)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	table, err := codegen.README(readme, rows)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string][]byte{"codes_gen.go": src, "../README.md": table} {
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date with codes.tsv: run go generate ./...", file)
		}
	}
}
