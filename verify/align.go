package verify

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/internal/safetext"
	"github.com/readout/readout/text"
)

// word is one word of a claim or of the record: the word as text.Tokens
// folds it, its comparison key (see wordKey; left empty for a record
// word no claim word can match) and its byte range in its text.
type word struct {
	word, key  string
	start, end int
}

// wordKey is the form two words are compared in: the word as text.Tokens
// folds it (case, apostrophes, diacritics), with British and American
// spellings joined (text.SpellingKey). A number keeps its decimal point
// ("2.5" is not "25") and drops its group separators ("84,770" is
// "84770").
func wordKey(src string, t text.Token) string {
	if hasDigit(t.Word) {
		raw := src[t.Start:t.End]
		if strings.ContainsAny(raw, ".,") {
			var b strings.Builder
			for i := 0; i < len(raw); i++ {
				if c := raw[i]; c != ',' && c != '\'' {
					b.WriteByte(c)
				}
			}
			return strings.ToLower(b.String())
		}
		return t.Word
	}
	if contracted(src[t.Start:t.End], t.Word) {
		return "'" + t.Word
	}
	return foldKey(t.Word)
}

// contracted reports whether raw, a word as written, is a contraction
// written with its apostrophe ("we’re", "don't"): its key is apart from the
// word without one ("were") and equal to the two words it stands for
// ("we are", see newAligner and recordIDs).
func contracted(raw, w string) bool {
	return strings.ContainsAny(raw, "'’ʼ") && text.IsContraction(w)
}

// foldKey is the key of a word without digits: a number word is its
// numeral ("three" is "3", so "3-month" is "three-month"), any other
// word its spelling key.
func foldKey(w string) string {
	if d, ok := text.Numeral(w); ok {
		return d
	}
	return text.SpellingKey(w)
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// words splits src into words with their keys.
func words(src string) []word {
	toks := text.Tokens(src)
	out := make([]word, len(toks))
	for i, t := range toks {
		out[i] = word{word: t.Word, key: wordKey(src, t), start: t.Start, end: t.End}
	}
	return out
}

// bareWords splits src into words without their keys (recordIDs makes the
// keys it needs).
func bareWords(src string) []word {
	toks := text.Tokens(src)
	out := make([]word, len(toks))
	for i, t := range toks {
		out[i] = word{word: t.Word, start: t.Start, end: t.End}
	}
	return out
}

// claimWords is a parsed claim: its words, and which of them follow an
// ellipsis (the claim leaves out words before them).
type claimWords struct {
	text  string
	words []word
	// afterGap[j] says words[j] follows an ellipsis (j > 0).
	afterGap []bool
	// sentStart[j] says words[j] starts a sentence of the claim (j > 0):
	// only there may the claim join sentences that are apart in the
	// record.
	sentStart []bool
	query     string // the claim without ellipses
	// lookup is query and the words its contractions stand for, for
	// the lexical search.
	lookup string
	// common says every word of the claim is a function word, which the
	// lexical index does not hold: the record is scanned for anchor (see
	// scanRegions) instead.
	common bool
	anchor string
}

// without returns the claim's words (as its query) without those that
// make the index term t, and how many distinct informative terms are left.
func (q *claimWords) without(t string) (string, int) {
	var b strings.Builder
	terms := map[string]bool{}
	for _, w := range q.words {
		raw := q.text[w.start:w.end]
		ts := text.Terms(raw)
		if len(ts) == 1 && ts[0] == t {
			continue
		}
		for _, x := range ts {
			terms[x] = true
		}
		b.WriteString(raw)
		b.WriteByte(' ')
	}
	return b.String(), len(terms)
}

// minCommonWords is the fewest words a claim of function words only
// must have to be looked for ("we have said so before and we say it
// again"); a shorter one ("it is", "the") is everywhere and says nothing.
const minCommonWords = 4

// parseClaim reads a claim's words and ellipses; a bare address in it
// ("https://x.example/a") is no words.
func parseClaim(s string) (*claimWords, error) {
	s = safetext.BlankLinks(s)
	ws := words(s)
	if len(ws) == 0 {
		return nil, ErrEmpty
	}
	if len(ws) > MaxClaimWords {
		return nil, fmt.Errorf("%w: %d words; check at most %d at a time", ErrTooLong, len(ws), MaxClaimWords)
	}
	q := &claimWords{text: s, words: ws, afterGap: make([]bool, len(ws)), sentStart: make([]bool, len(ws))}
	for _, e := range text.Ellipses(s) {
		for j, w := range ws {
			if j > 0 && w.start >= e[1] && ws[j-1].end <= e[0] {
				q.afterGap[j] = true
			}
		}
	}
	j := 0
	for _, sn := range text.Sentences(s) {
		for j < len(ws) && ws[j].start < sn[0] {
			j++
		}
		if j > 0 && j < len(ws) {
			q.sentStart[j] = true
		}
	}
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(s[w.start:w.end])
		b.WriteByte(' ')
	}
	q.query = b.String()
	// A contraction is looked up as the words it stands for too: the
	// record may write "must not" for the claim's "mustn’t", whose
	// term it lacks. They do not make a claim of common words rare.
	for _, w := range ws {
		if strings.HasPrefix(w.key, "'") {
			for _, e := range text.Expansions(w.word) {
				b.WriteString(e[0] + " " + e[1] + " ")
			}
		}
	}
	q.lookup = b.String()
	q.anchor = anchorOf(s, ws, nil)
	if len(text.Terms(q.query)) == 0 {
		if len(ws) < minCommonWords {
			return nil, fmt.Errorf("%w (%q): quote more of it, or a rarer part", ErrOnlyCommon, truncate(strings.TrimSpace(q.query), 60))
		}
		q.common = true
	}
	return q, nil
}

