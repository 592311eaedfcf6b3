package corpus

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// DefaultMaxFileSize is the largest file Load reads when
// LoadOptions.MaxFileSize is zero.
const DefaultMaxFileSize = 16 << 20

// DefaultMaxTotalBytes and DefaultMaxDocuments bound one load when
// LoadOptions leaves them zero. The White House record, the largest the
// project indexes, is 133 MB as its archive expands (124 MB of documents)
// and 11,635 documents: the defaults leave twice that room in bytes and
// eight times in documents. A load's peak memory is about 4.5 times the
// bytes it brings in (1.2 GB at this limit, measured by
// TestArchiveBombStopsAtTheLimit).
const (
	DefaultMaxTotalBytes = 256 << 20
	DefaultMaxDocuments  = 100_000
)

// LoadOptions control Load and LoadFS. The zero value works.
type LoadOptions struct {
	// MaxFileSize skips files (and archive members) larger than this many
	// bytes; zero means DefaultMaxFileSize.
	MaxFileSize int64
	// MaxTotalBytes stops a load that reads more bytes than this: file
	// bytes as they are read, archives as they expand (members skipped as
	// too large included), counted as they come, so a small archive that
	// expands to gigabytes stops at the limit. Zero means
	// DefaultMaxTotalBytes.
	MaxTotalBytes int64
	// MaxDocuments stops a load that brings in more documents than this;
	// zero means DefaultMaxDocuments.
	MaxDocuments int
	// FollowSymlinks reads the files that links in a source folder point
	// to outside that folder. Off (the default), such links are skipped
	// and reported, so whoever can drop a link into a source folder cannot
	// have the record quote /etc/passwd; links to files inside the folder
	// are read either way.
	FollowSymlinks bool
	// Spill, when set, takes each document's text as soon as it is
	// parsed (Text is left empty; TextOf reads it back), so a load holds
	// the documents' metadata but not their texts. The caller closes it
	// once the documents are indexed.
	Spill *Spill
	// Budget, when set, counts for several loads together (all the sources
	// of one refresh), so the totals bound them as a whole; nil gives each
	// load a budget of its own.
	Budget *Budget
}

// Budget counts what loads bring in against LoadOptions' totals. The zero
// value is an empty budget; it is safe for concurrent use.
type Budget struct {
	bytes, docs atomic.Int64
}

// Bytes is how many bytes the loads sharing the budget read.
func (b *Budget) Bytes() int64 { return b.bytes.Load() }

// Documents is how many documents they brought in.
func (b *Budget) Documents() int64 { return b.docs.Load() }

// LimitError is returned by Load when a load passes MaxTotalBytes or
// MaxDocuments; nothing of that load is kept.
type LimitError struct {
	Source string
	// What is "bytes" or "documents"; Limit the limit passed.
	What  string
	Limit int64
}

// Error says which limit, where, and what to do.
func (e *LimitError) Error() string {
	key := "corpus.max_total_bytes"
	if e.What == "documents" {
		key = "corpus.max_documents"
	}
	return fmt.Sprintf("%s takes the record past its limit of %d %s: nothing was indexed from it; split the record, or raise %s in the configuration", e.Source, e.Limit, e.What, key)
}

func (o LoadOptions) maxTotal() int64 {
	if o.MaxTotalBytes <= 0 {
		return DefaultMaxTotalBytes
	}
	return o.MaxTotalBytes
}

func (o LoadOptions) maxDocs() int64 {
	if o.MaxDocuments <= 0 {
		return DefaultMaxDocuments
	}
	return int64(o.MaxDocuments)
}

