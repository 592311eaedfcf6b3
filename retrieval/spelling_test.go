package retrieval

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/text"
)

// spellTexts is a small record where each name and word occurs a known
// number of times: "quillfeather" and "nowhereland" often, "quilfeather"
// (a rare variant) twice, below spellMinDF, "zarkovy" often beside the rare "zarkov", and
// "kelin" (a rare name) once beside the frequent "karin".
func spellTexts() []string {
	var texts repeated
	texts.add(60, "Spokesperson Zara Quillfeather of Nowhereland spoke about the harbour agreement.")
	texts.add(2, "Quilfeather arrived late.")
	texts.add(3, "Minister Zarkov arrived.")
	texts.add(80, "Minister Zarkovy met the delegation about fisheries.")
	texts.add(1, "Advisor Kelin met the delegation.")
	texts.add(60, "Karin welcomed the delegation.")
	texts.add(30, "The president met the council on fisheries.")
	texts.add(20, "Unrelated filler about weather and markets.")
	texts.add(10, "The council eased the penalties for marijuana.")
	texts.add(3, "The delegation was deep in the weeds on fisheries.")
	return texts
}

// TestCorrectedTerms checks which query words are corrected, to what, and
// which are left alone.
func TestCorrectedTerms(t *testing.T) {
	ix := buildLexical(spellTexts())
	cases := []struct {
		name  string
		query string
		// want is each resulting term with its alternative ("term|alt").
		want []string
	}{
		{"unknown word one edit from a frequent one", "what did quillfeathr say", []string{"quillfeather"}},
		{"two neighbours swapped", "nowhereladn harbour", []string{"nowhereland", "harbour"}},
		{"a letter too many and one changed in a long word", "quilllfeathar", []string{"quillfeather"}},
		{"a known rare word gets its one-letter-longer neighbour", "zarkov fisheries", []string{"zarkov|zarkovi", "fisheri"}},
		{"a rare variant below spellMinDF is no correction", "quilfeather", []string{"quilfeather|quillfeather"}},
		{"a known rare name is not changed into another", "kelin", []string{"kelin"}},
		{"a known word is kept", "quillfeather", []string{"quillfeather"}},
		{"a word the record does not know and nothing near stays", "xylophone", []string{"xylophon"}},
		{"short words are not corrected", "karn", []string{"karn"}},
		{"a changed first letter is not corrected", "buillfeather", []string{"buillfeather"}},
		{"a chat abbreviation stands for the record's word", "potus on fisheries", []string{"president", "fisheri"}},
		{"a chat abbreviation's possessive too", "the potus's fisheries", []string{"president", "fisheri"}},
		{"a slang word counts the record's word too", "the weed penalties", []string{"weed|marijuana", "penalti"}},
		{"a function word typed with a slip is no word of the question", "how worried shoud the harbour be becuase of tehy", []string{"worri", "harbour"}},
		{"a slip after a title is a name", "did minister wold visit the harbour", []string{"minister", "wold", "visit", "harbour"}},
		{"a function word with a letter added may be a name", "did wirth visit the harbour", []string{"wirth", "visit", "harbour"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q, _ := ix.correctedTerms(tc.query, true, nil)
			var got []string
			for _, qt := range q {
				s := qt.term
				for _, a := range qt.alts {
					s += "|" + ix.spellerOf().terms[a]
				}
				got = append(got, s)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("correctedTerms(%q) = %v, want %v", tc.query, got, tc.want)
			}
			plain := ix.queryTerms(tc.query)
			for _, p := range plain {
				if len(p.alts) > 0 || p.typed != "" {
					t.Errorf("queryTerms(%q) corrected %q: only correctedTerms corrects", tc.query, p.term)
				}
			}
		})
	}
}