// anchorOf is the longest stretch of a claim of common words that the
// record writes the same way, to scan the record for: two neighbouring
// words of plain letters with one space between them, else the longest
// word of plain letters, in lower case. Words avoid reports (a nil avoid
// none) are left out of it.
func anchorOf(s string, ws []word, avoid func(word) bool) string {
	plain := func(w word) bool {
		if avoid != nil && avoid(w) {
			return false
		}
		for i := w.start; i < w.end; i++ {
			if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return false
			}
		}
		return true
	}
	best := ""
	for j := range ws {
		if !plain(ws[j]) {
			continue
		}
		if c := s[ws[j].start:ws[j].end]; len(c) > len(best) && j > 0 {
			best = c // not the first word: a capital there is the sentence's
		}
		if j+1 < len(ws) && plain(ws[j+1]) && ws[j+1].start == ws[j].end+1 && s[ws[j].end] == ' ' {
			if c := s[ws[j].start:ws[j+1].end]; len(c) > len(best) {
				best = c
			}
		}
	}
	if best == "" && len(ws) > 0 && plain(ws[0]) {
		best = s[ws[0].start:ws[0].end]
	}
	return strings.ToLower(best)
}

// Alignment costs: a word changed, added or dropped costs costEdit;
// joining two sentences the record has apart costs one and a half of it,
// so that leaving out one word is a drop and leaving out a sentence of two
// or more words is a join; words left out at the claim's ellipsis cost
// nothing. A word the claim and the record share (a hyphenated word
// against its halves too) earns costSame, far smaller than an edit: of two
// alignments with the same edits, the one sharing more words wins ("it is
// impractical" against "it is not impractical" drops "not", rather than
// stopping at "is" and adding "impractical").
const (
	costEdit = 32
	costJump = 48
	costSame = -1
)

// step kinds of an alignment.
const (
	stSame   = iota // one claim word, one record word, equal
	stMergeC        // two claim words written as one record word
	stMergeR        // one claim word written as two record words
	stSub           // one claim word, one record word, different
	stAdd           // a claim word the record lacks
	stDrop          // a record word the claim lacks
	stGap           // a record word left out at the claim's ellipsis
	stJump          // record words of whole sentences the claim joins over
)

// step is one step of an alignment: claim words [j0, j1) against record
// words [i0, i1).
type step struct {
	kind           int
	j0, j1, i0, i1 int
}

