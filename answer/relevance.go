package answer

import (
	"strings"
	"unicode"

	"github.com/readout/readout/retrieval"
)

// notEntities are capitalised words that name roles, institutions or
// times rather than the subject of a question: a document need not repeat
// them to be about the same thing ("the Secretary" for "Blinken").
var notEntities = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`quote according president secretary minister prime foreign state
	department white house spokesperson spokesman spokeswoman press office ambassador deputy assistant
	national security council adviser advisor coordinator administration government united states
	mr mrs ms dr general senator governor vice under undersecretary official officials the
	january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec
	monday tuesday wednesday thursday friday saturday sunday today yesterday`) {
		notEntities[w] = true
	}
}

// entityTerms returns the index terms of the question's names: capitalised
// words that are not question words, roles, institutions or dates. A
// passage that never names the subject of a question does not cover it,
// however many of its other words it shares. Of a full name only the
// surname counts ("Ned Price" → price), since reports drop first names.
func entityTerms(q string) []string {
	var out []string
	seen := map[string]bool{}
	toks := tokenize(q)
	capital := func(i int) bool {
		w := q[toks[i].start:toks[i].end]
		return unicode.IsUpper([]rune(w)[0])
	}
	for i, t := range toks {
		word := q[t.start:t.end]
		if !capital(i) || len([]rune(word)) < 2 || stopwords[t.w] || notEntities[t.w] || retrieval.IsStopword(t.w) {
			continue
		}
		if i+1 < len(toks) && capital(i+1) && q[t.end:toks[i+1].start] == " " && !notEntities[toks[i+1].w] {
			continue // a first name
		}
		for _, term := range retrieval.Terms(word) {
			if !seen[term] {
				seen[term] = true
				out = append(out, term)
			}
		}
	}
	return out
}

// namesAll reports whether the retrieved passages of hit's document,
// together with its title, contain every term. Only retrieved passages
// count: a long briefing mentions everything somewhere.
func namesAll(hit retrieval.Hit, hits []retrieval.Hit, terms []string, cache map[string]map[string]bool) bool {
	id := hit.Chunk.DocID
	set, ok := cache[id]
	if !ok {
		set = map[string]bool{}
		var b strings.Builder
		if hit.Doc != nil {
			b.WriteString(hit.Doc.Title)
		}
		for _, h := range hits {
			if h.Chunk.DocID == id {
				b.WriteString("\n")
				b.WriteString(h.Chunk.Text)
			}
		}
		for _, t := range retrieval.Terms(b.String()) {
			set[t] = true
		}
		cache[id] = set
	}
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return true
}
