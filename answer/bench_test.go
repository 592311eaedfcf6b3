package answer_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
)

// BenchmarkPipelineOverhead measures one answer without the model's own
// time: retrieval (builtin embedder, vector + BM25 + fusion), prompt
// rendering, citation parsing and quote verification, with a chat model
// that replies at once, quoting passage [1] word for word. Targets: under
// 20 ms at 10k chunks and 60 ms at 100k. "search-share" is the part of it
// that Index.Search alone takes, measured right after in the same process.
// Heavy (it builds a 100k-chunk index): run it with -run '^$'.
func BenchmarkPipelineOverhead(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ix, question := benchIndex(b, n)
			p := &answer.Pipeline{Index: ix, Chat: instantChat{}}
			ans, err := p.Ask(ctx, question, nil, retrieval.SearchOptions{})
			if err != nil {
				b.Fatal(err)
			}
			// The benchmark must go through the whole generated path.
			if ans.Mode != answer.ModeGenerated || ans.Quotes.Verified != 1 || len(ans.Citations) != 1 {
				b.Fatalf("answer %q: mode %s, quotes %+v, %d citations", ans.Text, ans.Mode, ans.Quotes, len(ans.Citations))
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Ask(ctx, question, nil, retrieval.SearchOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			askNs := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			start := time.Now()
			for range b.N {
				if _, err := ix.Search(ctx, question, retrieval.SearchOptions{K: answer.DefaultK}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N)/askNs, "search-share")
		})
	}
}

// instantChat is a chat model that answers at once with a sentence that
// quotes the first words of passage 1 and cites it.
type instantChat struct{}

func (instantChat) Name() string { return "instant" }

func (instantChat) Complete(_ context.Context, msgs []answer.Message, onDelta func(string)) (string, error) {
	prompt := msgs[len(msgs)-1].Content
	// Passage 1 opens with a line ending in " n=1"; its text starts after
	// the first blank line and ends at the line that closes it.
	at := strings.Index(prompt, ">>> n=1\n")
	if at < 0 {
		return "The record does not cover it.", nil
	}
	rest := prompt[at:]
	body := rest[strings.Index(rest, "\n\n")+2:]
	body = body[:strings.Index(body, "\n<<<END PASSAGE")]
	words := strings.Fields(body)
	reply := fmt.Sprintf("Jane Example said \"%s\" [1].", strings.Join(words[:min(8, len(words))], " "))
	if onDelta != nil {
		onDelta(reply)
	}
	return reply, nil
}

type benchRecord struct {
	ix       *retrieval.Index
	question string
}

var (
	benchMu      sync.Mutex
	benchRecords = map[int]benchRecord{}
)

// benchIndex returns an in-memory index, with the builtin embedder, of an
// invented record of about n chunks, and a question that one of its
// passages answers.
func benchIndex(b *testing.B, n int) (*retrieval.Index, string) {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if r, ok := benchRecords[n]; ok {
		return r.ix, r.question
	}
	docs := inventedRecord(n)
	target := docs[len(docs)/2]
	question := "What did Jane Example say about " + strings.Join(strings.Fields(target.Text)[5:13], " ") + "?"
	ix, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	st, err := ix.Sync(context.Background(), docs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("invented record: %d documents, %d chunks, indexed in %v", len(docs), st.Chunks, time.Since(start).Round(time.Millisecond))
	benchRecords[n] = benchRecord{ix, question}
	return ix, question
}

// inventedRecord returns invented documents holding at least n chunks,
// all quoting "Spokesperson Jane Example" of "Example Wire" and the like.
func inventedRecord(n int) []*corpus.Document {
	docs, _ := testsupport.InventedRecord(n, testsupport.InventedVocabulary(text.IsStopword))
	return docs
}