// maxSize returns the effective size limit.
func (o LoadOptions) maxSize() int64 {
	if o.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

// loader parses files on all cores while the caller reads them in order,
// and gathers documents and skipped files.
type loader struct {
	source string
	opts   LoadOptions
	budget *Budget
	jobs   chan loadJob
	wg     sync.WaitGroup

	mu      sync.Mutex
	docs    []*Document
	skipped []Skipped
	// fatal is the first error that fails the whole load (a text that
	// could not be written to the Spill).
	fatal atomic.Pointer[error]
}

// fail makes the load fail with err (the first such error wins).
func (l *loader) fail(err error) { l.fatal.CompareAndSwap(nil, &err) }

// loadJob is one file to parse.
type loadJob struct {
	id   string
	data []byte
}

// newLoader starts the parsing workers. At most two files per worker wait
// in the queue, so the files held in memory at once are bounded by the
// worker count times MaxFileSize, whatever the record's size.
func newLoader(source string, opts LoadOptions) *loader {
	n := max(1, runtime.GOMAXPROCS(0))
	b := opts.Budget
	if b == nil {
		b = &Budget{}
	}
	l := &loader{source: source, opts: opts, budget: b, jobs: make(chan loadJob, 2*n)}
	l.wg.Add(n)
	for range n {
		go func() {
			defer l.wg.Done()
			for j := range l.jobs {
				docs, err := Parse(j.id, j.data)
				if sp := l.opts.Spill; sp != nil {
					for _, d := range docs {
						if serr := sp.put(d); serr != nil {
							l.fail(serr)
						}
					}
				}
				l.add(j.id, docs, err)
			}
		}()
	}
	return l
}

// skip records a file that was not loaded.
func (l *loader) skip(p, reason string) {
	l.mu.Lock()
	l.skipped = append(l.skipped, Skipped{Path: p, Reason: reason})
	l.mu.Unlock()
}

// add records Parse's result: documents, and a Skipped entry per failed
// record or for the whole file.
func (l *loader) add(id string, docs []*Document, err error) {
	l.budget.docs.Add(int64(len(docs)))
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.over() != nil {
		// Past the limit: the load fails, keep nothing more.
		return
	}
	for _, d := range docs {
		d.Source = l.source
		l.docs = append(l.docs, d)
	}
	if err == nil {
		return
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		var re *RecordError
		if errors.As(e, &re) {
			l.skipped = append(l.skipped, Skipped{Path: re.ID, Reason: re.Err.Error()})
			continue
		}
		l.skipped = append(l.skipped, Skipped{Path: id, Reason: strings.TrimPrefix(e.Error(), "parse "+id+": ")})
	}
}

// over returns the LimitError of a load past its totals, the error that
// failed it, or nil.
func (l *loader) over() error {
	if e := l.fatal.Load(); e != nil {
		return *e
	}
	if n := l.opts.maxTotal(); l.budget.bytes.Load() > n {
		return &LimitError{Source: l.source, What: "bytes", Limit: n}
	}
	if n := l.opts.maxDocs(); l.budget.docs.Load() > n {
		return &LimitError{Source: l.source, What: "documents", Limit: n}
	}
	return nil
}

// file checks one file's name and size and queues it; read returns its
// bytes (at most limit+1 of them). Bytes read from a plain file are
// counted here; an archive counts them as it expands (countBytes false).
func (l *loader) file(id string, size, limit int64, countBytes bool, read func() ([]byte, error)) {
	if l.over() != nil {
		return
	}
	if !Supported(id) {
		l.skip(id, fmt.Sprintf("%v %q", ErrUnknownFormat, path.Ext(id)))
		return
	}
	if size > limit {
		l.skip(id, fmt.Sprintf("%v: %d bytes, limit %d", ErrTooLarge, size, limit))
		return
	}
	data, err := read()
	if countBytes {
		l.budget.bytes.Add(int64(len(data)))
	}
	if l.over() != nil {
		return
	}
	if err != nil {
		l.skip(id, fmt.Sprintf("read: %v", err))
		return
	}
	if int64(len(data)) > limit {
		l.skip(id, fmt.Sprintf("%v: over %d bytes", ErrTooLarge, limit))
		return
	}
	l.jobs <- loadJob{id: id, data: data}
}

// finish waits for the workers and returns documents sorted by ID (the
// first of duplicate IDs wins) and skipped files sorted by path, or the
// LimitError of a load past its totals.
func (l *loader) finish() ([]*Document, []Skipped, error) {
	close(l.jobs)
	l.wg.Wait()
	if err := l.over(); err != nil {
		return nil, nil, err
	}
	sort.SliceStable(l.docs, func(i, j int) bool { return l.docs[i].ID < l.docs[j].ID })
	docs := l.docs[:0]
	for i, d := range l.docs {
		if i > 0 && d.ID == docs[len(docs)-1].ID {
			l.skipped = append(l.skipped, Skipped{Path: d.ID, Reason: "duplicate document ID"})
			continue
		}
		docs = append(docs, d)
	}
	sort.SliceStable(l.skipped, func(i, j int) bool { return l.skipped[i].Path < l.skipped[j].Path })
	return docs, l.skipped, nil
}

// readLimited reads at most limit+1 bytes so an oversized file is detected
// without reading all of it.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, limit+1))
}

