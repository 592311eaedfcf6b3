package answer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
)

// whiteHouseSample are real documents of the White House record that the
// answer-first and conversation tests ask about.
var whiteHouseSample = []string{
	"2023-09-26_statement-by-national-security-council-spokesperso_fbf536be.txt",
	"2022-09-13_press-briefing-by-press-secretary-karine-jean-pier_6991170d.txt",
	"2021-12-15_statement-by-nsc-spokesperson-emily-horne-on-natio_faf5591b.txt",
	"2021-04-24_statement-by-president-joe-biden-on-armenian-remem_f1a4bcfb.txt",
	"2022-04-24_statement-by-president-joe-biden-on-armenian-remem_a3c86440.txt",
	"2023-04-24_statement-from-president-joe-biden-on-armenian-rem_60ea87b2.txt",
	"2024-04-24_statement-by-president-joe-biden-on-armenian-remem_12fd5d0d.txt",
	"2025-04-24_presidential-message-on-armenian-remembrance-day-2_ad07f3ef.txt",
	"2025-08-08_president-trump-brokers-another-historic-peace-dea_183c31e3.txt",
}

var (
	mixedOnce sync.Once
	mixedIdx  *retrieval.Index
	mixedErr  error
)

// mixedIndex indexes the sample record plus whiteHouseSample, read from the
// shared archive in one pass; the test is skipped when the archive is not
// beside the repository.
func mixedIndex(t testing.TB) *retrieval.Index {
	t.Helper()
	path := sharedPath("corpus", "whitehouse-briefings.tar.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("White House record not available: %v", err)
	}
	mixedOnce.Do(func() {
		mixedIdx, mixedErr = indexWith(path, whiteHouseSample)
	})
	if mixedErr != nil {
		t.Fatal(mixedErr)
	}
	return mixedIdx
}

// sharedPath is a file of the team's shared folder, beside the repository
// (../shared) or beside a worktree's folder (../../shared).
func sharedPath(parts ...string) string {
	for _, up := range []string{filepath.Join("..", ".."), filepath.Join("..", "..", "..")} {
		p := filepath.Join(append([]string{up, "shared"}, parts...)...)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return filepath.Join(append([]string{"..", "..", "shared"}, parts...)...)
}

// firstQuote returns the first quotation line of an extractive answer.
func firstQuote(text string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "- ") {
			return l
		}
	}
	return ""
}

