package text

import (
	"strings"
	"time"
)

// monthNames are the months' full names, lower case, January first.
var monthNames = [12]string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// monthWords maps lower-case month names and the abbreviations the record
// uses ("Sept.", "Nov.") to months.
var monthWords = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for i, n := range monthNames {
		m[n] = time.Month(i + 1)
		m[n[:3]] = time.Month(i + 1)
	}
	return m
}()

// Month parses a month name or abbreviation in any case, with or without
// the abbreviation's period: "September", "SEPT.", "nov".
func Month(s string) (time.Month, bool) {
	m, ok := monthWords[strings.ToLower(strings.TrimSuffix(s, "."))]
	return m, ok
}

// MonthName returns the lower-case full name of m ("november"), the form
// Stem gives every spelling of a month.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthNames[m-1]
}

// MonthPattern is a regular-expression alternation of the months as prose
// writes them, capitalised: full names and the abbreviations with their
// period ("Nov.", "Sept."). Longer forms come first so "Sept." is not read
// as "Sep".
const MonthPattern = `January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.`

// MonthPrefixPattern is a regular-expression alternation of the first
// letters of every month ("jan", "sept", "nov"), for patterns that accept
// the rest of the name and any case: `(?i)\b(` + MonthPrefixPattern +
// `)[a-z]*\.?`. Month parses what it matched.
const MonthPrefixPattern = `jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec`

// weekdayNames are the weekdays as prose writes them, Sunday first as in
// time.Weekday.
var weekdayNames = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// Weekday parses a weekday's name in any case: "Monday", "FRIDAY".
func Weekday(s string) (time.Weekday, bool) {
	for i, n := range weekdayNames {
		if strings.EqualFold(s, n) {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// LastWeekday returns the latest day on or before ref that falls on wd:
// "on Monday" in a report captured on a Tuesday means the day before.
// false when ref is zero.
func LastWeekday(wd time.Weekday, ref time.Time) (time.Time, bool) {
	if ref.IsZero() {
		return time.Time{}, false
	}
	diff := (int(ref.Weekday()) - int(wd) + 7) % 7
	return ref.AddDate(0, 0, -diff), true
}

// WeekdayPattern is a regular-expression alternation of the weekdays'
// names, capitalised as prose writes them.
const WeekdayPattern = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`

// NamesDate reports whether w, a word in any case, is a month's name or
// abbreviation (Month) or a weekday's name (Weekday): a capitalised word
// that names a time, not a person or a place.
func NamesDate(w string) bool {
	if _, ok := Month(w); ok {
		return true
	}
	_, ok := Weekday(w)
	return ok
}

// IsCalendarWord reports whether w, a lower-case word or its stem, is a
// month's full name or a weekday's: a word prose capitalises that names a
// date, not a person or a place.
func IsCalendarWord(w string) bool { return calendarWords[w] }

// calendarWords are the months' full names and the weekdays' names, lower
// case, with their stems ("mondai").
var calendarWords = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range monthNames {
		m[n], m[Stem(n)] = true, true
	}
	for _, n := range weekdayNames {
		l := strings.ToLower(n)
		m[l], m[Stem(l)] = true, true
	}
	return m
}()

// RelativeDayPattern is a regular-expression alternation of the words by
// which a statement gives a day relative to its own: "today", "tonight",
// "tomorrow", "yesterday", "this morning", "last night" (lower case; use
// with (?i)).
const RelativeDayPattern = `today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening)|last night`

// RelativeDayShift returns how many days a relative day (as
// RelativeDayPattern matches it, in any case) moves from the day of the
// statement that says it: "tomorrow" 1, "yesterday" and "last night" −1,
// the others 0.
func RelativeDayShift(w string) int {
	switch strings.ToLower(w) {
	case "tomorrow":
		return 1
	case "yesterday", "last night":
		return -1
	}
	return 0
}
