package i18n

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// message is the text of one code in one language, ready to render.
type message struct {
	text     string
	tmpl     *template.Template // nil when text has no template actions
	missing  bool
	reported atomic.Bool // a Problem about this message has been reported
}

// newMessage prepares m, which load has already validated; a nil or blank m is missing.
func newMessage(m *goi18n.Message) *message {
	if m == nil || strings.TrimSpace(m.Other) == "" {
		return &message{missing: true}
	}
	tmpl, _ := parseTemplate(m)
	return &message{text: m.Other, tmpl: tmpl}
}

var errEmptyRender = errors.New("i18n: the template rendered an empty message")

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render returns the text of m for data, or an error that says why it cannot.
func (m *message) render(data map[string]any) (string, error) {
	if m.missing {
		return "", ErrMissing
	}
	if m.tmpl == nil {
		return m.text, nil
	}
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	if err := m.tmpl.Execute(buf, data); err != nil {
		return "", err
	}
	if len(bytes.TrimSpace(buf.Bytes())) == 0 {
		return "", errEmptyRender
	}
	return buf.String(), nil
}
