package verify

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// CloseThreshold is the least Similarity for a Close verdict (and for
// the other verdicts that say where the words are): below it the claim is
// not found. At 0.8 one changed word in five still reads as the same
// sentence, and a true beginning with four invented words after it (13 of
// 17) does not. Measured by hand on 300 claims made from the White House
// record (exact, one word changed, a negation added, truncated, a
// reporter's question, the wrong speaker, two halves of different
// sentences): 0.75 called one invented claim close; 0.8 none, with no
// changed or negated claim lost. On eval/verify.jsonl (200 claims of ten
// kinds) and eval/verify-hand.jsonl (20) every verdict is right from 0.7
// to 0.85; at 0.9 three changed or negated claims of the first and two of
// the second are not found (197/200, 18/20).
const CloseThreshold = 0.8

// pool is how many passages the lexical index gives for a claim, once over
// the whole record and once more within the claimed speaker's documents
// and period when the claim names them. A short claim of common words
// ("we can talk a little bit") has its passage far down a BM25 ranking, so
// the pool is deep and cheap: each passage is only tokenised and scored
// by the claim's word pairs it holds in order (see rankPool), and the best
// candidates of them are aligned.
const pool = 200

// candidates is how many passages of the pool are aligned.
const candidates = 30

// window is how far around a candidate passage, within its turn, the
// claim is aligned (bytes each side), and maxRegion the most one aligned
// stretch of a turn holds: candidates of one turn closer than that are
// aligned as one stretch, so a claim joining two sentences of one answer
// that several passages apart hold is found, and a long speech is not
// aligned whole.
const (
	window    = 1500
	maxRegion = 16000
)

// region is a stretch of one turn of a document that a claim is aligned
// against.
type region struct {
	doc    *corpus.Document
	turn   corpus.Turn
	lo, hi int // byte range in doc.Text
}

// match is the claim aligned with a region.
type match struct {
	reg   *region
	ws    []word // the region's words (offsets into doc.Text)
	steps []step
	// same counts claim words matched, edits the words changed, added
	// or dropped; joined says the alignment joins sentences.
	same, subs, adds, drops int
	joined                  bool
	sim                     float64
	first, last             int // the record words matched: ws[first:last]
}

func (m *match) edits() int { return m.subs + m.adds + m.drops }

// search is one Check in progress.
type search struct {
	c    *Checker
	cl   Claim
	q    *claimWords
	al   *aligner
	hits []retrieval.Hit // the candidates over the whole record, best first
}

