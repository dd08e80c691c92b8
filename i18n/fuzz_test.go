package i18n

import (
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

func FuzzLoad(f *testing.F) {
	f.Add([]byte(zhOK))
	f.Add([]byte("[APP_NOT_FOUND]\ndescription = \"d\"\nother = \"{{.Name}}\"\n"))
	f.Add([]byte("[APP_NOT_FOUND]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"<<.N>>\"\n"))
	f.Add([]byte("A = \"x\"\n[B]\nother = \"y\"\nC = \"z\"\n"))
	f.Add([]byte("[[A]]\nother = 1\n"))
	f.Add([]byte("A = [1, 2]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := New(fstest.MapFS{"zh-CN.toml": {Data: data}})
		if err != nil {
			return
		}
		for _, code := range codes.All() {
			if c.Message(zhCN, code, map[string]any{"Name": "x"}) == "" || c.Message(zhCN, code, nil) == "" {
				t.Fatalf("empty message for %s", code)
			}
		}
	})
}
