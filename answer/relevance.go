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
	toks := nameTokens(q)
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

// namesAll reports whether the hit's passage, with its neighbouring
// retrieved passages of the same document (one chunk either side) and the
// document's title, outlet and speakers, contains the terms (all of one
// or two, two thirds of more). Only nearby
// text counts: a long briefing mentions everything somewhere, and a name
// far from the words that matched does not make the passage about it.
func namesAll(hit retrieval.Hit, hits []retrieval.Hit, terms []string, cache map[string]map[string]bool) bool {
	id := hit.Chunk.ID
	set, ok := cache[id]
	if !ok {
		set = map[string]bool{}
		var b strings.Builder
		if d := hit.Doc; d != nil {
			// The metadata names the document's subject as surely as its text.
			b.WriteString(d.Title + "\n" + d.Outlet)
			for _, s := range d.Speakers {
				b.WriteString("\n" + s.Name)
			}
		}
		for _, h := range hits {
			if h.Chunk.DocID == hit.Chunk.DocID && h.Chunk.Index >= hit.Chunk.Index-1 && h.Chunk.Index <= hit.Chunk.Index+1 {
				b.WriteString("\n")
				b.WriteString(h.Chunk.Text)
			}
		}
		for _, t := range retrieval.Terms(b.String()) {
			set[t] = true
		}
		cache[id] = set
	}
	found := 0
	for _, t := range terms {
		if set[t] {
			found++
		}
	}
	// One name in three may be missing: a question that names three
	// countries is answered by a passage that names two of them ("is
	// Azerbaijan taking advantage of Russia being bogged down in Ukraine?").
	return found*3 >= len(terms)*2
}

// topicCoverage is Hit.Coverage restricted to the query terms that are not
// names: a passage that names the subject of a question ("Azerbaijan") and
// the institution asked about ("the State Department") but none of what is
// asked ("travel advisory level") does not answer it. A question made only
// of names counts as fully covered here; namesAll judges it.
func topicCoverage(h retrieval.Hit, names []string) float64 {
	isName := make(map[string]bool, len(names))
	for _, n := range names {
		isName[n] = true
	}
	var got, total float64
	for _, t := range h.Terms {
		if isName[t.Term] {
			continue
		}
		total += t.Weight
		if t.Found {
			got += t.Weight
		}
	}
	if total == 0 {
		return 1
	}
	return got / total
}

// nameTokens is tokenize with words joined across an apostrophe, as the
// index joins them: "O'Brien" and "O’Brien" are one name ("obrien"), not
// "O" and "Brien".
func nameTokens(q string) []token {
	toks := tokenize(q)
	var out []token
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for i+1 < len(toks) {
			gap := q[t.end:toks[i+1].start]
			if gap != "'" && gap != "’" {
				break
			}
			i++
			t = token{t.w + toks[i].w, t.start, toks[i].end}
		}
		out = append(out, t)
	}
	return out
}