// run finds the candidates, aligns the claim with each and returns the
// best match by the rules of choose, or nil when none is close enough.
// The passages BM25 ranks first are aligned first: a claim they hold word
// for word, as its claimed speaker's statement in its claimed period, is
// the answer, and the deeper pool is not read.
func (s *search) run(ctx context.Context) (*match, error) {
	s.al = newAligner(s.q)
	var good []*match
	type regionKey struct {
		doc      string
		turn, lo int
	}
	done := map[regionKey]bool{} // the regions aligned
	alignAll := func(regs []*region) error {
		for _, r := range regs {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("verify: %w", err)
			}
			k := regionKey{r.doc.ID, r.turn.Start, r.lo}
			if done[k] {
				continue
			}
			done[k] = true
			if m := s.alignRegion(r); m != nil && m.sim >= CloseThreshold {
				good = append(good, m)
			}
		}
		return nil
	}
	found := func() bool {
		best := s.choose(good)
		return best != nil && best.edits() == 0 && s.satisfies(best)
	}
	if s.q.common {
		if err := alignAll(s.scanRegions(s.q.anchor, nil)); err != nil {
			return nil, err
		}
		return s.choose(good), nil
	}
	filtered := s.cl.Speaker != "" || !s.cl.Since.IsZero() || !s.cl.Until.IsZero()
	s.hits = s.c.ix.LexicalSearch(s.q.lookup, retrieval.SearchOptions{K: pool})
	var more []retrieval.Hit
	if filtered {
		more = s.c.ix.LexicalSearch(s.q.lookup, retrieval.SearchOptions{K: pool,
			Speaker: speakerFilter(s.cl.Speaker), Since: s.cl.Since, Until: s.cl.Until})
	}
	first := append(slices.Clone(s.hits[:min(candidates, len(s.hits))]), more[:min(candidates, len(more))]...)
	if err := alignAll(regions(first)); err != nil {
		return nil, err
	}
	if found() {
		return s.choose(good), nil
	}
	deep := s.rankPool(s.hits)
	if filtered {
		deep = append(deep, s.rankPool(more)...)
	}
	if err := alignAll(regions(deep)); err != nil {
		return nil, err
	}
	// A short claim whose one changed word is its rarest ("this is not
	// about a competitive concern" for "… a political concern") is ranked
	// by that word alone: look again without it.
	term, rarest, passages := s.c.ix.RarestTerm(s.q.query)
	if len(good) == 0 && term != "" {
		if q, n := s.q.without(term); n <= maxLeaveOutTerms {
			if n >= 2 {
				if err := alignAll(regions(s.rankPool(s.c.ix.LexicalSearch(q, retrieval.SearchOptions{K: pool})))); err != nil {
					return nil, err
				}
			}
			// What is left without that word is too little or too
			// common for a BM25 pool ("I wish you could see what I'm
			// looking at" with "wish" changed leaves "see" and
			// "looking"): scan the record for the claim, anchored on
			// words the record holds other than that one.
			if _, left, _ := s.c.ix.RarestTerm(q); len(good) == 0 && (n < 2 || float64(left) > weakShare*float64(passages)) {
				avoid := s.unknownOr(term)
				if err := alignAll(s.scanRegions(anchorOf(s.q.text, s.q.words, avoid), avoid)); err != nil {
					return nil, err
				}
			}
		}
	}
	// A claim of frequent words ("we are not going to do that") has its
	// passage beyond any BM25 pool: scan the record for it too.
	if !found() && float64(rarest) > weakShare*float64(passages) {
		if err := alignAll(s.scanRegions(s.q.anchor, nil)); err != nil {
			return nil, err
		}
	}
	return s.choose(good), nil
}

// unknownOr reports the claim's words that make the index term t or a
// term the record does not hold: one of them is likely the word a close
// claim changed.
func (s *search) unknownOr(t string) func(word) bool {
	return func(w word) bool {
		ts := text.Terms(s.q.text[w.start:w.end])
		if len(ts) != 1 {
			return false
		}
		if ts[0] == t {
			return true
		}
		known, _, _ := s.c.ix.RarestTerm(ts[0])
		return known == ""
	}
}

// maxLeaveOutTerms bounds the claims looked for again without their
// rarest word: in a longer claim the other words outweigh one changed
// word. In eval/verify.jsonl two short claims of a changed word (10 and 14
// words, 4 and 5 informative ones) were not found before this second look;
// a 40-word claim has about 20.
const maxLeaveOutTerms = 8

// weakShare is the share of the record's passages above which a claim's
// rarest word ranks its passage too poorly for the BM25 pool: 2% is about
// 3,000 of the White House record's 151,106 passages, where "talk" (19,906),
// "another" (6,472) and "bit" (4,905) lie above and "Taiwan" (836) below.
const weakShare = 0.02

// maxScanRegions bounds the places a claim of common words is aligned
// at: its anchor's first occurrences in the record with the claim's other
// words around them, in document order.
const maxScanRegions = 1000

