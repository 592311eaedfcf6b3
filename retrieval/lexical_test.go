package retrieval

import (
	"math"
	"testing"

	"github.com/readout/readout/corpus"

	"github.com/readout/readout/text"
)

// TestLexicalSearchMatchesReference compares the BM25 search (postings,
// float32 accumulator from a pool, heap) with BM25 written out plainly
// from the texts, and checks that a pooled accumulator comes back clean:
// the same query twice gives the same scores.
func TestLexicalSearchMatchesReference(t *testing.T) {
	docs, _ := synthDocs(300)
	var texts []string
	for _, d := range docs {
		for _, c := range corpus.Split(d, corpus.ChunkOptions{}) {
			texts = append(texts, c.Text)
		}
	}
	ix := buildLexical(texts)
	// The plain reference: term counts per chunk.
	counts := make([]map[string]int, len(texts))
	var total float64
	for i, tx := range texts {
		counts[i] = map[string]int{}
		ts := text.Terms(tx)
		for _, term := range ts {
			counts[i][term]++
		}
		total += float64(len(ts))
	}
	avg := total / float64(len(texts))
	v := synthVocab()
	queries := []string{synthQuery(), v[3] + " " + v[40], v[2000] + " " + v[29999] + " nosuchterm", "nosuchterm"}
	for _, query := range queries {
		qt := ix.queryTerms(query)
		want := make([]float64, len(texts))
		for i := range texts {
			for _, term := range qt {
				tf := float64(counts[i][term.term])
				if tf == 0 {
					continue
				}
				l := float64(ix.docLen[i])
				want[i] += term.weight * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*l/avg))
			}
		}
		keepOdd := func(c int) bool { return c%2 == 1 }
		for _, keep := range []func(int) bool{nil, keepOdd} {
			for round := range 2 {
				got := ix.search(qt, 20, keep)
				var ref []scored
				for i, s := range want {
					if s > 0 && (keep == nil || keep(i)) {
						ref = append(ref, scored{int32(i), s})
					}
				}
				sortScored(ref)
				ref = ref[:min(20, len(ref))]
				if len(got) != len(ref) {
					t.Fatalf("%q round %d: %d results, want %d", query, round, len(got), len(ref))
				}
				for i := range got {
					if math.Abs(got[i].score-ref[i].score) > 1e-4*ref[i].score {
						t.Errorf("%q round %d rank %d: chunk %d score %.6f, want chunk %d score %.6f",
							query, round, i+1, got[i].chunk, got[i].score, ref[i].chunk, ref[i].score)
					}
					if keep != nil && !keep(int(got[i].chunk)) {
						t.Errorf("%q: chunk %d does not pass the filter", query, got[i].chunk)
					}
				}
			}
		}
	}
}
