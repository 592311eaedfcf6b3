package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
)

// extractivePassages is how many of the top passages' sentences compete.
const extractivePassages = 5

// ExtractiveLead opens the quotations of every extractive answer, so no
// reader takes them for a summary; only a line saying what the record
// lacks (speakerAbsent) or a verdict may come before it.
const ExtractiveLead = "From the record (verbatim quotations):"

// Extractive composes an answer of verbatim sentences from the top hits:
// first the one that answers what was asked, then up to two that support
// it, each quoted with outlet, date, speaker and citation. The sentences
// are byte-exact substrings of their passages.
func Extractive(question string, hits []retrieval.Hit) (text string, cites []Citation, stats QuoteStats) {
	text, cites, stats, _ = extractive(ExtractiveQuery{Question: question}, hits)
	return text, cites, stats
}

// ExtractiveQuery is what an extractive answer is chosen for.
type ExtractiveQuery struct {
	// Question is what the user asked; its words weigh most.
	Question string
	// Context is the standalone rewrite of a follow-up, whose extra words
	// weigh less than the follow-up's own.
	Context string
	// Previous is the previous answer's text: sentences it already quoted
	// are demoted (or, with NewOnly, left out), so a follow-up gets
	// something new.
	Previous string
	NewOnly  bool
	// Type is the kind of answer wanted; WantAny reads it from Question.
	Type AnswerType
	// Speaker, when set, are the index terms of the speaker whose words
	// are wanted (a follow-up's "he"); else the question's own.
	Speaker []string
	// Named are the record's people the question names (a comparison's
	// sides when it compares two of them).
	Named []*Person
	// Places are the countries and US states the question names
	// (Constraints.Places): a comparison's side is quoted from a sentence
	// naming them, or from a document titled for them.
	Places []string
	// claimed are those of Named a follow-up's own words name when they
	// point at no person (ownPeople set; else all of Named): "was anyone
	// else dialed in on it" claims nothing of the people of the
	// conversation's words its rewrite borrowed ("… biden's april 2024
	// netanyahu call"), and a verdict does not ask for them; "has he ever
	// met kim jong un" claims something of whom "he" means.
	claimed   []*Person
	ownPeople bool
	// Names are the index terms of the names a yes/no question asks
	// about as the record writes them (questionNames): a verdict needs
	// what the question asserts of them, not the names alone.
	Names []string
	// SpeakerName is that speaker's name as the record writes it, for
	// saying the record does not show them saying what was asked.
	SpeakerName string
	// PrevDocs are the documents (IDs, URLs or titles) the previous answer
	// cited: their sentences are preferred.
	PrevDocs map[string]bool
	// Filtered are the question's words that became a filter of the
	// search (the period's phrase, "in march 2025"): every passage
	// answered from is already within it, so a sentence that repeats
	// them ("on March 11th") says no more than its neighbours.
	Filtered string
	// Mention: the question asks when its subject came up at all
	// (Constraints.Mention): the day of the statement answers, not a day
	// the statement speaks of.
	Mention bool
	// Anchors are a follow-up's previous quotations (folded), Said the
	// conversation's words (text.Tokens): sentences next to the first,
	// giving what was asked anew, are preferred (followFeatures).
	Anchors []string
	Said    map[string]bool
	// pp is the record's people, who a sentence naming a person may name
	// (nil: titled names only).
	pp *people
	// ownFirst: the pipeline answers from Question's words alone first,
	// and with Context only when they find no sentence.
	ownFirst bool
	// Pool is how many of the hits' passages compete (extractivePassages
	// when 0): the pipeline adds the top documents' other passages after
	// the top ones (Pipeline.documentPassages).
	Pool int
	// chunks are the passages of a document, in order (the index's
	// Chunks; nil: no passage is added to those retrieved), for the
	// answer that opens the passage after a reporter's question
	// (withReplies).
	chunks func(docID string) []corpus.Chunk
	// end is the date of the record's latest document (zero: unknown;
	// Constraints.end).
	end time.Time
	// allReasons keeps the reasons of every candidate sentence, not only
	// the picked ones and the best of the rest (Pipeline.ExplainAll).
	allReasons bool
}

