package retrieval

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/readout/readout/text"
)

// This file is the one reader of dates as a question writes them ("on
// September 13, 2022", "in sept 2023", "13 September 2022", "early 2022",
// "the end of March 2024"): answer reads a question's period with it, and
// Search raises the documents of the dates a query names (boostDates).
// ParsePeriod reads the other form, the dates of a filter (2023-09).

// DateSpan is a date expression read from a question's words: its first
// and last day, the index of the word after it, and whether it named a
// year (a month or day without one bounds nothing). Near marks a span
// that statements lie near rather than within (a holiday: "labor day
// 2026"); it names a date but bounds no period.
type DateSpan struct {
	Since, Until time.Time
	Next         int
	Dated        bool
	Near         bool
}

// Day returns the date of y, m, d at midnight UTC.
func Day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// MonthEnd returns the last day of month m of year y.
func MonthEnd(y int, m time.Month) time.Time { return Day(y, m+1, 1).AddDate(0, 0, -1) }

// YearOf reads a four-digit year of the record's era ("2023").
func YearOf(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil && y >= 1900 && y <= 2100
}

// DayNum reads a day of the month: "13" or "13th".
func DayNum(w string) (int, bool) {
	w = strings.TrimRight(w, "stndrh")
	d, err := strconv.Atoi(w)
	return d, err == nil && d >= 1 && d <= 31
}

// part narrows a month or year to its early, middle or late third.
type part int

const (
	whole part = iota
	early
	middle
	late
)

// readPart reads "early", "mid", "late", "the start/beginning/middle/end
// of" at i.
func readPart(words []string, i int) (part, int) {
	if i >= len(words) {
		return whole, i
	}
	switch words[i] {
	case "early":
		return early, i + 1
	case "mid", "middle":
		if i+1 < len(words) && words[i+1] == "of" {
			return middle, i + 2
		}
		return middle, i + 1
	case "late":
		return late, i + 1
	case "the", "start", "beginning", "end":
		j := i
		if words[j] == "the" {
			j++
		}
		if j+1 < len(words) && words[j+1] == "of" {
			switch words[j] {
			case "start", "beginning":
				return early, j + 2
			case "middle":
				return middle, j + 2
			case "end":
				return late, j + 2
			}
		}
	}
	return whole, i
}

// seasons are the first months of the seasons as the northern
// hemisphere's calendar counts them (meteorological seasons: three whole
// months each).
var seasons = map[string]time.Month{"spring": time.March, "summer": time.June, "fall": time.September,
	"autumn": time.September, "winter": time.December}

// holidayLead is how many days before a holiday its span starts: a
// President's proclamation of a day is issued up to a week before it.
const holidayLead = 7

// holidays are the United States' holidays a question names with a
// year ("labor day 2026", "thanksgiving of 2021", "christmas 2023"),
// each with its day in a year. "Independence Day" is not among them:
// every country has one ("ukraine's independence day 2023" is in
// August); "the fourth of july" is. The words are as text.Tokens gives them
// ("new year's" may come as "new", "year", "s").
var holidays = []struct {
	words []string
	day   func(y int) time.Time
}{
	{[]string{"christmas", "eve"}, fixedDay(time.December, 24)},
	{[]string{"christmas"}, fixedDay(time.December, 25)},
	{[]string{"new", "year", "s", "day"}, fixedDay(time.January, 1)},
	{[]string{"new", "year's", "day"}, fixedDay(time.January, 1)},
	{[]string{"new", "years", "day"}, fixedDay(time.January, 1)},
	{[]string{"juneteenth"}, fixedDay(time.June, 19)},
	{[]string{"fourth", "of", "july"}, fixedDay(time.July, 4)},
	{[]string{"veterans", "day"}, fixedDay(time.November, 11)},
	{[]string{"memorial", "day"}, func(y int) time.Time { return lastWeekdayOfMonth(y, time.May, time.Monday) }},
	{[]string{"labor", "day"}, func(y int) time.Time { return nthWeekday(y, time.September, time.Monday, 1) }},
	{[]string{"thanksgiving"}, func(y int) time.Time { return nthWeekday(y, time.November, time.Thursday, 4) }},
	{[]string{"mlk", "day"}, func(y int) time.Time { return nthWeekday(y, time.January, time.Monday, 3) }},
	{[]string{"martin", "luther", "king", "day"}, func(y int) time.Time { return nthWeekday(y, time.January, time.Monday, 3) }},
	{[]string{"martin", "luther", "king", "jr", "day"}, func(y int) time.Time { return nthWeekday(y, time.January, time.Monday, 3) }},
	{[]string{"presidents", "day"}, func(y int) time.Time { return nthWeekday(y, time.February, time.Monday, 3) }},
	{[]string{"columbus", "day"}, func(y int) time.Time { return nthWeekday(y, time.October, time.Monday, 2) }},
	{[]string{"indigenous", "peoples", "day"}, func(y int) time.Time { return nthWeekday(y, time.October, time.Monday, 2) }},
	{[]string{"easter"}, easter},
}

