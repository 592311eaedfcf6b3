package corpus

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// checkChunks asserts the invariants every Split result must keep.
func checkChunks(t *testing.T, d *Document, opts ChunkOptions, chunks []Chunk) {
	t.Helper()
	o := opts.withDefaults()
	covered := 0 // every non-space byte before this offset is in some chunk
	for i, c := range chunks {
		if c.Index != i || c.DocID != d.ID || c.ID != d.ID+"#"+strconv.Itoa(i) {
			t.Fatalf("chunk %d: ID %q DocID %q Index %d", i, c.ID, c.DocID, c.Index)
		}
		if c.Start < 0 || c.End > len(d.Text) || c.Start >= c.End {
			t.Fatalf("chunk %d: bad range [%d,%d) of %d", i, c.Start, c.End, len(d.Text))
		}
		if c.Text != d.Text[c.Start:c.End] {
			t.Fatalf("chunk %d: Text is not Text[Start:End]", i)
		}
		if len(c.Text) > o.MaxBytes {
			t.Fatalf("chunk %d: %d bytes > MaxBytes %d", i, len(c.Text), o.MaxBytes)
		}
		if !utf8.ValidString(c.Text) {
			t.Fatalf("chunk %d: invalid UTF-8", i)
		}
		if strings.TrimSpace(c.Text) == "" || isSpace(c.Text[0]) || isSpace(c.Text[len(c.Text)-1]) {
			t.Fatalf("chunk %d: empty or untrimmed %q", i, c.Text)
		}
		if i > 0 {
			p := chunks[i-1]
			if c.Start <= p.Start || c.End <= p.End {
				t.Fatalf("chunk %d does not advance: [%d,%d) after [%d,%d)", i, c.Start, c.End, p.Start, p.End)
			}
			if ov := p.End - c.Start; ov > o.Overlap {
				t.Fatalf("chunk %d overlaps the previous by %d bytes > %d", i, ov, o.Overlap)
			}
		}
		if c.Start > covered && strings.TrimSpace(d.Text[covered:c.Start]) != "" {
			t.Fatalf("bytes [%d,%d) not covered by any chunk", covered, c.Start)
		}
		covered = max(covered, c.End)
	}
	if strings.TrimSpace(d.Text[covered:]) != "" {
		t.Fatalf("tail from %d not covered", covered)
	}
	// Word boundaries: a chunk never starts or ends inside a word unless
	// that word alone is longer than MaxBytes.
	for i, c := range chunks {
		cutIn := func(at int) bool {
			return at > 0 && at < len(d.Text) && !isSpace(d.Text[at-1]) && !isSpace(d.Text[at])
		}
		if cutIn(c.Start) || cutIn(c.End) {
			w := wordAround(d.Text, c.Start)
			if cutIn(c.End) {
				w = wordAround(d.Text, c.End)
			}
			if len(w) <= o.MaxBytes {
				t.Fatalf("chunk %d cuts inside the word %q", i, w)
			}
		}
	}
}

// wordAround returns the whitespace-delimited word containing offset at.
func wordAround(s string, at int) string {
	i, j := at, at
	for i > 0 && !isSpace(s[i-1]) {
		i--
	}
	for j < len(s) && !isSpace(s[j]) {
		j++
	}
	return s[i:j]
}

func TestSplitSeeds(t *testing.T) {
	for _, d := range loadSample(t) {
		for _, opts := range []ChunkOptions{{}, {MaxBytes: 300, Overlap: 100}, {MaxBytes: 120, Overlap: -1}, {MaxBytes: 16}} {
			chunks := Split(d, opts)
			if len(chunks) == 0 {
				t.Fatalf("%s: no chunks", d.ID)
			}
			checkChunks(t, d, opts, chunks)
			if !reflect.DeepEqual(chunks, Split(d, opts)) {
				t.Fatalf("%s: Split is not deterministic", d.ID)
			}
		}
	}
}

