package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// synonymRecord is a readout whose sentence on what was talked about says
// "discussed", beside sentences that repeat the question's names.
const synonymRecord = `{"id": "r1.txt", "title": "Readout of Minister Odo Brambleby's Meeting with Harbour Chief Wenna Tollgate of Nowhereland", "outlet": "Nowhereland Ministry", "date": "2031-03-10", "text": "Minister Odo Brambleby met today with Harbour Chief Wenna Tollgate of Nowhereland in Port Vell. Minister Brambleby thanked Harbour Chief Tollgate of Nowhereland for her steady friendship. The two leaders discussed canal tolls, lamp oil and the spring fishing quota. Minister Brambleby looked forward to visiting Nowhereland."}
{"id": "r2.txt", "title": "Statement on the grain convoy", "outlet": "Nowhereland Ministry", "date": "2031-03-12", "text": "Minister Odo Brambleby said the grain convoy would leave on Monday."}
`

// "what did they talk about" opens with the sentence saying what was
// discussed: a synonym of the question's word earns it (Weights.Synonym).
func TestSynonymAnswersFirst(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(synonymRecord), 2))}
	ans, err := p.Ask(context.Background(), "what did brambleby and the nowhereland harbour chief talk about", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(ans.Text, "\n")
	if ans.Mode == ModeDeclined || len(lines) < 2 || !strings.Contains(lines[1], "discussed canal tolls") {
		t.Errorf("want the first quotation to be what they discussed:\n%s", ans.Text)
	}
}

// A question that names nothing it is about is told so, not answered
// with whatever passage shares its verb; asked in a conversation, the
// same words follow the conversation's subject.
func TestNamesNothing(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(synonymRecord), 2))}
	for _, q := range []string{"what did they talk about", "what happened?", "tell me more", "what did he say?"} {
		ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Mode != ModeDeclined || ans.Text != noSubjectSentence {
			t.Errorf("%q: %s\n%s", q, ans.Mode, ans.Text)
		}
	}
	first, err := p.Ask(context.Background(), "what did brambleby and the nowhereland harbour chief talk about", nil, retrieval.SearchOptions{})
	if err != nil || first.Mode == ModeDeclined {
		t.Fatalf("first turn: %v %v", err, first)
	}
	ans, err := p.Ask(context.Background(), "tell me more", []Turn{TurnOf(first)}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Text == noSubjectSentence {
		t.Errorf("a follow-up in a conversation was told it names nothing:\n%s", ans.Text)
	}
	for _, q := range []string{"what did brambleby say", "what happened in march 2031"} {
		ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Text == noSubjectSentence {
			t.Errorf("%q names a speaker or a period, but was told it names nothing", q)
		}
	}
}
