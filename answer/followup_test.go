package answer

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/readout/readout/corpus"

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

// wireTurn is a turn whose answer quotes one statement of an invented
// wire report of 2024-03-04: speaker, a spokesperson, said quote, which
// passage holds; doc and title are the cited document's.
func wireTurn(question, doc, title, speaker, quote, passage string) Turn {
	return Turn{
		Question: question,
		Answer:   ExtractiveLead + "\n- Nowhere Wire (2024-03-04) — " + speaker + ", Spokesperson: “" + quote + "” [1]",
		Citations: []Citation{{N: 1, Doc: doc, Title: title, Outlet: "Nowhere Wire", Date: "2024-03-04",
			Speakers: []string{speaker}, Passage: passage, End: len(passage)}},
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
		{"who said that?", RefWho, "", []string{"resume in April"}},
		{"and who said the second one?", RefWho, "", []string{"withdraw its troops"}},
		// Who someone in the answer is, not whose words it was.
		{"who was that?", RefTopic, "", []string{"border talks"}},
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
		// "what about <a new subject>?" asks the same question of it; a
		// subject the conversation already holds stays with its topic.
		{"what about the fishing quota?", RefTopic, "What did Spokesperson Zara Quillfeather say about the fishing quota?", nil},
		{"ok how about grain exports", RefTopic, "What did Spokesperson Zara Quillfeather say about grain exports?", nil},
		{"what about the river crossing?", RefTopic, "", []string{"river crossing", "border talks"}},
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
	// "they" beside "her" are others: she is "her", and their words,
	// not hers, are asked for.
	if f := ReadFollowUp("what did they tell her?", history); !strings.Contains(f.Standalone, "they tell Zara Quillfeather") || f.Speaker != "" {
		t.Errorf("they told her: standalone %q, speaker %q; want her in place of \"her\" and no speaker filter", f.Standalone, f.Speaker)
	}
	if f := ReadFollowUp("what did their ministers tell her?", history); f.Speaker != "" {
		t.Errorf("their ministers told her: speaker %q, want none", f.Speaker)
	}
	if f := ReadFollowUp("what did she tell them?", history); f.Speaker != "Zara Quillfeather" {
		t.Errorf("she told them: speaker %q, want Zara Quillfeather", f.Speaker)
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
			{q: "when was that?", cite: "000_796cebcc88a1bf3f.txt", contains: []string{"That was on September 28, 2023"}, restates: true},
			{q: "what else did he say?", cite: "000_796cebcc88a1bf3f.txt", speaker: "Matthew Miller"},
		}},
		{"rec-05 → rec-06 → when", []step{
			{q: `Who at the White House said on September 13, 2022 that "there can be no military solution to this conflict" about Armenia and Azerbaijan, and in what setting?`,
				cite: "2022-09-13_press-briefing-by-press-secretary-karine-jean-pier_6991170d.txt"},
			{q: "Did he think Azerbaijan was taking advantage of Russia being bogged down in Ukraine?",
				cite: "2022-09-13_press-briefing-by-press-secretary-karine-jean-pier_6991170d.txt", contains: []string{"John Kirby"}},
			{q: "When was that?", contains: []string{"That was on September 13, 2022"}, restates: true},
		}},
		{"quote → what else → the first one", []step{
			{q: "Quote Ned Price's exact words on whether there is a military solution to the Armenia-Azerbaijan conflict.", cite: "002_69e751255ff0b80c.txt"},
			{q: "what else did he say?", speaker: "Ned Price"},
			{q: "when did he say the first one?", contains: []string{"That was on September 2"}, restates: true},
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

// chainDocs are the White House documents the conversation tests below
// ask about, with near neighbours that compete with them (the other
// years' remembrance statements, another formula flight, the President's
// own remarks in Belvidere).
var chainDocs = []string{
	"2025-02-28_statement-from-the-press-secretary-19a9_6de8781b.txt",
	"2023-11-09_press-gaggle-by-principal-deputy-press-secretary-o_a28fa43a.txt",
	"2023-11-09_remarks-by-president-biden-on-delivering-for-worki_b222bb42.txt",
	"2025-02-04_fact-sheet-president-donald-j-trump-restores-maxim_c7a1da28.txt",
	"2022-05-22_biden-administration-announces-second-operation-fl_6efcfe85.txt",
	"2022-06-22_president-biden-announces-tenth-operation-fly-form_ed0f4b45.txt",
	"2025-03-16_statement-from-the-press-secretary-50c7_4dd81dca.txt",
	"2021-04-24_statement-by-president-joe-biden-on-armenian-remem_f1a4bcfb.txt",
	"2022-04-24_statement-by-president-joe-biden-on-armenian-remem_a3c86440.txt",
	"2023-04-24_statement-from-president-joe-biden-on-armenian-rem_60ea87b2.txt",
	"2025-02-14_fact-sheet-president-donald-j-trump-establishes-th_d457cbfc.txt",
	"2024-10-11_statement-from-national-security-advisor-jake-sull_2c9ec04f.txt",
	"2021-05-07_remarks-by-president-biden-on-the-april-jobs-repor_b44221db.txt",
	"2025-04-28_promises-made-promises-kept-border-security-achiev_7e553953.txt",
}

var (
	chainOnce sync.Once
	chainIdx  *retrieval.Index
	chainErr  error
)

// chainIndex indexes the sample record plus chainDocs, read from the
// shared archive; the test is skipped when the archive is not beside the
// repository.
func chainIndex(t testing.TB) *retrieval.Index {
	t.Helper()
	path := sharedPath("corpus", "whitehouse-briefings.tar.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("White House record not available: %v", err)
	}
	chainOnce.Do(func() {
		chainIdx, chainErr = indexWith(path, chainDocs)
	})
	if chainErr != nil {
		t.Fatal(chainErr)
	}
	return chainIdx
}

// indexWith indexes the sample record plus the named documents of the
// archive at path.
func indexWith(path string, names []string) (*retrieval.Index, error) {
	docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for len(want) > 0 {
		h, err := tr.Next()
		if err != nil {
			return nil, fmt.Errorf("read %s (looking for %v): %w", path, want, err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if !want[name] {
			continue
		}
		delete(want, name)
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		ds, err := corpus.Parse(name, data)
		if err != nil {
			return nil, err
		}
		docs = append(docs, ds...)
	}
	idx, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		return nil, err
	}
	if _, err := idx.Sync(context.Background(), docs, nil); err != nil {
		return nil, err
	}
	return idx, nil
}

// TestConversationState asks chains written for this test (not from the
// development set) over real White House documents without a model. Each
// follow-up is resolved against the previous answer's statements, the
// people it names and the documents it cited:
//
//   - "he" in a question about what someone did is the person the answer
//     spoke of, not the spokesperson who spoke;
//   - a question in its own words that the cited document answers is
//     answered from it, not from the whole record;
//   - a question with its own subject starts a new topic.
func TestConversationState(t *testing.T) {
	idx := chainIndex(t)
	p := &Pipeline{Index: idx}
	type step struct {
		q        string
		cite     string   // a document the answer must cite
		contains []string // the answer holds all of these
		newTopic bool     // searched as asked, not rewritten
	}
	const (
		cartel    = "2025-02-28_statement-from-the-press-secretary-19a9_6de8781b.txt"
		belvidere = "2023-11-09_press-gaggle-by-principal-deputy-press-secretary-o_a28fa43a.txt"
		iran      = "2025-02-04_fact-sheet-president-donald-j-trump-restores-maxim_c7a1da28.txt"
		armenia21 = "2021-04-24_statement-by-president-joe-biden-on-armenian-remem_f1a4bcfb.txt"
	)
	chains := []struct {
		name  string
		steps []step
	}{
		{"who → he did", []step{
			{q: "How many Mexican cartel members were sent to the United States at the end of February 2025?", cite: cartel, contains: []string{"29"}},
			{q: "which of them was the most notorious?", cite: cartel, contains: []string{"Caro Quintero"}},
			{q: "whom did he torture and kill?", cite: cartel, contains: []string{"Camerena"}},
		}},
		{"own words, cited document", []step{
			{q: "Which plant was the President going to see reopen in Belvidere, Illinois?", cite: belvidere, contains: []string{"Belvidere Assembly Plant"}},
			{q: "how many jobs had been lost at the plant?", cite: belvidere, contains: []string{"1,200"}},
			{q: "when was that?", cite: belvidere, contains: []string{"2023-11-09"}},
		}},
		{"own words, then a new topic", []step{
			{q: "What did the February 2025 Iran memorandum direct the Treasury Secretary to do?", cite: iran, contains: []string{"maximum economic pressure"}},
			{q: "and what was the goal for Iranian oil exports?", cite: iran, contains: []string{"zero"}},
			{q: "What did Biden say in 2021 about the Armenians who were deported and massacred?", cite: armenia21, contains: []string{"one and a half million"}, newTopic: true},
		}},
	}
	for _, c := range chains {
		t.Run(c.name, func(t *testing.T) {
			var history []Turn
			for i, s := range c.steps {
				ans, err := p.Ask(context.Background(), s.q, history, retrieval.SearchOptions{})
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s → %q\n%s", s.q, ans.Standalone, ans.Text)
				if ans.Mode == ModeDeclined {
					t.Fatalf("turn %d declined", i+1)
				}
				if !citesDoc(ans, s.cite) {
					t.Errorf("turn %d cites none of %s", i+1, s.cite)
				}
				for _, w := range s.contains {
					if !strings.Contains(ans.Text, w) {
						t.Errorf("turn %d lacks %q", i+1, w)
					}
				}
				if s.newTopic && ans.Standalone != "" {
					t.Errorf("turn %d was rewritten as %q, want a new topic", i+1, ans.Standalone)
				}
				checkQuotations(t, ans)
				history = append(history, TurnOf(ans))
			}
		})
	}
}

// TestFollowUpReferents: whom a pronoun means depends on what the
// follow-up asks. Asking for words ("did she say") means the previous
// answer's speaker, whose words are then quoted; asking what someone did
// means the person the answer spoke of, and restricts no quotation; an
// office that issued a statement is nobody's "they".
func TestFollowUpReferents(t *testing.T) {
	office := Turn{
		Question: "Where did the Freedonian and Sylvanian ministers meet?",
		Answer:   ExtractiveLead + "\n- Nowhere Office (2024-05-02): “Minister Orlo Vexbridge met Minister Zara Quillfeather at Castle Dunmere, and following the meeting they toured the canal works.” [1]",
		Citations: []Citation{{N: 1, Doc: "office/meeting.txt", Outlet: "Nowhere Office", Date: "2024-05-02",
			Speakers: []string{"Nowhere Office"}}},
	}
	who := Turn{
		Question: "Who led the delegation that crossed the river?",
		Answer:   ExtractiveLead + "\n- Nowhere Wire (2024-03-04) — Zara Quillfeather, Spokesperson: “The delegation was led by Captain Bram Oakhollow, who later signed the accord.” [1]",
		Citations: []Citation{{N: 1, Doc: "wire/talks.txt", Outlet: "Nowhere Wire", Date: "2024-03-04",
			Speakers: []string{"Zara Quillfeather"}}},
	}
	tests := []struct {
		name        string
		prev        Turn
		q           string
		speaker     string   // FollowUp.Speaker: whose words are quoted
		contains    []string // in Standalone
		notContains []string
	}{
		{"words: the speaker", quillfeatherTurn(), "Did she say where they would be held?", "Zara Quillfeather", []string{"Zara Quillfeather"}, nil},
		{"deeds: named, no quotation restricted", quillfeatherTurn(), "where was she travelling next?", "", []string{"Zara Quillfeather"}, nil},
		{"an office is no they", office, "what did they do after the meeting?", "", []string{"what did they do"}, []string{"Nowhere Office"}},
		{"after who: the person the answer named", who, "what did he sign?", "", []string{"Bram Oakhollow"}, []string{"Zara Quillfeather"}},
		{"after who, words: still the speaker", who, "what else did she say?", "Zara Quillfeather", []string{"Zara Quillfeather"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ReadFollowUp(tt.q, []Turn{tt.prev})
			if f.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q (standalone %q)", f.Speaker, tt.speaker, f.Standalone)
			}
			for _, w := range tt.contains {
				if !strings.Contains(f.Standalone, w) {
					t.Errorf("standalone %q lacks %q", f.Standalone, w)
				}
			}
			for _, w := range tt.notContains {
				if strings.Contains(f.Standalone, w) {
					t.Errorf("standalone %q holds %q", f.Standalone, w)
				}
			}
		})
	}
}

// docsIndex is a Retriever whose search of the whole record finds record
// and whose search restricted to documents (SearchOptions.Docs) finds cited.
type docsIndex struct {
	fakeIndex
	record, cited []retrieval.Hit
}

func (d *docsIndex) Search(ctx context.Context, q string, o retrieval.SearchOptions) ([]retrieval.Hit, error) {
	d.fakeIndex.hits = d.record
	if len(o.Docs) > 0 {
		d.fakeIndex.hits = nil
		for _, h := range d.cited {
			for _, id := range o.Docs {
				if h.Doc.ID == id {
					d.fakeIndex.hits = append(d.fakeIndex.hits, h)
				}
			}
		}
	}
	return d.fakeIndex.Search(ctx, q, o)
}

// TestConversationHits: a question of a conversation is searched again in
// the documents the conversation cited; their passages come first when
// they cover the question as well as the record's best (a question in its
// own words), or half as well (a question that points back).
func TestConversationHits(t *testing.T) {
	record, cited := exampleHits()[1], exampleHits()[0] // times/border.txt, wire/talks.txt
	prev := []Turn{{Question: "When will the talks resume?", Answer: "…", Citations: []Citation{{N: 1, Doc: "wire/talks.txt"}}}}
	tests := []struct {
		name          string
		kind          FollowUpKind
		newNames      int     // names of its own the conversation has not given
		record, cited float64 // coverage of the best passage of each search
		first         bool    // the cited document's passage comes first
	}{
		{"own words, cited covers more", NewTopic, 1, 0.6, 0.9, true},
		{"own words, cited covers as much", NewTopic, 1, 0.6, 0.6, true},
		{"own words, record covers more", NewTopic, 1, 0.9, 0.6, false},
		{"own words and a name, record covers a little more", NewTopic, 1, 1.0, 0.95, false},
		{"own words, no name, record covers a little more", NewTopic, 0, 1.0, 0.95, true},
		{"own words, no name, record covers more", NewTopic, 0, 1.0, 0.8, false},
		{"points back, cited covers half", RefTopic, 0, 0.9, 0.5, true},
		{"points back, cited covers little", RefTopic, 0, 0.9, 0.3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, c := record, cited
			r.Coverage, c.Coverage = tt.record, tt.cited
			idx := &docsIndex{record: []retrieval.Hit{r}, cited: []retrieval.Hit{c}}
			p := &Pipeline{Index: idx}
			got, _, err := p.conversationHits(context.Background(), "q", "q", retrieval.SearchOptions{}, prev, FollowUp{Kind: tt.kind, NewNames: tt.newNames}, []retrieval.Hit{r})
			if err != nil {
				t.Fatal(err)
			}
			if first := len(got) > 0 && got[0].Doc.ID == "wire/talks.txt"; first != tt.first {
				t.Errorf("conversation hits %v, want the cited document first: %v", got, tt.first)
			}
			if o := idx.opts[0]; len(o.Docs) != 1 || o.Docs[0] != "wire/talks.txt" {
				t.Errorf("searched with %+v, want the cited document only", o)
			}
		})
	}
	// Through Ask: a question in its own words is answered from the
	// document the conversation cited, and counts as a follow-up.
	r, c := record, cited
	r.Coverage, c.Coverage = 0.5, 0.9
	idx := &docsIndex{record: []retrieval.Hit{r}, cited: []retrieval.Hit{c}}
	p := &Pipeline{Index: idx}
	ans, err := p.Ask(context.Background(), "Where would the talks between Freedonia and Sylvania be held?", prev, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !citesDoc(ans, "wire/talks.txt") || citesDoc(ans, "times/border.txt") && ans.Citations[0].Doc != "wire/talks.txt" {
		t.Errorf("answer cites %+v, want wire/talks.txt first:\n%s", ans.Citations, ans.Text)
	}
}

// TestFollowUpOwnWordsChoose: a follow-up's own words choose the sentence
// it is answered with; the topic its rewrite borrows would choose the
// sentence that restates what was already answered. Without own words
// that find anything, the topic still answers.
func TestFollowUpOwnWordsChoose(t *testing.T) {
	d := &corpus.Document{ID: "office/meeting.txt", Title: "Ministers meet", Outlet: "Nowhere Office",
		Date: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)}
	d.Text = "Minister Orlo Vexbridge of Freedonia and Minister Zara Quillfeather of Sylvania held talks today at Castle Dunmere in Freedonia.\n" +
		"Following the meeting, they toured the canal works with the engineers of both countries."
	hit := retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: d.ID + "#0", DocID: d.ID, End: len(d.Text), Text: d.Text}, Coverage: 0.8}
	prev := Turn{
		Question:  "Where did Minister Orlo Vexbridge of Freedonia and Minister Zara Quillfeather of Sylvania hold talks?",
		Answer:    ExtractiveLead + "\n- Nowhere Office (2024-05-02): “Minister Orlo Vexbridge of Freedonia and Minister Zara Quillfeather of Sylvania held talks today at Castle Dunmere in Freedonia.” [1]",
		Citations: []Citation{{N: 1, Doc: d.ID, Outlet: "Nowhere Office", Date: "2024-05-02"}},
	}
	tests := []struct {
		q, first string
	}{
		{"what did they do after the meeting?", "toured the canal works"},
		{"and then?", "Castle Dunmere"}, // nothing of its own: the topic answers
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			p := &Pipeline{Index: &fakeIndex{hits: []retrieval.Hit{hit}}}
			ans, err := p.Ask(context.Background(), tt.q, []Turn{prev}, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(firstQuote(ans.Text), tt.first) {
				t.Errorf("first quotation %q, want the sentence with %q (standalone %q)\n%s", firstQuote(ans.Text), tt.first, ans.Standalone, ans.Text)
			}
		})
	}
}

