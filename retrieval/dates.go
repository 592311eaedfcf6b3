package retrieval

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"

	"github.com/readout/readout/text"
)

// A question that names when ("on September 13, 2022", "in September
// 2023", "in 2021") is most likely about documents of that time: the
// fused score of a passage whose document is dated then is raised by these
// factors, the more precisely the date matches. They reorder close
// candidates (a factor of 1.25 lifts a passage from about rank 10 in both
// lists above one ranked first in one list only); they never filter.
const (
	dayBoost   = 1.5
	monthBoost = 1.35
	yearBoost  = 1.2
)

var (
	// "September 13, 2022", "Sept. 13 2022", "September 2022", "2022".
	monthDayYearRe = regexp.MustCompile(`(?i)\b(` + text.MonthPrefixPattern + `)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	monthYearRe    = regexp.MustCompile(`(?i)\b(` + text.MonthPrefixPattern + `)[a-z]*\.?,?\s+((?:19|20)\d\d)\b`)
	yearRe         = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
)

// queryDates are the days (yyyymmdd), months (yyyymm) and years a question
// names.
type queryDates struct {
	days, months, years []int
}

func (q queryDates) empty() bool { return len(q.days)+len(q.months)+len(q.years) == 0 }

func parseQueryDates(query string) queryDates {
	var q queryDates
	month := func(s string) int { m, _ := text.Month(s); return int(m) }
	for _, m := range monthDayYearRe.FindAllStringSubmatch(query, -1) {
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if d >= 1 && d <= 31 {
			q.days = append(q.days, y*10000+month(m[1])*100+d)
		}
	}
	for _, m := range monthYearRe.FindAllStringSubmatch(query, -1) {
		y, _ := strconv.Atoi(m[2])
		q.months = append(q.months, y*100+month(m[1]))
	}
	for _, m := range yearRe.FindAllStringSubmatch(query, -1) {
		y, _ := strconv.Atoi(m[1])
		q.years = append(q.years, y)
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
