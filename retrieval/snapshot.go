package retrieval

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/text"
)

// SnapshotFile is the name of the snapshot file inside an index folder.
const SnapshotFile = "index.snap"

// snapshotMagic opens every snapshot file; snapshotVersion is bumped when
// the layout changes, and a file of another version is then refused with
// advice to rebuild (a data folder rebuilds it from its sources). Version 2
// stored one gob value per document, then the chunk records; version 3
// added each document's turns; version 4 is the sectioned layout that is
// memory-mapped and used in place (snapfile.go); version 5 stores the BM25
// postings as fixed arrays used in place too; version 6 stores the
// documents' metadata as fixed records used in place instead of gob
// (docrecord.go). Version 5 is still read.
const (
	snapshotMagic     = "RDOUTIX\x00"
	snapshotVersion   = 6
	oldestReadVersion = 5
)

// ErrCorrupt is wrapped by the error Open returns for a snapshot file that
// is truncated, damaged, or of an unknown format.
var ErrCorrupt = errors.New("index snapshot is damaged")

// ErrOldFormat is wrapped, beside ErrCorrupt, by the error Open returns for
// an intact snapshot written by an older readout in a format this one no
// longer reads: it is rebuilt like a damaged one, but nothing is wrong.
var ErrOldFormat = errors.New("index snapshot was written by an older readout")

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// snapshot is one immutable, complete state of the index. Searches hold a
// pointer to one while Sync builds the next.
type snapshot struct {
	id        string
	embedder  string
	dim       int
	created   time.Time
	chunkOpts corpus.ChunkOptions

	docs []*corpus.Document // sorted by ID
	// turns is the corpus.TurnsVersion that read the documents' turns,
	// written in the file's header; turnsReread: the file held another
	// version's, read again when it was loaded.
	turns       int
	turnsReread bool
	docIndex    map[string]int32
	// chunks are ordered by document (in docs order), then by position;
	// docChunks[d] is the range of document d's chunks.
	chunks    []corpus.Chunk
	chunkDoc  []int32
	docChunks [][2]int32
	// Per document, for filters: the date as yyyymmdd (0 when undated),
	// the outlet in lower case, and the speakers' names and the title in
	// lower case joined by a NUL (which no query contains). The last two
	// are made by names, once.
	docDay      []int32
	namesOnce   sync.Once
	docOutlet   []string
	docSpeakers []string
	// docFirstDay is the earliest day a statement of the document was
	// made (its turns' dates, at most reportLag days before docDay), else
	// docDay: a briefing held on December 7 and published on December 8
	// holds words said on December 7, so a period filter admits a
	// document whose days [docFirstDay, docDay] meet the period.
	docFirstDay []int32
	// vectors is the one copy of the chunks' unit vectors, row-major, dim
	// floats per chunk. It is what gets persisted; the embeddings of the
	// chromem collections in periods are slices of it.
	vectors []float32
	periods []period
	lex     *lexicalIndex
	// abbrevTab is the abbreviations the record defines, made by abbrevs
	// on the first search.
	abbrevOnce sync.Once
	abbrevTab  *abbrevTable
	// isNamed caches named: term id → whether the record writes it
	// capitalised.
	isNamed sync.Map
	// mappedVectors is the vectors' section of the mapped file the
	// snapshot was loaded from (nil when built in memory), so a Sync can
	// give its pages back once it no longer reads them.
	mappedVectors []byte

	first, last time.Time
	bytes       int64 // file size when persisted
}

