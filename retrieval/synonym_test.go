package retrieval

import (
	"context"
	"testing"
)

// A passage that says the question's thing in other words ("tariff" for
// "duty") is found and counts the word at SynonymShare of its weight; a
// passage holding the word itself counts it whole. Words a follow-up's
// rewrite adds (Asked) are not given synonyms.
func TestSearchSynonyms(t *testing.T) {
	ix := newTestIndex(t, []string{
		"Spokesperson Zara Quillfeather said the tariff on canal boats from Nowhereland rose to 40 percent.",
		"Spokesperson Zara Quillfeather spoke about the weather over the harbour at length.",
		"The harbour master read the weather report aloud to the gathered sailors.",
		"Quillfeather said the duty on lamp oil from Nowhereland stays as it is.",
	})
	termOf := func(h Hit, term string) TermMatch {
		for _, m := range h.Terms {
			if m.Term == term {
				return m
			}
		}
		return TermMatch{}
	}
	hits, err := ix.Search(context.Background(), "what duty did quillfeather put on canal boats", SearchOptions{K: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Chunk.DocID != "d000.txt" {
		t.Fatalf("first hit %v, want the tariff passage d000.txt", hits)
	}
	if m := termOf(hits[0], "duti"); !m.Found || m.Share != SynonymShare {
		t.Errorf("the tariff passage holds duty as %+v, want found at share %v", m, SynonymShare)
	}
	for _, h := range hits {
		if h.Chunk.DocID == "d003.txt" {
			if m := termOf(h, "duti"); m.Share != 1 {
				t.Errorf("the duty passage holds duty as %+v, want share 1", m)
			}
		}
	}
	// The same words, "duty" only the conversation's: no synonym.
	hits, err = ix.Search(context.Background(), "what duty did quillfeather put on canal boats", SearchOptions{K: 4, Asked: "and on canal boats?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if h.Chunk.DocID == "d000.txt" {
			if m := termOf(h, "duti"); m.Found {
				t.Errorf("with duty only the conversation's word, the tariff passage holds it as %+v", m)
			}
		}
	}
}
