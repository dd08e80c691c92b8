package docs_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// documented are the files that name the module's Go identifiers for users, and the
// packages they name, by the name a reader writes (package name → directory).
var (
	documented = []string{"../README.md", "../cmd/i18ncheck/README.md", "../BENCHMARKS.md"}
	packages   = map[string]string{
		"codes":      "../codes",
		"i18n":       "../i18n",
		"middleware": "../middleware",
		"grpcerr":    "../grpcerr",
		"gateway":    "../grpcerr/gateway",
		"server":     "../server",
		"locales":    "../locales",
	}
	// examples are identifiers a README names that need not exist: what its examples add.
	examples = map[string]bool{
		"codes.ConfigMapNotFound": true, // README's "Adding a code"
	}
)

// TestDocumentedIdentifiers fails when a README names a Go identifier of the module that the
// package does not export: pkg.Name, pkg.Type.Member for a method or a field, or
// `Type.Member` without the package for a type one of them exports (`Catalog.Reload`). It
// catches the renames the docs did not follow.
func TestDocumentedIdentifiers(t *testing.T) {
	var alts []string
	exported := map[string]*exports{}
	for name, dir := range packages {
		alts = append(alts, regexp.QuoteMeta(name))
		exported[name] = exportsOf(t, dir)
	}
	qualified := regexp.MustCompile(`(?:^|[^\w./-])(` + strings.Join(alts, "|") + `)\.([A-Z]\w*)(?:\.([A-Z]\w*))?`)
	member := regexp.MustCompile("`" + `([A-Z]\w*)\.([A-Z]\w*)`)
	checked := 0
	for _, file := range documented {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			at := fmt.Sprintf("%s:%d", file, i+1)
			for _, m := range qualified.FindAllStringSubmatch(line, -1) {
				if !examples[m[1]+"."+m[2]] {
					checked++
					exported[m[1]].check(t, at, m[1], m[2], m[3])
				}
			}
			for _, m := range member.FindAllStringSubmatch(line, -1) {
				for pkg, e := range exported {
					if e.names[m[1]] != nil {
						checked++
						e.check(t, at, pkg, m[1], m[2])
					}
				}
			}
		}
	}
	t.Logf("%d identifiers checked", checked)
	if checked < 20 {
		t.Errorf("checked %d identifiers in %v; the pattern is broken", checked, documented)
	}
}

// check reports name, or its member when not "", if package pkg does not export it.
func (e *exports) check(t *testing.T, at, pkg, name, member string) {
	t.Helper()
	members, ok := e.names[name]
	switch {
	case !ok:
		t.Errorf("%s names %s.%s, which package %s does not export", at, pkg, name, pkg)
	case member != "" && members != nil && !members[member]:
		t.Errorf("%s names %s.%s.%s: %s.%s has no exported method or field %s", at, pkg, name, member, pkg, name, member)
	}
}

// exports are a package's exported top-level names, each type's with its exported methods
// and fields (nil for other names).
type exports struct {
	names map[string]map[string]bool
}

// exportsOf parses the non-test Go files of dir.
func exportsOf(t *testing.T, dir string) *exports {
	t.Helper()
	e := &exports{names: map[string]map[string]bool{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var methods []*ast.FuncDecl
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil {
					methods = append(methods, d)
				} else if d.Name.IsExported() {
					e.names[d.Name.Name] = nil
				}
			case *ast.GenDecl:
				e.addSpecs(d.Specs)
			}
		}
	}
	for _, m := range methods {
		if recv := receiverType(m.Recv.List[0].Type); e.names[recv] != nil && m.Name.IsExported() {
			e.names[recv][m.Name.Name] = true
		}
	}
	if len(e.names) == 0 {
		t.Fatalf("%s exports nothing", dir)
	}
	return e
}

func (e *exports) addSpecs(specs []ast.Spec) {
	for _, s := range specs {
		switch s := s.(type) {
		case *ast.ValueSpec:
			for _, n := range s.Names {
				if n.IsExported() {
					e.names[n.Name] = nil
				}
			}
		case *ast.TypeSpec:
			if !s.Name.IsExported() {
				continue
			}
			members := map[string]bool{}
			if st, ok := s.Type.(*ast.StructType); ok {
				for _, f := range st.Fields.List {
					for _, n := range f.Names {
						members[n.Name] = n.IsExported()
					}
					if len(f.Names) == 0 { // embedded: its name is its type's
						members[receiverType(f.Type)] = true
					}
				}
			}
			if it, ok := s.Type.(*ast.InterfaceType); ok {
				for _, f := range it.Methods.List {
					for _, n := range f.Names {
						members[n.Name] = n.IsExported()
					}
				}
			}
			e.names[s.Name.Name] = members
		}
	}
}

// receiverType returns the name of the type expr names: T, *T, T[P], pkg.T.
func receiverType(expr ast.Expr) string {
	switch x := expr.(type) {
	case *ast.StarExpr:
		return receiverType(x.X)
	case *ast.IndexExpr:
		return receiverType(x.X)
	case *ast.IndexListExpr:
		return receiverType(x.X)
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.Ident:
		return x.Name
	}
	return ""
}