// holidayAt reads a holiday's name at words[i]: its day in a given year
// and where the name ends.
func holidayAt(words []string, i int) (func(int) time.Time, int, bool) {
	for _, k := range holidaysByFirst[words[i]] {
		h := holidays[k]
		if i+len(h.words) <= len(words) && slices.Equal(words[i:i+len(h.words)], h.words) {
			return h.day, i + len(h.words), true
		}
	}
	return nil, i, false
}

// holidaysByFirst indexes holidays by their first word, in table order
// ("christmas eve" before "christmas"): ReadDate reads at every word of
// a passage.
var holidaysByFirst = func() map[string][]int {
	m := map[string][]int{}
	for k, h := range holidays {
		m[h.words[0]] = append(m[h.words[0]], k)
	}
	return m
}()

func fixedDay(m time.Month, d int) func(int) time.Time {
	return func(y int) time.Time { return Day(y, m, d) }
}

// nthWeekday is the nth (1-based) wd of month m of year y.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	t := Day(y, m, 1)
	return t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7+7*(n-1))
}

// lastWeekdayOfMonth is the last wd of month m of year y.
func lastWeekdayOfMonth(y int, m time.Month, wd time.Weekday) time.Time {
	t := MonthEnd(y, m)
	return t.AddDate(0, 0, -((int(t.Weekday()) - int(wd) + 7) % 7))
}

// easter is Easter Sunday of year y (the Gregorian computus, Meeus/Jones/
// Butcher).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Day(y, time.Month(month), day)
}

// ReadDate reads a date expression starting at words[i] (lower-case words
// as text.Tokens gives them): [part] month [day][,] year, [part] day month
// year, [part] year, a season and its year ("summer 2024", "the spring of
// 2022"), a holiday and its year ("labor day 2026": the week up to it,
// holidayLead, Near), or a month without a year, which defaultYear (0:
// none) completes. A month with no year and no default is not read, but
// its Next says where it ended.
func ReadDate(words []string, i, defaultYear int) (DateSpan, bool) {
	p, j := readPart(words, i)
	if j >= len(words) {
		return DateSpan{}, false
	}
	if d, ok := DayNum(words[j]); ok && j+2 < len(words) {
		// "13 September 2022"
		if m, ok := text.Month(words[j+1]); ok {
			if y, ok := YearOf(words[j+2]); ok {
				t := Day(y, m, d)
				return DateSpan{Since: t, Until: t, Next: j + 3, Dated: true}, true
			}
		}
	}
	if m, ok := text.Month(words[j]); ok {
		k := j + 1
		d := 0
		if k < len(words) {
			if dd, ok := DayNum(words[k]); ok && len(words[k]) <= 4 {
				d, k = dd, k+1
			}
		}
		y, ok := 0, false
		if k < len(words) {
			y, ok = YearOf(words[k])
		}
		if ok {
			k++
		} else if defaultYear != 0 {
			y = defaultYear
		} else {
			return DateSpan{Next: k}, false
		}
		if d > 0 {
			t := Day(y, m, d)
			return DateSpan{Since: t, Until: t, Next: k, Dated: ok}, true
		}
		since, until := Day(y, m, 1), MonthEnd(y, m)
		switch p {
		case early:
			until = Day(y, m, 10)
		case middle:
			since, until = Day(y, m, 11), Day(y, m, 20)
		case late:
			since = Day(y, m, 21)
		}
		return DateSpan{Since: since, Until: until, Next: k, Dated: ok}, true
	}
	if s := j; p == whole && s+2 < len(words) && words[s] == "the" && seasons[words[s+1]] != 0 {
		j = s + 1 // "the summer of 2023"
	}
	if first, ok := seasons[words[j]]; ok && p == whole && j+1 < len(words) {
		// "summer 2024", "spring of 2022": its three months.
		k := j + 1
		if words[k] == "of" && k+1 < len(words) {
			k++
		}
		if y, ok := YearOf(words[k]); ok {
			if first == 12 {
				// Winter straddles the year: "winter 2022" is the one
				// that ends in it (December 2021 to February 2022).
				return DateSpan{Since: Day(y-1, 12, 1), Until: MonthEnd(y, 2), Next: k + 1, Dated: true}, true
			}
			return DateSpan{Since: Day(y, first, 1), Until: MonthEnd(y, first+2), Next: k + 1, Dated: true}, true
		}
	}
	// A part of a holiday is no holiday; Orthodox Christmas falls in
	// January.
	if p == whole && (j == 0 || words[j-1] != "orthodox") {
		if day, k, ok := holidayAt(words, j); ok {
			if k < len(words) && words[k] == "of" {
				k++
			}
			if k < len(words) {
				if y, ok := YearOf(words[k]); ok {
					// The week up to the day: a holiday's proclamation or
					// message is issued on it or in the days before.
					t := day(y)
					return DateSpan{Since: t.AddDate(0, 0, -holidayLead), Until: t.AddDate(0, 0, 1), Next: k + 1, Dated: true, Near: true}, true
				}
			}
		}
	}
	if y, ok := YearOf(words[j]); ok {
		since, until := Day(y, 1, 1), Day(y, 12, 31)
		switch p {
		case early:
			until = Day(y, 4, 30)
		case middle:
			since, until = Day(y, 5, 1), Day(y, 8, 31)
		case late:
			since = Day(y, 9, 1)
		}
		return DateSpan{Since: since, Until: until, Next: j + 1, Dated: true}, true
	}
	return DateSpan{}, false
}

