package answer

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// glimmerfordDocs are invented statements: the answer to each follow-up
// below sits next to the sentence the first answer quotes and shares no
// word with the follow-up.
var glimmerfordDocs = map[string]string{
	"2031-05-02_glimmerford-ferry_aaaa0001.txt": `title: Nowhereland Announces Second Glimmerford Ferry Run
date: 2031-05-02
source: Invented test record
category: statements-releases
url: https://example.invalid/glimmerford-ferry

Today, the Nowhereland Ministry of Transport has sourced a second Glimmerford ferry run to carry 412 crates of lantern oil across the Quiet Strait. From there, the crates will be moved by road to a depot in Quillshire. The Ministry is contracting with Brightwave Freight to handle the shipment from the pier. The run and the road transport will take place in the coming days. More details on timing will be announced when available.

Spokesperson Zara Quillfeather of Nowhereland said the lantern oil shortage had lasted since the winter storms.
`,
	"2031-05-09_glimmerford-harbour_aaaa0002.txt": `title: Glimmerford Harbour Works Update
date: 2031-05-09
source: Invented test record
category: statements-releases
url: https://example.invalid/glimmerford-harbour

The Glimmerford harbour works continue on schedule. The Ministry expects the new pier to open in the autumn. Officials thanked the harbour workers for their patience during the ferry runs.
`,
	"2031-06-01_lighthouse-relighting_aaaa0003.txt": `title: Briefing by Keeper-General Orrin Vastelby of Nowhereland on the Lighthouse Relighting
date: 2031-06-01
source: Invented test record
category: press-briefings
url: https://example.invalid/lighthouse-relighting

KEEPER-GENERAL VASTELBY: Good morning. This week, 64 percent of the coastal lighthouses of Nowhereland are lit again. The start of the year was hard on the crews of the Quiet Strait, who worked through the storms. The figure was 9 percent in January.

Elsewhere, the Guild reports that its keepers have finished their winter training.
`,
}

// glimmerfordIndex indexes glimmerfordDocs with the sample record.
func glimmerfordIndex(t *testing.T) *retrieval.Index {
	t.Helper()
	return memIndex(t, sampleWith(t, glimmerfordDocs))
}

// TestFollowUpAnswerNextToTheQuote: a follow-up whose words the answering
// sentence does not hold ("which company was handling it", "where did
// they end up") opens with the sentence next to the statement just
// quoted that gives the asked kind of answer (a name, a place) anew.
// Without Near and Novel, none of those sentences holds a word of the
// follow-up and the answer restates the first.
func TestFollowUpAnswerNextToTheQuote(t *testing.T) {
	p := &Pipeline{Index: glimmerfordIndex(t)}
	first := "how many crates of lantern oil did the second glimmerford ferry run carry"
	cases := []struct {
		q, want string
	}{
		{"which company was handling it", "Brightwave Freight"},
		{"where did they end up", "Quillshire"},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			ans, err := p.Ask(context.Background(), first, nil, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(ans.Text, "412 crates") {
				t.Fatalf("first answer lacks the crates:\n%s", ans.Text)
			}
			if strings.Contains(ans.Text, c.want) {
				t.Fatalf("first answer already holds %q:\n%s", c.want, ans.Text)
			}
			got, err := p.Ask(context.Background(), c.q, []Turn{TurnOf(ans)}, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if q := firstQuote(got.Text); !strings.Contains(q, c.want) {
				t.Errorf("follow-up %q opens with %q, want the sentence holding %q\n%s", c.q, q, c.want, got.Text)
			}
			checkQuotations(t, got)
		})
	}
}

