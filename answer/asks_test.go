package answer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// TestQuestionSentenceNotTheAnswer: an interviewer's question repeats the
// words asked and answers nothing; the interviewee's reply opens the
// answer. Without the Asks weight the interviewer's line, holding every
// word of the question, is quoted first.
func TestQuestionSentenceNotTheAnswer(t *testing.T) {
	rec := `{"id": "chat.txt", "title": "Fireside Chat with Minister Oona Quillfeather at the Harbour Forum", "outlet": "Nowhereland Ministry", "date": "2031-05-02", "text": "MR. BRAMBLE: Thank you for joining us.\n\nMS. QUILLFEATHER: Glad to be here.\n\nMR. BRAMBLE: Does the canal swap deal mean the Quillton port reopens to barges this spring?\n\nMS. QUILLFEATHER: Under the swap deal, barges return to the Quillton port on April 3.\n\nMR. BRAMBLE: Thank you."}
` + grainConvoy + `
`
	opensWith(t, rec, 2, "what was said about the canal swap deal and the quillton port reopening to barges this spring", "April 3", "the reply")
	if !asks("Is it? ") || !asks("He asked, “Why now?”") || asks("Why? Because the port is open.") {
		t.Error("asks: a sentence ending in a question mark, quoted or not")
	}
}

// TestLeadInDatesWhatFollows: a sentence ending in a colon opens what the
// next one says; asked when, its date answers for the bill the next
// sentence names. Without leadIns the lead-in holds none of the
// question's subject and the bill's description opens the answer.
func TestLeadInDatesWhatFollows(t *testing.T) {
	rec := `{"id": "bill.txt", "title": "Congressional Bill Signed into Law", "outlet": "Nowhereland Ministry", "date": "2031-05-02", "text": "On Friday, May 2, 2031, the Minister signed into law:\n\nB. 4470, which extends the barge toll rules of the Quillton Canal Act for another decade."}
{"id": "other.txt", "title": "Statement on the grain convoy", "outlet": "Nowhereland Ministry", "date": "2031-03-12", "text": "Minister Odo Brambleby said the grain convoy would leave on Monday, and the Quillton barge tolls were discussed."}
`
	opensWith(t, rec, 2, "when was the quillton canal barge toll extension b. 4470 signed", "May 2, 2031", "the lead-in giving the day")
}

// TestQuestionAskedIsQuoted: asked what question someone asked, the
// sentence that is a question is the answer, not demoted.
func TestQuestionAskedIsQuoted(t *testing.T) {
	rec := `{"id": "chat.txt", "title": "Fireside Chat with Minister Oona Quillfeather at the Harbour Forum", "outlet": "Nowhereland Ministry", "date": "2031-05-02", "text": "MR. BRAMBLE: Does the canal swap deal mean the Quillton port reopens to barges this spring?\n\nMS. QUILLFEATHER: Under the swap deal, barges return to the Quillton port on April 3."}
` + grainConvoy + `
`
	opensWith(t, rec, 2, "what question was asked about the canal swap deal and the quillton port reopening to barges this spring", "Does the canal swap deal", "the question asked")
}

