// Package testsupport holds the fakes every test of readout shares: an
// OpenAI-compatible model server and a Discord API/gateway, both served by
// net/http/httptest on 127.0.0.1 with the real wire formats.
package testsupport

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
)

// The endpoints of the fake OpenAI server, as paths. A Fault's Endpoint is
// one of them, or "" for every endpoint.
const (
	EndpointChat       = "/v1/chat/completions"
	EndpointEmbeddings = "/v1/embeddings"
	EndpointModels     = "/v1/models"
)

// DefaultEmbeddingDim is the vector length the fake returns unless
// WithEmbeddingDim says otherwise.
const DefaultEmbeddingDim = 64

// FaultKind names a way the fake model server misbehaves.
type FaultKind int

// The faults. Each says which endpoints it applies to; on the others it is
// ignored (the request is served normally and the fault is not consumed).
const (
	// FaultNone serves the request normally.
	FaultNone FaultKind = iota
	// FaultRateLimit answers 429 with an OpenAI error body and, when
	// Fault.RetryAfter is set, a Retry-After header. Any endpoint.
	FaultRateLimit
	// FaultStatus answers Fault.Status (500 when 0) with an OpenAI error
	// body, or Fault.Body verbatim when set (e.g. a proxy's HTML 502 page).
	// Any endpoint.
	FaultStatus
	// FaultLatency waits Fault.Delay (or until the client gives up or the
	// server closes) and then serves normally. Any endpoint.
	FaultLatency
	// FaultMalformedJSON answers 200 with a body that is not valid JSON (for
	// a stream: a data line that is not JSON). Any endpoint.
	FaultMalformedJSON
	// FaultOllamaError answers Fault.Status (500 when 0) with Ollama's
	// {"error":"..."} body, which go-openai turns into *RequestError.
	// Any endpoint.
	FaultOllamaError
	// FaultCutStream streams the first half of the reply and ends the
	// response cleanly with no finish_reason and no [DONE]: go-openai's Recv
	// then returns a bare io.EOF. Chat only (JSON replies are cut in half).
	FaultCutStream
	// FaultStallStream streams the first half of the reply and then sends
	// nothing until the client disconnects or the server closes. Chat only.
	FaultStallStream
	// FaultMidStreamError streams the first half of the reply and then an
	// error object as a data line (go-openai returns it as *APIError).
	// Chat, streaming only.
	FaultMidStreamError
	// FaultTruncated ends the reply half-way with finish_reason "length".
	// Chat only.
	FaultTruncated
	// FaultEmptyAnswer answers with empty content and finish_reason "stop".
	// Chat only.
	FaultEmptyAnswer
	// FaultWrongDimension returns vectors of Fault.Dim (dimension+1 when 0).
	// Embeddings only.
	FaultWrongDimension
	// FaultNaN returns vectors that are not finite. JSON cannot carry NaN,
	// so: when the request asks encoding_format "base64", the vectors hold
	// real float32 NaN bits (go-openai decodes them to NaN); otherwise every
	// component is ±3.4e38 (math.MaxFloat32), which decodes fine but makes
	// any norm or dot product overflow to +Inf, and normalising gives NaN or
	// zeros. Embeddings only.
	FaultNaN
	// FaultShortEmbeddings returns one vector fewer than there were inputs.
	// Embeddings only.
	FaultShortEmbeddings
	// FaultShuffledEmbeddings returns the vectors in reverse order, each
	// with its correct index (the API does not promise order). Embeddings
	// only.
	FaultShuffledEmbeddings
)

// Fault is one misbehaviour of the fake server.
type Fault struct {
	Kind FaultKind
	// Endpoint limits the fault to one of the Endpoint* paths; "" is all.
	Endpoint string
	// Status is the HTTP status for FaultStatus and FaultOllamaError.
	Status int
	// RetryAfter is the Retry-After header value for FaultRateLimit
	// ("1", "0", an HTTP date); empty sends no header.
	RetryAfter string
	// Delay is FaultLatency's wait.
	Delay time.Duration
	// Body replaces FaultStatus's error body when set.
	Body string
	// Message is the error message in error bodies.
	Message string
	// Dim is FaultWrongDimension's vector length.
	Dim int
}

