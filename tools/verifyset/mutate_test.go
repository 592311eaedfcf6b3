package main

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/text"
)

func TestFlipNegation(t *testing.T) {
	tests := []struct {
		name, in string
		form     string
		want     *regexp.Regexp // "" form: no flip possible
	}{
		{"adds after an auxiliary", "Zara Quillfeather said we will continue to support them.", "added", regexp.MustCompile(`^Zara Quillfeather said we will (not|never) continue to support them\.$`)},
		{"removes a contraction", "We don’t want them anywhere near Nowhereland.", "removed", regexp.MustCompile(`^We do want them anywhere near Nowhereland\.$`)},
		{"removes not after an auxiliary", "The ministry is not prepared to sign the accord.", "removed", regexp.MustCompile(`^The ministry is prepared to sign the accord\.$`)},
		{"removes no after there is", "There is no evidence of a second meeting in Nowhereland.", "removed", regexp.MustCompile(`^There is evidence of a second meeting in Nowhereland\.$`)},
		{"cannot becomes can", "The envoy said the two sides cannot agree on the border.", "removed", regexp.MustCompile(`^The envoy said the two sides can agree on the border\.$`)},
		{"not only is no plain negation", "It is not only about the money for Nowhereland.", "", nil},
		{"have as a main verb takes no not", "We have a robust effort underway with the ministry today.", "", nil},
		{"have before a participle does", "We have signed a robust accord with the ministry today.", "added", regexp.MustCompile(`^We have (not|never) signed a robust accord with the ministry today\.$`)},
		{"no second negation is added", "I don't have any plans for the summit in Nowhereland.", "removed", regexp.MustCompile(`^I do have any plans for the summit in Nowhereland\.$`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(8) { // every random choice gives a flip of the allowed shape
				got, form, ok := flipNegation(tt.in, rand.New(rand.NewPCG(seed, 0)))
				if tt.want == nil {
					if ok {
						t.Fatalf("flipNegation(%q) = %q, want no flip", tt.in, got)
					}
					return
				}
				if !ok || form != tt.form || !tt.want.MatchString(got) {
					t.Fatalf("seed %d: flipNegation(%q) = %q, %q, %v; want %q matching %s", seed, tt.in, got, form, ok, tt.form, tt.want)
				}
			}
		})
	}
}

func TestChangeNumber(t *testing.T) {
	tests := []struct {
		name, in string
		want     *regexp.Regexp // nil: nothing to change
	}{
		{"a figure's leading digit", "There are 20,000 sites across Nowhereland with free tests.", regexp.MustCompile(`^There are [13-9]0,000 sites across Nowhereland with free tests\.$`)},
		{"a year's last digit", "In 2016 Zara Quillfeather filed a design patent in Nowhereland.", regexp.MustCompile(`^In 201[0-57-9] Zara Quillfeather filed a design patent in Nowhereland\.$`)},
		{"a spelled-out number", "He lives in Nowhereland with his wife and two children.", regexp.MustCompile(`^He lives in Nowhereland with his wife and (three|four|five|six|seven|eight|nine|ten|twelve) children\.$`)},
		{"a scale word for another", "The ministry pledged $5 billion to the Nowhereland fund.", regexp.MustCompile(`^The ministry pledged (\$[1-46-9] billion|\$5 (hundred|thousand|million|trillion)) to the Nowhereland fund\.$`)},
		{"a figure inside a name is no number", "The COVID-19 response in Nowhereland was discussed at length.", nil},
		{"one is not a count", "This is one of the priorities of the Nowhereland ministry.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(8) {
				got, ok := changeNumber(tt.in, rand.New(rand.NewPCG(seed, 0)))
				if tt.want == nil {
					if ok {
						t.Fatalf("changeNumber(%q) = %q, want no change", tt.in, got)
					}
					return
				}
				if !ok || !tt.want.MatchString(got) {
					t.Fatalf("seed %d: changeNumber(%q) = %q, %v; want a match of %s", seed, tt.in, got, ok, tt.want)
				}
			}
		})
	}
}

func TestChangeWord(t *testing.T) {
	vocab := map[string][]string{"ed": {"announced", "welcomed", "signed"}, "": {"border", "treaty"}}
	in := "Zara Quillfeather announced the treaty at the border of Nowhereland."
	for seed := range uint64(8) {
		got, ok := changeWord(in, rand.New(rand.NewPCG(seed, 0)), vocab)
		if !ok {
			t.Fatalf("seed %d: no change of %q", seed, in)
		}
		a, b := text.Words(in), text.Words(got)
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
				if wordClass(a[i]) != wordClass(b[i]) {
					t.Errorf("%q replaced by %q: another form", a[i], b[i])
				}
			}
		}
		if len(a) != len(b) || diff != 1 || !strings.HasPrefix(got, "Zara ") {
			t.Errorf("seed %d: changeWord = %q, want exactly one word changed after the first", seed, got)
		}
	}
}

