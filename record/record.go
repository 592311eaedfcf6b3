// Package record keeps the record current: it knows the configured sources,
// reads them with corpus, updates the retrieval index incrementally, and
// stores documents that moderators add so a later refresh keeps them. Only
// one change runs at a time; questions keep being answered meanwhile,
// because the index swaps in a finished snapshot in one step.
package record

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/telemetry"
)

// Status describes what is indexed.
type Status struct {
	Docs, Chunks int
	First, Last  time.Time
	Embedder     string
	Dim          int
	Snapshot     string
	// Sources are the sources the record was built from, as people name
	// them; nil when the data folder does not say.
	Sources []string
	// Configured are the sources the next refresh reads; SourcesDiffer
	// says they are not the ones the record was built from, so a refresh
	// would change which record this is.
	Configured    []string
	SourcesDiffer bool
	LastChange    *Change // the last refresh, addition or removal; nil before the first
}

// Change is the outcome of a refresh, an addition or a removal.
type Change struct {
	Kind     string // "refresh", "add", "remove"
	By       string // who asked (a Discord user id, "cli")
	At       time.Time
	Duration time.Duration
	Stats    retrieval.SyncStats
	Skipped  []corpus.Skipped
}

// BusyError is returned when a change is asked for while another runs.
type BusyError struct {
	Kind  string
	By    string
	Since time.Time
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("a %s started by %s at %s is still running", e.Kind, e.By, e.Since.UTC().Format(time.RFC3339))
}

// ErrNotFound is returned by Remove for a document that is not in the record.
var ErrNotFound = errors.New("no such document in the record")

// InputError is a refused request (bad file name, unsupported format,
// duplicate, forbidden URL); its message is meant for the person who asked.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// Options configures a Library.
type Options struct {
	// Sources are folders, files or .tar.gz archives a refresh reads.
	// Empty means the sources the data folder's record was built from
	// (SourcesFile), or the bundled sample record for a new folder.
	Sources []string
	// Uploads is the folder where added documents are stored; it is read as
	// one more source when it exists. Empty disables AddFile and AddURL.
	Uploads string
	// DataDir keeps the list of source documents moderators removed, so a
	// refresh does not bring them back. Empty keeps it in memory.
	DataDir string
	// Load limits what is read.
	Load corpus.LoadOptions
	// Metrics counts changes (readout_refreshes_total by outcome, their
	// duration) and keeps the index size gauges current; nil counts nothing.
	Metrics *telemetry.Metrics
	// Force lets a refresh remove more of the record than the removal
	// guard allows (see guardShare).
	Force bool
	// Rebuild makes Refresh embed every document again (a new embedder,
	// a suspect snapshot); the old snapshot answers until the new one is
	// complete.
	Rebuild bool
	// Fetch controls AddURL.
	Fetch  FetchOptions
	Logger *slog.Logger
}

// Library is the record: its sources and its index.
type Library struct {
	idx  *retrieval.Index
	opts Options
	log  *slog.Logger

	mu      sync.Mutex // guards running and last
	running *BusyError
	last    *Change

	exMu     sync.Mutex // guards exMemory and the exclusions file
	exMemory map[string]bool

	// memBuilt is what an in-memory library (no DataDir) was built from;
	// memKnown says whether it was built. Guarded by mu.
	memBuilt []string
	memKnown bool
}

// New returns a Library over idx.
func New(idx *retrieval.Index, opts Options) *Library {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	l := &Library{idx: idx, opts: opts, log: log}
	l.removeStaleTemps()
	l.last = l.loadLastChange()
	return l
}

// Index is the library's index.
func (l *Library) Index() *retrieval.Index { return l.idx }

// Status reports what is indexed.
func (l *Library) Status() Status {
	st := l.idx.Stats()
	l.mu.Lock()
	last := l.last
	l.mu.Unlock()
	status := Status{
		Docs: st.Docs, Chunks: st.Chunks, First: st.First, Last: st.Last,
		Embedder: st.Embedder, Dim: st.Dim, Snapshot: st.Snapshot,
		LastChange: last,
	}
	next := l.sources()
	status.Configured = displayNames(next)
	if built, ok := l.builtFrom(); ok {
		status.Sources = displayNames(built)
		status.SourcesDiffer = !slices.Equal(built, next)
	}
	return status
}

// sources are the sources a refresh reads: the configured ones, else the
// ones the record was built from, else (empty) the bundled sample.
func (l *Library) sources() []string {
	if len(l.opts.Sources) > 0 {
		return absSources(l.opts.Sources)
	}
	built, _ := l.builtFrom()
	return built
}

// keptSources are the sources an addition or a removal reads: the ones the
// record was built from, so changing one document never switches the
// record to other configured sources (only a refresh does that).
func (l *Library) keptSources() []string {
	if built, ok := l.builtFrom(); ok {
		return built
	}
	return l.sources()
}

