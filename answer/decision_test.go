package answer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// Capitalised words that are not the record's names do not make a
// question unanswerable: an imperative ("Give his words."), a nationality
// ("American"). The capitalisation rule declined both.
func TestNoWrongDeclineOnCapitalisedWords(t *testing.T) {
	p := &Pipeline{Index: sampleIndex(t)}
	ctx := context.Background()
	ans, err := p.Ask(ctx, "What did the American spokesperson say about the international mission?", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != ModeExtractive || !citesDoc(ans, "000_796cebcc88a1bf3f.txt") {
		t.Errorf("nationality word: %s %q", ans.Mode, ans.Text)
	}
	first, err := p.Ask(ctx, "What did Matthew Miller say about the international mission?", nil, retrieval.SearchOptions{})
	if err != nil || first.Mode != ModeExtractive {
		t.Fatalf("first question: %v %+v", err, first)
	}
	ans, err = p.Ask(ctx, "Give his words.", []Turn{{Question: first.Question, Answer: first.Text}}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != ModeExtractive || !citesDoc(ans, "000_796cebcc88a1bf3f.txt") {
		t.Errorf("imperative follow-up: %s %q", ans.Mode, ans.Text)
	}
}

// The public out-of-scope questions stay declined over the sample record.
func TestOutOfScopeDeclinedBySignals(t *testing.T) {
	p := &Pipeline{Index: sampleIndex(t), Explain: true}
	for _, q := range []string{
		"What is the current population of Stepanakert?",
		"What travel advisory level does the State Department currently give Azerbaijan?",
		"Who won the hockey game in February?",
	} {
		ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		d := ans.Explain.Decision
		if ans.Mode != ModeDeclined || d.Answer || d.By != "signals" || d.Score >= d.Threshold || len(d.Signals) == 0 {
			t.Errorf("%q: %s %q, decision %+v", q, ans.Mode, ans.Text, d)
		}
	}
}

// Word pairs of the question count only when the passage holds them near
// each other.
func TestPhraseShare(t *testing.T) {
	terms := []retrieval.TermMatch{{Term: "world", Weight: 2, Found: true, Share: 1}, {Term: "cup", Weight: 3, Found: true, Share: 1}}
	hit := func(text string) retrieval.Hit {
		return retrieval.Hit{Chunk: corpus.Chunk{Text: text}, Terms: terms}
	}
	together := phraseShare("What about the World Cup?", hit("He watched the World Cup final."))
	apart := phraseShare("What about the World Cup?", hit("The world economy grew. "+strings.Repeat("Trade rose sharply again. ", 5)+"He drank from a cup."))
	if together != 1 || apart != 0 {
		t.Errorf("together %.2f, apart %.2f", together, apart)
	}
	if got := phraseShare("Cup?", hit("cup")); got != 1 {
		t.Errorf("a question without pairs: %.2f, want 1", got)
	}
}

// With a chat model the model decides: low lexical signals do not decline
// a question the model might answer from the passages; only a retrieval
// that holds none of the question's words declines without it.
func TestModelDecidesWhenConfigured(t *testing.T) {
	hits := exampleHits()
	for i := range hits {
		hits[i].Coverage, hits[i].VectorScore = 0.2, 0.1
	}
	p := &Pipeline{Index: &fakeIndex{hits: hits}, Chat: nopModel{}}
	if d := p.decide(Constraints{}, hits, nil); !d.Answer || d.By != "model" {
		t.Errorf("with a model: %+v", d)
	}
	p.Chat = nil
	if d := p.decide(Constraints{}, hits, nil); d.Answer || d.By != "signals" {
		t.Errorf("without a model: %+v", d)
	} else if want := fmt.Sprintf("of the %d passages weighed", len(hits)); !strings.Contains(d.Reason, want) {
		// --explain lists the retrieval, which filters may have
		// narrowed for the decision: the place is given among those
		// weighed.
		t.Errorf("reason %q does not say %q", d.Reason, want)
	}
	for i := range hits {
		hits[i].Coverage = 0
	}
	p.Chat = nopModel{}
	if d := p.decide(Constraints{}, hits, nil); d.Answer || d.By != "empty" {
		t.Errorf("empty retrieval with a model: %+v", d)
	}
}

type nopModel struct{}

func (nopModel) Name() string { return "nop" }
func (nopModel) Complete(context.Context, []Message, func(string)) (string, error) {
	return "", nil
}

// The names a question asks about are the words the retrieved passages
// write as names inside sentences, not the question's capitals.
func TestQuestionNames(t *testing.T) {
	hits := []retrieval.Hit{
		{Chunk: corpus.Chunk{ID: "a#0", Text: "Officials said Freedonia would talk. Talks with Freedonia resume in Lisbon, where the trade routes meet."}},
		{Chunk: corpus.Chunk{ID: "b#0", Text: "Trade fell. The trade minister met envoys from Freedonia and spoke of trade."}},
	}
	c := Constraints{Search: "Give the Trade words on Freedonia and Lisbon"}
	got := questionNames(c, hits)
	if strings.Join(got, " ") != strings.Join(text.Terms("Freedonia"), " ") {
		t.Errorf("names %q: want only Freedonia (Lisbon is used once, Trade opens sentences, Give is the question's)", got)
	}
	// A month or a weekday is capitalised inside a sentence, but names a
	// date, not the subject.
	hits = append(hits, retrieval.Hit{Chunk: corpus.Chunk{ID: "c#0", Text: "On Monday in April the envoys of Freedonia met. Since Monday they talk, as in April."}})
	c = Constraints{Search: "Freedonia talks on Monday in April 2031"}
	if got := questionNames(c, hits); strings.Join(got, " ") != strings.Join(text.Terms("Freedonia"), " ") {
		t.Errorf("names %q: want only Freedonia (April and Monday are dates)", got)
	}
}

// A figure that only a reporter's question gives is no figure the record
// states: the figure signal counts the officials' sentences only.
func TestFigureInReportersQuestion(t *testing.T) {
	body := "MS. QUILLFEATHER: Good afternoon, everyone.\n\n" +
		"Q On the canal, thousands of refugees are leaving the valley. How concerned is the Chancellor?\n\n" +
		"MS. QUILLFEATHER: We are watching closely the reports.\n\n" +
		"Q And the border?\n\n" +
		"MS. QUILLFEATHER: By Friday, 4,200 refugees had crossed into Nowhereland.\n"
	doc := &corpus.Document{ID: "briefing.txt", Title: "Press Briefing by Spokesperson Zara Quillfeather", Text: body}
	c := Constraints{Search: "how many refugees left the valley", Want: WantNumber}
	for _, tc := range []struct {
		passage string
		want    float64
	}{
		{"Q On the canal, thousands of refugees are leaving the valley. How concerned is the Chancellor?", 0},
		{"MS. QUILLFEATHER: By Friday, 4,200 refugees had crossed into Nowhereland.", 1},
	} {
		start := strings.Index(body, tc.passage)
		h := retrieval.Hit{Doc: doc, Chunk: corpus.Chunk{DocID: doc.ID, Start: start, End: start + len(tc.passage), Text: tc.passage}}
		if got := figureShown(c, h); got != tc.want {
			t.Errorf("%q: figure shown %v, want %v (turns %+v)", tc.passage, got, tc.want, doc.Turns())
		}
	}
}

// TestTitleSignal: the decision measures the share of the question's
// searched words its passage's document title holds, weighted as
// coverage weighs them, and shows it (weight 0, see defaultDecision).
func TestTitleSignal(t *testing.T) {
	d := &corpus.Document{ID: "duty.txt", Title: "Fact Sheet: Temporary Import Duty on Quillton Barges"}
	h := retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: "duty.txt#0", DocID: d.ID, Text: "The duty lasts 150 days."}, Coverage: 0.5,
		Terms: []retrieval.TermMatch{{Term: "temporari", Weight: 2}, {Term: "duti", Weight: 1}, {Term: "last", Weight: 1}}}
	if got := titleShare(h); got != 0.75 {
		t.Errorf("title share %.3f, want 0.75 (temporary 2 + duty 1 of 4)", got)
	}
	p := &Pipeline{}
	dec := p.decide(Constraints{Search: "how long does the temporary duty last"}, []retrieval.Hit{h}, nil)
	if i := slices.IndexFunc(dec.Signals, func(s Signal) bool { return strings.HasPrefix(s.Name, "the question's words in the document's title") }); i < 0 || dec.Signals[i].Value != 0.75 || dec.Signals[i].Weight != 0 {
		t.Errorf("signals %+v: no title share 0.75 at weight 0", dec.Signals)
	}
}

