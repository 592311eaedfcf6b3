package retrieval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var periodRe = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$`)

// ParsePeriod reads a date as people give one to a filter (--since and
// --until on the command line, since: and until: on Discord): a year
// (2023), a month (2023-09) or a day (2023-09-28). It returns the first
// and the last day of the period, so "since 2023-09" starts on September 1
// and "until 2023-09" ends on September 30. A day that does not exist
// (2023-02-30) is refused with that reason.
func ParsePeriod(s string) (first, last time.Time, err error) {
	s = strings.TrimSpace(s)
	m := periodRe.FindStringSubmatch(s)
	if m == nil {
		return first, last, fmt.Errorf("%q is not a date: write 2023, 2023-09 or 2023-09-28", s)
	}
	year, _ := strconv.Atoi(m[1])
	if m[2] == "" {
		first = time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(1, 0, -1), nil
	}
	month, _ := strconv.Atoi(m[2])
	if month < 1 || month > 12 {
		return first, last, fmt.Errorf("%q: there is no month %d; months run from 01 to 12", s, month)
	}
	first = time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	monthLast := first.AddDate(0, 1, -1)
	if m[3] == "" {
		return first, monthLast, nil
	}
	day, _ := strconv.Atoi(m[3])
	if day < 1 || day > monthLast.Day() {
		return time.Time{}, time.Time{}, fmt.Errorf("%q: that day does not exist: %s %d has %d days", s, first.Month(), year, monthLast.Day())
	}
	first = time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return first, first, nil
}
