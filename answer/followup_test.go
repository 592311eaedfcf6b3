package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
)

// quillfeatherTurn is an earlier exchange with invented speakers: the
// answer quotes Spokesperson Zara Quillfeather twice, citing one report.
func quillfeatherTurn() Turn {
	passage := "“The border talks between Freedonia and Sylvania will resume in April,” Spokesperson Zara Quillfeather of Nowhereland said on Monday. " +
		"“Sylvania must first withdraw its troops from the river crossing,” she added."
	return Turn{
		Question: "What did Spokesperson Zara Quillfeather say about the border talks between Freedonia and Sylvania?",
		Answer: ExtractiveLead + "\n- Nowhere Wire (2024-03-04) — Zara Quillfeather, Spokesperson: “The border talks between Freedonia and Sylvania will resume in April” [1]" +
			"\n- Nowhere Wire (2024-03-04) — Zara Quillfeather, Spokesperson: “Sylvania must first withdraw its troops from the river crossing” [1]",
		Citations: []Citation{{N: 1, Doc: "wire/talks.txt", Title: "Talks to resume", Outlet: "Nowhere Wire", Date: "2024-03-04",
			URL: "https://example.org/talks", Speakers: []string{"Zara Quillfeather"}, Passage: passage, End: len(passage)}},
	}
}

func TestReadFollowUp(t *testing.T) {
	history := []Turn{quillfeatherTurn()}
	tests := []struct {
		q          string
		kind       FollowUpKind
		standalone string // exact, or "" to skip
		contains   []string
	}{
		{"Did she say where they would be held?", RefSpeaker,
			"Did Zara Quillfeather say where they would be held, about the border talks between Freedonia and Sylvania?", nil},
		{"when was that?", RefDate, "", []string{"Zara Quillfeather", "resume in April"}},
		{"What else did she say?", RefMore, "What else did Zara Quillfeather say about the border talks between Freedonia and Sylvania?", nil},
		{"how long would the second one take?", RefItem, "", []string{"withdraw its troops"}},
		{"and the last?", RefItem, "", []string{"the statement that"}},
		// "first"/"last" before a noun of their own orders the question;
		// they do not point at an item of the previous answer.
		{"who was the last press secretary to talk about the river crossing", NewTopic,
			"who was the last press secretary to talk about the river crossing", nil},
		{"when was the first time the ministry mentioned a ceasefire?", NewTopic,
			"when was the first time the ministry mentioned a ceasefire?", nil},
		{"and the other side?", Counterpart, "", []string{"What did ", "say about the border talks"}},
		{"what about it?", RefTopic, "", []string{"border talks between Freedonia and Sylvania"}},
		// Questions that name their own subject start a new topic.
		{"What did Minister Sam Sample of Sylvania say about the river crossing?", NewTopic,
			"What did Minister Sam Sample of Sylvania say about the river crossing?", nil},
		{"How many soldiers were stationed at the river crossing in March?", NewTopic,
			"How many soldiers were stationed at the river crossing in March?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			f := ReadFollowUp(tt.q, history)
			if f.Kind != tt.kind {
				t.Errorf("kind %q, want %q (standalone %q)", f.Kind, tt.kind, f.Standalone)
			}
			if tt.standalone != "" && f.Standalone != tt.standalone {
				t.Errorf("standalone %q, want %q", f.Standalone, tt.standalone)
			}
			for _, w := range tt.contains {
				if !strings.Contains(f.Standalone, w) {
					t.Errorf("standalone %q lacks %q", f.Standalone, w)
				}
			}
			if strings.Contains(f.Standalone, "(context:") {
				t.Errorf("standalone %q is a word list", f.Standalone)
			}
		})
	}
	if f := ReadFollowUp("and the other side?", []Turn{{
		Question: "What did Freedonia say about the river crossing?",
		Answer:   "- Nowhere Wire (2024-03-04): “Sylvania has not answered our proposal on the river crossing” [1]",
	}}); f.Standalone != "What did Sylvania say about the river crossing?" {
		t.Errorf("the other side: %q", f.Standalone)
	}
	if f := ReadFollowUp("Did she say where they would be held?", nil); f.Kind != NewTopic || f.Standalone != "Did she say where they would be held?" {
		t.Errorf("no history: %+v", f)
	}
}

