package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/bot"
	"github.com/readout/readout/config"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
)

// checker prints one line per check and remembers whether all passed.
type checker struct {
	w      io.Writer
	failed int
}

func (c *checker) ok(name, format string, args ...any) {
	fmt.Fprintf(c.w, "ok    %-10s %s\n", name, fmt.Sprintf(format, args...))
}

func (c *checker) skip(name, format string, args ...any) {
	fmt.Fprintf(c.w, "skip  %-10s %s\n", name, fmt.Sprintf(format, args...))
}

// warn prints what is probably a mistake but does not fail the check.
func (c *checker) warn(name, problem, fix string) {
	fmt.Fprintf(c.w, "warn  %-10s %s\n", name, problem)
	if fix != "" {
		fmt.Fprintf(c.w, "      %-10s fix: %s\n", "", fix)
	}
}

// sortedKeys returns m's keys in order, for stable output.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// fail prints what is wrong and, on a second line, how to fix it.
func (c *checker) fail(name, problem, fix string) {
	c.failed++
	fmt.Fprintf(c.w, "FAIL  %-10s %s\n", name, problem)
	if fix != "" {
		fmt.Fprintf(c.w, "      %-10s fix: %s\n", "", fix)
	}
}

// cmdCheck tests everything the configuration names and says how to fix
// what fails. It exits 0 only if every check passes.
func cmdCheck(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", pos[0])}
	}
	stdout := s.stdout
	c := &checker{w: stdout}
	cfg, err := loadConfig(f)
	if err != nil {
		c.fail("config", oneLine(err.Error()), "correct the key or the environment variable it names (config.example.yaml documents every key)")
		return fmt.Errorf("%s failed", plural(c.failed, "check"))
	}
	where := f.config
	if where == "" {
		where = "no file (looked for " + strings.Join(config.SearchPaths(os.Getenv), ", ") + "): defaults"
	}
	if len(cfg.FromEnv) > 0 {
		var set []string
		for _, key := range sortedKeys(cfg.FromEnv) {
			set = append(set, cfg.Source(key))
		}
		where += "; from the environment: " + strings.Join(set, ", ")
	}
	c.ok("config", "%s", where)
	if cfg.Model.BaseURL != "" && cfg.Model.ChatModel == "" && cfg.Model.EmbedModel == "" {
		c.warn("model", cfg.Source("model.base_url")+" is set to "+cfg.Model.BaseURL+" but nothing uses it: no model.chat_model or model.embed_model",
			"set READOUT_CHAT_MODEL / model.chat_model (and READOUT_EMBED_MODEL / model.embed_model) to use it, or unset it")
	}

	checkCorpus(c, cfg)
	dim := checkIndex(c, cfg)
	checkEmbedder(ctx, c, cfg, dim)
	checkChat(ctx, c, cfg)
	checkDiscord(ctx, c, cfg)
	if c.failed > 0 {
		return fmt.Errorf("%s failed", plural(c.failed, "check"))
	}
	fmt.Fprintln(stdout, "all checks passed")
	return nil
}

func checkCorpus(c *checker, cfg config.Config) {
	opts := loadOptions(cfg)
	if len(cfg.Corpus.Sources) == 0 {
		docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, opts)
		if err != nil {
			c.fail("corpus", "the bundled sample record: "+err.Error(), "rebuild the binary from a clean checkout")
			return
		}
		c.ok("corpus", "no sources configured: the bundled sample record (%s)", plural(len(docs), "document"))
		return
	}
	for _, src := range cfg.Corpus.Sources {
		docs, skipped, err := corpus.Load(src, opts)
		switch {
		case err != nil:
			c.fail("corpus", fmt.Sprintf("%s: %v", src, err), "fix corpus.sources: each must be a readable folder, file or .tar.gz")
		case len(docs) == 0:
			c.fail("corpus", fmt.Sprintf("%s: no readable document (%d skipped)", src, len(skipped)), "put .txt, .md, .html, .json or .jsonl documents there; `readout index -v` lists what was skipped and why")
		default:
			c.ok("corpus", "%s: %s, %s skipped", src, plural(len(docs), "document"), plural(len(skipped), "file"))
		}
	}
}

