package answer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// briefingHits parses invented briefings (title, then a body of labelled
// turns) into one whole-document hit each.
func briefingHits(t *testing.T, briefings ...[2]string) []retrieval.Hit {
	t.Helper()
	var hits []retrieval.Hit
	for i, b := range briefings {
		text := "title: " + b[0] + "\ndate: 2031-05-0" + string(rune('1'+i)) + "\nsource: The Example House\n\n" + b[1]
		docs, err := corpus.Parse("brief"+string(rune('a'+i))+".txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		d := docs[0]
		hits = append(hits, retrieval.Hit{Doc: d, Coverage: 0.8,
			Chunk: corpus.Chunk{ID: d.ID + "#0", DocID: d.ID, End: len(d.Text), Text: d.Text}})
	}
	return hits
}

// A yes/no question opens with a verdict only when the sentence quoted
// first settles it: its words assert the claim (yes), or a negation
// stands before them (no); else the answer says the record does not show
// it, and quotes the nearest.
func TestYesNoVerdict(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather",
			"MS. QUILLFEATHER: The Glimmerford canal will reopen to barges in May.\n\n" +
				"Q And the toll?\n\n" +
				"MS. QUILLFEATHER: We do not support a toll on the Glimmerford canal.\n\n" +
				"MS. QUILLFEATHER: We have long supported the bid from Avalonia.\n"},
		[2]string{"Remarks by Minister Ned Example",
			"MR. EXAMPLE: The Brackenwick bridge toll will rise next year, and the ferries will keep their fares.\n\n" +
				"MR. EXAMPLE: Outlandish and baseless claims that the Sylvanian navy mined the Osterhaven harbour are everywhere this week.\n"})
	tests := []struct {
		name, q, want string
	}{
		{"asserted", "did quillfeather say the glimmerford canal would reopen to barges?", "Yes — Zara Quillfeather said so on 2031-05-01 [1]."},
		{"negated in the record", "does nowhereland support a glimmerford canal toll", "No — Zara Quillfeather said otherwise on 2031-05-01 [1]."},
		{"another speaker's words", "Did Quillfeather say the Brackenwick bridge toll would rise?", "The record does not show Quillfeather saying that; the nearest:"},
		{"a claim the sentence disputes", "did the sylvanian navy mine the osterhaven harbour?", verdictOpenLine},
		{"mentioned", "did quillfeather mention avalonia?", "Yes — Zara Quillfeather said so on 2031-05-01 [1]."},
		{"a synonym asserted", "did quillfeather back the bid from avalonia for the council?", "Yes — Zara Quillfeather said so on 2031-05-01 [1]."},
		{"words not held", "did the glimmerford canal flood the brackenwick valley in april?", verdictOpenLine},
		{"negated question", "didn't the glimmerford canal reopen to barges?", ExtractiveLead},
		{"not a yes/no question", "what did quillfeather say about the glimmerford canal?", ExtractiveLead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, stats := Extractive(tt.q, hits)
			if first, _, _ := strings.Cut(got, "\n"); first != tt.want {
				t.Errorf("%q: first line %q, want %q\n%s", tt.q, first, tt.want, got)
			}
			if stats.Posted == 0 || stats.Verified != stats.Posted {
				t.Errorf("%q: quotations %+v, want all verified\n%s", tt.q, stats, got)
			}
		})
	}
}

