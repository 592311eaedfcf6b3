package retrieval

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/readout/readout/text"
)

// BM25 parameters: the usual values, which suit passages of a few hundred
// words.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// lexicalIndex is a BM25 inverted index over a snapshot's chunks, built
// with Terms so it agrees with the builtin embedder. It is immutable once
// built and safe for concurrent use.
type lexicalIndex struct {
	vocab map[string]int32
	// Postings in compressed-row form: the postings of term t are
	// chunk[off[t]:off[t+1]] with term frequencies tf[off[t]:off[t+1]],
	// sorted by chunk.
	off   []int32
	chunk []int32
	tf    []uint16
	// docLen is each chunk's number of terms.
	docLen []int32
	avgLen float64
	// norm is BM25's length normalisation of each chunk,
	// k1·(1 − b + b·len/avgLen), computed once so a query does only a
	// multiply-add and a divide per posting.
	norm []float32
	// scratch holds *lexScratch for queries, so a query allocates nothing
	// in proportion to the record.
	scratch sync.Pool
}

// lexScratch is one query's working memory: a score accumulator of
// numChunks entries, all zero whenever it is in the pool, and the list of
// chunks a query touched.
type lexScratch struct {
	acc     []float32
	touched []int32
}

// setLengths sets docLen's derived values: avgLen and norm.
func (ix *lexicalIndex) setLengths() {
	var total int64
	for _, l := range ix.docLen {
		total += int64(l)
	}
	ix.avgLen = 0
	if len(ix.docLen) > 0 {
		ix.avgLen = float64(total) / float64(len(ix.docLen))
	}
	ix.norm = make([]float32, len(ix.docLen))
	for i, l := range ix.docLen {
		ix.norm[i] = float32(bm25K1 * (1 - bm25B + bm25B*float64(l)/ix.avgLen))
	}
}

// buildLexical indexes texts (one per chunk, in chunk order).
func buildLexical(texts []string) *lexicalIndex {
	n := len(texts)
	// Tokenising is the expensive part: spread it over the CPUs, then
	// number the terms in one pass so term ids do not depend on timing.
	terms := make([][]string, n)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				terms[i] = text.Terms(texts[i])
			}
		}(w)
	}
	wg.Wait()

	ix := &lexicalIndex{vocab: make(map[string]int32), docLen: make([]int32, n)}
	type tc struct{ term, count int32 }
	perChunk := make([][]tc, n)
	var df []int32
	local := make(map[int32]int32)
	for i, ts := range terms {
		clear(local)
		for _, t := range ts {
			id, ok := ix.vocab[t]
			if !ok {
				id = int32(len(ix.vocab))
				ix.vocab[t] = id
				df = append(df, 0)
			}
			local[id]++
		}
		list := make([]tc, 0, len(local))
		for id, c := range local {
			list = append(list, tc{id, c})
			df[id]++
		}
		perChunk[i] = list
		ix.docLen[i] = int32(len(ts))
		terms[i] = nil
	}
	ix.setLengths()
	ix.off = make([]int32, len(df)+1)
	for t, d := range df {
		ix.off[t+1] = ix.off[t] + d
	}
	ix.chunk = make([]int32, ix.off[len(df)])
	ix.tf = make([]uint16, ix.off[len(df)])
	fill := slices.Clone(ix.off[:len(df)])
	// Visiting chunks in order keeps every posting list sorted by chunk.
	for i, list := range perChunk {
		for _, p := range list {
			j := fill[p.term]
			ix.chunk[j] = int32(i)
			ix.tf[j] = uint16(min(p.count, math.MaxUint16))
			fill[p.term]++
		}
	}
	return ix
}

// numChunks is the number of indexed chunks.
func (ix *lexicalIndex) numChunks() int { return len(ix.docLen) }

