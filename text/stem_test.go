package text

import (
	"slices"
	"testing"
)

func TestDemonymPlaces(t *testing.T) {
	cases := []struct {
		word string
		want string // a stem DemonymPlaces must give; "" for none at all
	}{
		{"iranians", "iran"},
		{"chinese", "china"},
		{"japanese", "japan"},
		{"korean", "korea"},
		{"israeli", "israel"},
		{"haitian", "haiti"},
		{"belgians", "belgium"},
		{"egyptian", "egypt"},
		{"cuban", "cuba"},
		{"musician", ""},
		{"the", ""},
	}
	for _, tc := range cases {
		got := DemonymPlaces(tc.word)
		if tc.want == "" && len(got) != 0 || tc.want != "" && !slices.Contains(got, tc.want) {
			t.Errorf("DemonymPlaces(%q) = %q, want %q", tc.word, got, tc.want)
		}
		for _, f := range got {
			if len(f) < 4 || f == Stem(tc.word) {
				t.Errorf("DemonymPlaces(%q) holds %q: too short or the word's own stem", tc.word, f)
			}
		}
	}
}
