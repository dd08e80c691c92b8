package codes_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/internal/workflowtest"
)

// TestAddingACode runs the README's "Adding a code" on a copy of the repository: its shell
// blocks line by line, each line's "# exit status N" comment the status it must end with,
// and its TOML blocks appended to the locale file named in their first line. A locale the
// README shows no block for gets the en-US block, standing in for its translator. Between
// the steps it checks that the code reaches the Go source, the README's status table and
// every reference, and at the end that the whole module passes go vet and its tests
// (workflowtest.Suite): a new code is a data change, so no test may need an edit.
//
// Once the README's example has become a real code, the steps run with an unused number
// and name in its place (exampleCode), so that adding the example for real breaks nothing.
func TestAddingACode(t *testing.T) {
	workflowtest.SkipUnlessFull(t)
	t.Parallel()
	steps := readmeSteps(t)
	if len(steps.sh) != 3 || steps.toml["zh-CN"] == "" || steps.toml["en-US"] == "" {
		t.Fatalf("README's \"Adding a code\" has %d shell blocks and TOML blocks for %v; want 3, with zh-CN and en-US", len(steps.sh), steps.toml)
	}
	steps, replaced := steps.unused(t, tableRows(t, read(t, ".", "codes.tsv")))
	if replaced != "" {
		t.Log(replaced)
	}
	dir := workflowtest.Copy(t, "..")
	locales, err := filepath.Glob(filepath.Join(dir, "locales", "*.toml"))
	if err != nil || len(locales) == 0 {
		t.Fatalf("no locales in the copy: %v", err)
	}

	workflowtest.Run(t, dir, steps.sh[0])
	rows := tableRows(t, read(t, dir, "codes/codes.tsv"))
	last := rows[len(rows)-1]
	number, name, ident, status, grpc := last.number, last.name, last.ident, last.status, last.grpc
	if n, _ := strconv.Atoi(number); codes.Code(n).Known() || knownName(name) {
		t.Fatalf("step 1 appended %s %s, which is a real code", number, name)
	}

	out := workflowtest.Run(t, dir, steps.sh[1])
	if n := strings.Count(out, name); n < len(locales) {
		t.Errorf("i18ncheck names %s %d times, want at least once per locale (%d):\n%s", name, n, len(locales), out)
	}
	// The constant is declared at its row, the table's last line, for i18ncheck and go/packages.
	tsvLine := strings.Count(read(t, dir, "codes/codes.tsv"), "\n")
	if want := fmt.Sprintf("\n//line codes.tsv:%d\nconst %s Code = %s\n", tsvLine, ident, number); !strings.Contains(read(t, dir, "codes/codes_gen.go"), want) {
		t.Errorf("codes/codes_gen.go has no %q", want)
	}
	mustContain(t, dir, "codes/codes_gen.go", fmt.Sprintf("\t{%s, %q, http.Status", ident, name))
	statusRow := regexp.MustCompile(fmt.Sprintf("(?m)^\\| %s [A-Za-z ]+ \\| %s \\| .*`%s` %s \\|$", status, grpc, name, number))
	if !statusRow.MatchString(read(t, dir, "README.md")) {
		t.Errorf("README's status table has no %s %s row ending with %s", status, grpc, name)
	}
	for _, path := range locales {
		lang := strings.TrimSuffix(filepath.Base(path), ".toml")
		// No message yet: the reference shows the name.
		mustContain(t, dir, "docs/error-codes."+lang+".md", fmt.Sprintf("| %s | `%s` | %s ", number, name, status), fmt.Sprintf("| %s |  |", name))
	}

	for _, path := range locales {
		lang := strings.TrimSuffix(filepath.Base(path), ".toml")
		block, ok := steps.toml[lang]
		if !ok {
			block = steps.toml["en-US"]
		}
		appendFile(t, path, "\n"+block)
	}
	workflowtest.Run(t, dir, steps.sh[2])
	for _, path := range locales {
		lang := strings.TrimSuffix(filepath.Base(path), ".toml")
		other := regexp.MustCompile(`(?m)^other = "(.*)"$`).FindStringSubmatch(steps.toml[lang])
		if other == nil {
			other = regexp.MustCompile(`(?m)^other = "(.*)"$`).FindStringSubmatch(steps.toml["en-US"])
		}
		mustContain(t, dir, "docs/error-codes."+lang+".md", fmt.Sprintf("| %s | `%s` | %s ", number, name, status), " | "+other[1]+" | The config map named")
	}

	workflowtest.Run(t, dir, workflowtest.Suite)
}

