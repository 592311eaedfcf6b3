package retrieval

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	chromem "github.com/philippgille/chromem-go"
	"github.com/viterin/vek/vek32"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"

	"github.com/readout/readout/text"
)

// The benchmarks in this file measure retrieval against a baseline run in
// the same process — the floor: the same scalar dot product chromem-go
// uses, on the same number of goroutines (GOMAXPROCS), over the contiguous
// block of the same vectors, with a top-k per goroutine — and report each
// result both as ns/op and as a ratio to that floor ("x-floor"), which
// holds on a noisy machine better than absolute times do. BENCHMARKS.md at
// the repository root has the commands and the figures.
//
// The record is synthetic and deterministic: invented words drawn from a
// fixed vocabulary with a Zipf distribution (so the BM25 index has
// realistic posting lengths), dates spread over four years, and vectors
// from synthEmbedder.

// synthEmbedder turns each text into a pseudo-random vector seeded by a
// hash of the text: deterministic, nearly free, and spread over the whole
// sphere like real embeddings. Its cost per chunk is a few hundred
// nanoseconds, so Sync with it measures our own code.
type synthEmbedder struct{ dim int }

func (e synthEmbedder) Name() string   { return fmt.Sprintf("synth-%d", e.dim) }
func (e synthEmbedder) Dimension() int { return e.dim }
func (e synthEmbedder) Embed(_ context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	flat := make([]float32, len(texts)*e.dim)
	for i, t := range texts {
		h := fnv.New64a()
		h.Write([]byte(t))
		v := flat[i*e.dim : (i+1)*e.dim : (i+1)*e.dim]
		fillRandom(v, h.Sum64())
		out[i] = v
	}
	return out, nil
}

// fillRandom fills v with values in [-1, 1) from a splitmix64 stream.
func fillRandom(v []float32, seed uint64) {
	x := seed
	for i := range v {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		z ^= z >> 31
		v[i] = float32(z>>40)/float32(1<<23) - 1
	}
}

// synthVocab is a fixed vocabulary of invented words, most frequent first.
var synthVocab = sync.OnceValue(func() []string { return testsupport.InventedVocabulary(text.IsStopword) })

// synthDocs returns invented documents holding at least n chunks (with the
// default chunk options) and their chunk count.
func synthDocs(n int) ([]*corpus.Document, int) { return testsupport.InventedRecord(n, synthVocab()) }

// synthQuery is a typical eight-term question: words of middling
// frequency (ranks 100 to 3,000 of the Zipf vocabulary), each found in
// between a few percent and half of the chunks.
func synthQuery() string {
	v := synthVocab()
	return strings.Join([]string{v[100], v[180], v[260], v[400], v[700], v[1100], v[1900], v[3000]}, " ")
}

// synthWindow is the date filter of the benchmarks: one year of four, so
// about a quarter of the record.
var synthWindow = SearchOptions{Since: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)}

type benchKey struct{ n, dim int }

var (
	benchMu      sync.Mutex
	benchIndexes = map[benchKey]*Index{}
	benchDocs    = map[int][]*corpus.Document{}
)

