// Package httpretry provides an http.RoundTripper that retries requests a
// model server refused for a passing reason (rate limits, overload, a server
// that is still starting), with exponential backoff and jitter, honouring
// Retry-After.
package httpretry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"
)

// Defaults used when the Transport's fields are zero.
const (
	DefaultMaxRetries = 3
	DefaultMaxWait    = 30 * time.Second
	// baseDelay is the first backoff step; each retry doubles it.
	baseDelay = 500 * time.Millisecond
)

// Transport retries a request when the server answers 429, 500, 502, 503 or
// 504, or when the connection is refused or reset before any response. It
// retries only before a response is handed back to the caller, so a
// streamed body that has started is never replayed. Requests with a body are
// retried only when req.GetBody is set (http.NewRequest sets it for the
// usual body types).
//
// The zero value works: it uses http.DefaultTransport, DefaultMaxRetries and
// DefaultMaxWait, and logs nothing.
type Transport struct {
	// Base performs the requests; nil means http.DefaultTransport.
	Base http.RoundTripper
	// MaxRetries is how many times a request is retried after the first
	// attempt; 0 means DefaultMaxRetries, negative means never retry.
	MaxRetries int
	// MaxWait caps one wait, whether from backoff or from Retry-After; 0
	// means DefaultMaxWait.
	MaxWait time.Duration
	// Logger receives one Warn line per retry; nil logs nothing.
	Logger *slog.Logger
	// RetryStatus, when set, says which answered statuses are retried
	// (a client that keeps its own rate-limit state, like discordgo, must
	// see every 429); nil retries 429, 500, 502, 503 and 504.
	RetryStatus func(status int) bool

	// sleep waits for d or until ctx is done; tests replace it so they
	// never wait for real.
	sleep func(ctx context.Context, d time.Duration) error
	// now is the clock used to interpret Retry-After dates.
	now func() time.Time
	// jitter returns a random float64 in [0,1).
	jitter func() float64
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	maxRetries := t.MaxRetries
	if maxRetries == 0 {
		maxRetries = DefaultMaxRetries
	}
	if maxRetries < 0 {
		maxRetries = 0
	}
	// Without GetBody a body cannot be sent twice.
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		maxRetries = 0
	}
	ctx := req.Context()
	for attempt := 0; ; attempt++ {
		r := req
		if attempt > 0 && req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, fmt.Errorf("httpretry: rewind request body: %w", err)
			}
			r = req.Clone(ctx)
			r.Body = body
		}
		resp, err := base.RoundTrip(r)
		if attempt >= maxRetries || ctx.Err() != nil {
			return resp, err
		}
		var wait time.Duration
		var reason string
		switch {
		case err != nil:
			if !retryableError(err) {
				return resp, err
			}
			wait = t.backoff(attempt)
			reason = err.Error()
		case t.retryStatus(resp.StatusCode):
			wait = t.backoff(attempt)
			if ra, ok := t.retryAfter(resp.Header.Get("Retry-After")); ok {
				wait = min(ra, t.maxWait())
			}
			reason = resp.Status
			// Drain a little so the connection can be reused, then close.
			_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
			_ = resp.Body.Close()
		default:
			return resp, nil
		}
		if t.Logger != nil {
			t.Logger.Warn("retrying HTTP request", "method", req.Method, "url", req.URL.Redacted(),
				"attempt", attempt+1, "reason", reason, "wait", wait)
		}
		if serr := t.doSleep(ctx, wait); serr != nil {
			return nil, fmt.Errorf("httpretry: %s %s: giving up while waiting to retry (%s): %w",
				req.Method, req.URL.Redacted(), reason, serr)
		}
	}
}

// CloseIdleConnections closes the idle connections of Base when it keeps
// any, so http.Client.CloseIdleConnections reaches through the wrapper.
func (t *Transport) CloseIdleConnections() {
	type closeIdler interface{ CloseIdleConnections() }
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if ci, ok := base.(closeIdler); ok {
		ci.CloseIdleConnections()
	}
}

func (t *Transport) maxWait() time.Duration {
	if t.MaxWait > 0 {
		return t.MaxWait
	}
	return DefaultMaxWait
}

// backoff is baseDelay·2^attempt with "equal jitter" (half fixed, half
// random) so that many clients refused together do not return together.
func (t *Transport) backoff(attempt int) time.Duration {
	d := baseDelay << min(attempt, 20)
	j := rand.Float64
	if t.jitter != nil {
		j = t.jitter
	}
	d = d/2 + time.Duration(j()*float64(d/2))
	return min(d, t.maxWait())
}

// retryAfter parses a Retry-After value: delta seconds or an HTTP date.
func (t *Transport) retryAfter(v string) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	when, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	now := time.Now
	if t.now != nil {
		now = t.now
	}
	return max(when.Sub(now()), 0), true
}

func (t *Transport) doSleep(ctx context.Context, d time.Duration) error {
	if t.sleep != nil {
		return t.sleep(ctx, d)
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}

func (t *Transport) retryStatus(code int) bool {
	if t.RetryStatus != nil {
		return t.RetryStatus(code)
	}
	return retryableStatus(code)
}

func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryableError reports whether err means the request never reached a
// working server: the connection was refused or reset, or dialing failed.
func retryableError(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) {
		return true
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	return false
}
