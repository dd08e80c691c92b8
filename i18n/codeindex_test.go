package i18n

import (
	"fmt"
	"math"
	"testing"

	"github.com/apiswitch/errcode/codes"
)

// TestCodeIndex numbers every code of the table in order, and finds no number for codes
// outside it, whatever their value, in sets of codes of every size up to the table's and
// in sets that fill runs of neighbouring slots.
func TestCodeIndex(t *testing.T) {
	all := codes.All()
	sets := map[string][]codes.Code{"table": all, "none": nil, "sequential": nil, "strided": nil}
	for i := range 1000 {
		sets["sequential"] = append(sets["sequential"], codes.Code(i))
		sets["strided"] = append(sets["strided"], codes.Code(i<<20))
	}
	for n := range len(all) {
		sets[fmt.Sprintf("table[:%d]", n)] = all[:n]
	}
	for name, set := range sets {
		x := newCodeIndex(set)
		if len(x.slots) <= 2*len(set) {
			t.Errorf("%s: %d slots for %d codes: more than half full", name, len(x.slots), len(set))
		}
		in := map[codes.Code]bool{}
		for n, c := range set {
			in[c] = true
			if got := x.find(c); got != n {
				t.Errorf("%s: find(%d) = %d, want %d", name, c, got, n)
			}
		}
		for _, c := range []codes.Code{0, -1, 1, 10000, 10207, 10999, 99999, 1 << 20, math.MaxInt, math.MinInt} {
			if !in[c] {
				if got := x.find(c); got != -1 {
					t.Errorf("%s: find(%d) = %d for a code not in the index, want -1", name, c, got)
				}
			}
		}
	}
}