// isHidden reports a path with a component starting with '.'.
func isHidden(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}

// isArchive reports a gzip-compressed tar file name.
func isArchive(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".tar.gz") || strings.HasSuffix(n, ".tgz")
}

// Load reads the record at source: a directory (walked recursively in
// lexical order, hidden files and directories skipped; links leading out
// of it skipped unless FollowSymlinks), a .tar.gz/.tgz archive (links and
// device entries reported as skipped), or a single file. Documents come back sorted by ID with Source
// set to source; files that cannot be loaded (binary, invalid UTF-8, empty,
// too large, unknown extension, parse errors, bad JSON records) come back as
// Skipped. The error is only for a source that cannot be read at all.
func Load(source string, opts LoadOptions) ([]*Document, []Skipped, error) {
	fi, err := os.Stat(source)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, err)
	}
	if fi.IsDir() {
		if opts.FollowSymlinks {
			return LoadFS(os.DirFS(source), source, opts)
		}
		// os.Root refuses every path that leads out of the folder, links
		// included, at the moment of opening (no check-then-open race).
		root, err := os.OpenRoot(source)
		if err != nil {
			return nil, nil, fmt.Errorf("load %s: %w", source, err)
		}
		defer root.Close()
		return LoadFS(folderFS{FS: root.FS(), dir: source}, source, opts)
	}
	if isArchive(source) {
		return loadArchive(source, opts)
	}
	limit := opts.maxSize()
	l := newLoader(source, opts)
	name := filepath.Base(source)
	var readErr error
	l.file(name, fi.Size(), limit, true, func() ([]byte, error) {
		f, err := os.Open(source)
		if err != nil {
			readErr = err
			return nil, err
		}
		defer f.Close()
		data, err := readLimited(f, limit)
		readErr = err
		return data, err
	})
	docs, skipped, err := l.finish()
	if err != nil {
		return nil, nil, err
	}
	if readErr != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, readErr)
	}
	return docs, skipped, nil
}

// LoadFS is Load on a file system: every file under its root, walked in
// lexical order, hidden files and directories skipped. IDs are the paths
// relative to the root with forward slashes.
func LoadFS(fsys fs.FS, source string, opts LoadOptions) ([]*Document, []Skipped, error) {
	if _, err := fs.Stat(fsys, "."); err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, err)
	}
	limit := opts.maxSize()
	l := newLoader(source, opts)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if l.over() != nil {
			return fs.SkipAll
		}
		if err != nil {
			if p == "." {
				return err
			}
			l.skip(p, fmt.Sprintf("read: %v", err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		link := d.Type()&fs.ModeSymlink != 0
		at := p                        // where the file is read: p, or where its link leads
		info, err := fs.Stat(fsys, at) // follows links the file system allows
		if ff, ok := fsys.(folderFS); ok && link && err != nil {
			// os.Root refuses absolute links even to files inside the
			// folder: read those by the path inside that they name.
			if inside, rerr := ff.inside(p); rerr == nil {
				at = inside
				info, err = fs.Stat(fsys, at)
			} else if errors.Is(rerr, fs.ErrNotExist) {
				err = rerr
			}
		}
		if err != nil {
			switch {
			case link && errors.Is(err, fs.ErrNotExist):
				l.skip(p, "a link to nothing (the file it names does not exist)")
			case link:
				l.skip(p, "a link that leads outside the source folder: not followed (set corpus.follow_symlinks to read it)")
			default:
				l.skip(p, fmt.Sprintf("read: %v", err))
			}
			return nil
		}
		if !info.Mode().IsRegular() {
			if link && info.IsDir() {
				l.skip(p, "a link to a folder: not followed (name the folder as a source of its own)")
			} else {
				l.skip(p, "not a regular file (a device, pipe or socket): not read")
			}
			return nil
		}
		l.file(p, info.Size(), limit, true, func() ([]byte, error) {
			f, err := fsys.Open(at)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			return readLimited(f, limit)
		})
		return nil
	})
	docs, skipped, lerr := l.finish()
	if lerr != nil {
		return nil, nil, lerr
	}
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, err)
	}
	return docs, skipped, nil
}

