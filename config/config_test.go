package config

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDefaultsAreValid(t *testing.T) {
	cfg, err := Load("", nil)
	if err != nil {
		t.Fatalf("defaults: %v", err)
	}
	if cfg.Model.ChatModel != "" || cfg.Model.EmbedModel != "" || len(cfg.Corpus.Sources) != 0 {
		t.Errorf("defaults must be offline with the sample record: %+v", cfg)
	}
}

// The example file documents every key with its default: loading it must
// give exactly Default(), and its keys must be exactly the keys the code reads.
func TestExampleMatchesCode(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "config.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := Default()
	// Start from zero so a key missing from the file cannot hide behind a default.
	var fromFile Config
	if err := Parse(data, &fromFile); err != nil {
		t.Fatalf("example does not parse: %v", err)
	}
	if !reflect.DeepEqual(normalise(fromFile), normalise(cfg)) {
		t.Errorf("example values differ from Default():\nexample %+v\ndefault %+v", fromFile, cfg)
	}

	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	inFile := map[string]bool{}
	collectKeys(root.Content[0], "", inFile)
	inCode := map[string]bool{}
	collectFields(reflect.TypeOf(Config{}), "", inCode)
	var missing, unknown []string
	for k := range inCode {
		if !inFile[k] {
			missing = append(missing, k)
		}
	}
	for k := range inFile {
		if !inCode[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(unknown)
	if len(missing) > 0 {
		t.Errorf("keys the code reads but config.example.yaml lacks: %v", missing)
	}
	if len(unknown) > 0 {
		t.Errorf("keys in config.example.yaml the code does not know: %v", unknown)
	}
}

// normalise maps nil and empty slices together for comparison.
func normalise(c Config) Config {
	if len(c.Corpus.Sources) == 0 {
		c.Corpus.Sources = nil
	}
	if len(c.Discord.GuildIDs) == 0 {
		c.Discord.GuildIDs = nil
	}
	if len(c.Discord.ModeratorRoleIDs) == 0 {
		c.Discord.ModeratorRoleIDs = nil
	}
	return c
}

func collectKeys(n *yaml.Node, prefix string, out map[string]bool) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := prefix + n.Content[i].Value
		out[key] = true
		collectKeys(n.Content[i+1], key+".", out)
	}
}

func collectFields(t reflect.Type, prefix string, out map[string]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		key := prefix + tag
		if _, old := DeprecatedKeys[key]; old {
			continue // read, but no longer documented
		}
		out[key] = true
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeOf(time.Duration(0)) {
			collectFields(f.Type, key+".", out)
		}
	}
}

func TestEnvironmentOverridesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	os.WriteFile(path, []byte("model:\n  base_url: http://file.example/v1\n  chat_model: from-file\ndiscord:\n  token: file-token\ncorpus:\n  sources: [records]\n"), 0o600)
	cfg, err := Load(path, envOf(map[string]string{
		"DISCORD_TOKEN":       "env-token",
		"OPENAI_BASE_URL":     "http://localhost:11434/v1",
		"OPENAI_API_KEY":      "sk-env",
		"READOUT_CHAT_MODEL":  "llama3.1:8b",
		"READOUT_EMBED_MODEL": "nomic-embed-text",
		"READOUT_DATA":        "/var/lib/readout",
		"READOUT_BUILTIN":     "hash+static",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ name, got, want string }{
		{"token", cfg.Discord.Token, "env-token"},
		{"base_url", cfg.Model.BaseURL, "http://localhost:11434/v1"},
		{"api_key", cfg.Model.APIKey, "sk-env"},
		{"chat_model", cfg.Model.ChatModel, "llama3.1:8b"},
		{"embed_model", cfg.Model.EmbedModel, "nomic-embed-text"},
		{"data_dir", cfg.DataDir, "/var/lib/readout"},
		{"builtin", cfg.Retrieval.Builtin, "hash+static"},
		{"sources resolved against the file", cfg.Corpus.Sources[0], filepath.Join(dir, "records")},
		{"uploads default", cfg.UploadsDir(), filepath.Join("/var/lib/readout", "uploads")},
	}
	for _, w := range want {
		if w.got != w.want {
			t.Errorf("%s = %q, want %q", w.name, w.got, w.want)
		}
	}
}

func TestErrorsNameTheKey(t *testing.T) {
	cases := []struct {
		name, yaml, wantKey string
	}{
		{"unknown key", "modle:\n  chat_model: x\n", "modle"},
		{"unknown nested key", "discord:\n  tokn: x\n", "tokn"},
		{"bad duration", "discord:\n  cooldown: soon\n", "cooldown"},
		{"no model slot", "model:\n  max_concurrency: 0\n", "model.max_concurrency"},
		{"negative rate", "discord:\n  ask_per_minute: -1\n", "discord.ask_per_minute"},
		{"no queue", "discord:\n  queue_length: 0\n", "discord.queue_length"},
		{"bad url", "model:\n  base_url: localhost:11434\n", "model.base_url"},
		{"chat without url", "model:\n  chat_model: llama3\n", "model.base_url"},
		{"bad guild", "discord:\n  guild_ids: [general]\n", "discord.guild_ids[0]"},
		{"check quotes nowhere", "discord:\n  check_quotes: public\n", "discord.check_quotes"},
		{"shard out of range", "discord:\n  shard_id: 2\n  shard_count: 2\n", "discord.shard_id"},
		{"overlap too big", "corpus:\n  chunk_bytes: 500\n  chunk_overlap: 600\n", "corpus.chunk_overlap"},
		{"no load bytes", "corpus:\n  max_total_bytes: 0\n", "corpus.max_total_bytes"},
		{"no load documents", "corpus:\n  max_documents: -5\n", "corpus.max_documents"},
		{"edit too often", "discord:\n  edit_interval: 10ms\n", "discord.edit_interval"},
		{"bad level", "log:\n  level: loud\n", "log.level"},
		{"unknown embedded embedder", "retrieval:\n  builtin: bert\n", "retrieval.builtin"},
		{"not yaml", "model: [\n", "line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			os.WriteFile(path, []byte(c.yaml), 0o600)
			_, err := Load(path, nil)
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), c.wantKey) {
				t.Errorf("error %q does not name %q", err, c.wantKey)
			}
		})
	}
}

