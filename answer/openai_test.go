package answer

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/readout/readout/internal/testsupport"
)

// newTestChat points an OpenAIChat at the fake with fast retries.
func newTestChat(f *testsupport.OpenAI, timeout time.Duration) *OpenAIChat {
	return NewOpenAIChat(OpenAIChatConfig{
		BaseURL: f.URL(), APIKey: "sk-test-key", Model: "fake-chat", Timeout: timeout,
		MaxRetries: 2, RetryMaxWait: time.Millisecond,
	})
}

var testMsgs = []Message{{Role: "system", Content: "Be brief."}, {Role: "user", Content: "Say something."}}

func TestOpenAIChatStreams(t *testing.T) {
	f := testsupport.NewOpenAI(t, testsupport.WithAPIKey("sk-test-key"))
	f.SetChat(func(r testsupport.ChatRequest) string {
		return "<think>private reasoning with a fake “quote” [7]</think>\n\nSpokesperson Jane Example spoke on Monday about the talks [1]."
	})
	c := newTestChat(f, 5*time.Second)
	var deltas []string
	text, err := c.Complete(context.Background(), testMsgs, func(d string) { deltas = append(deltas, d) })
	if err != nil {
		t.Fatal(err)
	}
	want := "Spokesperson Jane Example spoke on Monday about the talks [1]."
	if text != want {
		t.Fatalf("text %q", text)
	}
	joined := strings.Join(deltas, "")
	if joined != want || len(deltas) < 2 {
		t.Fatalf("deltas %q", deltas)
	}
	if strings.Contains(joined, "reasoning") {
		t.Fatal("reasoning leaked into the stream")
	}
	reqs := f.ChatRequests()
	if len(reqs) != 1 || !reqs[0].Stream || reqs[0].Temperature == nil || *reqs[0].Temperature <= 0 || *reqs[0].Temperature > 0.001 {
		t.Fatalf("request %+v (temperature must be sent, tiny and positive)", reqs)
	}
	if reqs[0].MaxTokens != DefaultChatMaxTokens || reqs[0].System() != "Be brief." {
		t.Fatalf("request %+v", reqs[0])
	}
	if c.Name() != "openai:fake-chat" {
		t.Fatal(c.Name())
	}
}

func TestOpenAIChatFailures(t *testing.T) {
	tests := []struct {
		name    string
		fault   testsupport.Fault
		times   int // 0: every request
		timeout time.Duration
		check   func(t *testing.T, text string, err error)
	}{
		{"cut before [DONE]", testsupport.Fault{Kind: testsupport.FaultCutStream}, 0, 0, func(t *testing.T, text string, err error) {
			if !errors.Is(err, ErrIncomplete) || text != "" {
				t.Fatalf("got %q, %v", text, err)
			}
		}},
		{"truncated", testsupport.Fault{Kind: testsupport.FaultTruncated}, 0, 0, func(t *testing.T, text string, err error) {
			if !errors.Is(err, ErrTruncated) || text == "" {
				t.Fatalf("got %q, %v", text, err)
			}
		}},
		{"empty", testsupport.Fault{Kind: testsupport.FaultEmptyAnswer}, 0, 0, func(t *testing.T, text string, err error) {
			if !errors.Is(err, ErrEmptyAnswer) {
				t.Fatalf("got %q, %v", text, err)
			}
		}},
		{"mid-stream error", testsupport.Fault{Kind: testsupport.FaultMidStreamError, Message: "overloaded"}, 0, 0, func(t *testing.T, _ string, err error) {
			var apiErr *openai.APIError
			if !errors.As(err, &apiErr) || !strings.Contains(err.Error(), "try again later") {
				t.Fatalf("got %v", err)
			}
		}},
		{"500 every time", testsupport.Fault{Kind: testsupport.FaultStatus, Status: 500}, 0, 0, func(t *testing.T, _ string, err error) {
			var apiErr *openai.APIError
			if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 500 || !strings.Contains(err.Error(), "after retries") {
				t.Fatalf("got %v", err)
			}
		}},
		{"429 then success", testsupport.Fault{Kind: testsupport.FaultRateLimit, RetryAfter: "0"}, 1, 0, func(t *testing.T, text string, err error) {
			if err != nil || text == "" {
				t.Fatalf("got %q, %v", text, err)
			}
		}},
		{"503 twice then success", testsupport.Fault{Kind: testsupport.FaultStatus, Status: 503}, 2, 0, func(t *testing.T, text string, err error) {
			if err != nil || text == "" {
				t.Fatalf("got %q, %v", text, err)
			}
		}},
		{"ollama error", testsupport.Fault{Kind: testsupport.FaultOllamaError, Status: 404, Message: "model \"x\" not found"}, 0, 0, func(t *testing.T, _ string, err error) {
			var reqErr *openai.RequestError
			if !errors.As(err, &reqErr) || !strings.Contains(err.Error(), "check the model name") {
				t.Fatalf("got %v", err)
			}
		}},
		{"stalled stream times out", testsupport.Fault{Kind: testsupport.FaultStallStream}, 0, 200 * time.Millisecond, func(t *testing.T, _ string, err error) {
			if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "raise the chat timeout") {
				t.Fatalf("got %v", err)
			}
		}},
		{"malformed stream", testsupport.Fault{Kind: testsupport.FaultMalformedJSON}, 0, 0, func(t *testing.T, _ string, err error) {
			if err == nil {
				t.Fatal("no error")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := testsupport.NewOpenAI(t, testsupport.WithChat(func(testsupport.ChatRequest) string {
				return "Jane Example said the talks would resume in April [1]."
			}))
			if tt.times > 0 {
				f.FailNext(tt.times, tt.fault)
			} else {
				f.SetFault(tt.fault)
			}
			timeout := tt.timeout
			if timeout == 0 {
				timeout = 5 * time.Second
			}
			text, err := newTestChat(f, timeout).Complete(context.Background(), testMsgs, nil)
			tt.check(t, text, err)
			if err != nil && strings.Contains(err.Error(), "sk-test-key") {
				t.Fatal("error message contains the API key")
			}
		})
	}
}

func TestOpenAIChatInvalidConfig(t *testing.T) {
	for _, cfg := range []OpenAIChatConfig{{BaseURL: "http://127.0.0.1:1/v1"}, {BaseURL: "localhost:11434", Model: "m"}} {
		if _, err := NewOpenAIChat(cfg).Complete(context.Background(), testMsgs, nil); err == nil {
			t.Errorf("%+v: no error", cfg)
		}
	}
}

func TestOpenAIChatReasoningModelRequest(t *testing.T) {
	f := testsupport.NewOpenAI(t)
	c := NewOpenAIChat(OpenAIChatConfig{BaseURL: f.URL(), Model: "o3-mini", MaxTokens: 300})
	if _, err := c.Complete(context.Background(), testMsgs, nil); err != nil {
		t.Fatal(err)
	}
	r := f.ChatRequests()[0]
	if r.Temperature != nil || r.MaxTokens != 0 || r.MaxCompletionTokens != 300 {
		t.Fatalf("reasoning model request %+v", r)
	}
}

func TestOpenAIChatUnreachableRedactsURL(t *testing.T) {
	c := NewOpenAIChat(OpenAIChatConfig{BaseURL: "http://user:hunter2@127.0.0.1:1/v1", Model: "m", MaxRetries: -1, Timeout: 5 * time.Second})
	_, err := c.Complete(context.Background(), testMsgs, nil)
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "running") {
		t.Fatalf("got %v", err)
	}
}
