package text

import (
	"strings"
	"testing"
)

func TestAbbreviations(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // "SHORT=long form"
	}{
		{"capitalised long form", "The Glimmerford Ferry Authority (GFA) raised its tolls.", []string{"GFA=Glimmerford Ferry Authority"}},
		{"plural abbreviation, lower-case long form", "Quillfeather promised more electric ferries (EFs) by spring.", []string{"EF=electric ferries"}},
		{"function words inside the long form", "the Council of Nowhereland Harbours (CNH) met.", []string{"CNH=Council of Nowhereland Harbours"}},
		{"only the clause before the parenthesis", "Fares rose. Harbour Trust (HT) answered.", []string{"HT=Harbour Trust"}},
		{"a word in parentheses is no abbreviation", "Thank you. (Applause.) (Watch) (Science)", nil},
		{"letters the words before do not hold", "the harbour plan (XQZ) failed", nil},
		{"the first letter must start a word", "the ashore (SH) was closed", nil},
		{"two definitions", "Glimmerford Ferry Authority (GFA) and the Nowhereland Transit Board (NTB).",
			[]string{"GFA=Glimmerford Ferry Authority", "NTB=Nowhereland Transit Board"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			Abbreviations(tc.text, func(short, long string) { got = append(got, short+"="+long) })
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Abbreviations(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