// aligner holds the interned keys of one check and reusable buffers.
type aligner struct {
	ids map[string]int32
	// starts are the first one, two and three letters of every claim
	// word and key: a record word whose start3 is not among them matches
	// no claim word, alone (text.SpellingKeyKeepsStart) or as the first
	// half of a hyphenated word ("co" of "co-operation").
	starts map[string]bool
	// heads are the proper beginnings of every claim word and key: only
	// a record word among them can be the first half of a hyphenated
	// word that a claim word writes whole.
	heads map[string]bool
	// keys caches the keys of the record's words (wordKey without
	// digits), which repeat across passages.
	keys map[string]string
	// contractions says the claim writes a contraction ("don't"), which
	// the record may write as two words ("do not").
	contractions bool
	c            []int32 // claim word ids
	cpair        []int32 // id of claim words j and j+1 written together, or -1
	gap          []bool  // claim row j+1 may skip record words free (after j+1 words comes an ellipsis)
	// join[j]: after j claim words the claim may go on at a later
	// sentence of the record (claim word j starts a sentence).
	join []bool
	m    int
	d    []int32 // (m+1)×(n+1) costs, reused
}

func newAligner(q *claimWords) *aligner {
	a := &aligner{ids: map[string]int32{}, starts: map[string]bool{}, heads: map[string]bool{}, keys: map[string]string{}, m: len(q.words)}
	id := func(k string) int32 {
		v, ok := a.ids[k]
		if !ok {
			v = int32(len(a.ids))
			a.ids[k] = v
		}
		return v
	}
	for _, w := range q.words {
		a.c = append(a.c, id(w.key))
		// A numeral matches its number word in the record ("3", "three").
		nw, _ := text.NumberWord(w.key)
		for _, s := range []string{w.word, w.key, nw} {
			for n := 1; n <= min(3, len(s)); n++ {
				a.starts[s[:n]] = true
			}
			for n := 1; n < len(s); n++ {
				a.heads[s[:n]] = true
			}
		}
	}
	a.cpair = make([]int32, len(q.words))
	for j := range q.words {
		a.cpair[j] = -1
		if j+1 < len(q.words) {
			if c, ok := text.Contraction(q.words[j].word, q.words[j+1].word); ok {
				// "do not" is the record's "don’t".
				a.cpair[j] = id("'" + c)
				for n := 1; n <= min(3, len(c)); n++ {
					a.starts[c[:n]] = true
				}
				continue
			}
			a.cpair[j] = id(text.SpellingKey(q.words[j].word + q.words[j+1].word))
		}
	}
	for _, w := range q.words {
		if strings.HasPrefix(w.key, "'") {
			a.contractions = true
			// The record's "will not" is the claim's "won’t": the
			// first word of the pair must pass recordIDs' test of
			// starts though it does not start like the contraction.
			for _, e := range text.Expansions(w.word) {
				for n := 1; n <= min(3, len(e[0])); n++ {
					a.starts[e[0][:n]] = true
				}
			}
		}
	}
	a.gap = make([]bool, len(q.words)+1)
	a.join = make([]bool, len(q.words)+1)
	for j := 1; j < len(q.words); j++ {
		a.gap[j] = q.afterGap[j]
		a.join[j] = q.sentStart[j]
	}
	return a
}

// poolIDs returns the ids of the words of src (-1 for a word the claim
// does not have), reusing out: recordIDs without keeping the words, for
// scoring many passages.
func (a *aligner) poolIDs(src string, out []int32) []int32 {
	out = out[:0]
	text.ScanTokens(src, func(w []byte, start, end int) {
		out = append(out, a.idOfBytes(src, w, start, end))
	})
	return out
}

// idOfBytes is the id of the word w at [start, end) of src, or -1.
func (a *aligner) idOfBytes(src string, w []byte, start, end int) int32 {
	digits := hasDigitBytes(w)
	if !a.starts[string(w[:min(3, len(w))])] && !digits && (len(w) < 4 || text.SpellingKeyKeepsStart(string(w))) {
		return -1
	}
	var key string
	if digits || contracted(src[start:end], string(w)) {
		key = wordKey(src, text.Token{Word: string(w), Start: start, End: end})
	} else if k, ok := a.keys[string(w)]; ok {
		key = k
	} else {
		key = foldKey(string(w))
		a.keys[string(w)] = key
	}
	if v, ok := a.ids[key]; ok {
		return v
	}
	return -1
}

