package answer

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
)

// Order says which of several matching statements a question wants.
type Order string

// The orders a question can ask for.
const (
	OrderAny   Order = ""
	OrderFirst Order = "first"
	OrderLast  Order = "last"
)

// AnswerType is the kind of answer a question asks for.
type AnswerType string

// The answer types a question can ask for.
const (
	WantAny       AnswerType = ""
	WantDate      AnswerType = "date"
	WantPerson    AnswerType = "person"
	WantNumber    AnswerType = "number"
	WantQuotation AnswerType = "quotation"
	WantPlace     AnswerType = "place"
	WantYesNo     AnswerType = "yes/no"
)

// Period is a span of dates a question names; a zero bound is open.
type Period struct {
	Since time.Time `json:"since,omitzero"`
	Until time.Time `json:"until,omitzero"`
	// Phrase is the question's words for it ("in late September 2023").
	Phrase string `json:"phrase,omitempty"`
	// Deadline: the question asks for the state of things by Until ("how
	// many had crossed by the end of September"), not for something said
	// within the period.
	Deadline bool `json:"deadline,omitempty"`
	// report: the period, a month or a quarter, names what a report
	// covers ("april 2022 cpi", "may 2023 jobs report"), published after
	// it: the search reaches reportLag days past it, as for a figure
	// asked (reportAfter).
	report bool
	// bare: the date stood with no preposition (bareDate), which names
	// when it was said only within the record's dates: "covid march 2020"
	// and "the capitol riot jan 6 2021", before its first statement, are
	// what was talked about.
	bare bool
}

// said is the phrase as a sentence of the answer can say it: with "in"
// when the question wrote the date bare ("the prisoner exchange of summer
// 2024", "april 2025, what was …"), as written when it opens with a
// preposition or is relative ("last week").
func (p Period) said() string {
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(p.Phrase)), " ")
	switch {
	case first != "" && !text.IsPreposition(first) && !p.Since.IsZero() && p.Since.Equal(p.Until) && isMonth(first):
		return "on " + p.Phrase // "jan 6 2021" is a day
	case first == "past":
		return "in the " + p.Phrase // "past week" is a preposition's object
	case first == "" || text.IsPreposition(first):
		return p.Phrase
	case first == "last" || first == "this" || first == "next" || first == "yesterday" || first == "today":
		return p.Phrase
	}
	return "in " + p.Phrase
}

// IsZero reports whether the period bounds nothing.
func (p Period) IsZero() bool { return p.Since.IsZero() && p.Until.IsZero() }

// String is the period as a reader checks it: "2023-09-21 to 2023-09-30".
func (p Period) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.Since.IsZero():
		return "until " + dateString(p.Until)
	case p.Until.IsZero():
		return "from " + dateString(p.Since)
	case p.Since.Equal(p.Until):
		return dateString(p.Since)
	}
	return dateString(p.Since) + " to " + dateString(p.Until)
}

// Constraints are what a question says about the answer it wants, read
// before the record is searched: whose words, from which outlet, from
// when, which of several, and what kind of answer.
type Constraints struct {
	// Speaker is whose words the question asks for ("What did Kirby
	// say …", "the national security adviser's words"), resolved against
	// the record's speakers; nil when the question asks for nobody's in
	// particular or the person could not be resolved.
	Speaker *Person `json:"speaker,omitempty"`
	// SpeakerAsked is the question's words for the speaker, set whenever
	// the question asks for someone's words, resolved or not.
	SpeakerAsked string `json:"speaker_asked,omitempty"`
	// Holders are the people who held an asked title when the period
	// does not say which of them is meant (no speaker filter then).
	Holders []string `json:"holders,omitempty"`
	// Named are the record's speakers the question names in any role.
	Named []*Person `json:"named,omitempty"`
	// Posts are those of Named the question names only by their post
	// ("the president", "potus"), not by name.
	Posts []*Person `json:"posts,omitempty"`
	// Outlet is the record's outlet the question names ("according to
	// ARMENPRESS").
	Outlet string `json:"outlet,omitempty"`
	Period Period `json:"period,omitzero"`
	// PeriodTopic is a date phrase of the question read as part of its
	// subject, not as a filter: a year long before the record's first
	// statement ("the events of 1915"), one of two years a comparison
	// names ("in 2025 … like in 2021"), or the date of one of two
	// subjects it compares ("florida vs the new york flooding from late
	// sept 2023": periodOfSide).
	PeriodTopic string `json:"period_topic,omitempty"`
	// Dates are the dates the question names that are not its period
	// ("the October 7 attack", "the November 2026 midterms"): evidence
	// a passage must hold, not a filter.
	Dates []NamedDate `json:"dates,omitempty"`
	Order Order       `json:"order,omitempty"`
	// OrderPhrase is the question's words for the order ("the first time").
	OrderPhrase string `json:"order_phrase,omitempty"`
	// OrderOf is the word written after the order's word when that word
	// describes a thing ("its first meeting", "the first tool"): the
	// record may call it so itself (writesOrdinal).
	OrderOf string `json:"order_of,omitempty"`
	// Mention: the order asks when the subject was spoken of at all
	// ("when did it first come up"), so any statement that names it
	// counts, not only documents titled for it (text.IsMentionAt).
	Mention bool       `json:"mention,omitempty"`
	Want    AnswerType `json:"want,omitempty"`
	// Search is the question without the words that became filters or
	// orderings: what the record is searched for.
	Search string `json:"search"`
	// Topic is what the question is about, for sentences that say what
	// the record lacks ("on the Lachin corridor").
	Topic string `json:"topic,omitempty"`
	// Places are the countries, US states and cities the question's own
	// words name (text.PlacesAsked), not those a follow-up's rewrite borrows
	// from the conversation: "what about brazil" moves on from Mexico.
	// Only the pipeline's retrieval, which has the question's own words
	// beside its rewrite, sets them; ReadQuestion leaves them empty.
	Places []string `json:"places,omitempty"`
	// Kind is the kind of document the question's own words point at
	// ("who put out the statement on it": "statement"; see docKindAsked),
	// "" when none: a follow-up stays with a cited document only if its
	// title is of that kind. Set as Places is.
	Kind string `json:"kind,omitempty"`
	// end is the date of the record's latest document (zero: unknown): a
	// year after it names a subject's target, not a comparison's period
	// (targetYear, topicWord).
	end time.Time
}

// docKinds are the kinds of document the record's titles name ("Statement
// from …", "Readout of …", "Press Gaggle …", "Remarks by …"), by the
// words a question may call them; each maps to the title word that names
// the kind.
var docKinds = map[string]string{"statement": "statement", "readout": "readout", "gaggle": "gaggle",
	"briefing": "briefing", "proclamation": "proclamation", "memorandum": "memorandum", "memo": "memorandum",
	"remarks": "remarks", "speech": "remarks", "interview": "interview", "letter": "letter"}

// kindDeterminers point at a document by its kind: "the statement",
// "that readout", "his remarks".
var kindDeterminers = map[string]bool{"the": true, "that": true, "this": true, "those": true, "these": true,
	"his": true, "her": true, "their": true, "its": true}

// occasionWords are the prepositions before which a kind of document is
// the occasion or the subject of what is asked ("at the briefing", "about
// the letter"), not the document asked for ("who put out the statement",
// "a line from the speech", "the date of the readout").
var occasionWords = map[string]bool{"at": true, "in": true, "during": true, "about": true, "on": true,
	"regarding": true, "concerning": true, "over": true, "after": true, "before": true, "since": true}

// docKindAsked is the title word of the kind of document q points at with
// a determiner ("who put out the statement on it" → "statement", "when
// was that gaggle" → "gaggle"), "" when it points at none. A kind after a
// preposition is the occasion or the subject of what is asked, not the
// document asked for: "what else did she say at the briefing" (which an
// article reports), "what did sylvania say about the letter".
func docKindAsked(q string) string {
	toks := text.Tokens(q)
	for i := 0; i+1 < len(toks); i++ {
		if !kindDeterminers[toks[i].Word] || i > 0 && occasionWords[toks[i-1].Word] {
			continue
		}
		if k, ok := docKinds[toks[i+1].Word]; ok {
			return k
		}
	}
	return ""
}

// reportLag is how many days after a period a figure for it is still
// looked for: "how many were apprehended in January 2025" is answered by
// the figures published on February 18, "how many jobs were added in
// February 2022" by the report of March 4. A month covers the monthly
// reports; measured in the commit that added it.
const reportLag = 31

// reportPhrases name a report of a period or the figures it gives: a
// month written just before one ("april 2022 cpi", "may jobs report") is
// what the report covers, published after it.
var reportPhrases = map[string]bool{"cpi": true, "ppi": true, "pce": true, "gdp": true, "report": true,
	"numbers": true, "figures": true, "jobs report": true, "jobs numbers": true, "jobs data": true,
	"jobless claims": true, "unemployment rate": true, "unemployment numbers": true, "unemployment report": true,
	"employment report": true, "inflation report": true, "inflation numbers": true, "inflation data": true,
	"cpi report": true, "pce report": true, "gdp report": true}

// reportAfter reports whether the question's period (the tokens drop
// marks, ending at the last) is a month or a quarter written just before
// a reportPhrases phrase, in the same phrase, which no verb or noun of
// its own goes on from ("in may 2023 inflation was high", "the june 2021
// jobs bill" name no report).
func reportAfter(q string, toks []qtok, drop []bool, p Period) bool {
	if months := (p.Until.Year()-p.Since.Year())*12 + int(p.Until.Month()-p.Since.Month()) + 1; p.Since.Day() != 1 || p.Until.AddDate(0, 0, 1).Day() != 1 || months != 1 && months != 3 {
		return false // a day, a year or a span of another length
	}
	last := -1
	for i, d := range drop {
		if d {
			last = i
		}
	}
	j := last + 1
	if last < 0 || j >= len(toks) || strings.ContainsAny(q[toks[last].end:toks[j].start], ",;:?!") {
		return false
	}
	for n := 2; n >= 1; n-- {
		if j+n > len(toks) || !reportPhrases[joinQ(toks[j:j+n])] {
			continue
		}
		k := j + n
		return k == len(toks) || strings.ContainsAny(q[toks[k-1].end:toks[k].start], ",;:?!—–") ||
			text.IsStopword(toks[k].w) && !copulas[toks[k].w] && !yesNoOpeners[toks[k].w]
	}
	return false
}

// Options returns filters narrowed by the constraints: a period within
// the given dates (for a figure, until reportLag days after it), the
// speaker's and outlet's filters. A filter the caller
// set wins over the question's.
func (c Constraints) Options(filters retrieval.SearchOptions) retrieval.SearchOptions {
	o := filters
	if !c.Period.Since.IsZero() && (o.Since.IsZero() || c.Period.Since.After(o.Since)) {
		o.Since = c.Period.Since
	}
	until := c.Period.Until
	if !until.IsZero() && (c.Want == WantNumber || c.Period.report) && !c.Period.Deadline {
		until = until.AddDate(0, 0, reportLag)
	}
	if !until.IsZero() && (o.Until.IsZero() || until.Before(o.Until)) {
		o.Until = until
	}
	if o.Speaker == "" && c.Speaker != nil {
		o.Speaker = c.Speaker.Filter
	}
	if o.Outlet == "" && c.Outlet != "" {
		o.Outlet = c.Outlet
	}
	return o
}

// qtok is a word of a question: lower case, with its byte range and
// whether it was written with a capital. A possessive "'s" is a token of
// its own, so "Price's" is the name "price" and "s".
type qtok struct {
	w          string
	start, end int
	upper      bool
	// asks: a mark that ends a question stands before the token (a
	// question mark, a semicolon, a dash or a spaced hyphen; not a
	// quotation mark, a currency sign or the hyphen of "u.s.-backed");
	// pause: one that may (a comma, a full stop, an ellipsis, a line's
	// end: questionBreak).
	asks, pause bool
}

