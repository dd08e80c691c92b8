package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apiswitch/errcode/internal/i18ncheck"
	"github.com/apiswitch/errcode/internal/i18ncheck/report"
	"github.com/apiswitch/errcode/internal/workflowtest"
	"github.com/apiswitch/errcode/server"
)

var update = flag.Bool("update", false, "rewrite the README's examples with the real output")

// repoRoot is the repository, seen from this package's directory, where tests run.
const repoRoot = "../.."

// A block is a fenced code block of the README, with the readme-test comment above it.
type block struct {
	marker  string // what the <!-- readme-test: ... --> comment above it says, if any
	section string // the ## heading it is under
	lang    string
	text    string // its content, without the fences and their indentation
	start   int    // the line of its opening fence, from 1
}

var markerRE = regexp.MustCompile(`^\s*<!-- readme-test: (.*) -->\s*$`)

// readmeBlocks returns the code blocks of README.md and its lines.
func readmeBlocks(t *testing.T) ([]block, []string) {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var blocks []block
	var marker, section string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(line, "## "):
			section = strings.TrimPrefix(line, "## ")
		case markerRE.MatchString(line):
			marker = markerRE.FindStringSubmatch(line)[1]
		case strings.HasPrefix(trimmed, "```"):
			indent := len(line) - len(trimmed)
			b := block{marker: marker, section: section, lang: strings.TrimPrefix(trimmed, "```"), start: i + 1}
			var body []string
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
				body = append(body, strings.TrimPrefix(lines[i], strings.Repeat(" ", indent)))
			}
			b.text = strings.Join(body, "\n") + "\n"
			blocks = append(blocks, b)
			marker = ""
		case strings.TrimSpace(line) != "":
			marker = ""
		}
	}
	return blocks, lines
}

// find returns the block marked so, failing the test if there is not exactly one.
func find(t *testing.T, blocks []block, marker string) block {
	t.Helper()
	var found []block
	for _, b := range blocks {
		if b.marker == marker {
			found = append(found, b)
		}
	}
	if len(found) != 1 {
		t.Fatalf("README.md has %d blocks marked %q, want 1", len(found), marker)
	}
	return found[0]
}

// i18ncheckArgs returns the arguments of a documented `go run ./cmd/i18ncheck` command line.
func i18ncheckArgs(line string) ([]string, bool) {
	fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "$ "))
	if len(fields) < 3 || fields[0] != "go" || fields[1] != "run" || fields[2] != "./cmd/i18ncheck" {
		return nil, false
	}
	args := fields[3:]
	if i := slices.Index(args, "#"); i >= 0 {
		args = args[:i]
	}
	return args, true
}

// runI18ncheck runs the command as `go run ./cmd/i18ncheck args...` would.
func runI18ncheck(args ...string) (stdout, stderr string, code int) {
	var out, errs bytes.Buffer
	code = i18ncheck.Main(args, &out, &errs)
	return out.String(), errs.String(), code
}

