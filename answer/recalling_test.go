package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// TestNamesPeriod: a passage names a period by dates in its first and
// last years, or in its month when the period lies within one.
func TestNamesPeriod(t *testing.T) {
	years := Period{Since: day("2022-01-01"), Until: day("2024-11-30")}
	april := Period{Since: day("2023-04-01"), Until: day("2023-04-30")}
	for _, tc := range []struct {
		passage string
		p       Period
		want    bool
	}{
		{"more than 850,000 arrived between 2022 and the fall of 2024", years, true},
		{"more than 850,000 arrived in 2024", years, false},
		{"In April 2023, the ministry opened the canal.", april, true},
		{"In Apr. 2023 the canal opened.", april, true},
		{"In May 2023, the ministry opened the canal.", april, false},
		{"The canal opened in April.", april, false},
		// Its words must be a date of the period, not apart.
		{"April saw the canal close; in 2023 the ministry reopened it.", april, false},
	} {
		if got := namesPeriod(tc.passage, tc.p); got != tc.want {
			t.Errorf("namesPeriod(%q, %s) = %v, want %v", tc.passage, tc.p, got, tc.want)
		}
	}
}

// TestLaterStatementNamingThePeriod: a figure over a range of years is
// answered by the statement that reports it after the range, which names
// the range in its own words, when the period's own statements do not
// answer.
func TestLaterStatementNamingThePeriod(t *testing.T) {
	rec := `{"id": "early.txt", "title": "Remarks on the canal crossings", "outlet": "Nowhereland Ministry", "date": "2023-03-02", "text": "Minister Odo Brambleby said the northern provinces need more ferries. The ministry will buy two."}
{"id": "review.txt", "title": "Fact sheet: the canal crossings reviewed", "outlet": "Nowhereland Ministry", "date": "2026-05-01", "text": "More than 850,000 canal migrants crossed into Nowhereland between 2022 and the fall of 2024, the ministry found. The review closes the old crossings."}
{"id": "other.txt", "title": "Statement on the grain convoy", "outlet": "Nowhereland Ministry", "date": "2024-06-12", "text": "Minister Odo Brambleby said the grain convoy would leave on Monday."}
`
	ans := askRecord(t, rec, 3, "how many canal migrants crossed into nowhereland between 2022 and fall 2024")
	if first := firstQuote(ans.Text); !strings.Contains(first, "850,000") {
		t.Errorf("the answer does not open with the later statement giving the figure for the period:\n%s", ans.Text)
	}
	checkQuotations(t, ans)
}

// TestLaterStatementIsNotTheSpeakers: asked what a speaker said within a
// period, a later statement recalling the period (and naming the
// speaker) is not their words: the answer says the period holds no
// answer by them rather than quoting it.
func TestLaterStatementIsNotTheSpeakers(t *testing.T) {
	rec := `{"id": "early.txt", "title": "Remarks by Minister Odo Brambleby on the ferries", "outlet": "Nowhereland Ministry", "date": "2023-03-02", "text": "MINISTER BRAMBLEBY: The northern provinces need more ferries. The ministry will buy two."}
{"id": "review.txt", "title": "Fact sheet: Minister Odo Brambleby reviews the canal crossings", "outlet": "Nowhereland Ministry", "date": "2026-05-01", "text": "Minister Odo Brambleby found that more than 850,000 canal migrants crossed into Nowhereland between 2022 and the fall of 2024. The review closes the old crossings."}
{"id": "other.txt", "title": "Remarks by Minister Odo Brambleby on the grain convoy", "outlet": "Nowhereland Ministry", "date": "2024-06-12", "text": "MINISTER BRAMBLEBY: The grain convoy will leave on Monday."}
`
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(rec), 3))}
	ans, err := p.Ask(context.Background(), "what did brambleby say about how many canal migrants crossed into nowhereland between 2022 and fall 2024", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "850,000") {
		t.Errorf("a later statement is quoted as the speaker's words within the period:\n%s", ans.Text)
	}
}
