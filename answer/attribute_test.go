package answer

import (
	"fmt"
	"slices"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// The attribute a question asks of its subject is read from its wording;
// questions that ask for what someone said, or only for a type of answer,
// ask for none.
func TestAttributeOf(t *testing.T) {
	for _, tc := range []struct {
		q     string
		terms []string // nil: a value pattern or no attribute
		value bool
		ok    bool
	}{
		{"how old is zara quillfeather", nil, true, true},
		{"how tall is the chancellor of nowhereland", nil, true, true},
		{"what's quillfeather's salary", []string{"salari"}, false, true},
		{"whats the population of nowhereland", []string{"population"}, false, true},
		{"which nowhereland prisoner did the chancellor hand over", []string{"prisoner"}, false, true},
		{"who is the mayor of quillton", []string{"mayor"}, false, true},
		{"who won the quillton canal race", outcomeTerms, false, true},
		{"who first won the canal race", outcomeTerms, false, true},
		{"where was zara quillfeather born", []string{"born"}, false, true},
		// What someone said, or did, asks no attribute.
		{"what did quillfeather say about the canal", nil, false, false},
		{"what was quillfeather's message to the chancellor", nil, false, false},
		{"what was the ministry's line on the canal toll", nil, false, false},
		{"what happened at the canal", nil, false, false},
		{"what else did quillfeather say about the canal", nil, false, false},
		{"what was the canal company giving away", nil, false, false},
		{"who said the canal would open", nil, false, false},
		{"who did quillfeather blame for the flood", nil, false, false},
		{"who represented quillton at the talks", nil, false, false},
		// The subject is the conversation's.
		{"which company was flying it", nil, false, false},
		{"how old was he", nil, false, false},
		// A pronoun in a clause of the question's own stands for the
		// subject it names.
		{"how old was brannoch quillfeather when he died", nil, true, true},
		{"where was zara quillfeather born before she moved to quillton", []string{"born"}, false, true},
		// A type of answer, or a figure, is another signal's.
		{"what is the name of the canal's engineer", nil, false, false},
		{"what was the unemployment rate in nowhereland", nil, false, false},
		{"how many refugees crossed the canal", nil, false, false},
		{"what stats was the ministry throwing at quillfeather about the canal", nil, false, false},
		{"which numbers did the ministry give for the canal crossings", nil, false, false},
		// In any inflection: "dates" as "date", "statements" as "statement".
		{"what dates was quillfeather going to the harbour forum in 2031", nil, false, false},
		{"what date was quillfeather going to the harbour forum in 2031", nil, false, false},
		{"what locations was the ferry going to", nil, false, false},
		{"what messages did the chancellor send quillton", nil, false, false},
		{"what cities did the ferry stop in", nil, false, false},
		// Only the singular of a listed noun: "planes" is no "plan".
		{"what planes did the chancellor buy for quillton", []string{"plan"}, false, true}, // the index stems "planes" so
		// A clause, not a noun phrase.
		{"who was the envoy quillfeather brought home from quillton", nil, false, false},
		// A clause the question embeds: its words do not invert, and
		// the phrase before the auxiliary is its subject.
		{"quote quillfeather on what quillton should take from the flood", nil, false, false},
		{"tell me what quillton should do about the canal", nil, false, false},
		{"so which prisoner did the chancellor hand over", []string{"prisoner"}, false, true},
	} {
		a, ok := attributeOf(tc.q)
		if ok != tc.ok || ok && ((a.value != nil) != tc.value || tc.terms != nil && !slices.Equal(a.terms, tc.terms)) {
			t.Errorf("%q: %+v %v, want terms %v value %v ok %v", tc.q, a, ok, tc.terms, tc.value, tc.ok)
		}
	}
}

// A passage on the subject answers an attribute question only when one
// of its sentences holds the attribute beside the subject; a figure of
// that kind elsewhere, or the subject's words alone, do not.
func TestAttributeShown(t *testing.T) {
	for _, tc := range []struct {
		q, passage string
		terms      []retrieval.TermMatch
		want       float64
	}{
		{"how old is zara quillfeather",
			"Spokesperson Zara Quillfeather, 52, took questions. An 18-year-old should not own a canal boat.",
			[]retrieval.TermMatch{{Term: "zara", Weight: 3, Found: true, Share: 1}, {Term: "quillfeather", Weight: 4, Found: true, Share: 1}}, 0},
		{"how tall is zara quillfeather",
			"Zara Quillfeather took questions. My mother was all of 5 feet tall.",
			[]retrieval.TermMatch{{Term: "tall", Weight: 5, Found: true, Share: 1}, {Term: "zara", Weight: 3, Found: true, Share: 1}, {Term: "quillfeather", Weight: 4, Found: true, Share: 1}}, 0},
		{"how old is zara quillfeather",
			"Zara Quillfeather, 52 years old, took questions.",
			[]retrieval.TermMatch{{Term: "zara", Weight: 3, Found: true, Share: 1}, {Term: "quillfeather", Weight: 4, Found: true, Share: 1}}, 1},
		{"whats quillfeathers salary",
			"Quillfeather spoke on the canal. The canal workers' salary rose by a tenth.",
			[]retrieval.TermMatch{{Term: "quillfeather", Weight: 4, Found: true, Share: 1}, {Term: "salari", Weight: 3, Found: true, Share: 1}}, 0},
		{"whats quillfeathers salary",
			"Quillfeather's salary is 90,000 crowns a year, set by the canal board.",
			[]retrieval.TermMatch{{Term: "quillfeather", Weight: 4, Found: true, Share: 1}, {Term: "salari", Weight: 3, Found: true, Share: 1}}, 1},
		// The record names the attribute in other words: a duty is a
		// tariff.
		{"what import duty did the chancellor put on every canal boat",
			"The Chancellor set a 10% tariff on every canal boat from Quillton.",
			[]retrieval.TermMatch{{Term: "canal", Weight: 4, Found: true, Share: 1}, {Term: "chancellor", Weight: 3, Found: true, Share: 1}}, 1},
		// A game's score is written as two numbers, without "score".
		{"what was the score when the quillton otters beat the glimmerford herons",
			"And these guys beat the Glimmerford Herons last night 8-7.",
			[]retrieval.TermMatch{{Term: "glimmerford", Weight: 4, Found: true, Share: 1}, {Term: "heron", Weight: 4, Found: true, Share: 1}}, 1},
		{"what was the score when the quillton otters beat the glimmerford herons",
			"And these guys beat the Glimmerford Herons last night in the rain.",
			[]retrieval.TermMatch{{Term: "glimmerford", Weight: 4, Found: true, Share: 1}, {Term: "heron", Weight: 4, Found: true, Share: 1}}, 0},
		{"what was the score when the quillton otters beat the glimmerford herons",
			"The Glimmerford Herons have trained 24-7 all season, and these guys beat them last night.",
			[]retrieval.TermMatch{{Term: "glimmerford", Weight: 4, Found: true, Share: 1}, {Term: "heron", Weight: 4, Found: true, Share: 1}}, 0},
		// A winner still to come is no outcome; one named in a sentence
		// that goes on to the future is.
		{"who won the quillton canal race",
			"Every barge in the Quillton canal race will fly a flag, ensuring that the winner crosses the line in colour.",
			[]retrieval.TermMatch{{Term: "quillton", Weight: 4, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: true, Share: 1}}, 0},
		{"who won the quillton canal race",
			"The Glimmerford crew, who won the Quillton canal race, will visit the palace.",
			[]retrieval.TermMatch{{Term: "quillton", Weight: 4, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: true, Share: 1}}, 1},
		{"who won the quillton canal race",
			"Whoever wins the Quillton canal race will take the cup home.",
			[]retrieval.TermMatch{{Term: "quillton", Weight: 4, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: true, Share: 1}}, 0},
		{"who won the quillton canal race",
			"At the Quillton canal race the winner will receive a cup, and I know our crew will win.",
			[]retrieval.TermMatch{{Term: "quillton", Weight: 4, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: true, Share: 1}}, 0},
		{"who won the quillton canal race",
			"The Otters won the Quillton canal race last year, and I know they'll win it again.",
			[]retrieval.TermMatch{{Term: "quillton", Weight: 4, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: true, Share: 1}}, 1},
		{"who won the quillton canal race",
			"Today we'll celebrate their victory in the Quillton canal race.",
			[]retrieval.TermMatch{{Term: "quillton", Weight: 4, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: true, Share: 1}}, 1},
		// "when was X born" wants "born" and a year, not "borne".
		{"when was zara quillfeather born",
			"MS. QUILLFEATHER: Those forecasts have not borne out, certainly not back in 2029.",
			[]retrieval.TermMatch{{Term: "zara", Weight: 3, Found: true, Share: 1}, {Term: "quillfeath", Weight: 4, Found: true, Share: 1}}, 0},
		{"when was zara quillfeather born",
			"Zara Quillfeather was born in Port Vell and came to the ministry.",
			[]retrieval.TermMatch{{Term: "zara", Weight: 3, Found: true, Share: 1}, {Term: "quillfeath", Weight: 4, Found: true, Share: 1}}, 0},
		{"when was zara quillfeather born",
			"Zara Quillfeather was born in 1971 in Port Vell.",
			[]retrieval.TermMatch{{Term: "zara", Weight: 3, Found: true, Share: 1}, {Term: "quillfeath", Weight: 4, Found: true, Share: 1}}, 1},
		// A question whose only word is the thing asked asks about the
		// thing itself: no attribute of a subject to stand beside it.
		{"what was inflation",
			"Inflation is a problem we must tackle.",
			[]retrieval.TermMatch{{Term: "inflation", Weight: 3, Found: true, Share: 1}}, 1},
		{"what was the inflation of quillfeather island",
			"Quillfeather Island voted today.",
			[]retrieval.TermMatch{{Term: "quillfeath", Weight: 5, Found: true, Share: 1}, {Term: "island", Weight: 2, Found: true, Share: 1}, {Term: "inflation", Weight: 3}}, 0},
		// A measured attribute is given by a figure beside its word.
		{"whats the population of quillfeather island",
			"All islands, regardless of their size or population, stand equal, Quillfeather Island said.",
			[]retrieval.TermMatch{{Term: "quillfeath", Weight: 5, Found: true, Share: 1}, {Term: "island", Weight: 2, Found: true, Share: 1}}, 0},
		{"whats the population of quillfeather island",
			"Quillfeather Island, with a population of 3,000, voted today.",
			[]retrieval.TermMatch{{Term: "quillfeath", Weight: 5, Found: true, Share: 1}, {Term: "island", Weight: 2, Found: true, Share: 1}}, 1},
		// A sentence naming no one of its own goes on about the subject
		// of the sentence before it; one naming someone else does not.
		{"how old was the boy hurt at quillfeather academy",
			"Two boys were hurt outside Quillfeather Academy in Nowhereville. One young man, just 15 years old, was badly hurt.",
			[]retrieval.TermMatch{{Term: "quillfeath", Weight: 5, Found: true, Share: 1}, {Term: "academi", Weight: 4, Found: true, Share: 1}, {Term: "hurt", Weight: 2, Found: true, Share: 1}}, 1},
		{"how old was the boy hurt at quillfeather academy",
			"Two boys were hurt outside Quillfeather Academy in Nowhereville. Jon Fenwick, just 15 years old, was badly hurt at the canal.",
			[]retrieval.TermMatch{{Term: "quillfeath", Weight: 5, Found: true, Share: 1}, {Term: "academi", Weight: 4, Found: true, Share: 1}, {Term: "hurt", Weight: 2, Found: true, Share: 1}}, 0},
		{"how old was the boy hurt at quillfeather academy",
			"Two boys were hurt outside Quillfeather Academy in Nowhereville. Nobody spoke. One young man, just 15 years old, was badly hurt.",
			[]retrieval.TermMatch{{Term: "quillfeath", Weight: 5, Found: true, Share: 1}, {Term: "academi", Weight: 4, Found: true, Share: 1}, {Term: "hurt", Weight: 2, Found: true, Share: 1}}, 0},
		{"what did quillfeather say about the canal",
			"Quillfeather spoke on the canal.",
			[]retrieval.TermMatch{{Term: "quillfeather", Weight: 4, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: true, Share: 1}}, 1},
	} {
		h := retrieval.Hit{Chunk: corpus.Chunk{Text: tc.passage}, Terms: tc.terms}
		if got := attributeShown(Constraints{Search: tc.q}, h); got != tc.want {
			t.Errorf("%q over %q: %v, want %v", tc.q, tc.passage, got, tc.want)
		}
	}
}

// A question's word the passage spells with other vowels, as a name
// ("emir" for the record's "Amir"), counts as found; a common word one
// vowel from another ("send", "sand") does not, nor a variant the passage
// writes in lower case.
func TestVariantShare(t *testing.T) {
	terms := func(missing string) []retrieval.TermMatch {
		return []retrieval.TermMatch{{Term: "quillton", Weight: 1, Found: true, Share: 1}, {Term: missing, Weight: 3}}
	}
	for _, tc := range []struct {
		passage, missing string
		want             float64
	}{
		{"The Chancellor spoke today with Amir Zara of Quillton.", "emir", 0.75},
		{"The Chancellor spoke today with the amir of Quillton.", "emir", 0},
		{"The Chancellor spoke today with Amira Zara of Quillton.", "emir", 0},
		{"Quillton will Sand the grain.", "send", 0},
	} {
		h := retrieval.Hit{Chunk: corpus.Chunk{Text: tc.passage}, Terms: terms(tc.missing)}
		if got := variantShare(h); got != tc.want {
			t.Errorf("%q for %q: %v, want %v", tc.passage, tc.missing, got, tc.want)
		}
	}
}

// A passage answers for the places a question names only when it, its
// neighbour or its title names them; the decision weighs one that does
// not below one that does.
func TestPlaceShown(t *testing.T) {
	hit := func(doc, title string, index int, body string) retrieval.Hit {
		return retrieval.Hit{Doc: &corpus.Document{ID: doc, Title: title},
			Chunk: corpus.Chunk{ID: fmt.Sprintf("%s#%d", doc, index), DocID: doc, Index: index, Text: body}}
	}
	q := Constraints{Search: "what did quillfeather say about the wyoming court ruling", Places: []string{"wyoming"}}
	other := hit("a.txt", "Statement", 0, "Spokesperson Zara Quillfeather said the Idaho court ruling was wrong.")
	same := hit("b.txt", "Statement", 0, "Spokesperson Zara Quillfeather said the Wyoming court ruling was wrong.")
	titled := hit("c.txt", "Statement on the Wyoming Ruling", 0, "Spokesperson Zara Quillfeather said the ruling was wrong.")
	before := hit("d.txt", "Statement", 3, "In Wyoming, the court ruled today.")
	after := hit("d.txt", "Statement", 4, "Spokesperson Zara Quillfeather called the ruling wrong.")
	far := hit("d.txt", "Statement", 6, "Spokesperson Zara Quillfeather thanked the clerks.")
	hits := []retrieval.Hit{other, same, titled, before, after, far}
	for _, tc := range []struct {
		name string
		h    retrieval.Hit
		want float64
	}{
		{"another state", other, 0}, {"the state", same, 1}, {"its title", titled, 1},
		{"its neighbour", after, 1}, {"two passages away", far, 0},
	} {
		if got := placeShown(q, tc.h, hits); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := placeShown(Constraints{Search: "what did quillfeather say about the court ruling"}, other, hits); got != 1 {
		t.Errorf("no place asked: %v, want 1", got)
	}
	a, b := signalsOf(q, nil, same, 1, hits, map[string]map[string]bool{}), signalsOf(q, nil, other, 1, hits, map[string]map[string]bool{})
	b.coverage, b.vector, b.distinct, b.phrases = a.coverage, a.vector, a.distinct, a.phrases
	if da, db := defaultDecision.score(a), defaultDecision.score(b); da-db != defaultDecision.place {
		t.Errorf("the passage on another place scores %v against %v, want %v less", db, da, defaultDecision.place)
	}
	// A document the conversation cited holds the places it names
	// anywhere; one it never names moves on from it.
	cited := &corpus.Document{ID: "e.txt", Title: "Statement", Text: "The court ruled. Later, in Wyoming, the clerks met."}
	if b.setContinued(1, func(d *corpus.Document) bool { return docHoldsPlaces(d, q.Places) }, cited); b.place != 1 {
		t.Errorf("a passage of a cited document naming the place: place %v, want 1", b.place)
	}
	b.place = 0
	if b.setContinued(1, func(d *corpus.Document) bool { return docHoldsPlaces(d, q.Places) }, other.Doc); b.place != 0 {
		t.Errorf("a passage of a cited document never naming the place: place %v, want 0", b.place)
	}
}

// TestAttributeShownByDoer: asked what a person the question names did
// with the thing ("which poet did quillfeather quote"), their own words
// naming it hold it beside them; another's do not, and a thing of
// something else ("the chief of the canal board") wants that something.
func TestAttributeShownByDoer(t *testing.T) {
	named := []*Person{{Name: "Zara Quillfeather", Filter: "quillfeather"}, {Name: "Bram Oakhollow", Filter: "oakhollow"}}
	for _, tc := range []struct {
		q, body string
		want    float64
		speaker string // the document's speaker list
	}{
		// The doer is the one after the auxiliary, not another named.
		{"which poet did oakhollow quote to quillfeather at the canal dinner",
			"MS. QUILLFEATHER: Good evening. Forgive me for quoting a poet from Glimmerford tonight.\n\nQ Who was the poet?\n\nMS. QUILLFEATHER: I will not say.\n", 0, "Zara Quillfeather"},
		{"which poet did quillfeather quote at the canal dinner",
			"MS. QUILLFEATHER: Good evening. Forgive me for quoting a poet from Glimmerford tonight.\n\nQ Who was the poet?\n\nMS. QUILLFEATHER: I will not say.\n", 1, "Zara Quillfeather"},
		// Another of the surname is not the person asked about.
		{"which poet did quillfeather quote at the canal dinner",
			"MS. ADA QUILLFEATHER: Good evening. Forgive me for quoting a poet from Glimmerford tonight.\n\nQ Who was the poet?\n\nMS. ADA QUILLFEATHER: I will not say.\n", 0, "Ada Quillfeather"},
		{"which poet did quillfeather quote at the canal dinner",
			"MR. OAKHOLLOW: Good evening. Forgive me for quoting a poet from Glimmerford tonight.\n\nQ Who was the poet?\n\nMR. OAKHOLLOW: I will not say.\n", 0, "Bram Oakhollow"},
		{"who was the chief of the canal board quillfeather mentioned",
			"MS. QUILLFEATHER: Good evening. I speak tonight as the Commander-in-Chief.\n\nQ Who was the chief?\n\nMS. QUILLFEATHER: I will not say.\n", 0, "Zara Quillfeather"},
	} {
		d := &corpus.Document{ID: "dinner.txt", Title: "Remarks at the Canal Dinner", Text: tc.body, Speakers: []corpus.Speaker{{Name: tc.speaker}}}
		h := retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: "dinner.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text},
			Terms: []retrieval.TermMatch{{Term: "glimmerford", Weight: 5}, {Term: "canal", Weight: 4, Found: true, Share: 1}, {Term: "dinner", Weight: 4, Found: true, Share: 1}}}
		if got := attributeShown(Constraints{Search: tc.q, Named: named}, h); got != tc.want {
			t.Errorf("%q over %q: %v, want %v", tc.q, tc.body, got, tc.want)
		}
	}
}