func questionTokens(q string) []qtok {
	var out []qtok
	for _, t := range text.Tokens(q) {
		r, _ := utf8.DecodeRuneInString(q[t.Start:])
		upper := unicode.IsUpper(r)
		// text.Tokens joins "O'Brien" as the index does, and "Price's"
		// too: split the possessive off again (text.Possessor: "Harris's"
		// is "harris" and "s"), but not a decade's "s" ("the 1990's").
		if raw := q[t.Start:t.End]; len(t.Word) > 1 && (strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")) && !text.IsDecade(t.Word) {
			apos := len("'")
			if strings.HasSuffix(raw, "’s") {
				apos = len("’")
			}
			out = append(out, qtok{w: text.Possessor(q, t), start: t.Start, end: t.End - 1 - apos, upper: upper}, qtok{w: "s", start: t.End - 1, end: t.End})
			continue
		}
		out = append(out, qtok{w: t.Word, start: t.Start, end: t.End, upper: upper})
	}
	out = withMoneySigns(q, out)
	for k := 1; k < len(out); k++ {
		gap := q[out[k-1].end:out[k].start]
		out[k].asks = strings.ContainsAny(gap, "?;—–") || strings.Contains(gap, " - ")
		out[k].pause = strings.ContainsAny(gap, ",…\n") || strings.Contains(gap, ". ")
	}
	return out
}

// withMoneySigns adds to toks, in order, a "$" token for each currency
// sign q writes standing alone ("what $ did she say was going into it",
// "how much $$ went to it"): chat's word for an amount of money, which
// text.Tokens, reading words, does not return. Only the answer's type is
// read from it; the search does not look for it.
func withMoneySigns(q string, toks []qtok) []qtok {
	for off := 0; ; {
		i := strings.IndexByte(q[off:], '$')
		if i < 0 {
			return toks
		}
		i += off
		j := i
		for j < len(q) && q[j] == '$' {
			j++
		}
		off = j
		if i > 0 && q[i-1] != ' ' || j < len(q) && !strings.ContainsRune(" ?!.,", rune(q[j])) {
			continue // "$5", "US$"
		}
		k, _ := slices.BinarySearchFunc(toks, i, func(t qtok, at int) int { return t.start - at })
		toks = slices.Insert(toks, k, qtok{w: "$", start: i, end: j})
	}
}

// markPossessives returns q with the possessives of the record's people
// typed without their apostrophe written with it ("what was kjps
// response" → "kjp's", "kamalas push", "jake sullivans words"), so that
// they are read as "kjp's response" is: a word ending in "s" that is no
// common word (text.IsCommon), that the passages holding it which
// wordUse reads never write in lower case ("powers" stays), and that,
// without the "s", is a name or alias of the record's people.
func markPossessives(q string, pp *people) string {
	if pp == nil {
		return q
	}
	var b strings.Builder
	last := 0
	for _, t := range text.Tokens(q) {
		w, raw := t.Word, q[t.Start:t.End]
		if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || q[t.End-1] != 's' && q[t.End-1] != 'S' ||
			strings.ContainsAny(raw, "'’") || strings.HasPrefix(q[t.End:], "'") || strings.HasPrefix(q[t.End:], "’") || text.IsCommon(text.Stem(w)) {
			// Too short, no "s" of its own, an apostrophe typed already
			// ("quillfeather's", "the quillfeathers' aide"), or a word of
			// the language.
			continue
		}
		if _, known := pp.byAlias[w]; known {
			continue
		}
		if _, ok := pp.byAlias[w[:len(w)-1]]; !ok || pp.wordUse != nil && pp.wordUse([]string{w}).lower {
			continue
		}
		b.WriteString(q[last : t.End-1])
		b.WriteString("'s")
		last = t.End
	}
	if last == 0 {
		return q
	}
	b.WriteString(q[last:])
	return b.String()
}

// positiveOpener returns q with a negated auxiliary opening it written
// positive when its subject follows ("didn't kirby say the talks were
// over" → "did kirby say …": whether he said it, the yes or no the record
// gives either way; "wasnt there …"): a pronoun, "there", a determiner, or
// a name or alias of the record's people. "don't paraphrase, …" is an
// instruction, and stays.
func positiveOpener(q string, pp *people) string {
	toks := text.Tokens(q)
	if len(toks) < 2 {
		return q
	}
	pos := text.Positive(toks[0].Word)
	if pos == "" {
		return q
	}
	next := toks[1].Word
	named := false
	if pp != nil {
		_, named = pp.byAlias[next]
	}
	if !subjectWords[next] && next != "there" && next != "this" && next != "that" && next != "you" && !named {
		return q
	}
	return pos + q[toks[0].End:]
}

// ReadQuestion reads a question's constraints. pp is the record's alias
// table (nil: no speaker is resolved); end is the date of the record's
// latest document, which relative periods ("last week") count back from.
func ReadQuestion(q string, pp *people, end time.Time) Constraints {
	return readQuestionFrom(q, pp, time.Time{}, end, Period{})
}

// instructionVerbs open a question that says what to do with the
// record's words rather than what they are about.
var instructionVerbs = map[string]bool{"compare": true, "contrast": true, "summarize": true, "summarise": true, "list": true}

// opensWithInstruction reports whether a question opens with one of
// instructionVerbs and goes on ("compare what biden and trump said"), or
// with a request to the bot (one of requestVerbs and "me": "remind me,
// …", "tell me who …", "give me what … said"), whose words are of the
// asking, not of the record (wharf w76 "lol remind me, harris called
// herzog in april 2022 for what holiday" was declined for "remind").
func opensWithInstruction(toks []qtok) bool {
	return len(toks) > 1 && (instructionVerbs[toks[0].w] || requestVerbs[toks[0].w] && toks[1].w == "me" && len(toks) > 2)
}

// historyYears is how long before the record's first statement a period
// stops being the time of a statement and becomes history the statements
// talk about: "what did Biden say about the events of 1915" asks about
// 1915, not for statements dated 1915, while "what did the department say
// in 2019", a few years before a record that starts in 2021, asks for a
// period the record does not hold (said plainly). Chosen, not measured:
// the development questions name history (1915, the 1990s war) decades
// before the record and statement periods within a few years of it.
const historyYears = 10

// readQuestionFrom is ReadQuestion knowing the record's first date too
// (zero: unknown), so that a period long before it is read as history.
//
// conv is the period of the conversation the question is asked in (the
// days the previous answer cited; zero outside one): a post the question
// names without a period of its own is resolved to its one holder then
// ("what did the sec state warn tehran …" in a conversation about June
// 2025 is Marco Rubio's words).
func readQuestionFrom(q string, pp *people, first, end time.Time, conv Period) Constraints {
	// Read as if written out: "what'd kirby say" names its speaker as
	// "what did kirby say" does, "last wk" its period as "last week"; a
	// letter stays, as it may be a name's initial ("george w bush").
	q = positiveOpener(markPossessives(text.SpellOutChatWords(q), pp), pp)
	toks := questionTokens(q)
	c := Constraints{end: end}
	drop := make([]bool, len(toks)) // tokens that became a filter or an order
	c.Period = readPeriod(q, toks, end, drop)
	at := slices.Index(drop, true) // where the period's phrase begins
	if !c.Period.IsZero() && (historical(c.Period, first) || otherYear(toks, drop, c.Period) ||
		c.Period.bare && !first.IsZero() && c.Period.Until.Before(first) ||
		periodOfSide(q, toks, at, c.Period.Phrase, end) || expiryTime(toks, at)) {
		// The phrase stays in the searched words: it is the subject.
		c.PeriodTopic = c.Period.Phrase
		c.Period = Period{}
		clear(drop)
	}
	if !c.Period.IsZero() {
		c.Period.report = reportAfter(q, toks, drop, c.Period)
	}
	c.Order, c.OrderPhrase, c.OrderOf = readOrder(q, toks, pp, drop)
	if c.Order != OrderAny {
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.w
		}
		for i := range words {
			if !text.IsMentionAt(words, i) {
				continue
			}
			// The subject is searched for, not the words saying it came
			// up: the record does not write "mentioned" beside the
			// statements that mention it ("the last time the biden wh
			// mentioned friendsgiving"; text.MentionWordsAt).
			c.Mention = true
			for k := range text.MentionWordsAt(words, i) {
				drop[i+k] = true
			}
		}
	}
	c.Want = readWant(toks)
	if opensWithInstruction(toks) {
		// "compare what biden and trump said about nato": what to do
		// with the answer, not a word of it ("… compared to Biden's final
		// 150 days" is no answer).
		drop[0] = true
		if toks[1].w == "me" {
			drop[1] = true // "remind me, …"
		}
	}
	if c.Period.Deadline && c.Want == WantNumber && c.Order == OrderAny {
		// "How many had crossed by the end of September?": the figure as
		// of the deadline is the latest given by then.
		c.Order, c.OrderPhrase = OrderLast, c.Period.Phrase
	}
	var admin adminSpan
	if pp != nil && c.Period.IsZero() {
		var ok bool
		if admin, ok = readAdministration(q, toks, pp, end); ok {
			for j := admin.from; j < admin.to; j++ {
				drop[j] = true
			}
			c.Period = admin.p
		}
	}
	speakerAt := -1
	if pp != nil {
		if m, ok := readPeople(q, toks, pp, &c, conv); ok && c.Speaker != nil {
			speakerAt = m.start
			// The speaker filter holds them; left in the searched words,
			// their name would match every passage of theirs, on any
			// subject.
			from, to := m.start, m.end
			for from > 0 && (toks[from-1].w == "the" || text.IsHonorific(toks[from-1].w)) {
				from--
			}
			if to < len(toks) && toks[to].w == "s" {
				to++
			}
			for j := from; j < to; j++ {
				drop[j] = true
			}
			if m.verb >= 0 {
				drop[m.verb] = true
				if to := audienceAfter(toks, m.verb); to > m.verb {
					for k := m.verb + 1; k <= to; k++ {
						drop[k] = true
					}
				}
			}
		}
		var from, to int
		c.Outlet, from, to = readOutlet(toks, pp)
		// The outlet filter holds it; left in the searched words, "White
		// House" would match every passage that names the building.
		for j := from; j < to; j++ {
			drop[j] = true
		}
		for j := from - 1; j >= 0 && to > from && toks[j].w == "the"; j-- {
			drop[j] = true
		}
	}
	if admin.president != nil && speakerAt >= 0 && speakerAt < admin.from {
		// "what did rubio say about the reward the biden administration
		// had offered": named after the speaker, the administration is
		// what was spoken of, not when.
		c.Period = Period{}
		for j := admin.from; j < admin.to; j++ {
			drop[j] = false
		}
	}
	c.Dates = readNamedDates(q, toks, drop, first)
	var b strings.Builder
	last := 0
	for i, t := range toks {
		if drop[i] {
			b.WriteString(q[last:t.start])
			last = t.end
		}
	}
	b.WriteString(q[last:])
	// What dropping left of punctuation ("Ms." → ".", "in May 2023?" →
	// " ?") goes with it.
	words := strings.FieldsFunc(b.String(), unicode.IsSpace)
	kept := words[:0]
	for _, w := range words {
		if strings.Trim(w, ".,;:?!") != "" {
			kept = append(kept, w)
		}
	}
	c.Search = text.SpellOutChat(strings.Join(kept, " "))
	if strings.Trim(c.Search, " ?.!,") == "" {
		c.Search = q
	}
	c.Topic = readTopic(q, toks, drop)
	return c
}

// historical reports whether p ends more than historyYears before first,
// the record's earliest statement.
func historical(p Period, first time.Time) bool {
	return !first.IsZero() && !p.Until.IsZero() && p.Until.Before(first.AddDate(-historyYears, 0, 0))
}

// expiryWords say when something ends by law or by its terms: a date
// after one ("is the trade preference set to expire in 2025", "does the
// program lapse in september") is what a statement says of its subject,
// whenever it was said, not when it was said.
var expiryWords = map[string]bool{"expire": true, "expires": true, "expiring": true, "expired": true,
	"lapse": true, "lapses": true, "lapsing": true}

// expiryTime reports whether the period the question reads at token from
// follows an expiry word (expiryWords), "in" or "on" between, in a
// question that asks no one's words: "what did the white house say
// about the tax credit expiring in december 2021" asks what was said
// then, as it expired.
func expiryTime(toks []qtok, from int) bool {
	i := from - 1
	if i >= 0 && (toks[i].w == "in" || toks[i].w == "on") {
		i--
	}
	if from <= 0 || i < 0 || !expiryWords[toks[i].w] {
		return false
	}
	return !slices.ContainsFunc(toks, func(t qtok) bool { return text.IsAskVerb(t.w) })
}

