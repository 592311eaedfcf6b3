package answer

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// TestComparisonSpeakerSides: a lower-case question comparing two of the
// record's people quotes each one's own words, though one joint
// briefing's title names both (the title does not make the press
// secretary the speaker of the minister's answers).
func TestComparisonSpeakerSides(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather and Minister Ned Example",
			"MR. EXAMPLE: The Glimmerford canal toll will double for foreign barges, and we stand by that decision.\n\n" +
				"Q And the canal toll for local barges?\n\n" +
				"MS. QUILLFEATHER: Local barges on the Glimmerford canal will pay no toll at all this year.\n"})
	named := []*Person{{Name: "Zara Quillfeather", Filter: "quillfeather"}, {Name: "Ned Example", Filter: "example"}}
	q := ExtractiveQuery{Question: "what did quillfeather and example each say about the glimmerford canal toll", Named: named}
	got, _, stats, why := extractive(q, hits)
	sides := map[string]string{}
	for _, r := range why {
		if label, ok := strings.CutPrefix(r.Role, "side "); ok {
			sides[label] = r.Sentence
		}
	}
	if !strings.Contains(sides["Zara Quillfeather"], "Local barges") || !strings.Contains(sides["Ned Example"], "double") {
		t.Errorf("sides %q, want each one's own sentence", sides)
	}
	holdsAll(t, got,
		"Zara Quillfeather, Press Secretary: “Local barges on the Glimmerford canal will pay no toll at all this year.”",
		"Ned Example, Minister: “The Glimmerford canal toll will double for foreign barges, and we stand by that decision.”",
	)
	if stats.Verified != stats.Posted {
		t.Errorf("quotations %+v", stats)
	}
}

// TestComparisonSideWithoutTheWord: each period's side is quoted with a
// sentence holding what is compared; a period whose passages never say
// it is said to have none, rather than quoted with a sentence that does
// not speak to it.
func TestComparisonSideWithoutTheWord(t *testing.T) {
	// The record's weights of the searched words: the compared word
	// weighs about as much as the subject's.
	hits := exampleStatements(t, "Statement by Minister Ned Example on Founders Day", [][2]string{
		{"2031-04-24", "MR. EXAMPLE: On Founders Day we remember the Glimmerford famine, and we call it a catastrophe.\n"},
		{"2032-04-24", "MR. EXAMPLE: On Founders Day we remember those lost to hunger in Glimmerford.\n"},
	}, 5, "glimmerford", "famine", "catastrophe")
	got, _, _ := Extractive("did example call the glimmerford famine a catastrophe in 2032 like he did in 2031?", hits)
	holdsAll(t, got,
		"- 2031: The Example House (2031-04-24) — Ned Example, Minister: “On Founders Day we remember the Glimmerford famine, and we call it a catastrophe.”",
		"- 2032: none of the passages found for it mentions catastrophe.",
	)
}

// TestReadoutReportsThePersonAsked: a readout's sentences are the
// office's account of the person it reports: a sentence that names them,
// with the one after it opening with "He" (keepsSubject), is shown as
// reporting them; one that does not refer to them is shown as the
// office's alone.
func TestReadoutReportsThePersonAsked(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Readout of Minister Ned Farrowby’s Call with Governor Ilsa Brackenwick",
			"Minister Ned Farrowby spoke today with Governor Ilsa Brackenwick about the Glimmerford canal toll. " +
				"He welcomed the governor’s plan to lower the Glimmerford canal toll for local barges. " +
				"The Glimmerford canal toll will be reviewed again in the spring by both offices.\n"})
	q := ExtractiveQuery{Question: "what did ned farrowby tell brackenwick about the glimmerford canal toll",
		Speaker: text.Terms("Ned Farrowby"), SpeakerName: "Ned Farrowby"}
	got, _, _, _ := extractive(q, hits)
	holdsAll(t, got,
		"- The Example House (2031-05-01), reporting Ned Farrowby: “Minister Ned Farrowby spoke today",
		"canal toll. He welcomed the governor’s plan",
	)
	if strings.Contains(got, "reporting Ned Farrowby: “The Glimmerford canal toll will be reviewed") {
		t.Errorf("a sentence that does not refer to him is shown as reporting him:\n%s", got)
	}
	// The person the minister spoke with is not the sentence's subject:
	// the sentence is no account of her.
	q = ExtractiveQuery{Question: "what did ilsa brackenwick say about the glimmerford canal toll",
		Speaker: text.Terms("Ilsa Brackenwick"), SpeakerName: "Ilsa Brackenwick"}
	got, _, _, _ = extractive(q, hits)
	if strings.Contains(got, "reporting Ilsa Brackenwick: “Minister Ned Farrowby spoke today") {
		t.Errorf("the person spoken with is shown as reported:\n%s", got)
	}
	if !strings.Contains(got, "Minister Ned Farrowby spoke today") {
		t.Errorf("the sentence naming her is not quoted:\n%s", got)
	}
}

// TestOpeningNames: the names that open a sentence, after an opening
// phrase of time or place, are its subject; the names after its verb
// are not.
func TestOpeningNames(t *testing.T) {
	for s, want := range map[string]string{
		"Minister Ned Farrowby spoke today with Governor Ilsa Brackenwick.":           "Minister Ned Farrowby",
		"This morning, Secretary of State Ned Farrowby joined two news programs.":     "Secretary of State Ned Farrowby",
		"President Ned Farrowby, Jr. spoke today with President Ilsa Brackenwick.":    "Jr",
		"The two leaders discussed the Glimmerford canal toll with Ilsa Brackenwick.": "The",
		"With Governor Ilsa Brackenwick, Minister Ned Farrowby discussed the toll.":   "Minister Ned Farrowby",
		// A quoted source's label opens the sentence, not the person its
		// quotation names.
		"Glimmerford Ferry Union: “TODAY: Governor Ilsa Brackenwick is about to sign the toll order.”": "Glimmerford Ferry Union",
		// A heading's colon and a dateline's dash do not end the run.
		"PROMISE KEPT: Minister Ned Farrowby secured the toll order.": "Minister Ned Farrowby",
		"QUILLTON – Minister Ned Farrowby will sign the toll order.":  "Minister Ned Farrowby",
	} {
		if got := openingNames(s); !strings.Contains(got, want) || strings.Contains(got, "Brackenwick") {
			t.Errorf("openingNames(%q) = %q, want it to hold %q and not the person spoken with", s, got, want)
		}
	}
}

