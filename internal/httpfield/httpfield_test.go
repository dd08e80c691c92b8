package httpfield

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestQValue(t *testing.T) {
	good := map[string]int{"0": 0, "0.": 0, "0.5": 500, "0.125": 125, "1": 1000, "1.": 1000, "1.0": 1000, "1.000": 1000, "0.001": 1}
	for s, want := range good {
		if got, ok := QValue(s); !ok || got != want {
			t.Errorf("QValue(%q) = %d, %v; want %d, true", s, got, ok, want)
		}
	}
	for _, s := range []string{"", ".5", "2", "1.5", "1.001", "0.1234", "-1", "0,5", "abc", "0.5 "} {
		if got, ok := QValue(s); ok {
			t.Errorf("QValue(%q) = %d, true; want false", s, got)
		}
	}
}

// qvalue is RFC 9110 §12.4.2's grammar, as written there.
var qvalue = regexp.MustCompile(`^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$`)

// FuzzQValue checks QValue against the RFC's grammar and strconv's reading of the number.
func FuzzQValue(f *testing.F) {
	for _, s := range []string{"0", "0.5", "1.000", "1.001", "0.1234", ".5", "1."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := QValue(s)
		if want := qvalue.MatchString(s); ok != want {
			t.Fatalf("QValue(%q) reports %v, the grammar %v", s, ok, want)
		}
		if !ok {
			return
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "."), 64) // "1." is not a Go float
		if err != nil || int(v*1000+0.5) != got {
			t.Fatalf("QValue(%q) = %d, strconv reads %v (%v)", s, got, v, err)
		}
	})
}

func TestToken(t *testing.T) {
	for _, s := range []string{"gzip", "x-gzip", "*", "!#$%&'*+-.^_`|~09AZaz"} {
		if !IsToken(s) {
			t.Errorf("IsToken(%q) = false", s)
		}
	}
	for _, s := range []string{"", "a b", "a,b", "a;q", `"a"`, "a/b", "é", "a\x7f", "a\t"} {
		if IsToken(s) {
			t.Errorf("IsToken(%q) = true", s)
		}
	}
	for c := 0; c < 256; c++ { // RFC 9110 §5.6.2: tchar is VCHAR except the delimiters
		want := c > ' ' && c < 0x7f && !strings.ContainsRune(`"(),/:;<=>?@[\]{}`, rune(c))
		if got := IsTChar(byte(c)); got != want {
			t.Errorf("IsTChar(%q) = %v, want %v", rune(c), got, want)
		}
	}
	if got := TokenEnd("q=0.5", 0); got != 1 {
		t.Errorf(`TokenEnd("q=0.5", 0) = %d, want 1`, got)
	}
	if got := TokenEnd("en;q", 3); got != 4 {
		t.Errorf(`TokenEnd("en;q", 3) = %d, want 4`, got)
	}
}
