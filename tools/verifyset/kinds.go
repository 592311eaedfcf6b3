package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/readout/readout/text"
	"github.com/readout/readout/verify"
)

// item is one line of the verification set: a claim, what it claims of
// speaker and period, and the verdict a correct checker gives.
type item struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Claim   string `json:"claim"`
	Speaker string `json:"speaker,omitempty"`
	Since   string `json:"since,omitempty"`
	Until   string `json:"until,omitempty"`
	Expect  string `json:"expect"`
	// Change is the change of meaning the checker should name for a close
	// claim: "negation" or "number".
	Change string `json:"change,omitempty"`
	// Doc is the document the claim was built from (for an invented claim,
	// the one its first clause came from; Docs names both).
	Doc  string   `json:"doc"`
	Docs []string `json:"docs,omitempty"`
	// Record is the record's sentence (or sentences, joined by " | ") the
	// claim was built from; Form says how a truncation or a negation flip
	// was made.
	Record string `json:"record,omitempty"`
	Form   string `json:"form,omitempty"`
}

// kind is one kind of claim: its name in the set, the verdict it expects,
// and how one is built from a candidate sentence.
type kind struct {
	name   string
	expect verify.Verdict
	build  func(g *generator, s sentence) (item, bool)
}

// kinds are generated in this order; each draws from a random source of
// its own (the seed and the kind's index), so adding a kind at the end
// leaves the others' draws alone.
var kinds = []kind{
	{"exact", verify.Exact, (*generator).exact},
	{"changed-word", verify.Close, (*generator).changedWord},
	{"negation", verify.Close, (*generator).negation},
	{"number", verify.Close, (*generator).number},
	{"truncated", verify.Exact, (*generator).truncated},
	{"stitched", verify.Exact, (*generator).stitched},
	{"wrong-speaker", verify.OtherSpeaker, (*generator).wrongSpeaker},
	{"question", verify.QuestionOnly, (*generator).question},
	{"invented", verify.NotFound, nil}, // built in pairs: see invented
	{"other-date", verify.OtherDate, (*generator).otherDate},
}

// generator draws the items of one kind.
type generator struct {
	r    *record
	rng  *rand.Rand
	kind kind
	// used holds the keys of the sentences any kind has built a claim
	// from, so no sentence serves twice.
	used map[string]bool
}

// draw builds up to n items from pool, taking candidates in a random
// order, at most one per document.
func (g *generator) draw(pool []sentence, n int) []item {
	var out []item
	docs := map[string]bool{}
	for _, i := range g.rng.Perm(len(pool)) {
		if len(out) == n {
			break
		}
		s := pool[i]
		k := key(s.text)
		if docs[s.doc.ID] || g.used[k] {
			continue
		}
		it, ok := g.kind.build(g, s)
		if !ok {
			continue
		}
		g.used[k] = true
		docs[s.doc.ID] = true
		it.Kind, it.Expect = g.kind.name, string(g.kind.expect)
		if it.Doc == "" {
			it.Doc = s.doc.ID
		}
		it.ID = fmt.Sprintf("g-%s-%02d", g.kind.name, len(out)+1)
		out = append(out, it)
	}
	return out
}

// maybeSpeaker returns the statement's speaker in a share of the claims
// (the speaker is optional in a claim), when it is a person's name.
func (g *generator) maybeSpeaker(s sentence, tenths int) string {
	if g.r.isName(s.turn.Speaker.Name) && g.rng.IntN(10) < tenths {
		return s.turn.Speaker.Name
	}
	return ""
}

// exact: the sentence as the record has it, half of them with the
// surface of a pasted quotation (see paste); a third with a claimed
// period of a month around its date.
func (g *generator) exact(s sentence) (item, bool) {
	if !g.r.unique(s.text) {
		return item{}, false
	}
	it := item{Claim: s.text, Speaker: g.maybeSpeaker(s, 7), Record: s.text}
	if d, err := time.Parse(time.DateOnly, s.date()); err == nil && g.rng.IntN(3) == 0 {
		it.Since, it.Until = d.AddDate(0, 0, -15).Format(time.DateOnly), d.AddDate(0, 0, 15).Format(time.DateOnly)
	}
	if g.rng.IntN(2) == 0 {
		it.Claim, it.Form = paste(it.Claim, g.rng, g.r.british)
	}
	return it, true
}

// changedWord: one content word replaced by another of the same form.
func (g *generator) changedWord(s sentence) (item, bool) {
	c, ok := changeWord(s.text, g.rng, g.r.vocab)
	if !ok || !g.r.unique(s.text) || !g.r.absent(c) {
		return item{}, false
	}
	return item{Claim: c, Speaker: g.maybeSpeaker(s, 5), Record: s.text}, true
}

