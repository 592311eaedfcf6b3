package retrieval

import (
	"context"
	"strings"
	"testing"
)

// Coverage bounds over the sample record: every seed question's document
// covers at least minAnswerCoverage of it, and no passage covers more than
// maxOutOfScopeCoverage of a question the record cannot answer.
const (
	minAnswerCoverage     = 0.4
	maxOutOfScopeCoverage = 0.25
)

func TestOutOfScopeQuestionsHaveLowCoverage(t *testing.T) {
	ix, err := Open("", NewBuiltinEmbedder(0), IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), loadSeeds(t), nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"What is the current population of Stepanakert?",
		"What travel advisory level does the State Department currently give Azerbaijan?",
		"Who won the football match last night?",
	} {
		hits, err := ix.Search(context.Background(), q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.Coverage > maxOutOfScopeCoverage {
				t.Errorf("%q: passage %s covers %.2f of it", q, h.Chunk.ID, h.Coverage)
			}
		}
	}
}

// TestSeedQuestionsFindTheirDocument checks that every public seed
// question finds its must-cite document in the top 5 over the sample
// record with the builtin embedder.
func TestSeedQuestionsFindTheirDocument(t *testing.T) {
	qs := loadEval(t)
	docs := loadSeeds(t)
	ix, err := Open("", NewBuiltinEmbedder(0), IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	byID := map[string]evalQuestion{}
	for _, q := range qs {
		byID[q.ID] = q
	}
	for _, q := range qs {
		if !strings.HasPrefix(q.ID, "seed-") {
			continue
		}
		t.Run(q.ID, func(t *testing.T) {
			hits, err := ix.Search(context.Background(), searchText(q, byID), SearchOptions{K: 5})
			if err != nil {
				t.Fatal(err)
			}
			r := rankOf(hits, q.MustCite)
			if r == 0 {
				t.Fatalf("%q: %v not in the top 5", q.Question, q.MustCite)
			}
			// The answer pipeline declines below a coverage threshold: the
			// document that answers must cover the question well.
			best := 0.0
			for _, h := range hits {
				if rankOf([]Hit{h}, q.MustCite) == 1 {
					best = max(best, h.Coverage)
				}
			}
			if best < minAnswerCoverage {
				t.Errorf("best coverage of %v is %.2f, want at least %.2f", q.MustCite, best, minAnswerCoverage)
			}
			t.Logf("rank %d, best coverage %.2f", r, best)
		})
	}
}
