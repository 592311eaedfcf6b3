package answer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// A period in a question is a date expression (a day, a month, a year,
// each optionally "early", "mid" or "late"), or a relative one ("last
// week"), after a preposition that makes it the time of the statement:
// "in April 2023", "on September 13, 2022", "between March and May 2022",
// "since 2024", "before June 2023". A year used as a name ("the 2020
// war") bounds nothing, though retrieval still raises documents of that
// year; one that closes the question after a name ("Remembrance Day
// 2025?") dates it.

func isMonth(w string) bool { _, ok := text.Month(w); return ok }

// dayOf is the date of y, m, d at midnight UTC.
func dayOf(y int, m time.Month, d int) time.Time { return retrieval.Day(y, m, d) }

// yearOf reads a four-digit year of the record's era.
func yearOf(w string) (int, bool) { return retrieval.YearOf(w) }

// relative is a relative period from since to until, ending before token next.
func relative(since, until time.Time, next int) retrieval.DateSpan {
	return retrieval.DateSpan{Since: since, Until: until, Next: next, Dated: true}
}

// readRelative reads "last week", "this month", "yesterday", "in the past
// 30 days" at i, counted back from end (the record's latest date).
func readRelative(toks []qtok, i int, end time.Time) (retrieval.DateSpan, bool) {
	if end.IsZero() || i >= len(toks) {
		return retrieval.DateSpan{}, false
	}
	end = dayOf(end.Year(), end.Month(), end.Day())
	w := toks[i].w
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].w
	}
	switch w {
	case "today":
		return relative(end, end, i+1), true
	case "yesterday":
		d := end.AddDate(0, 0, -1)
		return relative(d, d, i+1), true
	case "last", "past", "this":
		n, k := 1, i+1
		if k < len(toks) {
			// "the past 30 days", "the last two weeks", "the last couple
			// of weeks", "the past few days" (read as three).
			num := toks[k].w
			if d, ok := text.Numeral(num); ok {
				num = d
			}
			if v, err := strconv.Atoi(num); err == nil && v > 0 && v < 1000 {
				n, k = v, k+1
			} else if vague, ok := vagueCounts[num]; ok && w != "this" {
				n, k = vague, k+1
				if k < len(toks) && toks[k].w == "of" {
					k++
				}
			}
		}
		if k >= len(toks) {
			return retrieval.DateSpan{}, false
		}
		unit := strings.TrimSuffix(toks[k].w, "s")
		k++
		if k < len(toks) && countedFromEvent[toks[k].w] {
			// "in the last few days before the withdrawal", "the last two
			// years of his presidency": an event's days, not the record's.
			return retrieval.DateSpan{}, false
		}
		switch {
		case w == "this" && unit == "week":
			return relative(end.AddDate(0, 0, -6), end, k), true
		case w == "this" && unit == "month":
			return relative(dayOf(end.Year(), end.Month(), 1), end, k), true
		case w == "this" && unit == "year":
			return relative(dayOf(end.Year(), 1, 1), end, k), true
		case w == "last" && n == 1 && next == "month":
			m := dayOf(end.Year(), end.Month(), 1).AddDate(0, -1, 0)
			return relative(m, retrieval.MonthEnd(m.Year(), m.Month()), k), true
		case w == "last" && n == 1 && next == "year":
			y := end.Year() - 1
			return relative(dayOf(y, 1, 1), dayOf(y, 12, 31), k), true
		case unit == "day":
			return relative(end.AddDate(0, 0, -n+1), end, k), true
		case unit == "week":
			return relative(end.AddDate(0, 0, -7*n+1), end, k), true
		case unit == "month":
			return relative(end.AddDate(0, -n, 1), end, k), true
		case unit == "year":
			return relative(end.AddDate(-n, 0, 1), end, k), true
		}
	}
	return retrieval.DateSpan{}, false
}

// countedFromEvent: these words after a relative period count it from an event the
// question names, not from the record's end.
var countedFromEvent = map[string]bool{"before": true, "after": true, "of": true, "leading": true, "prior": true, "ahead": true}

// vagueCounts are the counts a relative period may give in words rather
// than a number: "the last couple of weeks", "the past few days".
var vagueCounts = map[string]int{"couple": 2, "few": 3}

