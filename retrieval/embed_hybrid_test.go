package retrieval

import (
	"context"
	"math"
	"testing"
)

// fixedEmbedder returns the vectors it was given, by text.
type fixedEmbedder struct {
	name string
	dim  int
	vecs map[string][]float32
}

func (f fixedEmbedder) Name() string   { return f.name }
func (f fixedEmbedder) Dimension() int { return f.dim }
func (f fixedEmbedder) Embed(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		out[i] = append([]float32(nil), f.vecs[t]...)
	}
	return out, nil
}

func dot32(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

// TestHybridCosineIsWeightedMean checks that the joined vectors' cosine is
// the weighted mean of the parts' cosines, for several weights.
func TestHybridCosineIsWeightedMean(t *testing.T) {
	a := fixedEmbedder{"a", 2, map[string][]float32{"x": {1, 0}, "y": {0.6, 0.8}}}   // cos 0.6
	b := fixedEmbedder{"b", 3, map[string][]float32{"x": {0, 2, 0}, "y": {0, 0, 5}}} // cos 0, not unit
	for _, w := range []float64{0.25, 0.5, 0.8} {
		h, err := NewHybridEmbedder(a, b, w)
		if err != nil {
			t.Fatal(err)
		}
		vs, err := h.Embed(context.Background(), []string{"x", "y"})
		if err != nil {
			t.Fatal(err)
		}
		if len(vs[0]) != 5 || h.Dimension() != 5 {
			t.Fatalf("dimension %d/%d, want 5", len(vs[0]), h.Dimension())
		}
		if n := dot32(vs[0], vs[0]); math.Abs(n-1) > 1e-6 {
			t.Errorf("w=%v: norm² %v, want 1", w, n)
		}
		if got, want := dot32(vs[0], vs[1]), w*0.6; math.Abs(got-want) > 1e-6 {
			t.Errorf("w=%v: cosine %v, want %v", w, got, want)
		}
	}
	if h, _ := NewHybridEmbedder(a, b, 0.5); h.Name() != "a+b@0.50" {
		t.Errorf("name %q", h.Name())
	}
	for _, w := range []float64{0, 1, -0.5, 2} {
		if _, err := NewHybridEmbedder(a, b, w); err == nil {
			t.Errorf("weight %v accepted", w)
		}
	}
}
