package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/datalock"
)

func mustOpen(t *testing.T, dir string, emb Embedder, opts IndexOptions) *Index {
	t.Helper()
	ix, err := Open(dir, emb, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return ix
}

func mustSync(t *testing.T, ix *Index, docs []*corpus.Document) SyncStats {
	t.Helper()
	st, err := ix.Sync(context.Background(), docs, nil)
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	return st
}

func hitDocs(hits []Hit) []string {
	var ids []string
	for _, h := range hits {
		if !slices.Contains(ids, h.Chunk.DocID) {
			ids = append(ids, h.Chunk.DocID)
		}
	}
	slices.Sort(ids)
	return ids
}

func TestSyncIncremental(t *testing.T) {
	emb := &countingEmbedder{Embedder: NewBuiltinEmbedder(64)}
	ix := mustOpen(t, t.TempDir(), emb, IndexOptions{BatchSize: 2})
	docs := exampleDocs()

	var stages []string
	st, err := ix.Sync(context.Background(), docs, func(p Progress) {
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
		if p.Done > p.Total {
			t.Errorf("progress %+v: done beyond total", p)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(stages, []string{"reading", "embedding", "writing"}) {
		t.Errorf("progress stages = %v", stages)
	}
	if !slices.Equal(st.Added, sortedIDs(docs)) || len(st.Changed)+len(st.Removed)+len(st.Unchanged) != 0 {
		t.Errorf("first sync stats = %+v, want all added", st)
	}
	if st.Embedded != st.Chunks || int(emb.texts.Load()) != st.Chunks || st.Chunks < len(docs) {
		t.Errorf("first sync embedded %d texts (stats %d) for %d chunks", emb.texts.Load(), st.Embedded, st.Chunks)
	}
	first := st.Snapshot

	// Unchanged: nothing is embedded and the snapshot stays.
	emb.texts.Store(0)
	emb.calls.Store(0)
	st = mustSync(t, ix, exampleDocs())
	if emb.calls.Load() != 0 || st.Embedded != 0 {
		t.Errorf("unchanged re-sync made %d embedding calls (%d texts)", emb.calls.Load(), emb.texts.Load())
	}
	if len(st.Unchanged) != len(docs) || st.Snapshot != first {
		t.Errorf("unchanged re-sync stats = %+v, want all unchanged, snapshot %s", st, first)
	}

	// One changed, one removed, one added.
	next := exampleDocs()
	next[1] = exampleDoc("b.txt", "Sample Gazette", "2023-03-05", "John Placeholder",
		"Spokesperson John Placeholder announced that the lighthouse on the western cape will be restored.")
	next = slices.Delete(next, 3, 4) // d.txt
	next = append(next, exampleDoc("e.txt", "Demo Herald", "2023-08-01", "", "The orchestra performed a new symphony about glaciers."))
	emb.texts.Store(0)
	st = mustSync(t, ix, next)
	if !slices.Equal(st.Changed, []string{"b.txt"}) || !slices.Equal(st.Removed, []string{"d.txt"}) ||
		!slices.Equal(st.Added, []string{"e.txt"}) || !slices.Equal(st.Unchanged, []string{"a.txt", "c.txt"}) {
		t.Errorf("sync stats = %+v", st)
	}
	wantEmbedded := len(corpus.Split(next[1], corpus.ChunkOptions{})) + len(corpus.Split(next[3], corpus.ChunkOptions{}))
	if int(emb.texts.Load()) != wantEmbedded || st.Embedded != wantEmbedded {
		t.Errorf("embedded %d texts, want %d (the changed and added documents only)", emb.texts.Load(), wantEmbedded)
	}
	if _, ok := ix.Document("d.txt"); ok {
		t.Error("removed document still indexed")
	}
	if d, ok := ix.Document("b.txt"); !ok || !strings.Contains(d.Text, "lighthouse") {
		t.Error("changed document not updated")
	}
	for _, q := range []string{"heavy snow mountain tunnels", "fishing quotas northern lakes"} {
		hits, err := ix.Search(context.Background(), q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.Chunk.DocID == "d.txt" || strings.Contains(h.Chunk.Text, "fishing") {
				t.Errorf("%q found stale passage %s: %q", q, h.Chunk.ID, h.Chunk.Text)
			}
		}
	}
	hits, err := ix.Search(context.Background(), "lighthouse restored", SearchOptions{K: 1})
	if err != nil || len(hits) != 1 || hits[0].Chunk.DocID != "b.txt" {
		t.Errorf("search for the changed text = %v, %v", hits, err)
	}
	if got := sortedIDs(ix.Documents()); !slices.Equal(got, []string{"a.txt", "b.txt", "c.txt", "e.txt"}) {
		t.Errorf("Documents() = %v", got)
	}
	first2, last, n := ix.Coverage()
	if n != 4 || !first2.Equal(day("2023-01-10")) || !last.Equal(day("2023-08-01")) {
		t.Errorf("Coverage() = %v %v %d", first2, last, n)
	}
}

func TestSyncRejectsBadInput(t *testing.T) {
	dup := exampleDocs()
	dup = append(dup, dup[0])
	noID := exampleDocs()
	noID[0] = &corpus.Document{Text: "x"}
	for name, docs := range map[string][]*corpus.Document{
		"duplicate id": dup,
		"missing id":   noID,
		"nil document": {nil},
	} {
		t.Run(name, func(t *testing.T) {
			ix := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
			if _, err := ix.Sync(context.Background(), docs, nil); err == nil {
				t.Error("Sync accepted bad input")
			}
			if ix.Stats().Docs != 0 {
				t.Error("a failed Sync changed the index")
			}
		})
	}
}

// faultyEmbedder fails in a chosen way once armed.
type faultyEmbedder struct {
	Embedder
	mu    sync.Mutex
	fault string
}

func (f *faultyEmbedder) arm(fault string) {
	f.mu.Lock()
	f.fault = fault
	f.mu.Unlock()
}

func (f *faultyEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	f.mu.Lock()
	fault := f.fault
	f.mu.Unlock()
	vecs, err := f.Embedder.Embed(ctx, texts)
	if err != nil {
		return nil, err
	}
	switch fault {
	case "error":
		return nil, errors.New("model server down")
	case "nan":
		vecs[0][0] = float32(math.NaN())
	case "zero":
		clear(vecs[0])
	case "short":
		vecs = vecs[:len(vecs)-1]
	case "dim":
		vecs[0] = append(vecs[0], 1)
	}
	return vecs, nil
}

func TestSyncEmbedderFailureKeepsLiveSnapshot(t *testing.T) {
	for _, fault := range []string{"error", "nan", "zero", "short", "dim"} {
		t.Run(fault, func(t *testing.T) {
			emb := &faultyEmbedder{Embedder: NewBuiltinEmbedder(32)}
			dir := t.TempDir()
			ix := mustOpen(t, dir, emb, IndexOptions{})
			docs := exampleDocs()
			before := mustSync(t, ix, docs[:2])
			emb.arm(fault)
			if _, err := ix.Sync(context.Background(), docs, nil); err == nil {
				t.Fatal("Sync succeeded with a failing embedder")
			}
			if ix.SnapshotID() != before.Snapshot || ix.Stats().Docs != 2 {
				t.Errorf("failed Sync replaced the live snapshot")
			}
			ix2 := mustOpen(t, dir, emb, IndexOptions{})
			if ix2.SnapshotID() != before.Snapshot {
				t.Errorf("failed Sync replaced the snapshot file")
			}
		})
	}
}

func TestSearchFallsBackToWordsWhenEmbedderFails(t *testing.T) {
	emb := &faultyEmbedder{Embedder: NewBuiltinEmbedder(32)}
	ix := mustOpen(t, "", emb, IndexOptions{})
	mustSync(t, ix, exampleDocs())
	emb.arm("error")
	hits, err := ix.Search(context.Background(), "museum of ancient pottery", SearchOptions{K: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Chunk.DocID != "c.txt" || hits[0].VectorRank != 0 || hits[0].LexicalRank != 1 {
		t.Errorf("hits = %+v, want c.txt from the lexical ranking alone", hits)
	}
}

// renamedEmbedder reports another name for the same vectors.
type renamedEmbedder struct {
	Embedder
	name string
}

func (r renamedEmbedder) Name() string { return r.name }

func TestOpenRefusesOtherEmbedder(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	tests := []struct {
		name string
		emb  Embedder
	}{
		{"other dimension", NewBuiltinEmbedder(128)},
		{"other model", renamedEmbedder{NewBuiltinEmbedder(64), "openai:nomic-embed-text"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(dir, tc.emb, IndexOptions{})
			var me *MismatchError
			if !errors.As(err, &me) {
				t.Fatalf("Open = %v, want *MismatchError", err)
			}
			msg := err.Error()
			for _, want := range []string{"builtin-hash-v6-64", tc.emb.Name(), "readout index --rebuild", SnapshotFile} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			// Rebuild opens empty and the next Sync embeds everything.
			c := &countingEmbedder{Embedder: tc.emb}
			ix, err := Open(dir, c, IndexOptions{Rebuild: true})
			if err != nil {
				t.Fatalf("Open with Rebuild: %v", err)
			}
			st := mustSync(t, ix, exampleDocs())
			if len(st.Added) != 4 || int(c.texts.Load()) != st.Chunks {
				t.Errorf("rebuild stats %+v, embedded %d", st, c.texts.Load())
			}
			if _, err := Open(dir, tc.emb, IndexOptions{}); err != nil {
				t.Errorf("reopen after rebuild: %v", err)
			}
			// Put the original back for the next case.
			ix0 := mustOpen(t, dir, NewBuiltinEmbedder(64), IndexOptions{Rebuild: true})
			mustSync(t, ix0, exampleDocs())
		})
	}
}

func TestRebuildReembedsEverything(t *testing.T) {
	emb := &countingEmbedder{Embedder: NewBuiltinEmbedder(32)}
	ix := mustOpen(t, "", emb, IndexOptions{})
	st := mustSync(t, ix, exampleDocs())
	emb.texts.Store(0)
	st2, err := ix.Rebuild(context.Background(), exampleDocs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if int(emb.texts.Load()) != st.Chunks || st2.Snapshot != st.Snapshot {
		t.Errorf("Rebuild embedded %d of %d chunks; snapshot %s vs %s", emb.texts.Load(), st.Chunks, st2.Snapshot, st.Snapshot)
	}
}

func TestSnapshotSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	docs := loadSeeds(t)
	ix := mustOpen(t, dir, NewBuiltinEmbedder(0), IndexOptions{})
	st := mustSync(t, ix, docs)
	ix2 := mustOpen(t, dir, NewBuiltinEmbedder(0), IndexOptions{})

	a, b := ix.cur.Load(), ix2.cur.Load()
	if a.id != b.id || st.Snapshot != b.id || a.embedder != b.embedder || a.dim != b.dim || !a.created.Equal(b.created) {
		t.Errorf("header differs: %s/%s %s/%s", a.id, b.id, a.embedder, b.embedder)
	}
	if len(a.chunks) != len(b.chunks) || len(a.chunks) == 0 {
		t.Fatalf("chunks: %d before, %d after", len(a.chunks), len(b.chunks))
	}
	for i := range a.chunks {
		if a.chunks[i] != b.chunks[i] {
			t.Errorf("chunk %d: %+v != %+v", i, a.chunks[i], b.chunks[i])
		}
	}
	if !slices.Equal(a.vectors, b.vectors) {
		t.Error("vectors differ after reopen")
	}
	for _, d := range ix.Documents() {
		d2, ok := ix2.Document(d.ID)
		if !ok || d2.Text != d.Text || d2.Hash != d.Hash || !d2.Date.Equal(d.Date) || d2.Outlet != d.Outlet ||
			!slices.Equal(d2.SpeakerNames(), d.SpeakerNames()) {
			t.Errorf("document %s differs after reopen", d.ID)
		}
	}
	if ix.Stats().Bytes <= 0 || ix2.Stats() != ix.Stats() {
		t.Errorf("stats differ: %+v vs %+v", ix.Stats(), ix2.Stats())
	}
	for _, q := range []string{"international mission", "military solution", "displaced persons crossed into Armenia", "Blinken foreign ministers meeting"} {
		h1, err1 := ix.Search(context.Background(), q, SearchOptions{})
		h2, err2 := ix2.Search(context.Background(), q, SearchOptions{})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if len(h1) != len(h2) {
			t.Fatalf("%q: %d hits vs %d", q, len(h1), len(h2))
		}
		for i := range h1 {
			if h1[i].Chunk != h2[i].Chunk || h1[i].Score != h2[i].Score || h1[i].Coverage != h2[i].Coverage {
				t.Errorf("%q hit %d: %s %.4f vs %s %.4f", q, i, h1[i].Chunk.ID, h1[i].Score, h2[i].Chunk.ID, h2[i].Score)
			}
		}
	}
	// An unchanged Sync after reopen embeds nothing and keeps the file.
	c := &countingEmbedder{Embedder: NewBuiltinEmbedder(0)}
	ix3 := mustOpen(t, dir, c, IndexOptions{})
	if st3 := mustSync(t, ix3, loadSeeds(t)); st3.Snapshot != st.Snapshot || c.calls.Load() != 0 {
		t.Errorf("re-sync after reopen: snapshot %s, %d embedding calls", st3.Snapshot, c.calls.Load())
	}
	// No temporary files are left beside the snapshot.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != SnapshotFile {
		t.Errorf("index folder holds %v", entries)
	}
}

func TestCorruptSnapshotIsRefused(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(32), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	path := filepath.Join(dir, SnapshotFile)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(at int) []byte {
		b := slices.Clone(good)
		b[at] ^= 0x40
		return b
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"truncated to half", good[:len(good)/2]},
		{"last byte missing", good[:len(good)-1]},
		{"byte flipped in the middle", flip(len(good) / 2)},
		{"byte flipped in the vectors", flip(len(good) - 100)},
		{"wrong magic", flip(0)},
		{"other version", flip(8)},
		{"trailing garbage", append(slices.Clone(good), 0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Open(dir, NewBuiltinEmbedder(32), IndexOptions{})
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Open = %v, want ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), "readout index") {
				t.Errorf("message %q does not say how to rebuild", err)
			}
			ix, err := Open(dir, NewBuiltinEmbedder(32), IndexOptions{Rebuild: true})
			if err != nil || ix.Stats().Docs != 0 {
				t.Errorf("Open with Rebuild = %v", err)
			}
		})
	}
}

func TestSearchFilters(t *testing.T) {
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	// Words from every document, so that only the filters decide.
	const q = "ministry spokesperson bridge quotas museum snow tunnels"
	tests := []struct {
		name string
		opts SearchOptions
		want []string
	}{
		{"none", SearchOptions{}, []string{"a.txt", "b.txt", "c.txt", "d.txt"}},
		{"since excludes undated", SearchOptions{Since: day("2023-03-01")}, []string{"b.txt", "c.txt"}},
		{"until inclusive", SearchOptions{Until: day("2023-03-05")}, []string{"a.txt", "b.txt"}},
		{"until with time of day", SearchOptions{Until: day("2023-03-05").Add(23 * 3600e9)}, []string{"a.txt", "b.txt"}},
		{"single day", SearchOptions{Since: day("2023-03-05"), Until: day("2023-03-05")}, []string{"b.txt"}},
		{"outlet case-insensitive substring", SearchOptions{Outlet: "example WIRE"}, []string{"a.txt", "c.txt"}},
		{"outlet part", SearchOptions{Outlet: "herald"}, []string{"d.txt"}},
		{"speaker", SearchOptions{Speaker: "jane"}, []string{"a.txt", "c.txt"}},
		{"speaker surname", SearchOptions{Speaker: "Placeholder"}, []string{"b.txt"}},
		{"speaker and date", SearchOptions{Speaker: "jane", Since: day("2023-02-01")}, []string{"c.txt"}},
		{"nothing matches", SearchOptions{Outlet: "No Such Outlet"}, nil},
		{"documents, unknown ID ignored", SearchOptions{Docs: []string{"d.txt", "b.txt", "zz.txt"}}, []string{"b.txt", "d.txt"}},
		{"documents and outlet", SearchOptions{Docs: []string{"a.txt", "d.txt"}, Outlet: "herald"}, []string{"d.txt"}},
		{"only unknown documents", SearchOptions{Docs: []string{"zz.txt"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.K = 20
			hits, err := ix.Search(context.Background(), q, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := hitDocs(hits); !slices.Equal(got, tc.want) {
				t.Errorf("documents = %v, want %v", got, tc.want)
			}
			for _, h := range hits {
				if h.Doc == nil || h.Doc.ID != h.Chunk.DocID {
					t.Errorf("hit %s has Doc %v", h.Chunk.ID, h.Doc)
				}
			}
			// Admitted admits the same documents, the dated in date order.
			var got []string
			for _, d := range ix.Admitted(tc.opts) {
				got = append(got, d.ID)
			}
			want := slices.Clone(tc.want)
			slices.SortStableFunc(want, func(a, b string) int {
				da, _ := ix.Document(a)
				db, _ := ix.Document(b)
				if da.Date.IsZero() != db.Date.IsZero() {
					return map[bool]int{true: 1, false: -1}[da.Date.IsZero()]
				}
				return da.Date.Compare(db.Date)
			})
			if !slices.Equal(got, want) {
				t.Errorf("Admitted = %v, want %v", got, want)
			}
		})
	}
}

// TestSearchDocsByURL: a conversation rebuilt from chat messages knows
// its cited documents by URL; the Docs filter finds them so.
func TestSearchDocsByURL(t *testing.T) {
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	docs := exampleDocs()
	for _, d := range docs {
		d.URL = "https://example.org/" + d.ID
		d.Hash = d.ComputeHash()
	}
	mustSync(t, ix, docs)
	hits, err := ix.Search(context.Background(), "ministry spokesperson bridge quotas museum snow tunnels",
		SearchOptions{K: 20, Docs: []string{"https://example.org/c.txt", "a.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := hitDocs(hits); !slices.Equal(got, []string{"a.txt", "c.txt"}) {
		t.Errorf("documents = %v, want a.txt (by ID) and c.txt (by URL)", got)
	}
}

func TestSearchFilterScansWhenChromemFindsTooFew(t *testing.T) {
	// Many documents from one outlet and one from another: the vector
	// ranking's over-fetch holds none of the rare outlet's chunks, so the
	// filtered subset must be scanned directly.
	var docs []*corpus.Document
	for i := range 300 {
		docs = append(docs, exampleDoc(fmt.Sprintf("%03d.txt", i), "Example Wire", "2023-01-01", "",
			"Spokesperson Jane Example discussed the bridge reconstruction and the river floods, item "+strconv.Itoa(i)+"."))
	}
	docs = append(docs, exampleDoc("zz.txt", "Rare Bulletin", "2023-01-01", "", "A note on pottery glazes."))
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, docs)
	hits, err := ix.Search(context.Background(), "bridge reconstruction river floods", SearchOptions{K: 3, Outlet: "rare"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Chunk.DocID != "zz.txt" || hits[0].VectorRank != 1 {
		t.Errorf("hits = %+v, want zz.txt ranked by the vector scan", hits)
	}
}

func TestSearchFilterAfterChromemOverfetch(t *testing.T) {
	// Enough allowed chunks that chromem is asked (with over-fetch), but
	// the nearest ones all belong to the other outlet: the filtered subset
	// must then be scanned directly.
	var docs []*corpus.Document
	for i := range 520 {
		docs = append(docs,
			exampleDoc("wire-"+strconv.Itoa(1000+i)+".txt", "Example Wire", "", "", "The bridge reconstruction over the river continues, report "+strconv.Itoa(i)+"."),
			exampleDoc("rare-"+strconv.Itoa(1000+i)+".txt", "Rare Bulletin", "", "", "Pottery glazes and kilns, note "+strconv.Itoa(i)+"."))
	}
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, docs)
	hits, err := ix.Search(context.Background(), "bridge reconstruction river", SearchOptions{K: 3, Outlet: "rare"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("%d hits, want 3", len(hits))
	}
	for _, h := range hits {
		if !strings.HasPrefix(h.Chunk.DocID, "rare-") || h.VectorRank == 0 {
			t.Errorf("hit %s (vector rank %d): want a Rare Bulletin passage ranked by vector", h.Chunk.DocID, h.VectorRank)
		}
	}
}

func TestSearchClampsAndEmpty(t *testing.T) {
	ctx := context.Background()
	empty := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
	if hits, err := empty.Search(ctx, "anything", SearchOptions{K: 5}); err != nil || len(hits) != 0 {
		t.Errorf("empty index: %v, %v", hits, err)
	}
	if _, err := empty.Search(ctx, "  ", SearchOptions{}); err == nil {
		t.Error("blank query accepted")
	}
	one := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
	mustSync(t, one, exampleDocs()[:1])
	for _, k := range []int{0, 1, 8, 1000} {
		hits, err := one.Search(ctx, "bridge", SearchOptions{K: k})
		if err != nil {
			t.Fatalf("K=%d: %v", k, err)
		}
		if len(hits) != 1 {
			t.Errorf("K=%d: %d hits, want the only chunk", k, len(hits))
		}
	}
	// A query with no informative word still ranks by vector.
	hits, err := one.Search(ctx, "the of and", SearchOptions{})
	if err != nil || len(hits) != 1 || hits[0].Coverage != 0 {
		t.Errorf("stopword query: %+v, %v", hits, err)
	}
	ix := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
	st := mustSync(t, ix, exampleDocs())
	hits, err = ix.Search(ctx, "bridge museum quotas snow", SearchOptions{K: 1000})
	if err != nil || len(hits) != st.Chunks {
		t.Errorf("K beyond the collection: %d hits of %d chunks, %v", len(hits), st.Chunks, err)
	}
	// Emptying the index.
	mustSync(t, ix, nil)
	if hits, err := ix.Search(ctx, "bridge", SearchOptions{}); err != nil || len(hits) != 0 {
		t.Errorf("emptied index: %v, %v", hits, err)
	}
}

func TestSearchIsStable(t *testing.T) {
	// Identical documents tie exactly; the order must not change between
	// calls.
	var docs []*corpus.Document
	for _, id := range []string{"t1.txt", "t2.txt", "t3.txt", "t4.txt"} {
		docs = append(docs, exampleDoc(id, "Example Wire", "", "", "Jane Example opened the bridge. "+id))
	}
	ix := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
	mustSync(t, ix, docs)
	var first []string
	for range 20 {
		hits, err := ix.Search(context.Background(), "opened the bridge", SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.Chunk.ID)
		}
		if first == nil {
			first = ids
		} else if !slices.Equal(ids, first) {
			t.Fatalf("order changed: %v then %v", first, ids)
		}
	}
}

func TestNearDuplicatesFolded(t *testing.T) {
	quote := "We are deeply concerned about the closure of the mountain road, and we call on all parties to reopen it " +
		"without delay so that food, medicine and fuel can reach the villages before the winter sets in, " +
		"said Spokesperson Jane Example at the regular briefing on Tuesday, adding that talks would continue next week in the capital."
	docs := []*corpus.Document{
		exampleDoc("wire.txt", "Example Wire", "2023-02-01", "Jane Example", "EXAMPLE CITY. "+quote),
		exampleDoc("gazette.txt", "Sample Gazette", "2023-02-02", "Jane Example", "Reported today: "+quote),
		exampleDoc("other.txt", "Demo Herald", "2023-02-03", "", "Engineers said the mountain road tunnel needs new ventilation before winter."),
	}
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, docs)
	hits, err := ix.Search(context.Background(), "closure of the mountain road food medicine fuel villages winter", SearchOptions{K: 5})
	if err != nil {
		t.Fatal(err)
	}
	got := hitDocs(hits)
	if len(got) != 2 || !slices.Contains(got, "other.txt") {
		t.Errorf("documents = %v, want one of the reprints and other.txt", got)
	}

	// Overlapping neighbour chunks of one long document fold too.
	var b strings.Builder
	for i := range 40 {
		b.WriteString("Sentence " + strconv.Itoa(i) + " mentions the mountain road and the winter convoy. ")
	}
	long := exampleDoc("long.txt", "Example Wire", "", "", b.String())
	opts := IndexOptions{Chunk: corpus.ChunkOptions{MaxBytes: 300, Overlap: 200}}
	ix2 := mustOpen(t, "", NewBuiltinEmbedder(64), opts)
	mustSync(t, ix2, []*corpus.Document{long})
	if n := len(ix2.Chunks("long.txt")); n < 10 {
		t.Fatalf("long document gave %d chunks; the test needs many", n)
	}
	hits, err = ix2.Search(context.Background(), "mountain road winter convoy", SearchOptions{K: 20})
	if err != nil {
		t.Fatal(err)
	}
	for i := range hits {
		for j := range i {
			if s := overlapShare(hits[j].Chunk, hits[i].Chunk.Start, hits[i].Chunk.End); s >= foldOverlap {
				t.Errorf("hits %s and %s overlap by %.0f%%", hits[j].Chunk.ID, hits[i].Chunk.ID, 100*s)
			}
		}
	}
}

func TestConcurrentSearchDuringSync(t *testing.T) {
	ix := mustOpen(t, t.TempDir(), NewBuiltinEmbedder(64), IndexOptions{BatchSize: 1})
	base := exampleDocs()
	mustSync(t, ix, base[:2])
	ctx := context.Background()
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				hits, err := ix.Search(ctx, "bridge reconstruction fishing quotas museum", SearchOptions{})
				if err != nil {
					errs <- err
					return
				}
				// Every snapshot ever live holds a.txt and b.txt.
				if got := hitDocs(hits); !slices.Contains(got, "a.txt") || !slices.Contains(got, "b.txt") {
					errs <- errors.New("search saw a half-built index: " + strings.Join(got, ","))
					return
				}
				_ = ix.Stats()
			}
		}()
	}
	var syncWG sync.WaitGroup
	for i := range 6 {
		syncWG.Add(1)
		go func() { // concurrent Syncs are serialised
			defer syncWG.Done()
			docs := base[:2+i%3]
			if _, err := ix.Sync(ctx, docs, nil); err != nil {
				errs <- err
			}
		}()
	}
	syncWG.Wait()
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestSyncCancelledKeepsLiveSnapshot(t *testing.T) {
	ix := mustOpen(t, t.TempDir(), NewBuiltinEmbedder(32), IndexOptions{BatchSize: 1, Concurrency: 1})
	before := mustSync(t, ix, exampleDocs()[:1])
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := ix.Sync(ctx, exampleDocs(), func(p Progress) {
		if p.Stage == "embedding" && p.Done > 0 {
			cancel() // the operator gives up half-way
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Sync = %v, want context.Canceled", err)
	}
	if ix.SnapshotID() != before.Snapshot || ix.Stats().Docs != 1 {
		t.Error("a cancelled Sync changed the live snapshot")
	}
}

func TestCollectionNeverEmbedsText(t *testing.T) {
	ix := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
	st := mustSync(t, ix, exampleDocs())
	s := ix.cur.Load()
	n := 0
	for _, p := range s.periods {
		n += p.coll.Count()
		// A text query makes chromem call the collection's embedding
		// function, which must refuse rather than fall back to a remote API.
		if _, err := p.coll.Query(context.Background(), "bridge", 1, nil, nil); err == nil {
			t.Errorf("the chromem collection %s embedded a query itself", p.name)
		}
	}
	if n != st.Chunks || len(s.periods) == 0 {
		t.Fatalf("collections hold %d documents, snapshot %d chunks", n, st.Chunks)
	}
	stats := ix.Stats()
	if stats.Docs != 4 || stats.Chunks != st.Chunks || stats.Embedder != "builtin-hash-v6-32" || stats.Dim != 32 ||
		stats.Snapshot != st.Snapshot || stats.Built.IsZero() || !stats.First.Equal(day("2023-01-10")) ||
		!stats.Last.Equal(day("2023-06-20")) || stats.Bytes <= 0 {
		t.Errorf("Stats() = %+v", stats)
	}
}

func TestOpenRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	// A process that has exited: its pid names a writer that is gone.
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, fmt.Sprintf("%s%d-123", tempPrefix, dead.Process.Pid))
	if err := os.WriteFile(stale, []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A write in progress: created and locked as snapshot.write does.
	live, err := datalock.CreateTemp(dir, tempPrefix)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	mustOpen(t, dir, NewBuiltinEmbedder(32), IndexOptions{})
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Error("stale temporary snapshot kept")
	}
	if _, err := os.Stat(live.Name()); err != nil {
		t.Error("a temporary snapshot a live writer holds was removed")
	}
}

// TestSearchFilterNameForms: a speaker or outlet filter finds the record's
// name whatever apostrophe, hyphen, accent or case either side writes.
func TestSearchFilterNameForms(t *testing.T) {
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, []*corpus.Document{
		exampleDoc("a.txt", "Nowhere Wire", "2023-01-10", "Zara O'Quillfeather", "The ministry supports the bridge."),
		exampleDoc("b.txt", "Élan Gazette", "2023-01-11", "Ada Jean-Fictif", "The ministry supports the bridge too."),
		exampleDoc("c.txt", "Other Post", "2023-01-12", "Bo Quill", "The ministry opposes the bridge."),
	})
	tests := []struct {
		name string
		opts SearchOptions
		want []string
	}{
		{"straight apostrophe", SearchOptions{Speaker: "o'quillfeather"}, []string{"a.txt"}},
		{"curly apostrophe", SearchOptions{Speaker: "O’Quillfeather"}, []string{"a.txt"}},
		{"apostrophe dropped", SearchOptions{Speaker: "oquillfeather"}, []string{"a.txt"}},
		{"hyphen as space", SearchOptions{Speaker: "jean fictif"}, []string{"b.txt"}},
		{"hyphen", SearchOptions{Speaker: "Jean-Fictif"}, []string{"b.txt"}},
		{"outlet accent folded", SearchOptions{Outlet: "elan gazette"}, []string{"b.txt"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.K = 20
			hits, err := ix.Search(context.Background(), "ministry bridge", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := hitDocs(hits); !slices.Equal(got, tc.want) {
				t.Errorf("documents = %v, want %v", got, tc.want)
			}
		})
	}
}

// A briefing held on one day and published the next holds words said on
// the first: a period filter for that day finds it, one for a later day
// does not.
func TestPeriodFilterUsesStatementDates(t *testing.T) {
	d := &corpus.Document{ID: "brief.txt", Title: "Press Briefing by Spokesperson Zara Quillfeather, December 7, 2031",
		Date: day("2031-12-08"), Format: corpus.FormatHeader,
		Text: "Briefing Room\n\nMS. QUILLFEATHER: The ministry supports the bridge reconstruction.\n\nQ What about the quotas?\n\nMS. QUILLFEATHER: The quotas stay as they are.\n"}
	if got := d.Turns()[1].Date; !got.Equal(day("2031-12-07")) {
		t.Fatalf("turn dated %v, want 2031-12-07 (the corpus dates transcripts by their event)", got)
	}
	d.Hash = d.ComputeHash()
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, []*corpus.Document{d})
	for _, tc := range []struct {
		name         string
		since, until string
		want         []string
	}{
		{"the day it was said", "2031-12-07", "2031-12-07", []string{"brief.txt"}},
		{"the day it was published", "2031-12-08", "2031-12-08", []string{"brief.txt"}},
		{"the day before", "2031-12-06", "2031-12-06", nil},
		{"the day after", "2031-12-09", "2031-12-09", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := ix.Search(context.Background(), "bridge quotas", SearchOptions{K: 5, Since: day(tc.since), Until: day(tc.until)})
			if err != nil {
				t.Fatal(err)
			}
			if got := hitDocs(hits); !slices.Equal(got, tc.want) {
				t.Errorf("documents = %v, want %v", got, tc.want)
			}
		})
	}
}

// An article quoting words written years before its publication is not
// of every period between: the quotation is history it recalls, and a
// period filter of the years between does not find the article.
func TestPeriodFilterIgnoresRecalledWords(t *testing.T) {
	d := &corpus.Document{ID: "article.txt", Title: "Memos on the Quillton Canal Probe", Date: day("2036-08-05"), Format: corpus.FormatHeader,
		Text: "The probe into the Quillton canal tolls was opened in secret, the memos show.\n\n" +
			"“I doubt there is anything to the canal tolls story,” then-Deputy Director Ned Example wrote to a colleague on May 19, 2031.\n"}
	var recalled bool
	for _, tu := range d.Turns() {
		recalled = recalled || tu.Date.Equal(day("2031-05-19"))
	}
	if !recalled {
		t.Fatalf("no turn dated 2031-05-19 (the corpus dates a reported quotation by the day it gives): %+v", d.Turns())
	}
	d.Hash = d.ComputeHash()
	ix := mustOpen(t, "", NewBuiltinEmbedder(64), IndexOptions{})
	mustSync(t, ix, []*corpus.Document{d})
	for _, tc := range []struct {
		since, until string
		want         []string
	}{
		{"2033-01-01", "2033-12-31", nil},
		{"2031-05-19", "2031-05-19", nil},
		{"2036-08-01", "2036-08-31", []string{"article.txt"}},
	} {
		hits, err := ix.Search(context.Background(), "canal tolls probe", SearchOptions{K: 5, Since: day(tc.since), Until: day(tc.until)})
		if err != nil {
			t.Fatal(err)
		}
		if got := hitDocs(hits); !slices.Equal(got, tc.want) {
			t.Errorf("%s..%s: documents = %v, want %v", tc.since, tc.until, got, tc.want)
		}
	}
}
