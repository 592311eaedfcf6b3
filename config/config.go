// Package config reads readout's YAML configuration, applies the environment
// overrides for secrets and model choices, fills in defaults and validates
// the result, with errors that name the key and say what is wrong.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/typo"
)

// Config is the whole configuration. The zero value plus Defaults is the
// offline setup: the bundled sample record, the embedded embedder and
// extractive answers.
type Config struct {
	// DataDir holds the index snapshot and documents added by moderators.
	DataDir   string    `yaml:"data_dir"`
	Corpus    Corpus    `yaml:"corpus"`
	Model     Model     `yaml:"model"`
	Retrieval Retrieval `yaml:"retrieval"`
	Discord   Discord   `yaml:"discord"`
	HTTP      HTTP      `yaml:"http"`
	Log       Log       `yaml:"log"`
	// FromEnv maps a key ("model.base_url") to the environment variable
	// that set its value, so a message about the value names where it came
	// from.
	FromEnv map[string]string `yaml:"-"`
}

// Corpus says where the record comes from.
type Corpus struct {
	// Sources are folders (walked recursively), single files or .tar.gz
	// archives. Empty means the bundled sample record.
	Sources []string `yaml:"sources"`
	// Uploads is where /corpus add stores documents; it is always read as
	// one more source. Default: <data_dir>/uploads.
	Uploads string `yaml:"uploads"`
	// MaxFileBytes skips larger files.
	MaxFileBytes int64 `yaml:"max_file_bytes"`
	// MaxTotalBytes and MaxDocuments bound what one reading of the sources
	// may bring in, archives counted as they expand; a refresh past either
	// stops and the record stays as it was.
	MaxTotalBytes int64 `yaml:"max_total_bytes"`
	MaxDocuments  int   `yaml:"max_documents"`
	// FollowSymlinks reads files that links in a source folder point to
	// outside it (off: such links are skipped and reported).
	FollowSymlinks bool `yaml:"follow_symlinks"`
	// ChunkBytes and ChunkOverlap size the passages.
	ChunkBytes   int `yaml:"chunk_bytes"`
	ChunkOverlap int `yaml:"chunk_overlap"`
	// AllowPrivateURLs lets /corpus add fetch from loopback and private
	// addresses (off: only public http and https).
	AllowPrivateURLs bool `yaml:"allow_private_urls"`
}

// Model configures the OpenAI-compatible endpoint.
type Model struct {
	// BaseURL of the OpenAI-compatible API, e.g. http://localhost:11434/v1.
	BaseURL string `yaml:"base_url"`
	// APIKey is sent as a bearer token when set. Prefer OPENAI_API_KEY.
	APIKey string `yaml:"api_key"`
	// ChatModel turns on generated answers; empty means extractive answers.
	ChatModel string `yaml:"chat_model"`
	// EmbedModel replaces the embedded embedder with the endpoint's model.
	EmbedModel      string        `yaml:"embed_model"`
	EmbedDimensions int           `yaml:"embed_dimensions"`
	EmbedBatchSize  int           `yaml:"embed_batch_size"`
	Timeout         time.Duration `yaml:"timeout"`
	MaxTokens       int           `yaml:"max_tokens"`
	Temperature     float32       `yaml:"temperature"`
	// MaxConcurrency is how many answers may call the chat model at once:
	// what the model server can take. More questions wait their turn.
	MaxConcurrency int `yaml:"max_concurrency"`
}

// Retrieval tunes search.
type Retrieval struct {
	// Passages is how many passages an answer is drawn from.
	Passages int `yaml:"passages"`
	// Builtin chooses the embedded embedder used when model.embed_model is
	// empty: "hash" (hashed word stems: matches shared words only),
	// "static" (word vectors distilled from a sentence encoder: meaning
	// only) or "hash+static" (both joined).
	Builtin string `yaml:"builtin"`
	// BuiltinDimensions is the vector size of the hash embedder (the static
	// one has the size of its table).
	BuiltinDimensions int `yaml:"builtin_dimensions"`
}

