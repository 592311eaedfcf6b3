package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// ask answers q over the invented record with explanations on.
func askExplained(t *testing.T, p *Pipeline, q string) *Answer {
	t.Helper()
	ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Explain == nil {
		t.Fatalf("%q: no explanation", q)
	}
	return ans
}

func citedDocs(ans *Answer) []string {
	var out []string
	for _, c := range ans.Citations {
		out = append(out, c.Doc+"@"+c.Date)
	}
	return out
}

// A period in the question restricts the answer to it: the spokesperson
// spoke on the canal talks in March, April and May 2023, and a question
// about April quotes April only.
func TestPeriodRestrictsAnswer(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	for _, q := range []string{
		"What did Zara Quillfeather say about the canal talks in April 2023?",
		"what did quillfeather say abt the canal talks in apr 2023",
	} {
		ans := askExplained(t, p, q)
		if ans.Mode != ModeExtractive || len(ans.Citations) == 0 {
			t.Fatalf("%q: %s %q", q, ans.Mode, ans.Text)
		}
		for _, c := range ans.Citations {
			if !strings.HasPrefix(c.Date, "2023-04") {
				t.Errorf("%q quotes %s of %s, outside April 2023:\n%s", q, c.Doc, c.Date, ans.Text)
			}
		}
		if f := ans.Explain.Filters; dateString(f.Since) != "2023-04-01" || dateString(f.Until) != "2023-04-30" {
			t.Errorf("%q searched with %+v", q, f)
		}
	}
}

// "first" and "most recent" pick the earliest and latest statement that
// answers, not the best-scoring one.
func TestOrderPicksEarliestAndLatest(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	tests := []struct{ q, doc string }{
		{"When did Quillfeather first speak about the canal talks?", "canal-1.txt"},
		{"What did Quillfeather say the first time about the canal talks?", "canal-1.txt"},
		{"What did Quillfeather most recently say about the canal talks?", "canal-3.txt"},
		{"what's the latest quillfeather said on the canal talks", "canal-3.txt"},
	}
	for _, tt := range tests {
		ans := askExplained(t, p, tt.q)
		if ans.Mode != ModeExtractive || len(ans.Citations) == 0 || !strings.HasSuffix(ans.Citations[0].Doc, "#"+tt.doc) {
			t.Errorf("%q: cites %v first, want %s:\n%s", tt.q, citedDocs(ans), tt.doc, ans.Text)
		}
		if !strings.Contains(firstQuote(ans.Text), "[1]") {
			t.Errorf("%q: the first quotation is not from the chosen statement:\n%s", tt.q, ans.Text)
		}
		// "When did … first …" opens with the chosen statement's day;
		// the others open with the quotations.
		lead := ExtractiveLead + "\n- "
		if strings.HasPrefix(tt.q, "When") {
			lead = "On " + dayInWords(ans.Citations[0].Date) + ", the date of the statement below [1].\n" + ExtractiveLead + "\n- "
		}
		if !strings.HasPrefix(ans.Text, lead) {
			t.Errorf("%q: want the answer to open with %q:\n%s", tt.q, lead, ans.Text)
		}
	}
}

// A speaker who never spoke on the subject gets a plain answer saying so,
// with what the record holds from others, never someone else's words as
// theirs.
func TestSpeakerWhoNeverSpokeOnTopic(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "What did Bram Oakhollow say about the canal talks?")
	want := "The record has no statement by Bram Oakhollow on the canal talks. It holds 3 statements on the canal talks by other officials (Zara Quillfeather), from 2023-03-10 to 2023-05-20"
	if ans.Mode != ModeDeclined || !strings.HasPrefix(ans.Text, want) || len(ans.Citations) != 0 {
		t.Fatalf("answer %s %q, want it to start %q", ans.Mode, ans.Text, want)
	}
	// The same question about the speaker who did speak is answered.
	ans = askExplained(t, p, "What did Zara Quillfeather say about the canal talks?")
	if ans.Mode != ModeExtractive {
		t.Fatalf("the spokesperson's own words declined: %q", ans.Text)
	}
	// A period with nothing in it says so too.
	ans = askExplained(t, p, "What did Zara Quillfeather say about the canal talks in 2021?")
	if ans.Mode != ModeDeclined || !strings.Contains(ans.Text, "The record has no statement by Zara Quillfeather in 2021 (2021-01-01 to 2021-12-31) on the canal talks.") {
		t.Fatalf("empty period: %q", ans.Text)
	}
}

