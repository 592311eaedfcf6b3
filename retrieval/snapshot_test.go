package retrieval

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/text"
)

// TestLoadSnapshotRefusesEveryDamagedByte flips bytes all over a small
// snapshot file: the streaming loader must refuse each damaged file with
// an error (never a panic, never a half-loaded index).
func TestLoadSnapshotRefusesEveryDamagedByte(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	path := filepath.Join(dir, SnapshotFile)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadSnapshot(context.Background(), path); err != nil {
		t.Fatalf("intact snapshot: %v", err)
	}
	bad := filepath.Join(dir, "bad.snap")
	step := max(1, len(good)/300)
	for at := 0; at < len(good); at += step {
		b := slices.Clone(good)
		b[at] ^= 0x21
		if err := os.WriteFile(bad, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadSnapshot(context.Background(), bad); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("byte %d of %d flipped: %v, want ErrCorrupt", at, len(good), err)
		}
	}
}

// TestLoadedVectorsAreTheWrittenOnes checks the vectors used in place: the
// reopened index holds bit for bit the vectors written, and they are the
// mapped file itself, not a copy on the heap.
func TestLoadedVectorsAreTheWrittenOnes(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(24), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	want := ix.cur.Load().vectors
	re := mustOpen(t, dir, NewBuiltinEmbedder(24), IndexOptions{})
	s := re.cur.Load()
	if !slices.Equal(s.vectors, want) || len(want) == 0 {
		t.Fatalf("reloaded %d floats, wrote %d (or they differ)", len(s.vectors), len(want))
	}
	if runtime.GOOS == "linux" && !mappedFrom(t, unsafe.Pointer(&s.vectors[0]), SnapshotFile) {
		t.Error("the vectors are not the mapped snapshot file")
	}
	if runtime.GOOS == "linux" && !mappedFrom(t, unsafe.Pointer(unsafe.StringData(s.docs[0].Text)), SnapshotFile) {
		t.Error("the document texts are not read from the mapped snapshot file")
	}
	// The BM25 index comes back equal, its postings used in place.
	a, b := ix.cur.Load().lex, s.lex
	if !maps.Equal(a.vocab, b.vocab) || !slices.Equal(a.off, b.off) || !slices.Equal(a.chunk, b.chunk) ||
		!slices.Equal(a.tf, b.tf) || !slices.Equal(a.docLen, b.docLen) || !slices.Equal(a.norm, b.norm) || len(a.chunk) == 0 {
		t.Error("the BM25 index differs after reopening")
	}
	if runtime.GOOS == "linux" && !mappedFrom(t, unsafe.Pointer(&b.chunk[0]), SnapshotFile) {
		t.Error("the BM25 postings are not the mapped snapshot file")
	}
}

// mappedFrom reports whether p lies in a mapping of a file named name
// (from /proc/self/maps).
func mappedFrom(t *testing.T, p unsafe.Pointer, name string) bool {
	t.Helper()
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Skip(err)
	}
	addr := uint64(uintptr(p))
	for _, line := range strings.Split(string(maps), "\n") {
		f := strings.Fields(line)
		if len(f) < 6 || !strings.HasSuffix(f[5], "/"+name) {
			continue
		}
		var lo, hi uint64
		if _, err := fmt.Sscanf(f[0], "%x-%x", &lo, &hi); err == nil && addr >= lo && addr < hi {
			return true
		}
	}
	return false
}

