package record

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
)

// The crash tests run a change of the record in a child process (this test
// binary, run again with crashEnvData set) that does what `readout index`
// does: it takes the data folder's lock, opens the index with OpenIndex and
// refreshes (or rebuilds) it. The child numbers every event of the change
// (each progress report and each named point: "sources-pending",
// "snapshot-replaced") and can pause at one of them until the parent
// signals it, so the parent stops it at a known point with no sleeps:
// SIGKILL ends it there; SIGINT cancels its context, as Ctrl-C does to
// readout, and lets it go on. Afterwards the data folder must answer from a
// complete record, the old one or the new one, never a mixture or nothing.
const (
	crashEnvData    = "READOUT_CRASH_DATA"
	crashEnvSrc     = "READOUT_CRASH_SRC" // sources, separated by os.PathListSeparator
	crashEnvRebuild = "READOUT_CRASH_REBUILD"
	crashEnvForce   = "READOUT_CRASH_FORCE"
	crashEnvPause   = "READOUT_CRASH_PAUSE" // the event to pause at; 0 or unset: none
)

// TestHelperCrashRefresh is not a test: in the child process it runs one
// change and prints a line per event, so the parent can stop it at a known
// point.
func TestHelperCrashRefresh(t *testing.T) {
	data := os.Getenv(crashEnvData)
	if data == "" {
		t.Skip("helper process only")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pause, _ := strconv.Atoi(os.Getenv(crashEnvPause))
	event := 0
	hit := func(name string) {
		event++
		fmt.Printf("event %d %s\n", event, name)
		if event == pause {
			fmt.Println("paused")
			<-ctx.Done() // SIGKILL ends the process here; SIGINT lets it go on
		}
	}
	testPointHook = hit
	lock, err := datalock.Acquire(data)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	defer lock.Release()
	rebuild := os.Getenv(crashEnvRebuild) == "1"
	idx, _, err := OpenIndex(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}, rebuild, true)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	lib := New(idx, Options{
		Sources: filepath.SplitList(os.Getenv(crashEnvSrc)), DataDir: data,
		Rebuild: rebuild, Force: os.Getenv(crashEnvForce) == "1",
	})
	_, err = lib.Refresh(ctx, "crash-test", func(p retrieval.Progress) {
		hit(fmt.Sprintf("%s %d/%d", p.Stage, p.Done, p.Total))
	})
	if err != nil {
		fmt.Println("stopped", err)
		os.Exit(0)
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
	return stateOf(idx), idx
}

func stateOf(idx *retrieval.Index) map[string]string {
	st := map[string]string{}
	for _, d := range idx.Documents() {
		st[d.ID] = d.Hash
	}
	return st
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

// crashRun is one child run: its folder and sources, what it does, where it
// pauses and how it is stopped.
type crashRun struct {
	data    string
	srcs    []string
	rebuild bool
	force   bool
	pauseAt int
	sig     os.Signal // SIGKILL or SIGINT, sent at the pause
	// whilePaused is called while the child is paused (holding the lock,
	// part-way through its change).
	whilePaused func()
}

// run runs the child and returns how many events it reported and how it
// ended: "done", "stopped <error>" or "killed".
func (r crashRun) run(t *testing.T) (events int, outcome string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCrashRefresh$")
	cmd.Env = append(os.Environ(), crashEnvData+"="+r.data,
		crashEnvSrc+"="+strings.Join(r.srcs, string(os.PathListSeparator)),
		crashEnvPause+"="+strconv.Itoa(r.pauseAt))
	if r.rebuild {
		cmd.Env = append(cmd.Env, crashEnvRebuild+"=1")
	}
	if r.force {
		cmd.Env = append(cmd.Env, crashEnvForce+"=1")
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	rd := bufio.NewReader(out)
	for {
		line, err := rd.ReadString('\n')
		if errors.Is(err, io.EOF) {
			t.Fatalf("the child ended without saying how (after %d events)", events)
		}
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(line, "event "):
			events++
		case line == "paused\n":
			if r.whilePaused != nil {
				r.whilePaused()
			}
			if err := cmd.Process.Signal(r.sig); err != nil {
				t.Fatal(err)
			}
			if r.sig == syscall.SIGKILL {
				_ = cmd.Wait()
				return events, "killed"
			}
		case line == "done\n":
			return events, "done"
		case strings.HasPrefix(line, "stopped "):
			return events, strings.TrimSpace(line)
		case strings.HasPrefix(line, "error "):
			t.Fatalf("child: %s", line)
		}
	}
}

// reader answers from the data folder as `readout ask` does in a process
// that does not hold the lock: it opens the index as it is on disk. It
// returns the record's state and what the folder says it was built from.
func reader(t *testing.T, data string) (map[string]string, *retrieval.Index, []string) {
	t.Helper()
	idx, _, err := OpenIndex(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}, false, false)
	if err != nil {
		t.Fatalf("the data folder does not open: %v", err)
	}
	built, _ := New(idx, Options{DataDir: data}).builtFrom()
	return stateOf(idx), idx, built
}

// answers checks that searches find three documents of want by their own
// words, as an `ask` for them would.
func answers(t *testing.T, idx *retrieval.Index, want map[string]string, version func(i int) int) {
	t.Helper()
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range []string{ids[0], ids[len(ids)/2], ids[len(ids)-1]} {
		var i int
		fmt.Sscanf(id, "doc%05d.txt", &i)
		hits, err := idx.Search(context.Background(), fmt.Sprintf("zq%dv%d", i, version(i)), retrieval.SearchOptions{K: 1})
		if err != nil || len(hits) == 0 || hits[0].Doc.ID != id {
			t.Errorf("search for %s: %v %v", id, hits, err)
		}
	}
}

// A change of the record stopped at every one of its events, by SIGKILL
// and by SIGINT, leaves the complete old record or the complete new one,
// with the sources it was built from, and no temporary file; a reader
// during the change answers from a complete record; a change run after
// the stop completes the new record.
func TestStoppedChangeLeavesACompleteRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test runs child processes; skipped with -short")
	}
	const n, changed = 150, 50
	// Version 2 changes and adds documents: in the source folder itself
	// for a refresh and a rebuild, or as another source that replaces it.
	other := t.TempDir()
	writeRecord(t, other, n, changed, 2)
	for i := n; i < n+changed; i++ {
		write(t, filepath.Join(other, fmt.Sprintf("doc%05d.txt", i)), crashDoc(i, 2))
	}
	version1 := func(int) int { return 1 }
	version2 := func(i int) int {
		if i < changed || i >= n {
			return 2
		}
		return 1
	}

	for _, sc := range []struct {
		name    string
		rebuild bool
		newSrc  bool // version 2 comes from other
	}{
		{"refresh", false, false},
		{"rebuild", true, false},
		{"refresh from other sources", false, true},
	} {
		t.Run(sc.name, func(t *testing.T) {
			src := t.TempDir()
			writeRecord(t, src, n, 0, 1)
			base := t.TempDir()
			if _, how := (crashRun{data: base, srcs: []string{src}}).run(t); how != "done" {
				t.Fatalf("the first build: %s", how)
			}
			v1, _, built := reader(t, base)
			if len(v1) != n || !slices.Equal(built, []string{src}) {
				t.Fatalf("version 1 holds %d documents built from %v, want %d from %s", len(v1), built, n, src)
			}
			oldSrcs, newSrcs := []string{src}, []string{other}
			if !sc.newSrc {
				newSrcs = oldSrcs
				for _, e := range mustReadDir(t, other) {
					copyFile(t, filepath.Join(other, e.Name()), filepath.Join(src, e.Name()))
				}
			}
			full := testsupport.CopyDataFolder(t, base)
			total, how := (crashRun{data: full, srcs: newSrcs, rebuild: sc.rebuild, force: sc.newSrc}).run(t)
			if how != "done" {
				t.Fatalf("the full change: %s", how)
			}
			v2, _, built := reader(t, full)
			if len(v2) != n+changed || !slices.Equal(built, newSrcs) {
				t.Fatalf("version 2 holds %d documents from %v, want %d from %v", len(v2), built, n+changed, newSrcs)
			}
			t.Logf("%d events; each is a stopping point", total)
			for at := 1; at <= total; at++ {
				if raceDetector && at%3 != 0 && at < total-1 {
					// Under -race every child is several times slower: a
					// third of the points, and the last two (the named
					// points around the snapshot's replacement).
					continue
				}
				for _, sig := range []os.Signal{syscall.SIGKILL, syscall.SIGINT} {
					data := testsupport.CopyDataFolder(t, base)
					concurrent := func() {
						// `ask` while the change runs: a complete record.
						st, idx, _ := reader(t, data)
						switch {
						case sameState(st, v1):
							answers(t, idx, st, version1)
						case sameState(st, v2):
							answers(t, idx, st, version2)
						default:
							t.Errorf("event %d: during the change a reader sees %d documents, neither version", at, len(st))
						}
					}
					_, how := (crashRun{data: data, srcs: newSrcs, rebuild: sc.rebuild, force: sc.newSrc, pauseAt: at, sig: sig, whilePaused: concurrent}).run(t)
					got, idx, built := reader(t, data)
					switch {
					case sameState(got, v1):
						answers(t, idx, got, version1)
						if !slices.Equal(built, oldSrcs) {
							t.Errorf("%v at event %d (%s): the old record says it was built from %v, want %v", sig, at, how, built, oldSrcs)
						}
					case sameState(got, v2):
						answers(t, idx, got, version2)
						if !slices.Equal(built, newSrcs) {
							t.Errorf("%v at event %d (%s): the new record says it was built from %v, want %v", sig, at, how, built, newSrcs)
						}
					default:
						t.Fatalf("%v at event %d of %d (%s): the folder holds %d documents, neither version 1 (%d) nor version 2 (%d)", sig, at, total, how, len(got), len(v1), len(v2))
					}
					if left, _ := filepath.Glob(filepath.Join(data, ".*.tmp-*")); len(left) != 0 {
						t.Errorf("%v at event %d: temporary files left after the next start: %v", sig, at, left)
					}
					if sig == syscall.SIGKILL && at%4 == 1 {
						// The next change completes the new record.
						if _, how := (crashRun{data: data, srcs: newSrcs, rebuild: sc.rebuild, force: sc.newSrc}).run(t); how != "done" {
							t.Fatalf("the change after the stop: %s", how)
						}
						if after, _, built := reader(t, data); !sameState(after, v2) || !slices.Equal(built, newSrcs) {
							t.Errorf("after a new change: %d documents from %v, want version 2 from %v", len(after), built, newSrcs)
						}
					}
				}
			}
		})
	}
}

