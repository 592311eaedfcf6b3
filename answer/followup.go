package answer

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// A follow-up refers to the conversation's state, which is more than its
// words: the previous answer's statements, their speakers, dates and
// documents, and the topic the conversation is on. Pronouns and ellipsis
// are resolved against that state without a model:
//
//	"did he say …"         → the previous answer's speaker, whose words
//	                         are then quoted
//	"where did he go …"    → the person the previous question named, or
//	                         whom the answer spoke of (after "who …?"),
//	                         restricting no quotation; "they" is never an
//	                         office that issued a statement
//	that / this / it       → its statement, or the topic
//	"when was that?"       → the date of the statement just quoted, answered
//	"who said that?"         from its citation directly (its speaker)
//	"what else did he say" → other statements by the same speaker on the
//	                         same topic, leaving out those already quoted
//	"the first one"        → the first item (statement) of the previous answer
//	"and the other side?"  → the counterpart of whom the previous answer quoted
//	"and in 2023?"         → the previous question (its subject and speaker)
//	"a year later?"          asked of that period (timeEllipsis)
//
// Whether a question continues the conversation at all is decided from
// measured signals (contSignals, in continuation.go): a question that
// names its own subject starts a new topic. Every question
// of a conversation is also searched in the documents the conversation
// cited (Pipeline.conversationHits): when they cover it as well as the
// whole record does, or half as well for a question that points back, it
// is answered from them, and its own words choose the sentence.

// FollowUpKind says how a question was read against the conversation.
type FollowUpKind string

// The ways a question relates to the conversation before it.
const (
	NewTopic    FollowUpKind = ""            // stands on its own
	RefSpeaker  FollowUpKind = "speaker"     // he/she/they → the previous speaker
	RefTopic    FollowUpKind = "topic"       // that/it, or too short to stand alone
	RefDate     FollowUpKind = "date"        // when was that → the statement's date
	RefWho      FollowUpKind = "who"         // who said that → the statement's speaker
	RefPlace    FollowUpKind = "place"       // where did she say that → where the statement was made
	RefMore     FollowUpKind = "more"        // what else did he say
	RefItem     FollowUpKind = "item"        // the first one
	Counterpart FollowUpKind = "counterpart" // the other side
	RefPeriod   FollowUpKind = "period"      // and in 2023? → the same question then
	RefSource   FollowUpKind = "source"      // source? → the previous answer's documents
)

// FollowUp is a question read against the conversation.
type FollowUp struct {
	Kind FollowUpKind
	// Standalone is the question rewritten to stand on its own.
	Standalone string
	// Speaker is the person whose words the follow-up asks for ("what
	// else did he say", "did she think …", a statement's speaker), if any:
	// the answer quotes them. A pronoun that asks what someone did ("where
	// was he going") names them in Standalone but leaves Speaker empty.
	Speaker string
	// Statement is the previous statement the question refers to (for
	// RefDate, RefWho, RefPlace and RefItem), if any.
	Statement *Statement
	// Docs are the documents the previous answer cited (IDs, URLs and
	// titles), preferred when answering a follow-up.
	Docs map[string]bool
	// Resolved is the question with what it points at written out ("how
	// long would the first phase last", "where were tren de aragua
	// members sent"), without the topic Standalone adds: its words choose
	// the sentence. "" when nothing was written out.
	Resolved string
	// EventDate, of RefDate: Statement itself dates what the follow-up
	// asks about ("when did it launch?" after "… the launch of the
	// program on June 12 …"), so its words, not its own date, answer.
	EventDate bool
	// NewNames, of a question read as a new topic, is how many names it
	// gives that the conversation has not (contSignals.NewNames): one
	// that gives none may still ask about what the conversation read
	// (conversationHits).
	NewNames int
}

// Statement is one quotation of an earlier answer, with its citation.
type Statement struct {
	Text    string
	Speaker string
	// Reported is the person the answer's line reports ("reporting
	// Name"), whose words these are not, but whom "he" may mean.
	Reported string
	// Date is the date the answer showed for it (its attribution), else
	// its citation's.
	Date string
	Cite Citation
	// HasCite is false when the answer's citations were not kept (a
	// conversation rebuilt from text alone).
	HasCite bool
}

// Turn-state words. One list each; they are the conversation's grammar,
// not the record's vocabulary.
var (
	personPronouns = map[string]bool{"he": true, "she": true, "him": true, "his": true, "her": true, "hers": true,
		"they": true, "them": true, "their": true, "theirs": true}
	demonstratives = map[string]bool{"that": true, "this": true, "it": true, "those": true, "these": true, "there": true, "then": true, "same": true}
	// sourceRe: a request for where the previous answer comes from
	// ("source?", "link pls", "where's that from", "got a link?"); a
	// question about a source of something else names that thing too
	// (sourceRequest).
	sourceRe = regexp.MustCompile(`(?i)\b(?:sources?|links?|citations?|refs?|references?|receipts|url)\b|\bwhere(?:['’]s| is| was| did)? (?:that|this|it|you get (?:that|this|it)) (?:from|come from)\b|\bwhere did you (?:get|find|read) (?:that|this|it)\b`)
	// moreRe: a request for more of the same speaker's words (asksMore).
	moreRe = regexp.MustCompile(`(?i)\b(?:else|more|further|other (?:things|statements|remarks))\b`)
	// notMoreRe: the same words asking for something else: other people
	// or places ("who else was on it", "was anyone else dialed in",
	// "where else did he send them"), a comparison with a value ("if ur
	// interest is more than ur payment"; not "more than that") or a
	// quantity ("how many more"; not "did she say much more").
	notMoreRe = regexp.MustCompile(`(?i)\b(?:` + otherPeopleWords + `|where)\s+else\b|\bmore\s+than\s+(?:[$\d]|(?:a|an|the|ur|your|his|her|their|its|our|my|one|two|three|four|five|ten|twice|half)\b)|\bhow\s+(?:many|much)\s+more\b`)
	// othersElseRe: "else" after a word asking for a person, asking for
	// someone besides those named ("was anyone else dialed in on it").
	othersElseRe = regexp.MustCompile(`(?i)\b(?:` + otherPeopleWords + `)\s+else\b`)
	// itemRe: a pointer to an item of the previous answer.
	itemRe = regexp.MustCompile(`(?i)\bthe (first|second|third|last|former|latter)( one| statement| quote| quotation| item| point)?\b`)
	// otherSideRe: the counterpart of whom the previous answer quoted.
	otherSideRe = regexp.MustCompile(`(?i)\b(?:the )?other (?:side|party|country|government|camp)\b|\bcounterparts?\b|\bthe opposite side\b`)
	// subjectRe: where a question says what it is about.
	subjectRe = regexp.MustCompile(`(?i)\b(?:about|regarding|concerning)\s+(.+)`)
	// clauseEndRe: where a subject phrase ends.
	clauseEndRe = regexp.MustCompile(`(?i)[,;?!.]|\s+and\s+(?:what|who|when|where|how|why|did|does|is|was)\b|\s+(?:in|on) (?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`)
	// statementRe finds the quotations of an answer with their citation
	// marker: “…” [n], from the line's first opening mark to the closing
	// one before the marker, so that a quotation holding a quotation
	// ("… the “Oficinas de Movilidad Segura” (OMS) program on June 12 …")
	// is read whole.
	statementRe = regexp.MustCompile(`[“"]([^\n]{8,}?)[”"]\s*\[(\d{1,3})\]`)
	// isoDateRe finds a YYYY-MM-DD date in an attribution.
	isoDateRe = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
)

// itemRef finds a pointer to an item of the previous answer ("the second
// one", "and the last?", "the first of them"): an ordinal followed by a
// word of its own ("the last press secretary", "the first time") orders
// the question instead, and is no pointer.
func itemRef(q string) []string {
	for _, m := range itemRe.FindAllStringSubmatchIndex(q, -1) {
		if m[4] < 0 {
			next := strings.TrimLeft(q[m[1]:], " ")
			end := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) })
			if end < 0 {
				end = len(next)
			}
			if w := strings.ToLower(next[:end]); w != "" && !text.IsStopword(w) {
				continue
			}
		}
		return []string{q[m[0]:m[1]], q[m[2]:m[3]]}
	}
	return nil
}

// ReadFollowUp reads a question against the conversation before it
// without a model. A question that stands on its own, or an empty
// history, gives Kind NewTopic and the question unchanged.
func ReadFollowUp(q string, history []Turn) FollowUp {
	return readFollowUp(q, history, nil, nil)
}

