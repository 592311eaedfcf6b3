package retrieval

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
)

func cosine(a, b []float32) float64 {
	var d, na, nb float64
	for i := range a {
		d += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	return d / math.Sqrt(na*nb)
}

func TestBuiltinEmbedder(t *testing.T) {
	e := NewBuiltinEmbedder(0)
	if e.Dimension() != DefaultBuiltinDim || e.Name() != "builtin-hash-v6-384" {
		t.Fatalf("defaults: %s %d", e.Name(), e.Dimension())
	}
	if NewBuiltinEmbedder(64).Name() == e.Name() {
		t.Error("name does not depend on the dimension")
	}
	texts := []string{
		"The spokesperson said the international mission is important.",
		"An international mission matters, the spokesman said.",
		"Fishing quotas for the northern lakes were announced.",
		"",
		"the of and",
	}
	vs, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		if len(v) != 384 {
			t.Fatalf("vector %d has length %d", i, len(v))
		}
		var n float64
		for _, x := range v {
			n += float64(x) * float64(x)
		}
		if math.Abs(n-1) > 1e-5 {
			t.Errorf("vector %d (%q) has squared norm %v, want 1", i, texts[i], n)
		}
	}
	if near, far := cosine(vs[0], vs[1]), cosine(vs[0], vs[2]); near <= far || near < 0.3 {
		t.Errorf("related texts cosine %.3f, unrelated %.3f", near, far)
	}
	// Deterministic, and the same in a big parallel batch as alone.
	var many []string
	for i := range 200 {
		many = append(many, texts[i%len(texts)])
	}
	vm, err := e.Embed(context.Background(), many)
	if err != nil {
		t.Fatal(err)
	}
	for i := range many {
		if !slices.Equal(vm[i], vs[i%len(texts)]) {
			t.Fatalf("text %d embeds differently in a batch", i)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Embed(ctx, many); err == nil {
		t.Error("Embed ignored a cancelled context")
	}
}

func BenchmarkBuiltinEmbed(b *testing.B) {
	text := strings.Repeat("The United States has once again emphasized the importance of sending an international mission to the region. ", 8)
	batch := make([]string, 64)
	for i := range batch {
		batch[i] = text
	}
	e := NewBuiltinEmbedder(0)
	b.SetBytes(int64(len(text) * len(batch)))
	for b.Loop() {
		if _, err := e.Embed(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
}
