package answer

import (
	"iter"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/text"
)

// answerTypeOf reads from a question the kind of answer it wants (the
// constraint reader's; a question that quotes words wants them).
func answerTypeOf(q string) AnswerType {
	t := readWant(questionTokens(q))
	if t == WantAny && len(quotedInQuestion(q)) > 0 {
		return WantQuotation
	}
	return t
}

// absoluteDatePattern is a day of a month, with or without its ordinal
// ("June 12", "August 23rd": a third of the White House record's days are
// written the second way), or a year: of the last two centuries, or an
// earlier one after a preposition and before a mark ending the phrase
// ("In 1886, nearly 140 years ago, Pope Leo XIII …", "since 1776."), not
// a count ("a force of 1500 troops", "from 1800 to 950").
const absoluteDatePattern = `\b(?:` + text.MonthPattern + `) \d{1,2}(?:st|nd|rd|th)?\b|\b(?:19|20)\d\d\b|(?i:\b(?:in|since|of|from|until|by) 1[5-8]\d\d(?:[,.;:)]|$))`

var (
	// placeRe: where something happened ("took place at Blair House", "held
	// in Baku", "At Camp David, the leaders …"); a bare "in <Name>" is too
	// common to count.
	placeRe = regexp.MustCompile(`\b[Aa]t (?:the )?[A-Z][a-z]+|\b(?:took place|was held|were held|will be held|held|hosted|located|convened|gathered) (?:at|in) (?:the )?[A-Z]` +
		// Where someone or something went: "will travel to Rosemount",
		// "is headed to chilly Minnesota", "were removed to El Salvador".
		`|\b(?:travel|travels|traveled|travelled|traveling|travelling|trip|visit|visits|visited|head|heads|headed|heading|go|goes|going|went|fly|flies|flew|flown|sent|send|sends|removed|deported|transferred|returned|moved|arrive|arrives|arrived|bound) (?:back )?(?:to|for) (?:[a-z]+ )?(?:the )?[A-Z]`)
	// dateRe: a date of any kind a sentence may answer "when" with: a day
	// of a month, a weekday, a year or a relative day in any case ("Today,
	// I signed a pardon …" opens a statement as often as "… met today").
	dateRe = regexp.MustCompile(absoluteDatePattern + `|\b(?:` + text.WeekdayPattern + `)\b|(?i:\b(?:` + text.RelativeDayPattern + `|this week|last (?:week|month))\b)`)
	// namedYearRe: a year that ends a name ("the Trade Act of 1974", "the
	// Class of 2024"), after a capitalised word and "of" that are no
	// month or season (withoutNamedYears: "March of 2023", "the Summer
	// of 2023" are dates).
	namedYearRe = regexp.MustCompile(`\b[A-Z][\p{L}'’-]*\s+of\s+(?:19|20)\d\d\b`)
	// absoluteDateRe: a day of a month ("June 12", "August 23rd") or a
	// year, not a weekday or a relative day ("today"), which only a
	// statement's own date places.
	absoluteDateRe = regexp.MustCompile(absoluteDatePattern)
	// numberRe: figures and number words ("84,770", "three", "a dozen").
	// A number word joined to a unit ("six-week war") describes, it does
	// not count.
	numberRe = regexp.MustCompile(`\d|\b(?:` + text.CountingWordPattern + `|dozens|hundreds|thousands|millions|billions|percent)(?:[\s,.;:]|$)`)
)

// holdsFigure reports whether s (its dates already taken out) gives a
// figure: numberRe's number, but not a number that names rather than
// counts — one glued to letters ("G7", "COVID-19", "F-16", "5G", "19th")
// or after a label ("Section 301", "Title 42") — nor the pronoun "one"
// ("One would think", "one of them", "no one").
func holdsFigure(s string) bool {
	for range figures(strings.ToLower(s)) {
		return true
	}
	return false
}

// figures yields the byte offsets in the lower-cased text where a figure
// as holdsFigure reads one begins.
func figures(lower string) iter.Seq[int] {
	return func(yield func(int) bool) {
		var phones [][]int // read at the first digit, when a hyphen or a parenthesis may join one
		phonesRead := false
		for _, m := range numberRe.FindAllStringIndex(lower, -1) {
			i := m[0]
			if isDigit(lower[i]) && !phonesRead {
				phonesRead = true
				if strings.ContainsAny(lower, "-(") {
					phones = phoneRe.FindAllStringIndex(lower, -1)
				}
			}
			if slices.ContainsFunc(phones, func(p []int) bool { return p[0] <= i && i < p[1] }) {
				continue // "1-833-943-5746" is dialled, not counted
			}
			if isDigit(lower[i]) {
				if i > 0 && (isDigit(lower[i-1]) || i > 1 && (lower[i-1] == ',' || lower[i-1] == '.') && isDigit(lower[i-2])) {
					continue // within a number already read
				}
				if namingNumber(lower, i) {
					continue
				}
			} else if strings.HasPrefix(lower[i:], "one") && pronounOne(lower, i) {
				continue
			}
			if !yield(i) {
				return
			}
		}
	}
}

// numberLabelRe matches, at the end of the text before a number, a word
// that makes the number a name: "Section 301", "Title 42", "No. 5".
// A bill's number names it too: "H.R. 165", "S. 2938", "H.J.Res. 7",
// "P.L. 117-58", "Public Law 117-58" (both its numbers, as "Sections
// 301-302").
var numberLabelRe = regexp.MustCompile(`\b(?:section|title|article|chapter|resolution|order|no\.|part|phase|tier|stage|room|route|flight|highway|interstate)\s+$|\b(?:sections|articles|chapters|titles|parts|public\s+law)\s+(?:\d+[-–])?$|(?:^|[^.\w])(?:h\.\s*r|h\.\s*res|[hs]\.\s*j\.\s*res|[hs]\.\s*con\.\s*res|s\.\s*res|s|p\.\s*l|pub\.\s*l)\.\s*(?:\d+[-–])?$`)

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// labelledNumbers returns an expression matching the numbers passage
// gives after a label ("Section 301", "Title 42") as whole words
// anywhere, so that its sentences that name them bare ("previous rounds
// on 301") are read as naming, not counting; cached per passage in
// cache. It matches nothing when the passage labels no number.
func labelledNumbers(passage string, cache map[string]*regexp.Regexp) *regexp.Regexp {
	if re, ok := cache[passage]; ok {
		return re
	}
	var alts []string
	seen := map[string]bool{}
	for _, m := range labelNumberRe.FindAllStringSubmatch(passage, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			alts = append(alts, regexp.QuoteMeta(m[1]))
		}
	}
	re := matchNothing
	if len(alts) > 0 {
		re = regexp.MustCompile(`(?:^|[^\d.,])(?:` + strings.Join(alts, "|") + `)(?:$|[^\d])`)
	}
	cache[passage] = re
	return re
}

// matchNothing matches no text.
var matchNothing = regexp.MustCompile(`[^\s\S]`)

// labelNumberRe finds a label and the number it names.
var labelNumberRe = regexp.MustCompile(`(?i)\b(?:section|title|article|chapter|resolution|order|part|phase|tier)\s+(\d[\d.]*\d|\d)\b`)

// namingNumber reports whether the number starting at i of the
// lower-cased s names rather than counts.
func namingNumber(lower string, i int) bool {
	j := i
	for j < len(lower) && (isDigit(lower[j]) || lower[j] == ',' || lower[j] == '.') {
		j++
	}
	for j > i && (lower[j-1] == ',' || lower[j-1] == '.') {
		j-- // the sentence's punctuation
	}
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(lower[:i])
		if unicode.IsLetter(prev) {
			return true // "g7", "h1b"
		}
		if prev == '(' && i > 1 && lower[i-2] == ')' {
			return true // the "(3)" of "501(c)(3)"
		}
		if prev == '-' && i > 1 {
			before, _ := utf8.DecodeLastRuneInString(lower[:i-1])
			if unicode.IsLetter(before) {
				return true // "covid-19", "f-16"
			}
		}
	}
	if j < len(lower) {
		next, _ := utf8.DecodeRuneInString(lower[j:])
		if unicode.IsLetter(next) && !magnitude(lower, i, j) {
			return true // "5g", "19th"
		}
		if subsectionRe.MatchString(lower[j:]) {
			return true // "401(k)", "501(c)(3)"
		}
	}
	return numberLabelRe.MatchString(lower[max(0, i-20):i])
}

// magnitudeRe: a magnitude written after a number ("50k", "5bn", "$125m"),
// ending the word.
var magnitudeRe = regexp.MustCompile(`^(?:k|bn|mn|tn|m|b|t)(?:$|[^\p{L}\d])`)

// phoneRe: a telephone number, North American ("1-833-943-5746",
// "(202) 456-1111"), or a toll-free one spelt with letters
// ("1-833-TLC-MAMA", "1-800-621-FEMA", "1-866-3-HUNGRY"): its digits
// name a line, they count nothing.
var phoneRe = regexp.MustCompile(`(?:\b1[-.\s])?(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.]\d{4}\b|\b1-8\d\d-[a-z0-9-]*[a-z][a-z0-9-]*`)