// A title is resolved to whoever held it in the period asked about.
func TestTitleResolvedByPeriod(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "What did the press secretary say about the harvest festival in 2024?")
	if ans.Mode != ModeExtractive || len(ans.Citations) == 0 || !strings.HasSuffix(ans.Citations[0].Doc, "#harvest-3.txt") || strings.Contains(ans.Text, "Brightwater") {
		t.Fatalf("%s %v:\n%s", ans.Mode, citedDocs(ans), ans.Text)
	}
	if s := ans.Explain.Constraints.Speaker; s == nil || s.Name != "Milo Fenwick" {
		t.Fatalf("speaker %+v", s)
	}
}

// Of the documents a speaker filter keeps, only the asked speaker's own
// passages, or those that name them, answer for them; another official's
// words in the same briefing do not.
func TestSpokenOrNamedBy(t *testing.T) {
	text := "MS. QUILLFEATHER: The canal talks went well. MR. OAKHOLLOW: The bridge opens in spring. MS. QUILLFEATHER: Ask Mr. Oakhollow about tolls."
	doc := &corpus.Document{ID: "briefing.txt", Text: text}
	a, b := strings.Index(text, "MR. OAKHOLLOW"), strings.LastIndex(text, "MS. QUILLFEATHER")
	if err := doc.SetTurns([]corpus.Turn{
		{Start: 0, End: a, Speaker: corpus.Speaker{Name: "Zara Quillfeather"}, Role: corpus.RoleOfficial},
		{Start: a, End: b, Speaker: corpus.Speaker{Name: "Bram Oakhollow"}, Role: corpus.RoleOfficial},
		{Start: b, End: len(text), Speaker: corpus.Speaker{Name: "Zara Quillfeather"}, Role: corpus.RoleOfficial},
	}); err != nil {
		t.Fatal(err)
	}
	hit := func(i, start, end int) retrieval.Hit {
		return retrieval.Hit{Doc: doc, Chunk: corpus.Chunk{ID: fmt.Sprintf("briefing.txt#%d", i), DocID: doc.ID, Index: i, Start: start, End: end, Text: text[start:end]}}
	}
	hits := []retrieval.Hit{hit(0, 0, a), hit(1, a, b), hit(2, b, len(text))}
	oak := &Person{Name: "Bram Oakhollow", Filter: "oakhollow"}
	kept, own := spokenOrNamedBy(hits, oak)
	if len(kept) != 2 || kept[0].Chunk.Index != 1 || kept[1].Chunk.Index != 2 || !own {
		t.Errorf("kept %v own %v: want his turn and the passage naming him", kept, own)
	}
	kept, own = spokenOrNamedBy([]retrieval.Hit{hits[2]}, oak)
	if len(kept) != 1 || own {
		t.Errorf("a passage only naming him: kept %d, own %v", len(kept), own)
	}
	if kept, _ = spokenOrNamedBy([]retrieval.Hit{hits[0]}, oak); len(kept) != 0 {
		t.Errorf("another official's words kept for him")
	}
}