// readPeriod finds the question's period and marks its tokens in drop.
func readPeriod(q string, toks []qtok, end time.Time, drop []bool) Period {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.w
	}
	for i := 0; i < len(toks); i++ {
		w := toks[i].w
		// Relative periods need no preposition: "what did she say last week".
		if s, ok := readRelative(toks, i, end); ok {
			from := i
			if from > 0 && toks[from-1].w == "the" {
				from--
			}
			if from > 0 && (toks[from-1].w == "in" || toks[from-1].w == "during" || toks[from-1].w == "over") {
				from--
			}
			return mark(q, toks, drop, from, s.Next, Period{Since: s.Since, Until: s.Until})
		}
		var p Period
		var stop int
		if monthYearPrepositions[w] {
			// "in oct 22", "during march 21": a month and a year in two
			// digits, as chat writes them ("on oct 22" is a day).
			if s, ok := monthShortYear(words, i+1, end); ok {
				return mark(q, toks, drop, i, s.Next, Period{Since: s.Since, Until: s.Until})
			}
		}
		if i == 0 {
			// "april 2025, what was the wh line on …": a date opening the
			// question before what it asks frames all of it.
			if s, ok := periodDate(words, 0, 0); ok && s.Dated && s.Next < len(words) && opensAsking(words[s.Next]) {
				return mark(q, toks, drop, 0, s.Next, widenPart(words, 0, Period{Since: s.Since, Until: s.Until}))
			}
		}
		switch w {
		case "in", "on", "during", "at", "around", "throughout":
			s, ok := periodDate(words, i+1, 0)
			if !ok || !s.Dated {
				continue
			}
			p, stop = widenPart(words, i+1, Period{Since: s.Since, Until: s.Until}), s.Next
		case "between", "from":
			a, ok := periodDate(words, i+1, 0)
			if !ok && a.Next == 0 {
				continue
			}
			k := a.Next
			if k >= len(toks) || !(toks[k].w == "and" || toks[k].w == "to" || toks[k].w == "until" || toks[k].w == "through" || toks[k].w == "till") {
				continue
			}
			b, ok := periodDate(words, k+1, 0)
			if !ok || !b.Dated {
				continue
			}
			if !a.Dated {
				// "between March and May 2022": the first month takes the
				// second's year.
				a, ok = periodDate(words, i+1, b.Since.Year())
				if !ok {
					continue
				}
			}
			p, stop = Period{Since: a.Since, Until: b.Until}, b.Next
		case "since", "after":
			s, ok := periodDate(words, i+1, 0)
			if !ok || !s.Dated {
				continue
			}
			p.Since = s.Since
			if w == "after" {
				p.Since = s.Until.AddDate(0, 0, 1)
			}
			if w == "after" && asksChange(words, i) {
				p = Period{Since: s.Since, Until: s.Until}
			}
			stop = s.Next
		case "before", "until", "till", "by", "through":
			s, ok := periodDate(words, i+1, 0)
			if !ok || !s.Dated {
				continue
			}
			p.Until = s.Until
			if w == "before" {
				p.Until = s.Since.AddDate(0, 0, -1)
			}
			p.Deadline = w == "by"
			if w == "before" && asksChange(words, i) {
				p = Period{Since: s.Since, Until: s.Until}
			}
			stop = s.Next
		case "early", "mid", "late", "end", "start", "beginning", "middle":
			// "early 2022" with no preposition still names a time, and so
			// does "end of dec 2023" ("after that barrage end of dec
			// 2023"); "end" alone is no part ("the end date").
			if w != "early" && w != "mid" && w != "late" && (i+1 >= len(words) || words[i+1] != "of") {
				continue
			}
			from := i
			if from > 0 && words[from-1] == "the" {
				from--
			}
			if from > 0 && targetWords[words[from-1]] {
				// "the plan for the beginning of 2025", "the deadline end
				// of 2025": a date aimed at, not when it was said.
				continue
			}
			s, ok := periodDate(words, i, 0)
			if !ok || !s.Dated {
				continue
			}
			p, stop = widenPart(words, i, Period{Since: s.Since, Until: s.Until}), s.Next
			return mark(q, toks, drop, from, stop, p)
		default:
			// A month with its year and no preposition ("kjp on air force
			// one oct 2021 about the debt", "zelensky dc visit dec 2022
			// what did potus give him", "(sept 2024)") dates the statement
			// when nothing makes it a thing's: no article or possessive
			// before it ("the feb 2022 jobs report", "kirby's oct 31 2023
			// briefing") and no noun after it.
			if p, ok := bareDate(q, toks, words, i, drop); ok {
				return p
			}
			// A year that closes the question after a name ("on Armenian
			// Remembrance Day 2025?", "at UNGA 2022?") dates it; one
			// before a noun ("the 2020 war") names a thing.
			// After a function word ("say about 1915?") it is the subject.
			y, ok := yearOf(w)
			if !ok || i != len(toks)-1 || i == 0 || isNumber(toks[i-1].w) || isMonth(toks[i-1].w) {
				continue
			}
			// "the prisoner exchange of summer 2024?": a season (or
			// "the fall of") before the year is the period.
			near := false
			for from := max(0, i-4); from < i; from++ {
				s, ok := retrieval.ReadDate(words, from, 0)
				if !ok || !s.Dated || s.Next != i+1 {
					continue
				}
				if s.Near {
					// "… on labor day 2026": the year completes a date
					// that bounds no period.
					near = true
					break
				}
				if words[from] != "the" {
					return mark(q, toks, drop, from, i+1, Period{Since: s.Since, Until: s.Until})
				}
			}
			if near {
				continue
			}
			if text.IsStopword(toks[i-1].w) {
				continue
			}
			return mark(q, toks, drop, i, i+1, Period{Since: dayOf(y, 1, 1), Until: dayOf(y, 12, 31)})
		}
		return mark(q, toks, drop, i, stop, p)
	}
	return Period{}
}