func TestSplitOverlapIsWholeSentences(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		b.WriteString("Sentence number ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(" ends here. ")
	}
	d := &Document{ID: "o.txt", Text: strings.TrimSpace(b.String())}
	opts := ChunkOptions{MaxBytes: 200, Overlap: 60}
	chunks := Split(d, opts)
	checkChunks(t, d, opts, chunks)
	if len(chunks) < 5 {
		t.Fatalf("only %d chunks", len(chunks))
	}
	sentStarts := map[int]bool{}
	sentEnds := map[int]bool{}
	for _, s := range text.Sentences(d.Text) {
		sentStarts[s[0]] = true
		sentEnds[s[1]] = true
	}
	overlapped := 0
	for i, c := range chunks {
		if !sentStarts[c.Start] || !sentEnds[c.End] {
			t.Errorf("chunk %d [%d,%d) is not whole sentences", i, c.Start, c.End)
		}
		if i > 0 && c.Start < chunks[i-1].End {
			overlapped++
		}
	}
	if overlapped == 0 {
		t.Error("no chunk repeats sentences from the previous one")
	}
	// No overlap when asked for none.
	none := Split(d, ChunkOptions{MaxBytes: 200, Overlap: -1})
	for i := 1; i < len(none); i++ {
		if none[i].Start < none[i-1].End {
			t.Errorf("Overlap -1: chunk %d starts at %d before the previous end %d", i, none[i].Start, none[i-1].End)
		}
	}
}

func TestSplitHugeToken(t *testing.T) {
	// A 10 MB line with no spaces, made of 3-byte characters so a naive
	// byte cut would split one.
	text := strings.Repeat("é€", 10<<20/5) // 2+3 bytes
	d := &Document{ID: "huge.txt", Text: text}
	chunks := Split(d, ChunkOptions{})
	if len(chunks) < len(text)/DefaultMaxBytes {
		t.Fatalf("only %d chunks for %d bytes", len(chunks), len(text))
	}
	total := 0
	for i, c := range chunks {
		if c.Text != text[c.Start:c.End] || len(c.Text) > DefaultMaxBytes || !utf8.ValidString(c.Text) {
			t.Fatalf("chunk %d invalid", i)
		}
		if i > 0 && c.Start != chunks[i-1].End {
			t.Fatalf("chunk %d: gap or overlap inside one token", i)
		}
		total += len(c.Text)
	}
	if total != len(text) {
		t.Fatalf("chunks cover %d of %d bytes", total, len(text))
	}
}

func TestSplitLongSentenceAtWords(t *testing.T) {
	d := &Document{ID: "w.txt", Text: strings.TrimSpace(strings.Repeat("word ", 1000)) + "."}
	opts := ChunkOptions{MaxBytes: 100, Overlap: 20}
	chunks := Split(d, opts)
	checkChunks(t, d, opts, chunks)
	for i, c := range chunks {
		if strings.HasPrefix(c.Text, "ord") || strings.HasSuffix(c.Text, "wor") {
			t.Fatalf("chunk %d cut inside a word: %q", i, c.Text)
		}
	}
	if Split(&Document{ID: "e"}, ChunkOptions{}) != nil || Split(nil, ChunkOptions{}) != nil {
		t.Error("empty document should give no chunks")
	}
}

func TestSplitPrefersParagraphBreaks(t *testing.T) {
	para := strings.TrimSpace(strings.Repeat("A sentence of the paragraph. ", 12)) // 347 bytes
	d := &Document{ID: "p.txt", Text: para + "\n\n" + para + "\n\n" + para}
	chunks := Split(d, ChunkOptions{MaxBytes: 1000, Overlap: -1})
	if len(chunks) < 2 || chunks[0].End != 2*len(para)+2 {
		t.Errorf("first chunk ends at %d, want the paragraph break at %d", chunks[0].End, 2*len(para)+2)
	}
}