// scanRegions finds the places of a claim of common words by scanning the
// record's text for its anchor (which the lexical index cannot find: it
// holds no function words), in lower case and, at a sentence's start,
// capitalised. Each occurrence's turn, as far around it as the claim is
// long, is a region. It reads the whole record (113 MB of text for the
// White House record, about a tenth of a second), which only these
// claims need.
//
// Words avoid reports (a nil avoid none) are neither the anchor nor
// looked for around it: a claim's changed word is in no document.
func (s *search) scanRegions(a string, avoid func(word) bool) []*region {
	if a == "" {
		return nil
	}
	variants := []string{a, capitalise(a)}
	span := len(s.q.text) + 200
	// The claim's other plain words (not the first, which a sentence may
	// capitalise), which a document holding the claim holds too.
	var others []string
	for j, w := range s.q.words {
		if avoid != nil && avoid(w) {
			continue
		}
		if raw := s.q.text[w.start:w.end]; j > 0 && len(raw) >= 3 && raw == w.word && !strings.Contains(a, raw) {
			others = append(others, raw)
		}
	}
	var out []*region
	for _, d := range s.c.ix.Documents() {
		if !strings.Contains(d.Text, a) && !strings.Contains(d.Text, variants[1]) {
			continue
		}
		if !holdsMost(d.Text, others) {
			continue
		}
		for _, v := range variants {
			for from := 0; from < len(d.Text); {
				k := strings.Index(d.Text[from:], v)
				if k < 0 {
					break
				}
				at := from + k
				from = at + len(v)
				// Whole words only.
				before, _ := utf8.DecodeLastRuneInString(d.Text[:at])
				after, _ := utf8.DecodeRuneInString(d.Text[from:])
				if at > 0 && text.IsWordRune(before) || from < len(d.Text) && text.IsWordRune(after) {
					continue
				}
				t, ok := d.TurnAt(at)
				if !ok {
					continue
				}
				lo, hi := max(t.Start, at-span), min(t.End, from+span)
				if !holdsMost(d.Text[lo:hi], others) {
					continue
				}
				if n := len(out); n > 0 && out[n-1].doc == d && out[n-1].turn.Start == t.Start && lo < out[n-1].hi {
					out[n-1].hi = max(out[n-1].hi, hi)
					continue
				}
				out = append(out, &region{doc: d, turn: t, lo: lo, hi: hi})
				if len(out) == maxScanRegions {
					return out
				}
			}
		}
	}
	return out
}

// holdsMost reports whether s holds all the words, or all but one in five
// of them (a close claim changes some): a document or a stretch of it
// that could hold a claim of common words.
func holdsMost(s string, words []string) bool {
	missing := 0
	for _, w := range words {
		if !strings.Contains(s, w) {
			if missing++; float64(missing) > (1-CloseThreshold)*float64(len(words)) {
				return false
			}
		}
	}
	return true
}

// rankPool returns the candidates of a pool of passages: the passages
// holding most of the claim's word pairs in order (then most of its
// words, then by BM25 rank), at most candidates of them, in that order.
func (s *search) rankPool(hits []retrieval.Hit) []retrieval.Hit {
	if len(hits) <= candidates {
		return hits
	}
	type scored struct {
		h            retrieval.Hit
		pairs, words int
		rank         int
	}
	pairs := map[[2]int32]bool{}
	for j := 0; j+1 < len(s.al.c); j++ {
		pairs[[2]int32{s.al.c[j], s.al.c[j+1]}] = true
	}
	out := make([]scored, len(hits))
	seenWord := make([]int, len(s.al.ids)) // chunk k+1 saw the id
	var seenPair [][2]int32
	var rid []int32
	for k, h := range hits {
		rid = s.al.poolIDs(h.Chunk.Text, rid)
		seenPair = seenPair[:0]
		words := 0
		for i, id := range rid {
			if id < 0 {
				continue
			}
			if seenWord[id] != k+1 {
				seenWord[id] = k + 1
				words++
			}
			if i+1 < len(rid) {
				if p := [2]int32{id, rid[i+1]}; pairs[p] && !slices.Contains(seenPair, p) {
					seenPair = append(seenPair, p)
				}
			}
		}
		out[k] = scored{h, len(seenPair), words, k}
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		if c := cmp.Compare(b.pairs, a.pairs); c != 0 {
			return c
		}
		if c := cmp.Compare(b.words, a.words); c != 0 {
			return c
		}
		return cmp.Compare(a.rank, b.rank)
	})
	best := make([]retrieval.Hit, candidates)
	for i := range best {
		best[i] = out[i].h
	}
	return best
}