// TestPreferDocsOnlyWhereTheFollowUpCanStay: a follow-up prefers the
// documents the conversation cited, but not one that never names a place
// or a person the follow-up names ("what about brazil, was biden gonna
// call lula?" after a gaggle on Brazil that never names Lula).
func TestPreferDocsOnlyWhereTheFollowUpCanStay(t *testing.T) {
	cited := &corpus.Document{ID: "gaggle.txt", Title: "Press Gaggle", Text: "We spoke about Freedonia and the canal."}
	other := &corpus.Document{ID: "call.txt", Title: "Readout of a call", Text: "The Minister spoke with President Ottoline Brask of Freedonia."}
	hits := []retrieval.Hit{
		{Doc: other, Chunk: corpus.Chunk{ID: "call.txt#0", DocID: "call.txt"}, Score: 1},
		{Doc: cited, Chunk: corpus.Chunk{ID: "gaggle.txt#0", DocID: "gaggle.txt"}, Score: 0.9},
	}
	docs := map[string]bool{"gaggle.txt": true}
	if got := preferDocs(hits, docs, func(d *corpus.Document) bool { return docFollowsOn(d, Constraints{}, nil) }); got[0].Doc != cited {
		t.Errorf("a follow-up naming nothing new: %s first, want the cited gaggle", got[0].Doc.ID)
	}
	brask := Constraints{Named: []*Person{{Name: "Ottoline Brask", Filter: "brask"}}}
	if got := preferDocs(hits, docs, func(d *corpus.Document) bool { return docFollowsOn(d, brask, nil) }); got[0].Doc != other {
		t.Errorf("a follow-up naming Brask: %s first, want the call that names her", got[0].Doc.ID)
	}
	if !docFollowsOn(other, brask, nil) || docFollowsOn(cited, brask, nil) {
		t.Errorf("docFollowsOn: the call names Brask, the gaggle does not")
	}
	// A document of the days Brask was Chancellor names her by the post
	// ("the Chancellor"), as the record's briefings name the president;
	// one from before her time, or naming the post in lower case, does
	// not.
	chancellor := &Person{Name: "Ottoline Brask", Filter: "brask", Titles: []TitleSpan{{Title: "chancellor", First: day("2031-01-20"), Last: day("2034-01-20"), Docs: 40}}}
	pp := &people{byTitle: map[string][]*Person{"chancellor": {chancellor}}}
	byPost := Constraints{Named: []*Person{chancellor}}
	briefing := &corpus.Document{Date: day("2031-05-25"), Text: "The number was 1 percent when the Chancellor took office."}
	if !docFollowsOn(briefing, byPost, pp) {
		t.Errorf("docFollowsOn: a briefing of her years naming \"the Chancellor\" names Brask")
	}
	if docFollowsOn(briefing, byPost, nil) {
		t.Errorf("docFollowsOn: with no people, a post is no name")
	}
	before := &corpus.Document{Date: day("2030-05-25"), Text: briefing.Text}
	lower := &corpus.Document{Date: day("2031-05-25"), Text: "Every chancellor took office in winter."}
	if docFollowsOn(before, byPost, pp) || docFollowsOn(lower, byPost, pp) {
		t.Errorf("docFollowsOn: the post before her time, or written in lower case, names someone else or no one")
	}
	// The post as the record writes it, not another that begins with it.
	for _, tc := range []struct {
		text, title string
		want        bool
	}{
		{"Thanks to the President.", "president", true},
		{"He met the President of Freedonia.", "president", false},
		{"He met the President-elect.", "president", false},
		{"the Presidential delegation", "president", false},
		{"The President’s trip", "president", true},
		{"He called the Secretary of State.", "secretary of state", true},
		{"He called the National Security Advisor.", "national security adviser", true},
		{"He called the National Security Adviser.", "national security adviser", true},
		{"as the President of the United States, I", "president", true},
	} {
		if got := postNamed(tc.text, tc.title); got != tc.want {
			t.Errorf("postNamed(%q, %q) = %v, want %v", tc.text, tc.title, got, tc.want)
		}
	}
	// A multi-word surname is matched as words in a row.
	dls := Constraints{Named: []*Person{{Name: "Ana de la Sol", Filter: "de la sol"}}}
	if docFollowsOn(&corpus.Document{Text: "De la Rosa and Sol met."}, dls, nil) || !docFollowsOn(&corpus.Document{Text: "Minister de la de la Sol spoke."}, dls, nil) {
		t.Errorf("docFollowsOn: words in a row")
	}
}