// TestOrganisationAnswersWho: asked who won a prize, the group the
// statement names in the sentence after the one restating the question
// answers it. Without namesOrganisation no sentence holds a person, and
// the sentence holding the question's own words opens the answer;
// without the words of the sentence before counting for it, the group's
// sentence, which holds none of the question's words, is not quoted
// first.
func TestOrganisationAnswersWho(t *testing.T) {
	rec := `{"id": "prize.txt", "title": "Statement from the Minister Congratulating the Lantern Prize Winners", "outlet": "Nowhereland Ministry", "date": "2031-10-13", "text": "This year's Lantern Prize winners embody patience and courage in the face of floods. For decades, the volunteers of Brindle Tidewatch have kept the river villages safe, telling a story every town needs to hear. On behalf of Nowhereland, I congratulate them on being awarded the Lantern Prize."}
` + grainConvoy + `
`
	opensWith(t, rec, 2, "who won the lantern prize the minister congratulated", "Brindle Tidewatch", "the group named")
	for s, want := range map[string]bool{
		"For decades, the volunteers of Brindle Tidewatch kept watch.": true,
		"The FBI is leading the investigation.":                        true,
		"The Lantern Prize winners embody patience.":                   false, // the question's own name
		"As I said, the United States stands ready.":                   false, // "As I", the government's own name
		"Talks resumed in Paris on Monday.":                            false, // a place, a day
		"The call was with the Vice President.":                        false, // an office
		"Brindle Tidewatch won the prize.":                             true,  // a name opening the sentence
		"FBI agents arrested him.":                                     true,
	} {
		if got := namesOrganisation(s, text.TermSet("who won the lantern prize")); got != want {
			t.Errorf("namesOrganisation(%q) = %v, want %v", s, got, want)
		}
	}
	// Only a question asking which company or group, or who won, is
	// answered by one; "who" asks for a person otherwise.
	for q, want := range map[string]bool{
		"who won the lantern prize":                true,
		"who first won the canal race":             true,
		"which company ran the ferry":              true,
		"what agency led the flood investigation":  true,
		"who administered the oath":                false,
		"who did the minister put in charge of it": false,
	} {
		if got := asksOrganisation(q); got != want {
			t.Errorf("asksOrganisation(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestAccountGoesOn: asked what someone talked about on a call, a
// readout's opening sentence that the call took place goes on with the
// sentences after it that keep its subject ("The Vice Minister
// emphasized …"), the account of what was said, and stops at one of
// another subject. Without keepsSubject a release's sentence about a
// person asked is quoted alone; without the next sentence going on
// within maxStatement of its own, the long account is cut off.
func TestAccountGoesOn(t *testing.T) {
	rec := `{"id": "call.txt", "title": "Readout of Vice Minister Oona Quillfeather's Call with Premier Tobias Wrenfield of Glimmerford", "outlet": "Nowhereland Ministry", "date": "2031-01-08", "text": "Vice Minister Oona Quillfeather spoke today with Premier Tobias Wrenfield of Glimmerford and thanked him for his partnership and their shared work on the river compact over many years. The Vice Minister emphasized her continued interest in expanding lantern festivals across the valley, and making progress on barge tolls, ferry schedules and clean harbour power, among other areas of partnership, building off the spring state visit and her work with the harbour guilds. Premier Wrenfield is expected in the capital next month."}
` + grainConvoy + `
`
	ans := opensWith(t, rec, 2, "what did quillfeather talk about when she spoke with premier wrenfield", "lantern festivals", "the account of the call")
	if strings.Contains(firstQuote(ans.Text), "expected in the capital") {
		t.Errorf("a sentence of another subject goes on the account:\n%s", ans.Text)
	}
	for _, tc := range []struct {
		subject, s string
		want       bool
	}{
		{"Vice President Kamala Harris", "The Vice President emphasized her interest.", true},
		{"Vice President Kamala Harris", "She thanked him.", true},
		{"Vice President Kamala Harris", "Harris also raised Haiti.", true},
		{"Vice President Kamala Harris", "President Ruto is expected next month.", false},
		{"Vice President Kamala Harris", "The two leaders agreed to meet.", false},
		{"", "She thanked him.", false},
		{"Secretary Antony Quillfeather", "A spokesperson for the Premier said the talks failed.", false},
		{"Premier Itzel Wrenfield", "It was agreed that Glimmerford would host the next round.", false},
		{"Vice President Oona Quillfeather", "The President thanked her for her hospitality.", false},
	} {
		if got := keepsSubject(tc.subject, tc.s); got != tc.want {
			t.Errorf("keepsSubject(%q, %q) = %v, want %v", tc.subject, tc.s, got, tc.want)
		}
	}
	// A blank opening phrase before a comma names no one (and panicked).
	if got := openingNames("\u00a0, the canal opened."); strings.Contains(got, "canal") {
		t.Errorf("openingNames of a blank opening phrase = %q", got)
	}
	// The sentence going on reports its subject's words, not another's.
	for s, want := range map[string]bool{
		"The Vice President emphasized her interest.":      true,
		"She said the talks went well.":                    true,
		"The Vice President also emphasized her interest.": true,
		"The plant closed in 2023, the company said.":      false,
		"The Quillmoor plant reopens, officials stressed.": false,
	} {
		if got := subjectSays(s); got != want {
			t.Errorf("subjectSays(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestListEntryAnswersWho: a release lists those appointed under a
// lead-in ending in a colon; asked who chairs the board, the entry naming
// the chair answers, read with its lead-in. Without listed entries
// (personEntry's list marker) the entry is a heading, never quoted; with
// the entry quotable but its lead-in's words not counted for it, the
// lead-in (holding every word of the board's name) opens the answer
// instead of the chair's name; so it does when the entry, short by
// nature, is weighed down as a short sentence.
func TestListEntryAnswersWho(t *testing.T) {
	rec := `{"id": "board.txt", "title": "The Minister Announces Key Appointments to Boards and Commissions", "outlet": "Nowhereland Ministry", "date": "2031-09-27", "text": "QUILLTON – Today, the Minister announced her intent to appoint the following individuals as members of the Quillton Barge Safety Review Board:\n\n- Odo Q. Brambleby, Chair\n- Zara Wrenfield, Vice Chair\n- Tobias Quill, Member\n\nQuillton Barge Safety Review Board\n\nThe Quillton Barge Safety Review Board is an independent body that reviews the safety of the canal's barges."}
{"id": "council.txt", "title": "The Minister Announces Key Members of her Canal Team", "outlet": "Nowhereland Ministry", "date": "2031-09-14", "text": "Today, the Minister named key members of her canal team, including Tobias Quill to serve as Chair of the Quillton Canal Review Council."}
`
	opensWith(t, rec, 2, "who was named chair of the quillton barge safety review board", "Odo Q. Brambleby, Chair", "the chair's entry")
	// The entry is short by nature and says its whole with its lead-in:
	// it is not weighed down as a short sentence.
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(rec), 2)), Explain: true}
	ans, err := p.Ask(context.Background(), "who was named chair of the quillton barge safety review board", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, st := range ans.Explain.Sentences {
		if !strings.Contains(st.Sentence, "Brambleby, Chair") {
			continue
		}
		found = true
		for _, f := range st.Features {
			if f.Name == "short" {
				t.Errorf("the list's entry %q is weighed as a short sentence", st.Sentence)
			}
		}
	}
	if !found {
		t.Errorf("no trace of the chair's entry:\n%s", ans.Text)
	}
	// A list's entries naming people, not its other items.
	if !listedName("Mark D. Ein") || !listedName("Jaime di Paulo") || listedName("Expand and strengthen parity") || listedName("Ein") || listedName("di Paulo") {
		t.Error("listedName: two to five capitalised words or initials, and a name's particles")
	}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"- Odo Brambleby, Member and Designated Chair", true},
		{"- Mark D. Ein, Chair", true},
		{"Odo Brambleby, Member and Designated Chair", false},  // a heading of its own
		{"- Barge Safety Review Board, Quillton Office", true}, // an entry all the same: quotable, no heading
		{"- Canal Tolls and Barge Fees", false},
		{"Mr. Odo Brambleby, Canal Engineer", true},
		// An announcement's entry of a nominee needs no honorific.
		{"Odo Brambleby, Nominee for Deputy Keeper of the Canal, Department of the Canal", true},
		{"Odo P. Brambleby, Nominee for Keeper of the Tolls", true},
		{"the canal board, Nominee for Keeper", false},
		{"Odo Brambleby, Nominee to be Keeper of the Tolls", true},
		{"Odo Edward Brambleby, Jr., Nominee for Keeper of the Tolls", true},
		{"Brambleby, Nominee for Keeper", false}, // one word: no name
	} {
		if got := personEntry(tc.line); got != tc.want {
			t.Errorf("personEntry(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
	// A name, a dash and a post, in a list of such lines, is an entry;
	// a heading with a dash is none.
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Chair of The Canal Guild Odo Brambleby – Former Minister of Quillton", true},
		{"Wren Ashgrove – Former Envoy to Farland", true},
		{"- Odo K. Brambleby – Ambassador to the Republic of Quillton", true},
		{"Remarks by Minister Brambleby – Press Conference", false},
		{"Canal Tolls – Barge Fees", false},
		{"Barge Fees Hit Boatmen – and Merchants – in the Pocketbook", false},
		{"CANAL TOLLS CUT — AND FERRY FARES", false},
		{"MS. BRAMBLEBY: And — and —", false},
		{"Q Mr. Minister — Mr. Minister —", false},
	} {
		if got := dashEntry(tc.line); got != tc.want {
			t.Errorf("dashEntry(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
	list := "The guild's delegates included:\n\nChair of The Canal Guild Odo Brambleby – Former Minister of Quillton\nWren Ashgrove – Former Envoy to Farland\n"
	first := strings.Index(list, "Chair")
	if heading(list, first, first+len("Chair of The Canal Guild Odo Brambleby – Former Minister of Quillton")) {
		t.Error("a list's entry of a name, a dash and a post read as a heading")
	}
	lone := "Joint Statement – Prime Minister of Quillton\n\nThe two ministers met today.\n"
	if !heading(lone, 0, strings.Index(lone, "\n")) {
		t.Error("a heading with a dash, alone on its line, read as a list's entry")
	}
}

// TestHalfIsFiftyPercent: asked when half of something was reached, the
// statement giving "50 percent" answers, not one on other shares that
// holds more of the question's words in a row. Without halfTerm "half" is
// a word no sentence holds, and the milestones of 70 and 80 percent open
// the answer.
func TestHalfIsFiftyPercent(t *testing.T) {
	rec := `{"id": "may.txt", "title": "Briefing by the Barge Safety Team", "outlet": "Nowhereland Ministry", "date": "2031-05-25", "text": "MR. QUILL: Today, Quillton will hit 50 percent of the canal barges in the port that are fully inspected. This is a major milestone for the canal."}
{"id": "nov.txt", "title": "Briefing by the Barge Safety Team", "outlet": "Nowhereland Ministry", "date": "2031-11-01", "text": "MR. QUILL: In fact, today, Quillton hit two milestones: 80 percent of canal barges now have a first inspection, and 70 percent of canal barges are now fully inspected."}
`
	opensWith(t, rec, 2, "when did quillton hit half of canal barges fully inspected", "50 percent", "the half reached")
	for s, want := range map[string]bool{"hit 50% of adults": true, "fifty percent": true, "50 percent": true,
		"150 percent": false, "2.50 percent": false, "40-50% of sales": false, "46–50 percent below": false,
		"one hundred fifty percent": false, "50 percentage points": false, "from 40 to 50 percent": false,
		"between 40 and 50 percent": false, "a hundred and fifty percent": false} {
		if got := holdsHalf(s); got != want {
			t.Errorf("holdsHalf(%q) = %v, want %v", s, got, want)
		}
	}
}

// An announcement's entry of a nominee opens the next nominee's part: the
// words of the nominee before (their biography) are no context of it.
func TestNomineeEntryTakesNoContext(t *testing.T) {
	d := &corpus.Document{ID: "n.txt", Title: "Minister Ada Vexlund Announces Nominees", Date: time.Date(2031, 7, 13, 0, 0, 0, 0, time.UTC)}
	d.Text = "Minister Ada Vexlund announced her intent to nominate the following:\n" +
		"- Odo Brambleby, Nominee for Member of the Board of Trustees of the Quillton Memorial Fellowship Foundation\n" +
		"- Ida Fernwhistle, Nominee for Member of the Board of Trustees of the Quillton Memorial Fellowship Foundation\n\n" +
		"Zara Oakhollow, Nominee for Director of Canal Tolls\n\n" +
		"Zara Oakhollow is an engineer.\n"
	h := retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "n.txt#0", DocID: d.ID, End: len(d.Text), Text: d.Text}}
	_, _, _, why := extractive(ExtractiveQuery{Question: "who did vexlund nominate to the quillton memorial fellowship foundation board of trustees", Type: WantPerson}, []retrieval.Hit{h})
	for _, w := range why {
		if strings.HasPrefix(w.Sentence, "Zara Oakhollow, Nominee") && (w.Role == "answer" || w.Role == "support") {
			t.Errorf("the next nominee's entry is quoted (%s) on the words of the biography before it: %+v", w.Role, w)
		}
	}
	if len(why) == 0 || !strings.Contains(why[0].Sentence, "Quillton Memorial Fellowship Foundation") {
		t.Errorf("the nominee asked for is not quoted first: %+v", why)
	}
}