// subsectionRe: a lettered subsection glued to a number names a law's
// part ("401(k)", "501(c)(3)").
var subsectionRe = regexp.MustCompile(`^\([a-z]{1,2}\)`)

// magnitude reports whether the letters after the number at lower[i:j]
// are its magnitude: "50k", "5bn" counts; "$125m", "$2b", "usd 125m",
// "125m dollars" count with their currency only ("3m" may be a company,
// "5g" a network).
func magnitude(lower string, i, j int) bool {
	m := magnitudeRe.FindString(lower[j:])
	if m == "" {
		return false
	}
	unit := strings.TrimRightFunc(m, func(r rune) bool { return !unicode.IsLetter(r) })
	switch unit {
	case "k", "bn", "mn", "tn":
		return true
	}
	before := strings.TrimRight(lower[:i], " ")
	return strings.HasSuffix(before, "$") || strings.HasSuffix(before, "€") || strings.HasSuffix(before, "£") ||
		strings.HasSuffix(before, "usd") || currencyAfterRe.MatchString(lower[j+len(unit):])
}

// currencyAfterRe: a currency named after an amount ("125m dollars").
var currencyAfterRe = regexp.MustCompile(`^\s+(?:dollars|euros|pounds)\b`)

// pronounOneRe matches what makes "one" a pronoun: before it ("no one",
// "the one", "this one") or after it ("one of", "one another").
var (
	pronounOneBeforeRe = regexp.MustCompile(`\b(?:no|any|every|each|the|this|that|which|someone|anyone|everyone|last|next|only|first)\s+$`)
	pronounOneAfterRe  = regexp.MustCompile(`^one(?:\s+(?:of|another|would|could|should|might|must|can|may|will|who|that|thing|way|day|side|hand|more|another|time|last)\b|['’]s)`)
)

// pronounOne reports whether "one" at i of the lower-cased s is a
// pronoun or an idiom, not a count: it opens the sentence ("One would
// think"), or pronounOne*Re match around it.
func pronounOne(lower string, i int) bool {
	if strings.TrimSpace(lower[:i]) == "" {
		return true
	}
	return pronounOneBeforeRe.MatchString(lower[max(0, i-12):i]) || pronounOneAfterRe.MatchString(lower[i:])
}

// seasonWords name a part of a year, which "of" and a year date.
var seasonWords = map[string]bool{"spring": true, "summer": true, "fall": true, "autumn": true, "winter": true,
	"end": true, "beginning": true, "start": true, "middle": true, "half": true}

// withoutNamedYears is s without the years that end a name (namedYearRe):
// "section 122 of the Trade Act of 1974" says nothing of when.
func withoutNamedYears(s string) string {
	return namedYearRe.ReplaceAllStringFunc(s, func(m string) string {
		first, _, _ := strings.Cut(m, " ")
		if w := strings.ToLower(first); isMonth(w) || seasonWords[w] {
			return m // "March of 2023", "the Summer of 2023", "the End of 2022": dates
		}
		return first
	})
}

// routeRe: a route between two names ("to transport Nestlé infant
// formula from Germany to Fort Worth, Texas"), which says where something
// went whatever verb moved it.
var routeRe = regexp.MustCompile(`\b[Ff]rom (?:the )?([A-Z][\p{L}.’'-]*(?: [A-Z][\p{L}.’'-]*)*) to (?:the )?([A-Z][\p{L}.’'-]*(?:,? [A-Z][\p{L}.’'-]*)*)`)

// routeNamesPlace reports whether s holds a route (routeRe) one end of
// which ends in a place the record's gazetteer knows ("Germany", "Fort
// Worth, Texas"): "from January to March" and "from Biden to Trump" are
// no routes, nor is "a letter from Ukrainian President Zelenskyy to
// Congress", whose demonym opens a person's name.
func routeNamesPlace(s string) bool {
	endsInPlace := func(end string) bool {
		words := strings.Fields(end)
		return len(text.PlacesAsked(words[len(words)-1])) > 0
	}
	for _, m := range routeRe.FindAllStringSubmatch(s, -1) {
		if endsInPlace(m[1]) || endsInPlace(m[2]) {
			return true
		}
	}
	return false
}

// fitsType reports whether a sentence holds the kind of answer asked for:
// a date for "when", a figure for "how many", a named speaker or person
// for "who", a place for "where", a named speaker's own words (or the
// question's quoted words) for a quotation. quoted is whether it holds the
// words the question quotes; speaker is who speaks it ("" when unknown) and
// sure whether the sentence is that speaker's own words; names whether it
// names one of its document's speakers.
func fitsType(t AnswerType, sentence string, quoted bool, speaker string, sure, names bool) bool {
	switch t {
	case WantDate:
		return dateRe.MatchString(withoutNamedYears(sentence))
	case WantNumber:
		// A year or a day of the month is a date, not the figure asked for.
		return numberRe.MatchString(strings.ToLower(dateRe.ReplaceAllString(sentence, "")))
	case WantPerson:
		return quoted || (speaker != "" && sure) || names
	case WantPlace:
		return placeRe.MatchString(sentence) || routeNamesPlace(sentence)
	case WantQuotation:
		return quoted || (speaker != "" && sure)
	}
	return false
}

// side is one side of a comparison question: a period (a year, a month
// or a day) or a speaker, with the label the trace shows.
type side struct {
	label string
	// since and until bound a period side's documents (both zero for a
	// speaker side).
	since, until time.Time
	terms        []string // a speaker side: the index terms of the name
	// filter is a speaker side's search filter (Person.Filter) when the
	// record's people resolved it, else "" and the label serves.
	filter string
	// end is where a period side's own period ends, before the days after
	// it that until reaches (reportLag).
	end time.Time
	// clause is the part of the question that is this period side's own
	// when the question gives each side words of its own ("kamala's
	// student loan relief announcement in july 2023 vs the medical debt
	// she said they'd already forgiven by july 2024"; sideClauses), ""
	// when the sides share the question's words ("the feb 2022 jobs
	// report vs the oct 2022 one").
	clause string
	// topic: a subject side ("iwo jima" of "iwo jima vs okinawa"), whose
	// terms a sentence, its passage or its document's title holds
	// (aboutSide); neither a period nor a speaker. places are the
	// countries and US states its words name. own are, when the two
	// sides share words, its terms the other lacks, its informative ones
	// if it has any ("2030" of "the old 2030 climate target vs the new
	// 2035 one", not "old"): a sentence holds the side only with one.
	// most, with own, are its informative terms when it has two or more
	// ("2030 climate target", not "old"): heldBy needs more than half of
	// them (of terms, when nil).
	topic  bool
	places []string
	own    []string
	most   []string
}

// dated reports whether the side is a period.
func (sd side) dated() bool { return !sd.since.IsZero() }

// holds reports whether a document of day t belongs to a period side.
func (sd side) holds(t time.Time) bool {
	return !t.IsZero() && !t.Before(sd.since) && !t.After(sd.until)
}

// The words by which a question compares, in three parts: those that
// compare periods only (a change is over time), those that compare either
// periods or speakers, and "between … and", which compares speakers
// ("the difference between kirby and price") but of two dates bounds one
// period ("how many migrants came between 2022 and fall 2024" asks one
// figure over the range, not one for each year).
const (
	periodsCue = `chang(?:e|ed|es|ing)|evolv(?:e|ed|ing)|shift(?:ed)?|from (?:19|20)\d\d to`
	sharedCue  = `compar(?:e|ed|es|ing|ison)|differ(?:ed|s|ent|ence)?|versus|vs\.?|the same\b|what\b.{1,60}\bcalled\b|both|each (?:say|said|call|called|describe|put)|(?:like|as)\b.{1,60}\b(?:did|does|had|has)\b`
	betweenCue = `between\b.*\band\b`
)

// comparisonCueRe: words by which a question compares two periods or two
// speakers.
var comparisonCueRe = regexp.MustCompile(`(?i)\b(?:` + periodsCue + `|` + sharedCue + `|` + betweenCue + `)`)

// periodsCueRe: the words of comparisonCueRe by which a question compares
// two periods it names.
var periodsCueRe = regexp.MustCompile(`(?i)\b(?:` + periodsCue + `|` + sharedCue + `)`)

// speakersCueRe: the words of comparisonCueRe by which a question compares
// two speakers; a change ("whether biden changed taiwan policy", asked of
// Sullivan's words) compares periods, not the people it names.
var speakersCueRe = regexp.MustCompile(`(?i)\b(?:` + sharedCue + `|` + betweenCue + `)`)

// speakingNameRe finds capitalised names of one to three words followed
// by a verb of saying ("did Kirby call it what Blinken called it"): the
// people a question compares.
var speakingNameRe = regexp.MustCompile(`\b([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})\s+(?:call|calls|called|say|says|said|describe|describes|described|term|termed|name|named|put|puts|characteri[sz]e|characteri[sz]ed)\b`)