// otherYear reports whether the question names a year outside the
// period's phrase that the period does not cover: a comparison of two
// times ("did the 2025 message say what the one in 2021 did"), which one
// date filter would cut to one side.
func otherYear(toks []qtok, drop []bool, p Period) bool {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.w
	}
	for i := range toks {
		// Another month or day outside the period ("the feb 2022 jobs
		// report vs the oct 2022 one") is the other side.
		if drop[i] || !startsDate(toks, i) {
			continue
		}
		s, ok := retrieval.ReadDate(words, i, 0)
		if ok && s.Dated && ((!p.Since.IsZero() && s.Since.Before(p.Since)) || (!p.Until.IsZero() && s.Until.After(p.Until))) {
			return true
		}
	}
	for i, t := range toks {
		y, ok := yearOf(t.w)
		if !ok || drop[i] || (i > 0 && toks[i-1].w == "the") {
			continue // "the 2020 war" names a thing
		}
		if (!p.Since.IsZero() && y < p.Since.Year()) || (!p.Until.IsZero() && y > p.Until.Year()) {
			return true
		}
	}
	return false
}

// readWant is the kind of answer the question's first question word asks
// for; a question that opens with an auxiliary ("Did …", "Has …") wants a
// yes or no.
func readWant(toks []qtok) AnswerType {
	request := politeRequest(toks)
	aux := -1 // the auxiliary opening a yes/no question
	switch {
	case len(toks) == 0:
	case yesNoOpeners[toks[0].w]:
		if !request {
			aux = 0
		}
	default:
		aux = openingEnd(toks)
	}
	yesNo := aux >= 0 && !alternative(toks, aux)
	if w := wantFrom(toks, 0, yesNo); w != WantAny {
		return w
	}
	if yesNo || (request && slices.ContainsFunc(toks, func(t qtok) bool { return t.w == "whether" || t.w == "if" })) {
		// "can you tell me whether he said it" asks a yes or no too.
		return WantYesNo
	}
	return WantAny
}

// wantFrom is the kind of answer the first question word at or after
// from asks for (readWant), WantAny when none asks for one.
func wantFrom(toks []qtok, from int, yesNo bool) AnswerType {
	for i := from; i < len(toks); i++ {
		t := toks[i]
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].w
		}
		if yesNo && i > 0 && !embeddedAsk(toks, i) {
			// "did biden and the belgian pm talk about it when he
			// visited": after "did", a "when" or "who" opens a clause of
			// the yes/no question, not what it asks.
			continue
		}
		if quotationWords[t.w] || wordForWord(toks, i) {
			return WantQuotation
		}
		switch t.w {
		case "when":
			if subordinateWhen(toks, i) {
				continue
			}
			return WantDate
		case "who", "whom":
			if relativeWho(toks, i) {
				// "biden had a line for ppl who were holding out … —
				// what were his exact words": "who" tells which
				// people; the question asked comes after a break ("at
				// the summit who hosted and where was it held" asks
				// who).
				if k := clauseBreak(toks, i+1); k > 0 {
					if w := wantFrom(toks, k, yesNo); w != WantAny {
						return w
					}
				}
			}
			return WantPerson
		case "where":
			return WantPlace
		case "why":
			// "why did biden want collins to stay on when he took
			// office": a reason is asked; a "when" after it opens a
			// clause, unless it is asked too ("why and when did …") or
			// a question of its own follows a break ("kjp said why it
			// moved - when was that").
			if !whyAlone(toks, i) {
				continue
			}
			if k := questionBreak(toks, i+1); k > 0 {
				return wantFrom(toks, k, yesNo)
			}
			return WantAny
		case "how":
			switch next {
			case "many", "much", "long", "old", "often", "far":
				return WantNumber
			case "high", "big", "large", "low", "steep", "deep", "fast", "tall", "heavy", "severe":
				// "how high did the tariff go": a measure, given as a figure.
				return WantNumber
			}
		case "what", "which":
			if t.w == "what" && i <= whatSaidReach && whatSaid(toks, i+1) {
				// "give me what sullivan said about the dispute panel":
				// his words.
				return WantQuotation
			}
			if quantityNouns[next] && (i+2 == len(toks) || yesNoOpeners[toks[i+2].w]) {
				// "what price was the cap set at", "which rate did they
				// set": the noun asked for is a quantity ("what rate
				// hike" names a thing; "what tariff rate did laos get"
				// is not read so: any rate's figure would fit, a visa
				// overstay rate's among them).
				return WantNumber
			}
			if t, ok := askedNouns[askedNoun(toks, i+1)]; ok {
				// "what date", "which city", "which architecture firm":
				// the noun asked for, after up to two modifiers.
				return t
			}
			switch {
			case next == "number" || next == "percentage" || next == "percent" || next == "share" ||
				next == "amount" || next == "figure" || next == "toll" || next == "$":
				return WantNumber
			case copulas[next] && quantityAfter(toks, i+2):
				// "what was the unemployment rate", "what's the death
				// toll": the noun asked about is a quantity.
				return WantNumber
			case copulas[next] && i+3 < len(toks) && toks[i+2].w == "the":
				// "what's the deadline", "what was the venue": a day or
				// a place, the noun asked about (not "what is the
				// president doing").
				if t := askedNouns[toks[i+3].w]; t == WantDate || t == WantPlace {
					return t
				}
			}
			if !copulas[next] && pastTense(next) {
				// "what happened when biden met xi": the verb asks what;
				// a "when" opening a clause after it does not ask when.
				if k := slices.IndexFunc(toks[i+2:], func(t qtok) bool { return whWords[t.w] }); k >= 0 && clauseWhen(toks, i+2+k) {
					return WantAny
				}
			}
			// "what exactly did biden say": an adverb of the asking
			// stands between the question word and its auxiliary.
			aux := i + 1
			for aux < len(toks) && askAdverbs[toks[aux].w] {
				aux++
			}
			if saysVerbAfter(toks, aux) {
				return WantQuotation
			}
			// "what gift did nauseda give biden when they met": up to two
			// words naming the thing asked may stand before the auxiliary,
			// after "kind of" ("what kind of deal did they sign when …").
			named := false
			start := aux
			if start+1 < len(toks) && kindNouns[toks[start].w] && toks[start+1].w == "of" {
				start += 2
			}
			for k := start; k < min(len(toks)-1, start+2) && namesThing(toks[k].w); k++ {
				if yesNoOpeners[toks[k+1].w] {
					aux, named = k+1, true
					break
				}
			}
			if aux < len(toks) && yesNoOpeners[toks[aux].w] {
				// "what did Sullivan praise Azerbaijan for when he met
				// Hajiyev": the question's own word asked for no kind of
				// answer; a "when" or "who" after it opens a clause. But
				// "what were his exact words" asks for words.
				for j, u := range toks[aux+1:] {
					if whWords[u.w] {
						if k := aux + 1 + j; named && !clauseWhen(toks, k) {
							// "what summit was it and when was it held",
							// "which senator was it who": a question of its own.
							if w := wantFrom(toks, k, yesNo); w != WantAny {
								return w
							}
						}
						break
					}
					if quotationWords[u.w] || wordForWord(toks, aux+1+j) {
						return WantQuotation
					}
				}
				return WantAny
			}
		}
	}
	return WantAny
}

// kindNouns ask which kind of a thing: "what kind of deal", "what sort
// of gift".
var kindNouns = map[string]bool{"kind": true, "kinds": true, "sort": true, "sorts": true, "type": true, "types": true}

// quotationWords ask for someone's own words wherever they stand.
// ("the exact wording", "the catchphrase"; "word for word" too:
// wordForWord).
var quotationWords = map[string]bool{"quote": true, "quotes": true, "verbatim": true, "words": true,
	"wording": true, "catchphrase": true}

// wordForWord reports whether "word for word" stands at i.
func wordForWord(toks []qtok, i int) bool {
	return i+2 < len(toks) && toks[i].w == "word" && toks[i+1].w == "for" && toks[i+2].w == "word"
}

// whWords open a question or a clause of one (followup.go's whWord and
// questionWord are wider: the words that only ask, and those a follow-up
// points back with).
var whWords = map[string]bool{"what": true, "which": true, "who": true, "whom": true, "when": true, "where": true, "how": true, "why": true}

// questionBreak is the index of the first token at or after from that a
// mark ending a question stands before (qtok.asks), or a pause before a
// question word asking with its auxiliary ("… close the canal. when was
// it", "…, and when did she"; not "why, when biden took office, did he
// keep them": a clause), 0 when none does.
func questionBreak(toks []qtok, from int) int {
	for k := max(from, 1); k < len(toks); k++ {
		if toks[k].asks {
			return k
		}
		if toks[k].pause {
			j := k
			if j+1 < len(toks) && (toks[j].w == "and" || toks[j].w == "or" || toks[j].w == "but") {
				j++
			}
			if j+1 < len(toks) && whWords[toks[j].w] && (yesNoOpeners[toks[j+1].w] || copulas[toks[j+1].w]) {
				return k
			}
		}
	}
	return 0
}

// clauseBreak is the index of the first token at or after from that
// follows a mark between it and the token before ("…holding out —
// what", "…, when"): more than a space between them. 0 when none does.
func clauseBreak(toks []qtok, from int) int {
	for k := max(from, 1); k < len(toks); k++ {
		if toks[k].start-toks[k-1].end > 1 && !possessiveS(toks, k) {
			return k
		}
	}
	return 0
}

// relativeWho reports whether the "who" at i may open a relative clause
// of the word before it ("a student who didnt want to go", "ppl who were
// holding out") rather than ask: a word of content stands before it, not
// a function word ("tell me who", "on who won", "and by who") or a year
// ("when biden was in warsaw march 2022 who thanked jill"). readWant
// reads it so only when a later question word asks for something else.
func relativeWho(toks []qtok, i int) bool {
	if i == 0 {
		return false
	}
	before := toks[i-1].w
	if _, year := yearOf(before); year || isDigit(before[len(before)-1]) {
		return false
	}
	return !text.IsStopword(before)
}

// subordinateWhen reports whether the "when" at i opens a clause that
// sets the time of the question after it rather than asking the time:
// "when finer went to delhi what did the wh say india had set up". The
// clause's subject follows it (clauseSubject; not "when did …", "when
// exactly was …", "when in 2023 did …", "when and where …"), and a later
// question word asks ("what did", "how many", "who was", "who thanked"),
// or, after the question's opening "when" clause, an auxiliary and its
// subject ask a yes or no (yesNoAfterWhen).
func subordinateWhen(toks []qtok, i int) bool {
	if i+1 >= len(toks) || !clauseSubject(toks[i+1].w) {
		return false
	}
	if i == 0 && yesNoAfterWhen(toks, i) > 0 {
		return true
	}
	for k := i + 2; k+1 < len(toks); k++ {
		switch toks[k].w {
		case "what", "who", "whom", "which", "where", "how":
			next := toks[k+1].w
			if yesNoOpeners[next] || copulas[next] || next == "many" || next == "much" || next == "long" {
				return true
			}
			if toks[k].w == "who" && (pastTense(next) || text.IsAskVerb(next)) {
				// "when biden was in warsaw march 2022 who thanked
				// jill": "who" the subject of a verb asks.
				return true
			}
			if toks[k].w == "how" && k+2 < len(toks) && (copulas[toks[k+2].w] || yesNoOpeners[toks[k+2].w]) {
				// "… done already when biden came in, how done was it":
				// "how" and the measure asked.
				return true
			}
			if (toks[k].w == "what" || toks[k].w == "which") && thingAsked(toks, k+1) {
				// "when biden announced the milestone, what exact words
				// did he quote": the thing asked, then its auxiliary.
				return true
			}
		}
	}
	return false
}

// afterOpening is the byte offset in q of the question after the clause
// or the phrase that opens it (openingEnd), 0 when nothing does.
func afterOpening(q string) int {
	toks := questionTokens(q)
	if k := openingEnd(toks); k > 0 {
		return toks[k].start
	}
	return 0
}

