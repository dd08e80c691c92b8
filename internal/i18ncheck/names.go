package i18ncheck

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/packages"
)

// nameCodes sets the wire names of consts. A name comes from the code type's String method
// when it reads a table: the package-level functions and variables String reaches are
// searched for composite literals and switch cases that pair one constant with a string,
// such as {AppNotFound, "APP_NOT_FOUND", 404}, AppNotFound: "APP_NOT_FOUND" or
// case AppNotFound: return "APP_NOT_FOUND". A constant no table names matches both
// UPPER_SNAKE_CASE of its identifier and the identifier itself; its Name is the identifier
// when String names no constant at all (what stringer generates), else UPPER_SNAKE_CASE.
func nameCodes(pkg *packages.Package, target *types.Named, consts map[*types.Const]*Code) {
	table := stringTable(pkg, target, consts)
	stringer := stringMethod(target) != nil && len(table) == 0
	for c, code := range consts {
		if name, ok := table[c]; ok {
			code.Name, code.Names = name, []string{name}
			continue
		}
		snake := upperSnake(code.Ident)
		code.Name = snake
		if stringer {
			code.Name = code.Ident
		}
		code.Names = []string{snake}
		if snake != code.Ident {
			code.Names = append(code.Names, code.Ident)
		}
	}
}

// stringMethod returns the String method declared on the named type, if any.
func stringMethod(named *types.Named) *types.Func {
	for m := range named.Methods() {
		if m.Name() == "String" {
			return m
		}
	}
	return nil
}

// stringTable returns the names that the String method's reachable code pairs with consts.
func stringTable(pkg *packages.Package, target *types.Named, consts map[*types.Const]*Code) map[*types.Const]string {
	m := stringMethod(target)
	if m == nil || m.Pkg() != pkg.Types {
		return nil
	}
	decls := packageDecls(pkg)
	table := map[*types.Const]string{}
	seen := map[types.Object]bool{m: true}
	queue := []types.Object{m}
	for len(queue) > 0 {
		obj := queue[0]
		queue = queue[1:]
		for _, n := range decls[obj] {
			pairs(pkg.TypesInfo, n, consts, table)
			for _, used := range packageUses(pkg, n) {
				if !seen[used] {
					seen[used] = true
					queue = append(queue, used)
				}
			}
		}
	}
	return table
}

// packageDecls maps each package-level function, method and variable to the syntax that
// defines it: a function body, or a variable's initializer.
func packageDecls(pkg *packages.Package) map[types.Object][]ast.Node {
	decls := map[types.Object][]ast.Node{}
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if obj := pkg.TypesInfo.Defs[d.Name]; obj != nil && d.Body != nil {
					decls[obj] = append(decls[obj], d.Body)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					vs, ok := s.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for _, n := range vs.Names {
						obj := pkg.TypesInfo.Defs[n]
						for _, v := range vs.Values {
							decls[obj] = append(decls[obj], v)
						}
					}
				}
			}
		}
	}
	return decls
}

// packageUses returns the package-level functions, methods and variables that n refers to.
func packageUses(pkg *packages.Package, n ast.Node) []types.Object {
	var uses []types.Object
	ast.Inspect(n, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		switch obj := pkg.TypesInfo.Uses[id].(type) {
		case *types.Func:
			if obj.Pkg() == pkg.Types {
				uses = append(uses, obj)
			}
		case *types.Var:
			if obj.Pkg() == pkg.Types && obj.Parent() == pkg.Types.Scope() {
				uses = append(uses, obj)
			}
		}
		return true
	})
	return uses
}

// pairs records in table every constant that n pairs with a string. The first pairing of a
// constant wins.
func pairs(info *types.Info, n ast.Node, consts map[*types.Const]*Code, table map[*types.Const]string) {
	add := func(c *types.Const, name string) {
		if _, ok := table[c]; !ok {
			table[c] = name
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if c, name, ok := row(info, n.Elts, consts); ok {
				add(c, name)
			}
		case *ast.KeyValueExpr:
			c := constOf(info, n.Key, consts)
			if c == nil {
				return true
			}
			if s, ok := stringOf(info, n.Value); ok {
				add(c, s)
			} else if lit, ok := n.Value.(*ast.CompositeLit); ok {
				if name, ok := firstName(info, lit.Elts); ok {
					add(c, name)
				}
			}
		case *ast.CaseClause:
			caseNames(info, n, consts, add)
		}
		return true
	})
}

// row reports the one constant and the name in a table row such as {C, "NAME", 404}.
func row(info *types.Info, elts []ast.Expr, consts map[*types.Const]*Code) (*types.Const, string, bool) {
	var found *types.Const
	for _, e := range elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Value
		}
		if c := constOf(info, e, consts); c != nil {
			if found != nil {
				return nil, "", false
			}
			found = c
		}
	}
	if found == nil {
		return nil, "", false
	}
	name, ok := firstName(info, elts)
	return found, name, ok
}

// firstName returns the first string constant among elts that looks like an identifier,
// else the first string constant.
func firstName(info *types.Info, elts []ast.Expr) (string, bool) {
	var first string
	var ok bool
	for _, e := range elts {
		if kv, isKV := e.(*ast.KeyValueExpr); isKV {
			e = kv.Value
		}
		s, isString := stringOf(info, e)
		if !isString {
			continue
		}
		if !strings.ContainsFunc(s, unicode.IsSpace) && s != "" {
			return s, true
		}
		if !ok {
			first, ok = s, true
		}
	}
	return first, ok
}

// caseNames handles `case A, B: return "NAME"`.
func caseNames(info *types.Info, cc *ast.CaseClause, consts map[*types.Const]*Code, add func(*types.Const, string)) {
	if len(cc.Body) == 0 {
		return
	}
	ret, ok := cc.Body[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) == 0 {
		return
	}
	name, ok := stringOf(info, ret.Results[0])
	if !ok {
		return
	}
	for _, e := range cc.List {
		if c := constOf(info, e, consts); c != nil {
			add(c, name)
		}
	}
}

// constOf returns the code constant e names, if it names one.
func constOf(info *types.Info, e ast.Expr, consts map[*types.Const]*Code) *types.Const {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	c, ok := info.Uses[id].(*types.Const)
	if !ok || consts[c] == nil {
		return nil
	}
	return c
}

// stringOf returns the value of a constant string expression.
func stringOf(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// upperSnake converts a Go identifier to UPPER_SNAKE_CASE: AppNotFound → APP_NOT_FOUND,
// YAMLSyntaxError → YAML_SYNTAX_ERROR, VolFSEmpty → VOL_FS_EMPTY.
func upperSnake(ident string) string {
	rs := []rune(ident)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) && rs[i-1] != '_' {
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (unicode.IsUpper(rs[i-1]) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