// TestWhoSaidThat: "who said that?" and "when was that?" are answered from
// the previous answer's citation, verified, without searching the record.
func TestWhoSaidThat(t *testing.T) {
	tests := []struct{ q, lead, quote string }{
		{"who said that?", "That was Zara Quillfeather, to whom the record attributes this statement:", "resume in April"},
		{"who said the second one?", "That was Zara Quillfeather", "withdraw its troops"},
		{"when was that?", "That was on March 4, 2024", "resume in April"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			idx := &fakeIndex{hits: exampleHits()}
			p := &Pipeline{Index: idx}
			ans, err := p.Ask(context.Background(), tt.q, []Turn{quillfeatherTurn()}, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(ans.Text, tt.lead) || !strings.Contains(ans.Text, tt.quote) || len(idx.queries) != 0 {
				t.Errorf("answer (after %d searches):\n%s\nwant it to open with %q and quote %q", len(idx.queries), ans.Text, tt.lead, tt.quote)
			}
			if ans.Quotes.Posted == 0 || ans.Quotes.Verified != ans.Quotes.Posted || !citesDoc(ans, "wire/talks.txt") {
				t.Errorf("quotes %+v, citations %+v", ans.Quotes, ans.Citations)
			}
		})
	}
}

// TestAskedOf: a question typed in lower case asks for a person's words
// when the surname sits between an auxiliary and a verb asking for words;
// a short surname elsewhere in lower case may be an ordinary word.
func TestAskedOf(t *testing.T) {
	tests := []struct {
		q, name string
		want    bool
	}{
		{"what did quill say there about the canal", "Zara Quill", true},
		{"did quill tell reporters about the canal?", "Zara Quill", true},
		{"has Quill described the talks", "Zara Quill", true},
		{"what did the quill do", "Zara Quill", false},
		{"a quill and ink statement", "Zara Quill", false},
		{"what did quill", "Zara Quill", false},
	}
	for _, tt := range tests {
		if got := askedOf(tt.q, tt.name); got != tt.want {
			t.Errorf("askedOf(%q, %q) = %v, want %v", tt.q, tt.name, got, tt.want)
		}
	}
}

