package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/readout/readout/bot"
	"github.com/readout/readout/config"
	"github.com/readout/readout/telemetry"
	"github.com/readout/readout/verify"
)

// defaultHTTPAddr is where serve listens for health and metrics when the
// config names no address.
const defaultHTTPAddr = "127.0.0.1:9090"

func cmdServe(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", pos[0])}
	}
	stderr := s.stderr
	cfg, err := loadConfig(f)
	if err != nil {
		return err
	}
	level := configLevel(cfg)
	if f.verbose > 0 {
		level = cliLevel(f.verbose)
	}
	log := newLogger(stderr, cfg, level)
	if cfg.Discord.Token == "" {
		return errors.New("no Discord token: set DISCORD_TOKEN (see the README's Discord section)")
	}
	addr := f.http
	if addr == "" {
		addr = cfg.HTTP.Addr
	}
	if addr == "" {
		addr = defaultHTTPAddr
	}

	metrics := telemetry.New()
	a, err := openApp(cfg, log, changeOpts{}, mustLock, metrics)
	if err != nil {
		return err
	}
	defer a.close()
	var b *bot.Bot
	var bmu sync.Mutex
	srv := telemetry.NewServer(metrics, log)
	srv.AddCheck("index", func(context.Context) error {
		if a.idx.Stats().Docs == 0 {
			return errors.New("the index is empty or still being built")
		}
		return nil
	})
	srv.AddCheck("gateway", func(context.Context) error {
		bmu.Lock()
		defer bmu.Unlock()
		if b == nil || !b.Connected() {
			return errors.New("not connected to the Discord gateway")
		}
		return nil
	})
	srv.AddCheck("model", modelCheck(cfg))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	httpDone := make(chan error, 1)
	if addr != "off" {
		go func() {
			err := srv.ListenAndServe(ctx, addr)
			if err != nil {
				// The bot serves on without it; say so now, not at exit.
				log.Error("health and metrics endpoint stopped; the bot goes on without it (set --http or http.addr)", "error", err)
			}
			httpDone <- err
		}()
	} else {
		httpDone <- nil
	}

	// The index is built at first start; after that moderators refresh it
	// (/corpus refresh) or the operator runs `readout index`.
	if indexed, changed := a.lib.SourcesChanged(); changed {
		log.Warn("the index was built from other sources than the configured ones; run /corpus refresh or readout index", "indexed", indexed, "configured", a.lib.Status().Sources)
	}
	if err := a.ensureIndex(ctx, io.Discard, false); err != nil {
		return err
	}
	st := a.idx.Stats()
	metrics.IndexDocs.Set(float64(st.Docs))
	metrics.IndexChunks.Set(float64(st.Chunks))
	log.Info("record loaded", "documents", st.Docs, "passages", st.Chunks, "embedder", st.Embedder, "snapshot", st.Snapshot)

	// Every answer keeps its explanation for the moderators' "Why this
	// answer" button.
	a.pipe.Explain = true
	bb, err := bot.New(bot.Config{
		Token:              cfg.Discord.Token,
		APIURL:             cfg.Discord.APIURL,
		ApplicationID:      cfg.Discord.ApplicationID,
		GuildIDs:           cfg.Discord.GuildIDs,
		ModeratorRoleIDs:   cfg.Discord.ModeratorRoleIDs,
		AskPerMinute:       askPerMinute(cfg.Discord.AskPerMinute),
		AskBurst:           cfg.Discord.AskBurst,
		ModelAnswers:       a.pipe.Chat != nil,
		ModelConcurrency:   cfg.Model.MaxConcurrency,
		QueueLength:        cfg.Discord.QueueLength,
		QueuePerUser:       cfg.Discord.QueuePerUser,
		AllowDMs:           cfg.Discord.AllowDMs,
		CheckQuotesInReply: cfg.Discord.CheckQuotes == config.CheckQuotesReply,
		MessageContent:     cfg.Discord.MessageContent,
		ShardID:            cfg.Discord.ShardID,
		ShardCount:         cfg.Discord.ShardCount,
		EditInterval:       cfg.Discord.EditInterval,
		AnswerTimeout:      cfg.Discord.AnswerTimeout,
		ShutdownGrace:      cfg.Discord.ShutdownGrace,
	}, bot.Deps{Answerer: a.pipe, Searcher: a.idx, Verifier: verify.New(a.idx), Record: a.lib, Logger: log, Metrics: metrics})
	if err != nil {
		return err
	}
	bmu.Lock()
	b = bb
	bmu.Unlock()
	runErr := b.Run(ctx)
	cancel()
	<-httpDone // its failure was logged when it happened
	return runErr
}

// askPerMinute maps the config's rate, where 0 means no limit, to the
// bot's, where 0 means the default and a negative rate no limit.
func askPerMinute(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

// modelCheck is the readiness check of the model server: reachable when a
// model is configured, else extractive mode is declared and always ready.
// Results are cached briefly so probes do not hammer the server.
func modelCheck(cfg config.Config) func(context.Context) error {
	if cfg.Model.ChatModel == "" && cfg.Model.EmbedModel == "" {
		return func(context.Context) error { return nil }
	}
	var mu sync.Mutex
	var last time.Time
	var lastErr error
	client := &http.Client{Timeout: 3 * time.Second}
	url := strings.TrimSuffix(cfg.Model.BaseURL, "/") + "/models"
	return func(ctx context.Context) error {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(last) < 15*time.Second && !last.IsZero() {
			return lastErr
		}
		last = time.Now()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err == nil {
			if cfg.Model.APIKey != "" {
				req.Header.Set("Authorization", "Bearer "+cfg.Model.APIKey)
			}
			var resp *http.Response
			resp, err = client.Do(req)
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode >= 500 {
					err = fmt.Errorf("answered %s", resp.Status)
				}
			}
		}
		if err != nil {
			lastErr = fmt.Errorf("model server at %s unreachable (answers fall back to extractive): %w", cfg.Model.BaseURL, err)
		} else {
			lastErr = nil
		}
		return lastErr
	}
}
