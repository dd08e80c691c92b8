package codes

import (
	"bufio"
	"bytes"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apiswitch/errcode/internal/codegen"
)

// seedCodes reads testdata/seed.txt, a copy of the seed document, as name → number.
func seedCodes(t *testing.T) map[string]int {
	t.Helper()
	f, err := os.Open("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	re := regexp.MustCompile(`^([A-Z_]+)\s*=\s*(\d+)\s*$`)
	seed := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := re.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			n, _ := strconv.Atoi(m[2])
			seed[m[1]] = n
		}
	}
	return seed
}

func TestTableMatchesSeed(t *testing.T) {
	seed := seedCodes(t)
	if len(seed) != 103 {
		t.Fatalf("seed has %d codes, want 103", len(seed))
	}
	all := All()
	if len(all) != len(seed) {
		t.Errorf("len(All()) = %d, want %d", len(all), len(seed))
	}
	for _, c := range all {
		n, ok := seed[c.String()]
		if !ok {
			t.Errorf("%d: name %q is not in the seed", int(c), c.String())
			continue
		}
		if n != int(c) {
			t.Errorf("%s = %d, seed says %d", c, int(c), n)
		}
	}
}

func TestGeneratedFileIsUpToDate(t *testing.T) {
	f, err := os.Open("codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := codegen.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := codegen.Source(rows)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("codes_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("codes_gen.go is out of date with codes.tsv: run go generate ./codes")
	}
}

// progress lists the codes that report progress, not faults, and so carry a 2XX status.
// The package documentation names them.
var progress = map[Code]int{
	VolExpandContinue: http.StatusAccepted,
	VolExplorerWait:   http.StatusAccepted,
	VolExplorerReady:  http.StatusOK,
}

func TestHTTPStatus(t *testing.T) {
	for _, c := range All() {
		s := c.HTTPStatus()
		if want, ok := progress[c]; ok {
			if s != want {
				t.Errorf("%s.HTTPStatus() = %d, want documented %d", c, s, want)
			}
			continue
		}
		if s < 400 || s > 599 {
			t.Errorf("%s.HTTPStatus() = %d, want 4xx or 5xx", c, s)
		}
	}
	tests := []struct {
		code Code
		want int
	}{
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
	for _, n := range []int{0, -1, 10000, 10007, 10216, 99999} {
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

func TestParseRejects(t *testing.T) {
	const header = "number\tname\tident\tstatus\tdoc\n"
	tests := map[string]string{
		"no header":       "10001\tA\tA\t400\tdoc\n",
		"columns":         header + "10001\tA\tA\t400\n",
		"number":          header + "x\tA\tA\t400\tdoc\n",
		"name":            header + "10001\ta\tA\t400\tdoc\n",
		"ident":           header + "10001\tA\ta\t400\tdoc\n",
		"status":          header + "10001\tA\tA\t999\tdoc\n",
		"doc":             header + "10001\tA\tA\t400\t \n",
		"duplicate name":  header + "10001\tA\tA\t400\tdoc\n10002\tA\tB\t400\tdoc\n",
		"duplicate numbr": header + "10001\tA\tA\t400\tdoc\n10001\tB\tB\t400\tdoc\n",
		"order":           header + "10002\tA\tA\t400\tdoc\n10001\tB\tB\t400\tdoc\n",
		"empty":           header,
	}
	for name, in := range tests {
		if _, err := codegen.Parse(strings.NewReader(in)); err == nil {
			t.Errorf("%s: Parse succeeded, want an error", name)
		}
	}
}