// personsIn names the people of the record a text names (nil: unknown).
type personsIn func(string) []string

// readFollowUp is ReadFollowUp with the record's people at hand: a
// question that names a person of the record is about them ("he" then
// means them), and "he" after a question that named someone means that
// person rather than the spokesperson who answered.
func readFollowUp(q string, history []Turn, persons personsIn, gender genderOf) FollowUp {
	f := FollowUp{Standalone: q}
	if len(history) == 0 {
		return f
	}
	asked := q
	q = withoutOpener(q)
	prev := history[len(history)-1]
	toks := text.Tokens(q)
	pronoun, demonstrative, content := referenceWords(toks)
	own := ownNames(q)
	var ownPeople []string
	if persons != nil {
		ownPeople = persons(q)
	}
	more := asksMore(q) && (pronoun || content <= 2)
	item := itemRef(q)
	other := otherSideRe.MatchString(q)
	if sig := continuationOf(q, history, ownPeople); !contWeights.continues(sig) {
		f.Standalone = asked
		f.NewNames = sig.NewNames
		return f // stands on its own: a new topic
	}
	if s, ok := timeEllipsis(q, prev); ok {
		// "and in 2023?": the same question at another time; what the
		// previous answer cited is of the other time.
		f.Kind, f.Standalone = RefPeriod, s
		return f
	}
	statements := previousStatements(prev)
	speaker := previousSpeaker(prev, statements)
	if !personLike(speaker, prev) {
		speaker = "" // an office or a bare title ("The White House", "Press Secretary")
	}
	quoted := speaker // whose words the previous answer quoted
	words := more || asksWords(toks)
	person := speaker // whom "he" means
	var named []string
	if persons != nil {
		named = persons(prevQuestion(subjectTurn(history)))
	}
	if len(named) > 0 && !more {
		// "he" after "what did Biden do …" is Biden, not the
		// spokesperson whose words answered.
		person = named[0]
	} else if n := askedName(prevQuestion(subjectTurn(history)), statements, citedTitles(prev), speaker); n != "" && !words {
		// "which paper did he work for?" after "what did the white
		// house say when evan gershkovich was detained": the person the
		// question typed in lower case and the answer wrote as a name.
		person = n
	} else if !words && len(statements) > 0 {
		// "what did he do then?" is about the person the answer spoke
		// of, not the spokesperson who spoke: one of the record's people
		// the first statement names, or, after "who …?" or "which …?",
		// the name it gives.
		if n := otherPerson(persons, statements[0].Text, speaker, answerTypeOf(prevQuestion(prev)) == WantPerson); n != "" {
			person = n
		}
	}
	if pluralOnly(toks) {
		// "they" is the people the previous question named together, or
		// what it was about; one speaker is no "they".
		person = ""
		if len(named) >= 2 {
			person = named[0] + " and " + named[1]
		}
	}
	if gender != nil && person != "" && len(ownPeople) == 0 {
		if g := pronounGender(toks); g != 0 {
			// "when did he sign it?" after the press secretary's words is
			// not hers: the first of the conversation's people the pronoun
			// may mean (the record says so, then it does not say otherwise),
			// else no one.
			var others []string
			others = append(others, named...)
			for _, st := range statements {
				others = append(others, st.Speaker)
			}
			person = fitting(person, others, g, gender)
			if sg := gender(speaker); speaker != "" && sg != 0 && sg != g {
				speaker = ""
			}
		}
	}
	if len(ownPeople) > 0 {
		person = ownPeople[0]
	}
	if words && len(ownPeople) == 0 && namesSayer(toks) {
		// "what did china say about it?" after Kirby's words: the one
		// asked is named, not pointed at; no one's words are filtered for.
		speaker = ""
	} else if words && othersSay(toks) {
		// "what topics did they cover w him": his are not the words
		// asked for, theirs with him are; no one's words are filtered for.
		speaker = ""
	} else if words && (pronoun || answerTypeOf(q) != WantPerson) {
		speaker = person
	} else {
		// What he did or where he went, not his words; and "who put out
		// the statement on it?" asks who spoke, so the conversation's
		// person is no filter of whose words answer.
		speaker = ""
	}
	// The person "he" or the speaker filter carries is left out of the
	// topic's words; a follow-up that points at nobody ("and who did the
	// us release in return?" after "when did russia let trevor reed go")
	// keeps them: they are what it is about.
	carried := ""
	if pronoun || speaker != "" {
		carried = person
	}
	topic := previousTopic(history, carried)
	f.Docs = turnDocs(prev)
	f.Speaker = speaker
	date := answerTypeOf(q) == WantDate
	place := answerTypeOf(q) == WantPlace
	var pointed *Statement // the statement a "when/where was that …?" asks of
	var byNoun bool        // found by the noun it points with
	if date || place {
		pointed, byNoun = datedStatement(q, history, statements)
	}
	switch {
	case sourceRequest(toks, q) && len(statements) > 0:
		f.Kind = RefSource
		s := statements[0]
		f.Statement = &s
		f.Standalone = prevQuestion(subjectTurn(history))
	case other:
		f.Kind = Counterpart
		side := quoted // the side whose words were quoted, else whom it spoke of
		if side == "" {
			side = person
		}
		cp := counterpart(prev, side)
		subject := cp
		if subject == "" {
			subject = "the other side"
		}
		f.Speaker = ""
		if n := bareName(cp); n != "" {
			f.Speaker = n // a person: their words are what is asked
		}
		f.Standalone = "What did " + subject + " say" + aboutTopic(topic) + "?"
		if cp != "" {
			// "the other side" says nothing itself ("side" finds "the two
			// sides"): the rewrite's words choose the sentence.
			f.Resolved = f.Standalone
		}
	case answerTypeOf(q) == WantPerson && asksWords(toks) && !pronoun && (demonstrative || item != nil) && content <= 1 && pointedStatement(statements, item).Speaker != "":
		// "who said that?": the speaker of the statement just quoted,
		// answered from its citation.
		f.Kind = RefWho
		s := pointedStatement(statements, item)
		f.Statement = &s
		f.Speaker = s.Speaker
		f.Standalone = "Who said “" + clip(s.Text, 120) + "”?"
	case figureAskedBack(q, statements) != "":
		// "and what was it when biden took office?" after "50 percent
		// of adults": the same measure at another time, a figure in the
		// unit the previous answer gave it in.
		f.Kind = RefTopic
		f.Resolved = figureAskedBack(q, statements)
		f.Standalone = withTopic(f.Resolved, topic)
	case item != nil && strings.HasSuffix(strings.ToLower(item[0]), " one") && itemNoun(history) != "":
		// "how long would the first one last?" after "the 3 phase
		// proposal": the first of the things the conversation counted,
		// not the first sentence the answer happened to quote.
		f.Kind = RefTopic
		f.Resolved = strings.Replace(q, item[0], "the "+strings.ToLower(item[1])+" "+itemNoun(history), 1)
		f.Standalone = withTopic(f.Resolved, topic)
	case item != nil && len(statements) > 0 && !date:
		f.Kind = RefItem
		s := statements[itemIndex(item[1], len(statements))]
		f.Statement = &s
		f.Speaker = s.Speaker
		// The item's words, not as a quotation: what is asked is about
		// it, not the same sentence again.
		f.Standalone = strings.Replace(q, item[0], "the statement that "+strings.TrimRight(clip(s.Text, 100), "…. "), 1)
		if pronoun && s.Speaker != "" {
			f.Standalone = replacePronoun(f.Standalone, s.Speaker)
		}
	case date && (eventWords(toks) == 0 || item != nil || eventDated(q, statements) >= 0) && len(statements) > 0 && pointed != nil:
		// "when was that?", "when did he say it?": the statement's day.
		// "when was it shot down?" asks the day of an event the
		// statement may only speak of: searched for, unless the
		// statement itself dates it (eventDated).
		f.Kind = RefDate
		s := *pointed
		if byNoun {
			// "when was that gaggle?": the gaggle's statement, of
			// whichever turn cited it.
		} else if item != nil {
			s = statements[itemIndex(item[1], len(statements))]
		} else if k := eventDated(q, statements); k >= 0 {
			// "when did it launch?" after "… the launch of the program
			// on June 12 …": the day the statement gives what was asked.
			s, f.EventDate = statements[k], true
		}
		f.Statement = &s
		f.Speaker = s.Speaker
		who := s.Speaker
		if who == "" || strings.EqualFold(who, s.Cite.Outlet) {
			who = "it" // none, or the office that issued it
		}
		f.Standalone = "When did " + strings.TrimSuffix(who, " it") + " say “" + clip(s.Text, 120) + "”?"
		if who == "it" {
			f.Standalone = "When was “" + clip(s.Text, 120) + "” said?"
		}
	case place && eventWords(toks) == 0 && item == nil && len(statements) > 0 && pointed != nil && whereSaid(toks, pronoun, person, *pointed, gender):
		// "where was she when she said that?", "where did he say it?":
		// where the statement was made, which its document gives at the
		// top (corpus.Document.Venue); "where did they meet?" and "where
		// is that?" ask of an event or a place, and are searched
		// (whereSaid).
		f.Kind = RefPlace
		s := *pointed
		f.Statement = &s
		f.Speaker = s.Speaker
		f.Standalone = "Where was “" + clip(s.Text, 120) + "” said?"
	case more && speaker != "":
		f.Kind = RefMore
		f.Standalone = "What else did " + speaker + " say" + aboutTopic(topic) + "?"
	case more:
		// "what else did they talk about?" after a readout, whose
		// "speaker" is an office: more of the same documents' statements
		// on the topic, leaving out what was quoted.
		f.Kind = RefMore
		f.Standalone = withTopic(q, topic)
	case pronoun && person != "" && len(ownPeople) == 0:
		f.Kind = RefSpeaker
		f.Standalone = replacePronoun(q, person)
		if len(own) == 0 {
			f.Standalone = withTopic(f.Standalone, topic)
		}
	case swappedSubject(q, history) != "":
		// "what about uvalde?" after "what did the white house say about
		// the half moon bay shooting": the same question of a new
		// subject, not the old subject with the new word added.
		f.Kind = RefTopic
		f.Standalone = swappedSubject(q, history)
	default:
		f.Kind = RefTopic
		f.Standalone = withTopic(q, topic)
	}
	switch f.Kind {
	case RefTopic, RefSpeaker, RefMore, RefItem, Counterpart:
		f.Standalone = withPeriod(f.Standalone, q, history)
	}
	return f
}

