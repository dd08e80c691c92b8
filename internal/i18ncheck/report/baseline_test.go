package report

import (
	"strings"
	"testing"
)

func TestFingerprintIgnoresPosition(t *testing.T) {
	a := Finding{Check: CheckMissing, Locale: "en-US", Subject: "APP_NOT_FOUND", Pos: Position{"a.go", 1, 1}, Message: "x"}
	b := a
	b.Pos, b.Message = Position{"b.go", 9, 9}, "y"
	b.Related = []Related{{Position{"c.go", 2, 2}, "declared here"}}
	if a.Fingerprint() != b.Fingerprint() {
		t.Errorf("fingerprints differ by position: %s, %s", a.Fingerprint(), b.Fingerprint())
	}
	c := a
	c.Locale = "fr-FR"
	if a.Fingerprint() == c.Fingerprint() {
		t.Errorf("fingerprints of two locales agree: %s", a.Fingerprint())
	}
}

// TestBaselineApply counts what a baseline accepts, and reports its entry that matches
// nothing at the entry's line.
func TestBaselineApply(t *testing.T) {
	accepted := Finding{Check: CheckMissing, Severity: Error, Locale: "en-US", Subject: "A", Pos: Position{"en-US.toml", 3, 1}}
	again := accepted
	again.Pos.Line = 9 // the same finding twice, as two files of one locale can give
	kept := Finding{Check: CheckOrphan, Severity: Warning, Locale: "en-US", Subject: "B", Pos: Position{"en-US.toml", 5, 1}}
	gone := Finding{Check: CheckStale, Severity: Error, Locale: "en-US", Subject: "C"}
	var buf strings.Builder
	if err := WriteBaseline(&buf, []Finding{accepted, gone}); err != nil {
		t.Fatal(err)
	}
	b, err := ParseBaseline("b.json", []byte(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	got, n := b.Apply([]Finding{accepted, kept, again})
	if n != 2 {
		t.Errorf("Apply accepted %d findings, want 2", n)
	}
	if len(got) != 2 || got[0].Check != CheckBaseline || got[0].Pos.Line != 5 || got[1].Subject != "B" {
		t.Errorf("Apply = %+v, want a baseline warning at b.json:5 and the orphan B", got)
	}
}

// FuzzParseBaseline checks that any baseline file is read or refused without panicking.
func FuzzParseBaseline(f *testing.F) {
	f.Add(`{"version": 1, "entries": [{"fingerprint": "ab", "check": "missing"}]}`)
	f.Add(`{"version": 2}`)
	f.Fuzz(func(t *testing.T, data string) {
		b, err := ParseBaseline("b.json", []byte(data))
		if err != nil {
			return
		}
		got, n := b.Apply(nil)
		if n != 0 {
			t.Fatalf("Apply(nil) accepted %d findings", n)
		}
		for _, fd := range got {
			if fd.Check != CheckBaseline || fd.Pos.Line < 1 {
				t.Fatalf("Apply(nil) = %+v", fd)
			}
		}
	})
}
