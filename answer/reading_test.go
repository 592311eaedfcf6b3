package answer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
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
		sides := comparisonSides(tc.q, nil, time.Time{})
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

// TestDeadlineAsksForTheLatestFigure: "how many … by <date>" asks for the
// figure as of the deadline: the latest given by then, not one published
// after it, nor an earlier one that matches the words better.
func TestDeadlineAsksForTheLatestFigure(t *testing.T) {
	c := ReadQuestion("How many travellers had crossed the Freedonia border by the end of March 2023?", nil, time.Time{})
	if c.Order != OrderLast || !c.Period.Deadline || dateString(c.Period.Until) != "2023-03-31" {
		t.Fatalf("constraints %+v", c)
	}
	if o := c.Options(retrieval.SearchOptions{}); dateString(o.Until) != "2023-03-31" {
		t.Errorf("searched until %s: a figure as of a deadline is published by it", dateString(o.Until))
	}
	if c := ReadQuestion("How many travellers crossed the Freedonia border in March 2023?", nil, time.Time{}); c.Order != OrderAny || c.Period.Deadline {
		t.Errorf("a period is no deadline: %+v", c)
	}
	var docs []*corpus.Document
	for _, f := range []struct{ day, text string }{
		{"2023-03-05", "Spokesperson Zara Quillfeather said 1,200 travellers had crossed the Freedonia border since the border crossing at the Freedonia border opened, and the travellers crossing the Freedonia border were welcome."},
		{"2023-03-20", "Spokesperson Zara Quillfeather said 3,400 travellers had crossed the Freedonia border by then."},
		{"2023-04-10", "Spokesperson Zara Quillfeather said 7,900 travellers had crossed the Freedonia border, travellers crossing the Freedonia border each day."},
	} {
		docs = append(docs, &corpus.Document{ID: "crossing-" + f.day + ".txt", Title: "Statement on the Freedonia border", Outlet: "Nowhereland Ministry",
			Date: day(f.day), Speakers: []corpus.Speaker{{Name: "Zara Quillfeather", Title: "Spokesperson"}}, Text: f.text})
	}
	idx := memIndex(t, docs)
	ans, err := (&Pipeline{Index: idx}).Ask(context.Background(), "How many travellers had crossed the Freedonia border by the end of March 2023?", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first := firstQuote(ans.Text); !strings.Contains(first, "3,400") {
		t.Errorf("first quotation %q, want the 3,400 of March 20:\n%s", first, ans.Text)
	}
}

// TestFigureCountsWhatWasAsked: a "how many X" question is answered by a
// figure of X, not by a figure of something else in a sentence that names
// X elsewhere.
func TestFigureCountsWhatWasAsked(t *testing.T) {
	f, ok := figureOf("How many Sylvanian peacekeepers were deployed in Freedonia?")
	if !ok {
		t.Fatal("no figure read")
	}
	for _, tc := range []struct {
		sentence string
		want     bool
	}{
		{"About 2,000 Sylvanian peacekeepers were deployed along the line.", true},
		{"The peacekeepers numbered 2,000 by June.", true},
		{"84,770 displaced persons have crossed into Freedonia, where the convoy was escorted past the checkpoints by Sylvanian peacekeepers.", false},
		{"Sylvanian peacekeepers were deployed.", false},
	} {
		if got := f.heldBy(tc.sentence); got != tc.want {
			t.Errorf("heldBy(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestFigureOfPeople: "how many people" is answered by a figure of
// persons, refugees or travellers in a sentence about people, wherever
// the word stands.
func TestFigureOfPeople(t *testing.T) {
	f, ok := figureOf("How many people had crossed into Freedonia?")
	if !ok {
		t.Fatal("no figure read")
	}
	if !f.heldBy("84,770 displaced persons have crossed into Freedonia, and more people are expected.") {
		t.Error("a figure of persons in a sentence about people should answer")
	}
}

// byFilterIndex returns one set of hits to a search narrowed by dates and
// another to a search without them.
type byFilterIndex struct {
	fakeIndex
	narrowed, wide []retrieval.Hit
}

func (f *byFilterIndex) Search(_ context.Context, _ string, o retrieval.SearchOptions) ([]retrieval.Hit, error) {
	if !o.Since.IsZero() || !o.Until.IsZero() {
		return f.narrowed, nil
	}
	return f.wide, nil
}

// TestNoFalseAbsence: when the question's period declines but the record's
// covering statement lies within that period after all, the answer
// quotes it instead of claiming the record has no statement then.
func TestNoFalseAbsence(t *testing.T) {
	doc := func(id, date, text string) retrieval.Hit {
		d := &corpus.Document{ID: id, Title: "Statement", Outlet: "Nowhereland Ministry", Date: day(date), Text: text}
		return retrieval.Hit{Doc: d, Coverage: 1, VectorScore: 0.4, Chunk: corpus.Chunk{ID: id + "#0", DocID: id, End: len(text), Text: text}}
	}
	weak := doc("other.txt", "2024-03-02", "The ministry said the harbour reopened.")
	weak.Coverage, weak.VectorScore = 0.1, 0.05
	for _, tc := range []struct {
		date      string
		wantClaim bool
		mode      Mode
	}{
		{"2024-05-20", true, ModeDeclined},    // outside March: "no statement in march 2024" is true
		{"2024-03-20", false, ModeExtractive}, // inside March: it answers
	} {
		covering := doc("tolls.txt", tc.date, "Spokesperson Zara Quillfeather said the canal tolls would rise by 4 percent.")
		p := &Pipeline{Index: &byFilterIndex{narrowed: []retrieval.Hit{weak}, wide: []retrieval.Hit{covering}}}
		ans, err := p.Ask(context.Background(), "What did the ministry say about the canal tolls in March 2024?", nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(ans.Text, "has no statement"); ans.Mode != tc.mode || got != tc.wantClaim ||
			(tc.mode == ModeExtractive && !strings.Contains(ans.Text, "4 percent")) {
			t.Errorf("statement of %s: mode %s, claims absence %v, want %v:\n%s", tc.date, ans.Mode, got, tc.wantClaim, ans.Text)
		}
	}
}

// TestNearestInPeriodNamed: when the question's period holds a passage on
// the subject that the decision does not trust, the decline names it and
// does not claim the period holds no statement; one on another subject is
// not named.
func TestNearestInPeriodNamed(t *testing.T) {
	doc := func(id, date, title, text string) retrieval.Hit {
		d := &corpus.Document{ID: id, Title: title, Outlet: "Nowhereland Ministry", Date: day(date), Text: text}
		return retrieval.Hit{Doc: d, Coverage: 1, VectorScore: 0.4, Chunk: corpus.Chunk{ID: id + "#0", DocID: id, End: len(text), Text: text}}
	}
	covering := doc("tolls.txt", "2024-05-20", "Statement on tolls", "Spokesperson Zara Quillfeather said the canal tolls would rise by 4 percent.")
	for _, tc := range []struct {
		name  string
		found bool // the passage holds the question's most distinctive word
		want  string
	}{
		{"on the subject", true, "No passage of the record in March 2024 (2024-03-01 to 2024-03-31) clearly answers this; the nearest is “Readout of the toll call” (2024-03-02). It holds 1 statement on the canal tolls at other times, dated 2024-05-20"},
		{"another subject", false, "The record has no statement in March 2024 (2024-03-01 to 2024-03-31) on the canal tolls. It holds 1 statement on the canal tolls, dated 2024-05-20"},
	} {
		weak := doc("call.txt", "2024-03-02", "Readout of the toll call", "The ministry said the harbour reopened after the toll call.")
		weak.Coverage, weak.VectorScore = 0.3, 0.05
		weak.Terms = []retrieval.TermMatch{{Term: "toll", Weight: 2, Found: tc.found, Share: map[bool]float64{true: 1}[tc.found]}, {Term: "canal", Weight: 1}}
		p := &Pipeline{Index: &byFilterIndex{narrowed: []retrieval.Hit{weak}, wide: []retrieval.Hit{covering}}}
		ans, err := p.Ask(context.Background(), "What did the ministry say about the canal tolls in March 2024?", nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Mode != ModeDeclined || !strings.HasPrefix(ans.Text, tc.want) {
			t.Errorf("%s: mode %s:\n%s\nwant it to start\n%s", tc.name, ans.Mode, ans.Text, tc.want)
		}
	}
	// Nothing on the subject at other times either: the nearest is still
	// named.
	weak := doc("call.txt", "2024-03-02", "Readout of the toll call", "The ministry said the harbour reopened after the toll call.")
	weak.Coverage, weak.VectorScore = 0.3, 0.05
	weak.Terms = []retrieval.TermMatch{{Term: "toll", Weight: 2, Found: true, Share: 1}, {Term: "canal", Weight: 1}}
	p := &Pipeline{Index: &byFilterIndex{narrowed: []retrieval.Hit{weak}, wide: []retrieval.Hit{weak}}}
	ans, err := p.Ask(context.Background(), "What did the ministry say about the canal tolls in March 2024?", nil, retrieval.SearchOptions{})
	want := "No passage of the record in March 2024 (2024-03-01 to 2024-03-31) clearly answers this; the nearest is “Readout of the toll call” (2024-03-02)."
	if err != nil || ans.Mode != ModeDeclined || ans.Text != want {
		t.Errorf("nothing at other times: %v %s:\n%s\nwant\n%s", err, ans.Mode, ans.Text, want)
	}
}

// The words of a phrase saying when ("right before the flood reached
// quillton") count as the question's context when it asks about
// something else, and as its own when they are all it asks about.
func TestWhenPhraseIsContext(t *testing.T) {
	for _, tt := range []struct {
		q        string
		own, ctx []string
	}{
		{"where did vexlund meet the envoys right before the flood reached quillton", []string{"meet", "envoi"}, []string{"flood", "quillton"}},
		{"quote vexlund on whether you can trust brask, from before the canal summit", []string{"trust", "brask"}, []string{"canal", "summit"}},
		{"what did vexlund say after the quillton flood", []string{"quillton", "flood"}, nil},
	} {
		r := readQuestion(ExtractiveQuery{Question: tt.q, Named: []*Person{{Name: "Ada Vexlund"}}})
		for _, w := range tt.own {
			if r.words[text.Stem(w)] != 1 {
				t.Errorf("%q: %q not the question's own word (%v)", tt.q, w, r.words)
			}
		}
		for _, w := range tt.ctx {
			if v, ok := r.words[text.Stem(w)]; !ok || v != 0 {
				t.Errorf("%q: %q not context (%v)", tt.q, w, r.words)
			}
		}
	}
}

// TestWhenPhraseSearchedApart: the words of a phrase saying when find
// the day's briefings, and their passages on the summit outrank the one
// that answers what was asked (whether the other leader can be trusted);
// the question is searched again without the phrase, within the
// documents the whole question found, so the answer quotes the reply on
// trust.
func TestWhenPhraseSearchedApart(t *testing.T) {
	topics := []string{"tolls", "ferries", "barges", "locks", "dredging", "pilots", "harbours", "moorings", "cargo", "tariffs", "weather", "lighthouses"}
	summit := func(i int) string {
		a, b := topics[i%len(topics)], topics[(i+5)%len(topics)]
		return fmt.Sprintf("MS. VEXLUND: At the canal summit in Quillton, Brask and the envoys will take up %s first and %s after. The Quillton summit on the canal is where Brask meets them about %s.\n\n", a, b, a)
	}
	filler := func(i int) string {
		return fmt.Sprintf("Q On the harvest report number %d, what do the growers need?\n\nMS. VEXLUND: The growers need rain, seed and roads; report %d says the orchards and the wheat fields gained this season, and the mills will run longer.\n\n", i, i)
	}
	var b strings.Builder
	for i := 0; i < 6; i++ {
		b.WriteString(summit(i))
	}
	for i := 0; i < 4; i++ {
		b.WriteString(filler(i))
	}
	b.WriteString("Q How can anyone trust Brask after what he said?\n\n" +
		"MS. VEXLUND: Taking the measure of another leader is not about trusting them. It is a relationship of verification.\n\n")
	for i := 4; i < 8; i++ {
		b.WriteString(filler(i))
	}
	bodies := []string{b.String()}
	for d := 0; d < 4; d++ {
		var o strings.Builder
		for i := 0; i < 4; i++ {
			o.WriteString(summit(6 + 4*d + i))
		}
		bodies = append(bodies, o.String())
	}
	for i := 0; i < 12; i++ {
		// "trust" is an everyday word of the record: the growers' trust
		// fund, in other officials' statements.
		bodies = append(bodies, fmt.Sprintf("MR. PLACEHOLDER: The growers' trust fund paid out %d grants this week.\n", 100+i))
	}
	var docs []*corpus.Document
	for i, body := range bodies {
		doc, err := corpus.Parse(fmt.Sprintf("briefing-%d.txt", i), []byte(fmt.Sprintf("title: Press Briefing by Envoy Ada Vexlund\ndate: 2031-%02d-%02d\nsource: The Example House\n\n%s", 6+i/25, 1+i%25, body)))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc...)
	}
	p := &Pipeline{Index: memIndex(t, docs), Explain: true}
	const q = "quote vexlund on whether u can trust brask, from before the canal summit in quillton"
	ans := askExplained(t, p, q)
	if ans.Mode != ModeExtractive || !strings.Contains(ans.Text, "not about trusting them") {
		t.Errorf("%q: %s\n%s\n%s", q, ans.Mode, ans.Text, ans.Explain.Text(0))
	}
}

// TestWithoutWhenPhrase: the search without the phrase saying when keeps
// what the question asks about; a question about nothing else, or one
// comparing (the phrase is a side), is not searched so.
func TestWithoutWhenPhrase(t *testing.T) {
	named := []*Person{{Name: "Ada Vexlund"}}
	for q, want := range map[string]string{
		"quote vexlund on whether you can trust brask, from before the canal summit": "quote vexlund on whether you can trust brask, from",
		"what did vexlund say after the quillton flood":                              "",
		"the quillton toll rate announced in july 2031 vs after the march 2032 deal": "",
		// "right" says how near the moment is: the phrase's own word, not
		// something else asked about, so nothing is left to search.
		"what did vexlund say right after the quillton flood":                             "",
		"quote vexlund on canal tolls shortly before the quillton vote":                   "quote vexlund on canal tolls",
		"how many tolls did quillton collect the year before vexlund's 2031 toll day msg": "how many tolls did quillton collect",
		"what did vexlund say about tolls just two days after the flood":                  "what did vexlund say about tolls",
		// The far right is no moment's degree.
		"what did vexlund say about the far right after the quillton flood": "what did vexlund say about the far right",
		// A day's name and a measure asked for are no part of the phrase.
		"what did vexlund say on election day before the polls closed":         "what did vexlund say on election day",
		"how many days after the flood did vexlund visit quillton":             "how many days  did vexlund visit quillton",
		"quillton toll takings were the highest since when? and barge counts?": "quillton toll takings were the highest ? and barge counts",
	} {
		if got := withoutWhenPhrase(Constraints{Search: q, Named: named}); got != want {
			t.Errorf("withoutWhenPhrase(%q) = %q, want %q", q, got, want)
		}
	}
}

// bySpeakerIndex returns narrowed for a search filtered by speaker, wide
// otherwise, and lists docs (the record's people).
type bySpeakerIndex struct {
	fakeIndex
	narrowed, wide []retrieval.Hit
	docs           []*corpus.Document
}

func (f *bySpeakerIndex) Search(_ context.Context, _ string, o retrieval.SearchOptions) ([]retrieval.Hit, error) {
	if o.Speaker != "" {
		return f.narrowed, nil
	}
	return f.wide, nil
}

func (f *bySpeakerIndex) Documents() []*corpus.Document { return f.docs }

// TestNearestOfSpeakerNamed: when the asked speaker's own statement on
// the subject is found but not trusted to answer, the decline names it
// and does not claim the record holds no statement by them; a passage
// of theirs on another subject is not named.
func TestNearestOfSpeakerNamed(t *testing.T) {
	hit := func(id, date, title, speaker, body string) retrieval.Hit {
		d := &corpus.Document{ID: id, Title: title, Outlet: "Nowhereland Ministry", Date: day(date), Text: body,
			Speakers: []corpus.Speaker{{Name: speaker, Title: "Spokesperson"}}}
		return retrieval.Hit{Doc: d, Coverage: 1, VectorScore: 0.4, Chunk: corpus.Chunk{ID: id + "#0", DocID: id, End: len(body), Text: body}}
	}
	other := hit("tolls.txt", "2024-05-20", "Statement on tolls", "Bram Oakhollow", "Bram Oakhollow said the canal tolls would rise by 4 percent.")
	for _, tc := range []struct {
		name  string
		found bool // the passage holds the question's most distinctive word
		want  string
	}{
		{"on the subject", true, "No passage of the record by Zara Quillfeather clearly answers this; the nearest is “Statement from Spokesperson Zara Quillfeather” (2024-03-02). It holds 1 statement on the canal tolls by other officials (Bram Oakhollow)"},
		{"another subject", false, "The record has no statement by Zara Quillfeather on the canal tolls. It holds 1 statement on the canal tolls by other officials (Bram Oakhollow)"},
	} {
		weak := hit("quill.txt", "2024-03-02", "Statement from Spokesperson Zara Quillfeather", "Zara Quillfeather",
			"The harbour reopened after the toll call, and we thank the harbour staff.")
		weak.Coverage, weak.VectorScore = 0.3, 0.05
		weak.Terms = []retrieval.TermMatch{{Term: "toll", Weight: 2, Found: tc.found, Share: map[bool]float64{true: 1}[tc.found]}, {Term: "canal", Weight: 1}}
		p := &Pipeline{Index: &bySpeakerIndex{narrowed: []retrieval.Hit{weak}, wide: []retrieval.Hit{other}, docs: []*corpus.Document{weak.Doc, other.Doc}}}
		ans, err := p.Ask(context.Background(), "What did Zara Quillfeather say about the canal tolls?", nil, retrieval.SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Mode != ModeDeclined || !strings.HasPrefix(ans.Text, tc.want) {
			t.Errorf("%s: mode %s:\n%s\nwant it to start\n%s", tc.name, ans.Mode, ans.Text, tc.want)
		}
	}
}

// TestEmptyWindowSaysWhere: when the asked speaker has no document at all
// in the question's period, the decline says so and where the record's
// documents of theirs lie, rather than that the record does not cover the
// question.
func TestEmptyWindowSaysWhere(t *testing.T) {
	doc := func(id, date, speaker, body string) *corpus.Document {
		return &corpus.Document{ID: id, Title: "Statement by Spokesperson " + speaker, Outlet: "Nowhereland Ministry", Date: day(date), Text: body,
			Speakers: []corpus.Speaker{{Name: speaker, Title: "Spokesperson"}}}
	}
	docs := []*corpus.Document{
		doc("q1.txt", "2024-01-10", "Zara Quillfeather", "Zara Quillfeather said the canal tolls would stay as they are this winter."),
		doc("q2.txt", "2024-02-20", "Zara Quillfeather", "Zara Quillfeather said the canal would close for repairs in March."),
		doc("b1.txt", "2024-05-15", "Bram Oakhollow", "Bram Oakhollow said the canal tolls would rise by 4 percent in June."),
	}
	p := &Pipeline{Index: memIndex(t, docs)}
	ans, err := p.Ask(context.Background(), "what did zara quillfeather say about the canal tolls in the last two weeks", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "The record has no statement by Zara Quillfeather in the last two weeks (2024-05-02 to 2024-05-15). It holds 2 documents in which Zara Quillfeather speaks, from 2024-01-10 to 2024-02-20"
	if ans.Mode != ModeDeclined || !strings.HasPrefix(ans.Text, want) {
		t.Errorf("mode %s:\n%s\nwant it to start\n%s", ans.Mode, ans.Text, want)
	}
	// Within her dates, the question is answered.
	ans, err = p.Ask(context.Background(), "what did zara quillfeather say about the canal tolls in january 2024", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode == ModeDeclined || strings.Contains(ans.Text, "The record has no statement") {
		t.Errorf("in her period: mode %s:\n%s", ans.Mode, ans.Text)
	}
}

// kIndex is bySpeakerIndex returning only the first o.K hits, as a real
// index does.
type kIndex struct{ bySpeakerIndex }

func (f *kIndex) Search(ctx context.Context, q string, o retrieval.SearchOptions) ([]retrieval.Hit, error) {
	hits, err := f.bySpeakerIndex.Search(ctx, q, o)
	if o.K > 0 && len(hits) > o.K {
		hits = hits[:o.K]
	}
	return hits, err
}

// TestSpeakerSearchedDeeper: the speaker a question names is searched
// deeper in the documents they speak in: in a joint briefing whose guest's
// passages on the subject come first, the speaker's own passage beyond the
// usual depth is found and quoted.
func TestSpeakerSearchedDeeper(t *testing.T) {
	var b strings.Builder
	b.WriteString("MS. QUILLFEATHER: Good afternoon. The minister is here today.\n\n")
	for i := range 2 * DefaultK {
		fmt.Fprintf(&b, "MR. OAKHOLLOW: The canal toll prices rose in district %d, and canal toll prices there will keep rising.\n\nQ Thank you.\n\n", i+1)
	}
	b.WriteString("MS. QUILLFEATHER: Canal toll prices are down 40 crowns since the summer.\n")
	docs, err := corpus.Parse("joint.txt", []byte("title: Press Briefing by Spokesperson Zara Quillfeather and Minister Bram Oakhollow\ndate: 2024-03-02\nsource: Nowhereland Ministry\n\n"+b.String()))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	var hits []retrieval.Hit
	var own retrieval.Hit
	for i, turn := range d.Turns() {
		if turn.Role == corpus.RoleReporter {
			continue
		}
		h := retrieval.Hit{Doc: d, Coverage: 1, VectorScore: 0.4,
			Chunk: corpus.Chunk{ID: fmt.Sprintf("joint.txt#%d", i), DocID: d.ID, Index: i, Start: turn.Start, End: turn.End, Text: d.Text[turn.Start:turn.End]},
			Terms: []retrieval.TermMatch{{Term: "canal", Weight: 1, Found: true, Share: 1}, {Term: "toll", Weight: 2, Found: true, Share: 1}, {Term: "price", Weight: 1, Found: true, Share: 1}}}
		if strings.Contains(h.Chunk.Text, "40 crowns") {
			own = h
			continue
		}
		if strings.Contains(h.Chunk.Text, "Good afternoon") {
			h.Coverage, h.VectorScore, h.Terms = 0.1, 0.05, nil
		}
		hits = append(hits, h)
	}
	hits = append(hits, own)
	p := &Pipeline{Index: &kIndex{bySpeakerIndex{narrowed: hits, wide: hits, docs: docs}}}
	ans, err := p.Ask(context.Background(), "what did zara quillfeather say about canal toll prices", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "down 40 crowns") || strings.Contains(ans.Text, "Oakhollow") && strings.Contains(ans.Text, "district") {
		t.Errorf("%s:\n%s", ans.Mode, ans.Text)
	}
}

// A sentence that spells out the question's chat abbreviation holds it:
// "White House" holds the "wh" of "when did vexlund host brask at the
// wh"; "House" alone does not.
func TestSpeltAbbreviationHeld(t *testing.T) {
	r := readQuestion(ExtractiveQuery{Question: "when did vexlund host brask at the wh", Named: []*Person{{Name: "Ada Vexlund"}}})
	wh := text.Stem("wh")
	for sentence, want := range map[string]bool{
		"Vexlund received Brask in the White House on March 3.": true,
		"The House passed the canal bill on March 3.":           false,
	} {
		c := candidate{stems: text.TermSet(sentence)}
		holdSpelt(&c, r.spelt)
		if c.stems[wh] != want {
			t.Errorf("%q holds %q: %v, want %v (spelt %v)", sentence, "wh", c.stems[wh], want, r.spelt)
		}
	}
}

// TestQuestionTokensPossessive: a possessive is split off its name
// whether the word kept its "s" ("price's") or not ("harris's",
// "haiti's", "xi's"): the name is whole.
func TestQuestionTokensPossessive(t *testing.T) {
	var got []string
	for _, tk := range questionTokens("what did harris's husband, price's deputy, haiti's and xi's envoys say of the 1990's") {
		got = append(got, tk.w)
	}
	want := []string{"what", "did", "harris", "s", "husband", "price", "s", "deputy", "haiti", "s", "and", "xi", "s", "envoys", "say", "of", "the", "1990s"}
	if !slices.Equal(got, want) {
		t.Errorf("questionTokens = %q, want %q", got, want)
	}
}