// benchIndex returns an in-memory index of the synthetic record with about
// n chunks and vectors of dim, built once per process.
func benchIndex(b *testing.B, n, dim int) *Index {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIndexes[benchKey{n, dim}]; ok {
		return ix
	}
	docs, ok := benchDocs[n]
	if !ok {
		docs, _ = synthDocs(n)
		benchDocs[n] = docs
	}
	ix, err := Open("", synthEmbedder{dim}, IndexOptions{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	st, err := ix.Sync(context.Background(), docs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("synthetic index: %d documents, %d chunks, dim %d, built in %v", len(docs), st.Chunks, dim, time.Since(start).Round(time.Millisecond))
	benchIndexes[benchKey{n, dim}] = ix
	return ix
}

// floorNsPerOp times the floor, the same kernel on the same cores
// (kernelScan with chromem-go's scalar dot product on GOMAXPROCS
// goroutines), over at least 200 ms (and at least 3 runs).
func floorNsPerOp(m []float32, dim int, q []float32, k int, allowed []bool) float64 {
	runs := 0
	start := time.Now()
	for runs < 3 || time.Since(start) < 200*time.Millisecond {
		kernelScan(m, dim, q, k, allowed, dotProduct, runtime.GOMAXPROCS(0))
		runs++
	}
	return float64(time.Since(start).Nanoseconds()) / float64(runs)
}

// allowedRows is the per-row flag of the chunks opts lets through.
func allowedRows(s *snapshot, opts SearchOptions) []bool {
	keep := s.filter(opts).keep
	if keep == nil {
		return nil
	}
	out := make([]bool, len(s.chunks))
	for i := range out {
		out[i] = keep(i)
	}
	return out
}

var benchSizes = []int{1000, 10000, 100000}

// BenchmarkRetrieval compares, at each size, dimension and filter, the
// floor, the whole retrieval step (Index.Search: query embedding, vector,
// BM25, fusion, filters, folding, coverage); BenchmarkVectorLeg holds the
// vector leg to chromem-go's own query. Heavy: run it with -run '^$'.
func BenchmarkRetrieval(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes {
		for _, dim := range []int{384, 768} {
			for _, filtered := range []bool{false, true} {
				name := fmt.Sprintf("n=%d/dim=%d/filter=%s", n, dim, map[bool]string{false: "none", true: "date"}[filtered])
				b.Run(name, func(b *testing.B) {
					ix := benchIndex(b, n, dim)
					s := ix.cur.Load()
					opts := SearchOptions{K: 10}
					if filtered {
						opts.Since, opts.Until = synthWindow.Since, synthWindow.Until
					}
					q := synthQuery()
					qv, err := ix.queryVector(ctx, q, dim)
					if err != nil {
						b.Fatal(err)
					}
					allowed := allowedRows(s, opts)
					b.Run("floor", func(b *testing.B) {
						for b.Loop() {
							kernelScan(s.vectors, dim, qv, 10, allowed, dotProduct, runtime.GOMAXPROCS(0))
						}
						b.ReportMetric(1, "x-floor")
					})
					b.Run("search", func(b *testing.B) {
						b.ReportAllocs()
						for b.Loop() {
							if _, err := ix.Search(ctx, q, opts); err != nil {
								b.Fatal(err)
							}
						}
						reportRatio(b, floorNsPerOp(s.vectors, dim, qv, 10, allowed))
					})
				})
			}
		}
	}
}

// reportRatio reports the benchmark's time per operation over the floor's,
// measured right after it in the same process.
func reportRatio(b *testing.B, floorNs float64) {
	b.Helper()
	if b.N == 0 || floorNs == 0 {
		return
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/floorNs, "x-floor")
}

// BenchmarkLexical is the BM25 search alone over the synthetic record for
// the eight-term query (target: under 10 ms at 100k chunks).
func BenchmarkLexical(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			ix := benchIndex(b, n, 384)
			s := ix.cur.Load()
			b.ReportAllocs()
			for b.Loop() {
				qt := s.lex.queryTerms(synthQuery())
				s.lex.search(qt, 50, nil)
			}
		})
	}
}

// memNow returns the bytes of heap in use after a collection.
func memNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// benchRoot holds the snapshot folders the benchmarks write, for the whole
// process (a benchmark function runs several times, and testing runs its
// cleanups after each run); TestMain removes it unless READOUT_BENCH_KEEP
// is set.
var (
	benchRoot     string
	coldStartDirs = map[benchKey]string{}
)

// TestMain runs the tests and benchmarks, then removes benchRoot.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchRoot != "" && os.Getenv("READOUT_BENCH_KEEP") == "" {
		os.RemoveAll(benchRoot)
	}
	os.Exit(code)
}

