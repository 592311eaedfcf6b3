package answer

import (
	"regexp"
	"strings"

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

var (
	// placeRe: where something happened ("took place at Blair House", "held
	// in Baku"); a bare "in <Name>" is too common to count.
	placeRe = regexp.MustCompile(`\bat (?:the )?[A-Z][a-z]+|\b(?:took place|was held|were held|will be held|held|hosted|located|convened|gathered) (?:at|in) (?:the )?[A-Z]`)
	dateRe  = regexp.MustCompile(`\b(?:` + text.MonthPattern + `) \d{1,2}\b|\b(?:` + text.WeekdayPattern + `)\b|\b(?:19|20)\d\d\b|\b(?:today|yesterday|tomorrow|this (?:morning|afternoon|week)|last (?:week|month|night))\b`)
	// numberRe: figures and number words ("84,770", "three", "a dozen").
	// A number word joined to a unit ("six-week war") describes, it does
	// not count.
	numberRe = regexp.MustCompile(`\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|half|percent)(?:[\s,.;:]|$)`)
)

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
		return dateRe.MatchString(sentence)
	case WantNumber:
		// A year or a day of the month is a date, not the figure asked for.
		return numberRe.MatchString(strings.ToLower(dateRe.ReplaceAllString(sentence, "")))
	case WantPerson:
		return quoted || (speaker != "" && sure) || names
	case WantPlace:
		return placeRe.MatchString(sentence)
	case WantQuotation:
		return quoted || (speaker != "" && sure)
	}
	return false
}

// side is one side of a comparison question: a period (a year) or a
// speaker, with the label the trace shows.
type side struct {
	label string
	year  int      // a period side: the documents of this year
	terms []string // a speaker side: the index terms of the name
}

// comparisonCueRe: words by which a question compares two periods or two
// speakers.
var comparisonCueRe = regexp.MustCompile(`(?i)\b(?:chang(?:e|ed|es|ing)|compar(?:e|ed|es|ing|ison)|differ(?:ed|s|ent|ence)?|versus|vs\.?|evolv(?:e|ed|ing)|shift(?:ed)?|the same (?:as|way)|between\b.*\band\b|from (?:19|20)\d\d to|what\b.{1,60}\bcalled\b|both)`)

var yearRe = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// speakingNameRe finds capitalised names of one to three words followed
// by a verb of saying ("did Kirby call it what Blinken called it"): the
// people a question compares.
var speakingNameRe = regexp.MustCompile(`\b([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})\s+(?:call|calls|called|say|says|said|describe|describes|described|term|termed|name|named|put|puts|characteri[sz]e|characteri[sz]ed)\b`)

// comparisonSides returns the two (or more) sides a comparison question
// asks about, or nil when the question compares nothing: two years ("how
// did X change between 2022 and 2024") or two named speakers ("did A call
// it what B called it").
func comparisonSides(q string) []side {
	if !comparisonCueRe.MatchString(q) {
		return nil
	}
	var sides []side
	seen := map[string]bool{}
	for _, y := range yearRe.FindAllString(q, -1) {
		if !seen[y] {
			seen[y] = true
			n := 0
			for _, c := range y {
				n = n*10 + int(c-'0')
			}
			sides = append(sides, side{label: y, year: n})
		}
	}
	if len(sides) >= 2 {
		return sides
	}
	sides = nil
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
	return nil
}

// monthOrDay reports a capitalised word that names a month or a weekday.
func monthOrDay(s string) bool {
	return dateRe.MatchString(s) && !strings.ContainsAny(s, "0123456789")
}