// TestOldSnapshotRefused: a snapshot of an older format (here version 1,
// all documents in one gob value, no turns) is refused with the advice to
// rebuild, not loaded without the turns answers attribute quotations by.
func TestOldSnapshotRefused(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	s := ix.cur.Load()
	// Write s as version 1 did.
	type chunkRecord struct {
		ID         string
		Doc        int32
		Index      int32
		Start, End int32
	}
	var body struct {
		Docs   []*corpus.Document
		Chunks []chunkRecord
	}
	body.Docs = s.docs
	for i, c := range s.chunks {
		body.Chunks = append(body.Chunks, chunkRecord{ID: c.ID, Doc: s.chunkDoc[i], Index: int32(c.Index), Start: int32(c.Start), End: int32(c.End)})
	}
	var gb bytes.Buffer
	if err := gob.NewEncoder(&gb).Encode(body); err != nil {
		t.Fatal(err)
	}
	hdr, err := json.Marshal(snapshotHeader{Embedder: s.embedder, Dim: s.dim, Snapshot: s.id, Created: s.created,
		Docs: len(s.docs), Chunks: len(s.chunks), ChunkOpts: s.chunkOpts})
	if err != nil {
		t.Fatal(err)
	}
	var f []byte
	f = append(f, snapshotMagic...)
	f = binary.LittleEndian.AppendUint32(f, 1)
	f = binary.LittleEndian.AppendUint32(f, uint32(len(hdr)))
	f = append(f, hdr...)
	f = binary.LittleEndian.AppendUint64(f, uint64(gb.Len()))
	f = append(f, gb.Bytes()...)
	f = binary.LittleEndian.AppendUint64(f, uint64(len(s.vectors)*4))
	for _, x := range s.vectors {
		f = binary.LittleEndian.AppendUint32(f, math.Float32bits(x))
	}
	var lexBuf bytes.Buffer
	if err := s.lex.writeTo(&lexBuf); err != nil {
		t.Fatal(err)
	}
	lex := lexBuf.Bytes()
	f = binary.LittleEndian.AppendUint64(f, uint64(len(lex)))
	f = append(f, lex...)
	f = binary.LittleEndian.AppendUint32(f, crc32.Checksum(f, crcTable))
	if err := os.WriteFile(filepath.Join(dir, SnapshotFile), f, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = loadSnapshot(context.Background(), filepath.Join(dir, SnapshotFile))
	if !errors.Is(err, ErrCorrupt) || !errors.Is(err, ErrOldFormat) || !strings.Contains(err.Error(), "readout index --rebuild") {
		t.Fatalf("loading a version 1 snapshot: %v, want ErrCorrupt and ErrOldFormat with the rebuild advice", err)
	}
}

// TestSnapshotKeepsTurns: who speaks from which byte to which is stored in
// the snapshot and comes back exactly, for a transcript and a report.
func TestSnapshotKeepsTurns(t *testing.T) {
	briefing := "title: Press Briefing by Press Secretary Zara Quillfeather\ndate: 2031-04-02\nsource: The Example House\n\n" +
		"MS. QUILLFEATHER: Good afternoon. The bridge reconstruction is on schedule.\n\n" +
		"Q Will the bridge open this year?\n\n" +
		"MS. QUILLFEATHER: It will open in the spring.\n\n" +
		"MR. PLACEHOLDER: And the tunnels follow.\n"
	report := "NOWHERE CITY, MARCH 3, EXAMPLE WIRE. “The bridge will open in the spring,” spokesperson Odo Placeholder said on Monday.\n"
	var docs []*corpus.Document
	for name, text := range map[string]string{"brief.txt": briefing, "report.txt": report} {
		ds, err := corpus.Parse(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, ds...)
	}
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, docs)
	re := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	for _, d := range re.cur.Load().docs {
		var want []corpus.Turn
		for _, o := range docs {
			if o.ID == d.ID {
				want = o.Turns()
			}
		}
		if len(want) < 2 || !reflect.DeepEqual(d.Turns(), want) {
			t.Errorf("%s: turns after reload\n%+v\nwant\n%+v", d.ID, d.Turns(), want)
		}
	}
}

// TestLargeSectionsCheckedBeforeUse: the texts' and vectors' checksums
// are checked on other cores while the rest is decoded; a damaged byte in
// either still fails the load with that section named, and finish hands
// chromem-go no vector when the vectors' check fails.
func TestLargeSectionsCheckedBeforeUse(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, exampleDocs())
	path := filepath.Join(dir, SnapshotFile)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tbl := 16 + int(binary.LittleEndian.Uint32(good[12:16]))
	for _, kind := range []int{secTexts, secVectors} {
		e := good[tbl+4+24*(kind-1):]
		off, n := binary.LittleEndian.Uint64(e[8:]), binary.LittleEndian.Uint64(e[16:])
		for _, at := range []uint64{off, off + n/2, off + n - 1} {
			b := slices.Clone(good)
			b[at] ^= 0x01
			bad := filepath.Join(t.TempDir(), SnapshotFile)
			if err := os.WriteFile(bad, b, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := loadSnapshot(context.Background(), bad)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), fmt.Sprintf("section %d", kind)) {
				t.Errorf("section %d, byte %d flipped: %v", kind, at, err)
			}
		}
	}
	s := ix.cur.Load()
	damaged := errors.New("damaged vectors")
	c := &snapshot{docs: s.docs, chunks: s.chunks, vectors: s.vectors, dim: s.dim, lex: s.lex}
	if err := c.finish(context.Background(), func() error { return damaged }); !errors.Is(err, damaged) || len(c.periods) != 0 {
		t.Errorf("finish with damaged vectors: %v, %d collections built", err, len(c.periods))
	}
}

