package record

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

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
			// A temporary file a writer killed long ago left behind.
			stale := filepath.Join(data, ".index.snap.tmp-12345")
			write(t, stale, "half a snapshot")
			old := time.Now().Add(-48 * time.Hour)
			if err := os.Chtimes(stale, old, old); err != nil {
				t.Fatal(err)
			}

			if _, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}); !errors.Is(err, retrieval.ErrCorrupt) {
				t.Fatalf("plain Open of the damaged snapshot: %v, want ErrCorrupt", err)
			}
			// What readout does at start (cmd/readout openApp): open again
			// with Rebuild, which loads nothing, then refresh from the
			// sources; the damaged file is replaced only then.
			idx, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{Rebuild: true})
			if err != nil {
				t.Fatal(err)
			}
			if n := idx.Stats().Docs; n != 0 {
				t.Fatalf("a damaged snapshot was half-loaded: %d documents", n)
			}
			if left, _ := filepath.Glob(filepath.Join(data, ".index.snap.tmp-*")); len(left) != 0 {
				t.Errorf("stale temporary files left: %v", left)
			}
			fresh := New(idx, lib.opts)
			if _, err := fresh.Refresh(ctx, "m", nil); err != nil {
				t.Fatal(err)
			}
			again, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
			if err != nil || again.Stats().Docs != 2 {
				t.Fatalf("after the rebuild: %v %+v", err, again.Stats())
			}
			hits, err := again.Search(ctx, "example lake treaty", retrieval.SearchOptions{K: 1})
			if err != nil || len(hits) == 0 || hits[0].Doc.ID != "b.txt" {
				t.Errorf("search after the rebuild: %v %v", hits, err)
			}
		})
	}
}

const diskFullEnv = "READOUT_DISKFULL_LIMIT"

// TestHelperDiskFull is not a test: in the child process it runs a refresh
// with the file size limit (RLIMIT_FSIZE) set below the new snapshot's
// size, so writing it fails half-way as on a full disk (EFBIG instead of
// ENOSPC: the same failed write; Go ignores SIGXFSZ).
func TestHelperDiskFull(t *testing.T) {
	limit := os.Getenv(diskFullEnv)
	if limit == "" {
		t.Skip("helper process only")
	}
	var n uint64
	fmt.Sscan(limit, &n)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
		fmt.Println("error setrlimit", err)
		os.Exit(1)
	}
	data, src := os.Getenv(crashEnvData), os.Getenv(crashEnvSrc)
	idx, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	lib := New(idx, Options{Sources: []string{src}, DataDir: data})
	_, err = lib.Refresh(context.Background(), "disk-full-test", nil)
	if err == nil {
		fmt.Println("done")
		os.Exit(0)
	}
	// The live index must still answer from the old snapshot.
	fmt.Printf("refused %d %v\n", idx.Stats().Docs, err)
	os.Exit(0)
}

func TestDiskFullWhileWritingKeepsOldSnapshot(t *testing.T) {
	src, data := t.TempDir(), t.TempDir()
	writeRecord(t, src, 100, 0, 1)
	idx, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(idx, Options{Sources: []string{src}, DataDir: data}).Refresh(context.Background(), "m", nil); err != nil {
		t.Fatal(err)
	}
	v1, _ := recordState(t, data)
	st, err := os.Stat(filepath.Join(data, retrieval.SnapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	// Version 2 is three times larger: its snapshot cannot fit.
	for i := 100; i < 300; i++ {
		write(t, filepath.Join(src, fmt.Sprintf("doc%05d.txt", i)), crashDoc(i, 2))
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperDiskFull$")
	cmd.Env = append(os.Environ(), crashEnvData+"="+data, crashEnvSrc+"="+src, fmt.Sprintf("%s=%d", diskFullEnv, st.Size()))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	line := string(out)
	if !strings.HasPrefix(line, "refused 100 ") || !strings.Contains(line, "file too large") {
		t.Fatalf("the refresh on a full disk: %q, want it refused with the old 100 documents still live", line)
	}
	got, _ := recordState(t, data)
	if !sameState(got, v1) {
		t.Fatalf("after the failed write the folder holds %d documents, want the old %d", len(got), len(v1))
	}
	if left, _ := filepath.Glob(filepath.Join(data, ".index.snap.tmp-*")); len(left) != 0 {
		t.Errorf("the failed write left %v", left)
	}
}
