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
)

// DefaultMaxFileSize is the largest file Load reads when
// LoadOptions.MaxFileSize is zero.
const DefaultMaxFileSize = 16 << 20

// LoadOptions control Load and LoadFS. The zero value works.
type LoadOptions struct {
	// MaxFileSize skips files (and archive members) larger than this many
	// bytes; zero means DefaultMaxFileSize.
	MaxFileSize int64
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
	jobs   chan loadJob
	wg     sync.WaitGroup

	mu      sync.Mutex
	docs    []*Document
	skipped []Skipped
}

// loadJob is one file to parse.
type loadJob struct {
	id   string
	data []byte
}

// newLoader starts the parsing workers.
func newLoader(source string) *loader {
	l := &loader{source: source, jobs: make(chan loadJob, 16)}
	n := max(1, runtime.GOMAXPROCS(0))
	l.wg.Add(n)
	for range n {
		go func() {
			defer l.wg.Done()
			for j := range l.jobs {
				docs, err := Parse(j.id, j.data)
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
	l.mu.Lock()
	defer l.mu.Unlock()
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

// file checks one file's name and size and queues it; read returns its
// bytes (at most limit+1 of them).
func (l *loader) file(id string, size, limit int64, read func() ([]byte, error)) {
	if !Supported(id) {
		l.skip(id, fmt.Sprintf("%v %q", ErrUnknownFormat, path.Ext(id)))
		return
	}
	if size > limit {
		l.skip(id, fmt.Sprintf("%v: %d bytes, limit %d", ErrTooLarge, size, limit))
		return
	}
	data, err := read()
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
// first of duplicate IDs wins) and skipped files sorted by path.
func (l *loader) finish() ([]*Document, []Skipped) {
	close(l.jobs)
	l.wg.Wait()
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
	return docs, l.skipped
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
// lexical order, hidden files and directories skipped), a .tar.gz/.tgz
// archive, or a single file. Documents come back sorted by ID with Source
// set to source; files that cannot be loaded (binary, invalid UTF-8, empty,
// too large, unknown extension, parse errors, bad JSON records) come back as
// Skipped. The error is only for a source that cannot be read at all.
func Load(source string, opts LoadOptions) ([]*Document, []Skipped, error) {
	fi, err := os.Stat(source)
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, err)
	}
	if fi.IsDir() {
		return LoadFS(os.DirFS(source), source, opts)
	}
	if isArchive(source) {
		return loadArchive(source, opts)
	}
	limit := opts.maxSize()
	l := newLoader(source)
	name := filepath.Base(source)
	var readErr error
	l.file(name, fi.Size(), limit, func() ([]byte, error) {
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
	docs, skipped := l.finish()
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
	l := newLoader(source)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
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
		info, err := fs.Stat(fsys, p) // follows symlinks
		if err != nil {
			l.skip(p, fmt.Sprintf("read: %v", err))
			return nil
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		l.file(p, info.Size(), limit, func() ([]byte, error) {
			f, err := fsys.Open(p)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			return readLimited(f, limit)
		})
		return nil
	})
	docs, skipped := l.finish()
	if err != nil {
		return nil, nil, fmt.Errorf("load %s: %w", source, err)
	}
	return docs, skipped, nil
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
	l := newLoader(source)
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			l.skip(filepath.Base(source), fmt.Sprintf("read archive: %v", err))
			break
		}
		if hdr.Typeflag != tar.TypeReg {
			continue
		}
		name := strings.TrimPrefix(path.Clean(strings.TrimPrefix(hdr.Name, "./")), "/")
		if name == "." || isHidden(name) {
			continue
		}
		l.file(name, hdr.Size, limit, func() ([]byte, error) { return readLimited(tr, limit) })
	}
	docs, skipped := l.finish()
	return docs, skipped, nil
}
