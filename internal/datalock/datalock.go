// Package datalock keeps two readout processes from writing one data
// folder at once. The lock is an advisory flock(2) on a file in the folder:
// the kernel releases it when the process exits, however it exits (kill -9
// included), so a crash never leaves a stale lock behind. The file also
// records the holder's pid, only to name it in the error the second
// process reports.
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

// FileName is the lock file created in the data folder.
const FileName = "readout.lock"

// HeldError is returned by Acquire when another process holds the lock.
type HeldError struct {
	Dir string
	// PID is the holder's process id as it wrote it (0 when unknown).
	PID int
}

// Error names the folder and the other process, and says what to do.
func (e *HeldError) Error() string {
	who := "another readout process"
	if e.PID > 0 {
		who = fmt.Sprintf("another readout process (pid %d)", e.PID)
	}
	return fmt.Sprintf("the data folder %s is in use by %s; stop it first, or give this one its own data_dir", e.Dir, who)
}

// Lock is a held data-folder lock. Release it when done; exiting the
// process releases it too.
type Lock struct {
	f *os.File
}

// Acquire takes the lock on dir without waiting. It fails with a
// *HeldError when another process (or another Acquire in this process, on
// a different open file) holds it.
func Acquire(dir string) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock the data folder: %w", err)
	}
	path := filepath.Join(dir, FileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock the data folder: %w", err)
	}
	if err := flock(f); err != nil {
		pid := readPID(f)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &HeldError{Dir: dir, PID: pid}
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	// Only the holder writes its pid, so a refused process never
	// overwrites it.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f}, nil
}

// flock takes an exclusive, non-blocking lock, retrying when a signal
// interrupts the call.
func flock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

func readPID(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		return 0
	}
	return pid
}

// Release unlocks the folder. The lock file stays (removing it would let a
// third process lock a new file while a second still waits on the old
// one). Release is safe to call on a nil Lock and more than once.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	_ = l.f.Truncate(0)
	err := l.f.Close() // closing the last descriptor drops the flock
	l.f = nil
	if err != nil {
		return fmt.Errorf("release the data folder lock: %w", err)
	}
	return nil
}