// TestSearchFindsMisspelledName checks that Search ranks the passages of
// a name typed with a typo as it ranks the name spelled right, and that
// the vector query reads the correction too.
func TestSearchFindsMisspelledName(t *testing.T) {
	ix := newTestIndex(t, spellTexts())
	for _, q := range []string{"quillfeather harbour", "quillfeathr harbour", "quilfeather harbour"} {
		hits, err := ix.Search(context.Background(), q, SearchOptions{K: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Chunk.Text, "Quillfeather of Nowhereland") {
			t.Fatalf("Search(%q) first hit %v, want the Quillfeather passage", q, hits)
		}
		if hits[0].Coverage < 0.99 {
			t.Errorf("Search(%q) coverage %.2f, want the corrected name counted as found", q, hits[0].Coverage)
		}
	}
	if got := correctedQuery("What did Quilfeathr say?", map[string]string{"quilfeathr": "quillfeather"}); got != "What did quillfeather say?" {
		t.Errorf("correctedQuery = %q", got)
	}
}

// TestRespelled: a question's slips are written as the record writes
// the word, by words one edit away weighed by their passages (a stem far
// from its slip's, "dates"/"dat" against "daets"/"daet", still found; the
// rarer "diets" beside it not chosen), a function word's slip as the
// function word. Left as typed: a word the record holds (the search
// keeps it and adds its neighbour), a word typed with a capital after the
// question's first or with capitals inside, a name after a title, chat
// shorthand, an English word the record does not hold, a word whose only
// neighbour is rare in the record, and a word with nothing near.
func TestRespelled(t *testing.T) {
	var texts repeated
	texts.add(40, "The talks opened on three dates in Lisbon with Quillfeather.")
	texts.add(5, "The diets of the delegation were discussed.")
	texts.add(30, "Spokesperson Zara Quillfeather spoke several times about the canal.")
	texts.add(4, "Governor Garlin Brackenfield visited the canal.")
	texts.add(9, "The bayou flooded near the canal.")
	texts.add(2, "Minister Zarkov visited.")
	texts.add(60, "Minister Zarkovy of Freedonia visited the canal.")
	texts.add(1, "The tally was close.")
	texts.add(40, "Quillfeather will talk about the canal.")
	ix := newTestIndex(t, texts)
	tests := []struct {
		in, want string
		fixes    int
	}{
		{"what daets did the talks open", "what dates did the talks open", 1},
		{"how many tmies did quilfeather speak abuot the canal?", "how many times did quillfeather speak about the canal?", 3},
		{"Daets?", "Dates?", 1},
		// Left as typed.
		{"how many times did Quilfeather speak", "how many times did Quilfeather speak", 0},
		{"what did QUILFEATHER say", "what did QUILFEATHER say", 0},
		{"quilfeather's canal", "quilfeather's canal", 0},
		{"what did minister quilfeather say", "what did minister quilfeather say", 0},
		{"did minister wold say abt the canal", "did minister wold say abt the canal", 0},
		{"what did xylophone say", "what did xylophone say", 0},
		{"the diets", "the diets", 0},
		{"tariffs on garlic", "tariffs on garlic", 0},
		{"the vote tally", "the vote tally", 0},
		{"what did zarkov say", "what did zarkov say", 0},
		{"what did bayrou say", "what did bayrou say", 0},
	}
	for _, tc := range tests {
		got, fixes := ix.Respelled(tc.in)
		if got != tc.want || len(fixes) != tc.fixes {
			t.Errorf("Respelled(%q) = %q, %v; want %q with %d changes", tc.in, got, fixes, tc.want, tc.fixes)
		}
	}
	if _, fixes := ix.Respelled("Daets?"); len(fixes) != 1 || fixes[0] != (Respelling{Typed: "Daets", Written: "Dates"}) {
		t.Errorf("Respelled(\"Daets?\") changes %v, want Daets → Dates", fixes)
	}
	for term, words := range map[string][]string{"four": {"four", "fours"}, "stai": {"stai", "stay", "stayed"}} {
		for _, w := range words {
			if !isSurface(w, term) {
				t.Errorf("isSurface(%q, %q) = false", w, term)
			}
		}
	}
	for _, w := range []string{"fourly", "staied"} {
		if isSurface(w, text.Stem(w)) {
			t.Errorf("isSurface(%q) = true: no word", w)
		}
	}
}

// newTestIndex is an in-memory index of texts, one invented document
// each.
func newTestIndex(t *testing.T, texts []string) *Index {
	t.Helper()
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	docs := make([]*corpus.Document, len(texts))
	for i, tx := range texts {
		docs[i] = exampleDoc(fmt.Sprintf("d%03d.txt", i), "Example Wire", "2031-05-01", "", tx)
	}
	if _, err := ix.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestCapitalInTheVectorQuery: a capital standing for its government
// ("what did tehran refuse") is embedded with its country's name, so a
// passage naming only the country is near the question by its vector
// too, not only by its words' synonym.
func TestCapitalInTheVectorQuery(t *testing.T) {
	ix := newTestIndex(t, []string{
		"Iran should not target the ferries of Glimmerford or their crews.",
		"The Brackenwick canal will reopen to barges in May.",
	})
	hits, err := ix.Search(context.Background(), "what did tehran refuse", SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, h := range hits {
		if strings.Contains(h.Chunk.Text, "Iran should not") {
			found = true
			if h.VectorScore <= 0.1 {
				t.Errorf("vector similarity %.3f of the passage naming the capital's country", h.VectorScore)
			}
		}
	}
	if !found {
		t.Fatalf("the passage naming Iran is not found: %v", hits)
	}
	if got := vectorQuery("what did Tehran and Moscow say", nil); got != "what did Tehran and Moscow say iran russia" {
		t.Errorf("vectorQuery = %q", got)
	}
}
