package docs_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
	"github.com/apiswitch/errcode/server"
)

// TestREADMEConsole runs every curl command of the README's console blocks against the
// server (the embedded locales, and as a gateway in front of a back end that knows only the
// codes, as the README's gateway example has it) and compares what curl would print with
// the lines the README shows under the command. In an expected line, "…" stands for any
// text (a value that changes with the data, such as an ETag), and a command that repeats
// such a token gets the value the earlier output had; "# status N" after a line is the
// status the answer must have.
func TestREADMEConsole(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	steps := consoleSteps(string(readme))
	if len(steps) < 5 {
		t.Fatalf("found %d curl commands in the README's console blocks; the parser is broken", len(steps))
	}
	cat, err := i18n.New(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"Code":10205}`)
	}))
	defer backend.Close()
	upstream, _ := url.Parse(backend.URL)
	srv := httptest.NewServer(server.Handler(cat, slog.New(slog.DiscardHandler), upstream))
	defer srv.Close()

	bound := map[string]string{} // README token with "…" → the value it stood for
	for _, s := range steps {
		cmd := s.cmd
		for token, value := range bound {
			cmd = strings.ReplaceAll(cmd, token, value)
		}
		got, status, err := curl(srv.URL, cmd)
		if err != nil {
			t.Errorf("README.md:%d: %s: %v", s.line, s.cmd, err)
			continue
		}
		if s.status != 0 && status != s.status {
			t.Errorf("README.md:%d: %s: status %d, the README says %d", s.line, s.cmd, status, s.status)
		}
		lines := strings.Split(strings.TrimRight(got, "\r\n"), "\n")
		for i := range lines {
			lines[i] = strings.TrimRight(lines[i], "\r")
		}
		if len(lines) != len(s.want) {
			t.Errorf("README.md:%d: %s prints\n%s\nthe README shows\n%s", s.line, s.cmd, strings.Join(lines, "\n"), strings.Join(s.want, "\n"))
			continue
		}
		for i, want := range s.want {
			if !matchLine(want, lines[i], bound) {
				t.Errorf("README.md:%d: %s prints\n\t%s\nwhere the README shows\n\t%s\n(paste the printed line, with … for what changes with the data)", s.line, s.cmd, lines[i], want)
			}
		}
	}
}

// A step is one command of a console block and the output the README shows for it.
type step struct {
	line   int // of the command in README.md
	cmd    string
	want   []string
	status int // from a "# status N" comment; 0: not said
}

var statusComment = regexp.MustCompile(`\s+#\s*status (\d{3})\s*$`)

// consoleSteps returns the curl commands of the ```console blocks of readme, with the lines
// shown under each. A command may go on over lines ending in "\"; a "#" comment after a
// command is dropped.
func consoleSteps(readme string) []step {
	var steps []step
	in := false
	var cur *step
	lines := strings.Split(readme, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "```console"):
			in = true
			continue
		case in && strings.HasPrefix(l, "```"):
			in, cur = false, nil
			continue
		case !in:
			continue
		}
		if cmd, ok := strings.CutPrefix(l, "$ "); ok {
			line := i + 1
			for strings.HasSuffix(cmd, "\\") && i+1 < len(lines) {
				i++
				cmd = strings.TrimSuffix(cmd, "\\") + " " + strings.TrimSpace(lines[i])
			}
			if !strings.HasPrefix(cmd, "curl ") {
				cur = nil
				continue
			}
			if j := strings.Index(cmd, "  #"); j >= 0 {
				cmd = cmd[:j]
			}
			steps = append(steps, step{line: line, cmd: strings.TrimSpace(cmd)})
			cur = &steps[len(steps)-1]
			continue
		}
		if cur == nil || strings.TrimSpace(l) == "" {
			continue
		}
		if m := statusComment.FindStringSubmatch(l); m != nil {
			cur.status, _ = strconv.Atoi(m[1])
			l = l[:len(l)-len(m[0])]
		}
		cur.want = append(cur.want, strings.TrimRight(l, " "))
	}
	return steps
}

