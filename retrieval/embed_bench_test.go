package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval/static"
)

// benchPassages are the texts `readout index` embeds (passageText) for the
// sample record and, when the White House record is at hand, every 20th
// of its documents: real passages, so the embedders' costs per passage
// are those of indexing the record.
var benchPassages = sync.OnceValues(func() ([]string, error) {
	docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		return nil, err
	}
	path := filepath.Join(sharedDir, "corpus", "whitehouse-briefings.tar.gz")
	if _, err := os.Stat(path); err == nil {
		big, _, err := corpus.Load(path, corpus.LoadOptions{})
		if err != nil {
			return nil, err
		}
		for i := 0; i < len(big); i += 20 {
			docs = append(docs, big[i])
		}
	}
	var out []string
	for _, d := range docs {
		for _, c := range corpus.Split(d, corpus.ChunkOptions{}) {
			out = append(out, passageText(d, c))
		}
	}
	return out, nil
})

// BenchmarkEmbed embeds real passages with each embedded embedder, in
// batches of 64 as indexing sends them, and reports the cost per passage
// (ns/passage; run with -cpu 1 for one core's cost, which is what indexing
// pays in CPU time):
//
//	go test ./retrieval -run '^$' -bench Embed -cpu 1
func BenchmarkEmbed(b *testing.B) {
	texts, err := benchPassages()
	if err != nil {
		b.Fatal(err)
	}
	st, err := static.New()
	if err != nil {
		b.Fatal(err)
	}
	hash := NewBuiltinEmbedder(0)
	hybrid, err := NewHashStatic(0)
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for _, t := range texts {
		bytes += int64(len(t))
	}
	for _, e := range []struct {
		name string
		emb  Embedder
	}{{"hash", hash}, {"static", st}, {"hash+static", hybrid}} {
		b.Run(e.name, func(b *testing.B) {
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				for s := 0; s < len(texts); s += 64 {
					if _, err := e.emb.Embed(context.Background(), texts[s:min(s+64, len(texts))]); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/passage")
			b.Logf("%d passages", len(texts))
		})
	}
}