// begin claims the right to change the record, or says who holds it.
func (l *Library) begin(kind, by string) (func(*Change), error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running != nil {
		busy := *l.running
		if m := l.opts.Metrics; m != nil {
			m.Refreshes.WithLabelValues("busy").Inc()
		}
		return nil, &busy
	}
	start := time.Now()
	l.running = &BusyError{Kind: kind, By: by, Since: start}
	return func(c *Change) {
		l.mu.Lock()
		l.running = nil
		if c != nil {
			l.last = c
		}
		l.mu.Unlock()
		if c != nil {
			if err := l.saveLastChange(c); err != nil {
				l.log.Warn("remember the last change of the record", "error", err)
			}
		}
		l.count(kind, c != nil, time.Since(start))
	}, nil
}

// ReadSources reads every source a refresh reads and the uploads folder,
// without indexing. Documents whose ID appears in an earlier source are
// skipped.
func (l *Library) ReadSources() ([]*corpus.Document, []corpus.Skipped, error) {
	return l.readSources(l.sources(), nil)
}

// newSpill returns where one change keeps the texts of the documents it
// reads until they are indexed: a spill file in the data folder, so a
// change holds every document's metadata but never every text (issue 11,
// bounded input). An in-memory library (no data folder) keeps texts in
// memory and gets nil.
func (l *Library) newSpill() (*corpus.Spill, error) {
	if l.opts.DataDir == "" {
		return nil, nil
	}
	if err := os.MkdirAll(l.opts.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("create the data folder: %w", err)
	}
	return corpus.NewSpill(l.opts.DataDir)
}

// readSources reads srcs (empty: the bundled sample) and the uploads
// folder, without the documents moderators removed; with a spill, the
// documents' texts go to it as they are read.
func (l *Library) readSources(srcs []string, spill *corpus.Spill) ([]*corpus.Document, []corpus.Skipped, error) {
	opts := l.opts.Load
	if spill != nil {
		opts.Spill = spill
	}
	if opts.Budget == nil {
		// The limits hold for all the sources of one reading together.
		opts.Budget = &corpus.Budget{}
	}
	var docs []*corpus.Document
	var skipped []corpus.Skipped
	seen := map[string]string{}
	add := func(source string, ds []*corpus.Document, sk []corpus.Skipped) {
		skipped = append(skipped, sk...)
		for _, d := range ds {
			if prev, dup := seen[d.ID]; dup {
				skipped = append(skipped, corpus.Skipped{Path: filepath.Join(source, d.ID), Reason: "same document name as one in " + prev})
				continue
			}
			seen[d.ID] = source
			docs = append(docs, d)
		}
	}
	if len(srcs) == 0 {
		ds, sk, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, opts)
		if err != nil {
			return nil, nil, fmt.Errorf("read the bundled sample record: %w", err)
		}
		add(corpus.SampleSource, ds, sk)
	}
	for _, src := range srcs {
		ds, sk, err := corpus.Load(src, opts)
		if err != nil {
			return nil, nil, fmt.Errorf("read source %s: %w", src, err)
		}
		add(src, ds, sk)
	}
	if l.opts.Uploads != "" {
		if _, err := os.Stat(l.opts.Uploads); err == nil {
			ds, sk, err := corpus.Load(l.opts.Uploads, opts)
			if err != nil {
				return nil, nil, fmt.Errorf("read added documents in %s: %w", l.opts.Uploads, err)
			}
			for _, d := range ds {
				d.ID = uploadPrefix + d.ID
			}
			add(l.opts.Uploads, ds, sk)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("read added documents: %w", err)
		}
	}
	excluded, err := l.excluded()
	if err != nil {
		return nil, nil, err
	}
	kept := docs[:0]
	for _, d := range docs {
		if excluded[d.ID] {
			skipped = append(skipped, corpus.Skipped{Path: d.ID, Reason: "removed by a moderator"})
			continue
		}
		kept = append(kept, d)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].ID < kept[j].ID })
	// A role label no title names ("THE PRESIDENT:") is the holder the
	// record's documents of the nearest day name.
	corpus.NameHolders(kept)
	return kept, skipped, nil
}

// uploadPrefix marks documents added by moderators; their IDs are
// "added/<file name>".
const uploadPrefix = "added/"

// Refresh re-reads every source and updates the index. It stops with a
// *RemovalError when that would remove too much of the record (see
// guardShare) unless Options.Force is set. The live snapshot answers until
// the new one is complete; on any error or cancellation it stays.
func (l *Library) Refresh(ctx context.Context, by string, progress func(retrieval.Progress)) (*Change, error) {
	return l.refresh(ctx, "refresh", by, l.sources(), l.opts.Rebuild, true, progress)
}