// withPeriod adds to a follow-up's rewrite the period the conversation
// asked about ("… in march 2023"), which the topic it borrows leaves out:
// "what else did she say about it?" after "what did she say about the
// strike in september 2022" is asked of september 2022 too. A follow-up
// that says when itself, or places what it asks at another time ("when
// biden took office", "the month before", "the next day"), keeps its
// own.
func withPeriod(standalone, q string, history []Turn) string {
	if dates, ok := thatPeriod(q, history[len(history)-1]); ok {
		// "later that year": the dates it stands for, in place of the
		// phrase when the rewrite kept it, else added.
		if m := thatPeriodAt(standalone); m != nil {
			return standalone[:m[0]] + dates + standalone[m[1]:]
		}
		return strings.TrimRight(standalone, "?.! ") + " " + dates + "?"
	}
	if periodOf(q).Phrase != "" || otherTimeRe.MatchString(q) || relShiftRe.MatchString(q) || statementDayRe.MatchString(q) {
		return standalone
	}
	p := periodOf(prevQuestion(history[len(history)-1])).Phrase
	if p == "" {
		p = periodOf(prevQuestion(topicTurn(history))).Phrase
	}
	if p == "" || strings.Contains(strings.ToLower(standalone), strings.ToLower(p)) {
		return standalone
	}
	if !strings.HasPrefix(strings.ToLower(p), "in ") && !strings.HasPrefix(strings.ToLower(p), "on ") &&
		!strings.HasPrefix(strings.ToLower(p), "between ") && !strings.HasPrefix(strings.ToLower(p), "during ") {
		p = "in " + p
	}
	return strings.TrimRight(standalone, "?.! ") + " " + p + "?"
}

// thatPeriodRe finds a period given relative to the statement the
// conversation is on: "later that year", "earlier that month", "that
// same year", "the same month".
var thatPeriodRe = regexp.MustCompile(`(?i)\b(?:(later|earlier) (?:that|the same|in the same) (year|month)|(?:that|the) same (year|month)|that (year|month))\b`)

// thatPeriodAt returns the submatch indexes of q's first thatPeriodRe
// phrase that names a time of the statement: not one inside quotation
// marks ("did he ever say \"that year\""), a possessive ("that month's
// jobs report") or one counted from elsewhere ("the same month last
// year"); nil when none does.
func thatPeriodAt(q string) []int {
	for _, m := range thatPeriodRe.FindAllStringSubmatchIndex(q, -1) {
		rest := strings.ToLower(q[m[1]:])
		if strings.Count(q[:m[0]], "\"")%2 == 1 || strings.Count(q[:m[0]], "“") > strings.Count(q[:m[0]], "”") ||
			strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") ||
			strings.HasPrefix(rest, " last") || strings.HasPrefix(rest, " next") || strings.HasPrefix(rest, " ago") ||
			strings.HasPrefix(rest, " before") || strings.HasPrefix(rest, " after") {
			continue
		}
		return m
	}
	return nil
}

// withThatPeriod is q with its thatPeriodRe phrase written as the dates
// it stands for (thatPeriod), else q.
func withThatPeriod(q string, prev Turn) string {
	dates, m := thatPeriodSpan(q, prev)
	if m == nil {
		return q
	}
	return q[:m[0]] + dates + q[m[1]:]
}

// quotedDay is the day of the statement an answer quoted first, else of
// its first citation; zero when it gives none.
func quotedDay(prev Turn) time.Time {
	var day time.Time
	if st := previousStatements(prev); len(st) > 0 {
		day, _ = time.Parse(time.DateOnly, st[0].Date)
	}
	if day.IsZero() && len(prev.Citations) > 0 {
		day, _ = time.Parse(time.DateOnly, prev.Citations[0].Date)
	}
	return day
}

// thatPeriod writes the dates a thatPeriodRe phrase of q stands for,
// counted from the day of the statement the previous answer quoted first
// (else of its first citation): "later that year" after a statement of
// 2023-02-10 is "between February 11, 2023 and December 31, 2023". ok is
// false when q has no such phrase or the previous answer no date.
func thatPeriod(q string, prev Turn) (dates string, ok bool) {
	dates, m := thatPeriodSpan(q, prev)
	return dates, m != nil
}

// thatPeriodSpan is thatPeriod with the phrase's submatch indexes in q
// (thatPeriodAt); nil when there are no dates to write.
func thatPeriodSpan(q string, prev Turn) (string, []int) {
	m := thatPeriodAt(q)
	if m == nil {
		return "", nil
	}
	day := quotedDay(prev)
	if day.IsZero() {
		return "", nil
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return strings.ToLower(q[m[2*i]:m[2*i+1]])
	}
	side, unit := group(1), group(2)+group(3)+group(4)
	since, until := dayOf(day.Year(), 1, 1), dayOf(day.Year(), 12, 31)
	if unit == "month" {
		since, until = dayOf(day.Year(), day.Month(), 1), retrieval.MonthEnd(day.Year(), day.Month())
	}
	switch side {
	case "later":
		since = day.AddDate(0, 0, 1)
	case "earlier":
		until = day.AddDate(0, 0, -1)
	}
	if until.Before(since) {
		return "", nil // "later that year" after December 31st
	}
	// Lower case, as chat writes: a capitalised month would make the
	// question's other words read as written with capitals, and its
	// lower-case names as none ("what did blinken say …").
	const layout = "January 2, 2006"
	return strings.ToLower("between " + since.Format(layout) + " and " + until.Format(layout)), m
}

// sourceRequest reports whether a question asks only where the previous
// answer comes from: a request for its source (sourceRe) and no
// informative word besides.
func sourceRequest(toks []text.Token, q string) bool {
	if !sourceRe.MatchString(q) {
		return false
	}
	for _, t := range toks {
		if !text.IsStopword(t.Word) && !questionWord(t.Word) && !demonstratives[t.Word] && !personPronouns[t.Word] && !sourceWord(t.Word) {
			return false
		}
	}
	return true
}

// sourceWord reports the words that ask for a source ("source", "link",
// "pls", "from").
func sourceWord(w string) bool {
	switch w {
	case "source", "sources", "link", "links", "citation", "citations", "ref", "refs", "reference", "references", "receipts", "url",
		"from", "get", "got", "find", "read", "come", "give", "send", "post", "share", "pls", "plz", "please", "you", "me", "the", "a":
		return true
	}
	return false
}

