package verify

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// CloseThreshold is the least Similarity for a Close verdict (and for
// the other verdicts that say where the words are): below it the claim is
// not found. At 0.75 one changed word in four still reads as the same
// sentence, and two changes in five do not. Chosen, not yet measured: the
// evaluation set of issue 15 measures it.
const CloseThreshold = 0.75

// candidates is how many passages the lexical index gives for a claim,
// once over the whole record and once more within the claimed speaker's
// documents and period when the claim names them: a 40-word quotation's
// passage ranks first, and a short common phrase said in hundreds of
// places needs the filtered search to reach the claimed speaker's.
const candidates = 30

// window is how far around a candidate passage, within its turn, the
// claim is aligned (bytes each side): far enough for a claim joining two
// sentences of one answer that several passages apart hold, near enough
// that a long speech is not aligned whole for every candidate.
const window = 3000

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
func (s *search) run(ctx context.Context) (*match, error) {
	s.al = newAligner(s.q)
	hits := s.c.ix.LexicalSearch(s.q.query, retrieval.SearchOptions{K: candidates})
	s.hits = hits
	if s.cl.Speaker != "" || !s.cl.Since.IsZero() || !s.cl.Until.IsZero() {
		more := s.c.ix.LexicalSearch(s.q.query, retrieval.SearchOptions{K: candidates,
			Speaker: speakerFilter(s.cl.Speaker), Since: s.cl.Since, Until: s.cl.Until})
		hits = append(hits, more...)
	}
	regs := regions(hits)
	var good []*match
	for _, r := range regs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		if m := s.alignRegion(r); m != nil && m.sim >= CloseThreshold {
			good = append(good, m)
		}
	}
	return s.choose(good), nil
}

// regions turns the hits into the stretches of turns to align: each hit's
// turns, window bytes either side of the hit within the turn, overlapping
// stretches of one turn joined.
func regions(hits []retrieval.Hit) []*region {
	type key struct {
		doc  string
		turn int
	}
	byKey := map[key]*region{}
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
			if r := byKey[k]; r != nil {
				r.lo, r.hi = min(r.lo, lo), max(r.hi, hi)
				continue
			}
			r := &region{doc: d, turn: t, lo: lo, hi: hi}
			byKey[k] = r
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
	if steps == nil {
		return nil
	}
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
	return s.cl.Speaker == "" || speakerMatches(s.cl.Speaker, m.reg.turn.Speaker)
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
	res.Speaker = t.Speaker.Name
	if res.Speaker == "" {
		res.Speaker = t.Speaker.Title
	}
	res.SpeakerTitle = t.Speaker.Title
	if res.SpeakerTitle == res.Speaker {
		res.SpeakerTitle = ""
	}
	res.Role = string(t.Role)
	res.Date = dateOf(m)
	start, end := m.ws[m.first].start, m.ws[m.last-1].end
	res.Citation = s.citation(d, start, end)
	res.Context = contextAround(d.Text, start, end)
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
		return claim[cw[j0].start:cw[j1-1].end]
	}
	rText := func(i0, i1 int) string {
		if i1 <= i0 {
			return ""
		}
		return rec[m.ws[i0].start:m.ws[i1-1].end]
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
// [start, end) to the end of the sentence after it.
func contextAround(doc string, start, end int) Context {
	lo, hi := max(0, start-contextBytes), min(len(doc), end+contextBytes)
	// Cut the window at white space so no word is split.
	if k := strings.IndexAny(doc[lo:start], " \n"); lo > 0 && k >= 0 {
		lo += k + 1
	}
	if k := strings.LastIndexAny(doc[end:hi], " \n"); hi < len(doc) && k >= 0 {
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
