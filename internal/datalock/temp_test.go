package datalock

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelperHoldTemp is not a test: run as a child process with
// DATALOCK_TEMP set, it creates a temporary file as a writer does, prints
// its path and waits to be killed.
func TestHelperHoldTemp(t *testing.T) {
	dir := os.Getenv("DATALOCK_TEMP")
	if dir == "" {
		t.Skip("helper process only")
	}
	f, err := CreateTemp(dir, ".x.tmp-")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println(f.Name())
	select {} // until killed
}

// A temporary file is removed only once no live process writes it: while
// a child holds it, it stays however old; after kill -9 it goes.
func TestRemoveStaleTempsKeepsLiveWriters(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldTemp$")
	cmd.Env = append(os.Environ(), "DATALOCK_TEMP="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.HasPrefix(line, "error") {
		t.Fatalf("child: %q %v", line, err)
	}
	held := strings.TrimSpace(line)

	// Unlocked, but named for the live child: kept too, since a writer
	// may not have locked its file yet.
	unlockedLive := filepath.Join(dir, fmt.Sprintf(".x.tmp-%d-9", cmd.Process.Pid))
	if err := os.WriteFile(unlockedLive, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "keep.txt")
	if err := os.WriteFile(other, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	removed, err := RemoveStaleTemps(dir, ".x.tmp-")
	if err != nil || len(removed) != 0 {
		t.Fatalf("while the writer lives: removed %v, %v", removed, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	removed, err = RemoveStaleTemps(dir, ".x.tmp-")
	if err != nil || len(removed) != 2 {
		t.Fatalf("after kill -9: removed %v, %v; want the held file and the unlocked one", removed, err)
	}
	for _, p := range []string{held, unlockedLive} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left behind", p)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a file without the prefix was removed")
	}
}
