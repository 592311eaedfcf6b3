package answer

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// Extractive answers are built from the sentences of the top passages.
const (
	extractivePassages     = 5 // passages whose sentences compete
	extractiveMaxSentences = 3
	extractiveMinSentences = 2
	// extractiveKeep: a further sentence is added only if it scores at
	// least this share of the best one.
	extractiveKeep = 0.35
)

// ExtractiveLead opens every extractive answer, so no reader takes the
// quotations for a summary.
const ExtractiveLead = "From the record (verbatim quotations):"

// passageSentences splits a passage into sentence byte ranges; the
// corpus's splitter knows the record's abbreviations and line layout.
var passageSentences = corpus.Sentences

// scoredSentence is a candidate sentence of the extractive answer.
type scoredSentence struct {
	hit        int // index into hits
	start, end int // byte range in the hit's chunk text
	score      float64
	stems      map[string]bool
	// asked are the stems of the reporter's question this sentence
	// answers, in a transcript: an answer rarely repeats the question's
	// words ("bogged down" → "preoccupied").
	asked map[string]bool
}

// answerReach is how many sentences after a reporter's question inherit
// its words, and askedWeight how much they count.
const (
	answerReach = 6
	askedWeight = 0.5
)

// Extractive composes an answer of 2–3 verbatim sentences from the top
// hits, most relevant first, each quoted with outlet, date, speaker and
// citation. The sentences are byte-exact substrings of their passages.
func Extractive(question string, hits []retrieval.Hit) (text string, cites []Citation, stats QuoteStats) {
	return extractive(ExtractiveQuery{Question: question}, hits)
}

// ExtractiveQuery is what an extractive answer is chosen for.
type ExtractiveQuery struct {
	// Question is what the user asked; its words weigh most.
	Question string
	// Context is the standalone rewrite of a follow-up, whose extra words
	// weigh less than the follow-up's own.
	Context string
	// Previous is the previous answer's text: sentences it already quoted
	// are demoted, so a follow-up gets something new.
	Previous string
}

// contextWeight is how much a word only in the context counts.
const contextWeight = 0.35

