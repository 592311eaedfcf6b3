package evalmatch

import (
	"strings"
	"testing"
)

func TestMissing(t *testing.T) {
	tests := []struct {
		name, text string
		items      []string
		missing    []string
	}{
		{"thousands separator either way", "84770 people had crossed.", []string{"84,770"}, nil},
		{"separator in the answer", "By then 84,770 had crossed.", []string{"84770"}, nil},
		{"percent sign", "It fell to 3.8% in February.", []string{"3.8 percent"}, nil},
		{"case and curly apostrophe", "He said it’s QUITE SERIOUS.", []string{"it's quite serious"}, nil},
		{"any alternative", "The ceasefire starts at 4 a.m. local time.", []string{"4:00|4 a.m"}, nil},
		{"every item is needed", "Schumer was thanked.", []string{"Schumer", "McConnell"}, []string{"McConnell"}},
		{"a number inside a longer one is not the number", "In 2021 the statement said so.", []string{"21"}, []string{"21"}},
		{"a word inside a longer word is not the word", "It was unannounced.", []string{"no"}, []string{"no"}},
		{"nothing asked", "anything", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Missing(tt.text, tt.items)
			if strings.Join(got, ";") != strings.Join(tt.missing, ";") {
				t.Errorf("Missing(%q, %q) = %q, want %q", tt.text, tt.items, got, tt.missing)
			}
		})
	}
}