// coldStartDir writes the snapshot of the synthetic record with about n
// chunks at dim into a folder under benchRoot, once per process.
func coldStartDir(b *testing.B, n, dim int) string {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	key := benchKey{n, dim}
	if d, ok := coldStartDirs[key]; ok {
		return d
	}
	if benchRoot == "" {
		root, err := os.MkdirTemp("", "readout-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchRoot = root
	}
	dir := filepath.Join(benchRoot, fmt.Sprintf("n%d-dim%d", n, dim))
	docs, _ := synthDocs(n)
	ix, err := Open(dir, synthEmbedder{dim}, IndexOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), docs, nil); err != nil {
		b.Fatal(err)
	}
	coldStartDirs[key] = dir
	return dir
}

// BenchmarkColdStart measures Open of a 100k-chunk snapshot at 384
// dimensions (target: under 1 s) and its ratio to chromem-go's own import
// of the same chunks ("x-chromem-import"), then loads it once more in a child
// process to measure peak memory (VmHWM, the peak resident set) against the raw
// vector bytes (target: under 1.3× for what the vectors cost). Heavy: run
// it with -run '^$'. Set READOUT_BENCH_KEEP=1 to keep the snapshot folder.
func BenchmarkColdStart(b *testing.B) {
	const n, dim = 100000, 384
	dir := coldStartDir(b, n, dim)
	for b.Loop() {
		if _, err := Open(dir, synthEmbedder{dim}, IndexOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	openNs := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(openNs/chromemImportNs(b, dir, dim), "x-chromem-import")
	base := coldStartChild(b, "")
	load := coldStartChild(b, dir)
	fi, err := os.Stat(filepath.Join(dir, SnapshotFile))
	if err != nil {
		b.Fatal(err)
	}
	raw := float64(load.Chunks * dim * 4)
	b.ReportMetric(float64(load.MaxRSS)/1e6, "MB-peak-rss")
	b.ReportMetric(float64(load.MaxRSS-base.MaxRSS)/raw, "x-vectors-peak")
	b.ReportMetric(float64(load.HeapAfter)/raw, "x-vectors-live")
	b.ReportMetric(float64(load.HeapAfter-load.NonVector)/raw, "x-vectors-live-vec")
	b.Logf("snapshot %d MB, %d chunks; child: load %v, peak RSS %d MB (idle child %d MB), live heap after load %d MB of which text, lexical index and chunk tables %d MB; raw vectors %d MB",
		fi.Size()>>20, load.Chunks, load.Load, load.MaxRSS>>20, base.MaxRSS>>20, load.HeapAfter>>20, load.NonVector>>20, int64(raw)>>20)
}

// chromemImportNs is the baseline of BenchmarkColdStart: the time
// chromem-go's own persistence (ExportToFile / ImportFromFile, one gob
// stream, uncompressed) takes to load the same chunks, text and vectors, in
// this process. The export is written once beside the snapshot.
func chromemImportNs(b *testing.B, dir string, dim int) float64 {
	b.Helper()
	ctx := context.Background()
	exp := filepath.Join(dir, "chromem-export.gob")
	if _, err := os.Stat(exp); err != nil {
		ix, err := Open(dir, synthEmbedder{dim}, IndexOptions{})
		if err != nil {
			b.Fatal(err)
		}
		s := ix.cur.Load()
		db := chromem.NewDB()
		coll, err := db.CreateCollection("chunks", nil, refuseEmbedding)
		if err != nil {
			b.Fatal(err)
		}
		for i, c := range s.chunks {
			if err := coll.AddDocument(ctx, chromem.Document{ID: c.ID, Embedding: s.vector(i), Content: c.Text}); err != nil {
				b.Fatal(err)
			}
		}
		if err := db.ExportToFile(exp, false, ""); err != nil {
			b.Fatal(err)
		}
	}
	const runs = 2
	start := time.Now()
	for range runs {
		if err := chromem.NewDB().ImportFromFile(exp, ""); err != nil {
			b.Fatal(err)
		}
	}
	ns := float64(time.Since(start).Nanoseconds()) / runs
	b.Logf("chromem-go ImportFromFile of the same %d-dimension chunks: %v", dim, time.Duration(ns).Round(time.Millisecond))
	return ns
}

// coldStartReport is what TestColdStartChild prints for its parent.
type coldStartReport struct {
	Load      time.Duration
	Chunks    int
	HeapAfter int64
	// NonVector estimates the live bytes that are not vectors nor
	// chromem's per-document records: document texts, the lexical index.
	NonVector int64
	MaxRSS    int64
	// RSS is the resident set after the load (VmRSS).
	RSS int64
}

// coldStartChild runs TestColdStartChild in a new process loading dir
// ("" loads nothing: the idle baseline) and returns its report with its
// maximum resident set.
func coldStartChild(b *testing.B, dir string) coldStartReport {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestColdStartChild$", "-test.v")
	cmd.Env = append(os.Environ(), "READOUT_COLDSTART_DIR="+dir, "READOUT_COLDSTART_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("cold start child: %v\n%s", err, out)
	}
	var rep coldStartReport
	if i := strings.Index(string(out), "COLDSTART "); i >= 0 {
		line := string(out[i+len("COLDSTART "):])
		line = line[:strings.IndexByte(line, '\n')]
		if err := json.Unmarshal([]byte(line), &rep); err != nil {
			b.Fatalf("cold start child: %v: %s", err, line)
		}
	}
	return rep
}

// TestColdStartChild is BenchmarkColdStart's child process; it does
// nothing in a normal test run.
func TestColdStartChild(t *testing.T) {
	if os.Getenv("READOUT_COLDSTART_CHILD") == "" {
		t.Skip("run by BenchmarkColdStart")
	}
	dir := os.Getenv("READOUT_COLDSTART_DIR")
	var rep coldStartReport
	if dir != "" {
		hdr, err := readHeader(filepath.Join(dir, SnapshotFile))
		if err != nil {
			t.Fatal(err)
		}
		var emb Embedder = synthEmbedder{hdr.Dim}
		if b := NewBuiltinEmbedder(hdr.Dim); hdr.Embedder == b.Name() {
			emb = b // a record built by `readout index`
		}
		start := time.Now()
		ix, err := Open(dir, emb, IndexOptions{})
		if err != nil {
			t.Fatal(err)
		}
		rep.Load = time.Since(start)
		s := ix.cur.Load()
		rep.Chunks = len(s.chunks)
		rep.HeapAfter = int64(memNow())
		for _, d := range s.docs {
			rep.NonVector += int64(len(d.Text))
		}
		l := s.lex
		rep.NonVector += int64(len(l.chunk)*4 + len(l.tf)*2 + len(l.docLen)*4 + len(l.norm)*4 + len(l.off)*4)
		runtime.KeepAlive(ix)
	}
	// The peak resident set of this process alone (getrusage's maxrss of
	// a child counts the parent's pages at fork).
	if st, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(st), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				var kb int64
				fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
				rep.MaxRSS = kb * 1024
			}
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				var kb int64
				fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
				rep.RSS = kb * 1024
			}
		}
	}
	js, _ := json.Marshal(rep)
	fmt.Printf("COLDSTART %s\n", js)
}