// ChatMessage is one message of a recorded chat request.
type ChatMessage struct {
	Role    string
	Content string
}

// ChatRequest is a chat completion request as the fake received it.
type ChatRequest struct {
	Model    string
	Messages []ChatMessage
	Stream   bool
	// Temperature is nil when the client did not send one.
	Temperature         *float64
	MaxTokens           int
	MaxCompletionTokens int
}

// System returns the content of the first system message, or "".
func (r ChatRequest) System() string {
	for _, m := range r.Messages {
		if m.Role == "system" {
			return m.Content
		}
	}
	return ""
}

// LastUser returns the content of the last user message, or "".
func (r ChatRequest) LastUser() string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			return r.Messages[i].Content
		}
	}
	return ""
}

// RecordedRequest is one request the fake received. Authorization and
// other secret-bearing headers are replaced by "[redacted]".
type RecordedRequest struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

// OpenAIOption configures NewOpenAI.
type OpenAIOption func(*OpenAI)

// WithEmbeddingDim sets the length of the vectors the fake returns.
func WithEmbeddingDim(n int) OpenAIOption {
	return func(f *OpenAI) { f.dim = n }
}

// WithModels sets the model ids GET /v1/models lists.
func WithModels(ids ...string) OpenAIOption {
	return func(f *OpenAI) { f.models = append([]string(nil), ids...) }
}

// WithAPIKey makes the fake require "Authorization: Bearer key" and answer
// 401 (OpenAI's invalid_api_key error) otherwise.
func WithAPIKey(key string) OpenAIOption {
	return func(f *OpenAI) { f.apiKey = key }
}

// WithChat sets the function that writes the model's replies.
func WithChat(fn func(ChatRequest) string) OpenAIOption {
	return func(f *OpenAI) { f.chat = fn }
}

// OpenAI is a fake OpenAI-compatible server (chat completions, streamed or
// not; embeddings; models) on 127.0.0.1, with scriptable replies and
// injectable faults. It is safe for concurrent use.
type OpenAI struct {
	srv    *httptest.Server
	closed chan struct{}

	mu         sync.Mutex
	dim        int
	models     []string
	apiKey     string
	chat       func(ChatRequest) string
	fault      []Fault       // persistent faults
	queue      []queuedFault // faults for the next N matching requests
	requests   []RecordedRequest
	chats      []ChatRequest
	embedCalls int
	embedTexts int
	conns      map[net.Conn]http.ConnState // open client connections and their state
}

type queuedFault struct {
	f    Fault
	left int
}

// NewOpenAI starts a fake server that is closed when the test ends. With no
// WithChat the model replies "This is the fake model's reply." to anything.
func NewOpenAI(t testing.TB, opts ...OpenAIOption) *OpenAI {
	t.Helper()
	f := &OpenAI{
		closed: make(chan struct{}),
		dim:    DefaultEmbeddingDim,
		models: []string{"fake-chat", "fake-embed"},
		chat:   func(ChatRequest) string { return "This is the fake model's reply." },
	}
	for _, o := range opts {
		o(f)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+EndpointChat, f.handleChat)
	mux.HandleFunc("POST "+EndpointEmbeddings, f.handleEmbeddings)
	mux.HandleFunc("GET "+EndpointModels, f.handleModels)
	f.srv = httptest.NewUnstartedServer(f.record(mux))
	f.conns = map[net.Conn]http.ConnState{}
	f.srv.Config.ConnState = f.trackConn
	f.srv.Start()
	t.Cleanup(f.Close)
	return f
}

// trackConn follows every client connection's state, so a test can tell a
// leaked connection (one left active after its caller returned) from one
// kept idle in a client's pool.
func (f *OpenAI) trackConn(c net.Conn, st http.ConnState) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if st == http.StateClosed || st == http.StateHijacked {
		delete(f.conns, c)
		return
	}
	f.conns[c] = st
}

// Conns reports the client connections open now and how many of them are
// in the middle of a request (http.StateNew or StateActive). After a
// client has finished every call, active should be 0: a response body
// never closed, or a stream never drained, keeps its connection active.
func (f *OpenAI) Conns() (open, active int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, st := range f.conns {
		if st == http.StateNew || st == http.StateActive {
			active++
		}
	}
	return len(f.conns), active
}

