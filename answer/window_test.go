package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// windowRecord: briefings of the invented spokesperson Zara Quillfeather
// (one the day before the record's last document, one earlier that month,
// one undated), remarks of her namesake Jill Quillfeather on the same
// day, and a statement of Bram Oakhollow on the record's last day, whose
// surname holds "oak".
const windowRecord = `{"id": "brief.txt", "title": "Press Briefing by Spokesperson Zara Quillfeather", "outlet": "Nowhereland Ministry", "date": "2024-05-14", "speakers": [{"name": "Zara Quillfeather", "title": "Spokesperson"}], "text": "MS. QUILLFEATHER: Good afternoon, everybody.\n\nMS. QUILLFEATHER: Thank you all for being here with us today. Today the ministry will open the canal to cargo ships for the first time since March.\n\nQ Will the canal tolls rise for cargo ships?\n\nMS. QUILLFEATHER: We will set out the canal tolls next week, once the harbour board has met."}
{"id": "early.txt", "title": "Press Briefing by Spokesperson Zara Quillfeather", "outlet": "Nowhereland Ministry", "date": "2024-05-02", "speakers": [{"name": "Zara Quillfeather", "title": "Spokesperson"}], "text": "MS. QUILLFEATHER: The canal will close for two days of repairs later this month.\n\nMS. QUILLFEATHER: We regret the delay it will cause."}
{"id": "undated.txt", "title": "Press Briefing by Spokesperson Zara Quillfeather", "outlet": "Nowhereland Ministry", "speakers": [{"name": "Zara Quillfeather", "title": "Spokesperson"}], "text": "MS. QUILLFEATHER: The canal pilots will all get new radios this year.\n\nMS. QUILLFEATHER: That is all I have for you."}
{"id": "jill.txt", "title": "Remarks by Jill Quillfeather at the Harbour School", "outlet": "Nowhereland Ministry", "date": "2024-05-14", "speakers": [{"name": "Jill Quillfeather", "title": "Headmistress"}], "text": "MS. QUILLFEATHER: The harbour school will open its doors to forty new pupils in September.\n\nMS. QUILLFEATHER: We are proud of the teachers who made it happen."}
{"id": "oak.txt", "title": "Statement by Minister Bram Oakhollow on the harbour", "outlet": "Nowhereland Ministry", "date": "2024-05-15", "speakers": [{"name": "Bram Oakhollow", "title": "Minister"}], "text": "Minister Bram Oakhollow said the harbour would hire two hundred new pilots this summer."}
`

func windowPipeline(t *testing.T) *Pipeline {
	t.Helper()
	return &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(windowRecord), 5))}
}

