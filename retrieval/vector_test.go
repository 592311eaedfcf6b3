package retrieval

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
)

// exactNearest is the reference for the vector leg: every admitted chunk
// scored with the same dot product chromem-go uses, sorted by score, ties
// by position, the first n kept.
func exactNearest(s *snapshot, qv []float32, n int, f rowFilter) []scored {
	var all []scored
	for i := range s.chunks {
		if f.keep == nil || f.keep(i) {
			all = append(all, scored{chunk: int32(i), score: float64(dotProduct(qv, s.vector(i)))})
		}
	}
	sortScored(all)
	if len(all) > n {
		all = all[:n]
	}
	return all
}

// TestVectorSearchIsExact checks chromem-go's answers, through every path
// of vectorSearch (plain, one period, over-fetch, a temporary collection
// for a selective filter), against a sort of every admitted chunk's score:
// same chunks, same order, same scores.
func TestVectorSearchIsExact(t *testing.T) {
	ctx := context.Background()
	docs, _ := synthDocs(900)
	// Reprinted passages: equal vectors, so equal scores at any cut.
	for i := range 12 {
		d := *docs[i]
		d.ID = fmt.Sprintf("zz-reprint-%02d.txt", i)
		d.Hash = ""
		docs = append(docs, &d)
	}
	ix := mustOpen(t, "", synthEmbedder{48}, IndexOptions{})
	mustSync(t, ix, docs)
	s := ix.cur.Load()
	if len(s.periods) < 3 {
		t.Fatalf("%d period collections, want one per year of the synthetic record", len(s.periods))
	}
	outlet := s.docs[0].Outlet
	tests := []struct {
		name string
		opts SearchOptions
	}{
		{"no filter", SearchOptions{}},
		{"one year", synthWindow},
		{"part of a year", SearchOptions{Since: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2022, 4, 15, 0, 0, 0, 0, time.UTC)}},
		{"outlet (over-fetch)", SearchOptions{Outlet: outlet}},
		{"outlet in one year (temporary collection)", SearchOptions{Outlet: outlet, Since: synthWindow.Since, Until: synthWindow.Until}},
		{"speaker (temporary collection)", SearchOptions{Speaker: s.docs[3].Speakers[0].Name}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := s.filter(tc.opts)
			if f.allowed == 0 {
				t.Fatal("the filter admits nothing")
			}
			for q := range 8 {
				qv, err := ix.queryVector(ctx, fmt.Sprintf("query %d %s", q, synthQuery()), s.dim)
				if err != nil || qv == nil {
					t.Fatalf("query vector: %v", err)
				}
				// Query 0 is a reprinted passage's own vector: its
				// copies tie at the top.
				if q == 0 {
					qv = s.vector(0)
				}
				for _, n := range []int{1, 10, 50} {
					got, err := s.vectorSearch(ctx, qv, n, f)
					if err != nil {
						t.Fatal(err)
					}
					want := exactNearest(s, qv, n, f)
					if !slices.Equal(got, want) {
						t.Errorf("query %d, n=%d: got %v, want %v", q, n, got, want)
					}
				}
			}
		})
	}
}

// TestChromemHoldsTheOnlyCopy checks that chromem-go's documents are the
// snapshot's own rows, in a freshly built index and in a reopened one, and
// that each chunk is in the collection of its document's year.
func TestChromemHoldsTheOnlyCopy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(32), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	re := mustOpen(t, dir, NewBuiltinEmbedder(32), IndexOptions{})
	for name, s := range map[string]*snapshot{"built": ix.cur.Load(), "reopened": re.cur.Load()} {
		total := 0
		for _, p := range s.periods {
			total += p.coll.Count()
			for i, c := range s.chunks {
				d := s.docs[s.chunkDoc[i]]
				year := "undated"
				if !d.Date.IsZero() {
					year = fmt.Sprint(d.Date.Year())
				}
				_, err := p.coll.GetByID(ctx, strconv.Itoa(i))
				if (err == nil) != (year == p.name) {
					t.Errorf("%s: chunk %s of a document of %s: in collection %s = %v", name, c.ID, year, p.name, err == nil)
				}
				if err != nil {
					continue
				}
				// GetByID copies; QueryEmbedding returns the stored slice.
				res, err := p.coll.QueryEmbedding(ctx, s.vector(i), 1, map[string]string{}, nil)
				if err != nil || len(res) != 1 {
					t.Fatalf("%s: query: %v", name, err)
				}
				if res[0].ID == strconv.Itoa(i) && &res[0].Embedding[0] != &s.vector(i)[0] {
					t.Errorf("%s: chromem holds a copy of chunk %s's vector", name, c.ID)
				}
			}
		}
		if total != len(s.chunks) {
			t.Errorf("%s: collections hold %d chunks, snapshot %d", name, total, len(s.chunks))
		}
	}
}