// regions turns the candidates into the stretches of turns to align: each
// candidate's turns, window bytes either side of it within the turn;
// stretches of one turn joined when the joined stretch is at most
// maxRegion bytes.
func regions(hits []retrieval.Hit) []*region {
	type key struct {
		doc  string
		turn int
	}
	byKey := map[key][]*region{}
	var out []*region
	for _, h := range hits {
		d, ch := h.Doc, h.Chunk
		if d == nil {
			continue
		}
		for _, part := range d.TurnsIn(ch.Start, ch.End) {
			t, ok := d.TurnAt(part.Start)
			if !ok {
				continue
			}
			lo, hi := max(t.Start, ch.Start-window), min(t.End, ch.End+window)
			k := key{d.ID, t.Start}
			joined := false
			for _, r := range byKey[k] {
				if max(r.hi, hi)-min(r.lo, lo) <= maxRegion || lo < r.hi && r.lo < hi {
					r.lo, r.hi = min(r.lo, lo), max(r.hi, hi)
					joined = true
					break
				}
			}
			if joined {
				continue
			}
			r := &region{doc: d, turn: t, lo: lo, hi: hi}
			byKey[k] = append(byKey[k], r)
			out = append(out, r)
		}
	}
	return out
}

// alignRegion aligns the claim with one region; nil when the region
// cannot reach CloseThreshold.
func (s *search) alignRegion(r *region) *match {
	src := r.doc.Text[r.lo:r.hi]
	ws := bareWords(src)
	if len(ws) == 0 {
		return nil
	}
	rid, rpair := s.al.recordIDs(src, ws)
	// The claim words the region has at all bound the words it can match:
	// skip the alignment when that bound is below the threshold.
	have := map[int32]bool{}
	for i := range rid {
		if rid[i] >= 0 {
			have[rid[i]] = true
		}
		if rpair[i] >= 0 {
			have[rpair[i]] = true
		}
	}
	possible := 0
	for j, c := range s.al.c {
		if have[c] || (j+1 < len(s.al.c) && have[s.al.cpair[j]]) || (j > 0 && have[s.al.cpair[j-1]]) {
			possible++
		}
	}
	if float64(possible) < CloseThreshold*float64(s.al.m) {
		return nil
	}
	boundary := make([]bool, len(ws)+1)
	boundary[len(ws)] = true
	sents := text.Sentences(src)
	k := 0
	for _, sn := range sents {
		for k < len(ws) && ws[k].start < sn[0] {
			k++
		}
		if k < len(ws) {
			boundary[k] = true
		}
	}
	for i := range ws {
		ws[i].start += r.lo
		ws[i].end += r.lo
	}
	_, steps := s.al.align(rid, rpair, boundary)
	// An ellipsis leaves out words before words of the claim's; when the
	// words after it match almost nothing where the alignment went on,
	// the record holds them nowhere near: align again without leaving
	// words out there.
	var closed []int
	for tries := 0; steps != nil && tries < 3; tries++ {
		j := s.weakGap(steps)
		if j < 0 {
			break
		}
		s.al.gap[j] = false
		closed = append(closed, j)
		_, steps = s.al.align(rid, rpair, boundary)
	}
	for _, j := range closed {
		s.al.gap[j] = true
	}
	if steps == nil {
		return nil
	}
	steps = s.al.endAsChange(steps, boundary)
	m := &match{reg: r, ws: ws, steps: steps, first: -1}
	for _, st := range steps {
		switch st.kind {
		case stSame, stMergeR:
			m.same++
		case stMergeC:
			m.same += 2
		case stSub:
			m.subs++
		case stAdd:
			m.adds++
		case stDrop:
			m.drops++
		case stJump:
			m.joined = true
		}
		if st.kind != stGap && st.kind != stJump && st.i1 > st.i0 {
			if m.first < 0 {
				m.first = st.i0
			}
			m.last = st.i1
		}
	}
	if m.first < 0 {
		return nil // nothing of the record aligned
	}
	m.sim = float64(m.same) / float64(s.al.m+m.drops)
	return m
}