// withAnchors is how many of hits' first passages hold n of the passages
// retrieved: the passages read around what the previous answer quoted
// (anchorHits, Index -1) are read besides them, not instead of them.
// Measured (main 3938a90, index of session 43, 17 development sets, 852
// answerable questions): answer-contains 576 → 578; dock d21 "and the
// pharmacy program he mentioned, how many pharmacies" gets its 14,000
// (the passage retrieved second had been pushed out by two anchors),
// yard y52 and jetty j44 their figures; dock d20 lost its "58 days" (a
// third sentence, now outranked by sentences of the passage read
// besides); harbor unchanged. Of 46 chains a reviewer wrote, 3 better
// and 1 worse (an off-topic earlier answer's passage quoted); on the
// held-out sets, run at the session's end, one answer fewer.
func withAnchors(hits []retrieval.Hit, n int) int {
	for i, h := range hits {
		if h.Chunk.Index >= 0 {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return len(hits)
}

// extractive picks and renders the sentences, with the reasons.
func extractive(q ExtractiveQuery, hits []retrieval.Hit) (text string, cites []Citation, stats QuoteStats, why []SentenceReason) {
	if len(hits) == 0 {
		return "", nil, stats, nil
	}
	n := withAnchors(hits, extractivePassages)
	if q.Pool > 0 {
		n = q.Pool
	}
	if len(unlessNamed(comparisonSides(q.Question, q.Named, q.end), hits)) >= 2 {
		n = len(hits) // each side's passages are among them
	}
	top := withReplies(hits[:min(len(hits), n)], q.chunks)
	cands, picked, v := chooseSentences(q, top, DefaultWeights)
	why = reasons(cands, picked, top, q.allReasons)
	if len(picked) == 0 {
		return "", nil, stats, why
	}
	// The verdict is the answering sentence's, which the sentence it
	// points back to may stand before (pointedFirst).
	lead := max(0, slices.IndexFunc(why, func(r SentenceReason) bool { return r.Role == "answer" }))
	if v.noFigure {
		why[lead].Verdict = noFigureVerdict
		return "", nil, stats, why
	}
	why[lead].Verdict = v.trace()
	for i := range why {
		if strings.HasPrefix(why[i].Role, "side ") && v.keyWord != "" {
			// The side's sentence was the best that holds what is
			// compared (pickSentences); say so, and which sides had none.
			why[i].Verdict = "the best of its side holding what is compared (" + v.keyWord + ", or its document's title does)"
			if len(v.missing) > 0 {
				why[i].Verdict += "; no sentence of " + strings.Join(v.missing, ", ") + " holds it"
			}
		}
	}
	text, cites, stats = render(cands, picked, top, v, q.pp)
	return text, cites, stats, why
}

// noFigureVerdict is the first reason's verdict when no sentence gives
// the figure asked for (verdict.noFigure): the answer says so.
const noFigureVerdict = "no sentence gives the figure asked for"

// withReplies adds to top, after each passage that ends with a reporter's
// question, the passage that follows it in its document (moving it up
// when top holds it further down): a briefing is cut into passages by
// length, and the question a search finds ("how has the fall of Assad
// altered the prospect for hostage talks") may be answered at the start
// of the next passage ("Hamas has got to be looking out at the world
// today and realizing that the cavalry is not coming to rescue them"),
// which holds too few of the question's words to be retrieved itself.
// The reply competes as the question's passage, with the question's words
// (askedBefore). chunks nil adds nothing.
func withReplies(top []retrieval.Hit, chunks func(string) []corpus.Chunk) []retrieval.Hit {
	if chunks == nil {
		return top
	}
	at := map[string]int{}
	for i, h := range top {
		at[h.Chunk.ID] = i
	}
	moved := map[int]bool{}
	out := make([]retrieval.Hit, 0, len(top))
	for i, h := range top {
		if moved[i] {
			continue
		}
		out = append(out, h)
		if h.Doc == nil {
			continue
		}
		ts := h.Doc.TurnsIn(h.Chunk.Start, h.Chunk.End)
		if len(ts) == 0 || ts[len(ts)-1].Role != corpus.RoleReporter {
			continue
		}
		all := chunks(h.Chunk.DocID)
		k := h.Chunk.Index + 1
		if k >= len(all) || all[k].ID != h.Chunk.DocID+"#"+strconv.Itoa(k) ||
			all[k].End > len(h.Doc.Text) || h.Doc.Text[all[k].Start:all[k].End] != all[k].Text {
			// Not the next passage of the text searched: a refresh of
			// the record may have changed the document since.
			continue
		}
		j, ok := at[all[k].ID]
		switch {
		case !ok:
			reply := h
			reply.Chunk = all[k]
			at[all[k].ID] = -1
			out = append(out, reply)
		case j > i && !moved[j]:
			// Retrieved further down: it goes on from here.
			moved[j] = true
			out = append(out, top[j])
		}
	}
	return out
}

// modelHits are the hits a chat model reads: the first extractivePassages
// with the replies withReplies adds after them, then the rest (so the
// prompt grows by at most extractivePassages passages).
func modelHits(hits []retrieval.Hit, chunks func(string) []corpus.Chunk) []retrieval.Hit {
	n := min(len(hits), extractivePassages)
	out := withReplies(hits[:n:n], chunks)
	in := map[string]bool{}
	for _, h := range out {
		in[h.Chunk.ID] = true
	}
	for _, h := range hits[n:] {
		if !in[h.Chunk.ID] {
			out = append(out, h)
		}
	}
	return out
}

// spokenWords narrows a sentence to the words inside its quotation marks
// when it mixes a quotation with the reporter's attribution ("“We are
// serious,” Miller said."), so the answer quotes the speaker and does not
// nest quotation marks. The result is still a byte range of the passage.
// When the sentence has no such quotation, or the quoted part is short, the
// whole sentence is kept.
func spokenWords(text string, start, end int) (int, int) {
	s := text[start:end]
	marks := quoteMarkRe.FindAllStringIndex(s, -1)
	if len(marks) == 0 {
		return start, end
	}
	ws, we := 0, len(s)
	first, last := marks[0], marks[len(marks)-1]
	switch {
	case first[0] == 0 && len(marks) >= 2:
		// “Quoted words,” attribution.
		ws, we = first[1], marks[1][0]
	case first[0] == 0:
		// A quotation that runs on past this sentence.
		ws = first[1]
	case s[first[0]:first[1]] == "”" || (s[first[0]:first[1]] == "\"" && startsQuoted(text, start)):
		// Words carried over from an earlier sentence, then attribution.
		we = first[0]
	default:
		// Attribution, then “quoted words”.
		ws = first[1]
		if len(marks) >= 2 {
			we = last[0]
		}
	}
	w := strings.TrimRight(s[ws:we], " ,;:")
	lead := len(s[ws:we]) - len(strings.TrimLeft(s[ws:we], " "))
	if len(strings.Fields(w)) < 4 {
		return start, end
	}
	return start + ws + lead, start + ws + len(w)
}

var quoteMarkRe = regexp.MustCompile(`[“”"]`)

// attribution writes "Outlet (date) — Speaker, Title: " for a sentence of
// a hit, leaving out what the record does not say: the speaker is the one
// of the turn the quoted words come from, with the title the document
// gives them, and the date is the statement's as the text gives it
// (a briefing's day, "as of Friday morning"), else the document's. A
// report's own sentence about a speaker ("Miller said that …") is the
// outlet "reporting" them, not their words.
//
// A speaker the document names by surname alone is named in full when the
// record's people (pp, may be nil) say who it is (people.fullName).
func attribution(h retrieval.Hit, start, end int, pp *people) string {
	var source, date string
	if h.Doc != nil {
		source = h.Doc.Outlet
		date = h.Doc.DateString()
	}
	t, hasTurn := sentenceTurn(h, start, end)
	if hasTurn && !t.Date.IsZero() {
		date = t.DateString()
	}
	var b strings.Builder
	switch {
	case source != "" && date != "":
		b.WriteString(source + " (" + date + ")")
	case source != "":
		b.WriteString(source)
	case date != "":
		b.WriteString(date)
	}
	speaker, sure := sentenceSpeaker(h, start, end)
	if sure && hasTurn && t.Speaker.Name == speaker {
		speaker = speakerLabel(pp.fullName(t.Speaker, statedOn(h)))
	}
	if sure && speaker == source {
		// An office issuing its own statement: the source says it.
		speaker = ""
	}
	switch {
	case speaker != "" && sure && b.Len() > 0:
		b.WriteString(" — " + speaker + ": ")
	case speaker != "" && sure:
		b.WriteString(speaker + ": ")
	case speaker != "" && b.Len() > 0:
		b.WriteString(", reporting " + speaker + ": ")
	case speaker != "":
		b.WriteString("Reporting " + speaker + ": ")
	case b.Len() > 0:
		b.WriteString(": ")
	}
	return b.String()
}

// shortTitle keeps a title usable as a source name: some titles are a
// report's whole first sentence.
func shortTitle(t string) string {
	const max = 60
	if utf8.RuneCountInString(t) <= max {
		return t
	}
	r := []rune(t)
	cut := max
	for cut > max/2 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:…") + "…"
}

// sentenceSpeaker names who said a sentence of a hit's passage: the
// speaker of the turn its quoted words come from. sure is false for a
// report's own sentence that names a speaker next to a speech verb
// ("Miller said that …": his name, not his words), and the name is empty
// when nothing ties the sentence to anyone.
func sentenceSpeaker(h retrieval.Hit, start, end int) (name string, sure bool) {
	if h.Doc == nil {
		return "", false
	}
	t, ok := sentenceTurn(h, start, end)
	if ok && t.Role != corpus.RoleNarration {
		return t.Speaker.Name, t.Speaker.Name != ""
	}
	// The report's own words: a speaker named next to a speech verb is
	// reported, not quoted ("Miller said that …", "according to Blinken").
	if s := speakingName(h.Chunk.Text[start:end], h.Doc.SpeakerNames()); s != "" {
		return s, false
	}
	return "", false
}

// attributionOnlyRe matches a sentence that only says who spoke: "Price
// told reporters on Monday.", "the spokesperson added."
var attributionOnlyRe = regexp.MustCompile(`(?i)(?:\b(?:told|said to|speaking to|in an interview with)\s+(?:[\p{L}'’]+\s+){0,3}(?:reporters|journalists|the press|correspondents?|interviewers?|agency|newspaper|outlet|channel|broadcaster|network)\b[^.]*|\b(?:said|added|noted|continued)(?: on \w+| at [^.]{0,40})?)\.?$`)

// speechWindow is how far (bytes) a name may sit from its speech verb.
const speechWindow = 60

// speakingName returns the speaker named next to a speech verb in s.
func speakingName(s string, names []string) string {
	for _, v := range text.Attributions(s) {
		lo, hi := max(0, v[0]-speechWindow), min(len(s), v[1]+speechWindow)
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		for hi < len(s) && !utf8.RuneStart(s[hi]) {
			hi++
		}
		if n := firstNamed(s[lo:hi], names); n != "" {
			return n
		}
	}
	return ""
}

// startsQuoted reports whether the paragraph holding offset start opens
// with a quotation mark, i.e. the sentence is (part of) someone's words.
func startsQuoted(text string, start int) bool {
	p := strings.LastIndexByte(text[:start], '\n') + 1
	para := strings.TrimLeft(text[p:], " \t")
	for _, m := range []string{"“", "\"", "«"} {
		if strings.HasPrefix(para, m) {
			return true
		}
	}
	return false
}

// firstNamed returns the speaker whose full name or surname occurs first in
// s.
func firstNamed(s string, names []string) string {
	best, at := "", len(s)+1
	for _, n := range names {
		if i := nameIndex(s, n, false); i >= 0 && i < at {
			best, at = n, i
		}
	}
	return best
}

// nameIndex finds a person's full name or surname as whole words in s.
func nameIndex(s, name string, last bool) int {
	fields := strings.Fields(name)
	if len(fields) == 0 {
		return -1
	}
	idx := -1
	cands := []string{name, fields[len(fields)-1]}
	if strings.Contains(name, "'") {
		// Names are stored with a plain apostrophe; texts often curl it
		// ("O’Brien").
		for _, c := range cands[:2] {
			cands = append(cands, strings.ReplaceAll(c, "'", "’"))
		}
	}
	for _, cand := range cands {
		from := 0
		for {
			k := strings.Index(s[from:], cand)
			if k < 0 {
				break
			}
			k += from
			endOK := k+len(cand) == len(s) || !text.IsWordRune(rune(s[k+len(cand)]))
			startOK := k == 0 || !text.IsWordRune(rune(s[k-1]))
			if endOK && startOK {
				if idx < 0 || (last && k > idx) || (!last && k < idx) {
					idx = k
				}
				if !last {
					break
				}
			}
			from = k + 1
		}
	}
	return idx
}

// stageDirection reports a transcript's note of what happened rather than
// what was said: "(Laughter.)", "(President Biden gives a thumbs up.)".
func stageDirection(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "(") && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, ").")) &&
		strings.Count(s, "(") == 1
}