// TestAnswerFirst: the first quotation of an extractive answer holds what
// was asked, for each kind of answer, over the sample and real White House
// documents.
func TestAnswerFirst(t *testing.T) {
	idx := mixedIndex(t)
	p := &Pipeline{Index: idx, Explain: true}
	tests := []struct {
		name, question string
		typ            AnswerType
		first          []string // the first quotation holds all of these
	}{
		{"how many", "How many people died in the 2020 war between Armenia and Azerbaijan according to State Newswire?", WantNumber, []string{"6,700"}},
		{"how many, statement", "How many people were killed in the fuel depot explosion in Nagorno-Karabakh?", WantNumber, []string{"68 people", "2023-09-26"}},
		{"where", "Where did the November 7 meeting between the Armenian and Azerbaijani foreign ministers, facilitated by Blinken, take place?", WantPlace, []string{"Blair House"}},
		{"who", "Who said there can be no military solution to the conflict between Armenia and Azerbaijan in September 2022?", WantPerson, []string{"— John Kirby", "no military solution"}},
		{"when", "When did Ottoman authorities arrest Armenian intellectuals in Constantinople?", WantDate, []string{"April 24, 1915"}},
		{"quote", "Quote Ned Price's exact words on whether there is a military solution to the Armenia-Azerbaijan conflict.", WantQuotation, []string{"— Ned Price", "there is no military solution"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := answerTypeOf(tt.question); got != tt.typ {
				t.Errorf("answer type %q, want %q", got, tt.typ)
			}
			ans, err := p.Ask(context.Background(), tt.question, nil, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			first := firstQuote(ans.Text)
			for _, w := range tt.first {
				if !strings.Contains(first, w) {
					t.Errorf("first quotation %q lacks %q; answer:\n%s", first, w, ans.Text)
				}
			}
			if tt.typ == WantQuotation {
				// Asked for someone's words, the answer quotes only them.
				for _, l := range strings.Split(ans.Text, "\n")[1:] {
					if !strings.Contains(l, "— Ned Price") {
						t.Errorf("quotation of someone else: %q", l)
					}
				}
			}
			if tt.typ == WantPerson && !strings.HasPrefix(ans.Text, "John Kirby, ") {
				t.Errorf("a who question's answer does not name the person first:\n%s", ans.Text)
			}
			checkQuotations(t, ans)
			if ans.Explain == nil || len(ans.Explain.Sentences) == 0 || !strings.HasPrefix(ans.Explain.Sentences[0].Reason, "answer") ||
				!strings.Contains(ans.Explain.Sentences[0].Sentence, first[strings.Index(first, "“")+len("“"):strings.LastIndex(first, "”")]) {
				t.Errorf("no trace of the first sentence: %+v", ans.Explain)
			}
		})
	}
}

// TestNoDuplicateQuotations: an answer never quotes two sentences of which
// one repeats the other ("We are quite serious about the international
// mission" after the sentence that holds those words).
func TestNoDuplicateQuotations(t *testing.T) {
	idx := sampleIndex(t)
	p := &Pipeline{Index: idx}
	ans, err := p.Ask(context.Background(), "According to the ARMENPRESS report, how serious is the U.S. about sending an international mission to Nagorno-Karabakh, and what did the Secretary do about it?", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var quotes []string
	for _, l := range strings.Split(ans.Text, "\n")[1:] {
		quotes = append(quotes, l[strings.Index(l, "“"):])
	}
	for i, a := range quotes {
		for _, b := range quotes[i+1:] {
			sa, sb := text.TermSet(a), text.TermSet(b)
			shared := 0
			for s := range sa {
				if sb[s] {
					shared++
				}
			}
			if float64(shared) >= DefaultWeights.Duplicate*float64(min(len(sa), len(sb))) {
				t.Errorf("%s\nrepeats\n%s", b, a)
			}
		}
	}
}

// TestFillerNeverFirst: courtesies, turn-taking and non-answers of real
// briefings are never quoted, however many of the question's words they hold.
func TestFillerNeverFirst(t *testing.T) {
	for s, want := range map[string]bool{
		"Thank you.":                                true,
		"Thank you all very much.":                  true,
		"Next question.":                            true,
		"Go ahead.":                                 true,
		"Way in the back, go ahead.":                true,
		"Go ahead, Zara.":                           true,
		"We will go ahead with the talks in April.": false,
		"Just give me a second here.":               true,
		"So, just a couple of things I’d like to say about that.":            true,
		"Give me a second to welcome the minister.":                          false,
		"There are a couple of things I’d like to say about the canal toll.": false,
		"Some of you have asked about the Freedonia talks and the border.":   true,
		"I don’t have anything else to add on the Freedonia talks.":          true,
		// A name said to the reporter, or a pointer to what was said
		// before, answers no more.
		"I don’t have anything further, Zara, to what I said at the podium yesterday.": true,
		"I don’t have anything to add, Ned Example, on the canal.":                     true,
		"I don’t have anything beyond what I said on Monday about the canal.":          true,
		"I expect we will have more to say about Remembrance Day on Saturday.":         true,
		"But I don’t have anything to get ahead of that at this point in time.":        true,
		"I’m not going to get ahead of the President on the talks.":                    true,
		"The talks between Freedonia and Sylvania will resume in April.":               false,
		"Thank you for the question: the talks resume in April in Example City.":       false,
		// A question back about what was asked says nothing; one that
		// makes a point may.
		"Are you talking about the Glimmerford memorandum?": true,
		"Sorry, which one?":                                           true,
		"You mean the canal toll?":                                    true,
		"What was your first question?":                               true,
		"Why would anyone trust a toll that doubles every year?":      false,
		"Are the ferries running? Yes, and they will run all winter.": false,
		// Deflections answer nothing; a referral says where to ask.
		"I just don’t have it right now.":                                           true,
		"I don’t have any new assessment for you on the canal.":                     true,
		"We’ll get back to you on the number of boats.":                             true,
		"Yeah, I don’t have any diplomatic conversations to speak to on the canal.": true,
		// Saying nothing is announced can answer "did they announce …".
		"We don’t have any new tolls to announce today.":                                 false,
		"We’re making a good-faith effort to try to get a better answer to you on that.": true,
		"I would refer you to the Canal Authority on how the exemptions work.":           false,
		"We don’t have a timeline problem; the canal opens in April.":                    false,
	} {
		if got := filler(s); got != want {
			t.Errorf("filler(%q) = %v, want %v", s, got, want)
		}
	}
	d := &corpus.Document{ID: "briefing.txt", Title: "Press Briefing by Spokesperson Zara Quillfeather of Nowhereland", Outlet: "Nowhereland Briefing Room"}
	d.Text = "MS. QUILLFEATHER: Some of you have asked when the Freedonia and Sylvania talks will resume.\n" +
		"Thank you.\n" +
		"MS. QUILLFEATHER: The talks resume in April in Example City.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "briefing.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	text, _, _ := Extractive("When will the Freedonia and Sylvania talks resume?", []retrieval.Hit{h})
	if first := firstQuote(text); !strings.Contains(first, "April") || strings.Contains(text, "Some of you") || strings.Contains(text, "“Thank you") {
		t.Errorf("answer:\n%s", text)
	}
}

// TestComparisonCitesBothSides: a question comparing two years quotes a
// statement of each.
func TestComparisonCitesBothSides(t *testing.T) {
	idx := mixedIndex(t)
	p := &Pipeline{Index: idx}
	q := "How did the Armenian Remembrance Day message change between 2021 and 2025?"
	if sides := comparisonSides(q, nil, time.Time{}); len(sides) != 2 || sides[0].label != "2021" || sides[1].label != "2025" {
		t.Fatalf("sides %+v", sides)
	}
	ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	years := map[string]bool{}
	for _, c := range ans.Citations {
		years[c.Date[:4]] = true
	}
	if !years["2021"] || !years["2025"] {
		t.Errorf("cites %v, want 2021 and 2025:\n%s", years, ans.Text)
	}
	checkQuotations(t, ans)
	if sides := comparisonSides("Did Quillfeather call it what Ned Example called it?", nil, time.Time{}); len(sides) != 2 || sides[0].label != "Quillfeather" || sides[1].label != "Ned Example" {
		t.Errorf("speaker sides %+v", sides)
	}
	if comparisonSides("What did Ned Example say in 2022 about the talks?", nil, time.Time{}) != nil {
		t.Error("a question naming one year compares nothing")
	}
	// "between … and" of two dates bounds one period: one figure is asked
	// over it. Of two people it compares them.
	if sides := comparisonSides("how many migrants did the ministry say came between 2022 and fall 2024", nil, time.Time{}); sides != nil {
		t.Errorf("a range between two dates compares %+v", sides)
	}
	if sides := comparisonSides("what is the difference between what Quillfeather said and what Ned Example said", nil, time.Time{}); len(sides) != 2 {
		t.Errorf("the difference between two speakers: sides %+v", sides)
	}
	// Two people named, one asked for his words about a change the other
	// made: no comparison of the two. Asked for each one's words, they are.
	two := []*Person{{Name: "Ned Example", Filter: "example"}, {Name: "Zara Quillfeather", Filter: "quillfeather"}}
	if sides := comparisonSides("give me example's exact words on whether quillfeather changed the canal policy", two, time.Time{}); sides != nil {
		t.Errorf("a change one person made, asked of another's words, compares %+v", sides)
	}
	if sides := comparisonSides("what did example and quillfeather each say about the canal", two, time.Time{}); len(sides) != 2 {
		t.Errorf("each one's words compare the two: %+v", sides)
	}
}

// TestFragmentNeverQuoted: a sentence its speaker broke off, or one of
// fewer than four words (a dash is no word) but a list's entry giving a
// figure, is never quoted.
func TestFragmentNeverQuoted(t *testing.T) {
	for s, want := range map[string]bool{
		"Without speaking to —":                               true,
		"We are going to make sure that the canal –":          true,
		"The ministers will meet — and I mean it — in April.": false,
		"The talks resume in April.":                          false,
		"Go to Quillton.":                                     true,
		// The rest of a sentence someone broke into; a list item is whole.
		"— and my delegation to the talks in Quillton.":   true,
		"- The ministers will meet in April in Quillton.": false,
		// A list's entry of a name and its figure answers; a short
		// entry without one says nothing.
		"- Quillton (35%)": false,
		"- Quillton":       true,
		"— see (35%)":      true,
		// A sentence ending in a colon that says something of its own is
		// whole; a lead-in saying only that something follows is not.
		"In 1886, the Quillton abbot wrote the canal prayer, which is still said in every harbour town today:": false,
		"Today's actions on the Quillton canal do a number of things:":                                         true,
		"The order will direct the Harbour Board of Quillton and the ferry guild of the northern quay to:":     true,
	} {
		if got := fragment(s, 0, len(s)); got != want {
			t.Errorf("fragment(%q) = %v, want %v", s, got, want)
		}
	}
	d := &corpus.Document{ID: "briefing.txt", Title: "Press Briefing by Spokesperson Zara Quillfeather of Nowhereland", Outlet: "Nowhereland Briefing Room"}
	d.Text = "MS. QUILLFEATHER: Without speaking to the Sylvanian canal talks —\n" +
		"MS. QUILLFEATHER: The Sylvanian canal talks resume in April in Example City.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "briefing.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	text, _, _ := Extractive("What did Quillfeather say about the Sylvanian canal talks?", []retrieval.Hit{h})
	if strings.Contains(text, "Without speaking") || !strings.Contains(text, "resume in April") {
		t.Errorf("answer:\n%s", text)
	}
}

// TestHeadingNeverQuoted: a line of its own in title case without a
// closing mark is a heading or an office's name, never a quotation; a
// line that is a sentence, or a title-case run inside a paragraph, is
// not.
func TestHeadingNeverQuoted(t *testing.T) {
	const doc = "Envoy Ada Vexlund\nThe Quillton Office of Canal Policy\n\nRemarks at the Quillton Canal Summit 2031\n\n" +
		"Good morning, everyone. The Quillton canal summit opens today with tolls on the agenda.\n\n" +
		"Tolls Will Fall\n- Barges (35%)\n\nMembers of the Delegation:\n" +
		"The Honorable Ada Vexlund, Quillton Envoy and Co-Chair of the Canal Caucus (D), QT\n" +
		"Mr. Ned Example, Quillton Rowing Club Director and Former Quillton National Team Captain\n" +
		"His Excellency Ada Vexlund Quill, Envoy of Quillton\n\nDr. Ada Vexlund, Jr. Day of Service\n"
	for line, want := range map[string]bool{
		// A member list's entries say who was there.
		"The Honorable Ada Vexlund, Quillton Envoy and Co-Chair of the Canal Caucus (D), QT":       false,
		"Mr. Ned Example, Quillton Rowing Club Director and Former Quillton National Team Captain": false,
		"His Excellency Ada Vexlund Quill, Envoy of Quillton":                                      false,
		"Dr. Ada Vexlund, Jr. Day of Service":                                                      true,
		"The Quillton Office of Canal Policy":                                                      true,
		"Remarks at the Quillton Canal Summit 2031":                                                true,
		"Tolls Will Fall": true,
		"The Quillton canal summit opens today with tolls on the agenda.": false,
		"- Barges (35%)": false,
	} {
		i := strings.Index(doc, line)
		if got := heading(doc, i, i+len(line)); got != want {
			t.Errorf("heading(%q) = %v, want %v", line, got, want)
		}
	}
	if s := "Good Morning Everyone Of Quillton"; heading(s+" and more.", 0, len(s)) {
		t.Errorf("%q, inside a sentence, read as a heading", s)
	}
	d := &corpus.Document{ID: "remarks.txt", Title: "Remarks by Envoy Ada Vexlund at the Quillton Canal Summit", Outlet: "Nowhereland Briefing Room"}
	d.Text = doc
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "remarks.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	text, _, _ := Extractive("what did vexlund tell the quillton canal summit", []retrieval.Hit{h})
	if strings.Contains(text, "Remarks at the") || strings.Contains(text, "Office of Canal Policy") || !strings.Contains(text, "opens today") {
		t.Errorf("answer:\n%s", text)
	}
}

// gaggle is an invented briefing cut into passages: the first ends with a
// reporter's question, the second opens with its reply, then more.
func gaggle(more ...string) (*corpus.Document, []corpus.Chunk) {
	d := &corpus.Document{ID: "gaggle.txt", Title: "Press Gaggle by Spokesperson Zara Quillfeather of Nowhereland", Outlet: "Nowhereland Briefing Room"}
	parts := append([]string{
		"MS. QUILLFEATHER: Good afternoon. The Sylvanian ferry levy applies to barges from May.\n\n" +
			"Q Just on that — how has the fall of the Quillton toll board altered the barge talks?\n\n",
		"MS. QUILLFEATHER: Well, look, nobody is coming to rescue them. So they ought to settle.\n\n",
	}, more...)
	var chunks []corpus.Chunk
	for i, p := range parts {
		start := len(d.Text)
		d.Text += p
		chunks = append(chunks, corpus.Chunk{ID: fmt.Sprintf("gaggle.txt#%d", i), DocID: d.ID, Index: i, Start: start, End: len(d.Text), Text: p})
	}
	return d, chunks
}

// TestReplyAfterTheQuestion: a passage that ends with a reporter's
// question brings the next passage, which opens with the answer, and its
// sentences inherit the question's words; a passage retrieved further
// down is moved up to follow its question, and nothing is added after a
// passage that ends with an official's words.
func TestReplyAfterTheQuestion(t *testing.T) {
	d, chunks := gaggle("Q And the ferries?\n\nMS. QUILLFEATHER: Ferries pay half.\n")
	hit := func(i int) retrieval.Hit { return retrieval.Hit{Doc: d, Coverage: 1, Chunk: chunks[i]} }
	chunksOf := func(string) []corpus.Chunk { return chunks }
	ids := func(hs []retrieval.Hit) string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Chunk.ID)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		hits []retrieval.Hit
		want string
	}{
		{[]retrieval.Hit{hit(0)}, "gaggle.txt#0 gaggle.txt#1"},
		{[]retrieval.Hit{hit(0), hit(2), hit(1)}, "gaggle.txt#0 gaggle.txt#1 gaggle.txt#2"},
		{[]retrieval.Hit{hit(1)}, "gaggle.txt#1"},
		{[]retrieval.Hit{hit(2)}, "gaggle.txt#2"},
	} {
		if got := ids(withReplies(c.hits, chunksOf)); got != c.want {
			t.Errorf("withReplies(%s) = %s, want %s", ids(c.hits), got, c.want)
		}
	}
	if got := ids(withReplies([]retrieval.Hit{hit(0)}, nil)); got != "gaggle.txt#0" {
		t.Errorf("without the index's passages: %s", got)
	}
	q := ExtractiveQuery{Question: "quote quillfeather on what the barge owners should take from the fall of the toll board", chunks: chunksOf}
	text, _, _, _ := extractive(q, []retrieval.Hit{hit(0)})
	if !strings.Contains(text, "nobody is coming to rescue them") {
		t.Errorf("the reply to the question retrieved is not quoted:\n%s", text)
	}
}

