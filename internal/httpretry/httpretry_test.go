package httpretry

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeSleep records the waits instead of waiting.
type fakeSleep struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (f *fakeSleep) sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	f.waits = append(f.waits, d)
	f.mu.Unlock()
	return ctx.Err()
}

func newTestTransport(fs *fakeSleep, now time.Time) *Transport {
	return &Transport{
		MaxRetries: 3,
		MaxWait:    10 * time.Second,
		sleep:      fs.sleep,
		now:        func() time.Time { return now },
		jitter:     func() float64 { return 0.5 },
	}
}

func TestRoundTripRetries(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name       string
		statuses   []int  // answers in order; the last repeats
		retryAfter string // header on failing answers
		wantStatus int
		wantCalls  int
		wantWaits  []time.Duration
	}{
		{"ok first time", []int{200}, "", 200, 1, nil},
		{"429 then ok", []int{429, 200}, "", 200, 2, []time.Duration{375 * time.Millisecond}},
		{"503 twice then ok", []int{503, 503, 200}, "", 200, 3, []time.Duration{375 * time.Millisecond, 750 * time.Millisecond}},
		{"500 502 504", []int{500, 502, 504, 200}, "", 200, 4, []time.Duration{375 * time.Millisecond, 750 * time.Millisecond, 1500 * time.Millisecond}},
		{"gives up after MaxRetries", []int{503}, "", 503, 4, []time.Duration{375 * time.Millisecond, 750 * time.Millisecond, 1500 * time.Millisecond}},
		{"404 not retried", []int{404}, "", 404, 1, nil},
		{"400 not retried", []int{400}, "", 400, 1, nil},
		{"retry-after seconds", []int{429, 200}, "2", 200, 2, []time.Duration{2 * time.Second}},
		{"retry-after capped", []int{429, 200}, "3600", 200, 2, []time.Duration{10 * time.Second}},
		{"retry-after date", []int{503, 200}, now.Add(4 * time.Second).Format(http.TimeFormat), 200, 2, []time.Duration{4 * time.Second}},
		{"retry-after garbage uses backoff", []int{503, 200}, "soon", 200, 2, []time.Duration{375 * time.Millisecond}},
		// RetryStatus narrows what is retried: a 429 is left to the
		// caller, a 503 still retried.
		{"narrowed: 429 handed back", []int{429, 200}, "", 429, 1, nil},
		{"narrowed: 503 retried", []int{503, 200}, "", 200, 2, []time.Duration{375 * time.Millisecond}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			var bodies []string
			var mu sync.Mutex
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := int(calls.Add(1)) - 1
				b, _ := io.ReadAll(r.Body)
				mu.Lock()
				bodies = append(bodies, string(b))
				mu.Unlock()
				st := tc.statuses[min(n, len(tc.statuses)-1)]
				if st != 200 && tc.retryAfter != "" {
					w.Header().Set("Retry-After", tc.retryAfter)
				}
				w.WriteHeader(st)
				_, _ = io.WriteString(w, "answer")
			}))
			defer srv.Close()
			fs := &fakeSleep{}
			tr := newTestTransport(fs, now)
			if strings.HasPrefix(tc.name, "narrowed") {
				tr.RetryStatus = func(status int) bool { return status >= 500 }
			}
			client := &http.Client{Transport: tr}
			resp, err := client.Post(srv.URL, "application/json", strings.NewReader(`{"input":"x"}`))
			if err != nil {
				t.Fatalf("Post: %v", err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tc.wantStatus)
			}
			if got := int(calls.Load()); got != tc.wantCalls {
				t.Errorf("calls = %d, want %d", got, tc.wantCalls)
			}
			for i, b := range bodies {
				if b != `{"input":"x"}` {
					t.Errorf("attempt %d body = %q, want the original body re-sent", i+1, b)
				}
			}
			if len(fs.waits) != len(tc.wantWaits) {
				t.Fatalf("waits = %v, want %v", fs.waits, tc.wantWaits)
			}
			for i := range fs.waits {
				if fs.waits[i] != tc.wantWaits[i] {
					t.Errorf("wait %d = %v, want %v", i, fs.waits[i], tc.wantWaits[i])
				}
			}
		})
	}
}

func TestRoundTripConnectionRefused(t *testing.T) {
	// A listener closed at once gives an address that refuses connections.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	fs := &fakeSleep{}
	tr := newTestTransport(fs, time.Now())
	tr.MaxRetries = 2
	client := &http.Client{Transport: tr}
	_, err = client.Get("http://" + addr + "/v1/embeddings")
	if err == nil {
		t.Fatal("want an error from a refused connection")
	}
	if len(fs.waits) != 2 {
		t.Errorf("waits = %v, want 2 retries", fs.waits)
	}
}

func TestRoundTripStopsOnCancel(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(503)
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	tr := &Transport{
		MaxRetries: 5,
		// The first wait cancels the context, as a user giving up would.
		sleep: func(ctx context.Context, d time.Duration) error {
			cancel()
			return ctx.Err()
		},
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	_, err := tr.RoundTrip(req)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls.Load() != 1 {
		t.Errorf("calls = %d, want 1 (no retry after cancel)", calls.Load())
	}
}

func TestRoundTripNoRetryWithoutGetBody(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(503)
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	tr := newTestTransport(fs, time.Now())
	req, _ := http.NewRequest(http.MethodPost, srv.URL, io.NopCloser(strings.NewReader("x")))
	req.GetBody = nil
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if calls.Load() != 1 || len(fs.waits) != 0 {
		t.Errorf("calls = %d waits = %v, want one attempt: a body without GetBody cannot be re-sent", calls.Load(), fs.waits)
	}
}

func TestRoundTripStreamedBodyNotRetried(t *testing.T) {
	// A 200 whose body fails half-way must reach the caller as is: the
	// transport has already handed it back and must not replay it.
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(200)
		_, _ = io.WriteString(w, "data: partial")
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	client := &http.Client{Transport: newTestTransport(fs, time.Now())}
	resp, err := client.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err == nil {
		t.Error("want a read error from the cut-off body")
	}
	if calls.Load() != 1 {
		t.Errorf("calls = %d, want 1", calls.Load())
	}
}

func TestNegativeMaxRetriesNeverRetries(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(429)
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	tr := newTestTransport(fs, time.Now())
	tr.MaxRetries = -1
	resp, err := (&http.Client{Transport: tr}).Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if calls.Load() != 1 {
		t.Errorf("calls = %d, want 1", calls.Load())
	}
}

// idleCounter records CloseIdleConnections calls.
type idleCounter struct {
	http.RoundTripper
	closed int
}

func (c *idleCounter) CloseIdleConnections() { c.closed++ }

func TestCloseIdleConnectionsReachesBase(t *testing.T) {
	base := &idleCounter{RoundTripper: http.DefaultTransport}
	client := &http.Client{Transport: &Transport{Base: base}}
	client.CloseIdleConnections()
	if base.closed != 1 {
		t.Errorf("base saw %d CloseIdleConnections calls, want 1", base.closed)
	}
}
