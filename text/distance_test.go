package text

import "testing"

// TestEditDistance checks the bounded optimal-string-alignment distance.
func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"kirby", "kirby", 2, 0},
		{"kirbi", "kirby", 2, 1},
		{"blinkin", "blinken", 2, 1},
		{"sulivan", "sullivan", 2, 1},
		{"erdgoan", "erdogan", 2, 1},
		{"zelenski", "zelenskyy", 2, 2},
		{"abc", "xyz", 1, 2},
		{"ab", "abcdef", 2, 3},
	}
	for _, tc := range cases {
		if got := EditDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}
