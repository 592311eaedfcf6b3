package retrieval

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

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
	spellState
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
	return buildLexicalFunc(len(texts), func(i int) string { return texts[i] })
}

// lexBlock is how many chunks a tokenising worker takes at a time.
const lexBlock = 512

// buildLexicalFunc indexes n chunks whose texts textAt returns (called
// once per chunk, from several goroutines). Tokenising, the expensive
// part, runs on every CPU a block of chunks at a time; the blocks are
// numbered in chunk order, so term ids do not depend on timing, and each
// block's term lists are dropped once counted: memory holds the blocks in
// flight, not every chunk's terms.
func buildLexicalFunc(n int, textAt func(int) string) *lexicalIndex {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64))
	nBlocks := (n + lexBlock - 1) / lexBlock
	blocks := make([]chan [][]string, nBlocks)
	for b := range blocks {
		blocks[b] = make(chan [][]string, 1)
	}
	// At most 2×workers blocks tokenised ahead of the counting.
	ahead := make(chan struct{}, 2*workers)
	var next atomic.Int64
	for range workers {
		go func() {
			for {
				// Take a place before a block number, so the places are
				// held by the oldest blocks not yet counted.
				ahead <- struct{}{}
				b := int(next.Add(1) - 1)
				if b >= nBlocks {
					<-ahead
					return
				}
				lo, hi := b*lexBlock, min((b+1)*lexBlock, n)
				out := make([][]string, hi-lo)
				for i := lo; i < hi; i++ {
					out[i-lo] = text.Terms(textAt(i))
				}
				blocks[b] <- out
			}
		}()
	}

	ix := &lexicalIndex{vocab: make(map[string]int32), docLen: make([]int32, n)}
	type tc struct{ term, count int32 }
	// Every chunk's (term, count) pairs, in chunk order, in blocks of
	// pairBlock; chunk i's are at positions start[i] to start[i+1]. Blocks,
	// not one slice: growing one slice of ten million pairs holds the old
	// array beside the new one at every step (about 70 MiB more at the
	// peak of indexing the White House record), and a block can be
	// dropped as soon as the postings are filled from it.
	const pairBlock = 1 << 16
	var pairs [][]tc
	npairs := 0
	start := make([]int, n+1)
	var df []int32
	local := make(map[int32]int32)
	for b := range blocks {
		terms := <-blocks[b]
		<-ahead
		for k, ts := range terms {
			i := b*lexBlock + k
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
			for id, c := range local {
				if npairs%pairBlock == 0 {
					pairs = append(pairs, make([]tc, 0, pairBlock))
				}
				pairs[len(pairs)-1] = append(pairs[len(pairs)-1], tc{id, c})
				npairs++
				df[id]++
			}
			ix.docLen[i] = int32(len(ts))
			start[i+1] = npairs
		}
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
	for i := range n {
		for k := start[i]; k < start[i+1]; k++ {
			p := pairs[k/pairBlock][k%pairBlock]
			if k%pairBlock == pairBlock-1 {
				pairs[k/pairBlock] = nil // read to its end
			}
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
	// alts are other terms whose passages count as the term's: a much
	// more frequent term one or two edits from a rare term (spelling.go),
	// the words a chat abbreviation stands for, an abbreviation the record
	// defines and its long form (abbrev.go).
	alts []int32
	// phrase is the chunks, sorted, that hold every term of the long form
	// of the abbreviation the term is (abbrev.go); they count as holding
	// the term.
	phrase []int32
	// typed is the stem as the query had it when term is its correction,
	// else "".
	typed string
	// syn are the record's terms that are synonyms of the term
	// (text.TermSynonyms): their passages count as the
	// term's at synonymWeight.
	syn []int32
}

// SynonymShare is the share of a query term's weight that a passage
// holding only one of its synonyms gets, in the BM25 score and in
// coverage (TermMatch.Share). A synonym is a guess at the sense ("duty"
// may be a tariff or an obligation), so it counts for less than the word
// itself. Measured with the sentence scorer's Weights.Synonym at 1 (main
// ec9e298, /tmp/wh7; dev 140, fresh 78, 66 decision probes of sessions
// 4–7): 0.3 → answer-contains 79/102, 45/69, 29/35; 0.5 → 80, 45, 29,
// fresh cite-hit@5 0.91 (0.90 at 0.3); 0.8 → 81, 45, 29 but 4 wrong
// declines on dev instead of 2 and one probe out of scope answered.
const SynonymShare = 0.5

// queryTerms returns the distinct terms of query with their IDF weights,
// as the query spells them.
func (ix *lexicalIndex) queryTerms(query string) []queryTerm {
	q, _ := ix.correctedTerms(query, false, nil)
	return q
}

// correctedTerms returns the distinct terms of query with their IDF
// weights. With correct, a chat abbreviation stands for the words it
// abbreviates (text.ChatExpansion; its rarest term the record holds
// counts as it), a word the index does not hold is replaced by its
// correction, and a rare one is given its frequent neighbour as an
// alternative (spelling.go). With forms, an abbreviation the record
// defines counts the passages that hold its long form's every word, and
// its other spelling ("evs"), as its own, and each word of a long form
// counts its abbreviation (abbrev.go); a demonym counts its place when
// the record writes both as names (text.DemonymPlaces: "iranians" and
// "Iran"). fixes maps each word of the
// query so changed (lower case, as text.Words writes it) to the words
// that replace it in the vector query.
func (ix *lexicalIndex) correctedTerms(query string, correct bool, forms *recordForms) (out []queryTerm, fixes map[string]string) {
	var abbrevs *abbrevTable
	if forms != nil {
		abbrevs = forms.abbrevs
	}
	seen := make(map[string]bool)
	fix := func(w, by string) {
		if fixes == nil {
			fixes = map[string]string{}
		}
		fixes[w] = by
	}
	prev := ""
	text.EachWord(query, func(w string) {
		before := prev
		prev = w
		var exp []string
		if correct {
			exp = text.ChatExpansion(w)
			if b, ok := strings.CutSuffix(w, "s"); ok && exp == nil {
				exp = text.ChatExpansion(b) // "doj's", typed "dojs"
			}
		}
		var ab *abbrev
		if correct && exp == nil && !text.IsStopword(w) {
			ab = abbrevs.lookup(w)
		}
		if text.IsStopword(w) && exp == nil {
			return
		}
		t := text.Stem(w)
		if seen[t] {
			return
		}
		id, ok := ix.vocab[t]
		df := 0
		if ok {
			df = ix.df(id)
		} else {
			id = -1
		}
		if correct && exp == nil && ab == nil && df < spellMinDF && text.StopwordSlip(w) && !(text.IsTitleWord(before) && !text.IsConnector(before)) {
			// "how worried ppl shoud be": a function word typed with a
			// slip, which no passage holds or only the record's own typos
			// do ("thier", in fewer than spellMinDF passages), is no word
			// of what is asked; after a title ("senator wold") it is a
			// name.
			return
		}
		q := queryTerm{term: t, id: id, weight: ix.idf(df)}
		var c int32 = -1
		switch {
		case exp != nil:
			fix(w, strings.Join(exp, " "))
			c = ix.rarestTerm(exp)
			if c < 0 && (id < 0 || text.IsStopword(w)) {
				return // "abt": a stopword; "ppl" where the record has no "people"
			}
		case correct:
			if cc, ok := ix.correction(w, t, df); ok {
				c = cc
				if ct := ix.spellerOf().terms[c]; text.Stem(ct) == ct {
					fix(w, ct)
				}
			}
		}
		seen[t] = true
		if c >= 0 {
			ct := ix.spellerOf().terms[c]
			if id < 0 || text.IsStopword(w) {
				if seen[ct] {
					return
				}
				seen[ct] = true
				q = queryTerm{term: ct, id: c, weight: ix.idf(ix.df(c)), typed: t}
			} else if c != id {
				q.alts = []int32{c}
				q.weight = ix.idf(df + ix.df(c))
			}
		}
		if ab != nil {
			fix(w, ab.longWords)
			q.phrase = ix.holdingAll(ab.long)
			ix.addAlts(&q, ab.shortIDs)
		} else if correct && forms != nil && forms.named != nil && (exp != nil || !text.IsStopword(w)) {
			base := w
			if exp != nil {
				// "nk" stands for "north korean": "North Korea" counts too.
				// With "feds", "gop", "nk", "sk" read (text.ChatExpansion),
				// measured on main a3a5291 (/tmp/wh6): eval/dev.jsonl wrong
				// declines 3/117 -> 2/117 ("what share did the feds pay for
				// louisiana's winter storm emergency"), cite-hit@5 0.94 both;
				// the casual probes (/tmp/ret4-probe.jsonl) one wrong decline
				// fewer ("how many nk troops ..."), cite-hit@5 0.82 both.
				if c < 0 {
					return
				}
				base = ix.spellerOf().terms[c]
			}
			for _, f := range text.DemonymPlaces(base) {
				if fid, ok := ix.vocab[f]; ok && ix.df(fid) >= spellMinDF && (q.id < 0 || forms.named(q.id)) && forms.named(fid) {
					ix.addAlts(&q, []int32{fid})
				}
			}
		}
		out = append(out, q)
	})
	if correct && abbrevs != nil {
		// A passage that writes the abbreviation holds every word of its
		// long form.
		for _, a := range abbrevs.longForms(text.Terms(query)) {
			for i := range out {
				if slices.Contains(a.long, out[i].term) {
					ix.addAlts(&out[i], a.shortIDs)
				}
			}
		}
	}
	return out, fixes
}

// addAlts adds ids to q's alternatives (those it does not hold already)
// and weighs q by the passages that hold it or any alternative.
func (ix *lexicalIndex) addAlts(q *queryTerm, ids []int32) {
	for _, id := range ids {
		if id >= 0 && id != q.id && !slices.Contains(q.alts, id) {
			q.alts = append(q.alts, id)
		}
	}
	if q.id < 0 && len(q.alts) > 0 {
		q.id, q.alts = q.alts[0], q.alts[1:]
	}
	df := 0
	if q.id >= 0 {
		df = ix.df(q.id)
	}
	for _, a := range q.alts {
		df += ix.df(a)
	}
	q.weight = ix.idf(df + len(q.phrase))
}

// withSynonyms gives each of q's terms that asked holds the synonyms of
// it there (text.TermSynonyms) that the record holds. asked is the
// question as the user wrote it: a follow-up's rewrite adds words of the
// conversation, already searched in their own turn, which are not given
// synonyms again (measured: "sent" of a previous question brought
// "directed", and the follow-up's answer another passage).
func (ix *lexicalIndex) withSynonyms(q []queryTerm, asked string) {
	syns := text.TermSynonyms(asked)
	if len(syns) == 0 {
		return
	}
	for i := range q {
		t := q[i].term
		if q[i].typed != "" {
			t = q[i].typed
		}
		ix.addSynonyms(&q[i], syns[t])
	}
}

// addSynonyms adds to q the terms of syns (stems) the record holds that
// q does not count already.
func (ix *lexicalIndex) addSynonyms(q *queryTerm, syns []string) {
	for _, v := range syns {
		id, ok := ix.vocab[v]
		if !ok || id == q.id || slices.Contains(q.alts, id) || slices.Contains(q.syn, id) {
			continue
		}
		q.syn = append(q.syn, id)
	}
}

// holdingAll returns the chunks, sorted, that hold every one of terms
// (stems); none when the index lacks one of them.
func (ix *lexicalIndex) holdingAll(terms []string) []int32 {
	var out []int32
	for i, t := range terms {
		id, ok := ix.vocab[t]
		if !ok {
			return nil
		}
		list := ix.chunk[ix.off[id]:ix.off[id+1]]
		if i == 0 {
			out = slices.Clone(list)
			continue
		}
		kept := out[:0]
		for _, c := range out {
			if _, found := slices.BinarySearch(list, c); found {
				kept = append(kept, c)
			}
		}
		out = kept
	}
	return out
}

// rarestTerm returns the id of the rarest term of words that the index
// holds, -1 when it holds none.
func (ix *lexicalIndex) rarestTerm(words []string) int32 {
	best, bestDF := int32(-1), 0
	for _, w := range words {
		if text.IsStopword(w) {
			continue
		}
		if id, ok := ix.vocab[text.Stem(w)]; ok && (best < 0 || ix.df(id) < bestDF) {
			best, bestDF = id, ix.df(id)
		}
	}
	return best
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
		w := float32(t.weight * (bm25K1 + 1))
		for k := -1; k < len(t.alts); k++ {
			id := t.id
			if k >= 0 {
				id = t.alts[k]
			}
			if id >= 0 {
				touched = ix.accumulate(acc, touched, id, w)
			}
		}
		for _, c := range t.phrase {
			if acc[c] == 0 {
				touched = append(touched, c)
			}
			acc[c] += w / (1 + ix.norm[c])
		}
		for _, id := range t.syn {
			touched = ix.accumulate(acc, touched, id, w*SynonymShare)
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

// containsAny reports whether chunk c holds query term t or one of its
// alternatives.
func (ix *lexicalIndex) containsAny(t queryTerm, c int32) bool {
	if t.id >= 0 && ix.contains(t.id, c) {
		return true
	}
	for _, a := range t.alts {
		if ix.contains(a, c) {
			return true
		}
	}
	_, found := slices.BinarySearch(t.phrase, c)
	return found
}

// accumulate adds term id's BM25 share, at weight w, to the score of each
// chunk that holds it, and returns touched with the chunks scored first
// now.
func (ix *lexicalIndex) accumulate(acc []float32, touched []int32, id int32, w float32) []int32 {
	lo, hi := ix.off[id], ix.off[id+1]
	chunks, tfs := ix.chunk[lo:hi], ix.tf[lo:hi]
	tfs = tfs[:len(chunks)]
	for j, c := range chunks {
		tf := float32(tfs[j])
		if acc[c] == 0 {
			touched = append(touched, c)
		}
		acc[c] += w * tf / (tf + ix.norm[c])
	}
	return touched
}

// containsSynonym reports whether chunk c holds one of t's synonyms.
func (ix *lexicalIndex) containsSynonym(t queryTerm, c int32) bool {
	return slices.ContainsFunc(t.syn, func(id int32) bool { return ix.contains(id, c) })
}

// contains reports whether term id occurs in chunk c (binary search in its
// sorted posting list).
func (ix *lexicalIndex) contains(id, c int32) bool {
	list := ix.chunk[ix.off[id]:ix.off[id+1]]
	_, found := slices.BinarySearch(list, c)
	return found
}

// The BM25 index as stored (the snapshot's lexical section), laid out to
// be used in place: four little-endian uint32 counts (terms, chunks,
// postings, bytes of term text), then the arrays off, chunk and docLen
// (int32), termOff (uint32, where each term's text starts), tf (uint16),
// zero padding to four bytes, and the terms' text. Every array starts four
// bytes aligned when the section does.

// writeTo writes the index in the stored layout.
func (ix *lexicalIndex) writeTo(w io.Writer) error {
	terms := make([]string, len(ix.vocab))
	for t, id := range ix.vocab {
		terms[id] = t
	}
	termOff := make([]uint32, len(terms)+1)
	for i, t := range terms {
		termOff[i+1] = termOff[i] + uint32(len(t))
	}
	var hdr [16]byte
	for i, v := range []int{len(terms), len(ix.docLen), len(ix.chunk), int(termOff[len(terms)])} {
		binary.LittleEndian.PutUint32(hdr[4*i:], uint32(v))
	}
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	for _, a := range [][]int32{ix.off, ix.chunk, ix.docLen} {
		if err := writeLE(w, a); err != nil {
			return err
		}
	}
	if err := writeLE(w, termOff); err != nil {
		return err
	}
	if err := writeLE(w, ix.tf); err != nil {
		return err
	}
	if len(ix.tf)%2 == 1 {
		if _, err := w.Write([]byte{0, 0}); err != nil {
			return err
		}
	}
	for _, t := range terms {
		if _, err := io.WriteString(w, t); err != nil {
			return err
		}
	}
	return nil
}

// writeLE writes a slice of fixed-size integers little-endian, a block at
// a time.
func writeLE[T int32 | uint32 | uint16](w io.Writer, a []T) error {
	buf := make([]byte, 0, 1<<16)
	for len(a) > 0 {
		n := min(len(a), cap(buf)/4)
		buf, _ = binary.Append(buf[:0], binary.LittleEndian, a[:n])
		if _, err := w.Write(buf); err != nil {
			return err
		}
		a = a[n:]
	}
	return nil
}

// fixedInPlace returns the n little-endian integers at the start of b
// (and the rest of b): b's own memory on a little-endian machine when it
// is aligned, else a converted copy. ok is false when b is too short.
func fixedInPlace[T int32 | uint32 | uint16](b []byte, n int) (out []T, rest []byte, ok bool) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if n < 0 || n > len(b)/size {
		return nil, nil, false
	}
	if n == 0 {
		return nil, b, true
	}
	raw := b[:n*size]
	if nativeLittleEndian && uintptr(unsafe.Pointer(&raw[0]))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&raw[0])), n), b[n*size:], true
	}
	out = make([]T, n)
	if _, err := binary.Decode(raw, binary.LittleEndian, out); err != nil {
		return nil, nil, false
	}
	return out, b[n*size:], true
}

