package retrieval

import (
	"hash/maphash"
	"slices"
	"sync"

	"github.com/readout/readout/text"
)

// Spelling correction of query terms, SymSpell-style: every term the
// record holds often enough is stored with each of its one-letter
// deletions, and a query word is looked up by itself and its own
// one-letter deletions, so two words one edit apart (and most two edits
// apart: a letter changed, two swapped) meet at a shared deletion
// without comparing the word with the whole vocabulary. A candidate is
// then checked by its true edit distance.
//
// Measured over the sample plus the White House record (/tmp/wh, main
// a3944e6 before, `readout eval FILE --data /tmp/wh`): on 10 probe
// questions in casual spelling written from the record's documents
// ("sulivan", "blinkin", "zelenski", "erdogon", "azerbaijian", "nagorno
// karabak", "potus", "wh"), cite-hit@5 0.50 -> 0.70, answer-contains
// 0.30 -> 0.70, wrong declines 5/10 -> 0/10; on eval/dev.jsonl all 140
// unchanged (cite-hit@5 0.84, answer-contains 0.68, out of scope declined
// 22/24, wrong declines 3/116; one casual question's cited passage rank
// 3 -> 1). Expanding chat words that stand for no subject ("gonna" ->
// "going") cost a follow-up its answer and is not done. Measured again
// on main f0907bb (fusion weighing the vector ranking 0.25), correction on
// against off: casual probes 0.50/0.20 -> 0.70/0.70, dev 0.91/0.66 ->
// 0.92/0.67 (EVALUATION.md, "Casual spelling and word-search feedback").
const (
	// spellMinLen is the shortest query word corrected: a short word is
	// one edit from too many others ("gonna"/"donna" would be the next
	// length down).
	spellMinLen = 5
	// spellMinDF is how many passages a term must be in to be offered as
	// a correction: a term seen once or twice is as likely a typo of the
	// record's own.
	spellMinDF = 3
	// spellRareDF is the most passages a term the record knows may be in
	// and still get a much more frequent neighbour as an alternative
	// ("zelensky", 36 passages, beside "zelenskyy", 1,280); a term in more
	// passages is the record's own word and is left alone.
	spellRareDF = 100
	// spellRatio is how many times more passages the neighbour of a known
	// term must be in. A known term is moreover only given a neighbour
	// that is the term with one letter added ("zelensky"/"zelenskyy"): a
	// changed letter turned a rare name ("kalin", 12 passages) into a
	// different common one ("karine", 27,275).
	spellRatio = 20
	// spellLongLen is the length from which two edits are allowed; a
	// shorter word is corrected by one edit only.
	spellLongLen = 8
)

// speller finds the terms of a lexical index near a misspelled word. keys
// holds a hash of each eligible term and of each of its one-letter
// deletions, sorted, with the term's id beside it in ids.
type speller struct {
	seed maphash.Seed
	keys []uint64
	ids  []int32
	// terms are the index's terms by id (for the distance check).
	terms []string
}

// spellerOf returns the index's speller, built on first use (tens of
// milliseconds on the White House record) so that loading a snapshot
// costs nothing more.
func (ix *lexicalIndex) spellerOf() *speller {
	ix.spellOnce.Do(func() { ix.spell = buildSpeller(ix) })
	return ix.spell
}

// spellState is the part of lexicalIndex that holds its speller.
type spellState struct {
	spellOnce sync.Once
	spell     *speller
}

func buildSpeller(ix *lexicalIndex) *speller {
	sp := &speller{seed: maphash.MakeSeed(), terms: make([]string, len(ix.off)-1)}
	type entry struct {
		key uint64
		id  int32
	}
	var es []entry
	buf := make([]byte, 0, 64)
	for t, id := range ix.vocab {
		sp.terms[id] = t
		if ix.df(id) < spellMinDF || len(t) < spellMinLen-1 || !lowerASCII(t) {
			continue
		}
		es = append(es, entry{maphash.String(sp.seed, t), id})
		for i := range len(t) {
			buf = append(append(buf[:0], t[:i]...), t[i+1:]...)
			es = append(es, entry{maphash.Bytes(sp.seed, buf), id})
		}
	}
	slices.SortFunc(es, func(a, b entry) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		return int(a.id - b.id)
	})
	sp.keys = make([]uint64, len(es))
	sp.ids = make([]int32, len(es))
	for i, e := range es {
		sp.keys[i], sp.ids[i] = e.key, e.id
	}
	return sp
}

// df is how many chunks hold term id.
func (ix *lexicalIndex) df(id int32) int { return int(ix.off[id+1] - ix.off[id]) }

// correction returns the term of the index that the query word w (lower
// case) or its stem most likely misspells, and whether there is one: the
// nearest by edit distance, then the most frequent, among terms that
// start with w's first letter (a typo rarely touches it), are at most one
// edit away (two for a word of spellLongLen letters or more) and are in
// at least spellMinDF passages and more than spellRatio times as many as
// w's stem is in (known is that count, 0 for a word the record does not
// hold). A word in more than spellRareDF passages is never corrected, and
// one the record holds at all only by a term with one letter more.
func (ix *lexicalIndex) correction(w, stem string, known int) (int32, bool) {
	if known > spellRareDF || len(w) < spellMinLen || !lowerASCII(w) {
		return -1, false
	}
	sp := ix.spellerOf()
	maxDist := 1
	if len(w) >= spellLongLen {
		maxDist = 2
	}
	best, bestDist, bestDF := int32(-1), maxDist+1, 0
	consider := func(q string, key uint64) {
		j, _ := slices.BinarySearch(sp.keys, key)
		for ; j < len(sp.keys) && sp.keys[j] == key; j++ {
			id := sp.ids[j]
			t := sp.terms[id]
			if t == stem || t[0] != w[0] || known > 0 && len(t) != len(q)+1 {
				continue
			}
			d := min(text.EditDistance(w, t, maxDist), text.EditDistance(stem, t, maxDist))
			df := ix.df(id)
			if d > maxDist || df < spellMinDF || df <= spellRatio*known {
				continue
			}
			if d < bestDist || d == bestDist && df > bestDF {
				best, bestDist, bestDF = id, d, df
			}
		}
	}
	var buf []byte
	for _, q := range []string{w, stem} {
		if q == "" || !lowerASCII(q) {
			continue
		}
		consider(q, maphash.String(sp.seed, q))
		if known > 0 {
			// Only terms one of whose deletions is q: q plus a letter.
			continue
		}
		for i := range len(q) {
			buf = append(append(buf[:0], q[:i]...), q[i+1:]...)
			consider(q, maphash.Bytes(sp.seed, buf))
			if maxDist < 2 {
				continue
			}
			// A long word with a letter too many and another changed
			// ("quilllfeathar"): its deletions of two letters meet one of
			// the term's deletions. (Two letters missing would need the
			// terms' deletions of two letters, ten times the memory.)
			for k := i + 1; k < len(q); k++ {
				b2 := append(append(append([]byte(nil), q[:i]...), q[i+1:k]...), q[k+1:]...)
				consider(q, maphash.Bytes(sp.seed, b2))
			}
		}
	}
	return best, best >= 0
}

// lowerASCII reports whether s is made of the letters a to z only.
func lowerASCII(s string) bool {
	for i := range len(s) {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return len(s) > 0
}
