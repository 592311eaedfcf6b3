package corpus

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

// honorificAbbrevs never end a sentence: a name follows.
var honorificAbbrevs = setOf("mr", "mrs", "ms", "dr", "prof", "sr", "st", "gen", "col", "lt", "sgt", "capt",
	"gov", "sen", "rep", "rev", "hon", "pres", "adm", "cmdr", "maj", "brig", "amb", "supt", "messrs", "vs", "v", "no", "nos", "fig", "figs", "art", "sec", "para", "pp", "p", "op", "vol")

// otherAbbrevs end a sentence only when a typical sentence opening follows
// ("… in the U.S. The next day …").
var otherAbbrevs = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"jr", "inc", "ltd", "co", "corp", "approx", "dept", "ave", "blvd", "mt", "ft", "est", "etc", "al", "govt", "int'l", "e.g", "i.e", "a.m", "p.m")

// sentenceStarters are words that usually open a sentence.
var sentenceStarters = setOf("The", "A", "An", "He", "She", "It", "We", "They", "I", "This", "That", "These",
	"Those", "There", "In", "On", "At", "But", "And", "However", "Meanwhile", "His", "Her", "Their", "Our",
	"Its", "As", "After", "Before", "When", "While", "If", "According", "Asked", "Both", "For", "Earlier",
	"Later", "What", "Who", "Why", "How", "Some", "Many", "Most", "Officials", "So", "Yet", "Also", "Still",
	"Now", "Today", "Yesterday", "Last", "Next", "Since", "Under", "With", "From", "By", "To", "Our", "My")

// closingMarks may follow a sentence's final punctuation.
const closingMarks = `"'”’)]»`

// isSpace reports ASCII white space, all that normalised text contains
// between sentences.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// wordBefore returns the run of letters and periods ending at i (exclusive).
func wordBefore(text string, lo, i int) string {
	j := i
	for j > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:j])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' {
			break
		}
		j -= n
	}
	return text[j:i]
}

// nextWord returns the word starting at i.
func nextWord(text string, i int) string {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

// periodEnds decides whether the period at i (ending the word before it)
// ends a sentence whose next word starts at next.
func periodEnds(text string, lo, i, next int) bool {
	w := wordBefore(text, lo, i)
	if w == "" {
		return true // "84,770." or "2023." end sentences
	}
	lw := strings.ToLower(strings.TrimLeft(w, "."))
	if honorificAbbrevs[lw] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	initial := utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)
	dotted := strings.Contains(lw, ".") // U.S, D.C, e.g
	if initial || dotted || otherAbbrevs[lw] {
		return sentenceStarters[nextWord(text, next)]
	}
	return true
}

// Sentences returns the byte ranges of the sentences of text, in order.
// A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
// brackets) followed by white space and a word that is not lower case, and
// at every line break (the record puts one paragraph on a line).
// Abbreviations ("U.S.", "Nov. 7", "Mr.", initials) do not end sentences
// unless a typical sentence opening follows. Ranges never include leading
// or trailing white space and never overlap; the text between them is white
// space only.
func Sentences(text string) [][2]int {
	var out [][2]int
	start := -1
	emit := func(end int) {
		for end > start && isSpace(text[end-1]) {
			end--
		}
		if end > start {
			out = append(out, [2]int{start, end})
		}
		start = -1
	}
	i := 0
	for i < len(text) {
		c := text[i]
		if start < 0 {
			if isSpace(c) {
				i++
				continue
			}
			start = i
		}
		if c == '\n' {
			emit(i)
			i++
			continue
		}
		size := 0
		switch {
		case c == '.' || c == '!' || c == '?':
			size = 1
		case c == 0xE2 && strings.HasPrefix(text[i:], "…"):
			size = len("…")
		}
		if size == 0 {
			i++
			continue
		}
		j := i + size
		for j < len(text) {
			if text[j] == '.' || text[j] == '!' || text[j] == '?' {
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if n > 0 && r != utf8.RuneError && strings.ContainsRune(closingMarks, r) {
				j += n
				continue
			}
			break
		}
		if j >= len(text) {
			emit(j)
			i = j
			continue
		}
		if !isSpace(text[j]) {
			i = j
			continue
		}
		k := j
		for k < len(text) && isSpace(text[k]) && text[k] != '\n' {
			k++
		}
		if k >= len(text) || text[k] == '\n' {
			emit(j) // the line break ends it anyway
			i = k
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLower(r) || (c == '.' && j == i+1 && !periodEnds(text, start, i, k)) {
			i = j
			continue
		}
		emit(j)
		i = j
	}
	if start >= 0 {
		emit(len(text))
	}
	return out
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
	text := d.Text
	var units [][2]int
	for _, s := range Sentences(text) {
		if s[1]-s[0] <= opts.MaxBytes {
			units = append(units, s)
			continue
		}
		units = pieces(text, s[0], s[1], opts.MaxBytes, units)
	}
	paraBreakAfter := func(k int) bool {
		return k+1 < len(units) && strings.IndexByte(text[units[k][1]:units[k+1][0]], '\n') >= 0
	}
	// In a transcript, a chunk repeats no sentence from an earlier speaker's
	// turn, so the speaker at its start is the speaker of its new text.
	var starts []int
	if labels := findTurns(text); labels != nil {
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
			Text:  text[start:end],
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
