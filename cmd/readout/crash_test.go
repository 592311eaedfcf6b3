package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/readout/readout/config"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
)

// helperArgsEnv runs the readout command line in a child process (this test
// binary again): the arguments, separated by newlines.
const helperArgsEnv = "READOUT_HELPER_ARGS"

// TestHelperReadout is not a test: in the child process it is readout's
// main, Ctrl-C handling included.
func TestHelperReadout(t *testing.T) {
	args := os.Getenv(helperArgsEnv)
	if args == "" {
		t.Skip("helper process only")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, strings.Split(args, "\n"), os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// gatedEmbedder is an OpenAI-compatible embeddings endpoint that holds the
// n-th request of a batch (more than one text) until released, so a test
// can stop `readout index` part-way through embedding without sleeps.
// Single texts (a question being asked) always pass.
type gatedEmbedder struct {
	mu      sync.Mutex
	batches int
	holdAt  int
	held    chan struct{} // receives when the held request arrives
	release chan struct{}
}

func (g *gatedEmbedder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Input []string `json:"input"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Input) == 0 {
		http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
		return
	}
	if len(req.Input) > 1 {
		g.mu.Lock()
		g.batches++
		hold := g.batches == g.holdAt
		g.mu.Unlock()
		if hold {
			g.held <- struct{}{}
			select {
			case <-g.release:
			case <-r.Context().Done():
				return
			}
		}
	}
	data := make([]map[string]any, len(req.Input))
	for i, text := range req.Input {
		data[i] = map[string]any{"object": "embedding", "index": i, "embedding": testsupport.EmbedText(text, 64)}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": data, "model": "gated-embed",
		"usage": map[string]int{"prompt_tokens": 1, "total_tokens": 1}})
}

// reset makes the next run hold its at-th batch (0: none).
func (g *gatedEmbedder) reset(at int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.batches, g.holdAt = 0, at
	g.held, g.release = make(chan struct{}, 1), make(chan struct{})
}

func (g *gatedEmbedder) count() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.batches
}

// crashRecordDoc is invented document i of version v; zq<i>v<v> appears in
// no other document.
func crashRecordDoc(i, v int) string {
	return fmt.Sprintf("EXAMPLE CITY, MARCH %d, EXAMPLE WIRE. Spokesperson Zara Quillfeather of Nowhereland said in statement %d that the zq%dv%d talks would go on.\n", 1+i%27, i, i, v)
}

// startReadout starts readout in a child process.
func startReadout(t *testing.T, args ...string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperReadout$")
	cmd.Env = append(os.Environ(), helperArgsEnv+"="+strings.Join(args, "\n"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return cmd, bufio.NewReader(out)
}

// folderDocs counts the documents of the record in data as a reader opens it.
func folderDocs(t *testing.T, cfgPath, data string) int {
	t.Helper()
	cfg, err := config.Load(cfgPath, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	emb, err := newEmbedder(cfg)
	if err != nil {
		t.Fatal(err)
	}
	idx, _, err := record.OpenIndex(data, emb, retrieval.IndexOptions{}, false, false)
	if err != nil {
		t.Fatalf("the data folder does not open: %v", err)
	}
	return idx.Stats().Docs
}

// `readout index` and `readout index --rebuild`, stopped by kill -9 or
// Ctrl-C while they embed: meanwhile `readout ask` answers from the old
// record (never "not built yet"), and afterwards from a complete record,
// the old one or the new one, with the same document count.
func TestStoppedIndexKeepsTheOldRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("runs readout in child processes; skipped with -short")
	}
	const n, changed = 120, 40
	gate := &gatedEmbedder{}
	gate.reset(0)
	srv := httptest.NewServer(gate)
	t.Cleanup(srv.Close)
	cfgPath := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfgPath, []byte("model:\n  base_url: "+srv.URL+"/v1\n  embed_model: gated-embed\n  embed_batch_size: 8\n"), 0o600)
	clearEnv(t)

	src := t.TempDir()
	for i := range n {
		os.WriteFile(filepath.Join(src, fmt.Sprintf("doc%04d.txt", i)), []byte(crashRecordDoc(i, 1)), 0o644)
	}
	base := t.TempDir()
	if code, _, errOut := runCLI(t, "", "index", "--config", cfgPath, "--corpus", src, "--data", base); code != 0 {
		t.Fatal(errOut)
	}
	// Version 2 changes 40 documents and adds 40.
	for i := range n + changed {
		v := 1
		if i < changed || i >= n {
			v = 2
		}
		os.WriteFile(filepath.Join(src, fmt.Sprintf("doc%04d.txt", i)), []byte(crashRecordDoc(i, v)), 0o644)
	}
	askOld := func(t *testing.T, data string) {
		t.Helper()
		code, out, errOut := runCLI(t, "", "ask", "--config", cfgPath, "--data", data, "When will the zq77v1 talks go on?")
		if code != 0 || !strings.Contains(out, "doc0077.txt") {
			t.Errorf("ask during the change: exit %d\n%s\n%s", code, out, errOut)
		}
		if errOut != "" {
			t.Errorf("ask printed a note: %s", errOut)
		}
	}

	for _, mode := range []struct {
		name string
		args []string
	}{
		{"index", nil},
		{"index --rebuild", []string{"--rebuild"}},
	} {
		// How many batches a full run embeds.
		full := testsupport.CopyDataFolder(t, base)
		gate.reset(0)
		if code, _, errOut := runCLI(t, "", append([]string{"index", "--config", cfgPath, "--data", full}, mode.args...)...); code != 0 {
			t.Fatalf("%s: %s", mode.name, errOut)
		}
		batches := gate.count()
		if got := folderDocs(t, cfgPath, full); got != n+changed {
			t.Fatalf("%s: the new record holds %d documents, want %d", mode.name, got, n+changed)
		}
		for _, at := range []int{1, (batches + 1) / 2, batches} {
			for _, sig := range []os.Signal{syscall.SIGKILL, syscall.SIGINT} {
				t.Run(fmt.Sprintf("%s/%v at batch %d of %d", mode.name, sig, at, batches), func(t *testing.T) {
					data := testsupport.CopyDataFolder(t, base)
					gate.reset(at)
					cmd, out := startReadout(t, append([]string{"index", "--config", cfgPath, "--data", data}, mode.args...)...)
					exited := make(chan struct{})
					go func() { _, _ = out.WriteTo(io.Discard); close(exited) }()
					select {
					case <-gate.held:
					case <-exited:
						t.Fatal("readout index ended before the held batch")
					}
					askOld(t, data)
					if err := cmd.Process.Signal(sig); err != nil {
						t.Fatal(err)
					}
					close(gate.release)
					<-exited
					_ = cmd.Wait()
					got := folderDocs(t, cfgPath, data)
					if got != n && got != n+changed {
						t.Fatalf("after the stop the record holds %d documents, neither the old %d nor the new %d", got, n, n+changed)
					}
					if got == n {
						askOld(t, data)
					}
					if left, _ := filepath.Glob(filepath.Join(data, ".*.tmp-*")); len(left) != 0 {
						t.Errorf("temporary files left after the next start: %v", left)
					}
				})
			}
		}
	}
}