func extractive(q ExtractiveQuery, hits []retrieval.Hit) (text string, cites []Citation, stats QuoteStats) {
	if len(hits) == 0 {
		return "", nil, stats
	}
	top := hits[:min(len(hits), extractivePassages)]
	var cands []scoredSentence
	for hi, h := range top {
		var asked map[string]bool
		reach := 0
		for _, r := range passageSentences(h.Chunk.Text) {
			// A transcript turn's label ("MR. SAMPLE:") is not part of
			// what was said; a reporter's question ("Q:") is not a
			// statement of the record, but says what the answer is about.
			if m := turnLabelRe.FindStringSubmatch(h.Chunk.Text[r[0]:r[1]]); m != nil {
				if m[1] == "Q" {
					asked, reach = stemSet(h.Chunk.Text[r[0]:r[1]]), -1
					continue
				}
				r[0] += len(m[0])
				if reach < 0 {
					reach = answerReach
				}
			}
			if reach < 0 {
				// Still inside the question: more of its sentences.
				if r[0] > 0 && h.Chunk.Text[r[0]-1] != '\n' {
					for t := range stemSet(h.Chunk.Text[r[0]:r[1]]) {
						asked[t] = true
					}
					continue
				}
				reach = 0
			}
			if t, ok := sentenceTurn(h, r[0], r[1]); !quotableTurn(t, ok) {
				// Never the record's statement: a question asked (whose
				// words still say what the answer is about), a
				// moderator's or operator's line, words of unknown origin.
				if t.Role == corpus.RoleReporter {
					if reach >= 0 {
						asked = map[string]bool{}
					}
					for w := range stemSet(h.Chunk.Text[r[0]:r[1]]) {
						asked[w] = true
					}
					reach = -1
				}
				continue
			}
			s := h.Chunk.Text[r[0]:r[1]]
			if len(strings.Fields(s)) < 3 {
				continue // headings, bylines, "Politics"
			}
			if unquotable(s) || stageDirection(s) {
				continue
			}
			c := scoredSentence{hit: hi, start: r[0], end: r[1], stems: stemSet(s)}
			if reach > 0 {
				c.asked = asked
				reach--
			}
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return "", nil, stats
	}
	// BM25-like idf over the candidate sentences.
	df := map[string]int{}
	for _, c := range cands {
		for t := range c.stems {
			df[t]++
		}
	}
	n := float64(len(cands))
	weights := map[string]float64{}
	for t := range stemSet(q.Context) {
		weights[t] = contextWeight
	}
	for t := range stemSet(q.Question) {
		weights[t] = 1
	}
	titles := map[string]map[string]bool{}
	cue := questionCue(q.Question)
	quoted := quotedInQuestion(q.Question)
	named := map[string]bool{}
	for _, t := range askedSpeaker(q.Question) {
		named[t] = true
	}
	prev, _ := fold(q.Previous)
	for i := range cands {
		c := &cands[i]
		sentence := top[c.hit].Chunk.Text[c.start:c.end]
		var score float64
		title := titleStems(top[c.hit], titles)
		for t, w := range weights {
			d := float64(df[t])
			switch {
			case c.stems[t]:
				score += w * math.Log(1+(n-d+0.5)/(d+0.5))
			case c.asked[t]:
				score += askedWeight * w * math.Log(1+(n-d+0.5)/(d+0.5))
			case title[t]:
				// The title says what every sentence of a statement is
				// about ("… on Armenian Remembrance Day").
				score += titleWeight * w * math.Log(1+(n-d+0.5)/(d+0.5))
			}
		}
		words := len(strings.Fields(sentence))
		if words < 6 {
			score *= 0.6
		} else if words > 70 {
			score *= 0.8
		}
		if words <= 12 && attributionOnlyRe.MatchString(sentence) && !quoteMarkRe.MatchString(sentence) {
			// "X told reporters on Monday.": who spoke, not what was said.
			score *= 0.1
		}
		if cue != nil && cue(sentence) {
			score *= 1.3
		}
		// "What did Biden say …" is answered by Biden's words: a sentence
		// he speaks, or one of a document issued in his name.
		if len(named) > 0 && speaksFor(top[c.hit], c.start, c.end, named) {
			score *= 1.4
		}
		// A question that quotes words ("who said \"there can be no
		// military solution\"?") is answered by the sentence holding them.
		if f, _ := fold(sentence); len(quoted) > 0 {
			for _, qw := range quoted {
				if strings.Contains(f, qw) {
					score *= 4
					break
				}
			}
		}
		if prev != "" {
			ws, we := spokenWords(top[c.hit].Chunk.Text, c.start, c.end)
			if f, _ := fold(top[c.hit].Chunk.Text[ws:we]); strings.Contains(prev, f) {
				score *= 0.3
			}
		}
		// The retriever already weighed the whole passage: its rank, and
		// how much of the question it covers.
		c.score = score * (0.5 + top[c.hit].Coverage) / (1 + 0.15*float64(c.hit))
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })

	var picked []scoredSentence
	seen := map[string]bool{}
	for _, c := range cands {
		if len(picked) >= extractiveMaxSentences {
			break
		}
		if len(picked) > 0 && c.score <= 0 {
			break
		}
		if len(picked) >= extractiveMinSentences && c.score < extractiveKeep*picked[0].score {
			break
		}
		key, _ := fold(top[c.hit].Chunk.Text[c.start:c.end])
		if seen[key] {
			continue
		}
		seen[key] = true
		picked = append(picked, c)
	}

	// Number the passages in order of first use; each citation names the
	// speakers actually quoted from it.
	num := map[int]int{}
	var b strings.Builder
	b.WriteString(ExtractiveLead)
	for _, c := range picked {
		h := top[c.hit]
		k, ok := num[c.hit]
		if !ok {
			k = len(cites) + 1
			num[c.hit] = k
			cites = append(cites, CitationFor(k, h))
			cites[k-1].Speakers = []string{}
		}
		if t, ok := sentenceTurn(h, c.start, c.end); ok && t.Role.Statement() && t.Speaker.Name != "" && !containsName(cites[k-1].Speakers, t.Speaker.Name) {
			cites[k-1].Speakers = append(cites[k-1].Speakers, t.Speaker.Name)
		}
		ws, we := spokenWords(h.Chunk.Text, c.start, c.end)
		b.WriteString("\n- ")
		b.WriteString(attribution(h, c.start, c.end))
		b.WriteString("“")
		b.WriteString(h.Chunk.Text[ws:we])
		b.WriteString("” [")
		b.WriteString(strconv.Itoa(k))
		b.WriteString("]")
	}
	// The sentences are the record's own words, so this keeps them all;
	// it also finds any quotation the record's text nests in them, and
	// counts what a reader sees as quoted.
	text, stats, _ = VerifyQuotes(b.String(), cites)
	return text, cites, stats
}