// URL is the base URL clients are configured with; it ends in /v1.
func (f *OpenAI) URL() string { return f.srv.URL + "/v1" }

// Close releases stalled and delayed handlers and shuts the server down. It
// is called by t.Cleanup; calling it again is harmless.
func (f *OpenAI) Close() {
	f.mu.Lock()
	select {
	case <-f.closed:
		f.mu.Unlock()
		return
	default:
		close(f.closed)
	}
	f.mu.Unlock()
	f.srv.CloseClientConnections()
	f.srv.Close()
}

// SetChat replaces the function that writes the model's replies.
func (f *OpenAI) SetChat(fn func(ChatRequest) string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.chat = fn
}

// SetFault makes every matching request fail with fault until ClearFaults.
// Several persistent faults may be set (for different endpoints); the
// first one matching a request applies.
func (f *OpenAI) SetFault(fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault = append(f.fault, fault)
}

// FailNext makes the next n matching requests fail with fault; queued
// faults are used before persistent ones, in the order they were queued.
func (f *OpenAI) FailNext(n int, fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue = append(f.queue, queuedFault{f: fault, left: n})
}

// ClearFaults removes all persistent and queued faults.
func (f *OpenAI) ClearFaults() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault, f.queue = nil, nil
}

// Requests returns a copy of every request received so far, in order.
func (f *OpenAI) Requests() []RecordedRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]RecordedRequest(nil), f.requests...)
}

// RequestCount returns how many requests were made to path (an Endpoint*).
func (f *OpenAI) RequestCount(path string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.requests {
		if r.Path == path {
			n++
		}
	}
	return n
}

// ChatRequests returns a copy of every chat request decoded so far.
func (f *OpenAI) ChatRequests() []ChatRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]ChatRequest(nil), f.chats...)
}

// EmbeddedInputs returns how many texts were sent for embedding in total,
// and in how many requests (faulty requests included).
func (f *OpenAI) EmbeddedInputs() (texts, requests int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.embedTexts, f.embedCalls
}

// secretHeaders are redacted in recorded requests.
var secretHeaders = []string{"Authorization", "Api-Key", "X-Api-Key", "Openai-Organization", "Openai-Project", "Cookie"}