// Discord configures the bot.
type Discord struct {
	// Token of the bot. Prefer DISCORD_TOKEN.
	Token string `yaml:"token"`
	// APIURL is Discord's base URL; point it at a compatible or test server.
	APIURL        string `yaml:"api_url"`
	ApplicationID string `yaml:"application_id"`
	// GuildIDs register commands per guild (instant); empty means global.
	GuildIDs         []string `yaml:"guild_ids"`
	ModeratorRoleIDs []string `yaml:"moderator_role_ids"`
	// MessageContent must match the privileged intent in the portal.
	MessageContent bool `yaml:"message_content"`
	AllowDMs       bool `yaml:"allow_dms"`
	// CheckQuotes says where the Check quotes message command answers:
	// CheckQuotesPrivate (to the member who asked alone) or
	// CheckQuotesReply (a reply to the checked message, for everyone).
	CheckQuotes string `yaml:"check_quotes"`
	// AskPerMinute and AskBurst are one member's rate of /ask: AskBurst
	// questions at once, then AskPerMinute a minute (0: no limit).
	// Follow-ups in threads and moderators are not limited. /verify and
	// Check quotes together have the same rate, counted apart, and so
	// does /search.
	AskPerMinute int `yaml:"ask_per_minute"`
	AskBurst     int `yaml:"ask_burst"`
	// QueueLength bounds the questions waiting their turn, QueuePerUser
	// one member's questions waiting or being answered; beyond them /ask
	// is refused with the reason. Follow-ups are never refused.
	QueueLength  int `yaml:"queue_length"`
	QueuePerUser int `yaml:"queue_per_user"`
	// Cooldown and MaxInFlight are the old names of the limits, read with
	// a deprecation warning: Cooldown becomes AskPerMinute (one question
	// per cooldown) and MaxInFlight model.max_concurrency.
	Cooldown      time.Duration `yaml:"cooldown"`
	MaxInFlight   int           `yaml:"max_in_flight"`
	EditInterval  time.Duration `yaml:"edit_interval"`
	AnswerTimeout time.Duration `yaml:"answer_timeout"`
	ShutdownGrace time.Duration `yaml:"shutdown_grace"`
	ShardID       int           `yaml:"shard_id"`
	ShardCount    int           `yaml:"shard_count"`
}

// HTTP configures the health and metrics endpoint.
type HTTP struct {
	// Addr to listen on ("127.0.0.1:9090"); empty turns it off.
	Addr string `yaml:"addr"`
}

// Log configures logging.
type Log struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // auto, text, json
}

// The embedded embedders retrieval.builtin chooses between.
const (
	BuiltinStatic = "static"
	BuiltinHash   = "hash"
	BuiltinHybrid = "hash+static"
)

// Where the Check quotes message command answers (discord.check_quotes).
const (
	CheckQuotesPrivate = "private"
	CheckQuotesReply   = "reply"
)

// DefaultDiscordAPI is Discord's own API base URL.
const DefaultDiscordAPI = "https://discord.com"

// Default returns the configuration used when there is no file.
func Default() Config {
	return Config{
		DataDir: "readout-data",
		Corpus: Corpus{
			MaxFileBytes:  16 << 20,
			MaxTotalBytes: corpus.DefaultMaxTotalBytes,
			MaxDocuments:  corpus.DefaultMaxDocuments,
			ChunkBytes:    1000,
			ChunkOverlap:  200,
		},
		Model: Model{
			EmbedBatchSize: 64,
			Timeout:        90 * time.Second,
			MaxTokens:      800,
			MaxConcurrency: 4,
		},
		Retrieval: Retrieval{Passages: 8, Builtin: BuiltinHash, BuiltinDimensions: 384},
		Discord: Discord{
			APIURL:         DefaultDiscordAPI,
			MessageContent: true,
			CheckQuotes:    CheckQuotesPrivate,
			AskPerMinute:   6,
			AskBurst:       3,
			QueueLength:    1000,
			QueuePerUser:   20,
			EditInterval:   time.Second,
			AnswerTimeout:  2 * time.Minute,
			ShutdownGrace:  30 * time.Second,
			ShardCount:     1,
		},
		Log: Log{Level: "info", Format: "auto"},
	}
}

