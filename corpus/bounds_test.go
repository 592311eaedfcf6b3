package corpus

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// Links in a source folder are read when they lead to a file inside it;
// one that leads outside (to a secret, say) is skipped and reported, as are
// links to folders and links to nothing, unless FollowSymlinks.
func TestSymlinksDoNotLeaveTheSourceFolder(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	writeFiles(t, outside, map[string]string{"secret.txt": "Spokesperson Zara Quillfeather of Nowhereland said the password is hunter2.\n"})
	src := t.TempDir()
	writeFiles(t, src, map[string]string{"a.txt": goodText, "sub/b.txt": goodText + " More.\n"})
	for link, target := range map[string]string{
		"inside.txt":    filepath.Join(src, "sub", "b.txt"),
		"relative.txt":  "a.txt",
		"secret.txt":    secret,
		"escape.txt":    "../" + filepath.Base(outside) + "/secret.txt",
		"folder":        outside,
		"dangling.txt":  filepath.Join(src, "missing.txt"),
		"sub/up.txt":    "../a.txt",
		"sub/passwd.md": "/etc/passwd",
	} {
		if err := os.Symlink(target, filepath.Join(src, link)); err != nil {
			t.Fatal(err)
		}
	}
	// escape.txt is written relative to src's parent, which holds outside
	// only when both temp folders share one; make it certain.
	os.Remove(filepath.Join(src, "escape.txt"))
	if err := os.Symlink(secret, filepath.Join(src, "escape.txt")); err != nil {
		t.Fatal(err)
	}

	docs, skipped, err := Load(src, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt", "inside.txt", "relative.txt", "sub/b.txt", "sub/up.txt"}
	if got := ids(docs); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("loaded %v, want %v", got, want)
	}
	for _, d := range docs {
		if strings.Contains(d.Text, "hunter2") || strings.Contains(d.Text, "root:") {
			t.Errorf("%s holds a file from outside the source folder", d.ID)
		}
	}
	r := reasons(skipped)
	for path, want := range map[string]string{
		"secret.txt":    "outside the source folder",
		"escape.txt":    "outside the source folder",
		"sub/passwd.md": "outside the source folder",
		"folder":        "outside the source folder",
		"dangling.txt":  "a link to nothing",
	} {
		if !strings.Contains(r[path], want) {
			t.Errorf("%s: skipped as %q, want %q", path, r[path], want)
		}
	}

	// Configured to follow them, the link to the secret is read.
	docs, _, err = Load(src, LoadOptions{FollowSymlinks: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range docs {
		found = found || d.ID == "secret.txt"
	}
	if !found {
		t.Errorf("with FollowSymlinks the link was not read: %v", ids(docs))
	}
}

// Archive entries that are neither files nor folders are reported, not
// silently dropped.
func TestArchiveLinksAndDevicesAreReported(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, h := range []*tar.Header{
		{Name: "a.txt", Typeflag: tar.TypeReg, Size: int64(len(goodText)), Mode: 0o644},
		{Name: "shadow.txt", Typeflag: tar.TypeSymlink, Linkname: "/etc/shadow"},
		{Name: "copy.txt", Typeflag: tar.TypeLink, Linkname: "a.txt"},
		{Name: "tty", Typeflag: tar.TypeChar, Devmajor: 5, Devminor: 0},
		{Name: "disk", Typeflag: tar.TypeBlock, Devmajor: 8},
		{Name: "pipe", Typeflag: tar.TypeFifo},
	} {
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write([]byte(goodText))
		}
	}
	tw.Close()
	zw.Close()
	p := filepath.Join(t.TempDir(), "links.tar.gz")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, skipped, err := Load(p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(docs); len(got) != 1 || got[0] != "a.txt" {
		t.Errorf("loaded %v", got)
	}
	r := reasons(skipped)
	for path, want := range map[string]string{
		"shadow.txt": "a link in the archive (to /etc/shadow)",
		"copy.txt":   "a hard link in the archive (to a.txt)",
		"tty":        "device",
		"disk":       "device",
		"pipe":       "pipe",
	} {
		if !strings.Contains(r[path], want) {
			t.Errorf("%s: skipped as %q, want %q", path, r[path], want)
		}
	}
}

// The totals stop a load, of a folder or of several sources sharing a
// budget, and nothing of it is kept.
func TestLoadStopsAtItsTotals(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{}
	for i := range 10 {
		files[fmt.Sprintf("d%02d.txt", i)] = strings.Repeat(goodText, 10) // 600 bytes
	}
	writeFiles(t, src, files)
	tests := []struct {
		name string
		opts LoadOptions
		what string // "" for no limit reached
	}{
		{"within both", LoadOptions{MaxTotalBytes: 10_000, MaxDocuments: 10}, ""},
		{"documents", LoadOptions{MaxDocuments: 9}, "documents"},
		{"bytes", LoadOptions{MaxTotalBytes: 5_000}, "bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, _, err := Load(src, tc.opts)
			var le *LimitError
			if tc.what == "" {
				if err != nil || len(docs) != 10 {
					t.Fatalf("%d documents, %v", len(docs), err)
				}
				return
			}
			if !errors.As(err, &le) || le.What != tc.what || docs != nil {
				t.Fatalf("got %d documents, %v; want a %s LimitError", len(docs), err, tc.what)
			}
			if !strings.Contains(err.Error(), src) || !strings.Contains(err.Error(), "corpus.max_") {
				t.Errorf("the error does not say where and which key: %v", err)
			}
		})
	}
	// Two loads sharing a budget: each alone fits, together they do not.
	b := &Budget{}
	opts := LoadOptions{MaxDocuments: 15, Budget: b}
	if _, _, err := Load(src, opts); err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if _, _, err := Load(src, opts); !errors.As(err, &le) {
		t.Errorf("second load on a shared budget: %v, want a LimitError", err)
	}
}

const (
	bombEnv      = "CORPUS_BOMB_DIR"
	bombLimitEnv = "CORPUS_BOMB_LIMIT"
	bombMembers  = 300
	bombMember   = 16 << 20 // each member just fits MaxFileSize
)

// writeBomb writes a .tar.gz of bombMembers text members of bombMember
// bytes each (4.8 GB expanded, about 16 MB compressed) to w.
func writeBomb(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(zw)
	line := "The example talks went on in Example City on Monday and Tuesday.\n"
	block := []byte(strings.Repeat(line, 1<<16/len(line)+1)[:1<<16])
	for i := range bombMembers {
		if err := tw.WriteHeader(&tar.Header{Name: fmt.Sprintf("m%03d.txt", i), Mode: 0o644, Size: bombMember, Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		for range bombMember / len(block) {
			if _, err := tw.Write(block); err != nil {
				return err
			}
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

// TestHelperArchiveBomb is not a test: in a child process it loads the
// archive bomb from a named pipe (written on demand, so only what the load
// reads is ever produced) with the byte limit given, and prints the result.
func TestHelperArchiveBomb(t *testing.T) {
	dir := os.Getenv(bombEnv)
	if dir == "" {
		t.Skip("helper process only")
	}
	limit, _ := strconv.ParseInt(os.Getenv(bombLimitEnv), 10, 64)
	fifo := filepath.Join(dir, "bomb.tar.gz")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		_ = writeBomb(bufio.NewWriterSize(f, 1<<20)) // EPIPE once the load stops
	}()
	b := &Budget{}
	docs, _, err := Load(fifo, LoadOptions{MaxTotalBytes: limit, Budget: b})
	fmt.Printf("docs %d bytes %d err %v\n", len(docs), b.Bytes(), err)
	os.Exit(0)
}

// A 16 MB .tar.gz of 300 members of 16 MB each stops at the byte limit,
// counted as it expands, with a clear error and memory bounded by the
// limit, not by the 4.8 GB the archive expands to (without the limit it
// took memory past 8 GB). The documents a load holds cost about four times
// their bytes at the peak (cleaned text, turns, the collector's headroom):
// peak RSS measured on 2 cores, with this test's helper and
// /usr/bin/time -f %M, was 47 MB at a 16 MiB limit, 156 MB at 32 MiB,
// 419 MB at 64 MiB, 504 MB at 128 MiB, 1.2 GB at 256 MiB (the default) and
// 2.4 GB at 512 MiB. The bound asserted: eight times the limit plus 128 MB.
func TestArchiveBombStopsAtTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process that expands 32 MB of archive")
	}
	const limit = 32 << 20
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperArchiveBomb$")
	cmd.Env = append(os.Environ(), bombEnv+"="+t.TempDir(), fmt.Sprintf("%s=%d", bombLimitEnv, limit))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var docs int
	var read int64
	if _, err := fmt.Sscanf(string(out), "docs %d bytes %d", &docs, &read); err != nil {
		t.Fatalf("child said %q", out)
	}
	if docs != 0 || !strings.Contains(string(out), "past its limit of 33554432 bytes") || !strings.Contains(string(out), "corpus.max_total_bytes") {
		t.Errorf("the bomb was not refused with the limit: %s", out)
	}
	// Counted as it expands: the load stops within one read of the limit.
	if read < limit || read > limit+(1<<20) {
		t.Errorf("read %d bytes of the expansion, want just over the %d limit", read, limit)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	bound := int64(8*limit + 128<<20)
	t.Logf("peak RSS %d MB for a %d MB limit (bound %d MB)", rss>>20, limit>>20, bound>>20)
	if rss > bound && !raceDetector {
		t.Errorf("peak RSS %d MB, over the bound of %d MB", rss>>20, bound>>20)
	}
}
