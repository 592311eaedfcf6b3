package testsupport

import (
	"context"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

func newClient(f *OpenAI, key string) *openai.Client {
	cfg := openai.DefaultConfig(key)
	cfg.BaseURL = f.URL()
	return openai.NewClientWithConfig(cfg)
}

// drain reads a stream to its end and returns the text, the last finish
// reason and the terminating error (io.EOF on a clean end).
func drain(t *testing.T, s *openai.ChatCompletionStream) (string, openai.FinishReason, error) {
	t.Helper()
	var b strings.Builder
	var finish openai.FinishReason
	for {
		resp, err := s.Recv()
		if err != nil {
			return b.String(), finish, err
		}
		for _, c := range resp.Choices {
			b.WriteString(c.Delta.Content)
			if c.FinishReason != "" {
				finish = c.FinishReason
			}
		}
	}
}

func chatReq(stream bool) openai.ChatCompletionRequest {
	return openai.ChatCompletionRequest{
		Model:    "fake-chat",
		Messages: []openai.ChatCompletionMessage{{Role: "system", Content: "sys"}, {Role: "user", Content: "alpha beta gamma delta epsilon"}},
		Stream:   stream,
	}
}

func TestOpenAIChatStreamAndJSON(t *testing.T) {
	f := NewOpenAI(t, WithAPIKey("sk-secret"))
	f.SetChat(func(r ChatRequest) string { return "You said: " + r.LastUser() })
	c := newClient(f, "sk-secret")
	ctx := context.Background()

	s, err := c.CreateChatCompletionStream(ctx, chatReq(true))
	if err != nil {
		t.Fatal(err)
	}
	text, finish, err := drain(t, s)
	s.Close()
	if !errors.Is(err, io.EOF) || finish != openai.FinishReasonStop || text != "You said: alpha beta gamma delta epsilon" {
		t.Fatalf("stream = %q, %q, %v", text, finish, err)
	}

	resp, err := c.CreateChatCompletion(ctx, chatReq(false))
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Choices[0].Message.Content; got != text || resp.Choices[0].FinishReason != openai.FinishReasonStop {
		t.Fatalf("json = %q %q", got, resp.Choices[0].FinishReason)
	}

	reqs := f.ChatRequests()
	if len(reqs) != 2 || reqs[0].System() != "sys" || !reqs[0].Stream || reqs[1].Stream {
		t.Fatalf("recorded chat requests: %+v", reqs)
	}
	for _, r := range f.Requests() {
		if strings.Contains(r.Header.Get("Authorization"), "sk-secret") {
			t.Fatal("API key recorded in clear")
		}
	}

	// Wrong key: 401 as an *APIError.
	_, err = newClient(f, "wrong").CreateChatCompletion(ctx, chatReq(false))
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong key: %v", err)
	}
}