// A statement two persons issue together (corpus.JointIssuers) is the
// office's turn, yet its words are each issuer's own: kept for either,
// though its text names neither, and for nobody else.
func TestJointStatementSpokenByBoth(t *testing.T) {
	text := "We send our warmest greetings to everyone celebrating the Lantern Festival."
	doc := &corpus.Document{ID: "joint.txt", Outlet: "Example Outlet", Text: text,
		Title: "Statement by Minister Ned Farrowby and Envoy Oona Quillfeather on the Lantern Festival"}
	if err := doc.SetTurns([]corpus.Turn{{Start: 0, End: len(text), Speaker: corpus.Speaker{Name: "Example Outlet"}, Role: corpus.RoleIssuer}}); err != nil {
		t.Fatal(err)
	}
	hits := []retrieval.Hit{{Doc: doc, Chunk: corpus.Chunk{ID: "joint.txt#0", DocID: doc.ID, End: len(text), Text: text}}}
	for _, p := range []*Person{{Name: "Ned Farrowby", Filter: "farrowby"}, {Name: "Oona Quillfeather", Filter: "quillfeather"}} {
		if kept, own := spokenOrNamedBy(hits, p); len(kept) != 1 || !own {
			t.Errorf("%s: kept %d, own %v; want the joint statement as their own words", p.Name, len(kept), own)
		}
	}
	if kept, _ := spokenOrNamedBy(hits, &Person{Name: "Bram Oakhollow", Filter: "oakhollow"}); len(kept) != 0 {
		t.Errorf("the joint statement kept for someone who did not issue it")
	}
}

// "first" orders the passages that answer, not every passage that passes
// the decision: an early passing mention loses to a later statement that
// answers much better.
func TestOrderIgnoresPassingMentions(t *testing.T) {
	hit := func(id, date string, coverage, vector float64) retrieval.Hit {
		d := &corpus.Document{ID: id, Date: day(date)}
		return retrieval.Hit{Chunk: corpus.Chunk{ID: id + "#0", DocID: id}, Doc: d, Coverage: coverage, VectorScore: vector}
	}
	weak := hit("mention.txt", "2021-01-05", 0.8, 0.1)  // passes the decision
	strong := hit("answer.txt", "2022-03-01", 1.0, 0.6) // answers
	later := hit("later.txt", "2023-06-01", 1.0, 0.55)
	p := &Pipeline{}
	c := Constraints{Order: OrderFirst, Search: "canal talks"}
	w := p.weights(nil)
	if s := w.score(signalsOf(c, nil, weak, 1, nil, map[string]map[string]bool{})); s < w.threshold {
		t.Fatalf("the weak passage scores %.2f, under the decision threshold %.2f: the test does not test the floor", s, w.threshold)
	}
	got, _ := p.ordered(c, []retrieval.Hit{strong, later, weak}, 3)
	if len(got) == 0 || got[0].Chunk.DocID != "answer.txt" {
		t.Fatalf("first picks %v, want answer.txt", hitIDs(got))
	}
	c.Order = OrderLast
	got, _ = p.ordered(c, []retrieval.Hit{strong, later, weak}, 3)
	if len(got) == 0 || got[0].Chunk.DocID != "later.txt" {
		t.Fatalf("last picks %v, want later.txt", hitIDs(got))
	}
}

// "first" orders the passages about what is asked: an earlier passage
// that scores as well on the question's other words but lacks its rarest
// one ("pier" in "who first announced the temporary pier for gaza") is
// not the first statement on it.
func TestOrderNeedsTheRarestWord(t *testing.T) {
	hit := func(id, date string, pier float64) retrieval.Hit {
		d := &corpus.Document{ID: id, Date: day(date)}
		return retrieval.Hit{Chunk: corpus.Chunk{ID: id + "#0", DocID: id}, Doc: d, Coverage: 0.9, VectorScore: 0.5,
			Terms: []retrieval.TermMatch{
				{Term: "announc", Weight: 2, Found: true, Share: 1},
				{Term: "gaza", Weight: 4, Found: true, Share: 1},
				{Term: "pier", Weight: 9, Found: pier > 0, Share: pier},
			}}
	}
	aid := hit("aid.txt", "2024-02-27", 0)
	pier := hit("pier.txt", "2024-03-07", 1)
	p := &Pipeline{}
	c := Constraints{Order: OrderFirst, Search: "who announced the temporary pier for gaza"}
	got, _ := p.ordered(c, []retrieval.Hit{pier, aid}, 2)
	if len(got) == 0 || got[0].Chunk.DocID != "pier.txt" {
		t.Fatalf("first picks %v, want pier.txt", hitIDs(got))
	}
}