// A follow-up pointing at a kind of document ("who put out the statement
// on it") leaves a cited article that never speaks of one, keeps one that
// does ("at the daily press briefing"), and prefers the retrieved
// document of that kind over a better-scored one that is not.
func TestPreferDocsOfTheKindAsked(t *testing.T) {
	article := &corpus.Document{ID: "article.txt", Title: "Ferryman Comes Home", Text: "Councillors thanked the envoy."}
	statement := &corpus.Document{ID: "statement.txt", Title: "Statement from the Harbour Adviser", Text: "The envoy is leaving Sylvanian waters."}
	other := &corpus.Document{ID: "other.txt", Title: "Ferry Schedules", Text: "Ferries run twice daily."}
	hits := []retrieval.Hit{
		{Doc: article, Chunk: corpus.Chunk{ID: "article.txt#0", DocID: "article.txt"}, Score: 1},
		{Doc: other, Chunk: corpus.Chunk{ID: "other.txt#0", DocID: "other.txt"}, Score: 0.95},
		{Doc: statement, Chunk: corpus.Chunk{ID: "statement.txt#0", DocID: "statement.txt"}, Score: 0.9},
	}
	c := Constraints{Kind: "statement"}
	if docFollowsOn(article, c, nil) || !docFollowsOn(statement, c, nil) {
		t.Errorf("docFollowsOn: the article never speaks of a statement; the statement is one")
	}
	briefed := &corpus.Document{Title: "Canal Peace", Text: "She spoke at the daily press briefing."}
	if !docFollowsOn(briefed, Constraints{Kind: "briefing"}, nil) {
		t.Errorf("an article on a briefing left for \"the briefing\"")
	}
	cited := map[string]bool{"article.txt": true}
	got := preferDocs(hits, withKindTitled(cited, hits, c.Kind), func(d *corpus.Document) bool { return docFollowsOn(d, c, nil) })
	if got[0].Doc != statement {
		t.Errorf("%s first, want the statement", got[0].Doc.ID)
	}
	if cited["statement.txt"] {
		t.Errorf("withKindTitled changed the conversation's documents")
	}
}