// record stores the request, checks the API key and dispatches.
func (f *OpenAI) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, "read body", http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		h := r.Header.Clone()
		for _, k := range secretHeaders {
			if h.Get(k) != "" {
				h.Set(k, "[redacted]")
			}
		}
		f.mu.Lock()
		f.requests = append(f.requests, RecordedRequest{Method: r.Method, Path: r.URL.Path, Header: h, Body: body})
		key := f.apiKey
		f.mu.Unlock()
		if key != "" && r.Header.Get("Authorization") != "Bearer "+key {
			writeAPIError(w, http.StatusUnauthorized, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// applicable reports whether kind has any effect on path.
func applicable(kind FaultKind, path string) bool {
	switch kind {
	case FaultCutStream, FaultStallStream, FaultMidStreamError, FaultTruncated, FaultEmptyAnswer:
		return path == EndpointChat
	case FaultWrongDimension, FaultNaN, FaultShortEmbeddings, FaultShuffledEmbeddings:
		return path == EndpointEmbeddings
	}
	return true
}

// takeFault returns the fault for a request to path, consuming a queued one.
func (f *OpenAI) takeFault(path string) Fault {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.queue {
		q := &f.queue[i]
		if q.left > 0 && (q.f.Endpoint == "" || q.f.Endpoint == path) && applicable(q.f.Kind, path) {
			q.left--
			return q.f
		}
	}
	for _, p := range f.fault {
		if (p.Endpoint == "" || p.Endpoint == path) && applicable(p.Kind, path) {
			return p
		}
	}
	return Fault{}
}

// wait blocks for d, or until the client goes away or the server closes; it
// reports whether the full time passed.
func (f *OpenAI) wait(r *http.Request, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
	case <-f.closed:
	}
	return false
}

// serveCommonFault handles the faults every endpoint shares. It reports
// whether the response has been written.
func (f *OpenAI) serveCommonFault(w http.ResponseWriter, r *http.Request, fault Fault) bool {
	msg := fault.Message
	switch fault.Kind {
	case FaultRateLimit:
		if msg == "" {
			msg = "Rate limit reached for requests."
		}
		if fault.RetryAfter != "" {
			w.Header().Set("Retry-After", fault.RetryAfter)
		}
		writeAPIError(w, http.StatusTooManyRequests, msg, "requests", "rate_limit_exceeded")
		return true
	case FaultStatus:
		status := fault.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		if fault.Body != "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			_, _ = io.WriteString(w, fault.Body)
			return true
		}
		if msg == "" {
			msg = "The server had an error while processing your request."
		}
		writeAPIError(w, status, msg, "server_error", nil)
		return true
	case FaultOllamaError:
		status := fault.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		if msg == "" {
			msg = "model runner has unexpectedly stopped"
		}
		writeJSON(w, status, map[string]string{"error": msg})
		return true
	case FaultLatency:
		if !f.wait(r, fault.Delay) {
			return true // client gone or server closing: nobody to answer
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeAPIError writes OpenAI's error object.
func writeAPIError(w http.ResponseWriter, status int, msg, typ string, code any) {
	writeJSON(w, status, map[string]any{"error": map[string]any{
		"message": msg, "type": typ, "param": nil, "code": code,
	}})
}

// wireChatRequest is the JSON a client sends. Content is raw because it
// may be a string or an array of parts.
type wireChatRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	Stream              bool     `json:"stream"`
	Temperature         *float64 `json:"temperature"`
	MaxTokens           int      `json:"max_tokens"`
	MaxCompletionTokens int      `json:"max_completion_tokens"`
	StreamOptions       *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
}

func decodeContent(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if json.Unmarshal(raw, &parts) == nil {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.Text)
		}
		return b.String()
	}
	return ""
}

// fixedCreated keeps responses deterministic.
const fixedCreated = 1700000000

func (f *OpenAI) handleChat(w http.ResponseWriter, r *http.Request) {
	var wire wireChatRequest
	if err := json.NewDecoder(r.Body).Decode(&wire); err != nil {
		writeAPIError(w, http.StatusBadRequest, "We could not parse the JSON body of your request.", "invalid_request_error", nil)
		return
	}
	if len(wire.Messages) == 0 {
		writeAPIError(w, http.StatusBadRequest, "'messages' must contain at least one message.", "invalid_request_error", nil)
		return
	}
	req := ChatRequest{Model: wire.Model, Stream: wire.Stream, Temperature: wire.Temperature,
		MaxTokens: wire.MaxTokens, MaxCompletionTokens: wire.MaxCompletionTokens}
	for _, m := range wire.Messages {
		req.Messages = append(req.Messages, ChatMessage{Role: m.Role, Content: decodeContent(m.Content)})
	}
	f.mu.Lock()
	f.chats = append(f.chats, req)
	chat := f.chat
	f.mu.Unlock()

	fault := f.takeFault(EndpointChat)
	if f.serveCommonFault(w, r, fault) {
		return
	}
	reply := chat(req)
	finish := "stop"
	switch fault.Kind {
	case FaultEmptyAnswer:
		reply = ""
	case FaultTruncated:
		reply = reply[:halfway(reply)]
		finish = "length"
	}
	model := wire.Model
	if model == "" {
		model = "fake-chat"
	}
	if !wire.Stream {
		f.writeChatJSON(w, model, reply, finish, fault)
		return
	}
	var usage map[string]any
	if wire.StreamOptions != nil && wire.StreamOptions.IncludeUsage {
		// Like OpenAI: one more chunk before [DONE], with no choices and the
		// token counts (words stand in for tokens here).
		var prompt int
		for _, m := range req.Messages {
			prompt += len(strings.Fields(m.Content))
		}
		completion := len(strings.Fields(reply))
		usage = map[string]any{"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
	}
	f.writeChatStream(w, r, model, reply, finish, fault, usage)
}

// halfway returns a byte index near the middle of s on a rune boundary.
func halfway(s string) int {
	i := len(s) / 2
	for i > 0 && i < len(s) && !isRuneStart(s[i]) {
		i--
	}
	return i
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func (f *OpenAI) writeChatJSON(w http.ResponseWriter, model, reply, finish string, fault Fault) {
	switch fault.Kind {
	case FaultMalformedJSON:
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"`)
		return
	case FaultCutStream, FaultStallStream:
		reply = reply[:halfway(reply)]
		finish = ""
	}
	var fr any = finish
	if finish == "" {
		fr = nil
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": "chatcmpl-fake", "object": "chat.completion", "created": fixedCreated, "model": model,
		"system_fingerprint": "fp_fake",
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": reply},
			"logprobs":      nil,
			"finish_reason": fr,
		}},
		"usage": usage(reply),
	})
}