// ErrUnknownSources is returned by Repair for a data folder that does not
// say which sources its record was built from.
var ErrUnknownSources = errors.New("the data folder does not say which sources its record was built from")

// Repair rebuilds the record from the sources it was built from (never
// from the bundled sample unless it was built from it), for a damaged
// snapshot: every document is read and embedded again, and the damaged
// file is replaced only when the new snapshot is complete. With no record
// of its sources it uses the configured ones, or fails with
// ErrUnknownSources.
func (l *Library) Repair(ctx context.Context, by string, progress func(retrieval.Progress)) (*Change, error) {
	srcs, ok := l.builtFrom()
	if !ok {
		if len(l.opts.Sources) == 0 {
			return nil, fmt.Errorf("rebuild the record: %w: name them with `readout index --corpus SOURCE --rebuild`", ErrUnknownSources)
		}
		srcs = absSources(l.opts.Sources)
	}
	// The damaged snapshot was not loaded: there is nothing to guard.
	return l.refresh(ctx, "refresh", by, srcs, true, false, progress)
}

// refresh reads srcs and makes the index hold them; rebuild embeds every
// document again; guard applies the removal guard.
func (l *Library) refresh(ctx context.Context, kind, by string, srcs []string, rebuild, guard bool, progress func(retrieval.Progress)) (*Change, error) {
	done, err := l.begin(kind, by)
	if err != nil {
		return nil, err
	}
	var change *Change
	defer func() { done(change) }()
	start := time.Now()
	if progress != nil {
		progress(retrieval.Progress{Stage: "reading"})
	}
	spill, err := l.newSpill()
	if err != nil {
		return nil, err
	}
	defer spill.Close()
	docs, skipped, err := l.readSources(srcs, spill)
	if err != nil {
		return nil, err
	}
	if guard {
		if err := l.checkRemovals(docs, srcs, nil); err != nil {
			return nil, err
		}
	}
	stats, err := l.sync(ctx, docs, srcs, rebuild, progress)
	if err != nil {
		return nil, fmt.Errorf("update the index: %w", err)
	}
	change = &Change{Kind: kind, By: by, At: start, Duration: time.Since(start), Stats: stats, Skipped: skipped}
	l.logChange(change)
	return change, nil
}

// sync makes the index hold docs read from srcs, and records srcs as what
// the record is built from: noted as pending before the snapshot is
// replaced and as built after, so a process killed at any point leaves a
// folder that knows its sources.
func (l *Library) sync(ctx context.Context, docs []*corpus.Document, srcs []string, rebuild bool, progress func(retrieval.Progress)) (retrieval.SyncStats, error) {
	if err := l.beginSources(srcs); err != nil {
		return retrieval.SyncStats{}, err
	}
	testPoint("sources-pending")
	var stats retrieval.SyncStats
	var err error
	if rebuild {
		stats, err = l.idx.Rebuild(ctx, docs, progress)
	} else {
		stats, err = l.idx.Sync(ctx, docs, progress)
	}
	if err != nil {
		return stats, err
	}
	testPoint("snapshot-replaced")
	if err := l.commitSources(srcs, stats.Snapshot); err != nil {
		// The snapshot is complete; the pending note still names srcs.
		l.log.Warn("remember the record's sources", "error", err)
	}
	return stats, nil
}

// count records a finished change in the metrics.
func (l *Library) count(kind string, ok bool, d time.Duration) {
	m := l.opts.Metrics
	if m == nil {
		return
	}
	outcome := "ok"
	if !ok {
		outcome = "error"
		m.Error("refresh")
	}
	m.Refreshes.WithLabelValues(outcome).Inc()
	m.RefreshSeconds.Observe(d.Seconds())
	st := l.idx.Stats()
	m.IndexDocs.Set(float64(st.Docs))
	m.IndexChunks.Set(float64(st.Chunks))
}

func (l *Library) logChange(c *Change) {
	l.log.Info("record changed", "kind", c.Kind, "by", c.By,
		"added", len(c.Stats.Added), "changed", len(c.Stats.Changed), "removed", len(c.Stats.Removed),
		"skipped", len(c.Skipped), "embedded", c.Stats.Embedded, "snapshot", c.Stats.Snapshot,
		"duration", c.Duration)
}

// allowedExt are the formats AddFile takes.
var allowedExt = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true, ".json": true, ".jsonl": true}