// TestComparisonDaySidesDoNotOverlap: two days compared a week apart each
// quote their own day's statement; a statement made after the later day
// is that day's, though it falls within the lag the earlier day's figure
// may be reported in.
func TestComparisonDaySidesDoNotOverlap(t *testing.T) {
	hits := ferryHits(t, [][2]string{
		// The later briefing shares more of the question's words, so
		// without the cut it would speak for both days.
		{"2031-08-31", "MS. QUILLFEATHER: In all, the Glimmerford canal ferries have now carried more than 9,400 people across the canal since the flood began."},
		{"2031-08-22", "MR. EXAMPLE: So far the ferries carried 2,100 people across Glimmerford."},
	})
	tests := []struct{ question, side, want string }{
		{"compare how many people the glimmerford ferries carried on august 22, 2031 and on august 30, 2031", "august 22, 2031", "2,100"},
		{"compare how many people the glimmerford ferries carried on august 22, 2031 and on august 30, 2031", "august 30, 2031", "9,400"},
		{"how many people had the glimmerford ferries carried on august 30, 2031 vs august 22, 2031", "august 22, 2031", "2,100"},
		// A day without a year takes the year named before it, when
		// none follows.
		{"how many people had the glimmerford ferries carried in the august 22 2031 briefing vs the aug 31 one", "aug 31", "9,400"},
		{"how many people had the glimmerford ferries carried in the august 22 2031 briefing vs the aug 31 one", "august 22 2031", "2,100"},
	}
	checkSides(t, hits, tests)
	// Across the year's end, the next year's day: the side after
	// December 28, 2031 is January 4, 2032, not January 2031.
	hits = ferryHits(t, [][2]string{
		{"2032-01-04", "MS. QUILLFEATHER: In all, the Glimmerford canal ferries have now carried more than 12,800 people across the canal."},
		{"2031-12-28", "MR. EXAMPLE: So far the ferries carried 11,300 people across Glimmerford."},
		{"2031-01-04", "MR. EXAMPLE: The ferries carried 300 people across Glimmerford this week."},
	})
	checkSides(t, hits, []struct{ question, side, want string }{
		{"how many people had the glimmerford ferries carried in the dec 28 2031 briefing vs the jan 4 one", "jan 4", "12,800"},
		{"how many people had the glimmerford ferries carried in the dec 28 2031 briefing vs the jan 4 one", "dec 28 2031", "11,300"},
	})
	// Back across it too: the side after January 4, 2032 compared to
	// "dec 28" is December 28, 2031, the nearest.
	checkSides(t, hits, []struct{ question, side, want string }{
		{"how many people had the glimmerford ferries carried on jan 4 2032 compared to dec 28", "dec 28", "11,300"},
	})
}

// TestComparisonMonthSides: a month's side reaches into the next month
// only for a statement titled with it (the report on the month,
// published after it); a statement of a day within the other side's own
// month is that side's.
func TestComparisonMonthSides(t *testing.T) {
	hits := ferryHits(t, [][2]string{
		{"2031-08-31", "MS. QUILLFEATHER: In all, the Glimmerford canal ferries have now carried more than 9,400 people across the canal since the flood began."},
		{"2031-08-22", "MR. EXAMPLE: So far the ferries carried 2,100 people across Glimmerford."},
	})
	tests := []struct{ question, side, want string }{
		{"how many people had the glimmerford ferries carried in july 2031 vs august 2031", "july 2031", "none of the passages"},
		{"how many people had the glimmerford ferries carried in july 2031 vs august 2031", "august 2031", "9,400"},
	}
	checkSides(t, hits, tests)
	report := ferryHit(t, "2031-08-04", "Statement on the July Glimmerford Ferry Report",
		"MR. EXAMPLE: In July the Glimmerford ferries carried 1,300 people across the canal.")
	tests = []struct{ question, side, want string }{
		{"how many people had the glimmerford ferries carried in july 2031 vs august 2031", "july 2031", "1,300"},
		{"how many people had the glimmerford ferries carried in july 2031 vs august 2031", "august 2031", "9,400"},
	}
	checkSides(t, append(hits, report), tests)
}

// TestComparisonOfAQuantity: a comparison that names a quantity ("the
// same number of …", "the … rate in … vs …") quotes each side's sentence
// giving a figure of it, though a sentence without one shares more of
// the question's words; a day without its year takes the next day's.
func TestComparisonOfAQuantity(t *testing.T) {
	hits := ferryHits(t, [][2]string{
		{"2031-08-22", "MR. EXAMPLE: The Glimmerford ferries carried people across the canal through the night, and the ferries carried more people at dawn. So far the ferries carried 2,100 people."},
		{"2031-08-30", "MS. QUILLFEATHER: The Glimmerford ferries carried people all week, and people thanked the ferries. The ferries have carried 9,400 people."},
	})
	tests := []struct{ question, side, want string }{
		{"did example and quillfeather give the same number of people the glimmerford ferries carried on aug 22 and aug 30 2031?", "aug 22", "2,100"},
		{"did example and quillfeather give the same number of people the glimmerford ferries carried on aug 22 and aug 30 2031?", "aug 30 2031", "9,400"},
		{"the count of people the glimmerford ferries carried on august 22, 2031 vs august 30, 2031", "august 30, 2031", "9,400"},
	}
	checkSides(t, hits, tests)
}

