package retrieval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/text"
)

// The snapshot file (format version 6; 5 is still read) is laid out to be
// used in place:
//
//	magic (8) | version (4) | header length (4) | JSON header
//	section count (4) | per section: kind (4), CRC-32C (4), offset (8), length (8)
//	CRC-32C of everything above (4)
//	sections, each starting on a page boundary, zero bytes between them
//
// Open maps the file into memory (read-only, shared) and checks every
// section's checksum and the zero padding, so a damaged byte anywhere is
// found before anything is used (the large sections' checksums on other
// cores while the small ones are decoded). Then nothing large is decoded
// or copied: the vectors chromem-go holds are the mapped section itself,
// and the documents' and chunks' texts and IDs and the documents'
// metadata strings point into it, read from the page cache when a question
// needs them. Only the chunk table, the documents' records (version 5:
// their metadata from gob) and the BM25 index's term map are decoded onto
// the heap; its postings are used in place too. A mapping is never
// unmapped: strings into it may be held by any caller for as long as it
// likes; Sync replaces the file by rename, so the mapped (old) file stays
// intact while the process lives.

// Section kinds, in file order.
const (
	secTexts    = 1 // the documents' texts, concatenated
	secDocs     = 2 // per document its metadata, turns and text span (docrecord.go; version 5: gob)
	secChunkIDs = 3 // the chunks' IDs, concatenated
	secChunks   = 4 // per chunk a chunkRecord, little-endian
	secVectors  = 5 // the unit vectors, float32 little-endian, row-major
	secLexical  = 6 // the BM25 index (lexicalIndex.writeTo), used in place
	numSections = 6
)

// sectionAlign is the alignment of every section: a page, so a section can
// be advised to the kernel on its own and the vectors are aligned for any
// access.
const sectionAlign = 4096

// chunkRecordSize is the size of a stored chunk record: document, index,
// start, end, and the offset and length of its ID in secChunkIDs, each a
// little-endian int32.
const chunkRecordSize = 24

// section is one entry of the section table.
type section struct {
	kind     uint32
	crc      uint32
	off, len uint64
}

// docSpan is where a document's text lies in secTexts.
type docSpan struct{ Off, Len int64 }