// TestFollowUpChains asks chains of two and three turns over the sample
// and White House documents without a model, each follow-up resolved
// against the previous answer's speakers, statements and documents.
func TestFollowUpChains(t *testing.T) {
	idx := mixedIndex(t)
	p := &Pipeline{Index: idx}
	type step struct {
		q        string
		cite     string   // a document the answer must cite
		contains []string // the answer holds all of these
		speaker  string   // every quotation is this speaker's
		// restates: the answer quotes the previous answer's first
		// statement (the one "that" or "the first one" points to).
		restates bool
	}
	chains := []struct {
		name  string
		steps []step
	}{
		{"seed-01 → seed-02 → when → what else", []step{
			{q: "According to the ARMENPRESS report, how serious is the U.S. about sending an international mission to Nagorno-Karabakh, and what did the Secretary do about it?", cite: "000_796cebcc88a1bf3f.txt"},
			{q: "Did he say who would take part in it or what its scope would be?", cite: "000_796cebcc88a1bf3f.txt", contains: []string{"scope"}},
			{q: "when was that?", cite: "000_796cebcc88a1bf3f.txt", contains: []string{"That was on 2023-09-28"}, restates: true},
			{q: "what else did he say?", cite: "000_796cebcc88a1bf3f.txt", speaker: "Matthew Miller"},
		}},
		{"rec-05 → rec-06 → when", []step{
			{q: `Who at the White House said on September 13, 2022 that "there can be no military solution to this conflict" about Armenia and Azerbaijan, and in what setting?`,
				cite: "2022-09-13_press-briefing-by-press-secretary-karine-jean-pier_6991170d.txt"},
			{q: "Did he think Azerbaijan was taking advantage of Russia being bogged down in Ukraine?",
				cite: "2022-09-13_press-briefing-by-press-secretary-karine-jean-pier_6991170d.txt", contains: []string{"John Kirby"}},
			{q: "When was that?", contains: []string{"That was on 2022-09-13"}, restates: true},
		}},
		{"quote → what else → the first one", []step{
			{q: "Quote Ned Price's exact words on whether there is a military solution to the Armenia-Azerbaijan conflict.", cite: "002_69e751255ff0b80c.txt"},
			{q: "what else did he say?", speaker: "Ned Price"},
			{q: "when did he say the first one?", contains: []string{"That was on 2022-09-2"}, restates: true},
		}},
	}
	for _, c := range chains {
		t.Run(c.name, func(t *testing.T) {
			var history []Turn
			quoted := map[string]bool{}
			for i, s := range c.steps {
				ans, err := p.Ask(context.Background(), s.q, history, retrieval.SearchOptions{})
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s → %q\n%s", s.q, ans.Standalone, ans.Text)
				if ans.Mode == ModeDeclined {
					t.Fatalf("turn %d declined", i+1)
				}
				if s.cite != "" && !citesDoc(ans, s.cite) {
					t.Errorf("turn %d cites none of %s", i+1, s.cite)
				}
				for _, w := range s.contains {
					if !strings.Contains(ans.Text, w) {
						t.Errorf("turn %d lacks %q", i+1, w)
					}
				}
				for _, st := range previousStatements(TurnOf(ans)) {
					if s.speaker != "" && st.Speaker != s.speaker {
						t.Errorf("turn %d quotes %q as %q's, want only %s's words", i+1, st.Text, st.Speaker, s.speaker)
					}
					if s.speaker != "" && quoted[st.Text] {
						t.Errorf("turn %d repeats %q", i+1, st.Text)
					}
					quoted[st.Text] = true
				}
				if s.restates {
					got, prev := previousStatements(TurnOf(ans)), previousStatements(history[len(history)-1])
					if len(got) != 1 || len(prev) == 0 || got[0].Text != prev[0].Text {
						t.Errorf("turn %d quotes %+v, want the previous answer's first statement", i+1, got)
					}
				}
				checkQuotations(t, ans)
				history = append(history, TurnOf(ans))
			}
		})
	}
}

// TestNewTopicInAChat: a question that names its own subject is searched
// as asked, not condensed with the conversation before it.
func TestNewTopicInAChat(t *testing.T) {
	idx := mixedIndex(t)
	p := &Pipeline{Index: idx}
	first, err := p.Ask(context.Background(), "Quote Ned Price's exact words on whether there is a military solution to the Armenia-Azerbaijan conflict.", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Each names its own subject; the second holds a "that" which the
	// rule before took for a reference to the conversation.
	for _, q := range []string{
		"How many people were killed in the fuel depot explosion in Nagorno-Karabakh?",
		"What did Adrienne Watson say about the fuel depot explosion that killed people in Nagorno-Karabakh?",
	} {
		ans, err := p.Ask(context.Background(), q, []Turn{TurnOf(first)}, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Standalone != "" || !citesDoc(ans, "2023-09-26_statement-by-national-security-council-spokesperso_fbf536be.txt") ||
			!strings.Contains(firstQuote(ans.Text), "68 people") {
			t.Errorf("%s: standalone %q, answer:\n%s", q, ans.Standalone, ans.Text)
		}
	}
}

// TestModelRewriteIsChecked: a model's rewrite of a follow-up is used when
// it keeps the question's own names and invents none; otherwise the rule's.
func TestModelRewriteIsChecked(t *testing.T) {
	history := []Turn{quillfeatherTurn()}
	tests := []struct {
		name, rewrite string
		used          bool
	}{
		{"keeps the names", "Did Zara Quillfeather say whether Sylvania agreed to the April talks?", true},
		{"drops the question's name", "Did Zara Quillfeather say whether the other side agreed to the April talks?", false},
		{"invents a name", "Did Zara Quillfeather say whether Sylvania agreed with Minister Orlo Vexbridge?", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, idx, _ := newPipeline(t, func(r testsupport.ChatRequest) string {
				if strings.Contains(r.LastUser(), "Rewrite the follow-up") {
					return "Standalone question: " + tt.rewrite
				}
				return "Quoting “" + firstSentence(promptPassages(r.LastUser())[1]) + "” [1]."
			})
			if _, err := p.Ask(context.Background(), "Did she say whether Sylvania agreed?", history, retrieval.SearchOptions{}); err != nil {
				t.Fatal(err)
			}
			rule := ReadFollowUp("Did she say whether Sylvania agreed?", history).Standalone
			if got := idx.queries[0]; (got == tt.rewrite) != tt.used || (!tt.used && got != rule) {
				t.Errorf("searched %q (rewrite %q, rule %q)", got, tt.rewrite, rule)
			}
		})
	}
}