// TestREADMEExamples checks every example of README.md against what it shows: the output of
// a command run in a directory, or an entry of a file. -update rewrites the outputs.
func TestREADMEExamples(t *testing.T) {
	blocks, lines := readmeBlocks(t)
	var rewrites []rewrite
	n := 0
	for _, b := range blocks {
		switch {
		case strings.HasPrefix(b.marker, "run in "):
			n++
			dir := strings.TrimPrefix(b.marker, "run in ")
			cmd, want, _ := strings.Cut(b.text, "\n")
			args, ok := i18ncheckArgs(cmd)
			if !ok {
				t.Errorf("README.md:%d: %q is not a go run ./cmd/i18ncheck command", b.start+1, cmd)
				continue
			}
			got, stderr, _ := runI18ncheck(append(args, "-C", dir)...)
			if got+stderr == want {
				continue
			}
			if *update {
				rewrites = append(rewrites, rewrite{b, cmd + "\n" + got + stderr})
				continue
			}
			t.Errorf("README.md:%d: %s in %s prints\n%s\nbut the README shows\n%s(go test -update rewrites it)", b.start, cmd, dir, got+stderr, want)
		case strings.HasPrefix(b.marker, "in "):
			n++
			path := strings.TrimPrefix(b.marker, "in ")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Error(err)
				continue
			}
			if !strings.Contains(string(data), b.text) {
				t.Errorf("README.md:%d: %s has no such entry:\n%s", b.start, path, b.text)
			}
		}
	}
	if n == 0 {
		t.Fatal("README.md has no readme-test examples")
	}
	if len(rewrites) == 0 {
		return
	}
	for _, rw := range slices.Backward(rewrites) { // from the end, so that line numbers hold
		lines = rw.apply(lines)
	}
	if err := os.WriteFile("README.md", []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A rewrite is new content for a block.
type rewrite struct {
	b    block
	text string
}

// apply puts the new content in place of the block's in lines.
func (rw rewrite) apply(lines []string) []string {
	fence := lines[rw.b.start-1]
	indent := fence[:len(fence)-len(strings.TrimLeft(fence, " "))]
	var repl []string
	for _, l := range strings.Split(strings.TrimSuffix(rw.text, "\n"), "\n") {
		repl = append(repl, indent+l)
	}
	return slices.Replace(lines, rw.b.start, rw.b.start+strings.Count(rw.b.text, "\n"), repl...)
}

// TestREADMEChecks checks that the README's table documents every check.
func TestREADMEChecks(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range report.Rules {
		if !strings.Contains(string(data), "| `"+r.ID+"` |") {
			t.Errorf("README.md's table of checks has no row for %s", r.ID)
		}
	}
}

// TestREADMEAddLanguage runs the steps of "Add a language" as the README writes them, on a
// copy of the repository: the documented command creates the file, a translator fills it as
// step 2 shows, i18ncheck then passes, go generate writes the language's reference, the
// server answers the documented request with the translation, and at the end go vet and the
// module's tests pass in the copy (workflowtest.Suite): a new language is a data change,
// and no test may need an edit. Once locales/ has the README's language, the copy starts
// without its file, as before it was added.
func TestREADMEAddLanguage(t *testing.T) {
	workflowtest.SkipUnlessFull(t)
	t.Parallel()
	blocks, _ := readmeBlocks(t)
	var commands []string
	for _, b := range blocks {
		if b.section == "Add a language" && b.lang == "sh" {
			commands = append(commands, strings.Split(strings.TrimSpace(b.text), "\n")...)
		}
	}
	dir := workflowtest.Copy(t, repoRoot)

	// Step 1: the command that writes the stubs.
	args, ok := i18ncheckArgs(commands[0])
	if !ok || !slices.Contains(args, "-write-stubs") || !slices.Contains(args, "-locale") {
		t.Fatalf("step 1 is %q, want a go run ./cmd/i18ncheck -write-stubs -locale TAG command", commands[0])
	}
	tag := args[slices.Index(args, "-locale")+1]
	path := filepath.Join(dir, "locales", tag+".toml")
	if _, err := os.Stat(path); err == nil {
		t.Logf("locales/%s.toml exists: the steps add %s to a copy without it", tag, tag)
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := runI18ncheck(append(args, "-C", dir)...)
	if code != i18ncheck.ExitOK || strings.Count(out, "\n") > 2 || stderr != "" {
		t.Fatalf("%s: exit %d, want 0 and a short summary\n%s%s", commands[0], code, out, stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s wrote no %s: %v", commands[0], path, err)
	}
	stub := find(t, blocks, "a stub of step 1").text
	if !strings.Contains(string(data), stub) {
		t.Fatalf("%s holds no such stub as the README shows:\n%s", path, stub)
	}

	// Step 2: the translator does as the README shows, and translates the rest likewise.
	done := find(t, blocks, "step 2 makes the stub").text
	if err := os.WriteFile(path, []byte(translate(t, strings.Replace(string(data), stub, done, 1))), 0o644); err != nil {
		t.Fatal(err)
	}
	other := regexp.MustCompile(`(?m)^other = "(.*)"$`).FindStringSubmatch(done)
	if other == nil {
		t.Fatalf("step 2 shows no translated other:\n%s", done)
	}
	translation := other[1]

	// The other steps, in order: i18ncheck passes, go generate writes the reference, the
	// server serves the translation.
	var addr string
	var generated, answered bool
	for _, line := range commands[1:] {
		switch args, isCheck := i18ncheckArgs(line); {
		case isCheck:
			if out, stderr, code := runI18ncheck(append(args, "-C", dir)...); code != i18ncheck.ExitOK {
				t.Fatalf("%s after translating: exit %d\n%s%s", line, code, out, stderr)
			}
		case strings.HasPrefix(line, "go generate "):
			workflowtest.Run(t, dir, line)
			ref, err := os.ReadFile(filepath.Join(dir, "docs", "error-codes."+tag+".md"))
			if err != nil || !strings.Contains(string(ref), translation) {
				t.Fatalf("%s wrote no reference of %s with %q: %v", line, tag, translation, err)
			}
			generated = true
		case strings.HasPrefix(line, "go run ./cmd/apiswitch"):
			addr = startServer(t, inDir(dir, strings.Fields(strings.TrimPrefix(line, "go run ./cmd/apiswitch"))))
		case strings.HasPrefix(line, "curl "):
			if addr == "" {
				t.Fatalf("%s before the server started", line)
			}
			got := curl(t, line, addr)
			if want := find(t, blocks, "the answer of step 5").text; got != want {
				t.Errorf("%s answers\n%s\nthe README shows\n%s", line, got, want)
			}
			answered = true
		default:
			t.Fatalf("%q: a command of \"Add a language\" this test does not know", line)
		}
	}
	if !generated || !answered {
		t.Fatalf("\"Add a language\" runs go generate: %v, asks the server: %v; want both", generated, answered)
	}

	workflowtest.Run(t, dir, workflowtest.Suite)
}

// inDir returns the server's arguments with a relative -locales directory taken from dir.
func inDir(dir string, args []string) []string {
	args = slices.Clone(args)
	for i := 1; i < len(args); i++ {
		if args[i-1] == "-locales" && !filepath.IsAbs(args[i]) {
			args[i] = filepath.Join(dir, args[i])
		}
	}
	return args
}

var otherRE = regexp.MustCompile(`^other = "(.*)"$`)

// translate does a translator's work on the stubs left in a file: it deletes each marker
// line and replaces the source text with a stand-in translation, which has no Chinese
// characters and the same placeholders.
func translate(t *testing.T, file string) string {
	t.Helper()
	var out []string
	stub := false
	for _, line := range strings.Split(file, "\n") {
		switch {
		case strings.HasPrefix(line, "# i18ncheck:stub"):
			stub = true
			continue
		case stub && otherRE.MatchString(line):
			text := otherRE.FindStringSubmatch(line)[1]
			fields := regexp.MustCompile(`\{\{[^}]*\}\}`).FindAllString(text, -1)
			line = fmt.Sprintf(`other = %q`, strings.TrimSpace("Traduction "+strings.Join(fields, " ")))
			stub = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// startServer runs the server as `go run ./cmd/apiswitch args...` would, on a free port, and
// returns its address once it listens.
func startServer(t *testing.T, args []string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- server.Run(ctx, append(args, "-addr", "127.0.0.1:0"), func(string) string { return "" }, io.Discard, pw)
		pw.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if m := regexp.MustCompile(`msg=listening addr=(\S+)`).FindStringSubmatch(sc.Text()); m != nil {
				listening <- m[1]
			}
		}
		io.Copy(io.Discard, pr)
	}()
	select {
	case addr := <-listening:
		return addr
	case code := <-done:
		t.Fatalf("apiswitch %s exited with %d before listening", strings.Join(args, " "), code)
	case <-time.After(2 * time.Minute): // a guard against a hang, not a speed test
		t.Fatalf("apiswitch %s did not listen", strings.Join(args, " "))
	}
	return ""
}

var curlRE = regexp.MustCompile(`^curl -s((?: -H '[^']*')*) (\S+)$`)

// curl sends the documented request to addr, and returns the body.
func curl(t *testing.T, line, addr string) string {
	t.Helper()
	m := curlRE.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("%q is not a curl -s [-H '...'] URL command", line)
	}
	_, path, _ := strings.Cut(strings.TrimPrefix(m[2], "http://"), "/")
	req, err := http.NewRequest("GET", "http://"+addr+"/"+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range regexp.MustCompile(`'([^:]*): ([^']*)'`).FindAllStringSubmatch(m[1], -1) {
		req.Header.Add(h[1], h[2])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}
