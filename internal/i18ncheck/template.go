package i18ncheck

import (
	"slices"

	"github.com/apiswitch/errcode/internal/localefile"
)

// templateFields returns the sorted, distinct data fields that form of m substitutes, such as
// ".Name", or why the form is not a template messages may use: the server's loader refuses
// the same templates (see localefile.Parse).
func (m *Message) templateFields(form string) ([]string, error) {
	tmpl, err := m.template(form)
	if err != nil {
		return nil, err
	}
	var fields []string
	for _, f := range tmpl.Fields() {
		fields = append(fields, "."+f)
	}
	slices.Sort(fields)
	return fields, nil
}

// template returns the template of form, as the reader parsed it when it read the file.
func (m *Message) template(form string) (*localefile.Template, error) {
	text := m.Forms[form]
	if m.read != nil {
		if fm, ok := m.read.Form(form); ok && fm.Text == text {
			return fm.Template, fm.Err
		}
	}
	return localefile.Parse(text, m.LeftDelim, m.RightDelim)
}

// templatePos returns where the problem with the template of form is: the refused action,
// inside the string, where the reader found it; the form's key when the text is not the one
// read.
func (m *Message) templatePos(form string) Position {
	if m.read != nil {
		if fm, ok := m.read.Form(form); ok && fm.Text == m.Forms[form] && fm.Err != nil {
			return Position{File: m.Pos.File, Line: fm.ErrPos.Line, Col: fm.ErrPos.Col}
		}
	}
	return m.formPos(form)
}