// comparisonSides returns the two (or more) sides a comparison question
// asks about, or nil when the question compares nothing: two periods
// ("how did X change between 2022 and 2024", "the feb 2022 jobs report vs
// the oct 2022 one") or two named speakers ("did A call it what B called
// it"). named are the record's people the question names (Constraints.
// Named): they are the sides when it compares exactly two of them and
// does not name them with capitals ("what did kirby and jean-pierre each
// say about …"). Failing both, two subjects set side by side ("iwo jima
// vs okinawa": topicSides).
func comparisonSides(q string, named []*Person, end time.Time) []side {
	if !comparisonCueRe.MatchString(q) {
		return nil
	}
	if periodsCueRe.MatchString(q) {
		if sides := periodSides(q, named, end); len(sides) >= 2 {
			return sides
		}
	}
	if !speakersCueRe.MatchString(q) {
		return nil
	}
	var sides []side
	seen := map[string]bool{}
	for _, m := range speakingNameRe.FindAllStringSubmatchIndex(q, -1) {
		name := q[m[2]:m[3]]
		if m[2] == 0 {
			// The question's first word is capitalised anyway ("Did").
			_, rest, ok := strings.Cut(name, " ")
			if !ok {
				continue
			}
			name = strings.TrimSpace(rest)
		}
		terms := surnameTerms(name)
		if len(terms) == 0 || monthOrDay(name) {
			continue
		}
		key := strings.Join(terms, " ")
		if seen[key] {
			continue
		}
		seen[key] = true
		sides = append(sides, side{label: name, terms: terms})
	}
	if len(sides) == 2 {
		return sides
	}
	if len(named) == 2 && named[0].Name != named[1].Name {
		sides = sides[:0]
		for _, p := range named {
			sides = append(sides, side{label: p.Name, terms: surnameTerms(p.Name), filter: p.Filter})
		}
		return sides
	}
	return topicSides(q, end)
}

// periodSides are the distinct periods a question names, in order: a
// month or a day ("feb 2022", "13 September 2022"), or a year not part of
// one. A month's or a day's side reaches reportLag days past it, as a
// figure asked for it does: a month is compared through the statements
// that report on it, published after it ("the February jobs report" of
// March 4). A year that names a target (targetYear) is no side: "the old
// 2030 climate target vs the new 2035 one" compares two targets, not
// what was said in two years.
func periodSides(q string, named []*Person, end time.Time) []side {
	toks := questionTokens(q)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.w
	}
	var sides []side
	var spans [][2]int // where each side's label stands in q
	add := func(sd side, from, to int) {
		for _, o := range sides {
			if o.since.Equal(sd.since) && o.until.Equal(sd.until) {
				return
			}
		}
		sides = append(sides, sd)
		spans = append(spans, [2]int{from, to})
	}
	for i := 0; i < len(toks); i++ {
		if startsDate(toks, i) || (partWords[words[i]] && i+1 < len(toks) && startsDate(toks, i+1)) {
			s, ok := sideDate(words, i)
			if !ok && s.Next > i && len(sides) > 0 && sides[len(sides)-1].dated() {
				s, ok = afterSide(words, i, sides[len(sides)-1])
			}
			if ok && s.Dated && s.Next > i {
				from, to := toks[i].start, toks[s.Next-1].end
				add(side{label: q[from:to], since: s.Since, until: s.Until.AddDate(0, 0, reportLag), end: s.Until}, from, to)
				i = s.Next - 1
				continue
			}
		}
		if y, ok := yearOf(words[i]); ok && !targetYear(words, i, y, end) {
			add(side{label: words[i], since: dayOf(y, 1, 1), until: dayOf(y, 12, 31), end: dayOf(y, 12, 31)}, toks[i].start, toks[i].end)
		}
	}
	sideClauses(q, sides, spans, named)
	return unlagged(sides)
}

// targetYear reports whether the year y at words[i] names what a thing
// is for rather than when something was said: a year after the record's
// end (afterRecord) that a subject's word follows ("the 2035 climate
// target", "the new 2035 one"). Standing alone ("in 2024 vs 2027") it is
// a period, of which the record holds nothing to say so.
func targetYear(words []string, i, y int, end time.Time) bool {
	return afterRecord(y, end) && i+1 < len(words) && topicWord(words[i+1], end)
}

