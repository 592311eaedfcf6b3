package retrieval

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hello, World!", []string{"hello", "world"}},
		{"Armenia’s sovereign territory", []string{"armenias", "sovereign", "territory"}},
		{"don't stop", []string{"dont", "stop"}},
		{"'quoted' words", []string{"quoted", "words"}},
		{"84,770 people; 2.5 percent", []string{"84770", "people", "25", "percent"}},
		{"Nagorno-Karabakh", []string{"nagorno", "karabakh"}},
		{"Élysée Palace, Bakı, Şuşa, Gümrü", []string{"elysee", "palace", "baki", "susa", "gumru"}},
		{"U.S. a 7 b", []string{"7"}},
		{"e\u0301te\u0301", []string{"ete"}}, // combining accents
		{"Привет мир", []string{"привет", "мир"}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStem(t *testing.T) {
	// Pairs that must meet, and pairs that must stay apart.
	same := [][2]string{
		{"missions", "mission"},
		{"pressed", "press"},
		{"displacement", "displaced"},
		{"displace", "displacing"},
		{"countries", "country"},
		{"hoping", "hope"},
		{"stopped", "stop"},
		{"seriously", "serious"},
		{"armenians", "armenia"},
		{"azerbaijani", "azerbaijan"},
		{"meetings", "meeting"},
		{"crossed", "crossing"},
	}
	for _, p := range same {
		if a, b := Stem(p[0]), Stem(p[1]); a != b {
			t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"nation", "national"},
		{"mission", "mist"},
		{"press", "president"},
	}
	for _, p := range differ {
		if a, b := Stem(p[0]), Stem(p[1]); a == b {
			t.Errorf("Stem(%q) = Stem(%q) = %q: want different", p[0], p[1], a)
		}
	}
	for _, w := range []string{"bus", "gas", "is", "84770", "need", "bring", "привет"} {
		if got := Stem(w); got == "" || !strings.HasPrefix(w, got[:min(2, len(got))]) {
			t.Errorf("Stem(%q) = %q", w, got)
		}
	}
}

func TestTermsDropStopwords(t *testing.T) {
	got := Terms("What did the spokesperson say about the missions to Armenia?")
	want := []string{"spokesperson", "mission", "armenia"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %q, want %q", got, want)
	}
}

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
	if e.Dimension() != DefaultBuiltinDim || e.Name() != "builtin-hash-v2-384" {
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
