package retrieval

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/readout/readout/corpus"
)

// The documents' section of a version 6 snapshot is one record per
// document, in order, each field in a fixed order:
//
//	ID, Source, Format, Title, Outlet, URL, Category, Hash   strings
//	Date, Captured                                           times (time.MarshalBinary)
//	speakers: count, then Name, Title of each                strings
//	turns: count of speakers, their Name, Title; count of roles, each;
//	       count of turns, each End, Speaker, Role, Day      int32s
//	text span in the texts section: Off, Len                 int64s
//
// A string or a time is a little-endian uint32 length and its bytes; a
// count is a little-endian uint32, an int32 or int64 little-endian. The
// strings are used in place (they point into the mapped file), so opening
// a snapshot decodes the metadata without copying it; version 5 stored the
// same values with gob, which cost a quarter of a one-shot `ask`'s open.

// appendDoc appends d's record (its text's span given) to b.
func appendDoc(b []byte, d *corpus.Document, tr turnsRecord, sp docSpan) ([]byte, error) {
	str := func(s string) {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	for _, s := range []string{d.ID, d.Source, d.Format, d.Title, d.Outlet, d.URL, d.Category, d.Hash} {
		str(s)
	}
	for _, t := range []time.Time{d.Date, d.Captured} {
		m, err := t.MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("document %s: date %v: %w", d.ID, t, err)
		}
		str(string(m))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d.Speakers)))
	for _, s := range d.Speakers {
		str(s.Name)
		str(s.Title)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(tr.Speakers)))
	for _, s := range tr.Speakers {
		str(s.Name)
		str(s.Title)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(tr.Roles)))
	for _, r := range tr.Roles {
		str(string(r))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(tr.Turns)))
	for _, t := range tr.Turns {
		for _, v := range [4]int32{t.End, t.Speaker, t.Role, t.Day} {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(sp.Off))
	b = binary.LittleEndian.AppendUint64(b, uint64(sp.Len))
	return b, nil
}

// errShortRecord is a document record that runs past its section.
var errShortRecord = errors.New("document record runs past the end of its section")

// docReader reads document records from a section, checking every length
// against what is left.
type docReader struct {
	b   []byte
	err error
}

func (r *docReader) u32() uint32 {
	if r.err != nil || len(r.b) < 4 {
		r.err = errShortRecord
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *docReader) u64() uint64 {
	if r.err != nil || len(r.b) < 8 {
		r.err = errShortRecord
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

// str returns the next string, in place.
func (r *docReader) str() string {
	n := r.u32()
	if r.err != nil || uint64(n) > uint64(len(r.b)) {
		r.err = errShortRecord
		return ""
	}
	s := inPlace(r.b[:n])
	r.b = r.b[n:]
	return s
}

// count returns the next count, refusing one that could not fit in what
// is left at min bytes per element.
func (r *docReader) count(min int) int {
	n := r.u32()
	if r.err == nil && uint64(n)*uint64(min) > uint64(len(r.b)) {
		r.err = errShortRecord
		return 0
	}
	return int(n)
}

func (r *docReader) time() time.Time {
	var t time.Time
	s := r.str()
	if r.err == nil {
		if err := t.UnmarshalBinary([]byte(s)); err != nil {
			r.err = fmt.Errorf("unreadable date: %w", err)
		}
	}
	return t
}

// doc reads the next document record.
func (r *docReader) doc() (*corpus.Document, turnsRecord, docSpan) {
	d := new(corpus.Document)
	for _, p := range []*string{&d.ID, &d.Source, &d.Format, &d.Title, &d.Outlet, &d.URL, &d.Category, &d.Hash} {
		*p = r.str()
	}
	d.Date, d.Captured = r.time(), r.time()
	if n := r.count(8); n > 0 {
		d.Speakers = make([]corpus.Speaker, n)
		for i := range d.Speakers {
			d.Speakers[i] = corpus.Speaker{Name: r.str(), Title: r.str()}
		}
	}
	var tr turnsRecord
	if n := r.count(8); n > 0 {
		tr.Speakers = make([]corpus.Speaker, n)
		for i := range tr.Speakers {
			tr.Speakers[i] = corpus.Speaker{Name: r.str(), Title: r.str()}
		}
	}
	if n := r.count(4); n > 0 {
		tr.Roles = make([]corpus.Role, n)
		for i := range tr.Roles {
			tr.Roles[i] = corpus.Role(r.str())
		}
	}
	if n := r.count(16); n > 0 {
		tr.Turns = make([]turnRecord, n)
		for i := range tr.Turns {
			tr.Turns[i] = turnRecord{End: int32(r.u32()), Speaker: int32(r.u32()), Role: int32(r.u32()), Day: int32(r.u32())}
		}
	}
	sp := docSpan{Off: int64(r.u64()), Len: int64(r.u64())}
	return d, tr, sp
}
