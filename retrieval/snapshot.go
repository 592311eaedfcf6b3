package retrieval

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/text"
)

// SnapshotFile is the name of the snapshot file inside an index folder.
const SnapshotFile = "index.snap"

// snapshotMagic opens every snapshot file; snapshotVersion is bumped when
// the layout changes, and a file of another version is then refused with
// advice to rebuild. Version 2 stored one gob value per document, then the
// chunk records, so loading streams; version 3 follows each document with
// its turns (who speaks from which byte to which), which older files lack.
const (
	snapshotMagic   = "RDOUTIX\x00"
	snapshotVersion = 3
)

// ErrCorrupt is wrapped by the error Open returns for a snapshot file that
// is truncated, damaged, or of an unknown format.
var ErrCorrupt = errors.New("index snapshot is damaged")

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// snapshot is one immutable, complete state of the index. Searches hold a
// pointer to one while Sync builds the next.
type snapshot struct {
	id        string
	embedder  string
	dim       int
	created   time.Time
	chunkOpts corpus.ChunkOptions

	docs     []*corpus.Document // sorted by ID
	docIndex map[string]int32
	// chunks are ordered by document (in docs order), then by position;
	// docChunks[d] is the range of document d's chunks.
	chunks    []corpus.Chunk
	chunkDoc  []int32
	docChunks [][2]int32
	chunkPos  map[string]int32
	// Per document, for filters: the date as yyyymmdd (0 when undated),
	// the outlet in lower case, and the speakers' names and the title in
	// lower case joined by a NUL (which no query contains).
	docDay      []int32
	docOutlet   []string
	docSpeakers []string
	// docFirstDay is the earliest day a statement of the document was
	// made (its turns' dates), else docDay: a briefing held on December 7
	// and published on December 8 holds words said on December 7, so a
	// period filter admits a document whose days [docFirstDay, docDay]
	// meet the period.
	docFirstDay []int32
	// vectors is the one copy of the chunks' unit vectors, row-major, dim
	// floats per chunk. It is what gets persisted; the embeddings of the
	// chromem collections in periods are slices of it.
	vectors []float32
	periods []period
	lex     *lexicalIndex

	first, last time.Time
	bytes       int64 // file size when persisted
}

// vector returns chunk i's row of the matrix.
func (s *snapshot) vector(i int) []float32 {
	return s.vectors[i*s.dim : (i+1)*s.dim : (i+1)*s.dim]
}

// refuseEmbedding is the collection's embedding function. The index hands
// chromem precomputed vectors only; chromem falls back to OpenAI's API when
// given a nil function, so it gets this one, which fails loudly instead.
func refuseEmbedding(context.Context, string) ([]float32, error) {
	return nil, errors.New("retrieval: the chromem collection must never embed text itself")
}