// eventDated returns the index of the first statement that holds every
// informative word of a "when" follow-up ("launch" in "when did it
// launch?") and names a day, a month or a year ("on June 12", "August
// 23rd", "in 2017"), which then dates what is asked, not the statement;
// -1 when the follow-up has no such word or no statement holds them.
// Measured (main 976ea64, index rebuilt): 14 follow-ups of 10 chains
// written from the record 6 → 7 ("when did it launch?" after the Harris–
// Giammattei readout answers June 12, not the readout's day); the
// follow-ups of dev and fresh unchanged.
func eventDated(q string, statements []Statement) int {
	own := text.TermSet(q)
	if len(own) == 0 {
		return -1
	}
	for k, s := range statements {
		if !absoluteDateRe.MatchString(s.Text) {
			continue
		}
		held := text.TermSet(s.Text)
		all := true
		for t := range own {
			all = all && held[t]
		}
		if all {
			return k
		}
	}
	return -1
}

// eventWords counts the informative words of a "when" follow-up that
// say what happened: not a verb of saying ("when did he say it?"), the
// noun a determiner points with ("when was that report?") or a manner
// adverb ("when was that, exactly?"), which ask about the statement
// itself.
func eventWords(toks []text.Token) int {
	n := 0
	for i, t := range toks {
		w := t.Word
		pointed := i > 0 && determiners[toks[i-1].Word]
		if !text.IsStopword(w) && !questionWord(w) && !text.IsAskVerb(w) && !pointed && !strings.HasSuffix(w, "ly") {
			n++
		}
	}
	return n
}

// whereSaid reports whether a "where" follow-up asks where the statement
// s was made: "where did she say that?", "where was that said?", or "where
// was he [when …]?" of the statement's own speaker (person, whom the
// pronoun means; a pronoun of the other gender means someone else).
// Not "where is that?", "where will it be?", nor "where was he?" of the
// person the statement spoke of: those ask of a place the statement may
// give, and are searched.
func whereSaid(toks []text.Token, pronoun bool, person string, s Statement, gender genderOf) bool {
	if s.Speaker == "" {
		return false
	}
	if g := pronounGender(toks); g != 0 && gender != nil {
		if sg := gender(s.Speaker); sg != 0 && sg != g {
			return false
		}
	}
	if asksWords(toks) {
		return true
	}
	past := false
	for _, t := range toks {
		past = past || t.Word == "was" || t.Word == "were"
	}
	return past && pronoun && (person == "" || person == s.Speaker)
}

// determiners point with a noun ("that report", "this statement").
var determiners = map[string]bool{"that": true, "this": true, "those": true, "these": true, "same": true}

// referenceWords reads a question's words: whether it holds a personal
// pronoun, a demonstrative that points back (pointsBack), and how many
// informative words.
func referenceWords(toks []text.Token) (pronoun, demonstrative bool, content int) {
	for i, t := range toks {
		switch {
		case personPronouns[t.Word]:
			// "did the union say they …": the union's, not the
			// conversation's.
			pronoun = pronoun || !reportedSubject(toks, i)
		case demonstratives[t.Word]:
			demonstrative = demonstrative || pointsBack(toks, i)
		case !text.IsStopword(t.Word) && !questionWord(t.Word) && !text.IsPreposition(t.Word):
			// A preposition the index keeps ("per", "via") says
			// nothing of its own: "how much per borrower?" is one word.
			content++
		}
	}
	return pronoun, demonstrative, content
}

// otherPeopleWords are the words that, before "else", ask for other
// people (notMoreRe, othersElseRe).
const otherPeopleWords = `who|whom|anyone|anybody|someone|somebody|everyone|everybody|nobody|no one`

// asksMore reports whether a question asks for more of what was said
// (moreRe) rather than for other people, other places or a quantity
// (notMoreRe): "what else did he say", not "who else was on the call".
func asksMore(q string) bool {
	return moreRe.MatchString(notMoreRe.ReplaceAllString(q, " "))
}

// continuationOf measures a question against the conversation (see
// contSignals); people are the record's people it names.
func continuationOf(q string, history []Turn, people []string) contSignals {
	toks := text.Tokens(q)
	pronoun, demonstrative, content := referenceWords(toks)
	more := moreRe.MatchString(q) && (pronoun || content <= 2)
	// A pronoun of a question that names a person is theirs ("did Fauci
	// say he …"), not the conversation's.
	// "The next day" is the day after the conversation's statement.
	anaphora := demonstrative || more || itemRef(q) != nil || otherSideRe.MatchString(q) || (pronoun && len(people) == 0) ||
		relativeDay(q) || sourceRequest(toks, q)
	own := ownNames(q)
	if singularPronoun(toks) && len(people) == 0 {
		// "Did he think Azerbaijan was taking advantage of Russia …?":
		// the person it asks about is the conversation's, so the places
		// and things it names are not a new subject that would start a
		// new topic; only a person it names could be.
		own = nil
	}
	return measureContinuation(q, history, anaphora, content, own, people)
}

// pointedNoun is the noun a question points at with "that" or "this"
// ("when was that gaggle?" → "gaggle"), as written, "" when it points at
// nothing of its own kind ("when was that?", "when was that, exactly?").
func pointedNoun(q string) string {
	toks := text.Tokens(q)
	for i := 0; i+1 < len(toks); i++ {
		if w := toks[i].Word; w != "that" && w != "this" {
			continue
		}
		if next := toks[i+1].Word; len(text.Terms(next)) > 0 && !text.IsStopword(next) {
			return next
		}
	}
	return ""
}

// titled reports whether a citation's title names what noun (as written)
// names: its term ("report" of "Report: talks to resume"), or the title
// word of its kind of document ("speech" of "Remarks by …": docKinds).
func titled(c Citation, noun string) bool {
	if k, ok := docKinds[noun]; ok && wordsIn(c.Title, []string{k}) {
		return true
	}
	t := text.Terms(noun)
	return len(t) > 0 && text.TermSet(c.Title)[t[0]]
}

// datedStatement is the statement a "when" follow-up points at:
// statements[0], the previous answer's first, unless the question points
// at a thing of its own kind ("when was that gaggle?", "that speech");
// then the first statement of the latest turn that cited a document
// titled so (the gaggle an answer before the last one quoted; byNoun),
// else nil: the conversation quoted no such thing, so the question means
// something else, and the record is searched. A previous turn whose
// citations are unknown points nowhere else.
func datedStatement(q string, history []Turn, statements []Statement) (s *Statement, byNoun bool) {
	if len(statements) == 0 {
		return nil, false
	}
	noun := pointedNoun(q)
	if noun == "" || len(history[len(history)-1].Citations) == 0 {
		return &statements[0], false
	}
	for i := len(history) - 1; i >= 0; i-- {
		ss := statements
		if i < len(history)-1 {
			ss = previousStatements(history[i])
		}
		for k, st := range ss {
			if st.HasCite && titled(st.Cite, noun) {
				return &ss[k], true
			}
		}
	}
	return nil, false
}

// asksWords reports whether a question asks for someone's words ("what
// did he say", "did she think", "how did they describe it").
func asksWords(toks []text.Token) bool {
	for _, t := range toks {
		if text.IsAskVerb(t.Word) {
			return true
		}
	}
	return false
}

// othersSay reports whether a singular pronoun follows the question's
// verb of saying, whose subject is none: "what did they tell him", "what
// did their ministers tell her" ask the words of those who spoke to the
// person, not the person's.
func othersSay(toks []text.Token) bool {
	for j, t := range toks {
		if !text.IsAskVerb(t.Word) {
			continue
		}
		if j == 0 || personPronouns[toks[j-1].Word] && !pluralPronouns[toks[j-1].Word] {
			return false
		}
		return slices.ContainsFunc(toks[j+1:], func(t text.Token) bool { return personPronouns[t.Word] && !pluralPronouns[t.Word] })
	}
	return false
}

// namesSayer reports whether a question names who is asked for words
// between its auxiliary and its verb of saying with words other than
// pronouns ("what did china say", "what did the white house say"), not
// "what did he say", "what else did they say", "what was said".
func namesSayer(toks []text.Token) bool {
	for i, t := range toks {
		if !yesNoOpeners[t.Word] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+5; j++ {
			w := toks[j].Word
			if text.IsAskVerb(w) {
				return j > i+1 && !personPronouns[toks[j-1].Word] && !demonstratives[toks[j-1].Word]
			}
			if personPronouns[w] || w == "else" {
				return false
			}
		}
		return false
	}
	return false
}