// A question that names when ("on September 13, 2022", "in September
// 2023", "in 2021") is most likely about documents of that time: the
// fused score of a passage whose document is dated then is raised by these
// factors, the more precisely the date matches. They reorder close
// candidates (a factor of 1.25 lifts a passage from about rank 10 in both
// lists above one ranked first in one list only); they never filter.
//
// Still needed now that answer turns a question's period into a filter,
// measured on 2026-12-02 over the sample plus the White House record
// (`readout eval eval/dev.jsonl --summary`, and the same on the shared
// public.jsonl): without the boost the development set's period kind
// falls from cite-hit@5 0.71 to 0.64 and paraphrase's speakers shown from
// 11/17 to 10/17 (follow-up's rise from 7/19 to 8/19), every other figure
// unchanged; the public set is unchanged (cite-hit@5 1.00, 0/9 wrong declines). The
// dates it raises are those no filter holds: a date that names a thing
// ("the 2020 war"), a date with no preposition ("the feb 2025 memo"), and
// the raw queries of `readout search`, the bot's /search and eval's rank.
const (
	dayBoost   = 1.5
	monthBoost = 1.35
	yearBoost  = 1.2
)

// queryDates are the days (yyyymmdd), months (yyyymm) and years a question
// names.
type queryDates struct {
	days, months, years []int
}

func (q queryDates) empty() bool { return len(q.days)+len(q.months)+len(q.years) == 0 }

// parseQueryDates reads every date expression of query with ReadDate: a
// day counts as its day and year, a month (or part of one) as its month
// and year, anything longer as its year.
func parseQueryDates(query string) queryDates {
	toks := text.Tokens(query)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Word
	}
	var q queryDates
	for i := 0; i < len(words); {
		s, ok := ReadDate(words, i, 0)
		if !ok || !s.Dated {
			i++
			continue
		}
		y, m := s.Since.Year(), s.Since.Month()
		switch {
		case s.Since.Equal(s.Until):
			q.days = append(q.days, y*10000+int(m)*100+s.Since.Day())
		case y == s.Until.Year() && m == s.Until.Month():
			q.months = append(q.months, y*100+int(m))
		}
		q.years = append(q.years, y)
		i = s.Next
	}
	return q
}

// boostDates raises the candidates whose document is dated when the
// question says, then sorts them again (ties by chunk order).
func (s *snapshot) boostDates(cands []candidate, q queryDates) {
	if q.empty() {
		return
	}
	for i := range cands {
		day := int(s.docDay[s.chunkDoc[cands[i].chunk]])
		if day == 0 {
			continue
		}
		switch {
		case slices.Contains(q.days, day):
			cands[i].score *= dayBoost
		case slices.Contains(q.months, day/100):
			cands[i].score *= monthBoost
		case slices.Contains(q.years, day/10000):
			cands[i].score *= yearBoost
		}
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.chunk, b.chunk)
	})
}