// TestChangeGivesBothValues: a question asking what a thing was before a
// change and what it became opens with the sentence that gives both.
func TestChangeGivesBothValues(t *testing.T) {
	hits := []retrieval.Hit{ferryHit(t, "2031-05-14", "Fact Sheet: The Glimmerford Canal Toll",
		"The Glimmerford canal toll on foreign barges, 100 crowns, is a burden the minister has heard about from every barge owner on the canal. "+
			"The toll on foreign barges will go from 25 crowns to 100 crowns.")}
	got, _, _ := Extractive("what was the glimmerford canal toll on foreign barges before may 2031 and what did it become?", hits)
	first, _, _ := strings.Cut(strings.TrimPrefix(got, ExtractiveLead+"\n"), "\n")
	if !strings.Contains(first, "The toll on foreign barges will go from 25 crowns to 100 crowns.") {
		t.Errorf("first line %q, want the sentence giving both values:\n%s", first, got)
	}
}

// TestComparisonSideGivesTheFigure: a side of a question asking for a
// figure ("how many", "which … more") quotes its sentence holding one,
// though a sentence without a figure shares more of the question's words.
func TestComparisonSideGivesTheFigure(t *testing.T) {
	hits := ferryHits(t, [][2]string{
		{"2031-08-22", "MR. EXAMPLE: The Glimmerford ferries carried people across the canal through the night, and the ferries carried more people at dawn. So far the ferries carried 2,100 people."},
		{"2031-08-30", "MS. QUILLFEATHER: Since the flood began, the Glimmerford ferries have carried 9,400 people."},
	})
	tests := []struct{ question, side, want string }{
		{"compare how many people the glimmerford ferries carried on august 22, 2031 and on august 30, 2031", "august 22, 2031", "2,100"},
		{"how many people did the glimmerford ferries carry on august 30, 2031 vs august 22, 2031", "august 22, 2031", "2,100"},
		// "Which was more" asks each side's size.
		{"the glimmerford ferries on august 22, 2031 vs august 30, 2031: which carried more people across the canal?", "august 22, 2031", "2,100"},
	}
	checkSides(t, hits, tests)
}

// ferryHits parses invented remarks on the Glimmerford flood, one
// [date, turn] each, into whole-document hits that hold the comparison
// questions' words.
func ferryHits(t *testing.T, days [][2]string) []retrieval.Hit {
	t.Helper()
	var hits []retrieval.Hit
	for _, d := range days {
		hits = append(hits, ferryHit(t, d[0], "Remarks on the Glimmerford flood", d[1]))
	}
	return hits
}

// ferryHit parses one invented document of a day into a whole-document
// hit that holds the comparison questions' words.
func ferryHit(t *testing.T, date, title, body string) retrieval.Hit {
	t.Helper()
	docs, err := corpus.Parse(date+".txt", []byte("title: "+title+"\ndate: "+date+"\nsource: The Example House\n\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	var terms []retrieval.TermMatch
	for i, w := range []string{"glimmerford", "ferries", "carried", "people"} {
		terms = append(terms, retrieval.TermMatch{Term: text.Terms(w)[0], Weight: float64(5 + i), Found: true, Share: 1})
	}
	return retrieval.Hit{Doc: docs[0], Coverage: 0.8, Terms: terms,
		Chunk: corpus.Chunk{ID: docs[0].ID + "#0", DocID: docs[0].ID, End: len(docs[0].Text), Text: docs[0].Text}}
}

// checkSides asks each comparison question and checks that the line of
// its side holds want.
func checkSides(t *testing.T, hits []retrieval.Hit, tests []struct{ question, side, want string }) {
	t.Helper()
	for _, tc := range tests {
		got, _, _ := Extractive(tc.question, hits)
		var line string
		for _, l := range strings.Split(got, "\n") {
			if strings.HasPrefix(l, "- "+tc.side+":") {
				line = l
			}
		}
		if !strings.Contains(line, tc.want) {
			t.Errorf("%q: side %q = %q, want %q:\n%s", tc.question, tc.side, line, tc.want, got)
		}
	}
}

// TestComparisonKeyIsNotTheVerb: the word after the person a comparison
// names is what they did ("how example tied the famine to the war"), not
// what is compared: each year's side is quoted from its statement on
// the famine, not declared to have no sentence saying "tied".
func TestComparisonKeyIsNotTheVerb(t *testing.T) {
	// "tied" weighs most in the record and is in no title.
	hits := exampleStatements(t, "Statement by Minister Ned Example on the Glimmerford Famine", [][2]string{
		{"2031-11-25", "MR. EXAMPLE: The Glimmerford famine was a crime, and today the war repeats it.\n"},
		{"2032-11-23", "MR. EXAMPLE: The Glimmerford famine and this war share one aim.\n"},
		// Another statement of the year holds the verb, of something else.
		{"2032-05-25", "MR. EXAMPLE: In the fall, he had tied the boat to the pier before the war games.\n"},
	}, 4, "glimmerford", "famine", "war", "tied")
	q := ExtractiveQuery{Question: "compare how example tied the glimmerford famine to the war in his 2031 vs 2032 statements",
		Named: []*Person{{Name: "Ned Example", Filter: "example"}}}
	got, _, _, _ := extractive(q, hits)
	holdsAll(t, got,
		"- 2031: The Example House (2031-11-25) — Ned Example, Minister: “The Glimmerford famine was a crime",
		"- 2032: The Example House (2032-11-23) — Ned Example, Minister: “The Glimmerford famine and this war share one aim.”",
	)
	if strings.Contains(got, "mentions tied") || strings.Contains(got, "- 2032: The Example House (2032-05-25)") {
		t.Errorf("the verb was taken for what is compared:\n%s", got)
	}
	// A noun after the name is what is compared.
	r := questionReading{question: "compare example pardons in 2031 vs 2032", words: map[string]float64{"exampl": 1, "pardon": 1},
		named: map[string]bool{}, people: []*Person{{Name: "Ned Example"}}}
	pardons := exampleStatements(t, "Statement by Minister Ned Example", [][2]string{{"2031-01-02", "MR. EXAMPLE: Ned Example pardons were many.\n"}}, 4, "example", "pardons")
	cands := candidates(pardons)
	if key := r.topicKey(cands, pardons); key != text.Stem("pardons") {
		t.Errorf("key %q, want pardons", key)
	}
}

// TestComparisonSideNamesThePlace: a side of a comparison that names a
// country is quoted from a sentence (or a document titled) naming it: the
// same month's rate for another country is no side of it.
func TestComparisonSideNamesThePlace(t *testing.T) {
	hits := exampleStatements(t, "Remarks by Minister Ned Example on Trade", [][2]string{
		{"2031-07-07", "MR. EXAMPLE: Under this deal, Indonesia will pay a reciprocal tariff rate of 19 percent.\n"},
		{"2032-02-09", "MR. EXAMPLE: The reciprocal tariff rate on goods of Bangladesh will fall to 19 percent.\n"},
	}, 3, "tariff", "rate", "bangladesh")
	q := ExtractiveQuery{Question: "bangladesh tariff rate in july 2031 vs february 2032", Places: []string{"bangladesh"}}
	got, _, _, _ := extractive(q, hits)
	holdsAll(t, got,
		"- february 2032: The Example House (2032-02-09) — Ned Example, Minister: “The reciprocal tariff rate on goods of Bangladesh",
		"- july 2031: none of the passages found for it mentions",
	)
	if strings.Contains(got, "- july 2031: The Example House") {
		t.Errorf("another country's rate is quoted as the side:\n%s", got)
	}
	// No side names the place: both are quoted as they were before.
	hits = exampleStatements(t, "Remarks by Minister Ned Example on Trade", [][2]string{
		{"2031-07-07", "MR. EXAMPLE: The reciprocal tariff rate will be 35 percent from August.\n"},
		{"2032-02-09", "MR. EXAMPLE: The reciprocal tariff rate will fall to 19 percent.\n"},
	}, 3, "tariff", "rate", "bangladesh")
	got, _, _, _ = extractive(q, hits)
	holdsAll(t, got, "- july 2031: The Example House (2031-07-07)", "- february 2032: The Example House (2032-02-09)")
}

// exampleStatements parses one statement of Minister Ned Example under
// title for each day and body, as the hits of a search that found each of
// words in each, the first weighing weight in the record and each next
// one more.
func exampleStatements(t *testing.T, title string, days [][2]string, weight float64, words ...string) []retrieval.Hit {
	t.Helper()
	var hits []retrieval.Hit
	for _, d := range days {
		docs, err := corpus.Parse(d[0]+".txt", []byte("title: "+title+"\ndate: "+d[0]+"\nsource: The Example House\n\n"+d[1]))
		if err != nil {
			t.Fatal(err)
		}
		var terms []retrieval.TermMatch
		for i, w := range words {
			terms = append(terms, retrieval.TermMatch{Term: text.Terms(w)[0], Weight: weight + float64(i), Found: true, Share: 1})
		}
		hits = append(hits, retrieval.Hit{Doc: docs[0], Coverage: 0.8, Terms: terms,
			Chunk: corpus.Chunk{ID: docs[0].ID + "#0", DocID: docs[0].ID, End: len(docs[0].Text), Text: docs[0].Text}})
	}
	return hits
}

// holdsAll reports each of wants that the answer got lacks.
func holdsAll(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("answer lacks %q:\n%s", want, got)
		}
	}
}