// SearchPaths are where Find looks for a configuration file when none is
// named, in order: ./readout.yaml, ./config.yaml, then
// $XDG_CONFIG_HOME/readout/config.yaml ($HOME/.config when XDG_CONFIG_HOME
// is not set), as the XDG base directory specification has it.
func SearchPaths(env func(string) string) []string {
	paths := []string{"readout.yaml", "config.yaml"}
	dir := env("XDG_CONFIG_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		if home := env("HOME"); home != "" {
			dir = filepath.Join(home, ".config")
		} else {
			dir = ""
		}
	}
	if dir != "" {
		paths = append(paths, filepath.Join(dir, "readout", "config.yaml"))
	}
	return paths
}

// Find returns the first of SearchPaths that is a file, or "" when there
// is none (the defaults apply).
func Find(env func(string) string) string {
	for _, p := range SearchPaths(env) {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// Load reads the file at path (empty: no file), applies env (usually
// os.Getenv; nil means no environment) and validates.
func Load(path string, env func(string) string) (Config, error) {
	cfg := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("read config: %w", err)
		}
		if err := Parse(data, &cfg); err != nil {
			return Config{}, fmt.Errorf("config %s: %w", path, err)
		}
		cfg.resolvePaths(filepath.Dir(path))
		cfg.renameDeprecated(slog.Default())
	}
	if env != nil {
		cfg.applyEnv(env)
	}
	if err := cfg.Validate(); err != nil {
		switch {
		case cfg.onlyEnvBlamed(err):
			return Config{}, fmt.Errorf("environment: %w", err)
		case path != "":
			return Config{}, fmt.Errorf("config %s: %w", path, err)
		}
		return Config{}, fmt.Errorf("config: %w", err)
	}
	return cfg, nil
}

