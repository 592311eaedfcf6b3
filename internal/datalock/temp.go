package datalock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// CreateTemp creates a temporary file in dir whose name is prefix, the
// process id, a dash and a random suffix (".index.snap.tmp-4242-123456"),
// and holds an exclusive flock on it until the file is closed. The lock
// and the pid together let RemoveStaleTemps tell a file a live writer is
// still writing from one a killed process left behind, whatever its age.
func CreateTemp(dir, prefix string) (*os.File, error) {
	f, err := os.CreateTemp(dir, prefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, err
	}
	if err := flock(f); err != nil {
		name := f.Name()
		f.Close()
		os.Remove(name)
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	return f, nil
}

// RemoveStaleTemps deletes the files in dir whose names start with prefix
// and that no live process is writing: no process holds their flock, and
// the process whose id the name carries is gone (a writer holds the lock
// from the moment after it created the file; the pid covers that moment).
// It returns the paths it removed.
func RemoveStaleTemps(dir, prefix string) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, globEscape(prefix)+"*"))
	if err != nil {
		return nil, fmt.Errorf("list temporary files in %s: %w", dir, err)
	}
	var removed []string
	for _, m := range matches {
		if stale(m, strings.TrimPrefix(filepath.Base(m), prefix)) {
			if err := os.Remove(m); err == nil {
				removed = append(removed, m)
			}
		}
	}
	return removed, nil
}

// stale reports whether the temporary file at path, whose name after the
// prefix is rest, is left over from a dead process.
func stale(path, rest string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false // held: a live writer
	}
	pidText, _, _ := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		// Not a name CreateTemp makes (an older readout's): unlocked is
		// all that can be known.
		return true
	}
	if pid == os.Getpid() {
		// This process's own writer may be between creating and locking.
		return false
	}
	return !alive(pid)
}

// alive reports whether a process with this id exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}