// TestTopicSides: the words next to "vs", "versus" or "compared to" are
// two subjects set side by side, up to a function word, a punctuation
// mark or a date; periods, speakers and questions with no subject on
// one side give none.
func TestTopicSides(t *testing.T) {
	tests := []struct{ q, left, right string }{
		{"glimmer ford vs brackenwick, how many bridges did the example house count for each", "glimmer ford", "brackenwick"},
		{"who ran the relief for the storm in avalonia vs the sylvanian flooding from late sept 2031", "avalonia", "sylvanian flooding"},
		{"what did they say about the canal toll versus the bridge toll", "canal toll", "bridge toll"},
		{"tolls in avalonia compared to sylvania?", "avalonia", "sylvania"},
		{"Glimmerford vs. Brackenwick tolls", "Glimmerford", "Brackenwick tolls"},
		{"the feb 2031 jobs report vs the oct 2031 one", "", ""},
		{"2031 vs 2032, what changed", "", ""},
		{"what he said vs what she said", "", ""},
		{"canal tolls vs canal tolls", "", ""},
		{"how many crossed this month compared to last month", "", ""},
		{"tolls this year compared to last year", "", ""},
		{"glimmer ford vs brackenwick. medals for each?", "glimmer ford", "brackenwick"},
		{"Glimmer Ford vs Brackenwick / medals", "Glimmer Ford", "Brackenwick"},
		{"what was said about u.s. vs avalonia", "u.s.", "avalonia"},
		{"what did they say about the canal toll", "", ""},
	}
	for _, tt := range tests {
		sides := topicSides(tt.q, time.Time{})
		var left, right string
		if len(sides) == 2 {
			left, right = sides[0].label, sides[1].label
			if !sides[0].topic || !sides[1].topic {
				t.Errorf("%q: sides %+v are not subjects", tt.q, sides)
			}
		}
		if left != tt.left || right != tt.right {
			t.Errorf("%q: sides %q | %q, want %q | %q", tt.q, left, right, tt.left, tt.right)
		}
	}
}