// openingEnd is, for a yes/no question that opens with a clause or a
// phrase setting its time or occasion, the index of the auxiliary that
// opens the question itself: "when biden tapped the reserve did china
// do a release too" (yesNoAfterWhen), "in march 2024 did biden say
// he'd sign it", "during harris's tokyo trip, did she get into taiwan",
// "jan 2022 before the invasion, did biden tell zelensky …", "under
// aukus, is australia getting …". -1 for any other question.
func openingEnd(toks []qtok) int {
	if len(toks) == 0 {
		return -1
	}
	if toks[0].w == "when" {
		return yesNoAfterWhen(toks, 0)
	}
	i := 0
	for i < len(toks)-1 && fillers[toks[i].w] {
		i++ // "so in march 2024 did biden …", "ok during the trip did she …"
	}
	if !openingWords[toks[i].w] && !startsDate(toks, i) {
		return -1
	}
	for k := i + 1; k+1 < len(toks); k++ {
		if (whWords[toks[k].w] || toks[k].w == "whose") && !relativeWh(toks, k) {
			return -1
		}
		if opensQuestionAt(toks, k) {
			return k
		}
	}
	return -1
}

// relativeWh reports whether the "where" or "when" at k opens a
// relative clause within an opening phrase: "during the trip where biden
// met xi did they …" — after a noun (no function word, number or
// mark), and not itself asking ("… the trip, where did …": an auxiliary
// follows it). "Which" and "who" are left as asking: "in aug 2023 which
// storm did …" asks which.
func relativeWh(toks []qtok, k int) bool {
	if w := toks[k].w; w != "where" && w != "when" {
		return false
	}
	if k == 0 || k+1 >= len(toks) || toks[k].asks || toks[k].pause {
		return false
	}
	before := toks[k-1].w
	if text.IsStopword(before) || isDigit(before[len(before)-1]) {
		return false
	}
	return !yesNoOpeners[toks[k+1].w] && !copulas[toks[k+1].w]
}

// fillers are the chat words that may open a question before its
// opening phrase (openingEnd).
var fillers = map[string]bool{"so": true, "ok": true, "okay": true, "and": true, "but": true, "also": true,
	"hey": true, "um": true, "uh": true, "yo": true, "like": true}

// alternative reports whether a question whose auxiliary stands at a
// asks which of two ("did biden or trump host them", "was voter id or
// the act itself more popular", "was it harris or biden"): "or" joins
// the subject's words, within alternativeReach words of the auxiliary,
// and no auxiliary or word of yes or no follows it ("… or not", "… or
// nah", "… or was that it" ask yes or no).
func alternative(toks []qtok, a int) bool {
	for j := a + 2; j < min(len(toks)-1, a+1+alternativeReach); j++ {
		if toks[j].w == "or" {
			next := toks[j+1].w
			return !yesNoOpeners[next] && !copulas[next] && !text.IsNegation(next) && !yesNoWords[next]
		}
	}
	return false
}

// alternativeReach is how many words after a question's auxiliary the
// "or" of an alternative may stand: the subject's ("was voter id or the
// save america act itself …"), not its object's ("did the freeze hit
// social security or food stamps" asks yes or no of either).
const alternativeReach = 4

// yesNoWords answer yes or no after an "or" (alternative): "… or no",
// "… or nah".
var yesNoWords = map[string]bool{"yes": true, "no": true, "nah": true, "nope": true, "yeah": true, "yep": true,
	// Tags that leave the question a yes or no: "… or anything", "… or
	// smth", "is it real or what", "true or false", "2021 or so".
	"anything": true, "something": true, "smth": true, "sth": true, "nothing": true, "what": true, "whatever": true,
	"so": true, "true": true, "false": true, "else": true}

// openingWords open a phrase that sets the time or the occasion of the
// question after it (openingEnd).
var openingWords = map[string]bool{"in": true, "on": true, "at": true, "during": true, "after": true, "before": true,
	"under": true, "since": true, "following": true, "amid": true, "around": true, "back": true, "by": true,
	"over": true, "throughout": true, "within": true, "until": true, "upon": true}

// yesNoAfterWhen is the index of the auxiliary that opens the yes/no
// question after the "when" clause at i, -1 when there is none: the
// clause sets the time of the question, "when biden tapped the
// reserve in nov 2021 did china do a release too", "when the senate
// passed it was harris there". The clause's subject follows "when"; no
// question word follows it; an auxiliary does, with a subject after it
// (not a participle: "when the summit was held did …"), at least two
// words after the clause's subject ("when biden was asked did he …":
// "was" is the clause's own). Only a question's opening "when" is read
// so (readWant, subordinateWhen): "can you tell me when the summit was
// held" asks a date.
func yesNoAfterWhen(toks []qtok, i int) int {
	if i+1 >= len(toks) || !clauseSubject(toks[i+1].w) {
		return -1
	}
	if slices.ContainsFunc(toks[i+1:], func(t qtok) bool { return whWords[t.w] }) {
		return -1
	}
	for k := i + 3; k+1 < len(toks); k++ {
		if opensQuestionAt(toks, k) {
			return k
		}
	}
	return -1
}

// opensQuestionAt reports whether the auxiliary at k opens a yes/no question
// after an opening clause or phrase (openingEnd): a subject follows it,
// not a participle ("when the summit was held", "when the deal was
// done") or an -ing word; a modal ("will", "would", "can") only after a
// mark that ends the opening ("when the rule will take effect" asks a
// date), and not asking for something ("on ukraine can i get the quote
// …" is a request).
func opensQuestionAt(toks []qtok, k int) bool {
	if k+1 >= len(toks) || !yesNoOpeners[toks[k].w] {
		return false
	}
	s := toks[k+1].w
	if !clauseSubject(s) || pastTense(s) || irregularParticiples[s] || strings.HasSuffix(s, "ing") {
		return false
	}
	if modals[toks[k].w] {
		return (toks[k].asks || toks[k].pause) && !youWords[s] && s != "i" && s != "we"
	}
	return true
}

// modals are the auxiliaries that may open a clause's own verb ("will
// take", "would sign") as well as a question.
var modals = map[string]bool{"will": true, "would": true, "can": true, "could": true, "should": true}

// thingAsked reports whether the tokens from i name a thing asked, up to
// two words after any adverb of the asking, before an auxiliary: "exact
// words did he", "gift did nauseda".
func thingAsked(toks []qtok, i int) bool {
	for i < len(toks) && askAdverbs[toks[i].w] {
		i++
	}
	for k := i; k < min(len(toks)-1, i+2) && (!text.IsStopword(toks[k].w) || quotationWords[toks[k].w]); k++ {
		if t, ok := askedNouns[toks[k].w]; ok && t == WantDate || toks[k].w == "time" {
			return false // "when they met what time did they sign": a date still
		}
		if yesNoOpeners[toks[k+1].w] {
			return true
		}
	}
	return false
}

// askAdverbs are the adverbs a question sets between its question word
// and its auxiliary: "what exactly did he say", "what really happened",
// and the adjectives of the same asking ("what exact gift did he give").
var askAdverbs = map[string]bool{"exactly": true, "precisely": true, "specifically": true, "really": true, "actually": true,
	"exact": true, "precise": true}

// subjectWords open a clause's subject: "when the talks ended", "when
// he went".
var subjectWords = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"our": true, "my": true, "he": true, "she": true, "they": true, "we": true, "it": true, "i": true}

// clauseSubject reports whether w may open the subject of a clause after
// "when": one of subjectWords or a word of content ("finer", "biden"),
// not an auxiliary, a function word, an adverb in -ly or the one asked
// ("u", "you": "when u think biden said it").
func clauseSubject(w string) bool {
	if subjectWords[w] {
		return true
	}
	return !yesNoOpeners[w] && !copulas[w] && !text.IsStopword(w) && w != "u" && !strings.HasSuffix(w, "ly")
}

// politeRequest reports whether a question opening with an auxiliary is a
// request, not a yes/no question: "can you tell me when the summit was
// held", "could u quote biden on the tariffs", "would you please give me
// his exact words". It asks what the imperative after it asks ("tell me
// when …").
func politeRequest(toks []qtok) bool {
	if len(toks) < 3 || !requestOpeners[toks[0].w] || !youWords[toks[1].w] {
		return false
	}
	v := toks[2].w
	if v == "please" && len(toks) > 3 {
		v = toks[3].w
	}
	return requestVerbs[v]
}

// requestOpeners, youWords and requestVerbs make a polite request
// (politeRequest): "can", "you", "tell".
var (
	requestOpeners = map[string]bool{"can": true, "could": true, "would": true, "will": true}
	youWords       = map[string]bool{"you": true, "u": true, "ya": true, "yall": true}
	requestVerbs   = map[string]bool{"tell": true, "give": true, "show": true, "quote": true, "find": true,
		"list": true, "share": true, "pull": true, "get": true, "remind": true, "explain": true,
		"summarize": true, "summarise": true, "name": true, "point": true, "dig": true, "look": true}
)

// embeddedAsk reports whether the wh-word at i (in a question opening
// with a yes/no word) is what the question asks: a question embedded
// after a verb of saying or knowing, with or without its object, or
// after "about", "on" or "for" ("did sullivan say when the deal would be
// done", "do we know who ran it", "did they tell us who", "is there any
// word on when", "did they give a date for when"), one added at the end
// ("did they meet, and when?") or a second question after "and" ("did
// they meet and when was it").
func embeddedAsk(toks []qtok, i int) bool {
	if i+1 == len(toks) {
		return true
	}
	prev := toks[i-1].w
	if i > 1 && objectPronouns[prev] {
		// "did they tell us who", "do you know when": the verb stands
		// before its object.
		prev = toks[i-2].w
	}
	if toks[i-1].w == "and" && yesNoOpeners[toks[i+1].w] {
		// "did they meet and when was it": a second question.
		return true
	}
	return text.IsAskVerb(prev) || knowVerbs[prev] || prev == "about" || prev == "on" || prev == "for"
}

// objectPronouns stand between a verb and the question it embeds ("tell
// me when", "let us know who").
var objectPronouns = map[string]bool{"me": true, "us": true, "him": true, "her": true, "them": true, "you": true}

// knowVerbs are the verbs besides those of saying (text.IsAskVerb)
// after which a wh-word opens the question asked: "do we know when …".
var knowVerbs = map[string]bool{"know": true, "knew": true, "known": true, "explain": true, "explained": true,
	"reveal": true, "revealed": true, "specify": true, "specified": true, "disclose": true, "disclosed": true,
	"confirm": true, "confirmed": true, "mention": true, "mentioned": true, "indicate": true, "indicated": true,
	"clarify": true, "clarified": true, "decide": true, "decided": true}

// askedNoun is the noun a "what"/"which" asks for when up to whichReach
// modifiers stand before it ("which architecture firm", "what foreign
// leader", "which pilots union guy"): the first of the words at i to
// i+whichReach that names a kind of answer (askedNouns), before any
// auxiliary or function word; else "".
func askedNoun(toks []qtok, i int) string {
	for j := i; j < len(toks) && j <= i+whichReach; j++ {
		w := toks[j].w
		if _, ok := askedNouns[w]; ok {
			return w
		}
		if yesNoOpeners[w] || text.IsStopword(w) && !askAdverbs[w] {
			break
		}
	}
	return ""
}

// askedNouns are the nouns after "what"/"which" that say the kind of
// answer wanted. An organisation is named as a person is: "which company
// was flying it", "what agency ran it".
var askedNouns = func() map[string]AnswerType {
	m := map[string]AnswerType{"date": WantDate, "dates": WantDate, "day": WantDate, "year": WantDate, "month": WantDate, "deadline": WantDate,
		"city": WantPlace, "country": WantPlace, "place": WantPlace, "town": WantPlace, "venue": WantPlace, "location": WantPlace,
		"official": WantPerson, "officials": WantPerson, "person": WantPerson, "spokesperson": WantPerson,
		"minister": WantPerson, "ministers": WantPerson, "leader": WantPerson, "leaders": WantPerson,
		"president": WantPerson, "presidents": WantPerson, "senator": WantPerson, "senators": WantPerson,
		"governor": WantPerson, "governors": WantPerson, "ambassador": WantPerson, "ambassadors": WantPerson,
		"diplomat": WantPerson, "diplomats": WantPerson, "envoy": WantPerson, "mayor": WantPerson,
		// People as chat names them: "which pilots union guy said …".
		"guy": WantPerson, "guys": WantPerson, "man": WantPerson, "woman": WantPerson, "lady": WantPerson,
		"reporter": WantPerson, "reporters": WantPerson, "journalist": WantPerson, "lawmaker": WantPerson,
		"lawmakers": WantPerson, "aide": WantPerson, "aides": WantPerson, "staffer": WantPerson,
		"nominee": WantPerson,
		// Callings: "which poet did biden quote", "which archbishop got
		// put on the board". (Not the titles of the record's own
		// officials, "secretary", "general": "which assistant press
		// secretary had his last day" read so quoted a sentence
		// naming others first, and its follow-up lost where he went,
		// hall h35–h36.)
		"poet": WantPerson, "author": WantPerson, "writer": WantPerson, "singer": WantPerson, "artist": WantPerson,
		"actor": WantPerson, "actress": WantPerson, "athlete": WantPerson, "player": WantPerson, "coach": WantPerson,
		"ceo": WantPerson, "founder": WantPerson, "archbishop": WantPerson, "bishop": WantPerson, "cardinal": WantPerson,
		"pope": WantPerson, "astronaut": WantPerson, "activist": WantPerson, "survivor": WantPerson, "hostage": WantPerson,
		"adviser": WantPerson, "advisor": WantPerson, "spokesman": WantPerson, "spokeswoman": WantPerson,
		"congressman": WantPerson, "congresswoman": WantPerson, "judge": WantPerson, "candidate": WantPerson,
		// "what dollar amount", "what total amount": a figure.
		"amount": WantNumber}
	for n := range organisationNouns {
		m[n] = WantPerson
	}
	for n := range phraseNouns {
		m[n] = WantQuotation // "what exact phrase did he use"
	}
	return m
}()