// decodeLexical returns the index stored in b (writeTo's layout) for
// nChunks chunks, using b in place: only the term map and the length
// normalisation are made on the heap. Every offset and posting is checked,
// so a search can index by them without further checks.
func decodeLexical(b []byte, nChunks int) (*lexicalIndex, error) {
	errShort := errors.New("lexical index truncated")
	if len(b) < 16 {
		return nil, errShort
	}
	var c [4]int
	for i := range c {
		c[i] = int(binary.LittleEndian.Uint32(b[4*i:]))
	}
	nTerms, nc, nPost, nText := c[0], c[1], c[2], c[3]
	if nc != nChunks {
		return nil, fmt.Errorf("lexical index counts (%d terms, %d chunks) do not match %d chunks", nTerms, nc, nChunks)
	}
	ix := &lexicalIndex{}
	rest := b[16:]
	var ok bool
	var termOff []uint32
	if ix.off, rest, ok = fixedInPlace[int32](rest, nTerms+1); !ok {
		return nil, errShort
	}
	if ix.chunk, rest, ok = fixedInPlace[int32](rest, nPost); !ok {
		return nil, errShort
	}
	if ix.docLen, rest, ok = fixedInPlace[int32](rest, nChunks); !ok {
		return nil, errShort
	}
	if termOff, rest, ok = fixedInPlace[uint32](rest, nTerms+1); !ok {
		return nil, errShort
	}
	if ix.tf, rest, ok = fixedInPlace[uint16](rest, nPost); !ok {
		return nil, errShort
	}
	if nPost%2 == 1 {
		if len(rest) < 2 {
			return nil, errShort
		}
		rest = rest[2:]
	}
	if len(rest) != nText {
		return nil, errors.New("lexical index: unexpected length of the term text")
	}
	if ix.off[0] != 0 || int(ix.off[nTerms]) != nPost || termOff[0] != 0 || int(termOff[nTerms]) != nText {
		return nil, errors.New("lexical index offsets out of range")
	}
	ix.vocab = make(map[string]int32, nTerms)
	for t := range nTerms {
		lo, hi := ix.off[t], ix.off[t+1]
		if hi < lo {
			return nil, errors.New("lexical index offsets out of range")
		}
		prev := int32(-1)
		for _, ch := range ix.chunk[lo:hi] {
			if ch <= prev || int(ch) >= nChunks {
				return nil, errors.New("lexical index posting out of range")
			}
			prev = ch
		}
		tlo, thi := termOff[t], termOff[t+1]
		if thi < tlo {
			return nil, errors.New("lexical index term text out of range")
		}
		ix.vocab[inPlace(rest[tlo:thi])] = int32(t)
	}
	if len(ix.vocab) != nTerms {
		return nil, errors.New("lexical index: a term appears twice")
	}
	for _, l := range ix.docLen {
		if l < 0 {
			return nil, errors.New("lexical index: negative chunk length")
		}
	}
	ix.setLengths()
	return ix, nil
}