func TestNegationBefore(t *testing.T) {
	tests := []struct {
		s     string
		claim []string
		want  string
	}{
		{"The Quad is not a military alliance.", []string{"quad", "militari", "allianc"}, "not"},
		{"Taiwan won’t be part of the launch.", []string{"taiwan", "part", "launch"}, "won’t"},
		{"Nothing has changed about our view that a major ground operation would be a mistake.", []string{"ground", "mistak"}, ""},
		{"We condemn the attack.", []string{"condemn", "attack"}, ""},
	}
	for _, tt := range tests {
		if got := negationBefore(tt.s, tt.claim); got != tt.want {
			t.Errorf("negationBefore(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// A sentence that holds a yes/no question's claim settles it as yes only
// when it plainly asserts it.
func TestUnsettled(t *testing.T) {
	tests := []struct {
		s    string
		open bool
	}{
		{"The canal will reopen to barges in May.", false},
		{"No. The only barges on the canal are the ministry's own.", true},
		{"There's no discussion underway of a change in our plans regarding the games.", true},
		{"If it turns out that they were weather balloons, isn't that a better outcome?", true},
		{"Is the canal going to reopen to barges?", true},
		{"Baseless claims that the navy mined the harbour are everywhere.", true},
		{"We will never accept the blockade.", true},
	}
	for _, tt := range tests {
		if got := unsettled(tt.s); (got != "") != tt.open {
			t.Errorf("unsettled(%q) = %q, want open %v", tt.s, got, tt.open)
		}
	}
}

// A yes needs the claim's words in the question's order: the same words
// in another order are another claim.
func TestOutOfOrder(t *testing.T) {
	tests := []struct {
		s     string
		claim []string
		want  bool
	}{
		{"The canal will reopen to barges in May.", []string{"canal", "reopen", "barg"}, false},
		{"Barges will reopen the canal in May.", []string{"canal", "reopen", "barg"}, true},
		{"Transits through the Glimmer Strait are our approach to defending the seas.", []string{"defend", "glimmer"}, true},
		{"We will defend Glimmer.", []string{"defend", "glimmer"}, false},
		{"The canal reopens.", []string{"canal", "toll", "reopen"}, false}, // a word not held does not count
		// The order is read where the words stand together: a heading's
		// "BARGES" does not turn the sentence's own order round.
		{"BARGES: Today, at the harbour of Port Vell, the minister ordered the canal reopened to barges.", []string{"minister", "canal", "barg"}, false},
		{"CANAL BARGES: Today barges reopened the canal, the minister said.", []string{"minister", "canal", "barg"}, true},
		// Words written again later do not turn a swapped claim round.
		{"Sylvania invaded Freedonia, and Freedonia has fought the invading forces of Sylvania.", []string{"freedonia", "invad", "sylvania"}, true},
	}
	for _, tt := range tests {
		if got := outOfOrder(tt.s, tt.claim); got != tt.want {
			t.Errorf("outOfOrder(%q, %v) = %v, want %v", tt.s, tt.claim, got, tt.want)
		}
	}
}

// A yes/no question about what someone did, not said, does not claim the
// record fails to show them saying it: not when the nearest sentence is
// their own ("did biden meet xi" quoted "I met with Xi yesterday"), nor
// when it is another's account of what they did ("did biden and xi agree
// to restart military talks"). Only a question that asks for their words
// ("did kirby say …") is told the record does not show them saying it.
func TestOpenVerdictOfThePersonAsked(t *testing.T) {
	hits := briefingHits(t, [2]string{"Remarks by Minister Ned Example",
		"MR. EXAMPLE: I met the Sylvanian envoy yesterday, and we talked for hours.\n"})
	h := hits[0]
	start := strings.Index(h.Chunk.Text, "I met")
	end := strings.Index(h.Chunk.Text, "hours.") + len("hours.")
	for _, tt := range []struct {
		asked string
		said  bool
		want  string
	}{
		{"Ned Example", true, verdictOpenLine},
		{"Ned Example", false, verdictOpenLine},
		{"Zara Quillfeather", true, "The record does not show Zara Quillfeather saying that; the nearest:"},
		{"Zara Quillfeather", false, verdictOpenLine},
	} {
		v := verdict{kind: verdictOpen, asked: tt.asked, saidAsked: tt.said}
		if got := v.line(h, start, end, nil); got != tt.want {
			t.Errorf("asked %s (words asked %v): %q, want %q", tt.asked, tt.said, got, tt.want)
		}
	}
}

// "When did the minister visit Quillton?" answered by "… will visit
// Quillton tomorrow", said on 2031-03-31: the answer opens with the day,
// not with a word the reader must count from the statement's date.
func TestWhenLeadResolvesRelativeDay(t *testing.T) {
	hit := func(s string) retrieval.Hit {
		d := &corpus.Document{ID: "s.txt", Date: time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC), Text: s}
		return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: "s.txt#0", DocID: "s.txt", End: len(s), Text: s}}
	}
	for s, want := range map[string]string{
		"Minister Ada Vexlund will visit Quillton tomorrow to open the canal.": "On April 1, 2031 (“tomorrow” in the statement below) [1].",
		"Yesterday, Minister Ada Vexlund opened the canal.":                    "On March 30, 2031 (“Yesterday” in the statement below) [1].",
		"Today the minister opened the canal.":                                 "On March 31, 2031 (“Today” in the statement below) [1].",
		// A weekday of what was done: the latest such day before the
		// statement's (2031-03-31 is a Monday); not of what is to come.
		"On Saturday, Minister Ada Vexlund opened the canal.":               "On March 29, 2031 (“On Saturday” in the statement below) [1].",
		"The minister opened the canal last Monday.":                        "On March 24, 2031 (“last Monday” in the statement below) [1].",
		"The minister will open the canal on Saturday.":                     "",
		"The minister said on Saturday that the canal opens in April.":      "",
		"The minister said on Saturday that the canal opened.":              "",
		"On Friday, the spokesman said the canal opened.":                   "",
		"On Saturday, the minister opened the canal she closed last April.": "",
		"On Saturday, in mid-April, the minister opened the canal.":         "",
		"Mayor Ada Vexlund opened the canal on Saturday.":                   "On March 29, 2031 (“on Saturday” in the statement below) [1].",
		// "May" opening a sentence may be the verb.
		"May I say, the minister opened the canal on Saturday.":       "On March 29, 2031 (“on Saturday” in the statement below) [1].",
		"The minister’ll be in Quillton on Friday to open the canal.": "",
		// A date of its own speaks for itself.
		"The minister said today that the canal opened on March 12.": "",
		"The canal opened in the spring.":                            "",
		// The present set against another time dates no event.
		"The canal would look a lot different than it does today.": "",
		// An amount after "than" is dated by the day.
		"The ministry has sanctioned more than 500 barges just today.": "On March 31, 2031 (“today” in the statement below) [1].",
		// Two things dated: the "today" need not be the one asked.
		"Today the minister visits the canal, which flooded on the day she was in Quillton eight months ago.": "",
	} {
		h := hit(s)
		v := whenOf(h, 0, len(s))
		if got := v.line(h, 0, len(s), nil); got != want {
			t.Errorf("%q: line %q, want %q", s, got, want)
		}
	}
}

// A statement that opens "Today, …" answers "when" as one saying "…
// today": the relative day is read in any case, so the answer opens with
// the day, and the sentence giving it leads a sentence without one.
func TestWhenLeadCapitalisedToday(t *testing.T) {
	d := &corpus.Document{ID: "s.txt", Title: "Statement by Minister Ada Vexlund", Date: time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC)}
	d.Text = "The Quillton canal has been a long time coming for the people of Nowhereland.\n" +
		"Today, I opened the Quillton canal.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "s.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	text, _, _ := Extractive("When did Vexlund open the Quillton canal?", []retrieval.Hit{h})
	if !strings.HasPrefix(text, "On March 31, 2031 (“Today” in the statement below) [1].") || !strings.Contains(firstQuote(text), "Today, I opened") {
		t.Errorf("answer:\n%s", text)
	}
	if !fitsType(WantDate, "Tonight, the minister opened the canal.", false, "", false, false) {
		t.Error(`"Tonight, …" holds no date for "when"`)
	}
}