func hasDigitBytes(w []byte) bool {
	for _, c := range w {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// start3 is the first three bytes of w (all of a shorter w).
func start3(w string) string { return w[:min(3, len(w))] }

// recordIDs fills in the keys of the record words src holds that may
// match a claim word, and returns the words' ids (-1 for a word the claim
// does not have) and those of each pair of neighbours written together.
// Most words of the record share no start with the claim's few: their
// keys are never made.
func (a *aligner) recordIDs(src string, ws []word) (r, rpair []int32) {
	r = make([]int32, len(ws))
	rpair = make([]int32, len(ws))
	for i := range ws {
		w := &ws[i]
		r[i], rpair[i] = -1, -1
		if a.starts[start3(w.word)] || hasDigit(w.word) || !text.SpellingKeyKeepsStart(w.word) {
			if hasDigit(w.word) || contracted(src[w.start:w.end], w.word) {
				w.key = wordKey(src, text.Token{Word: w.word, Start: w.start, End: w.end})
			} else if k, ok := a.keys[w.word]; ok {
				w.key = k
			} else {
				w.key = foldKey(w.word)
				a.keys[w.word] = w.key
			}
			if v, ok := a.ids[w.key]; ok {
				r[i] = v
			}
			if i+1 < len(ws) && a.heads[w.word] && !hasDigit(w.word) {
				if v, ok := a.ids[text.SpellingKey(w.word+ws[i+1].word)]; ok {
					rpair[i] = v
				}
			}
			if i+1 < len(ws) && a.contractions {
				// The record's "do not" is the claim's "don't".
				if c, ok := text.Contraction(w.word, ws[i+1].word); ok {
					if v, ok := a.ids["'"+c]; ok {
						rpair[i] = v
					}
				}
			}
		}
	}
	return r, rpair
}

// align aligns the whole claim with the best stretch of the record words
// r (free start and end in the record). boundary has len(r)+1 entries:
// boundary[i] says a sentence of the record ends before word i and another
// starts at it (boundary[len(r)] is true, the end). The claim joins
// sentences apart in the record only where a sentence of its own starts:
// words added in the middle of a claimed sentence are never bridged to a
// later sentence's words ("we're not looking for a war with the Houthis"
// is not "… a war. … The Houthis"). It returns the cost and the steps, in
// order.
func (a *aligner) align(r, rpair []int32, boundary []bool) (int32, []step) {
	m, n := a.m, len(r)
	w := n + 1
	if need := (m + 1) * w; cap(a.d) < need {
		a.d = make([]int32, need)
	} else {
		a.d = a.d[:need]
	}
	d := a.d
	for i := 0; i <= n; i++ {
		d[i] = 0
	}
	const inf = int32(1 << 29)
	for j := 1; j <= m; j++ {
		row, prev := d[j*w:(j+1)*w], d[(j-1)*w:j*w]
		cj := a.c[j-1]
		row[0] = prev[0] + costEdit
		jump := inf // the least cost of row j at a sentence boundary so far
		if boundary[0] {
			jump = row[0]
		}
		for i := 1; i <= n; i++ {
			best := prev[i] + costEdit // add
			if v := prev[i-1]; r[i-1] == cj {
				best = min(best, v+costSame)
			} else {
				best = min(best, v+costEdit)
			}
			if v := row[i-1]; a.gap[j] {
				best = min(best, v)
			} else {
				best = min(best, v+costEdit)
			}
			if j >= 2 && a.cpair[j-2] >= 0 && a.cpair[j-2] == r[i-1] {
				best = min(best, d[(j-2)*w+i-1]+costSame)
			}
			if i >= 2 && rpair[i-2] >= 0 && rpair[i-2] == cj {
				best = min(best, prev[i-2]+costSame)
			}
			if boundary[i] {
				if a.join[j] && jump < inf {
					best = min(best, jump+costJump)
				}
				jump = min(jump, best)
			}
			row[i] = best
		}
	}
	last := d[m*w : (m+1)*w]
	end := 0
	for i := 1; i <= n; i++ {
		if last[i] < last[end] {
			end = i
		}
	}
	return last[end], a.trace(r, rpair, boundary, end)
}

// trace walks the cost table back from (m, end) and returns the steps.
func (a *aligner) trace(r, rpair []int32, boundary []bool, end int) []step {
	w := len(r) + 1
	d := a.d
	at := func(j, i int) int32 { return d[j*w+i] }
	var steps []step
	j, i := a.m, end
	for j > 0 {
		cur := at(j, i)
		switch {
		case i >= 1 && r[i-1] == a.c[j-1] && at(j-1, i-1)+costSame == cur:
			steps = append(steps, step{stSame, j - 1, j, i - 1, i})
			j, i = j-1, i-1
		case j >= 2 && i >= 1 && a.cpair[j-2] >= 0 && a.cpair[j-2] == r[i-1] && at(j-2, i-1)+costSame == cur:
			steps = append(steps, step{stMergeC, j - 2, j, i - 1, i})
			j, i = j-2, i-1
		case i >= 2 && rpair[i-2] >= 0 && rpair[i-2] == a.c[j-1] && at(j-1, i-2)+costSame == cur:
			steps = append(steps, step{stMergeR, j - 1, j, i - 2, i})
			j, i = j-1, i-2
		case i >= 1 && a.gap[j] && at(j, i-1) == cur:
			steps = append(steps, step{stGap, j, j, i - 1, i})
			i--
		case i >= 1 && at(j-1, i-1)+costEdit == cur:
			steps = append(steps, step{stSub, j - 1, j, i - 1, i})
			j, i = j-1, i-1
		case i >= 1 && at(j, i-1)+costEdit == cur:
			steps = append(steps, step{stDrop, j, j, i - 1, i})
			i--
		case at(j-1, i)+costEdit == cur:
			steps = append(steps, step{stAdd, j - 1, j, i, i})
			j--
		default:
			// A join: the claim goes on at sentence boundary i from an
			// earlier boundary p.
			p := -1
			if boundary[i] && a.join[j] {
				for k := i - 1; k >= 0; k-- {
					if boundary[k] && at(j, k)+costJump == cur {
						p = k
						break
					}
				}
			}
			if p < 0 {
				// Unreachable: every cost comes from one of the cases.
				return nil
			}
			steps = append(steps, step{stJump, j, j, p, i})
			i = p
		}
	}
	for l, r := 0, len(steps)-1; l < r; l, r = l+1, r-1 {
		steps[l], steps[r] = steps[r], steps[l]
	}
	// Gap steps of one ellipsis are one step.
	out := steps[:0]
	for _, s := range steps {
		if n := len(out); n > 0 && s.kind == stGap && out[n-1].kind == stGap && out[n-1].i1 == s.i0 {
			out[n-1].i1 = s.i1
			continue
		}
		out = append(out, s)
	}
	return out
}

// endAsChange reads the words a claim adds after the last word it shares
// with the record as changing the record's next words, as far as both the
// claim's sentence and the record's go on: "one way or the other" against
// the record's "one way or another." changes "the other" to "another"
// rather than adding "the other" and leaving the record's own word out of
// its quotation. The alignment costs the same either way (a change and an
// addition are one edit each).
func (a *aligner) endAsChange(steps []step, boundary []bool) []step {
	k := len(steps)
	for k > 0 && steps[k-1].kind == stAdd {
		k--
	}
	if k == 0 || k == len(steps) {
		return steps
	}
	adds := slices.Clone(steps[k:])
	n := len(boundary) - 1
	out := steps[:k]
	i := adds[0].i0
	stopped := false
	for _, st := range adds {
		if !stopped && i < n && !boundary[i] && !a.join[st.j0] {
			out = append(out, step{stSub, st.j0, st.j1, i, i + 1})
			i++
			continue
		}
		stopped = true
		out = append(out, step{stAdd, st.j0, st.j1, i, i})
	}
	return out
}

// truncate shortens s to at most n runes, with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}
