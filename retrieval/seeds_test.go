package retrieval

import (
	"testing"

	"github.com/readout/readout/corpus"
)

// loadSeeds returns the bundled sample record.
func loadSeeds(t testing.TB) []*corpus.Document {
	t.Helper()
	docs, skipped, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		t.Fatalf("load sample record: %v", err)
	}
	if len(skipped) > 0 || len(docs) == 0 {
		t.Fatalf("sample record: %d documents, skipped %v", len(docs), skipped)
	}
	return docs
}