// The present set against another time ("than it does today") answers
// no "when": the answer does not open with that day, and the sentence
// holds no date of the kind asked.
func TestWhenNotTheComparedPresent(t *testing.T) {
	d := &corpus.Document{ID: "s.txt", Title: "Remarks by Minister Ada Vexlund", Date: time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC)}
	d.Text = "The Quillton canal was built over two years. It opened on March 12.\n" +
		"Without the Quillton canal open, Nowhereland would look a lot different than it does today.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "s.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	text, _, _, why := extractive(ExtractiveQuery{Question: "When did the Quillton canal open in Nowhereland?"}, []retrieval.Hit{h})
	if strings.Contains(text, "(“today” in the statement below)") {
		t.Errorf("the compared present dates the answer:\n%s", text)
	}
	for _, w := range why {
		if strings.Contains(w.Sentence, "than it does today") && w.Features.Fits {
			t.Errorf("%q holds a date for \"when\"", w.Sentence)
		}
	}
}

// A place opening its sentence is a place: "At Camp David, …" answers
// "where" as "… met at Camp David" does.
func TestPlaceOpeningTheSentence(t *testing.T) {
	for _, s := range []string{"At Quillton Hall, the ministers signed the accord.", "The ministers met at Quillton Hall."} {
		if !fitsType(WantPlace, s, false, "", false, false) {
			t.Errorf("%q holds no place for \"where\"", s)
		}
	}
	if fitsType(WantPlace, "At this point, the ministers have not met.", false, "", false, false) {
		t.Error(`"At this point" read as a place`)
	}
}

