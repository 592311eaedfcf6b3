package answer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// A question that asks only what was said in a period, by a speaker or
// from an outlet ("what did trump say yesterday", "what did the wh say
// today", "what did kirby say on july 17 2023") names no subject: its
// filters are the whole of it, and a search for its remaining words
// ("what did say") finds nothing to weigh. It is answered from the
// documents the filters admit: the most recent few, each with the first
// sentence the asked speaker (else the document) says there, quoted and
// cited, and the number of documents in all.

// maxWindowDocs is how many documents such an answer quotes.
const maxWindowDocs = 5

// minWindowWords is how many words a sentence needs to open a document's
// entry: "Good afternoon, everybody." says nothing of what was said.
const minWindowWords = 6

// anythingWords ask for whatever was said, not for a subject: "what
// happened", "any news from the wh today", "anything new from kirby".
var anythingWords = map[string]bool{
	"anything": true, "something": true, "happen": true, "happened": true, "happening": true,
	"new": true, "news": true, "update": true, "updates": true, "statement": true, "statements": true,
	"remarks": true, "comments": true, "words": true, "said": true, "saying": true, "speak": true,
	"spoke": true, "talk": true, "talked": true, "going": true,
}

// asksAnything reports whether the question's searched words ask for
// nothing beyond its filters: each is a stopword, a verb asking for
// words, a word asking for anything, or a word of an outlet's name (the
// record's outlet, "the wh", when the whole record is its).
func asksAnything(c Constraints, pp *people) bool {
	for _, w := range text.Words(c.Search) {
		if !text.IsStopword(w) && !text.IsAskVerb(w) && !anythingWords[w] && !pp.outletWord(w) {
			return false
		}
	}
	return true
}

// outletWord reports whether w, or every word a chat abbreviation w
// stands for ("wh"), is a word of one of the record's outlets' names.
func (pp *people) outletWord(w string) bool {
	if pp == nil {
		return false
	}
	words := text.ChatExpansion(w)
	if words == nil {
		words = []string{w}
	}
	for _, x := range words {
		found := false
		for key := range pp.outlets {
			if slices.Contains(strings.Fields(key), x) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// answerFromWindow answers a question asking only what was said in its
// period, by its speaker or from its outlet (asksAnything), from the
// documents those filters admit. It reports false when the question names
// a subject, the question's own words set no filter (flags alone are no
// question), or the filters admit no document (the decline then says
// where the speaker's documents lie, emptyWindow).
func (p *Pipeline) answerFromWindow(ans *Answer, r *retrieved, filters retrieval.SearchOptions) bool {
	ad, ok := p.Index.(admitter)
	if !ok || !narrowed(filters, r.opts) || !asksAnything(r.c, p.people()) {
		return false
	}
	docs := ad.Admitted(r.opts)
	total := len(docs)
	if total == 0 {
		return false
	}
	var speaker string // the asked speaker, as the filter matches names
	if r.c.Speaker != nil && filters.Speaker == "" {
		speaker = text.NameKey(r.opts.Speaker)
	}
	chunks := p.chunksOf()
	var b strings.Builder
	var cites []Citation
	// The most recent first among the dated: a period's latest documents,
	// a speaker's latest words.
	for i := len(docs) - 1; i >= 0 && len(cites) < maxWindowDocs; i-- {
		d := docs[i]
		t, at, end, ok := openingSentence(d, speaker)
		if !ok || chunks == nil {
			continue
		}
		h, ok := passageHolding(d, chunks(d.ID), at, end)
		if !ok {
			continue
		}
		cite := CitationFor(len(cites)+1, h)
		cites = append(cites, cite)
		who := ""
		if t.Speaker.Name != "" && t.Speaker.Name != d.Outlet {
			who = " — " + t.Speaker.Name
			if t.Speaker.Title != "" {
				who += ", " + t.Speaker.Title
			}
		}
		fmt.Fprintf(&b, "\n- %s (%s)%s: “%s” [%d]", d.Outlet, d.DateString(), who, strings.TrimSpace(d.Text[at:end]), cite.N)
	}
	if len(cites) == 0 {
		return false
	}
	var lead string
	switch {
	case speaker != "":
		lead = fmt.Sprintf("The record holds %s with %s among their speakers", plural(total, "document", "documents"), r.c.Speaker.Name)
	case r.c.Outlet != "" && filters.Outlet == "":
		lead = fmt.Sprintf("The record holds %s from %s", plural(total, "document", "documents"), r.c.Outlet)
	default:
		lead = fmt.Sprintf("The record holds %s", plural(total, "document", "documents"))
	}
	if !r.c.Period.IsZero() {
		lead += fmt.Sprintf(" %s (%s)", r.c.Period.said(), r.c.Period)
	}
	switch {
	case total > len(cites):
		lead += fmt.Sprintf("; the latest %d, each with its first statement:", len(cites))
	case total == 1:
		lead += ", with its first statement:"
	default:
		lead += ", the latest first, each with its first statement:"
	}
	tail := "\n\nThe question names no subject; ask about one to read what was said on it."
	if !p.answerVerified(ans, lead+b.String()+tail, cites, true) {
		return false
	}
	if p.Explain {
		ans.Explain = r.explanation()
		ans.Explain.Decision = Decision{Answer: true, By: "window",
			Reason: fmt.Sprintf("the question names no subject beyond its filters; answered from the %d documents they admit", total)}
	}
	return true
}

// openingSentence finds the first sentence of d that speaker (a NameKey;
// "" for anyone) states, of minWindowWords words or more, neither a
// question nor a courtesy: the turn it is in and its byte range. A
// document the speaker is only named in (a readout of their call) opens
// with its issuer's words instead.
func openingSentence(d *corpus.Document, speaker string) (corpus.Turn, int, int, bool) {
	for _, anyone := range []bool{false, true} {
		if anyone && speaker == "" {
			break
		}
		for _, t := range d.Turns() {
			if !t.Role.Statement() || t.End > len(d.Text) {
				continue
			}
			if !anyone && speaker != "" && !strings.Contains(text.NameKey(t.Speaker.Name), speaker) {
				continue
			}
			span := d.Text[t.Start:t.End]
			for _, s := range text.Sentences(span) {
				if _, body, ok := text.LabelAt(span, s[0]); ok && body < s[1] {
					s[0] = body // "MS. JEAN-PIERRE: So, …": her words, not her label
				}
				sentence := strings.TrimSpace(span[s[0]:s[1]])
				if len(strings.Fields(sentence)) < minWindowWords || strings.HasSuffix(sentence, "?") || filler(sentence) ||
					strings.ContainsAny(sentence, "“”\"") {
					continue
				}
				return t, t.Start + s[0], t.Start + s[1], true
			}
		}
	}
	return corpus.Turn{}, 0, 0, false
}

// passageHolding returns the first of a document's passages holding the
// byte range [start, end) of its text whole, as a hit to cite.
func passageHolding(d *corpus.Document, chunks []corpus.Chunk, start, end int) (retrieval.Hit, bool) {
	for _, c := range chunks {
		if c.Start <= start && end <= c.End {
			return retrieval.Hit{Doc: d, Chunk: c}, true
		}
	}
	return retrieval.Hit{}, false
}