// negation: a negation added or removed.
func (g *generator) negation(s sentence) (item, bool) {
	c, form, ok := flipNegation(s.text, g.rng)
	if !ok || !g.r.unique(s.text) || !g.r.absent(c) {
		return item{}, false
	}
	return item{Claim: c, Speaker: g.maybeSpeaker(s, 5), Record: s.text, Change: "negation", Form: form}, true
}

// number: one number changed.
func (g *generator) number(s sentence) (item, bool) {
	c, ok := changeNumber(s.text, g.rng)
	if !ok || !g.r.unique(s.text) || !g.r.absent(c) {
		return item{}, false
	}
	return item{Claim: c, Speaker: g.maybeSpeaker(s, 5), Record: s.text, Change: "number"}, true
}

// truncated: a faithful truncation is an exact quotation, so it expects
// exact. A prefix or suffix must itself be found in one place only. A
// third have the surface of a pasted quotation.
func (g *generator) truncated(s sentence) (item, bool) {
	c, form, ok := truncate(s.text, g.rng)
	if !ok || !g.r.unique(s.text) || (form != "elided" && !g.r.unique(strings.Trim(c, ellipsis))) {
		return item{}, false
	}
	it := item{Claim: c, Speaker: g.maybeSpeaker(s, 5), Record: s.text, Form: form}
	if g.rng.IntN(3) == 0 {
		var pasted string
		it.Claim, pasted = paste(it.Claim, g.rng, g.r.british)
		it.Form += "," + pasted
	}
	return it, true
}

// stitchReach is how many sentences later, in the same statement, the
// second half of a stitched quotation may come from.
const stitchReach = 4

// maxStitchWords keeps a stitched claim the length of a pasted quotation.
const maxStitchWords = 60

// stitched: the sentence, an ellipsis, and a later sentence of the same
// statement; it expects exact.
func (g *generator) stitched(s sentence) (item, bool) {
	if !g.r.unique(s.text) {
		return item{}, false
	}
	var later []sentence
	for _, t := range g.r.byTurn[turnKey{s.doc.ID, s.turnIdx}] {
		if t.seq > s.seq && t.seq-s.seq <= stitchReach && !g.used[key(t.text)] && g.r.unique(t.text) {
			later = append(later, t)
		}
	}
	if len(later) == 0 {
		return item{}, false
	}
	b := later[g.rng.IntN(len(later))]
	c := stitch(s.text, b.text, g.rng)
	if len(text.Tokens(c)) > maxStitchWords {
		return item{}, false
	}
	g.used[key(b.text)] = true
	return item{Claim: c, Speaker: g.maybeSpeaker(s, 5), Record: s.text + " | " + b.text}, true
}

// wrongSpeaker: the sentence as the record has it, claimed of another
// regular official of the record.
func (g *generator) wrongSpeaker(s sentence) (item, bool) {
	if !g.r.isName(s.turn.Speaker.Name) || !g.r.unique(s.text) {
		return item{}, false
	}
	var others []string
	for _, o := range g.r.officials {
		if !samePerson(o, s.turn.Speaker.Name) {
			others = append(others, o)
		}
	}
	if len(others) == 0 {
		return item{}, false
	}
	return item{Claim: s.text, Speaker: others[g.rng.IntN(len(others))], Record: s.text + " (" + s.turn.Speaker.Name + ")"}, true
}

// samePerson reports whether two names may be one person, or two of a
// family ("Biden", "Joe Biden", "Jill Biden"): they share a name word of
// three letters or more.
func samePerson(a, b string) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(text.NameKey(a)) {
		words[w] = len(w) >= 3
	}
	for _, w := range strings.Fields(text.NameKey(b)) {
		if words[w] {
			return true
		}
	}
	return false
}

// question: a reporter's question that no statement of the record
// repeats, claimed (mostly) of the official it was put to.
func (g *generator) question(s sentence) (item, bool) {
	if !g.r.unspoken(s.text) {
		return item{}, false
	}
	it := item{Claim: s.text, Record: s.text}
	if s.next != "" && g.rng.IntN(5) < 4 {
		it.Speaker = s.next
	}
	return it, true
}

// otherDateGap keeps a wrongly claimed period well clear of the
// statement's day, so a date read a few days off still falls outside it.
const otherDateGap = 60

