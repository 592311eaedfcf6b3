package bot

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
)

// fakeAnswerer records what it was asked and answers with fn.
type fakeAnswerer struct {
	mu    sync.Mutex
	calls []askCall
	fn    func(ctx context.Context, q string, h []answer.Turn, onPartial func(string)) (*answer.Answer, error)
}

type askCall struct {
	Question string
	History  []answer.Turn
	Filters  retrieval.SearchOptions
}

func (f *fakeAnswerer) AskStream(ctx context.Context, q string, h []answer.Turn, filters retrieval.SearchOptions, onPartial func(string)) (*answer.Answer, error) {
	f.mu.Lock()
	f.calls = append(f.calls, askCall{q, append([]answer.Turn(nil), h...), filters})
	fn := f.fn
	f.mu.Unlock()
	return fn(ctx, q, h, onPartial)
}

func (f *fakeAnswerer) Calls() []askCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]askCall(nil), f.calls...)
}

// gatedAnswerer answers "Answer to <question> [1]." once a value is sent on
// gate (or gate is closed), or fails with the context's error.
func gatedAnswerer(gate <-chan struct{}) *fakeAnswerer {
	return &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return sampleAnswer("Answer to " + q + " [1]."), nil
	}}
}

// sampleAnswer is an answer in the record's shape with invented content.
func sampleAnswer(text string) *answer.Answer {
	return &answer.Answer{
		Text: text, Mode: answer.ModeGenerated, Snapshot: "snap-1",
		Citations: []answer.Citation{{
			N: 1, Doc: "doc-1.txt", Title: "Spokesperson comments on the talks", Outlet: "Example Wire", Date: "2023-09-28",
			URL: "https://example.org/talks", Speakers: []string{"Spokesperson Jane Example"},
			Passage: "Spokesperson Jane Example said the talks were constructive.",
		}},
	}
}

// fakeRecord is a Record whose Refresh blocks until released.
type fakeRecord struct {
	mu        sync.Mutex
	running   *record.BusyError
	refreshes int
	release   chan struct{}
	docs      []string
	removed   []string
	// refuse, when set, is what Refresh returns after its progress.
	refuse error
}

func (r *fakeRecord) Status() record.Status {
	return record.Status{Docs: 3, Chunks: 12, Embedder: "builtin", Dim: 256, Snapshot: "snap-1"}
}

func (r *fakeRecord) begin(kind, by string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.running != nil {
		return r.running
	}
	r.running = &record.BusyError{Kind: kind, By: by, Since: time.Unix(1700000000, 0)}
	return nil
}

func (r *fakeRecord) end() {
	r.mu.Lock()
	r.running = nil
	r.mu.Unlock()
}