// checkIndex opens the snapshot without indexing; it returns its dimension.
func checkIndex(c *checker, cfg config.Config) int {
	path := filepath.Join(cfg.DataDir, retrieval.SnapshotFile)
	if _, err := os.Stat(path); err != nil {
		c.fail("index", "no index at "+path, "run `readout index` (serve also builds it on first start)")
		return 0
	}
	emb, err := newEmbedder(cfg)
	if err != nil {
		c.fail("index", err.Error(), "fix the model section of the config")
		return 0
	}
	idx, err := retrieval.Open(cfg.DataDir, emb, retrieval.IndexOptions{})
	if err != nil {
		var mm *retrieval.MismatchError
		if errors.As(err, &mm) {
			c.fail("index", err.Error(), "run `readout index --rebuild` to embed the record with the configured embedder")
		} else {
			c.fail("index", err.Error(), "run `readout index --rebuild` to rebuild it from the sources")
		}
		return 0
	}
	st := idx.Stats()
	c.ok("index", "%s, %s, embedder %s (%d dimensions), snapshot %s", plural(st.Docs, "document"), plural(st.Chunks, "passage"), st.Embedder, st.Dim, st.Snapshot)
	checkRecordSources(c, cfg, idx)
	return st.Dim
}

// checkRecordSources says which sources the record was built from and,
// once, when a refresh would read other ones.
func checkRecordSources(c *checker, cfg config.Config, idx *retrieval.Index) {
	rs := record.New(idx, record.Options{Sources: cfg.Corpus.Sources, DataDir: cfg.DataDir}).Status()
	switch {
	case rs.Sources == nil:
		c.ok("record", "the data folder does not say which sources it was built from; `readout index --corpus SOURCE` records them")
	case rs.SourcesDiffer:
		c.ok("record", "built from %s; the configured sources are %s: `readout index` would switch to them",
			strings.Join(rs.Sources, ", "), strings.Join(rs.Configured, ", "))
	default:
		c.ok("record", "built from %s", strings.Join(rs.Sources, ", "))
	}
}

func checkEmbedder(ctx context.Context, c *checker, cfg config.Config, indexDim int) {
	if cfg.Model.EmbedModel == "" {
		c.skip("embedder", "embedded embedder (no model.embed_model)")
		return
	}
	emb, err := newEmbedder(cfg)
	if err != nil {
		c.fail("embedder", err.Error(), "fix "+cfg.Source("model.base_url")+" and "+cfg.Source("model.embed_model"))
		return
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Model.Timeout)
	defer cancel()
	vecs, err := emb.Embed(ctx, []string{"readout check"})
	if err != nil {
		c.fail("embedder", fmt.Sprintf("%s at %s: %v", cfg.Model.EmbedModel, cfg.Model.BaseURL, err),
			"start the model server and make sure it serves this model (Ollama: `ollama pull "+cfg.Model.EmbedModel+"`)")
		return
	}
	if len(vecs) != 1 || len(vecs[0]) == 0 {
		c.fail("embedder", "the endpoint returned no vector", "check that the model is an embedding model")
		return
	}
	if indexDim != 0 && len(vecs[0]) != indexDim {
		c.fail("embedder", fmt.Sprintf("the model returns %d dimensions but the index has %d", len(vecs[0]), indexDim), "run `readout index --rebuild`")
		return
	}
	c.ok("embedder", "%s answers with %d dimensions", cfg.Model.EmbedModel, len(vecs[0]))
}