func usage(reply string) map[string]int {
	n := len(strings.Fields(reply))
	return map[string]int{"prompt_tokens": 10, "completion_tokens": n, "total_tokens": 10 + n}
}

// streamPieces splits reply into chunks of a few words, keeping every byte,
// so that clients see many deltas as with a real server.
func streamPieces(reply string) []string {
	var pieces []string
	start, words := 0, 0
	for i, r := range reply {
		if unicode.IsSpace(r) {
			words++
			if words == 3 {
				pieces = append(pieces, reply[start:i+1])
				start, words = i+1, 0
			}
		}
	}
	if start < len(reply) {
		pieces = append(pieces, reply[start:])
	}
	return pieces
}

func (f *OpenAI) writeChatStream(w http.ResponseWriter, r *http.Request, model, reply, finish string, fault Fault, usage map[string]any) {
	flusher, _ := w.(http.Flusher)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	send := func(delta map[string]any, finish any) {
		chunk := map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": fixedCreated,
			"model": model, "system_fingerprint": "fp_fake",
			"choices": []any{map[string]any{"index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish}},
		}
		b, _ := json.Marshal(chunk)
		fmt.Fprintf(w, "data: %s\n\n", b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	send(map[string]any{"role": "assistant", "content": ""}, nil)
	pieces := streamPieces(reply)
	cut := len(pieces)
	switch fault.Kind {
	case FaultCutStream, FaultStallStream, FaultMidStreamError, FaultMalformedJSON:
		cut = len(pieces) / 2
	}
	for _, p := range pieces[:cut] {
		send(map[string]any{"content": p}, nil)
	}
	switch fault.Kind {
	case FaultCutStream:
		return // the body ends cleanly: no finish_reason, no [DONE]
	case FaultStallStream:
		f.wait(r, 24*time.Hour)
		return
	case FaultMidStreamError:
		msg := fault.Message
		if msg == "" {
			msg = "The server had an error while processing your request."
		}
		b, _ := json.Marshal(map[string]any{"error": map[string]any{"message": msg, "type": "server_error", "param": nil, "code": nil}})
		fmt.Fprintf(w, "data: %s\n\n", b)
		return
	case FaultMalformedJSON:
		_, _ = io.WriteString(w, "data: {\"id\":\"chatcmpl-fake\",\"choices\":[{\"delta\":\n\n")
		return
	}
	send(map[string]any{}, finish)
	if usage != nil {
		b, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": fixedCreated,
			"model": model, "system_fingerprint": "fp_fake", "choices": []any{}, "usage": usage,
		})
		fmt.Fprintf(w, "data: %s\n\n", b)
	}
	_, _ = io.WriteString(w, "data: [DONE]\n\n")
	if flusher != nil {
		flusher.Flush()
	}
}

type wireEmbeddingRequest struct {
	Input          json.RawMessage `json:"input"`
	Model          string          `json:"model"`
	EncodingFormat string          `json:"encoding_format"`
	Dimensions     int             `json:"dimensions"`
}

// embeddingInputs decodes input as a string or an array of strings. Token
// arrays are not supported by the fake.
func embeddingInputs(raw json.RawMessage) ([]string, error) {
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, fmt.Errorf("input must be a string or an array of strings: %w", err)
	}
	return many, nil
}

