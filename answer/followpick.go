package answer

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// A follow-up's answer rarely shares words with the follow-up: "which
// company was flying it", "where were they sent", "what was it when biden
// took office". It sits next to the statement the previous answer quoted
// (the same paragraph goes on: "… removed to El Salvador"), and it holds
// the kind of answer asked that the conversation has not given yet (a
// name for "who"/"which company", a place for "where", a figure for "how
// much", a date for "when"). So, without a model:
//
//   - the passages around the statements the previous answer quoted join
//     the candidates (anchorHits), read from the cited documents;
//   - a sentence within nearReach sentences of such a statement earns
//     SentenceFeatures.Near, which counts even when it holds none of the
//     follow-up's words;
//   - a sentence holding the asked kind of answer that the conversation
//     has not said earns SentenceFeatures.Novel;
//   - the answer opens with the best sentence that is both near and novel,
//     when one scores within Weights.FirstFloor of the best
//     (pickSentences).

// nearReach is how many sentences from a statement the previous answer
// quoted a sentence may stand and still be read as going on about it.
// 3: "DOD is contracting with FedEx Express …" is two sentences after the
// quoted "… sourced a second flight …"; "The number was 1 percent when we
// entered office" two after "… will hit 50 percent …".
const nearReach = 3

// anchorWindow bounds the passage read around a quoted statement: from
// the start of the paragraph anchorBefore bytes before it to the end of
// the paragraph anchorAfter bytes after it, at most anchorMax bytes.
const (
	anchorBefore = 300
	anchorAfter  = 500
	anchorMax    = 3000
)

// followAnchors reads, for a follow-up, the previous answer's quotations
// (folded, for matching sentences) of the documents it may stay with
// (stays: by the quotation's citation; a quotation whose citation is not
// at hand stays), and the words the conversation has said (its
// questions and answers).
func followAnchors(history []Turn, q string, stays func(Citation) bool) (anchors []string, said map[string]bool) {
	if len(history) == 0 {
		return nil, nil
	}
	for _, s := range previousStatements(history[len(history)-1]) {
		if s.HasCite && !stays(s.Cite) {
			continue
		}
		if f, _ := text.FoldQuote(s.Text); len(strings.Fields(f)) >= 3 {
			anchors = append(anchors, strings.TrimRight(f, "…. "))
		}
	}
	said = map[string]bool{}
	add := func(s string) {
		for _, tk := range text.Tokens(s) {
			said[tk.Word] = true
			said[text.Possessor(s, tk)] = true // "Trevor’s" says Trevor
		}
	}
	add(q)
	for _, t := range history {
		add(t.Question)
		add(t.Answer)
	}
	return anchors, said
}

// anchorHits returns a passage of the record around each statement of the
// previous answer that no passage of pool holds, whose document one of
// pool's passages, or a search of that document, gives: the sentences that go on about what was quoted,
// which the follow-up's words may not find (or finds only among passages
// an extractive answer does not read). Each is placed after the first
// passage of its document in pool when an extractive answer reads that
// far, else at the end of the passages it reads, and pool is returned
// with them.
func (p *Pipeline) anchorHits(ctx context.Context, query string, opts retrieval.SearchOptions, prev Turn, pool []retrieval.Hit) []retrieval.Hit {
	docs := map[string]*retrieval.Hit{}
	for i := range pool {
		if pool[i].Doc != nil && docs[pool[i].Doc.ID] == nil {
			docs[pool[i].Doc.ID] = &pool[i]
		}
	}
	added := map[string][]retrieval.Hit{}
	var order []string
	for _, s := range previousStatements(prev) {
		if !s.HasCite || s.Cite.Doc == "" {
			continue
		}
		base := docs[s.Cite.Doc]
		if base == nil {
			o := opts
			o.K, o.Docs = 1, []string{s.Cite.Doc}
			found, err := p.Index.Search(ctx, query, o)
			if err != nil || len(found) == 0 || found[0].Doc == nil || found[0].Doc.ID != s.Cite.Doc {
				continue
			}
			base = &found[0]
			docs[s.Cite.Doc] = base
		}
		stmt := strings.TrimRight(strings.TrimSpace(s.Text), "…. ")
		if j := slices.IndexFunc(pool, func(x retrieval.Hit) bool { return docID(x) == s.Cite.Doc && strings.Contains(x.Chunk.Text, stmt) }); j >= 0 && j < extractivePassages-1 {
			continue // its passage competes already
		}
		h, ok := anchorHit(*base, s.Text)
		if !ok || slices.ContainsFunc(added[s.Cite.Doc], func(x retrieval.Hit) bool { return x.Chunk.Start <= h.Chunk.Start && h.Chunk.Start < x.Chunk.End }) {
			continue
		}
		if len(added[s.Cite.Doc]) == 0 {
			order = append(order, s.Cite.Doc)
		}
		added[s.Cite.Doc] = append(added[s.Cite.Doc], h)
	}
	if len(order) == 0 {
		return pool
	}
	var out []retrieval.Hit
	placed := map[string]bool{}
	for i, h := range pool {
		out = append(out, h)
		// After the first passage of its document, if an extractive
		// answer reads that far; else among the passages it reads (below).
		if id := docID(h); added[id] != nil && !placed[id] && i < extractivePassages-1 {
			out = append(out, added[id]...)
			placed[id] = true
		}
	}
	at := min(len(out), extractivePassages-1)
	for _, id := range order {
		if !placed[id] {
			out = slices.Insert(out, at, added[id]...)
			at += len(added[id])
		}
	}
	return out
}

