package answer

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/telemetry"
)

// waitGoroutines waits, up to a deadline, for the goroutine count to come
// back to at most want, and fails with a dump of the goroutines if it does
// not: a goroutine left behind by a failed model call is a leak.
func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines, want at most %d: leaked\n%s", n, want, buf)
		}
		runtime.Gosched()
		time.Sleep(5 * time.Millisecond) // polling interval, not synchronisation
	}
}

// counterValue reads a counter (prometheus/testutil needs a module this
// repository does not pin).
func counterValue(c prometheus.Counter) float64 {
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		return -1
	}
	return m.GetCounter().GetValue()
}

// closedPort returns the address of a port nobody listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestModelServerFaults drives every way the model server fails through the
// whole pipeline: each ends in an extractive answer of verified quotations
// with a notice for the reader, one model-error metric, a log line naming
// the failure, and no goroutine or connection left behind.
func TestModelServerFaults(t *testing.T) {
	proxy502 := "<html><body><h1>502 Bad Gateway</h1></body></html>"
	tests := []struct {
		name    string
		fault   testsupport.Fault
		baseURL func(t *testing.T, f *testsupport.OpenAI) string // nil: the fake
		reason  string                                           // in the notice
	}{
		{name: "connection refused", baseURL: func(t *testing.T, _ *testsupport.OpenAI) string {
			return "http://" + closedPort(t) + "/v1"
		}, reason: "could not be reached"},
		{name: "DNS failure", baseURL: func(*testing.T, *testsupport.OpenAI) string {
			return "http://readout-test.invalid/v1"
		}, reason: "could not be reached"},
		{name: "429 with Retry-After", fault: testsupport.Fault{Kind: testsupport.FaultRateLimit, RetryAfter: "1"}, reason: "HTTP 429"},
		{name: "429 without Retry-After", fault: testsupport.Fault{Kind: testsupport.FaultRateLimit}, reason: "HTTP 429"},
		{name: "500", fault: testsupport.Fault{Kind: testsupport.FaultStatus, Status: 500}, reason: "HTTP 500"},
		{name: "502 from a proxy", fault: testsupport.Fault{Kind: testsupport.FaultStatus, Status: 502, Body: proxy502}, reason: "HTTP 502"},
		{name: "503", fault: testsupport.Fault{Kind: testsupport.FaultStatus, Status: 503}, reason: "HTTP 503"},
		{name: "no response (timeout)", fault: testsupport.Fault{Kind: testsupport.FaultLatency, Delay: time.Minute}, reason: "timed out"},
		{name: "stream cut before [DONE]", fault: testsupport.Fault{Kind: testsupport.FaultCutStream}, reason: "cut off mid-stream"},
		{name: "stream stalls half-way", fault: testsupport.Fault{Kind: testsupport.FaultStallStream}, reason: "timed out"},
		{name: "error mid-stream", fault: testsupport.Fault{Kind: testsupport.FaultMidStreamError, Message: "overloaded"}, reason: "mid-answer"},
		{name: "malformed JSON", fault: testsupport.Fault{Kind: testsupport.FaultMalformedJSON}, reason: "could not be read"},
		{name: "empty answer", fault: testsupport.Fault{Kind: testsupport.FaultEmptyAnswer}, reason: "empty answer"},
		{name: "ollama error body", fault: testsupport.Fault{Kind: testsupport.FaultOllamaError, Status: 500}, reason: "HTTP 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := testsupport.NewOpenAI(t, testsupport.WithChat(func(r testsupport.ChatRequest) string {
				return "Quoting “" + firstSentence(promptPassages(r.LastUser())[1]) + "” [1]."
			}))
			if tt.fault.Kind != testsupport.FaultNone {
				f.SetFault(tt.fault)
			}
			base := f.URL()
			if tt.baseURL != nil {
				base = tt.baseURL(t, f)
			}
			before := runtime.NumGoroutine()

			transport := &http.Transport{}
			logs := &testsupport.LogBuffer{}
			p := &Pipeline{
				Index: &fakeIndex{hits: exampleHits()},
				Chat: NewOpenAIChat(OpenAIChatConfig{
					BaseURL: base, APIKey: "sk-test-key", Model: "fake-chat", Timeout: 400 * time.Millisecond,
					MaxRetries: 2, RetryMaxWait: time.Millisecond, HTTPClient: &http.Client{Transport: transport},
				}),
				Logger:  slog.New(slog.NewJSONHandler(logs, nil)),
				Metrics: telemetry.New(),
			}
			ans, err := p.Ask(context.Background(), "When would the talks between Freedonia and Sylvania resume?", nil, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Mode != ModeExtractive || len(ans.Citations) == 0 || !strings.Contains(ans.Text, "would resume in April") {
				t.Fatalf("answer %+v", ans)
			}
			checkQuotations(t, ans)
			t.Logf("notice: %q", ans.Warnings)
			if len(ans.Warnings) != 1 || !strings.HasPrefix(ans.Warnings[0], "The model server did not answer (") ||
				!strings.Contains(ans.Warnings[0], tt.reason) {
				t.Errorf("notice %q, want one naming %q", ans.Warnings, tt.reason)
			}
			if strings.Contains(strings.Join(ans.Warnings, " ")+logs.String(), "sk-test-key") {
				t.Error("the API key leaked into the notice or the log")
			}
			if got := counterValue(p.Metrics.Errors.WithLabelValues("model")); got != 1 {
				t.Errorf("model errors metric %v, want 1", got)
			}
			if got := counterValue(p.Metrics.Answers.WithLabelValues("extractive")); got != 1 {
				t.Errorf("extractive answers metric %v, want 1", got)
			}
			if !strings.Contains(logs.String(), "chat model failed; answering extractively") {
				t.Errorf("no log line for the failure:\n%s", logs)
			}

			// Nothing left behind: the pooled idle connections are the
			// client's to keep, everything else must be gone.
			transport.CloseIdleConnections()
			waitGoroutines(t, before)
			deadline := time.Now().Add(5 * time.Second)
			for {
				open, active := f.Conns()
				if open == 0 && active == 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("connections left open: %d (%d active)", open, active)
				}
				time.Sleep(5 * time.Millisecond) // polling interval
			}
		})
	}
}
