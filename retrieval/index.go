package retrieval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/telemetry"
	"github.com/readout/readout/text"
)

// IndexOptions configures an Index. The zero value works.
type IndexOptions struct {
	// Chunk says how documents are split into passages; the zero value
	// uses the corpus package's defaults.
	Chunk corpus.ChunkOptions
	// BatchSize is how many chunks go to the embedder per call (default 64).
	BatchSize int
	// Concurrency is how many embedding calls Sync keeps in flight
	// (default 2).
	Concurrency int
	// Rebuild makes Open ignore an existing snapshot file (a damaged one,
	// or one built with another embedder): the next Sync embeds every
	// document again and replaces the file.
	Rebuild bool
	// Logger receives progress and warnings; nil logs nothing.
	Logger *slog.Logger
	// Metrics counts search-time failures (errors of kind "embed": the
	// question was ranked by words only) and search latency; nil counts
	// nothing.
	Metrics *telemetry.Metrics
}

// Progress reports how far a Sync has got. Stage is "reading" (comparing
// documents with the index), "embedding" (Done of Total chunks embedded) or
// "writing" (the snapshot file).
type Progress struct {
	Stage       string
	Done, Total int
}

// SyncStats says what a Sync changed. The lists hold document IDs, sorted.
type SyncStats struct {
	Added, Changed, Removed, Unchanged []string
	// Chunks is the number of chunks in the new snapshot; Embedded how many
	// of them were embedded by this Sync.
	Chunks, Embedded int
	// Snapshot is the new snapshot's ID.
	Snapshot string
	Duration time.Duration
}

// Admitted returns the documents opts admits (its Since, Until, Outlet,
// Speaker and Docs; the rest is ignored), oldest first and the undated
// last: what a filter holds at all, for saying why a search within it
// found nothing, or for listing what was said in a period. The documents
// are shared and must not be modified.
func (ix *Index) Admitted(opts SearchOptions) []*corpus.Document {
	s := ix.cur.Load()
	f := s.filter(opts)
	var out []*corpus.Document
	for i, d := range s.docs {
		if f.doc == nil || f.doc(i) {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b *corpus.Document) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		}
		return a.Date.Compare(b.Date)
	})
	return out
}

// Stats describes the live snapshot.
type Stats struct {
	Docs, Chunks int
	Embedder     string
	Dim          int
	Snapshot     string
	// Built is when the snapshot was built.
	Built time.Time
	// First and Last are the earliest and latest document dates (zero when
	// no document has a date).
	First, Last time.Time
	// Bytes is the snapshot file's size, or the estimated memory of an
	// in-memory index.
	Bytes int64
}

// MismatchError is returned by Open when the snapshot on disk was built with
// a different embedder (name or dimension) than the one configured: their
// vectors cannot be compared.
type MismatchError struct {
	Path                      string
	BuiltName, ConfiguredName string
	BuiltDim, ConfiguredDim   int
}

// Error says what was built, what is configured, and how to rebuild.
func (e *MismatchError) Error() string {
	return fmt.Sprintf("index %s was built with embedder %s (dimension %d) but %s (dimension %s) is configured: "+
		"rebuild it with `readout index --rebuild` (or delete %s), or configure the embedder it was built with",
		e.Path, e.BuiltName, e.BuiltDim, e.ConfiguredName, dimString(e.ConfiguredDim), e.Path)
}

func dimString(d int) string {
	if d == 0 {
		return "unknown until first use"
	}
	return fmt.Sprint(d)
}

// Index is the searchable record: an immutable snapshot (chunks, vectors in
// a chromem-go collection and a contiguous matrix, a BM25 index) that Sync
// replaces in one atomic step. Search is safe to call at any time from any
// number of goroutines, including during Sync; Sync calls are serialised.
type Index struct {
	dir  string
	emb  Embedder
	opts IndexOptions
	log  *slog.Logger

	cur    atomic.Pointer[snapshot]
	syncMu sync.Mutex
}

