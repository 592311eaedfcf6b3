package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// windowRecord: a briefing of the invented spokesperson the day before
// the record's last document, and another official's statement on its
// last day.
const windowRecord = `{"id": "brief.txt", "title": "Press Briefing by Spokesperson Zara Quillfeather", "outlet": "Nowhereland Ministry", "date": "2024-05-14", "speakers": [{"name": "Zara Quillfeather", "title": "Spokesperson"}], "text": "MS. QUILLFEATHER: Good afternoon, everybody.\n\nMS. QUILLFEATHER: Today the ministry will open the canal to cargo ships for the first time since March.\n\nQ Will the canal tolls rise for cargo ships?\n\nMS. QUILLFEATHER: We will set out the canal tolls next week, once the harbour board has met."}
{"id": "oak.txt", "title": "Statement by Minister Bram Oakhollow on the harbour", "outlet": "Nowhereland Ministry", "date": "2024-05-15", "speakers": [{"name": "Bram Oakhollow", "title": "Minister"}], "text": "Minister Bram Oakhollow said the harbour would hire two hundred new pilots this summer."}
`

// TestWindowAnswersWhatWasSaid: a question naming only a speaker and a
// day ("what did she say yesterday") is answered from the documents they
// admit, with the speaker's first statement there (not her greeting, not
// her transcript label), quoted and cited; a question naming a subject
// is searched as before.
func TestWindowAnswersWhatWasSaid(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(windowRecord), 2))}
	ans, err := p.Ask(context.Background(), "what did zara quillfeather say yesterday", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "“Today the ministry will open the canal to cargo ships for the first time since March.” [1]"
	if ans.Mode != ModeExtractive || !strings.Contains(ans.Text, want) || !strings.HasPrefix(ans.Text, "The record holds 1 document with Zara Quillfeather among their speakers yesterday (2024-05-14)") {
		t.Fatalf("mode %s:\n%s\nwant the 2024-05-14 briefing's first statement %s", ans.Mode, ans.Text, want)
	}
	if strings.Contains(ans.Text, "Good afternoon") || strings.Contains(ans.Text, "MS. QUILLFEATHER") || strings.Contains(ans.Text, "Oakhollow") {
		t.Errorf("quoted a greeting, a label or another day's document:\n%s", ans.Text)
	}
	if ans.Quotes.Posted != 1 || ans.Quotes.Verified != 1 || len(ans.Citations) != 1 || !strings.HasSuffix(ans.Citations[0].Doc, "brief.txt") {
		t.Errorf("quotes %+v, citations %+v", ans.Quotes, ans.Citations)
	}
	ans, err = p.Ask(context.Background(), "what did zara quillfeather say about the canal tolls yesterday", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "names no subject") || !strings.Contains(ans.Text, "canal tolls next week") {
		t.Errorf("a question with a subject:\n%s", ans.Text)
	}
}

// TestAsksAnything: the words left to search ask for nothing beyond the
// filters only when none names a subject.
func TestAsksAnything(t *testing.T) {
	pp := &people{outlets: map[string]string{"the white house": "The White House"}}
	for q, want := range map[string]bool{
		"what did say":                            true,
		"what did the wh say":                     true,
		"anything new":                            true,
		"what happened":                           true,
		"what did say tariffs":                    false,
		"what did the house say about the budget": false,
	} {
		if got := asksAnything(Constraints{Search: q}, pp); got != want {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
}
