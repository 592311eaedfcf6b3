package retrieval

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
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