// questionQuoteRe finds the quoted spans of a question, in straight or
// curly double quotes, of at least three words; singleQuoteRe those in
// single quotes, as a chat types them ("who said 'we will not be
// intimidated'"), opening after a space and closing before one or a
// punctuation mark, so that an apostrophe inside a word ("won't") is no
// quote.
var (
	questionQuoteRe = regexp.MustCompile(`["“]([^"“”]+\s[^"“”]+\s[^"“”]+)["”]`)
	singleQuoteRe   = regexp.MustCompile(`(?:^|\s)['‘]((?:[^'‘’"“”\s]|\b['’]\b)+(?:\s+(?:[^'‘’"“”\s]|\b['’]\b)+){2,})['’](?:$|[\s?.!,;:])`)
)

// quotedInQuestion returns the folded spans a question quotes.
func quotedInQuestion(q string) []string {
	var out []string
	for _, re := range []*regexp.Regexp{questionQuoteRe, singleQuoteRe} {
		for _, m := range re.FindAllStringSubmatch(q, -1) {
			if f, _ := text.FoldQuote(m[1]); f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}

// speaksFor reports whether the sentence's speaker, or the title of its
// document ("Statement by President Joe Biden on …"), names one of the
// named terms.
func speaksFor(h retrieval.Hit, start, end int, named map[string]bool) bool {
	who, _ := sentenceSpeaker(h, start, end)
	return speakerIsNamed(h, who, ownWords(h, start, end), named)
}

// ownWords reports whether a sentence's speaker alone says whose words it
// holds: a named official's turn of a transcript (inTranscript) or a
// quotation the document attributes to a named person (quotedPerson).
func ownWords(h retrieval.Hit, start, end int) bool {
	return inTranscript(h, start, end) || quotedPerson(h, start, end)
}

// quotedPerson reports whether a sentence is a quotation the document
// attributes to a named person (a reported turn): then that person alone
// says whose words it holds, as a transcript's turn does, and a title
// naming someone else ("President Trump's Leadership Vision Drives NATO
// Breakthrough" over "Rep. Jim Jordan: “Thank goodness …”") does not make
// them that person's. A readout's or a statement's own sentences keep
// the title's person ("Readout of … Jake Sullivan's Call").
func quotedPerson(h retrieval.Hit, start, end int) bool {
	t, ok := sentenceTurn(h, start, end)
	return ok && t.Role == corpus.RoleReported && t.Speaker.Name != ""
}

// inTranscript reports whether a sentence is a named official's turn of a
// transcript: then its speaker alone says whose words they are. A joint
// briefing's title names everyone who took the podium ("Press Briefing
// by Press Secretary Karine Jean-Pierre and … John Kirby"), so the title
// would make each of them the speaker of every sentence.
func inTranscript(h retrieval.Hit, start, end int) bool {
	t, ok := sentenceTurn(h, start, end)
	return ok && t.Role == corpus.RoleOfficial && t.Speaker.Name != ""
}

// speakerIsNamed is speaksFor for a sentence whose speaker is known; the
// document's title counts only outside a transcript's turns (a readout
// of the named person's call, a statement issued in their name).
func speakerIsNamed(h retrieval.Hit, who string, turn bool, named map[string]bool) bool {
	return slices.ContainsFunc(text.Terms(speakerAndTitle(h, who, turn)), func(t string) bool { return named[t] })
}

// speakerIsAsked is speakerIsNamed for the asked person, whose namesakes
// (k) the same name and title do not name: "President Donald J. Trump"
// is not Melania Trump. The words are read once for both.
func speakerIsAsked(h retrieval.Hit, who string, turn bool, named map[string]bool, k *kin) bool {
	ts := text.Terms(speakerAndTitle(h, who, turn))
	return slices.ContainsFunc(ts, func(t string) bool { return named[t] }) && !k.otherTerms(ts)
}

// speakerAndTitle is what speakerIsNamed reads: the speaker's name and,
// unless the words are the speaker's own turn, the document's title.
func speakerAndTitle(h retrieval.Hit, who string, turn bool) string {
	if h.Doc != nil && !turn {
		return who + " " + withoutAdministration(h.Doc.Title)
	}
	return who
}

// withoutAdministration is title without the administrations it names
// (administrationRe), read for every candidate sentence: most titles name
// none, and are returned as they are without the expression.
func withoutAdministration(title string) string {
	if !strings.Contains(title, "Administration") {
		return title
	}
	return administrationRe.ReplaceAllString(title, "")
}

// administrationRe matches a government named after its leaders in a
// title ("FACT SHEET: Biden-Harris Administration Announces …", "the
// Trump Administration’s"): the administration issues the document, and
// its words are not the person's. 697 titles of the White House record
// name one so. Only the one word (or hyphenated pair) before it is the
// administration's: in "Vice President Kamala Harris Leads Biden-Harris
// Administration …" the person leads it.
var administrationRe = regexp.MustCompile(`\p{Lu}[\p{L}’']*(?:[-‑–—\x{2060}]+\p{Lu}[\p{L}’']*)*\s+Administration(?:[’']s)?\b`)

// speakerPerson is the person of q's named people whose surname (Filter)
// the asked speaker's terms hold; nil when none or several do.
func speakerPerson(speaker []string, named []*Person) *Person {
	var found *Person
	for _, p := range named {
		fs := text.Terms(p.Filter)
		if len(fs) == 0 || !slices.ContainsFunc(speaker, func(t string) bool { return slices.Contains(fs, t) }) {
			continue
		}
		if found != nil {
			return nil
		}
		found = p
	}
	return found
}

// askedSpeakerRe finds whose words a question asks for: "What did
// (President) Biden say", "Did Ned Price tell", "What has Kirby described".
var askedSpeakerRe = regexp.MustCompile(`\b(?i:did|does|do|has|have|had|would|will)\s+(?:the\s+)?(?:(?:President|Secretary|Spokesperson|Spokesman|Spokeswoman|Minister|Prime Minister|Foreign Minister|Ambassador|Senator|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)*((?:[A-Z][\p{L}'’.-]*\s+){0,2}[A-Z][\p{L}'’-]*)\s+(?:` + text.AskVerbPattern + `)\b`)

// askedSpeaker returns the index terms of the person whose words the
// question asks for, and the name as written, or nil.
func askedSpeaker(q string) ([]string, string) {
	m := askedSpeakerRe.FindStringSubmatch(q)
	if m == nil {
		return nil, ""
	}
	return text.Terms(m[1]), m[1]
}

// titleStems returns the stems of the hit's document title, cached per
// document in cache.
func titleStems(h retrieval.Hit, cache map[string]map[string]bool) map[string]bool {
	if h.Doc == nil {
		return nil
	}
	set, ok := cache[h.Doc.ID]
	if !ok {
		set = text.TermSet(h.Doc.Title)
		cache[h.Doc.ID] = set
	}
	return set
}