// A route says where something went whatever verb moved it; a span of
// months or a hand-over between people is no route.
func TestRouteIsAPlace(t *testing.T) {
	for _, s := range []string{"The ministry is sourcing a flight to carry canal grain from Germany to Quillton, Texas on June 26.",
		"From Germany to Quillton, the grain went by barge."} {
		if !fitsType(WantPlace, s, false, "", false, false) {
			t.Errorf("%q holds no place for \"where\"", s)
		}
	}
	for _, s := range []string{"The tolls rose from January to March.", "The office passed from Quillfeather to Oakhollow.",
		"She read a letter from Ukrainian President Quillfeather to Congress."} {
		if fitsType(WantPlace, s, false, "", false, false) {
			t.Errorf("%q read as a place", s)
		}
	}
}

// The claim's rarest word is the record's rarest: "did example ever call
// quillfeather a tyrant" is no yes from "… calling Zara Quillfeather a
// duke", though among the sentences found "tyrant" is common and the
// named subject rare.
func TestYesNoRarestOfTheRecord(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Remarks by Minister Ned Example on Zara Quillfeather",
			"MR. EXAMPLE: He bragged about calling Zara Quillfeather a duke.\n\n" +
				"MR. EXAMPLE: The tyrant of Sylvania closed the canal.\n\n" +
				"MR. EXAMPLE: Tyrants everywhere fear the ballot.\n\n" +
				"MR. EXAMPLE: No tyrant will hold the Osterhaven harbour.\n\n" +
				"MR. EXAMPLE: A tyrant's promise is worth nothing.\n"})
	q := "did ned example ever call quillfeather a tyrant"
	for i := range hits {
		// The record's weights: "tyrant" is rarer in the whole record
		// than the subject the question names.
		hits[i].Terms = []retrieval.TermMatch{
			{Term: "call", Weight: 1, Found: true, Share: 1},
			{Term: "quillfeath", Weight: 2, Found: true, Share: 1},
			{Term: "tyrant", Weight: 4, Found: true, Share: 1},
		}
	}
	got, _, _ := Extractive(q, hits)
	if first, _, _ := strings.Cut(got, "\n"); strings.HasPrefix(first, "Yes") {
		t.Errorf("%q: a yes without the claim's rarest word:\n%s", q, got)
	}
}

