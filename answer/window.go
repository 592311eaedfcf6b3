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
// documents the filters admit: the most recent few (the earliest, when
// the question asks for the first), each with the first sentence the
// asked speaker states there, quoted and cited, and the number of
// documents in all.

// maxWindowDocs is how many documents such an answer quotes.
const maxWindowDocs = 5

// minWindowWords is how many words a sentence needs to open a document's
// entry: "Good afternoon, everybody." says nothing of what was said.
const minWindowWords = 6

// anythingWords ask for whatever was said, not for a subject, beyond the
// record's common words (text.IsCommon: "happen", "new", "news"): "any
// updates from the wh today", "anything from kirby".
var anythingWords = map[string]bool{
	"anything": true, "something": true, "update": true, "updates": true, "statement": true, "statements": true,
	"remarks": true, "talk": true, "talked": true, "going": true,
}

// asksAnything reports whether the question's searched words ask for
// nothing beyond its filters (namesNoSubject): besides the words that
// name no subject, a word asking for anything, or a word of the name of
// one of the record's outlets ("the wh", whose record it is).
func asksAnything(c Constraints, pp *people) bool {
	return namesNoSubject(c.Search, func(w string) bool { return anythingWords[w] || pp.outletWord(w) })
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

// windowSpeaker is whom a window answer quotes: the person the question
// names, or the name a --speaker filter gives.
type windowSpeaker struct {
	name string   // as shown ("Karine Jean-Pierre")
	keys []string // the name keys (text.NameKey) a speaker must be written as
	// surname is the surname alone a transcript labels them with ("DR.
	// FAUCI:"), counted as theirs only where a period is asked whether it
	// holds any turn of theirs (emptyWindow: withSurname); "" elsewhere.
	surname string
}

// speaks reports whether a speaker's name, as a document writes it, is
// this one's: one of its name keys, whole words of it ("Dr. Jill Biden"
// for "jill biden"), never a part of a word ("Advances" for "vance") nor
// a namesake sharing the surname (Joe Biden for Jill Biden); a label of
// the surname alone only as withSurname allows.
func (ws windowSpeaker) speaks(name string) bool {
	if ws.surname != "" && strings.EqualFold(strings.TrimSpace(name), ws.surname) {
		return true
	}
	return slices.ContainsFunc(ws.keys, func(key string) bool { return namesKey(name, key) })
}

// windowSpeakerOf is the speaker whose words a window answer quotes: the
// person the question names, with the record's variants of their name,
// else the --speaker filter's name; ok is false when neither names one.
func windowSpeakerOf(c Constraints, opts retrieval.SearchOptions) (windowSpeaker, bool) {
	if c.Speaker != nil {
		ws := windowSpeaker{name: c.Speaker.Name, keys: []string{text.NameKey(c.Speaker.Name)}}
		for _, v := range c.Speaker.variants {
			// A variant of two words or more: "biden" alone is the
			// surname every Biden shares.
			if strings.Contains(v, " ") {
				ws.keys = append(ws.keys, text.NameKey(v))
			}
		}
		return ws, true
	}
	if k := text.NameKey(opts.Speaker); k != "" {
		return windowSpeaker{name: strings.TrimSpace(opts.Speaker), keys: []string{k}}, true
	}
	return windowSpeaker{}, false
}

// withSurname is ws counting, as theirs, the turns labelled with their
// surname alone ("DR. FAUCI:", which the speaker lists write as "Fauci")
// when the record quotes them in fullNameLead times as many documents as
// anyone else of that surname (mostQuoted): for asking whether a period
// holds any turn of theirs, never for quoting one as theirs.
func (ws windowSpeaker) withSurname(p *Person, pp *people) windowSpeaker {
	f := strings.Fields(p.Name)
	if pp == nil || len(f) < 2 {
		return ws
	}
	surname := f[len(f)-1]
	var same []*Person
	for _, o := range pp.byAlias[strings.ToLower(surname)] {
		if g := strings.Fields(o.Name); len(g) >= 2 && strings.EqualFold(g[len(g)-1], surname) {
			same = append(same, o)
		}
	}
	if mostQuoted(same) == p {
		ws.surname = surname
	}
	return ws
}

// windowKind reports the questions a window answer may answer: a new
// topic, or a follow-up that moves the conversation to another speaker or
// time ("and kjp in march 2021?" after "what did kirby say yesterday"),
// not one about what was just quoted.
func windowKind(k FollowUpKind) bool {
	return k == NewTopic || k == RefTopic || k == RefSpeaker || k == RefPeriod
}

// answerFromWindow answers a question asking only what was said in its
// period, by its speaker or from its outlet (asksAnything), from the
// documents those filters admit. It reports false when the question names
// a subject, sets no filter (a question of a command's flags alone
// needs its own words' filter too), or the filters admit no document
// that dates a statement of the speaker (the decline then says where the
// speaker's documents lie, emptyWindow).
func (p *Pipeline) answerFromWindow(ans *Answer, r *retrieved, filters retrieval.SearchOptions) bool {
	ad, ok := p.Index.(admitter)
	chunks := p.chunksOf()
	if !ok || chunks == nil || !narrowed(filters, r.opts) || !asksAnything(r.c, p.people()) {
		return false
	}
	ws, bySpeaker := windowSpeakerOf(r.c, r.opts)
	docs := windowDocs(ad.Admitted(r.opts), r.c.Period, ws, bySpeaker)
	if len(docs) == 0 {
		return false
	}
	if r.c.Order != OrderFirst {
		slices.Reverse(docs) // the latest first
	}
	var b strings.Builder
	var cites []Citation
	skipped := false // a document passed over: nothing of it to quote
	for _, d := range docs {
		if len(cites) == maxWindowDocs {
			break
		}
		t, at, end, ok := openingSentence(d, ws, bySpeaker)
		if !ok {
			skipped = true
			continue
		}
		h, ok := passageHolding(d, chunks(d.ID), at, end)
		if !ok {
			skipped = true
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
	lead := "The record holds " + plural(len(docs), "document", "documents")
	switch {
	case bySpeaker:
		lead += " in which " + ws.name + " speaks"
	case r.c.Outlet != "":
		lead += " from " + r.c.Outlet
	}
	if !r.c.Period.IsZero() {
		lead += fmt.Sprintf(" %s (%s)", r.c.Period.said(), r.c.Period)
	}
	order := "latest"
	if r.c.Order == OrderFirst {
		order = "earliest"
	}
	switch {
	case skipped && len(cites) == maxWindowDocs:
		// Some hold nothing to quote (a line too short, a question):
		// those listed are the latest (earliest) that do.
		lead += fmt.Sprintf("; the %s %d with a statement to quote, each with its first statement:", order, len(cites))
	case skipped && len(cites) == 1:
		lead += "; the one with a statement to quote, with its first statement:"
	case skipped:
		lead += fmt.Sprintf("; the %d with a statement to quote, the %s first, each with its first statement:", len(cites), order)
	case len(docs) > len(cites) && len(cites) == 1:
		lead += fmt.Sprintf("; the %s, with its first statement:", order)
	case len(docs) > len(cites):
		lead += fmt.Sprintf("; the %s %d, each with its first statement:", order, len(cites))
	case len(cites) == 1:
		lead += ", with its first statement:"
	default:
		lead += fmt.Sprintf(", the %s first, each with its first statement:", order)
	}
	tail := "\n\nThe question names no subject; ask about one to read what was said on it."
	if !p.answerVerified(ans, lead+b.String()+tail, cites, true) {
		return false
	}
	ans.Warnings = nil // the search's notices were of passages this answer does not quote
	if p.Explain {
		ans.Explain = r.explanation()
		ans.Explain.Notes = nil
		ans.Explain.Decision = Decision{Answer: true, By: "window",
			Reason: "the question names no subject beyond its filters; answered from the " + plural(len(docs), "document", "documents") + " they admit"}
	}
	return true
}

// windowDocs keeps, of the documents a window's filters admit (oldest
// first), those dated within its period (the filter also admits a few
// days' reports after it) in which the speaker, when one is asked,
// speaks under their own name: the speaker filter matches any part of a
// speaker list or a title ("Advances" for "vance", Joe Biden for Jill).
func windowDocs(admitted []*corpus.Document, period Period, ws windowSpeaker, bySpeaker bool) []*corpus.Document {
	var out []*corpus.Document
	for _, d := range admitted {
		if !inPeriod(d.Date, period) {
			continue
		}
		// A turn of theirs: a speaker list also names the people a
		// speech mentions ("Donald Trump" in a campaign reception of
		// Biden's).
		if bySpeaker && !slices.ContainsFunc(d.Turns(), func(t corpus.Turn) bool { return t.Role.Statement() && ws.speaks(t.Speaker.Name) }) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// openingSentence finds the first sentence of d that the asked speaker
// (bySpeaker) states, else its issuing office or anyone: of
// minWindowWords words or more, neither a question, a courtesy, a stage
// direction nor a sentence the answer must not quote, and holding no
// quotation of its own. It returns the turn it is in and its byte range.
func openingSentence(d *corpus.Document, ws windowSpeaker, bySpeaker bool) (corpus.Turn, int, int, bool) {
	for _, t := range d.Turns() {
		if !t.Role.Statement() || t.End > len(d.Text) || bySpeaker && !ws.speaks(t.Speaker.Name) {
			continue
		}
		span := d.Text[t.Start:t.End]
		for _, s := range text.Sentences(span) {
			if _, body, ok := text.LabelAt(span, s[0]); ok && body < s[1] {
				s[0] = body // "MS. JEAN-PIERRE: So, …": her words, not her label
			}
			sentence := strings.TrimSpace(span[s[0]:s[1]])
			if len(text.Words(sentence)) < minWindowWords || strings.HasSuffix(sentence, "?") || strings.HasSuffix(sentence, ":") || filler(sentence) ||
				stageDirection(sentence) || unquotable(sentence) || strings.ContainsAny(sentence, "“”\"()") ||
				openingCourtesy(sentence) {
				continue
			}
			return t, t.Start + s[0], t.Start + s[1], true
		}
	}
	return corpus.Turn{}, 0, 0, false
}

// openingCourtesy reports the sentences that open a briefing or a speech
// without saying anything of its subject: thanks, greetings, "I don't have
// an opening statement", "a couple of things at the top".
func openingCourtesy(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"thank you", "thanks", "good morning", "good afternoon", "good evening", "hello", "hi ", "welcome",
		"it's good to", "it’s good to", "it is good to", "it's so good", "it’s so good", "it is so good", "great to", "please,", "please have a seat"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return strings.Contains(l, "opening statement") || strings.Contains(l, "at the top") || strings.Contains(l, "take your questions") ||
		strings.Contains(l, "take questions")
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
