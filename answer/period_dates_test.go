package answer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

func TestReadQuestionNamedDates(t *testing.T) {
	first, end := day("2021-01-15"), day("2024-05-15")
	tests := []struct {
		q     string
		dates []string // NamedDate.String of each
	}{
		// A date that names an event, not the statements' time.
		{"What did Quillfeather say about the October 7 attack on the canal?", []string{"October 7, any year"}},
		{"what did she say abt the oct 7th attack", []string{"October 7, any year"}},
		{"What did the spokesperson say about the results of the November 2026 canal vote?", []string{"2026-11-01 to 2026-11-30"}},
		{"what did they say about the 2022 canal treaty", []string{"2022-01-01 to 2022-12-31"}},
		// The period filters; it is no named date.
		{"What did the spokesperson say in April 2023?", nil},
		{"what did the spokesperson say about the canal talks on may 5, 2023", nil},
		// History long before the record, and counts that look like years.
		{"What did the spokesperson say about the events of 1915?", nil},
		{"did they send 2000 troops to the canal", nil},
		{"What did the spokesperson say about the canal talks?", nil},
		// A holiday's year closing the question completes the holiday
		// (the week up to Monday, September 4, 2023), not a year.
		{"what did the spokesperson say about the canal on labor day 2023", []string{"2023-08-28 to 2023-09-05"}},
	}
	for _, tt := range tests {
		c := readQuestionFrom(tt.q, nil, first, end, Period{})
		var got []string
		for _, d := range c.Dates {
			got = append(got, d.String())
		}
		if strings.Join(got, "|") != strings.Join(tt.dates, "|") {
			t.Errorf("%q: dates %q, want %q", tt.q, got, tt.dates)
		}
	}
}

func TestPassageHoldsNamedDate(t *testing.T) {
	oct7 := NamedDate{Month: time.October, Day: 7}
	nov26 := NamedDate{Since: day("2026-11-01"), Until: day("2026-11-30")}
	day23 := NamedDate{Since: day("2023-10-07"), Until: day("2023-10-07")}
	tests := []struct {
		name string
		text string
		on   string
		d    NamedDate
		want bool
	}{
		{"day named in the words", "Since the October 7th attack on the canal, talks stalled.", "2024-01-10", oct7, true},
		{"dated that day", "Talks stalled today.", "2022-10-07", oct7, true},
		{"another day", "Rockets were fired at the canal towns.", "2021-05-12", oct7, false},
		{"dated within a month after the day", "Talks stalled.", "2022-10-20", oct7, true},
		{"dated a month after the month", "The report for the month is out.", "2026-12-20", nov26, true},
		{"dated two months after the month", "The report for the month is out.", "2027-01-20", nov26, false},
		{"month and year in the words", "The vote of November 3, 2026 will settle it.", "2025-04-01", nov26, true},
		{"the year alone is not the month", "In 2026 the canal reopens.", "2025-04-01", nov26, false},
		{"a month without its year is not read", "The vote is in November.", "2022-09-01", nov26, false},
		{"the day without its year, in that year", "the October 7th attacks", "2023-10-18", day23, true},
		{"the day without its year, years later", "the October 7th attacks", "2025-10-18", day23, false},
	}
	for _, tt := range tests {
		if got := datesIn(tt.text).holds(tt.d, day(tt.on)); got != tt.want {
			t.Errorf("%s: holds = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestAfterCoverage: a date after the record's last that no passage names
// is said plainly with the record's dates; one a passage names (a plan),
// or one within the record, is answered from the passages.
func TestAfterCoverage(t *testing.T) {
	first, last := day("2021-01-15"), day("2024-05-15")
	hit := func(date, text string) retrieval.Hit {
		d := &corpus.Document{ID: "a.txt", Title: "Statement", Date: day(date), Text: text}
		return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: "a.txt#0", DocID: "a.txt", End: len(text), Text: text}}
	}
	tests := []struct {
		q, text string
		want    string
	}{
		{"What did the ministry say about the results of the November 2026 canal vote?", "The canal vote will be held in November.",
			"The record has nothing on November 2026: it covers 2021-01-15 to 2024-05-15, and none of the passages found names that date."},
		{"what did they say about the 2026 canal games", "The 2026 canal games will open the new locks.", ""},
		{"What did the ministry say about the 2022 canal vote?", "The canal vote was held.", ""},
		{"What did the ministry say about the canal vote?", "The canal vote was held.", ""},
	}
	for _, tt := range tests {
		c := readQuestionFrom(tt.q, nil, first, last, Period{})
		if got := afterCoverage(c, []retrieval.Hit{hit("2024-01-10", tt.text)}, first, last); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestAdministrationPeriod: "the <president> wh", "the <president>
// administration", "under <president>" bound the question to the days
// the record titles that person president, the latest open to the
// record's end; an administration spoken of (after the speaker, in a
// possessive) or compared bounds nothing.
func TestAdministrationPeriod(t *testing.T) {
	var b strings.Builder
	doc := func(id, name string, d time.Time) {
		fmt.Fprintf(&b, `{"id": %q, "title": "Remarks by President %s on the canal", "outlet": "Nowhereland House", "date": %q, "speakers": [{"name": %q, "title": "President"}], "text": "PRESIDENT %s: The canal tolls will fall this year, and the ferries will run."}`+"\n",
			id, name, d.Format("2006-01-02"), name, strings.ToUpper(name))
	}
	first := day("2031-01-20")
	for i := range administrationDocs {
		doc(fmt.Sprintf("v%d.txt", i), "Ada Vexlund", first.AddDate(0, 0, 7*i))
	}
	second := day("2035-01-20")
	for i := range administrationDocs {
		doc(fmt.Sprintf("q%d.txt", i), "Bo Quillton", second.AddDate(0, 0, 7*i))
	}
	fmt.Fprintf(&b, `{"id": "minister.txt", "title": "Minister Ned Example on the canal", "outlet": "Nowhereland House", "date": "2035-06-01", "speakers": [{"name": "Ned Example", "title": "Minister"}], "text": "MR. EXAMPLE: The Vexlund administration's tolls are gone."}`+"\n")
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(b.String()), 2*administrationDocs+1)), Explain: true}
	lastVexlund := first.AddDate(0, 0, 7*(administrationDocs-1))
	for _, tt := range []struct {
		q            string
		since, until string
	}{
		{"what did the vexlund wh say about the canal tolls", "2031-01-20", dateString(lastVexlund)},
		{"when did the quillton administration first mention the ferries", "2035-01-20", ""},
		{"under vexlund, what happened to the ferries", "2031-01-20", dateString(lastVexlund)},
		{"what happened to the ferries under president quillton", "2035-01-20", ""},
		{"what did example say about the vexlund administration's tolls", "", ""},
		{"what did example say about the tolls the vexlund administration set", "", ""},
		{"what did the house say about the vexlund administration", "", ""},
		{"how did the vexlund wh and the quillton wh each describe the tolls", "", ""},
	} {
		c := askExplained(t, p, tt.q).Explain.Constraints
		if got, want := dateString(c.Period.Since)+".."+dateString(c.Period.Until), tt.since+".."+tt.until; got != want {
			t.Errorf("%q: period %s, want %s", tt.q, got, want)
		}
	}
}