// A quotation the document labels with another person's name is theirs,
// though the title names the person asked: "Rep. Milo Fenwick: “…”"
// under "Zara Quillfeather's Canal Triumph" is not Quillfeather's. A
// readout's own sentences keep the person its title names.
func TestQuotedPersonOverTitle(t *testing.T) {
	parse := func(title, category, body string) retrieval.Hit {
		src := "title: " + title + "\ndate: 2031-05-01\nsource: The Example House\ncategory: " + category + "\n\n" + body
		docs, err := corpus.Parse("x.txt", []byte(src))
		if err != nil || len(docs) != 1 {
			t.Fatalf("parse: %v", err)
		}
		d := docs[0]
		return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: "x.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	}
	named := map[string]bool{}
	for _, t := range text.Terms("Zara Quillfeather") {
		named[t] = true
	}
	at := func(h retrieval.Hit, s string) (int, int) {
		i := strings.Index(h.Chunk.Text, s)
		return i, i + len(s)
	}
	h := parse("Zara Quillfeather's Canal Triumph", "articles",
		"Leaders praised the canal:\n\n- Rep. Milo Fenwick: “Thank goodness we had Zara Quillfeather at the canal.”\n")
	if s, e := at(h, "Thank goodness we had Zara Quillfeather at the canal."); speaksFor(h, s, e, named) {
		t.Error("Fenwick's labelled words counted as Quillfeather's")
	}
	h = parse("Readout of Spokesperson Zara Quillfeather's Call with the Canal Board", "statements-releases",
		"Spokesperson Quillfeather emphasized the canal's importance to the region.\n")
	if s, e := at(h, "Spokesperson Quillfeather emphasized the canal's importance to the region."); !speaksFor(h, s, e, named) {
		t.Error("the readout's own sentence is not Quillfeather's")
	}
	// An administration named after her issues its own words.
	for _, title := range []string{"FACT SHEET: Quillfeather-Oakhollow Administration Opens the Canal", "The Quillfeather Administration’s Canal Record"} {
		h = parse(title, "statements-releases", "The canal opened to every boat on Monday.\n")
		if s, e := at(h, "The canal opened to every boat on Monday."); speaksFor(h, s, e, named) {
			t.Errorf("under %q, the administration's sentence counted as Quillfeather's", title)
		}
	}
	// She leads it: the release reports her.
	h = parse("Minister Zara Quillfeather Leads Oakhollow Administration Delegation to the Canal", "statements-releases", "The delegation toured the canal on Monday.\n")
	if s, e := at(h, "The delegation toured the canal on Monday."); !speaksFor(h, s, e, named) {
		t.Error("the release of the delegation she leads does not report Quillfeather")
	}
}

// A claim about what a named person did is not settled by a sentence
// neither spoken by them nor naming them: "has quillfeather ever met the
// avalonian envoy?" gets no yes from Example's "I had a great meeting
// with the Avalonian envoy".
func TestYesNoAboutANamedPerson(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Remarks by Minister Ned Example",
			"MR. EXAMPLE: I had a great meeting with the Avalonian envoy in Quillton.\n"})
	q := ExtractiveQuery{Question: "has quillfeather ever met the avalonian envoy in quillton?",
		Named: []*Person{{Name: "Zara Quillfeather", Filter: "quillfeather"}}}
	got, _, _, _ := extractive(q, hits)
	if first, _, _ := strings.Cut(got, "\n"); strings.HasPrefix(first, "Yes") {
		t.Errorf("a yes from a sentence about someone else:\n%s", got)
	}
	q.Named = []*Person{{Name: "Ned Example", Filter: "example"}}
	q.Question = "has example ever met the avalonian envoy in quillton?"
	if got, _, _, _ := extractive(q, hits); !strings.HasPrefix(got, "Yes") {
		t.Errorf("the person's own words settle it:\n%s", got)
	}
}

// "who said …" names in full a speaker the record labels by surname
// ("Remarks by Minister Vexlund"), as the quotation's own line does.
func TestWhoSpokeInFull(t *testing.T) {
	src := "title: Remarks by Minister Vexlund on the Quillton Canal\ndate: 2031-05-01\nsource: The Example House\ncategory: speeches-remarks\n\n" +
		"Today, our ministry is sending a very clear message. This intimidation will not stand, and we will not be intimidated.\n"
	docs, err := corpus.Parse("v.txt", []byte(src))
	if err != nil || len(docs) != 1 {
		t.Fatalf("parse: %v", err)
	}
	d := docs[0]
	h := retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: "v.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	s := strings.Index(d.Text, "This intimidation")
	e := strings.Index(d.Text, "intimidated.") + len("intimidated.")
	var record []*corpus.Document
	for i := 0; i < minTitleDocs+1; i++ {
		record = append(record, &corpus.Document{ID: fmt.Sprintf("r%d.txt", i), Date: day("2031-04-02").AddDate(0, 0, i),
			Speakers: []corpus.Speaker{{Name: "Ada Vexlund", Title: "Minister"}}})
	}
	if got := whoSpoke(h, s, e, buildPeople(record)); !strings.HasPrefix(got, "Ada Vexlund, Minister, said it") {
		t.Errorf("whoSpoke = %q, want Ada Vexlund named in full", got)
	}
}

