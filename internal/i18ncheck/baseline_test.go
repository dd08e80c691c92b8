package i18ncheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaseline writes a baseline of the formats case, which then accepts all of it; applied
// to the missing case, it accepts the finding they share, lets the new one through and
// reports its two entries that are fixed there.
func TestBaseline(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.json")
	got, code := runMain(t, caseArgs("formats", "-write-baseline", path))
	if code != ExitOK || !strings.Contains(got, "wrote 3 findings") {
		t.Errorf("-write-baseline: exit %d, want 0 and 3 findings written\n%s", code, got)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "baseline.json", string(data))

	got, code = runMain(t, caseArgs("formats", "-baseline", path))
	if code != ExitOK || strings.Contains(got, "error:") || strings.Contains(got, "warning:") {
		t.Errorf("-baseline of the same findings: exit %d, want 0 and no findings\n%s", code, got)
	}

	fixed := "testdata/golden/baseline.json"
	got, code = runMain(t, caseArgs("missing", "-baseline", fixed))
	if code != ExitFindings {
		t.Errorf("-baseline on other findings: exit %d, want %d", code, ExitFindings)
	}
	golden(t, "baseline.txt", got)
	if !strings.Contains(got, "the baseline "+fixed+" accepted 1 finding\n") {
		t.Errorf("the text summary does not say how many findings the baseline accepted:\n%s", got)
	}

	got, _ = runMain(t, caseArgs("missing", "-baseline", fixed, "-format", "json"))
	golden(t, "baseline.summary.json", got)
	if !strings.Contains(got, `"accepted": 1,`) {
		t.Errorf("the JSON summary does not say how many findings the baseline accepted:\n%s", got)
	}
}
