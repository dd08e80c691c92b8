package grpcerr_test

import (
	"os"
	"strings"
	"testing"
)

// TestREADME keeps the README's gRPC snippets in step with the runnable examples: each Go
// block marked grpc-example is a run of lines of an example, and each output block is
// lines of an example's Output.
func TestREADME(t *testing.T) {
	readme := read(t, "../README.md")
	examples := read(t, "example_test.go") + "\n" + read(t, "gateway/example_test.go")
	code := trimmed(examples, "")
	output := trimmed(examples, "// ")
	const marker = "<!-- grpc-example:"
	blocks := strings.Split(readme, marker)[1:]
	if len(blocks) < 4 {
		t.Fatalf("README has %d grpc-example blocks, want server, client, gateway and outputs", len(blocks))
	}
	for _, b := range blocks {
		name, rest, _ := strings.Cut(b, " -->\n")
		body, ok := fenced(rest)
		if !ok {
			t.Errorf("grpc-example:%s is not followed by a code block", name)
			continue
		}
		want := code
		if name == "output" {
			want = output
		}
		if lines := trimmed(body, ""); !strings.Contains(want, lines) {
			t.Errorf("README's grpc-example:%s block is not in the examples:\n%s", name, lines)
		}
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fenced returns the content of the code block s starts with.
func fenced(s string) (string, bool) {
	if !strings.HasPrefix(s, "```") {
		return "", false
	}
	_, s, _ = strings.Cut(s, "\n")
	body, _, ok := strings.Cut(s, "```\n")
	return body, ok
}

// trimmed returns the lines of s that start with prefix after their indentation, without
// the indentation and the prefix, one per line, blank lines dropped.
func trimmed(s, prefix string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || !strings.HasPrefix(line, prefix) {
			continue
		}
		b.WriteString(strings.TrimPrefix(line, prefix))
		b.WriteByte('\n')
	}
	return b.String()
}