// TestNovel: a sentence gives the asked kind of answer anew when the
// conversation has not said it: a name not after a locative for "who", one
// after a locative for "where" (not a name said before, in its
// possessive either), a figure or a date not said.
func TestNovel(t *testing.T) {
	said := map[string]bool{"nowhereland": true, "ministry": true, "412": true, "glimmerford": true}
	cases := []struct {
		t        AnswerType
		unit     figureUnit
		sentence string
		want     bool
	}{
		{WantPerson, anyUnit, "The Ministry is contracting with Brightwave Freight to handle it.", true},
		{WantPerson, anyUnit, "The crates will be moved to a depot in Quillshire.", false},
		{WantPlace, anyUnit, "The crates will be moved to a depot in Quillshire.", true},
		{WantPlace, anyUnit, "The Ministry is contracting with Brightwave Freight to handle it.", false},
		{WantPerson, anyUnit, "Officials of Nowhereland thanked the Ministry.", false},
		// A name said before, in its possessive, is no new name; a name
		// ending in "s" is not another's possessive.
		{WantPerson, anyUnit, "And Glimmerford’s ferry is the result of months of work.", false},
		{WantPerson, anyUnit, "And Glimmerford's ferry is the result of months of work.", false},
		{WantPerson, anyUnit, "The Ministry thanked Odo Ministrys for the ferry.", true},
		// A code names no one; a person may be known by initials.
		{WantPerson, anyUnit, "They discussed the importance of U.S. leadership in ending the FLU-31 outbreak.", false},
		{WantPerson, anyUnit, "The minister had a conversation with OQF about the canal.", true},
		{WantPerson, anyUnit, "The minister met with Regent Xu.", true},
		{WantPerson, anyUnit, "The guild was founded in 2007 by Odo Quillfeather.", true},
		{WantNumber, anyUnit, "The run will carry 412 crates.", false},
		{WantNumber, anyUnit, "The run will carry 96 barrels.", true},
		{WantDate, anyUnit, "The pier opens on June 3.", true},
		// A figure asked in a unit ("how long") is given only in it.
		{WantNumber, durationUnit, "It was a call between the two leaders.", false},
		{WantNumber, durationUnit, "It was about 40 minutes or so.", true},
		{WantNumber, durationUnit, "It lasted about an hour.", true},
		{WantNumber, percentUnit, "The run will carry 96 barrels.", false},
		{WantNumber, percentUnit, "The run will fill 96 percent of the hold.", true},
		{WantAny, anyUnit, "The Ministry is contracting with Brightwave Freight.", false},
	}
	for _, c := range cases {
		if got := novel(c.t, c.unit, c.sentence, said); got != c.want {
			t.Errorf("novel(%s, %q) = %v, want %v", c.t, c.sentence, got, c.want)
		}
	}
}

// TestOwnAntecedentStartsNewTopic: a question whose pronoun or relative
// day points at something the question itself names ("did the
// ministry say it …", "the day after the election") stands on its own and
// starts a new topic; the same words pointing at the conversation still
// continue it.
func TestOwnAntecedentStartsNewTopic(t *testing.T) {
	prev := Turn{Question: "how many crates of lantern oil did the second glimmerford ferry run carry",
		Answer: ExtractiveLead + "\n- Nowhere Office (2031-05-02): “Today, the Nowhereland Ministry of Transport has sourced a second Glimmerford ferry run to carry 412 crates of lantern oil.” [1]"}
	cases := []struct {
		q         string
		continues bool
	}{
		{"did the sylvanian foreign ministry say it supports the harbour treaty", false},
		{"when did the quillshire port authority announce it would close the pier", false},
		{"what did the harbour workers union say they wanted from the ministry", false},
		{"what was said the day before the dunmere summit opened", false},
		{"what did officials announce the day after vexbridge's visit to the canal", false},
		{"did they say it would happen again", true},
		{"what did he say it would cost", true},
		{"and what happened the day after", true},
		{"where were the crates the next day?", true},
	}
	for _, c := range cases {
		f := ReadFollowUp(c.q, []Turn{prev})
		if got := f.Kind != NewTopic; got != c.continues {
			t.Errorf("%q: continues = %v (%s, %q), want %v", c.q, got, f.Kind, f.Standalone, c.continues)
		}
	}
}

