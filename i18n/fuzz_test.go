package i18n

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/codes"
)

// asciiCase maps ASCII letters with f and leaves every other byte alone, so that the
// 500-byte cut falls at the same place in both spellings.
func asciiCase(s string, upper bool) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case upper && 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		case !upper && 'A' <= c && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

// FuzzLoad loads any file as zh-CN.toml. Whatever loads renders every message, with data
// or without, to a non-empty text that is at most the template plus maxValueLen bytes and
// an ellipsis per placeholder, however large the data: rendering is one pass over the
// template's parts, so its time is linear in the message's length.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(zhOK))
	f.Add([]byte("[APP_NOT_FOUND]\ndescription = \"d\"\nother = \"{{.Name}}\"\n"))
	f.Add([]byte("[APP_NOT_FOUND]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"<<.N>>\"\n"))
	f.Add([]byte("A = \"x\"\n[B]\nother = \"y\"\nC = \"z\"\n"))
	f.Add([]byte("[[A]]\nother = 1\n"))
	f.Add([]byte("A = [1, 2]\n"))
	f.Add([]byte("APP_NOT_FOUND = \"{{range 10000000}}x{{end}}\"\n"))
	f.Add([]byte("APP_NOT_FOUND = \"“{{.A}}”{{.B}} {{.A}}：{{.C}}\"\n"))
	huge := strings.Repeat("x", 1<<16)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _ := New(fstest.MapFS{"zh-CN.toml": {Data: data}}, OnProblem(func(Problem) {}))
		if c == nil {
			return
		}
		l := c.Localizer()
		for _, code := range codes.All() {
			text, fields := l.Template(code)
			values := map[string]any{}
			for _, f := range fields {
				values[f] = huge
			}
			max := len(text) + strings.Count(text, "{{.")*(maxValueLen+len("…"))
			for _, d := range []map[string]any{values, nil} {
				got := l.Message(code, d)
				if got == "" || len(got) > max || strings.Contains(got, "<no value>") {
					t.Fatalf("%s with %d fields: %d bytes %.80q, template %.80q (max %d)", code, len(d), len(got), got, text, max)
				}
			}
		}
	})
}