// genderOf says what the record says of a person's pronoun
// (Person.Gender) by their name; 0 when it does not say or does not know
// them.
type genderOf func(name string) byte

// pronounGender is 'm' for a question holding "he", "him" or "his", 'f'
// for "she" or "hers" ("her" too), 0 for neither or both.
func pronounGender(toks []text.Token) byte {
	var g byte
	for _, t := range toks {
		var w byte
		switch t.Word {
		case "he", "him", "his", "himself":
			w = 'm'
		case "she", "her", "hers", "herself":
			w = 'f'
		default:
			continue
		}
		if g != 0 && g != w {
			return 0
		}
		g = w
	}
	return g
}

// fitting is person when the record does not say their pronoun is
// another than g, else the first of others it says is g, else the first
// it says nothing of, else "".
func fitting(person string, others []string, g byte, gender genderOf) string {
	if pg := gender(person); pg == 0 || pg == g {
		return person
	}
	unknown := ""
	for _, o := range others {
		if o == "" || o == person {
			continue
		}
		switch gender(o) {
		case g:
			return o
		case 0:
			if unknown == "" {
				unknown = o
			}
		}
	}
	return unknown
}

// singularPronoun reports whether a question holds "he", "she" or their
// other forms, which point at one person.
func singularPronoun(toks []text.Token) bool {
	for _, t := range toks {
		if personPronouns[t.Word] && !pluralPronouns[t.Word] {
			return true
		}
	}
	return false
}

// pluralPronouns are the personal pronouns that point at more than one.
var pluralPronouns = map[string]bool{"they": true, "them": true, "their": true, "theirs": true}

// pluralOnly reports whether a question's personal pronouns are all
// plural ("they", "them", "their").
func pluralOnly(toks []text.Token) bool {
	seen := false
	for _, t := range toks {
		switch {
		case pluralPronouns[t.Word]:
			seen = true
		case personPronouns[t.Word]:
			return false
		}
	}
	return seen
}

// personLike reports whether an answer's speaker label names a person,
// not the office that issued the document ("The White House", its outlet)
// or a bare title ("Press Secretary").
func personLike(name string, t Turn) bool {
	if name == "" {
		return false
	}
	for _, c := range t.Citations {
		if strings.EqualFold(name, c.Outlet) {
			return false
		}
	}
	for _, w := range text.Words(name) {
		if !text.IsStopword(w) && !text.IsTitleWord(w) && !text.IsTitleNoun(w) {
			return true
		}
	}
	return false
}

// bareName is a run of capitalised words without its leading titles
// ("Vice Premier He Lifeng" → "He Lifeng"), or "" when fewer than two
// words remain or the last is a word that never ends a person's name
// (corpus.NotName: "The United States", "the Strategic Petroleum
// Reserve Fund", "Pfizer Inc").
func bareName(run string) string {
	kept := untitled(run)
	if len(kept) < 2 || corpus.NotName(strings.ToLower(strings.Trim(kept[len(kept)-1], ".,;:"))) {
		return ""
	}
	return strings.Join(kept, " ")
}

// untitled is the words of a run of capitalised words without its
// leading titles.
func untitled(run string) []string {
	var kept []string
	for _, w := range strings.Fields(run) {
		if lw := strings.ToLower(w); len(kept) == 0 && (text.IsTitleWord(lw) || text.IsTitleNoun(lw) || text.IsStopword(lw) || roleOrTime(lw)) {
			continue
		}
		kept = append(kept, w)
	}
	return kept
}

// givenAs reports whether a run of capitalised words may name the
// record's person name: one without name's surname, or with only titles
// before it ("President Biden", "Dr. Collins", "EPA Administrator
// Michael Regan", "Prime Minister Kishida"), may; one whose word before
// the surname is a given name only when that is name's ("Jeff Feltman"
// for Jeffrey Feltman), not another's ("Francis Collins" is not Mike
// Collins; "Intergovernmental Authority" is not the record's "Port
// Authority").
func givenAs(run, name string) bool {
	nw := strings.Fields(name)
	if len(nw) < 2 {
		return true
	}
	surname := strings.ToLower(nw[len(nw)-1])
	words := strings.Fields(run)
	for i := len(words) - 1; i >= 1; i-- {
		w := strings.ToLower(withoutPossessive(words[i]))
		if w != surname {
			continue
		}
		before := strings.ToLower(strings.Trim(words[i-1], ".,"))
		if text.IsTitleWord(before) || text.IsTitleNoun(before) || text.IsHonorific(before) || roleOrTime(before) || isAcronym(strings.ReplaceAll(words[i-1], ".", "")) {
			return true
		}
		return text.SameGivenName(before, strings.ToLower(nw[0]))
	}
	return true
}

// otherPerson is the first person a statement names other than its
// speaker: a name of two or more capitalised words that is one of the
// record's people ("President Biden"), or, when the question before asked
// who (named says so), any such name ("Rafael Caro Quintero").
func otherPerson(persons personsIn, statement, speaker string, named bool) string {
	for _, m := range fullNameRe.FindAllString(statement, -1) {
		if persons != nil {
			if ps := persons(m); len(ps) > 0 && ps[0] != speaker && givenAs(m, ps[0]) {
				return ps[0]
			}
		}
		if n := bareName(m); named && n != "" && (speaker == "" || !strings.Contains(speaker, n[strings.LastIndexByte(n, ' ')+1:])) {
			return n
		}
	}
	return ""
}

// askedName is a person's name, two or more capitalised words without
// their titles, that the answer's statements or the titles of the
// documents it cited write and whose every word the question asked (in
// any case: "evan gershkovich"), other than the speaker's; "" when none
// is. A name may be part of a longer run of capitalised words: "Dr.
// Francis Collins Stepping Down" of a title holds "Francis Collins".
func askedName(q string, statements []Statement, titles []string, speaker string) string {
	asked := text.TermSet(q)
	texts := make([]string, 0, len(statements)+len(titles))
	for _, st := range statements {
		texts = append(texts, st.Text)
	}
	texts = append(texts, titles...)
	for _, tx := range texts {
		for _, m := range fullNameRe.FindAllString(tx, -1) {
			if n := askedRun(strings.Fields(m), asked); n != "" && (speaker == "" || !strings.Contains(speaker, n)) {
				return n
			}
		}
	}
	return ""
}

// askedRun is the first stretch of two or more words, without its
// leading titles, whose every word is one of the terms asked; "" when
// none is.
func askedRun(words []string, asked map[string]bool) string {
	for i := 0; i < len(words); i++ {
		j := i
		for j < len(words) {
			w := withoutPossessive(words[j])
			terms := text.Terms(w)
			if len(terms) == 0 || !allAsked(terms, asked) {
				break
			}
			j++
		}
		if kept := untitled(strings.Join(words[i:j], " ")); len(kept) >= 2 {
			// (No corpus.NotName check: the question typed these
			// words, "oliver north" among them.)
			n := strings.Join(kept, " ")
			return withoutPossessive(n)
		}
		if j > i {
			i = j
		}
	}
	return ""
}

// withoutPossessive is w without a possessive "’s" or "'s" ("Collins’s").
func withoutPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
}

// allAsked reports whether every term is one of those asked.
func allAsked(terms []string, asked map[string]bool) bool {
	for _, t := range terms {
		if !asked[t] {
			return false
		}
	}
	return true
}

// fullNameRe finds runs of two to five capitalised words.
var fullNameRe = regexp.MustCompile(`\b\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,4}`)

// prevQuestion is a turn's question as it was searched.
func prevQuestion(t Turn) string {
	if t.Standalone != "" {
		return t.Standalone
	}
	return t.Question
}

// pointsBack reports whether the demonstrative toks[i] refers back to the
// conversation rather than joining a clause: "when was that?", "what did
// he say there", "was that the first time" — not "the strike that killed
// ten" or "is there a plan".
func pointsBack(toks []text.Token, i int) bool {
	w := toks[i].Word
	prev, next := "", ""
	if i > 0 {
		prev = toks[i-1].Word
	}
	if i+1 < len(toks) {
		next = toks[i+1].Word
	}
	switch w {
	case "there":
		// "is there", "there are": existential, not a place.
		return !yesNoOpeners[prev] && !yesNoOpeners[next] && next != "s"
	case "then":
		return true
	case "same":
		return prev == "the"
	}
	// that, this, it, those, these: the last word or the determiner of
	// the last ("in that group"), or the subject or object of the
	// question's opening ("was that …", "did he say that").
	return i >= len(toks)-2 || i <= 2 || yesNoOpeners[prev] || prev == "about" || prev == "on" ||
		((text.IsSpeechVerb(prev) || prev == "say") && !reportedSubject(toks, i))
}