// Open returns the index kept in dir, loading dir/index.snap when present.
// dir "" keeps the index in memory only. A snapshot built with another
// embedder is refused with a *MismatchError, a damaged one with an error
// wrapping ErrCorrupt; opts.Rebuild skips loading in both cases.
func Open(dir string, emb Embedder, opts IndexOptions) (*Index, error) {
	if emb == nil {
		return nil, errors.New("open index: no embedder")
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 64
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = 2
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ix := &Index{dir: dir, emb: emb, opts: opts, log: log}
	ix.cur.Store(ix.emptySnapshot())
	if dir == "" {
		return ix, nil
	}
	ix.removeStaleTemps()
	if opts.Rebuild {
		return ix, nil
	}
	path := ix.path()
	hdr, err := readHeader(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ix, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if err := ix.checkEmbedder(hdr.Embedder, hdr.Dim); err != nil {
		return nil, err
	}
	start := time.Now()
	snap, err := loadSnapshot(context.Background(), path)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	ix.cur.Store(snap)
	if snap.turnsReread {
		log.Warn("the index was written by another version of readout: who said each sentence is read again at every start until the record is refreshed (`readout index`, or /corpus refresh in Discord; only documents read differently are indexed again)",
			"path", path)
	}
	log.Info("index loaded", "path", path, "docs", len(snap.docs), "chunks", len(snap.chunks),
		"snapshot", snap.id, "took", time.Since(start).Round(time.Millisecond))
	return ix, nil
}

func (ix *Index) path() string { return filepath.Join(ix.dir, SnapshotFile) }

// tempPrefix starts the names of temporary snapshot files.
const tempPrefix = ".index.snap.tmp-"

// removeStaleTemps deletes temporary snapshot files left by a process that
// died while writing; a file a live process is writing is kept, however
// old (datalock.RemoveStaleTemps).
func (ix *Index) removeStaleTemps() {
	removed, err := datalock.RemoveStaleTemps(ix.dir, tempPrefix)
	if err != nil {
		ix.log.Warn("look for temporary snapshots left by interrupted writes", "error", err)
	}
	for _, m := range removed {
		ix.log.Info("removed a temporary snapshot left by an interrupted write", "path", m)
	}
}

func (ix *Index) checkEmbedder(name string, dim int) error {
	cfgDim := ix.emb.Dimension()
	if name != ix.emb.Name() || (cfgDim != 0 && dim != 0 && cfgDim != dim) {
		return &MismatchError{Path: ix.path(), BuiltName: name, BuiltDim: dim,
			ConfiguredName: ix.emb.Name(), ConfiguredDim: cfgDim}
	}
	return nil
}

func (ix *Index) emptySnapshot() *snapshot {
	s := &snapshot{embedder: ix.emb.Name(), dim: ix.emb.Dimension(), chunkOpts: ix.opts.Chunk, turns: corpus.TurnsVersion}
	// An empty snapshot cannot fail to build.
	_ = s.finish(context.Background(), nil)
	return s
}

// docHash returns the document's content hash, computing one when the
// caller left it empty.
func docHash(d *corpus.Document) string {
	if d.Hash != "" {
		return d.Hash
	}
	return d.ComputeHash()
}

// Sync makes the index hold exactly docs. Documents whose Hash is unchanged
// keep their chunks and vectors (nothing is embedded when nothing changed);
// new and changed ones are split and embedded in batches; missing ones are
// dropped. progress (which may be nil) is called from one goroutine at a
// time. The new snapshot is built beside the live one, written to disk
// (when the index has a folder) and then swapped in; on any error the live
// snapshot stays as it was. The index keeps the Document pointers: do not
// modify them afterwards. Documents whose texts were spilled
// (corpus.LoadOptions.Spill) are read back a passage at a time while they
// are indexed, and the index keeps copies holding their texts, so the
// spill may be closed once Sync returns.
func (ix *Index) Sync(ctx context.Context, docs []*corpus.Document, progress func(Progress)) (SyncStats, error) {
	return ix.sync(ctx, docs, progress, false)
}

// Rebuild is Sync that embeds every document again, for a new embedder or
// a suspect snapshot.
func (ix *Index) Rebuild(ctx context.Context, docs []*corpus.Document, progress func(Progress)) (SyncStats, error) {
	return ix.sync(ctx, docs, progress, true)
}

func (ix *Index) sync(ctx context.Context, docs []*corpus.Document, progress func(Progress), all bool) (SyncStats, error) {
	ix.syncMu.Lock()
	defer ix.syncMu.Unlock()
	defer lowerGC()()
	start := time.Now()
	if progress == nil {
		progress = func(Progress) {}
	}
	old := ix.cur.Load()
	var st SyncStats

	// Reading: sort, check and compare with the live snapshot.
	sorted := make([]*corpus.Document, 0, len(docs))
	hashes := make(map[string]string, len(docs))
	for i, d := range docs {
		if d == nil {
			return st, fmt.Errorf("sync: document %d is nil", i)
		}
		if d.ID == "" {
			return st, fmt.Errorf("sync: document %d has no ID", i)
		}
		if _, dup := hashes[d.ID]; dup {
			return st, fmt.Errorf("sync: document %s appears twice", d.ID)
		}
		hashes[d.ID] = docHash(d)
		sorted = append(sorted, d)
		if i%1024 == 0 {
			progress(Progress{Stage: "reading", Done: i, Total: len(docs)})
		}
	}
	progress(Progress{Stage: "reading", Done: len(docs), Total: len(docs)})
	slices.SortFunc(sorted, func(a, b *corpus.Document) int { return strings.Compare(a.ID, b.ID) })

	reuse := !all && old.embedder == ix.emb.Name() && old.chunkOpts == ix.opts.Chunk
	type plan struct {
		chunks []corpus.Chunk
		n      int   // len(chunks), kept when chunks is dropped
		oldAt  int32 // first chunk in old snapshot, or -1 to embed
	}
	plans := make([]plan, len(sorted))
	total, toEmbed := 0, 0
	var split []int // positions in sorted of the documents to split
	for i, d := range sorted {
		oi, inOld := old.docIndex[d.ID]
		if reuse && inOld && docHash(old.docs[oi]) == hashes[d.ID] {
			r := old.docChunks[oi]
			// Same hash, same text: cut the chunk texts from the new
			// document so the old copy of the text can be freed (a
			// spilled document's are read back at the end).
			chunks := slices.Clone(old.chunks[r[0]:r[1]])
			for j := range chunks {
				chunks[j].Text = ""
				if !d.Spilled() {
					chunks[j].Text = d.Text[chunks[j].Start:chunks[j].End]
				}
			}
			plans[i] = plan{chunks: chunks, n: len(chunks), oldAt: r[0]}
			st.Unchanged = append(st.Unchanged, d.ID)
			total += len(chunks)
			continue
		}
		if inOld {
			st.Changed = append(st.Changed, d.ID)
		} else {
			st.Added = append(st.Added, d.ID)
		}
		plans[i].oldAt = -1
		split = append(split, i)
	}
	// Splitting on every core, a document at a time: a spilled
	// document's text is read back for it and dropped after.
	if err := forEach(ctx, len(split), func(k int) error {
		i := split[k]
		d := sorted[i]
		chunks, err := splitDoc(d, ix.opts.Chunk)
		plans[i].chunks, plans[i].n = chunks, len(chunks)
		return err
	}); err != nil {
		return st, fmt.Errorf("sync: %w", err)
	}
	for _, i := range split {
		total += plans[i].n
		toEmbed += plans[i].n
	}
	for _, d := range old.docs {
		if _, ok := hashes[d.ID]; !ok {
			st.Removed = append(st.Removed, d.ID)
		}
	}
	id := snapshotID(ix.emb.Name(), text.TermsVersion, corpus.TurnsVersion, ix.opts.Chunk, sorted, hashes)
	if id == old.id && toEmbed == 0 && (ix.dir == "" || (old.bytes > 0 && fileExists(ix.path()))) {
		// Nothing changed: the live snapshot already is the result.
		st.Chunks, st.Snapshot, st.Duration = len(old.chunks), old.id, time.Since(start)
		ix.log.Info("index unchanged", "snapshot", old.id, "docs", len(old.docs), "chunks", len(old.chunks))
		return st, nil
	}

	// The new chunk table, and where each chunk to embed goes in it. The
	// passage texts to embed and index are made a batch at a time from
	// it, never all at once.
	next := &snapshot{
		embedder: ix.emb.Name(), created: time.Now().UTC(), chunkOpts: ix.opts.Chunk,
		docs: sorted, id: id, turns: corpus.TurnsVersion,
	}
	next.chunks = make([]corpus.Chunk, 0, total)
	chunkDoc := make([]int32, 0, total)
	newRows := make([]int32, 0, toEmbed)
	for i, p := range plans {
		for _, c := range p.chunks {
			if p.oldAt < 0 {
				newRows = append(newRows, int32(len(next.chunks)))
			}
			next.chunks = append(next.chunks, c)
			chunkDoc = append(chunkDoc, int32(i))
		}
		plans[i].chunks = nil
	}
	// A spilled document's passages are read back from the spill when
	// they are embedded and indexed; the first read error fails the Sync.
	var readErr atomic.Pointer[error]
	textAt := func(row int) string {
		d, c := sorted[chunkDoc[row]], next.chunks[row]
		if c.Text == "" && d.Spilled() {
			t, err := corpus.TextRange(d, c.Start, c.End)
			if err != nil {
				readErr.CompareAndSwap(nil, &err)
			}
			c.Text = t
		}
		return passageText(d, c)
	}

	// The BM25 index needs only the texts, so it is built while the
	// embedder works: with a remote model Sync would otherwise wait for
	// the network and then tokenise, one after the other. It is only worth
	// it when something is embedded; otherwise it is built after. On an
	// error below the goroutine finishes on its own and its result is
	// dropped.
	var lexDone chan *lexicalIndex
	if toEmbed > 0 {
		lexDone = make(chan *lexicalIndex, 1)
		go func() { lexDone <- buildLexicalFunc(total, textAt) }()
	}

	if old.mappedVectors != nil {
		// The old snapshot's vectors are read once more at most (copied
		// for unchanged documents): their pages go back to the page
		// cache until then, so the build does not hold them beside its
		// own (a query on the old snapshot reads them again).
		releasePages(old.mappedVectors)
	}

	// Embedding, straight into the rows of the one block of vectors.
	dim := ix.emb.Dimension()
	alloc := func(d int) {
		dim = d
		next.vectors = make([]float32, total*d)
	}
	if dim > 0 {
		alloc(dim)
	}
	err := ix.embedAll(ctx, len(newRows), func(k int) string { return textAt(int(newRows[k])) },
		func(k int, v []float32) error {
			if next.vectors == nil {
				alloc(len(v))
			}
			if len(v) != dim {
				return fmt.Errorf("embedder %s returned vectors of lengths %d and %d", ix.emb.Name(), dim, len(v))
			}
			row := int(newRows[k])
			return unitInto(next.vectors[row*dim:(row+1)*dim], v)
		}, progress)
	if err != nil {
		return st, err
	}
	if next.vectors == nil {
		alloc(old.dim)
	}
	if len(st.Unchanged) > 0 && toEmbed > 0 && dim != old.dim {
		return st, &MismatchError{Path: ix.path(), BuiltName: old.embedder, BuiltDim: old.dim,
			ConfiguredName: ix.emb.Name(), ConfiguredDim: dim}
	}
	next.dim = dim
	st.Embedded = toEmbed
	row := 0
	for _, p := range plans {
		if p.oldAt >= 0 {
			o := int(p.oldAt)
			copy(next.vectors[row*dim:(row+p.n)*dim], old.vectors[o*dim:(o+p.n)*dim])
		}
		row += p.n
	}
	if old.mappedVectors != nil {
		releasePages(old.mappedVectors) // copied: given back again
	}
	if lexDone != nil {
		next.lex = <-lexDone
	} else {
		next.lex = buildLexicalFunc(total, textAt)
	}
	if e := readErr.Load(); e != nil {
		return st, fmt.Errorf("sync: %w", *e)
	}
	if err := next.finish(ctx, nil); err != nil {
		return st, fmt.Errorf("sync: build snapshot: %w", err)
	}
	// Last, once the build's own working memory is garbage: the spilled
	// documents' texts, in one block.
	if err := next.restoreTexts(chunkDoc); err != nil {
		return st, fmt.Errorf("sync: %w", err)
	}
	st.Chunks = len(next.chunks)
	st.Snapshot = next.id

	// Writing: the file is replaced before the swap, so memory and disk
	// never disagree after a failed write.
	if ix.dir != "" {
		progress(Progress{Stage: "writing", Done: 0, Total: 1})
		n, err := next.write(ix.path())
		if err != nil {
			return st, fmt.Errorf("sync: %w", err)
		}
		next.bytes = n
		progress(Progress{Stage: "writing", Done: 1, Total: 1})
	}
	ix.cur.Store(next)
	st.Duration = time.Since(start)
	ix.log.Info("index synced", "snapshot", st.Snapshot, "added", len(st.Added), "changed", len(st.Changed),
		"removed", len(st.Removed), "unchanged", len(st.Unchanged), "chunks", st.Chunks,
		"embedded", st.Embedded, "took", st.Duration.Round(time.Millisecond))
	return st, nil
}

// splitDoc splits d into chunks; a spilled document's text is read back
// for it, and its chunks keep no text (restoreTexts gives it back).
func splitDoc(d *corpus.Document, opts corpus.ChunkOptions) ([]corpus.Chunk, error) {
	if !d.Spilled() {
		return corpus.Split(d, opts), nil
	}
	text, err := corpus.TextOf(d)
	if err != nil {
		return nil, err
	}
	chunks := corpus.Split(d.WithText(text), opts)
	for j := range chunks {
		chunks[j].Text = ""
	}
	return chunks, nil
}

// forEach calls fn(0) … fn(n-1) on every core and returns the first
// error; after an error or a cancelled ctx no new call starts.
func forEach(ctx context.Context, n int, fn func(int) error) error {
	var (
		next     atomic.Int64
		firstErr atomic.Pointer[error]
		wg       sync.WaitGroup
	)
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= n || firstErr.Load() != nil {
					return
				}
				if err := ctx.Err(); err != nil {
					firstErr.CompareAndSwap(nil, &err)
					return
				}
				if err := fn(k); err != nil {
					firstErr.CompareAndSwap(nil, &err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if e := firstErr.Load(); e != nil {
		return *e
	}
	return nil
}

// restoreTexts gives the spilled documents of s their texts back, read
// into one block once everything else of the build is done (so the build
// never holds the texts beside its own working memory), and points their
// chunks' texts into them. chunkDoc maps each chunk to its document.
func (s *snapshot) restoreTexts(chunkDoc []int32) error {
	total := 0
	for _, d := range s.docs {
		if d.Spilled() {
			total += d.TextLen()
		}
	}
	if total == 0 {
		return nil
	}
	// The build's garbage goes back to the system before the block is
	// made, so the peak is the snapshot, not the snapshot and the
	// build's leftovers.
	debug.FreeOSMemory()
	block := make([]byte, total)
	off := 0
	for i, d := range s.docs {
		if !d.Spilled() {
			continue
		}
		n := d.TextLen()
		text, err := corpus.ReadTextInto(d, block[off:off+n:off+n])
		if err != nil {
			return err
		}
		off += n
		s.docs[i] = d.WithText(text)
	}
	for i := range s.chunks {
		c := &s.chunks[i]
		if c.Text == "" {
			c.Text = s.docs[chunkDoc[i]].Text[c.Start:c.End]
		}
	}
	return nil
}

// buildGCPercent is the garbage collector's target (GOGC) while Sync
// builds a snapshot. A build holds a large live set (the documents, the
// vectors, the BM25 index) while making as much again in short-lived
// garbage (passage texts, the embedder's vectors), and at the default of
// 100 the heap grows to twice the live set before a collection. Indexing
// the White House record (151k passages, 384 dimensions) peaked at 1.40 GB
// resident with 100 and 0.97 GB with 25 (user CPU 27.5 s and 29.6 s, two
// runs at a load average of 15-17 on 2 cores).
const buildGCPercent = 25

var (
	gcMu    sync.Mutex
	gcUsers int
	gcSaved int
)

// lowerGC sets the garbage collector's target to buildGCPercent (unless it
// is lower already) until the returned function is called; overlapping
// builds of several indexes restore it once, when the last one ends.
func lowerGC() (restore func()) {
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcUsers == 0 {
		gcSaved = debug.SetGCPercent(buildGCPercent)
		if gcSaved < buildGCPercent { // lower already, or off (-1)
			debug.SetGCPercent(gcSaved)
		}
	}
	gcUsers++
	return func() {
		gcMu.Lock()
		defer gcMu.Unlock()
		if gcUsers--; gcUsers == 0 {
			debug.SetGCPercent(gcSaved)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// embedAll embeds n texts (textAt(k) is text k, made when its batch is
// sent) in batches of BatchSize, Concurrency batches at a time, and hands
// each vector to put (called under a lock, so never concurrently).
func (ix *Index) embedAll(ctx context.Context, n int, textAt func(int) string, put func(k int, v []float32) error, progress func(Progress)) error {
	if n == 0 {
		return nil
	}
	progress(Progress{Stage: "embedding", Done: 0, Total: n})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		done     int
		firstErr error
		wg       sync.WaitGroup
		sem      = make(chan struct{}, ix.opts.Concurrency)
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
			cancel()
		}
		mu.Unlock()
	}
	for s := 0; s < n && ctx.Err() == nil; s += ix.opts.BatchSize {
		e := min(s+ix.opts.BatchSize, n)
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			continue
		}
		wg.Add(1)
		go func(s, e int) {
			defer wg.Done()
			defer func() { <-sem }()
			texts := make([]string, e-s)
			for k := range texts {
				texts[k] = textAt(s + k)
			}
			vecs, err := ix.embed(ctx, texts)
			if err != nil {
				fail(fmt.Errorf("embed chunks %d-%d of %d: %w", s+1, e, n, err))
				return
			}
			if len(vecs) != e-s {
				fail(fmt.Errorf("embedder %s returned %d vectors for %d texts", ix.emb.Name(), len(vecs), e-s))
				return
			}
			// Normalise into place here, while other batches are still
			// with the embedder, rather than in one pass at the end.
			// Progress is reported under the same lock, so the callback
			// is never called concurrently and Done only grows.
			mu.Lock()
			defer mu.Unlock()
			if firstErr != nil {
				return
			}
			for j, v := range vecs {
				if err := put(s+j, v); err != nil {
					firstErr = fmt.Errorf("embedder %s: chunk text %.40q: %w", ix.emb.Name(), texts[j], err)
					cancel()
					return
				}
			}
			done += e - s
			progress(Progress{Stage: "embedding", Done: done, Total: n})
		}(s, e)
	}
	wg.Wait()
	if firstErr != nil {
		return fmt.Errorf("sync: %w", firstErr)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	return nil
}

// unitInto writes v scaled to unit length into dst (len(v) floats; the
// embedder's slice is not ours to change), refusing zero and non-finite
// vectors.
func unitInto(dst, v []float32) error {
	var s float64
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return errors.New("vector is not finite")
		}
		s += float64(x) * float64(x)
	}
	if s == 0 || math.IsInf(s, 0) {
		return errors.New("vector has zero or infinite length")
	}
	inv := 1 / math.Sqrt(s)
	for i, x := range v {
		dst[i] = float32(float64(x) * inv)
	}
	return nil
}

// unitVector returns v scaled to unit length (a copy: the embedder's slice
// is not ours to change), refusing zero and non-finite vectors.
func unitVector(v []float32) ([]float32, error) {
	u := make([]float32, len(v))
	if err := unitInto(u, v); err != nil {
		return nil, err
	}
	return u, nil
}

// SnapshotID returns the live snapshot's ID ("" before the first Sync of a
// new index).
func (ix *Index) SnapshotID() string { return ix.cur.Load().id }

// Embedder returns the index's embedder.
func (ix *Index) Embedder() Embedder { return ix.emb }

// Coverage returns the earliest and latest document dates and the number
// of documents.
func (ix *Index) Coverage() (first, last time.Time, docs int) {
	s := ix.cur.Load()
	return s.first, s.last, len(s.docs)
}

// Stats describes the live snapshot.
func (ix *Index) Stats() Stats {
	s := ix.cur.Load()
	b := s.bytes
	if b == 0 {
		b = int64(len(s.vectors)) * 4
		for _, d := range s.docs {
			b += int64(len(d.Text))
		}
	}
	return Stats{Docs: len(s.docs), Chunks: len(s.chunks), Embedder: s.embedder, Dim: s.dim,
		Snapshot: s.id, Built: s.created, First: s.first, Last: s.last, Bytes: b}
}

// Documents returns the indexed documents sorted by ID. The slice is a
// copy; the documents are shared and must not be modified.
func (ix *Index) Documents() []*corpus.Document {
	return slices.Clone(ix.cur.Load().docs)
}

// Document returns the indexed document with the given ID.
func (ix *Index) Document(id string) (*corpus.Document, bool) {
	s := ix.cur.Load()
	i, ok := s.docIndex[id]
	if !ok {
		return nil, false
	}
	return s.docs[i], true
}

// Chunks returns the chunks of document id, in order.
func (ix *Index) Chunks(id string) []corpus.Chunk {
	s := ix.cur.Load()
	i, ok := s.docIndex[id]
	if !ok {
		return nil
	}
	r := s.docChunks[i]
	return slices.Clone(s.chunks[r[0]:r[1]])
}

// embed calls the embedder and records its latency (kind "embed").
func (ix *Index) embed(ctx context.Context, texts []string) ([][]float32, error) {
	start := time.Now()
	vecs, err := ix.emb.Embed(ctx, texts)
	if m := ix.opts.Metrics; m != nil {
		m.ModelLatency.WithLabelValues("embed").Observe(time.Since(start).Seconds())
	}
	return vecs, err
}
