package retrieval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/readout/readout/internal/httpretry"
)

// OpenAIEmbedderConfig configures an embedder that calls an
// OpenAI-compatible /v1/embeddings endpoint (OpenAI, Ollama, llama.cpp
// server, vLLM).
type OpenAIEmbedderConfig struct {
	// BaseURL ends in /v1, e.g. "http://localhost:11434/v1"; empty means
	// OpenAI's API.
	BaseURL string
	// APIKey is sent as a bearer token; empty sends none (local servers).
	APIKey string
	// Model is the embedding model id ("nomic-embed-text").
	Model string
	// BatchSize is how many texts go in one request (default 64).
	BatchSize int
	// Concurrency is how many requests run at once (default 2).
	Concurrency int
	// Timeout bounds each request (default 60s).
	Timeout time.Duration
	// Dimensions asks the model for vectors of this length (only models
	// that support it, like text-embedding-3-*); 0 takes the model's own
	// and learns it from the first answer.
	Dimensions int
	// HTTPClient sends the requests; nil means a client that retries rate
	// limits and overloads (internal/httpretry).
	HTTPClient *http.Client
	// Logger receives retry warnings when HTTPClient is nil.
	Logger *slog.Logger
}

// OpenAIEmbedder embeds texts with an OpenAI-compatible server, in batches
// with bounded concurrency. It checks every answer: one vector per input,
// placed by its index, all finite, all of one dimension. It is safe for
// concurrent use.
type OpenAIEmbedder struct {
	cfg    OpenAIEmbedderConfig
	client *openai.Client

	mu  sync.Mutex
	dim int // expected dimension: cfg.Dimensions or the first answer's
}

// NewOpenAIEmbedder returns an embedder for cfg. It makes no request: a
// wrong URL or model shows up on the first Embed, with advice.
func NewOpenAIEmbedder(cfg OpenAIEmbedderConfig) (*OpenAIEmbedder, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("openai embedder: no model configured: set embed_model")
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 64
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 2
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.Dimensions < 0 {
		return nil, fmt.Errorf("openai embedder: dimensions %d is negative", cfg.Dimensions)
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	if cfg.BaseURL != "" {
		oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	}
	if cfg.HTTPClient != nil {
		oc.HTTPClient = cfg.HTTPClient
	} else {
		oc.HTTPClient = &http.Client{Transport: &httpretry.Transport{Logger: cfg.Logger}}
	}
	cfg.BaseURL = oc.BaseURL
	return &OpenAIEmbedder{cfg: cfg, client: openai.NewClientWithConfig(oc), dim: cfg.Dimensions}, nil
}

// Name returns "openai:" + the model id.
func (e *OpenAIEmbedder) Name() string { return "openai:" + e.cfg.Model }

// Dimension returns the configured dimension, else the one learned from
// the first answer, else 0.
func (e *OpenAIEmbedder) Dimension() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dim
}

// Embed returns one vector per text, in order. Texts are sent in batches of
// BatchSize, Concurrency at a time; the first failure cancels the rest.
func (e *OpenAIEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	if len(texts) == 0 {
		return out, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
		sem      = make(chan struct{}, e.cfg.Concurrency)
	)
	for start := 0; start < len(texts); start += e.cfg.BatchSize {
		end := min(start+e.cfg.BatchSize, len(texts))
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(start, end int) {
			defer wg.Done()
			defer func() { <-sem }()
			vecs, err := e.embedBatch(ctx, texts[start:end])
			if err != nil {
				errOnce.Do(func() { firstErr = err; cancel() })
				return
			}
			copy(out[start:end], vecs)
		}(start, end)
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("embedding model %s: %w", e.cfg.Model, err)
	}
	return out, nil
}

