package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// TestNotAPerson: a heading the record's speaker lists hold that is a
// place, and a common word typed in lower case, name nobody the question
// asks about.
func TestNotAPerson(t *testing.T) {
	docs := []*corpus.Document{
		{ID: "fact.txt", Text: "Attract Investment to Northern Nowhereland: grants for growth in northern Nowhereland.",
			Speakers: []corpus.Speaker{{Name: "Northern Nowhereland"}}},
		{ID: "b1.txt", Text: "MS. QUILLFEATHER: The canal talks resume in April.",
			Speakers: []corpus.Speaker{{Name: "Zara Quillfeather", Title: "Spokesperson"}}},
		{ID: "b2.txt", Text: "MR. WON: The bridge opens in May.", Speakers: []corpus.Speaker{{Name: "Ari Won"}}},
		{ID: "b3.txt", Text: "MS. LANTERN: The ferry runs daily, in Lantern Bay too.", Speakers: []corpus.Speaker{{Name: "Mira Lantern"}}},
	}
	pp := buildPeople(docs)
	for _, tc := range []struct {
		q    string
		want []string // the names read, in order
	}{
		{"what did nowhereland say about the grants", nil},
		{"What did Nowhereland say about the grants?", nil},
		{"who won the canal race in april", nil},
		{"what did Won say about the bridge", []string{"Ari Won"}},
		{"what did quillfeather say about the canal", []string{"Zara Quillfeather"}},
		// Written once after "in" as part of a longer place, the name
		// is still a person's.
		{"what did lantern say about the ferry", []string{"Mira Lantern"}},
	} {
		c := ReadQuestion(tc.q, pp, time.Time{})
		var got []string
		for _, p := range c.Named {
			got = append(got, p.Name)
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: named %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestPeriodSides: a question comparing two months of one year has two
// sides, each reaching past its month to the statements that report on it.
func TestPeriodSides(t *testing.T) {
	for _, tc := range []struct {
		q      string
		labels []string
		until  string // the first side's last day
	}{
		{"unemployment in the feb 2022 jobs report vs the oct 2022 one", []string{"feb 2022", "oct 2022"}, "2022-03-31"},
		{"How did the message change between 2021 and 2025?", []string{"2021", "2025"}, "2021-12-31"},
		{"how did the canal talks change from 13 March 2023 to May 2023", []string{"13 March 2023", "May 2023"}, "2023-04-13"},
		{"what changed in the canal talks in 2023", nil, ""},
	} {
		sides := comparisonSides(tc.q)
		var labels []string
		for _, s := range sides {
			labels = append(labels, s.label)
		}
		if strings.Join(labels, "|") != strings.Join(tc.labels, "|") {
			t.Errorf("%q: sides %v, want %v", tc.q, labels, tc.labels)
			continue
		}
		if len(sides) > 0 && dateString(sides[0].until) != tc.until {
			t.Errorf("%q: first side until %s, want %s", tc.q, dateString(sides[0].until), tc.until)
		}
	}
}

// TestAnswerInTheNextSentence: the figure, date or place asked for often
// sits in the sentence after the one that names the subject; that
// sentence answers first.
func TestAnswerInTheNextSentence(t *testing.T) {
	d := &corpus.Document{ID: "report.txt", Title: "Nowhereland report", Outlet: "Nowhereland Gazette"}
	d.Text = "Reports of shelling near the Freedonia and Sylvania border left 20 people dead last week.\n" +
		"In 2019, a six-week war between Freedonia and Sylvania ended with a truce. " +
		"The price of the conflict was the death of more than 4,100 people.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "report.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	for _, tc := range []struct{ q, want string }{
		{"how many people died in the 2019 freedonia sylvania war", "4,100"},
		// An untyped question is answered by the sentence naming it.
		{"what happened in the 2019 freedonia sylvania war", "six-week"},
	} {
		text, _, _ := Extractive(tc.q, []retrieval.Hit{h})
		if first := firstQuote(text); !strings.Contains(first, tc.want) {
			t.Errorf("%q: first quotation %q, want %q:\n%s", tc.q, first, tc.want, text)
		}
	}
}

// TestFilteredWordsDoNotChoose: the words of the question's period filter
// every passage already; a sentence repeating them ("in March") does not
// outweigh the one that holds what was asked.
func TestFilteredWordsDoNotChoose(t *testing.T) {
	d := &corpus.Document{ID: "readout.txt", Title: "Readout of a call", Outlet: "Nowhereland Briefing Room"}
	d.Text = "Minister Quillfeather thanked the Sylvanian envoy for the talks on March 3rd, 2023. " +
		"Minister Quillfeather asked for grain shipments to the northern ports.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "readout.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	q := ExtractiveQuery{Question: "what shipments did quillfeather seek in march 2023"}
	if text, _, _, _ := extractive(q, []retrieval.Hit{h}); !strings.Contains(firstQuote(text), "March") {
		t.Fatalf("without the filter the month's sentence should win here:\n%s", text)
	}
	q.Filtered = "in march 2023"
	text, _, _, _ := extractive(q, []retrieval.Hit{h})
	if first := firstQuote(text); !strings.Contains(first, "grain") {
		t.Errorf("first quotation %q, want the grain shipments:\n%s", first, text)
	}
}

// TestAnswersFromTheDecisionsBestPassage: the passage whose signals
// answer the question best is answered from, even when the fused ranking
// put it below the passages an extractive answer reads.
func TestAnswersFromTheDecisionsBestPassage(t *testing.T) {
	var hits []retrieval.Hit
	for i := range 6 {
		d := &corpus.Document{ID: fmt.Sprintf("wire/%d.txt", i), Title: "Harbour news", Outlet: "Example Wire",
			Date: time.Date(2024, 3, 1+i, 0, 0, 0, 0, time.UTC)}
		d.Text = "Spokesperson Jane Example said the harbour would reopen for trade after the storm repairs."
		hits = append(hits, retrieval.Hit{Doc: d, Coverage: 0.3, VectorScore: 0.1,
			Chunk: corpus.Chunk{ID: d.ID + "#0", DocID: d.ID, End: len(d.Text), Text: d.Text}})
	}
	d := &corpus.Document{ID: "wire/tolls.txt", Title: "Canal tolls", Outlet: "Example Wire",
		Date: time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)}
	d.Text = "Minister Zara Quillfeather said the canal tolls of Nowhereland would rise by 4 percent in May."
	best := retrieval.Hit{Doc: d, Coverage: 1, VectorScore: 0.4, Chunk: corpus.Chunk{ID: d.ID + "#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	p := &Pipeline{Index: &fakeIndex{hits: append(hits, best)}, Explain: true}
	ans, err := p.Ask(context.Background(), "By how much would the Nowhereland canal tolls rise?", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != ModeExtractive || !strings.Contains(firstQuote(ans.Text), "4 percent") {
		t.Errorf("mode %s, answer:\n%s", ans.Mode, ans.Text)
	}
}
