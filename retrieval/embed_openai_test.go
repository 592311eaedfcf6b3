package retrieval

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/internal/testsupport"
)

func newFakeEmbedder(t *testing.T, fake *testsupport.OpenAI, cfg OpenAIEmbedderConfig) *OpenAIEmbedder {
	t.Helper()
	cfg.BaseURL = fake.URL()
	if cfg.Model == "" {
		cfg.Model = "fake-embed"
	}
	e, err := NewOpenAIEmbedder(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func texts(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("passage number %d about the example bridge", i)
	}
	return out
}

func TestOpenAIEmbedderBatchesAndOrder(t *testing.T) {
	fake := testsupport.NewOpenAI(t, testsupport.WithEmbeddingDim(16))
	e := newFakeEmbedder(t, fake, OpenAIEmbedderConfig{BatchSize: 64, Concurrency: 2})
	if e.Name() != "openai:fake-embed" || e.Dimension() != 0 {
		t.Errorf("before use: %s %d", e.Name(), e.Dimension())
	}
	in := texts(150)
	// The API does not promise order: the second request comes back
	// reversed, with correct indexes.
	fake.FailNext(1, testsupport.Fault{Kind: testsupport.FaultShuffledEmbeddings})
	vs, err := e.Embed(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if n := fake.RequestCount(testsupport.EndpointEmbeddings); n != 3 {
		t.Errorf("%d requests for 150 texts in batches of 64, want 3", n)
	}
	for i, v := range vs {
		if !slices.Equal(v, testsupport.EmbedText(in[i], 16)) {
			t.Fatalf("vector %d is not the one for its text", i)
		}
	}
	if e.Dimension() != 16 {
		t.Errorf("Dimension after use = %d, want 16", e.Dimension())
	}
	if vs, err := e.Embed(context.Background(), nil); err != nil || len(vs) != 0 {
		t.Errorf("no texts: %v %v", vs, err)
	}
}

func TestOpenAIEmbedderRetriesRateLimit(t *testing.T) {
	fake := testsupport.NewOpenAI(t)
	e := newFakeEmbedder(t, fake, OpenAIEmbedderConfig{})
	fake.FailNext(2, testsupport.Fault{Kind: testsupport.FaultRateLimit, RetryAfter: "0"})
	if _, err := e.Embed(context.Background(), texts(3)); err != nil {
		t.Fatalf("Embed after two 429s: %v", err)
	}
	if n := fake.RequestCount(testsupport.EndpointEmbeddings); n != 3 {
		t.Errorf("%d requests, want 3 (two refused, one served)", n)
	}
}

func TestOpenAIEmbedderErrors(t *testing.T) {
	tests := []struct {
		name  string
		fault testsupport.Fault
		cfg   OpenAIEmbedderConfig
		want  []string
	}{
		{"model not found", testsupport.Fault{Kind: testsupport.FaultStatus, Status: 404, Message: "model \"nomic\" not found, try pulling it first"},
			OpenAIEmbedderConfig{}, []string{"fake-embed", "404", "pull it", "embed_model"}},
		{"ollama style not found", testsupport.Fault{Kind: testsupport.FaultOllamaError, Status: 404, Message: "model not found"},
			OpenAIEmbedderConfig{}, []string{"pull it"}},
		{"bad key", testsupport.Fault{Kind: testsupport.FaultStatus, Status: 401, Message: "invalid key"},
			OpenAIEmbedderConfig{}, []string{"API key"}},
		{"wrong dimension", testsupport.Fault{Kind: testsupport.FaultWrongDimension, Dim: 5},
			OpenAIEmbedderConfig{Dimensions: 64}, []string{"5-dimensional", "expected 64"}},
		{"not finite", testsupport.Fault{Kind: testsupport.FaultNaN}, OpenAIEmbedderConfig{}, []string{"not finite"}},
		{"too few vectors", testsupport.Fault{Kind: testsupport.FaultShortEmbeddings}, OpenAIEmbedderConfig{}, []string{"sent 3 texts, got 2"}},
		{"malformed", testsupport.Fault{Kind: testsupport.FaultMalformedJSON}, OpenAIEmbedderConfig{}, []string{"fake-embed", "not valid JSON"}},
		{"timeout", testsupport.Fault{Kind: testsupport.FaultLatency, Delay: time.Minute},
			OpenAIEmbedderConfig{Timeout: 50 * time.Millisecond}, []string{"no answer within 50ms"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := testsupport.NewOpenAI(t)
			e := newFakeEmbedder(t, fake, tc.cfg)
			fake.SetFault(tc.fault)
			_, err := e.Embed(context.Background(), texts(3))
			if err == nil {
				t.Fatal("Embed succeeded")
			}
			t.Log(err)
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestOpenAIEmbedderDimensionChangeRefused(t *testing.T) {
	fake := testsupport.NewOpenAI(t, testsupport.WithEmbeddingDim(8))
	e := newFakeEmbedder(t, fake, OpenAIEmbedderConfig{})
	if _, err := e.Embed(context.Background(), texts(2)); err != nil {
		t.Fatal(err)
	}
	fake.FailNext(1, testsupport.Fault{Kind: testsupport.FaultWrongDimension})
	if _, err := e.Embed(context.Background(), texts(2)); err == nil || !strings.Contains(err.Error(), "expected 8") {
		t.Errorf("dimension change: %v", err)
	}
}

func TestOpenAIEmbedderConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String() + "/v1"
	ln.Close()
	e, err := NewOpenAIEmbedder(OpenAIEmbedderConfig{BaseURL: url, Model: "m", HTTPClient: &http.Client{}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Embed(context.Background(), texts(1))
	if err == nil || !strings.Contains(err.Error(), "is the model server running") {
		t.Errorf("error = %v", err)
	}
}

func TestOpenAIEmbedderNeedsModel(t *testing.T) {
	if _, err := NewOpenAIEmbedder(OpenAIEmbedderConfig{BaseURL: "http://127.0.0.1:1/v1"}); err == nil {
		t.Error("accepted a config without a model")
	}
}

func TestIndexWithOpenAIEmbedder(t *testing.T) {
	fake := testsupport.NewOpenAI(t, testsupport.WithEmbeddingDim(32))
	e := newFakeEmbedder(t, fake, OpenAIEmbedderConfig{BatchSize: 2})
	dir := t.TempDir()
	ix := mustOpen(t, dir, e, IndexOptions{BatchSize: 3})
	st := mustSync(t, ix, exampleDocs())
	texts, _ := fake.EmbeddedInputs()
	if texts != st.Chunks {
		t.Errorf("embedded %d texts for %d chunks", texts, st.Chunks)
	}
	hits, err := ix.Search(context.Background(), "museum of ancient pottery", SearchOptions{K: 1})
	if err != nil || len(hits) != 1 || hits[0].Chunk.DocID != "c.txt" {
		t.Errorf("search = %+v, %v", hits, err)
	}
	// A fresh embedder (dimension unknown until used) reopens the index.
	e2 := newFakeEmbedder(t, fake, OpenAIEmbedderConfig{})
	if _, err := Open(dir, e2, IndexOptions{}); err != nil {
		t.Errorf("reopen with the same model: %v", err)
	}
	// A configured dimension that differs is refused up front.
	e3 := newFakeEmbedder(t, fake, OpenAIEmbedderConfig{Dimensions: 64})
	var me *MismatchError
	if _, err := Open(dir, e3, IndexOptions{}); !errors.As(err, &me) {
		t.Errorf("reopen with dimension 64: %v, want *MismatchError", err)
	}
}
