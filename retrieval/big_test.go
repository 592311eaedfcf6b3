package retrieval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/readout/readout/corpus"
)

// loadBig reads the White House record from its archive, or skips.
func loadBig(t testing.TB) []*corpus.Document {
	t.Helper()
	path := filepath.Join(sharedDir, "corpus", "whitehouse-briefings.tar.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("White House record not available: %v", err)
	}
	docs, skipped, err := corpus.Load(path, corpus.LoadOptions{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	t.Logf("White House record: %d documents, %d skipped", len(docs), len(skipped))
	return docs
}