// otherDate: the sentence as the record has it, claimed for a year that
// ends otherDateGap days before it or starts otherDateGap days after it.
func (g *generator) otherDate(s sentence) (item, bool) {
	d, err := time.Parse(time.DateOnly, s.date())
	if err != nil || !g.r.unique(s.text) {
		return item{}, false
	}
	it := item{Claim: s.text, Speaker: g.maybeSpeaker(s, 6), Record: s.text + " (" + s.date() + ")"}
	if g.rng.IntN(2) == 0 {
		until := d.AddDate(0, 0, -otherDateGap)
		it.Since, it.Until = until.AddDate(-1, 0, 0).Format(time.DateOnly), until.Format(time.DateOnly)
	} else {
		since := d.AddDate(0, 0, otherDateGap)
		it.Since, it.Until = since.Format(time.DateOnly), since.AddDate(1, 0, 0).Format(time.DateOnly)
	}
	return it, true
}

// maxInventedShare: an invented claim is kept only when no document holds
// more than this share of its four-word runs (each clause is at most 60%
// of its words, so the share from its own sources is about that).
const maxInventedShare = 0.65

// invented recombines the opening clause of one statement with the
// closing clause of a statement of another document, and keeps the
// recombinations whose words are nowhere in the record and of which no
// document holds more than maxInventedShare. It has no speaker: an
// invented sentence is never put in a real person's mouth by the set.
func (g *generator) invented(n int) []item {
	pool := g.r.statements
	var cands []item
	docs := map[string]bool{}
	for _, i := range g.rng.Perm(len(pool)) {
		if len(cands) == 3*n {
			break
		}
		a := pool[i]
		head, ok := clauseBefore(a.text)
		if !ok || docs[a.doc.ID] {
			continue
		}
		// The second clause comes from a statement on the same subject
		// (sharing an uncommon term with the first clause), so the claim
		// reads as one thought; a bounded search, as most draws share none.
		subject := uncommonTerms(head)
		var c string
		var b sentence
		ok = false
		for range inventedTries {
			b = pool[g.rng.IntN(len(pool))]
			if b.doc.ID == a.doc.ID || docs[b.doc.ID] || !sharesTerm(subject, b.text) {
				continue
			}
			if c, ok = recombine(a.text, b.text); ok {
				break
			}
		}
		if !ok || !g.r.absent(c) {
			continue
		}
		docs[a.doc.ID], docs[b.doc.ID] = true, true
		cands = append(cands, item{Claim: c, Doc: a.doc.ID, Docs: []string{a.doc.ID, b.doc.ID}, Record: a.text + " | " + b.text})
	}
	share := g.r.nearestShare(claimsOf(cands))
	var out []item
	for i, it := range cands {
		if len(out) == n {
			break
		}
		if share[i] > maxInventedShare {
			continue
		}
		it.Kind, it.Expect = g.kind.name, string(g.kind.expect)
		it.ID = fmt.Sprintf("g-%s-%02d", g.kind.name, len(out)+1)
		out = append(out, it)
	}
	return out
}

// inventedTries bounds the search for a second clause on the subject of
// the first.
const inventedTries = 2000

// uncommonTerms returns the terms of s that are neither stopwords nor
// common in the record.
func uncommonTerms(s string) map[string]bool {
	out := map[string]bool{}
	for t := range text.TermSet(s) {
		if !text.IsCommon(t) {
			out[t] = true
		}
	}
	return out
}

// sharesTerm reports whether the closing clause of s holds one of terms.
func sharesTerm(terms map[string]bool, s string) bool {
	tail, ok := clauseAfter(s)
	if !ok {
		return false
	}
	for _, t := range text.Terms(tail) {
		if terms[t] {
			return true
		}
	}
	return false
}

func claimsOf(items []item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Claim
	}
	return out
}

// generate draws n items of every kind from the record with seed.
func generate(r *record, seed uint64, n int) [][]item {
	used := map[string]bool{}
	out := make([][]item, len(kinds))
	for ki, k := range kinds {
		g := &generator{r: r, rng: rand.New(rand.NewPCG(seed, uint64(ki))), kind: k, used: used}
		switch {
		case k.build == nil:
			out[ki] = g.invented(n)
		case k.expect == verify.QuestionOnly:
			out[ki] = g.draw(r.questions, n)
		default:
			out[ki] = g.draw(r.statements, n)
		}
	}
	return out
}

// frozenSalt separates the frozen draw's random source from the kinds'.
const frozenSalt = 1 << 20

// split puts a third of each kind, drawn at random with seed, into
// frozen and the rest into dev, each in the kinds' order and by id.
func split(byKind [][]item, seed uint64) (dev, frozen []item) {
	rng := rand.New(rand.NewPCG(seed, frozenSalt))
	for _, items := range byKind {
		take := map[int]bool{}
		for _, i := range rng.Perm(len(items))[:len(items)/3] {
			take[i] = true
		}
		for i, it := range items {
			if take[i] {
				frozen = append(frozen, it)
			} else {
				dev = append(dev, it)
			}
		}
	}
	return dev, frozen
}
