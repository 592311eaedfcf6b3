package static

import (
	"context"
	"math"
	"strings"
	"testing"
)

func embedOne(t *testing.T, e *Embedder, s string) []float32 {
	t.Helper()
	vs, err := e.Embed(context.Background(), []string{s})
	if err != nil {
		t.Fatal(err)
	}
	return vs[0]
}

func cosine(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

// TestParaphrasesAreNear checks the point of the embedder: a text and its
// paraphrase in other words are nearer than the text and an unrelated one
// that shares none of its words either.
func TestParaphrasesAreNear(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, paraphrase, unrelated string }{
		{"the exodus of refugees fleeing the region", "people who were forcibly displaced crossed the border", "the budget of the agriculture department"},
		{"talks between their armed forces", "military-to-military communication", "a celebration of national poetry month"},
		{"the capital Baku", "the government of Azerbaijan", "the harvest of apples in autumn"},
		{"a ceasefire to halt the fighting", "an end to hostilities", "tax credits for electric cars"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			a := embedOne(t, e, c.text)
			near, far := cosine(a, embedOne(t, e, c.paraphrase)), cosine(a, embedOne(t, e, c.unrelated))
			if near <= far {
				t.Errorf("paraphrase %.3f not nearer than unrelated %.3f", near, far)
			}
		})
	}
}

// TestEmbedShape checks normalisation, determinism, batching and the
// fallbacks for words outside the table.
func TestEmbedShape(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Name(), Version+"-") || e.Dimension() <= 0 {
		t.Fatalf("name %q dim %d", e.Name(), e.Dimension())
	}
	texts := []string{
		"", "!!!", "Spokesperson Zara Quillfeather of Nowhereland spoke today.",
		"glorptastic quillfeatherish", // neither word in the table: pieces
	}
	for i := 0; i < 20; i++ {
		texts = append(texts, "The minister discussed the humanitarian situation.")
	}
	vs, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		if len(v) != e.Dimension() {
			t.Fatalf("text %d: %d dims", i, len(v))
		}
		if n := math.Sqrt(cosine(v, v)); math.Abs(n-1) > 1e-4 {
			t.Errorf("text %d %q: norm %.5f", i, texts[i], n)
		}
	}
	if cosine(vs[0], vs[1]) < 0.999 {
		t.Error("texts without words should share the fixed vector")
	}
	if cosine(vs[3], vs[0]) > 0.999 {
		t.Error("unknown words should be split into pieces, not dropped")
	}
	for i := 5; i < len(vs); i++ {
		if cosine(vs[4], vs[i]) < 0.99999 {
			t.Fatalf("same text embedded differently in one batch (%d)", i)
		}
	}
	if cosine(embedOne(t, e, texts[4]), vs[4]) < 0.99999 {
		t.Error("embedding is not deterministic")
	}
}

// TestStemFallback checks that an inflection missing from the table takes
// the vector of a table word with its stem.
func TestStemFallback(t *testing.T) {
	tb, err := load()
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.stems) == 0 {
		t.Fatal("table has no stems")
	}
	for s, r := range tb.stems {
		if _, ok := tb.words[s]; ok {
			t.Errorf("stem %q is also a word: the word wins, the stem entry is dead", s)
		}
		if int(r) >= len(tb.words) {
			t.Errorf("stem %q points past the words", s)
		}
	}
}

// TestDecodeRefusesDamage checks that a damaged table is an error, not a
// panic or a silent misreading.
func TestDecodeRefusesDamage(t *testing.T) {
	good := strings.TrimSpace(tableSum)
	cases := []struct {
		name string
		b    []byte
		sum  string
	}{
		{"checksum", tableBin, strings.Repeat("0", 64)},
		{"empty", nil, ""},
		{"header", []byte("NOTATABLE\n0000000000000000"), ""},
		{"truncated rows", tableBin[:len(tableBin)/2], ""},
		{"truncated tail", tableBin[:len(tableBin)-3], ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := decode(c.b, c.sum); err == nil {
				t.Error("damaged table accepted")
			}
		})
	}
	if _, err := decode(tableBin, good); err != nil {
		t.Fatalf("the embedded table is refused: %v", err)
	}
}

func BenchmarkEmbedQuery(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	q := []string{"How many people had crossed into Armenia from Nagorno-Karabakh by the end of September 2023?"}
	b.ResetTimer()
	for range b.N {
		if _, err := e.Embed(context.Background(), q); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPoolerReuse checks that a text embeds the same alone as after other
// texts in a batch: the pooler's per-row weights, reused across texts and
// batches, start from zero for every text, and a word repeated in a text
// counts as often as it appears.
func TestPoolerReuse(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The ceasefire ceasefire ceasefire held along the border.",
		"Spokesperson Zara Quillfeather of Nowhereland praised the ceasefire.",
		"glorptastic quillfeatherish ceasefires",
		"",
	}
	for i := 0; i < 40; i++ { // enough texts to spread over goroutines
		texts = append(texts, texts[i%4])
	}
	batch, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		if c := cosine(batch[i], embedOne(t, e, s)); c < 0.99999 {
			t.Errorf("text %d %q: cosine %.6f between its batch and lone vectors", i, s, c)
		}
	}
	once, thrice := embedOne(t, e, "ceasefire border"), embedOne(t, e, texts[0])
	if cosine(once, thrice) > 0.9999 {
		t.Error("a word repeated three times weighs as much as once")
	}
}
