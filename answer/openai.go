package answer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/readout/readout/internal/httpretry"
	"github.com/readout/readout/telemetry"
)

// Defaults for OpenAIChatConfig's zero fields.
const (
	DefaultChatTimeout   = 90 * time.Second
	DefaultChatMaxTokens = 1024
	// minTemperature stands in for 0: go-openai drops a zero temperature
	// (omitempty) and the server would then use its own default (often
	// 0.7-1.0). This is greedy decoding in effect.
	minTemperature = 1e-6
)

// The ways a completion can fail after the server accepted it. Complete
// wraps them with a sentence for the operator; test with errors.Is.
var (
	// ErrIncomplete: the stream ended (io.EOF, or no [DONE]) without a
	// finish_reason, so the text may be cut off anywhere.
	ErrIncomplete = errors.New("the model's answer stream ended before the model finished")
	// ErrTruncated: the model stopped at its token limit (finish_reason
	// "length"). Complete returns the text so far together with it.
	ErrTruncated = errors.New("the model's answer was cut off at its length limit")
	// ErrEmptyAnswer: the model finished without any text (after removing
	// reasoning blocks).
	ErrEmptyAnswer = errors.New("the model returned an empty answer")
	// ErrFiltered: the server's content filter stopped the answer.
	ErrFiltered = errors.New("the model server's content filter stopped the answer")
)

// OpenAIChatConfig configures NewOpenAIChat. Only BaseURL and Model are
// required.
type OpenAIChatConfig struct {
	// BaseURL is the API root, e.g. "https://api.openai.com/v1" or
	// "http://localhost:11434/v1" (Ollama).
	BaseURL string
	// APIKey is sent as a bearer token; empty sends none (local servers).
	APIKey string
	Model  string
	// Timeout bounds one whole completion, streaming included
	// (DefaultChatTimeout when 0).
	Timeout time.Duration
	// MaxTokens bounds the answer's length (DefaultChatMaxTokens when 0).
	MaxTokens int
	// Temperature 0 is sent as a tiny positive value (see minTemperature).
	Temperature float32
	// HTTPClient performs the requests; nil uses a new client. Its
	// transport is wrapped in an httpretry.Transport unless it already is
	// one, so 429 and 5xx answers are retried before a stream starts.
	HTTPClient *http.Client
	// MaxRetries and RetryMaxWait configure the retrying transport (see
	// httpretry.Transport; 0 means its defaults, MaxRetries < 0 none).
	MaxRetries   int
	RetryMaxWait time.Duration
	// Logger receives retry warnings; nil logs nothing.
	Logger *slog.Logger
	// Metrics counts the tokens the server reports (prompt, completion);
	// nil counts nothing.
	Metrics *telemetry.Metrics
}

// OpenAIChat is a ChatModel served by an OpenAI-compatible API (OpenAI,
// Ollama, llama.cpp server, vLLM), streamed with go-openai.
type OpenAIChat struct {
	cfg    OpenAIChatConfig
	client *openai.Client
	// invalid is why cfg cannot work; Complete returns it.
	invalid error
	// shownURL is the base URL as error messages may show it.
	shownURL string
}

