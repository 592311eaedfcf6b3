package telemetry

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestEndpoints(t *testing.T) {
	m := New()
	s := NewServer(m, nil)
	var indexReady atomic.Bool
	s.AddCheck("index", func(context.Context) error {
		if !indexReady.Load() {
			return errors.New("index not loaded")
		}
		return nil
	})
	s.AddCheck("gateway", func(context.Context) error { return nil })

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()

	if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, "ok") {
		t.Errorf("healthz = %d %q", code, body)
	}
	code, body := get(t, base+"/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "index not loaded") {
		t.Errorf("readyz with a failing check = %d %q", code, body)
	}
	indexReady.Store(true)
	if code, body := get(t, base+"/readyz"); code != 200 || !strings.Contains(body, `"ready":true`) {
		t.Errorf("readyz when ready = %d %q", code, body)
	}

	m.Interaction("ask", "answered")
	m.Answers.WithLabelValues("extractive").Inc()
	m.Ack(0.02)
	code, body = get(t, base+"/metrics")
	for _, want := range []string{
		`readout_interactions_total{command="ask",outcome="answered"} 1`,
		`readout_answers_total{mode="extractive"} 1`,
		`readout_ack_latency_seconds_count 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if code != 200 {
		t.Errorf("metrics status %d", code)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
}

func TestNilMetricsRecordNothing(t *testing.T) {
	var m *Metrics
	m.Interaction("ask", "ok")
	m.Ack(1)
	m.Error("model")
}
