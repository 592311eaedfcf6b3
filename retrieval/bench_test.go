package retrieval

import (
	"container/heap"
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
)

// The benchmarks in this file measure retrieval against a baseline run in
// the same process — a plain contiguous brute-force scan of the same
// vectors with a top-k heap, the memory-bandwidth floor — and report each
// result both as ns/op and as a ratio to that floor ("x-floor"), which
// holds on a noisy machine where absolute times do not. BENCHMARKS.md at
// the repository root has the commands and the figures.
//
// The record is synthetic and deterministic: invented words drawn from a
// fixed vocabulary with a Zipf distribution (so the BM25 index has
// realistic posting lengths), dates spread over four years, and vectors
// from synthEmbedder.

// synthEmbedder turns each text into a pseudo-random vector seeded by a
// hash of the text: deterministic, nearly free, and spread over the whole
// sphere like real embeddings. Its cost per chunk is a few hundred
// nanoseconds, so Sync with it measures our own code.
type synthEmbedder struct{ dim int }

func (e synthEmbedder) Name() string   { return fmt.Sprintf("synth-%d", e.dim) }
func (e synthEmbedder) Dimension() int { return e.dim }
func (e synthEmbedder) Embed(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	flat := make([]float32, len(texts)*e.dim)
	for i, t := range texts {
		h := fnv.New64a()
		h.Write([]byte(t))
		v := flat[i*e.dim : (i+1)*e.dim : (i+1)*e.dim]
		fillRandom(v, h.Sum64())
		out[i] = v
	}
	return out, nil
}

// fillRandom fills v with values in [-1, 1) from a splitmix64 stream.
func fillRandom(v []float32, seed uint64) {
	x := seed
	for i := range v {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		z ^= z >> 31
		v[i] = float32(z>>40)/float32(1<<23) - 1
	}
}

// synthVocab is a fixed vocabulary of invented words, most frequent first.
var synthVocab = sync.OnceValue(func() []string {
	cons := []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "sk"}
	vows := []string{"a", "e", "i", "o", "u", "ai", "ou"}
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	var out []string
	for len(out) < 30000 {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(cons[r.IntN(len(cons))])
			b.WriteString(vows[r.IntN(len(vows))])
		}
		w := b.String()
		if seen[w] || IsStopword(w) {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
})

var synthOutlets = []string{"Example Wire", "Sample Gazette", "Demo Herald", "Placeholder Post"}

// synthDocs returns invented documents holding at least n chunks (with the
// default chunk options) and their chunk count.
func synthDocs(n int) ([]*corpus.Document, int) {
	vocab := synthVocab()
	r := rand.New(rand.NewPCG(uint64(n), 7))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(uint64(n), 8)), 1.1, 1, uint64(len(vocab)-1))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*corpus.Document
	chunks := 0
	for i := 0; chunks < n; i++ {
		var b strings.Builder
		b.WriteString("Spokesperson Jane Example said: ")
		// About 2,400 bytes: three chunks of up to 1,000 bytes with overlap.
		for b.Len() < 2400 {
			for j := range 8 + r.IntN(12) {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocab[zipf.Uint64()])
			}
			b.WriteString(". ")
		}
		d := &corpus.Document{
			ID:       fmt.Sprintf("synth/%07d.txt", i),
			Title:    "Briefing " + vocab[zipf.Uint64()] + " " + vocab[zipf.Uint64()],
			Outlet:   synthOutlets[i%len(synthOutlets)],
			Date:     base.AddDate(0, 0, r.IntN(4*365)),
			Speakers: []corpus.Speaker{{Name: "Jane Example", Title: "spokesperson"}},
			Text:     strings.TrimSpace(b.String()),
		}
		d.Hash = d.ComputeHash()
		chunks += len(corpus.Split(d, corpus.ChunkOptions{}))
		docs = append(docs, d)
	}
	return docs, chunks
}

// synthQuery is a typical eight-term question: words of middling
// frequency (ranks 100 to 3,000 of the Zipf vocabulary), each found in
// between a few percent and half of the chunks.
func synthQuery() string {
	v := synthVocab()
	return strings.Join([]string{v[100], v[180], v[260], v[400], v[700], v[1100], v[1900], v[3000]}, " ")
}

// synthWindow is the date filter of the benchmarks: one year of four, so
// about a quarter of the record.
var synthWindow = SearchOptions{Since: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)}

type benchKey struct{ n, dim int }

var (
	benchMu      sync.Mutex
	benchIndexes = map[benchKey]*Index{}
	benchDocs    = map[int][]*corpus.Document{}
)