// BenchmarkSync measures indexing throughput. "zero-latency" re-embeds the
// synthetic record with synthEmbedder, whose cost is negligible: what is
// left is our own cost per chunk (splitting, batching, normalising, the
// chromem collection, the BM25 index, the snapshot file). "latency" embeds
// through the fake OpenAI server adding 20 ms to every request, and
// compares with the embedder alone doing the same requests with the same
// batch size and concurrency ("embedder-share": the share of the
// embedder's own throughput that Sync reaches; target above 0.9).
func BenchmarkSync(b *testing.B) {
	ctx := context.Background()
	b.Run("zero-latency/n=10000", func(b *testing.B) {
		docs, _ := synthDocs(10000)
		ix, err := Open(b.TempDir(), synthEmbedder{384}, IndexOptions{})
		if err != nil {
			b.Fatal(err)
		}
		var chunks int
		for b.Loop() {
			st, err := ix.Rebuild(ctx, docs, nil)
			if err != nil {
				b.Fatal(err)
			}
			chunks = st.Chunks
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chunks), "ns/chunk")
	})
	b.Run("latency=20ms/n=3000", func(b *testing.B) {
		fake := testsupport.NewOpenAI(b, testsupport.WithEmbeddingDim(384))
		fake.SetFault(testsupport.Fault{Kind: testsupport.FaultLatency, Endpoint: testsupport.EndpointEmbeddings, Delay: 20 * time.Millisecond})
		emb, err := NewOpenAIEmbedder(OpenAIEmbedderConfig{BaseURL: fake.URL(), Model: "fake-embed"})
		if err != nil {
			b.Fatal(err)
		}
		docs, _ := synthDocs(3000)
		opts := IndexOptions{}
		ix, err := Open(b.TempDir(), emb, opts)
		if err != nil {
			b.Fatal(err)
		}
		var texts []string
		for _, d := range docs {
			for _, c := range corpus.Split(d, corpus.ChunkOptions{}) {
				texts = append(texts, passageText(d, c))
			}
		}
		for b.Loop() {
			if _, err := ix.Rebuild(ctx, docs, nil); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		syncNs := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		// The embedder alone: the same batches (64) two at a time, as
		// Sync's defaults send them.
		start := time.Now()
		for range b.N {
			sem := make(chan struct{}, 2)
			var wg sync.WaitGroup
			for s := 0; s < len(texts); s += 64 {
				sem <- struct{}{}
				wg.Add(1)
				go func(s int) {
					defer wg.Done()
					defer func() { <-sem }()
					if _, err := emb.Embed(ctx, texts[s:min(s+64, len(texts))]); err != nil {
						b.Error(err)
					}
				}(s)
			}
			wg.Wait()
		}
		aloneNs := float64(time.Since(start).Nanoseconds()) / float64(b.N)
		b.ReportMetric(aloneNs/syncNs, "embedder-share")
		b.ReportMetric(float64(len(texts))/(syncNs/1e9), "chunks/s")
	})
}