// sideCueRes find the word that parts two period sides' clauses: "vs",
// "versus", "compared to/with" (the first of them); failing those,
// "while", "whereas", "and", "or", which also join words within a clause
// ("for cars and trucks, and the fare in 2032": joiningCue chooses). Not
// "against", which is more often a word of the clause ("the sanctions in
// 2022 against russia vs …").
var sideCueRes = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?:vs\b\.?|versus\b|compared (?:to|with)\b)`),
	regexp.MustCompile(`(?i)\b(?:while|whereas|and|or)\b`),
}

// minClauseWords is how many words of its own (clauseOwn, no name of a
// person the question names) each side's clause needs to be read as the
// side's own: with fewer, the clause shares its subject with the other
// ("the toll relief announced in july 2031 vs the toll relief delivered
// by august 2031", one word, "delivered", of its own; "… compared with
// what jean-pierre said in june 2023", none), and searched alone it
// would lose it. A side's sentence holding as many of them (or all, when
// its clause has fewer) is about the side.
const minClauseWords = 2

// sideClauses sets the clause of each of two period sides (spans: where
// their labels stand in q) when the question gives each its own words:
// between the first label and the second stand a cue (sideCueRes) and
// then at least minClauseWords words of the second side's own, the
// words before the first label hold as many the second clause lacks,
// and the second clause names its subject (not elliptical).
// The first side's clause is the question up to the cue, with what
// follows the second label (shared by both: "— which was more money?");
// the second's, the question from the cue on. "How many places were in
// the collaborative in feb 2022 vs how many cities were at the office's
// convening in may 2024" gives each side its clause; "the feb 2022 jobs
// report vs the oct 2022 one", "between 2022 and 2024", "in march 2023
// vs jan 2025, where was the meeting" give none. named are the people
// the question names, whose names are no clause's own words.
func sideClauses(q string, sides []side, spans [][2]int, named []*Person) {
	if len(sides) != 2 || spans[0][1] > spans[1][0] {
		return
	}
	gap := q[spans[0][1]:spans[1][0]]
	cue := sideCueRes[0].FindStringIndex(gap)
	if cue == nil {
		cue = joiningCue(gap, sideCueRes[1].FindAllStringIndex(gap, -1))
	}
	if cue == nil {
		return
	}
	cueFrom, cueTo := spans[0][1]+cue[0], spans[0][1]+cue[1]
	first := strings.TrimSpace(strings.TrimSpace(q[:cueFrom]) + " " + strings.TrimSpace(q[spans[1][1]:]))
	second := strings.TrimSpace(q[cueTo:])
	names := nameTerms(map[string]bool{}, named...)
	if len(clauseOwn(q[:spans[0][0]], second, names)) < minClauseWords || len(clauseOwn(gap[cue[1]:], first, names)) < minClauseWords ||
		elliptical(second) {
		return
	}
	sides[0].clause, sides[1].clause = first, second
}

// joiningCue is, of the "and"/"or" matches of a gap between two dates,
// the one that joins two clauses: the last one after a comma or before a
// wh-word or an article ("…, and the fare in 2032", "and how many ferries
// …"), else the last one ("the ferry fares that brackenwick and quillton
// charged" keeps its "and"); nil when there is none.
func joiningCue(gap string, all [][]int) []int {
	var cue []int
	for _, m := range all {
		before := strings.TrimSpace(gap[:m[0]])
		next, _, _ := strings.Cut(strings.TrimSpace(gap[m[1]:]), " ")
		next = strings.ToLower(next)
		if strings.HasSuffix(before, ",") || askingOpeners[next] || articles[next] {
			cue = m
		}
	}
	if cue == nil && len(all) > 0 {
		cue = all[len(all)-1]
	}
	return cue
}

// elliptical reports whether a second clause leaves its subject to the
// first: after its wh-words it goes on with a pronoun ("how many it
// turned away in 2032"), with a form of "be" after "how many"/"how much"
// ("how many were stopped in may 2032"), or with an auxiliary and a
// pronoun ("how many did they turn away"); not "how many ferries crossed
// …", "what was the ferry fare …", "what did ned example say …".
func elliptical(clause string) bool {
	toks := questionTokens(clause)
	i := 0
	for i < len(toks) && (askingOpeners[toks[i].w] || toks[i].w == "many" || toks[i].w == "much") {
		i++
	}
	if i == 0 || i == len(toks) {
		return false
	}
	w := toks[i].w
	switch {
	case personPronouns[w] || demonstratives[w]:
		return true
	case copulas[w] && (toks[i-1].w == "many" || toks[i-1].w == "much"):
		return true
	case yesNoOpeners[w] && i+1 < len(toks):
		return personPronouns[toks[i+1].w] || demonstratives[toks[i+1].w]
	}
	return false
}

// clauseOwn are the terms of part that the other clause lacks: no
// function word, verb of asking or saying, date, number, word of time or
// part of a period ("late"), nor any of names.
func clauseOwn(part, other string, names map[string]bool) map[string]bool {
	not := text.TermSet(other)
	own := map[string]bool{}
	for _, tk := range questionTokens(part) {
		if text.IsStopword(tk.w) || text.IsAskVerb(tk.w) || isMonth(tk.w) || isNumber(tk.w) || timeWords[tk.w] || partWords[tk.w] {
			continue
		}
		if t := text.Stem(tk.w); !not[t] && !names[t] {
			own[t] = true
		}
	}
	return own
}

// ownTerms are the terms of the side's clause that the other sides'
// clauses lack (clauseOwn), but for names (the name terms of the people
// the question names); nil when the side has no clause.
func (sd side) ownTerms(sides []side, names map[string]bool) map[string]bool {
	if sd.clause == "" {
		return nil
	}
	var others []string
	for _, o := range sides {
		if o.clause != sd.clause {
			others = append(others, o.clause)
		}
	}
	return clauseOwn(sd.clause, strings.Join(others, " "), names)
}

// unlagged ends a day's side's reportLag where a later side begins: a
// statement made on or after a later side's day belongs to that side, not
// to the earlier day it follows within the lag ("on August 22 and on
// August 30": an August 31 briefing speaks for the 30th). A month keeps
// its lag (the February jobs report of March 4 is February's, compared
// with March's), and so does a side holding another without the lag.
func unlagged(sides []side) []side {
	for i := range sides {
		end := sides[i].until.AddDate(0, 0, -reportLag)
		if !end.Equal(sides[i].since) {
			continue // not a day
		}
		for _, o := range sides {
			if o.since.After(sides[i].since) && o.since.After(end) && !o.since.After(sides[i].until) {
				sides[i].until = o.since.AddDate(0, 0, -1)
			}
		}
	}
	return sides
}

// monthOrDay reports a capitalised word that names a month or a weekday.
func monthOrDay(s string) bool {
	return dateRe.MatchString(s) && !strings.ContainsAny(s, "0123456789")
}

// figure is what a question that asks for a figure says about it: its
// unit ("what percent", "how much did it cost") and the words of what it
// counts ("how many Russian peacekeepers").
type figure struct {
	unit    figureUnit
	counted []string // index terms; nil when the question does not say
	// exact: the question asks for the figure exactly ("exactly how
	// many", "the exact number"): a round plural ("dozens of
	// companies"), a rough multiple ("several dozen") or a share ("more
	// than 90% of the volume") gives none (inexactRe).
	exact bool
	// tally: the figure is a vote's count (tallyRe).
	tally bool
}

// figureUnit is the unit a figure asked for is given in.
type figureUnit int

const (
	anyUnit figureUnit = iota
	percentUnit
	moneyUnit
	// durationUnit: "how long is the pause supposed to last" wants a
	// span of time ("within 180 days", "a 90-day pause", "for two
	// years"), not the "10 percent" the question itself names.
	durationUnit
)

// givenBy reports whether a sentence gives a figure in the unit: a span
// of time, a percentage or an amount of money; any sentence for anyUnit.
// undated is the sentence without its dates (and whatever else the
// caller leaves out), where a percentage or an amount is read; a span's
// end is a date ("until March 2025"), so a span is read in the sentence.
func (u figureUnit) givenBy(sentence, undated string) bool {
	switch u {
	case durationUnit:
		return durationRe.MatchString(sentence)
	case percentUnit:
		return percentRe.MatchString(undated)
	case moneyUnit:
		return moneyRe.MatchString(undated)
	}
	return true
}

// askedUnit reads the unit of the figure a question asks for. A
// percentage or an amount the question gives ("the 10 percent duty")
// is no unit it asks for.
func askedUnit(q string) figureUnit {
	switch {
	case durationAskRe.MatchString(q) && !howLongAgoRe.MatchString(q):
		return durationUnit
	case asksPercent(q):
		return percentUnit
	case moneyAskRe.MatchString(q):
		return moneyUnit
	}
	return anyUnit
}

// asksPercent reports whether a percentAskRe word of q is not a figure's
// own unit ("10 percent").
func asksPercent(q string) bool {
	for _, m := range percentAskRe.FindAllStringIndex(q, -1) {
		before := strings.TrimRight(q[:m[0]], " -")
		if before == "" || !isDigit(before[len(before)-1]) {
			return true
		}
	}
	return false
}

var (
	// percentAskRe: a question about a share or a rate wants a percentage.
	percentAskRe = regexp.MustCompile(`(?i)\b(?:percent|percentage|per cent|share|proportion|rate)\b`)
	// moneyAskRe: "how much … cost/spend/pay …" wants an amount of money,
	// as "what dollar amount" and chat's "what $" (withMoneySigns) do.
	moneyAskRe = regexp.MustCompile(`(?i)\bhow much\b.*\b(?:cost|costs|spend|spent|pay|paid|price|worth|money|fund|funded|funding|budget|dollars|invest|invested)\b|\bamount of money\b|\bdollar amount\b|\b(?:what|which|how much|how many) \$+(?:[\s?!.,]|$)`)
	// durationAskRe: "how long" asks for a span of time; "how long ago"
	// (howLongAgoRe) for a date.
	durationAskRe = regexp.MustCompile(`(?i)\bhow long\b`)
	howLongAgoRe  = regexp.MustCompile(`(?i)\bhow long ago\b`)
	// durationRe: a span of time, "180 days", "a 90-day pause", "two
	// more years", "several months"; or its end, "until March", "through
	// 2026".
	durationRe = regexp.MustCompile(`(?i)(?:\b\d[\d,.]*|\b(?:a|an|several|few|many|` + text.CountingWordPattern + `))[\s-]+(?:(?:more|additional|full|calendar|business)\s+)?(?:` + timeUnitPattern + `)\b|\b(?:until|through|till)\s+(?:` + text.MonthPattern + `|(?:19|20)\d\d)\b`)
	percentRe  = regexp.MustCompile(`(?i)%|\bper ?cent\b|\bpercentage points?\b`)
	moneyRe    = regexp.MustCompile(`(?i)[$€£]\s?\d|\b\d[\d,.]*\s?(?:thousand |million |billion |trillion )?(?:dollars|euros|pounds)\b|\b(?:million|billion|trillion) (?:dollars|euros)\b`)
)

// reasonRe finds the words by which a sentence gives a reason
// ("because", "due to the …", "in order to", "out of an abundance of
// caution", "for three reasons", "that's why"): the kind of answer a
// "why" question asks for. Not "following the …" (a time as often), "so
// that's", "due to be released", "given that we have no update" (the
// review of session 41 found each opening a "why" answer).
var reasonRe = regexp.MustCompile(`(?i)\b(?:because|due to (?:the|a|an|his|her|their|its|this|that|these|those)\b|owing to|as a result of|out of (?:an )?abundance of caution|in order to|so as to|so that\s|for (?:two|three|four|several|many|a number of) reasons|(?:that|this) ?(?:'s|’s| is) why|the reasons? (?:is|was|are|were|for|why|that)\b)`)

// asksWhy reports whether the question asks why (readWant's "why": not
// "why and when", nor with a question of its own after a break).
func asksWhy(toks []qtok) bool {
	for i, t := range toks {
		if t.w == "why" {
			return whyAlone(toks, i) && questionBreak(toks, i+1) <= 0
		}
	}
	return false
}

// whyAlone reports whether the "why" at i asks a reason alone, not with
// another question word ("why and when did …", "why or how").
func whyAlone(toks []qtok, i int) bool {
	return !(i+2 < len(toks) && (toks[i+1].w == "and" || toks[i+1].w == "or") && whWords[toks[i+2].w])
}

// statedFigureRe finds a figure written with digits, with its currency
// sign and scale ("$75,000", "75k", "1.4 million"): the figures a
// question states itself (statedFigures) and their match in a sentence.
var statedFigureRe = regexp.MustCompile(`(?i)(?:[$€£]\s?)?\b(\d[\d,]*(?:\.\d+)?)(?:\s?(` + strings.Join(slices.Sorted(maps.Keys(magnitudeValues)), "|") + `|thousand|million|billion|trillion)\b)?`)

// magnitudeValues are the values of the magnitudes written as letters
// after a number (magnitude: "50k", "5bn", "$125m"); a magnitude written
// as a word ("million") has text.NumberValue's.
var magnitudeValues = map[string]float64{"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}

// statedValue is the value of a statedFigureRe match's groups.
func statedValue(digits, scale string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
	if err != nil {
		return 0, false
	}
	scale = strings.ToLower(scale)
	if f, ok := magnitudeValues[scale]; ok {
		return v * f, true
	}
	if f, ok := text.NumberValue(scale); ok {
		return v * f, true
	}
	return v, true
}

// statedFigures are the values of the figures a question writes with
// digits ("a family of four making 75k": 75,000), nil when none: a figure
// the question states is what it asks about, not the figure it asks for.
// A figure offered as the answer ("how much was the plan, 1.9
// trillion?", "was it 3,000 troops", "$3,600 or $3,000") is not stated:
// the sentence giving it answers.
func statedFigures(q string) map[float64]bool {
	var out map[float64]bool
	q = dateRe.ReplaceAllString(q, "")
	for _, ix := range statedFigureRe.FindAllStringSubmatchIndex(q, -1) {
		if guessed(q[:ix[0]], q[ix[1]:]) {
			continue
		}
		var scale string
		if ix[4] >= 0 {
			scale = q[ix[4]:ix[5]]
		}
		if v, ok := statedValue(q[ix[2]:ix[3]], scale); ok {
			if out == nil {
				out = map[float64]bool{}
			}
			out[v] = true
		}
	}
	return out
}

// guessed reports whether a figure between before and after is offered
// as the answer: after "was it"/"is it"; ending the question after a
// comma or a word that offers one ("…, 1.9 trillion?", "like 300?",
// "around 75k"); or before "or" and another figure ("$3,600 or $3,000").
// A figure describing what is asked is stated ("65 or older", "making
// 75k or more", "a 1.9 trillion plan, how much …").
func guessed(before, after string) bool {
	before = strings.TrimSpace(before)
	after = strings.TrimSpace(after)
	if orFigureRe.MatchString(after) {
		return true
	}
	words := strings.Fields(strings.ToLower(before))
	last := ""
	if len(words) > 0 {
		last = strings.Trim(words[len(words)-1], "?!.;:")
	}
	if last == "it" {
		return true
	}
	ends := strings.Trim(after, "?!.…) ") == ""
	return ends && (strings.HasSuffix(before, ",") || last == "or" || guessWords[last])
}

// orFigureRe: "or" and another figure after a figure.
var orFigureRe = regexp.MustCompile(`(?i)^or\s+(?:[$€£]\s?)?\d`)

// guessWords offer a figure as the answer before it.
var guessWords = map[string]bool{"like": true, "maybe": true, "around": true, "roughly": true, "approximately": true, "about": true}

// withoutStated is sentence without the figures whose values are stated
// (statedFigures): what is left holds the figure asked for, if any.
// "Here's what the plan means for a family of four – with parents making
// $75,000 a year" gives no figure to "family of four making 75k, how much
// in direct payments".
func withoutStated(sentence string, stated map[float64]bool) string {
	if len(stated) == 0 {
		return sentence
	}
	return statedFigureRe.ReplaceAllStringFunc(sentence, func(m string) string {
		g := statedFigureRe.FindStringSubmatch(m)
		if v, ok := statedValue(g[1], g[2]); ok && stated[v] {
			return ""
		}
		return m
	})
}

// countedStops end what a "how many …" question counts: an auxiliary,
// a preposition or a verb's particle.
var countedStops = map[string]bool{"in": true, "of": true, "from": true, "at": true, "by": true, "to": true,
	"on": true, "for": true, "during": true, "since": true, "after": true, "before": true, "under": true,
	"over": true, "that": true, "did": true, "does": true, "do": true, "were": true, "was": true, "are": true,
	"is": true, "have": true, "has": true, "had": true, "will": true, "would": true, "could": true, "can": true}

// endsCounted reports whether w ends what a "how many" question counts:
// countedStops, or any other preposition but a particle that may belong
// to the noun ("how many days into the administration" counts days, and
// a sentence giving "100 million doses our administration has
// administered" counts none of them: dock d20). Only the counting reads
// it: "about the summit with xi" keeps its topic's head (a review found
// the head "summit" lost, and the answer with it, when countedStops
// itself held "with").
func endsCounted(w string) bool {
	return countedStops[w] || text.IsPreposition(w) && !countedParticles[w]
}

// countedParticles are the prepositions that may stand in a counted
// noun's phrase ("how many sign up", "how many past presidents").
var countedParticles = map[string]bool{"up": true, "down": true, "out": true, "off": true, "past": true, "near": true,
	"like": true, "as": true, "inside": true, "outside": true, "opposite": true, "nearby": true}

// maxCounted is how many words after "how many" name what is counted.
const maxCounted = 4

// figureOf reads the figure a question asks for; ok is false when it asks
// for none.
func figureOf(q string) (f figure, ok bool) {
	spelt := text.SpellOutChat(q)
	toks := questionTokens(spelt)
	if readWant(toks) != WantNumber {
		return f, false
	}
	f.unit = askedUnit(spelt)
	f.exact = f.unit == anyUnit && slices.ContainsFunc(toks, func(t qtok) bool { return exactWords[t.w] })
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].w != "how" || toks[i+1].w != "many" {
			continue
		}
		if i+2 < len(toks) && pastTense(toks[i+2].w) {
			// "how many died": people, whichever word the record uses.
			break
		}
		from := i + 2
		if from < len(toks) && toks[from].w == "of" {
			from = partCounted(toks, from)
		}
		var words []string
		for j := from; j < len(toks) && j < from+maxCounted && !endsCounted(toks[j].w); j++ {
			if j > from && strings.ContainsAny(spelt[toks[j-1].end:toks[j].start], "?!;") {
				// "… were women? trump spoke there": another sentence. Not
				// a period, which ends abbreviations too ("u.s. troops",
				// "st. louis residents").
				break
			}
			words = append(words, toks[j].w)
		}
		f.counted = text.Terms(strings.Join(words, " "))
		break
	}
	if f.counted == nil {
		f.counted = quantityOf(toks)
	}
	if f.counted == nil {
		f.counted = muchOf(toks)
	}
	if f.counted == nil && f.unit == anyUnit && slices.ContainsFunc(toks, func(t qtok) bool { return voteWords[t.w] }) {
		// "what was the senate vote count": the figure is a tally of
		// votes beside the word ("in a 52-48 vote", "voted 68 to 31");
		// a term of years, a sum, or the times someone voted is none.
		// The record often leaves the count out ("confirmed with broad
		// bipartisan support"), and a question no passage gives it for
		// is declined as such (verdict.noFigure). Dev sets: three such
		// questions written by people who never saw the code (lounge
		// g31, hall h82, yard y83), all out of scope, had been answered
		// with a sentence without a count.
		f.counted, f.tally = []string{text.Stem("vote")}, true
	}
	return f, true
}

// muchOf reads what a "how much is the …" question asks the amount of:
// "how much was the one-time pandemic bonus each dockworker got" asks the
// bonus's, and a sentence giving the contract's 32 percent raise beside
// "bonus" elsewhere does not answer it. The words after the copula and
// its article, up to a function word (countedStops), at most
// maxCounted; nil when the question is asked otherwise ("how much did it
// cost", "how much was it supposed to cut emissions").
func muchOf(toks []qtok) []string {
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].w != "how" || toks[i+1].w != "much" || !copulas[toks[i+2].w] {
			continue
		}
		from := i + 3
		if w := toks[from].w; w == "the" || w == "a" || w == "an" || determiners[w] && w != "same" {
			from++
		} else {
			return nil // "how much was it supposed to cut": no thing named
		}
		var words []string
		for j := from; j < len(toks) && j < from+maxCounted && !countedStops[toks[j].w] && !toks[j].asks; j++ {
			if w := toks[j].w; j > from && (strings.HasSuffix(w, "ing") || pastTense(w) || copulas[w] || yesNoOpeners[w]) {
				// "how much is the us giving ukraine": the words are the
				// subject of a verb, whose object is what is counted.
				return nil
			}
			words = append(words, toks[j].w)
		}
		return text.Terms(strings.Join(words, " "))
	}
	return nil
}