// chunkedIndex is a fakeIndex that gives a document's passages.
type chunkedIndex struct {
	fakeIndex
	chunks []corpus.Chunk
}

func (c *chunkedIndex) Chunks(string) []corpus.Chunk { return c.chunks }

// promptModel is a chat model that keeps the prompt it was given and
// answers nothing the record holds.
type promptModel struct{ prompt string }

func (m *promptModel) Name() string { return "prompt" }

func (m *promptModel) Complete(_ context.Context, msgs []Message, _ func(string)) (string, error) {
	for _, msg := range msgs {
		m.prompt += msg.Content
	}
	return "The record does not cover this question.", nil
}

// TestPipelineReadsTheReply: the pipeline gives the reply that opens the
// passage after a retrieved question to the extractive answer and to the
// chat model.
func TestPipelineReadsTheReply(t *testing.T) {
	d, chunks := gaggle()
	idx := &chunkedIndex{fakeIndex: fakeIndex{hits: []retrieval.Hit{{Doc: d, Coverage: 1, Chunk: chunks[0]}}}, chunks: chunks}
	const q = "quote quillfeather on what the barge owners should take from the fall of the toll board"
	p := &Pipeline{Index: idx, decision: &decisionWeights{coverage: 1, threshold: 0.5}}
	ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Text, "nobody is coming to rescue them") {
		t.Errorf("the extractive answer does not quote the reply:\n%s", ans.Text)
	}
	m := &promptModel{}
	p = &Pipeline{Index: idx, Chat: m, decision: &decisionWeights{coverage: 1, threshold: 0.5}}
	if _, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.prompt, "nobody is coming to rescue them") {
		t.Errorf("the model was not given the reply:\n%s", m.prompt)
	}
}