func hitIDs(hits []retrieval.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Chunk.DocID)
	}
	return out
}

// datedIndex ranks its passages in the order given and returns at most
// depth of those inside a search's dates: a record where the earliest and
// latest statements are not among the best-ranked few.
type datedIndex struct {
	fakeIndex
	depth int
}

func (f *datedIndex) Search(_ context.Context, _ string, o retrieval.SearchOptions) ([]retrieval.Hit, error) {
	var out []retrieval.Hit
	for _, h := range f.hits {
		d := h.Doc.Date
		if (!o.Since.IsZero() && d.Before(o.Since)) || (!o.Until.IsZero() && d.After(o.Until)) {
			continue
		}
		if len(out) < f.depth {
			out = append(out, h)
		}
	}
	return out, nil
}

// "first" and "last" search again beyond the earliest and latest
// answering statement the best passages hold, so the record's earliest
// (latest) statement is found even when dozens of others outscore it.
func TestOrderSearchesBeyondTheBestPassages(t *testing.T) {
	hit := func(id, date string) retrieval.Hit {
		d := &corpus.Document{ID: id, Date: day(date)}
		return retrieval.Hit{Chunk: corpus.Chunk{ID: id + "#0", DocID: id}, Doc: d, Coverage: 1, VectorScore: 0.6}
	}
	// Best-ranked first: the middle of the record, then its ends.
	ranked := []retrieval.Hit{hit("mid-1.txt", "2023-05-01"), hit("mid-2.txt", "2023-06-01"),
		hit("early-2.txt", "2022-02-01"), hit("late-2.txt", "2024-09-01"), hit("early-1.txt", "2021-03-01"), hit("late-1.txt", "2025-01-01")}
	idx := &datedIndex{fakeIndex: fakeIndex{hits: ranked}, depth: 2}
	p := &Pipeline{Index: idx}
	tests := []struct {
		order Order
		want  string
	}{
		{OrderFirst, "early-1.txt"},
		{OrderLast, "late-1.txt"},
	}
	for _, tt := range tests {
		c := Constraints{Order: tt.order, Search: "canal talks"}
		first, _ := idx.Search(context.Background(), c.Search, retrieval.SearchOptions{})
		wide, note, err := p.beyond(context.Background(), c, retrieval.SearchOptions{}, first)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := p.ordered(c, wide, 3)
		if len(got) == 0 || got[0].Chunk.DocID != tt.want {
			t.Errorf("%s: ordered %v (%s), want %s first", tt.order, hitIDs(got), note, tt.want)
		}
	}
}

// A question that names a kind of document ("the last canal commission
// briefing") is ordered among the documents so titled: a later briefing
// that mentions the commission in passing is not the commission's.
func TestOrderKeepsTitledDocuments(t *testing.T) {
	var terms []retrieval.TermMatch
	for _, t := range text.Terms("canal commission briefing") {
		terms = append(terms, retrieval.TermMatch{Term: t, Weight: 1, Found: true, Share: 1})
	}
	hit := func(id, title, date string) retrieval.Hit {
		d := &corpus.Document{ID: id, Title: title, Date: day(date)}
		return retrieval.Hit{Chunk: corpus.Chunk{ID: id + "#0", DocID: id}, Doc: d, Coverage: 1, VectorScore: 0.6, Terms: terms}
	}
	hits := []retrieval.Hit{
		hit("commission-1.txt", "Press Briefing by the Canal Commission", "2023-01-10"),
		hit("commission-2.txt", "Press Briefing by the Canal Commission", "2023-05-10"),
		hit("press-later.txt", "Press Briefing by Spokesperson Zara Quillfeather", "2024-02-01"),
	}
	p := &Pipeline{}
	c := Constraints{Order: OrderLast, Search: "canal commission briefing"}
	got, _ := p.ordered(c, hits, 3)
	if len(got) == 0 || got[0].Chunk.DocID != "commission-2.txt" {
		t.Errorf("last picks %v, want commission-2.txt", hitIDs(got))
	}
}