// bareDate reads a month with its year (or a day of one) at i, with no
// preposition before it, as the period when the word before it is no
// article, possessive, conjunction or number and the word after it, if
// any, is a function word or opens what is asked.
func bareDate(q string, toks []qtok, words []string, i int, drop []bool) (Period, bool) {
	if i == 0 || !startsDate(toks, i) || ownerWords[words[i-1]] || joinWords[words[i-1]] || isNumber(words[i-1]) || isMonth(words[i-1]) {
		return Period{}, false
	}
	s, ok := periodDate(words, i, 0)
	if !ok || !s.Dated || !(s.Next == len(words) || text.IsStopword(words[s.Next]) || opensAsking(words[s.Next])) ||
		s.Next < len(words) && (joinWords[words[s.Next]] || rangeWords[words[s.Next]]) {
		return Period{}, false
	}
	p := mark(q, toks, drop, i, s.Next, Period{Since: s.Since, Until: s.Until})
	p.bare = true
	return p, true
}

// rangeWords after a date make it one end of a range ("dec 2021 through
// march 2022"), which the range's own reading takes.
var rangeWords = map[string]bool{"through": true, "thru": true, "until": true, "till": true}

// ownerWords before a date make it a thing's: "the feb 2022 jobs report",
// "their march 2025 call", "kirby's oct 31 2023 briefing" ("s").
var ownerWords = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "their": true, "its": true, "our": true, "your": true, "my": true,
	"whose": true, "s": true}

// joinWords before a date join it to another ("on October 10 and
// October 11, 2023", "in the feb report vs oct 2022"): the two are read
// together or as a comparison's sides, not the later one alone.
var joinWords = map[string]bool{"and": true, "or": true, "nor": true, "vs": true, "versus": true, "than": true,
	"to": true, "plus": true}

// targetWords before a part of a month or a year ("end of 2025") make it
// a date aimed at: "the goal for the end of 2030", "the deadline end of
// 2025", "by the start of 2026".
var targetWords = map[string]bool{"for": true, "by": true, "until": true, "till": true, "before": true,
	"deadline": true, "target": true, "goal": true, "plan": true, "plans": true, "aim": true}

// Early, mid and late split a month into thirds (1–10, 11–20, 21–end) and
// a year into four-month parts (retrieval.ReadDate), but a reader's
// "late February" takes in the 20th and "early 2022" the start of May:
// the edges inside the month or year are widened by monthPartSlack or
// yearPartSlack days, the month's or year's own edges stay. Measured on
// eval/dev.jsonl's "in late february 2023, where did biden make a surprise
// trip?" (Kyiv, 2023-02-20, declined with the search narrowed to 21–28)
// and on the period probes of decide3 (late August 2021: the call with
// the Amir of Qatar on the 20th); see defaultDecision.
const (
	monthPartSlack = 3
	yearPartSlack  = 15
)