// officeTurn is an exchange whose answer quotes an office's readout, no
// person: "they" is the two ministers it reports.
func officeTurn() Turn {
	passage := "Foreign Minister Ona Vexley of Freedonia and Foreign Minister Tarin Holloway of Sylvania met today. The ministers discussed the dam dispute on the Murl river. They also agreed to reopen river shipping."
	return Turn{
		Question: "did the freedonian foreign minister raise the dam dispute when she met her sylvanian counterpart",
		Answer:   ExtractiveLead + "\n- Nowhere Office (2024-05-02): “The ministers discussed the dam dispute on the Murl river.” [1]",
		Citations: []Citation{{N: 1, Doc: "office/readout.txt", Title: "Readout of the Ministers' Meeting", Outlet: "Nowhere Office", Date: "2024-05-02",
			Speakers: []string{}, Passage: passage, End: len(passage)}},
	}
}

// TestFollowUpState: the conversation's state, not only its words, reads
// a chat follow-up: an opener ("ok", "hm,") hides no ellipsis, "source?"
// asks for the previous answer's documents, "when was that?" in between
// is no topic, "the first one" is the first of what was counted, and
// "the other side" is the one written together
// with the side quoted.
func TestFollowUpState(t *testing.T) {
	office := officeTurn()
	when := Turn{Question: "when was that", Standalone: "When was “The ministers discussed the dam dispute on the Murl river.” said?",
		Answer:    "That was on May 2, 2024, the date the record gives for this statement:\n- Nowhere Office (2024-05-02): “The ministers discussed the dam dispute on the Murl river.” [1]",
		Citations: office.Citations}
	counted := Turn{Question: "what were the three demands sylvania made at the murl talks",
		Answer: ExtractiveLead + "\n- Nowhere Wire (2024-05-03) — Zara Quillfeather, Spokesperson: “Sylvania wants the dam opened.” [1]"}
	vexley := Turn{Question: "what did vexley say at the signing",
		Answer: ExtractiveLead + "\n- Nowhere Office (2024-05-02) — Ona Vexley, Foreign Minister: “Today the river belongs to both our peoples.” [1]",
		Citations: []Citation{{N: 1, Doc: "office/signing.txt", Outlet: "Nowhere Office", Date: "2024-05-02", Speakers: []string{"Ona Vexley"},
			Passage: "Foreign Minister Ona Vexley of Freedonia and Foreign Minister Tarin Holloway of Sylvania signed the accord. “Today the river belongs to both our peoples,” said Foreign Minister Vexley."}}}
	tests := []struct {
		history  []Turn
		q        string
		kind     FollowUpKind
		contains []string // in Standalone
		resolved string   // in Resolved
	}{
		{[]Turn{quillfeatherTurn()}, "ok what about it?", RefTopic, []string{"border talks between Freedonia and Sylvania"}, ""},
		{[]Turn{quillfeatherTurn()}, "hm, and the other side?", Counterpart, []string{"What did "}, ""},
		{[]Turn{office}, "source?", RefSource, nil, ""},
		{[]Turn{office}, "where's that from", RefSource, nil, ""},
		{[]Turn{office}, "link pls", RefSource, nil, ""},
		{[]Turn{office, when}, "what else did they talk about", RefMore, []string{"dam dispute"}, ""},
		{[]Turn{counted}, "how long would the first one take", RefTopic, []string{"the first demand"}, "the first demand"},
		{[]Turn{vexley}, "and the other side?", Counterpart, []string{"Tarin Holloway"}, "Tarin Holloway"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			f := ReadFollowUp(tt.q, tt.history)
			if f.Kind != tt.kind {
				t.Errorf("kind %q, want %q (standalone %q)", f.Kind, tt.kind, f.Standalone)
			}
			for _, w := range tt.contains {
				if !strings.Contains(f.Standalone, w) {
					t.Errorf("standalone %q lacks %q", f.Standalone, w)
				}
			}
			if !strings.Contains(f.Resolved, tt.resolved) {
				t.Errorf("resolved %q lacks %q", f.Resolved, tt.resolved)
			}
			if f.Kind == Counterpart && tt.resolved != "" && f.Speaker != tt.resolved {
				t.Errorf("speaker %q, want %q: the other side's words are asked", f.Speaker, tt.resolved)
			}
		})
	}
	// A question about a source of something else is no request for the
	// answer's source.
	if f := ReadFollowUp("what was the source of the dam leak", []Turn{office}); f.Kind == RefSource {
		t.Errorf("read as a request for the source: %q", f.Standalone)
	}
}

