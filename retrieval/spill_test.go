package retrieval

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/readout/readout/corpus"
)

// TestSyncSpilledDocuments: documents loaded with their texts in a spill
// file index to the same snapshot (ID, chunks, vectors, hits) as the same
// documents held in memory; the live snapshot holds the texts again (the
// spill can be closed); an unchanged spilled record embeds nothing.
func TestSyncSpilledDocuments(t *testing.T) {
	ctx := context.Background()
	plain := loadSeeds(t)
	spillDocs := func() []*corpus.Document {
		sp, err := corpus.NewSpill(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = sp.Close() })
		docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{Spill: sp})
		if err != nil {
			t.Fatal(err)
		}
		return docs
	}
	for _, inFolder := range []bool{false, true} {
		dir := ""
		if inFolder {
			dir = t.TempDir()
		}
		want := mustOpen(t, "", NewBuiltinEmbedder(0), IndexOptions{})
		mustSync(t, want, plain)

		sp, err := corpus.NewSpill(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{Spill: sp})
		if err != nil {
			t.Fatal(err)
		}
		if !docs[0].Spilled() {
			t.Fatal("the load did not spill")
		}
		ix := mustOpen(t, dir, NewBuiltinEmbedder(0), IndexOptions{})
		st := mustSync(t, ix, docs)
		// The live snapshot must not read the spill any more.
		if err := sp.Close(); err != nil {
			t.Fatal(err)
		}
		a, b := want.cur.Load(), ix.cur.Load()
		// The builtin embedder may differ in a vector's last bit between
		// runs (it sums features in map order).
		near := func(x, y float32) bool { return math.Abs(float64(x-y)) < 1e-6 }
		if st.Snapshot != a.id || len(b.chunks) != len(a.chunks) || !slices.EqualFunc(a.vectors, b.vectors, near) {
			t.Fatalf("folder %v: snapshot %s/%s, %d/%d chunks, vectors equal %v", inFolder, b.id, a.id,
				len(b.chunks), len(a.chunks), slices.EqualFunc(a.vectors, b.vectors, near))
		}
		for i := range a.chunks {
			if a.chunks[i] != b.chunks[i] {
				t.Errorf("chunk %d: %+v != %+v", i, b.chunks[i], a.chunks[i])
			}
		}
		for _, d := range ix.Documents() {
			w, _ := want.Document(d.ID)
			if d.Spilled() || d.Text != w.Text {
				t.Errorf("%s: live document spilled %v, text equal %v", d.ID, d.Spilled(), d.Text == w.Text)
			}
		}
		for _, q := range []string{"international mission", "displaced persons crossed into Armenia"} {
			h1, err1 := want.Search(ctx, q, SearchOptions{})
			h2, err2 := ix.Search(ctx, q, SearchOptions{})
			if err1 != nil || err2 != nil || len(h1) != len(h2) || len(h1) == 0 {
				t.Fatalf("%q: %d/%d hits, %v %v", q, len(h2), len(h1), err1, err2)
			}
			for i := range h1 {
				if h1[i].Chunk != h2[i].Chunk || math.Abs(h1[i].Score-h2[i].Score) > 1e-5 {
					t.Errorf("%q hit %d: %s vs %s", q, i, h2[i].Chunk.ID, h1[i].Chunk.ID)
				}
			}
		}
		// The same record loaded again (spilled): nothing to embed. In a
		// folder, a reopened index does the same.
		c := &countingEmbedder{Embedder: NewBuiltinEmbedder(0)}
		again := ix
		again.emb = c
		if inFolder {
			again = mustOpen(t, dir, c, IndexOptions{})
		}
		if st2 := mustSync(t, again, spillDocs()); st2.Snapshot != st.Snapshot || c.texts.Load() != 0 {
			t.Errorf("folder %v: unchanged re-sync gave %s and embedded %d texts", inFolder, st2.Snapshot, c.texts.Load())
		}
		// A rebuild over spilled documents embeds every chunk and gives
		// the same snapshot.
		r, err := again.Rebuild(ctx, spillDocs(), nil)
		if err != nil || r.Snapshot != st.Snapshot || r.Embedded != len(a.chunks) {
			t.Errorf("folder %v: rebuild %s embedded %d (%v)", inFolder, r.Snapshot, r.Embedded, err)
		}
		for _, d := range again.Documents() {
			if d.Spilled() || d.TextLen() == 0 {
				t.Errorf("%s: spilled after rebuild", d.ID)
			}
		}
	}
}
