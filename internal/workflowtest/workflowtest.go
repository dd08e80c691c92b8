// Package workflowtest runs the workflows the READMEs document, adding a code and adding a
// language, as a developer would: on a copy of the repository, shell commands as written,
// then go vet and the module's tests in the copy. A workflow that leaves any test failing
// fails its test.
package workflowtest

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// insideCopy is set in the environment of the commands run in a copy, so that the tests
// run there do not run the workflows again.
const insideCopy = "APISWITCH_WORKFLOW_COPY"

// Suite is what a workflow's test runs in its copy at the end: go vet and the tests of the
// whole module, as "go test -race ./..." runs them (with -race when the test runs under
// -race), so that every test that derives something from the code table, the locales or
// the generated files sees the change. -short and -skip leave out the tests of the gateway
// and its log against hostile back ends, which take most of the time and read neither the
// table nor the locales.
const Suite = "go vet ./... && go test -short -skip 'Hostile|Stall|Desync|Suspect|Bomb|LogOutputLosesNothing' ./..."

// SkipUnlessFull skips t under -short, inside a copy, and where there is no go command:
// a workflow runs go generate, go vet and go test on a copy of the repository.
func SkipUnlessFull(t *testing.T) {
	t.Helper()
	if testing.Short() || os.Getenv(insideCopy) != "" {
		t.Skip("runs go generate, go vet and go test on a copy of the repository")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
}

// Copy copies the repository at root, without .git, into a temporary directory and
// returns it.
func Copy(t *testing.T, root string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

var exitStatus = regexp.MustCompile(`exit status (\d+)`)

// Run runs each line of a shell block in dir and returns their output. A line ends with a
// comment "# exit status N" when it must fail with N; every other line must succeed.
func Run(t *testing.T, dir, block string) string {
	t.Helper()
	var all bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		want := 0
		cmdline, comment, _ := strings.Cut(line, "#")
		if m := exitStatus.FindStringSubmatch(comment); m != nil {
			want, _ = strconv.Atoi(m[1])
		}
		cmd := exec.Command("sh", "-c", cmdline)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), insideCopy+"=1", "GOWORK=off", "GOFLAGS="+goflags())
		start := time.Now()
		out, err := cmd.CombinedOutput()
		t.Logf("%s: %v", strings.TrimSpace(cmdline), time.Since(start).Round(time.Millisecond))
		all.Write(out)
		got := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			got = exit.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", cmdline, err)
		}
		if got != want {
			t.Fatalf("%s: exit status %d, want %d\n%s", strings.TrimSpace(cmdline), got, want, out)
		}
	}
	return all.String()
}

// goflags returns the GOFLAGS of the commands run in a copy: the caller's, with -race when
// the test runs under -race, so that both builds share their compiled dependencies.
func goflags() string {
	flags := os.Getenv("GOFLAGS") + " -buildvcs=false"
	if raceEnabled && !strings.Contains(flags, "-race") {
		flags += " -race"
	}
	return strings.TrimSpace(flags)
}
