package retrieval

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
)

// TestMatrixScanMatchesChromem keeps chromem-go the reference: on a small
// index, the matrix scan must return the same nearest chunks, with the
// same similarities, as chromem's own QueryEmbedding.
func TestMatrixScanMatchesChromem(t *testing.T) {
	ctx := context.Background()
	docs, _ := synthDocs(600)
	ix := mustOpen(t, "", synthEmbedder{48}, IndexOptions{})
	mustSync(t, ix, docs)
	s := ix.cur.Load()
	all := s.filter(SearchOptions{}).ranges
	for q := range 20 {
		qv, err := ix.queryVector(ctx, fmt.Sprintf("query %d %s", q, synthQuery()), s.dim)
		if err != nil || qv == nil {
			t.Fatalf("query vector: %v", err)
		}
		const k = 10
		got, err := s.vectorSearch(ctx, qv, k, all)
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.coll.QueryEmbedding(ctx, qv, k, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != k || len(want) != k {
			t.Fatalf("query %d: %d and %d results, want %d", q, len(got), len(want), k)
		}
		for i := range k {
			if s.chunks[got[i].chunk].ID != want[i].ID {
				t.Errorf("query %d rank %d: matrix %s (%.6f), chromem %s (%.6f)", q, i+1,
					s.chunks[got[i].chunk].ID, got[i].score, want[i].ID, want[i].Similarity)
			}
			if math.Abs(got[i].score-float64(want[i].Similarity)) > 1e-5 {
				t.Errorf("query %d rank %d: similarity %.7f, chromem %.7f", q, i+1, got[i].score, want[i].Similarity)
			}
		}
	}
}

// TestMatrixTopK checks the parallel scan against a sort of every score,
// for ranges split at awkward places, ties, and sizes below and above the
// parallel threshold.
func TestMatrixTopK(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		rows, dim int
		ranges    []rowRange
		n         int
		ties      bool
	}{
		{"small all", 50, 16, []rowRange{{0, 50}}, 10, false},
		{"small ranges", 50, 16, []rowRange{{0, 3}, {7, 8}, {20, 45}}, 10, false},
		{"fewer rows than n", 50, 16, []rowRange{{4, 9}}, 10, false},
		{"odd dimension", 40, 13, []rowRange{{0, 40}}, 5, false},
		{"parallel", 9000, 64, []rowRange{{0, 9000}}, 50, false},
		{"parallel ranges", 9000, 64, []rowRange{{1, 2}, {100, 4000}, {4001, 8999}}, 50, false},
		{"parallel ties", 9000, 64, []rowRange{{0, 9000}}, 50, true},
		{"empty", 10, 8, nil, 5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := make([]float32, tc.rows*tc.dim)
			for i := range tc.rows {
				seed := uint64(i)
				if tc.ties {
					seed = uint64(i % 7) // many identical rows
				}
				fillRandom(m[i*tc.dim:(i+1)*tc.dim], seed)
			}
			q := make([]float32, tc.dim)
			fillRandom(q, 99)
			got, err := matrixTopK(ctx, m, tc.dim, q, tc.n, tc.ranges)
			if err != nil {
				t.Fatal(err)
			}
			var want []scored
			for _, r := range tc.ranges {
				for i := r.lo; i < r.hi; i++ {
					want = append(want, scored{chunk: i, score: float64(dotUnrolled(q, m[int(i)*tc.dim:int(i+1)*tc.dim]))})
				}
			}
			sortScored(want)
			want = want[:min(len(want), tc.n)]
			if !slices.Equal(got, want) {
				t.Errorf("got %v\nwant %v", got, want)
			}
		})
	}
}

func TestMatrixTopKCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := make([]float32, 10000*8)
	if _, err := matrixTopK(ctx, m, 8, make([]float32, 8), 5, []rowRange{{0, 10000}}); err == nil {
		t.Error("a cancelled scan of 10,000 rows returned no error")
	}
}

func TestSplitRanges(t *testing.T) {
	in := []rowRange{{0, 5}, {10, 11}, {20, 24}}
	parts := splitRanges(in, 10, 3)
	var flat []int32
	for _, p := range parts {
		n := 0
		for _, r := range p {
			for i := r.lo; i < r.hi; i++ {
				flat = append(flat, i)
				n++
			}
		}
		if n > 4 {
			t.Errorf("part %v holds %d rows, want at most 4", p, n)
		}
	}
	if want := []int32{0, 1, 2, 3, 4, 10, 20, 21, 22, 23}; !slices.Equal(flat, want) {
		t.Errorf("rows %v, want %v", flat, want)
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