// TestPeriodOfASide: a period right after one subject of a comparison
// dates that subject's event, not the statements, and filters nothing;
// a period not attached to a side still does; the places each side
// names are not asked of every passage.
func TestPeriodOfASide(t *testing.T) {
	end := retrieval.Day(2033, 1, 1)
	c := ReadQuestion("who ran the relief for the storm in florida vs the texas flooding from late sept 2031", nil, end)
	if !c.Period.IsZero() || c.PeriodTopic != "late sept 2031" {
		t.Errorf("period %+v, topic %q: want the side's date read as the subject", c.Period, c.PeriodTopic)
	}
	c = ReadQuestion("the relief for florida vs the texas floods of may 2031", nil, end)
	if !c.Period.IsZero() || c.PeriodTopic != "may 2031" {
		t.Errorf("period %+v, topic %q: want the side's date read as the subject", c.Period, c.PeriodTopic)
	}
	for _, q := range []string{"in late sept 2031, who ran the relief in florida vs texas", "who ran the relief in florida vs texas in may 2031",
		"who ran the relief in florida vs texas from last year"} {
		if c := ReadQuestion(q, nil, end); c.Period.IsZero() {
			t.Errorf("%q: the period dating both sides was dropped: %+v", q, c)
		}
	}
	// A side's place must be held for the side to be: most of its other
	// words are not enough.
	sd := topicSides("the ohio relief vs the texas storm relief", time.Time{})[1]
	if sd.heldBy(text.TermSet("the storm relief"), "the storm relief") {
		t.Errorf("a side held without its place")
	}
	if !sd.heldBy(text.TermSet("the Texas storm"), "the Texas storm") {
		t.Errorf("a side not held with its place and most of its words")
	}
	if got := placesOutsideSides("who ran the relief in florida vs the texas flooding", time.Time{}); len(got) != 0 {
		t.Errorf("places asked of every passage %q, want none", got)
	}
	if got := placesOutsideSides("in ohio, the relief for florida vs texas", time.Time{}); len(got) != 1 || got[0] != "ohio" {
		t.Errorf("places asked of every passage %q, want ohio", got)
	}
}

// TestComparisonOfSubjects: a comparison of two subjects quotes, for
// each, a sentence of its own document holding what is compared, though
// the sentence does not repeat the subject's name (the title says it),
// and though the two sentences share their form (the contrast asked
// for, no repetition); each side's line says which subject, as the
// record writes it.
func TestComparisonOfSubjects(t *testing.T) {
	var hits []retrieval.Hit
	for i, d := range [][3]string{
		{"2031-02-19", "Anniversary of the Battle of Glimmer Ford", "On this day we honour the crossing at Glimmer Ford. In total, 27 Medals of Valour were awarded for the crossing, the most of any battle. The river ran red that winter.\n"},
		{"2031-06-22", "Anniversary of the Battle of Brackenwick", "On this day we honour those who held the line. Twenty-four of these brave soldiers were awarded the Medal of Valour for the battle. The town still rings its bells.\n"},
	} {
		docs, err := corpus.Parse(d[0]+".txt", []byte("title: "+d[1]+"\ndate: "+d[0]+"\nsource: The Example House\n\n"+d[2]))
		if err != nil {
			t.Fatal(err)
		}
		var terms []retrieval.TermMatch
		for j, w := range []string{"glimmer", "ford", "brackenwick", "medal", "valour"} {
			terms = append(terms, retrieval.TermMatch{Term: text.Terms(w)[0], Weight: 3 + float64(j), Found: true, Share: 1})
		}
		hits = append(hits, retrieval.Hit{Doc: docs[0], Coverage: 0.8 - 0.1*float64(i), Terms: terms,
			Chunk: corpus.Chunk{ID: docs[0].ID + "#0", DocID: docs[0].ID, End: len(docs[0].Text), Text: docs[0].Text}})
	}
	got, _, _ := Extractive("glimmer ford vs brackenwick, how many medals of valour were awarded for each", hits)
	holdsAll(t, got,
		"- Glimmer Ford: The Example House (2031-02-19): “In total, 27 Medals of Valour were awarded",
		"- Brackenwick: The Example House (2031-06-22): “Twenty-four of these brave soldiers",
	)
	hits = briefingHits(t,
		[2]string{"Minister Ned Example Approves Avalonia Disaster Declaration",
			"The minister declared a disaster in Avalonia after the storm. The Relief Office named Ilsa Brackenwick as the coordinating officer for recovery in the affected areas.\n"},
		[2]string{"Minister Ned Example Approves Sylvania Disaster Declaration",
			"The minister declared a disaster in Sylvania after the flooding. The Relief Office named Tam Farrowby as the coordinating officer for recovery in the affected areas.\n"})
	got, _, _ = Extractive("who did the relief office name to run recovery in avalonia vs sylvania", hits)
	holdsAll(t, got, "- Avalonia: ", "Ilsa Brackenwick as the coordinating officer", "- Sylvania: ", "Tam Farrowby as the coordinating officer")
	// What only one side's words hold (the storm's name) is not what is
	// compared.
	hits[0].Chunk.Text = strings.Replace(hits[0].Chunk.Text, "after the storm", "after Hurricane Zephyrine", 1)
	hits[0].Doc.Text = hits[0].Chunk.Text
	hits[0].Chunk.End = len(hits[0].Chunk.Text)
	for i := range hits {
		for j, w := range []string{"relief", "recovery", "zephyrine"} {
			hits[i].Terms = append(hits[i].Terms, retrieval.TermMatch{Term: text.Terms(w)[0], Weight: 3 + float64(j), Found: true, Share: 1})
		}
	}
	got, _, _ = Extractive("who did the relief office name for hurricane zephyrine in avalonia vs the sylvania flooding", hits)
	holdsAll(t, got, "Ilsa Brackenwick as the coordinating officer", "- Sylvania flooding: ", "Tam Farrowby as the coordinating officer")

	// A label is shown as the record writes the subject, in one run
	// ("New Sylvania"), not from a word's first use ("a new office").
	hits = briefingHits(t,
		[2]string{"Minister Ned Example Approves New Sylvania Disaster Declaration",
			"The minister declared a disaster in New Sylvania after the flooding. A new office in New Sylvania named Tam Farrowby as the coordinating officer for recovery.\n"},
		[2]string{"Minister Ned Example Approves Avalonia Disaster Declaration",
			"The minister declared a disaster in Avalonia after the storm. The Relief Office named Ilsa Brackenwick as the coordinating officer for recovery in Avalonia.\n"})
	got, _, _ = Extractive("who was named coordinating officer for avalonia vs the new sylvania flooding", hits)
	holdsAll(t, got, "- New Sylvania flooding: ")

	// Two words the record writes as one name ("Brackenwick v.
	// Farrowby", a case) are no comparison.
	hits = briefingHits(t, [2]string{"Remarks by Minister Ned Example",
		"MR. EXAMPLE: Today the court overturned Brackenwick v. Farrowby. We will fight to restore what Brackenwick v. Farrowby protected.\n"})
	got, _, _ = Extractive("what did example say about brackenwick vs farrowby", hits)
	if strings.Contains(got, "- Brackenwick: ") || strings.Contains(got, "- Farrowby: ") {
		t.Errorf("a case's name read as two sides:\n%s", got)
	}
}

