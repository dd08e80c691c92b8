package typo

import "testing"

// TestDistance checks the optimal string alignment distance against the examples of
// Wikipedia's "Damerau–Levenshtein distance" and "Levenshtein distance" articles.
func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "abc", 3},
		{"abc", "abc", 0},
		{"kitten", "sitting", 3}, // Levenshtein distance article
		{"ca", "abc", 3},         // OSA: the swapped "ca" cannot then be edited again
		{"ab", "ba", 1},
		{"app_not_fuond", "app_not_found", 1},
		{"未找到", "找未到", 1},
		{"descripton", "description", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}