// organisationNouns are the nouns after "what"/"which" that ask for an
// organisation: "which company was flying it", "what agency ran it".
var organisationNouns = map[string]bool{"company": true, "firm": true, "agency": true, "organization": true,
	"organisation": true, "group": true, "airline": true, "carrier": true, "contractor": true}

// asksOrganisation reports whether a question asking for a person may be
// answered by an organisation: it asks which company, agency or group
// (organisationNouns), or who won ("who won the nobel peace prize": a
// group may have).
func asksOrganisation(q string) bool {
	toks := questionTokens(text.SpellOutChat(q))
	for i, t := range toks {
		switch t.w {
		case "what", "which":
			if organisationNouns[askedNoun(toks, i+1)] {
				return true
			}
		case "who":
			if outcomeVerbs[whoVerb(toks, i)] {
				return true
			}
		}
	}
	return false
}

// copulas are the forms of "be" after a wh-word ("what was", "what's":
// "s") by which a question asks what a thing is.
// audienceNouns are those a speech verb is addressed to ("told
// reporters", "tell the press"); audienceGroups may follow them ("the
// press corps").
var (
	audienceNouns = map[string]bool{"reporters": true, "reporter": true, "press": true, "journalists": true,
		"journalist": true, "media": true, "correspondents": true}
	audienceGroups = map[string]bool{"corps": true, "pool": true}
	// audienceEnds may follow the audience: what was said comes next
	// ("told reporters about …", "… that the canal would reopen").
	audienceEnds = map[string]bool{"about": true, "on": true, "that": true, "regarding": true, "re": true,
		"when": true, "after": true, "before": true, "during": true, "at": true, "in": true, "the": true,
		"a": true, "this": true, "his": true, "her": true, "their": true, "its": true, "today": true,
		"yesterday": true, "tonight": true, "last": true, "monday": true, "tuesday": true, "wednesday": true,
		"thursday": true, "friday": true, "saturday": true, "sunday": true}
)

// audienceAfter is the index of the last word of whom the speech verb
// at verb addresses ("what did she tell reporters about …", "say to the
// press corps …"): whom she told is no word of what she said. It is
// verb when none is: "say" addresses only with "to" ("what did she say
// press freedom means"), and the audience must end the question or be
// followed by what was said ("tell the media company …" names a company).
func audienceAfter(toks []qtok, verb int) int {
	j := verb + 1
	to := j < len(toks) && toks[j].w == "to"
	if to {
		j++
	} else if v := toks[verb].w; v != "tell" && v != "tells" && v != "told" && v != "telling" {
		return verb
	}
	if j < len(toks) && (toks[j].w == "the" || toks[j].w == "a") {
		j++
	}
	if j >= len(toks) || !audienceNouns[toks[j].w] {
		return verb
	}
	if j+1 < len(toks) && audienceGroups[toks[j+1].w] {
		j++
	}
	if j+1 < len(toks) && (!audienceEnds[toks[j+1].w] || toks[j].w == "press" && toks[j+1].w == "secretary") {
		return verb
	}
	return j
}

var copulas = map[string]bool{"is": true, "was": true, "s": true, "are": true, "were": true}

// quantityNouns name a quantity: a question asking what one was wants a
// figure.
//
// A tally is one too, and a vote's count ("the senate vote count"): see
// figureOf. "What was the vote on …" alone asks as often for the outcome
// ("we abstained"), and is not read as a figure.
var quantityNouns = map[string]bool{"rate": true, "number": true, "percentage": true, "share": true,
	"amount": true, "toll": true, "total": true, "count": true, "cost": true, "price": true,
	"tally": true}

// countNouns are the quantityNouns that count, which a verb's -ing form
// after them does not make a compound of.
var countNouns = map[string]bool{"tally": true, "count": true, "total": true, "toll": true, "number": true}

// quantityAfter reports whether the noun phrase at i ("the unemployment
// rate", "the death toll") ends in a quantity noun: its first noun
// after the article and up to two modifiers, before a function word
// ("of", "in", "the" of a clause of its own) or the question's end.
func quantityAfter(toks []qtok, i int) bool {
	if i < len(toks) && toks[i].w == "the" {
		i++
	}
	if i < len(toks) && exactWords[toks[i].w] {
		i++ // "the exact senate vote count": no modifier of the noun
	}
	for j := i; j < len(toks) && j <= i+2; j++ {
		if !quantityNouns[toks[j].w] {
			continue
		}
		for j+1 < len(toks) && quantityNouns[toks[j+1].w] {
			j++ // "the senate vote count": the phrase goes on
		}
		if j+1 == len(toks) {
			return true
		}
		// A function word ends the noun phrase and opens what follows
		// it: "the death toll of", "the official death toll the wh gave"
		// (a clause of its own); so does a verb's -ing form after a
		// count ("the senate vote tally confirming gina mendez-miro";
		// not "the price gouging ban", "the cost sharing agreement").
		// "The rate hike" goes on with a noun of the compound.
		next := toks[j+1].w
		return text.IsStopword(next) || countNouns[toks[j].w] && len(next) > 5 && strings.HasSuffix(next, "ing")
	}
	return false
}

// yesNoOpeners are the auxiliaries that open a yes/no question.
var yesNoOpeners = map[string]bool{"did": true, "does": true, "do": true, "is": true, "was": true, "were": true,
	"are": true, "has": true, "have": true, "had": true, "will": true, "would": true, "can": true, "could": true,
	"should": true}

// saysVerbAfter reports whether "what did X say"-like wording follows
// position i: an auxiliary, up to four words, and a verb of saying.
func saysVerbAfter(toks []qtok, i int) bool {
	if i >= len(toks) || !yesNoOpeners[toks[i].w] {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+6; j++ {
		if text.IsAskVerb(toks[j].w) {
			return true
		}
	}
	return false
}

// whatSaid reports whether the words from i, after a "what" with no
// auxiliary near a question's start, name who said it and a past verb
// of saying within saidReach words ("give me what sullivan said", "what
// the press sec told reporters"), and no question word follows: "… said
// about how long us forces were on the ground" asks the figure in his
// words (measured: fresh f018 lost it read as a quotation), "what kirby
// said - when was that" the date.
func whatSaid(toks []qtok, i int) bool {
	for j := i; j < len(toks) && j < i+saidReach; j++ {
		w := toks[j].w
		if yesNoOpeners[w] || whWords[w] {
			return false
		}
		if !saidVerbs[w] {
			continue
		}
		if j == i {
			return false // "what said …" names no one
		}
		return !slices.ContainsFunc(toks[j+1:], func(t qtok) bool { return whWords[t.w] })
	}
	return false
}

// whatSaidReach is how far from a question's start the "what" of
// whatSaid stands: "give me what …", "can u tell me what …"; not the
// "what" of a clause deep in a longer question ("how does that compare
// to what biden's budget said …").
const whatSaidReach = 4

// saidReach is how many words from "what" whatSaid reads for the verb.
const saidReach = 5

// saidVerbs say that words were said (whatSaid).
var saidVerbs = map[string]bool{"said": true, "told": true, "wrote": true, "stated": true, "tweeted": true}

// orderSkip are words after "first" or "last" that make it something
// other than an order: a period ("last week"), a follow-up's pointer
// ("the first one"), a figure ("the first 100 days").
var orderSkip = map[string]bool{"week": true, "month": true, "year": true, "day": true, "days": true, "weeks": true,
	"months": true, "years": true, "night": true, "one": true, "ones": true, "two": true, "three": true, "few": true,
	"of": true, "and": true, "summer": true, "winter": true, "spring": true, "autumn": true, "fall": true,
	"quarter": true}

// readOrder finds "first"/"earliest" or "last"/"latest"/"most recent",
// with the word written after it when that is no function word, number
// or "time" ("meeting" of "its first meeting"; see Constraints.OrderOf).
// A "first" that starts a title the record knows ("First Lady") is not an
// order.
func readOrder(q string, toks []qtok, pp *people, drop []bool) (Order, string, string) {
	for i, t := range toks {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].w
		}
		var o Order
		n := 1
		switch t.w {
		case "earliest", "initially", "originally":
			o = OrderFirst
		case "first", "1st":
			if t.w == "1st" && (next == "" || next == "of" || i > 0 && isMonth(toks[i-1].w) ||
				i > 1 && toks[i-1].w == "the" && toks[i-2].w == "on") {
				continue // "march 1st", "on the 1st", "the 1st of march": a day
			}
			next2 := ""
			if i+2 < len(toks) {
				next2 = toks[i+2].w
			}
			if orderSkip[next] || (pp != nil && pp.titleStarting("first "+next)) || isNumber(next) || namedFirst(pp, next, next2) {
				continue
			}
			if next == "ever" && i > 0 && (toks[i-1].w == "the" || toks[i-1].w == "a" || ownerWords[toks[i-1].w]) {
				continue // "the first-ever permanent menorah": a first in history, not the first statement
			}
			o = OrderFirst
		case "latest", "lately":
			o = OrderLast
		case "recently":
			// "what has he said recently about tariffs"; not "the
			// recently signed deal" (an adjective's adverb), "until (very)
			// recently" nor "as recently as 2023".
			before := func(k int) string {
				if i-k < 0 {
					return ""
				}
				return toks[i-k].w
			}
			// "the recently signed deal": a participle after it, a
			// determiner before it ("who has biden recently met" asks).
			adjective := participle(next) && (ownerWords[before(1)] || ownerWords[before(2)])
			if adjective || sinceWords[before(1)] || sinceWords[before(2)] || before(1) == "as" {
				continue
			}
			o = OrderLast
		case "most":
			if next == "recent" || next == "recently" {
				o, n = OrderLast, 2
			}
		case "last":
			// "how long would it last?": a verb.
			if orderSkip[next] || isNumber(next) || next == "" {
				continue
			}
			o = OrderLast
		}
		if o == OrderAny {
			continue
		}
		start, end := i, i+n
		// "the first time", "for the first time": all of it is the order.
		if end < len(toks) && toks[end].w == "time" {
			end++
		}
		if start > 0 && toks[start-1].w == "the" {
			start--
			if start > 0 && toks[start-1].w == "for" {
				start--
			}
		}
		for j := start; j < end; j++ {
			drop[j] = true
		}
		of, at := "", end
		if at < len(toks) && toks[at].w == "ever" {
			at++ // "first ever host the summit"
		}
		if at < len(toks) && toks[end-1].w != "time" && !text.IsStopword(toks[at].w) && !isNumber(toks[at].w) {
			of = toks[at].w
		}
		return o, q[toks[start].start:toks[end-1].end], of
	}
	return OrderAny, "", ""
}

// namedFirst reports whether the record writes "first" and the word after
// it, or the two words after it, as a name ("the First Circuit", "the
// First Amendment", "the First Step Act"): no order, but what is asked
// about. "what was the senate vote tally confirming gina mendez-miro to
// the first circuit" asked for the earliest statement on her.
func namedFirst(pp *people, next, next2 string) bool {
	if pp == nil || pp.wordUse == nil || next == "" || text.IsStopword(next) {
		return false
	}
	if pp.wordUse([]string{"first " + next}).name {
		return true
	}
	// "first step" is the record's words; "First Step Act" a name.
	return next2 != "" && !text.IsStopword(next2) && pp.wordUse([]string{"first " + next + " " + next2}).name
}

