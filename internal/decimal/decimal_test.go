package decimal

import (
	"strconv"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want int
		ok   bool
	}{
		{"10205", 9, 10205, true},
		{"1", 1, 1, true},
		{"404", 3, 404, true},
		{"4040", 3, 0, false}, // too many digits
		{"", 9, 0, false},
		{"0", 9, 0, false}, // not positive
		{"010205", 9, 0, false},
		{"+10205", 9, 0, false},
		{"-1", 9, 0, false},
		{"10205 ", 9, 0, false},
		{" 10205", 9, 0, false},
		{"1e4", 9, 0, false},
		{"١٠٢٠٥", 20, 0, false}, // Arabic-Indic digits
		{"999999999", 9, 999999999, true},
	}
	for _, tt := range tests {
		if got, ok := Parse(tt.s, tt.max); got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q, %d) = %d, %v, want %d, %v", tt.s, tt.max, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzParse checks Parse against strconv: a number is read exactly when strconv.Itoa
// writes it back as it was given.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"10205", "010205", "+1", "0", "", "999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s, 9)
		m, err := strconv.Atoi(s)
		want := err == nil && m > 0 && len(s) <= 9 && strconv.Itoa(m) == s
		if ok != want || ok && n != m {
			t.Fatalf("Parse(%q) = %d, %v; strconv: %d, %v", s, n, ok, m, want)
		}
	})
}