// BenchmarkResyncUnchanged re-indexes an unchanged 100k-chunk record:
// nothing may be embedded (target: under 2 s). "live" syncs the index that
// built the snapshot; "reopened" opens the folder first, as a restarted
// process would, and counts only the Sync.
func BenchmarkResyncUnchanged(b *testing.B) {
	ctx := context.Background()
	const n, dim = 100000, 384
	dir := coldStartDir(b, n, dim)
	docs, _ := synthDocs(n)
	emb := &countingEmbedder{Embedder: synthEmbedder{dim}}
	b.Run("live", func(b *testing.B) {
		ix, err := Open(dir, emb, IndexOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			st, err := ix.Sync(ctx, docs, nil)
			if err != nil {
				b.Fatal(err)
			}
			if st.Embedded != 0 || emb.texts.Load() != 0 {
				b.Fatalf("an unchanged record embedded %d chunks", st.Embedded)
			}
		}
	})
	b.Run("reopened", func(b *testing.B) {
		for b.Loop() {
			ix, err := Open(dir, emb, IndexOptions{})
			if err != nil {
				b.Fatal(err)
			}
			st, err := ix.Sync(ctx, docs, nil)
			if err != nil {
				b.Fatal(err)
			}
			if st.Embedded != 0 || emb.texts.Load() != 0 {
				b.Fatalf("an unchanged record embedded %d chunks", st.Embedded)
			}
		}
	})
}

// kernelScan is the reference the vector leg is held to: the rows of the
// contiguous block that allowed admits (nil: all), scored with dot on
// workers goroutines over contiguous parts, a top-k per goroutine, merged.
// With chromem-go's own scalar dot product and GOMAXPROCS workers it is
// "the same kernel on the same cores" without chromem's map walk, channel
// and per-document lock.
func kernelScan(m []float32, dim int, q []float32, k int, allowed []bool, dot func(a, b []float32) float32, workers int) []scored {
	rows := len(m) / dim
	tops := make([]topK, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := rows*w/workers, rows*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := topK{n: k, items: make([]scored, 0, k)}
			for i := lo; i < hi; i++ {
				if allowed != nil && !allowed[i] {
					continue
				}
				s := float64(dot(q, m[i*dim:(i+1)*dim:(i+1)*dim]))
				if len(t.items) < k || s > t.items[0].score {
					t.push(scored{chunk: int32(i), score: s})
				}
			}
			tops[w] = t
		}()
	}
	wg.Wait()
	var out []scored
	for _, t := range tops {
		out = append(out, t.items...)
	}
	sortScored(out)
	return out[:min(k, len(out))]
}