// participle reports whether w looks like a past participle ("signed",
// "taken", "built"), as a word modified by an adverb before a noun is.
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) || irregularParticiples[w]
}

// pastVerb reports whether w looks like a verb in the past: "tied",
// "called", "met" (a past participle's irregular forms are the past's
// too, as often as not).
func pastVerb(w string) bool {
	return len(w) >= 4 && strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

// irregularParticiples are the past participles participle's endings miss.
var irregularParticiples = map[string]bool{"built": true, "sworn": true, "held": true, "made": true, "won": true,
	"lost": true, "sent": true, "paid": true, "sold": true, "set": true, "put": true, "cut": true, "hit": true,
	"led": true, "met": true, "begun": true, "done": true, "gone": true, "seen": true, "known": true, "shown": true,
	"grown": true, "drawn": true, "brought": true, "bought": true, "caught": true, "taught": true, "fought": true,
	"struck": true, "kept": true, "left": true, "spent": true, "found": true, "told": true, "said": true,
	"born": true, "shot": true, "hurt": true, "flown": true, "thrown": true, "sung": true, "read": true, "beaten": true, "blown": true, "bred": true, "broken": true, "chosen": true, "driven": true, "eaten": true, "fallen": true, "fled": true, "forgotten": true, "given": true, "hidden": true, "laid": true, "shaken": true, "spoken": true, "stolen": true, "taken": true, "torn": true, "withdrawn": true, "written": true, "shut": true, "run": true}

// sinceWords before "recently" make it the end of a time: "until
// recently", "until very recently".
var sinceWords = map[string]bool{"until": true, "till": true, "since": true}

func isNumber(w string) bool {
	_, err := strconv.Atoi(w)
	return err == nil
}

// titleEnding reports whether some title the record gives ends with the
// words written before a name (nearest first, as titleWordsBefore gives
// them): "speaker", "press secretary".
func (pp *people) titleEnding(nearestFirst []string) bool {
	run := slices.Clone(nearestFirst)
	slices.Reverse(run)
	words := strings.Join(run, " ")
	for t := range pp.byTitle {
		if t == words || strings.HasSuffix(t, " "+words) {
			return true
		}
	}
	return false
}

// titleStarting reports whether some title the record gives starts with
// words.
func (pp *people) titleStarting(words string) bool {
	for t := range pp.byTitle {
		if t == words || strings.HasPrefix(t, words+" ") {
			return true
		}
	}
	return false
}

// readOutlet returns the record's outlet the question names, as the record
// spells it, and the tokens [from, to) that name it.
func readOutlet(toks []qtok, pp *people) (outlet string, from, to int) {
	for i := range toks {
		for n := min(4, len(toks)-i); n >= 1; n-- {
			key := joinQ(toks[i : i+n])
			if o, ok := pp.outlets[key]; ok && !(n == 1 && text.IsStopword(key)) {
				return o, i, i + n
			}
		}
	}
	return "", 0, 0
}

func joinQ(toks []qtok) string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.w
	}
	return strings.Join(ws, " ")
}

// readTopic is the words after the question's "about", "on" or
// "regarding", without constraint words; else its content words.
func readTopic(q string, toks []qtok, drop []bool) string {
	from := -1
	for i, t := range toks {
		switch t.w {
		case "about", "regarding", "concerning", "on", "over":
			if i+1 < len(toks) && !drop[i+1] && !isMonth(toks[i+1].w) && !isNumber(toks[i+1].w) {
				from = i + 1
			}
		}
		if from >= 0 {
			break
		}
	}
	if from < 0 {
		return ""
	}
	to := from
	for to < len(toks) && !drop[to] {
		to++
	}
	s := strings.TrimRight(q[toks[from].start:toks[to-1].end], " ?.!,")
	for _, w := range []string{" in", " on", " during", " between", " since", " before", " after", " by"} {
		s = strings.TrimSuffix(s, w)
	}
	return s
}

// mention is a person or title the question names: tokens [start, end).
type mention struct {
	start, end int
	persons    []*Person // candidates, most documents first
	title      string    // set when named by title
	verb       int       // the verb of saying after it, -1 when none
}