// Parse decodes YAML into cfg over its current values, refusing unknown keys.
func Parse(data []byte, cfg *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil {
		if errors.Is(err, io.EOF) { // an empty file: all defaults
			return nil
		}
		var te *yaml.TypeError
		if errors.As(err, &te) {
			// One line per mistake, each naming its key and what to write.
			msgs := make([]string, len(te.Errors))
			for i, e := range te.Errors {
				msgs[i] = plainTypeError(nameKeys(data, e))
			}
			return errors.New(strings.Join(msgs, "; "))
		}
		return fmt.Errorf("%s", nameKeys(data, strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	return nil
}

// unknownField and cannotUnmarshal are yaml's words for a key the
// configuration does not have and a value of the wrong kind, after
// nameKeys: "discord.tokn (line 2): field tokn not found in type
// config.Discord", "retrieval.passages (line 2): cannot unmarshal !!str
// `lots` into int".
var (
	unknownField    = regexp.MustCompile(`^(\S+) \(line \d+\): field \S+ not found in type \S+$`)
	cannotUnmarshal = regexp.MustCompile(`cannot unmarshal !!\w+ (.*) into (\S+)$`)
)

// wantedKinds says, for the Go types of the configuration's values, what
// a value must look like.
var wantedKinds = map[string]string{
	"int": "a whole number", "int64": "a whole number", "float64": "a number", "float32": "a number",
	"bool": "true or false", "string": "a text", "time.Duration": "a duration such as 30s or 2m",
	"[]string": "a list", "[]int64": "a list",
}

// plainTypeError rewrites one of yaml's type errors in the words of the
// configuration: an unknown key with the key it probably meant, a value
// of the wrong kind with the kind wanted.
func plainTypeError(msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		key := m[1]
		parent, name := "", key
		if i := strings.LastIndex(key, "."); i >= 0 {
			parent, name = key[:i], key[i+1:]
		}
		out := msg[:strings.Index(msg, "): ")+3] + "no such key"
		if sug := typo.Suggest(name, keysUnder(parent)); sug != "" {
			if parent != "" {
				sug = parent + "." + sug
			}
			out += "; did you mean " + sug + "?"
		}
		return out
	}
	if m := cannotUnmarshal.FindStringSubmatchIndex(msg); m != nil {
		value, into := msg[m[2]:m[3]], msg[m[4]:m[5]]
		if kind, ok := wantedKinds[into]; ok {
			return msg[:m[0]] + value + " is not " + kind
		}
	}
	return msg
}

// keysUnder lists the keys the configuration takes under the dotted key
// parent ("" for the top level), read from the yaml tags of Config.
func keysUnder(parent string) []string {
	t := reflect.TypeOf(Config{})
	if parent != "" {
		for _, part := range strings.Split(parent, ".") {
			f, ok := fieldByKey(t, part)
			if !ok {
				return nil
			}
			t = f.Type
		}
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if k := yamlKey(t.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// fieldByKey finds the field of struct type t whose yaml key is key.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := 0; i < t.NumField(); i++ {
		if yamlKey(t.Field(i)) == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// yamlKey is the key a field is read from; "" for none.
func yamlKey(f reflect.StructField) string {
	k, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if k == "-" || !f.IsExported() {
		return ""
	}
	return k
}

var lineRef = regexp.MustCompile(`line (\d+)`)

// nameKeys rewrites yaml's "line N: ..." messages to name the key at that
// line, so "line 2: cannot unmarshal !!str `soon` into time.Duration"
// becomes "discord.cooldown (line 2): cannot unmarshal ...".
func nameKeys(data []byte, msg string) string {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return msg
	}
	keys := map[int]string{}
	var walk func(n *yaml.Node, prefix string)
	walk = func(n *yaml.Node, prefix string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			keys[k.Line] = prefix + k.Value
			if v.Line != k.Line {
				keys[v.Line] = prefix + k.Value
			}
			walk(v, prefix+k.Value+".")
		}
	}
	walk(root.Content[0], "")
	return lineRef.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
		if k, ok := keys[n]; ok {
			return k + " (" + m + ")"
		}
		return m
	})
}

// DeprecatedKeys maps keys still read, with a warning, to what replaces
// them; config.example.yaml documents only the replacements.
var DeprecatedKeys = map[string]string{
	"discord.cooldown":      "discord.ask_per_minute and discord.ask_burst",
	"discord.max_in_flight": "model.max_concurrency",
}

// renameDeprecated reads the limits' old keys into the new ones, with a
// warning that says what to write instead. discord.cooldown (a gap between
// two questions of one member) becomes a rate of one question per gap;
// discord.max_in_flight becomes model.max_concurrency.
func (c *Config) renameDeprecated(log *slog.Logger) {
	if c.Discord.Cooldown > 0 {
		per := max(int(time.Minute/c.Discord.Cooldown), 1)
		log.Warn("config: discord.cooldown is deprecated; it is read as discord.ask_per_minute with ask_burst 1, and follow-ups in threads are no longer limited",
			"cooldown", c.Discord.Cooldown, "ask_per_minute", per)
		c.Discord.AskPerMinute, c.Discord.AskBurst = per, 1
	}
	if c.Discord.MaxInFlight > 0 {
		log.Warn("config: discord.max_in_flight is deprecated; it is read as model.max_concurrency, and questions beyond it wait their turn instead of being refused",
			"max_in_flight", c.Discord.MaxInFlight)
		c.Model.MaxConcurrency = c.Discord.MaxInFlight
	}
	c.Discord.Cooldown, c.Discord.MaxInFlight = 0, 0
}

// resolvePaths makes relative paths in the file relative to the file's folder.
func (c *Config) resolvePaths(dir string) {
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	c.DataDir = abs(c.DataDir)
	c.Corpus.Uploads = abs(c.Corpus.Uploads)
	for i, s := range c.Corpus.Sources {
		c.Corpus.Sources[i] = abs(s)
	}
}

// applyEnv lets the environment override the file.
func (c *Config) applyEnv(env func(string) string) {
	set := func(dst *string, name, key string) {
		if v := strings.TrimSpace(env(name)); v != "" {
			*dst = v
			if c.FromEnv == nil {
				c.FromEnv = map[string]string{}
			}
			c.FromEnv[key] = name
		}
	}
	set(&c.Discord.Token, "DISCORD_TOKEN", "discord.token")
	set(&c.Model.BaseURL, "OPENAI_BASE_URL", "model.base_url")
	set(&c.Model.APIKey, "OPENAI_API_KEY", "model.api_key")
	set(&c.Model.ChatModel, "READOUT_CHAT_MODEL", "model.chat_model")
	set(&c.Model.EmbedModel, "READOUT_EMBED_MODEL", "model.embed_model")
	set(&c.DataDir, "READOUT_DATA", "data_dir")
	set(&c.Retrieval.Builtin, "READOUT_BUILTIN", "retrieval.builtin")
}

// Source names where a key's value came from: "OPENAI_BASE_URL (model.base_url)"
// when the environment set it, else the key.
func (c *Config) Source(key string) string {
	if name := c.FromEnv[key]; name != "" {
		return name + " (" + key + ")"
	}
	return key
}

// onlyEnvBlamed says whether every problem Validate found is in a value
// the environment set: then the file is not to blame.
func (c *Config) onlyEnvBlamed(err error) bool {
	lines := strings.Split(err.Error(), "\n")
	for _, l := range lines {
		blamed := false
		for _, name := range c.FromEnv {
			if strings.HasPrefix(l, name+" (") {
				blamed = true
			}
		}
		if !blamed {
			return false
		}
	}
	return len(lines) > 0
}

// UploadsDir is where added documents are stored.
func (c *Config) UploadsDir() string {
	if c.Corpus.Uploads != "" {
		return c.Corpus.Uploads
	}
	return filepath.Join(c.DataDir, "uploads")
}

// Validate checks every value and names the first key that is wrong.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", c.Source(key), fmt.Sprintf(format, args...)))
	}
	if strings.TrimSpace(c.DataDir) == "" {
		bad("data_dir", "must not be empty")
	}
	for i, s := range c.Corpus.Sources {
		if strings.TrimSpace(s) == "" {
			bad(fmt.Sprintf("corpus.sources[%d]", i), "must not be empty")
		}
	}
	if c.Corpus.MaxFileBytes <= 0 {
		bad("corpus.max_file_bytes", "must be positive, got %d", c.Corpus.MaxFileBytes)
	}
	if c.Corpus.MaxTotalBytes <= 0 {
		bad("corpus.max_total_bytes", "must be positive, got %d", c.Corpus.MaxTotalBytes)
	}
	if c.Corpus.MaxDocuments <= 0 {
		bad("corpus.max_documents", "must be positive, got %d", c.Corpus.MaxDocuments)
	}
	if c.Corpus.ChunkBytes < 200 || c.Corpus.ChunkBytes > 20000 {
		bad("corpus.chunk_bytes", "must be between 200 and 20000, got %d", c.Corpus.ChunkBytes)
	}
	if c.Corpus.ChunkOverlap < 0 || c.Corpus.ChunkOverlap >= c.Corpus.ChunkBytes {
		bad("corpus.chunk_overlap", "must be at least 0 and less than chunk_bytes, got %d", c.Corpus.ChunkOverlap)
	}
	if c.Model.BaseURL != "" {
		if u, err := url.Parse(c.Model.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("model.base_url", "must be an http or https URL such as http://localhost:11434/v1, got %q", c.Model.BaseURL)
		}
	}
	if (c.Model.ChatModel != "" || c.Model.EmbedModel != "") && c.Model.BaseURL == "" {
		bad("model.base_url", "is required when model.chat_model or model.embed_model is set (for OpenAI use https://api.openai.com/v1, for Ollama http://localhost:11434/v1)")
	}
	if c.Model.EmbedDimensions < 0 {
		bad("model.embed_dimensions", "must not be negative")
	}
	if c.Model.EmbedBatchSize < 1 || c.Model.EmbedBatchSize > 2048 {
		bad("model.embed_batch_size", "must be between 1 and 2048, got %d", c.Model.EmbedBatchSize)
	}
	if c.Model.Timeout <= 0 {
		bad("model.timeout", "must be a positive duration such as 90s")
	}
	if c.Model.MaxTokens < 1 {
		bad("model.max_tokens", "must be positive")
	}
	if c.Model.Temperature < 0 || c.Model.Temperature > 2 {
		bad("model.temperature", "must be between 0 and 2")
	}
	if c.Retrieval.Passages < 1 || c.Retrieval.Passages > 50 {
		bad("retrieval.passages", "must be between 1 and 50, got %d", c.Retrieval.Passages)
	}
	if c.Retrieval.Builtin != BuiltinHash && c.Retrieval.Builtin != BuiltinStatic && c.Retrieval.Builtin != BuiltinHybrid {
		bad("retrieval.builtin", "must be %q, %q or %q, got %q", BuiltinHybrid, BuiltinHash, BuiltinStatic, c.Retrieval.Builtin)
	}
	if c.Retrieval.BuiltinDimensions < 64 || c.Retrieval.BuiltinDimensions > 4096 {
		bad("retrieval.builtin_dimensions", "must be between 64 and 4096, got %d", c.Retrieval.BuiltinDimensions)
	}
	if u, err := url.Parse(c.Discord.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("discord.api_url", "must be an http or https URL, got %q", c.Discord.APIURL)
	}
	for i, id := range c.Discord.GuildIDs {
		if !isSnowflake(id) {
			bad(fmt.Sprintf("discord.guild_ids[%d]", i), "must be a numeric Discord id, got %q", id)
		}
	}
	for i, id := range c.Discord.ModeratorRoleIDs {
		if !isSnowflake(id) {
			bad(fmt.Sprintf("discord.moderator_role_ids[%d]", i), "must be a numeric Discord id, got %q", id)
		}
	}
	if c.Discord.ApplicationID != "" && !isSnowflake(c.Discord.ApplicationID) {
		bad("discord.application_id", "must be a numeric Discord id, got %q", c.Discord.ApplicationID)
	}
	if c.Discord.CheckQuotes != CheckQuotesPrivate && c.Discord.CheckQuotes != CheckQuotesReply {
		bad("discord.check_quotes", "must be %q (verdicts to the member who asked) or %q (a reply to the message, for everyone), got %q", CheckQuotesPrivate, CheckQuotesReply, c.Discord.CheckQuotes)
	}
	if c.Discord.Cooldown < 0 {
		bad("discord.cooldown", "must not be negative (it is deprecated: use discord.ask_per_minute)")
	}
	if c.Discord.MaxInFlight < 0 {
		bad("discord.max_in_flight", "must not be negative (it is deprecated: use model.max_concurrency)")
	}
	if c.Model.MaxConcurrency < 1 {
		bad("model.max_concurrency", "must be at least 1, got %d", c.Model.MaxConcurrency)
	}
	if c.Discord.AskPerMinute < 0 {
		bad("discord.ask_per_minute", "must not be negative (0 turns the limit off), got %d", c.Discord.AskPerMinute)
	}
	if c.Discord.AskBurst < 1 {
		bad("discord.ask_burst", "must be at least 1, got %d", c.Discord.AskBurst)
	}
	if c.Discord.QueueLength < 1 {
		bad("discord.queue_length", "must be at least 1, got %d", c.Discord.QueueLength)
	}
	if c.Discord.QueuePerUser < 1 {
		bad("discord.queue_per_user", "must be at least 1, got %d", c.Discord.QueuePerUser)
	}
	if c.Discord.EditInterval < 200*time.Millisecond {
		bad("discord.edit_interval", "must be at least 200ms (Discord rate-limits edits), got %s", c.Discord.EditInterval)
	}
	if c.Discord.AnswerTimeout <= 0 || c.Discord.AnswerTimeout > 14*time.Minute {
		bad("discord.answer_timeout", "must be positive and under 14m (interaction tokens last 15 minutes), got %s", c.Discord.AnswerTimeout)
	}
	if c.Discord.ShutdownGrace < 0 {
		bad("discord.shutdown_grace", "must not be negative")
	}
	if c.Discord.ShardCount < 1 {
		bad("discord.shard_count", "must be at least 1, got %d", c.Discord.ShardCount)
	}
	if c.Discord.ShardID < 0 || c.Discord.ShardID >= c.Discord.ShardCount {
		bad("discord.shard_id", "must be between 0 and shard_count-1, got %d", c.Discord.ShardID)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level", "must be debug, info, warn or error, got %q", c.Log.Level)
	}
	switch c.Log.Format {
	case "auto", "text", "json":
	default:
		bad("log.format", "must be auto, text or json, got %q", c.Log.Format)
	}
	return errors.Join(errs...)
}

func isSnowflake(s string) bool {
	if len(s) < 1 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