// TestAnswerFromSources: "source?" lists the previous answer's documents
// with the statement quoted from each, verified, without searching.
func TestAnswerFromSources(t *testing.T) {
	p := &Pipeline{Index: inventedIndex(t, map[string]string{})}
	office := officeTurn()
	ans, err := p.Ask(context.Background(), "source?", []Turn{office}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Citations) != 1 || ans.Citations[0].Doc != "office/readout.txt" || ans.Quotes.Verified != 1 ||
		!strings.Contains(ans.Text, "Readout of the Ministers' Meeting") {
		t.Errorf("answer %q, citations %+v, quotes %+v", ans.Text, ans.Citations, ans.Quotes)
	}
}

// TestOtherSideElsewhereInTheDocument: the other side is found where the
// quoted document names both sides, though the passage quoted names one.
func TestOtherSideElsewhereInTheDocument(t *testing.T) {
	idx := inventedIndex(t, map[string]string{"accord.txt": "title: Freedonia and Sylvania Sign the Murl Accord\ndate: 2024-05-02\noutlet: Nowhere Office\n\n" +
		"Today, Foreign Minister Ona Vexley of Freedonia and Foreign Minister Tarin Holloway of Sylvania signed the Murl Accord after a decade of dispute over the river.\n\n" +
		strings.Repeat("The accord sets out how the dam will be run, who inspects it, and how disputes over its water are settled between the parties. ", 12) + "\n\n" +
		"“Today the river belongs to both our peoples,” said Foreign Minister Vexley.\n\n" +
		"“We have waited ten years for this day,” said Foreign Minister Holloway.\n"})
	p := &Pipeline{Index: idx}
	first, err := p.Ask(context.Background(), "what did vexley say when the murl accord was signed", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", first.Text)
	ans, err := p.Ask(context.Background(), "and the other side?", []Turn{TurnOf(first)}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Standalone, "Holloway") || !strings.Contains(ans.Text, "waited ten years") {
		t.Errorf("standalone %q, answer:\n%s", ans.Standalone, ans.Text)
	}
}

// TestHeIsWhomTheQuestionAsked: "he" after a question typed in lower case
// about a person is that person, whom the answer writes as a name, not
// the spokesperson who answered nor an institution the statement names.
func TestHeIsWhomTheQuestionAsked(t *testing.T) {
	prev := Turn{Question: "what did the ministry say when orla brightwater was detained in sylvania",
		Answer: ExtractiveLead + "\n- Nowhere Office (2024-05-02) — Zara Quillfeather, Spokesperson: “Officials spoke with Ms. Brightwater’s employer, the Freedonia Evening Ledger.” [1]" +
			"\n- Nowhere Office (2024-05-02) — Zara Quillfeather, Spokesperson: “We are deeply concerned that Orla Brightwater, a Freedonian citizen, has been detained.” [1]",
		Citations: []Citation{{N: 1, Doc: "office/detained.txt", Outlet: "Nowhere Office", Date: "2024-05-02", Speakers: []string{"Zara Quillfeather"}}}}
	f := ReadFollowUp("which paper did she work for", []Turn{prev})
	if !strings.Contains(f.Standalone, "Orla Brightwater") {
		t.Errorf("%s: %q", f.Kind, f.Standalone)
	}
}

// TestTopicOfARebuiltConversation: a conversation rebuilt from messages
// keeps no rewrites; a question that pointed back ("how long would the
// first one take") still does not become the topic.
func TestTopicOfARebuiltConversation(t *testing.T) {
	history := []Turn{
		{Question: "what were the three demands sylvania made at the murl talks",
			Answer: ExtractiveLead + "\n- Nowhere Wire (2024-05-03) — Zara Quillfeather, Spokesperson: “Sylvania wants the dam opened.” [1]"},
		{Question: "how long would the first one take",
			Answer: ExtractiveLead + "\n- Nowhere Wire (2024-05-03) — Zara Quillfeather, Spokesperson: “Opening the dam would take a month.” [1]"},
	}
	f := ReadFollowUp("who would pay for it", history)
	if !strings.Contains(f.Standalone, "demands") {
		t.Errorf("%s: %q", f.Kind, f.Standalone)
	}
}

// TestWhatElseOfAReadout: "what else did they talk about?" after an
// office's readout and a "when was that?" quotes more of the same readout,
// nothing the conversation quoted already, and not another document on
// the topic.
func TestWhatElseOfAReadout(t *testing.T) {
	idx := inventedIndex(t, map[string]string{
		"readout.txt": "title: Readout of the Foreign Minister's Call with Foreign Minister Tarin Holloway of Sylvania\ndate: 2024-05-02\noutlet: Nowhere Office\n\n" +
			"Foreign Minister Ona Vexley spoke today with Foreign Minister Tarin Holloway of Sylvania about the Murl dam dispute. " +
			"The ministers agreed that the dam's sluice gates would be inspected jointly. " +
			"They also discussed reopening river shipping before the harvest. " +
			"The ministers exchanged views on the fishing quotas of the upper Murl.\n",
		"other.txt": "title: Press Briefing on the Murl Dam\ndate: 2024-06-10\noutlet: Nowhere Wire\n\n" +
			"Reporters asked again about the Murl dam dispute and the call between the ministers. Nobody would talk about the dam dispute today, the spokesperson said of the call.\n",
	})
	p := &Pipeline{Index: idx}
	var history []Turn
	quoted := map[string]bool{}
	for _, q := range []string{"did vexley bring up the murl dam dispute on her call with holloway", "when was that", "what else did they talk about"} {
		ans, err := p.Ask(context.Background(), q, history, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s → %q\n%s", q, ans.Standalone, ans.Text)
		if q == "what else did they talk about" {
			if !citesDoc(ans, "readout.txt") || citesDoc(ans, "other.txt") {
				t.Errorf("cites %+v, want only the readout", ans.Citations)
			}
			for _, st := range previousStatements(TurnOf(ans)) {
				if quoted[st.Text] {
					t.Errorf("repeats %q", st.Text)
				}
			}
		}
		for _, st := range previousStatements(TurnOf(ans)) {
			quoted[st.Text] = true
		}
		history = append(history, TurnOf(ans))
	}
}

// TestNewTopicCountsItsNames: a question read as a new topic says how
// many names of its own it gives that the conversation has not, so that
// one naming nothing new may still be answered from what the
// conversation read (unnamedCoverageShare).
func TestNewTopicCountsItsNames(t *testing.T) {
	prev := []Turn{{Question: "how many crates of lantern oil did the second glimmerford ferry run carry",
		Answer: ExtractiveLead + "\n- Nowhere Office (2031-05-02): “Today, the Nowhereland Ministry of Transport has sourced a second Glimmerford ferry run to carry 412 crates of lantern oil.” [1]"}}
	cases := []struct {
		q     string
		names int
	}{
		{"what happened to the harbour workers on night shifts during the storms?", 0},
		{"what did Orlo Vexbridge say about the Sylvania canal works in Castle Dunmere?", 5}, // each capitalised word
	}
	for _, c := range cases {
		f := ReadFollowUp(c.q, prev)
		if f.Kind != NewTopic {
			t.Fatalf("%q read as a follow-up (%s), want a new topic", c.q, f.Kind)
		}
		if f.NewNames != c.names {
			t.Errorf("%q: NewNames %d, want %d", c.q, f.NewNames, c.names)
		}
	}
}

// TestFollowUpKeepsThePeriod: a follow-up that does not say when is asked
// of the period the conversation asked about; one that says when, or
// places what it asks at another time, keeps its own.
func TestFollowUpKeepsThePeriod(t *testing.T) {
	prev := []Turn{{Question: "what did Zara Quillfeather say about the lantern oil shortage in march 2031",
		Answer: ExtractiveLead + "\n- Nowhere Office (2031-03-04) — Zara Quillfeather, Spokesperson: “The lantern oil shortage will end within weeks.” [1]"}}
	cases := []struct {
		q      string
		period bool // the rewrite asks of march 2031
	}{
		{"what else did she say about it?", true},
		{"did she say why?", true},
		{"and what did she say in june 2031?", false},
		{"what was it the month before?", false},
		{"what did she say the next day?", false},
		{"when was that?", false},
	}
	for _, c := range cases {
		f := ReadFollowUp(c.q, prev)
		if f.Kind == NewTopic {
			t.Fatalf("%q read as a new topic", c.q)
		}
		if got := strings.Contains(strings.ToLower(f.Standalone), "march 2031"); got != c.period {
			t.Errorf("%q rewritten %q: asks of march 2031 %v, want %v", c.q, f.Standalone, got, c.period)
		}
	}
}

// "when did it launch?" after a statement that gives the launch's day is
// answered with that day, not with the day the statement was made; the
// statement is read whole though it quotes a name of its own.
func TestFollowUpEventDate(t *testing.T) {
	passage := "Minister Zara Quillfeather and Envoy Milo Brask discussed the launch of the “Safe Crossings” program on June 12, which both governments agreed to. They spoke again today."
	turn := Turn{
		Question: "what program did quillfeather and brask talk about",
		Answer: ExtractiveLead + "\n- Nowhere Wire (2031-06-20): “Minister Zara Quillfeather and Envoy Milo Brask discussed the launch of the “Safe Crossings” program on June 12, which both governments agreed to.” [1]" +
			"\n- Nowhere Wire (2031-06-20): “They spoke again today.” [1]",
		Citations: []Citation{{N: 1, Doc: "wire/crossings.txt", Title: "Crossings", Outlet: "Nowhere Wire", Date: "2031-06-20",
			URL: "https://example.org/crossings", Passage: passage, End: len(passage)}},
	}
	f := ReadFollowUp("when did it launch?", []Turn{turn})
	if f.Kind != RefDate || !f.EventDate || f.Statement == nil || !strings.Contains(f.Statement.Text, "on June 12") {
		t.Fatalf("kind %q, event date %v, statement %+v: want the statement giving the launch's day", f.Kind, f.EventDate, f.Statement)
	}
	// "when was that?" asks when it was said.
	if f := ReadFollowUp("when was that?", []Turn{turn}); f.Kind != RefDate || f.EventDate {
		t.Errorf("when was that: kind %q, event date %v", f.Kind, f.EventDate)
	}
	p := &Pipeline{Index: memIndex(t, nil)}
	ans := &Answer{}
	if !p.answerFromStatement(ans, f) || !strings.HasPrefix(ans.Text, "June 12, as the statement says") {
		t.Errorf("answer %q: want it to open with the day the statement gives", ans.Text)
	}
}

// TestFollowUpLeavesTheTopicsOrder: the order the topic's question asked
// ("who first announced the pier") is not the follow-up's: "how much aid
// was it supposed to bring in per day?" asks for no first statement.
func TestFollowUpLeavesTheTopicsOrder(t *testing.T) {
	prev := wireTurn("Who first announced the floating pier for Sylvania?", "wire/pier.txt", "Pier announced", "Zara Quillfeather",
		"Tonight I am announcing a floating pier off the Sylvanian coast",
		"“Tonight I am announcing a floating pier off the Sylvanian coast,” Spokesperson Zara Quillfeather said.")
	for _, q := range []string{"and how much aid was it supposed to bring in per day?", "how long would it take to build"} {
		f := ReadFollowUp(q, []Turn{prev})
		if f.Kind == NewTopic {
			t.Fatalf("%q read as a new topic", q)
		}
		if !strings.Contains(f.Standalone, "pier") {
			t.Errorf("%q: standalone %q lacks the topic", q, f.Standalone)
		}
		if c := ReadQuestion(f.Standalone, nil, day("2024-05-15")); c.Order != OrderAny {
			t.Errorf("%q: standalone %q asks order %q", q, f.Standalone, c.Order)
		}
	}
}

// A follow-up that points at nobody keeps the person the topic's
// question named: "and who did nowhereland release in return?" after
// "when did sylvania let ada brightwater go" is still about Brightwater.
func TestFollowUpKeepsThePersonOfTheTopic(t *testing.T) {
	prev := wireTurn("when did sylvania let ada brightwater go", "wire/free.txt", "Brightwater freed", "Milo Fenwick",
		"Ada Brightwater is free and on her way home",
		"Ada Brightwater is free and on her way home, Spokesperson Milo Fenwick of Nowhereland said.")
	persons := func(s string) []string {
		if strings.Contains(strings.ToLower(s), "ada brightwater") {
			return []string{"Ada Brightwater"}
		}
		return nil
	}
	f := readFollowUp("and who did nowhereland release in return?", []Turn{prev}, persons, nil)
	if !strings.Contains(strings.ToLower(f.Standalone), "brightwater") {
		t.Errorf("searched as %q (%s): the topic lost its person", f.Standalone, f.Kind)
	}
}

// "He" is not a spokesperson the record's transcripts label "MS.": after
// Ada Brightwater's words on the grain deal, "when did he sign it?"
// filters for no one (the record says nothing of anyone else there), and
// "did she say when?" is still hers. Without the record's word, "he" is
// the spokesperson as before.
func TestPronounOfAnotherGender(t *testing.T) {
	prev := wireTurn("what did the spokesperson say about the grain deal", "wire/grain.txt", "Grain deal", "Ada Brightwater",
		"The grain deal will be signed by the chancellor", "The grain deal will be signed by the chancellor.")
	persons := func(s string) []string {
		if strings.Contains(strings.ToLower(s), "brightwater") {
			return []string{"Ada Brightwater"}
		}
		return nil
	}
	gender := func(name string) byte {
		if name == "Ada Brightwater" {
			return 'f'
		}
		return 0
	}
	if f := readFollowUp("when did he sign it?", []Turn{prev}, persons, gender); strings.Contains(f.Standalone, "Brightwater") || f.Speaker != "" {
		t.Errorf("he: searched as %q, speaker %q", f.Standalone, f.Speaker)
	}
	if f := readFollowUp("did she say when it would be signed?", []Turn{prev}, persons, gender); !strings.Contains(f.Standalone, "Brightwater") {
		t.Errorf("she: searched as %q", f.Standalone)
	}
	if f := readFollowUp("when did he sign it?", []Turn{prev}, persons, nil); !strings.Contains(f.Standalone, "Brightwater") {
		t.Errorf("he, no genders known: searched as %q", f.Standalone)
	}
}

// A person's pronoun is read from the transcripts' labels: "MS." and
// "MRS." say she, "MR." he; a person never labelled so is unknown.
func TestGenderFromLabels(t *testing.T) {
	rec := `{"id": "b1.txt", "title": "Briefing by Spokesperson Ada Brightwater and Envoy Milo Fenwick", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Ada Brightwater", "title": "Spokesperson"}, {"name": "Milo Fenwick", "title": "Envoy"}], "text": "MS. BRIGHTWATER: Good afternoon.\nQ When will the canal open?\nMR. FENWICK: In May.\nMS. BRIGHTWATER: Next question.\n"}
{"id": "b2.txt", "title": "Briefing by Envoy Milo Fenwick", "outlet": "Nowhereland Ministry", "date": "2023-04-10", "speakers": [{"name": "Milo Fenwick", "title": "Envoy"}, {"name": "Zara Quillfeather", "title": "Chancellor"}], "text": "MR. FENWICK: The ferries run.\nQ And the tolls?\nMR. FENWICK: Lower.\nTHE CHANCELLOR: Thank you.\n"}
`
	pp := buildPeople(jsonlDocs(t, []byte(rec), 2))
	for name, want := range map[string]byte{"brightwater": 'f', "fenwick": 'm', "quillfeather": 0} {
		ps := pp.byAlias[name]
		if len(ps) == 0 {
			t.Fatalf("%s: not a person of the record", name)
		}
		if got := ps[0].Gender(); got != want {
			t.Errorf("%s: %q (labels %v), want %q", name, got, ps[0].labelled, want)
		}
	}
}

// TestWhoPutOutTheStatement: "who put out the statement on it?" after an
// answer quoting an article's reactions asks who issued the statement on
// the same event, another document: the answer quotes the statement, in
// its issuer's name, not more of the article the conversation cited.
func TestWhoPutOutTheStatement(t *testing.T) {
	idx := inventedIndex(t, map[string]string{
		"article.txt": "title: Ferryman Orlo Vexbridge Comes Home\ndate: 2031-02-12\noutlet: Nowhere Office\n\n" +
			"Envoy Tamsin Reedholt brought ferryman Orlo Vexbridge home from Sylvania after three years of detention. " +
			"Councillor Brin Aldous: “Thank you to Envoy Tamsin Reedholt for bringing Orlo home from Sylvania.” " +
			"Councillor Pell Marrow: “Hallelujah!” " +
			"Councillor Pell Marrow: “This is wonderful news for every ferryman of Nowhereland.”\n",
		"statement.txt": "title: Statement from the Harbour Adviser\ndate: 2031-02-11\noutlet: Nowhere Office\nspeakers: Wenna Calloway\n\n" +
			"Today Envoy Tamsin Reedholt is leaving Sylvanian waters with Orlo Vexbridge, a ferryman of Nowhereland detained by Sylvania. " +
			"The Envoy and the Council's advisers negotiated his release over many weeks.\n\n– Harbour Adviser Wenna Calloway\n",
	})
	p := &Pipeline{Index: idx}
	first, err := p.Ask(context.Background(), "who was the ferryman reedholt brought home from sylvania", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !citesDoc(first, "article.txt") {
		t.Skipf("the first answer cites %+v, not the article this test follows up", first.Citations)
	}
	ans, err := p.Ask(context.Background(), "who put out the statement on it", []Turn{TurnOf(first)}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !citesDoc(ans, "statement.txt") || citesDoc(ans, "article.txt") {
		t.Errorf("cites %+v, want the statement only:\n%s", ans.Citations, ans.Text)
	}
}

// A follow-up pointing at a kind of document reads it (docKindAsked).
func TestDocKindAsked(t *testing.T) {
	for q, want := range map[string]string{
		"who put out the statement on it":        "statement",
		"when was that gaggle":                   "gaggle",
		"who gave that speech":                   "remarks",
		"quote those remarks":                    "remarks",
		"what did they state about it":           "",
		"was there a readout":                    "",
		"what else did she say at the briefing":  "", // the occasion an article reports
		"what did sylvania say about the letter": "", // the subject
		"whats the address of the embassy":       "",
	} {
		if got := docKindAsked(q); got != want {
			t.Errorf("%q: kind %q, want %q", q, got, want)
		}
	}
}

// "who put out the statement on it?" asks who spoke: the person the
// previous question named is no filter of whose words answer, as he is
// for "what did he say about it?".
func TestWhoAsksNoSpeakerFilter(t *testing.T) {
	prev := Turn{Question: "who was the ferryman reedholt brought home from sylvania",
		Answer: ExtractiveLead + "\n- Nowhere Office (2031-02-12): “Envoy Tamsin Reedholt brought ferryman Orlo Vexbridge home from Sylvania.” [1]"}
	persons := func(s string) []string {
		if strings.Contains(strings.ToLower(s), "reedholt") {
			return []string{"Tamsin Reedholt"}
		}
		return nil
	}
	if f := readFollowUp("who put out the statement on it", []Turn{prev}, persons, nil); f.Speaker != "" || !strings.Contains(f.Standalone, "reedholt") {
		t.Errorf("speaker %q, searched as %q: want no speaker and the topic's envoy kept", f.Speaker, f.Standalone)
	}
	if f := readFollowUp("what did he say about it", []Turn{prev}, persons, nil); f.Speaker != "Tamsin Reedholt" {
		t.Errorf("\"what did he say\": speaker %q", f.Speaker)
	}
}

// TestFollowUpKeepsAShortYearsMonth: "in oct 22" of the conversation's
// question is October 2022; the follow-up's rewrite keeps the
// preposition with it, which "oct 22" alone would read as a day of any
// year.
func TestFollowUpKeepsAShortYearsMonth(t *testing.T) {
	end := time.Date(2031, 12, 31, 0, 0, 0, 0, time.UTC)
	first := "spokesperson on the ferry to glimmerford in oct 22 — what was she saying abt the lantern tax"
	if c := ReadQuestion(first, nil, end); c.Period.String() != (Period{Since: dayOf(2022, 10, 1), Until: dayOf(2022, 10, 31)}).String() {
		t.Fatalf("%q reads period %v, want October 2022", first, c.Period)
	}
	f := ReadFollowUp("and what did she say abt harbour dues on that same ferry", []Turn{{Question: first, Answer: "From the record: …"}})
	c := ReadQuestion(f.Standalone, nil, end)
	want := Period{Since: dayOf(2022, 10, 1), Until: dayOf(2022, 10, 31)}.String()
	var got []string
	if !c.Period.Since.IsZero() {
		got = append(got, c.Period.String())
	}
	for _, d := range c.Dates {
		got = append(got, d.String())
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("rewrite %q reads dates %q, want only %q", f.Standalone, got, want)
	}
}

// TestThatSameLeansOnTheConversation: "on that same flight" points at
// what the conversation spoke of, however many words of its own the
// question has, so it is not answered as asked when its rewrite is
// declined; the same words without the pointer stand alone.
func TestThatSameLeansOnTheConversation(t *testing.T) {
	p := &Pipeline{}
	history := []Turn{{Question: "what was the spokesperson saying on the ferry to glimmerford about the lantern tax", Answer: "From the record: …"}}
	if !p.leansOnConversation("and what did she say abt harbour dues on that same ferry", history) {
		t.Error("“on that same ferry” does not lean on the conversation")
	}
	if p.leansOnConversation("and what did she say abt harbour dues on the ferry", history) {
		t.Error("a question with three words of its own and no pointer leans on the conversation")
	}
	if p.leansOnConversation("what did she say abt harbour dues on that same day the council passed them", history) {
		t.Error("“that same day the council passed them” says itself what it points at, but leans on the conversation")
	}
}

// TestTopicKeepsItsBudgetWithAShortYear: "in oct 22" is one of the
// topic's contextTerms words, kept whole, and the topic stops at the
// budget after it.
func TestTopicKeepsItsBudgetWithAShortYear(t *testing.T) {
	q := "lantern oil ferry glimmerford quillshire harbour dues keepers guild regent tolls in oct 22 and then later the salt flats storms crossings pier lamps"
	got := previousTopic([]Turn{{Question: q, Answer: "From the record: …"}}, "")
	want := "lantern oil ferry glimmerford quillshire harbour dues keepers guild regent tolls in oct 22"
	if got != want {
		t.Errorf("topic %q, want %q", got, want)
	}
	q = "lantern oil ferry glimmerford quillshire harbour dues keepers guild regent in oct 22 tolls salt flats"
	got = previousTopic([]Turn{{Question: q, Answer: "From the record: …"}}, "")
	want = "lantern oil ferry glimmerford quillshire harbour dues keepers guild regent in oct 22 tolls"
	if got != want {
		t.Errorf("topic %q, want %q", got, want)
	}
}

// "Else" after "who", "anyone" or "where" asks for other people or
// places, "more than" compares and "how many more" counts: none asks for
// more of the speaker's words, as "what else did she say" does.
func TestOthersAreNotMore(t *testing.T) {
	history := []Turn{quillfeatherTurn()}
	for _, q := range []string{"who else was at the talks?", "was anyone else at them?", "where else did she go?",
		"what happens if the quota is more than the catch?", "how many more were sent?"} {
		if f := ReadFollowUp(q, history); f.Kind == RefMore {
			t.Errorf("%q read as a request for more of her words (%q)", q, f.Standalone)
		}
	}
	for _, q := range []string{"what else did she say?", "did she say anything more?", "did she say more than that?",
		"did she say much more?", "any more than that?"} {
		if f := ReadFollowUp(q, history); f.Kind != RefMore {
			t.Errorf("%q: kind %q, want %q", q, f.Kind, RefMore)
		}
	}
}

// TestHeIsTheNameTheQuestionTyped: "where's he going once he leaves"
// after a question typing "ada brightwater" in lower case is about the
// person the cited document's title names so ("Dr. Ada Brightwater
// Stepping Down"), though the quoted words call her "Dr. Brightwater" and
// the record knows another Brightwater; and the first name of a statement
// that is a country or a body ("The United Provinces", "the Canal
// Authority") is nobody "his" can mean after "who …?".
func TestHeIsTheNameTheQuestionTyped(t *testing.T) {
	prev := wireTurn("why did the minister want ada brightwater to stay on at the canal office", "wire/stay.txt",
		"Statement by the Minister on Dr. Ada Brightwater Stepping Down as Director", "Milo Fenwick",
		"Dr. Brightwater was one of the first people I asked to stay",
		"Dr. Brightwater was one of the first people I asked to stay.")
	persons := func(s string) []string {
		if l := strings.ToLower(s); strings.Contains(l, "ezra brightwater") || strings.Contains(l, "dr. brightwater") {
			return []string{"Ezra Brightwater"} // another Brightwater
		}
		if strings.Contains(s, "Authority") {
			return []string{"Port Authority"}
		}
		return nil
	}
	f := readFollowUp("where's she going once she leaves", []Turn{prev}, persons, nil)
	if !strings.Contains(f.Standalone, "Ada Brightwater") || strings.Contains(f.Standalone, "Ezra") {
		t.Errorf("she: searched as %q, want Ada Brightwater", f.Standalone)
	}

	who := wireTurn("who took over the canal talks after milo fenwick left", "wire/canal.txt", "Canal talks", "Zara Quillfeather",
		"The United Nations welcome the Canal Authority and Tomas Reedholt as the new envoy",
		"The United Nations welcome the Canal Authority and Tomas Reedholt as the new envoy.")
	if !givenAs("EPA Administrator Tomas Reedholt", "Tomas Reedholt") || !givenAs("Prime Minister Reedholt", "Tomas Reedholt") ||
		givenAs("Ezra Reedholt", "Tomas Reedholt") || givenAs("Intergovernmental Authority", "Port Authority") {
		t.Errorf("givenAs: titles and initials before a surname are no given name; another given name is another person")
	}
	f = readFollowUp("what was his job before that?", []Turn{who}, persons, nil)
	if strings.Contains(f.Standalone, "United Nations") || strings.Contains(f.Standalone, "Authority") || !strings.Contains(f.Standalone, "Tomas Reedholt") {
		t.Errorf("his, after who: searched as %q, want Tomas Reedholt", f.Standalone)
	}
}