// idf is BM25's inverse document frequency; a term in no chunk gets the
// highest value, which is what makes questions about absent things score
// low coverage.
func (ix *lexicalIndex) idf(df int) float64 {
	n := float64(ix.numChunks())
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// queryTerm is one distinct informative term of a query.
type queryTerm struct {
	term   string
	id     int32 // -1 when not in the vocabulary
	weight float64
}

// queryTerms returns the distinct terms of query with their IDF weights.
func (ix *lexicalIndex) queryTerms(query string) []queryTerm {
	var out []queryTerm
	seen := make(map[string]bool)
	for _, t := range text.Terms(query) {
		if seen[t] {
			continue
		}
		seen[t] = true
		id, ok := ix.vocab[t]
		df := 0
		if ok {
			df = int(ix.off[id+1] - ix.off[id])
		} else {
			id = -1
		}
		out = append(out, queryTerm{term: t, id: id, weight: ix.idf(df)})
	}
	return out
}

// scored is a chunk with a score.
type scored struct {
	chunk int32
	score float64
}

// search returns up to n chunks ranked by BM25 for the query terms, keeping
// only chunks for which keep returns true (nil keeps all). Ties are broken
// by chunk order, which follows chunk IDs.
func (ix *lexicalIndex) search(q []queryTerm, n int, keep func(int) bool) []scored {
	if n <= 0 || ix.numChunks() == 0 {
		return nil
	}
	// A dense accumulator beats a map once common terms touch a large
	// share of the chunks; touched remembers which ones to read back and
	// to zero again before the accumulator returns to the pool.
	sc, _ := ix.scratch.Get().(*lexScratch)
	if sc == nil {
		sc = &lexScratch{acc: make([]float32, ix.numChunks())}
	}
	acc, touched := sc.acc, sc.touched[:0]
	for _, t := range q {
		if t.id < 0 {
			continue
		}
		lo, hi := ix.off[t.id], ix.off[t.id+1]
		chunks, tfs := ix.chunk[lo:hi], ix.tf[lo:hi]
		tfs = tfs[:len(chunks)]
		w := float32(t.weight * (bm25K1 + 1))
		for j, c := range chunks {
			tf := float32(tfs[j])
			if acc[c] == 0 {
				touched = append(touched, c)
			}
			acc[c] += w * tf / (tf + ix.norm[c])
		}
	}
	top := topK{n: n, items: make([]scored, 0, min(n, len(touched)))}
	for _, c := range touched {
		if keep == nil || keep(int(c)) {
			s := float64(acc[c])
			if len(top.items) < n || s >= top.items[0].score {
				top.push(scored{c, s})
			}
		}
		acc[c] = 0
	}
	sc.touched = touched
	ix.scratch.Put(sc)
	return top.sorted()
}

// contains reports whether term id occurs in chunk c (binary search in its
// sorted posting list).
func (ix *lexicalIndex) contains(id, c int32) bool {
	list := ix.chunk[ix.off[id]:ix.off[id+1]]
	_, found := slices.BinarySearch(list, c)
	return found
}

// appendTo appends the index in its stored form: the vocabulary (terms by
// id, each uvarint length + bytes), then per term its document frequency,
// then the postings as uvarint deltas of chunk numbers with uvarint term
// frequencies, then the chunk lengths. Rebuilding from the texts at load
// took about 2 s for the White House record on 2 cores; decoding this takes
// a small fraction of it.
func (ix *lexicalIndex) appendTo(b []byte) []byte {
	terms := make([]string, len(ix.vocab))
	for t, id := range ix.vocab {
		terms[id] = t
	}
	b = binary.AppendUvarint(b, uint64(len(terms)))
	b = binary.AppendUvarint(b, uint64(len(ix.docLen)))
	for _, t := range terms {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	for t := range terms {
		b = binary.AppendUvarint(b, uint64(ix.off[t+1]-ix.off[t]))
	}
	for t := range terms {
		prev := int32(-1)
		for j := ix.off[t]; j < ix.off[t+1]; j++ {
			b = binary.AppendUvarint(b, uint64(ix.chunk[j]-prev))
			b = binary.AppendUvarint(b, uint64(ix.tf[j]))
			prev = ix.chunk[j]
		}
	}
	for _, l := range ix.docLen {
		b = binary.AppendUvarint(b, uint64(l))
	}
	return b
}

// decodeLexical reads what appendTo wrote for an index of nChunks chunks.
func decodeLexical(b []byte, nChunks int) (*lexicalIndex, error) {
	errShort := errors.New("lexical index truncated")
	next := func() (uint64, error) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, errShort
		}
		b = b[n:]
		return v, nil
	}
	nTerms, err := next()
	if err != nil {
		return nil, err
	}
	nc, err := next()
	if err != nil {
		return nil, err
	}
	if int(nc) != nChunks || nTerms > uint64(len(b)) {
		return nil, fmt.Errorf("lexical index counts (%d terms, %d chunks) do not match %d chunks", nTerms, nc, nChunks)
	}
	ix := &lexicalIndex{vocab: make(map[string]int32, nTerms), off: make([]int32, nTerms+1), docLen: make([]int32, nChunks)}
	for t := range int32(nTerms) {
		l, err := next()
		if err != nil || l > uint64(len(b)) {
			return nil, errShort
		}
		ix.vocab[string(b[:l])] = t
		b = b[l:]
	}
	for t := range nTerms {
		df, err := next()
		if err != nil || df > uint64(nChunks) {
			return nil, errShort
		}
		ix.off[t+1] = ix.off[t] + int32(df)
	}
	total := ix.off[nTerms]
	ix.chunk = make([]int32, total)
	ix.tf = make([]uint16, total)
	for t := range nTerms {
		prev := int64(-1)
		for j := ix.off[t]; j < ix.off[t+1]; j++ {
			d, err := next()
			if err != nil {
				return nil, err
			}
			tf, err := next()
			if err != nil {
				return nil, err
			}
			c := prev + int64(d)
			if d == 0 || c >= int64(nChunks) || tf > math.MaxUint16 {
				return nil, errors.New("lexical index posting out of range")
			}
			ix.chunk[j], ix.tf[j] = int32(c), uint16(tf)
			prev = c
		}
	}
	for i := range ix.docLen {
		l, err := next()
		if err != nil {
			return nil, err
		}
		ix.docLen[i] = int32(l)
	}
	if len(b) != 0 {
		return nil, errors.New("unexpected bytes after the lexical index")
	}
	ix.setLengths()
	return ix, nil
}