// snapshotID is a short hash of what the snapshot holds: the embedder, the
// chunking and each document's id and content hash.
func snapshotID(embedder string, opts corpus.ChunkOptions, docs []*corpus.Document, hashes map[string]string) string {
	h := sha256.New()
	o, _ := json.Marshal(opts)
	fmt.Fprintf(h, "%s\n%s\n", embedder, o)
	for _, d := range docs {
		fmt.Fprintf(h, "%s\x00%s\n", d.ID, hashes[d.ID])
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// finish builds everything derived from docs, chunks and vectors: lookup
// maps, the chromem collections (one per year), the lexical index (unless already loaded)
// and the date coverage.
func (s *snapshot) finish(ctx context.Context) error {
	s.docIndex = make(map[string]int32, len(s.docs))
	s.docDay = make([]int32, len(s.docs))
	s.docFirstDay = make([]int32, len(s.docs))
	s.docOutlet = make([]string, len(s.docs))
	s.docSpeakers = make([]string, len(s.docs))
	for i, d := range s.docs {
		s.docIndex[d.ID] = int32(i)
		if !d.Date.IsZero() {
			s.docDay[i] = int32(dayNumber(d.Date))
		}
		s.docFirstDay[i] = s.docDay[i]
		for _, t := range d.Turns() {
			if day := int32(dayNumber(t.Date)); !t.Date.IsZero() && (s.docFirstDay[i] == 0 || day < s.docFirstDay[i]) {
				s.docFirstDay[i] = day
			}
		}
		s.docOutlet[i] = text.NameKey(d.Outlet)
		names := make([]string, 0, len(d.Speakers)+1)
		for _, sp := range d.Speakers {
			names = append(names, text.NameKey(sp.Name))
		}
		if d.Title != "" {
			names = append(names, text.NameKey(d.Title))
		}
		s.docSpeakers[i] = strings.Join(names, "\x00")
		if !d.Date.IsZero() {
			if s.first.IsZero() || d.Date.Before(s.first) {
				s.first = d.Date
			}
			if s.last.IsZero() || d.Date.After(s.last) {
				s.last = d.Date
			}
		}
	}
	s.chunkDoc = make([]int32, len(s.chunks))
	s.docChunks = make([][2]int32, len(s.docs))
	s.chunkPos = make(map[string]int32, len(s.chunks))
	// The passage texts are needed only to build the lexical index; a
	// loaded snapshot brings its own, and making 100k strings for nothing
	// doubled the text's memory at load.
	var texts []string
	if s.lex == nil {
		texts = make([]string, len(s.chunks))
	}
	for i, c := range s.chunks {
		di, ok := s.docIndex[c.DocID]
		if !ok {
			return fmt.Errorf("chunk %s: no document %q", c.ID, c.DocID)
		}
		if i > 0 && s.chunkDoc[i-1] > di {
			return fmt.Errorf("chunk %s: chunks out of document order", c.ID)
		}
		if _, dup := s.chunkPos[c.ID]; dup {
			return fmt.Errorf("chunk id %s appears twice", c.ID)
		}
		s.chunkDoc[i] = di
		if s.docChunks[di][1] == 0 {
			s.docChunks[di][0] = int32(i)
		}
		s.docChunks[di][1] = int32(i + 1)
		s.chunkPos[c.ID] = int32(i)
		if texts != nil {
			texts[i] = passageText(s.docs[di], c)
		}
	}
	if err := s.buildPeriods(ctx); err != nil {
		return err
	}
	if s.lex == nil {
		s.lex = buildLexical(texts)
	}
	if s.lex.numChunks() != len(s.chunks) {
		return fmt.Errorf("lexical index has %d chunks, snapshot %d", s.lex.numChunks(), len(s.chunks))
	}
	return nil
}

// passageText is what gets embedded and indexed for chunk c of d: the
// chunk with a line of the document's title, outlet and date in front, so
// that questions naming a date, an outlet or a briefing's title find
// passages whose own words do not repeat them.
func passageText(d *corpus.Document, c corpus.Chunk) string {
	var b strings.Builder
	b.Grow(len(c.Text) + len(d.Title) + 48)
	b.WriteString(d.Title)
	if d.Outlet != "" {
		b.WriteString(" — ")
		b.WriteString(d.Outlet)
	}
	if !d.Date.IsZero() {
		b.WriteString(" — ")
		b.WriteString(d.Date.Format("January 2, 2006"))
	}
	b.WriteString("\n")
	b.WriteString(c.Text)
	return b.String()
}

// snapshotHeader is the JSON header of a snapshot file.
type snapshotHeader struct {
	Embedder  string              `json:"embedder"`
	Dim       int                 `json:"dim"`
	Snapshot  string              `json:"snapshot"`
	Created   time.Time           `json:"created"`
	Docs      int                 `json:"docs"`
	Chunks    int                 `json:"chunks"`
	ChunkOpts corpus.ChunkOptions `json:"chunk_options"`
}

// chunkRecord is a chunk as stored: its text is cut from the document's on
// load instead of being stored twice.
type chunkRecord struct {
	ID         string
	Doc        int32
	Index      int32
	Start, End int32
}

type snapshotBody struct {
	Docs   []*corpus.Document
	Chunks []chunkRecord
}

// noDay stands for an undated turn in turnRecord.Day.
const noDay = math.MinInt32

// turnsRecord is a document's turns as stored: each speaker and role
// once, and per turn its end (turns are contiguous from byte 0), speaker,
// role and day.
type turnsRecord struct {
	Speakers []corpus.Speaker
	Roles    []corpus.Role
	Turns    []turnRecord
}

type turnRecord struct {
	End           int32
	Speaker, Role int32
	Day           int32 // days since 1970-01-01, or noDay
}

// packTurns encodes a document's turns.
func packTurns(ts []corpus.Turn) turnsRecord {
	var r turnsRecord
	sp := map[corpus.Speaker]int32{}
	ro := map[corpus.Role]int32{}
	r.Turns = make([]turnRecord, len(ts))
	for i, t := range ts {
		si, ok := sp[t.Speaker]
		if !ok {
			si = int32(len(r.Speakers))
			sp[t.Speaker] = si
			r.Speakers = append(r.Speakers, t.Speaker)
		}
		ri, ok := ro[t.Role]
		if !ok {
			ri = int32(len(r.Roles))
			ro[t.Role] = ri
			r.Roles = append(r.Roles, t.Role)
		}
		day := int32(noDay)
		if !t.Date.IsZero() {
			day = int32(t.Date.Unix() / 86400)
		}
		r.Turns[i] = turnRecord{End: int32(t.End), Speaker: si, Role: ri, Day: day}
	}
	return r
}

// unpackTurns decodes a document's turns, checking every index.
func unpackTurns(r turnsRecord) ([]corpus.Turn, error) {
	out := make([]corpus.Turn, len(r.Turns))
	start := 0
	for i, t := range r.Turns {
		if t.Speaker < 0 || int(t.Speaker) >= len(r.Speakers) || t.Role < 0 || int(t.Role) >= len(r.Roles) {
			return nil, fmt.Errorf("turn %d refers to a missing speaker or role", i)
		}
		var date time.Time
		if t.Day != noDay {
			date = time.Unix(int64(t.Day)*86400, 0).UTC()
		}
		out[i] = corpus.Turn{Start: start, End: int(t.End), Speaker: r.Speakers[t.Speaker], Role: r.Roles[t.Role], Date: date}
		start = int(t.End)
	}
	return out, nil
}

// write stores s as path: to a temporary file in the same folder, fsynced,
// renamed over path, and the folder fsynced, so a crash at any moment
// leaves either the old file or the new one.
func (s *snapshot) write(path string) (int64, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("create index folder: %w", err)
	}
	tmp, err := datalock.CreateTemp(dir, tempPrefix)
	if err != nil {
		return 0, fmt.Errorf("create temporary snapshot: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	crc := crc32.New(crcTable)
	bw := bufio.NewWriterSize(io.MultiWriter(tmp, crc), 1<<20)
	if err := s.encode(bw); err != nil {
		return 0, fmt.Errorf("write snapshot: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return 0, fmt.Errorf("write snapshot: %w", err)
	}
	if err := binary.Write(tmp, binary.LittleEndian, crc.Sum32()); err != nil {
		return 0, fmt.Errorf("write snapshot checksum: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return 0, fmt.Errorf("sync snapshot: %w", err)
	}
	st, err := tmp.Stat()
	if err != nil {
		return 0, fmt.Errorf("stat snapshot: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("close snapshot: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, fmt.Errorf("replace snapshot: %w", err)
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		// Persist the rename itself; some filesystems refuse to sync a
		// folder, which is not worth failing the write for.
		_ = d.Sync()
		_ = d.Close()
	}
	return st.Size(), nil
}

// encode writes everything but the trailing checksum.
func (s *snapshot) encode(w io.Writer) error {
	hdr, err := json.Marshal(snapshotHeader{
		Embedder: s.embedder, Dim: s.dim, Snapshot: s.id, Created: s.created,
		Docs: len(s.docs), Chunks: len(s.chunks), ChunkOpts: s.chunkOpts,
	})
	if err != nil {
		return err
	}
	records := make([]chunkRecord, len(s.chunks))
	for i, c := range s.chunks {
		records[i] = chunkRecord{ID: c.ID, Doc: s.chunkDoc[i], Index: int32(c.Index), Start: int32(c.Start), End: int32(c.End)}
	}
	var gb bytes.Buffer
	enc := gob.NewEncoder(&gb)
	for _, d := range s.docs {
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("encode document %s: %w", d.ID, err)
		}
		if err := enc.Encode(packTurns(d.Turns())); err != nil {
			return fmt.Errorf("encode turns of %s: %w", d.ID, err)
		}
	}
	if err := enc.Encode(records); err != nil {
		return fmt.Errorf("encode chunks: %w", err)
	}
	if _, err := io.WriteString(w, snapshotMagic); err != nil {
		return err
	}
	var n [8]byte
	binary.LittleEndian.PutUint32(n[:4], snapshotVersion)
	binary.LittleEndian.PutUint32(n[4:], uint32(len(hdr)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	binary.LittleEndian.PutUint64(n[:], uint64(gb.Len()))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	if _, err := w.Write(gb.Bytes()); err != nil {
		return err
	}
	binary.LittleEndian.PutUint64(n[:], uint64(len(s.vectors))*4)
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	buf := make([]byte, 0, 1<<16)
	for _, x := range s.vectors {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
		if len(buf) == cap(buf) {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := w.Write(buf); err != nil {
		return err
	}
	lex := s.lex.appendTo(nil)
	binary.LittleEndian.PutUint64(n[:], uint64(len(lex)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err = w.Write(lex)
	return err
}

// readHeader reads only the magic, version and JSON header of a snapshot
// file, to check the embedder before loading everything.
func readHeader(path string) (snapshotHeader, error) {
	var hdr snapshotHeader
	f, err := os.Open(path)
	if err != nil {
		return hdr, err
	}
	defer f.Close()
	var pre [16]byte
	if _, err := io.ReadFull(f, pre[:]); err != nil {
		return hdr, corrupt(path, "too short for a snapshot header")
	}
	if err := checkPrefix(path, pre[:]); err != nil {
		return hdr, err
	}
	n := binary.LittleEndian.Uint32(pre[12:])
	if n > 1<<20 {
		return hdr, corrupt(path, "header length out of range")
	}
	raw := make([]byte, n)
	if _, err := io.ReadFull(f, raw); err != nil {
		return hdr, corrupt(path, "truncated header")
	}
	if err := json.Unmarshal(raw, &hdr); err != nil {
		return hdr, corrupt(path, "unreadable header: "+err.Error())
	}
	return hdr, nil
}

func checkPrefix(path string, pre []byte) error {
	if string(pre[:8]) != snapshotMagic {
		return corrupt(path, "not a readout index snapshot")
	}
	if v := binary.LittleEndian.Uint32(pre[8:]); v != snapshotVersion {
		return corrupt(path, fmt.Sprintf("snapshot format version %d, this readout reads version %d", v, snapshotVersion))
	}
	return nil
}

func corrupt(path, why string) error {
	return fmt.Errorf("%w: %s: %s: run `readout index --rebuild` to rebuild it", ErrCorrupt, path, why)
}

// loadSnapshot reads and verifies path. It streams the file once: the
// documents are decoded as they are read, the vectors are read straight
// into the matrix (no second copy of the largest section), and the
// checksum is computed on the way. Nothing is returned unless the whole
// file checks out; every length is checked against the file's size before
// anything is allocated for it.
func loadSnapshot(ctx context.Context, path string) (*snapshot, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read index snapshot: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read index snapshot: %w", err)
	}
	size := fi.Size()
	if size < 16+4 {
		return nil, corrupt(path, "file too short")
	}
	crc := crc32.New(crcTable)
	// The last 4 bytes are the checksum of everything before them.
	payload := io.LimitReader(f, size-4)
	r := &countingReader{r: io.TeeReader(bufio.NewReaderSize(payload, 1<<20), crc)}
	remaining := func() uint64 { return uint64(size - 4 - r.n) }
	var pre [12]byte
	if _, err := io.ReadFull(r, pre[:]); err != nil {
		return nil, corrupt(path, "too short for a snapshot header")
	}
	if err := checkPrefix(path, pre[:]); err != nil {
		return nil, err
	}
	lenField := func(size int) (uint64, error) {
		var b [8]byte
		if _, err := io.ReadFull(r, b[:size]); err != nil {
			return 0, corrupt(path, "section runs past the end of the file")
		}
		var n uint64
		if size == 4 {
			n = uint64(binary.LittleEndian.Uint32(b[:]))
		} else {
			n = binary.LittleEndian.Uint64(b[:])
		}
		if n > remaining() {
			return 0, corrupt(path, "section runs past the end of the file")
		}
		return n, nil
	}
	take := func(n uint64) ([]byte, error) {
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, corrupt(path, "section runs past the end of the file")
		}
		return b, nil
	}
	n, err := lenField(4)
	if err != nil {
		return nil, err
	}
	rawHdr, err := take(n)
	if err != nil {
		return nil, err
	}
	var hdr snapshotHeader
	if err := json.Unmarshal(rawHdr, &hdr); err != nil {
		return nil, corrupt(path, "unreadable header: "+err.Error())
	}
	if hdr.Dim < 0 || hdr.Chunks < 0 || hdr.Docs < 0 || (hdr.Dim == 0 && hdr.Chunks > 0) {
		return nil, corrupt(path, "counts in the header do not match the contents")
	}
	if n, err = lenField(8); err != nil {
		return nil, err
	}
	// The documents are decoded as they stream by; a damaged section fails
	// to decode or, at the latest, fails the checksum below.
	var body snapshotBody
	lr := &io.LimitedReader{R: r, N: int64(n)}
	dec := gob.NewDecoder(lr)
	// The header's count is not trusted for the allocation: a damaged one
	// is caught by the checksum, after the decoding.
	body.Docs = make([]*corpus.Document, 0, min(hdr.Docs, 1<<16))
	for range hdr.Docs {
		d := new(corpus.Document)
		if err := dec.Decode(d); err != nil {
			return nil, corrupt(path, "unreadable documents: "+err.Error())
		}
		var tr turnsRecord
		if err := dec.Decode(&tr); err != nil {
			return nil, corrupt(path, "unreadable turns: "+err.Error())
		}
		ts, err := unpackTurns(tr)
		if err == nil {
			err = d.SetTurns(ts)
		}
		if err != nil {
			return nil, corrupt(path, fmt.Sprintf("document %s: %v", d.ID, err))
		}
		body.Docs = append(body.Docs, d)
	}
	if err := dec.Decode(&body.Chunks); err != nil {
		return nil, corrupt(path, "unreadable chunks: "+err.Error())
	}
	if lr.N != 0 {
		return nil, corrupt(path, "unexpected bytes after the documents")
	}
	if n, err = lenField(8); err != nil {
		return nil, err
	}
	if n != uint64(hdr.Chunks)*uint64(hdr.Dim)*4 {
		return nil, corrupt(path, "counts in the header do not match the contents")
	}
	vectors := make([]float32, n/4)
	if err := readFloats(r, vectors); err != nil {
		return nil, corrupt(path, "truncated vectors")
	}
	if n, err = lenField(8); err != nil {
		return nil, err
	}
	rawLex, err := take(n)
	if err != nil {
		return nil, err
	}
	if remaining() != 0 {
		return nil, corrupt(path, "unexpected bytes at the end")
	}
	var tail [4]byte
	if _, err := io.ReadFull(f, tail[:]); err != nil {
		return nil, corrupt(path, "file too short")
	}
	if crc.Sum32() != binary.LittleEndian.Uint32(tail[:]) {
		return nil, corrupt(path, "checksum mismatch (truncated or damaged file)")
	}
	if len(body.Docs) != hdr.Docs || len(body.Chunks) != hdr.Chunks {
		return nil, corrupt(path, "counts in the header do not match the contents")
	}
	s := &snapshot{
		id: hdr.Snapshot, embedder: hdr.Embedder, dim: hdr.Dim, created: hdr.Created,
		chunkOpts: hdr.ChunkOpts, docs: body.Docs, bytes: size, vectors: vectors,
	}
	if s.lex, err = decodeLexical(rawLex, hdr.Chunks); err != nil {
		return nil, corrupt(path, err.Error())
	}
	s.chunks = make([]corpus.Chunk, len(body.Chunks))
	for i, c := range body.Chunks {
		if c.Doc < 0 || int(c.Doc) >= len(s.docs) || s.docs[c.Doc] == nil {
			return nil, corrupt(path, "chunk refers to a missing document")
		}
		d := s.docs[c.Doc]
		if c.Start < 0 || c.End < c.Start || int(c.End) > len(d.Text) {
			return nil, corrupt(path, fmt.Sprintf("chunk %s offsets out of range", c.ID))
		}
		s.chunks[i] = corpus.Chunk{ID: c.ID, DocID: d.ID, Index: int(c.Index), Start: int(c.Start), End: int(c.End), Text: d.Text[c.Start:c.End]}
	}
	if !slices.IsSortedFunc(s.docs, func(a, b *corpus.Document) int { return strings.Compare(a.ID, b.ID) }) {
		return nil, corrupt(path, "documents out of order")
	}
	if err := s.finish(ctx); err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, corrupt(path, err.Error())
	}
	return s, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// nativeLittleEndian is true on the machines readout runs on (amd64,
// arm64), where the file's little-endian floats can be read straight into
// memory.
var nativeLittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// readFloats fills v with little-endian float32s from r. On a little-endian
// machine it reads the bytes directly into v's memory, so loading the
// matrix needs no buffer as large as the matrix.
func readFloats(r io.Reader, v []float32) error {
	if len(v) == 0 {
		return nil
	}
	if nativeLittleEndian {
		_, err := io.ReadFull(r, unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), len(v)*4))
		return err
	}
	var buf [4096]byte
	for len(v) > 0 {
		k := min(len(v), len(buf)/4)
		if _, err := io.ReadFull(r, buf[:k*4]); err != nil {
			return err
		}
		for i := range k {
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(buf[4*i:]))
		}
		v = v[k:]
	}
	return nil
}