// TestExampleCodeMadeReal adds the README's example code to the table: the steps of
// TestAddingACode then add an unused code in its place, everywhere the blocks name it.
func TestExampleCodeMadeReal(t *testing.T) {
	s := readmeSteps(t)
	m := exampleRow.FindStringSubmatch(s.sh[0])
	if m == nil {
		t.Fatalf("step 1 is %q, want printf 'NUMBER\\tNAME\\tIDENT\\t...' >> codes/codes.tsv", s.sh[0])
	}
	table := append(tableRows(t, read(t, ".", "codes.tsv")), row{m[1], m[2], m[3], "404", "NOT_FOUND"})
	got, msg := s.unused(t, table)
	if msg == "" {
		t.Fatal("unused() kept the example, which is in the table")
	}
	g := exampleRow.FindStringSubmatch(got.sh[0])
	last, _ := strconv.Atoi(table[len(table)-1].number)
	if g[1] != strconv.Itoa(last+1) {
		t.Errorf("the new example's number is %s, want %d, after the table's last", g[1], last+1)
	}
	for _, r := range table {
		if r.name == g[2] || r.ident == g[3] {
			t.Errorf("the new example %s %s is in the table", g[2], g[3])
		}
	}
	if strings.Contains(strings.Join(got.sh, ""), m[2]+" ") || !strings.Contains(got.sh[1], g[2]) {
		t.Errorf("the shell blocks do not name %s in place of %s:\n%s", g[2], m[2], strings.Join(got.sh, ""))
	}
	for lang, b := range got.toml {
		if !strings.Contains(b, "["+g[2]+"]") {
			t.Errorf("the %s block does not add [%s]:\n%s", lang, g[2], b)
		}
	}
}

func knownName(name string) bool {
	_, ok := codes.ByName(name)
	return ok
}

// A row is a code of codes.tsv.
type row struct{ number, name, ident, status, grpc string }

// tableRows returns the rows of a codes.tsv, in order.
func tableRows(t *testing.T, table string) []row {
	t.Helper()
	var rows []row
	for _, m := range regexp.MustCompile(`(?m)^(\d+)\t([A-Z0-9_]+)\t(\w+)\t(\d+)\t([A-Z_]+)\t`).FindAllStringSubmatch(table, -1) {
		rows = append(rows, row{m[1], m[2], m[3], m[4], m[5]})
	}
	if len(rows) == 0 {
		t.Fatal("codes.tsv has no rows")
	}
	return rows
}

// steps are the blocks of the README's "Adding a code", in order.
type steps struct {
	sh   []string          // shell blocks
	toml map[string]string // TOML blocks by locale, without the line naming the file
}

func readmeSteps(t *testing.T) steps {
	t.Helper()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Adding a code\n")
	if !ok {
		t.Fatal(`README.md has no "## Adding a code" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	s := steps{toml: map[string]string{}}
	fence := regexp.MustCompile("(?ms)^( *)```(sh|toml)\n(.*?)^ *```$")
	for _, m := range fence.FindAllStringSubmatch(section, -1) {
		body := regexp.MustCompile("(?m)^"+m[1]).ReplaceAllString(m[3], "")
		if m[2] == "sh" {
			s.sh = append(s.sh, body)
			continue
		}
		first, rest, _ := strings.Cut(body, "\n")
		file := regexp.MustCompile(`^# locales/(.+)\.toml$`).FindStringSubmatch(first)
		if file == nil {
			t.Fatalf("README: a TOML block of \"Adding a code\" starts with %q, not the file it goes to", first)
		}
		s.toml[file[1]] = rest
	}
	return s
}

// exampleRow is the row the README's step 1 appends: printf 'NUMBER\tNAME\tIDENT\t...'.
var exampleRow = regexp.MustCompile(`printf '(\d+)\\t([A-Z0-9_]+)\\t(\w+)\\t`)

// unused returns the steps with the example code's number, name and Go identifier
// replaced by unused ones if the table already has any of them, and says so; else the steps
// as they are and "". The new number follows the table's last, as a row must; the hash in
// the TOML blocks still holds, since it covers only the source text.
func (s steps) unused(t *testing.T, table []row) (steps, string) {
	t.Helper()
	m := exampleRow.FindStringSubmatch(s.sh[0])
	if m == nil {
		t.Fatalf("README's \"Adding a code\" step 1 is %q, want printf 'NUMBER\\tNAME\\tIDENT\\t...' >> codes/codes.tsv", s.sh[0])
	}
	number, name, ident := m[1], m[2], m[3]
	taken := func(number, name, ident string) bool {
		return slices.ContainsFunc(table, func(r row) bool {
			return r.number == number || r.name == name || r.ident == ident
		})
	}
	if !taken(number, name, ident) {
		return s, ""
	}
	last, _ := strconv.Atoi(table[len(table)-1].number)
	newNumber, newName, newIdent := strconv.Itoa(last+1), name+"_EXAMPLE", ident+"Example"
	for taken(newNumber, newName, newIdent) {
		newName, newIdent = newName+"_EXAMPLE", newIdent+"Example"
	}
	r := strings.NewReplacer(number, newNumber, name, newName, ident, newIdent)
	out := steps{toml: map[string]string{}}
	for _, b := range s.sh {
		out.sh = append(out.sh, r.Replace(b))
	}
	for lang, b := range s.toml {
		out.toml[lang] = r.Replace(b)
	}
	return out, fmt.Sprintf("the README's example code %s %s (%s) is in the table now: the steps add %s %s (%s) instead; give \"Adding a code\" an unused example", number, name, ident, newNumber, newName, newIdent)
}

func read(t *testing.T, dir, file string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// mustContain checks that file has a line holding every one of parts, in order.
func mustContain(t *testing.T, dir, file string, parts ...string) {
	t.Helper()
	pattern := ""
	for _, p := range parts {
		pattern += ".*" + regexp.QuoteMeta(p)
	}
	if !regexp.MustCompile("(?m)^" + pattern).MatchString(read(t, dir, file)) {
		t.Errorf("%s has no line with %q", file, parts)
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