// TestPeriodsSkippedByDate checks that a date filter asks only the
// collections of the years it meets, counting a document by the days its
// statements were made as well as its date.
func TestPeriodsSkippedByDate(t *testing.T) {
	docs := []*corpus.Document{
		exampleDoc("a.txt", "Example Wire", "2022-06-01", "", "The bridge over the river was opened."),
		exampleDoc("b.txt", "Example Wire", "2023-01-01", "", "The museum reopened after the floods."),
		exampleDoc("c.txt", "Example Wire", "", "", "Quotas for the fishing fleet were set."),
	}
	ix := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
	mustSync(t, ix, docs)
	s := ix.cur.Load()
	names := func(opts SearchOptions) []string {
		f := s.filter(opts)
		var out []string
		for _, p := range s.periods {
			if !f.byDate || p.meets(f.since, f.until) {
				out = append(out, p.name)
			}
		}
		return out
	}
	tests := []struct {
		opts SearchOptions
		want []string
	}{
		{SearchOptions{}, []string{"2022", "2023", "undated"}},
		{SearchOptions{Since: day("2022-01-01"), Until: day("2022-12-31")}, []string{"2022"}},
		{SearchOptions{Since: day("2022-12-31")}, []string{"2023"}},
		{SearchOptions{Until: day("2021-12-31")}, nil},
	}
	for _, tc := range tests {
		if got := names(tc.opts); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: periods %v, want %v", tc.opts, got, tc.want)
		}
	}
}

func TestFilterRanges(t *testing.T) {
	ix := mustOpen(t, "", NewBuiltinEmbedder(32), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	s := ix.cur.Load()
	// a.txt and c.txt are Example Wire; b.txt lies between them.
	f := s.filter(SearchOptions{Outlet: "example wire"})
	a, b, c := s.docChunks[0], s.docChunks[1], s.docChunks[2]
	want := []rowRange{{a[0], a[1]}, {c[0], c[1]}}
	if !slices.Equal(f.ranges, want) || f.allowed != int(a[1]-a[0]+c[1]-c[0]) {
		t.Errorf("ranges %v (%d rows), want %v", f.ranges, f.allowed, want)
	}
	if f.keep(int(b[0])) || !f.keep(int(c[0])) {
		t.Error("keep disagrees with the ranges")
	}
	// Adjacent documents join into one range.
	f = s.filter(SearchOptions{Until: day("2023-03-05")})
	if want := []rowRange{{a[0], b[1]}}; !slices.Equal(f.ranges, want) {
		t.Errorf("ranges %v, want %v", f.ranges, want)
	}
}

// TestTopK checks the heap against a sort, ties included.
func TestTopK(t *testing.T) {
	var all []scored
	for i := range 200 {
		all = append(all, scored{chunk: int32(i), score: float64((i * 37) % 23)})
	}
	for _, n := range []int{1, 5, 50, 300} {
		top := topK{n: n}
		for _, x := range all {
			top.push(x)
		}
		want := slices.Clone(all)
		slices.SortFunc(want, func(a, b scored) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return cmp.Compare(a.chunk, b.chunk)
		})
		want = want[:min(n, len(want))]
		if got := top.sorted(); !slices.Equal(got, want) {
			t.Errorf("n=%d: %v, want %v", n, got, want)
		}
	}
}
