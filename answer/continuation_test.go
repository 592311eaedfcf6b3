package answer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// TestMeasureContinuation measures the decision to continue a
// conversation (contWeights) on the texts of the development questions:
// each question of a follow-up chain, after its chain's earlier
// questions, should continue it; every other question, asked after the
// line before it, should start a new topic. Only the questions' words are
// read (no index, no answers), so names are the capitalised ones.
//
//	READOUT_SIGNALS=1 go test -run MeasureContinuation -v ./answer
func TestMeasureContinuation(t *testing.T) {
	name := filepath.Join("..", "eval", "dev.jsonl")
	if _, err := os.Stat(name); err != nil {
		t.Skip("no development set:", err)
	}
	qs := readEvalLines(t, name)
	byID := map[string]evalLine{}
	for _, q := range qs {
		byID[q.ID] = q
	}
	var follows, followsOK, fresh, freshOK int
	for i, q := range qs {
		var history []Turn
		if q.Follows != "" {
			for p := byID[q.Follows]; ; p = byID[p.Follows] {
				history = append([]Turn{{Question: p.Question}}, history...)
				if p.Follows == "" {
					break
				}
			}
		} else if i > 0 {
			history = []Turn{{Question: qs[i-1].Question}}
		} else {
			continue
		}
		got := readFollowUp(q.Question, history, nil, nil).Kind != NewTopic
		if os.Getenv("READOUT_SIGNALS") != "" {
			sig := continuationOf(q.Question, history, nil)
			b, _ := json.Marshal(map[string]any{"id": q.ID, "follows": q.Follows != "", "s": sig})
			t.Log(string(b))
		}
		if q.Follows != "" {
			follows++
			if got {
				followsOK++
			} else {
				t.Logf("follow-up read as a new topic: %s %q", q.ID, q.Question)
			}
			continue
		}
		fresh++
		if !got {
			freshOK++
		} else {
			t.Logf("new topic read as a follow-up: %s %q after %q", q.ID, q.Question, history[0].Question)
		}
	}
	t.Logf("follow-ups continued %d/%d, new topics started %d/%d", followsOK, follows, freshOK, fresh)
	// As measured for contWeights (the rule before: 0.75 and 0.92).
	if follows > 0 && float64(followsOK) < 0.8*float64(follows) {
		t.Errorf("follow-ups continued %d/%d, want ≥ 0.8", followsOK, follows)
	}
	if fresh > 0 && float64(freshOK) < 0.95*float64(fresh) {
		t.Errorf("new topics started %d/%d, want ≥ 0.95", freshOK, fresh)
	}
}

// TestContinuation: the decision reads each signal; every row would be
// read the other way without the signal it names.
func TestContinuation(t *testing.T) {
	history := []Turn{quillfeatherTurn()}
	tests := []struct {
		q    string
		want bool
		why  string
	}{
		{"and the river crossing?", true, "an ellipsis opener"},
		{"What about Minister Orlo Vexbridge of Sylvania, did he agree?", true, "an ellipsis opener outweighs new names"},
		{"did she mean it?", true, "a pronoun"},
		{"border talks resume?", true, "two words, both the conversation's"},
		{"tariffs?", true, "one word says too little to stand alone"},
		{"grain tariffs rising?", false, "two words new to the conversation"},
		{"What did Orlo Vexbridge announce about grain tariffs?", false, "new names"},
		{"How many soldiers were stationed at the river crossing in March?", false, "four words say enough"},
		{"and in 2025?", true, "a time ellipsis"},
		{"Did she think Sylvania was taking advantage of Farland being bogged down in Eastmarch?", true,
			"a pronoun naming no person: its places are no new subject"},
		{"Did Orlo Vexbridge think Sylvania was taking advantage of Farland being bogged down?", false,
			"a named person and new places: a question of its own"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			s := continuationOf(tt.q, history, nil)
			if got := contWeights.continues(s); got != tt.want {
				t.Errorf("continues %v (score %.2f, %+v), want %v: %s", got, contWeights.score(s), s, tt.want, tt.why)
			}
		})
	}
}

