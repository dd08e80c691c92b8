package i18ncheck

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A Code is one constant of the code type, as declared in Go source.
type Code struct {
	Ident  string // Go identifier, such as "AppNotFound"
	Number string // exact decimal value, such as "10205"
	// Name is the wire name: what String returns, such as "APP_NOT_FOUND". See the package
	// documentation for how it is found without running the code.
	Name string
	// Names are every message id that matches the code by name: Name and, when no String
	// table names the code, both spellings of the identifier.
	Names []string
	Pos   Position
	Doc   string // the declaration's doc comment, without comment markers
}

// A CodeSet is the constants of one code type.
type CodeSet struct {
	PkgPath string
	PkgName string
	Type    string
	Codes   []*Code // in numeric order, then by position
	// Findings are problems among the constants themselves, such as one number twice.
	Findings []Finding
}

// loadMode is what LoadCodes needs from go/packages: syntax and types of the one package,
// export data for its imports. Nothing is linked or run.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
	packages.NeedTypes | packages.NeedTypesInfo

// LoadCodes loads the package matching pattern, resolved in dir, and returns its constants
// of the type named typeName. The pattern must match exactly one package that type-checks.
func LoadCodes(dir, pattern, typeName string) (*CodeSet, error) {
	cfg := &packages.Config{Mode: loadMode, Dir: dir}
	pkgs, err := packages.Load(cfg, pattern)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", pattern, err)
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("package pattern %q matches %d packages, want 1", pattern, len(pkgs))
	}
	pkg := pkgs[0]
	if len(pkg.Errors) > 0 {
		return nil, packageErrors(pkg.Errors)
	}
	target, err := codeType(pkg.Types, typeName)
	if err != nil {
		return nil, err
	}
	return collectCodes(pkg, target, typeName, dir), nil
}

// packageErrors joins the first few errors of a package.
func packageErrors(errs []packages.Error) error {
	var all []error
	for i, e := range errs {
		if i == 5 {
			all = append(all, fmt.Errorf("and %d more errors", len(errs)-i))
			break
		}
		all = append(all, errors.New(e.Error()))
	}
	return errors.Join(all...)
}

// codeType finds the named type typeName in pkg, looking through an alias.
func codeType(pkg *types.Package, typeName string) (*types.Named, error) {
	obj, ok := pkg.Scope().Lookup(typeName).(*types.TypeName)
	if !ok {
		return nil, fmt.Errorf("package %s has no type %s", pkg.Path(), typeName)
	}
	named, ok := types.Unalias(obj.Type()).(*types.Named)
	if !ok {
		return nil, fmt.Errorf("%s.%s is not a named type", pkg.Path(), typeName)
	}
	if b, ok := named.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return nil, fmt.Errorf("%s.%s is not an integer type", pkg.Path(), typeName)
	}
	return named, nil
}

// collectCodes gathers the exported package-level constants of type target.
func collectCodes(pkg *packages.Package, target *types.Named, typeName, dir string) *CodeSet {
	set := &CodeSet{PkgPath: pkg.PkgPath, PkgName: pkg.Name, Type: typeName}
	docs := constDocs(pkg.Syntax)
	consts := map[*types.Const]*Code{}
	scope := pkg.Types.Scope()
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || !c.Exported() || !types.Identical(types.Unalias(c.Type()), target) {
			continue
		}
		code := &Code{
			Ident:  name,
			Number: c.Val().ExactString(),
			Pos:    position(pkg.Fset, c.Pos(), dir),
			Doc:    docs[c.Pos()],
		}
		consts[c] = code
		set.Codes = append(set.Codes, code)
	}
	nameCodes(pkg, target, consts)
	slices.SortFunc(set.Codes, func(a, b *Code) int {
		return cmp.Or(compareNumbers(a.Number, b.Number), comparePos(a.Pos, b.Pos))
	})
	set.Findings = duplicateCodes(set.Codes)
	return set
}

// compareNumbers orders exact decimal integers.
func compareNumbers(a, b string) int {
	x := constant.MakeFromLiteral(a, token.INT, 0)
	y := constant.MakeFromLiteral(b, token.INT, 0)
	switch {
	case constant.Compare(x, token.LSS, y):
		return -1
	case constant.Compare(x, token.GTR, y):
		return 1
	}
	return 0
}

func comparePos(a, b Position) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// constDocs maps the position of each constant name to its doc comment: the spec's own, or
// the declaration's when the declaration has a single spec.
func constDocs(files []*ast.File) map[token.Pos]string {
	docs := map[token.Pos]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				doc := vs.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				for _, n := range vs.Names {
					docs[n.Pos()] = strings.TrimSpace(doc.Text())
				}
			}
		}
	}
	return docs
}

// duplicateCodes reports a number or a name that two constants share, at the later one.
func duplicateCodes(codes []*Code) []Finding {
	var fs []Finding
	byNumber := map[string]*Code{}
	byName := map[string]*Code{}
	for _, c := range sortedByPos(codes) {
		if first, ok := byNumber[c.Number]; ok {
			fs = append(fs, dupCodeFinding(c, first, "number "+c.Number))
		} else {
			byNumber[c.Number] = c
		}
		if first, ok := byName[c.Name]; ok {
			fs = append(fs, dupCodeFinding(c, first, "name "+c.Name))
		} else {
			byName[c.Name] = c
		}
	}
	return fs
}

func dupCodeFinding(c, first *Code, what string) Finding {
	return Finding{
		Check:    CheckDuplicate,
		Severity: Error,
		Pos:      c.Pos,
		Message:  fmt.Sprintf("%s has the %s, as %s at %s does", c.Ident, what, first.Ident, first.Pos),
		Subject:  c.Ident,
		Detail:   what,
	}
}

func sortedByPos(codes []*Code) []*Code {
	s := slices.Clone(codes)
	slices.SortStableFunc(s, func(a, b *Code) int { return comparePos(a.Pos, b.Pos) })
	return s
}

// title names c in messages: "APP_NOT_FOUND (10205)", or the message id alone.
func (c *Code) title() string {
	if c.Number == "" {
		return c.Name
	}
	return fmt.Sprintf("%s (%s)", c.Name, c.Number)
}

// noCode says that a name is no code's, in the words of where the codes come from.
func (r *Report) noCode() string {
	if r.Codes.fromSource() {
		return fmt.Sprintf("the source locale %s has no message with this id", r.Source.Tag)
	}
	return fmt.Sprintf("no %s constant has this name or number", r.Codes.Type)
}

// sourceCodes makes the messages of the source locale the codes, for a bundle without a
// package of constants: each id is a code, named by the id and defined where the message is.
func sourceCodes(src *Locale) *CodeSet {
	set := &CodeSet{}
	seen := map[string]bool{}
	for _, f := range src.Files {
		for _, m := range f.Messages {
			if !seen[m.ID] {
				seen[m.ID] = true
				set.Codes = append(set.Codes, &Code{Name: m.ID, Names: []string{m.ID}, Pos: m.Pos, Doc: m.Description})
			}
		}
	}
	return set
}

// fromSource reports whether the codes are the source locale's message ids.
func (s *CodeSet) fromSource() bool { return s.PkgPath == "" }