// docID is a hit's document ID.
func docID(h retrieval.Hit) string {
	if h.Doc != nil {
		return h.Doc.ID
	}
	return h.Chunk.DocID
}

// anchorHit is a passage of base's document around the statement quoted
// (whole paragraphs, see anchorWindow), with base's scores; ok is false
// when the document does not hold the statement.
func anchorHit(base retrieval.Hit, statement string) (retrieval.Hit, bool) {
	doc := base.Doc
	if doc == nil {
		return base, false
	}
	stmt := strings.TrimRight(strings.TrimSpace(statement), "…. ")
	at := strings.Index(doc.Text, stmt)
	if at < 0 || stmt == "" {
		return base, false
	}
	start := strings.LastIndexByte(doc.Text[:max(0, at-anchorBefore)], '\n') + 1
	end := len(doc.Text)
	if from := min(len(doc.Text), at+len(stmt)+anchorAfter); from < len(doc.Text) {
		if i := strings.IndexByte(doc.Text[from:], '\n'); i >= 0 {
			end = from + i
		}
	}
	if end-start > anchorMax {
		// A long paragraph: keep the statement's surroundings, cut at a
		// space (the cut sentences are fragments, never quoted).
		start = max(start, at-anchorBefore)
		end = min(end, max(at+len(stmt)+anchorAfter, start+anchorMax))
		for start > 0 && start < at && doc.Text[start-1] != ' ' && doc.Text[start-1] != '\n' {
			start++
		}
		for end < len(doc.Text) && end > at && doc.Text[end] != ' ' {
			end--
		}
	}
	h := base
	h.Chunk = corpus.Chunk{ID: doc.ID + "#near" + strconv.Itoa(start), DocID: doc.ID, Index: -1,
		Start: start, End: end, Text: doc.Text[start:end]}
	return h, true
}