// cleanName checks an added file's name: one path element, a known format.
func cleanName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || name != path.Base(name) || strings.ContainsAny(name, `/\`+"\x00") || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		return "", inputErrorf("the file name %q is not allowed: use a plain name such as statement.txt, without folders", name)
	}
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) {
		// Right-to-left overrides and zero-width characters make a name
		// display as something else ("report\u202etxt.exe").
		return "", inputErrorf("the file name %q holds invisible or control characters: rename the file", name)
	}
	if len(name) > 120 {
		return "", inputErrorf("the file name is too long (%d characters; at most 120)", len(name))
	}
	ext := strings.ToLower(filepath.Ext(name))
	if !allowedExt[ext] {
		return "", inputErrorf("%q is not a format the record reads: use .txt, .md, .html, .json or .jsonl", name)
	}
	return name, nil
}

// AddFile stores a document (name is a file name, data its bytes) with the
// record's sources and indexes it. It returns the new document's ID.
func (l *Library) AddFile(ctx context.Context, name string, data []byte, by string) (string, *Change, error) {
	if l.opts.Uploads == "" {
		return "", nil, inputErrorf("adding documents is turned off: set corpus.uploads or data_dir")
	}
	name, err := cleanName(name)
	if err != nil {
		return "", nil, err
	}
	max := l.opts.Load.MaxFileSize
	if max <= 0 {
		max = 16 << 20
	}
	if int64(len(data)) > max {
		return "", nil, inputErrorf("%s is %d bytes; the record takes files up to %d bytes", name, len(data), max)
	}
	parsed, err := corpus.Parse(name, data)
	if err != nil {
		return "", nil, inputErrorf("%s could not be read as a document: %v", name, err)
	}
	if len(parsed) == 0 {
		return "", nil, inputErrorf("%s holds no document text", name)
	}
	done, err := l.begin("add", by)
	if err != nil {
		return "", nil, err
	}
	var change *Change
	defer func() { done(change) }()
	start := time.Now()

	id := uploadPrefix + name
	if _, exists := l.idx.Document(id); exists {
		return "", nil, inputErrorf("a document named %s is already in the record: remove it first to replace it", name)
	}
	for _, p := range parsed {
		for _, d := range l.idx.Documents() {
			if d.Text == p.Text {
				return "", nil, inputErrorf("the same text is already in the record as %s", d.ID)
			}
		}
	}
	if err := os.MkdirAll(l.opts.Uploads, 0o755); err != nil {
		return "", nil, fmt.Errorf("create %s: %w", l.opts.Uploads, err)
	}
	if err := writeFileAtomic(filepath.Join(l.opts.Uploads, name), data); err != nil {
		return "", nil, err
	}
	if err := l.unexclude(id); err != nil {
		return "", nil, err
	}
	srcs := l.keptSources()
	spill, err := l.newSpill()
	if err != nil {
		return "", nil, err
	}
	defer spill.Close()
	docs, skipped, err := l.readSources(srcs, spill)
	if err != nil {
		return "", nil, err
	}
	if err := l.checkRemovals(docs, srcs, nil); err != nil {
		return "", nil, err
	}
	stats, err := l.sync(ctx, docs, srcs, false, nil)
	if err != nil {
		// The file stays with the sources: the next refresh indexes it.
		return "", nil, fmt.Errorf("index %s: %w", name, err)
	}
	if len(parsed) == 1 && parsed[0].ID != name {
		id = uploadPrefix + parsed[0].ID
	}
	change = &Change{Kind: "add", By: by, At: start, Duration: time.Since(start), Stats: stats, Skipped: skipped}
	l.logChange(change)
	return id, change, nil
}

// Remove deletes a document: one that was added is deleted from the
// uploads folder; one from a configured source is excluded from later
// refreshes (its file is left alone).
func (l *Library) Remove(ctx context.Context, docID, by string) (*Change, error) {
	if _, ok := l.idx.Document(docID); !ok {
		return nil, ErrNotFound
	}
	done, err := l.begin("remove", by)
	if err != nil {
		return nil, err
	}
	var change *Change
	defer func() { done(change) }()
	start := time.Now()
	if name, ok := strings.CutPrefix(docID, uploadPrefix); ok && !strings.Contains(name, "#") {
		err := os.Remove(filepath.Join(l.opts.Uploads, filepath.FromSlash(name)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("remove %s: %w", docID, err)
		}
	} else if err := l.exclude(docID); err != nil {
		return nil, err
	}
	srcs := l.keptSources()
	spill, err := l.newSpill()
	if err != nil {
		return nil, err
	}
	defer spill.Close()
	docs, skipped, err := l.readSources(srcs, spill)
	if err != nil {
		return nil, err
	}
	if err := l.checkRemovals(docs, srcs, map[string]bool{docID: true}); err != nil {
		return nil, err
	}
	stats, err := l.sync(ctx, docs, srcs, false, nil)
	if err != nil {
		return nil, fmt.Errorf("update the index: %w", err)
	}
	change = &Change{Kind: "remove", By: by, At: start, Duration: time.Since(start), Stats: stats, Skipped: skipped}
	l.logChange(change)
	return change, nil
}

// DocumentIDs lists the IDs of the indexed documents, sorted.
func (l *Library) DocumentIDs() []string {
	docs := l.idx.Documents()
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	return ids
}
