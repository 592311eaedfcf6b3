package retrieval

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
)

// evalReport computes hit@1, hit@5 and MRR (within the top 10) of the
// questions that have must-cite documents, and logs, for every question,
// the rank and the best coverage among the top 5.
func evalReport(t *testing.T, ix *Index, qs []evalQuestion, verbose bool) (hit1, hit5, mrr float64, n int) {
	t.Helper()
	byID := map[string]evalQuestion{}
	for _, q := range qs {
		byID[q.ID] = q
	}
	for _, q := range qs {
		hits, err := ix.Search(context.Background(), searchText(q, byID), SearchOptions{K: 10})
		if err != nil {
			t.Fatal(err)
		}
		best := 0.0
		for _, h := range hits[:min(5, len(hits))] {
			best = max(best, h.Coverage)
		}
		r := rankOf(hits, q.MustCite)
		if verbose {
			top := ""
			if len(hits) > 0 {
				top = fmt.Sprintf("%s cov=%.2f v=%d l=%d", hits[0].Chunk.ID, hits[0].Coverage, hits[0].VectorRank, hits[0].LexicalRank)
			}
			t.Logf("%-8s rank=%d bestcov5=%.2f top=%s", q.ID, r, best, top)
		}
		if len(q.MustCite) == 0 {
			continue
		}
		n++
		if r == 1 {
			hit1++
		}
		if r >= 1 && r <= 5 {
			hit5++
		}
		if r > 0 {
			mrr += 1 / float64(r)
		}
	}
	if n > 0 {
		hit1, hit5, mrr = hit1/float64(n), hit5/float64(n), mrr/float64(n)
	}
	return
}

// TestMeasureRetrieval logs retrieval quality on the public questions over
// the sample record. It asserts nothing: it is the measurement behind the
// fusion and feature constants. With READOUT_BIG=1 it also indexes the
// White House record together with the sample record and reports quality,
// indexing time, snapshot size, load time and search time;
// READOUT_BIG=1 READOUT_SWEEP=1 adds a sweep of the fusion parameters, and
// READOUT_SWEEP=features a sweep of the builtin embedder's feature weights.
func TestMeasureRetrieval(t *testing.T) {
	qs := loadEval(t)
	seeds := loadSeeds(t)
	ix, err := Open("", NewBuiltinEmbedder(0), IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), seeds, nil); err != nil {
		t.Fatal(err)
	}
	var seedQs []evalQuestion
	for _, q := range qs {
		if strings.HasPrefix(q.ID, "seed-") || len(q.MustCite) == 0 {
			seedQs = append(seedQs, q)
		}
	}
	h1, h5, mrr, n := evalReport(t, ix, seedQs, true)
	t.Logf("sample record: %d questions: hit@1 %.2f hit@5 %.2f MRR %.3f", n, h1, h5, mrr)

	if os.Getenv("READOUT_SWEEP") == "features" {
		big := loadBig(t)
		all := append(append([]*corpus.Document{}, seeds...), big...)
		defer func(c float32) { charGramWeight = c }(charGramWeight)
		for _, w := range []float32{0, 0.1, 0.25, 0.5} {
			charGramWeight = w
			ix, err := Open("", NewBuiltinEmbedder(0), IndexOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ix.Sync(context.Background(), all, nil); err != nil {
				t.Fatal(err)
			}
			h1, h5, mrr, n := evalReport(t, ix, qs, false)
			vh1, vh5, vmrr := vectorOnly(t, ix, qs)
			t.Logf("sweep character 4-gram weight %v: fused hit@1 %.2f hit@5 %.2f MRR %.3f; vector only hit@1 %.2f hit@5 %.2f MRR %.3f (n=%d)", w, h1, h5, mrr, vh1, vh5, vmrr, n)
		}
		return
	}
	if os.Getenv("READOUT_BIG") == "" {
		t.Log("set READOUT_BIG=1 to measure over the White House record too")
		return
	}
	big := loadBig(t)
	docs := append(append([]*corpus.Document{}, seeds...), big...)
	dir := t.TempDir()
	ix, err = Open(dir, NewBuiltinEmbedder(0), IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	stageStart := map[string]time.Time{}
	st, err := ix.Sync(context.Background(), docs, func(p Progress) {
		if _, ok := stageStart[p.Stage]; !ok {
			stageStart[p.Stage] = time.Now()
		}
		if p.Stage == "embedding" && p.Done == p.Total {
			stageStart["embedded"] = time.Now()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("indexed %d documents, %d chunks in %v (read+split %v, embed %v, build chromem+BM25 %v, write %v); snapshot %d bytes",
		len(docs), st.Chunks, time.Since(start).Round(time.Millisecond),
		stageStart["embedding"].Sub(start).Round(time.Millisecond),
		stageStart["embedded"].Sub(stageStart["embedding"]).Round(time.Millisecond),
		stageStart["writing"].Sub(stageStart["embedded"]).Round(time.Millisecond),
		time.Since(stageStart["writing"]).Round(time.Millisecond), ix.Stats().Bytes)
	ix = nil
	runtime.GC()
	start = time.Now()
	ix2, err := Open(dir, NewBuiltinEmbedder(0), IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("reopened in %v", time.Since(start))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("heap in use with the reopened index (and the loaded documents) alive: %d MB", ms.HeapInuse>>20)
	start = time.Now()
	st2, err := ix2.Sync(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("unchanged re-sync: embedded %d in %v", st2.Embedded, time.Since(start))
	h1, h5, mrr, n = evalReport(t, ix2, qs, true)
	t.Logf("sample + White House record: %d questions: hit@1 %.2f hit@5 %.2f MRR %.3f", n, h1, h5, mrr)
	if os.Getenv("READOUT_SWEEP") != "" {
		defer func(k, v, l float64) { rrfK, vectorWeight, lexicalWeight = k, v, l }(rrfK, vectorWeight, lexicalWeight)
		for _, c := range []int{0, 1, 2, 3} {
			perDocCap = c
			h1, h5, mrr, n = evalReport(t, ix2, qs, false)
			t.Logf("sweep per-document cap %d: hit@1 %.2f hit@5 %.2f MRR %.3f (n=%d)", c, h1, h5, mrr, n)
		}
		perDocCap = 0
		for _, k := range []float64{10, 30, 60, 100} {
			for _, v := range []float64{0.5, 0.75, 1, 1.5} {
				rrfK, vectorWeight, lexicalWeight = k, v, 1
				h1, h5, mrr, n = evalReport(t, ix2, qs, false)
				t.Logf("sweep k=%v wv=%.2f wl=1: hit@1 %.2f hit@5 %.2f MRR %.3f (n=%d)", k, v, h1, h5, mrr, n)
			}
		}
	}
	start = time.Now()
	const rounds = 20
	for range rounds {
		if _, err := ix2.Search(context.Background(), qs[0].Question, SearchOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("search: %v per query", time.Since(start)/rounds)
}

// vectorOnly measures the vector ranking alone (lexical weight 0).
func vectorOnly(t *testing.T, ix *Index, qs []evalQuestion) (hit1, hit5, mrr float64) {
	defer func(l float64) { lexicalWeight = l }(lexicalWeight)
	lexicalWeight = 0
	hit1, hit5, mrr, _ = evalReport(t, ix, qs, false)
	return
}