// "When did the Houthis first come up in a White House briefing": the
// White House is the briefing's outlet, not a word its passages say; a
// passage naming the Houthis in a White House document names the subject.
func TestNamesSubjectByOutlet(t *testing.T) {
	runs := [][]string{text.Terms("Nowhere Ministry"), text.Terms("Quillmoor")}
	doc := &corpus.Document{ID: "b.txt", Title: "Press Briefing by the Spokesperson", Outlet: "The Nowhere Ministry"}
	h := retrieval.Hit{Doc: doc, Chunk: corpus.Chunk{ID: "b.txt#0", DocID: "b.txt", Text: "We condemn the attack on Quillmoor today."}}
	if !namesSubject(runs, h) {
		t.Errorf("a passage naming Quillmoor in the ministry's own briefing does not name the subject")
	}
	h.Chunk.Text = "We condemn the attack on the airport today."
	if namesSubject(runs, h) {
		t.Errorf("a passage not naming Quillmoor names the subject")
	}
}

// TestHolidayNamesADate: a holiday and its year name the week up to the
// day, a date the answer's passages are weighed by but no filter (a
// holiday's statements lie near it, not within it); one after the
// record's last date is said to be outside it rather than answered from
// whatever the speaker said last.
func TestHolidayNamesADate(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	// Labor Day 2024 is Monday 2 September; the record ends on 2024-05-15.
	ans := askExplained(t, p, "what did quillfeather say in her labor day 2024 message")
	if ans.Mode != ModeDeclined || !strings.Contains(ans.Text, "labor day 2024") {
		t.Errorf("after the record: %s %q", ans.Mode, ans.Text)
	}
	c := ans.Explain.Constraints
	if len(c.Dates) != 1 || dateString(c.Dates[0].Since) != "2024-08-26" || dateString(c.Dates[0].Until) != "2024-09-03" {
		t.Errorf("dates named %+v", c.Dates)
	}
	ans = askExplained(t, p, "around thanksgiving 2023 what did quillfeather say about the canal talks")
	if c := ans.Explain.Constraints; !c.Period.IsZero() || len(c.Dates) != 1 || dateString(c.Dates[0].Since) != "2023-11-16" {
		t.Errorf("thanksgiving 2023: period %v, dates %+v", c.Period, c.Dates)
	}
}

// TestSubjectSidesAskNoPlaceOfEveryPassage: the places two compared
// subjects name are each side's own; the question as asked through the
// pipeline asks neither of every passage, and a place outside the sides
// still binds.
func TestSubjectSidesAskNoPlaceOfEveryPassage(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "who ran the canal relief in ohio vs the texas flooding")
	if got := ans.Explain.Constraints.Places; len(got) != 0 {
		t.Errorf("places asked of every passage %q, want none", got)
	}
	ans = askExplained(t, p, "from maine, who ran the canal relief in ohio vs texas")
	if got := ans.Explain.Constraints.Places; len(got) != 1 || got[0] != "maine" {
		t.Errorf("places asked of every passage %q, want maine", got)
	}
}

