package answer

import (
	"strconv"
	"strings"
	"time"

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

// span is a parsed date expression: its first and last day, how many
// tokens it took, and whether it named a year (a month or day without one
// is not bounded).
type span struct {
	since, until time.Time
	next         int
	dated        bool
}

func dayOf(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func monthEnd(y int, m time.Month) time.Time { return dayOf(y, m+1, 1).AddDate(0, 0, -1) }

// yearOf reads a four-digit year of the record's era.
func yearOf(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil && y >= 1900 && y <= 2100
}

// dayNum reads "13" or "13th".
func dayNum(w string) (int, bool) {
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
func readPart(toks []qtok, i int) (part, int) {
	if i >= len(toks) {
		return whole, i
	}
	switch toks[i].w {
	case "early":
		return early, i + 1
	case "mid", "middle":
		if i+1 < len(toks) && toks[i+1].w == "of" {
			return middle, i + 2
		}
		return middle, i + 1
	case "late":
		return late, i + 1
	case "the", "start", "beginning", "end":
		j := i
		if toks[j].w == "the" {
			j++
		}
		if j+1 < len(toks) && toks[j+1].w == "of" {
			switch toks[j].w {
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

// readDate reads a date expression at i: [part] month [day][,] year,
// [part] day month year, [part] year, or a month without a year, which
// defaultYear (0: none) completes.
func readDate(toks []qtok, i, defaultYear int) (span, bool) {
	p, j := readPart(toks, i)
	if j >= len(toks) {
		return span{}, false
	}
	if d, ok := dayNum(toks[j].w); ok && j+2 < len(toks) {
		// "13 September 2022"
		if m, ok := text.Month(toks[j+1].w); ok {
			if y, ok := yearOf(toks[j+2].w); ok {
				t := dayOf(y, m, d)
				return span{t, t, j + 3, true}, true
			}
		}
	}
	if m, ok := text.Month(toks[j].w); ok {
		k := j + 1
		d := 0
		if k < len(toks) {
			if dd, ok := dayNum(toks[k].w); ok && len(toks[k].w) <= 4 {
				d, k = dd, k+1
			}
		}
		y, ok := 0, false
		if k < len(toks) {
			y, ok = yearOf(toks[k].w)
		}
		if ok {
			k++
		} else if defaultYear != 0 {
			y = defaultYear
		} else {
			return span{next: k}, false
		}
		if d > 0 {
			t := dayOf(y, m, d)
			return span{t, t, k, ok}, true
		}
		since, until := dayOf(y, m, 1), monthEnd(y, m)
		switch p {
		case early:
			until = dayOf(y, m, 10)
		case middle:
			since, until = dayOf(y, m, 11), dayOf(y, m, 20)
		case late:
			since = dayOf(y, m, 21)
		}
		return span{since, until, k, ok}, true
	}
	if y, ok := yearOf(toks[j].w); ok {
		since, until := dayOf(y, 1, 1), dayOf(y, 12, 31)
		switch p {
		case early:
			until = dayOf(y, 4, 30)
		case middle:
			since, until = dayOf(y, 5, 1), dayOf(y, 8, 31)
		case late:
			since = dayOf(y, 9, 1)
		}
		return span{since, until, j + 1, true}, true
	}
	return span{}, false
}

// readRelative reads "last week", "this month", "yesterday", "in the past
// 30 days" at i, counted back from end (the record's latest date).
func readRelative(toks []qtok, i int, end time.Time) (span, bool) {
	if end.IsZero() || i >= len(toks) {
		return span{}, false
	}
	end = dayOf(end.Year(), end.Month(), end.Day())
	w := toks[i].w
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].w
	}
	switch w {
	case "today":
		return span{end, end, i + 1, true}, true
	case "yesterday":
		d := end.AddDate(0, 0, -1)
		return span{d, d, i + 1, true}, true
	case "last", "past", "this":
		n, k := 1, i+1
		if k < len(toks) {
			if v, err := strconv.Atoi(toks[k].w); err == nil && v > 0 && v < 1000 {
				n, k = v, k+1
			}
		}
		if k >= len(toks) {
			return span{}, false
		}
		unit := strings.TrimSuffix(toks[k].w, "s")
		k++
		switch {
		case w == "this" && unit == "week":
			return span{end.AddDate(0, 0, -6), end, k, true}, true
		case w == "this" && unit == "month":
			return span{dayOf(end.Year(), end.Month(), 1), end, k, true}, true
		case w == "this" && unit == "year":
			return span{dayOf(end.Year(), 1, 1), end, k, true}, true
		case w == "last" && n == 1 && next == "month":
			m := dayOf(end.Year(), end.Month(), 1).AddDate(0, -1, 0)
			return span{m, monthEnd(m.Year(), m.Month()), k, true}, true
		case w == "last" && n == 1 && next == "year":
			y := end.Year() - 1
			return span{dayOf(y, 1, 1), dayOf(y, 12, 31), k, true}, true
		case unit == "day":
			return span{end.AddDate(0, 0, -n+1), end, k, true}, true
		case unit == "week":
			return span{end.AddDate(0, 0, -7*n+1), end, k, true}, true
		case unit == "month":
			return span{end.AddDate(0, -n, 1), end, k, true}, true
		case unit == "year":
			return span{end.AddDate(-n, 0, 1), end, k, true}, true
		}
	}
	return span{}, false
}

// readPeriod finds the question's period and marks its tokens in drop.
func readPeriod(q string, toks []qtok, end time.Time, drop []bool) Period {
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
			return mark(q, toks, drop, from, s.next, Period{Since: s.since, Until: s.until})
		}
		var p Period
		var stop int
		switch w {
		case "in", "on", "during", "at", "around", "throughout":
			s, ok := readDate(toks, i+1, 0)
			if !ok || !s.dated {
				continue
			}
			p, stop = Period{Since: s.since, Until: s.until}, s.next
		case "between", "from":
			a, ok := readDate(toks, i+1, 0)
			if !ok && a.next == 0 {
				continue
			}
			k := a.next
			if k >= len(toks) || !(toks[k].w == "and" || toks[k].w == "to" || toks[k].w == "until" || toks[k].w == "through" || toks[k].w == "till") {
				continue
			}
			b, ok := readDate(toks, k+1, 0)
			if !ok || !b.dated {
				continue
			}
			if !a.dated {
				// "between March and May 2022": the first month takes the
				// second's year.
				a, ok = readDate(toks, i+1, b.since.Year())
				if !ok {
					continue
				}
			}
			p, stop = Period{Since: a.since, Until: b.until}, b.next
		case "since", "after":
			s, ok := readDate(toks, i+1, 0)
			if !ok || !s.dated {
				continue
			}
			p.Since = s.since
			if w == "after" {
				p.Since = s.until.AddDate(0, 0, 1)
			}
			stop = s.next
		case "before", "until", "till", "by", "through":
			s, ok := readDate(toks, i+1, 0)
			if !ok || !s.dated {
				continue
			}
			p.Until = s.until
			if w == "before" {
				p.Until = s.since.AddDate(0, 0, -1)
			}
			stop = s.next
		case "early", "mid", "late":
			// "early 2022" with no preposition still names a time.
			s, ok := readDate(toks, i, 0)
			if !ok || !s.dated {
				continue
			}
			p, stop = Period{Since: s.since, Until: s.until}, s.next
			return mark(q, toks, drop, i, stop, p)
		default:
			// A year that closes the question after a name ("on Armenian
			// Remembrance Day 2025?", "at UNGA 2022?") dates it; one
			// before a noun ("the 2020 war") names a thing.
			// After a function word ("say about 1915?") it is the subject.
			y, ok := yearOf(w)
			if !ok || i != len(toks)-1 || i == 0 || text.IsStopword(toks[i-1].w) || isNumber(toks[i-1].w) || isMonth(toks[i-1].w) {
				continue
			}
			return mark(q, toks, drop, i, i+1, Period{Since: dayOf(y, 1, 1), Until: dayOf(y, 12, 31)})
		}
		return mark(q, toks, drop, i, stop, p)
	}
	return Period{}
}

// mark records tokens [from, to) as the period's phrase.
func mark(q string, toks []qtok, drop []bool, from, to int, p Period) Period {
	for j := from; j < to; j++ {
		drop[j] = true
	}
	p.Phrase = q[toks[from].start:toks[to-1].end]
	return p
}
