package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/readout/readout/internal/testsupport"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func httpGet(url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// poll waits for cond, checking it every few milliseconds for at most 10 s:
// for state that lives behind HTTP, where there is nothing to wait on.
func poll(t *testing.T, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline:
			return
		}
	}
}

// readout serve end to end: the real binary's wiring against the fake
// Discord and the fake model server, with health, readiness and metrics,
// and no secret in the logs.
func TestServe(t *testing.T) {
	d := testsupport.NewDiscord(t)
	const apiKey = "sk-test-secret-0123456789"
	ai := testsupport.NewOpenAI(t, testsupport.WithAPIKey(apiKey), testsupport.WithChat(firstPassageSentence))
	clearEnv(t)
	token := strings.TrimPrefix(d.Token, "Bot ")
	t.Setenv("DISCORD_TOKEN", token)
	t.Setenv("OPENAI_API_KEY", apiKey)
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("data_dir: "+t.TempDir()+"\nmodel:\n  base_url: "+ai.URL()+"\n  chat_model: fake-chat\n"+
		"discord:\n  api_url: "+d.URL+"\n  guild_ids: [\""+d.GuildID+"\"]\n  edit_interval: 200ms\n  ask_per_minute: 0\n  shutdown_grace: 5s\n"+
		"log:\n  level: debug\n  format: json\n"), 0o600)
	addr := freeAddr(t)

	logs := &testsupport.LogBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--config", cfg, "--http", addr}, strings.NewReader(""), io.Discard, logs)
	}()
	waitCtx, waitCancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer waitCancel()
	if err := d.WaitFor(waitCtx, func() bool { return len(d.Commands(d.GuildID)) > 0 }); err != nil {
		cancel()
		t.Fatalf("commands never registered: %v\nlogs:\n%s", err, logs.String())
	}
	if code, body := httpGet("http://" + addr + "/healthz"); code != 200 {
		t.Errorf("healthz: %d %s", code, body)
	}
	// Readiness follows the gateway: poll until ready or the deadline.
	var code int
	var body string
	poll(t, func() bool { code, body = httpGet("http://" + addr + "/readyz"); return code == 200 })
	if code != 200 || !strings.Contains(body, `"gateway":"ok"`) || !strings.Contains(body, `"index":"ok"`) || !strings.Contains(body, `"model":"ok"`) {
		t.Errorf("readyz: %d %s", code, body)
	}

	in := d.SendInteraction(testsupport.Interaction{Command: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
		testsupport.Opt("question", crossedQuestion)}})
	if err := d.WaitFor(waitCtx, func() bool {
		r := d.Response(in.ID)
		return r.Original != nil && strings.Contains(r.Original.Content, "000_796cebcc88a1bf3f") || r.Original != nil && strings.Contains(r.Original.Content, "ARMENPRESS")
	}); err != nil {
		t.Fatalf("no answer: %v\n%+v", err, d.Response(in.ID).Original)
	}
	if r := d.Response(in.ID); r.Latency > 3*time.Second {
		t.Errorf("acknowledged after %s", r.Latency)
	}
	// The interaction is counted when its handler returns, just after the
	// final edit the fake saw.
	var metrics string
	poll(t, func() bool {
		_, metrics = httpGet("http://" + addr + "/metrics")
		return strings.Contains(metrics, `readout_interactions_total{command="ask"`)
	})
	for _, want := range []string{`readout_interactions_total{command="ask"`, `readout_answers_total{mode="generated"} 1`, "readout_ack_latency_seconds_count 1", "readout_index_documents 5", `readout_refreshes_total{outcome="ok"} 1`, "readout_retrieval_seconds_count 1", `readout_model_tokens_total{kind="completion"}`, `readout_model_seconds_count{kind="chat"} 1`, `readout_model_seconds_count{kind="embed"}`, `readout_queue_wait_seconds_count{lane="model"} 1`, `readout_queue_length{lane="model"} 0`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}

	cancel()
	select {
	case c := <-done:
		if c != 0 {
			t.Errorf("serve exited %d after SIGTERM-like cancel:\n%s", c, logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	out := logs.String()
	if !strings.Contains(out, `"qid"`) {
		t.Errorf("logs carry no question id:\n%s", out)
	}
	for _, secret := range []string{token, apiKey} {
		if strings.Contains(out, secret) {
			t.Errorf("a secret appears in the logs: %q", secret)
		}
	}
}