// widenPart widens p, read from a date expression starting at words[at],
// when the expression opens with a part ("early", "mid", "middle",
// "late", "the start/beginning/middle/end of").
func widenPart(words []string, at int, p Period) Period {
	j := at
	if j < len(words) && words[j] == "the" {
		j++
	}
	if j >= len(words) {
		return p
	}
	switch words[j] {
	case "early", "mid", "middle", "late", "start", "beginning", "end":
	default:
		return p
	}
	slack := monthPartSlack
	if p.Until.Sub(p.Since) > 45*24*time.Hour {
		slack = yearPartSlack
	}
	monthly := slack == monthPartSlack
	if first := p.Since.Day() == 1 && (monthly || p.Since.Month() == time.January); !first {
		p.Since = p.Since.AddDate(0, 0, -slack)
	}
	if last := p.Until.AddDate(0, 0, 1).Day() == 1 && (monthly || p.Until.Month() == time.December); !last {
		p.Until = p.Until.AddDate(0, 0, slack)
	}
	return p
}

// startsDate reports whether a month ("may 2019") or a day before one
// ("13 september 2022") starts at i.
func startsDate(toks []qtok, i int) bool {
	if isMonth(toks[i].w) {
		return true
	}
	_, ok := retrieval.DayNum(toks[i].w)
	return ok && i+1 < len(toks) && isMonth(toks[i+1].w)
}

// mark records tokens [from, to) as the period's phrase.
func mark(q string, toks []qtok, drop []bool, from, to int, p Period) Period {
	for j := from; j < to; j++ {
		drop[j] = true
	}
	p.Phrase = q[toks[from].start:toks[to-1].end]
	if from > 0 && toks[from-1].w == "back" && (from < 2 || toks[from-2].w == "way" || clauseBreak(toks, from-1) == from-1) {
		// "back in march 2021 harris spoke …", "…, way back in 2021":
		// "back" says the period is past, and is no word of what was
		// said; after a verb ("came back in 2023", "won back in 2031")
		// it is the verb's.
		drop[from-1] = true
		if from > 1 && toks[from-2].w == "way" {
			drop[from-2] = true
		}
	}
	return p
}

// NamedDate is a date the question names that is not its period: the
// day of an event ("the October 7 attack"), a date after "the" ("the
// November 2026 midterm elections"), or a period read as the subject
// (PeriodTopic). It filters nothing, but a passage that answers holds it,
// by its document's date or in its words (see datesShown).
type NamedDate struct {
	Phrase string `json:"phrase"`
	// Since and Until bound a date with its year; both zero for a day
	// named without one ("October 7"), given by Month and Day.
	Since time.Time  `json:"since,omitzero"`
	Until time.Time  `json:"until,omitzero"`
	Month time.Month `json:"month,omitempty"`
	Day   int        `json:"day,omitempty"`
}

// Dated reports whether the date has its year.
func (d NamedDate) Dated() bool { return !d.Since.IsZero() }

// String is the date as a reader checks it.
func (d NamedDate) String() string {
	if !d.Dated() {
		return fmt.Sprintf("%s %d, any year", d.Month, d.Day)
	}
	return Period{Since: d.Since, Until: d.Until}.String()
}

// readNamedDates finds the dates among the tokens that did not become a
// filter: a date with its year (a day, a month, a part of a year, a year
// no earlier than historyYears before first, the record's first date:
// older years are history, and "2000 troops" counts troops), or a month
// and day without one.
func readNamedDates(q string, toks []qtok, drop []bool, first time.Time) []NamedDate {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.w
	}
	var out []NamedDate
	for i := 0; i < len(toks); i++ {
		if drop[i] {
			continue
		}
		if s, ok := retrieval.ReadDate(words, i, 0); ok && s.Dated && !anyDropped(drop, i, s.Next) {
			if first.IsZero() || !s.Until.Before(first.AddDate(-historyYears, 0, 0)) {
				out = append(out, NamedDate{Phrase: q[toks[i].start:toks[s.Next-1].end], Since: s.Since, Until: s.Until})
			}
			i = s.Next - 1
			continue
		}
		if m, d, ok := monthDay(words, i); ok && !drop[i+1] {
			out = append(out, NamedDate{Phrase: q[toks[i].start:toks[i+1].end], Month: m, Day: d})
			i++
		}
	}
	return out
}

// opensAsking reports whether w, after a date opening a question, begins
// what it asks: a wh-word, "quote", or a yes/no question's auxiliary
// (yesNoOpeners).
func opensAsking(w string) bool { return askingOpeners[w] || yesNoOpeners[w] }

// askingOpeners are the wh-words and "quote" that open what a question
// asks.
var askingOpeners = map[string]bool{"what": true, "whats": true, "who": true, "whos": true, "when": true, "where": true,
	"why": true, "how": true, "which": true, "quote": true}

