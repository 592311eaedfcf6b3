package retrieval

import (
	"context"
	"fmt"
	"math"

	"github.com/readout/readout/internal/vecmath"
	"github.com/readout/readout/retrieval/static"
)

// HybridEmbedder joins two embedders' unit vectors, scaled so that the
// cosine of two joined vectors is the weighted mean of the two cosines:
// w·cos₁ + (1−w)·cos₂. Joining the builtin hash embedder (shared words) and
// the static one (meaning) keeps the word matches a question phrased like
// the record depends on, and adds the meaning a paraphrase needs: alone,
// the static embedder's vectors place every passage on a subject near every
// other, and its vector ranking finds fewer answering documents than the
// hash embedder's (EVALUATION.md, "Embedded embedders").
type HybridEmbedder struct {
	a, b   Embedder
	wa, wb float32 // square roots of the weights
}

// hashStaticWeight is the hash embedder's share of the hash+static
// embedder's cosine (EVALUATION.md, "Embedded embedders").
const hashStaticWeight = 0.5

// NewHashStatic returns the hash+static embedder (retrieval.builtin
// "hash+static"): the builtin hash embedder with dim buckets (0 means
// DefaultBuiltinDim) joined with the static embedder, each weighing half
// of the cosine.
func NewHashStatic(dim int) (*HybridEmbedder, error) {
	st, err := static.New()
	if err != nil {
		return nil, err
	}
	return NewHybridEmbedder(NewBuiltinEmbedder(dim), st, hashStaticWeight)
}

// NewHybridEmbedder returns the join of a (with weight wa, 0 < wa < 1) and
// b (with weight 1−wa). Both must know their dimension.
func NewHybridEmbedder(a, b Embedder, wa float64) (*HybridEmbedder, error) {
	if wa <= 0 || wa >= 1 {
		return nil, fmt.Errorf("hybrid embedder: weight %v is not between 0 and 1", wa)
	}
	if a.Dimension() <= 0 || b.Dimension() <= 0 {
		return nil, fmt.Errorf("hybrid embedder: %s and %s must know their dimensions", a.Name(), b.Name())
	}
	return &HybridEmbedder{a: a, b: b, wa: float32(math.Sqrt(wa)), wb: float32(math.Sqrt(1 - wa))}, nil
}

// Name joins the two names and the first weight
// ("builtin-hash-v6-384+static-use-lite-v2-256@0.50").
func (e *HybridEmbedder) Name() string {
	return fmt.Sprintf("%s+%s@%.2f", e.a.Name(), e.b.Name(), e.wa*e.wa)
}

// Dimension is the sum of the two dimensions.
func (e *HybridEmbedder) Dimension() int { return e.a.Dimension() + e.b.Dimension() }

// Embed embeds texts with both embedders and joins each pair of unit
// vectors, weighted. The result is a unit vector when both parts are.
func (e *HybridEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	va, err := e.a.Embed(ctx, texts)
	if err != nil {
		return nil, err
	}
	vb, err := e.b.Embed(ctx, texts)
	if err != nil {
		return nil, err
	}
	da, db := e.a.Dimension(), e.b.Dimension()
	if len(va) != len(texts) || len(vb) != len(texts) {
		return nil, fmt.Errorf("hybrid embedder: %d and %d vectors for %d texts", len(va), len(vb), len(texts))
	}
	out := make([][]float32, len(texts))
	backing := make([]float32, len(texts)*(da+db))
	for i := range texts {
		if len(va[i]) != da || len(vb[i]) != db {
			return nil, fmt.Errorf("hybrid embedder: vector %d has %d+%d dimensions, want %d+%d", i, len(va[i]), len(vb[i]), da, db)
		}
		v := backing[i*(da+db) : (i+1)*(da+db) : (i+1)*(da+db)]
		vecmath.Normalize(va[i])
		vecmath.Normalize(vb[i])
		for k, x := range va[i] {
			v[k] = e.wa * x
		}
		for k, x := range vb[i] {
			v[da+k] = e.wb * x
		}
		out[i] = v
	}
	return out, nil
}
