package retrieval

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/readout/readout/retrieval/static"
)

// TestMeasureVectorLeg logs, per kind of the development questions
// (eval/dev.jsonl), how often the vector ranking alone finds an answering
// document in its top 20 (recall@20) and how often the fused ranking has
// it in the top 5, over an index built by `readout index`. It asserts
// nothing: it is the measurement behind the fusion constants and the
// choice of the embedded embedder (EVALUATION.md).
//
//	READOUT_MEASURE_INDEX=/tmp/x READOUT_MEASURE_EMBEDDER=static go test ./retrieval -run MeasureVectorLeg -v
//
// READOUT_MEASURE_EMBEDDER=openai embeds the questions with the model
// READOUT_MEASURE_MODEL served at READOUT_MEASURE_BASE_URL (the teacher
// encoder through the OpenAI-compatible path). READOUT_MEASURE_QUESTIONS
// names another question file (default eval/dev.jsonl); questions none of
// whose documents are in the index are left out, so an index of a subset
// of the record is measured on the questions it can answer.
func TestMeasureVectorLeg(t *testing.T) {
	dir := os.Getenv("READOUT_MEASURE_INDEX")
	if dir == "" {
		t.Skip("set READOUT_MEASURE_INDEX to an index folder (and READOUT_MEASURE_EMBEDDER=hash|static|hash+static|openai)")
	}
	var emb Embedder = NewBuiltinEmbedder(0)
	switch os.Getenv("READOUT_MEASURE_EMBEDDER") {
	case "openai":
		o, err := NewOpenAIEmbedder(OpenAIEmbedderConfig{
			BaseURL: os.Getenv("READOUT_MEASURE_BASE_URL"),
			Model:   os.Getenv("READOUT_MEASURE_MODEL"),
			Timeout: 10 * time.Minute,
		})
		if err != nil {
			t.Fatal(err)
		}
		emb = o
	case "static", "hash+static":
		s, err := static.New()
		if err != nil {
			t.Fatal(err)
		}
		emb = s
		if os.Getenv("READOUT_MEASURE_EMBEDDER") == "hash+static" {
			w, err := strconv.ParseFloat(cmp.Or(os.Getenv("READOUT_MEASURE_WEIGHT"), "0.5"), 64)
			if err != nil {
				t.Fatal(err)
			}
			if emb, err = NewHybridEmbedder(NewBuiltinEmbedder(0), s, w); err != nil {
				t.Fatal(err)
			}
		}
	}
	ix, err := Open(dir, emb, IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	qs := readDev(t)
	if f := os.Getenv("READOUT_MEASURE_QUESTIONS"); f != "" {
		qs = readQuestions(t, f)
	}
	byID := map[string]evalQuestion{}
	for _, q := range qs {
		byID[q.ID] = q
	}
	indexed := map[string]bool{}
	for _, d := range ix.Documents() {
		indexed[path.Base(d.ID)] = true
	}
	answerable := func(q evalQuestion) bool {
		for _, d := range q.MustCite {
			if indexed[path.Base(d)] {
				return true
			}
		}
		return false
	}
	type tally struct{ n, vec20, fused5 int }
	kinds := map[string]*tally{}
	for _, q := range qs {
		if !answerable(q) {
			continue
		}
		k := kinds[q.Kind]
		if k == nil {
			k = &tally{}
			kinds[q.Kind] = k
		}
		k.n++
		query := searchText(q, byID)
		fused, err := ix.Search(context.Background(), query, SearchOptions{K: 5})
		if err != nil {
			t.Fatal(err)
		}
		if r := rankOf(fused, q.MustCite); r > 0 {
			k.fused5++
		}
		func() {
			defer func(l float64) { lexicalWeight = l }(lexicalWeight)
			lexicalWeight = 0
			vec, err := ix.Search(context.Background(), query, SearchOptions{K: 20})
			if err != nil {
				t.Fatal(err)
			}
			if r := rankOf(vec, q.MustCite); r > 0 {
				k.vec20++
			} else if q.Kind == "paraphrase" {
				t.Logf("vector leg misses %s %q", q.ID, q.Question)
			}
		}()
	}
	// The cosines the embedder gives: the best passage's vector cosine for
	// the questions the index can answer (at the answering document, and
	// at the top) and for the out-of-scope ones, for the answer decision.
	var atAnswer, atTop, outOfScope []float64
	for _, q := range qs {
		oos := q.Kind == "out-of-scope"
		if !oos && !answerable(q) {
			continue
		}
		func() {
			defer func(l float64) { lexicalWeight = l }(lexicalWeight)
			lexicalWeight = 0
			vec, err := ix.Search(context.Background(), searchText(q, byID), SearchOptions{K: 20})
			if err != nil || len(vec) == 0 {
				return
			}
			if oos {
				outOfScope = append(outOfScope, vec[0].VectorScore)
				return
			}
			atTop = append(atTop, vec[0].VectorScore)
			if r := rankOf(vec, q.MustCite); r > 0 {
				atAnswer = append(atAnswer, vec[r-1].VectorScore)
			}
		}()
	}
	for _, c := range []struct {
		name string
		v    []float64
	}{{"answering document (when in the top 20)", atAnswer}, {"top passage, answerable", atTop}, {"top passage, out of scope", outOfScope}} {
		if len(c.v) == 0 {
			continue
		}
		slices.Sort(c.v)
		q := func(f float64) float64 { return c.v[int(f*float64(len(c.v)-1))] }
		t.Logf("vector cosine, %s: n=%d p10 %.3f p50 %.3f p90 %.3f", c.name, len(c.v), q(0.1), q(0.5), q(0.9))
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	slices.Sort(names)
	var all tally
	for _, name := range names {
		k := kinds[name]
		all.n, all.vec20, all.fused5 = all.n+k.n, all.vec20+k.vec20, all.fused5+k.fused5
		t.Logf("%-12s n=%2d vector recall@20 %.2f fused hit@5 %.2f", name, k.n, float64(k.vec20)/float64(k.n), float64(k.fused5)/float64(k.n))
	}
	t.Logf("%-12s n=%2d vector recall@20 %.2f fused hit@5 %.2f (%s)", "all", all.n, float64(all.vec20)/float64(all.n), float64(all.fused5)/float64(all.n), emb.Name())
	if os.Getenv("READOUT_SWEEP") == "" {
		return
	}
	defer func(k, v float64) { rrfK, vectorWeight = k, v }(rrfK, vectorWeight)
	for _, k := range []float64{20, 60} {
		for _, v := range []float64{0.25, 0.5, 0.75, 1} {
			rrfK, vectorWeight = k, v
			per := map[string]int{}
			total := 0
			for _, q := range qs {
				if !answerable(q) {
					continue
				}
				hits, err := ix.Search(context.Background(), searchText(q, byID), SearchOptions{K: 5})
				if err != nil {
					t.Fatal(err)
				}
				if rankOf(hits, q.MustCite) > 0 {
					per[q.Kind]++
					total++
				}
			}
			line := ""
			for _, name := range names {
				line += fmt.Sprintf(" %s %.2f", name, float64(per[name])/float64(kinds[name].n))
			}
			t.Logf("sweep k=%v vector weight %.2f: fused hit@5 all %.2f;%s", k, v, float64(total)/float64(all.n), line)
		}
	}
}

func readDev(t *testing.T) []evalQuestion {
	t.Helper()
	return readQuestions(t, "../eval/dev.jsonl")
}
