package i18n

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/localefile"
)

// maxRenderedLen bounds a rendered message: the longest text a message may have, plus the
// longest value for each of the most placeholders it may have.
const maxRenderedLen = localefile.MaxMessageSize + localefile.MaxPlaceholders*(maxValueLen+len("…"))

// TestMessageLimits loads a message at each limit, which loads, and one past it, which is
// refused at its file and line; at both limits at once the rendered message, with the
// longest values, stays within maxRenderedLen.
func TestMessageLimits(t *testing.T) {
	atLimit := strings.Repeat("{{.A}}", localefile.MaxPlaceholders)
	atLimit += strings.Repeat("x", localefile.MaxMessageSize-len(atLimit))
	tests := []struct {
		name, text string
		refused    string // what the error says; "" when the message loads
	}{
		{"size at the limit", strings.Repeat("x", localefile.MaxMessageSize), ""},
		{"size over the limit", strings.Repeat("x", localefile.MaxMessageSize+1), "4097 bytes long, more than the 4096"},
		{"placeholders at the limit", strings.Repeat("{{.A}} ", localefile.MaxPlaceholders), ""},
		{"placeholders over the limit", strings.Repeat("{{.A}} ", localefile.MaxPlaceholders+1), "more than 16 placeholders"},
		{"both at the limit", atLimit, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "# a translator's file\nAPP_NOT_FOUND = \"" + tt.text + "\"\n"
			c, err := New(fstest.MapFS{"zh-CN.toml": file(src)}, OnProblem(func(Problem) {}))
			if tt.refused != "" {
				le := firstLoadError(t, err)
				if le.File != "zh-CN.toml" || le.Line != 2 || !strings.Contains(le.Error(), tt.refused) {
					t.Errorf("New: %v; want zh-CN.toml:2 saying %q", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			data := map[string]any{"A": strings.Repeat("v", 10*maxValueLen)}
			got := c.Localizer().Message(codes.AppNotFound, data)
			if len(got) > maxRenderedLen || len(got) < len(tt.text) {
				t.Errorf("rendered %d bytes from a %d-byte message; want between the two, at most %d", len(got), len(tt.text), maxRenderedLen)
			}
		})
	}
}

// TestMessageLimitsDocumented checks that the README's translators' section and the package
// documentation state the limits the code enforces.
func TestMessageLimitsDocumented(t *testing.T) {
	for file, want := range map[string]string{
		"../README.md": fmt.Sprintf("at most %d KiB (%s bytes) of text and %d\nplaceholders",
			localefile.MaxMessageSize>>10, thousands(localefile.MaxMessageSize), localefile.MaxPlaceholders),
		"doc.go": fmt.Sprintf("%s + %d × %d = %s bytes", thousands(localefile.MaxMessageSize),
			localefile.MaxPlaceholders, maxValueLen+len("…"), thousands(maxRenderedLen)),
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(data), "\n// ", "\n")
		if !strings.Contains(text, want) {
			t.Errorf("%s does not say %q", file, want)
		}
	}
}

// thousands writes n with a comma between thousands, as the documentation does.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if len(s) <= 3 {
		return s
	}
	return thousands(n/1000) + "," + s[len(s)-3:]
}