// matchLine reports whether got is the line want shows, each whitespace-separated token of
// want that holds "…" matching any text there; those tokens are bound to what they matched.
func matchLine(want, got string, bound map[string]string) bool {
	if !strings.Contains(want, "…") {
		return want == got
	}
	var pattern strings.Builder
	var tokens []string
	pattern.WriteString("^")
	for i, tok := range strings.Split(want, " ") {
		if i > 0 {
			pattern.WriteString(" ")
		}
		if !strings.Contains(tok, "…") {
			pattern.WriteString(regexp.QuoteMeta(tok))
			continue
		}
		parts := strings.Split(tok, "…")
		for j := range parts {
			parts[j] = regexp.QuoteMeta(parts[j])
		}
		pattern.WriteString("(" + strings.Join(parts, `\S*?`) + ")")
		tokens = append(tokens, tok)
	}
	pattern.WriteString("$")
	m := regexp.MustCompile(pattern.String()).FindStringSubmatch(got)
	if m == nil {
		return false
	}
	for i, tok := range tokens {
		bound[tok] = m[i+1]
	}
	return true
}

// curl runs what the README's command does, against base for localhost:8080: curl with
// -s, -i and -H, then "| grep -i WORD" and "| head -N". It returns what it would print and
// the answer's status.
func curl(base, cmdline string) (string, int, error) {
	stages := strings.Split(cmdline, " | ")
	args, err := shellWords(stages[0])
	if err != nil {
		return "", 0, err
	}
	req, err := http.NewRequest("GET", "", nil)
	if err != nil {
		return "", 0, err
	}
	include := false
	for i := 1; i < len(args); i++ {
		switch a := args[i]; {
		case a == "-s":
		case a == "-i" || a == "-si":
			include = true
		case a == "-H" && i+1 < len(args):
			i++
			name, value, ok := strings.Cut(args[i], ":")
			if !ok {
				return "", 0, fmt.Errorf("header %q", args[i])
			}
			req.Header.Add(name, strings.TrimSpace(value))
		case strings.HasPrefix(a, "localhost:8080/"):
			u, err := url.Parse(base + strings.TrimPrefix(a, "localhost:8080"))
			if err != nil {
				return "", 0, err
			}
			req.URL = u
		default:
			return "", 0, fmt.Errorf("curl argument %q: the test does not know it", a)
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return "", 0, err
	}
	out := string(body)
	if include {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s\r\n", res.Proto, res.Status)
		keys := make([]string, 0, len(res.Header))
		for k := range res.Header {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			for _, v := range res.Header[k] {
				fmt.Fprintf(&b, "%s: %s\r\n", k, v)
			}
		}
		out = b.String() + "\r\n" + out
	}
	for _, stage := range stages[1:] {
		if out, err = filter(out, strings.Fields(stage)); err != nil {
			return "", 0, err
		}
	}
	return out, res.StatusCode, nil
}

// filter runs "grep -i WORD" or "head -N" on out.
func filter(out string, args []string) (string, error) {
	lines := strings.SplitAfter(out, "\n")
	switch {
	case len(args) == 3 && args[0] == "grep" && args[1] == "-i":
		var kept []string
		for _, l := range lines {
			if strings.Contains(strings.ToLower(l), strings.ToLower(args[2])) {
				kept = append(kept, l)
			}
		}
		return strings.Join(kept, ""), nil
	case len(args) == 2 && args[0] == "head" && strings.HasPrefix(args[1], "-"):
		n, err := strconv.Atoi(args[1][1:])
		if err != nil {
			return "", err
		}
		return strings.Join(lines[:min(n, len(lines))], ""), nil
	}
	return "", fmt.Errorf("pipeline stage %q: the test does not know it", strings.Join(args, " "))
}

// shellWords splits a command line into words as sh does for plain words and '…' or "…"
// quoted ones, which is all the README's commands use.
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		case '\'', '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("unclosed %c in %s", c, s)
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}
