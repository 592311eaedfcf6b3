package answer

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// quillmoorRelease is an invented release quoting a mayor's words in a
// list, as the White House's rebuttals do.
const quillmoorRelease = `title: For Mayor Wendle of Quillmoor, When Will Enough Be Enough?
date: 2031-08-02
source: Invented test record
category: articles
url: https://example.invalid/quillmoor-enough

The harbour of Quillmoor has flooded three times this summer, and its mayor still says all is well.

- “There is no low tide.” (Link)
- “We have the harbour under control.” (Link)
`

// declineAll are decision weights whose signals decline every question,
// so that a test sees what the quoted words alone decide.
func declineAll() *decisionWeights {
	w := defaultDecision
	w.threshold = 1000
	return &w
}

// commonQuoteIndex is an index whose word search ranks the passages
// holding a quotation's own words too deep to reach when searched by
// those words alone, as the White House record does for "there is no
// emergency" (its one informative word in hundreds of passages); the
// quotation with the question's other words finds them.
type commonQuoteIndex struct {
	*retrieval.Index
	quote string
}

func (c commonQuoteIndex) LexicalSearch(query string, opts retrieval.SearchOptions) []retrieval.Hit {
	if query == c.quote {
		return nil
	}
	return c.Index.LexicalSearch(query, opts)
}

// TestQuotedWordsHeldAnswer: a question quoting words the record holds is
// answered from the passage holding them, found with the question's other
// words when the quotation's own are too common, even when the signals
// find too little of the question; the item of a list is quoted without
// the list's marker.
func TestQuotedWordsHeldAnswer(t *testing.T) {
	idx := memIndex(t, sampleWith(t, map[string]string{"2031-08-02_quillmoor-enough_aaaa0005.txt": quillmoorRelease}))
	p := &Pipeline{Index: commonQuoteIndex{idx, "there is no low tide"}, Explain: true, decision: declineAll()}
	q := "who said 'there is no low tide' about the quillmoor harbour floods lol"
	ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode == ModeDeclined {
		t.Fatalf("declined:\n%s", ans.Text)
	}
	if !strings.Contains(ans.Text, "There is no low tide.") {
		t.Errorf("answer lacks the quoted words:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "“- ") {
		t.Errorf("a quotation opens with the list's marker:\n%s", ans.Text)
	}
	if by := ans.Explain.Decision.By; by != "quoted words" {
		t.Errorf("decided by %q, want %q", by, "quoted words")
	}
	checkQuotations(t, ans)
}

// panickingIndex is an index whose search faults, as a reading bug on
// some input would.
type panickingIndex struct{ *retrieval.Index }

func (panickingIndex) Search(context.Context, string, retrieval.SearchOptions) ([]retrieval.Hit, error) {
	var hits []retrieval.Hit
	return hits[:1], nil // index out of range
}

// TestPanicIsAnError: a fault while answering one question is that
// question's internal error, not the end of the process serving the
// others.
func TestPanicIsAnError(t *testing.T) {
	var logged strings.Builder
	p := &Pipeline{Index: panickingIndex{memIndex(t, sampleWith(t, nil))}, Logger: slog.New(slog.NewTextHandler(&logged, nil))}
	ans, err := p.Ask(context.Background(), "what did ned price say about the ceasefire", nil, retrieval.SearchOptions{})
	if err == nil || ans != nil {
		t.Fatalf("got answer %v, error %v; want an internal error", ans, err)
	}
	var ue *UserError
	if errors.As(err, &ue) {
		t.Errorf("a fault is reported as the asker's error: %v", err)
	}
	if !strings.Contains(err.Error(), "internal error") {
		t.Errorf("error %q does not say it is internal", err)
	}
	// The fault is logged under the question's id, as its other lines are.
	if !strings.Contains(logged.String(), "answer pipeline panicked") || strings.Contains(logged.String(), `qid=""`) || !strings.Contains(logged.String(), "qid=") {
		t.Errorf("the fault is not logged with the question's id:\n%s", logged.String())
	}
}

// wendleBriefing is an invented briefing whose reporters' questions and
// answers hold words a question may quote.
const wendleBriefing = `title: Press Briefing by Press Secretary Zara Quillfeather
date: 2031-06-04
source: Invented test record
category: briefings
url: https://example.invalid/quillfeather-briefing

MS. QUILLFEATHER: Good afternoon. The Glimmerford canal will reopen to barges in May, and the harbour budget stays at forty million.

Q Mayor Wendle called the canal plan a lantern without oil. Is that fair?

MS. QUILLFEATHER: I will leave the mayor's words to the mayor. We are focused on the harbour budget and the barges.

Q And the toll on the ferries?

MS. QUILLFEATHER: I do not know the answer to that yet, and we will not restore the toll this year.
`

// bramblebyBriefing is an invented joint briefing in which only the
// second speaker says the words a question quotes.
func bramblebyBriefing() string {
	return `title: Press Briefing by Press Secretary Zara Quillfeather and Minister Odo Brambleby
date: 2031-06-05
source: Invented test record
category: briefings
url: https://example.invalid/joint-briefing

` + strings.Repeat("MS. QUILLFEATHER: The harbour budget for the Glimmerford canal stays at forty million dollars this year and next.\n\n", 8) +
		"MR. BRAMBLEBY: Thank you, Zara. Farmers in Zephyrton face the long winter ahead with empty granaries.\n"
}

// sampleWith is the sample record with invented documents (file name →
// text) added.
func sampleWith(t *testing.T, named map[string]string) []*corpus.Document {
	t.Helper()
	docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range named {
		ds, err := corpus.Parse(name, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, ds...)
	}
	return docs
}

// TestQuotedWordsMustAnswer: quoted words held in the record decide to
// answer only when a statement's own words (not a reporter's question,
// and the asked speaker's own turn) hold them whole, they are more than
// function words, and the passage holds something else, uncommon, the
// question asks about (from the two reviews of session 35).
func TestQuotedWordsMustAnswer(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, sampleWith(t, map[string]string{
		"2031-06-04_quillfeather-briefing_aaaa0009.txt": wendleBriefing,
		"2031-06-05_joint-briefing_aaaa0010.txt":        bramblebyBriefing(),
		"2031-06-06_troops_aaaa0011.txt":                troopsBriefing,
		"2031-06-07_naming_aaaa0013.txt":                jointShort,
	})), Explain: true, decision: declineAll()}
	for _, q := range []string{
		"who said 'a lantern without oil' about the moon lottery",                                              // only a reporter's words
		"what did quillfeather say about 'the long winter ahead' for the moon lottery",                         // another speaker's words
		"who said 'will not rest' about the toll on the moon lottery",                                          // "restore"
		"who said 'the answer to that' about the moon lottery",                                                 // said of something else
		"who said 'i do not know' about the moon lottery in zephyrton",                                         // function words only
		"who said 'the answer to that' about the moon lottery that the mayor kept roasting",                    // "mayor": a reporter's word
		"who said '500 troops to guard' the harbour that the ministry kept roasting lol",                       // "1,500 troops"
		"what did quillfeather say about 'face the long winter' for zephyrton that the mayor kept memeing lol", // Brambleby's, in her passage
	} {
		ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Explain.Decision.By == "quoted words" {
			t.Errorf("%q answered by quoted words:\n%s", q, ans.Text)
		}
	}
	// Said of what was asked, the same words answer.
	ans, err := p.Ask(context.Background(), "who said 'the answer to that' about the toll on the ferries lol", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Explain.Decision.By != "quoted words" || !strings.Contains(ans.Text, "I do not know the answer to that yet") {
		t.Errorf("the quoted words said of the toll do not answer (decided by %q):\n%s", ans.Explain.Decision.By, ans.Text)
	}
}