// monthYearPrepositions are the prepositions before which a month and
// a two-digit number are a month and its year ("in oct 22"; "on oct 22"
// is a day).
var monthYearPrepositions = map[string]bool{"in": true, "during": true, "throughout": true}

// monthShortYear reads a month and a year in two digits at i ("oct 22",
// "march 21": October 2022, March 2021), with no third number after
// them, and the year no later than the record's end (end): "in march 31"
// is a day, not 2031.
func monthShortYear(words []string, i int, end time.Time) (retrieval.DateSpan, bool) {
	if !shortYearAt(words, i) {
		return retrieval.DateSpan{}, false
	}
	m, _ := text.Month(words[i])
	yy, _ := strconv.Atoi(words[i+1])
	y := 2000 + yy
	if end.IsZero() || y > end.Year() {
		return retrieval.DateSpan{}, false
	}
	return retrieval.DateSpan{Since: dayOf(y, m, 1), Until: retrieval.MonthEnd(y, m), Next: i + 2, Dated: true}, true
}

// shortYearAt reports whether words at i are a month and a two-digit
// number with no third number after them: the shape monthShortYear reads
// after a preposition ("oct 22").
func shortYearAt(words []string, i int) bool {
	if i+1 >= len(words) || len(words[i+1]) != 2 || !isNumber(words[i+1]) || i+2 < len(words) && isNumber(words[i+2]) {
		return false
	}
	_, month := text.Month(words[i])
	return month
}

// periodDate is retrieval.ReadDate for a period: a span statements lie
// near rather than within (a holiday's week, DateSpan.Near) bounds none;
// it stays a named date (readNamedDates).
func periodDate(words []string, i, defaultYear int) (retrieval.DateSpan, bool) {
	s, ok := retrieval.ReadDate(words, i, defaultYear)
	if s.Near {
		return retrieval.DateSpan{}, false
	}
	return s, ok
}

func anyDropped(drop []bool, from, to int) bool {
	for j := from; j < to && j < len(drop); j++ {
		if drop[j] {
			return true
		}
	}
	return false
}

// monthDay reads a month and a day of it with no year after them at i:
// "october 7", "oct 7th".
func monthDay(words []string, i int) (time.Month, int, bool) {
	if i+1 >= len(words) {
		return 0, 0, false
	}
	m, ok := text.Month(words[i])
	if !ok {
		return 0, 0, false
	}
	d, ok := retrieval.DayNum(words[i+1])
	if !ok || len(words[i+1]) > 4 {
		return 0, 0, false
	}
	if i+2 < len(words) {
		if _, ok := yearOf(words[i+2]); ok {
			return 0, 0, false
		}
	}
	return m, d, true
}

// passageDates are the dates a passage's words name: those with their
// year as spans, the days without one as month*100+day.
type passageDates struct {
	spans []retrieval.DateSpan
	days  map[int]bool
}

// datesIn reads the dates a text names.
func datesIn(s string) passageDates {
	var words []string
	for _, t := range text.Tokens(s) {
		words = append(words, t.Word)
	}
	pd := passageDates{days: map[int]bool{}}
	for i := 0; i < len(words); i++ {
		if sp, ok := retrieval.ReadDate(words, i, 0); ok && sp.Dated {
			pd.spans = append(pd.spans, sp)
			if sp.Since.Equal(sp.Until) {
				pd.days[int(sp.Since.Month())*100+sp.Since.Day()] = true
			}
			i = sp.Next - 1
			continue
		}
		if m, d, ok := monthDay(words, i); ok {
			pd.days[int(m)*100+d] = true
		}
	}
	return pd
}

// holds reports whether a passage of a document dated on, naming the
// dates pd, is about the named date d: its document is dated within d or
// up to reportLag days after it (the April jobs report is published in
// May; for a day without a year, in any year), or its words name a date
// within d. "2026" in a passage does not hold "November 2026".
func (pd passageDates) holds(d NamedDate, on time.Time) bool {
	if !d.Dated() {
		if pd.days[int(d.Month)*100+d.Day] {
			return true
		}
		if on.IsZero() {
			return false
		}
		for _, y := range []int{on.Year(), on.Year() - 1} {
			if day := dayOf(y, d.Month, d.Day); !on.Before(day) && !on.After(day.AddDate(0, 0, reportLag)) {
				return true
			}
		}
		return false
	}
	if !on.IsZero() && !on.Before(d.Since) && !on.After(d.Until.AddDate(0, 0, reportLag)) {
		return true
	}
	if d.Since.Equal(d.Until) && !on.IsZero() && !on.Before(d.Since) && on.Before(d.Since.AddDate(1, 0, 0)) &&
		pd.days[int(d.Since.Month())*100+d.Since.Day()] {
		return true // "the October 7th attacks" in a statement of that October
	}
	for _, s := range pd.spans {
		if !s.Since.Before(d.Since) && !s.Until.After(d.Until) {
			return true
		}
	}
	return false
}

