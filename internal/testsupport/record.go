package testsupport

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/readout/readout/corpus"
)

// InventedVocabulary returns 30,000 invented words (consonant-vowel
// syllables), deterministic, without those skip reports (pass the
// retrieval stopword test so no invented word is dropped by the index).
func InventedVocabulary(skip func(string) bool) []string {
	cons := []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "sk"}
	vows := []string{"a", "e", "i", "o", "u", "ai", "ou"}
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	var out []string
	for len(out) < 30000 {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(cons[r.IntN(len(cons))])
			b.WriteString(vows[r.IntN(len(vows))])
		}
		w := b.String()
		if seen[w] || skip != nil && skip(w) {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// InventedOutlets are the outlets of InventedRecord, one per document in turn.
var InventedOutlets = []string{"Example Wire", "Sample Gazette", "Demo Herald", "Placeholder Post"}

// InventedRecord returns invented documents holding at least n chunks with
// the default chunk options, and their chunk count, for benchmarks and
// scale tests. Words are drawn from vocab with a Zipf distribution (s =
// 1.1), so posting lists have realistic lengths; each document is about
// 2,400 bytes (three chunks), quotes "Spokesperson Jane Example", has one
// of four outlets and a date in 2020–2023. Deterministic for a given n.
func InventedRecord(n int, vocab []string) ([]*corpus.Document, int) {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(uint64(n), 8)), 1.1, 1, uint64(len(vocab)-1))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*corpus.Document
	chunks := 0
	for i := 0; chunks < n; i++ {
		var b strings.Builder
		b.WriteString("Spokesperson Jane Example said: ")
		for b.Len() < 2400 {
			for j := range 8 + r.IntN(12) {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocab[zipf.Uint64()])
			}
			b.WriteString(". ")
		}
		d := &corpus.Document{
			ID:       fmt.Sprintf("invented/%07d.txt", i),
			Title:    "Briefing " + vocab[zipf.Uint64()] + " " + vocab[zipf.Uint64()],
			Outlet:   InventedOutlets[i%len(InventedOutlets)],
			Date:     base.AddDate(0, 0, r.IntN(4*365)),
			Speakers: []corpus.Speaker{{Name: "Jane Example", Title: "spokesperson"}},
			Text:     strings.TrimSpace(b.String()),
		}
		d.Hash = d.ComputeHash()
		chunks += len(corpus.Split(d, corpus.ChunkOptions{}))
		docs = append(docs, d)
	}
	return docs, chunks
}