func mustReadDir(t *testing.T, dir string) []os.DirEntry {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// deadPID is the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// A damaged snapshot is never half-loaded, and is rebuilt from the sources
// the folder was built from, whatever the run is configured with.
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
			stale := filepath.Join(data, fmt.Sprintf(".index.snap.tmp-%d-1", deadPID(t)))
			write(t, stale, "half a snapshot")

			// A reader (no lock) is told; it never half-loads.
			if _, _, err := OpenIndex(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}, false, false); !errors.Is(err, retrieval.ErrCorrupt) {
				t.Fatalf("a reader's OpenIndex of the damaged snapshot: %v, want ErrCorrupt", err)
			}
			// What readout does at start (cmd/readout openApp): the writer
			// opens without loading it, then repairs from the sources the
			// folder was built from; the damaged file is replaced only then.
			idx, damaged, err := OpenIndex(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}, false, true)
			if err != nil || !damaged {
				t.Fatalf("the writer's OpenIndex: damaged %v, %v", damaged, err)
			}
			if n := idx.Stats().Docs; n != 0 {
				t.Fatalf("a damaged snapshot was half-loaded: %d documents", n)
			}
			if left, _ := filepath.Glob(filepath.Join(data, ".index.snap.tmp-*")); len(left) != 0 {
				t.Errorf("stale temporary files left: %v", left)
			}
			// Configured with no sources (the bundled sample): the repair
			// still reads the folder's own.
			opts := lib.opts
			opts.Sources = nil
			fresh := New(idx, opts)
			if _, err := fresh.Repair(ctx, "m", nil); err != nil {
				t.Fatal(err)
			}
			again, err := retrieval.Open(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
			if err != nil || again.Stats().Docs != 2 {
				t.Fatalf("after the rebuild: %v %+v (2 documents of the folder's own source, not the 5 of the sample)", err, again.Stats())
			}
			if st := New(again, opts).Status(); !slices.Equal(st.Sources, []string{src}) {
				t.Errorf("after the repair the folder says it was built from %v, want %s", st.Sources, src)
			}
			hits, err := again.Search(ctx, "example lake treaty", retrieval.SearchOptions{K: 1})
			if err != nil || len(hits) == 0 || hits[0].Doc.ID != "b.txt" {
				t.Errorf("search after the rebuild: %v %v", hits, err)
			}
		})
	}
}