// legCase is one filter of BenchmarkVectorLeg.
type legCase struct {
	name string
	opts SearchOptions
}

// BenchmarkVectorLeg holds the vector leg (vectorSearch, top 50) to its
// baselines, timed in interleaved rounds in this process so that the load
// of a shared machine falls on all of them alike: chromem-go's own
// QueryEmbedding over the same collections (the leg's target is within
// 1.1× of it), and the same scalar kernel scanning the contiguous block on
// the same cores ("kernel": what chromem's map walk, channel and lock
// cost), and a SIMD dot product (vek32.Dot, AVX2) on one core and on all,
// the figure closer to what the hardware allows. Filters: none, one year (the period layout's gain, as a ratio to
// the unfiltered leg) and a speaker. The record is the synthetic one of
// 100k chunks at 384 dimensions, or the snapshot in the folder
// READOUT_BENCH_DATA (built by `readout index` with the builtin embedder).
// Each iteration is one round of every contender and filter; the metrics
// are ratios of medians. Run it with -run '^$' -bench VectorLeg
// -benchtime=40x.
func BenchmarkVectorLeg(b *testing.B) {
	ctx := context.Background()
	var ix *Index
	if dir := os.Getenv("READOUT_BENCH_DATA"); dir != "" {
		hdr, err := readHeader(filepath.Join(dir, SnapshotFile))
		if err != nil {
			b.Fatal(err)
		}
		if ix, err = Open(dir, NewBuiltinEmbedder(hdr.Dim), IndexOptions{}); err != nil {
			b.Fatal(err)
		}
	} else {
		ix = benchIndex(b, 100000, 384)
	}
	s := ix.cur.Load()
	const n = 50
	qv, err := ix.queryVector(ctx, "what did the spokesperson say about the bridge talks and the ceasefire", s.dim)
	if err != nil || qv == nil {
		b.Fatalf("query vector: %v", err)
	}
	// The year of the most chunks, and the speaker of the first document
	// that names one.
	years := map[string]int{}
	for _, p := range s.periods {
		years[p.name] = p.chunks
	}
	year, most := "", 0
	for y, c := range years {
		if y != "undated" && c > most {
			year, most = y, c
		}
	}
	cases := []legCase{{"all", SearchOptions{}}}
	if y, err := time.Parse("2006", year); err == nil {
		cases = append(cases, legCase{"year " + year, SearchOptions{Since: y, Until: y.AddDate(1, 0, -1)}})
	}
	for _, d := range s.docs {
		if len(d.Speakers) > 0 {
			cases = append(cases, legCase{"speaker " + d.Speakers[0].Name, SearchOptions{Speaker: d.Speakers[0].Name}})
			break
		}
	}
	type contender struct {
		name string
		run  func(f rowFilter, allowed []bool)
	}
	contenders := []contender{
		{"leg", func(f rowFilter, _ []bool) {
			if _, err := s.vectorSearch(ctx, qv, n, f); err != nil {
				b.Fatal(err)
			}
		}},
		{"chromem", func(f rowFilter, _ []bool) {
			for _, p := range s.periods {
				if f.byDate && !p.meets(f.since, f.until) {
					continue
				}
				if _, err := p.coll.QueryEmbedding(ctx, qv, min(n, p.chunks), nil, nil); err != nil {
					b.Fatal(err)
				}
			}
		}},
		{"kernel", func(_ rowFilter, allowed []bool) {
			kernelScan(s.vectors, s.dim, qv, n, allowed, dotProduct, runtime.GOMAXPROCS(0))
		}},
		{"simd-1", func(_ rowFilter, allowed []bool) {
			kernelScan(s.vectors, s.dim, qv, n, allowed, vek32.Dot, 1)
		}},
		{"simd", func(_ rowFilter, allowed []bool) {
			kernelScan(s.vectors, s.dim, qv, n, allowed, vek32.Dot, runtime.GOMAXPROCS(0))
		}},
	}
	filters := make([]rowFilter, len(cases))
	allowed := make([][]bool, len(cases))
	for i, c := range cases {
		filters[i] = s.filter(c.opts)
		allowed[i] = allowedRows(s, c.opts)
	}
	times := make([][][]float64, len(cases))
	for i := range times {
		times[i] = make([][]float64, len(contenders))
	}
	for b.Loop() {
		for i := range cases {
			for j, c := range contenders {
				start := time.Now()
				c.run(filters[i], allowed[i])
				times[i][j] = append(times[i][j], float64(time.Since(start).Nanoseconds()))
			}
		}
	}
	med := func(x []float64) float64 {
		x = slices.Clone(x)
		slices.Sort(x)
		return x[len(x)/2]
	}
	load, _ := os.ReadFile("/proc/loadavg")
	b.Logf("%d chunks × %d, %d periods, GOMAXPROCS %d, load %s", len(s.chunks), s.dim, len(s.periods), runtime.GOMAXPROCS(0), strings.Fields(string(load))[0])
	allLeg := med(times[0][0])
	for i, c := range cases {
		leg, chr, ker, simd1, simd := med(times[i][0]), med(times[i][1]), med(times[i][2]), med(times[i][3]), med(times[i][4])
		b.Logf("%-24s %6d chunks: leg %7.2f ms = %.2f× chromem QueryEmbedding %7.2f ms = %.2f× the kernel %6.2f ms; SIMD %6.2f ms on one core, %6.2f ms on all; leg %.2f× the unfiltered leg",
			c.name, filters[i].allowed, leg/1e6, leg/chr, chr/1e6, chr/ker, ker/1e6, simd1/1e6, simd/1e6, leg/allLeg)
		b.ReportMetric(ker/simd1, "x-simd1-kernel-"+strings.Fields(c.name)[0])
		key := strings.Fields(c.name)[0]
		b.ReportMetric(leg/chr, "x-chromem-"+key)
		if i > 0 {
			b.ReportMetric(leg/allLeg, "x-unfiltered-"+key)
		}
	}
	b.ReportMetric(allLeg/1e6, "ms-leg-all")
}