// findMentions finds the record's names and titles in the question,
// longest first. A surname alone counts only when written with a capital
// (or when the question writes names in lower case: namesLower): "price"
// is a word, "Price" a spokesman.
func findMentions(q string, toks []qtok, pp *people) []mention {
	lower, lowerAfter := namesLower(q, toks, 0), namesLower(q, toks, 1)
	var out []mention
	for i := 0; i < len(toks); {
		found := false
		for n := min(pp.longest, len(toks)-i); n >= 1 && !found; n-- {
			key := joinQ(toks[i : i+n])
			if ps, ok := pp.byAlias[key]; ok {
				// In lower case, a common word ("who won the game") is no
				// surname, whoever the record quotes under it.
				// "which city", "which pilots union guy" ask for a kind of
				// thing: no surname. A surname of two letters only when
				// the question asks that person's words ("what did xi
				// say"): "PRESIDENT XI:" labels four transcripts.
				if n == 1 && (!(toks[i].upper || lower || lowerAfter && asksAt(toks, i)) || text.IsStopword(key) || isMonth(key) || len(key) < 3 && !(len(key) == 2 && asksAt(toks, i)) || (!toks[i].upper && inWhichPhrase(q, toks, i)) ||
					(!toks[i].upper && text.IsCommon(text.Stem(key))) || insideName(toks, i, ps) ||
					(lower && inWrittenName(toks, i, pp)) || opensWrittenName(toks, i, pp) || (i > 0 && placeOpeners[toks[i-1].w]) ||
					otherGivenName(toks, i, ps, pp) || givenBeforeName(toks, i, pp) || placeAfterPreposition(q, toks, i, pp) || articleNoun(q, toks, i)) {
					continue
				}
				if ps = titledAs(toks, i, ps, pp); len(ps) == 0 {
					continue
				}
				if n == 1 {
					asks, _ := asksWordsOf(toks, i, i+1)
					if ps = bySurnameAlone(ps, key, pp, !toks[i].upper && !asks); len(ps) == 0 || !toks[i].upper && !asks && !surnameAsWritten(toks[i].w, pp) {
						continue
					}
				}
				out = append(out, mention{start: i, end: i + n, persons: ps})
				i, found = i+n, true
				continue
			}
			t := pp.titleOf(key)
			if _, ok := pp.byTitle[t]; ok {
				// "President Biden": the name after the title says who;
				// "the president of Azerbaijan" is not the record's
				// president; a one-word title needs its article, unless
				// it is an office's abbreviation used as a name
				// (officeName).
				if i+n < len(toks) && (startsName(toks[i+n:], pp) || toks[i+n].w == "of") || possessiveS(toks, i) {
					continue
				}
				if n == 1 && (i == 0 || toks[i-1].w != "the" && !possessiveS(toks, i-1)) && !officeName(toks, i, key) {
					continue
				}
				out = append(out, mention{start: i, end: i + n, title: t})
				i, found = i+n, true
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// namesLower reports whether the question writes every word from its
// token from on in lower case but for abbreviations in capitals: its
// writer does not capitalise names, so a surname in lower case may be
// one. "what did sullivan say on AF1", "… about NATO", "the G7": people
// who write names in lower case still type abbreviations in capitals. A
// capital at the start ("What did the admin say about bass fishing")
// shows a writer who capitalises, or a phone's keyboard: findMentions
// reads past it (from 1) only for a surname whose words are asked for
// ("What did price say about the embassy").
func namesLower(q string, toks []qtok, from int) bool {
	for _, t := range toks[min(from, len(toks)):] {
		if !t.upper {
			continue
		}
		w := q[t.start:t.end]
		if w != "I" && (len(w) < 2 || strings.ToUpper(w) != w) {
			return false
		}
	}
	return true
}

// asksAt reports whether the one word at i is whose words the question
// asks for (asksWordsOf).
func asksAt(toks []qtok, i int) bool {
	asks, _ := asksWordsOf(toks, i, i+1)
	return asks
}

// possessiveS reports whether the token at i is a possessive's "s"
// (questionTokens splits "Price's"): no post's first word, but a post's
// article ("biden's press secretary" names the press secretary, "jordan's
// king" the king).
func possessiveS(toks []qtok, i int) bool {
	return i > 0 && i < len(toks) && toks[i].w == "s" && toks[i].start > toks[i-1].end
}

// placeAfterPreposition reports whether the one word at i, a surname of
// the record, follows a preposition of place (placePrepositions: "how
// many troops were in jordan") and is not possessive ("in jordan's
// letter"), and the record writes the word mostly as a place
// (wordUse.mostlyPlace): the place is asked about, not the person of
// that surname (Jim Jordan). "in" also follows words that take it before
// a person ("disappointed in austin", "confidence in austin", "swear in
// austin"), so a surname the record writes mostly as a person's stays
// the person's (Lloyd Austin, though the record writes "in Austin" too).
func placeAfterPreposition(q string, toks []qtok, i int, pp *people) bool {
	if i == 0 || !slices.Contains(placePrepositions, toks[i-1].w) || pp.wordUse == nil {
		return false
	}
	if rest := q[toks[i].end:]; strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return false
	}
	return pp.wordUse([]string{toks[i].w}).mostlyPlace
}

// whichReach is how many words a "which" phrase may hold before its
// last ("which pilots union guy said …").
const whichReach = 3

// inWhichPhrase reports whether the word at i ends a phrase of q opened
// by "which", of at most whichReach words in lower case before it, none a
// function word nor a verb in the past, with only spaces between: the
// kind of thing asked for ("which city", "which pilots union guy said"),
// whose words name no one ("which came first, quillfeather opening …"
// does name one).
func inWhichPhrase(q string, toks []qtok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-1-whichReach; j-- {
		if strings.TrimSpace(q[toks[j].end:toks[j+1].start]) != "" {
			return false
		}
		switch {
		case toks[j].w == "which":
			return true
		case toks[j].upper || text.IsStopword(toks[j].w) || pastTense(toks[j].w):
			return false
		}
	}
	return false
}

// officeName reports whether the one word key at i is an office
// abbreviation standing as a name ("what did potus say"): first, or after
// a function word, but not after "a", "an", a rank ("former potus") or
// another word ("ukraine prez", "the first prez debate").
func officeName(toks []qtok, i int, key string) bool {
	if !text.IsOfficeName(key) {
		return false
	}
	if i == 0 {
		return true
	}
	prev := toks[i-1].w
	return text.IsStopword(prev) && prev != "a" && prev != "an" && prev != "s" && !text.IsRankModifier(prev)
}

// insideName reports whether the capitalised word at i ends another
// proper name: "Remembrance Day", "Gaza Health Ministry" hold no person
// called Day or Health. The word before it is capitalised mid-sentence
// and neither a title (one the record gives the person included) nor an
// honorific ("President Biden"), nor a
// possessive ("Armenia's Price" is no name of one).
func insideName(toks []qtok, i int, ps []*Person) bool {
	if !toks[i].upper || i < 2 {
		return false
	}
	prev := toks[i-1]
	if !prev.upper || prev.w == "s" || text.IsTitleWord(prev.w) || text.IsHonorific(prev.w) {
		return false
	}
	for _, p := range ps {
		for _, t := range p.Titles {
			if slices.Contains(strings.Fields(t.Title), prev.w) {
				return false // a title the record gives them ("First Spouse")
			}
		}
	}
	return true
}

// inWrittenName reports whether the lower-case surname at i stands inside
// a longer name that the record writes with the word before it: "half
// moon bay" → "Half Moon Bay", "hunter biden" → "Hunter Biden". It is then a word of that name, not the person. A name the
// surname opens ("the trump administration") stays theirs. A question
// typed in lower case gives no capital letters to tell them apart
// (insideName), so the record is asked.
func inWrittenName(toks []qtok, i int, pp *people) bool {
	if pp.written == nil || i == 0 || !nameNeighbour(toks[i-1].w) {
		return false
	}
	return pp.written([]string{toks[i-1].w, toks[i].w}).oneName()
}

// opensWrittenName reports whether the surname at i opens a longer name
// that the record writes with the word after it: "the Wagner Group"
// (Ann Wagner is a speaker of the record), "the Kennedy Center". A word
// the person's own things are named with keeps the surname theirs ("the
// Trump administration", "the Biden White House"). Measured (main
// 19dc7aa, /tmp/wh9n): "was Paul Whelan one of the people freed" no
// longer answers "The record does not show Rand Paul saying that", nor
// quotes Sullivan "reporting Rand Paul"; "when did the white house first
// mention the wagner group" is no longer about Rep. Ann Wagner; of 229
// questions asked alone 4 answers changed, these and two naming Jake
// Sullivan as the one reported; dev, fresh, public and the probe files
// unchanged in every figure.
func opensWrittenName(toks []qtok, i int, pp *people) bool {
	if pp.written == nil || i+1 >= len(toks) || ownedAfterName[toks[i+1].w] || !nameNeighbour(toks[i+1].w) {
		return false
	}
	return pp.written([]string{toks[i].w, toks[i+1].w}).oneName()
}

// givenBeforeName reports whether the lower-case word at i, a surname of
// the record's people, is a given name before a surname: "what did martin
// indyk die of" names Martin Indyk, not Lynn Martin; "who replaced david
// nussbaum" names no Bet-David. The word is a given name of the record's
// people (people.given), and the record writes it with the next word only
// as one capitalised name (written.namedOnce: "Martin Indyk"), which is
// not one of its people's (findMentions tries the longest names first).
// "warren massachusetts", "kelly nasa", "warren monday" are written so
// nowhere: the surname stays.
func givenBeforeName(toks []qtok, i int, pp *people) bool {
	if toks[i].upper || pp.written == nil || i+1 >= len(toks) || !pp.given[toks[i].w] {
		return false
	}
	next := toks[i+1].w
	return nameNeighbour(next) && len(pp.byAlias[next]) == 0 && pp.written([]string{toks[i].w, next}).namedOnce()
}

// otherGivenName reports whether the word before the surname at i is a
// given name none of the persons it may mean has: "state dept spox matthew
// miller" is not Mary Miller. The word is a given name of the record's
// people (people.given), and no name of theirs on its own ("biden
// sunak"), nor a title or a function word (nameNeighbour).
func otherGivenName(toks []qtok, i int, ps []*Person, pp *people) bool {
	if i == 0 || pp.wordUse == nil {
		return false // without the record's words, "bill" may be a bill
	}
	w := toks[i-1].w
	if !pp.given[w] || !nameNeighbour(w) || len(pp.byAlias[w]) > 0 || text.IsCommon(text.Stem(w)) || pp.wordUse([]string{w}).lower {
		return false // "the bill quillfeather signed": a word, whoever is called Bill
	}
	for _, p := range ps {
		given := false
		for _, v := range append([]string{strings.ToLower(p.Name)}, p.variants...) {
			f := strings.Fields(v)
			given = given || len(f) > 1
			if len(f) > 1 && text.SameGivenName(f[0], w) {
				return false
			}
		}
		if !given {
			return false // known by surname alone: no given name to disagree with
		}
	}
	return true
}

// placeOpeners are the words that make the name after them a saint's or
// a place's ("the st michael prayer", "st. louis cathedral", "fort
// bragg", "mount vernon"), not the person of that surname.
var placeOpeners = map[string]bool{"st": true, "saint": true, "san": true, "santa": true, "fort": true, "ft": true,
	"mount": true, "mt": true, "lake": true, "port": true, "cape": true}

// ownedAfterName are the words after a surname that name what is the
// person's: their administration, campaign, team or era.
var ownedAfterName = map[string]bool{"administration": true, "administrations": true, "campaign": true,
	"team": true, "family": true, "government": true, "white": true, "era": true, "years": true,
	"presidency": true, "cabinet": true, "transition": true}

// bySurnameAlone keeps the persons a surname alone names: not a body
// read as a person in one document without a title whose "surname" the
// record writes as a place ("Fulbright Japan", "Finance Australia": "in
// Japan", "across Australia"). Measured with surnameAsWritten (main
// 4404579, /tmp/wh9n) over the 229 questions of dev, fresh, public and
// the probe files asked alone: the people read from 19 changed, each a
// misreading gone ("the oil price cap" was Ned Price, "mass graves" Sam
// Graves, "japan" Fulbright Japan, "australia" Finance Australia,
// "nuclear power plants" Samantha Power's entry, "into law" Nathan Law,
// "some guy" Sarah Guy); 5 answers changed (a quotation no longer
// "reporting Finance Australia"); every figure of dev, fresh, public and
// the probes unchanged. Of the record's 2,157 people 1,567 are quoted in
// fewer than three documents, many of them by a transcript's label alone
// ("MR. WON:"), so the documents alone do not tell a body from a person.
//
// Typed in lower case and not asked for their words (lower), such a
// person is not named at all: "which ceos came to the roundtable" names
// no "Airline CEOs", "signed into law" no Nathan Law.
func bySurnameAlone(ps []*Person, key string, pp *people, lower bool) []*Person {
	var out []*Person
	for _, p := range ps {
		weak := len(p.Titles) == 0 && p.Docs < 2 && !slices.Contains(p.variants, key)
		if weak && (lower || pp.wordUse != nil && pp.wordUse([]string{key}).place) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// articleNoun reports whether the lower-case word at i is a noun after
// an article that ends its phrase ("back on the moon", before a function
// word, a mark or the question's end): no surname ("Moon"). After an
// article a surname only modifies the noun it stands before ("the biden
// administration").
func articleNoun(q string, toks []qtok, i int) bool {
	if i == 0 || toks[i].upper || !articles[toks[i-1].w] {
		return false
	}
	if i+1 < len(toks) && text.IsAskVerb(toks[i+1].w) {
		return false // "what did the blinken say": a surname, a stray article
	}
	return i+1 == len(toks) || text.IsStopword(toks[i+1].w) || strings.ContainsAny(q[toks[i].end:toks[i+1].start], ",;:?!.")
}

// surnameAsWritten reports whether a surname typed in lower case, not
// asked for its words ("quote price on …" is Ned Price's), is the
// person's: the record writes the word as a name (capitalised) more often
// than as a word ("power", "graves", "policy" are the record's words
// first, whoever it quotes under them).
func surnameAsWritten(w string, pp *people) bool {
	return pp.wordUse == nil || pp.wordUse([]string{w}).name
}

// nameNeighbour reports whether a word beside a surname may belong to a
// longer name with it: not a function word, a question word, a title, an
// honorific or an abbreviation of one ("president moon", "gen milley",
// "vp harris" are the person).
func nameNeighbour(w string) bool {
	if text.IsStopword(w) || questionWord(w) || text.IsTitleWord(w) || text.IsHonorific(w) || text.IsHonorificAbbrev(w) || isMonth(w) {
		return false
	}
	return !slices.ContainsFunc(text.ChatExpansion(w), text.IsTitleWord)
}

// startsName reports whether the tokens start with a name of the record.
func startsName(toks []qtok, pp *people) bool {
	for n := min(pp.longest, len(toks)); n >= 1; n-- {
		if _, ok := pp.byAlias[joinQ(toks[:n])]; ok && toks[0].upper {
			return true
		}
	}
	return false
}

// readPeople resolves the people the question names and decides whose
// words it asks for.
func readPeople(q string, toks []qtok, pp *people, c *Constraints, conv Period) (speaker mention, asked bool) {
	mentions := findMentions(q, toks, pp)
	for _, m := range mentions {
		var who *Person
		var holders []*Person
		if m.title != "" {
			holders = pp.holders(m.title, c.Period.Since, c.Period.Until)
			if len(holders) == 1 || (len(holders) > 1 && !c.Period.IsZero()) {
				who = holders[0]
			} else if len(holders) > 1 && !conv.IsZero() {
				// The one who held it when the conversation's
				// statements were made, if only one did.
				if then := pp.holders(m.title, conv.Since, conv.Until); len(then) == 1 {
					who = then[0]
				}
			}
		} else {
			who = titledBefore(toks, m.start, m.persons)
		}
		if who != nil && !containsPerson(c.Named, who) {
			c.Named = append(c.Named, who)
			if m.title != "" {
				c.Posts = append(c.Posts, who)
			}
		} else if who != nil && m.title == "" {
			// Named by name too: "the president, joe biden, …".
			c.Posts = slices.DeleteFunc(c.Posts, func(p *Person) bool { return p == who })
		}
		asks, verb := asksWordsOf(toks, m.start, m.end)
		if !asks && len(mentions) == 1 && who != nil {
			// "zients in late feb 2021 - what did he announce": the one
			// person named, then a pronoun whose words are asked for.
			asks, verb = pronounAsks(toks, m.end)
		}
		if asks && verb >= 0 && callsOneOf(toks, verb, mentions) {
			// "harris called herzog in april 2022 for what holiday": a
			// telephone call to a person the question names, not words.
			asks = false
		}
		if c.SpeakerAsked != "" || !asks {
			continue
		}
		c.SpeakerAsked = q[toks[m.start].start:toks[m.end-1].end]
		c.Speaker = who
		m.verb = verb
		speaker, asked = m, true
		if who == nil {
			for _, h := range holders {
				c.Holders = append(c.Holders, h.Name)
			}
		}
	}
	return speaker, asked
}

// pronounAsks reports whether a personal pronoun after token from asks
// for its words ("… - what did he announce", "… what has she said"),
// with the token of its verb of saying (see asksWordsOf).
// A person met on the way, whom the pronoun may mean as well ("kjp was
// asked about the pfizer ceo, what did he say"), makes it no one's.
func pronounAsks(toks []qtok, from int) (bool, int) {
	for k := from; k < len(toks); k++ {
		switch w := toks[k].w; {
		case w == "he" || w == "she":
			return asksWordsOf(toks, k, k+1)
		case text.IsTitleNoun(w) || roleNouns[w]:
			return false, -1
		}
	}
	return false, -1
}

// roleNouns name a person by role, beside the titles' nouns
// (text.IsTitleNoun).
var roleNouns = map[string]bool{"ceo": true, "prince": true, "princess": true, "pope": true, "emir": true,
	"sheikh": true, "reporter": true, "journalist": true, "man": true, "woman": true, "guy": true}

// titledBefore chooses among the persons a name may mean (most
// documents first) the one whose record titles hold the title words
// written before the name: "President Biden" is the Biden the record
// titles president most often (a parsing slip may title another
// president once or twice), "First Lady Biden" another; with no title
// words, none that is a title's noun (the "first" of "which came first,
// biden …"), or none that any of them holds, the first.
func titledBefore(toks []qtok, start int, persons []*Person) *Person {
	words := titleWordsBefore(toks, start)
	if len(words) == 0 || len(persons) < 2 {
		return persons[0]
	}
	best, most := persons[0], 0
	for _, p := range persons {
		for _, t := range p.Titles {
			tw := strings.Fields(t.Title)
			if t.Docs > most && !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(tw, w) }) {
				best, most = p, t.Docs
			}
		}
	}
	return best
}

// titleWordsBefore are the title words written just before the name at
// start ("speaker" in "speaker mccarthy"), nearest first; nil when none
// of them is a title's noun: "which came first, biden meeting sunak …"
// writes no title without its noun.
func titleWordsBefore(toks []qtok, start int) []string {
	var words []string
	for k := start - 1; k >= 0 && start-k <= 4 && text.IsTitleWord(toks[k].w); k-- {
		words = append(words, toks[k].w)
	}
	if !slices.ContainsFunc(words, text.IsTitleNoun) {
		return nil
	}
	return words
}

// titledAs keeps the persons a name may mean whose record titles agree
// with the title words written before it: "speaker mccarthy" is not Gina
// McCarthy, whom the record titles National Climate Adviser (a title the
// record gives once, here "speaker", is a parsing slip: minTitleDocs),
// but someone the record does not quote; "the first foreign leader
// trump called" is not Melania Trump for the "first" of First Lady. Words
// that end no title the record gives ("first foreign leader") describe,
// they do not title: every one is kept, as when no title is written, and
// so is a person without such titles (nothing to disagree with).
func titledAs(toks []qtok, start int, persons []*Person, pp *people) []*Person {
	words := titleWordsBefore(toks, start)
	if len(words) == 0 || !pp.titleEnding(words) {
		// No title without its noun: "which came first, biden meeting
		// sunak …" is not First Lady Jill Biden.
		return persons
	}
	var out []*Person
	for _, p := range persons {
		known, agrees := false, false
		for _, t := range p.Titles {
			if t.Docs < minTitleDocs {
				continue
			}
			known = true
			tw := strings.Fields(t.Title)
			agrees = agrees || slices.ContainsFunc(words, func(w string) bool { return slices.Contains(tw, w) })
		}
		if !known || agrees {
			out = append(out, p)
		}
	}
	return out
}

func containsPerson(ps []*Person, p *Person) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// speakerLinks may sit between a name and its verb of saying: "Kirby has
// ever said", "did Price also tell", "has Kirby been saying".
var speakerLinks = map[string]bool{"has": true, "have": true, "had": true, "been": true, "ever": true, "also": true,
	"first": true, "last": true, "recently": true, "just": true, "not": true, "publicly": true,
	"previously": true, "already": true, "actually": true, "really": true, "once": true, "then": true,
	"specifically": true, "exactly": true, "originally": true, "initially": true}

// linksSpeaker reports whether w may stand between a name and its verb
// of saying: one of speakerLinks, an adverb in -ly ("what did Biden
// personally say", "did Kirby explicitly rule out") or a reflexive ("did
// Biden himself say"). Without it the name was not read as the speaker
// and the answer quoted whoever the passages held.
func linksSpeaker(w string) bool {
	switch {
	case speakerLinks[w]:
		return true
	case len(w) > 4 && strings.HasSuffix(w, "ly") && !text.IsStopword(w):
		return true
	}
	switch w {
	case "himself", "herself", "themselves", "themself":
		return true
	}
	return false
}

// talkVerbs ask for someone's words with "about" or "on" after them:
// "what was Kirby talking about", "Price speaking on the talks".
var talkVerbs = map[string]bool{"talked": true, "talking": true, "spoke": true, "speaking": true}

// wordsNouns name what someone said: "Kirby's words", "the statement by".
var wordsNouns = map[string]bool{"words": true, "statement": true, "statements": true, "remarks": true,
	"comments": true, "comment": true, "quote": true, "quotes": true, "message": true, "answer": true,
	"response": true, "reply": true, "position": true, "view": true, "views": true, "readout": true,
	"testimony": true, "speech": true, "tweet": true, "post": true, "address": true}

// useVerbs say someone used words ("the phrase Biden used").
var useVerbs = map[string]bool{"use": true, "used": true, "uses": true, "using": true, "choose": true, "chose": true}

// phraseNouns name words as words: what "used" is said of. Not "line",
// "terms" or "language", which are used otherwise ("which shipping line
// did X use", "what terms did X use for the loan").
var phraseNouns = map[string]bool{"word": true, "words": true, "phrase": true, "phrases": true, "wording": true, "quote": true}

// wordsAskedBefore reports whether a noun naming words (phraseNouns)
// stands within three words before the name at start: "what two words
// did Trump use", "the exact words Biden used".
func wordsAskedBefore(toks []qtok, start int) bool {
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		if phraseNouns[toks[k].w] {
			return true
		}
	}
	return false
}

// asksWordsOf reports whether the name at tokens [start, end) is whose
// words the question asks for: the subject of a verb of saying ("what did
// Kirby say", "Kirby has described"), after "according to", "quote" or a
// statement noun with "by"/"from"/"of", or before a possessive statement
// noun ("Kirby's words").
//
// verb is the token of the verb of saying ("say", "think"), -1 when none:
// like the name, it frames the question rather than saying what it is
// about.
func asksWordsOf(toks []qtok, start, end int) (asks bool, verb int) {
	j := end
	for j < len(toks) && j < end+3 && linksSpeaker(toks[j].w) {
		if toks[j].w == "been" && (j+1 >= len(toks) || !strings.HasSuffix(toks[j+1].w, "ing")) {
			return false, -1 // "has putin been called …": a passive, not his words
		}
		j++
	}
	// An -ing form is the name's verb only right after the auxiliary or
	// at the question's start ("what was Kirby saying", "Kirby talking
	// about …"), not in "the reaction to Trump saying he would run"; the
	// words around the name may still ask for theirs ("quote Kirby
	// speaking on the deal").
	verbal := j < len(toks) && (!strings.HasSuffix(toks[j].w, "ing") || justInverted(toks, start))
	if verbal && text.IsAskVerb(toks[j].w) && !putsThing(toks, j) && !callsSomeone(toks, j) {
		// A verb's base form is a verb only in a question's inversion
		// ("did Kirby say", "what does Price mean"); without it, "call"
		// or "comment" after a name is a noun ("the Trump Zelenskyy
		// call").
		if text.IsSpeechVerb(toks[j].w) || strings.HasSuffix(toks[j].w, "ed") || inverted(toks, start) {
			return true, j
		}
	}
	if verbal && j+1 < len(toks) && talkVerbs[toks[j].w] && (toks[j+1].w == "about" || toks[j+1].w == "on") {
		// "what was Kirby talking about", "Kirby speaking on the deal".
		return true, j
	}
	if verbal && useVerbs[toks[j].w] && wordsAskedBefore(toks, start) {
		// "what two words did Trump use", "the exact words Biden used",
		// "the phrase Biden used": the words are what is asked, and
		// whose they are.
		return true, j
	}
	// A possessive statement noun is what someone else answers when a
	// word of reply opens it ("what did museveni say back to biden's
	// statement", "china's reaction to Kirby's remarks", "what did the
	// envoy say about Kirby's remarks"); "tell me about trump's remarks"
	// asks for them.
	answered := start > 1 && repliedTo(toks[start-2].w, toks[start-1].w)
	if !answered && end+1 < len(toks) && toks[end].w == "s" && wordsNouns[toks[end+1].w] {
		return true, -1
	}
	if !answered && end+2 < len(toks) && toks[end].w == "s" && wordsNouns[toks[end+2].w] {
		return true, -1 // "Price's exact words"
	}
	k := start - 1
	for k >= 0 && (toks[k].w == "the" || text.IsHonorific(toks[k].w)) {
		k--
	}
	if k < 0 {
		return false, -1
	}
	switch toks[k].w {
	case "quote":
		return true, -1
	case "to":
		return k > 0 && toks[k-1].w == "according", -1
	case "by", "from", "of":
		return k > 0 && wordsNouns[toks[k-1].w], -1
	}
	return false, -1
}

// callsOneOf reports whether the verb at j is "call" and one of the
// question's mentions (a person or a post of the record) is its object,
// after at most an article and a title ("called president zelenskyy"): a
// telephone call, whose words are not asked for. A name given is words:
// "what did biden call putin" ("what" its object, before the caller),
// "called zelenskyy a dictator" (a noun phrase after the person, not a
// time: "called netanyahu a second time", "a few days after").
func callsOneOf(toks []qtok, j int, mentions []mention) bool {
	if !callForms[toks[j].w] || namesWhat(toks, j, mentions) {
		return false
	}
	k := j + 1
	if k < len(toks) && toks[k].w == "the" {
		k++
	}
	for k < len(toks) && (text.IsTitleWord(toks[k].w) || text.IsHonorific(toks[k].w)) {
		k++
	}
	at := slices.IndexFunc(mentions, func(m mention) bool { return m.start <= k && k < m.end || m.start == j+1 })
	if at < 0 {
		return false
	}
	end := max(mentions[at].end, k+1)
	if end+1 < len(toks) && (toks[end].w == "a" || toks[end].w == "an") {
		return timeAfterArticle(toks[end+1].w)
	}
	return true
}

// namesWhat reports whether "what" is the object of the verb of calling at
// j: only an auxiliary and the caller's name stand between ("what did
// biden call putin", "so what has trump called him"), not a clause ("what
// did they discuss when biden called zelenskyy").
func namesWhat(toks []qtok, j int, mentions []mention) bool {
	k := j - 1
	for k >= 0 {
		switch {
		case yesNoOpeners[toks[k].w] || toks[k].w == "s":
			k--
			continue
		case slices.ContainsFunc(mentions, func(m mention) bool { return m.start <= k && k < m.end }):
			k--
			continue
		}
		break
	}
	return k >= 0 && toks[k].w == "what"
}

// timeAfterArticle reports whether the word after "a"/"an" begins a time
// ("a second time", "a few days after", "a week later"), not a name given.
func timeAfterArticle(w string) bool {
	if text.IsOrdinal(w) {
		return true
	}
	if _, ok := text.NumberValue(w); ok {
		return true
	}
	switch w {
	case "few", "couple", "day", "week", "month", "year", "hour", "minute", "time", "while", "little", "bit":
		return true
	}
	return false
}

// repliedTo reports whether the two words before a statement say that
// another answers it or speaks of it ("back to", "responded to",
// "reaction to", "commented on", "say about"): not the statement asked
// for. "tell me about", "fill me in on" ask for it.
func repliedTo(before, prep string) bool {
	switch prep {
	case "to":
		return replyWords[before]
	case "on":
		return replyWords[before] || strings.HasPrefix(before, "comment")
	case "about":
		return text.IsAskVerb(before) && !strings.HasPrefix(before, "tell") && before != "told"
	}
	return false
}

// replyWords answer a statement: "say back to", "respond to", "the
// reaction to".
var replyWords = map[string]bool{"back": true, "respond": true, "responded": true, "responding": true, "responds": true,
	"react": true, "reacted": true, "reacting": true, "reacts": true, "reply": true, "replied": true, "replies": true,
	"reaction": true, "reactions": true, "response": true, "responses": true, "answer": true, "answered": true}

// callForms are the forms of "call" (callsSomeone, callsOneOf).
var callForms = map[string]bool{"call": true, "called": true, "calls": true, "calling": true}

// callsSomeone reports whether the verb at j is "call" in its sense of a
// telephone call: a question asking for a person ("who was the first
// foreign leader trump called", "who did Kirby call") asks whom, not
// what was said ("what did Trump call it" names a thing, "who did he
// call a hero" a person by a name).
func callsSomeone(toks []qtok, j int) bool {
	if !callForms[toks[j].w] {
		return false
	}
	if j+1 < len(toks) {
		switch toks[j+1].w {
		case "it", "that", "this", "them", "for":
			return false
		}
	}
	for k := j + 1; k < len(toks) && k <= j+2; k++ {
		if toks[k].w == "a" || toks[k].w == "an" {
			return false // "who did he call a hero", "called him a liar": a name
		}
	}
	return readWant(toks) == WantPerson
}

// putsThing reports whether the verb at j is "put" with a thing for its
// object rather than words: "how did Kirby put it" asks how he said it,
// "what duty did Trump put on every country" what he did. "put" frames
// words only with a pronoun for what was said ("it", "that", "this") or
// "things".
func putsThing(toks []qtok, j int) bool {
	if toks[j].w != "put" {
		return false
	}
	if j+1 >= len(toks) {
		return true
	}
	switch toks[j+1].w {
	case "it", "that", "this", "things":
		return false
	}
	return true
}

// inverted reports whether an auxiliary comes shortly before the name at
// start ("did President Biden", "has the press secretary").
// justInverted reports whether the name at start opens the question or
// follows its auxiliary, with at most "the" or a title between: "what
// was Kirby saying", "Kirby talking about …", not "the reaction to Trump
// saying …".
func justInverted(toks []qtok, start int) bool {
	k := start - 1
	for k >= 0 && (toks[k].w == "the" || text.IsTitleWord(toks[k].w) || text.IsHonorific(toks[k].w)) {
		k--
	}
	return k < 0 || yesNoOpeners[toks[k].w] || questionWord(toks[k].w)
}

func inverted(toks []qtok, start int) bool {
	for k := start - 1; k >= 0 && k >= start-4; k-- {
		if yesNoOpeners[toks[k].w] {
			return true
		}
	}
	return false
}

// namesThing reports whether w may be a word of the noun a "what"/"which"
// asks for before its auxiliary ("what gift did …"): no function word,
// auxiliary or word asking for a quotation ("what quotes did …").
func namesThing(w string) bool {
	return !text.IsStopword(w) && !yesNoOpeners[w] && !quotationWords[w]
}

// clauseWhen: the "when" at k opens a clause ("when they met"), not a
// second question ("and when", "when was it held", a closing "when").
func clauseWhen(toks []qtok, k int) bool {
	return toks[k].w == "when" && k+1 < len(toks) && clauseSubject(toks[k+1].w) && toks[k-1].w != "and" && clauseBreak(toks, k) != k
}