// tableSize is the size of the section table with its count and checksum.
func tableSize(n int) int { return 4 + n*24 + 4 }

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
	size, err := s.encode(tmp)
	if err != nil {
		return 0, fmt.Errorf("write snapshot: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return 0, fmt.Errorf("sync snapshot: %w", err)
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
	return size, nil
}

// sectionWriter writes sections one after another at page boundaries,
// each through a buffer and a running checksum.
type sectionWriter struct {
	f    *os.File
	pos  int64
	secs []section
	bw   *bufio.Writer
	crc  hashWriter
	cur  section
}

type hashWriter interface {
	io.Writer
	Sum32() uint32
}

func (w *sectionWriter) begin(kind uint32) error {
	pad := (sectionAlign - w.pos%sectionAlign) % sectionAlign
	if pad > 0 {
		if _, err := w.f.Write(make([]byte, pad)); err != nil {
			return err
		}
		w.pos += pad
	}
	w.cur = section{kind: kind, off: uint64(w.pos)}
	w.crc = crc32.New(crcTable)
	w.bw.Reset(io.MultiWriter(w.f, w.crc))
	return nil
}

func (w *sectionWriter) Write(p []byte) (int, error) {
	n, err := w.bw.Write(p)
	w.cur.len += uint64(n)
	return n, err
}

// WriteString writes s through the buffer without converting it to a
// byte slice first (io.WriteString would copy every document's text: 130
// MiB of garbage at the end of indexing the White House record, when
// the heap is at its largest).
func (w *sectionWriter) WriteString(s string) (int, error) {
	total := 0
	for len(s) > 0 {
		// At most a buffer's worth at a time: a longer string would be
		// handed to the io.MultiWriter below, which copies it.
		k := min(len(s), w.bw.Size())
		n, err := w.bw.WriteString(s[:k])
		total += n
		w.cur.len += uint64(n)
		if err != nil {
			return total, err
		}
		s = s[k:]
	}
	return total, nil
}

func (w *sectionWriter) end() error {
	if err := w.bw.Flush(); err != nil {
		return err
	}
	w.cur.crc = w.crc.Sum32()
	w.pos += int64(w.cur.len)
	w.secs = append(w.secs, w.cur)
	return nil
}

// encode writes the whole file to f (at its start) in the current
// format and returns its size.
func (s *snapshot) encode(f *os.File) (int64, error) { return s.encodeVersion(f, snapshotVersion) }

// encodeVersion writes the file in format version 5 (documents' metadata
// in gob, kept for tests of reading it) or 6.
func (s *snapshot) encodeVersion(f *os.File, version uint32) (int64, error) {
	hdr, err := json.Marshal(snapshotHeader{
		Embedder: s.embedder, Dim: s.dim, Snapshot: s.id, Created: s.created,
		Docs: len(s.docs), Chunks: len(s.chunks), ChunkOpts: s.chunkOpts, Terms: text.TermsVersion,
		Turns: s.turns,
	})
	if err != nil {
		return 0, err
	}
	prefix := 16 + len(hdr)
	w := &sectionWriter{f: f, pos: int64(prefix + tableSize(numSections)), bw: bufio.NewWriterSize(nil, 1<<20)}
	// The prefix and table are written last, once the sections are known.
	if _, err := f.Seek(w.pos, io.SeekStart); err != nil {
		return 0, err
	}
	sec := func(kind uint32, body func() error) error {
		if err := w.begin(kind); err != nil {
			return err
		}
		if err := body(); err != nil {
			return err
		}
		return w.end()
	}
	spans := make([]docSpan, len(s.docs))
	if err := sec(secTexts, func() error {
		var off int64
		for i, d := range s.docs {
			if _, err := io.WriteString(w, d.Text); err != nil {
				return err
			}
			spans[i] = docSpan{off, int64(len(d.Text))}
			off += int64(len(d.Text))
		}
		return nil
	}); err != nil {
		return 0, err
	}
	if err := sec(secDocs, func() error {
		if version >= 6 {
			var rec []byte
			for i, d := range s.docs {
				var err error
				if rec, err = appendDoc(rec[:0], d, packTurns(d.Turns()), spans[i]); err != nil {
					return err
				}
				if _, err := w.Write(rec); err != nil {
					return err
				}
			}
			return nil
		}
		enc := gob.NewEncoder(w)
		for i, d := range s.docs {
			meta := *d
			meta.Text = ""
			if err := enc.Encode(&meta); err != nil {
				return fmt.Errorf("encode document %s: %w", d.ID, err)
			}
			if err := enc.Encode(packTurns(d.Turns())); err != nil {
				return fmt.Errorf("encode turns of %s: %w", d.ID, err)
			}
			if err := enc.Encode(spans[i]); err != nil {
				return fmt.Errorf("encode document %s: %w", d.ID, err)
			}
		}
		return nil
	}); err != nil {
		return 0, err
	}
	if err := sec(secChunkIDs, func() error {
		for _, c := range s.chunks {
			if _, err := io.WriteString(w, c.ID); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return 0, err
	}
	if err := sec(secChunks, func() error {
		var rec [chunkRecordSize]byte
		idOff := 0
		for i, c := range s.chunks {
			for j, v := range []int{int(s.chunkDoc[i]), c.Index, c.Start, c.End, idOff, len(c.ID)} {
				binary.LittleEndian.PutUint32(rec[4*j:], uint32(int32(v)))
			}
			idOff += len(c.ID)
			if _, err := w.Write(rec[:]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return 0, err
	}
	if err := sec(secVectors, func() error {
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
		_, err := w.Write(buf)
		return err
	}); err != nil {
		return 0, err
	}
	if err := sec(secLexical, func() error {
		return s.lex.writeTo(w)
	}); err != nil {
		return 0, err
	}
	// Prefix, header and table.
	head := make([]byte, 0, prefix+tableSize(numSections))
	head = append(head, snapshotMagic...)
	head = binary.LittleEndian.AppendUint32(head, version)
	head = binary.LittleEndian.AppendUint32(head, uint32(len(hdr)))
	head = append(head, hdr...)
	head = binary.LittleEndian.AppendUint32(head, uint32(len(w.secs)))
	for _, sc := range w.secs {
		head = binary.LittleEndian.AppendUint32(head, sc.kind)
		head = binary.LittleEndian.AppendUint32(head, sc.crc)
		head = binary.LittleEndian.AppendUint64(head, sc.off)
		head = binary.LittleEndian.AppendUint64(head, sc.len)
	}
	head = binary.LittleEndian.AppendUint32(head, crc32.Checksum(head, crcTable))
	if _, err := f.WriteAt(head, 0); err != nil {
		return 0, err
	}
	return w.pos, nil
}

// loadSnapshot maps path and checks it: the table's checksum, every
// section's checksum, the zero bytes between sections, and every count and
// offset against the sizes they index. Nothing is returned unless all of
// it checks out.
func loadSnapshot(ctx context.Context, path string) (*snapshot, error) {
	data, err := mapFile(path)
	if err != nil {
		return nil, fmt.Errorf("read index snapshot: %w", err)
	}
	size := len(data)
	if size < 16 {
		return nil, corrupt(path, "file too short")
	}
	if err := checkPrefix(path, data[:12]); err != nil {
		return nil, err
	}
	version := binary.LittleEndian.Uint32(data[8:12])
	hlen := int(binary.LittleEndian.Uint32(data[12:16]))
	if hlen > 1<<20 || 16+hlen+tableSize(0) > size {
		return nil, corrupt(path, "header runs past the end of the file")
	}
	var hdr snapshotHeader
	if err := json.Unmarshal(data[16:16+hlen], &hdr); err != nil {
		return nil, corrupt(path, "unreadable header: "+err.Error())
	}
	if hdr.Dim < 0 || hdr.Chunks < 0 || hdr.Docs < 0 || (hdr.Dim == 0 && hdr.Chunks > 0) {
		return nil, corrupt(path, "counts in the header do not match the contents")
	}
	if err := checkTerms(path, hdr); err != nil {
		return nil, err
	}
	t := 16 + hlen
	if n := binary.LittleEndian.Uint32(data[t:]); n != numSections || t+tableSize(numSections) > size {
		return nil, corrupt(path, "damaged section table")
	}
	tend := t + tableSize(numSections)
	if crc32.Checksum(data[:tend-4], crcTable) != binary.LittleEndian.Uint32(data[tend-4:]) {
		return nil, corrupt(path, "checksum mismatch in the header or section table")
	}
	secs := make([][]byte, numSections+1)
	crcs := make([]uint32, numSections+1)
	prev := uint64(tend)
	for i := range numSections {
		e := data[t+4+24*i:]
		sc := section{kind: binary.LittleEndian.Uint32(e), crc: binary.LittleEndian.Uint32(e[4:]),
			off: binary.LittleEndian.Uint64(e[8:]), len: binary.LittleEndian.Uint64(e[16:])}
		if sc.kind != uint32(i+1) || sc.off < prev || sc.off%sectionAlign != 0 || sc.off > uint64(size) || sc.len > uint64(size)-sc.off {
			return nil, corrupt(path, "damaged section table")
		}
		if !allZero(data[prev:sc.off]) {
			return nil, corrupt(path, fmt.Sprintf("damaged bytes before section %d", sc.kind))
		}
		secs[sc.kind] = data[sc.off : sc.off+sc.len]
		crcs[sc.kind] = sc.crc
		prev = sc.off + sc.len
	}
	if prev != uint64(size) {
		return nil, corrupt(path, "unexpected bytes at the end")
	}
	// Every section's checksum is checked before anything reads its bytes
	// (making strings that point into a section reads nothing). The two
	// large ones, the texts and the vectors, are checked on other cores
	// while the small ones are checked and decoded; chromem-go is handed
	// the vectors only once theirs matched, and the snapshot is returned
	// only once every checksum matched.
	check := func(kind int) error {
		if crc32.Checksum(secs[kind], crcTable) != crcs[kind] {
			return corrupt(path, fmt.Sprintf("checksum mismatch in section %d (truncated or damaged file)", kind))
		}
		return nil
	}
	textsOK, vectorsOK := make(chan error, 1), make(chan error, 1)
	var checking sync.WaitGroup
	checking.Go(func() {
		textsOK <- check(secTexts)
		// Not needed to open the snapshot: resident again only where a
		// question reads them.
		releasePages(secs[secTexts])
	})
	checking.Go(func() { vectorsOK <- check(secVectors) })
	// Nothing reads the mapping after loadSnapshot returns, whatever it
	// returns (a damaged file may be rewritten at once).
	defer checking.Wait()
	for _, k := range []int{secDocs, secChunkIDs, secChunks, secLexical} {
		if err := check(k); err != nil {
			return nil, err
		}
	}
	texts := secs[secTexts]

	// Documents: metadata in place (version 5: from gob), text in place.
	docs := make([]*corpus.Document, 0, min(hdr.Docs, 1<<16))
	add := func(d *corpus.Document, tr turnsRecord, sp docSpan) error {
		if sp.Off < 0 || sp.Len < 0 || sp.Off > int64(len(texts)) || sp.Len > int64(len(texts))-sp.Off {
			return corrupt(path, fmt.Sprintf("document %s: text out of range", d.ID))
		}
		d.Text = inPlace(texts[sp.Off : sp.Off+sp.Len])
		ts, err := unpackTurns(tr)
		if err == nil {
			err = d.SetTurns(ts)
		}
		if err != nil {
			return corrupt(path, fmt.Sprintf("document %s: %v", d.ID, err))
		}
		docs = append(docs, d)
		return nil
	}
	if version >= 6 {
		r := &docReader{b: secs[secDocs]}
		for range hdr.Docs {
			d, tr, sp := r.doc()
			if r.err != nil {
				return nil, corrupt(path, "unreadable documents: "+r.err.Error())
			}
			if err := add(d, tr, sp); err != nil {
				return nil, err
			}
		}
		if len(r.b) != 0 {
			return nil, corrupt(path, "unexpected bytes after the documents")
		}
	} else {
		dec := gob.NewDecoder(bytes.NewReader(secs[secDocs]))
		for range hdr.Docs {
			d := new(corpus.Document)
			if err := dec.Decode(d); err != nil {
				return nil, corrupt(path, "unreadable documents: "+err.Error())
			}
			var tr turnsRecord
			if err := dec.Decode(&tr); err != nil {
				return nil, corrupt(path, "unreadable turns: "+err.Error())
			}
			var sp docSpan
			if err := dec.Decode(&sp); err != nil {
				return nil, corrupt(path, "unreadable documents: "+err.Error())
			}
			if err := add(d, tr, sp); err != nil {
				return nil, err
			}
		}
	}
	if !slices.IsSortedFunc(docs, func(a, b *corpus.Document) int { return strings.Compare(a.ID, b.ID) }) {
		return nil, corrupt(path, "documents out of order")
	}
	textsChecked := false
	if hdr.Turns != corpus.TurnsVersion {
		// Turns read by another readout: read again from the texts, on
		// every core, until the next Sync writes this version's. The
		// texts are read only once their checksum matched.
		if err := <-textsOK; err != nil {
			return nil, err
		}
		textsChecked = true
		if err := forEach(ctx, len(docs), func(i int) error {
			docs[i].ReadTurns()
			return nil
		}); err != nil {
			return nil, err
		}
		// Reading turns anew forgets the holders a role label stands for;
		// the hashes stay as written, which named them.
		hashes := make([]string, len(docs))
		for i, d := range docs {
			hashes[i] = d.Hash
		}
		corpus.NameHolders(docs)
		for i, d := range docs {
			d.Hash = hashes[i]
		}
	}

	// Chunks: a table on the heap, texts and IDs in place.
	recs, ids := secs[secChunks], secs[secChunkIDs]
	if len(recs) != hdr.Chunks*chunkRecordSize {
		return nil, corrupt(path, "counts in the header do not match the contents")
	}
	chunks := make([]corpus.Chunk, hdr.Chunks)
	for i := range chunks {
		var v [6]int
		for j := range v {
			v[j] = int(int32(binary.LittleEndian.Uint32(recs[i*chunkRecordSize+4*j:])))
		}
		di, idx, start, end, idOff, idLen := v[0], v[1], v[2], v[3], v[4], v[5]
		if di < 0 || di >= len(docs) {
			return nil, corrupt(path, "chunk refers to a missing document")
		}
		d := docs[di]
		if idOff < 0 || idLen <= 0 || idOff > len(ids) || idLen > len(ids)-idOff {
			return nil, corrupt(path, "chunk ID out of range")
		}
		id := inPlace(ids[idOff : idOff+idLen])
		if start < 0 || end < start || end > len(d.Text) {
			return nil, corrupt(path, fmt.Sprintf("chunk %s offsets out of range", id))
		}
		chunks[i] = corpus.Chunk{ID: id, DocID: d.ID, Index: idx, Start: start, End: end, Text: d.Text[start:end]}
	}

	vb := secs[secVectors]
	if uint64(len(vb)) != uint64(hdr.Chunks)*uint64(hdr.Dim)*4 {
		return nil, corrupt(path, "counts in the header do not match the contents")
	}
	s := &snapshot{
		id: hdr.Snapshot, embedder: hdr.Embedder, dim: hdr.Dim, created: hdr.Created,
		chunkOpts: hdr.ChunkOpts, docs: docs, chunks: chunks, bytes: int64(size),
		vectors: floatsInPlace(vb), mappedVectors: vb,
		turns: corpus.TurnsVersion, turnsReread: hdr.Turns != corpus.TurnsVersion,
	}
	if s.lex, err = decodeLexical(secs[secLexical], hdr.Chunks); err != nil {
		return nil, corrupt(path, err.Error())
	}
	var damaged error
	if err := s.finish(ctx, func() error {
		damaged = <-vectorsOK
		return damaged
	}); err != nil {
		if ctx.Err() != nil || damaged != nil {
			return nil, err
		}
		return nil, corrupt(path, err.Error())
	}
	if !textsChecked {
		if err := <-textsOK; err != nil {
			return nil, err
		}
	}
	// Every section was read once for its checksum. All but the vectors
	// (which every query reads) give their pages back: they stay in the
	// page cache, and only the texts and posting lists a question touches
	// come back.
	for k, b := range secs {
		if k != secVectors {
			releasePages(b)
		}
	}
	return s, nil
}

// allZero reports whether b holds only zero bytes.
func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

// inPlace is the string whose bytes are b, without a copy. b must never
// change afterwards: a mapped file's bytes (mapped read-only and never
// unmapped) or a heap block its owner no longer writes to (the string
// keeps it alive).
func inPlace(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// nativeLittleEndian is true on the machines readout runs on (amd64,
// arm64), where the file's little-endian floats can be used in place.
var nativeLittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// floatsInPlace returns the little-endian float32s of b: b's own memory on
// a little-endian machine (b is page-aligned), else a converted copy.
func floatsInPlace(b []byte) []float32 {
	n := len(b) / 4
	if n == 0 {
		return nil
	}
	if nativeLittleEndian && uintptr(unsafe.Pointer(&b[0]))%4 == 0 {
		return unsafe.Slice((*float32)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}
