package retrieval

import (
	"testing"
)

// TestBoostCoverage checks that a passage holding every word of the
// question moves above one that the fused ranking put first for one rare
// word alone, by the share of the question each holds, and that the
// ranking is left as fused when the weight is 0.
func TestBoostCoverage(t *testing.T) {
	var texts repeated
	texts.add(1, "Glimmerford was mentioned once more by the council.")
	texts.add(1, "The Glimmerford canal toll rose by a tenth after the harbour vote.")
	texts.add(30, "The canal toll in Nowhereland is paid at the lock.")
	texts.add(30, "Unrelated filler about weather and markets.")
	ix := newTestIndex(t, texts)
	s := ix.cur.Load()
	q, _ := s.lex.correctedTerms("glimmerford canal toll", true, s.forms())
	partial, whole := s.docChunks[0][0], s.docChunks[1][0]
	cases := []struct {
		name   string
		weight float64
		first  int32
	}{
		{"no weight keeps the fused order", 0, partial},
		{"a weight of 0.5 puts the whole answer first", 0.5, whole},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func(w float64) { coverageWeight = w }(coverageWeight)
			coverageWeight = tc.weight
			// The partial passage leads by less than half a first lexical
			// rank's share, as two neighbouring ranks do.
			cands := []candidate{{chunk: partial, score: 0.020}, {chunk: whole, score: 0.018}}
			s.boostCoverage(cands, q)
			if cands[0].chunk != tc.first {
				t.Errorf("first chunk %d, want %d (scores %v)", cands[0].chunk, tc.first, cands)
			}
		})
	}
}
