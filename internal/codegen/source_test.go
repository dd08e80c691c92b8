package codegen

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestSourceLineDirectives parses what Source writes for a table whose rows sit among
// comments and blank lines: each constant is placed at its row of codes.tsv, the rest of the
// file keeps its own positions, and the doc comments go doc shows hold no directive.
func TestSourceLineDirectives(t *testing.T) {
	in := "# comment\n\n" + header +
		"10001\tA_B\tAB\t400\tINVALID_ARGUMENT\tFirst.\n" +
		"# between\n" +
		"10320\tC\tC\t202\tOK\tSecond.\n"
	rows, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	src, err := Source(rows)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, SourceFile, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	consts := 0
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			switch spec := spec.(type) {
			case *ast.ValueSpec:
				pos := fset.Position(spec.Names[0].Pos())
				if gd.Tok != token.CONST {
					if pos.Filename != SourceFile {
						t.Errorf("var %s is at %s, want %s", spec.Names[0], pos, SourceFile)
					}
					continue
				}
				row := rows[consts]
				consts++
				if pos.Filename != TableFile || pos.Line != row.Line || spec.Names[0].Name != row.Ident {
					t.Errorf("const %s is at %s, want %s:%d", spec.Names[0], pos, TableFile, row.Line)
				}
				if text := gd.Doc.Text(); !strings.HasPrefix(text, row.Ident+" is ") || strings.Contains(text, TableFile) {
					t.Errorf("const %s's doc = %q", spec.Names[0], text)
				}
			}
		}
	}
	if consts != len(rows) {
		t.Fatalf("%d constants, want %d", consts, len(rows))
	}
	pkg, err := doc.NewFromFiles(fset, []*ast.File{f}, "example.com/codes", doc.PreserveAST)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range pkg.Consts {
		if strings.Contains(c.Doc, TableFile) {
			t.Errorf("go doc shows a directive: %q", c.Doc)
		}
	}
}