// When the asked speaker's own words are not in the record but passages
// naming them answer, the answer opens by saying so, before any
// quotation: another official's words are never read as theirs.
func TestSpeakerAbsentOpensTheAnswer(t *testing.T) {
	rec := `{"id": "bridge-1.txt", "title": "Minister Bram Oakhollow on the railway bridge", "outlet": "Nowhereland Ministry", "date": "2023-08-01", "speakers": [{"name": "Bram Oakhollow", "title": "Minister"}], "text": "Minister Bram Oakhollow said the railway bridge over the Sylvan river would reopen in the spring. \"The railway bridge will carry freight again,\" Oakhollow said."}
{"id": "canal-1.txt", "title": "Statement by Spokesperson Zara Quillfeather on the canal talks", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Zara Quillfeather", "title": "Spokesperson"}], "text": "Spokesperson Zara Quillfeather said the canal talks with Freedonia would open in Lisbon next week. \"Minister Bram Oakhollow will lead our side at the canal talks in Lisbon,\" Quillfeather said."}
`
	ans := askRecord(t, rec, 2, "What did Bram Oakhollow say about the canal talks in Lisbon?")
	if ans.Mode == ModeDeclined {
		t.Fatalf("declined: %q", ans.Text)
	}
	want := speakerAbsent("Bram Oakhollow")
	if !strings.HasPrefix(ans.Text, want+"\n") || !strings.Contains(ans.Text, "Oakhollow will lead our side") {
		t.Errorf("the answer does not open with the notice:\n%s", ans.Text)
	}
	for _, w := range ans.Warnings {
		if strings.Contains(w, "own words") {
			t.Errorf("the notice is said again as a warning: %q", w)
		}
	}
}

// "its first meeting of the canal commission": the record's own "first
// meeting" is what is asked, not the earliest passage to mention the
// commission (an invented readout of its founding, or a plan). The
// ordinal is found in the title or in a sentence beside the passage's
// distinctive words, never in a reporter's question; without it the
// earliest answering passage still leads.
func TestOrderKeepsTheRecordsOwnFirst(t *testing.T) {
	var terms []retrieval.TermMatch
	for _, t := range text.Terms("meeting canal commission") {
		terms = append(terms, retrieval.TermMatch{Term: t, Weight: 1, Found: true, Share: 1})
	}
	hit := func(id, title, date, body string) retrieval.Hit {
		d := &corpus.Document{ID: id, Title: title, Outlet: "The Example House", Date: day(date), Text: body}
		return retrieval.Hit{Chunk: corpus.Chunk{ID: id + "#0", DocID: id, Text: body, End: len(body)}, Doc: d, Coverage: 1, VectorScore: 0.6, Terms: terms}
	}
	founding := hit("founding.txt", "Statement on the Canal Commission", "2021-02-01",
		"Spokesperson Zara Quillfeather announced a canal commission that will hold a meeting soon.")
	met := hit("met.txt", "Fact Sheet: Canal Commission", "2021-06-01",
		"On June 1, the commission convened its first meeting of the Canal Commission in Quillmoor.")
	titled := hit("titled.txt", "Readout of the First Meeting of the Canal Commission", "2021-05-01",
		"The canal commission met today and discussed the dredging plan.")
	later := hit("later.txt", "Readout of the Canal Commission", "2021-09-01",
		"The canal commission met for a third time, recalling its first meeting in May.")
	p := &Pipeline{}
	for q, of := range map[string]string{
		"when did the canal commission hold its first meeting": "meeting",
		"when did quillfeather first visit the canal":          "visit",
		"when did quillton first ever host the summit":         "host",
		"when did quillfeather first mention the canal":        "mention",
		"the first time quillfeather spoke of the canal":       "",
		"the first 100 days of the canal commission":           "",
	} {
		c := ReadQuestion(q, nil, day("2024-05-15"))
		if want := (of != "" || strings.Contains(q, "time")); (c.Order == OrderFirst) != want || c.OrderOf != of {
			t.Errorf("%q: read order %q of %q, want of %q", q, c.Order, c.OrderOf, of)
		}
	}
	c := Constraints{Order: OrderFirst, OrderPhrase: "first", OrderOf: "meeting", Search: "when did the canal commission hold its meeting"}
	for _, tt := range []struct {
		hits []retrieval.Hit
		want string
	}{
		{[]retrieval.Hit{later, met, founding}, "met.txt"},
		{[]retrieval.Hit{later, met, titled, founding}, "titled.txt"},
		// Only a later readout recalls the first meeting: it names it.
		{[]retrieval.Hit{founding, later}, "later.txt"},
	} {
		got, notes := p.ordered(c, tt.hits, 4)
		if len(got) == 0 || got[0].Chunk.DocID != tt.want {
			t.Errorf("first picks %v (%v), want %s", hitIDs(got), notes, tt.want)
		}
	}
	// A speaker looking back ("the first meeting, I told you all") names
	// no first: spoken, it is ordered as any passage.
	spoken := hit("spoken.txt", "Remarks by Spokesperson Zara Quillfeather", "2022-01-05",
		"MS. QUILLFEATHER: At the first meeting of the canal commission, I told you all we would dredge.\n")
	if got, _ := p.ordered(c, []retrieval.Hit{spoken, founding}, 3); len(got) == 0 || got[0].Chunk.DocID != "founding.txt" {
		t.Errorf("a speaker's look back at the first meeting picks %v, want founding.txt", hitIDs(got))
	}
	// "last" in running text is the one before it; "meeting" is no "meet".
	for _, o := range []Constraints{
		{Order: OrderLast, OrderPhrase: "last", OrderOf: "meeting", Search: c.Search},
		{Order: OrderFirst, OrderPhrase: "first", OrderOf: "meet", Search: c.Search},
	} {
		if writesOrdinal(o, met) || writesOrdinal(o, titled) {
			t.Errorf("%s %s: read as the record's own ordinal", o.OrderPhrase, o.OrderOf)
		}
	}
	// Without an ordinal the record writes, the earliest answering leads.
	c.OrderOf = "chair"
	if got, _ := p.ordered(c, []retrieval.Hit{later, met, founding}, 3); len(got) == 0 || got[0].Chunk.DocID != "founding.txt" {
		t.Errorf("first of an ordinal the record never writes picks %v, want founding.txt", hitIDs(got))
	}
}

