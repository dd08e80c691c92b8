package localefile

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// fixtures are i18ncheck's locale files: every kind of file go-i18n loads or refuses.
func fixtures(t testing.TB) []string {
	paths, err := filepath.Glob("../i18ncheck/testdata/cases/*/locales/*.toml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return paths
}

// goi18nLoads loads src with go-i18n itself, as its users do.
func goi18nLoads(src string) ([]*goi18n.Message, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	mf, err := b.ParseMessageFileBytes([]byte(src), "en.toml")
	if err != nil {
		return nil, err
	}
	return mf.Messages, nil
}

// TestAgreesWithGoI18n reads every fixture: the verdict is go-i18n's, the walker finds a
// reason exactly when go-i18n refuses, and the messages are go-i18n's.
func TestAgreesWithGoI18n(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(filepath.Dir(filepath.Dir(path)))+"/"+filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			agree(t, string(data))
		})
	}
}

// agree checks Read(src) against go-i18n's loader.
func agree(t *testing.T, src string) {
	t.Helper()
	f := Read("en.toml", src)
	want, loadErr := goi18nLoads(src)
	if (loadErr != nil) != f.Rejected() {
		t.Fatalf("Rejected = %v, go-i18n's error: %v", f.Rejected(), loadErr)
	}
	if loadErr != nil && !f.Broken && !f.walkerRejects {
		t.Fatalf("go-i18n rejects the file (%v), the walker finds no reason", loadErr)
	}
	if loadErr == nil && f.walkerRejects {
		t.Fatalf("the walker finds a reason to reject (%+v), go-i18n accepts the file", f.Problems)
	}
	if loadErr != nil {
		return
	}
	got := map[string]string{}
	for _, m := range f.Messages {
		got[m.ID] += fmt.Sprintf("%q|%q|%q|", m.Description, m.Hash, m.Other())
	}
	for _, m := range want {
		if m.ID == "" {
			continue
		}
		w := fmt.Sprintf("%q|%q|%q|", m.Description, m.Hash, m.Other)
		if !strings.Contains(got[m.ID], w) {
			t.Errorf("message %s = %s, go-i18n's is %s", m.ID, got[m.ID], w)
		}
	}
}

func TestRead(t *testing.T) {
	src := `# comment
TOP = "top {{.X}}"
"quoted.id" = "q"

[A]
description = "d"
hash = "sha1-x"
Other = """
multi
line"""
one = 'lit'

[ns.B]
other = "nested"

[C]
translation = "v1 style"

[ns.D]
id = "E"
other = "renamed"
`
	f := Read("x.toml", src)
	if len(f.Problems) > 0 || f.Rejected() {
		t.Fatalf("problems: %v, %v", f.Problems, f.Err)
	}
	var got []string
	for _, m := range f.Messages {
		fm, _ := m.Form("other")
		got = append(got, fmt.Sprintf("%s@%v=%s|%v", m.ID, m.Pos, strings.ReplaceAll(fm.Text, "\n", `\n`), fm.Pos))
	}
	want := []string{
		"TOP@{2 1}=top {{.X}}|{2 1}",
		"quoted.id@{3 1}=q|{3 1}",
		"A@{5 1}=multi\\nline|{8 1}",
		"ns.B@{13 1}=nested|{14 1}",
		"C@{16 1}=v1 style|{17 1}",
		"ns.E@{19 1}=renamed|{21 1}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	a := f.Messages[2]
	if one, _ := a.Form("one"); a.Hash != "sha1-x" || a.HashPos.Line != 7 || one.Text != "lit" || a.Description != "d" {
		t.Errorf("message A = %+v", a)
	}
	if names := formNames(a); names != "one other" {
		t.Errorf("forms of A = %s, want CLDR order", names)
	}
	if fields := f.Messages[0].Forms[0].Template.Fields(); len(fields) != 1 || fields[0] != "X" {
		t.Errorf("fields of TOP = %q", fields)
	}
}

func formNames(m *Message) string {
	var names []string
	for _, f := range m.Forms {
		names = append(names, f.Name)
	}
	return strings.Join(names, " ")
}

func TestReadProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // "line:col kind text-fragment"
	}{
		{"syntax", "A = \"x\"\nB = \"unterminated\n", "2:18 1 strings cannot contain newlines"},
		{"duplicate key", "A = \"x\"\nA = \"y\"\n", "2:9 2 has already been defined"},
		{"stray reserved key", "A = \"x\"\nother = \"y\"\n", "2:1 3 outside any table"},
		{"not a string", "[A]\nother = 5\n", "2:1 3 TOML integer"},
		{"unknown key", "[A]\nother = \"x\"\ndescripton = \"d\"\n", "3:1 3 unknown key \"descripton\""},
		{"top-level message", "other = \"x\"\n", "1:1 4 at the top level"},
		{"array", "A = [\"x\"]\n", "1:1 4 TOML array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Read("en.toml", tt.src)
			f.ResolveJoins(func(string) bool { return false })
			var got []string
			for _, p := range f.Problems {
				got = append(got, fmt.Sprintf("%d:%d %d %s", p.Pos.Line, p.Pos.Col, p.Kind, p.Text))
			}
			pos, text, _ := strings.Cut(tt.want, " ")
			kind, text, _ := strings.Cut(text, " ")
			if len(got) != 1 || !strings.HasPrefix(got[0], pos+" "+kind+" ") || !strings.Contains(got[0], text) {
				t.Errorf("problems = %q, want one at %s of kind %s with %q", got, pos, kind, text)
			}
		})
	}
}

