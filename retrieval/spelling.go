package retrieval

import (
	"hash/maphash"
	"slices"
	"strings"
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
	// spellMinTermLen is the shortest term offered as a correction. The
	// record's terms are stems, and the stem of a common word is short:
	// "dat" of "dates", "tim" of "times". Without them a slip of such a
	// word was corrected to a rarer neighbour of its own stem ("daets" to
	// "diet", whose stem "daet" is one letter from, as it is from "dat").
	spellMinTermLen = 3
	// respellMinDF is how many passages the term of a respelling must be
	// in: a word typed that the record does not hold is as likely a name
	// or a word it lacks ("bayrou", "tryna") as a slip, and a rare
	// neighbour ("bayou", in 9 of the White House record's passages;
	// "trina", 10) is no evidence of a slip, a common one ("dates", 2,490;
	// "biden", 69,121) is. One value, spellRatio's, measured and not
	// swept (EVALUATION.md, session 52); a slip of a rarer word is still
	// corrected by the search itself.
	respellMinDF = spellRatio
	// respellMaxLen is the longest word Respelled reads as a slip: longer
	// than English words run ("counterrevolutionaries" has 22 letters),
	// and its edits, hundreds a letter, are not tried.
	respellMaxLen = 30
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
		if ix.df(id) < spellMinDF || len(t) < spellMinTermLen || !lowerASCII(t) {
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

// Respelling is one word of a question that Respelled wrote as the record
// writes it: Typed as the question typed it, Written as it was read.
type Respelling struct{ Typed, Written string }

// Respelled returns question with each word typed with a slip written as
// the record writes it, and the words so changed: a function word one
// slip from a stopword ("whree" → "where", "abuot" → "about", "whst" →
// "what"), and another word, to the word one edit away whose term is in
// the most passages, at least respellMinDF ("daets" → "dates", "biedn" →
// "biden", "monumetns" → "monuments"; a long word two edits away as the
// search corrects it). The search corrects such words for itself; what
// reads the question before and after it (the people it names, the
// answer type, the decision's coverage of its words, the sentences
// picked) sees only the question, and read "which poet did biedn quote"
// as naming nobody. Left as typed: a word the record holds at all (the
// search keeps it beside its neighbour), an English word the synonym
// table knows ("garlic"), a word typed with a capital after the
// question's first word or with a capital inside ("Barnier", "LIBOR"), a
// name after a title ("senator wold"), chat shorthand ("abt"), and words
// with an apostrophe, a digit or a letter beyond a to z. A respelling is
// a word (surfaces), never any string whose stem is a term; a
// capitalised first word stays capitalised.
func (ix *Index) Respelled(question string) (string, []Respelling) {
	s := ix.cur.Load()
	if s == nil || s.lex == nil || len(s.chunks) == 0 {
		return question, nil
	}
	var b strings.Builder
	var fixes []Respelling
	last, prev := 0, ""
	for i, tk := range text.Tokens(question) {
		before := prev
		prev = tk.Word
		typed := question[tk.Start:tk.End]
		capital := typed[0] >= 'A' && typed[0] <= 'Z'
		if !capital && (typed[0] < 'a' || typed[0] > 'z') || len(typed) > 1 && !lowerASCII(typed[1:]) || strings.ToLower(typed) != tk.Word {
			continue // an apostrophe, a letter beyond ASCII, capitals inside ("LIBOR", "DeSantos")
		}
		if i > 0 && capital {
			continue // a name as typed ("Barnier"), not the question's first word
		}
		if text.IsTitleWord(before) && !text.IsConnector(before) {
			continue // a name after a title ("senator wold", "president saied")
		}
		by := s.lex.respelling(tk.Word)
		if by == "" || by == tk.Word {
			continue
		}
		if capital {
			by = strings.ToUpper(by[:1]) + by[1:]
		}
		fixes = append(fixes, Respelling{Typed: typed, Written: by})
		b.WriteString(question[last:tk.Start])
		b.WriteString(by)
		last = tk.End
	}
	if fixes == nil {
		return question, nil
	}
	b.WriteString(question[last:])
	return b.String(), fixes
}

// respelling is the word w (lower case a to z) is read as, or "" when
// it is read as typed: see Respelled. An English word the synonym table
// knows, and a word the record holds at all, are meant as typed. For
// another, the words one edit from it (eachEdit) are weighed by how many
// passages hold their term, the most frequent winning, under
// correction's rule that the first letter is kept and with at least
// respellMinDF passages: the record's terms are stems, and a word's stem
// may be far from its slip's ("tmies" is "tmy", "times" is "tim"), so
// the words are compared, not the stems. A long word with two slips is
// corrected as the search corrects it, and written in the form nearest
// to what was typed (surfaceOf).
func (ix *lexicalIndex) respelling(w string) string {
	if !lowerASCII(w) || len(w) > respellMaxLen || text.IsStopword(w) || text.ChatExpansion(w) != nil {
		return ""
	}
	stem := text.Stem(w)
	if text.IsEnglishTerm(stem) {
		return "" // an English word is meant ("garlic", not "garlin"; "trough", not "through")
	}
	if id, ok := ix.vocab[stem]; ok && ix.df(id) > 0 {
		// The record's own word: the search gives it its frequent
		// neighbour as an alternative, and keeps it ("PhRMA", "Smoot").
		return ""
	}
	if text.StopwordSlip(w) {
		return text.SlippedStopword(w)
	}
	if len(w) < spellMinLen {
		return ""
	}
	best, bestDF, bestSame := "", 0, false
	eachEdit(w, func(c string, sameLen bool) {
		if c[0] != w[0] {
			return
		}
		term := text.Stem(c)
		id, ok := ix.vocab[term]
		if !ok {
			return
		}
		cdf := ix.df(id)
		if cdf < respellMinDF || !isSurface(c, term) {
			return
		}
		// The most frequent; of one term's words, one as long as typed
		// ("daets": "dates", not "dats").
		if cdf > bestDF || cdf == bestDF && sameLen && !bestSame {
			best, bestDF, bestSame = c, cdf, sameLen
		}
	})
	if best != "" || len(w) < spellLongLen {
		return best
	}
	c, ok := ix.correction(w, stem, 0)
	if !ok || ix.df(c) < respellMinDF {
		return ""
	}
	return surfaceOf(w, ix.spellerOf().terms[c], 2)
}

// surfaceSuffixes are the endings a word adds to its stem, tried to write
// a corrected term as a word: the record's terms are stems ("dat" of
// "dates", "exactli" of "exactly").
var surfaceSuffixes = []string{"", "s", "es", "e", "ed", "d", "ing", "ings", "er", "ers", "ion", "ions", "al", "ment", "ments"}

// surfaceOf returns the word nearest to w, within maxDist edits, whose
// stem is term: term itself or term with an ending; "" when there is
// none.
func surfaceOf(w, term string, maxDist int) string {
	best, bestD := "", maxDist+1
	try := func(c string) {
		if d := text.EditDistance(w, c, maxDist); d < bestD && text.Stem(c) == term {
			best, bestD = c, d
		}
	}
	for _, c := range surfaces(term) {
		try(c)
	}
	return best
}

// surfaces are the words written for term: term itself, and term with
// each of surfaceSuffixes, a final "i" written "y" ("exactli" →
// "exactly", "zelenskyi" → "zelenskyy", "stai" → "stayed", never
// "staied").
func surfaces(term string) []string {
	out := []string{term}
	t, endsI := strings.CutSuffix(term, "i")
	for _, suf := range surfaceSuffixes {
		if endsI {
			out = append(out, t+"y"+suf)
		} else if suf != "" {
			out = append(out, term+suf)
		}
	}
	return out
}

// isSurface reports whether c is one of the words surfaces writes for
// term: a respelling is a word, not any string whose stem is a term
// ("fourly" stems to "four").
func isSurface(c, term string) bool { return slices.Contains(surfaces(term), c) }

// eachEdit calls fn with each word one edit from w (lower case a to z):
// two neighbours swapped, a letter changed (sameLen), a letter dropped or
// added.
func eachEdit(w string, fn func(c string, sameLen bool)) {
	buf := make([]byte, 0, len(w)+1)
	for i := 0; i <= len(w); i++ {
		if i+1 < len(w) && w[i] != w[i+1] {
			fn(string(append(append(append(buf[:0], w[:i]...), w[i+1], w[i]), w[i+2:]...)), true)
		}
		if i < len(w) {
			fn(string(append(append(buf[:0], w[:i]...), w[i+1:]...)), false)
		}
		for c := byte('a'); c <= 'z'; c++ {
			if i < len(w) && c != w[i] {
				fn(string(append(append(append(buf[:0], w[:i]...), c), w[i+1:]...)), true)
			}
			fn(string(append(append(append(buf[:0], w[:i]...), c), w[i:]...)), false)
		}
	}
}