const diskFullEnv = "READOUT_DISKFULL_LIMIT"

// TestHelperDiskFull is not a test: in the child process it runs a change
// of the record with the file size limit (RLIMIT_FSIZE) set below the new
// snapshot's size, so writing it fails half-way as on a full disk (EFBIG
// instead of ENOSPC: the same failed write; Go ignores SIGXFSZ).
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
	data := os.Getenv(crashEnvData)
	rebuild := os.Getenv(crashEnvRebuild) == "1"
	idx, _, err := OpenIndex(data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}, rebuild, true)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	lib := New(idx, Options{Sources: filepath.SplitList(os.Getenv(crashEnvSrc)), DataDir: data, Rebuild: rebuild, Force: true})
	_, err = lib.Refresh(context.Background(), "disk-full-test", nil)
	if err == nil {
		fmt.Println("done")
		os.Exit(0)
	}
	// The live index must still answer from the old snapshot.
	fmt.Printf("refused %d %v\n", idx.Stats().Docs, err)
	os.Exit(0)
}

// A full disk while the new snapshot is written leaves the old record,
// live and on disk, with the sources it was built from, and no temporary
// file.
func TestDiskFullWhileWritingKeepsOldSnapshot(t *testing.T) {
	for _, tc := range []struct {
		name           string
		rebuild, other bool
	}{
		{"refresh", false, false},
		{"rebuild", true, false},
		{"refresh from other sources", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
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
			next := src
			if tc.other {
				next = t.TempDir()
				writeRecord(t, next, 100, 0, 1)
			}
			for i := 100; i < 300; i++ {
				write(t, filepath.Join(next, fmt.Sprintf("doc%05d.txt", i)), crashDoc(i, 2))
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperDiskFull$")
			cmd.Env = append(os.Environ(), crashEnvData+"="+data, crashEnvSrc+"="+next, fmt.Sprintf("%s=%d", diskFullEnv, st.Size()))
			if tc.rebuild {
				cmd.Env = append(cmd.Env, crashEnvRebuild+"=1")
			}
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			line := string(out)
			if !strings.HasPrefix(line, "refused 100 ") || !strings.Contains(line, "file too large") {
				t.Fatalf("the change on a full disk: %q, want it refused with the old 100 documents still live", line)
			}
			got, idx, built := reader(t, data)
			if !sameState(got, v1) {
				t.Fatalf("after the failed write the folder holds %d documents, want the old %d", len(got), len(v1))
			}
			answers(t, idx, got, func(int) int { return 1 })
			if !slices.Equal(built, []string{src}) {
				t.Errorf("after the failed write the folder says it was built from %v, want %s", built, src)
			}
			if left, _ := filepath.Glob(filepath.Join(data, ".*.tmp-*")); len(left) != 0 {
				t.Errorf("the failed write left %v", left)
			}
		})
	}
}