// TestQuoteFinishedByItsNextSentence: a quoted sentence that the next
// one finishes ("It's about …") is quoted with it, in one quotation; a
// next sentence that says something of its own, or is broken off, is
// not joined. (Asked who said it: asked what was said, the statement
// goes on further, TestStatementGoesOn.)
func TestQuoteFinishedByItsNextSentence(t *testing.T) {
	for _, tc := range []struct {
		body, want, not string
	}{
		{"MR. EXAMPLE: The Glimmerford ferries carried people across the canal, and trust in the ferries is not about faith. It's about the ferries' record of safety. The weather stays poor.",
			"“The Glimmerford ferries carried people across the canal, and trust in the ferries is not about faith. It's about the ferries' record of safety.”", ""},
		{"MR. EXAMPLE: The Glimmerford ferries carried people across the canal, and trust in the ferries is not about faith. It's about the ferries' record of safety, the crews who kept every boat running through the flood week, and the harbour master.",
			"", "It's about"},
		{"MR. EXAMPLE: The Glimmerford ferries carried people across the canal, and trust in the ferries is not about faith. It just has —",
			"", "It just has"},
		// Another's words quoted, or a sentence announcing what follows.
		{"MR. EXAMPLE: The Glimmerford ferries carried people across the canal, and trust in the ferries is not about faith. This is what the mayor told me: “Trust them.”",
			"", "This is what"},
		{"MR. EXAMPLE: The Glimmerford ferries carried people across the canal, and trust in the ferries is not about faith. This chart shows the ferries' record:",
			"", "This chart"},
	} {
		hits := []retrieval.Hit{ferryHit(t, "2031-08-22", "Remarks on the Glimmerford flood", tc.body)}
		got, _, _ := Extractive("who said trust in the glimmerford ferries that carried people was not about faith", hits)
		if tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("answer lacks the joined quotation %s:\n%s", tc.want, got)
		}
		if tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("answer joins %q:\n%s", tc.not, got)
		}
	}
}

// TestNamingHitsKeepPassagesOfTheNamed: an extractive answer about the
// one person a question names quotes only passages that name them,
// though another passage holds more of the question's other words.
func TestNamingHitsKeepPassagesOfTheNamed(t *testing.T) {
	other := ferryHit(t, "2031-06-08", "Fact Sheet: The Glimmerford Partnership",
		"In December 2030, the Example House hosted Envoy Brightwater of Glimmerford for the first state visit of the ferries partnership. The visit day was a holiday.")
	named := ferryHit(t, "2031-03-01", "Remarks welcoming Minister Quillfeather",
		"The President will welcome Minister Quillfeather to the Example House on March 1 to talk about the ferries.")
	c := Constraints{Search: "quillfeather visit in 2031 - what day was the president hosting her",
		Named: []*Person{{Name: "Mara Quillfeather", Filter: "quillfeather"}}}
	got := namingHits(c, []retrieval.Hit{other, named}, "", nil)
	if len(got) != 1 || got[0].Chunk.DocID != named.Chunk.DocID {
		t.Fatalf("namingHits kept %d hits, want only %s", len(got), named.Chunk.DocID)
	}
	// None names her: the hits stay as they are.
	if got := namingHits(c, []retrieval.Hit{other}, "", nil); len(got) != 1 {
		t.Fatalf("namingHits dropped every hit: %d", len(got))
	}
	// A passage covering more of the question than any naming her may
	// name her otherwise ("she", "the minister's guest").
	wider := other
	wider.Coverage = 0.9
	if got := namingHits(c, []retrieval.Hit{wider, named}, "", nil); len(got) != 2 {
		t.Fatalf("namingHits dropped a passage covering more than hers: kept %d", len(got))
	}
	// The decision's best passage stays, named or not.
	if got := namingHits(c, []retrieval.Hit{other, named}, other.Chunk.ID, nil); len(got) != 2 {
		t.Fatalf("namingHits dropped the decision's best passage: kept %d", len(got))
	}
	// A title she held when the passage was said names her.
	titled := ferryHit(t, "2031-04-02", "Remarks on the Glimmerford ferries",
		"The Minister thanked the ferry crews for the visit.")
	// Brightwater, quoted less as Minister, is not named by the title.
	minister := &Person{Name: "Mara Quillfeather", Filter: "quillfeather",
		Titles: []TitleSpan{{Title: "Minister", First: day("2031-01-01"), Last: day("2031-12-31"), Docs: 9}}}
	other2 := &Person{Name: "Ivo Brightwater", Filter: "brightwater",
		Titles: []TitleSpan{{Title: "Minister", First: day("2030-01-01"), Last: day("2031-12-31"), Docs: 2}}}
	pp := &people{byTitle: map[string][]*Person{"Minister": {minister, other2}}}
	ct := Constraints{Search: c.Search, Named: []*Person{minister}}
	if got := namingHits(ct, []retrieval.Hit{other, titled, named}, "", pp); len(got) != 2 || got[0].Chunk.DocID != titled.Chunk.DocID {
		t.Fatalf("namingHits kept %d hits, want the titled passage and hers", len(got))
	}
	minister.Titles[0].Last = day("2031-03-31") // no longer minister in April
	if got := namingHits(ct, []retrieval.Hit{other, titled, named}, "", pp); len(got) != 1 {
		t.Fatalf("a title held after her term named her: kept %d", len(got))
	}
	// A post's holder named beside her ("potus") does not count: nearly
	// every passage names the President. Asked for his words, he does.
	president := &Person{Name: "Orla Vantwist", Filter: "vantwist"}
	presHit := ferryHit(t, "2031-06-09", "Fact Sheet: The Glimmerford Partnership",
		"In December 2030, President Vantwist hosted Envoy Brightwater of Glimmerford for the first state visit of the ferries partnership.")
	cp := Constraints{Search: c.Search, Named: []*Person{c.Named[0], president}, Posts: []*Person{president}}
	if got := namingHits(cp, []retrieval.Hit{presHit, named}, "", nil); len(got) != 1 || got[0].Chunk.DocID != named.Chunk.DocID {
		t.Fatalf("namingHits kept %d hits for a post's holder named beside her, want only %s", len(got), named.Chunk.DocID)
	}
	cp.Speaker = president
	if got := namingHits(cp, []retrieval.Hit{presHit, named}, "", nil); len(got) != 2 {
		t.Fatalf("namingHits kept %d hits, want the speaker's passage too", len(got))
	}
	// A question naming no one keeps every hit.
	if got := namingHits(Constraints{Search: "what day was the president hosting the visit"}, []retrieval.Hit{other, named}, "", nil); len(got) != 2 {
		t.Fatalf("namingHits kept %d of 2 hits of a question naming no one", len(got))
	}
}

