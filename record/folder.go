package record

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/retrieval"
)

// SourcesFile is the data folder's machine-readable account of its record:
// the sources its snapshot was built from. It is written beside the
// snapshot, so a folder can be refreshed, or rebuilt after damage, from its
// own sources whatever a later run is configured with.
const SourcesFile = "sources.json"

// sampleName is how the bundled sample record is named to people.
const sampleName = "bundled sample record"

// sourceSet is a list of sources (absolute paths); empty means the bundled
// sample record.
type sourceSet struct {
	Sources []string `json:"sources"`
}

// folderRecord is the content of SourcesFile.
//
// A refresh that changes the sources first writes Pending beside the old
// BuiltFrom and Snapshot, then replaces the snapshot, then writes the new
// BuiltFrom with the new snapshot's ID. A process killed between the two
// writes leaves Pending set: if the live snapshot is no longer Snapshot,
// the refresh got as far as replacing it, and Pending is what it was built
// from.
type folderRecord struct {
	Version   int        `json:"version"`
	BuiltFrom *sourceSet `json:"built_from,omitempty"`
	Snapshot  string     `json:"snapshot,omitempty"`
	Pending   *sourceSet `json:"pending,omitempty"`
	Updated   time.Time  `json:"updated"`
}

const folderRecordVersion = 1

func (l *Library) folderPath() string {
	if l.opts.DataDir == "" {
		return ""
	}
	return filepath.Join(l.opts.DataDir, SourcesFile)
}

// readFolderRecord reads SourcesFile; a missing file is a zero record.
func readFolderRecord(dir string) (folderRecord, error) {
	var r folderRecord
	b, err := os.ReadFile(filepath.Join(dir, SourcesFile))
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("read the record's sources: %w", err)
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return folderRecord{}, fmt.Errorf("read the record's sources in %s: %w", filepath.Join(dir, SourcesFile), err)
	}
	return r, nil
}

// builtFrom returns the sources the live snapshot was built from (empty
// for the bundled sample), and false when the folder does not say.
func (l *Library) builtFrom() ([]string, bool) {
	if l.opts.DataDir == "" {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.memBuilt, l.memKnown
	}
	r, err := readFolderRecord(l.opts.DataDir)
	if err != nil {
		l.log.Warn("the data folder's list of sources is unreadable", "error", err)
		return nil, false
	}
	st := l.idx.Stats()
	if r.Pending != nil && st.Docs > 0 && st.Snapshot != r.Snapshot {
		return r.Pending.Sources, true
	}
	if r.BuiltFrom != nil {
		return r.BuiltFrom.Sources, true
	}
	if r.Version != 0 {
		return nil, false
	}
	// A folder written before SourcesFile existed: its human list.
	b, err := os.ReadFile(filepath.Join(l.opts.DataDir, sourcesFile))
	if err != nil {
		return nil, false
	}
	var srcs []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if line = strings.TrimSpace(line); line != "" && line != sampleName {
			srcs = append(srcs, line)
		}
	}
	return srcs, true
}

// absSources makes every source an absolute, clean path, so the folder's
// record means the same from any working directory.
func absSources(srcs []string) []string {
	out := make([]string, 0, len(srcs))
	for _, s := range srcs {
		if a, err := filepath.Abs(s); err == nil {
			s = a
		}
		out = append(out, s)
	}
	return out
}

// beginSources notes, before the snapshot is replaced, that a change from
// srcs is under way (only when they differ from the recorded ones).
func (l *Library) beginSources(srcs []string) error {
	srcs = absSources(srcs)
	p := l.folderPath()
	if p == "" {
		return nil
	}
	r, err := readFolderRecord(l.opts.DataDir)
	if err != nil {
		return err
	}
	if r.BuiltFrom != nil && slices.Equal(r.BuiltFrom.Sources, srcs) && r.Pending == nil {
		return nil
	}
	if r.BuiltFrom == nil {
		// The legacy list, or nothing: keep what is known as BuiltFrom.
		if old, ok := l.builtFrom(); ok {
			r.BuiltFrom = &sourceSet{Sources: old}
		}
		r.Snapshot = l.idx.Stats().Snapshot
	}
	r.Version = folderRecordVersion
	r.Pending = &sourceSet{Sources: srcs}
	r.Updated = time.Now().UTC()
	return writeJSON(p, r)
}

// commitSources records that the live snapshot, snapshot, was built from
// srcs: in SourcesFile, and in the human list beside it.
func (l *Library) commitSources(srcs []string, snapshot string) error {
	// Relative names (from a folder written before SourcesFile existed)
	// are made absolute from where they were just read.
	srcs = absSources(srcs)
	if l.opts.DataDir == "" {
		l.mu.Lock()
		l.memBuilt, l.memKnown = srcs, true
		l.mu.Unlock()
		return nil
	}
	r := folderRecord{Version: folderRecordVersion, BuiltFrom: &sourceSet{Sources: srcs}, Snapshot: snapshot, Updated: time.Now().UTC()}
	if err := writeJSON(l.folderPath(), r); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(l.opts.DataDir, sourcesFile), []byte(strings.Join(displayNames(srcs), "\n")+"\n"))
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", filepath.Base(path), err)
	}
	return writeFileAtomic(path, append(b, '\n'))
}

// displayNames names sources for people: the sample by its name.
func displayNames(srcs []string) []string {
	if len(srcs) == 0 {
		return []string{sampleName}
	}
	return append([]string(nil), srcs...)
}

// testPoint is called at named points of a change ("sources-pending",
// "snapshot-replaced"); the crash tests set it to stop a child process
// there. Nil outside tests.
var testPointHook func(name string)

func testPoint(name string) {
	if testPointHook != nil {
		testPointHook(name)
	}
}

// OpenIndex opens the index kept in dataDir as every readout command does.
// The snapshot on disk is never removed here: it answers (this process and
// others) until a complete new one is renamed over it. With rebuild, a
// snapshot built with another embedder is not loaded (the next Refresh,
// with Options.Rebuild, embeds everything again). A writer (the process
// holding the data folder's lock) does not load a damaged snapshot either:
// damaged is true, and Repair rebuilds it from the folder's own sources;
// anyone else gets the error.
func OpenIndex(dataDir string, emb retrieval.Embedder, opts retrieval.IndexOptions, rebuild, writer bool) (idx *retrieval.Index, damaged bool, err error) {
	idx, err = retrieval.Open(dataDir, emb, opts)
	var mismatch *retrieval.MismatchError
	if rebuild && writer && errors.As(err, &mismatch) {
		opts.Rebuild = true
		idx, err = retrieval.Open(dataDir, emb, opts)
	}
	if errors.Is(err, retrieval.ErrCorrupt) && writer {
		if opts.Logger != nil && errors.Is(err, retrieval.ErrOldFormat) {
			opts.Logger.Info("the index was written by an older readout; rebuilding it from the record's sources", "reason", err)
		} else if opts.Logger != nil {
			opts.Logger.Error("the index snapshot is damaged; rebuilding it from the record's sources", "error", err)
		}
		opts.Rebuild = true
		idx, err = retrieval.Open(dataDir, emb, opts)
		damaged = true
	}
	if err != nil {
		return nil, false, err
	}
	return idx, damaged, nil
}
