package i18ncheck

import (
	"slices"
	"strings"
	"text/template"
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
	t, err := template.New("").Delims(left, right).Option("missingkey=default").Parse(src)
	if err != nil {
		return nil, err
	}
	var fields []string
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			fields = walkFields(tt.Root, fields)
		}
	}
	slices.Sort(fields)
	return slices.Compact(fields), nil
}

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
