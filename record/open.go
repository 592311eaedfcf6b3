package record

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/readout/readout/retrieval"
)

// OpenIndex opens the index kept in dir like retrieval.Open, except that a
// damaged snapshot (a checksum that does not match, a truncated file) does
// not stop the program: it is reported in the log, moved aside as
// index.snap.damaged-<time> for inspection, and an empty index is returned
// together with the damage, so the caller rebuilds it from the sources (a
// Refresh) instead of serving half a record. Any other error (an
// unreadable folder, a snapshot of another embedder) is returned as is.
//
// It also deletes the temporary files a writer killed mid-snapshot leaves
// behind, so call it while holding the data folder's lock
// (internal/datalock): only then can no other process be writing one.
func OpenIndex(dir string, emb retrieval.Embedder, opts retrieval.IndexOptions, log *slog.Logger) (idx *retrieval.Index, damaged error, err error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if dir != "" {
		removeStaleTemps(dir, log)
	}
	idx, err = retrieval.Open(dir, emb, opts)
	if err == nil || !errors.Is(err, retrieval.ErrCorrupt) || dir == "" {
		return idx, nil, err
	}
	damaged = err
	snap := filepath.Join(dir, retrieval.SnapshotFile)
	aside := snap + ".damaged-" + time.Now().UTC().Format("20060102T150405Z")
	if rerr := os.Rename(snap, aside); rerr != nil {
		log.Warn("could not move the damaged index aside", "file", snap, "error", rerr)
		aside = ""
	}
	log.Error("the index snapshot is damaged; rebuilding it from the sources", "file", snap, "kept_as", aside, "error", damaged)
	opts.Rebuild = true
	idx, err = retrieval.Open(dir, emb, opts)
	if err != nil {
		return nil, damaged, fmt.Errorf("open a fresh index after a damaged snapshot: %w", err)
	}
	return idx, damaged, nil
}

// staleTempPattern matches the temporary snapshot files retrieval writes
// before renaming them into place.
const staleTempPattern = ".index.snap.tmp-*"

func removeStaleTemps(dir string, log *slog.Logger) {
	left, _ := filepath.Glob(filepath.Join(dir, staleTempPattern))
	for _, f := range left {
		if err := os.Remove(f); err != nil {
			log.Warn("remove a temporary snapshot left by an interrupted write", "file", f, "error", err)
			continue
		}
		log.Info("removed a temporary snapshot left by an interrupted write", "file", f)
	}
}