func TestResolveJoins(t *testing.T) {
	src := "[A]\nother = \"a\"\nB = \"b\"\ndescripton = \"d\"\n"
	f := Read("en.toml", src)
	if !f.Rejected() || len(f.Joins) != 2 {
		t.Fatalf("Rejected = %v, joins = %+v", f.Rejected(), f.Joins)
	}
	f.ResolveJoins(func(id string) bool { return id == "B" })
	var got []string
	for _, p := range f.Problems {
		got = append(got, fmt.Sprintf("%d:%s", p.Pos.Line, p.Subject))
	}
	if strings.Join(got, " ") != "3:B 4:A" {
		t.Errorf("problems at %q, want B joined at line 3 and an unknown key of A at line 4", got)
	}
	if len(f.Messages) != 2 || f.Messages[1].ID != "B" || f.Messages[1].Other() != "b" {
		t.Errorf("messages = %+v, want A and the recovered B", f.Messages)
	}
}

func TestReadStubs(t *testing.T) {
	src := StubMarker + " translate\n[A]\nother = \"a\"\n\n" + StubMarker + " stale\n" + StubMarker + " second line\n[B]\nother = \"b\"\n[C]\nother = \"c\"\n"
	f := Read("en.toml", src)
	for _, m := range f.Messages {
		if want := m.ID != "C"; m.Stub != want {
			t.Errorf("Stub of %s = %v, want %v", m.ID, m.Stub, want)
		}
	}
}

func TestReadTemplates(t *testing.T) {
	src := "A = \"{{range 10}}x{{end}}\"\n[B]\nleftDelim = \"<<\"\nrightDelim = \">>\"\nother = \"<<.N>> {{x}}\"\n"
	f := Read("en.toml", src)
	a, b := f.Messages[0].Forms[0], f.Messages[1].Forms[0]
	if a.Err == nil || a.Template != nil || !strings.Contains(a.Err.Error(), "not allowed") {
		t.Errorf("A: %v", a.Err)
	}
	if b.Err != nil || b.Template.String() != "{{.N}} {{x}}" {
		t.Errorf("B: %v, %v", b.Err, b.Template)
	}
}

// TestReadLinear reads files of 10,000 and 40,000 broken entries: positions come from one
// scan, so four times the entries must not cost sixteen times the work. It counts the
// problems' positions rather than timing anything.
func TestReadLinear(t *testing.T) {
	for _, n := range []int{10, 10_000} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "[ID_%d]\nother = \"{{\"\n", i)
		}
		f := Read("en.toml", b.String())
		if len(f.Messages) != n {
			t.Fatalf("%d messages, want %d", len(f.Messages), n)
		}
		for i, m := range f.Messages {
			if m.Pos.Line != 2*i+1 || m.Forms[0].Pos.Line != 2*i+2 || m.Forms[0].Err == nil {
				t.Fatalf("message %d at %v, form at %v, error %v", i, m.Pos, m.Forms[0].Pos, m.Forms[0].Err)
			}
		}
	}
}

// FuzzRead checks that any input reads without panicking, that every position is in the
// file, and that the walker finds a reason to reject a file exactly when go-i18n rejects it.
func FuzzRead(f *testing.F) {
	for _, p := range fixtures(f) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("A = 1\n[B]\nother = [\"x\"]\n[[C]]\nother = \"y\"\n")
	f.Add("[A]\nid = \"X\"\nother = \"y\"\n[A.b]\nother = \"z\"\n")
	f.Add("[A]\nother = \"\"\"\n\\u00e9 {{.A}} \\\n  {{range .B}}x{{end}}\"\"\"\nB = '{{.}}'\n")
	f.Fuzz(func(t *testing.T, src string) {
		file := Read("f.toml", src)
		lines := strings.Count(src, "\n") + 1
		check := func(p Position) {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("position %v outside a %d-line file", p, lines)
			}
		}
		for _, p := range file.Problems {
			check(p.Pos)
		}
		var loc locator
		loc.src = src
		for _, m := range file.Messages {
			check(m.Pos)
			for _, fm := range m.Forms {
				check(fm.Pos)
				if fm.Err != nil {
					check(fm.ErrPos)
					errorAtAction(t, &loc, m, fm)
				}
			}
		}
		agree(t, src)
	})
}

// errorAtAction checks where the template error of form fm of m is: at or after its key,
// and, for a refused action, at the first character of the action's left delimiter or at an
// escape sequence that writes it.
func errorAtAction(t *testing.T, loc *locator, m *Message, fm Form) {
	t.Helper()
	if comparePos(fm.ErrPos, fm.Pos) < 0 {
		t.Fatalf("%s %q: error %v at %v, before its key at %v", m.ID, fm.Name, fm.Err, fm.ErrPos, fm.Pos)
	}
	te, ok := fm.Err.(*TemplateError)
	if !ok || te.Action == "" || fm.ErrPos == fm.Pos {
		return
	}
	left := cmp.Or(m.LeftDelim, "{{")
	at := loc.src[loc.lineStart(fm.ErrPos.Line)+fm.ErrPos.Col-1:]
	if !strings.HasPrefix(at, left[:1]) && !strings.HasPrefix(at, `\`) {
		t.Fatalf("%s %q: error %v at %v, where the file has %.20q", m.ID, fm.Name, fm.Err, fm.ErrPos, at)
	}
}
