package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/internal/testsupport"
)

// checkSetup indexes the sample into a data folder and returns a config
// pointing everything at the fakes.
func checkSetup(t *testing.T, d *testsupport.Discord, ai *testsupport.OpenAI, extra string) (cfgPath, data string) {
	return checkSetupIndex(t, d, ai, extra, true)
}

func checkSetupIndex(t *testing.T, d *testsupport.Discord, ai *testsupport.OpenAI, extra string, index bool) (cfgPath, data string) {
	t.Helper()
	data = t.TempDir()
	cfgPath = filepath.Join(t.TempDir(), "c.yaml")
	yaml := "data_dir: " + data + "\n"
	if ai != nil {
		yaml += "model:\n  base_url: " + ai.URL() + "\n  chat_model: fake-chat\n  embed_model: fake-embed\n"
	}
	if d != nil {
		yaml += "discord:\n  api_url: " + d.URL + "\n  guild_ids: [\"" + d.GuildID + "\"]\n  application_id: \"" + d.AppID + "\"\n"
	}
	yaml += extra
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	clearEnv(t)
	if d != nil {
		t.Setenv("DISCORD_TOKEN", strings.TrimPrefix(d.Token, "Bot "))
	}
	if !index {
		return cfgPath, data
	}
	var out strings.Builder
	if code := run(t.Context(), []string{"index", "--config", cfgPath}, strings.NewReader(""), &out, &out); code != 0 {
		t.Fatalf("index: %s", out.String())
	}
	return cfgPath, data
}

func runCheck(t *testing.T, cfg string) (int, string) {
	t.Helper()
	var out, errb strings.Builder
	code := run(t.Context(), []string{"check", "--config", cfg}, strings.NewReader(""), &out, &errb)
	return code, out.String() + errb.String()
}

func TestCheckAllPass(t *testing.T) {
	d := testsupport.NewDiscord(t)
	ai := testsupport.NewOpenAI(t)
	cfg, _ := checkSetup(t, d, ai, "")
	code, out := runCheck(t, cfg)
	if code != 0 || strings.Contains(out, "FAIL") || !strings.Contains(out, "all checks passed") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, want := range []string{"ok    corpus", "ok    index", "ok    embedder", "ok    chat", "token valid", "application " + d.AppID, "in guild " + d.GuildID, "Message Content intent setting matches"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
}

// Each failure is reported on its own line with a fix, and the exit status
// is not 0.
func TestCheckReportsEachFailure(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T) string
		want  []string
	}{
		{"bad config", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "c.yaml")
			os.WriteFile(p, []byte("retrieval:\n  passages: 0\n"), 0o600)
			clearEnv(t)
			return p
		}, []string{"FAIL  config", "retrieval.passages"}},
		{"unreadable source", func(t *testing.T) string {
			cfg, _ := checkSetupIndex(t, nil, nil, "corpus:\n  sources: [/nonexistent/record]\n", false)
			return cfg
		}, []string{"FAIL  corpus", "/nonexistent/record", "fix:"}},
		{"no index", func(t *testing.T) string {
			cfg, data := checkSetup(t, nil, nil, "")
			os.Remove(filepath.Join(data, "index.snap"))
			return cfg
		}, []string{"FAIL  index", "readout index"}},
		{"embedder mismatch", func(t *testing.T) string {
			cfg, _ := checkSetup(t, nil, nil, "")
			f, _ := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("retrieval:\n  builtin_dimensions: 128\n")
			f.Close()
			return cfg
		}, []string{"FAIL  index", "--rebuild"}},
		{"model server down", func(t *testing.T) string {
			ai := testsupport.NewOpenAI(t)
			cfg, _ := checkSetup(t, nil, ai, "")
			ai.SetFault(testsupport.Fault{Kind: testsupport.FaultStatus, Status: 404, Message: "model not found"})
			return cfg
		}, []string{"FAIL  embedder", "FAIL  chat", "ollama pull"}},
		{"bad token", func(t *testing.T) string {
			d := testsupport.NewDiscord(t)
			cfg, _ := checkSetup(t, d, nil, "")
			t.Setenv("DISCORD_TOKEN", "not-the-token")
			return cfg
		}, []string{"FAIL  discord", "token was refused", "Reset Token"}},
		{"wrong application and guild", func(t *testing.T) string {
			d := testsupport.NewDiscord(t)
			cfg, _ := checkSetup(t, d, nil, "")
			data, _ := os.ReadFile(cfg)
			s := strings.ReplaceAll(string(data), d.AppID, "999")
			s = strings.ReplaceAll(s, d.GuildID, "888")
			os.WriteFile(cfg, []byte(s), 0o600)
			return cfg
		}, []string{"token belongs to application", "not in guild 888", "invite it"}},
		{"intent not enabled", func(t *testing.T) string {
			d := testsupport.NewDiscord(t)
			d.SetMessageContentAllowed(false)
			cfg, _ := checkSetup(t, d, nil, "")
			return cfg
		}, []string{"FAIL  discord", "Message Content intent is not enabled", "Privileged Gateway Intents"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := c.setup(t)
			code, out := runCheck(t, cfg)
			if code == 0 {
				t.Errorf("exit 0 despite a failure:\n%s", out)
			}
			for _, w := range c.want {
				if w != "" && !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}