// TestTimeEllipsis: "and in 2023?" asks the previous question again for
// another time: its subject and speaker kept, its period replaced or
// added; a relative shift counts from the previous period, else from the
// date of the statement just quoted.
func TestTimeEllipsis(t *testing.T) {
	withYear := Turn{
		Question: "What did Spokesperson Zara Quillfeather say about the canal tolls in 2022?",
		Answer:   ExtractiveLead + "\n- Nowhere Wire (2022-06-01) — Zara Quillfeather, Spokesperson: “The canal tolls will stay where they are this year.” [1]",
		Citations: []Citation{{N: 1, Doc: "wire/tolls.txt", Outlet: "Nowhere Wire", Date: "2022-06-01",
			Speakers: []string{"Zara Quillfeather"}}},
	}
	noPeriod := quillfeatherTurn() // quotes a statement of 2024-03-04
	monthly := Turn{Question: "How many refugees crossed the Murl in March 2024?",
		Answer: ExtractiveLead + "\n- Nowhere Wire (2024-04-02): “In March, 4,000 refugees crossed the Murl.” [1]"}
	declined := Turn{
		Question: "What did Zara Quillfeather say about grain tariffs in March 2023?",
		Answer:   "The record has no statement in March 2023 on this.",
	}
	tests := []struct {
		prev       Turn
		q          string
		standalone string
	}{
		{withYear, "and in 2023?", "What did Spokesperson Zara Quillfeather say about the canal tolls in 2023?"},
		{withYear, "what about a year later?", "What did Spokesperson Zara Quillfeather say about the canal tolls in 2023?"},
		{withYear, "and the year before?", "What did Spokesperson Zara Quillfeather say about the canal tolls in 2021?"},
		{noPeriod, "and two months later?", "What did Spokesperson Zara Quillfeather say about the border talks between Freedonia and Sylvania in May 2024?"},
		{noPeriod, "and the next day?", "What did Spokesperson Zara Quillfeather say about the border talks between Freedonia and Sylvania on March 5, 2024?"},
		{noPeriod, "and in October 2024?", "What did Spokesperson Zara Quillfeather say about the border talks between Freedonia and Sylvania in October 2024?"},
		// A chat opener hides no ellipsis; another year of a month's
		// question is that month of the year.
		{monthly, "ok what about in 2025", "How many refugees crossed the Murl in March 2025?"},
		{monthly, "hm and 2023?", "How many refugees crossed the Murl in March 2023?"},
		// The previous answer declined: its question still holds the
		// subject and the speaker.
		{declined, "and in april 2023?", "What did Zara Quillfeather say about grain tariffs in april 2023?"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			f := ReadFollowUp(tt.q, []Turn{tt.prev})
			if f.Kind != RefPeriod || f.Standalone != tt.standalone {
				t.Errorf("%s → %q (%s), want %q", tt.q, f.Standalone, f.Kind, tt.standalone)
			}
		})
	}
	// Not a time ellipsis: it says more than when.
	if f := ReadFollowUp("and what did she say about the dam in 2023?", []Turn{withYear}); f.Kind == RefPeriod {
		t.Errorf("read as a time ellipsis: %q", f.Standalone)
	}
}

// inventedIndex indexes invented documents (name → text with the record's
// header lines).
func inventedIndex(t *testing.T, docs map[string]string) *retrieval.Index {
	t.Helper()
	var all []*corpus.Document
	for name, body := range docs {
		ds, err := corpus.Parse(name, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, ds...)
	}
	idx := memIndex(t, all)
	return idx
}