// embedBatch makes one request and checks the answer.
func (e *OpenAIEmbedder) embedBatch(ctx context.Context, batch []string) ([][]float32, error) {
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	resp, err := e.client.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{
		Input:      batch,
		Model:      openai.EmbeddingModel(e.cfg.Model),
		Dimensions: e.cfg.Dimensions,
	})
	if err != nil {
		return nil, e.explain(ctx, err)
	}
	if len(resp.Data) != len(batch) {
		return nil, fmt.Errorf("embedding model %s at %s: sent %d texts, got %d vectors back: the server is not OpenAI-compatible or dropped inputs",
			e.cfg.Model, e.cfg.BaseURL, len(batch), len(resp.Data))
	}
	vecs := make([][]float32, len(batch))
	for _, d := range resp.Data {
		if d.Index < 0 || d.Index >= len(batch) || vecs[d.Index] != nil {
			return nil, fmt.Errorf("embedding model %s at %s: answer has a missing or repeated index %d", e.cfg.Model, e.cfg.BaseURL, d.Index)
		}
		if err := checkVector(d.Embedding); err != nil {
			return nil, fmt.Errorf("embedding model %s at %s: vector %d: %w", e.cfg.Model, e.cfg.BaseURL, d.Index, err)
		}
		if err := e.checkDim(len(d.Embedding)); err != nil {
			return nil, err
		}
		vecs[d.Index] = d.Embedding
	}
	return vecs, nil
}

// checkDim learns the dimension from the first vector and refuses any
// other afterwards: vectors of two lengths cannot share an index.
func (e *OpenAIEmbedder) checkDim(n int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dim == 0 {
		e.dim = n
		return nil
	}
	if n != e.dim {
		return fmt.Errorf("embedding model %s at %s returned %d-dimensional vectors, expected %d: set embed_dimensions to what the model returns, or use a model that supports it",
			e.cfg.Model, e.cfg.BaseURL, n, e.dim)
	}
	return nil
}

// checkVector refuses empty, zero, non-finite or overflowing vectors.
func checkVector(v []float32) error {
	if len(v) == 0 {
		return errors.New("empty vector")
	}
	var s float32 // float32 on purpose: overflow here means overflow in similarity
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return errors.New("vector is not finite (NaN or Inf)")
		}
		s += x * x
	}
	if math.IsInf(float64(s), 0) || math.IsNaN(float64(s)) {
		return errors.New("vector overflows (its norm is not finite)")
	}
	if s == 0 {
		return errors.New("zero vector")
	}
	return nil
}

// explain wraps a request error with what the operator can do about it.
func (e *OpenAIEmbedder) explain(ctx context.Context, err error) error {
	where := fmt.Sprintf("embedding model %s at %s", e.cfg.Model, e.cfg.BaseURL)
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	status := 0
	switch {
	case errors.As(err, &apiErr):
		status = apiErr.HTTPStatusCode
	case errors.As(err, &reqErr):
		status = reqErr.HTTPStatusCode
	}
	var hint string
	switch {
	case status == http.StatusNotFound || strings.Contains(strings.ToLower(err.Error()), "not found"):
		hint = "model not found: pull it (ollama pull " + e.cfg.Model + ") or fix embed_model, and check embed_base_url ends in /v1"
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		hint = "the server refused the API key: check the embedding API key"
	case status == http.StatusTooManyRequests:
		hint = "rate limited even after retries: lower embedding concurrency or try later"
	case status == http.StatusBadRequest:
		hint = "the server rejected the input: a passage may exceed the model's context; lower the chunk size"
	case status >= 500:
		hint = "the model server failed even after retries: check its logs"
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
		hint = fmt.Sprintf("no answer within %s: the server is slow or overloaded; raise the timeout or lower the batch size", e.cfg.Timeout)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, new(*json.SyntaxError)):
		hint = "the answer was not valid JSON: check that embed_base_url points at an OpenAI-compatible /v1 endpoint"
	case isConnRefused(err):
		hint = "cannot connect: is the model server running? check embed_base_url"
	}
	if hint == "" {
		return fmt.Errorf("%s: %w", where, err)
	}
	return fmt.Errorf("%s: %w: %s", where, err, hint)
}

func isConnRefused(err error) bool {
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}
