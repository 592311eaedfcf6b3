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
		// Other names and capitals are their place; a name as often
		// something else names none, its demonym does; a form that is
		// another word is none.
		"what did beijing say about the burma coup": {"china", "myanmar"},
		"the jordan river and turkey pardons":       nil,
		"the jordanian and turkish ministers":       {"jordan", "turkey"},
		"what did ghani say to the indian tribes":   nil,
		"saudi and emirati officials in sri lanka":  {"saudi", "emirates", "lanka"},
		// A demonym as people say it.
		"biden's call after the aussie election": {"australia"},
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
		// Possessives, other names and capitals hold their place.
		{"China’s foreign ministry said", "china", true},
		{"Iran's leaders", "iran", true},
		{"The Burmese military regime", "myanmar", true},
		{"Beijing responded on Monday", "china", true},
		{"President Erdogan of Turkey", "turkey", true},
	} {
		if got := HoldsPlace(tc.s, tc.place); got != tc.want {
			t.Errorf("HoldsPlace(%q, %q) = %v, want %v", tc.s, tc.place, got, tc.want)
		}
	}
}

// TestCities: a city or region a question names is a place of its own,
// held by its name or by its country's or state's, and no city's name is
// taken by another place's form.
func TestCities(t *testing.T) {
	for city := range cityRegion {
		if got, ok := placeOfWord(city); !ok || got != city {
			t.Errorf("placeOfWord(%q) = %q, %v", city, got, ok)
		}
	}
	for q, want := range map[string][]string{
		"what did the white house say about the genoa bridge collapse": {"genoa"},
		"what did the us say about the building collapse in lagos":     {"lagos"},
		"when jon finer was in delhi, what did he say about india":     {"delhi", "india"},
		"lloyd austin in sydney":                                       nil,
	} {
		if got := PlacesAsked(q); !slices.Equal(got, want) {
			t.Errorf("PlacesAsked(%q) = %q, want %q", q, got, want)
		}
	}
	for _, tc := range []struct {
		s, place string
		want     bool
	}{
		{"the devastating collapse of the Key Bridge in Baltimore", "genoa", false},
		{"A defeated former president who sees the world from Mar-a-Lago", "lagos", false},
		{"Principal Deputy National Security Advisor Jon Finer traveled to India", "delhi", true},
		{"the Morandi bridge in Genoa", "genoa", true},
		{"Remarks by President Biden | Pittsburgh, PA", "pittsburgh", true},
		{"our work in Pennsylvania", "pittsburgh", true},
		{"our work in Ohio", "pittsburgh", false},
	} {
		if got := HoldsPlace(tc.s, tc.place); got != tc.want {
			t.Errorf("HoldsPlace(%q, %q) = %v, want %v", tc.s, tc.place, got, tc.want)
		}
	}
}