// TestDocumentRecordsInPlace: version 6 stores the documents' metadata as
// fixed records read in place (no gob); a version 5 file (gob) is still
// read, to the same documents, turns included.
func TestDocumentRecordsInPlace(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	docs := append(loadSeeds(t), exampleDocs()...)
	docs[0].Captured = day("2023-09-28").Add(90 * time.Minute)
	mustSync(t, ix, docs)
	path := filepath.Join(dir, SnapshotFile)
	v6, err := loadSnapshot(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), SnapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.cur.Load().encodeVersion(f, 5); err != nil {
		t.Fatal(err)
	}
	f.Close()
	v5, err := loadSnapshot(context.Background(), f.Name())
	if err != nil {
		t.Fatalf("a version 5 snapshot: %v", err)
	}
	if len(v6.docs) != len(docs) || len(v5.docs) != len(docs) {
		t.Fatalf("%d and %d documents, want %d", len(v6.docs), len(v5.docs), len(docs))
	}
	for i, want := range ix.cur.Load().docs {
		for name, d := range map[string]*corpus.Document{"v6": v6.docs[i], "v5": v5.docs[i]} {
			if d.ID != want.ID || d.Source != want.Source || d.Format != want.Format || d.Title != want.Title ||
				d.Outlet != want.Outlet || d.URL != want.URL || d.Category != want.Category || d.Hash != want.Hash ||
				!d.Date.Equal(want.Date) || !d.Captured.Equal(want.Captured) || d.Text != want.Text ||
				!slices.Equal(d.Speakers, want.Speakers) || !reflect.DeepEqual(d.Turns(), want.Turns()) {
				t.Errorf("%s: document %s differs:\n%+v\n%+v", name, want.ID, *d, *want)
			}
		}
	}
	if runtime.GOOS == "linux" && !mappedFrom(t, unsafe.Pointer(unsafe.StringData(v6.docs[0].ID)), SnapshotFile) {
		t.Error("version 6 document IDs are not read in place from the mapped file")
	}
	// A record cut short is refused, not read past its section.
	r := &docReader{b: []byte{5, 0, 0, 0, 'a', 'b'}}
	if r.doc(); r.err == nil {
		t.Error("a record running past its section was read")
	}
}

// TestSnapshotWriteDoesNotCopyTexts: writing a snapshot copies no
// document's text onto the heap (indexing the White House record once
// made 130 MiB of such garbage when its heap was largest).
func TestSnapshotWriteDoesNotCopyTexts(t *testing.T) {
	big := strings.Repeat("Spokesperson Jane Example said the bridge talks continue next week. ", 40000)
	d := exampleDoc("big.txt", "Example Wire", "2023-01-10", "", big)
	// A loaded document has its turns already; this one would compute
	// them whenever they are asked for.
	if err := d.SetTurns([]corpus.Turn{{Start: 0, End: len(big), Role: corpus.RoleUnknown}}); err != nil {
		t.Fatal(err)
	}
	ix := mustOpen(t, "", synthEmbedder{8}, IndexOptions{})
	mustSync(t, ix, []*corpus.Document{d})
	s := ix.cur.Load()
	f, err := os.Create(filepath.Join(t.TempDir(), SnapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := s.encode(f); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got >= uint64(len(big)) {
		t.Errorf("writing a snapshot with %d bytes of text allocated %d bytes", len(big), got)
	}
}

// TestSnapshotOfOtherTermsRefused: a snapshot whose postings hold the
// terms of another text.TermsVersion is refused as an old format, so a
// data folder rebuilds it rather than search "U.S." passages for a term
// they were not indexed under.
func TestSnapshotOfOtherTermsRefused(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, loadSeeds(t))
	path := filepath.Join(dir, SnapshotFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cur := fmt.Sprintf(`"terms":%d`, text.TermsVersion)
	if !bytes.Contains(data, []byte(cur)) {
		t.Fatalf("the snapshot's header does not record %s", cur)
	}
	old := bytes.Replace(data, []byte(cur), []byte(fmt.Sprintf(`"terms":%d`, text.TermsVersion-1)), 1)
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir, NewBuiltinEmbedder(16), IndexOptions{})
	if !errors.Is(err, ErrOldFormat) || !strings.Contains(err.Error(), "readout index --rebuild") {
		t.Fatalf("opening a snapshot of other terms: %v, want ErrOldFormat with the rebuild advice", err)
	}
}

// TestSnapshotIDNamesTheTerms: the snapshot ID, which caches of what the
// record says are keyed by, changes with the way text is read into terms
// even when the embedder's name does not (an OpenAI-compatible embedder's
// name says nothing of readout's stemmer).
func TestSnapshotIDNamesTheTerms(t *testing.T) {
	docs := loadSeeds(t)
	hashes := map[string]string{}
	for _, d := range docs {
		hashes[d.ID] = d.ID
	}
	opts := corpus.ChunkOptions{}
	now := snapshotID("openai:some-model", text.TermsVersion, corpus.TurnsVersion, opts, docs, hashes)
	if again := snapshotID("openai:some-model", text.TermsVersion, corpus.TurnsVersion, opts, docs, hashes); again != now {
		t.Fatalf("the same snapshot has two IDs: %s and %s", now, again)
	}
	if before := snapshotID("openai:some-model", text.TermsVersion-1, corpus.TurnsVersion, opts, docs, hashes); before == now {
		t.Fatalf("snapshots of terms versions %d and %d share the ID %s", text.TermsVersion-1, text.TermsVersion, now)
	}
	if before := snapshotID("openai:some-model", text.TermsVersion, corpus.TurnsVersion-1, opts, docs, hashes); before == now {
		t.Fatalf("snapshots of turns versions %d and %d share the ID %s", corpus.TurnsVersion-1, corpus.TurnsVersion, now)
	}
}

// TestSnapshotOfOtherTurnsReadAgain: turns stored by another
// corpus.TurnsVersion are read again from the texts when the snapshot is
// loaded, while turns stored by this version are taken as they are.
func TestSnapshotOfOtherTurnsReadAgain(t *testing.T) {
	report := "NOWHERE CITY, MARCH 3, EXAMPLE WIRE. “The bridge will open in the spring,” spokesperson Odo Placeholder said on Monday.\n"
	docs, err := corpus.Parse("report.txt", []byte(report))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	fresh := d.Turns()
	if len(fresh) < 2 {
		t.Fatalf("the report reads as %+v, want the quotation as a turn of its own", fresh)
	}
	// Turns as an older reading might have stored them: one, the issuer's.
	stale := []corpus.Turn{{Start: 0, End: len(d.Text), Speaker: fresh[0].Speaker, Role: fresh[0].Role}}
	if err := d.SetTurns(stale); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, docs)
	if got := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{}).cur.Load().docs[0].Turns(); !reflect.DeepEqual(got, stale) {
		t.Fatalf("turns of this version after reload: %+v, want those stored: %+v", got, stale)
	}
	// The same file as the version before wrote it.
	writeAsOlderTurns(t, ix, dir)
	re := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	if got := re.cur.Load().docs[0].Turns(); !reflect.DeepEqual(got, fresh) {
		t.Fatalf("turns of another version after reload: %+v, want them read again: %+v", got, fresh)
	}
	// Damaged texts are refused before they are read again: bytes that
	// are not UTF-8 in the middle of a word must fail the checksum, not
	// the reading.
	path := filepath.Join(dir, SnapshotFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte("bridge will open"))
	if at < 0 {
		t.Fatal("the report's text is not in the snapshot")
	}
	data[at+2], data[at+3] = 0xe2, 0xe2
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, NewBuiltinEmbedder(16), IndexOptions{}); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("opening a damaged snapshot of another turns version: %v, want ErrCorrupt", err)
	}
}