// TestHeadWeighsInTheDecision: with the head weighed (it weighs 0 in
// defaultDecision; see there), a passage on the question's names that
// never speaks of what is asked about ("the elections") scores the
// head's weight less than one that does, and the one that does leads.
func TestHeadWeighsInTheDecision(t *testing.T) {
	hit := func(id, body string, coverage float64) retrieval.Hit {
		d := &corpus.Document{ID: id, Title: "Statement", Text: body}
		return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: id + "#0", DocID: id, Text: body, End: len(body)}, Coverage: coverage, VectorScore: 0.3}
	}
	hits := []retrieval.Hit{
		hit("visit.txt", "The envoy visited Quillton and met the Quillton cabinet.", 0.7),
		hit("vote.txt", "Quillton held its elections on Sunday, the envoy said.", 0.68),
	}
	c := Constraints{Search: "what did the envoy say about the elections in quillton"}
	w := defaultDecision
	w.head = 0.5
	d := (&Pipeline{decision: &w}).decide(c, hits, nil)
	if d.Best != "vote.txt#0" || d.Head == "" {
		t.Errorf("best %q head %q, want vote.txt#0 and a head", d.Best, d.Head)
	}
	if d := (&Pipeline{}).decide(c, hits, nil); d.Best != "visit.txt#0" {
		t.Errorf("head weighing 0: best %q, want visit.txt#0 (more coverage)", d.Best)
	}
}

