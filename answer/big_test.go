package answer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// TestBigRecordPublicQuestions answers every public question over the
// White House record (11,635 documents) without a chat model and reports,
// for each, the best passage coverage, the mode and whether a must-cite
// document is cited. It indexes the whole record with the builtin embedder
// (minutes on 2 cores), so it runs only with READOUT_BIG_RECORD=1:
//
//	READOUT_BIG_RECORD=1 go test -run BigRecord -v -timeout 30m ./answer
func TestBigRecordPublicQuestions(t *testing.T) {
	if os.Getenv("READOUT_BIG_RECORD") == "" || testing.Short() {
		t.Skip("set READOUT_BIG_RECORD=1 to run over the White House record")
	}
	path := filepath.Join("..", "..", "shared", "corpus", "whitehouse-briefings.tar.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("White House record not available: %v", err)
	}
	qs := publicQuestions(t)
	began := time.Now()
	docs, _, err := corpus.Load(path, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	idx := memIndex(t, docs)
	t.Logf("indexed %d documents in %s", len(docs), time.Since(began).Round(time.Second))
	p := &Pipeline{Index: idx}
	history := map[string][]Turn{}
	for _, q := range qs {
		var h []Turn
		if q.Follows != "" {
			h = history[q.Follows]
		}
		standalone := RuleCondense(q.Question, h)
		hits, _ := idx.Search(context.Background(), standalone, retrieval.SearchOptions{})
		best := 0.0
		for _, hit := range hits {
			best = max(best, hit.Coverage)
		}
		ans, err := p.Ask(context.Background(), q.Question, h, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		history[q.ID] = append(append([]Turn(nil), h...), TurnOf(ans))
		cited := false
		for _, d := range q.MustCite {
			cited = cited || citesDoc(ans, d)
		}
		quoted := q.Quote != "" && strings.Contains(ans.Text, strings.TrimRight(q.Quote, "."))
		t.Logf("%-8s maxcov=%.3f mode=%-10s cited=%v quote=%v", q.ID, best, ans.Mode, cited, quoted)
		if strings.HasPrefix(q.ID, "rec-") && (!cited || testing.Verbose()) {
			t.Logf("  searched %q:\n%s", standalone, ans.Text)
		}
	}
}