// A verdict needs what the question says of its names, not the names
// alone: "did the glimmerford canal close?" is not settled by a sentence
// holding "Glimmerford canal" and nothing of closing; "did quillfeather
// mention the glimmerford canal?" asks only for the name.
func TestYesNoNeedsWhatIsAsserted(t *testing.T) {
	names := map[string]bool{"glimmerford": true, "canal": true}
	c := candidate{stems: map[string]bool{"glimmerford": true, "canal": true, "reopen": true, "barg": true}}
	none := func(candidate, string) bool { return false }
	if w := unassertedWord([]string{"glimmerford", "canal", "close"}, names, c, none); w != "close" {
		t.Errorf("unassertedWord = %q, want \"close\"", w)
	}
	if w := unassertedWord([]string{"glimmerford", "canal", "barg"}, names, c, none); w != "" {
		t.Errorf("a claim word held: unassertedWord = %q", w)
	}
	if w := unassertedWord([]string{"glimmerford", "canal"}, names, c, none); w != "" {
		t.Errorf("names alone: unassertedWord = %q", w)
	}
	hits := briefingHits(t,
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather",
			"MS. QUILLFEATHER: The Glimmerford canal will reopen to barges in May.\n\n" +
				"Q And the toll?\n\n" +
				"MS. QUILLFEATHER: We have long supported the bid from Avalonia.\n"})
	q := ExtractiveQuery{Question: "did quillfeather mention the glimmerford canal?", Names: []string{"glimmerford", "canal"},
		Speaker: text.Terms("Zara Quillfeather"), SpeakerName: "Zara Quillfeather"}
	if got, _, _, _ := extractive(q, hits); !strings.HasPrefix(got, "Yes") {
		t.Errorf("holding the name asked about is the yes:\n%s", got)
	}
}

// A "when" question asks when something happened: the date of a
// sentence that holds none of what happened (only the names) does not
// answer it. "When did Ada Vexlund open the Quillton canal?" is not
// answered by the day she met its engineers.
func TestWhenNeedsTheEvent(t *testing.T) {
	d := &corpus.Document{ID: "s.txt", Title: "Statement by Minister Ada Vexlund", Date: time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC)}
	d.Text = "Today, Minister Vexlund met the engineers of the Quillton canal.\n" +
		"The ministry opened the Quillton canal to shipping after ten years of works.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "s.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	q := ExtractiveQuery{Question: "When did Vexlund open the Quillton canal?", Names: []string{"vexlund", "quillton", "canal"}}
	got, _, _, _ := extractive(q, []retrieval.Hit{h})
	if strings.HasPrefix(got, "On 2031-03-31") || !strings.Contains(firstQuote(got), "opened the Quillton canal") {
		t.Errorf("answer:\n%s", got)
	}
}

