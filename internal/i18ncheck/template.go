package i18ncheck

import (
	"regexp"
	"slices"
	"strings"
	"text/template/parse"
)

// templateFields parses src as go-i18n would (text/template with the message's delimiters,
// "{{" and "}}" by default) and returns the sorted, distinct data fields it uses, such as
// ".Name" or ".Vol.Size". Like go-i18n, it does not parse text without a left delimiter.
func templateFields(src, left, right string) ([]string, error) {
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	if !strings.Contains(src, left) {
		return nil, nil
	}
	if fields, ok := simpleFields(src, left, right); ok {
		return fields, nil
	}
	trees, err := parse.Parse("", src, left, right, builtinFuncs)
	if err != nil {
		return nil, err
	}
	var fields []string
	for _, tree := range trees {
		fields = walkFields(tree.Root, fields)
	}
	slices.Sort(fields)
	return slices.Compact(fields), nil
}

// simpleField is an action that only prints a field, such as {{.Name}} or {{ .Vol.Size }}.
var simpleField = regexp.MustCompile(`^ *(\.[A-Za-z_][A-Za-z0-9_]*)+ *$`)

// simpleFields returns the fields of a template whose every action prints a field, which is
// what messages nearly always hold, without parsing it; ok is false for any other template.
func simpleFields(src, left, right string) (fields []string, ok bool) {
	for {
		i := strings.Index(src, left)
		if i < 0 {
			slices.Sort(fields)
			return slices.Compact(fields), true
		}
		src = src[i+len(left):]
		j := strings.Index(src, right)
		if j < 0 || !simpleField.MatchString(src[:j]) {
			return nil, false
		}
		fields = append(fields, strings.TrimSpace(src[:j]))
		src = src[j+len(right):]
	}
}

// builtinFuncs are the names of text/template's built-in functions, which a template may
// call: go-i18n adds none unless the caller passes Funcs. Parsing with the parse package
// and these names finds the same errors as text/template, without building a Template.
var builtinFuncs = func() map[string]any {
	m := map[string]any{}
	for _, name := range []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or",
		"print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"} {
		m[name] = true // parse checks only that the value is not nil
	}
	return m
}()

// walkFields appends the fields used under n.
func walkFields(n parse.Node, fields []string) []string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return fields
		}
		for _, c := range n.Nodes {
			fields = walkFields(c, fields)
		}
	case *parse.ActionNode:
		fields = walkFields(n.Pipe, fields)
	case *parse.PipeNode:
		if n == nil {
			return fields
		}
		for _, c := range n.Cmds {
			fields = walkFields(c, fields)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			fields = walkFields(a, fields)
		}
	case *parse.FieldNode:
		fields = append(fields, "."+strings.Join(n.Ident, "."))
	case *parse.ChainNode:
		fields = walkFields(n.Node, fields)
	case *parse.VariableNode:
		if len(n.Ident) > 1 && n.Ident[0] == "$" {
			fields = append(fields, "."+strings.Join(n.Ident[1:], "."))
		}
	case *parse.IfNode:
		fields = walkBranch(&n.BranchNode, fields)
	case *parse.RangeNode:
		fields = walkBranch(&n.BranchNode, fields)
	case *parse.WithNode:
		fields = walkBranch(&n.BranchNode, fields)
	case *parse.TemplateNode:
		fields = walkFields(n.Pipe, fields)
	}
	return fields
}

func walkBranch(b *parse.BranchNode, fields []string) []string {
	fields = walkFields(b.Pipe, fields)
	fields = walkFields(b.List, fields)
	return walkFields(b.ElseList, fields)
}