// writeAsOlderTurns writes ix's live snapshot to dir as the turns version
// before this one wrote it.
func writeAsOlderTurns(t *testing.T, ix *Index, dir string) {
	t.Helper()
	s := ix.cur.Load()
	s.turns = corpus.TurnsVersion - 1
	f, err := os.Create(filepath.Join(dir, SnapshotFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.encode(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestHoldersKeptWhenTurnsReadAgain: the holder a post's label stands for
// (corpus.NameHolders) is named again when a snapshot's turns are read
// anew from the texts, and the documents keep the hashes they were
// indexed with.
func TestHoldersKeptWhenTurnsReadAgain(t *testing.T) {
	var docs []*corpus.Document
	for _, src := range []string{
		"title: Remarks by President Zara Quillfeather at the Harbour\ndate: 2031-03-01\nsource: Example Briefing Room\ncategory: remarks\n\nTHE PRESIDENT: Thank you. The harbour is open again.\n",
		"title: The Harbour Address\ndate: 2031-03-02\nsource: Example Briefing Room\ncategory: remarks\n\nTHE PRESIDENT: Thank you, everybody. We will build the second pier this year.\n",
	} {
		ds, err := corpus.Parse(fmt.Sprintf("%d.txt", len(docs)), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, ds...)
	}
	corpus.NameHolders(docs)
	want := corpus.Speaker{Name: "Zara Quillfeather", Title: "President"}
	hash := docs[1].Hash
	dir := t.TempDir()
	ix := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{})
	mustSync(t, ix, docs)
	writeAsOlderTurns(t, ix, dir)
	re := mustOpen(t, dir, NewBuiltinEmbedder(16), IndexOptions{}).cur.Load()
	if !re.turnsReread {
		t.Fatal("the snapshot's turns were not read again")
	}
	speech := re.docs[1]
	if got := speech.Turns()[0].Speaker; got != want {
		t.Errorf("after reading the turns anew the speech is %+v's, want %+v", got, want)
	}
	if speech.Hash != hash {
		t.Errorf("the speech's hash changed on reading: %s, indexed as %s", speech.Hash, hash)
	}
}