// The notice that none of the asked speaker's words were found is not
// given over an answer that quotes them after all (passages naming the
// speaker led to their own sentences beside).
func TestSpeakerAbsentNoticeNotOverOwnWords(t *testing.T) {
	oak := &Person{Name: "Bram Oakhollow", Filter: "oakhollow"}
	r := &retrieved{c: Constraints{Speaker: oak}, notice: speakerAbsent(oak.Name)}
	cites := []Citation{{N: 1, Doc: "a.txt", Date: "2031-05-12"}}
	own := &Answer{Text: "From the record (verbatim quotations):\n- The Record (2031-05-12) — Bram Oakhollow, Minister: “The canal stays open to every barge.” [1]\n", Citations: cites}
	if !quotesAbsent(r, own) {
		t.Error("an answer quoting Oakhollow's own words keeps the notice that none were found")
	}
	other := &Answer{Text: "From the record (verbatim quotations):\n- The Record (2031-05-12) — Zara Quillfeather, Minister: “Oakhollow will keep the canal open to every barge.” [1]\n", Citations: cites}
	if quotesAbsent(r, other) {
		t.Error("an answer quoting only another official about Oakhollow loses the notice")
	}
	namesake := &Answer{Text: "From the record (verbatim quotations):\n- The Record (2031-05-12) — Ida Oakhollow, First Lady: “The canal stays open to every barge.” [1]\n", Citations: cites}
	if quotesAbsent(r, namesake) {
		t.Error("an answer quoting a namesake of Oakhollow loses the notice")
	}
}