// TestAnswerQuotesPassagesNamingTheAsked: through the pipeline, the
// answer about the one person a question names quotes her passage, not
// the fact sheet that holds more of the question's other words (the
// Macron state visit answering for Meloni's).
func TestAnswerQuotesPassagesNamingTheAsked(t *testing.T) {
	docs := jsonlDocs(t, []byte(`{"title":"Fact Sheet: The Glimmerford Partnership","date":"2031-06-08","outlet":"The Example House","text":"In December 2030, the President hosted Minister Brightwater at the Example House for the first state visit of the Glimmerford partnership. The state visit in 2030 was hosted with a dinner on the lawn."}
{"title":"Remarks by the President and Minister Quillfeather","date":"2031-03-01","outlet":"The Example House","text":"THE PRESIDENT: Welcome, Minister Quillfeather, to the Example House for your visit today.\n\nMINISTER QUILLFEATHER: Thank you for hosting me, Mr. President. I am glad to visit the Example House."}
`), 2)
	p := &Pipeline{Index: memIndex(t, docs), Explain: true}
	ans := askExplained(t, p, "quillfeather visit in 2031 - what day was the president hosting her")
	if ans.Mode != ModeExtractive {
		t.Fatalf("%s %q", ans.Mode, ans.Text)
	}
	for _, c := range ans.Citations {
		if strings.Contains(c.Title, "Partnership") {
			t.Errorf("answer cites %q, which never names Quillfeather:\n%s", c.Title, ans.Text)
		}
	}
}

// TestJoinedQuoteReadByTheVerdict: a yes/no answer reads the whole
// quotation, the sentence that finishes it included: "… carried people
// safely through the flood. That is not true at all." is no yes.
func TestJoinedQuoteReadByTheVerdict(t *testing.T) {
	hits := []retrieval.Hit{ferryHit(t, "2031-08-22", "Remarks on the Glimmerford flood",
		"MR. EXAMPLE: Some say the Glimmerford ferries carried people safely through the flood. That is not true at all. The weather stays poor.")}
	got, _, _ := Extractive("did example say the glimmerford ferries carried people safely through the flood?", hits)
	if !strings.Contains(got, "That is not true at all.") {
		t.Fatalf("the quotation is not joined:\n%s", got)
	}
	if strings.HasPrefix(got, "Yes") {
		t.Errorf("a yes for a quotation that says the opposite:\n%s", got)
	}
}

// TestJoinedPointingBack: a sentence going on about the picked one's
// subject ("She has exhibited no symptoms") is joined to it when it
// holds a rare word of the question the picked one lacks, and the
// verdict reads it; one that adds nothing asked is not joined.
func TestJoinedPointingBack(t *testing.T) {
	q := "did quillfeather have any symptoms when she tested positive for the glimmer flu"
	for _, tc := range []struct {
		body, want, not string
	}{
		{"MR. EXAMPLE: Today, Minister Quillfeather tested positive for the glimmer flu on two tests. She has exhibited no symptoms, will isolate and keep working from the residence. The ferries run.",
			"tests. She has exhibited no symptoms", ""},
		{"MR. EXAMPLE: Today, Minister Quillfeather tested positive for the glimmer flu on two tests. She thanked the crews who tested everyone on the canal.\n\nDR. OTHERWAY: The symptoms of the glimmer flu are mild for most.",
			"", "tests. She thanked"},
		// Negating something else, another subject, another person,
		// another's claim (review): no join, no "no".
		{"MR. EXAMPLE: Today, Minister Quillfeather tested positive for the glimmer flu on two tests. She was not tested again, and her symptoms are mild.",
			"", "tests. She was not"},
		{"MR. EXAMPLE: Today, Minister Quillfeather tested positive for the glimmer flu on two tests. This season no symptoms have been reported among the ferry crews.",
			"", ""},
		{"MR. EXAMPLE: Today, Minister Quillfeather tested positive for the glimmer flu on two tests. It is known to show no symptoms in most healthy adults who catch it during the long wet season on the canal, the doctors say.",
			"", "tests. It is known"},
		{"MR. EXAMPLE: Today, Minister Quillfeather, who met Governor Ivo Otterby, tested positive for the glimmer flu on two tests. He has no symptoms and is well.",
			"", "tests. He has"},
		// A short "It …" finishes the sentence before it (continuation)
		// and is joined, but its words are not read as the claim's.
		{"MR. EXAMPLE: Today, Minister Quillfeather tested positive for the glimmer flu on two tests. It often shows no symptoms in adults, the doctors say.",
			"", ""},
		{"MR. EXAMPLE: Today, Minister Quillfeather tested positive for the glimmer flu on two tests. They say she had no symptoms, but we will see.",
			"", "tests. They say"},
	} {
		h := ferryHit(t, "2031-08-22", "Statement on the Minister's health", tc.body)
		// The record's weights: "symptoms" is the rarest word asked.
		for w, weight := range map[string]float64{"symptoms": 12, "glimmer": 9, "flu": 8, "tested": 6, "positive": 5} {
			h.Terms = append(h.Terms, retrieval.TermMatch{Term: text.Terms(w)[0], Weight: weight, Found: true, Share: 1})
		}
		got, _, _ := Extractive(q, []retrieval.Hit{h})
		if tc.want == "" && strings.HasPrefix(got, "No") {
			t.Errorf("a no read from a sentence that does not say it:\n%s", got)
		}
		if tc.want != "" && (!strings.Contains(got, tc.want) || !strings.HasPrefix(got, "No")) {
			t.Errorf("the sentence going on is not joined, or not read as no:\n%s", got)
		}
		if tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("a sentence adding nothing asked is joined:\n%s", got)
		}
	}
}