// benchIndex returns an in-memory index of the synthetic record with about
// n chunks and vectors of dim, built once per process.
func benchIndex(b *testing.B, n, dim int) *Index {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIndexes[benchKey{n, dim}]; ok {
		return ix
	}
	docs, ok := benchDocs[n]
	if !ok {
		docs, _ = synthDocs(n)
		benchDocs[n] = docs
	}
	ix, err := Open("", synthEmbedder{dim}, IndexOptions{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	st, err := ix.Sync(context.Background(), docs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("synthetic index: %d documents, %d chunks, dim %d, built in %v", len(docs), st.Chunks, dim, time.Since(start).Round(time.Millisecond))
	benchIndexes[benchKey{n, dim}] = ix
	return ix
}

// floorItem and floorHeap are the baseline's top-k heap (a min-heap of the
// best k so far).
type floorItem struct {
	row   int
	score float32
}
type floorHeap []floorItem

func (h floorHeap) Len() int           { return len(h) }
func (h floorHeap) Less(i, j int) bool { return h[i].score < h[j].score }
func (h floorHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *floorHeap) Push(x any)        { *h = append(*h, x.(floorItem)) }
func (h *floorHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// bruteForce is the floor: one goroutine, an unrolled loop over the
// contiguous row-major matrix m, a container/heap top-k; allowed (nil:
// all) restricts the rows as a precomputed per-row flag.
func bruteForce(m []float32, dim int, q []float32, k int, allowed []bool) []floorItem {
	h := make(floorHeap, 0, k+1)
	rows := len(m) / dim
	for i := range rows {
		if allowed != nil && !allowed[i] {
			continue
		}
		s := floorDot(q, m[i*dim:(i+1)*dim])
		if len(h) < k {
			heap.Push(&h, floorItem{i, s})
		} else if s > h[0].score {
			h[0] = floorItem{i, s}
			heap.Fix(&h, 0)
		}
	}
	return h
}

// floorDot is the baseline's dot product: eight independent sums so the
// loop is bound by memory, not by the latency of one chain of additions,
// and the bounds checks hoisted by reslicing.
func floorDot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3, s4, s5, s6, s7 float32
	i := 0
	for ; i+8 <= len(a); i += 8 {
		aa, bb := a[i:i+8:i+8], b[i:i+8:i+8]
		s0 += aa[0] * bb[0]
		s1 += aa[1] * bb[1]
		s2 += aa[2] * bb[2]
		s3 += aa[3] * bb[3]
		s4 += aa[4] * bb[4]
		s5 += aa[5] * bb[5]
		s6 += aa[6] * bb[6]
		s7 += aa[7] * bb[7]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7)
}

// floorNsPerOp times the floor over at least 200 ms (and at least 3 runs).
func floorNsPerOp(m []float32, dim int, q []float32, k int, allowed []bool) float64 {
	runs := 0
	start := time.Now()
	for runs < 3 || time.Since(start) < 200*time.Millisecond {
		bruteForce(m, dim, q, k, allowed)
		runs++
	}
	return float64(time.Since(start).Nanoseconds()) / float64(runs)
}

// allowedRows is the per-row flag of the chunks opts lets through.
func allowedRows(s *snapshot, opts SearchOptions) []bool {
	keep := s.filter(opts).keep
	if keep == nil {
		return nil
	}
	out := make([]bool, len(s.chunks))
	for i := range out {
		out[i] = keep(i)
	}
	return out
}

var benchSizes = []int{1000, 10000, 100000}

// BenchmarkRetrieval compares, at each size, dimension and filter, the
// floor, the whole retrieval step (Index.Search: query embedding, vector,
// BM25, fusion, filters, folding, coverage) and chromem-go's QueryEmbedding
// alone (which cannot filter by date). Heavy: run it with -run '^$'.
func BenchmarkRetrieval(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		for _, dim := range []int{384, 768} {
			for _, filtered := range []bool{false, true} {
				name := fmt.Sprintf("n=%d/dim=%d/filter=%s", n, dim, map[bool]string{false: "none", true: "date"}[filtered])
				b.Run(name, func(b *testing.B) {
					ix := benchIndex(b, n, dim)
					s := ix.cur.Load()
					opts := SearchOptions{K: 10}
					if filtered {
						opts.Since, opts.Until = synthWindow.Since, synthWindow.Until
					}
					q := synthQuery()
					qv, err := ix.queryVector(ctx, q, dim)
					if err != nil {
						b.Fatal(err)
					}
					allowed := allowedRows(s, opts)
					b.Run("floor", func(b *testing.B) {
						for b.Loop() {
							bruteForce(s.vectors, dim, qv, 10, allowed)
						}
						b.ReportMetric(1, "x-floor")
					})
					b.Run("search", func(b *testing.B) {
						b.ReportAllocs()
						for b.Loop() {
							if _, err := ix.Search(ctx, q, opts); err != nil {
								b.Fatal(err)
							}
						}
						reportRatio(b, floorNsPerOp(s.vectors, dim, qv, 10, allowed))
					})
					if filtered {
						return
					}
					b.Run("chromem", func(b *testing.B) {
						b.ReportAllocs()
						for b.Loop() {
							if _, err := s.coll.QueryEmbedding(ctx, qv, 10, nil, nil); err != nil {
								b.Fatal(err)
							}
						}
						reportRatio(b, floorNsPerOp(s.vectors, dim, qv, 10, allowed))
					})
				})
			}
		}
	}
}

// reportRatio reports the benchmark's time per operation over the floor's,
// measured right after it in the same process.
func reportRatio(b *testing.B, floorNs float64) {
	b.Helper()
	if b.N == 0 || floorNs == 0 {
		return
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/floorNs, "x-floor")
}

// BenchmarkLexical is the BM25 search alone over the synthetic record for
// the eight-term query (target: under 10 ms at 100k chunks).
func BenchmarkLexical(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ix := benchIndex(b, n, 384)
			s := ix.cur.Load()
			b.ReportAllocs()
			for b.Loop() {
				qt := s.lex.queryTerms(synthQuery())
				s.lex.search(qt, 50, nil)
			}
		})
	}
}

// memNow returns the bytes of heap in use after a collection.
func memNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

