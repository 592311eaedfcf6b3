package text

import (
	"slices"
	"testing"
)

func TestPlacesAsked(t *testing.T) {
	for q, want := range map[string][]string{
		"what sanctions did they put on nicaraguan regime officials": {"nicaragua"},
		"the wyoming supreme court":                                  {"wyoming"},
		"iranians and cubans in texas":                               {"iran", "cuba", "texas"},
		"the peruvian and mexican leaders":                           {"peru", "mexico"},
		"the chinese side, per the french":                           {"china", "france"},
		"an omani mediator in the philippines":                       {"oman", "philippines"},
		"the arkansas and kansas governors":                          {"arkansas", "kansas"},
		// Words that merely begin with a place's name are none.
		"malign influence on the perusal":   nil,
		"did the us and the minister agree": nil,
	} {
		if got := PlacesAsked(q); !slices.Equal(got, want) {
			t.Errorf("PlacesAsked(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestHoldsPlace(t *testing.T) {
	for _, tc := range []struct {
		s, place string
		want     bool
	}{
		{"The Iranian regime must stop.", "iran", true},
		{"Idaho's extreme abortion ban", "wyoming", false},
		{"the Cuban regime's security apparatus", "nicaragua", false},
		{"NICARAGUA: new sanctions", "nicaragua", true},
	} {
		if got := HoldsPlace(tc.s, tc.place); got != tc.want {
			t.Errorf("HoldsPlace(%q, %q) = %v, want %v", tc.s, tc.place, got, tc.want)
		}
	}
}