// reportedSubject reports whether the word at i opens what a subject the
// question names says ("… government say it supports", "… union said
// they wanted"): it is that subject.
func reportedSubject(toks []text.Token, i int) bool {
	if i < 2 {
		return false
	}
	prev := toks[i-1].Word
	return (text.IsSpeechVerb(prev) || prev == "say") && ownSubject(toks[:i-1])
}

// ownSubject reports whether the words before a verb of saying name who
// says it: two informative words and no pronoun ("did the azerbaijani
// government say it supports …": "it" is the government, not the
// conversation's statement; "did he say it …" points back).
func ownSubject(toks []text.Token) bool {
	n := 0
	for _, t := range toks {
		switch {
		case personPronouns[t.Word] || demonstratives[t.Word]:
			return false
		case !text.IsStopword(t.Word) && !questionWord(t.Word):
			n++
		}
	}
	return n >= 2
}

// whWord reports the words that only ask ("what", "how"): the question
// words (whWords, and "whose") and those that ask for words or for more.
func whWord(w string) bool {
	if whWords[w] {
		return true
	}
	switch w {
	case "whose", "else", "anything", "something", "say", "said", "tell", "told":
		return true
	}
	return false
}

// questionWord reports the words that ask rather than say what about:
// those that only ask (whWord), and those that point at an item or a
// side of what was said ("the first one", "the other side").
func questionWord(w string) bool {
	if whWord(w) {
		return true
	}
	switch w {
	case "one", "ones", "side", "mean", "meant", "think", "thought", "first", "second",
		"last", "former", "latter", "and", "other":
		return true
	}
	return false
}

// ownNames returns the question's names: capitalised words that are not
// its first word, a question or auxiliary word, or a role.
func ownNames(q string) []string {
	var out []string
	for i, t := range text.Tokens(q) {
		w := q[t.Start:t.End]
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || len(r) < 2 {
			continue
		}
		if i == 0 || text.IsStopword(t.Word) || roleOrTime(t.Word) || questionWord(t.Word) || personPronouns[t.Word] || demonstratives[t.Word] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// roleOrTime reports a capitalised word that names a role or a time
// rather than whom a question is about ("Secretary", "September").
func roleOrTime(w string) bool {
	return text.IsTitleWord(w) || text.NamesDate(w)
}

// previousStatements reads the quotations of a turn's answer, in order,
// each with its speaker (from the answer's attribution, else the only
// speaker its citation quotes) and citation.
func previousStatements(t Turn) []Statement {
	var out []Statement
	for _, m := range statementRe.FindAllStringSubmatchIndex(t.Answer, -1) {
		s := Statement{Text: strings.TrimSpace(t.Answer[m[2]:m[3]])}
		n := atoi(t.Answer[m[4]:m[5]])
		for _, c := range t.Citations {
			if c.N == n {
				s.Cite, s.HasCite = c, true
				s.Date = c.Date
				break
			}
		}
		line := t.Answer[strings.LastIndexByte(t.Answer[:m[0]], '\n')+1 : m[0]]
		s.Speaker, s.Reported = attributedSpeaker(line)
		if d := isoDateRe.FindString(line); d != "" {
			s.Date = d
		}
		if s.Speaker == "" && s.HasCite && len(s.Cite.Speakers) == 1 {
			s.Speaker = s.Cite.Speakers[0]
		}
		out = append(out, s)
	}
	return out
}

// attributedSpeaker reads the speaker of an extractive answer's line:
// "- Outlet (date) — Name, Title: " or "- Name: "; "…, reporting Name: "
// gives the reported person instead.
func attributedSpeaker(line string) (speaker, reported string) {
	line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "-"))
	if !strings.HasSuffix(line, ":") {
		return "", ""
	}
	line = strings.TrimSuffix(line, ":")
	lower := text.LowerInPlace(line)
	if i := strings.LastIndex(lower, "reporting "); i >= 0 {
		name, _, _ := strings.Cut(line[i+len("reporting "):], ",")
		return "", strings.TrimSpace(name)
	}
	if i := strings.LastIndex(line, " — "); i >= 0 {
		line = line[i+len(" — "):]
	} else if strings.ContainsAny(line, "()") || isoDateRe.MatchString(line) {
		return "", "" // an outlet or a date, no speaker
	}
	name, _, _ := strings.Cut(line, ",")
	return strings.TrimSpace(name), ""
}