// questionCue returns a test for sentences of the kind the question asks
// for (a place, a time, a number), or nil.
func questionCue(q string) func(string) bool {
	lower := " " + strings.ToLower(q) + " "
	switch {
	case strings.Contains(lower, " where "):
		return func(s string) bool {
			return strings.Contains(s, "took place") || placeRe.MatchString(s)
		}
	case strings.Contains(lower, " when ") || strings.Contains(lower, " what date") || strings.Contains(lower, " what day"):
		return dateRe.MatchString
	case strings.Contains(lower, " how many ") || strings.Contains(lower, " how much ") || strings.Contains(lower, " what number"):
		return func(s string) bool { return strings.ContainsAny(s, "0123456789") }
	}
	return nil
}

var (
	placeRe = regexp.MustCompile(`\b(?:at|in) (?:the )?[A-Z][a-z]+`)
	dateRe  = regexp.MustCompile(`\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:19|20)\d\d\b`)
)

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

// turnLabelRe matches a transcript turn's speaker label at the start of a
// line: "Q:", "MR. KIRBY:", "MS. JEAN-PIERRE:", "THE PRESIDENT:".
// White House transcripts write the reporter's turn as "Q " with no colon.
var turnLabelRe = regexp.MustCompile(`^(?:(Q)[:.]?|([A-Z][A-Z.'’\- ]{1,40}):)\s+`)