// exactWords make a figure question ask for the figure exactly.
var exactWords = map[string]bool{"exactly": true, "exact": true, "precisely": true, "precise": true}

// inexactRe finds the figures that do not give a count exactly: a round
// plural ("dozens of", "hundreds of"), a rough multiple ("several dozen",
// "a few hundred", "tens of thousands"), "a few", "several", and a share
// with what it is a share of ("90% of", "10 percent of").
var inexactRe = regexp.MustCompile(`(?i)\b(?:(?:a\s+few|several|some|many|tens\s+of|hundreds\s+of)\s+)?(?:dozens|dozen|scores|hundreds|hundred|thousands|thousand|millions|million|billions|billion)(?:\s+of)?\b|\b(?:a\s+few|several)\b|\b\d[\d.,]*\s*(?:%|per ?cent)(?:\s+of)?`)

// voteWords make a figure question ask for a vote's count.
var voteWords = map[string]bool{"vote": true, "votes": true, "tally": true}

// tallyRe finds a vote's tally: "52-48", "68 to 31", "99–0", "412 votes",
// "91 ayes".
var tallyRe = regexp.MustCompile(`(?i)\b\d+\s*(?:-|–|—|to)\s*\d+\b|\b\d[\d,]*\s+(?:votes?|ayes?|nays?|yeas?)\b`)

// partCounted reads where what a "how many of …" question counts begins,
// given the index of its "of": the part after a copula when the question
// says which of the whole it counts ("how many of the class of 2025 were
// women" counts women, not the class, whose own figures abound), else the
// whole ("how many of the hostages").
func partCounted(toks []qtok, of int) int {
	for j := of + 1; j+1 < len(toks) && j <= of+maxCounted+4; j++ {
		if !copulas[toks[j].w] {
			continue
		}
		k := j + 1
		for k < len(toks) && countedAdverbs[toks[k].w] {
			k++ // "are still alive"
		}
		if k < len(toks) && !countedStops[toks[k].w] && !verbForm(toks[k].w) && len(text.Terms(toks[k].w)) > 0 {
			return k
		}
		break // "were there", "were freed", "are still in prison": the whole
	}
	for j := of + 1; j < len(toks) && j <= of+3; j++ {
		if w := toks[j].w; w != "the" && w != "those" && w != "these" && !isNumber(w) {
			return j // "of the 40 hostages": the hostages
		}
	}
	return of + 1
}