// A mistyped key or a value of the wrong kind is said in the words of the
// configuration, with what to write: the key probably meant, the kind of
// value wanted; never yaml's or Go's words ("unmarshal", "config.Discord",
// "!!str").
func TestTypeErrorsSayWhatToWrite(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string
	}{
		{"top-level typo", "modle:\n  chat_model: x\n", []string{"modle (line 1): no such key; did you mean model?"}},
		{"nested typo", "discord:\n  tokn: x\n", []string{"discord.tokn (line 2): no such key; did you mean discord.token?"}},
		{"two at once", "discord:\n  tokn: x\nmodel:\n  chat_modle: y\n", []string{"discord.token?", "model.chat_modle (line 4): no such key; did you mean model.chat_model?"}},
		{"nothing close", "discord:\n  zzzzzzzz: x\n", []string{"discord.zzzzzzzz (line 2): no such key"}},
		{"not a number", "retrieval:\n  passages: lots\n", []string{"retrieval.passages (line 2): `lots` is not a whole number"}},
		{"not a duration", "discord:\n  edit_interval: soon\n", []string{"`soon` is not a duration such as 30s or 2m"}},
		{"not a bool", "discord:\n  allow_dms: maybe\n", []string{"`maybe` is not true or false"}},
		{"not a list", "discord:\n  guild_ids: 5\n", []string{"`5` is not a list"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			os.WriteFile(path, []byte(c.yaml), 0o600)
			_, err := Load(path, nil)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			for _, jargon := range []string{"unmarshal", "config.", "!!", "not found in type", "\n"} {
				if strings.Contains(err.Error(), jargon) {
					t.Errorf("error %q says %q", err, jargon)
				}
			}
		})
	}
}

func TestEmptyFileMeansDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, nil, 0o600)
	cfg, err := Load(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Retrieval.Passages != Default().Retrieval.Passages || cfg.Discord.AskPerMinute != 6 || cfg.Model.MaxConcurrency != 4 {
		t.Errorf("empty file lost defaults: %+v", cfg)
	}
}

// TestDeprecatedLimitKeys: the old cooldown and max_in_flight are still
// read, as the rate and the model's concurrency, each with a warning.
func TestDeprecatedLimitKeys(t *testing.T) {
	for _, c := range []struct {
		name, yaml       string
		perMinute, burst int
		concurrency      int
		warnings         int
	}{
		{"new keys", "discord:\n  ask_per_minute: 10\n  ask_burst: 5\nmodel:\n  max_concurrency: 8\n", 10, 5, 8, 0},
		{"cooldown", "discord:\n  cooldown: 20s\n", 3, 1, 4, 1},
		{"max_in_flight", "discord:\n  max_in_flight: 2\n", 6, 3, 2, 1},
		{"both", "discord:\n  cooldown: 2m\n  max_in_flight: 6\n", 1, 1, 6, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			var logs bytes.Buffer
			prev := slog.Default()
			slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
			defer slog.SetDefault(prev)
			path := filepath.Join(t.TempDir(), "c.yaml")
			os.WriteFile(path, []byte(c.yaml), 0o600)
			cfg, err := Load(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Discord.AskPerMinute != c.perMinute || cfg.Discord.AskBurst != c.burst || cfg.Model.MaxConcurrency != c.concurrency {
				t.Errorf("ask_per_minute %d, ask_burst %d, max_concurrency %d; want %d, %d, %d",
					cfg.Discord.AskPerMinute, cfg.Discord.AskBurst, cfg.Model.MaxConcurrency, c.perMinute, c.burst, c.concurrency)
			}
			if n := strings.Count(logs.String(), "is deprecated"); n != c.warnings {
				t.Errorf("%d deprecation warnings, want %d: %s", n, c.warnings, logs.String())
			}
		})
	}
}