// A follow-up's yes/no claim is what its own words say: "was anyone else
// dialed in on it?" claims nothing of the minister its rewrite borrowed
// from the conversation, and its indefinite "anyone else" is the place
// the answer fills by naming another person, so the envoy's "Minister
// Tobias Fenwick did dial in, yes" is the yes; "The minister dialed in
// on the canal call" names no one else and is none. Asked on its own, naming the minister, the same sentence
// settles nothing of him.
func TestFollowUpClaimsItsOwnWords(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Press Briefing by Envoy Ada Brightwater",
			"MS. BRIGHTWATER: The call between the two ministers lasted an hour.\n\n" +
				"Q Was anyone else dialed in?\n\n" +
				"MS. BRIGHTWATER: Minister Tobias Fenwick did dial in, yes.\n"})
	minister := &Person{Name: "Ned Example", Filter: "example"}
	q := ExtractiveQuery{Question: "was anyone else dialed in on it",
		Context: "was anyone else dialed in about minister example's call with the avalonian envoy?",
		Named:   []*Person{minister}, ownPeople: true, Type: WantYesNo}
	if got, _, _, _ := extractive(q, hits); !strings.HasPrefix(got, "Yes") {
		t.Errorf("the follow-up's own claim held:\n%s", got)
	}
	alone := briefingHits(t, [2]string{"Press Briefing by Envoy Ada Brightwater",
		"MS. BRIGHTWATER: The minister dialed in on the canal call for an hour.\n\nQ And the canal?\n\nMS. BRIGHTWATER: The canal stays open.\n"})
	if got, _, _, _ := extractive(ExtractiveQuery{Question: "was anyone else dialed in on the canal call?", Type: WantYesNo}, alone); strings.HasPrefix(got, "Yes") {
		t.Errorf("a yes for \"anyone else\" from a sentence naming no one:\n%s", got)
	}
	if pointsAtPerson("was anyone else dialed in on it") || !pointsAtPerson("has he ever met the envoy?") {
		t.Errorf("pointsAtPerson: \"it\" is no person, \"he\" is")
	}
	q = ExtractiveQuery{Question: "was anyone else dialed in on minister example's call?", Named: []*Person{minister}, Type: WantYesNo}
	if got, _, _, _ := extractive(q, hits); strings.HasPrefix(got, "Yes") {
		t.Errorf("a yes about the minister from a sentence naming neither him nor his words:\n%s", got)
	}
}

// An indefinite pronoun in a yes/no question is the place the answer
// fills, not a word the answer must repeat.
func TestIndefiniteIsNoClaim(t *testing.T) {
	for q, want := range map[string]string{
		"was anyone dialed in on it":                   "dial",
		"did somebody from the ministry visit the dam": "ministri visit dam",
		"did they find anything at the border":         "find border",
	} {
		r := readQuestion(ExtractiveQuery{Question: q})
		if claim, _ := claimOf(q, r); strings.Join(claim, " ") != want {
			t.Errorf("claimOf(%q) = %v, want %s", q, claim, want)
		}
	}
}

// A "when" clause opening a yes/no question sets its time: the claim is
// the question after it, and the clause's words count as context in the
// sentence chosen, not as the question's own.
func TestWhenClauseIsNoClaim(t *testing.T) {
	q := "when quillfeather tested positive after the canal trip, was oakhollow counted as a close contact?"
	r := readQuestion(ExtractiveQuery{Question: q})
	if r.typ != WantYesNo {
		t.Errorf("%q read as %v, want a yes/no question", q, r.typ)
	}
	if claim, _ := claimOf(q, r); strings.Join(claim, " ") != "oakhollow count clos contact" {
		t.Errorf("claimOf(%q) = %v, want the question after the clause", q, claim)
	}
	for _, w := range []string{"posit", "canal", "trip"} {
		if r.words[text.Stem(w)] != 0 {
			t.Errorf("%q: the clause's word %q counts as the question's own", q, w)
		}
	}
	if r.words[text.Stem("contact")] != 1 {
		t.Errorf("%q: the claim's word \"contact\" is not the question's own", q)
	}
	// Nor are the clause's words, in their order, a phrase of the
	// question's: a sentence repeating "the canal trip" says nothing of
	// the contact.
	if got := longestRun(stemSeq("Quillfeather spoke after the canal trip."), r.seq); got != 0 {
		t.Errorf("%q: the clause's phrase counts as the question's (run %v)", q, got)
	}
	if got := longestRun(stemSeq("Oakhollow was counted as a close contact."), r.seq); got < 3 {
		t.Errorf("%q: the claim's phrase is not the question's (run %v)", q, got)
	}
}