// TestJoinedWordsGiven: a sentence speaking of words ("a note … taped
// on my desk") is quoted with the next one giving them ("It says,
// “…”") to the quotation's end, though the splitter cuts the quotation
// in two; a quotation the next sentence does not open, one left open,
// or another turn's is not joined.
func TestJoinedWordsGiven(t *testing.T) {
	q := "quote the brackenwick note example keeps taped on his desk"
	for _, tc := range []struct {
		body, want, not string
	}{
		{"MR. EXAMPLE: I keep a note from Ilsa Brackenwick taped on my desk. It says, “The canal is ours; the toll is theirs. And every barge must pay.” And that is why we are here.",
			"taped on my desk. It says, “The canal is ours; the toll is theirs. And every barge must pay.”” [1]", "why we are here"},
		{"MR. EXAMPLE: I keep a note from Ilsa Brackenwick taped on my desk. The barges say, “The canal is ours.” And that is why we are here.",
			"", "The barges say"},
		{"MR. EXAMPLE: I keep a note from Ilsa Brackenwick taped on my desk. It says, “The canal is ours and the toll is theirs, and every barge must pay",
			"", "It says"},
		{"MR. EXAMPLE: I keep a note from Ilsa Brackenwick taped on my desk.\n\nQ It says, “The canal is ours.”",
			"", "It says"},
		// A quotation the sentence goes on after is not joined up to its
		// closing mark.
		{"MR. EXAMPLE: I keep a note from Ilsa Brackenwick taped on my desk. It says, “The canal is ours,” and then it says, “the toll is theirs.” And that is why we are here.",
			"", "It says"},
		{"MR. EXAMPLE: I keep a note from Ilsa Brackenwick taped on my desk. It says “ours” twice, which is the whole point of the note and of the canal.",
			"", "It says"},
	} {
		h := ferryHit(t, "2031-08-22", "Remarks by Minister Ned Example", tc.body)
		got, _, stats := Extractive(q, []retrieval.Hit{h})
		if tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("the words given are not joined to their quotation's end:\n%s", got)
		}
		if tc.not != "" && strings.Contains(firstQuote(got), tc.not) {
			// (It may follow as a quotation of its own: After.)
			t.Errorf("%q is joined:\n%s", tc.not, got)
		}
		if stats.Verified != stats.Posted {
			t.Errorf("quotations %+v:\n%s", stats, got)
		}
	}
	// The sentences the quotation was cut into are not quoted again.
	q = "what does the brackenwick note taped on his desk say about every barge and the toll"
	body := "MR. EXAMPLE: I keep a note from Ilsa Brackenwick taped on my desk. It says, “The canal is ours; the toll is theirs. And every barge must pay the toll to Brackenwick.” And that is why we are here."
	got, _, _ := Extractive(q, []retrieval.Hit{ferryHit(t, "2031-08-22", "Remarks by Minister Ned Example", body)})
	if strings.Count(got, "every barge") != 1 {
		t.Errorf("the quotation's parts quoted again, or not at all:\n%s", got)
	}
}

// TestHeadShown: the head of what a question asks about ("the elections"
// of "… about the elections in glimmerford") is held by a passage that
// speaks of it, in any inflection, and not by one on the same place that
// never does; a question with no such head asks for none.
func TestHeadShown(t *testing.T) {
	c := Constraints{Search: "what did the example house say about the elections in glimmerford"}
	head, syns := askedHead(c, nil)
	if head != text.Stem("elections") {
		t.Fatalf("askedHead = %q, want %q", head, text.Stem("elections"))
	}
	on := ferryHit(t, "2031-05-01", "Remarks on Glimmerford", "The election in Glimmerford was free and fair.")
	off := ferryHit(t, "2031-05-02", "Remarks on Glimmerford", "The Glimmerford ferries carried people across the canal.")
	cache := map[string]map[string]bool{}
	if got := headShown(head, syns, on, []retrieval.Hit{on}, cache); got != 1 {
		t.Errorf("a passage on the election: head %v, want 1", got)
	}
	if got := headShown(head, syns, off, []retrieval.Hit{off}, cache); got != 0 {
		t.Errorf("a passage on the ferries: head %v, want 0", got)
	}
	if h, _ := askedHead(Constraints{Search: "when did the ferries stop"}, nil); h != "" {
		t.Errorf("askedHead of a question with no topic phrase = %q", h)
	}
	// --explain shows the head looked for.
	d := (&Pipeline{}).decide(c, []retrieval.Hit{off}, nil)
	if d.Head != head {
		t.Errorf("Decision.Head = %q, want %q", d.Head, head)
	}
	e := Explanation{Decision: d}
	if out := e.Text(0); !strings.Contains(out, "head of what the question asks about (stem): "+head) {
		t.Errorf("--explain does not show the head:\n%s", out)
	}
}

// TestQuotedOverTitledNarration: asked for someone's words, a document
// that quotes them gives those quotations, not its narration, though its
// title names them.
func TestQuotedOverTitledNarration(t *testing.T) {
	h := ferryHit(t, "2031-08-22", "Minister Zara Quillfeather Hosts the Glimmerford Ferry Crews",
		"Minister Quillfeather hosted the Glimmerford ferry crews who carried people across the canal during the flood, with music and a dinner. "+
			"“The Glimmerford ferries carried people home when nothing else could,” exclaimed Minister Zara Quillfeather. "+
			"The ferry crews were thanked by the people of Glimmerford.")
	got, _, _ := Extractive("What did Quillfeather say about the Glimmerford ferry crews who carried people across the canal?", []retrieval.Hit{h})
	first := strings.SplitN(got, "\n- ", 3)
	if len(first) < 2 || !strings.Contains(first[1], "home when nothing else could") {
		t.Errorf("the first quotation is not hers:\n%s", got)
	}
}

// TestStatementGoesOn: asked what someone said, the answer quotes the
// sentence opening the subject with the sentences going on after it in
// the same turn's paragraph, up to maxStatement words; not the reporter's
// question after, not a new paragraph, and not for a question asking a
// date.
func TestStatementGoesOn(t *testing.T) {
	body := "Q Spokesperson, what is your reaction to the arrest of Governor Tamsin Vorle?\n" +
		"MS. QUILL: So, as you know, we are aware of the arrest of former Governor Tamsin Vorle of Freedonia. " +
		"As we have said before, we take no side between one candidate and another. " +
		"We call for the respect of democratic principles and the rule of law around the world.\n" +
		"We will keep watching the ferry strike too.\n" +
		"Q Will you call the governor's family?\n"
	for _, tc := range []struct {
		q, want, not string
	}{
		{"what was quills response when tamsin vorle got arrested",
			"Tamsin Vorle of Freedonia. As we have said before, we take no side between one candidate and another. We call for the respect of democratic principles and the rule of law around the world.”", "ferry strike"},
		// A date asked for: the sentence giving it stands alone.
		{"when was governor tamsin vorle arrested", "", "As we have said before"},
	} {
		hits := briefingHits(t, [2]string{"Press Briefing by Spokesperson Quill", body})
		got, _, stats := Extractive(tc.q, hits)
		if tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q: the statement does not go on:\n%s", tc.q, got)
		}
		if tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("%q: %q is quoted:\n%s", tc.q, tc.not, got)
		}
		if strings.Count(got, "we take no side") > 1 {
			t.Errorf("%q: a sentence quoted twice:\n%s", tc.q, got)
		}
		if stats.Verified != stats.Posted {
			t.Errorf("quotations %+v:\n%s", stats, got)
		}
	}
}