// administrationWords name a President's administration after the name
// ("the trump wh", "biden's white house", "the biden admin"), each with
// how many words it takes ("white house": 2).
var administrationWords = map[string]int{"wh": 1, "white": 2, "admin": 1, "administration": 1}

// spokenOf are the words before an administration's name that make it
// what is spoken of: "say about the biden administration", "blame on the
// trump wh".
var spokenOf = map[string]bool{"about": true, "on": true, "regarding": true, "against": true, "of": true,
	"toward": true, "towards": true, "criticize": true, "criticized": true, "blame": true, "blamed": true}

// adminSpan is an administration a question names: its President, its
// days and the tokens [from, to) that name it.
type adminSpan struct {
	president *Person
	p         Period
	from, to  int
}

// readAdministration reads the first administration the question names
// as the subject of what it asks ("when did the trump wh first say …",
// "what did the biden administration say about …", "under trump"): the
// days the record titles that President president, the latest
// administration open to the record's end. A possessive ("the trump
// administration's tariffs") or an object ("what did the wh say about
// the biden administration", spokenOf) is what is spoken of, not who
// speaks, and is not read; nor are the administrations a comparison
// compares.
func readAdministration(q string, toks []qtok, pp *people, end time.Time) (adminSpan, bool) {
	if comparisonCueRe.MatchString(q) {
		return adminSpan{}, false // "both biden's and trump's white house": each a side
	}
	for i, t := range toks {
		ps, ok := pp.byAlias[t.w]
		if !ok {
			continue
		}
		pres, tenure := presidentOf(ps)
		if pres == nil {
			continue
		}
		from, to := i, i+1
		j := to
		if j < len(toks) && toks[j].w == "s" {
			j++
		}
		switch {
		case i > 0 && toks[i-1].w == "under":
			from = i - 1
		case i > 1 && toks[i-1].w == "president" && toks[i-2].w == "under":
			from = i - 2 // "under president trump"
		case j < len(toks) && administrationWords[toks[j].w] > 0:
			n := administrationWords[toks[j].w]
			if n == 2 && (j+1 >= len(toks) || toks[j+1].w != "house") {
				continue
			}
			to = j + n
			if to < len(toks) && toks[to].w == "s" {
				continue // "the trump administration's tariffs"
			}
			if from > 0 && toks[from-1].w == "the" {
				from--
			}
			if from > 0 && spokenOf[toks[from-1].w] {
				continue // "what did the wh say about the biden administration"
			}
		default:
			continue
		}
		if !tenure.Until.IsZero() && end.Sub(tenure.Until) <= administrationTail {
			tenure.Until = time.Time{} // still in office when the record ends
		}
		// The phrase as the answer's sentences read it: "No passage of
		// the record from the trump wh …", "… under trump …".
		tenure.Phrase = q[toks[from].start:toks[to-1].end]
		if from == i || toks[from].w == "the" {
			tenure.Phrase = "from " + tenure.Phrase
		}
		return adminSpan{president: pres, p: tenure, from: from, to: to}, true
	}
	return adminSpan{}, false
}

// administrationTail: a President the record last titles so within this
// long of its end is in office at its end.
const administrationTail = 30 * 24 * time.Hour

// administrationDocs is how many documents must title a person president
// for the first and last of them to bound an administration: the
// record's own Presidents. Over the sample and White House record Joe
// Biden is so titled in 2,968 documents and Donald J. Trump in 239; no
// other president in more than 21 (Zelenskyy), whose titled documents
// span only the visits and calls the record holds.
const administrationDocs = 50

// presidentOf returns the person of ps the record titles president most
// often (in administrationDocs documents or more), with the days it does.
func presidentOf(ps []*Person) (*Person, Period) {
	var best *Person
	var span Period
	most := 0
	for _, p := range ps {
		for _, t := range p.Titles {
			if t.Title == "president" && t.Docs >= administrationDocs && t.Docs > most {
				best, most, span = p, t.Docs, Period{Since: t.First, Until: t.Last}
			}
		}
	}
	return best, span
}
