package codes

import (
	"bufio"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// seedLine is how the seed document declares a code: NAME = NUMBER.
var seedLine = regexp.MustCompile(`^([A-Z][A-Z0-9_]*)\s*=\s*(\d+)$`)

// seedCodes reads testdata/seed.txt, a copy of the seed document, as name → number. Every
// line that assigns a number must declare a code, so that a line the pattern misses cannot
// shrink the seed unnoticed.
func seedCodes(t *testing.T) map[string]int {
	t.Helper()
	f, err := os.Open("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seed := map[string]int{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		m := seedLine.FindStringSubmatch(text)
		if m == nil {
			if strings.Contains(text, "=") && !strings.HasPrefix(text, "//") && strings.IndexFunc(text, unicode.IsDigit) >= 0 {
				t.Fatalf("testdata/seed.txt:%d: %q looks like a code but does not parse", line, text)
			}
			continue
		}
		if _, dup := seed[m[1]]; dup {
			t.Fatalf("testdata/seed.txt:%d: %s declared twice", line, m[1])
		}
		seed[m[1]], _ = strconv.Atoi(m[2])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(seed) == 0 {
		t.Fatal("testdata/seed.txt declares no codes")
	}
	return seed
}

// TestTableMatchesSeed guards the seed document, the source of truth for every published
// name and number: each of its codes is in the table under the same name and number. Codes
// added after the seed may follow; they cannot reuse a seed name or number, since the table
// rejects duplicates.
func TestTableMatchesSeed(t *testing.T) {
	seed := seedCodes(t)
	for name, n := range seed {
		c, ok := ByName(name)
		if !ok {
			t.Errorf("seed code %s = %d is missing from the table", name, n)
			continue
		}
		if int(c) != n {
			t.Errorf("%s = %d, the seed says %d", name, int(c), n)
		}
	}
	if added := len(All()) - len(seed); added > 0 {
		t.Logf("%d codes beyond the seed's %d", added, len(seed))
	}
}

// TestHTTPStatus checks the rule every row follows, then the seed codes' statuses as the
// README documents them.
func TestHTTPStatus(t *testing.T) {
	for _, c := range All() {
		// 2XX is for the progress codes, which report progress and carry the body too.
		if s := c.HTTPStatus(); s != http.StatusOK && s != http.StatusAccepted && (s < 400 || s > 599) {
			t.Errorf("%s.HTTPStatus() = %d, want 200 or 202 (progress), or 4XX or 5XX", c, s)
		}
	}
	tests := []struct {
		code Code
		want int
	}{
		{VolExplorerReady, 200},
		{VolExpandContinue, 202},
		{VolExplorerWait, 202},
		{IllegalParameter, 400},
		{TokenInvalid, 401},
		{Forbidden, 403},
		{QuotaExceed, 403},
		{VolExpandExceedQuota, 403},
		{AppNotFound, 404},
		{ServerNotFound, 404},
		{AppNameDuplicated, 409},
		{VolExplorerStopping, 409},
		{DependsHasCycle, 422},
		{InternalError, 500},
		{VolCreateFailed, 500},
		{Code(99999), 500},
		{Code(0), 500},
	}
	for _, tt := range tests {
		if got := tt.code.HTTPStatus(); got != tt.want {
			t.Errorf("Code(%d).HTTPStatus() = %d, want %d", int(tt.code), got, tt.want)
		}
	}
}

func TestLookups(t *testing.T) {
	all := All()
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i] < all[j] }) {
		t.Error("All() is not in numeric order")
	}
	all[0] = 0
	if All()[0] != IllegalParameter {
		t.Error("All() returned the table itself, not a copy")
	}
	all = All()
	for _, c := range All() {
		if got, ok := ByNumber(int(c)); !ok || got != c {
			t.Errorf("ByNumber(%d) = %v, %v", int(c), got, ok)
		}
		if got, ok := ByName(c.String()); !ok || got != c {
			t.Errorf("ByName(%q) = %v, %v", c.String(), got, ok)
		}
		if !c.Known() {
			t.Errorf("%s.Known() = false", c)
		}
	}
	// Every number from below the first code to above the last: known exactly when All has it.
	known := map[Code]bool{}
	for _, c := range all {
		known[c] = true
	}
	for n := int(all[0]) - 2; n <= int(all[len(all)-1])+2; n++ {
		if c, ok := ByNumber(n); ok != known[Code(n)] || c != Code(n) {
			t.Errorf("ByNumber(%d) = %v, %v; want %v", n, c, ok, known[Code(n)])
		}
	}
	for _, n := range []int{0, -1, 99999} {
		if c, ok := ByNumber(n); ok {
			t.Errorf("ByNumber(%d) = %v, true; want false", n, c)
		}
	}
	for _, name := range []string{"", "app_not_found", "APP_NOT_FOUND ", "10205", "AppNotFound"} {
		if c, ok := ByName(name); ok {
			t.Errorf("ByName(%q) = %v, true; want false", name, c)
		}
	}
	tests := []struct {
		code Code
		want string
	}{
		{IllegalParameter, "ILLEGAL_PARAMETER"},
		{BadRequest, "BADREQUEST"},
		{VolSnapshotCreateFailed, "VOL_SS_CREATE_FAILED"},
		{ConfigMapKeyNameError, "CONFIGMAP_KEY_NAME_ERROR"},
		{Code(42), "Code(42)"},
	}
	for _, tt := range tests {
		if got := tt.code.String(); got != tt.want {
			t.Errorf("Code(%d).String() = %q, want %q", int(tt.code), got, tt.want)
		}
	}
}
