package corpus

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// maxTitleLen bounds a title made from the first sentence.
const maxTitleLen = 120

// captureRe matches the capture-date prefix of the sample record
// (" date 2023-10-19 YEREVAN, ..."): the date the page was saved, glued to
// the first sentence.
var captureRe = regexp.MustCompile(`^\s*date (\d{4}-\d{2}-\d{2})[ \t]*`)

// datelineRe matches a news-agency dateline at the start of a paragraph:
// "YEREVAN, SEPTEMBER 29, ARMENPRESS. " (city, date, outlet).
var datelineRe = regexp.MustCompile(`^([A-Z][A-Z.'’ -]{1,40}), ((?i:` + text.MonthPattern + `)) (\d{1,2})(?:, (\d{4}))?,? ([A-Z][A-Za-z0-9&'’ .-]{0,40}?[A-Za-z0-9])\.\s`)

// parenDatelineRe matches the wire-service dateline "WASHINGTON (AP) — ".
var parenDatelineRe = regexp.MustCompile(`^([A-Z][A-Z.'’ -]{1,40})(?:, ((?i:` + text.MonthPattern + `)) (\d{1,2})(?:, (\d{4}))?)? \(([A-Za-z][A-Za-z0-9&'’ .-]{0,40})\) ?[—–-]+ ?`)

// correspondentRe finds "TURAN's Washington correspondent reports".
var correspondentRe = regexp.MustCompile(`\b([A-Z][A-Za-z0-9&-]*(?: [A-Z][A-Za-z0-9&-]*){0,3})['’]s (?:[A-Z][a-z]+ )?(?:correspondent|reporter|bureau) reports\b`)

// selfReportRe finds "as previously reported by State Newswire": the outlet
// referring to its own earlier reporting.
var selfReportRe = regexp.MustCompile(`\bpreviously reported by ([A-Z][A-Za-z0-9&-]*(?: [A-Z][A-Za-z0-9&-]*){0,3})`)

// relDayRe finds "today" and "yesterday" near a speech verb.
var relDayRe = regexp.MustCompile(`\b(today|yesterday)\b`)

// dateline is what a dateline gives: the outlet, its date, and where it ends
// in the text.
type dateline struct {
	outlet string
	date   time.Time
	end    int
}

// findDateline looks for a dateline at the start of the text or of its
// second line (after a headline). Dates without a year take it from ref.
func findDateline(text string, ref time.Time) (dateline, bool) {
	starts := []int{0}
	if i := strings.IndexByte(text, '\n'); i >= 0 && i < 300 {
		j := i + 1
		for j < len(text) && text[j] == '\n' {
			j++
		}
		starts = append(starts, j)
	}
	for _, s := range starts {
		head := text[s:min(len(text), s+200)]
		// Both forms share their groups: 2 month, 3 day, 4 year (optional),
		// 5 outlet; the parenthesised one may lack the date.
		for _, re := range []*regexp.Regexp{datelineRe, parenDatelineRe} {
			m := re.FindStringSubmatchIndex(head)
			if m == nil {
				continue
			}
			dl := dateline{outlet: head[m[10]:m[11]], end: s + m[1]}
			if m[4] >= 0 {
				year := ""
				if m[8] >= 0 {
					year = head[m[8]:m[9]]
				}
				if t, ok := resolveMonthDay(head[m[4]:m[5]], head[m[6]:m[7]], year, ref); ok {
					dl.date = t
				}
			}
			return dl, true
		}
	}
	return dateline{}, false
}

// outletFromText finds the outlet a report names as itself.
func outletFromText(text string) string {
	// Cheap literal checks first: most texts have neither phrase.
	if strings.Contains(text, " reports") {
		if m := correspondentRe.FindStringSubmatch(text); m != nil {
			return m[1]
		}
	}
	if strings.Contains(text, "previously reported by ") {
		if m := selfReportRe.FindStringSubmatch(text); m != nil {
			return m[1]
		}
	}
	return ""
}

