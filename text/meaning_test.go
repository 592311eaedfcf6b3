package text

import (
	"regexp"
	"slices"
	"testing"
)

func TestNumeralAndDropFormat(t *testing.T) {
	numerals := []struct{ w, digits string }{
		{"three", "3"}, {"twelve", "12"}, {"forty", "40"}, {"zero", "0"},
		{"million", ""}, {"third", ""}, {"twice", ""}, {"dozen", ""}, {"threat", ""},
	}
	for _, tt := range numerals {
		d, ok := Numeral(tt.w)
		if d != tt.digits || ok != (tt.digits != "") {
			t.Errorf("Numeral(%q) = %q, %v; want %q", tt.w, d, ok, tt.digits)
		}
		if ok {
			if w, _ := NumberWord(d); w != tt.w {
				t.Errorf("NumberWord(%q) = %q, want %q", d, w, tt.w)
			}
		}
	}
	for _, d := range []string{"21", "100", "03", "-1", "2.5"} {
		if w, ok := NumberWord(d); ok {
			t.Errorf("NumberWord(%q) = %q", d, w)
		}
	}
	for in, want := range map[string]string{"de\u202efend": "defend", "co\u00adoperate": "cooperate", "a\u200bb\u200dc\ufeff": "abc", "plain é": "plain é"} {
		if got := DropFormat(in); got != want {
			t.Errorf("DropFormat(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestContraction(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"do", "not", "dont"}, {"we", "are", "were"}, {"it", "has", "its"}, {"will", "not", "wont"},
		{"kirby", "is", ""}, {"we", "were", ""},
	} {
		got, ok := Contraction(tt.a, tt.b)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Contraction(%q, %q) = %q, %v; want %q", tt.a, tt.b, got, ok, tt.want)
		}
		if ok && !IsContraction(got) {
			t.Errorf("IsContraction(%q) false", got)
		}
		if ok && !slices.Contains(Expansions(got), [2]string{tt.a, tt.b}) {
			t.Errorf("Expansions(%q) = %q, want it to hold %q %q", got, Expansions(got), tt.a, tt.b)
		}
	}
}

func TestExpansions(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want [][2]string
	}{
		{"wont", [][2]string{{"will", "not"}}},
		{"dont", [][2]string{{"do", "not"}}},
		{"its", [][2]string{{"it", "has"}, {"it", "is"}}},
		{"mustnt", [][2]string{{"must", "not"}}},
		{"cannot", nil},
		{"kirbys", nil},
	} {
		if got := Expansions(tt.w); !slices.Equal(got, tt.want) {
			t.Errorf("Expansions(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// The counting words are the one list behind the answer's figure
// patterns: cardinals from one, scale words, "dozen", "half"; longer
// words first, so that "seventy" is not read as "seven".
func TestCountingWordPattern(t *testing.T) {
	re := regexp.MustCompile(`^(?:` + CountingWordPattern + `)`)
	for w, want := range map[string]string{"seventy": "seventy", "seventeen": "seventeen", "million": "million",
		"dozen": "dozen", "half": "half", "zero": "", "twice": "", "third": ""} {
		if got := re.FindString(w); got != want {
			t.Errorf("%q reads %q, want %q", w, got, want)
		}
	}
}