// position returns c's position in chunks (c must be a chunk of s).
func (s *snapshot) position(c corpus.Chunk) int32 {
	return s.docChunks[s.docIndex[c.DocID]][0] + int32(c.Index)
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

// snapshotID is a short hash of what the snapshot holds: the embedder,
// the way text is read into terms (text.TermsVersion: the word index and
// every cache keyed by the ID hold terms, whatever the embedder) and into
// turns (corpus.TurnsVersion: who said each sentence), the chunking and
// each document's id and content hash. A new reading gives an index a new
// ID, so the next Sync writes it again, embedding again only the
// documents whose content hash (their speakers among it) changed.
func snapshotID(embedder string, terms, turns int, opts corpus.ChunkOptions, docs []*corpus.Document, hashes map[string]string) string {
	h := sha256.New()
	o, _ := json.Marshal(opts)
	fmt.Fprintf(h, "%s\nterms %d\n", embedder, terms)
	if turns > 0 {
		// Left out at 0, the version before it was counted, so that the
		// IDs written then stay what they were.
		fmt.Fprintf(h, "turns %d\n", turns)
	}
	fmt.Fprintf(h, "%s\n", o)
	for _, d := range docs {
		fmt.Fprintf(h, "%s\x00%s\n", d.ID, hashes[d.ID])
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// names returns the documents' outlets and their speakers' names and
// titles in the lower case the outlet and speaker filters compare (see
// docOutlet), made on the first filter that needs them rather than at
// every open.
func (s *snapshot) names() (outlet, speakers []string) {
	s.namesOnce.Do(func() {
		s.docOutlet = make([]string, len(s.docs))
		s.docSpeakers = make([]string, len(s.docs))
		for i, d := range s.docs {
			s.docOutlet[i] = text.NameKey(d.Outlet)
			names := make([]string, 0, len(d.Speakers)+1)
			for _, sp := range d.Speakers {
				names = append(names, text.NameKey(sp.Name))
			}
			if d.Title != "" {
				names = append(names, text.NameKey(d.Title))
			}
			s.docSpeakers[i] = strings.Join(names, "\x00")
		}
	})
	return s.docOutlet, s.docSpeakers
}

// reportLag is how many days before its publication a document's
// statement may have been made and still date the document for a period
// filter: a briefing published the next day, a readout of last week's
// call. Words it quotes from long before are history it recalls: a 2026
// article quoting a 2017 text message would otherwise be admitted by
// every period between. Of the White House record's 11,635 documents,
// 10,948 report no earlier day, 473 one day, 205 two to seven, 9 more
// (measured 2026-12-04 with corpus.Parse over the extracted archive).
const reportLag = 7

// finish builds everything derived from docs, chunks and vectors: lookup
// maps, the chromem collections (one per year), the lexical index (unless already loaded)
// and the date coverage. vectorsReady, when not nil, is called before
// anything reads the vectors, and an error from it stops finish.
func (s *snapshot) finish(ctx context.Context, vectorsReady func() error) error {
	s.docIndex = make(map[string]int32, len(s.docs))
	s.docDay = make([]int32, len(s.docs))
	s.docFirstDay = make([]int32, len(s.docs))
	for i, d := range s.docs {
		s.docIndex[d.ID] = int32(i)
		if !d.Date.IsZero() {
			s.docDay[i] = int32(dayNumber(d.Date))
		}
		s.docFirstDay[i] = s.docDay[i]
		var recalled time.Time // before it, a statement's day is history
		if !d.Date.IsZero() {
			recalled = d.Date.AddDate(0, 0, -reportLag)
		}
		for _, t := range d.Turns() {
			if t.Date.IsZero() || t.Date.Before(recalled) {
				continue // words recalled from long before: history
			}
			day := int32(dayNumber(t.Date))
			if s.docFirstDay[i] == 0 || day < s.docFirstDay[i] {
				s.docFirstDay[i] = day
			}
		}
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
	for i, c := range s.chunks {
		di, ok := s.docIndex[c.DocID]
		if !ok {
			return fmt.Errorf("chunk %s: no document %q", c.ID, c.DocID)
		}
		if i > 0 && s.chunkDoc[i-1] > di {
			return fmt.Errorf("chunk %s: chunks out of document order", c.ID)
		}
		s.chunkDoc[i] = di
		if s.docChunks[di][1] == 0 {
			s.docChunks[di][0] = int32(i)
		}
		s.docChunks[di][1] = int32(i + 1)
		// A document's chunks are numbered from 0 in order, so a chunk's
		// position is its document's first plus its index (position).
		if c.Index != i-int(s.docChunks[di][0]) {
			return fmt.Errorf("chunk %s: index %d out of order", c.ID, c.Index)
		}
	}
	if vectorsReady != nil {
		if err := vectorsReady(); err != nil {
			return err
		}
	}
	if err := s.buildPeriods(ctx); err != nil {
		return err
	}
	if s.lex == nil {
		// A loaded snapshot brings its own; the passage texts are made
		// a block at a time while tokenising, never all at once.
		s.lex = buildLexicalFunc(len(s.chunks), func(i int) string {
			return passageText(s.docs[s.chunkDoc[i]], s.chunks[i])
		})
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
	// Terms is text.TermsVersion when the snapshot was written: its
	// postings hold the terms that version reads from the record.
	Terms int `json:"terms,omitempty"`
	// Turns is corpus.TurnsVersion when the snapshot was written: the
	// documents' turns are that version's reading. Another version's are
	// read again from the texts when the snapshot is loaded.
	Turns int `json:"turns,omitempty"`
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
	return hdr, checkTerms(path, hdr)
}

func checkPrefix(path string, pre []byte) error {
	if string(pre[:8]) != snapshotMagic {
		return corrupt(path, "not a readout index snapshot")
	}
	if v := binary.LittleEndian.Uint32(pre[8:]); v < oldestReadVersion {
		return fmt.Errorf("%w (%w): %s: snapshot format version %d, this readout reads versions %d to %d: run `readout index --rebuild` to rebuild it",
			ErrOldFormat, ErrCorrupt, path, v, oldestReadVersion, snapshotVersion)
	} else if v > snapshotVersion {
		return corrupt(path, fmt.Sprintf("snapshot format version %d (a newer readout's), this readout reads versions %d to %d", v, oldestReadVersion, snapshotVersion))
	}
	return nil
}

// checkTerms refuses a snapshot whose postings hold the terms of another
// text.TermsVersion, as an old format is refused: a question's terms would
// miss the passages that hold its words ("U.S." is "usa" since version 1,
// and was no term before).
func checkTerms(path string, hdr snapshotHeader) error {
	if hdr.Terms == text.TermsVersion {
		return nil
	}
	return fmt.Errorf("%w (%w): %s: the index's words were read by another readout (terms version %d, this readout's %d): run `readout index --rebuild` to rebuild it",
		ErrOldFormat, ErrCorrupt, path, hdr.Terms, text.TermsVersion)
}

func corrupt(path, why string) error {
	return fmt.Errorf("%w: %s: %s: run `readout index --rebuild` to rebuild it", ErrCorrupt, path, why)
}