// TestComparisonOfWhatEachAnnounced: "what did he announce each time" of
// two years' statements on one day compares what each announced: each
// side is quoted from its sentence announcing something, not from the
// sentence naming the day its title names too. A comparison naming what
// was announced ("what barge sanctions … did example announce") compares
// that, not any announcement.
func TestComparisonOfWhatEachAnnounced(t *testing.T) {
	for _, tt := range []struct {
		q          string
		one, other [2]string // each side's statement, and what its side quotes
	}{
		{"glimmerford founders day statements from example, 2031 vs 2032 - what did he announce each time",
			[2]string{"I congratulate the people of Glimmerford on Founders Day. Today I am proud to announce a new bridge over the Murl river.", "Today I am proud to announce a new bridge"},
			[2]string{"May Founders Day remind Glimmerford of its courage. And today, we are announcing new tolls on foreign barges.", "And today, we are announcing new tolls"}},
		{"what barge sanctions on murlland did example announce, 2031 vs 2032",
			[2]string{"Today I am proud to announce a new bridge over the Murl river. The barge sanctions on Murlland stay in force this year.", "The barge sanctions on Murlland stay in force"},
			[2]string{"And today, we are announcing a new school in Glimmerford. We lift the barge sanctions on Murlland from next month.", "We lift the barge sanctions"}},
	} {
		hits := exampleStatements(t, "Statement by Minister Ned Example on Glimmerford Founders Day", [][2]string{
			{"2031-04-24", "MR. EXAMPLE: " + tt.one[0] + "\n"},
			{"2032-04-24", "MR. EXAMPLE: " + tt.other[0] + "\n"},
		}, 5, "glimmerford", "founders", "day")
		q := ExtractiveQuery{Question: tt.q, Named: []*Person{{Name: "Ned Example", Filter: "example"}}}
		got, _, _, _ := extractive(q, hits)
		holdsAll(t, got,
			"- 2031: The Example House (2031-04-24) — Ned Example, Minister: “"+tt.one[1],
			"- 2032: The Example House (2032-04-24) — Ned Example, Minister: “"+tt.other[1],
		)
	}
}

// TestSideClauses: two periods each written with words of its own ("X in
// july vs Y in august") give each side its clause; periods that share the
// question's words give none.
func TestSideClauses(t *testing.T) {
	tests := []struct{ q, first, second string }{
		{"how much was the glimmerford toll relief in july 2031 vs how many people the ferries carried in august 2031?",
			"how much was the glimmerford toll relief in july 2031 ?", "how many people the ferries carried in august 2031?"},
		{"example's barge grant announcement in march 2031 versus the bridge money he said was spent by june 2032 — which was more money?",
			"example's barge grant announcement in march 2031 — which was more money?", "the bridge money he said was spent by june 2032 — which was more money?"},
		{"the ferry toll in 2031 and the bridge repairs they finished in 2032", "the ferry toll in 2031", "the bridge repairs they finished in 2032"},
		{"the feb 2031 jobs report vs the oct 2031 one", "", ""},
		{"how did the toll change between 2031 and 2032", "", ""},
		{"example's calls in march 2031 vs jan 2032, where was the meeting he brought up each time", "", ""},
		{"how many people did the ferries carry in late july 2031 versus mid-august 2031?", "", ""},
	}
	for _, tc := range tests {
		sides := periodSides(tc.q, nil, time.Time{})
		if len(sides) != 2 {
			t.Fatalf("%q: sides %+v", tc.q, sides)
		}
		if sides[0].clause != tc.first || sides[1].clause != tc.second {
			t.Errorf("%q: clauses %q / %q, want %q / %q", tc.q, sides[0].clause, sides[1].clause, tc.first, tc.second)
		}
	}
}

// TestComparisonSideClauses: each period side of a question that gives
// each its own words is quoted with its sentence on them: July's toll
// relief, not July's ferries, which share more of the whole question's
// words (and the August side's figure).
func TestComparisonSideClauses(t *testing.T) {
	hits := ferryHits(t, [][2]string{
		{"2031-07-10", "MR. EXAMPLE: The ferries carried people across Glimmerford all month, and the ferries carried more people than ever. The toll relief for Glimmerford barges came to 40 million crowns."},
		{"2031-08-12", "MS. QUILLFEATHER: The ferries carried 9,400 people across Glimmerford."},
	})
	checkSides(t, hits, []struct{ question, side, want string }{
		{"how much was the glimmerford toll relief in july 2031 vs how many people the ferries carried in august 2031?", "july 2031", "40 million crowns"},
		{"how much was the glimmerford toll relief in july 2031 vs how many people the ferries carried in august 2031?", "august 2031", "9,400"},
	})
}

// TestSideClauseSearch: each side of a question giving each period its
// own clause is searched for its clause; a second clause leaving the
// subject to the first (a person named, one verb of its own) is searched
// with the whole question.
func TestSideClauseSearch(t *testing.T) {
	named := []*Person{{Name: "Zara Quillfeather"}, {Name: "Ned Example"}}
	for _, tc := range []struct{ q, want, not string }{
		{"how many barges used the glimmerford canal lock in july 2031 vs how many ferries crossed brackenwick harbour in august 2031",
			"ferries", "barges"},
		{"what did quillfeather say about canal tolls in june 2031 compared with what ned example said in june 2032", "tolls", ""},
		{"how many barges did the canal take in 2031 vs how many it turned away in 2032", "barges", ""},
		{"how many barges crossed in may 2031 vs how many were stopped in may 2032", "barges", ""},
	} {
		f := &fakeIndex{}
		if _, err := (&Pipeline{Index: f}).sideHits(context.Background(), tc.q, retrieval.SearchOptions{}, comparisonSides(tc.q, named, time.Time{}), nil); err != nil {
			t.Fatal(err)
		}
		if len(f.queries) != 2 || !strings.Contains(f.queries[1], tc.want) || tc.not != "" && strings.Contains(f.queries[1], tc.not) {
			t.Errorf("%q: sides searched for %q, want the second with %q and without %q", tc.q, f.queries, tc.want, tc.not)
		}
	}
}