func (f *OpenAI) handleEmbeddings(w http.ResponseWriter, r *http.Request) {
	var wire wireEmbeddingRequest
	if err := json.NewDecoder(r.Body).Decode(&wire); err != nil {
		writeAPIError(w, http.StatusBadRequest, "We could not parse the JSON body of your request.", "invalid_request_error", nil)
		return
	}
	inputs, err := embeddingInputs(wire.Input)
	if err != nil || len(inputs) == 0 {
		writeAPIError(w, http.StatusBadRequest, "'input' is a required property and must be a non-empty string or array of strings.", "invalid_request_error", nil)
		return
	}
	f.mu.Lock()
	f.embedCalls++
	f.embedTexts += len(inputs)
	dim := f.dim
	f.mu.Unlock()
	if wire.Dimensions > 0 {
		dim = wire.Dimensions
	}

	fault := f.takeFault(EndpointEmbeddings)
	if f.serveCommonFault(w, r, fault) {
		return
	}
	if fault.Kind == FaultMalformedJSON {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,`)
		return
	}
	if fault.Kind == FaultWrongDimension {
		if fault.Dim > 0 {
			dim = fault.Dim
		} else {
			dim++
		}
	}
	base64Format := wire.EncodingFormat == "base64"
	data := make([]map[string]any, 0, len(inputs))
	for i, text := range inputs {
		vec := EmbedText(text, dim)
		if fault.Kind == FaultNaN {
			for j := range vec {
				if base64Format {
					vec[j] = float32(math.NaN())
				} else if j%2 == 0 {
					vec[j] = math.MaxFloat32
				} else {
					vec[j] = -math.MaxFloat32
				}
			}
		}
		var emb any = vec
		if base64Format {
			buf := make([]byte, 4*len(vec))
			for j, v := range vec {
				binary.LittleEndian.PutUint32(buf[4*j:], math.Float32bits(v))
			}
			emb = base64.StdEncoding.EncodeToString(buf)
		}
		data = append(data, map[string]any{"object": "embedding", "index": i, "embedding": emb})
	}
	switch fault.Kind {
	case FaultShortEmbeddings:
		data = data[:len(data)-1]
	case FaultShuffledEmbeddings:
		for i, j := 0, len(data)-1; i < j; i, j = i+1, j-1 {
			data[i], data[j] = data[j], data[i]
		}
	}
	tokens := 0
	for _, s := range inputs {
		tokens += len(strings.Fields(s))
	}
	model := wire.Model
	if model == "" {
		model = "fake-embed"
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"object": "list", "data": data, "model": model,
		"usage": map[string]int{"prompt_tokens": tokens, "total_tokens": tokens},
	})
}

func (f *OpenAI) handleModels(w http.ResponseWriter, r *http.Request) {
	fault := f.takeFault(EndpointModels)
	if f.serveCommonFault(w, r, fault) {
		return
	}
	if fault.Kind == FaultMalformedJSON {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"object":"list","data":[`)
		return
	}
	f.mu.Lock()
	ids := append([]string(nil), f.models...)
	f.mu.Unlock()
	data := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		data = append(data, map[string]any{"id": id, "object": "model", "created": fixedCreated, "owned_by": "testsupport"})
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

// EmbedText is the fake's embedding: a feature-hashed bag of lower-cased
// words, L2-normalised, so texts sharing words have similar vectors and the
// same text always has the same vector. Tests may call it to predict what
// the server returns.
func EmbedText(text string, dim int) []float32 {
	if dim <= 0 {
		dim = DefaultEmbeddingDim
	}
	vec := make([]float32, dim)
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for _, w := range words {
		h := fnv.New64a()
		_, _ = h.Write([]byte(w))
		s := h.Sum64()
		sign := float32(1)
		if s&(1<<63) != 0 {
			sign = -1
		}
		vec[s%uint64(dim)] += sign
	}
	var norm float64
	for _, v := range vec {
		norm += float64(v) * float64(v)
	}
	if norm == 0 {
		// An empty text still gets a valid unit vector.
		vec[0] = 1
		return vec
	}
	inv := float32(1 / math.Sqrt(norm))
	for i := range vec {
		vec[i] *= inv
	}
	return vec
}