// attribution writes "Outlet (date) — Speaker, Title: " for a sentence of
// a hit, leaving out what the record does not say: the speaker is the one
// of the turn the quoted words come from, with the title the document
// gives them, and the date is the statement's as the text gives it
// (a briefing's day, "as of Friday morning"), else the document's. A
// report's own sentence about a speaker ("Miller said that …") is the
// outlet "reporting" them, not their words.
func attribution(h retrieval.Hit, start, end int) string {
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
		speaker = speakerLabel(t.Speaker)
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

// speechVerbRe matches the verbs that attribute words to a speaker.
var speechVerbRe = regexp.MustCompile(`\b(?:said|says|told|added|stated|noted|stressed|emphasized|emphasised|continued|remarked|explained|declared|announced|underscored|replied|answered|according to)\b`)

// attributionOnlyRe matches a sentence that only says who spoke: "Price
// told reporters on Monday.", "the spokesperson added."
var attributionOnlyRe = regexp.MustCompile(`(?i)(?:\btold (?:reporters|journalists|the press)\b[^.]*|\b(?:said|added|noted|continued)(?: on \w+| at [^.]{0,40})?)\.?$`)

// speechWindow is how far (bytes) a name may sit from its speech verb.
const speechWindow = 60

// speakingName returns the speaker named next to a speech verb in s.
func speakingName(s string, names []string) string {
	for _, v := range speechVerbRe.FindAllStringIndex(s, -1) {
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
// s; lastNamed the one occurring last.
func firstNamed(s string, names []string) string {
	best, at := "", len(s)+1
	for _, n := range names {
		if i := nameIndex(s, n, false); i >= 0 && i < at {
			best, at = n, i
		}
	}
	return best
}

func lastNamed(s string, names []string) string {
	best, at := "", -1
	for _, n := range names {
		if i := nameIndex(s, n, true); i > at {
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
			endOK := k+len(cand) == len(s) || !isWordRune(rune(s[k+len(cand)]))
			startOK := k == 0 || !isWordRune(rune(s[k-1]))
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

// stopwords carry no meaning for matching questions to sentences.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but if of in on at to for from by with about as into
	onto over under after before during between through against among is are was were be been being
	am do does did done have has had having will would shall should can could may might must
	i me my we us our you your he him his she her it its they them their this that these those
	what which who whom whose when where why how whether there here than then so such not no nor
	very too also just only any all each every some more most other same own both either neither
	said say says tell told according according report reported reports ask asked did according
	quote exact words word please`) {
		stopwords[w] = true
	}
}

// stemSet returns the stems of the informative words of s.
func stemSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(s) {
		if stopwords[t.w] || (len(t.w) < 2 && !unicode.IsDigit(rune(t.w[0]))) {
			continue
		}
		out[stem(t.w)] = true
	}
	return out
}

// irregular maps irregular verb forms and month names to one stem.
var irregular = map[string]string{
	"took": "take", "taken": "take", "met": "meet", "held": "hold", "spoke": "speak",
	"spoken": "speak", "made": "make", "gave": "give", "given": "give", "went": "go",
	"saw": "see", "seen": "see", "began": "begin", "begun": "begin", "led": "lead",
	"people": "person", "persons": "person",
	"january": "jan", "february": "feb", "march": "mar", "april": "apr", "june": "jun",
	"july": "jul", "august": "aug", "september": "sep", "sept": "sep", "october": "oct",
	"november": "nov", "december": "dec",
}

// stem strips common English suffixes so "crossed" meets "cross" and
// "displaced" meets "displacement".
func stem(w string) string {
	if s, ok := irregular[w]; ok {
		return s
	}
	for _, suf := range []string{"ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// stageDirection reports a transcript's note of what happened rather than
// what was said: "(Laughter.)", "(President Biden gives a thumbs up.)".
func stageDirection(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "(") && (strings.HasSuffix(s, ")") || strings.HasSuffix(s, ").")) &&
		strings.Count(s, "(") == 1
}

// questionQuoteRe finds the quoted spans of a question, in straight or
// curly double quotes, of at least three words.
var questionQuoteRe = regexp.MustCompile(`["“]([^"“”]+\s[^"“”]+\s[^"“”]+)["”]`)

// quotedInQuestion returns the folded spans a question quotes.
func quotedInQuestion(q string) []string {
	var out []string
	for _, m := range questionQuoteRe.FindAllStringSubmatch(q, -1) {
		if f, _ := fold(m[1]); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// speaksFor reports whether the sentence's speaker, or the title of its
// document ("Statement by President Joe Biden on …"), names one of the
// named terms.
func speaksFor(h retrieval.Hit, start, end int, named map[string]bool) bool {
	who, _ := sentenceSpeaker(h, start, end)
	if h.Doc != nil {
		who += " " + h.Doc.Title
	}
	for _, t := range retrieval.Terms(who) {
		if named[t] {
			return true
		}
	}
	return false
}

// askedSpeakerRe finds whose words a question asks for: "What did
// (President) Biden say", "Did Ned Price tell", "What has Kirby described".
var askedSpeakerRe = regexp.MustCompile(`\b(?:did|does|do|has|have|had|would|will)\s+(?:the\s+)?(?:(?:President|Secretary|Spokesperson|Spokesman|Spokeswoman|Minister|Prime Minister|Foreign Minister|Ambassador|Senator|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)*((?:[A-Z][\p{L}'’.-]*\s+){0,2}[A-Z][\p{L}'’-]*)\s+(?:say|says|said|tell|told|describe|described|mean|announce|announced|state|stated|claim|argue|call|called|think|write|wrote|add|added|stress|emphasize|warn|warned|urge|urged)\b`)

// askedSpeaker returns the index terms of the person whose words the
// question asks for, or nil.
func askedSpeaker(q string) []string {
	m := askedSpeakerRe.FindStringSubmatch(q)
	if m == nil {
		return nil
	}
	return retrieval.Terms(m[1])
}

// titleWeight is the share of a question word's weight a sentence earns
// when the word is in its document's title rather than in the sentence.
const titleWeight = 0.5

// titleStems returns the stems of the hit's document title, cached per
// document in cache.
func titleStems(h retrieval.Hit, cache map[string]map[string]bool) map[string]bool {
	if h.Doc == nil {
		return nil
	}
	set, ok := cache[h.Doc.ID]
	if !ok {
		set = stemSet(h.Doc.Title)
		cache[h.Doc.ID] = set
	}
	return set
}