// TestReportsAnother: a sentence giving someone else's words does not go
// on a statement; the speaker's own "as we have said" does.
func TestReportsAnother(t *testing.T) {
	for s, want := range map[string]bool{
		"The plant closed in 2023, the company said.":                  true,
		"According to the mayor, the ferry told the crews to wait.":    true,
		"As we have said before, we take no side.":                     false,
		"As I said, the ferries run on time.":                          false,
		"We call for the respect of the rule of law around the world.": false,
	} {
		if got := reportsAnother(s); got != want {
			t.Errorf("reportsAnother(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestVagueDateGivesWay: asked when something happened, a sentence that
// dates it only by a time back from a day it does not give ("eight
// months ago") opens the answer only when no sentence gives the day.
func TestVagueDateGivesWay(t *testing.T) {
	body := "MS. QUILL: Today, Minister Ned Example is traveling to Brackenwick to visit the Osterhaven Bridge, which collapsed on the day the minister was visiting Brackenwick eight months ago.\n\n" +
		"MS. QUILL: The Osterhaven Bridge collapsed on the morning of January 28th 2031.\n\n" +
		"MS. QUILL: The minister will meet the crews who rebuilt the bridge.\n"
	hits := briefingHits(t, [2]string{"Press Gaggle by Spokesperson Quill", body})
	got, _, _ := Extractive("when did the osterhaven bridge collapse", hits)
	if q := firstQuote(got); !strings.Contains(q, "January 28th 2031") {
		t.Errorf("the answer does not open with the day:\n%s", got)
	}
	// With no sentence giving the day, the vague one still answers.
	hits = briefingHits(t, [2]string{"Press Gaggle by Spokesperson Quill",
		"MS. QUILL: Today, Minister Ned Example is traveling to Brackenwick to visit the Osterhaven Bridge, which collapsed on the day the minister was visiting Brackenwick eight months ago.\n"})
	got, _, _ = Extractive("when did the osterhaven bridge collapse", hits)
	if q := firstQuote(got); !strings.Contains(q, "eight months ago") {
		t.Errorf("the only dated sentence is not quoted:\n%s", got)
	}
}

// TestSupportGoesOn: asked for someone's words, a supporting quotation
// goes on with the sentences after it in its turn, as the answering one
// does: the sentence after it says what the first only opens. Without it
// the support is quoted alone.
func TestSupportGoesOn(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Press Briefing by Spokesperson Quill", "MS. QUILL: The ferry strike ends on Monday and the canal toll stays where it is for the ferry lines.\n"},
		[2]string{"Press Gaggle by Spokesperson Quill", "MS. QUILL: On the canal toll, the ferry strike changed nothing. The barges keep their old berths.\n"})
	got, _, stats := Extractive("quote quill's exact words on the ferry strike and the canal toll", hits)
	if !strings.Contains(got, "the ferry strike changed nothing. The barges keep their old berths.”") {
		t.Errorf("the supporting quotation does not go on:\n%s", got)
	}
	if stats.Verified != stats.Posted {
		t.Errorf("quotations %+v:\n%s", stats, got)
	}
}

// TestQuotationEndsPastMaxStatement: asked for someone's words, the first
// sentence after a long one of the same turn is quoted with it even past
// maxStatement ("… it has now happened. The moment you've been waiting
// for is here …"); the one after that is not.
func TestQuotationEndsPastMaxStatement(t *testing.T) {
	long := "So let me say this loudly and clearly to every ferry worker in Quillmoor: if you are one of the many who said you would not cross until the canal toll was settled for good by the harbour board and the ferry guild together, it has now happened."
	hits := briefingHits(t,
		[2]string{"Remarks by Spokesperson Quill on the Canal Toll", "MS. QUILL: " + long + " The crossing you have been waiting for is here, so go and take it today. The barges keep their old berths on the north quay for now.\n"})
	got, _, _ := Extractive("quill had a line for ferry workers who were holding out for the canal toll, what were her exact words", hits)
	if !strings.Contains(got, "it has now happened. The crossing you have been waiting for is here") {
		t.Errorf("the quotation does not go on past maxStatement:\n%s", got)
	}
	if strings.Contains(firstQuote(got), "old berths") {
		t.Errorf("a second sentence went on past maxStatement:\n%s", got)
	}
	if n := len(strings.Fields(long)) + len(strings.Fields("The crossing you have been waiting for is here, so go and take it today.")); n <= maxStatement {
		t.Fatalf("the two sentences have %d words: too few to test maxStatement", n)
	}
}

// TestSaidFigureFirst: asked what someone said about how much or how many,
// the quotation giving a figure comes first, not the one that only speaks
// of the subject.
func TestSaidFigureFirst(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Remarks by Spokesperson Quill on the Canal", "MS. QUILL: When it comes to canal tolls, bringing those tolls down is our focus.\n"},
		[2]string{"Remarks by Spokesperson Quill at the Quay", "MS. QUILL: The canal tolls are still down about 12 crowns since the spring peak.\n"})
	got, _, _ := Extractive("what did quill say abt how much canal tolls had dropped", hits)
	if first := firstQuote(got); !strings.Contains(first, "12 crowns") {
		t.Errorf("the first quotation gives no figure:\n%s", got)
	}
	for q, want := range map[string]bool{
		"what did quill say abt how much canal tolls had dropped": true,
		"what did quill say about how many barges crossed":        true,
		"what did quill say about the canal tolls":                false,
		"how many barges crossed":                                 false, // its figure is figureOf's
		"what did quill say about how much she misses her mother": false, // a degree
		"quote quill on no matter how much it costs":              false,
	} {
		if _, ok := saidFigure(q); ok != want {
			t.Errorf("saidFigure(%q) = %v, want %v", q, ok, want)
		}
	}
}

// TestReplyInheritsTheWholeQuestion: a reporter's question of two
// paragraphs gives its reply the words of both; the second paragraph
// ("And specifically, …") does not replace the first.
func TestReplyInheritsTheWholeQuestion(t *testing.T) {
	d := &corpus.Document{ID: "gaggle.txt", Title: "Press Gaggle by Spokesperson Zara Quillfeather of Nowhereland", Outlet: "Nowhereland Briefing Room"}
	d.Text = "MS. QUILLFEATHER: Good afternoon.\n\n" +
		"Q And then one on Glimmerford.\n\n" +
		"MS. QUILLFEATHER: Yeah.\n\n" +
		"Q Glimmerford has asked the Canal Commission to inspect the toll gates. Can we get a reaction?\n\n" +
		"And specifically, does the Minister consider the tolls a burden?\n\n" +
		"MS. QUILLFEATHER: Well, he has called them an epidemic of costs.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "gaggle.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	var reply *candidate
	cands := candidates([]retrieval.Hit{h})
	for i, c := range cands {
		if strings.Contains(d.Text[c.start:c.end], "epidemic of costs") {
			reply = &cands[i]
		}
	}
	if reply == nil {
		t.Fatal("the reply is no candidate")
	}
	for _, w := range []string{"glimmerford", "commission", "inspect", "minister", "burden"} {
		if !reply.asked[text.Stem(w)] {
			t.Errorf("the reply's question words %v lack %q", reply.asked, w)
		}
	}
	// A paragraph that turns to another topic asks a question of its
	// own: the reply answers it alone.
	d.Text = strings.Replace(d.Text, "And specifically, does the Minister", "And on another topic: does the Minister", 1)
	h = retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "gaggle.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	for _, c := range candidates([]retrieval.Hit{h}) {
		if strings.Contains(d.Text[c.start:c.end], "epidemic of costs") && (c.asked[text.Stem("glimmerford")] || !c.asked[text.Stem("burden")]) {
			t.Errorf("the reply to another topic's question has the question words %v", c.asked)
		}
	}
	for _, s := range []string{"Separately, on the canal: will the tolls rise?", "And a different question: when will the ferries sail?", "OK, switching gears — the budget?", "And then on another subject —"} {
		if !newTopic(s) {
			t.Errorf("%q is not read as turning to another question", s)
		}
	}
	for _, s := range []string{"And specifically, does the Minister consider the tolls a burden?", "And then one more on the canal.", "One other question on this.", "And another question on the same canal: the tolls?"} {
		if newTopic(s) {
			t.Errorf("%q read as turning to another question", s)
		}
	}
}

// TestWhyAnswersWithTheReason: a "why" question opens with the sentence
// that gives the reason ("… out of an abundance of caution following
// …"), one or two after the sentences that say what happened, which hold
// more of the question's words.
func TestWhyAnswersWithTheReason(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Readout of Minister Ned Example’s Call with Governor Ilsa Brackenwick",
			"Minister Ned Example spoke today with Governor Ilsa Brackenwick and wished her a happy Founders Day. " +
				"The Minister expressed his regret that he will be unable to host the Founders Day Breakfast in honor of the Governor. " +
				"The breakfast at the Glimmerford Observatory was cancelled out of an abundance of caution following the Deputy Minister testing positive for river fever. " +
				"The Minister and the Governor discussed the strong ties between Glimmerford and Quillton.\n"})
	q := ExtractiveQuery{Question: "why did example have to cancel the founders day breakfast for governor brackenwick"}
	_, _, _, why := extractive(q, hits)
	if len(why) == 0 || !strings.HasPrefix(why[0].Sentence, "The breakfast at the Glimmerford Observatory was cancelled") {
		t.Errorf("answered with %+v, want the sentence giving the reason first", why)
	}
	// A reason in another document is another matter's: the best
	// sentence stays first.
	other := briefingHits(t,
		[2]string{"Remarks by Minister Ned Example at the Founders Day Breakfast",
			"MR. EXAMPLE: I cancelled the Founders Day breakfast for Governor Brackenwick this year, and we will hold it again next spring.\n"},
		[2]string{"Remarks by Minister Ned Example on the Harbour",
			"MR. EXAMPLE: We cancelled the Founders Day harbour parade for Governor Brackenwick because of the storms.\n"})
	q.Question = "why did example cancel the founders day breakfast for governor brackenwick"
	if _, _, _, why := extractive(q, other); len(why) == 0 || strings.Contains(why[0].Sentence, "harbour") {
		t.Errorf("answered with %+v, want the breakfast's sentence, not another document's reason", why)
	}
}

