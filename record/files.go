package record

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/readout/readout/internal/datalock"
)

// excludedFile lists, one per line, the IDs of source documents that
// moderators removed.
const excludedFile = "removed-documents.txt"

func (l *Library) excludedPath() string {
	if l.opts.DataDir == "" {
		return ""
	}
	return filepath.Join(l.opts.DataDir, excludedFile)
}

// excluded returns the set of removed document IDs.
func (l *Library) excluded() (map[string]bool, error) {
	l.exMu.Lock()
	defer l.exMu.Unlock()
	return l.excludedLocked()
}

func (l *Library) excludedLocked() (map[string]bool, error) {
	set := map[string]bool{}
	p := l.excludedPath()
	if p == "" {
		for id := range l.exMemory {
			set[id] = true
		}
		return set, nil
	}
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return set, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the list of removed documents: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if id := strings.TrimSpace(sc.Text()); id != "" {
			set[id] = true
		}
	}
	return set, nil
}

func (l *Library) setExcluded(id string, on bool) error {
	l.exMu.Lock()
	defer l.exMu.Unlock()
	set, err := l.excludedLocked()
	if err != nil {
		return err
	}
	if set[id] == on {
		return nil
	}
	if on {
		set[id] = true
	} else {
		delete(set, id)
	}
	p := l.excludedPath()
	if p == "" {
		l.exMemory = set
		return nil
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var buf bytes.Buffer
	for _, id := range ids {
		buf.WriteString(id)
		buf.WriteByte('\n')
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("save the list of removed documents: %w", err)
	}
	return writeFileAtomic(p, buf.Bytes())
}

func (l *Library) exclude(id string) error   { return l.setExcluded(id, true) }
func (l *Library) unexclude(id string) error { return l.setExcluded(id, false) }

// tempPrefix starts the names of the temporary files writeFileAtomic
// writes beside path.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// removeStaleTemps deletes temporary files of the folder's own files that
// killed processes left behind (only those no live process writes).
func (l *Library) removeStaleTemps() {
	type temps struct{ dir, prefix string }
	var all []temps
	if l.opts.DataDir != "" {
		for _, name := range []string{SourcesFile, sourcesFile, lastChangeFile, excludedFile} {
			all = append(all, temps{l.opts.DataDir, tempPrefix(name)})
		}
	}
	if l.opts.Uploads != "" {
		// Added documents are written as .<name>.tmp-<pid>-<n> beside
		// their final name.
		matches, _ := filepath.Glob(filepath.Join(l.opts.Uploads, ".*.tmp-*"))
		for _, m := range matches {
			base := filepath.Base(m)
			all = append(all, temps{l.opts.Uploads, base[:strings.LastIndex(base, ".tmp-")+len(".tmp-")]})
		}
	}
	for _, tp := range all {
		removed, err := datalock.RemoveStaleTemps(tp.dir, tp.prefix)
		if err != nil {
			l.log.Warn("look for temporary files left by interrupted writes", "error", err)
		}
		for _, p := range removed {
			l.log.Info("removed a temporary file left by an interrupted write", "path", p)
		}
	}
}

// writeFileAtomic writes data to a temporary file beside path, syncs it and
// renames it over path, so a crash leaves either the old file or the new.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := datalock.CreateTemp(dir, tempPrefix(path))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// sourcesFile names, one per line, the sources the record was built from,
// for people; SourcesFile is the machine-readable account.
const sourcesFile = "indexed-sources.txt"

// SourcesChanged reports whether the record was built from other sources
// than the ones a refresh would read now, and which; false when unknown.
func (l *Library) SourcesChanged() (indexed []string, changed bool) {
	built, ok := l.builtFrom()
	if !ok {
		return nil, false
	}
	return displayNames(built), !slices.Equal(built, l.sources())
}

// lastChangeFile keeps the last change of the record across restarts, for
// /corpus status.
const lastChangeFile = "last-change.json"

func (l *Library) saveLastChange(c *Change) error {
	if l.opts.DataDir == "" {
		return nil
	}
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode the last change: %w", err)
	}
	return writeFileAtomic(filepath.Join(l.opts.DataDir, lastChangeFile), b)
}

// loadLastChange returns the saved last change, or nil.
func (l *Library) loadLastChange() *Change {
	if l.opts.DataDir == "" {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(l.opts.DataDir, lastChangeFile))
	if err != nil {
		return nil
	}
	var c Change
	if json.Unmarshal(b, &c) != nil || c.Kind == "" {
		return nil
	}
	return &c
}
