package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/readout/readout/internal/httpretry"
)

// DiscordAPIURL is Discord's own API base; a Config.APIURL equal to it (or
// empty) leaves discordgo's requests untouched.
const DiscordAPIURL = "https://discord.com"

// RewriteTransport sends the requests discordgo addresses to discord.com to
// another Discord-compatible server instead. discordgo computes its endpoint
// URLs once at package init, so rewriting each request's scheme and host is
// the only way to point one session elsewhere without touching globals that
// other sessions share.
type RewriteTransport struct {
	// Target is the server's base URL ("http://127.0.0.1:8080" or
	// "https://proxy.example/discord"); a path is prefixed to each request's.
	Target *url.URL
	// Base performs the rewritten requests; nil means http.DefaultTransport.
	Base http.RoundTripper
}

// NewRewriteTransport parses apiURL and returns a transport that redirects
// discord.com requests to it.
func NewRewriteTransport(apiURL string, base http.RoundTripper) (*RewriteTransport, error) {
	u, err := url.Parse(apiURL)
	if err != nil {
		return nil, fmt.Errorf("parse discord api url %q: %w", apiURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("discord api url %q: want http(s)://host[:port][/path]", apiURL)
	}
	return &RewriteTransport{Target: u, Base: base}, nil
}

// RoundTrip rewrites requests for discord.com (and its subdomains other than
// the CDN) and passes everything else through unchanged.
func (t *RewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	host := req.URL.Hostname()
	if host != "discord.com" && host != "discordapp.com" {
		return base.RoundTrip(req)
	}
	// RoundTrip must not modify the caller's request: clone it first.
	r := req.Clone(req.Context())
	r.URL.Scheme = t.Target.Scheme
	r.URL.Host = t.Target.Host
	r.Host = t.Target.Host
	if p := strings.TrimSuffix(t.Target.Path, "/"); p != "" {
		r.URL.Path = p + r.URL.Path
		if r.URL.RawPath != "" {
			r.URL.RawPath = p + r.URL.RawPath
		}
	}
	return base.RoundTrip(r)
}

// isDiscordAPI reports whether apiURL means Discord's own API.
func isDiscordAPI(apiURL string) bool {
	s := strings.TrimSuffix(strings.TrimSpace(apiURL), "/")
	return s == "" || s == DiscordAPIURL || s == "https://discord.com/api"
}

// retryServerErrors sends the requests that may be sent twice (GET, PUT,
// PATCH, DELETE: an answer's edits, a thread's history) through a
// transport that retries Discord's passing server errors (500, 502, 503,
// 504) a few times with backoff: one 500 on an answer's final edit lost
// the whole answer, since discordgo retries only 502. A POST (a new
// message, a follow-up) is never repeated, so a server error after
// Discord stored it cannot post it twice; 429 is left to discordgo, which
// keeps the rate-limit buckets.
type retryServerErrors struct {
	retry, base http.RoundTripper
}

// maxServerErrorWait caps one wait before retrying a Discord request.
const maxServerErrorWait = 5 * time.Second

func newRetryServerErrors(base http.RoundTripper) *retryServerErrors {
	return &retryServerErrors{base: base, retry: &httpretry.Transport{
		Base:    base,
		MaxWait: maxServerErrorWait,
		RetryStatus: func(status int) bool {
			switch status {
			case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
				return true
			}
			return false
		},
	}}
}

// RoundTrip retries the requests that may be sent twice.
func (t *retryServerErrors) RoundTrip(req *http.Request) (*http.Response, error) {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return t.retry.RoundTrip(req)
	}
	return t.base.RoundTrip(req)
}
