package answer

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
)

// TestEmbeddingServerDown asks the README's question of the sample record,
// embedded by an OpenAI-compatible server that then stops answering: the
// search ranks by words only and finds the passage, and the decision must
// not count the similarity it could not measure as none (it declined every
// question). The answer says the embedding server did not answer.
func TestEmbeddingServerDown(t *testing.T) {
	tests := []struct {
		name   string
		down   func(f *testsupport.OpenAI)
		reason string
	}{
		{name: "HTTP 500", down: func(f *testsupport.OpenAI) {
			f.SetFault(testsupport.Fault{Kind: testsupport.FaultStatus, Status: 500, Endpoint: testsupport.EndpointEmbeddings})
		}, reason: "HTTP 500"},
		{name: "HTTP 401", down: func(f *testsupport.OpenAI) {
			f.SetFault(testsupport.Fault{Kind: testsupport.FaultStatus, Status: 401, Endpoint: testsupport.EndpointEmbeddings})
		}, reason: "HTTP 401"},
		{name: "connection refused", down: func(f *testsupport.OpenAI) { f.Close() }, reason: "could not be reached"},
	}
	docs, skipped, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil || len(skipped) != 0 {
		t.Fatalf("load sample: %v, skipped %v", err, skipped)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := testsupport.NewOpenAI(t, testsupport.WithEmbeddingDim(64))
			emb, err := retrieval.NewOpenAIEmbedder(retrieval.OpenAIEmbedderConfig{BaseURL: f.URL(), Model: "fake-embed", HTTPClient: &http.Client{}})
			if err != nil {
				t.Fatal(err)
			}
			idx, err := retrieval.Open("", emb, retrieval.IndexOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := idx.Sync(context.Background(), docs, nil); err != nil {
				t.Fatal(err)
			}
			tt.down(f)
			p := &Pipeline{Index: idx}
			ans, err := p.Ask(context.Background(), readmeQuestion, nil, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode == ModeDeclined || !strings.Contains(ans.Text, "84,770") || len(ans.Citations) == 0 ||
				!strings.Contains(ans.Citations[0].Doc, "000_796cebcc88a1bf3f") {
				t.Fatalf("with the embedding server down: %s %q, citations %+v", ans.Mode, ans.Text, ans.Citations)
			}
			checkQuotations(t, ans)
			notice := strings.Join(ans.Warnings, "\n")
			if !strings.Contains(notice, "The embedding server did not answer (") || !strings.Contains(notice, tt.reason) || !strings.Contains(notice, "words only") {
				t.Errorf("warnings %q, want one saying the embedding server did not answer (%s) and words alone found the passages", ans.Warnings, tt.reason)
			}
		})
	}
}