// weakGap returns the claim word after an ellipsis where the alignment
// leaves out record words although the claim's words from there to its
// next ellipsis (or end) match few of the record's: fewer than half, or
// none but function words ("… The Houthis did that" against "… the impact
// that"). -1 when there is none.
func (s *search) weakGap(steps []step) int {
	for _, g := range steps {
		if g.kind != stGap {
			continue
		}
		j0, j1 := g.j0, g.j0+1
		for j1 < len(s.q.words) && !s.q.afterGap[j1] {
			j1++
		}
		same, informative, sameInformative := 0, 0, 0
		matched := make([]bool, j1-j0)
		for _, st := range steps {
			if st.kind == stSame || st.kind == stMergeC || st.kind == stMergeR {
				for j := max(st.j0, j0); j < min(st.j1, j1); j++ {
					matched[j-j0] = true
				}
			}
		}
		for k, ok := range matched {
			w := s.q.words[j0+k].word
			inf := !text.IsStopword(w)
			if inf {
				informative++
			}
			if ok {
				same++
				if inf {
					sameInformative++
				}
			}
		}
		if 2*same < j1-j0 || informative > 0 && sameInformative == 0 {
			return j0
		}
	}
	return -1
}

// choose picks the match a reader means among those close enough: the
// best (fewest edits, then most similar) of the statements that satisfy
// the claim (not a reporter's or moderator's line, the claimed speaker,
// within the claimed period); when none does, the best of all, statements
// before questions at equal edits, which choose's caller reports as said
// by another speaker, at another time or only asked.
func (s *search) choose(good []*match) *match {
	if len(good) == 0 {
		return nil
	}
	better := func(a, b *match) int {
		if c := cmp.Compare(a.edits(), b.edits()); c != 0 {
			return c
		}
		if c := cmp.Compare(b.sim, a.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(boolRank(a.reg.turn.Role.Floor()), boolRank(b.reg.turn.Role.Floor())); c != 0 {
			return c
		}
		// A stable order: earliest statement first, then document, then
		// position.
		if c := cmp.Compare(dateOf(a), dateOf(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.reg.doc.ID, b.reg.doc.ID); c != 0 {
			return c
		}
		return cmp.Compare(a.ws[a.first].start, b.ws[b.first].start)
	}
	slices.SortStableFunc(good, better)
	for _, m := range good {
		if s.satisfies(m) {
			return m
		}
	}
	return good[0]
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// satisfies reports whether a match is what the claim says: a statement
// (not a question or a moderator's line), by the claimed speaker, within
// the claimed period.
func (s *search) satisfies(m *match) bool {
	return !m.reg.turn.Role.Floor() && s.speakerOK(m) && s.dateOK(m)
}

func (s *search) speakerOK(m *match) bool {
	ok, _ := s.speakerOf(m)
	return ok
}

// speakerOf reports whether the match is the claimed speaker's, and, when
// it is by the title of a document the outlet issues, who the title says
// speaks. A document the outlet issues with no speaker labels, titled as
// someone's ("Inaugural Address by President Joseph R. Biden, Jr."), is
// that person's words; a readout ("Readout of President Biden's Call with
// …") is the outlet's account, and its title has no "by".
func (s *search) speakerOf(m *match) (ok bool, byTitle corpus.Speaker) {
	if s.cl.Speaker == "" || speakerMatches(s.cl.Speaker, m.reg.turn.Speaker, m.reg.doc, s.c.names.fullNames(s.c.ix)) {
		return true, corpus.Speaker{}
	}
	t, d := m.reg.turn, m.reg.doc
	if t.Role == corpus.RoleIssuer && t.Speaker.Name == d.Outlet {
		if sp, found := corpus.PersonAfterBy(d.Title, d.Text); found && speakerMatches(s.cl.Speaker, sp, d, s.c.names.fullNames(s.c.ix)) {
			return true, sp
		}
	}
	return false, corpus.Speaker{}
}

func (s *search) dateOK(m *match) bool {
	d := dateOf(m)
	if d == "" {
		return true // an undated statement is not shown to be elsewhen
	}
	if !s.cl.Since.IsZero() && d < s.cl.Since.Format("2006-01-02") {
		return false
	}
	return s.cl.Until.IsZero() || d <= s.cl.Until.Format("2006-01-02")
}

// dateOf is the day of the match's statement: its turn's, else its
// document's.
func dateOf(m *match) string {
	if d := m.reg.turn.DateString(); d != "" {
		return d
	}
	return m.reg.doc.DateString()
}

// result turns the chosen match into the Result.
func (s *search) result(m *match) Result {
	d, t := m.reg.doc, m.reg.turn
	res := Result{Claimed: s.cl.Text, Similarity: m.sim, Joined: m.joined}
	switch {
	case s.satisfies(m) && m.edits() == 0:
		res.Verdict = Exact
	case s.satisfies(m):
		res.Verdict = Close
	case t.Role.Floor():
		res.Verdict = QuestionOnly
	case !s.speakerOK(m):
		res.Verdict = OtherSpeaker
	default:
		res.Verdict = OtherDate
	}
	res.Diff, res.Record = s.diff(m)
	res.Changes = s.changes(m)
	res.Speaker = fullName(t.Speaker, d, s.c.names.fullNames(s.c.ix))
	if res.Speaker == "" {
		res.Speaker = t.Speaker.Title
	}
	res.SpeakerTitle = t.Speaker.Title
	if _, by := s.speakerOf(m); by.Name != "" {
		res.Speaker, res.SpeakerTitle = by.Name, by.Title
	}
	if res.SpeakerTitle == res.Speaker {
		res.SpeakerTitle = ""
	}
	res.Role = string(t.Role)
	res.Date = dateOf(m)
	start, end := m.lead(m.first), m.ws[m.last-1].end
	res.Citation = s.citation(d, start, end)
	// The context is the turn's own words: never the previous turn, nor
	// this one's speaker label.
	from := t.Start
	if _, body, ok := text.LabelAt(d.Text, t.Start); ok && body <= start {
		from = body
	}
	res.Context = contextAround(d.Text, start, end, from, max(t.End, end))
	return res
}

// diff renders the steps as DiffOps (runs of one kind joined; a change
// where the claim has words the record replaces) and the record's words.
func (s *search) diff(m *match) ([]DiffOp, string) {
	claim := s.q.text
	cw := s.q.words
	rec := m.reg.doc.Text
	cText := func(j0, j1 int) string {
		if j1 <= j0 {
			return ""
		}
		start, end := cw[j0].start, cw[j1-1].end
		if j0 > 0 {
			_, next := attach(claim[cw[j0-1].end:start])
			start -= next
		} else {
			_, next := attach(claim[:start])
			start -= next
		}
		if j1 < len(cw) {
			prev, _ := attach(claim[end:cw[j1].start])
			end += prev
		}
		return claim[start:end]
	}
	rText := func(i0, i1 int) string {
		if i1 <= i0 {
			return ""
		}
		return rec[m.lead(i0):m.trail(i1)]
	}
	var ops []DiffOp
	var record []string
	recStart := -1 // first record word of the current verbatim stretch
	recEnd := -1
	flushRecord := func() {
		if recStart >= 0 {
			record = append(record, rText(recStart, recEnd))
		}
		recStart = -1
	}
	// A run of same steps, or of edit steps, is one op.
	for k := 0; k < len(m.steps); {
		st := m.steps[k]
		if st.kind == stGap || st.kind == stJump {
			flushRecord()
			op := DiffOp{Op: OpSame, Record: "…"}
			if st.kind == stGap {
				op.Claimed = "…"
			}
			ops = append(ops, op)
			k++
			continue
		}
		edit := st.kind == stSub || st.kind == stAdd || st.kind == stDrop
		l := k
		j0, j1, i0, i1 := st.j0, st.j1, st.i0, st.i1
		for l+1 < len(m.steps) {
			nx := m.steps[l+1]
			nedit := nx.kind == stSub || nx.kind == stAdd || nx.kind == stDrop
			if nx.kind == stGap || nx.kind == stJump || nedit != edit {
				break
			}
			l++
			j1, i1 = max(j1, nx.j1), max(i1, nx.i1)
		}
		if i1 > i0 {
			if recStart < 0 {
				recStart = i0
			}
			recEnd = i1
		}
		op := DiffOp{Op: OpSame, Claimed: cText(j0, j1), Record: rText(i0, i1)}
		if edit {
			switch {
			case op.Claimed == "":
				op.Op = OpDrop
			case op.Record == "":
				op.Op = OpAdd
			default:
				op.Op = OpChange
			}
		}
		ops = append(ops, op)
		k = l + 1
	}
	flushRecord()
	return ops, strings.Join(record, " … ")
}

// lead is where the record word i starts with what belongs to it before
// it: "$1" for the word "1" (see attach).
func (m *match) lead(i int) int {
	lo := m.reg.lo
	if i > 0 {
		lo = m.ws[i-1].end
	}
	_, next := attach(m.reg.doc.Text[lo:m.ws[i].start])
	return m.ws[i].start - next
}

// trail is where the record words up to i1 end, with the punctuation that
// closes word i1-1 when the match goes on after it ("interests," before
// "our"); the match's last word ends at its own end, its punctuation left
// to the context.
func (m *match) trail(i1 int) int {
	end := m.ws[i1-1].end
	if i1 < m.last {
		prev, _ := attach(m.reg.doc.Text[end:m.ws[i1].start])
		end += prev
	}
	return end
}

// attach splits g, the text between two neighbouring words, into what
// belongs to the word before it (the punctuation that closes it, up to the
// first space: ",", ".", "%", "”") and what belongs to the word after it
// (symbols and opening marks glued to it: "$", "€", "(", "“"), so that the
// words shown in pieces of a diff keep them: the claim's "$2" changed to
// the record's "$1", not "2" to "1".
func attach(g string) (toPrev, toNext int) {
	for toNext < len(g) {
		r, size := utf8.DecodeLastRuneInString(g[:len(g)-toNext])
		if !unicode.IsSymbol(r) && !unicode.In(r, unicode.Ps, unicode.Pi) && r != '#' {
			break
		}
		toNext += size
	}
	rest := g[:len(g)-toNext]
	toPrev = len(rest)
	if k := strings.IndexFunc(rest, unicode.IsSpace); k >= 0 {
		toPrev = k
	}
	return toPrev, toNext
}

// changes names the differences of a match that change its meaning.
func (s *search) changes(m *match) []string {
	var out []string
	claimNeg, recNeg := 0, 0
	var claimNums, recNums []string
	name := false
	names := s.c.names.get(s.c.ix)
	for _, st := range m.steps {
		if st.kind != stSub && st.kind != stAdd && st.kind != stDrop {
			continue
		}
		for j := st.j0; j < st.j1; j++ {
			w := s.q.words[j]
			if text.IsNegation(w.word) {
				claimNeg++
			}
			if _, ok := text.NumberValue(w.key); ok {
				claimNums = append(claimNums, w.key)
			}
			name = name || isName(s.q.text, w, names)
		}
		for i := st.i0; i < st.i1; i++ {
			w := m.ws[i]
			key := wordKey(m.reg.doc.Text, text.Token{Word: w.word, Start: w.start, End: w.end})
			if text.IsNegation(w.word) {
				recNeg++
			}
			if _, ok := text.NumberValue(key); ok {
				recNums = append(recNums, key)
			}
			name = name || isName(m.reg.doc.Text, w, names)
		}
	}
	if claimNeg != recNeg {
		out = append(out, "negation")
	}
	if !sameNumbers(claimNums, recNums) {
		out = append(out, "number")
	}
	if name {
		out = append(out, "name")
	}
	return out
}

// sameNumbers reports whether two lists of number words state the same
// values ("three" and "3").
func sameNumbers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	va, vb := make([]float64, len(a)), make([]float64, len(b))
	for i := range a {
		va[i], _ = text.NumberValue(a[i])
		vb[i], _ = text.NumberValue(b[i])
	}
	slices.Sort(va)
	slices.Sort(vb)
	return slices.Equal(va, vb)
}

// isName reports whether the word w of src is a name: a word of a name
// the record's speakers have, or a capitalised word inside a sentence that
// is not a title, a month or a weekday.
func isName(src string, w word, names map[string]bool) bool {
	if names[w.word] {
		return true
	}
	r := []rune(src[w.start:min(w.end, w.start+4)])
	if len(r) == 0 || !unicode.IsUpper(r[0]) || text.IsStopword(w.word) || text.IsTitleWord(w.word) {
		return false
	}
	if _, ok := text.Month(w.word); ok {
		return false
	}
	if _, ok := text.Weekday(w.word); ok {
		return false
	}
	// Not the first word of a sentence.
	before := strings.TrimRight(src[:w.start], " \t\"'“‘(")
	return before != "" && !strings.ContainsAny(before[len(before)-1:], ".!?:\n")
}

// citation cites the words [start, end) of d: the first passage holding
// them whole, else the one where they start.
func (s *search) citation(d *corpus.Document, start, end int) *Citation {
	c := &Citation{Doc: d.ID, Title: d.Title, Outlet: d.Outlet, URL: d.URL, Date: d.DateString()}
	chunks := s.c.ix.Chunks(d.ID)
	found := false
	for _, ch := range chunks {
		if ch.Start <= start && end <= ch.End {
			c.Chunk, found = ch.Index, true
			break
		}
	}
	if !found {
		for _, ch := range chunks {
			if ch.Start <= start && start < ch.End {
				c.Chunk = ch.Index
				break
			}
		}
	}
	return c
}

// contextBytes bounds how far around the words the sentences of the
// context are looked for.
const contextBytes = 2000

// contextAround returns the text from the start of the sentence before
// [start, end) to the end of the sentence after it, within the turn's
// words [turnStart, turnEnd).
func contextAround(doc string, start, end, turnStart, turnEnd int) Context {
	lo, hi := max(turnStart, start-contextBytes), min(turnEnd, end+contextBytes)
	// Cut the window at white space so no word is split.
	if k := strings.IndexAny(doc[lo:start], " \n"); lo > turnStart && k >= 0 {
		lo += k + 1
	}
	if k := strings.LastIndexAny(doc[end:hi], " \n"); hi < turnEnd && k >= 0 {
		hi = end + k
	}
	sents := text.Sentences(doc[lo:hi])
	// The sentence holding start, and the one before it.
	i := sort.Search(len(sents), func(i int) bool { return lo+sents[i][1] > start })
	from := start
	if i < len(sents) && lo+sents[i][0] < start {
		from = lo + sents[i][0]
	}
	if i > 0 {
		from = lo + sents[i-1][0]
	}
	k := sort.Search(len(sents), func(k int) bool { return lo+sents[k][1] >= end })
	to := end
	if k < len(sents) && lo+sents[k][1] > end {
		to = lo + sents[k][1]
	}
	if k+1 < len(sents) {
		to = lo + sents[k+1][1]
	}
	return Context{Before: strings.TrimSpace(doc[from:start]), After: strings.TrimSpace(doc[end:to])}
}

// notFound is the Result for a claim the record does not hold: the period
// the record covers and the passages nearest the claim's subject (the
// best of the lexical candidates: those sharing most of its rarer words;
// a vector search would cost a second query, 0.7 s over the White House
// record).
func (s *search) notFound() Result {
	res := Result{Verdict: NotFound, Claimed: s.cl.Text, Diff: []DiffOp{}}
	first, last, _ := s.c.ix.Coverage()
	if !first.IsZero() {
		res.Covers = [2]string{first.Format("2006-01-02"), last.Format("2006-01-02")}
	}
	seen := map[string]bool{}
	for _, h := range s.hits {
		if len(res.Nearest) == nearest {
			break
		}
		if seen[h.Doc.ID] {
			continue // one passage of a document
		}
		seen[h.Doc.ID] = true
		res.Nearest = append(res.Nearest, Citation{Doc: h.Doc.ID, Title: h.Doc.Title, Outlet: h.Doc.Outlet,
			URL: h.Doc.URL, Date: h.Doc.DateString(), Chunk: h.Chunk.Index, Text: strings.Join(strings.Fields(h.Chunk.Text), " ")})
	}
	return res
}

// nearest is how many passages a not-found claim is shown.
const nearest = 3