// folderFS is a source folder opened through os.Root: no path leads out
// of dir.
type folderFS struct {
	fs.FS
	dir string
}

// inside resolves the link at p and returns the slash path inside the
// folder of the file it leads to, or an error when it leads outside or to
// nothing (fs.ErrNotExist).
func (f folderFS) inside(p string) (string, error) {
	root, err := filepath.EvalSymlinks(f.dir)
	if err != nil {
		return "", err
	}
	target, err := filepath.EvalSymlinks(filepath.Join(f.dir, filepath.FromSlash(p)))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("%s leads outside %s", p, f.dir)
	}
	return filepath.ToSlash(rel), nil
}

// loadArchive reads a .tar.gz archive member by member; an archive that
// breaks off part-way keeps what was read and reports the break as Skipped.
func loadArchive(source string, opts LoadOptions) ([]*Document, []Skipped, error) {
	f, err := os.Open(source)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, err)
	}
	defer zr.Close()
	limit := opts.maxSize()
	l := newLoader(source, opts)
	// Every byte the archive expands to is counted as it comes, members
	// skipped as too large included (the tar reader reads through them).
	tr := tar.NewReader(&countingReader{r: zr, n: &l.budget.bytes, max: opts.maxTotal()})
	for l.over() == nil {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if l.over() == nil {
				l.skip(filepath.Base(source), fmt.Sprintf("read archive: %v", err))
			}
			break
		}
		name := strings.TrimPrefix(path.Clean(strings.TrimPrefix(hdr.Name, "./")), "/")
		if name == "." || isHidden(name) {
			continue
		}
		if reason := entryReason(hdr); reason != "" {
			l.skip(name, reason)
			continue
		}
		if hdr.Typeflag != tar.TypeReg {
			continue // a folder
		}
		l.file(name, hdr.Size, limit, false, func() ([]byte, error) { return readLimited(tr, limit) })
	}
	return l.finish()
}

// entryReason says why an archive entry that is neither a file nor a
// folder is not read ("" for files and folders).
func entryReason(hdr *tar.Header) string {
	switch hdr.Typeflag {
	case tar.TypeReg, tar.TypeDir:
		return ""
	case tar.TypeSymlink:
		return fmt.Sprintf("a link in the archive (to %s): not followed", hdr.Linkname)
	case tar.TypeLink:
		return fmt.Sprintf("a hard link in the archive (to %s): not followed; store the file itself", hdr.Linkname)
	case tar.TypeChar, tar.TypeBlock:
		return "a device entry in the archive: not read"
	case tar.TypeFifo:
		return "a pipe entry in the archive: not read"
	default:
		return fmt.Sprintf("an archive entry of type %q: not read", hdr.Typeflag)
	}
}

// countingReader adds the bytes read through it to n, and stops with
// errOverLimit once n passes max, so even one member of many gigabytes is
// not expanded past the limit.
type countingReader struct {
	r   io.Reader
	n   *atomic.Int64
	max int64
}

var errOverLimit = errors.New("over the load's byte limit")

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n.Load() > c.max {
		return 0, errOverLimit
	}
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}
