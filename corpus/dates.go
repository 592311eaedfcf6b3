package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/readout/readout/text"
)

// monthDayRe finds "September 28", "Nov. 7", "Sept. 19, 2022" in running
// text. Month names must be capitalised as in prose.
var monthDayRe = regexp.MustCompile(`\b` + monthDayPattern + `(?:, (\d{4}))?\b`)

// monthDayPattern is a month and its day, "September 28", "Nov. 7th":
// the month and the day are its two groups.
const monthDayPattern = `(` + text.MonthPattern + `) (\d{1,2})(?:st|nd|rd|th)?`

// weekdayRe finds a weekday name in running text.
var weekdayRe = regexp.MustCompile(`\b(` + text.WeekdayPattern + `)\b`)

// day returns midnight UTC of the calendar date, the one form of date the
// package stores, so that dates compare by day whatever zone they came in.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// validDay reports whether y-m-d is a real calendar date.
func validDay(y int, m time.Month, d int) bool {
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := day(y, m, d)
	return t.Day() == d && t.Month() == m
}

// inferYear returns the latest date with the given month and day that is not
// after ref: a report mentions past events, so "September 28" written on
// 2023-10-19 is 2023-09-28 and written on 2023-01-05 is 2022-09-28.
func inferYear(m time.Month, d int, ref time.Time) (time.Time, bool) {
	if ref.IsZero() {
		return time.Time{}, false
	}
	for y := ref.Year(); y >= ref.Year()-1; y-- {
		if !validDay(y, m, d) {
			continue
		}
		if t := day(y, m, d); !t.After(ref) {
			return t, true
		}
	}
	return time.Time{}, false
}

// soonAfter reports whether a month and day written without a year fall
// within the month after ref: "will call on March 11", written on March 7,
// names a day to come, not March 11 of the year before (inferYear's
// reading of a date that must be past).
func soonAfter(monthName, dayStr string, ref time.Time) bool {
	m, ok := text.Month(monthName)
	d, err := strconv.Atoi(dayStr)
	if !ok || err != nil || ref.IsZero() {
		return false
	}
	for _, y := range []int{ref.Year(), ref.Year() + 1} {
		if t := day(y, m, d); validDay(y, m, d) && t.After(ref) && t.Sub(ref) <= soonWindow {
			return true
		}
	}
	return false
}

// soonWindow is how far ahead soonAfter reads a date as one to come: an
// announcement gives the day of an event weeks ahead at most.
const soonWindow = 31 * 24 * time.Hour

// dateLayouts are the forms accepted in headers, front matter, JSON and HTML
// meta tags.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	time.RFC1123,
	time.RFC1123Z,
}

// parseDate reads a date written in one of dateLayouts and returns its
// calendar date (in the zone it was written in) as midnight UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"'`))
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return day(t.Year(), t.Month(), t.Day()), true
		}
	}
	// A longer timestamp that starts with a date ("2022-09-13 10:00 EDT").
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return day(t.Year(), t.Month(), t.Day()), true
		}
	}
	return time.Time{}, false
}

// resolveMonthDay turns a monthDayRe submatch into a date: an explicit year
// wins, else the year is inferred from ref.
func resolveMonthDay(monthName, dayStr, yearStr string, ref time.Time) (time.Time, bool) {
	m, ok := text.Month(monthName)
	if !ok {
		return time.Time{}, false
	}
	d, err := strconv.Atoi(dayStr)
	if err != nil {
		return time.Time{}, false
	}
	if yearStr != "" {
		y, err := strconv.Atoi(yearStr)
		if err != nil || !validDay(y, m, d) {
			return time.Time{}, false
		}
		return day(y, m, d), true
	}
	return inferYear(m, d, ref)
}

// weekdayDatedRe: the date a weekday opens, ", December 7" of "Tuesday,
// December 7, 2021", " March 29th" of "Tuesday March 29th", " (March
// 11)" of "Tuesday (March 11)".
var weekdayDatedRe = regexp.MustCompile(`^,? \(?` + monthDayPattern + `\b`)

// dated reports whether rest, the text after a weekday, opens with the
// date that weekday names.
func dated(rest string) bool { return weekdayDatedRe.MatchString(rest) }