// TestSideClauseCues: "against" is a word of its clause, and of several
// "and"s the one nearest the second date parts the clauses.
func TestSideClauseCues(t *testing.T) {
	for _, tc := range []struct{ q, first string }{
		{"the glimmerford sanctions in 2031 against brackenwick vs the canal tolls quillton raised in 2032", "the glimmerford sanctions in 2031 against brackenwick"},
		{"the glimmerford toll in 2031 for cars and trucks, and the ferry fares quillton charged in 2032", "the glimmerford toll in 2031 for cars and trucks,"},
	} {
		sides := periodSides(tc.q, nil, time.Time{})
		if len(sides) != 2 || sides[0].clause != tc.first {
			t.Errorf("%q: sides %+v, want the first clause %q", tc.q, sides, tc.first)
		}
	}
}

// TestSideSentenceIsOnWhatIsCompared: a side's own word does not make a
// sentence on something else its answer: the August side quotes the toll
// relief's figure, not the school books "delivered" that week.
func TestSideSentenceIsOnWhatIsCompared(t *testing.T) {
	hits := ferryHits(t, [][2]string{
		{"2031-07-10", "MR. EXAMPLE: The Glimmerford toll relief we announced today comes to 40 million crowns for the barge owners."},
		{"2031-08-12", "MS. QUILLFEATHER: The Glimmerford toll relief reached the barge owners in full, 38 million crowns. The new school books were delivered to Brackenwick this week."},
	})
	checkSides(t, hits, []struct{ question, side, want string }{
		{"the glimmerford toll relief announced in july 2031 vs the toll relief delivered by august 2031 — which was more money?", "august 2031", "38 million crowns"},
	})
}

// TestWhichMoreAdjectiveIsNoSize: "which were more violent" asks no size:
// each side is quoted on violence, not with its head count.
func TestWhichMoreAdjectiveIsNoSize(t *testing.T) {
	hits := ferryHits(t, [][2]string{
		{"2031-07-10", "MR. EXAMPLE: The Glimmerford protests turned violent, and the police used batons on the protesters. About 200 people joined the Glimmerford protests on Sunday."},
		{"2031-08-12", "MS. QUILLFEATHER: The Glimmerford protests stayed peaceful throughout. Some 3,000 people joined the Glimmerford protests."},
	})
	checkSides(t, hits, []struct{ question, side, want string }{
		{"the glimmerford protests in july 2031 vs august 2031: which were more violent?", "july 2031", "turned violent"},
	})
}

// TestSideClauseAfterAnAuxiliary: "what was", "how much did" open a
// second clause that names its own subject after the auxiliary.
func TestSideClauseAfterAnAuxiliary(t *testing.T) {
	named := []*Person{{Name: "Zara Quillfeather"}, {Name: "Ned Example"}}
	for _, q := range []string{
		"how much did the canal lock take in tolls in 2031 vs how much did the ferry company earn in fares in 2032",
		"what was the canal toll for barges in 2031 vs what was the ferry fare at brackenwick in 2032",
		"what did quillfeather say about canal tolls in 2031 vs what did ned example say about ferry fares in 2032",
		"what did quillfeather say about canal tolls in 2031 vs what ned example said about ferry fares in 2032",
	} {
		f := &fakeIndex{}
		if _, err := (&Pipeline{Index: f}).sideHits(context.Background(), q, retrieval.SearchOptions{}, comparisonSides(q, named, time.Time{}), nil); err != nil {
			t.Fatal(err)
		}
		if len(f.queries) != 2 || !strings.Contains(f.queries[1], "ferry") || strings.Contains(f.queries[1], "canal") {
			t.Errorf("%q: second side searched for %q, want its own clause", q, f.queries)
		}
	}
}

// TestSideClauseKeepsItsAnd: an "and" inside the second clause does not
// part the clauses.
func TestSideClauseKeepsItsAnd(t *testing.T) {
	for _, tc := range []struct{ q, second string }{
		{"compare the canal tolls in 2031 and the ferry fares that brackenwick and quillton charged in 2032", "the ferry fares that brackenwick and quillton charged in 2032"},
		{"compare how many barges crossed in 2031 and how many ferries and tugs brackenwick sent in 2032", "how many ferries and tugs brackenwick sent in 2032"},
	} {
		sides := comparisonSides(tc.q, nil, time.Time{})
		if len(sides) != 2 || sides[1].clause != "" && sides[1].clause != tc.second {
			t.Errorf("%q: second clause %q, want %q (or none)", tc.q, sides[1].clause, tc.second)
		}
	}
}

// TestWhichMoreAsksASize: "which had more deaths", "fewer casualties",
// "which was higher", "which was more? " ask each side's size.
func TestWhichMoreAsksASize(t *testing.T) {
	for _, q := range []string{
		"the floods in 2031 vs 2032 — which had more deaths?",
		"the floods in 2031 vs 2032 — which saw fewer casualties?",
		"the floods in 2031 vs 2032 — which had fewer refugees?",
		"the glimmerford floods in 2031 vs 2032 — which was higher?",
		"the glimmerford floods in 2031 vs 2032 — which was more? ",
	} {
		if _, ok := comparedFigure(q); !ok {
			t.Errorf("%q: asks no size", q)
		}
	}
}

