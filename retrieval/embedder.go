// Package retrieval finds the passages of the record that answer a question:
// it embeds chunks in batches, keeps them in chromem-go collections (one per
// year, which answer the vector query) and a lexical (BM25) index, fuses the
// two rankings, filters by date, outlet and speaker, folds near-duplicate
// passages, and persists everything as one snapshot file that is swapped in
// atomically on refresh.
package retrieval

import "context"

// Embedder turns texts into vectors, many at a time.
type Embedder interface {
	// Name identifies the model ("builtin-hash-v6", "openai:nomic-embed-text").
	// An index built with one name is never queried with another.
	Name() string
	// Dimension is the length of the vectors, or 0 when not known until the
	// first call.
	Dimension() int
	// Embed returns one vector per text, in order. Vectors need not be
	// normalised: the index normalises them.
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}