// TestFigureAskedBack: "what was it when …" after an answer that gave a
// figure asks for the same measure at another time, a figure in its unit;
// without a figure before, or without another time, it asks nothing of
// the kind.
func TestFigureAskedBack(t *testing.T) {
	percent := []Statement{{Text: "This week, 64 percent of the coastal lighthouses of Nowhereland are lit again."}}
	money := []Statement{{Text: "The Guild spent $4.2 million on the lamps on March 3, 2031."}}
	count := []Statement{{Text: "Crews have also repaired 12 fog horns along the Quiet Strait."}}
	words := []Statement{{Text: "The Guild took charge of the lighthouses."}}
	cases := []struct {
		q          string
		statements []Statement
		want       string
	}{
		{"and what was it when the guild took charge?", percent, "and what percent was it when the guild took charge?"},
		{"what was that number back then", percent, "what percent was that number back then"},
		{"what's it in 2030?", percent, "what percent's it in 2030?"},
		{"and what was it before?", money, "and how much money was it before?"},
		{"what was it at the start", count, "what number was it at the start"},
		{"and what was it when the guild took charge?", words, ""},
		{"what was it about?", percent, ""},
		{"who was it when the guild took charge?", percent, ""},
	}
	for _, c := range cases {
		if got := figureAskedBack(c.q, c.statements); got != c.want {
			t.Errorf("figureAskedBack(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

// askThenFollow asks first, requires its answer to open with a quotation
// holding want, and returns the answer to next asked after it.
func askThenFollow(t *testing.T, p *Pipeline, first, want, next string) *Answer {
	t.Helper()
	ans, err := p.Ask(context.Background(), first, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if q := firstQuote(ans.Text); !strings.Contains(q, want) {
		t.Fatalf("first answer opens with %q, want %q:\n%s", q, want, ans.Text)
	}
	got, err := p.Ask(context.Background(), next, []Turn{TurnOf(ans)}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestFigureAtAnotherTime: "and what was it when …?" after a figure is
// answered by the figure of that unit beside the one quoted, not by
// another figure of the same passage or a neighbouring one.
func TestFigureAtAnotherTime(t *testing.T) {
	p := &Pipeline{Index: glimmerfordIndex(t)}
	got := askThenFollow(t, p, "what share of the lighthouses of nowhereland were lit again by june 2031", "64 percent",
		"and what was it at the start of the year?")
	if q := firstQuote(got.Text); !strings.Contains(q, "9 percent") {
		t.Errorf("follow-up opens with %q, want the 9 percent sentence\n%s", q, got.Text)
	}
	checkQuotations(t, got)
}

// TestFollowFirstByOwnWords: of the sentences next to a statement just
// quoted that give the asked kind anew, the one holding most of the
// follow-up's own words opens the answer, whatever their passages' rank
// made of their scores; a sentence giving it anew away from the
// statements comes only when none beside them does.
func TestFollowFirstByOwnWords(t *testing.T) {
	cand := func(score, words, near float64, novel bool) candidate {
		return candidate{score: score, features: SentenceFeatures{Words: words, Near: near, Novel: novel}}
	}
	all := func(int) bool { return true }
	cases := []struct {
		name  string
		cands []candidate
		want  int
		ok    bool
	}{
		{"own words over score beside the quote", []candidate{cand(9, 1, 0.5, true), cand(8, 3.5, 0.5, true), cand(7, 5, 0, true)}, 1, true},
		{"beside the quote before anywhere", []candidate{cand(9, 1, 0, true), cand(8, 0.5, 1, true)}, 1, true},
		{"anywhere when none beside", []candidate{cand(9, 1, 0, false), cand(8, 0.5, 0, true)}, 1, true},
		{"below the floor is no answer", []candidate{cand(9, 1, 0, false), cand(1, 9, 1, true)}, 0, false},
	}
	for _, c := range cases {
		got, ok := followFirst(c.cands, 0, all, DefaultWeights)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: followFirst = %d, %v; want %d, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// TestAnchorWithinReach: the passage around a statement the previous
// answer quoted is among those an extractive answer reads, even when the
// search ranked the passage holding it below them.
func TestAnchorWithinReach(t *testing.T) {
	doc := &corpus.Document{ID: "office/lamps.txt", Title: "Lamps",
		Text: "The Guild lit 64 percent of the lamps this week. The start of the year was hard. The figure was 9 percent in January."}
	other := &corpus.Document{ID: "office/other.txt", Title: "Other", Text: "Unrelated words of another office."}
	hit := func(d *corpus.Document, n int) retrieval.Hit {
		return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: d.ID + "#" + strconv.Itoa(n), DocID: d.ID, Text: d.Text, End: len(d.Text)}}
	}
	var pool []retrieval.Hit
	for i := range extractivePassages {
		pool = append(pool, hit(other, i))
	}
	pool = append(pool, hit(doc, 0))
	prev := Turn{Answer: ExtractiveLead + "\n- Office (2031-06-01): “The Guild lit 64 percent of the lamps this week.” [1]",
		Citations: []Citation{{N: 1, Doc: doc.ID}}}
	got := (&Pipeline{}).anchorHits(context.Background(), "q", retrieval.SearchOptions{}, prev, pool)
	read := false
	for _, h := range got[:extractivePassages] {
		read = read || strings.Contains(h.Chunk.Text, "9 percent")
	}
	if !read {
		t.Errorf("the passage around the statement quoted is not among the first %d read: %v", extractivePassages, got)
	}
}

// TestFollowFirstSaysItOfTheSubject: away from the statement just quoted,
// a follow-up asking a figure of the conversation's subject ("how much
// aid was it supposed to bring in per day?" after the Gaza pier's
// announcement in a State of the Union) opens with a sentence giving a
// figure only when it holds the subject as a first question's must
// (FirstWords): not the speech's "100 more immigration judges".
func TestFollowFirstSaysItOfTheSubject(t *testing.T) {
	w := DefaultWeights
	cands := []candidate{
		// The speech's other figure: the best score, no word of the pier.
		{score: 4.8, features: SentenceFeatures{Novel: true, Fits: true, Subject: 0}},
		// On the pier, no figure.
		{score: 4.2, features: SentenceFeatures{Subject: 0.3}},
		// On the pier with a figure, a little lower.
		{score: 3.9, features: SentenceFeatures{Novel: true, Fits: true, Subject: 0.25}},
	}
	all := func(int) bool { return true }
	if first, ok := followFirst(cands, 0, all, w); !ok || first != 2 {
		t.Errorf("followFirst = %d, %v; want 2 (the pier's figure), true", first, ok)
	}
	// With no sentence giving a figure of the subject, none is forced
	// first: the caller's choice (the best on the subject) stands.
	cands[2].features.Novel = false
	if first, ok := followFirst(cands, 0, all, w); ok {
		t.Errorf("followFirst = %d, true; want no sentence forced first", first)
	}
}

// A quotation of a document the follow-up left is no anchor of its
// sentence choice; one whose citation is at hand and kept is.
func TestFollowAnchorsLeaveWhatTheFollowUpLeft(t *testing.T) {
	turn := Turn{Question: "what did they say",
		Answer: ExtractiveLead + "\n- Nowhere Office (2031-02-12): “Councillors thanked the envoy for the ferryman's return.” [1]" +
			"\n- Nowhere Office (2031-02-11) — Wenna Calloway: “The envoy is leaving Sylvanian waters today.” [2]",
		Citations: []Citation{{N: 1, Doc: "article.txt", Title: "Ferryman Comes Home"}, {N: 2, Doc: "statement.txt", Title: "Statement from the Harbour Adviser"}}}
	anchors, _ := followAnchors([]Turn{turn}, "who put out the statement on it", func(c Citation) bool { return c.Doc != "article.txt" })
	if len(anchors) != 1 || !strings.Contains(anchors[0], "sylvanian waters") {
		t.Errorf("anchors %q: want only the statement's", anchors)
	}
}

// retreatDoc is an invented joint statement: the sentence the first answer
// quotes already names the two leaders a follow-up asks for, and the
// sentence next to it names only countries.
const retreatDoc = `title: Joint Statement of Nowhereland and the Republic of Quiet Strait on the Glimmerford Retreat
date: 2031-07-10
source: Invented test record
category: statements-releases
url: https://example.invalid/glimmerford-retreat

Nowhereland and the Republic of Quiet Strait are determined to align their efforts across the harbour. In this spirit, Chancellor Orrin Talvane commended Premier Ysolde Brack and President Caspar Wendle for their courage in opening the Glimmerford retreat to both peoples. The harbour talks will go on through the summer.
`

// TestFollowUpRestatesTheAnswer: a follow-up asking for what the previous
// answer's own statement holds ("who were those two leaders", after a
// quotation naming them) opens with that statement, not with a sentence
// beside it that names no one asked for. Without Restates that statement
// scores nothing (it holds no word of the follow-up) and cannot open.
func TestFollowUpRestatesTheAnswer(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, sampleWith(t, map[string]string{"2031-07-10_glimmerford-retreat_aaaa0004.txt": retreatDoc}))}
	got := askThenFollow(t, p, "what was said about opening the glimmerford retreat", "Ysolde Brack", "who were those two leaders")
	if q := firstQuote(got.Text); !strings.Contains(q, "Ysolde Brack") || !strings.Contains(q, "Caspar Wendle") {
		t.Errorf("follow-up opens with %q, want the statement naming the two leaders\n%s", q, got.Text)
	}
	checkQuotations(t, got)
}

// lanternCallBriefing is an invented briefing: the call's tone is asked
// about first; a reporter asks how long the call lasted turns later, in
// another passage, after turns that share the words "long" and "call".
var lanternCallBriefing = map[string]string{
	"2031-07-03_press-briefing-lantern-call_aaaa0007.txt": `title: Press Briefing by Spokesperson Zara Quillfeather and Harbourmaster Odo Brightwick
date: 2031-07-03
source: Invented test record
category: press-briefings
url: https://example.invalid/lantern-call-briefing

MS. QUILLFEATHER: Good afternoon. The Harbourmaster is here to talk about the Regent's call with the Lantern Guild this morning.

Q Would you characterize this call as a warning to the Guild?

MR. BRIGHTWICK: I would characterize this call as very frank and very orderly on both sides. The Regent laid out his concerns about the lamp oil stores.

Q Who all was on the call?

MR. BRIGHTWICK: It was a call between the two leaders, the Regent and the Guild's elder. They were the only two speakers on the call.

Q Did the call touch on the ferry timetable at all?

MR. BRIGHTWICK: The ferry timetable came up briefly. The Regent wants the crossings kept open through the storm season, and the Guild agreed to look at it again.

Q Was the call planned before the harbour fire or after it?

MR. BRIGHTWICK: The call was set up after the harbour fire. The Regent felt it was time to talk directly, and the Guild's elder was ready to do that as well.

Q Has the Regent spoken to the Guild's elder since the winter?

MR. BRIGHTWICK: He speaks with him routinely. This call was the first since the spring fair, and there will be more of them.

Q Thanks. Just a couple of things. Firstly, how long did this call last?

MR. BRIGHTWICK: It was about 40 minutes or so.

Q Will the Guild keep the lamps lit as long as the storms go on? Was that part of the call?

MR. BRIGHTWICK: The Guild said on the call that it would keep the lamps lit as long as it has oil.

Q And did the Guild send anything in writing after the call?

MR. BRIGHTWICK: Not that I know of. We will read out anything further the Guild sends us.
`,
}

// TestFollowUpAnsweredByTheReporterWhoAskedIt: "how long was the call?"
// after an answer about the call's tone is answered by the reply to the
// reporter who asked it in those words ("how long did this call last?"),
// passages away from the statement quoted, not by the sentence next to
// that statement that gives another number ("the two leaders"): a figure
// asked in a unit is given only by a sentence in that unit (novel), and
// a reply giving the asked kind to a reporter's question that holds all
// of the question's words is the reply asked for (askedAsIs).
// reporterAsked finds that question in a passage of the briefing and
// in no other ("… as long as the storms go on? Was that part of the
// call?" holds the words but asks no length).
func TestFollowUpAnsweredByTheReporterWhoAskedIt(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, sampleWith(t, lanternCallBriefing))}
	ans, err := p.Ask(context.Background(), "who called the regent's call with the lantern guild very frank and very orderly", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "very frank") || strings.Contains(ans.Text, "40 minutes") {
		t.Fatalf("first answer should quote the call's tone and not its length:\n%s", ans.Text)
	}
	got, err := p.Ask(context.Background(), "how long was the call?", []Turn{TurnOf(ans)}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if q := firstQuote(got.Text); !strings.Contains(q, "40 minutes") {
		t.Errorf("follow-up opens with %q, want the reply giving the call's length\n%s", q, got.Text)
	}
	checkQuotations(t, got)

	docs, err := corpus.Parse("2031-07-03_press-briefing-lantern-call_aaaa0007.txt", []byte(lanternCallBriefing["2031-07-03_press-briefing-lantern-call_aaaa0007.txt"]))
	if err != nil || len(docs) != 1 {
		t.Fatalf("parse the briefing: %d documents, %v", len(docs), err)
	}
	own := text.TermSet("how long was the call?")
	var asked []string
	for _, c := range corpus.Split(docs[0], corpus.ChunkOptions{}) {
		if reporterAsked(retrieval.Hit{Chunk: c, Doc: docs[0]}, own, durationUnit) {
			asked = append(asked, c.Text)
		}
	}
	if len(asked) != 1 || !strings.Contains(asked[0], "how long did this call last?") {
		t.Errorf("reporterAsked holds %q, want the one passage asking how long the call lasted", asked)
	}
	// The words without the asking: "as long as" asks no length.
	aslong := editedBriefing(t, "2031-07-04_lantern-call_aaaa0008.txt",
		"Q Thanks. Just a couple of things. Firstly, how long did this call last?\n\nMR. BRIGHTWICK: It was about 40 minutes or so.\n\n", "")
	whole := retrieval.Hit{Doc: aslong, Chunk: corpus.Chunk{Start: 0, End: len(aslong.Text), Text: aslong.Text}}
	if reporterAsked(whole, own, durationUnit) {
		t.Error("a reporter asking whether the lamps stay lit “as long as” the storms go on asked how long the call lasted")
	}
	if !reporterAsked(whole, own, anyUnit) {
		t.Error("the reporter's question holds the words “long” and “call”: asked, for a question asking no unit")
	}
}

// TestReporterQuestionAsksItsWholeUnit: a reporter's question of two
// sentences asks for the unit askedUnit reads in the whole of it ("What
// was the rate …? How long did this call last?" asks how long), and the
// reply after it carries the whole question.
func TestReporterQuestionAsksItsWholeUnit(t *testing.T) {
	d := editedBriefing(t, "2031-07-03_lantern-call_aaaa0009.txt",
		"Firstly, how long did this call last?", "What was the rate of the lamp oil's use this week? How long did this call last?")
	var replies int
	for _, c := range candidates([]retrieval.Hit{{Doc: d, Chunk: corpus.Chunk{Start: 0, End: len(d.Text), Text: d.Text}}}) {
		if !strings.HasPrefix(d.Text[c.ws:c.we], "It was about 40 minutes") {
			continue
		}
		replies++
		if !strings.Contains(c.askedQ, "rate of the lamp oil") || !strings.Contains(c.askedQ, "How long did this call last?") {
			t.Errorf("the reply carries the question %q, want both its sentences", c.askedQ)
		}
		if u := askedUnit(c.askedQ); u != durationUnit || askedUnit(d.Text[strings.Index(d.Text, "What was the rate"):strings.Index(d.Text, "MR. BRIGHTWICK: It was about")]) != u {
			t.Errorf("the question asks unit %v, want the span of time its whole asks", u)
		}
	}
	if replies != 1 {
		t.Fatalf("%d candidates quote the reply, want 1", replies)
	}
}

// editedBriefing is the lantern call's briefing with old replaced by new,
// parsed as the document name.
func editedBriefing(t *testing.T, name, old, new string) *corpus.Document {
	t.Helper()
	briefing := lanternCallBriefing["2031-07-03_press-briefing-lantern-call_aaaa0007.txt"]
	edited := strings.Replace(briefing, old, new, 1)
	if edited == briefing {
		t.Fatalf("the briefing does not hold %q", old)
	}
	docs, err := corpus.Parse(name, []byte(edited))
	if err != nil || len(docs) != 1 {
		t.Fatalf("parse the briefing: %d documents, %v", len(docs), err)
	}
	return docs[0]
}

// TestAnchorsReadBesideRetrieved: the passages read around what the
// previous answer quoted (anchorHits) join the passages an extractive
// answer reads; they do not push the retrieved ones out of it. The
// sentence answering here sits in the fifth passage retrieved, after two
// anchors placed behind the first.
func TestAnchorsReadBesideRetrieved(t *testing.T) {
	passage := func(id string, index int, body string) retrieval.Hit {
		d := &corpus.Document{ID: id + ".txt", Title: "Remarks by Keeper-General Orrin Vastelby", Date: time.Date(2031, 6, 1, 0, 0, 0, 0, time.UTC), Text: body}
		return retrieval.Hit{Doc: d, Coverage: 0.5, Chunk: corpus.Chunk{ID: id + ".txt#0", DocID: d.ID, Index: index, End: len(body), Text: body}}
	}
	hits := []retrieval.Hit{
		passage("a", 0, "The harbour of Glimmerford is quiet this week.\n"),
		passage("a-near", -1, "The crews rested after the winter storms.\n"),
		passage("a-near2", -1, "The Guild thanked its keepers for their patience.\n"),
		passage("b", 0, "The ferry timetable is unchanged.\n"),
		passage("c", 0, "Officials thanked the harbour workers.\n"),
		passage("d", 0, "The new pier opens in the autumn.\n"),
		passage("e", 0, "This season the keepers relit 412 lighthouse lanterns along the Quiet Strait.\n"),
	}
	if got := withAnchors(hits, extractivePassages); got != len(hits) {
		t.Fatalf("withAnchors = %d, want %d (five retrieved passages and two anchors)", got, len(hits))
	}
	text, _, _, _ := extractive(ExtractiveQuery{Question: "how many lighthouse lanterns did the keepers relight", Type: WantNumber}, hits)
	if !strings.Contains(text, "412 lighthouse lanterns") {
		t.Errorf("the fifth retrieved passage's answer is not read:\n%s", text)
	}
}