// verbForm reports whether w, after a copula, is a verb's form rather
// than the part a "how many of …" question counts: a past participle
// ("freed", "taken", "held", "hurt"), a present one ("going", "being"),
// or "able".
func verbForm(w string) bool {
	return pastTense(w) || pastVerb(w) || strings.HasSuffix(w, "ing") || w == "able" || w == "unable"
}

// countedAdverbs stand between a "how many of …" question's copula and
// the part it counts.
var countedAdverbs = map[string]bool{"still": true, "now": true, "currently": true, "actually": true, "really": true,
	"already": true, "even": true, "also": true, "ever": true, "all": true, "then": true}

// saidFigure reads the figure a question asking for someone's words wants
// them to give: a "how many" or "how much" after its question word ("what
// did kjp say abt how much gas prices had dropped"); ok is false when it
// asks for none.
func saidFigure(q string) (f figure, ok bool) {
	q = text.SpellOutChat(q)
	toks := questionTokens(q)
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].w != "how" || toks[i+1].w != "many" && toks[i+1].w != "much" {
			continue
		}
		if toks[i-1].w == "matter" || i+2 < len(toks) && degreeSubjects[toks[i+2].w] {
			// "how much she misses her mother", "no matter how much
			// it costs": a degree, no figure asked.
			return f, false
		}
		return figureOf(q[toks[i].start:])
	}
	return f, false
}

// degreeSubjects are the personal pronouns that, opening a clause's
// subject after "how much", make it a degree ("how much she cared"), not
// a quantity.
var degreeSubjects = map[string]bool{"i": true, "you": true, "he": true, "she": true, "it": true, "we": true, "they": true}

// quantityOf reads what a quantity asked after its noun and a copula
// belongs to: "what price was the cap set at" asks the cap's price, and a
// sentence giving "$100 per barrel" that Russia earned does not answer
// it; "what rate did they set" names nothing (nil).
func quantityOf(toks []qtok) []string {
	for i := 0; i+3 < len(toks); i++ {
		if (toks[i].w != "what" && toks[i].w != "which") || !quantityNouns[toks[i+1].w] || !copulas[toks[i+2].w] {
			continue // "what share did the feds pay": the feds pay it, it is not theirs
		}
		j := i + 3
		if toks[j].w != "the" {
			return nil // "what rate did they set": a pronoun, no thing
		}
		var words []string
		for j++; j < len(toks) && len(words) < maxCounted && !countedStops[toks[j].w]; j++ {
			words = append(words, toks[j].w)
		}
		return text.Terms(strings.Join(words, " "))
	}
	return nil
}

// heldBy reports whether a sentence gives the figure: a number of its
// unit (a date's year or day is no figure) and, when the question says
// what it counts, one of those words.
func (f figure) heldBy(sentence string) bool {
	undated := dateRe.ReplaceAllString(sentence, "")
	if f.exact {
		undated = inexactRe.ReplaceAllString(undated, "")
	}
	if f.tally && !tallyRe.MatchString(undated) {
		return false
	}
	if !f.unit.givenBy(sentence, undated) || f.unit == anyUnit && !holdsFigure(undated) {
		return false
	}
	if len(f.counted) == 0 {
		return true
	}
	// A figure counts a specific thing asked for when one of its words
	// stands within countedReach words of a number ("more than 6,700 people",
	// "84,770 forcibly displaced persons", "refugees: 100,000"); a
	// sentence that gives a figure of something else and names the
	// asked thing elsewhere does not answer.
	counted := map[string]bool{}
	specific := false
	for _, t := range f.counted {
		counted[t] = true
		specific = specific || !text.IsCommon(t)
	}
	if !specific {
		// "How many people": the record counts them as persons,
		// refugees, Americans … next to the figure; any figure of a
		// sentence that speaks of people will do.
		terms := text.TermSet(sentence)
		for _, t := range f.counted {
			if terms[t] {
				return true
			}
		}
		// Or counts people without the word ("Thirty-nine individuals"):
		// only beside the figure, which may count something else ("6,000
		// troops" to extract American citizens).
		return counted[peopleTerm] && countsNear(undated, func(t string) bool { return humanTerms[t] }, true)
	}
	return countsNear(undated, func(t string) bool { return counted[t] || commonSynonym(t, counted) }, false)
}

// countsNear reports whether a word of s that is asked for (its index
// term) stands within countedReach words of a figure (holdsFigure's: not
// "H.R. 165", not the pronoun "one"). With after, the word must follow
// the figure with only words of its noun phrase between (adjoins: "39
// individuals", "2,000 of our citizens"; not "6,000 troops to evacuate
// citizens").
func countsNear(s string, asked func(term string) bool, after bool) bool {
	toks := text.Tokens(s)
	var near []int // token positions of figures
	k := 0
	for at := range figures(asciiLower(s)) { // the same bytes as s: its tokens' offsets hold
		for k < len(toks) && toks[k].End <= at {
			k++
		}
		if k < len(toks) && toks[k].Start <= at && (len(near) == 0 || near[len(near)-1] != k) &&
			!(k+1 < len(toks) && timeUnitRe.MatchString(toks[k+1].Word) && !askedTerm(s[toks[k+1].Start:toks[k+1].End], asked)) {
			// (A figure of a unit of time is a length of time: "all
			// U.S. troops by May 1st, just three months after" counts
			// no troops; "210 months" counts the months asked for.)
			near = append(near, k)
		}
	}
	for i, tk := range toks {
		ts := text.Terms(s[tk.Start:tk.End]) // "US" is the country, "us" no term
		if len(ts) != 1 || !asked(ts[0]) {
			continue
		}
		for _, n := range near {
			if after && (n >= i || i-n > countedReach || !adjoins(toks[n+1:i])) {
				continue
			}
			if n-i <= countedReach && i-n <= countedReach {
				return true
			}
		}
	}
	return false
}

// askedTerm reports whether the word w is, as an index term, asked for.
func askedTerm(w string, asked func(term string) bool) bool {
	ts := text.Terms(w)
	return len(ts) == 1 && asked(ts[0])
}

// timeUnitPattern matches a unit of time, as durationRe reads a span of
// it; timeUnitRe a word that is one: a figure directly before one
// measures that time ("three months", "90 days").
const timeUnitPattern = `seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?`

var timeUnitRe = regexp.MustCompile(`^(?:` + timeUnitPattern + `)$`)

// adjoins reports whether the words between a figure and what it counts
// leave it counting them: words of the noun phrase ("120,000 US
// citizens", "thousands of Nowhereland citizens", "2,000 of our
// citizens", "39 more individuals"), not a preposition or a verb's
// particle opening another phrase ("6,000 troops to evacuate citizens",
// "12 planes for the children").
func adjoins(between []text.Token) bool {
	for _, tk := range between {
		if text.IsStopword(tk.Word) && !countPhraseWords[tk.Word] {
			return false
		}
	}
	return true
}

// countPhraseWords are the function words that may stand between a
// figure and the people it counts.
var countPhraseWords = map[string]bool{"us": true, "of": true, "our": true, "their": true, "the": true, "these": true,
	"those": true, "more": true, "other": true, "and": true, "his": true, "her": true, "its": true, "your": true,
	"such": true, "some": true, "all": true, "most": true}

// peopleTerm is the index term of "people"; humanTerms are the nouns by
// which the record counts people without the word: "Thirty-nine
// individuals … were pardoned", "84,770 persons".
var (
	peopleTerm = text.Terms("people")[0]
	humanTerms = termSet(text.Terms("persons individuals humans residents citizens civilians adults children kids men women"))
)

// commonSynonym reports whether the record's word t for what a figure
// counts is a common word (text.IsCommon) whose synonyms hold one of the
// question's counted words: "34 children" for "how many kids". The
// thesaurus leaves common words out of other words' synonyms, so "kid"
// does not list "child"; other synonyms do not count a figure ("500
// businesses" is no count of jobs, "40 studies" none of students).
func commonSynonym(t string, counted map[string]bool) bool {
	return text.IsCommon(t) && slices.ContainsFunc(text.Synonyms(t), func(s string) bool { return counted[s] })
}

// countedReach is how many words apart a figure and a word of what it
// counts may stand: "84,770 forcibly displaced persons" is three.
const countedReach = 4