// TestSideOwnWordsAreNoNames: a person the question names is no word of
// a side's own: a sentence only naming them is not the side's answer.
func TestSideOwnWordsAreNoNames(t *testing.T) {
	named := []*Person{{Name: "Ned Example"}}
	q := "how many barges crossed the glimmerford canal in july 2031 vs how many ferries ned example sent to brackenwick harbour in august 2031"
	sides := comparisonSides(q, named, time.Time{})
	if len(sides) != 2 || sides[1].clause == "" {
		t.Fatalf("no clauses: %+v", sides)
	}
	own := sides[1].ownTerms(sides, nameTerms(map[string]bool{}, named...))
	if own["ned"] || own["exampl"] {
		t.Errorf("side's own words hold the name asked: %v", own)
	}
	hits := exampleStatements(t, "Remarks on the Glimmerford canal", [][2]string{
		{"2031-07-10", "MS. QUILLFEATHER: 1,200 barges crossed the Glimmerford canal in July.\n"},
		{"2031-08-12", "MS. QUILLFEATHER: Ned Example thanked the mayor for her patience.\n"},
	}, 5, "glimmerford", "barges", "ferries")
	got, _, _, _ := extractive(ExtractiveQuery{Question: q, Named: named}, hits)
	if strings.Contains(got, "thanked the mayor") {
		t.Errorf("the August side quotes a sentence only naming Ned Example:\n%s", got)
	}
}

// TestOneOwnWordIsNotAbout: a sentence holding one word of a side's
// clause (and not what is compared) is not that side's answer.
func TestOneOwnWordIsNotAbout(t *testing.T) {
	q := "how many barges crossed the glimmerford canal in july 2031 vs how many ferries brackenwick harbour sent out in august 2031"
	if sides := comparisonSides(q, nil, time.Time{}); len(sides) != 2 || sides[1].clause == "" {
		t.Fatalf("no clauses: %+v", sides)
	}
	hits := exampleStatements(t, "Remarks", [][2]string{
		{"2031-07-10", "MS. QUILLFEATHER: 1,200 barges crossed the Glimmerford canal in July.\n"},
		{"2031-08-12", "MS. QUILLFEATHER: The Brackenwick school opened this week.\n"},
	}, 5, "glimmerford", "barges", "ferries")
	got, _, _, _ := extractive(ExtractiveQuery{Question: q}, hits)
	if strings.Contains(got, "school") {
		t.Errorf("quotes a sentence with one own word")
	}
}

// TestTargetYearsAreNoSides: a year after the record's end that a
// subject's word follows is no period a statement was made in but a word
// of the subject: "the old 2040 canal target vs the new 2045 one" sets
// two targets side by side, the second naming the first's head noun by
// "one" (never its year). Without the record's end known the years stay period sides, as
// a year or a month standing alone does ("in 2031 vs 2045", "july 2032
// vs september 2033"): the record says it holds nothing then. Sides told
// apart by a word of their own are held only with it.
func TestTargetYearsAreNoSides(t *testing.T) {
	q := "the old 2040 canal target vs the new 2045 one, how do they compare"
	end := retrieval.Day(2033, 1, 1)
	if sides := periodSides(q, nil, end); len(sides) != 0 {
		t.Errorf("period sides %+v, want none for target years after the record's end", sides)
	}
	if sides := periodSides(q, nil, time.Time{}); len(sides) != 2 {
		t.Errorf("period sides %+v, want 2040 and 2045 with no record's end known", sides)
	}
	sides := comparisonSides(q, nil, end)
	if len(sides) != 2 || !sides[0].topic || sides[0].label != "old 2040 canal target" || sides[1].label != "new 2045 one" {
		t.Fatalf("sides %+v, want the two targets as subjects", sides)
	}
	if !slices.Contains(sides[1].terms, text.Stem("target")) || !slices.Contains(sides[1].terms, text.Stem("canal")) || slices.Contains(sides[1].terms, text.Stem("one")) {
		t.Errorf("second side's terms %q, want the first's words after its year for \"one\"", sides[1].terms)
	}
	// What tells them apart is the year, not "old" ("a 29-year-old").
	if !slices.Equal(sides[0].own, []string{"2040"}) || !slices.Equal(sides[1].own, []string{"2045"}) {
		t.Errorf("own terms %q and %q, want the years", sides[0].own, sides[1].own)
	}
	if s := "The target is a 20 percent cut in silt by 2040."; !sides[0].heldBy(text.TermSet(s), s) {
		t.Errorf("%q not held by the 2040 side", s)
	}
	// A sentence naming neither year speaks of neither, though its
	// document's title names the 2045 target.
	hit := briefingHits(t, [2]string{"Minister Ned Example Sets 2045 Canal Target",
		"On day one the minister rejoined the Canal Accord and set a new course.\n"})[0]
	c := candidate{start: 0, end: len(hit.Chunk.Text), stems: text.TermSet(hit.Chunk.Text)}
	if aboutSide(hit, c, sides[1], sides) {
		t.Errorf("a sentence naming no year taken for the 2045 side by its title")
	}
	if sides := topicSides("the canal target for 2045 vs the 2040 one", end); len(sides) == 2 && slices.Contains(sides[1].terms, "2045") {
		t.Errorf("sides %+v: the first side's year taken for \"one\"", sides)
	}
	// Sides told apart by their year alone: a sentence holding their
	// shared words and the other's year holds the other.
	sides = topicSides("the 2040 canal target vs the 2045 canal target", end)
	if len(sides) != 2 {
		t.Fatalf("sides %+v, want two targets", sides)
	}
	s := "Today the minister is announcing a new canal target: a 40 percent cut in silt in 2045."
	if sides[0].heldBy(text.TermSet(s), s) || !sides[1].heldBy(text.TermSet(s), s) {
		t.Errorf("%q held by the 2040 side, or not by the 2045 one", s)
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"what did example say about the canal in 2031 vs 2045", []string{"2031", "2045"}},
		{"july 2032 vs september 2033", []string{"july 2032", "september 2033"}},
	} {
		var got []string
		for _, sd := range periodSides(tc.q, nil, end) {
			got = append(got, sd.label)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: period sides %q, want %q", tc.q, got, tc.want)
		}
	}
}
