package text

import (
	"slices"
	"testing"
)

// The embedded table reads, and gives a word the synonyms of its usual
// senses: not those of a rarer part of speech, a proper noun's synset, or
// a common word.
func TestSynonyms(t *testing.T) {
	if err := ThesaurusErr(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word       string
		has, lacks []string
	}{
		{"duty", []string{"tariff"}, nil},
		{"tariffs", []string{"duty"}, nil},
		{"salary", []string{"remuneration"}, nil},
		{"represented", []string{"representative"}, nil}, // a derivation
		{"evacuate", []string{"evacuation"}, nil},
		{"china", nil, []string{"taiwan"}},    // "China" is a name
		{"long", nil, []string{"yearn"}},      // the verb, rarely tagged
		{"died", nil, []string{"go", "pass"}}, // common words
	} {
		term := Stem(tc.word)
		got := Synonyms(term)
		for _, w := range tc.has {
			if !slices.Contains(got, Stem(w)) {
				t.Errorf("Synonyms(%q) = %v, want %q among them", term, got, Stem(w))
			}
		}
		for _, w := range tc.lacks {
			if slices.Contains(got, Stem(w)) {
				t.Errorf("Synonyms(%q) = %v, want no %q", term, got, Stem(w))
			}
		}
	}
}

// A two-word phrase's synonyms go to its word that is not a stopword.
func TestTermSynonyms(t *testing.T) {
	got := TermSynonyms("did they agree to meet every year, and what did they talk about")
	if !slices.Contains(got["year"], "annual") {
		t.Errorf(`"every year": %v, want "annual" under "year"`, got["year"])
	}
	if !slices.Contains(got["talk"], "discuss") {
		t.Errorf(`"talk about": %v, want "discuss" under "talk"`, got["talk"])
	}
	if _, ok := got["about"]; ok {
		t.Errorf("a stopword got synonyms: %v", got["about"])
	}
	// Chat slang: the record's word for the thing (slangWords).
	if got := TermSynonyms("the weed pardon"); !slices.Contains(got["weed"], "marijuana") {
		t.Errorf(`"weed": %v, want "marijuana"`, got["weed"])
	}
	// A verb's phrase around its object.
	for _, q := range []string{"when did russia let trevor reed go", "did they let him go"} {
		if got := TermSynonyms(q); !slices.Contains(got["go"], "releas") {
			t.Errorf(`%q: "go" has %v, want "releas" from "let go"`, q, got["go"])
		}
	}
	if got := TermSynonyms("did they turn the offer down"); !slices.Contains(got["turn"], "reject") {
		t.Errorf(`"turn the offer down": "turn" has %v, want "reject"`, got["turn"])
	}
	// A particle settles the verb's sense: "kicked off" began, it did
	// not boot anyone.
	if got := TermSynonyms("the strikes that kicked off in june"); !slices.Contains(got["kick"], "inaugurat") || slices.Contains(got["kick"], "boot") {
		t.Errorf(`"kicked off": "kick" has %v, want "inaugurat" and not "boot"`, got["kick"])
	}
	if got := TermSynonyms("a kick in the door"); !slices.Contains(got["kick"], "boot") {
		t.Errorf(`"kick" alone: %v, want its own synonyms`, got["kick"])
	}
	if got := TermSynonyms("the talks kicked off after a kick in the door"); !slices.Contains(got["kick"], "boot") || !slices.Contains(got["kick"], "inaugurat") {
		t.Errorf(`"kicked off" and "kick" alone: %v, want both senses`, got["kick"])
	}
	if got := TermSynonyms("did biden call it genocide in 2021"); slices.Contains(got["call"], "visit") {
		t.Errorf(`"call it genocide in" read as "call in": %v`, got["call"])
	}
	if got := TermSynonyms("let the three of them go"); slices.Contains(got["go"], "releas") {
		t.Errorf(`"let" three words before "go" made a phrase: %v`, got["go"])
	}
}

// A malformed table is an error, not a panic or a silent empty table.
func TestDecodeThesaurusBad(t *testing.T) {
	if _, err := decodeThesaurus([]byte("not gzip")); err == nil {
		t.Error("want an error for a table that is not gzip")
	}
}

// A capital in a question stands for its government: "tehran" is sought
// as "iran" too, but not the other way round ("georgia" may be the state).
func TestCapitalForCountry(t *testing.T) {
	syn := TermSynonyms("what did the secretary warn tehran not to do")
	if !slices.Contains(syn["tehran"], "iran") {
		t.Errorf("tehran: %v", syn["tehran"])
	}
	if syn := TermSynonyms("what did biden say in georgia"); slices.Contains(syn["georgia"], "tbilisi") {
		t.Errorf("georgia: %v", syn["georgia"])
	}
}

// A place's other name is sought both ways: a question's "turkey" meets
// the record's "Türkiye", and "burma" meets "Myanmar"; a part for the
// whole one way only.
func TestOtherNamesBothWays(t *testing.T) {
	syn := TermSynonyms("how did they help turkey after the earthquakes, and burma")
	if tk, ty := Terms("turkey")[0], Terms("Türkiye")[0]; !slices.Contains(syn[tk], ty) {
		t.Errorf("turkey: %v, want %q", syn[tk], ty)
	}
	if b, m := Terms("burma")[0], Terms("myanmar")[0]; !slices.Contains(syn[b], m) {
		t.Errorf("burma: %v, want %q", syn[b], m)
	}
	if k, d := Terms("korea")[0], Terms("dprk")[0]; slices.Contains(TermSynonyms("the south korea summit")[k], d) {
		t.Errorf("korea brings dprk: a part is sought one way only")
	}
	if tk := Terms("Türkiye")[0]; !slices.Contains(TermSynonyms("the türkiye quake")[tk], Terms("turkey")[0]) {
		t.Errorf("türkiye: %v", TermSynonyms("the türkiye quake"))
	}
}

// TestIsEnglishTerm: a word the synonym table holds only as a synonym is
// an English word too; a name and a slip are not.
func TestIsEnglishTerm(t *testing.T) {
	for w, want := range map[string]bool{"garlic": true, "tariffs": true, "dates": true, "garlin": false, "daets": false, "quillfeather": false} {
		if got := IsEnglishTerm(Stem(w)); got != want {
			t.Errorf("IsEnglishTerm(Stem(%q)) = %v, want %v", w, got, want)
		}
	}
}