// floodHit is a whole-document hit of an invented statement on the
// Quillton floods, holding the words of "how many people died in the
// quillton floods".
func floodHit(id, title, date, body string, cov, vec float64) retrieval.Hit {
	d := &corpus.Document{ID: id, Title: title, Text: body, Date: day(date)}
	return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: id + "#0", DocID: d.ID, Text: body, End: len(body)}, Coverage: cov, VectorScore: vec,
		Terms: []retrieval.TermMatch{{Term: "quillton", Weight: 3, Found: true}, {Term: "flood", Weight: 2, Found: true}, {Term: "die", Weight: 1, Found: true}}}
}

// TestUnvaluedPassageDeclined: a passage on the subject of a "how many"
// question that gives no figure and no number beside the subject does
// not answer it, however much of the question it holds; the same passage
// giving the figure does, and so does one the conversation cited.
func TestUnvaluedPassageDeclined(t *testing.T) {
	hit := func(body string) retrieval.Hit {
		return floodHit("floods.txt", "Statement on the Quillton Floods", "2031-05-02", body, 1, 0.9)
	}
	c := Constraints{Search: "how many people died in the quillton floods", Want: WantNumber}
	p := &Pipeline{}
	mourning := hit("We mourn all who died in the Quillton floods and stand with the people of Quillton.")
	if d := p.decide(c, []retrieval.Hit{mourning}, nil); d.Answer || d.Unvalued != "floods.txt#0" {
		t.Errorf("answered from a passage with no figure, or did not name it (%q): %s", d.Unvalued, d.Reason)
	}
	// The decline says the record speaks of it without the figure.
	ans, err := (&Pipeline{Index: &byFilterIndex{wide: []retrieval.Hit{mourning}}}).Ask(context.Background(), "how many people died in the quillton floods", nil, retrieval.SearchOptions{})
	want := "No passage found gives a figure for this: “Statement on the Quillton Floods” (2031-05-02) speaks of it without one."
	if err != nil || ans.Mode != ModeDeclined || ans.Text != want {
		t.Errorf("%v %s:\n%s\nwant\n%s", err, ans.Mode, ans.Text, want)
	}
	if d := p.decide(c, []retrieval.Hit{hit("The Quillton floods killed 41 people, and we mourn all who died.")}, nil); !d.Answer {
		t.Errorf("declined the passage giving the figure: %s", d.Reason)
	}
	// A bill's number beside the subject names the bill: no value.
	if d := p.decide(c, []retrieval.Hit{hit("The President signed H.R. 165 for those who died in the Quillton floods.")}, nil); d.Answer {
		t.Errorf("answered from a passage whose only number is a bill's: %s", d.Reason)
	}
	prev := map[string]bool{"floods.txt": true}
	if d := p.decide(c, []retrieval.Hit{hit("We mourn all who died in the Quillton floods and stand with the people of Quillton.")}, prev); !d.Answer {
		t.Errorf("declined a follow-up on the document the conversation cited: %s", d.Reason)
	}
}