func TestTruncateIsFaithful(t *testing.T) {
	in := "Spokesperson Zara Quillfeather told reporters in Nowhereland that the talks would resume on Tuesday after the holiday."
	forms := map[string]bool{}
	for seed := range uint64(40) {
		got, form, ok := truncate(in, rand.New(rand.NewPCG(seed, 0)))
		if !ok {
			t.Fatalf("seed %d: no truncation", seed)
		}
		forms[form] = true
		parts := strings.Split(got, ellipsis)
		words := 0
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p != "" && !strings.Contains(in, p) {
				t.Errorf("seed %d: %q (%s) holds %q, which the sentence does not", seed, got, form, p)
			}
			words += len(text.Tokens(p))
		}
		if n := len(text.Tokens(in)); words > n-3 || words < 6 {
			t.Errorf("seed %d: %q keeps %d of %d words", seed, got, words, n)
		}
	}
	if len(forms) != 3 {
		t.Errorf("forms drawn: %v, want prefix, suffix and elided", forms)
	}
}

func TestRecombine(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"opening and closing clauses", "Over the past several days of the summit, the minister of Nowhereland has been briefed regularly.", "The envoy met the delegation twice, and the talks will resume in the spring.", "Over the past several days of the summit, and the talks will resume in the spring."},
		{"a clause of three words is too short", "Last week, the minister of Nowhereland was briefed on the accord.", "The envoy met the delegation twice, and the talks will resume in the spring.", ""},
		{"one source nearly the whole claim", "In the morning sessions of the long summit, the minister spoke.", "The envoy met the delegation, and left.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := recombine(tt.a, tt.b)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("recombine = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Biden", "Jill Biden", true},
		{"Zara Quillfeather", "Bertram Oddsock", false},
		{"Karine Jean-Pierre", "Jean-Pierre", true},
		{"Al Oddsock", "Al Quillfeather", false}, // a two-letter first name says nothing
	}
	for _, tt := range tests {
		if got := samePerson(tt.a, tt.b); got != tt.same {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestBritishCandidates(t *testing.T) {
	tests := []struct {
		in   string
		want string // one of the candidates; "" for none
	}{
		{"organization", "organisation"},
		{"labor", "labour"},
		{"center", "centre"},
		{"defense", "defence"},
		{"traveled", "travelled"},
		{"dialog", "dialogue"},
		{"analyze", "analyse"},
		{"called", ""}, // "callled" is no spelling SpellingKey joins
		{"four", ""},
	}
	for _, tt := range tests {
		got := britishCandidates(tt.in)
		if (tt.want == "") != (len(got) == 0) || (tt.want != "" && !slices.Contains(got, tt.want)) {
			t.Errorf("britishCandidates(%q) = %q, want %q among them", tt.in, got, tt.want)
		}
	}
}

func TestPasteKeepsTheWords(t *testing.T) {
	british := func(w string) (string, bool) {
		if w == "organization" {
			return "organisation", true
		}
		return "", false
	}
	in := "Zara Quillfeather’s Organization said the talks in Nowhereland would resume on Tuesday."
	seen := map[string]bool{}
	for seed := range uint64(40) {
		got, form := paste(in, rand.New(rand.NewPCG(seed, 0)), british)
		if form == "" || got == in {
			t.Fatalf("seed %d: paste(%q) = %q, %q: nothing changed", seed, in, got, form)
		}
		for _, f := range strings.Split(form, ",") {
			seen[f] = true
		}
		key := func(s string) string {
			return strings.ReplaceAll(strings.Join(text.Words(s), " "), "organisation", "organization")
		}
		if key(got) != key(in) {
			t.Errorf("seed %d: paste changed the words: %q (%s)", seed, got, form)
		}
		if strings.Contains(form, "british") && !strings.Contains(got, "rganisation") {
			t.Errorf("seed %d: %q says british but is not", seed, got)
		}
	}
	for _, f := range []string{"british", "lower", "apostrophes", "no-stop", "quoted"} {
		if !seen[f] {
			t.Errorf("paste never made the change %q in 40 draws", f)
		}
	}
}