func (r *fakeRecord) Refresh(ctx context.Context, by string, progress func(retrieval.Progress)) (*record.Change, error) {
	if err := r.begin("refresh", by); err != nil {
		return nil, err
	}
	defer r.end()
	r.mu.Lock()
	r.refreshes++
	r.mu.Unlock()
	for n := 1; n <= 3; n++ {
		progress(retrieval.Progress{Stage: "documents read", Done: n, Total: 3})
	}
	if r.release != nil {
		select {
		case <-r.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if r.refuse != nil {
		return nil, r.refuse
	}
	progress(retrieval.Progress{Stage: "chunks embedded", Done: 12, Total: 12})
	return &record.Change{Kind: "refresh", By: by, At: time.Now(), Duration: time.Second,
		Stats:   retrieval.SyncStats{Added: []string{"new.txt"}, Chunks: 12, Embedded: 4, Snapshot: "snap-2"},
		Skipped: []corpus.Skipped{{Path: "bad.bin", Reason: "not text"}}}, nil
}

func (r *fakeRecord) AddFile(ctx context.Context, name string, data []byte, by string) (string, *record.Change, error) {
	return name, &record.Change{Kind: "add", By: by, Stats: retrieval.SyncStats{Added: []string{name}}}, nil
}

func (r *fakeRecord) AddURL(ctx context.Context, u, by string) (string, *record.Change, error) {
	return "url.html", &record.Change{Kind: "add", By: by, Stats: retrieval.SyncStats{Added: []string{"url.html"}}}, nil
}

func (r *fakeRecord) Remove(ctx context.Context, id, by string) (*record.Change, error) {
	r.mu.Lock()
	r.removed = append(r.removed, id)
	r.mu.Unlock()
	return &record.Change{Kind: "remove", By: by, Stats: retrieval.SyncStats{Removed: []string{id}}}, nil
}

func (r *fakeRecord) DocumentIDs() []string { return r.docs }

func (r *fakeRecord) Refreshes() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.refreshes
}

type harness struct {
	t    *testing.T
	d    *testsupport.Discord
	b    *Bot
	logs *testsupport.LogBuffer
	ctx  context.Context // bounds every wait of the test
	done chan error
	stop context.CancelFunc

	once   sync.Once
	runErr error
}

// shutdown stops the bot and waits for Run: after it, every handler has
// finished (Run waits for answers in progress) and all logs are written.
func (h *harness) shutdown() error {
	h.once.Do(func() {
		h.stop()
		select {
		case h.runErr = <-h.done:
		case <-time.After(20 * time.Second):
			h.t.Error("Run did not return after cancel")
		}
	})
	return h.runErr
}

// start runs a bot against a fresh fake Discord and waits until its
// commands are registered.
func start(t *testing.T, cfg Config, deps Deps) *harness {
	t.Helper()
	d := testsupport.NewDiscord(t)
	return startOn(t, d, cfg, deps)
}

func startOn(t *testing.T, d *testsupport.Discord, cfg Config, deps Deps) *harness {
	t.Helper()
	cfg.Token = strings.TrimPrefix(d.Token, "Bot ")
	cfg.APIURL = d.URL
	if cfg.GuildIDs == nil {
		cfg.GuildIDs = []string{d.GuildID}
	}
	if cfg.EditInterval == 0 {
		cfg.EditInterval = 5 * time.Millisecond
	}
	if cfg.AskPerMinute == 0 {
		// Tests ask many questions as one member; the rate has its own.
		cfg.AskPerMinute = -1
	}
	if cfg.ShutdownGrace == 0 {
		cfg.ShutdownGrace = 5 * time.Second
	}
	logs := &testsupport.LogBuffer{}
	deps.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b, err := New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	b.Session().LogLevel = -1 // discordgo's own logging: quiet in tests
	b.now = d.Now             // the bot's clock moves with the fake's Advance
	ctx, cancel := context.WithTimeout(context.Background(), waitBudget(t))
	t.Cleanup(cancel)
	runCtx, stop := context.WithCancel(context.Background())
	h := &harness{t: t, d: d, b: b, logs: logs, ctx: ctx, done: make(chan error, 1), stop: stop}
	go func() { h.done <- b.Run(runCtx) }()
	t.Cleanup(func() { _ = h.shutdown() })
	h.wait("commands registered", func() bool { return len(d.Commands(d.GuildID)) > 0 })
	return h
}

// heartbeating waits for discordgo's first heartbeat on the connection, so
// that a test cutting the connection afterwards meets one reconnecting
// goroutine, not two (see testsupport's Discord.Heartbeats).
func (h *harness) heartbeating() {
	h.t.Helper()
	h.wait("first heartbeat", func() bool { return h.d.Heartbeats() >= 1 })
}

// waitBudget bounds how long a test's waits may take in all: long enough
// for the load tests' simulated model latency (about 20 s of 1–3 s answers)
// under -race on a loaded 2-core machine, where 30 s was not, yet short of
// go test's own deadline so that a hang fails with what was awaited.
func waitBudget(t *testing.T) time.Duration {
	budget := 3 * time.Minute
	if d, ok := t.Deadline(); ok {
		budget = min(budget, time.Until(d)-10*time.Second)
	}
	return max(budget, 30*time.Second)
}

func (h *harness) wait(what string, cond func() bool) {
	h.t.Helper()
	if err := h.d.WaitFor(h.ctx, cond); err != nil {
		h.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// waitNoFatal is wait that marks the test failed but lets it go on, so
// the test can log what it saw.
func (h *harness) waitNoFatal(what string, cond func() bool) {
	h.t.Helper()
	if err := h.d.WaitFor(h.ctx, cond); err != nil {
		h.t.Errorf("waiting for %s: %v", what, err)
	}
}

func (h *harness) ask(q string, extra ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	opts := append([]*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", q)}, extra...)
	return h.d.SendInteraction(testsupport.Interaction{Command: "ask", Options: opts})
}

// settled reports whether an interaction's response is final: acknowledged
// and its original message carries content that is not a streaming draft
// or a place in the queue.
func (h *harness) settled(id string) bool {
	r := h.d.Response(id)
	return r.Acked && r.Original != nil && r.Original.Content != "" && !strings.HasSuffix(r.Original.Content, " …") && r.Original.Flags&discordgo.MessageFlagsLoading == 0 &&
		!strings.Contains(r.Original.Content, queuedPrefix)
}

// checkRequests asserts that every message the bot sent or edited has
// allowed_mentions.parse == [] and obeys Discord's limits.
func checkRequests(t *testing.T, d *testsupport.Discord) {
	t.Helper()
	n := 0
	for _, r := range d.Requests(nil) {
		var payload map[string]any
		create := r.Method == "POST"
		switch {
		case strings.HasSuffix(r.Path, "/callback"):
			body := r.JSON()
			typ, _ := body["type"].(float64)
			if typ == float64(discordgo.InteractionApplicationCommandAutocompleteResult) {
				continue
			}
			payload, _ = body["data"].(map[string]any)
			create = typ == float64(discordgo.InteractionResponseChannelMessageWithSource)
		case strings.Contains(r.Path, "/webhooks/") && (r.Method == "POST" || r.Method == "PATCH"),
			strings.HasPrefix(r.Path, "/api/v9/channels/") && strings.Contains(r.Path, "/messages") && !strings.HasSuffix(r.Path, "/threads") && (r.Method == "POST" || r.Method == "PATCH"):
			payload = r.JSON()
		default:
			continue
		}
		n++
		am, _ := payload["allowed_mentions"].(map[string]any)
		parse, isList := am["parse"].([]any)
		if am == nil || !isList || len(parse) != 0 {
			b, _ := json.Marshal(payload)
			t.Errorf("%s %s: allowed_mentions.parse is not []: %s", r.Method, r.Path, b)
		}
		if msg := testsupport.CheckMessage(payload, create && r.Status < 300); msg != "" && r.Status < 300 {
			t.Errorf("%s %s breaks a limit: %s", r.Method, r.Path, msg)
		}
		if r.Status == 400 {
			t.Errorf("%s %s answered 400: %s", r.Method, r.Path, r.Body)
		}
	}
	if n == 0 {
		t.Error("no message requests recorded")
	}
}

func sampleHitChunk() corpus.Chunk {
	return corpus.Chunk{ID: "doc-9.txt#0", DocID: "doc-9.txt", Text: "Spokesperson Jane Example said the talks would resume."}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// buttonID returns the custom id of the message's button with that label,
// or "".
func buttonID(m *discordgo.Message, label string) string {
	for _, row := range m.Components {
		if r, ok := row.(*discordgo.ActionsRow); ok {
			for _, c := range r.Components {
				if btn, ok := c.(*discordgo.Button); ok && btn.Label == label {
					return btn.CustomID
				}
			}
		}
	}
	return ""
}

// sampleIndex indexes the bundled sample record in memory with the builtin
// embedder, and returns the index and the documents in it.
func sampleIndex(t *testing.T) (*retrieval.Index, []*corpus.Document) {
	t.Helper()
	idx, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	return idx, docs
}
