package testsupport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/readout/readout/internal/datalock"
)

// CopyDataFolder copies the regular files of a data folder, not its lock, to
// a new temporary folder and returns it: a crash test runs each stop on a
// copy of one built folder.
func CopyDataFolder(t testing.TB, from string) string {
	t.Helper()
	to := t.TempDir()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || e.Name() == datalock.FileName {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return to
}
