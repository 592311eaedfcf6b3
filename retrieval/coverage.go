package retrieval

import (
	"github.com/readout/readout/text"
)

// windowCoverage returns, for each chunk, the IDF-weighted share of the
// query's terms that occur in the chunk or in its neighbours of the same
// document (one chunk either side). A question is often answered across a
// chunk boundary ("The Nov. 7 meeting took place at Blair House" in one
// chunk, the ministers it brought together in the one before), and chunk
// boundaries are an artefact of indexing, not of the record.
func (s *snapshot) windowCoverage(q []queryTerm, chunks []int32) ([]float64, [][]TermMatch) {
	out := make([]float64, len(chunks))
	matches := make([][]TermMatch, len(chunks))
	weights := make([]float64, len(q))
	var total float64
	for i, t := range q {
		weights[i] = t.weight
		if text.IsCommon(t.term) {
			weights[i] *= commonWeight
		}
		total += weights[i]
	}
	if total == 0 {
		return out, matches
	}
	n := int32(len(s.chunkDoc))
	for i, c := range chunks {
		var got float64
		matches[i] = make([]TermMatch, len(q))
		for j, t := range q {
			matches[i][j] = TermMatch{Term: t.term, Weight: weights[j]}
			if t.id < 0 && len(t.syn) == 0 {
				continue
			}
			share := 0.0
			for _, w := range [3]int32{c, c - 1, c + 1} {
				if w < 0 || w >= n || s.chunkDoc[w] != s.chunkDoc[c] {
					continue
				}
				if t.id >= 0 && s.lex.containsAny(t, w) {
					share = 1
					break
				}
				if share == 0 && s.lex.containsSynonym(t, w) {
					share = SynonymShare
				}
			}
			if share > 0 {
				got += share * weights[j]
				matches[i][j].Found, matches[i][j].Share = true, share
			}
		}
		out[i] = got / total
	}
	return out, matches
}

// commonWeight scales the weight of common English words in coverage: in a
// small record a word such as "take" or "place" may be absent and so get
// the highest inverse document frequency, though a question's subject is
// never carried by it.
const commonWeight = 0.3