// NewOpenAIChat returns a chat model for cfg. It makes no request; a
// configuration that cannot work (no model, a base URL that is not http or
// https) makes every Complete fail with an error that says so, which
// config validation is expected to have caught earlier.
func NewOpenAIChat(cfg OpenAIChatConfig) *OpenAIChat {
	var invalid error
	if strings.TrimSpace(cfg.Model) == "" {
		invalid = errors.New("chat model: no model name configured")
	} else if !strings.HasPrefix(cfg.BaseURL, "http://") && !strings.HasPrefix(cfg.BaseURL, "https://") {
		invalid = errors.New("chat model: the base URL must start with http:// or https://")
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	shown := cfg.BaseURL
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		shown = u.Redacted() // never repeat a password given in the URL
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultChatTimeout
	}
	if cfg.MaxTokens <= 0 {
		cfg.MaxTokens = DefaultChatMaxTokens
	}
	var hc http.Client
	if cfg.HTTPClient != nil {
		hc = *cfg.HTTPClient
	}
	if _, ok := hc.Transport.(*httpretry.Transport); !ok {
		hc.Transport = &httpretry.Transport{
			Base:       hc.Transport,
			MaxRetries: cfg.MaxRetries,
			MaxWait:    cfg.RetryMaxWait,
			Logger:     cfg.Logger,
		}
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	oc.HTTPClient = &hc
	return &OpenAIChat{cfg: cfg, client: openai.NewClientWithConfig(oc), invalid: invalid, shownURL: shown}
}

// Name identifies the model in logs and answers: "openai:<model>".
func (c *OpenAIChat) Name() string { return "openai:" + c.cfg.Model }

// reasoningModel reports whether OpenAI's rules for reasoning models apply
// (no temperature, max_completion_tokens instead of max_tokens); go-openai
// refuses such requests otherwise.
func reasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// Complete streams a completion of msgs. onDelta, when not nil, receives
// the answer's visible text piece by piece: <think> blocks are held back
// (an unmatched leading </think> cannot be taken back from a stream, so it
// is passed through and StripThink on the whole removes it).
//
// The returned text has reasoning blocks removed. A stream that ends
// without a finish_reason is ErrIncomplete; finish_reason "length" returns
// the text so far with an error wrapping ErrTruncated; an empty answer is
// ErrEmptyAnswer. Other errors say what the operator should check.
func (c *OpenAIChat) Complete(ctx context.Context, msgs []Message, onDelta func(string)) (string, error) {
	if c.invalid != nil {
		return "", c.invalid
	}
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()

	// include_usage asks for the token counts in a last chunk; servers that
	// do not know it ignore it.
	req := openai.ChatCompletionRequest{Model: c.cfg.Model, Stream: true,
		StreamOptions: &openai.StreamOptions{IncludeUsage: true}}
	for _, m := range msgs {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	if reasoningModel(c.cfg.Model) {
		req.MaxCompletionTokens = c.cfg.MaxTokens
	} else {
		// max_tokens, not max_completion_tokens: Ollama, llama.cpp server
		// and vLLM read the former, and OpenAI still accepts it for
		// non-reasoning models.
		req.MaxTokens = c.cfg.MaxTokens //lint:ignore SA1019 see above
		req.Temperature = c.cfg.Temperature
		if req.Temperature <= 0 {
			req.Temperature = minTemperature
		}
	}

	stream, err := c.client.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return "", c.explain(ctx, err)
	}
	defer stream.Close()

	var raw strings.Builder
	emitted := ""
	var finish openai.FinishReason
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", c.explain(ctx, err)
		}
		if u := resp.Usage; u != nil && c.cfg.Metrics != nil {
			c.cfg.Metrics.ModelTokens.WithLabelValues("prompt").Add(float64(u.PromptTokens))
			c.cfg.Metrics.ModelTokens.WithLabelValues("completion").Add(float64(u.CompletionTokens))
		}
		for _, ch := range resp.Choices {
			if ch.Index != 0 {
				continue
			}
			raw.WriteString(ch.Delta.Content)
			if ch.FinishReason != "" && ch.FinishReason != openai.FinishReasonNull {
				finish = ch.FinishReason
			}
		}
		if onDelta != nil {
			visible := stripThink(raw.String(), true, true)
			if strings.HasPrefix(visible, emitted) && len(visible) > len(emitted) {
				onDelta(visible[len(emitted):])
			}
			emitted = visible
		}
	}
	text := StripThink(raw.String(), false)
	switch finish {
	case "":
		return "", fmt.Errorf("%s: %w; the server may have crashed or dropped the connection, try again", c.Name(), ErrIncomplete)
	case openai.FinishReasonLength:
		if text == "" {
			return "", fmt.Errorf("%s: %w before any answer text (it may have spent them all reasoning); raise max_tokens", c.Name(), ErrTruncated)
		}
		return text, fmt.Errorf("%s: %w (max_tokens %d); raise max_tokens for longer answers", c.Name(), ErrTruncated, c.cfg.MaxTokens)
	case openai.FinishReasonContentFilter:
		return "", fmt.Errorf("%s: %w", c.Name(), ErrFiltered)
	}
	if text == "" {
		return "", fmt.Errorf("%s: %w", c.Name(), ErrEmptyAnswer)
	}
	return text, nil
}

// explain wraps a request or stream error with a sentence saying what to
// check. It keeps the cause for errors.As.
func (c *OpenAIChat) explain(ctx context.Context, err error) error {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	var netErr net.Error
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s did not finish within %s; the server is slow or overloaded: raise the chat timeout or use a smaller model: %w", c.Name(), c.cfg.Timeout, err)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%s: request cancelled: %w", c.Name(), err)
	// RequestError first: for a body like Ollama's {"error":"..."} it wraps
	// an empty APIError.
	case errors.As(err, &reqErr):
		return fmt.Errorf("%s: the model server failed (HTTP %d, body %q): %s: %w", c.Name(), reqErr.HTTPStatusCode, snippet(string(reqErr.Body), 200), statusAdvice(reqErr.HTTPStatusCode), err)
	case errors.As(err, &apiErr) && apiErr.HTTPStatusCode == 0:
		return fmt.Errorf("%s: the model server reported an error in the middle of its answer; try again later, and check its logs if this persists: %w", c.Name(), err)
	case errors.As(err, &apiErr):
		return fmt.Errorf("%s: the model server refused (HTTP %d): %s: %w", c.Name(), apiErr.HTTPStatusCode, statusAdvice(apiErr.HTTPStatusCode), err)
	case errors.As(err, &netErr):
		return fmt.Errorf("%s: cannot reach the model server at %s; check that it is running and the base URL is right: %w", c.Name(), c.shownURL, err)
	}
	return fmt.Errorf("%s: the model server's answer could not be read; check that %s is an OpenAI-compatible API: %w", c.Name(), c.shownURL, err)
}

// statusAdvice says what to do about an HTTP status from the model server.
func statusAdvice(code int) string {
	switch {
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return "check the API key"
	case code == http.StatusNotFound:
		return "check the model name and the base URL (it usually ends in /v1)"
	case code == http.StatusTooManyRequests:
		return "rate limited even after retries; wait a minute or raise the account's limits"
	case code == http.StatusBadRequest:
		return "the server rejected the request; check the model supports chat completions"
	case code >= 500:
		return "the server failed even after retries; check its logs, or try again later"
	case code == 0:
		return "check the server's logs"
	}
	return "check the server's logs"
}

func snippet(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