// TestNoFigureNotClaimedWhenAPassageGivesIt: the decline says the record
// gives no figure only when no passage weighed gives it; with a chat
// model the model decides and no passage is named so.
func TestNoFigureNotClaimedWhenAPassageGivesIt(t *testing.T) {
	mourning := floodHit("floods.txt", "Statement on the Quillton Floods", "2031-05-02", "We mourn all who died in the Quillton floods and stand with the people of Quillton.", 1, 0.9)
	toll := floodHit("toll.txt", "Readout of a Call", "2031-05-04", "In Quillton the floods killed 41 people.", 0.2, 0.2)
	ans, err := (&Pipeline{Index: &byFilterIndex{wide: []retrieval.Hit{mourning, toll}}}).Ask(context.Background(), "how many people died in the quillton floods", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(ans.Text, "No passage found gives a figure") {
		t.Errorf("declined saying the record gives no figure, though toll.txt gives 41:\n%s", ans.Text)
	}
	c := Constraints{Search: "how many people died in the quillton floods", Want: WantNumber}
	if d := (&Pipeline{Chat: &promptModel{}}).decide(c, []retrieval.Hit{mourning}, nil); !d.Answer || d.Unvalued != "" {
		t.Errorf("with a model: answer %v, Unvalued %q", d.Answer, d.Unvalued)
	}
}

// TestNoFigureNotClaimedBesideANumber: a passage giving a number beside
// the subject is a value: the decline does not say the record gives no
// figure.
func TestNoFigureNotClaimedBesideANumber(t *testing.T) {
	mourning := floodHit("floods.txt", "Statement on the Quillton Floods", "2031-05-02", "We mourn all who died in the Quillton floods and stand with the people of Quillton.", 1, 0.9)
	toll := floodHit("toll.txt", "Readout of a Call", "2031-05-04", "The Quillton floods claimed 41 lives.", 0.2, 0.2)
	c := Constraints{Search: "how many people died in the quillton floods", Want: WantNumber}
	hits := []retrieval.Hit{mourning, toll}
	ans, err := (&Pipeline{Index: &byFilterIndex{wide: hits}}).Ask(context.Background(), c.Search, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(ans.Text, "No passage found gives a figure") {
		t.Errorf("declined saying the record gives no figure, though toll.txt gives 41 lives:\n%s", ans.Text)
	}
}

// TestNoSentenceGivesTheFigure: a "how many" question the decision lets
// through, whose sentences give no figure of what it counts, is answered
// by saying the record gives none, naming the document that speaks of
// the subject; a sentence giving the figure is quoted.
func TestNoSentenceGivesTheFigure(t *testing.T) {
	canal := func(body string) retrieval.Hit {
		d := &corpus.Document{ID: "canal.txt", Title: "Statement on the Quillton Canal", Outlet: "Nowhereland Ministry", Text: body, Date: day("2031-05-02")}
		return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: "canal.txt#0", DocID: d.ID, Text: body, End: len(body)}, Coverage: 1, VectorScore: 0.9,
			Terms: []retrieval.TermMatch{{Term: "quillton", Weight: 3, Found: true}, {Term: "canal", Weight: 2, Found: true}, {Term: "barg", Weight: 2, Found: true}}}
	}
	w := decisionWeights{coverage: 1, threshold: 0.5}
	ask := func(body string) *Answer {
		t.Helper()
		p := &Pipeline{Index: &byFilterIndex{wide: []retrieval.Hit{canal(body)}}, decision: &w}
		ans, err := p.Ask(context.Background(), "how many barges crossed the quillton canal", nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return ans
	}
	got := ask("Crews worked on the Quillton canal for weeks before the spring. The barges crossed the Quillton canal again when the locks opened.")
	want := "No passage found gives a figure for this: “Statement on the Quillton Canal” (2031-05-02) speaks of it without one."
	if got.Mode != ModeDeclined || got.Text != want {
		t.Errorf("no sentence gives the figure: %s\n%s\nwant\n%s", got.Mode, got.Text, want)
	}
	if got := ask("Crews worked on the Quillton canal for weeks. On Monday 40 barges crossed the Quillton canal."); got.Mode != ModeExtractive || !strings.Contains(got.Text, "40 barges") {
		t.Errorf("a sentence gives the figure: %s\n%s", got.Mode, got.Text)
	}
}