// followFeatures sets Near and Novel on the candidates of a follow-up's
// answer (r.anchors set): how close each stands to a statement the
// previous answer quoted, in its document's order of sentences, and
// whether it holds the asked kind of answer the conversation has not
// said.
func followFeatures(cands []candidate, top []retrieval.Hit, r questionReading) {
	type spot struct {
		doc string
		off int
	}
	spots := make([]spot, len(cands))
	offs := map[string][]int{}
	// anchored holds, for each statement the previous answer quoted,
	// its place there (1 for the first).
	anchored := map[spot]int{}
	for i, c := range cands {
		h := top[c.hit]
		sp := spot{docID(h), h.Chunk.Start + c.start}
		spots[i] = sp
		if !slices.Contains(offs[sp.doc], sp.off) {
			offs[sp.doc] = append(offs[sp.doc], sp.off)
		}
		folded, _ := text.FoldQuote(h.Chunk.Text[c.ws:c.we])
		folded = strings.TrimRight(folded, "…. ")
		for k, a := range r.anchors {
			if len(folded) > 0 && (strings.Contains(a, folded) || strings.Contains(folded, a)) && (anchored[sp] == 0 || k+1 < anchored[sp]) {
				anchored[sp] = k + 1
			}
		}
	}
	// A question asking for several names ("who were the two leaders")
	// is given them anew only by a sentence holding such a list (Fits),
	// not by any name ("Japan, the Republic of Korea, and the United
	// States are determined …").
	for i := range cands {
		h := top[cands[i].hit]
		cands[i].features.Novel = (r.list == 0 || cands[i].features.Fits) && anchored[spots[i]] == 0 && novel(r.typ, r.unit(), h.Chunk.Text[cands[i].ws:cands[i].we], r.said)
	}
	if len(anchored) == 0 {
		return
	}
	// A follow-up asking a kind of answer that a statement just quoted
	// holds may ask for it because the answer buried it: "who were the
	// two leaders" after "… commended President Yoon and Prime Minister
	// Kishida …". Not "who else …" (newOnly), which asks for others.
	if !r.newOnly && (r.list > 0 || r.typ != WantAny && r.typ != WantYesNo && r.typ != WantQuotation) {
		for i := range cands {
			if cands[i].features.Fits {
				cands[i].features.Restates = anchored[spots[i]]
			}
		}
	}
	for _, o := range offs {
		sort.Ints(o)
	}
	for i := range cands {
		sp := spots[i]
		if anchored[sp] > 0 {
			continue // what was answered already
		}
		o := offs[sp.doc]
		at, _ := slices.BinarySearch(o, sp.off)
		best := 0
		for a := range anchored {
			if a.doc != sp.doc {
				continue
			}
			j, _ := slices.BinarySearch(o, a.off)
			if d := abs(at - j); d > 0 && d <= nearReach && (best == 0 || d < best) {
				best = d
			}
		}
		// Near only where it may answer: giving the asked kind anew.
		// Next to the statement, a sentence that does not give it goes on
		// about something else than what is asked ("where did they meet"
		// after the meeting's sentence was quoted: that sentence, holding
		// "met", answers); a question asking no kind ("and then?") is
		// answered by the topic's words.
		if best > 0 && cands[i].features.Novel {
			cands[i].features.Near = 1 / float64(best)
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// locatives are the prepositions before a place's name ("removed to El
// Salvador", "a facility in Pennsylvania"): a name after one answers
// "where", a name elsewhere "who" or "which company".
var locatives = map[string]bool{"in": true, "at": true, "to": true, "from": true, "into": true, "near": true,
	"toward": true, "towards": true, "across": true, "throughout": true, "outside": true, "inside": true}

// figureTokenRe is a figure of a sentence: digits, or a number word.
var figureTokenRe = regexp.MustCompile(`(?i)\d[\d,.]*|\b(?:` + text.CountingWordPattern + `)\b`)

// novel reports whether a sentence holds the kind of answer t asks for
// that the conversation (said: its words) has not given: a name not said
// for "who" (not after a locative), one after a locative for "where", a
// date or a figure not said for "when" and "how many". A figure asked in
// a unit (unit: "how long was the call", "what percent") is given only
// by a sentence holding one of that unit ("about 30 minutes"), not by
// any number alone ("the two leaders"); a span of time is itself the
// figure ("about an hour").
func novel(t AnswerType, unit figureUnit, sentence string, said map[string]bool) bool {
	switch t {
	case WantPerson, WantPlace:
		for _, n := range sentenceNames(sentence) {
			if n.locative != (t == WantPlace) || t == WantPerson && n.code {
				continue
			}
			fresh := true
			for _, w := range n.words {
				if said[w] {
					fresh = false
					break
				}
			}
			if fresh {
				return true
			}
		}
	case WantDate:
		for _, m := range dateRe.FindAllString(withoutNamedYears(sentence), -1) {
			for _, tk := range text.Tokens(m) {
				if !said[tk.Word] {
					return true
				}
			}
		}
	case WantNumber:
		undated := dateRe.ReplaceAllString(sentence, "")
		if !unit.givenBy(sentence, undated) {
			return false
		}
		figures := figureTokenRe.FindAllString(undated, -1)
		if unit == durationUnit {
			// The span is the figure: "about an hour" gives one, though
			// "an" is no number.
			figures = durationRe.FindAllString(sentence, -1)
		}
		for _, m := range figures {
			for _, tk := range text.Tokens(m) {
				if !said[tk.Word] {
					return true
				}
			}
		}
	}
	return false
}

// name is a run of capitalised words of a sentence (not its first word):
// its words as Tokens writes them, and whether a locative precedes it.
type name struct {
	words    []string
	locative bool
	code     bool // one word written as an acronym or a code (codeName)
}

// codeName reports a name written as a code: its token (w) holds a dot
// ("U.S", "U.N") or a digit, or a hyphen and a digit follow it (after:
// "COVID-19"). No person's, so no answer to "who" ("They discussed the
// importance of U.S. leadership …" names no one who founded anything);
// capitals alone may be a person's (MBS, FDR).
func codeName(w, after string) bool {
	return strings.ContainsAny(w, ".0123456789") || len(after) == 2 && after[0] == '-' && after[1] >= '0' && after[1] <= '9'
}

// sentenceNames finds the names of a sentence: runs of capitalised words
// other than its first, titles, months and weekdays ("He Lifeng", "FedEx
// Express", "El Salvador").
func sentenceNames(s string) []name {
	toks := text.Tokens(s)
	var out []name
	for i := 0; i < len(toks); i++ {
		if !capitalised(s, toks[i]) || i == 0 || plainCapital(toks[i].Word) {
			continue
		}
		n := name{locative: locatives[toks[i-1].Word] || (i >= 2 && toks[i-1].Word == "the" && locatives[toks[i-2].Word])}
		j := i
		for ; j < len(toks) && capitalised(s, toks[j]) && !plainCapital(toks[j].Word); j++ {
			n.words = append(n.words, text.Possessor(s, toks[j]))
		}
		n.code = j == i+1 && codeName(s[toks[i].Start:toks[i].End], s[toks[i].End:min(len(s), toks[i].End+2)])
		out = append(out, n)
		i = j
	}
	return out
}

// capitalised reports whether a token is written with a capital first
// letter.
func capitalised(s string, tk text.Token) bool {
	r, _ := utf8.DecodeRuneInString(s[tk.Start:])
	return unicode.IsUpper(r)
}

// plainCapital reports a capitalised word that names no one: a title
// ("President"), a month or a weekday, a stopword ("The", "I").
func plainCapital(w string) bool {
	return text.IsStopword(w) || text.IsTitleWord(w) || text.IsHonorific(w) || text.NamesDate(w)
}

// anchoredKind reports the follow-ups answered next to what the previous
// answer quoted: those that point at its topic, speaker, statement or
// item, not "what else" (other statements), another period, the other
// side, or the sources.
func anchoredKind(k FollowUpKind) bool {
	switch k {
	case RefTopic, RefSpeaker, RefItem, RefDate, RefWho:
		return true
	}
	return false
}

// followFirst picks the first sentence of a follow-up's answer among those
// scoring at least w.FirstFloor of the best (cands sorted, best first):
// of those giving the asked kind of answer anew next to a statement just
// quoted, the one holding most of the follow-up's own words (the best
// scoring of equals); else the statement just quoted, earliest in the
// previous answer, that holds it (Restates, at any score); else the best
// giving it anew anywhere. ok is false when none does.
//
// Something new beside what was quoted comes before what was quoted:
// "which company was flying it" after "… 114 pallets of Gerber Good
// Start …" asks who flew the shipment (FedEx, two sentences on), not
// whose formula it carried.
//
// Next to what was quoted, the follow-up's own words decide rather than
// the score: the passages around the statements quoted are read whole
// (anchorHits), ranked after their documents' first, and what ranks them
// says nothing of which sentence there answers. "and what was it when
// biden took office?" after "will hit 50 percent" opens with "The number
// was 1 percent when we entered office", not "over 95 percent" beside
// another statement quoted.
func followFirst(cands []candidate, best int, eligible func(int) bool, w Weights) (first int, ok bool) {
	first = -1
	for i := range cands {
		if cands[i].score < w.FirstFloor*cands[best].score {
			break
		}
		f := cands[i].features
		if eligible(i) && f.Novel && f.Near > 0 && (first < 0 || f.Words > cands[first].features.Words) {
			first = i
		}
	}
	if first >= 0 {
		return first, true
	}
	for i := range cands {
		if r := cands[i].features.Restates; eligible(i) && r > 0 && (first < 0 || r < cands[first].features.Restates) {
			first = i
		}
	}
	if first >= 0 {
		return first, true
	}
	// Away from what was quoted, a sentence giving the asked kind anew
	// must say it of the subject, as a first question's must (FirstWords):
	// a long speech's other figures ("100 more immigration judges" in the
	// State of the Union that announced the Gaza pier) answer nothing
	// asked of the pier.
	subject := w.FirstWords * subjectTop(cands, eligible)
	for i := range cands {
		if cands[i].score < w.FirstFloor*cands[best].score {
			break
		}
		if eligible(i) && cands[i].features.Novel && cands[i].features.Subject >= subject {
			return i, true
		}
	}
	return best, false
}