func askWindow(t *testing.T, p *Pipeline, q string, opts retrieval.SearchOptions) *Answer {
	t.Helper()
	ans, err := p.Ask(context.Background(), q, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

// TestWindowAnswersWhatWasSaid: a question naming only a speaker and a
// day ("what did she say yesterday") is answered from the documents they
// admit, with the speaker's first statement there (not her greeting, her
// thanks or her transcript label), quoted and cited; her namesake's words
// and another day's documents are not hers; a question naming a subject
// is searched as before.
func TestWindowAnswersWhatWasSaid(t *testing.T) {
	p := windowPipeline(t)
	ans := askWindow(t, p, "what did zara quillfeather say yesterday", retrieval.SearchOptions{})
	want := "“Today the ministry will open the canal to cargo ships for the first time since March.” [1]"
	if ans.Mode != ModeExtractive || !strings.Contains(ans.Text, want) ||
		!strings.HasPrefix(ans.Text, "The record holds 1 document in which Zara Quillfeather speaks yesterday (2024-05-14)") {
		t.Fatalf("mode %s:\n%s\nwant the 2024-05-14 briefing's first statement %s", ans.Mode, ans.Text, want)
	}
	for _, not := range []string{"Good afternoon", "Thank you all", "MS. QUILLFEATHER", "Oakhollow", "harbour school"} {
		if strings.Contains(ans.Text, not) {
			t.Errorf("quoted %q:\n%s", not, ans.Text)
		}
	}
	if ans.Quotes.Posted != 1 || ans.Quotes.Verified != 1 || len(ans.Citations) != 1 || !strings.HasSuffix(ans.Citations[0].Doc, "brief.txt") {
		t.Errorf("quotes %+v, citations %+v", ans.Quotes, ans.Citations)
	}
	// Her namesake, the same day: her own words only.
	ans = askWindow(t, p, "what did jill quillfeather say yesterday", retrieval.SearchOptions{})
	if !strings.Contains(ans.Text, "forty new pupils") || strings.Contains(ans.Text, "cargo ships") {
		t.Errorf("jill quillfeather:\n%s", ans.Text)
	}
	ans = askWindow(t, p, "what did zara quillfeather say about the canal tolls yesterday", retrieval.SearchOptions{})
	if strings.Contains(ans.Text, "names no subject") || !strings.Contains(ans.Text, "canal tolls next week") {
		t.Errorf("a question with a subject:\n%s", ans.Text)
	}
}

// TestWindowOrderAndDates: "first" lists the earliest first; undated
// documents are not listed as the latest; a period's answer lists only
// the documents dated within it, though the filter also admits a few
// days' later reports.
func TestWindowOrderAndDates(t *testing.T) {
	p := windowPipeline(t)
	ans := askWindow(t, p, "what did zara quillfeather first say in may 2024", retrieval.SearchOptions{})
	early, late := strings.Index(ans.Text, "two days of repairs"), strings.Index(ans.Text, "cargo ships")
	if early < 0 || late < 0 || early > late || !strings.Contains(ans.Text, "the earliest first") {
		t.Errorf("first in may 2024:\n%s", ans.Text)
	}
	ans = askWindow(t, p, "what has zara quillfeather said", retrieval.SearchOptions{})
	if strings.Contains(ans.Text, "new radios") || strings.Contains(ans.Text, "()") {
		t.Errorf("an undated document listed:\n%s", ans.Text)
	}
	ans = askWindow(t, p, "what was said yesterday", retrieval.SearchOptions{})
	if !strings.HasPrefix(ans.Text, "The record holds 2 documents yesterday (2024-05-14)") || strings.Contains(ans.Text, "Oakhollow") {
		t.Errorf("yesterday:\n%s", ans.Text)
	}
}

// TestWindowSpeakerFlag: a speaker given by --speaker is the one quoted,
// though the question's own words set only the period.
func TestWindowSpeakerFlag(t *testing.T) {
	ans := askWindow(t, windowPipeline(t), "what was said yesterday", retrieval.SearchOptions{Speaker: "Jill Quillfeather"})
	if !strings.Contains(ans.Text, "forty new pupils") || strings.Contains(ans.Text, "cargo ships") {
		t.Errorf("--speaker Jill Quillfeather:\n%s", ans.Text)
	}
}

// TestWindowSpeakerWholeName: a speaker is matched by whole words of
// their name, never by a part of another's ("oak" in "Oakhollow") nor by
// the surname a namesake shares.
func TestWindowSpeakerWholeName(t *testing.T) {
	ws := windowSpeaker{name: "Ned Oak", keys: []string{"ned oak", "oak"}}
	for name, want := range map[string]bool{"Ned Oak": true, "Dr. Ned Oak": true, "Bram Oakhollow": false, "Oakhollow": false} {
		if got := ws.speaks(name); got != want {
			t.Errorf("speaks(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestAsksAnything: the words left to search ask for nothing beyond the
// filters only when none names a subject; a word after "about" is one.
func TestAsksAnything(t *testing.T) {
	pp := &people{outlets: map[string]string{"the white house": "The White House"}}
	for q, want := range map[string]bool{
		"what did say":                      true,
		"what did the wh say":               true,
		"anything new":                      true,
		"what happened":                     true,
		"what did say tariffs":              false,
		"what did say about the house":      false,
		"what did say about the call":       false,
		"what did say about the news":       false,
		"what did the house say about jobs": false,
		"what did say to young people":      false,
	} {
		if got := asksAnything(Constraints{Search: q}, pp); got != want {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}

// TestWindowSaysWhatItCouldQuote: a document with nothing to quote (a
// courtesy only) is counted but not listed, and the answer says the
// listed ones are those with a statement to quote, not the latest.
func TestWindowSaysWhatItCouldQuote(t *testing.T) {
	record := windowRecord + `{"id": "thanks.txt", "title": "Press Gaggle by Spokesperson Zara Quillfeather", "outlet": "Nowhereland Ministry", "date": "2024-05-10", "speakers": [{"name": "Zara Quillfeather", "title": "Spokesperson"}], "text": "MS. QUILLFEATHER: Good morning.\n\nMS. QUILLFEATHER: Thank you all so much for coming out today."}` + "\n"
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(record), 6))}
	ans := askWindow(t, p, "what did zara quillfeather say in may 2024", retrieval.SearchOptions{})
	if !strings.HasPrefix(ans.Text, "The record holds 3 documents in which Zara Quillfeather speaks") ||
		!strings.Contains(ans.Text, "the 2 with a statement to quote, the latest first") || strings.Contains(ans.Text, "coming out") {
		t.Errorf("a document with nothing to quote:\n%s", ans.Text)
	}
}