func checkChat(ctx context.Context, c *checker, cfg config.Config) {
	chat := newChat(cfg, nil)
	if chat == nil {
		c.skip("chat", "extractive answers (no model.chat_model)")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Model.Timeout)
	defer cancel()
	reply, err := chat.Complete(ctx, []answer.Message{{Role: "user", Content: "Reply with the single word: ok"}}, nil)
	if err != nil {
		c.fail("chat", fmt.Sprintf("%s at %s: %v", cfg.Model.ChatModel, cfg.Model.BaseURL, err),
			"start the model server and make sure it serves this model (Ollama: `ollama pull "+cfg.Model.ChatModel+"`)")
		return
	}
	c.ok("chat", "%s answered %q", cfg.Model.ChatModel, truncate(strings.TrimSpace(reply), 40))
}

// Application flags that say the Message Content intent is enabled.
const (
	appFlagMessageContent        = 1 << 18
	appFlagMessageContentLimited = 1 << 19
)

func checkDiscord(ctx context.Context, c *checker, cfg config.Config) {
	if cfg.Discord.Token == "" {
		c.skip("discord", "no token (set DISCORD_TOKEN to run the bot)")
		return
	}
	s, err := discordgo.New("Bot " + strings.TrimPrefix(cfg.Discord.Token, "Bot "))
	if err != nil {
		c.fail("discord", err.Error(), "check DISCORD_TOKEN")
		return
	}
	s.Client = &http.Client{Timeout: 15 * time.Second}
	if cfg.Discord.APIURL != "" && cfg.Discord.APIURL != config.DefaultDiscordAPI {
		rt, err := bot.NewRewriteTransport(cfg.Discord.APIURL, nil)
		if err != nil {
			c.fail("discord", err.Error(), "fix discord.api_url")
			return
		}
		s.Client.Transport = rt
	}
	me, err := s.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		c.fail("discord", "the token was refused: "+discordErr(err),
			"copy the bot token from the developer portal (Bot > Reset Token) into DISCORD_TOKEN")
		return
	}
	c.ok("discord", "token valid for bot %s (%s)", me.Username, me.ID)

	app, err := s.Application("@me")
	if err != nil {
		c.fail("discord", "could not read the application: "+discordErr(err), "check that the token belongs to a bot application")
	} else {
		if cfg.Discord.ApplicationID != "" && cfg.Discord.ApplicationID != app.ID {
			c.fail("discord", fmt.Sprintf("discord.application_id is %s but the token belongs to application %s", cfg.Discord.ApplicationID, app.ID),
				"set discord.application_id to "+app.ID+" or leave it empty")
		} else {
			c.ok("discord", "application %s", app.ID)
		}
		enabled := app.Flags&(appFlagMessageContent|appFlagMessageContentLimited) != 0
		switch {
		case cfg.Discord.MessageContent && !enabled:
			c.fail("discord", "discord.message_content is true but the Message Content intent is not enabled for the application",
				"enable it in the developer portal (Bot > Privileged Gateway Intents > Message Content Intent), or set discord.message_content: false")
		case !cfg.Discord.MessageContent && enabled:
			c.ok("discord", "the Message Content intent is enabled but not used (discord.message_content: false): follow-ups must mention the bot")
		default:
			c.ok("discord", "Message Content intent setting matches the portal (%v)", enabled)
		}
	}
	if len(cfg.Discord.GuildIDs) == 0 {
		c.skip("discord", "no guild_ids: commands are registered globally")
		return
	}
	guilds, err := s.UserGuilds(200, "", "", false, discordgo.WithContext(ctx))
	if err != nil {
		c.fail("discord", "could not list the bot's servers: "+discordErr(err), "")
		return
	}
	in := map[string]bool{}
	for _, g := range guilds {
		in[g.ID] = true
	}
	for _, id := range cfg.Discord.GuildIDs {
		if in[id] {
			c.ok("discord", "the bot is in guild %s", id)
		} else {
			c.fail("discord", "the bot is not in guild "+id,
				"invite it with the link in the README (scopes bot and applications.commands), or remove the id from discord.guild_ids")
		}
	}
}

// discordErr shortens discordgo's errors to Discord's status and message.
func discordErr(err error) string {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		if re.Message != nil && re.Message.Message != "" {
			return fmt.Sprintf("%s (%s)", re.Response.Status, re.Message.Message)
		}
		return re.Response.Status
	}
	return err.Error()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