// TestWholeAt: quoted words stand whole in a passage, not inside longer
// words, nor inside a longer number ("1,500 troops", "2.5 percent").
func TestWholeAt(t *testing.T) {
	cases := []struct {
		folded, quote string
		want          int
	}{
		{"we will not restore the toll", "will not rest", 0},
		{"we will not rest. we will not rest", "will not rest", 2},
		{"'there is no emergency.'", "there is no emergency", 1},
		{"ȺȺ there is no emergency", "there is no emergency", 1},
		{"", "there", 0},
		{"there", "", 0},
		// A number the quote opens or ends may not go on in the text.
		{"nowhereland will send 1,500 troops to guard the harbour", "500 troops to guard", 0},
		{"growth of 2.5 percent this year", "5 percent this year", 0},
		{"we sent troops 1,500 of them", "sent troops 1", 0},
		{"we sent 500 troops, 20 barges", "500 troops", 1},
		{"it grew 5 percent. 2 more", "grew 5 percent", 1},
	}
	for _, c := range cases {
		if got := wholeAt(c.folded, c.quote); len(got) != c.want {
			t.Errorf("wholeAt(%q, %q) = %v, want %d places", c.folded, c.quote, got, c.want)
		}
	}
}

// troopsBriefing gives a number that a quoted smaller one ends.
const troopsBriefing = `title: Press Briefing by Press Secretary Zara Quillfeather
date: 2031-06-06
source: Invented test record
category: briefings
url: https://example.invalid/troops

MS. QUILLFEATHER: Good afternoon. Nowhereland will send 1,500 troops to guard the Glimmerford harbour, and the ferries run on Sundays.
`

// jointShort puts two speakers' turns in one passage.
const jointShort = `title: Press Briefing by Press Secretary Zara Quillfeather and Minister Odo Brambleby
date: 2031-06-07
source: Invented test record
category: briefings
url: https://example.invalid/naming

MS. QUILLFEATHER: The harbour budget for the Glimmerford canal stays at forty million dollars this year and next.

MR. BRAMBLEBY: Thank you, Zara. Farmers in Zephyrton face the long winter ahead with empty granaries.
`
