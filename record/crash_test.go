package record

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// The crash test runs a refresh in a child process (this test binary, run
// again with crashEnv set) and kills it with SIGKILL at chosen points of
// the refresh; afterwards the data folder must open to a complete record,
// the old one or the new one, never a mixture or nothing.
const (
	crashEnvData = "READOUT_CRASH_DATA"
	crashEnvSrc  = "READOUT_CRASH_SRC"
)

// TestHelperCrashRefresh is not a test: in the child process it runs one
// refresh and prints a line per progress event, so the parent can kill it
// at a known point.
func TestHelperCrashRefresh(t *testing.T) {
	data, src := os.Getenv(crashEnvData), os.Getenv(crashEnvSrc)
	if data == "" {
		t.Skip("helper process only")
	}
	idx, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	lib := New(idx, Options{Sources: []string{src}, DataDir: data})
	_, err = lib.Refresh(context.Background(), "crash-test", func(p retrieval.Progress) {
		fmt.Printf("progress %s %d %d\n", p.Stage, p.Done, p.Total)
	})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("done")
	os.Exit(0)
}

// crashDoc is invented document i of a record version; the word zq<i>v<v>
// appears in no other document, so a search can find exactly it.
func crashDoc(i, version int) string {
	return fmt.Sprintf("EXAMPLE CITY, MARCH %d, EXAMPLE WIRE. Spokesperson Jane Example said on the record in statement number %d that the zq%dv%d talks would continue next week.\n\n\"We remain committed to agreement %d,\" Jane Example said.\n",
		1+i%27, i, i, version, i)
}

func writeRecord(t *testing.T, dir string, n, changed, version int) {
	t.Helper()
	for i := 0; i < n; i++ {
		v := 1
		if i < changed {
			v = version
		}
		write(t, filepath.Join(dir, fmt.Sprintf("doc%05d.txt", i)), crashDoc(i, v))
	}
}

// recordState lists the document IDs and hashes of the index in dir.
func recordState(t *testing.T, dir string) (map[string]string, *retrieval.Index) {
	t.Helper()
	idx, err := retrieval.Open(dir, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatalf("the data folder does not open after the crash: %v", err)
	}
	st := map[string]string{}
	for _, d := range idx.Documents() {
		st[d.ID] = d.Hash
	}
	return st, idx
}

func sameState(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	write(t, to, string(data))
}

// runChild runs a refresh in a child process; killAt > 0 kills it with
// SIGKILL after that many progress lines (0 lets it finish). It returns
// how many progress lines were seen.
func runChild(t *testing.T, data, src string, killAt int) (lines int, finished bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCrashRefresh$")
	cmd.Env = append(os.Environ(), crashEnvData+"="+data, crashEnvSrc+"="+src)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) {
			return lines, false
		}
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(line, "progress "):
			lines++
			if killAt > 0 && lines == killAt {
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
				_ = cmd.Wait()
				return lines, false
			}
		case line == "done\n":
			return lines, true
		case strings.HasPrefix(line, "error "):
			t.Fatalf("child: %s", line)
		}
	}
}

func TestKilledRefreshLeavesACompleteRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test runs child processes; skipped with -short")
	}
	const n, changed = 2000, 500
	src := t.TempDir()
	writeRecord(t, src, n, 0, 1)

	// Version 1, built by a child that finishes.
	base := t.TempDir()
	if _, ok := runChild(t, base, src, 0); !ok {
		t.Fatal("the first refresh did not finish")
	}
	v1, _ := recordState(t, base)
	if len(v1) != n {
		t.Fatalf("version 1 holds %d documents, want %d", len(v1), n)
	}

	// Version 2 changes and adds documents; a full run counts its
	// progress events, so the kills below land at known stages.
	writeRecord(t, src, n, changed, 2)
	for i := n; i < n+changed; i++ {
		write(t, filepath.Join(src, fmt.Sprintf("doc%05d.txt", i)), crashDoc(i, 2))
	}
	full := t.TempDir()
	copyFile(t, filepath.Join(base, retrieval.SnapshotFile), filepath.Join(full, retrieval.SnapshotFile))
	total, ok := runChild(t, full, src, 0)
	if !ok {
		t.Fatal("the second refresh did not finish")
	}
	v2, _ := recordState(t, full)
	if len(v2) != n+changed {
		t.Fatalf("version 2 holds %d documents, want %d", len(v2), n+changed)
	}

	// Early in reading, half-way through embedding, as the snapshot is
	// being written ("writing 0 of 1" is the last event but one), and
	// right after it was written.
	points := []int{1, total / 2, total - 1, total}
	for _, at := range points {
		if at < 1 {
			continue
		}
		t.Run(fmt.Sprintf("killed after %d of %d progress events", at, total), func(t *testing.T) {
			data := t.TempDir()
			copyFile(t, filepath.Join(base, retrieval.SnapshotFile), filepath.Join(data, retrieval.SnapshotFile))
			runChild(t, data, src, at)
			got, idx := recordState(t, data)
			var want map[string]string
			switch {
			case sameState(got, v1):
				want = v1
			case sameState(got, v2):
				want = v2
			default:
				t.Fatalf("after the crash the index holds %d documents, neither version 1 (%d) nor version 2 (%d)", len(got), len(v1), len(v2))
			}
			// Search works and finds documents by their own words.
			ids := make([]string, 0, len(want))
			for id := range want {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range []string{ids[0], ids[len(ids)/2], ids[len(ids)-1]} {
				var i int
				fmt.Sscanf(id, "doc%05d.txt", &i)
				version := 1
				if sameState(want, v2) && i < changed || i >= n {
					version = 2
				}
				hits, err := idx.Search(context.Background(), fmt.Sprintf("zq%dv%d", i, version), retrieval.SearchOptions{K: 1})
				if err != nil || len(hits) == 0 || hits[0].Doc.ID != id {
					t.Errorf("search for %s: %v %v", id, hits, err)
				}
			}
			// A refresh after the crash completes the record.
			if at != total/2 {
				return
			}
			if _, ok := runChild(t, data, src, 0); !ok {
				t.Fatal("the refresh after the crash did not finish")
			}
			if after, _ := recordState(t, data); !sameState(after, v2) {
				t.Errorf("after a new refresh: %d documents, want version 2", len(after))
			}
		})
	}
}

func TestDamagedSnapshotIsReportedAndRebuilt(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(data []byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"flipped byte", func(b []byte) []byte { b[len(b)/3] ^= 0x40; return b }},
		{"empty", func([]byte) []byte { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib, _, src := newLibrary(t)
			ctx := context.Background()
			write(t, filepath.Join(src, "a.txt"), statement)
			write(t, filepath.Join(src, "b.txt"), strings.ReplaceAll(statement, "river", "lake"))
			if _, err := lib.Refresh(ctx, "m", nil); err != nil {
				t.Fatal(err)
			}
			data := lib.opts.DataDir
			snap := filepath.Join(data, retrieval.SnapshotFile)
			raw, err := os.ReadFile(snap)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(snap, tc.damage(raw), 0o644); err != nil {
				t.Fatal(err)
			}
			// A temporary file a killed writer left behind.
			write(t, filepath.Join(data, ".index.snap.tmp-12345"), "half a snapshot")

			if _, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}); !errors.Is(err, retrieval.ErrCorrupt) {
				t.Fatalf("plain Open of the damaged snapshot: %v, want ErrCorrupt", err)
			}
			logs := &strings.Builder{}
			idx, damaged, err := OpenIndex(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}, newTextLogger(logs))
			if err != nil || !errors.Is(damaged, retrieval.ErrCorrupt) {
				t.Fatalf("OpenIndex: damaged %v, err %v", damaged, err)
			}
			if n := idx.Stats().Docs; n != 0 {
				t.Fatalf("a damaged snapshot was half-loaded: %d documents", n)
			}
			if !strings.Contains(logs.String(), "damaged") {
				t.Errorf("not reported in the log: %s", logs)
			}
			aside, _ := filepath.Glob(snap + ".damaged-*")
			if len(aside) != 1 {
				t.Errorf("the damaged file was not kept aside: %v", aside)
			}
			if left, _ := filepath.Glob(filepath.Join(data, ".index.snap.tmp-*")); len(left) != 0 {
				t.Errorf("stale temporary files left: %v", left)
			}
			// Rebuilt from the sources by the next refresh, and it opens.
			fresh := New(idx, lib.opts)
			if _, err := fresh.Refresh(ctx, "m", nil); err != nil {
				t.Fatal(err)
			}
			again, damaged, err := OpenIndex(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}, nil)
			if err != nil || damaged != nil || again.Stats().Docs != 2 {
				t.Fatalf("after the rebuild: %v %v %+v", damaged, err, again.Stats())
			}
		})
	}
}

func newTextLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