func TestOpenAIChatFaults(t *testing.T) {
	tests := []struct {
		name  string
		fault Fault
		check func(t *testing.T, text string, finish openai.FinishReason, openErr, recvErr error)
	}{
		{"rate limit", Fault{Kind: FaultRateLimit, RetryAfter: "7"}, func(t *testing.T, _ string, _ openai.FinishReason, openErr, _ error) {
			var e *openai.APIError
			if !errors.As(openErr, &e) || e.HTTPStatusCode != 429 {
				t.Fatalf("got %v", openErr)
			}
		}},
		{"502 html", Fault{Kind: FaultStatus, Status: 502, Body: "<html>bad gateway</html>"}, func(t *testing.T, _ string, _ openai.FinishReason, openErr, _ error) {
			var e *openai.RequestError
			if !errors.As(openErr, &e) || e.HTTPStatusCode != 502 {
				t.Fatalf("got %v", openErr)
			}
		}},
		{"ollama error", Fault{Kind: FaultOllamaError}, func(t *testing.T, _ string, _ openai.FinishReason, openErr, _ error) {
			var e *openai.RequestError
			if !errors.As(openErr, &e) || !strings.Contains(string(e.Body), "unexpectedly stopped") {
				t.Fatalf("got %v", openErr)
			}
		}},
		{"cut stream", Fault{Kind: FaultCutStream}, func(t *testing.T, text string, finish openai.FinishReason, openErr, recvErr error) {
			if openErr != nil || !errors.Is(recvErr, io.EOF) || finish != "" || text == "" || strings.HasSuffix(text, "epsilon") {
				t.Fatalf("got %q %q %v %v", text, finish, openErr, recvErr)
			}
		}},
		{"mid-stream error", Fault{Kind: FaultMidStreamError, Message: "boom"}, func(t *testing.T, _ string, _ openai.FinishReason, openErr, recvErr error) {
			var e *openai.APIError
			if openErr != nil || !errors.As(recvErr, &e) || e.Message != "boom" {
				t.Fatalf("got %v %v", openErr, recvErr)
			}
		}},
		{"truncated", Fault{Kind: FaultTruncated}, func(t *testing.T, text string, finish openai.FinishReason, _, recvErr error) {
			if finish != openai.FinishReasonLength || !errors.Is(recvErr, io.EOF) || strings.HasSuffix(text, "epsilon") {
				t.Fatalf("got %q %q %v", text, finish, recvErr)
			}
		}},
		{"empty", Fault{Kind: FaultEmptyAnswer}, func(t *testing.T, text string, finish openai.FinishReason, _, _ error) {
			if text != "" || finish != openai.FinishReasonStop {
				t.Fatalf("got %q %q", text, finish)
			}
		}},
		{"malformed", Fault{Kind: FaultMalformedJSON}, func(t *testing.T, _ string, _ openai.FinishReason, openErr, recvErr error) {
			if openErr != nil || recvErr == nil || errors.Is(recvErr, io.EOF) {
				t.Fatalf("got %v %v", openErr, recvErr)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := NewOpenAI(t, WithChat(func(r ChatRequest) string { return r.LastUser() }))
			f.FailNext(1, tt.fault)
			s, openErr := newClient(f, "").CreateChatCompletionStream(context.Background(), chatReq(true))
			var text string
			var finish openai.FinishReason
			var recvErr error
			if openErr == nil {
				text, finish, recvErr = drain(t, s)
				s.Close()
			}
			tt.check(t, text, finish, openErr, recvErr)
			// The fault was for one request only.
			s2, err := newClient(f, "").CreateChatCompletionStream(context.Background(), chatReq(true))
			if err != nil {
				t.Fatal(err)
			}
			if text, finish, _ := drain(t, s2); finish != openai.FinishReasonStop || text != "alpha beta gamma delta epsilon" {
				t.Fatalf("second request: %q %q", text, finish)
			}
			s2.Close()
		})
	}
}

func TestOpenAIStallAndLatencyEndWithClient(t *testing.T) {
	f := NewOpenAI(t, WithChat(func(r ChatRequest) string { return r.LastUser() }))
	f.SetFault(Fault{Kind: FaultStallStream})
	ctx, cancel := context.WithCancel(context.Background())
	s, err := newClient(f, "").CreateChatCompletionStream(ctx, chatReq(true))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Read the first half, then give up: Recv must return, not hang.
	if _, err := s.Recv(); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, _, err := drain(t, s); err == nil || errors.Is(err, io.EOF) {
		t.Fatalf("stalled stream ended with %v", err)
	}

	f.ClearFaults()
	f.SetFault(Fault{Kind: FaultLatency, Delay: time.Hour})
	ctx2, cancel2 := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel2()
	if _, err := newClient(f, "").CreateChatCompletion(ctx2, chatReq(false)); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("latency: %v", err)
	}
}

func TestOpenAIEmbeddings(t *testing.T) {
	f := NewOpenAI(t, WithEmbeddingDim(16))
	c := newClient(f, "")
	ctx := context.Background()
	in := []string{"Spokesperson Jane Example said", "an unrelated sentence", "Spokesperson Jane Example said"}
	resp, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: in, Model: "fake-embed"})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Data) != 3 || len(resp.Data[0].Embedding) != 16 || resp.Data[2].Index != 2 {
		t.Fatalf("bad response: %+v", resp)
	}
	if d, _ := resp.Data[0].DotProduct(&resp.Data[2]); math.Abs(float64(d)-1) > 1e-5 {
		t.Fatalf("same text, dot %v", d)
	}
	if texts, calls := f.EmbeddedInputs(); texts != 3 || calls != 1 {
		t.Fatalf("counted %d texts in %d calls", texts, calls)
	}

	// A single string input.
	one, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequest{Input: "one", Model: "fake-embed"})
	if err != nil || len(one.Data) != 1 {
		t.Fatalf("single input: %v %+v", err, one)
	}

	f.FailNext(1, Fault{Kind: FaultWrongDimension})
	wrong, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: in[:1]})
	if err != nil || len(wrong.Data[0].Embedding) != 17 {
		t.Fatalf("wrong dimension: %v", err)
	}

	f.FailNext(1, Fault{Kind: FaultNaN})
	nan, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: in[:1], EncodingFormat: openai.EmbeddingEncodingFormatBase64})
	if err != nil || !math.IsNaN(float64(nan.Data[0].Embedding[0])) {
		t.Fatalf("NaN base64: %v %v", err, nan.Data)
	}
	f.FailNext(1, Fault{Kind: FaultNaN})
	huge, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: in[:1]})
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := huge.Data[0].DotProduct(&huge.Data[0]); !math.IsInf(float64(d), 1) {
		t.Fatalf("huge vector's norm is finite: %v", d)
	}

	f.FailNext(1, Fault{Kind: FaultRateLimit, Endpoint: EndpointEmbeddings, RetryAfter: "2"})
	_, err = c.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{Input: in[:1]})
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 429 {
		t.Fatalf("rate limit: %v", err)
	}
	last := f.Requests()[len(f.Requests())-1]
	if last.Path != EndpointEmbeddings || !strings.Contains(string(last.Body), "Spokesperson Jane Example") {
		t.Fatalf("recorded %+v", last)
	}

	models, err := c.ListModels(ctx)
	if err != nil || len(models.Models) != 2 || models.Models[0].ID != "fake-chat" {
		t.Fatalf("models: %v %+v", err, models)
	}
}