// TestFollowUpReadsOnInTheCitedDocument: a follow-up that points back is
// answered from the document the conversation cited, even from a passage
// far from the one quoted and with words of its own ("the next day" is
// that briefing's "tomorrow"), not from another document that shares a
// word ("going").
func TestFollowUpReadsOnInTheCitedDocument(t *testing.T) {
	var summit strings.Builder
	summit.WriteString("title: Briefing by Spokesperson Zara Quillfeather\ndate: 2024-05-06\nsource: Nowhereland Press Office\n\n")
	summit.WriteString("SPOKESPERSON QUILLFEATHER: Good afternoon. The grain summit of the river states opened this morning in Dunmere. ")
	summit.WriteString("The grain summit brought together the ministers of Freedonia and Sylvania to agree on tariffs for the harvest.\n\n")
	for i := range 8 {
		fmt.Fprintf(&summit, "The ministers discussed quota number %d of the canal tolls, the storage silos and the barge inspections in detail, and asked their experts to report back by the end of the season. ", i+1)
		summit.WriteString("\n\n")
	}
	summit.WriteString("On the schedule: the Chancellor is headed to Port Amberly tomorrow to open the new terminal on the estuary.\n")
	other := "title: Statement of the Sylvanian Chancellery\ndate: 2024-07-01\nsource: Sylvania Gazette\n\n" +
		"The Chancellor of Sylvania is going to Lake Verrin next month, and the whole delegation is going there with him to inspect the going rate of the ferries.\n"
	idx := inventedIndex(t, map[string]string{"nowhere/briefing.txt": summit.String(), "sylvania/statement.txt": other})
	p := &Pipeline{Index: idx}
	first, err := p.Ask(context.Background(), "What did Zara Quillfeather say about the grain summit?", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !citesDoc(first, "nowhere/briefing.txt") {
		t.Fatalf("first answer cites the wrong document:\n%s", first.Text)
	}
	ans, err := p.Ask(context.Background(), "where was the chancellor going the next day?", []Turn{TurnOf(first)}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(firstQuote(ans.Text), "Port Amberly") || !citesDoc(ans, "nowhere/briefing.txt") {
		t.Errorf("answer (searched as %q):\n%s", ans.Standalone, ans.Text)
	}
}

// TestStatementDays: a day given relative to the statement is written as
// the statement wrote it.
func TestStatementDays(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"where was he going the next day?", "where was he going tomorrow?"},
		{"what happened the day before?", "what happened yesterday?"},
		{"who did she meet that day", "who did she meet today"},
		{"what did he say about the following day's vote", "what did he say about tomorrow's vote"},
		{"what day is it", "what day is it"},
	} {
		if got := statementDays(tt.q); got != tt.want {
			t.Errorf("statementDays(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestWrongTurnDoesNotDoomTheChain: when the question rewritten with the
// conversation's words is declined (the conversation's first question was
// about something the record does not hold), the follow-up is answered as
// asked if the record answers that; not one that leans on the
// conversation for what it asks about ("where was she headed after
// that?"), which a passage merely holding "headed" does not answer. "They"
// and "then" lean on nothing ("then what did they say about …").
func TestWrongTurnDoesNotDoomTheChain(t *testing.T) {
	terminal := "title: Chancellery readout\ndate: 2024-05-07\nsource: Sylvania Gazette\n\n" +
		"The Chancellor opened the Port Amberly grain terminal on Tuesday, the first deep-water berth on the estuary.\n"
	convoy := "title: Harbour office notice\ndate: 2024-05-08\nsource: Sylvania Gazette\n\n" +
		"The Quillshire ferry convoy headed north after that, to the Port Amberly grain terminal.\n"
	idx := inventedIndex(t, map[string]string{"sylvania/terminal.txt": terminal, "sylvania/convoy.txt": convoy})
	p := &Pipeline{Index: idx}
	declined := Turn{
		Question: "What did Zara Quillfeather say about the volcanic ash treaty negotiations in Quorvath?",
		Answer:   "The record does not cover this question.",
	}
	for _, tt := range []struct {
		q   string
		doc string // the document answering it, "" to decline
	}{
		{"what about the port amberly terminal, did the chancellor open it?", "sylvania/terminal.txt"},
		{"where was she headed after that?", ""},
		{"where were those convoys headed?", ""},
		{"then what did they say about the terminal", "sylvania/terminal.txt"},
	} {
		ans, err := p.Ask(context.Background(), tt.q, []Turn{declined}, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if tt.doc == "" && ans.Mode != ModeDeclined || tt.doc != "" && (ans.Mode == ModeDeclined || !citesDoc(ans, tt.doc)) {
			t.Errorf("%q (searched as %q), want %q:\n%s", tt.q, ans.Standalone, tt.doc, ans.Text)
		}
	}
}

// TestWhenWasThatThing: "when was that?" is the date of the statement just
// quoted, and so is "when was that report?" when the report is what the
// answer cited; "when was that gaggle?" after an answer citing no gaggle
// means something else, and is searched. "when was it shot down?" asks
// the day of an event, not of the statement that spoke of it: it is
// searched for; "when did she say it?", "when was that, exactly?" ask the
// statement's day.
func TestWhenWasThatThing(t *testing.T) {
	prev := quillfeatherTurn() // cites "Talks to resume", a report
	prev.Citations[0].Title = "Report: talks to resume"
	for _, tt := range []struct {
		q    string
		want FollowUpKind
	}{
		{"when was that?", RefDate},
		{"when was that report?", RefDate},
		{"when was that gaggle", RefTopic},
		{"when was it shot down?", RefTopic},
		{"when did they sign it", RefTopic},
		{"when did she say it?", RefDate},
		{"when was that, exactly?", RefDate},
	} {
		if f := ReadFollowUp(tt.q, []Turn{prev}); f.Kind != tt.want {
			t.Errorf("%q read as %s (%q), want %s", tt.q, f.Kind, f.Standalone, tt.want)
		}
	}
}

// "when was that gaggle?" after an answer citing no gaggle dates the
// gaggle an earlier answer of the conversation quoted, not the statement
// just quoted, and searches nothing.
func TestWhenWasThatThingOfAnEarlierTurn(t *testing.T) {
	gaggle := wireTurn("what did quillfeather say about the canal deal", "wire/gaggle.txt", "Press Gaggle by Spokesperson Zara Quillfeather En Route Lisbon",
		"Zara Quillfeather", "There will be no new canal agreement this week", "There will be no new canal agreement this week, she said.")
	gaggle.Citations[0].Date = "2023-01-09"
	gaggle.Answer = strings.Replace(gaggle.Answer, "2024-03-04", "2023-01-09", 1)
	report := quillfeatherTurn() // cites "Talks to resume", 2024-03-04
	f := ReadFollowUp("when was that gaggle", []Turn{gaggle, report})
	if f.Kind != RefDate || f.Statement == nil || f.Statement.Date != "2023-01-09" || f.Statement.Cite.Doc != "wire/gaggle.txt" {
		t.Fatalf("read as %s, statement %+v: want the gaggle's date", f.Kind, f.Statement)
	}
	// A speech is what the record titles "Remarks".
	remarks := quillfeatherTurn()
	remarks.Citations[0].Title = "Remarks by Spokesperson Zara Quillfeather at the Canal Forum"
	if f := ReadFollowUp("when was that speech", []Turn{remarks}); f.Kind != RefDate {
		t.Errorf("\"that speech\" after remarks read as %s", f.Kind)
	}
	// Nothing of the kind in the conversation: searched, as before.
	if f := ReadFollowUp("when was that briefing", []Turn{gaggle, report}); f.Kind != RefTopic {
		t.Errorf("a briefing nobody quoted read as %s", f.Kind)
	}
}

// A question on what the conversation said in other words continues it:
// "shut down" after "the shutdown of its yard" (a synonym the thesaurus
// gives), though none of its own words is the conversation's.
func TestContinuationBySynonym(t *testing.T) {
	h := []Turn{{Question: "what caused the shortage of canal boats",
		Answer: "- Nowhere Wire (2031-06-20): “The shortage followed a recall by Quillboat and the shutdown of its yard in Quillton.” [1]"}}
	s := continuationOf("where was the plant that shut down", h, nil)
	if s.Overlap == 0 || !contWeights.continues(s) {
		t.Errorf("signals %+v: a question on the conversation's shutdown, in other words, starts a new topic", s)
	}
}

// "what did sylvania say about it?" after Quillfeather's words asks for
// Sylvania's, not hers: a follow-up naming who it asks, with words other
// than a pronoun, does not inherit the previous speaker.
func TestFollowUpNamesItsOwnSayer(t *testing.T) {
	prev := quillfeatherTurn()
	for _, tt := range []struct {
		q, want string
	}{
		{"what did sylvania say about it?", ""},
		{"what did the foreign ministry say about that", ""},
		{"what did she say about it?", "Zara Quillfeather"},
		{"and what else did she say", "Zara Quillfeather"},
	} {
		if f := ReadFollowUp(tt.q, []Turn{prev}); f.Speaker != tt.want {
			t.Errorf("%q: speaker %q (%s, %q), want %q", tt.q, f.Speaker, f.Kind, f.Standalone, tt.want)
		}
	}
}

// A preposition is no informative word of a follow-up: "how much per
// barge?" is as short as "how much?" and goes on with the conversation.
func TestFollowUpPrepositionSaysNothing(t *testing.T) {
	if f := ReadFollowUp("how much per barge?", []Turn{quillfeatherTurn()}); f.Kind == NewTopic {
		t.Errorf("read as a new topic (%q)", f.Standalone)
	}
}

// TestThatPeriod: "later that year", "earlier that month", "that same
// year" in a follow-up are the dates they stand for, counted from the day
// of the statement the previous answer quoted, and the follow-up is
// searched within them.
func TestThatPeriod(t *testing.T) {
	prev := quillfeatherTurn() // quotes a statement of 2024-03-04
	for q, want := range map[string]string{
		"and what did they launch later that year":     "between march 5, 2024 and december 31, 2024",
		"what did she say about it earlier that month": "between march 1, 2024 and march 3, 2024",
		"did she say anything else that same year":     "between january 1, 2024 and december 31, 2024",
		"and what happened later in the same month":    "between march 5, 2024 and march 31, 2024",
	} {
		f := ReadFollowUp(q, []Turn{prev})
		if !strings.Contains(f.Standalone, want) {
			t.Errorf("%q → %q, want it to hold %q", q, f.Standalone, want)
		}
		c := ReadQuestion(f.Standalone, nil, day("2024-12-31"))
		if c.Period.IsZero() {
			t.Errorf("%q: no period read from %q", q, f.Standalone)
		}
	}
	// Not a time of the statement: quoted, a possessive, counted from
	// another year.
	for _, q := range []string{`did she ever say "that year" about it`, "what did she say about that month's canal report", "what did she say about it the same month last year"} {
		if f := ReadFollowUp(q, []Turn{prev}); strings.Contains(f.Standalone, ", 2024") {
			t.Errorf("%q → %q", q, f.Standalone)
		}
	}
	if f := ReadFollowUp("and what did they launch that year", []Turn{{Question: "what did they launch?", Answer: "The record does not cover this question."}}); strings.Contains(f.Standalone, "between") {
		t.Errorf("a period from an answer with no date: %q", f.Standalone)
	}
}