// BenchmarkOpenRecord measures Open of the snapshot in the folder
// READOUT_BENCH_DATA (built by `readout index` with the builtin embedder),
// the part of a one-shot `readout ask` before the question is searched,
// then opens it once more in a fresh process for its resident set after
// opening; it skips without the variable. Profile it with -cpuprofile.
func BenchmarkOpenRecord(b *testing.B) {
	dir := os.Getenv("READOUT_BENCH_DATA")
	if dir == "" {
		b.Skip("set READOUT_BENCH_DATA to a data folder")
	}
	hdr, err := readHeader(filepath.Join(dir, SnapshotFile))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Open(dir, NewBuiltinEmbedder(hdr.Dim), IndexOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// Memory in a fresh process (this one holds every iteration's
	// mapping), against the target of 1.3× the raw vectors + 64 MiB.
	load := coldStartChild(b, dir)
	raw := float64(load.Chunks * hdr.Dim * 4)
	b.ReportMetric(float64(load.RSS)/(1<<20), "MiB-rss-after-open")
	b.ReportMetric(float64(load.MaxRSS)/(1<<20), "MiB-peak-rss")
	b.ReportMetric(float64(load.RSS)/(1.3*raw+64<<20), "x-rss-target")
	b.Logf("child: open %v, RSS after %d MiB, peak %d MiB, live heap %d MiB; raw vectors %d MiB",
		load.Load, load.RSS>>20, load.MaxRSS>>20, load.HeapAfter>>20, int64(raw)>>20)
}