// previousSpeaker is whom "he" or "she" refers to: the speaker of the
// previous answer's first statement, else the speaker its question asked
// about, else the only speaker its citations quote.
func previousSpeaker(t Turn, statements []Statement) string {
	for _, s := range statements {
		if s.Speaker != "" {
			return s.Speaker
		}
	}
	for _, s := range statements {
		if s.Reported != "" {
			return s.Reported
		}
	}
	q := t.Standalone
	if q == "" {
		q = t.Question
	}
	if m := askedSpeakerRe.FindStringSubmatch(q); m != nil {
		return m[1]
	}
	seen := map[string]bool{}
	var names []string
	for _, c := range t.Citations {
		for _, s := range c.Speakers {
			if !seen[s] {
				seen[s] = true
				names = append(names, s)
			}
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return ""
}

// previousTopic is what the conversation is about: the subject phrase
// ("about …") of the latest question that has one, searching back through
// the conversation (a "when was that?" in between names none), else the
// informative words of the previous question without the speaker's name.
func previousTopic(history []Turn, speaker string) string {
	for i := len(history) - 1; i >= 0; i-- {
		if s := subjectPhrase(history[i].Standalone); s != "" {
			return s
		}
		if s := subjectPhrase(history[i].Question); s != "" {
			return s
		}
	}
	q := prevQuestion(topicTurn(history))
	skip := text.TermSet(speaker)
	// The order the topic's question asked ("who first announced the
	// pier") is that question's: "how much aid was it supposed to bring
	// in?" after it asks for no first statement, and a follow-up that
	// does says so itself.
	from, to := orderSpan(q)
	var words []string
	toks := text.Tokens(q)
	tw := make([]string, len(toks))
	for i, tk := range toks {
		tw[i] = tk.Word
	}
	for i := 0; i < len(toks) && len(words) < contextTerms; i++ {
		tk := toks[i]
		if monthYearPrepositions[tk.Word] && shortYearAt(tw, i+1) {
			// "in oct 22" is October 2022, "oct 22" a day: the
			// preposition stays with its date (monthShortYear), the
			// three words one of the topic's.
			words = append(words, q[tk.Start:toks[i+2].End])
			i += 2
			continue
		}
		st := text.Terms(q[tk.Start:tk.End])
		if len(st) == 0 || whWord(tk.Word) || personPronouns[tk.Word] || demonstratives[tk.Word] || skip[st[0]] || text.IsAttributionVerb(tk.Word) ||
			(tk.Start >= from && tk.End <= to) {
			continue
		}
		words = append(words, q[tk.Start:tk.End])
	}
	return strings.Join(words, " ")
}

// orderSpan is the byte range of q's order phrase ("first", "the most
// recent"; see readOrder), or an empty range.
func orderSpan(q string) (from, to int) {
	toks := questionTokens(q)
	if _, phrase, _ := readOrder(q, toks, nil, make([]bool, len(toks))); phrase != "" {
		if i := strings.Index(q, phrase); i >= 0 {
			return i, i + len(phrase)
		}
	}
	return 0, 0
}

// subjectTurn is the latest turn whose question says something of its
// own, else the latest: "when was that?" or "source?" in between (no
// informative word, or one beside a word pointing back or a request for
// the source) says nothing of the topic, and its rewrite is a quotation,
// not a subject.
func subjectTurn(history []Turn) Turn {
	for i := len(history) - 1; i >= 0; i-- {
		q := withoutOpener(history[i].Question)
		_, demonstrative, content := referenceWords(text.Tokens(q))
		if content >= 2 || (content == 1 && !demonstrative && !sourceRe.MatchString(q)) {
			return history[i]
		}
	}
	return history[len(history)-1]
}

// countedRe finds what a question counts or lists: "the 3 phase
// proposal", "two sanctions packages", "what were the new measures".
var countedRe = regexp.MustCompile(`(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple)[ -]([a-z]{3,})\b|\bwhat (?:were|are) (?:the|its|their|his|her) (?:[a-z]+ )?([a-z]{3,}s)\b`)

// itemNoun is the noun "one" stands for in "the first one": what the
// topic's question counted or listed ("3 phase" → "phase"), singular; ""
// when it counted nothing.
func itemNoun(history []Turn) string {
	m := countedRe.FindStringSubmatch(topicTurn(history).Question)
	if m == nil {
		return ""
	}
	n := strings.ToLower(m[1] + m[2])
	if text.IsStopword(n) || questionWord(n) {
		return ""
	}
	if strings.HasSuffix(n, "ies") {
		return strings.TrimSuffix(n, "ies") + "y"
	}
	if strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") {
		return strings.TrimSuffix(n, "s")
	}
	return n
}

// topicTurn is the turn that opened the conversation's topic: the latest
// one asked in its own words (searched as asked, no rewrite) that says
// something of its own, else subjectTurn's.
func topicTurn(history []Turn) Turn {
	for i := len(history) - 1; i >= 0; i-- {
		t := history[i]
		if t.Standalone != "" && t.Standalone != t.Question {
			continue
		}
		q := withoutOpener(t.Question)
		toks := text.Tokens(q)
		pronoun, demonstrative, content := referenceWords(toks)
		if i > 0 && t.Standalone == "" && (pronoun || demonstrative || itemRef(q) != nil || ellipsisRe.MatchString(q)) {
			// A conversation rebuilt from messages keeps no rewrite: a
			// question pointing back did not open the topic.
			continue
		}
		if content >= 2 {
			return t
		}
	}
	return subjectTurn(history)
}

// subjectPhrase is what a question says it is about: the words after
// "about", "on", "regarding" … up to the end of the clause, unless they
// are only a pronoun.
func subjectPhrase(q string) string {
	for _, m := range subjectRe.FindAllStringSubmatch(q, -1) {
		s := m[1]
		if loc := clauseEndRe.FindStringIndex(s); loc != nil {
			s = s[:loc[0]]
		}
		s = strings.TrimSpace(s)
		f := strings.Fields(s)
		if len(f) == 0 || personPronouns[strings.ToLower(f[0])] || demonstratives[strings.ToLower(f[0])] ||
			dateRe.MatchString(f[0]) || unicode.IsDigit([]rune(f[0])[0]) {
			continue // "on it", "on September 13": not a subject
		}
		return s
	}
	return ""
}

// whatAboutRe: a follow-up that is only "what about <subject>?" ("how
// about", "and what about", "and <subject>?" is not: "and" alone opens
// too many questions).
var whatAboutRe = regexp.MustCompile(`(?i)^\s*(?:and\s+)?(?:what|how)\s+about\s+([^?,;:]+?)\s*[?.!]*\s*$`)

// maxSwapWords bounds the subject a "what about …" follow-up may name:
// longer, it is a question of its own ("what about brazil, was biden
// gonna call lula?" has a comma and is not swapped either).
const maxSwapWords = 6

// swappedSubject returns the previous question asked of the subject a
// "what about <subject>?" follow-up names, when that subject is new to the
// conversation (a word of it the conversation has not said) and the
// previous question says what it was about (subjectPhrase); "" otherwise.
func swappedSubject(q string, history []Turn) string {
	m := whatAboutRe.FindStringSubmatch(q)
	if m == nil {
		return ""
	}
	subject := strings.TrimSpace(m[1])
	toks := text.Tokens(subject)
	if len(toks) == 0 || len(toks) > maxSwapWords {
		return ""
	}
	known := text.TermSet(conversationText(history))
	fresh := false
	for _, tk := range toks {
		if personPronouns[tk.Word] || demonstratives[tk.Word] {
			return "" // "what about him?", "what about that one?"
		}
		for _, st := range text.Terms(subject[tk.Start:tk.End]) {
			fresh = fresh || !known[st]
		}
	}
	if !fresh {
		return ""
	}
	prev := prevQuestion(subjectTurn(history))
	old := subjectPhrase(prev)
	i := strings.Index(prev, old)
	if old == "" || i < 0 {
		return ""
	}
	return prev[:i] + subject + prev[i+len(old):]
}

// contextTerms bounds how many words a topic borrows from a question.
const contextTerms = 12

// aboutTopic is " about <topic>", or "" without one.
func aboutTopic(topic string) string {
	if topic == "" {
		return ""
	}
	return " about " + topic
}

// withTopic adds the conversation's topic to a follow-up that does not
// name it: a trailing "it"/"that" is replaced by it, else it is appended.
func withTopic(q, topic string) string {
	if topic == "" {
		return q
	}
	trimmed := strings.TrimRight(q, "?.! ")
	for _, d := range []string{" about it", " about that", " about this", " on it", " on that", " on this"} {
		if strings.HasSuffix(strings.ToLower(trimmed), d) {
			return trimmed[:len(trimmed)-len(d)] + aboutTopic(topic) + "?"
		}
	}
	return trimmed + ", about " + topic + "?"
}

// replacePronoun puts the speaker's name in place of the question's first
// personal pronoun ("his" → "Name's"); one person is the question's
// singular pronoun when it holds one beside a plural ("what topics did
// they cover w him": "him" is the person, "they" the others).
func replacePronoun(q, speaker string) string {
	toks := text.Tokens(q)
	singular := slices.ContainsFunc(toks, func(t text.Token) bool { return personPronouns[t.Word] && !pluralPronouns[t.Word] })
	for _, t := range toks {
		if !personPronouns[t.Word] || singular && pluralPronouns[t.Word] {
			continue
		}
		name := speaker
		if t.Word == "his" || t.Word == "their" || t.Word == "hers" || t.Word == "theirs" || (t.Word == "her" && possessiveHer(q, t.End)) {
			name += "’s"
		}
		return q[:t.Start] + name + q[t.End:]
	}
	return q
}

// possessiveHer guesses whether "her" at end is possessive ("her words")
// rather than an object ("told her"): a noun follows, not a preposition or
// the question's end.
func possessiveHer(q string, end int) bool {
	rest := strings.Fields(q[end:])
	if len(rest) == 0 {
		return false
	}
	w := strings.ToLower(strings.Trim(rest[0], "?.,!;:"))
	return w != "" && !text.IsStopword(w)
}

// turnDocs are the documents a turn's answer cited, by ID, URL and title
// (a conversation rebuilt from messages may know only the last two).
func turnDocs(t Turn) map[string]bool {
	if len(t.Citations) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, c := range t.Citations {
		for _, k := range []string{c.Doc, c.URL, c.Title} {
			if k != "" {
				out[k] = true
			}
		}
	}
	return out
}

// citedTitles are the titles of the documents a turn cited.
func citedTitles(t Turn) []string {
	var out []string
	for _, c := range t.Citations {
		if c.Title != "" {
			out = append(out, c.Title)
		}
	}
	return out
}

// counterpart is the other side of whom the previous answer quoted: a
// name the previous question or the quoted statements give that is not
// the previous speaker's or the side the question asked about, the most
// often named first.
func counterpart(t Turn, speaker string) string {
	q := t.Standalone
	if q == "" {
		q = t.Question
	}
	asked := map[string]bool{}
	for _, tk := range text.Tokens(speaker) {
		asked[tk.Word] = true
	}
	qNames := ownNames(q)
	if m := askedSpeakerRe.FindStringSubmatch(q); m != nil {
		for _, tk := range text.Tokens(m[1]) {
			asked[tk.Word] = true
		}
	} else if len(qNames) > 0 {
		// "What did Armenia say …": the first name is the side asked.
		for _, tk := range text.Tokens(qNames[0]) {
			asked[tk.Word] = true
		}
	}
	if n := pairedName(t, asked); n != "" {
		return n
	}
	count := map[string]int{}
	var order []string
	add := func(names []string, weight int) {
		for _, n := range names {
			k := strings.ToLower(n)
			if asked[k] || roleOrTime(k) {
				continue
			}
			if count[n] == 0 {
				order = append(order, n)
			}
			count[n] += weight
		}
	}
	add(qNames, 2)
	for _, s := range previousStatements(t) {
		add(ownNames("x "+s.Text), 1)
	}
	best := ""
	for _, n := range order {
		if best == "" || count[n] > count[best] {
			best = n
		}
	}
	return best
}

// pairRe finds two sides written together: "A and B", "A or B", "A with
// B", "between A and B", "A versus B", each side a run of capitalised
// words (with its titles and country, "Azerbaijani President Ilham Aliyev
// and Armenian Prime Minister Nikol Pashinyan", "Prime Minister Nikol
// Pashinyan of Armenia and President Ilham Aliyev").
var pairRe = regexp.MustCompile(`(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,5}(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})?)(?:['’]s)?,?\s+(?:and|or|with|versus|vs\.?|against)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,5})`)

// pairedName is the other side of a two-sided story: the name the
// previous answer's passages (or its question) write together with the
// side that was asked (asked: its words, lower case) — "Aliyev and
// Pashinyan", "Armenia and Azerbaijan". "" when none is.
func pairedName(t Turn, asked map[string]bool) string {
	if len(asked) == 0 {
		return ""
	}
	texts := []string{prevQuestion(t), t.Answer}
	for _, c := range t.Citations {
		texts = append(texts, c.Passage)
	}
	holds := func(run string) bool {
		for _, tk := range text.Tokens(run) {
			if asked[tk.Word] {
				return true
			}
		}
		return false
	}
	for _, tx := range texts {
		for _, m := range pairRe.FindAllStringSubmatch(tx, -1) {
			a, b := m[1], m[2]
			switch {
			case holds(a) && !holds(b):
			case holds(b) && !holds(a):
				a, b = b, a
			default:
				continue
			}
			if n := bareName(b); n != "" {
				return n
			}
			if f := strings.Fields(b); len(f) == 1 && !roleOrTime(strings.ToLower(f[0])) && !text.IsStopword(strings.ToLower(f[0])) {
				return f[0]
			}
		}
	}
	return ""
}

// pointedStatement is the statement a follow-up points to: the item it names, else
// the first; the zero Statement when there is none.
func pointedStatement(statements []Statement, item []string) Statement {
	switch {
	case len(statements) == 0:
		return Statement{}
	case item != nil:
		return statements[itemIndex(item[1], len(statements))]
	}
	return statements[0]
}

// itemIndex maps "first", "second", "last" … to a statement index.
func itemIndex(word string, n int) int {
	switch strings.ToLower(word) {
	case "second":
		return min(1, n-1)
	case "third":
		return min(2, n-1)
	case "last", "latter":
		return n - 1
	}
	return 0
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// answerFromSources answers "source?" (RefSource) from the previous
// answer's citations: each document it quoted, with the first statement
// quoted from it, verified against its passage. It reports false when the
// citations are not at hand, so that the record is searched instead.
func (p *Pipeline) answerFromSources(ans *Answer, history []Turn) bool {
	if len(history) == 0 {
		return false
	}
	var b strings.Builder
	var cites []Citation
	seen := map[string]bool{}
	for _, s := range previousStatements(history[len(history)-1]) {
		key := s.Cite.Doc + "\x00" + s.Cite.URL
		if !s.HasCite || seen[key] {
			continue
		}
		seen[key] = true
		c := s.Cite
		c.N = len(cites) + 1
		cites = append(cites, c)
		b.WriteString("\n- ")
		if c.Title != "" {
			b.WriteString(c.Title + " — ")
		}
		switch {
		case c.Outlet != "" && s.Speaker != "" && !strings.EqualFold(s.Speaker, c.Outlet):
			b.WriteString(c.Outlet + " (" + s.Date + ") — " + s.Speaker + ": ")
		case c.Outlet != "":
			b.WriteString(c.Outlet + " (" + s.Date + "): ")
		case s.Speaker != "":
			b.WriteString(s.Date + " — " + s.Speaker + ": ")
		}
		b.WriteString("“" + s.Text + "” [" + strconv.Itoa(c.N) + "]")
	}
	if len(cites) == 0 {
		return false
	}
	lead := "That answer quoted this document:"
	if len(cites) > 1 {
		lead = "That answer quoted these " + strconv.Itoa(len(cites)) + " documents:"
	}
	return p.answerVerified(ans, lead+b.String(), cites, true)
}

// otherSidePassages is how many passages of the quoted documents are read for
// the other side of the one quoted.
const otherSidePassages = 4

// withSidePassages is the conversation with its last turn's citations
// joined by the passages of the same documents that name the side quoted
// (its speaker), so that "the other side" is found where the record names
// both ("President Ilham Aliyev and Prime Minister Nikol Pashinyan" opens
// the statement whose later passage was quoted). nil when there is nothing
// to add.
func (p *Pipeline) withSidePassages(ctx context.Context, history []Turn) []Turn {
	if len(history) == 0 || p.Index == nil {
		return nil
	}
	last := history[len(history)-1]
	side := previousSpeaker(last, previousStatements(last))
	var docs []string
	for _, c := range last.Citations {
		if c.Doc != "" && !slices.Contains(docs, c.Doc) {
			docs = append(docs, c.Doc)
		}
	}
	if side == "" || len(docs) == 0 {
		return nil
	}
	hits, err := p.Index.Search(ctx, side, retrieval.SearchOptions{K: otherSidePassages, Docs: docs})
	if err != nil || len(hits) == 0 {
		return nil
	}
	more := last
	more.Citations = slices.Clone(last.Citations)
	for _, h := range hits {
		// N 0: no statement of the answer cites it; only its words are read.
		more.Citations = append(more.Citations, Citation{Doc: h.Chunk.DocID, Passage: h.Chunk.Text})
	}
	out := slices.Clone(history)
	out[len(out)-1] = more
	return out
}

// extractiveIn answers "what else did they talk about?", asked of an
// office's readout rather than a person, from the passages of the
// documents the conversation cited alone: what else was discussed is in
// the same readout, not in another document sharing the topic's words.
// The topic's words choose; what was quoted is left out (q.NewOnly). It
// reports false, leaving ans as it was, when they find no sentence.
func (p *Pipeline) extractiveIn(ans *Answer, q ExtractiveQuery, conv []retrieval.Hit) bool {
	return p.extractiveWithin(ans, q, conv)
}

// extractiveWithin answers from the passages conv alone, in one pass
// (not from the question's words alone first): it reports false, leaving
// ans as it was, when they give no extractive answer.
func (p *Pipeline) extractiveWithin(ans *Answer, q ExtractiveQuery, conv []retrieval.Hit) bool {
	q.ownFirst = false
	try := *ans
	try.Warnings = slices.Clone(ans.Warnings)
	p.extractive(&try, q, conv, "")
	if try.Mode != ModeExtractive {
		return false
	}
	*ans = try
	return true
}

// conversationAnswers is every answer of the conversation, the latest
// last.
func conversationAnswers(history []Turn) string {
	var b strings.Builder
	for _, t := range history {
		b.WriteString(t.Answer + "\n")
	}
	return b.String()
}

// figureBackRe: a question asking what a thing pointed back at was
// ("what was it", "what's that", "what was that number"), the words
// after "what" in group 1.
var figureBackRe = regexp.MustCompile(`(?i)\bwhat((?:\s+(?:is|was|were|are)|['’]s)\s+(?:it|that|this|that number|the number|that figure|the figure))\b`)

// otherTimeRe: a question placing what it asks at another time than the
// conversation's ("when biden took office", "before", "back then", "at
// the start").
var otherTimeRe = regexp.MustCompile(`(?i)\b(?:when|before|earlier|previously|originally|initially|at first|back then|at the (?:start|time|beginning|outset)|a year (?:ago|earlier|before)|last year)\b`)

// figureAskedBack rewrites a question asking what the figure the
// previous answer gave was at another time ("what was it when biden took
// office?", "what was that number before?") as asking for a figure in
// that figure's unit ("what percent was it when biden took office?");
// "" when the question is not such, or the previous answer's statements
// give no figure. The figure is the first its statements give, dates
// aside.
func figureAskedBack(q string, statements []Statement) string {
	m := figureBackRe.FindStringSubmatchIndex(q)
	if m == nil || answerTypeOf(q) != WantAny && answerTypeOf(q) != WantNumber {
		return ""
	}
	if !otherTimeRe.MatchString(q[m[1]:]) && periodOf(q).Phrase == "" {
		return ""
	}
	for _, s := range statements {
		undated := dateRe.ReplaceAllString(s.Text, "")
		if !holdsFigure(undated) {
			continue
		}
		unit := "what number"
		switch {
		case percentRe.MatchString(undated):
			unit = "what percent"
		case moneyRe.MatchString(undated):
			unit = "how much money"
		}
		return q[:m[0]] + unit + q[m[2]:]
	}
	return ""
}

// pointsAtPerson reports whether a question holds a personal pronoun
// ("he", "her", "they"), which means a person of the conversation.
func pointsAtPerson(q string) bool {
	return slices.ContainsFunc(text.Tokens(q), func(t text.Token) bool { return personPronouns[t.Word] })
}
