package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzExts are the loaders FuzzParse exercises, chosen by the first byte
// of the fuzzed input.
var fuzzExts = []string{".txt", ".md", ".html", ".json", ".jsonl", ""}

// addFixtures seeds a fuzzer with the sample and the testdata fixtures.
func addFixtures(f *testing.F, add func(ext byte, data []byte)) {
	for _, d := range []string{"seeds", "testdata"} {
		matches, _ := filepath.Glob(filepath.Join(d, "*.*"))
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				continue
			}
			for i, e := range fuzzExts {
				if e == filepath.Ext(m) {
					add(byte(i), data)
				}
			}
		}
	}
	add(0, []byte("title: x\ndate: 2031-01-01\n\nMR. A: hi\nQ x\nMS. B: ok"))
	add(0, []byte("Politics\n-\nT.\n-\nU.\nLeave a review"))
	add(1, []byte("---\ntitle: [\n---\n"))
	add(2, []byte("<html><article><p>x</p><script>y</script>"))
	add(4, []byte("{\"text\":\"a\"}\n{bad\n"))
}

// FuzzParse checks that no input makes Parse panic and that every document
// it returns is well formed: valid UTF-8 text, a hash that matches, turns
// that tile the text, chunks that slice the text exactly.
func FuzzParse(f *testing.F) {
	addFixtures(f, func(ext byte, data []byte) { f.Add(ext, data) })
	f.Fuzz(func(t *testing.T, ext byte, data []byte) {
		id := "f" + fuzzExts[int(ext)%len(fuzzExts)]
		docs, err := Parse(id, data)
		if err == nil && len(docs) == 0 {
			t.Fatal("no documents and no error")
		}
		for _, d := range docs {
			if d.Text == "" || !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) != d.Text {
				t.Fatalf("bad text %q", d.Text)
			}
			if d.Hash != d.ComputeHash() {
				t.Fatal("hash mismatch")
			}
			if len(d.Title) > 0 && !utf8.ValidString(d.Title) {
				t.Fatal("invalid title")
			}
			for _, s := range d.Speakers {
				if s.Name == "" {
					t.Fatalf("empty speaker in %+v", d.Speakers)
				}
			}
			for _, off := range []int{0, len(d.Text) / 2, len(d.Text)} {
				_ = d.SpeakerAt(off)
			}
			checkTurns(t, d)
			for _, c := range Split(d, ChunkOptions{MaxBytes: 64, Overlap: 16}) {
				if c.Text != d.Text[c.Start:c.End] || len(c.Text) > 64 || !utf8.ValidString(c.Text) {
					t.Fatalf("bad chunk %+v", c)
				}
			}
		}
	})
}

// FuzzSplit checks Split's invariants on arbitrary text and sizes.
func FuzzSplit(f *testing.F) {
	addFixtures(f, func(_ byte, data []byte) { f.Add(string(data), 200, 50) })
	f.Add("U.S. Nov. 7 D.C. Mr. A. B. “Q?” he said. 84,770. x", 16, 4)
	f.Add(strings.Repeat("€", 100), 17, 0)
	f.Fuzz(func(t *testing.T, text string, maxBytes, overlap int) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "?")
		}
		maxBytes = maxBytes % 5000
		overlap = overlap % 5000
		d := &Document{ID: "z", Text: text}
		opts := ChunkOptions{MaxBytes: maxBytes, Overlap: overlap}
		checkChunks(t, d, opts, Split(d, opts))
	})
}
