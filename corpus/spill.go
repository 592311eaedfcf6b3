package corpus

import (
	"fmt"
	"os"
	"sync"
	"unsafe"
)

// Spill keeps the texts of loaded documents in a file instead of memory,
// so a load holds every document's metadata but never every document's
// text: with LoadOptions.Spill set, each document's text is written to the
// spill as soon as it is parsed and its Text left empty; TextOf and
// TextRange read it back, a document or a passage at a time. The file is
// unlinked as soon as it is created, so a killed process leaves nothing
// behind; its bytes live in the page cache and on disk, not in the
// process's memory. A Spill is safe for concurrent use.
type Spill struct {
	f    *os.File
	mu   sync.Mutex // guards size
	size int64
}

// spillRef is where a spilled document's text lies in its Spill.
type spillRef struct {
	s   *Spill
	off int64
	n   int
}

// NewSpill creates an (already unlinked) spill file in dir.
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, ".readout-spill-*")
	if err != nil {
		return nil, fmt.Errorf("create a file for loaded texts: %w", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("create a file for loaded texts: %w", err)
	}
	return &Spill{f: f}, nil
}

// Close releases the file. Documents spilled to it can no longer be read.
func (s *Spill) Close() error {
	if s == nil {
		return nil
	}
	return s.f.Close()
}

// Size is how many bytes of text the spill holds.
func (s *Spill) Size() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.size
}

// put moves d's text into the spill. The document's turns and hash are
// computed first (both read the text), so nothing needs the text until it
// is chunked.
func (s *Spill) put(d *Document) error {
	if d.Text == "" || d.spill != nil {
		return nil
	}
	if d.turns == nil {
		d.turns = computeTurns(d)
	}
	if d.Hash == "" {
		d.Hash = d.ComputeHash()
	}
	n := len(d.Text)
	s.mu.Lock()
	off := s.size
	s.size += int64(n)
	s.mu.Unlock()
	if _, err := s.f.WriteAt(unsafe.Slice(unsafe.StringData(d.Text), n), off); err != nil {
		return fmt.Errorf("keep the text of %s aside: %w", d.ID, err)
	}
	d.spill = &spillRef{s: s, off: off, n: n}
	d.Text = ""
	return nil
}

// Spilled reports whether d's text is in a Spill rather than in d.Text.
func (d *Document) Spilled() bool { return d.spill != nil }

// TextLen is the length of d's text, spilled or not.
func (d *Document) TextLen() int {
	if d.spill != nil {
		return d.spill.n
	}
	return len(d.Text)
}

// TextOf returns d's text: d.Text, or a copy read from its Spill.
func TextOf(d *Document) (string, error) {
	if d.spill == nil {
		return d.Text, nil
	}
	return TextRange(d, 0, d.spill.n)
}

// TextRange returns d's text[start:end] (a passage), read from its Spill
// when the text was spilled.
func TextRange(d *Document, start, end int) (string, error) {
	n := d.TextLen()
	if start < 0 || end < start || end > n {
		return "", fmt.Errorf("text of %s: range [%d, %d) outside its %d bytes", d.ID, start, end, n)
	}
	if d.spill == nil {
		return d.Text[start:end], nil
	}
	b := make([]byte, end-start)
	if _, err := d.spill.s.f.ReadAt(b, d.spill.off+int64(start)); err != nil {
		return "", fmt.Errorf("read the text of %s back: %w", d.ID, err)
	}
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
}

// ReadTextInto reads d's whole text into dst (TextLen bytes) and returns
// it as a string sharing dst's memory; the caller must not change dst
// afterwards.
func ReadTextInto(d *Document, dst []byte) (string, error) {
	if len(dst) != d.TextLen() {
		return "", fmt.Errorf("text of %s: %d bytes, room for %d", d.ID, d.TextLen(), len(dst))
	}
	if len(dst) == 0 {
		return "", nil
	}
	if d.spill == nil {
		copy(dst, d.Text)
	} else if _, err := d.spill.s.f.ReadAt(dst, d.spill.off); err != nil {
		return "", fmt.Errorf("read the text of %s back: %w", d.ID, err)
	}
	return unsafe.String(&dst[0], len(dst)), nil
}

// WithText returns a copy of d holding text as its Text (no longer
// spilled); d is unchanged. text must be d's own text.
func (d *Document) WithText(text string) *Document {
	c := *d
	c.Text = text
	c.spill = nil
	return &c
}