// pastTense reports a verb's past form ("died", "attended", "came"): after
// "how many" it says what happened, not what is counted.
func pastTense(w string) bool {
	switch w {
	case "came", "went", "fled", "left", "got", "were", "was":
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

// personInSentence reports whether a question asking for a person wants
// one named in the answering sentence — "who met …", "who attended …",
// "who was at …", "who led …", "who did Kirby blame" — rather than the
// one who says it ("who said …", "who called it …", "who warned …"): the
// speaker is the answer only when a verb of asking for words follows
// "who". A question asking for a person without "who" ("which cabinet
// secretary attended …") wants the one named too.
func personInSentence(q string) bool {
	toks := text.Tokens(text.SpellOutChat(q))
	for i, t := range toks {
		if t.Word != "who" && t.Word != "whom" {
			continue
		}
		j := i + 1
		for j < len(toks) && whoLinks[toks[j].Word] {
			j++
		}
		return j < len(toks) && !text.IsAskVerb(toks[j].Word)
	}
	return true
}

// maxListAsked bounds the names a question may ask for by number ("who
// were the 3 envoys"); a larger number ("who were the 2024 winners") is
// a year or a count, not how many names to give.
const maxListAsked = 20

// maxListModifiers is how many words may stand between "which" and the
// plural noun of a question asking for several things ("which ai
// companies", "which gulf state leaders").
const maxListModifiers = 2

// asksList reports how many names a sentence answering a question that
// asks which of several things gives: "which"/"what" and a plural noun
// ("which countries signed …", "which ceos came to …", "what companies
// attended …"), minListNames; "who were/are the (those, these) <plural
// noun>" ("who were the two leaders", "who are those hostages"), the
// number it says, else two. 0: it asks for no list. noun is the index term of the plural noun
// ("counti" of "which alabama counties got …"), "" with no list.
func asksList(q string) (n int, noun string) {
	toks := text.Tokens(text.SpellOutChat(q))
	for i, t := range toks {
		switch {
		case t.Word == "which" || t.Word == "what":
			if w := pluralNounAfter(toks, i+1); w != "" {
				return minListNames, text.Stem(w)
			}
			return 0, ""
		case t.Word == "who":
			j := i + 1
			if j >= len(toks) || toks[j].Word != "were" && toks[j].Word != "are" {
				return 0, ""
			}
			if j++; j < len(toks) && (toks[j].Word == "the" || toks[j].Word == "those" || toks[j].Word == "these") {
				j++
			}
			n := 2
			if j < len(toks) {
				d, ok := text.Numeral(toks[j].Word)
				if !ok {
					d = toks[j].Word // "who were the 3 envoys"
				}
				if v, err := strconv.Atoi(d); err == nil && v >= 2 && v <= maxListAsked {
					n = v
					j++
				}
			}
			if w := pluralNounAfter(toks, j); w != "" {
				return n, text.Stem(w)
			}
			return 0, ""
		}
	}
	return 0, ""
}

// pluralNounAfter is the plural noun after "which"/"what" (or "who were the")
// at i: within maxListModifiers words, before any stopword or asking
// verb; "" when none.
func pluralNounAfter(toks []text.Token, i int) string {
	for j := i; j < len(toks) && j <= i+maxListModifiers; j++ {
		w := toks[j].Word
		if text.IsStopword(w) || text.IsAskVerb(w) {
			return ""
		}
		if pluralNoun(w) {
			return w
		}
	}
	return ""
}

// pluralNoun reports whether w (lower case) looks like a plural noun: longer
// than three letters, ending in "s" but not in "ss", "us" or "is".
func pluralNoun(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// nameRun is a run of capitalised words in a sentence ("Special Envoy
// Witkoff", "Secretary of Education Miguel Cardona"), split at its last
// title word into the title and the name.
type nameRun struct {
	title, name []text.Token
	// first: the run opens the sentence, where any word is capitalised.
	first bool
	// apposed: a title stands beside the name across a comma, after it
	// ("David Marchick, Chief Operating Officer") or, in lower case,
	// before it ("a new special envoy, David Satterfield").
	apposed bool
}

// titleArticles may open the phrase of a title set before a name: "a new
// special envoy, …", "her deputy, …".
var titleArticles = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "their": true, "our": true, "its": true, "my": true, "your": true}

// nameRuns returns the runs of capitalised words of s. Lower-case "of",
// "for" and "the" after a title word may join a run's words ("Secretary
// of State Antony Blinken"); a comma or any other word ends it.
func nameRuns(s string) []nameRun {
	toks := text.Tokens(s)
	capital := func(t text.Token) bool { return startsUpper(s[t.Start:]) }
	joined := func(a, b text.Token) bool {
		gap := s[a.End:b.Start]
		return strings.Trim(gap, " .") == "" && len(gap) <= 2
	}
	var runs []nameRun
	for i := 0; i < len(toks); {
		if !capital(toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && joined(toks[j-1], toks[j]) {
			if capital(toks[j]) {
				j++
				continue
			}
			// A connector inside a title, followed by a capitalised word
			// ("Secretary of Education Miguel Cardona"; not "Lena Marrow
			// of the Department of State").
			if !text.IsTitleWord(toks[j-1].Word) {
				break
			}
			k := j
			for k < len(toks) && !capital(toks[k]) && (toks[k].Word == "of" || toks[k].Word == "for" || toks[k].Word == "the") && joined(toks[k-1], toks[k]) {
				k++
			}
			if k > j && k < len(toks) && capital(toks[k]) && joined(toks[k-1], toks[k]) {
				j = k + 1
				continue
			}
			break
		}
		run := toks[i:j]
		cut := 0 // the title is run[:cut]
		for k, t := range run {
			if text.IsTitleWord(t.Word) || text.IsHonorific(t.Word) || text.IsTitleQualifier(t.Word) {
				cut = k + 1
			}
		}
		nr := nameRun{title: run[:cut], name: run[cut:], first: strings.TrimSpace(s[:run[0].Start]) == ""}
		if j < len(toks) && strings.TrimSpace(s[run[len(run)-1].End:toks[j].Start]) == "," && capital(toks[j]) &&
			(text.IsTitleWord(toks[j].Word) || text.IsRankModifier(toks[j].Word)) {
			nr.apposed = true
		}
		if titledBeforeRun(s, toks, i, run) {
			nr.apposed = true
		}
		runs = append(runs, nr)
		i = j
	}
	return runs
}

// titledBeforeRun reports whether the run of capitalised words at toks[i]
// (run) follows a title in lower case across a comma: "giving way to a
// new special envoy, David Satterfield, who …". Not a word ending a
// phrase of a preposition ("In general, Nowhereland Airways …"), nor
// before a body's or a place's name ("the market leader, Acme Canal
// Holdings", "the chair, North Avalonia").
func titledBeforeRun(s string, toks []text.Token, i int, run []text.Token) bool {
	if i < 2 || strings.TrimSpace(s[toks[i-1].End:run[0].Start]) != "," || !text.IsTitleNoun(toks[i-1].Word) || startsUpper(s[toks[i-1].Start:]) {
		return false
	}
	if before := toks[i-2].Word; !titleArticles[before] && text.IsStopword(before) {
		return false
	}
	return !slices.ContainsFunc(run, func(t text.Token) bool { return corpus.NotName(t.Word) }) &&
		len(text.PlacesAsked(s[run[0].Start:run[len(run)-1].End])) == 0
}

// titled reports whether a run names a person by a title ("Secretary
// Rubio", "Mr. Jared Kushner", "Assistant Secretary Brian Nichols"), not
// only an office ("The White House", "Secretary of State"): its title
// holds a title noun or an honorific and a name follows it.
func (nr nameRun) titled() bool {
	if len(nr.name) == 0 {
		return false
	}
	for _, t := range nr.title {
		if text.IsTitleNoun(t.Word) || text.IsHonorific(t.Word) {
			return true
		}
	}
	return false
}

// honorific reports whether the run's title holds an honorific ("Mr.").
func (nr nameRun) honorific() bool {
	for _, t := range nr.title {
		if text.IsHonorific(t.Word) {
			return true
		}
	}
	return false
}

// askedBy reports whether the question (its stems) names the run's
// person: by the name's last word ("Finer", "Zelenskyy"), or by every
// word of the title ("the colombian acting foreign minister" names
// "Colombian Acting Foreign Minister Luis Murillo").
func (nr nameRun) askedBy(q map[string]bool) bool {
	if len(nr.name) > 0 {
		for _, t := range text.Terms(nr.name[len(nr.name)-1].Word) {
			if q[t] {
				return true
			}
		}
	}
	own, all := 0, 0
	for _, tk := range nr.title {
		for _, t := range text.Terms(tk.Word) {
			all++
			if q[t] {
				own++
			}
		}
	}
	return all > 0 && own == all
}

// minListNames is how many things a sentence names, one after another
// ("Google, Anthropic, Microsoft, and OpenAI"), to answer a question
// asking which of several things (asksList). 3: two names joined by "and"
// are as often one name's words ("Energy and Climate").
const minListNames = 3

// listGapRe matches what stands between two items of an enumeration.
var listGapRe = regexp.MustCompile(`^\s*(?:,|,?\s*(?:and|or))\s*(?:the\s+)?$`)

// namesOthers reports whether a sentence names what a question asking for
// a person or for several things wants, other than what the question (its
// stems q) names. For a person (list 0): someone named with a title,
// with a title after their name, or by a name of the record's people (pp,
// may be nil); an office ("The White House") or the issuer of the
// statement is nobody named. For several things (list > 0): at least
// list names one after another, not the sentence's first word alone; of
// any kind, or, when people is set ("who were the two leaders"), each a
// person as above: "Japan and the ROK" names no leaders.
func namesOthers(s string, q map[string]bool, pp *people, list int, people bool) bool {
	n, end := 0, -1 // the items of the enumeration so far, and where the last ends
	for _, nr := range nameRuns(s) {
		if list > 0 {
			if len(nr.name) == 0 || nr.first && len(nr.title)+len(nr.name) == 1 || nr.askedBy(q) || people && !nr.person(pp) {
				n = 0
				continue
			}
			from, to := nr.name[0].Start, nr.name[len(nr.name)-1].End
			if len(nr.title) > 0 {
				from = nr.title[0].Start
			}
			if monthOrDay(s[from:to]) {
				n = 0
				continue
			}
			if n == 0 || !listGapRe.MatchString(s[end:from]) {
				n = 0
			}
			n, end = n+1, to
			if n >= list {
				return true
			}
			continue
		}
		if nr.askedBy(q) {
			continue
		}
		if len(nr.name) == 0 || nr.first && len(nr.title)+len(nr.name) == 1 {
			continue
		}
		if nr.person(pp) {
			return true
		}
	}
	return false
}

// namesOrganisation reports whether s names an organisation the
// question does not: a run of capitalised words, none of them the
// question's (q, its stems), of two words or more, or an acronym ("UL
// Solutions", "Nihon Hidankyo", "FBI"); not a place, a month or a day,
// nor the government's own name (homeWords); a function word opening the
// sentence ("The", "As") and "I" are no word of it. "Who won the Nobel Peace Prize" is
// answered by a group, "which agency led the investigation" by an
// agency, as "who" by a person.
func namesOrganisation(s string, q map[string]bool) bool {
	for _, nr := range nameRuns(s) {
		if len(nr.name) == 0 {
			continue // an office alone: "the Vice President", "Secretary General"
		}
		run := append(slices.Clone(nr.title), nr.name...)
		if len(run) > 0 && (nr.first && text.IsStopword(run[0].Word) || run[0].Word == "the") {
			run = run[1:] // "As I …", "The United States"
		}
		run = slices.DeleteFunc(run, func(t text.Token) bool { return t.Word == "i" })
		if len(run) == 0 {
			continue
		}
		from, to := run[0].Start, run[len(run)-1].End
		if monthOrDay(s[from:to]) || len(text.PlacesAsked(s[from:to])) > 0 {
			continue
		}
		asked := slices.ContainsFunc(run, func(t text.Token) bool {
			return slices.ContainsFunc(text.Terms(t.Word), func(term string) bool { return q[term] })
		})
		home := !slices.ContainsFunc(run, func(t text.Token) bool { return !homeWords[strings.ToLower(t.Word)] })
		if !asked && !home && (len(run) > 1 || isAcronym(s[from:to])) {
			return true
		}
	}
	return false
}

// homeWords are the words of the names the record's government gives
// itself ("the United States", "the White House", "the U.S.
// Government"): the speaker of nearly every sentence, no answer to
// whom something was done by.
var homeWords = map[string]bool{"united": true, "states": true, "u.s": true, "us": true, "america": true,
	"american": true, "white": true, "house": true, "administration": true, "government": true, "federal": true}

// person reports a run naming a person: a name the record's people have
// (pp, may be nil), or a full name (two words or more) given a title; a
// single word after a title may be an office's ("U.N. General Assembly").
func (nr nameRun) person(pp *people) bool {
	var words []string
	for _, t := range nr.name {
		words = append(words, t.Word)
	}
	known := pp != nil && len(pp.byAlias[strings.Join(words, " ")]) > 0
	return known || (nr.titled() || nr.apposed) && (len(nr.name) > 1 || nr.honorific())
}

// objectReach is how many words before the question's verb a sentence
// may name its subject ("President Zelenskyy also asked for …").
const objectReach = 3

// questionObject reads what a question asks about beyond the names it
// holds: its action, the verb its named subject does ("what did
// zelenskyy ask trump for" → zelenskyy, ask), unless the verb asks for
// words ("say", "describe"); and the head of its topic, the last word
// of the phrase after "about", "on", "of" or "regarding" ("what did biden
// say about the doj's uvalde report" → report). Each is a stem, "" when
// the question has none. named are the terms of the people it names.
func questionObject(q string, named map[string]bool) (subject, verb, head string) {
	toks := text.Tokens(text.SpellOutChat(q))
	for i := 0; i+2 < len(toks); i++ {
		if !yesNoOpeners[toks[i].Word] || !named[termOf(toks[i+1].Word)] {
			continue
		}
		j := i + 1
		for j+1 < len(toks) {
			switch {
			case named[termOf(toks[j+1].Word)]:
				j++ // "joe biden"
				continue
			case j+2 < len(toks) && conjunctions[toks[j+1].Word] && named[termOf(toks[j+2].Word)]:
				j += 2 // "biden and xi": they are the subject, "and" no verb
				continue
			}
			break
		}
		if copulas[toks[i].Word] && j+1 < len(toks) && !participle(toks[j+1].Word) && !strings.HasSuffix(toks[j+1].Word, "ing") {
			// "what is quillfeather's take on crypto": after a form of
			// "be", the word after the name is a noun of theirs, not
			// what they did ("was brask asked", "is she going").
			break
		}
		if j+1 < len(toks) && !text.IsAskVerb(toks[j+1].Word) && !yesNoOpeners[toks[j+1].Word] && !conjunctions[toks[j+1].Word] {
			// The verb may be a stopword of the index ("ask"): its stem.
			subject, verb = termOf(toks[j].Word), text.Stem(toks[j+1].Word)
		}
		break
	}
	// "about" and "regarding" say what the question asks about wherever
	// they stand; "on" and "of" only when neither is followed by its
	// subject ("what did sullivan say on air force one heading to the g7
	// about whether the counteroffensive had started": "on" says where;
	// "… the leaders of japan and korea … what was that about" has its
	// subject before).
	if head = topicHead(toks, []string{"about", "regarding"}, named, verb); head == "" {
		head = topicHead(toks, []string{"about", "on", "of", "regarding"}, named, verb)
	}
	return subject, verb, head
}

// topicHead is the head of the subject after the first of topicWords in
// the question's tokens (questionObject), "" when none.
func topicHead(toks []text.Token, topicWords []string, named map[string]bool, verb string) string {
	for i, t := range toks {
		if !slices.Contains(topicWords, t.Word) {
			continue
		}
		if t.Word == "on" && !topicOn(toks, i, named, verb) {
			return "" // "a tariff on chinese goods", "put on in feb 2026": no topic said
		}
		last, before, after := "", "", ""
		for _, u := range toks[i+1:] {
			if countedStops[u.Word] || u.Word == "and" {
				after = u.Word
				break
			}
			last, before = u.Word, last
		}
		if strings.HasSuffix(last, "ing") && before != "" && (named[termOf(before)] || participleObjects[after]) {
			// "on musk asking for …", "her gown going to the
			// smithsonian": the -ing word is what the thing or person
			// before it does; "the shooting in uvalde", "the debt
			// ceiling" keep theirs.
			last = before
		}
		if len(last) > 1 && !text.IsStopword(last) && !named[termOf(last)] && !dateRe.MatchString(last) {
			return text.Stem(last) // not a letter: "medicare part d"
		}
		return ""
	}
	return ""
}

// topicOn reports whether the "on" at i opens what the question asks
// about: after a verb of saying, a statement noun or a noun of a view
// ("what did kirby say on …", "her remarks on …", "biden's take on
// …"), after a person named ("sullivan on musk …", "quote melania on
// …"), after the question's verb ("what did they agree on"), after a
// function word (the speaker's verb taken out of the searched words:
// "what did on …"), or opening the question; not after a thing it
// completes ("a tariff on chinese goods") or a verb it belongs to ("put
// on").
func topicOn(toks []text.Token, i int, named map[string]bool, verb string) bool {
	if i == 0 {
		return true
	}
	prev := toks[i-1].Word
	if verb != "" && text.Stem(prev) == verb {
		return true // the question's own verb: "did they agree on …"
	}
	// "put on" is imposing, not saying (put asks for words only with
	// "it": "how did he put it").
	return text.IsAskVerb(prev) && prev != "put" || wordsNouns[prev] || viewNouns[prev] || named[termOf(prev)] || text.IsStopword(prev)
}

// participleObjects open what an -ing verb goes on to ("asking for",
// "going to", "coming from").
var participleObjects = map[string]bool{"to": true, "for": true, "from": true}

// viewNouns name a view or news of something, which "on" then names:
// "biden's take on crypto", "the wh policy on tiktok", "any update on
// the hostages".
var viewNouns = map[string]bool{"take": true, "stance": true, "policy": true, "thoughts": true, "opinion": true,
	"update": true, "updates": true, "latest": true, "news": true}

// conjunctions join a subject to more of it ("did biden and his wife
// …"), never its verb.
var conjunctions = map[string]bool{"and": true, "or": true, "nor": true}

// holdsObject reports whether sentence s holds what the question asks
// about (questionObject): its subject doing its verb, or its topic's head.
func holdsObject(s, subject, verb, head string) bool {
	if verb == "" && head == "" {
		return false
	}
	toks := text.Tokens(s)
	for k, t := range toks {
		st := text.Stem(t.Word)
		if head != "" && st == head {
			return true
		}
		if verb == "" || st != verb {
			continue
		}
		for _, u := range toks[max(0, k-objectReach):k] {
			if termOf(u.Word) == subject {
				return true
			}
		}
	}
	return false
}

// termOf is the index term of one word ("" for a stopword).
func termOf(w string) string {
	if ts := text.Terms(w); len(ts) > 0 {
		return ts[0]
	}
	return ""
}
