package corpus

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// Chunking defaults: passages of about a paragraph, each repeating up to
// 200 bytes of whole sentences from the one before so a statement cut at a
// boundary is still whole in one of them.
const (
	DefaultMaxBytes = 1000
	DefaultOverlap  = 200
	// minMaxBytes keeps room for the longest UTF-8 character.
	minMaxBytes = 16
)

// ChunkOptions bound the chunks Split makes. The zero value means the
// defaults.
type ChunkOptions struct {
	// MaxBytes is the largest chunk (default DefaultMaxBytes; at least 16).
	MaxBytes int
	// Overlap is the most bytes of trailing whole sentences a chunk repeats
	// from the previous one: 0 means DefaultOverlap, negative means none.
	// It is capped at half of MaxBytes.
	Overlap int
}

// withDefaults fills in and clamps the options.
func (o ChunkOptions) withDefaults() ChunkOptions {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	o.MaxBytes = max(o.MaxBytes, minMaxBytes)
	switch {
	case o.Overlap == 0:
		o.Overlap = DefaultOverlap
	case o.Overlap < 0:
		o.Overlap = 0
	}
	o.Overlap = min(o.Overlap, o.MaxBytes/2)
	return o
}

// isSpace reports ASCII white space, all that normalised text contains
// between sentences.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// pieces splits the range [s, e) of text, longer than maxBytes, at word
// boundaries, and a word longer than maxBytes at UTF-8 character
// boundaries. Every piece is at most maxBytes long and has no leading or
// trailing white space.
func pieces(text string, s, e, maxBytes int, out [][2]int) [][2]int {
	for s < e {
		for s < e && isSpace(text[s]) {
			s++
		}
		if s >= e {
			break
		}
		if e-s <= maxBytes {
			end := e
			for end > s && isSpace(text[end-1]) {
				end--
			}
			return append(out, [2]int{s, end})
		}
		cut := s + maxBytes
		// Back up to the last space within the limit.
		b := cut
		for b > s && !isSpace(text[b]) {
			b--
		}
		end := b
		for end > s && isSpace(text[end-1]) {
			end--
		}
		if end == s {
			// One word longer than the limit: cut at a character boundary.
			b = cut
			for b > s && !utf8.RuneStart(text[b]) {
				b--
			}
			if b == s {
				_, n := utf8.DecodeRuneInString(text[s:])
				b = s + n
			}
			end = b
		}
		out = append(out, [2]int{s, end})
		s = b
	}
	return out
}

// Split cuts the document's text into chunks of at most opts.MaxBytes bytes
// made of whole sentences (an over-long sentence is cut between words, an
// over-long word between characters). A chunk ends at a paragraph break when
// one falls in its second half. Each chunk after the first repeats the
// whole trailing sentences of the previous one that fit in opts.Overlap
// bytes. Chunk.Text is always d.Text[Start:End]; together the chunks cover
// every non-space byte of the text; the result is deterministic.
func Split(d *Document, opts ChunkOptions) []Chunk {
	if d == nil || d.Text == "" {
		return nil
	}
	opts = opts.withDefaults()
	src := d.Text
	var units [][2]int
	for _, s := range text.Sentences(src) {
		if s[1]-s[0] <= opts.MaxBytes {
			units = append(units, s)
			continue
		}
		units = pieces(src, s[0], s[1], opts.MaxBytes, units)
	}
	paraBreakAfter := func(k int) bool {
		return k+1 < len(units) && strings.IndexByte(src[units[k][1]:units[k+1][0]], '\n') >= 0
	}
	// In a transcript, a chunk repeats no sentence from an earlier speaker's
	// turn, so the speaker at its start is the speaker of its new text.
	var starts []int
	if labels := findTurns(src); labels != nil {
		starts = make([]int, len(labels))
		for i, l := range labels {
			starts[i] = l.at
		}
	}
	turnOf := func(off int) int { return sort.SearchInts(starts, off+1) }
	var chunks []Chunk
	for i := 0; i < len(units); {
		j := i
		for j+1 < len(units) && units[j+1][1]-units[i][0] <= opts.MaxBytes {
			j++
		}
		if j+1 < len(units) && !paraBreakAfter(j) {
			for k := j - 1; k >= i && units[k][1]-units[i][0] >= opts.MaxBytes/2; k-- {
				if paraBreakAfter(k) {
					j = k
					break
				}
			}
		}
		start, end := units[i][0], units[j][1]
		idx := len(chunks)
		chunks = append(chunks, Chunk{
			ID:    d.ID + "#" + strconv.Itoa(idx),
			DocID: d.ID,
			Index: idx,
			Start: start,
			End:   end,
			Text:  src[start:end],
		})
		if j+1 >= len(units) {
			break
		}
		k := j + 1
		for k-1 > i && units[j][1]-units[k-1][0] <= opts.Overlap && units[j+1][1]-units[k-1][0] <= opts.MaxBytes &&
			turnOf(units[k-1][0]) == turnOf(units[j+1][0]) {
			k--
		}
		i = k
	}
	return chunks
}