// TestReasonRe: the words that give a reason, not a time or a schedule.
func TestReasonRe(t *testing.T) {
	for s, want := range map[string]bool{
		"The breakfast was cancelled out of an abundance of caution.": true,
		"We paused it because of the storms.":                         true,
		"The decision was made for three reasons:":                    true,
		"That’s why we acted.":                                        true,
		"The delay was due to the weather.":                           true,
		"Following the meeting, the leaders spoke.":                   false,
		"So that’s where the President made his decision.":            false,
		"The report is due to be released on Friday.":                 false,
		"Given that we have no update, I will stop there.":            false,
	} {
		if got := reasonRe.MatchString(s); got != want {
			t.Errorf("reasonRe.MatchString(%q) = %v, want %v", s, got, want)
		}
	}
	// "why" with a question of its own after a break, or "why and when",
	// asks no reason alone.
	for q, want := range map[string]bool{
		"why did the minister cancel the breakfast":          true,
		"why and when did the minister cancel the breakfast": false,
		"why tho - when did the minister cancel it":          false,
	} {
		if got := asksWhy(questionTokens(q)); got != want {
			t.Errorf("asksWhy(%q) = %v, want %v", q, got, want)
		}
	}
}

// A sentence opening by pointing back ("That's what my teacher told
// me.") is quoted with the sentence it points to, when one speaker says
// both; another speaker's sentence before it is not theirs to take.
func TestPointsBackTakesItsAntecedent(t *testing.T) {
	text := "MINISTER VEXLUND: “You should not study canals in Quillton.”\n\nThat’s what my old teacher in Quillton told me.\n"
	d := &corpus.Document{ID: "s.txt", Title: "Remarks by Minister Ada Vexlund", Date: time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC), Text: text}
	if err := d.SetTurns([]corpus.Turn{{Start: 0, End: len(text), Speaker: corpus.Speaker{Name: "Ada Vexlund"}, Role: corpus.RoleOfficial}}); err != nil {
		t.Fatal(err)
	}
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "s.txt#0", DocID: d.ID, End: len(text), Text: text}}
	got, _, _ := Extractive("What did Vexlund say about her old teacher in Quillton?", []retrieval.Hit{h})
	if !strings.Contains(got, "That’s what my old teacher") || !strings.Contains(got, "You should not study canals") {
		t.Errorf("the antecedent is not quoted:\n%s", got)
	} else if strings.Index(got, "You should not study canals") > strings.Index(got, "That’s what my old teacher") {
		t.Errorf("the antecedent is quoted after the sentence pointing to it:\n%s", got)
	}
	at := strings.Index(text, "That’s")
	if err := d.SetTurns([]corpus.Turn{
		{Start: 0, End: at, Speaker: corpus.Speaker{Name: "Bram Oakhollow"}, Role: corpus.RoleOfficial},
		{Start: at, End: len(text), Speaker: corpus.Speaker{Name: "Ada Vexlund"}, Role: corpus.RoleOfficial},
	}); err != nil {
		t.Fatal(err)
	}
	got, _, _ = Extractive("What was said about the old teacher in Quillton?", []retrieval.Hit{h})
	if strings.Contains(got, "You should not study canals") {
		t.Errorf("another speaker's sentence taken as the antecedent:\n%s", got)
	}
}