// statementDate finds the date of the first statement whose sentence dates
// it ("said at a press briefing on September 28", "on Monday said",
// "told reporters Tuesday"). Dates without a year, weekdays and
// "yesterday" resolve against ref. from skips a dateline.
func statementDate(src string, sents [][2]int, from int, ref time.Time) (time.Time, bool) {
	const maxGap = 80 // bytes between the verb and the date it governs
	for _, r := range sents {
		if r[1] <= from {
			continue
		}
		s := src[max(r[0], from):r[1]]
		verbs := text.SpeechVerbs(s)
		if verbs == nil {
			continue
		}
		type mention struct {
			at, end int
			resolve func() (time.Time, bool)
		}
		var ms []mention
		for _, m := range monthDayRe.FindAllStringSubmatchIndex(s, -1) {
			mon, dd, yy := s[m[2]:m[3]], s[m[4]:m[5]], ""
			if m[6] >= 0 {
				yy = s[m[6]:m[7]]
			}
			ms = append(ms, mention{m[0], m[1], func() (time.Time, bool) {
				if yy == "" && soonAfter(mon, dd, ref) {
					return time.Time{}, false
				}
				return resolveMonthDay(mon, dd, yy, ref)
			}})
		}
		for _, m := range weekdayRe.FindAllStringIndex(s, -1) {
			if dated(s[m[1]:]) {
				// "on Tuesday, December 7, 2021": the date that follows
				// names the day, not the last Tuesday before ref.
				continue
			}
			wd, _ := text.Weekday(s[m[0]:m[1]])
			ms = append(ms, mention{m[0], m[1], func() (time.Time, bool) { return text.LastWeekday(wd, ref) }})
		}
		for _, m := range relDayRe.FindAllStringIndex(s, -1) {
			back := 0
			if s[m[0]:m[1]] == "yesterday" {
				back = 1
			}
			ms = append(ms, mention{m[0], m[1], func() (time.Time, bool) {
				if ref.IsZero() {
					return time.Time{}, false
				}
				return ref.AddDate(0, 0, -back), true
			}})
		}
		// The nearest verb on each side of a mention, by binary search, so
		// a long sentence full of verbs and dates stays n log n.
		var best time.Time
		bestGap := maxGap + 1
		for _, m := range ms {
			gap := bestGap
			k := sort.Search(len(verbs), func(j int) bool { return verbs[j][0] >= m.end })
			if k < len(verbs) {
				gap = min(gap, verbs[k][0]-m.end)
			}
			k = sort.Search(len(verbs), func(j int) bool { return verbs[j][1] > m.at }) - 1
			if k >= 0 && m.at >= verbs[k][1] {
				gap = min(gap, m.at-verbs[k][1])
			}
			if gap >= bestGap {
				continue
			}
			// A day after ref is one to come ("will hold a call on
			// December 7"), not the day anything was said.
			if t, ok := m.resolve(); ok && (ref.IsZero() || !t.After(ref)) {
				best, bestGap = t, gap
			}
		}
		if !best.IsZero() {
			return best, true
		}
	}
	return time.Time{}, false
}

// shortTitle shortens a sentence to at most maxTitleLen bytes at a word
// boundary, marking the cut with an ellipsis.
func shortTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxTitleLen {
		return s
	}
	cut := maxTitleLen - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > maxTitleLen/2 {
		cut = i
	}
	return strings.TrimRightFunc(s[:cut], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// headline returns the first line when it reads as a headline: short, with
// no closing sentence punctuation, and followed by more text.
func headline(text string) (string, bool) {
	i := strings.IndexByte(text, '\n')
	if i < 0 {
		return "", false
	}
	l := strings.TrimSpace(text[:i])
	if l == "" || len(l) > 200 || len(strings.Fields(l)) > 25 || strings.TrimSpace(text[i:]) == "" {
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(l, `"'”’)»`))
	switch last {
	case '.', '!', '?', '…', ':', ';', ',':
		return "", false
	}
	return l, true
}
