package answer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

func TestZZBigDebug(t *testing.T) {
	if os.Getenv("READOUT_BIG_RECORD") == "" {
		t.Skip()
	}
	path := filepath.Join("..", "..", "shared", "corpus", "whitehouse-briefings.tar.gz")
	docs, _, _ := corpus.Load(path, corpus.LoadOptions{})
	idx, _ := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	idx.Sync(context.Background(), docs, nil)
	for _, q := range []string{
		"What travel advisory level does the State Department currently give Azerbaijan?",
		"What is the current population of Stepanakert?",
		"Did he think Azerbaijan was taking advantage of Russia being bogged down in Ukraine? (context: White House September 13 2022 military solution conflict Armenia setting)",
		"Did he think Azerbaijan was taking advantage of Russia being bogged down in Ukraine?",
		"What did the Pope say about climate change in Armenia?",
		"How many tanks did Azerbaijan buy from Israel in 2021?",
		"What did President Biden say to Aliyev on the phone?",
	} {
		hits, _ := idx.Search(context.Background(), q, retrieval.SearchOptions{})
		t.Logf("Q: %s  terms=%v", q, retrieval.Terms(q))
		for i, h := range hits[:min(4, len(hits))] {
			have := map[string]bool{}
			for _, w := range retrieval.Terms(h.Chunk.Text) {
				have[w] = true
			}
			var missing []string
			for _, w := range retrieval.Terms(q) {
				if !have[w] {
					missing = append(missing, w)
				}
			}
			t.Logf("  %d cov=%.2f %s missing=%v", i, h.Coverage, h.Chunk.ID, missing)
		}
	}
}
