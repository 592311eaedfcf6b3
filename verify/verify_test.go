package verify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

var (
	fixtureOnce sync.Once
	fixtureIx   *retrieval.Index
	fixtureErr  error
)

// fixtureChecker is a Checker over the invented record in testdata: a
// briefing of 2031-04-02 (Spokesperson Zara Quillfeather, Coordinator Otto
// Brambleworth, a reporter's question, a moderator) and a statement by
// Brambleworth of 2031-06-10.
func fixtureChecker(t testing.TB) *Checker {
	t.Helper()
	fixtureOnce.Do(func() {
		docs, _, err := corpus.Load("testdata", corpus.LoadOptions{})
		if err != nil {
			fixtureErr = err
			return
		}
		ix, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
		if err != nil {
			fixtureErr = err
			return
		}
		if _, err := ix.Sync(context.Background(), docs, nil); err != nil {
			fixtureErr = err
			return
		}
		fixtureIx = ix
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return New(fixtureIx)
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCheckVerdicts(t *testing.T) {
	c := fixtureChecker(t)
	tests := []struct {
		name    string
		claim   Claim
		verdict Verdict
		speaker string
		date    string
		changes []string
		record  string // a part of Result.Record, when set
		joined  bool
	}{
		{name: "exact", claim: Claim{Text: "The ministry organised the delivery of 84,770 tonnes of grain in September."},
			verdict: Exact, speaker: "Zara Quillfeather", date: "2031-04-02", record: "The ministry organised the delivery of 84,770 tonnes of grain in September"},
		{name: "exact with the claimed speaker and period", claim: Claim{Text: "“the MINISTRY organised the delivery — of 84,770 tonnes”", Speaker: "Quillfeather", Since: day("2031-04-01"), Until: day("2031-04-30")},
			verdict: Exact, speaker: "Zara Quillfeather"},
		{name: "title as the speaker", claim: Claim{Text: "The ministry organised the delivery of 84,770 tonnes of grain", Speaker: "the Spokesperson"},
			verdict: Exact, speaker: "Zara Quillfeather"},
		{name: "control characters around the words", claim: Claim{Text: "\x1b[0mThe ministry organised\x07 the delivery of 84,770 tonnes of grain"},
			verdict: Exact, speaker: "Zara Quillfeather"},
		{name: "American spelling of British words", claim: Claim{Text: "We recognize the center of the problem is the harbor at Port Vellum"},
			verdict: Exact, speaker: "Zara Quillfeather", record: "We recognise the centre of the problem is the harbour at Port Vellum"},
		{name: "words of two statements are not one quotation", claim: Claim{Text: "Our defense program has a well known purpose, and our cooperation with the coordinator is close"},
			verdict: NotFound},
		{name: "hyphenated word written together", claim: Claim{Text: "our cooperation with the coordinator is close"},
			verdict: Exact, record: "our co-operation with the coordinator is close"},
		{name: "halves of a hyphenated word", claim: Claim{Text: "Our defence programme has a well known purpose"},
			verdict: Exact},
		{name: "ellipsis", claim: Claim{Text: "Nowhereland will never accept … we say it again"},
			verdict: Exact, record: "Nowhereland will never accept … we say it again"},
		{name: "three dots", claim: Claim{Text: "Nowhereland will never accept...the channels of dialogue open"},
			verdict: Exact},
		{name: "stitched from two sentences", claim: Claim{Text: "Nowhereland will never accept the blockade of the Sapphire Strait. The ministry organised the delivery of 84,770 tonnes of grain in September."},
			verdict: Exact, joined: true},
		{name: "one word changed", claim: Claim{Text: "we will keep the channels of communication open with our partners in Elsewhere"},
			verdict: Close},
		{name: "negation flipped", claim: Claim{Text: "Nowhereland will always accept the blockade of the Sapphire Strait"},
			verdict: Close, changes: []string{"negation"}},
		{name: "negation added", claim: Claim{Text: "We are abandoning everything. The talks continue on Thursday in Port Vellum"},
			verdict: Close, changes: []string{"negation"}},
		{name: "number changed", claim: Claim{Text: "The ministry organised the delivery of 48,770 tonnes of grain in September"},
			verdict: Close, changes: []string{"number"}},
		{name: "name changed", claim: Claim{Text: "The talks continue on Thursday in Port Ashgrove, and our co-operation with the coordinator is close"},
			verdict: Close, changes: []string{"name"}},
		{name: "a reporter's question", claim: Claim{Text: "Is Nowhereland prepared to abandon the talks with Elsewhere altogether?", Speaker: "Zara Quillfeather"},
			verdict: QuestionOnly, speaker: "Reporter"},
		{name: "a reporter's question, no speaker claimed", claim: Claim{Text: "Nowhereland prepared to abandon the talks with Elsewhere"},
			verdict: QuestionOnly},
		{name: "another speaker", claim: Claim{Text: "It carried medicine for the hospitals of the north", Speaker: "Zara Quillfeather"},
			verdict: OtherSpeaker, speaker: "Otto Brambleworth"},
		{name: "the right speaker by surname", claim: Claim{Text: "It carried medicine for the hospitals of the north", Speaker: "Coordinator Brambleworth"},
			verdict: Exact, speaker: "Otto Brambleworth"},
		{name: "another date", claim: Claim{Text: "We are grateful to the people of Port Vellum for their patience", Until: day("2031-03-31")},
			verdict: OtherDate, date: "2031-06-10"},
		{name: "only common words", claim: Claim{Text: "“We have said so before, and we say it again.”"},
			verdict: Exact, speaker: "Zara Quillfeather", record: "We have said so before and we say it again"},
		{name: "only common words, one changed", claim: Claim{Text: "We have said so before and we will say it again"},
			verdict: Close, speaker: "Zara Quillfeather"},
		{name: "only common words, not in the record", claim: Claim{Text: "we have never said so and we will not say it"},
			verdict: NotFound},
		{name: "an address the office issues, titled as the speaker's", claim: Claim{Text: "The harbour at Port Vellum will reopen to all ships in the autumn", Speaker: "Otto Brambleworth"},
			verdict: Exact, speaker: "Otto Brambleworth"},
		{name: "an address titled as another's", claim: Claim{Text: "The harbour at Port Vellum will reopen to all ships in the autumn", Speaker: "Zara Quillfeather"},
			verdict: OtherSpeaker},
		{name: "a readout is the office's account, not the minister's words", claim: Claim{Text: "the ferry service across the strait will resume in June", Speaker: "Minister Ada Pennywhistle"},
			verdict: OtherSpeaker, speaker: "The Nowhereland"},
		{name: "not in the record", claim: Claim{Text: "Nowhereland has purchased four submarines from the moon"},
			verdict: NotFound},
		{name: "an ellipsis does not reach words sharing only function words", claim: Claim{Text: "Nowhereland will never accept the blockade of the Sapphire Strait … and the smugglers did it again"},
			verdict: NotFound},
		{name: "an ellipsis does not reach another sentence's subject", claim: Claim{Text: "We are not seeking a quarrel with the fishermen of the northern provinces … the pirates have a boat"},
			verdict: NotFound},
		{name: "an ellipsis reaches a later sentence with one word changed", claim: Claim{Text: "We are not seeking a quarrel with the fishermen of the northern provinces … the Glimmerfolk have a choice to make, and they still have days"},
			verdict: Close},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustCheck(t, c, tt.claim)
			if res.Verdict != tt.verdict {
				t.Fatalf("verdict %s, want %s: %+v", res.Verdict, tt.verdict, res)
			}
			if tt.speaker != "" && res.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", res.Speaker, tt.speaker)
			}
			if tt.date != "" && res.Date != tt.date {
				t.Errorf("date %q, want %q", res.Date, tt.date)
			}
			if !slices.Equal(res.Changes, tt.changes) {
				t.Errorf("changes %q, want %q (diff %+v)", res.Changes, tt.changes, res.Diff)
			}
			if tt.record != "" && !strings.Contains(res.Record, tt.record) {
				t.Errorf("record %q, want it to hold %q", res.Record, tt.record)
			}
			if res.Joined != tt.joined {
				t.Errorf("joined %v, want %v", res.Joined, tt.joined)
			}
			if res.Verdict == NotFound {
				if res.Covers != [2]string{"2031-04-02", "2031-06-10"} || len(res.Nearest) == 0 && !strings.Contains(tt.name, "common") {
					t.Errorf("not found without the record's period or nearest passages: %+v", res)
				}
				return
			}
			if res.Citation == nil || res.Citation.Doc == "" || res.Citation.URL == "" || res.Citation.Date == "" {
				t.Errorf("citation %+v", res.Citation)
			}
			if res.Verdict == Exact {
				for _, op := range res.Diff {
					if op.Op != OpSame {
						t.Errorf("exact with a difference: %+v", res.Diff)
					}
				}
			}
		})
	}
}

// The sentences around exact words are the context, and Before + Record +
// After read on in the record.
func TestCheckContext(t *testing.T) {
	c := fixtureChecker(t)
	res, err := c.Check(context.Background(), Claim{Text: "Our defence programme has a well-known purpose"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Context.Before != "We have said so before and we say it again." ||
		res.Context.After != ", and we will keep the channels of dialogue open with our partners in Elsewhere. The ministry organised the delivery of 84,770 tonnes of grain in September." {
		t.Errorf("context %+v", res.Context)
	}
}

// A claim that cannot be checked is an error saying why, never a verdict.
func TestCheckBadClaims(t *testing.T) {
	c := fixtureChecker(t)
	tests := []struct {
		name string
		text string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"only punctuation", " … ?!“” -- ", ErrEmpty},
		{"control characters", "\x00\x1b\x07\u200b", ErrEmpty},
		{"one common word", "the", ErrOnlyCommon},
		{"only common words", "it is", ErrOnlyCommon},
		{"5,000 words", strings.Repeat("Nowhereland will never accept the blockade ", 715), ErrTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Check(context.Background(), Claim{Text: tt.text})
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// A sentence said in 500 places: the claimed speaker's one statement is
// found among them (the filtered search), the claimed period's too, and a
// claim naming no one gets the earliest statement the search saw.
func TestCheckWordsSaidInManyPlaces(t *testing.T) {
	const said = "The river talks will resume in the spring, and Nowhereland will attend them."
	var docs []*corpus.Document
	add := func(id, speaker, date string) {
		docs = append(docs, inventedDoc(t, id, "Statement by "+speaker+" on the river talks", date,
			"Today we repeat it. "+said+" We thank our partners."))
	}
	base := day("2031-01-01")
	for i := range 500 {
		add(fmt.Sprintf("q%03d", i), "Spokesperson Zara Quillfeather", base.AddDate(0, 0, i).Format("2006-01-02"))
	}
	add("otto", "Coordinator Otto Brambleworth", "2033-06-01")
	c := checkerOver(t, docs)
	tests := []struct {
		claim         Claim
		speaker, date string
	}{
		{Claim{Text: said}, "Zara Quillfeather", "2031-01-01"},
		{Claim{Text: said, Speaker: "Brambleworth"}, "Otto Brambleworth", "2033-06-01"},
		{Claim{Text: said, Since: day("2032-01-01")}, "Zara Quillfeather", "2032-01-01"},
	}
	for _, tt := range tests {
		res := mustCheck(t, c, tt.claim)
		if res.Verdict != Exact || res.Speaker != tt.speaker || res.Date != tt.date {
			t.Errorf("%+v: %s by %q on %s, want exact by %q on %s", tt.claim, res.Verdict, res.Speaker, res.Date, tt.speaker, tt.date)
		}
	}
}

// One Checker serves many checks at once (the bot's quick lane runs
// several): each gets its own verdict.
func TestCheckConcurrent(t *testing.T) {
	c := fixtureChecker(t)
	claims := map[string]Verdict{
		"The ministry organised the delivery of 84,770 tonnes of grain in September": Exact,
		"Nowhereland will always accept the blockade of the Sapphire Strait":         Close,
		"Is Nowhereland prepared to abandon the talks with Elsewhere altogether?":    QuestionOnly,
		"Nowhereland has purchased four submarines from the moon":                    NotFound,
	}
	var wg sync.WaitGroup
	for range 4 {
		for text, want := range claims {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := c.Check(context.Background(), Claim{Text: text})
				if err != nil || res.Verdict != want {
					t.Errorf("%q: %s %v, want %s", text, res.Verdict, err, want)
				}
			}()
		}
	}
	wg.Wait()
}

// A cancelled check stops with the context's error.
func TestCheckCancelled(t *testing.T) {
	c := fixtureChecker(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Check(ctx, Claim{Text: "The ministry organised the delivery of grain"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}

// The record's words a verdict shows are the record's own: a changed last
// word is changed, not pushed into the context; a symbol glued to a
// changed number stays with it; words a claim adds inside a sentence are
// never bridged to a later sentence of the record.
func TestCheckShowsTheRecordsWords(t *testing.T) {
	c := fixtureChecker(t)
	tests := []struct {
		name    string
		claim   string
		verdict Verdict
		marked  string // Result.Marked(nil)
		changes []string
		notIn   string // not in Record, nor in Marked
	}{
		{name: "a changed last word", claim: "We do not signal our moves one way or the other.",
			verdict: Close, marked: "We do not signal our moves one way or ~~the other~~ **another**"},
		{name: "a changed last word, one for one", claim: "Nowhereland will never accept the blockade of the Sapphire Sea",
			verdict: Close, marked: "Nowhereland will never accept the blockade of the Sapphire ~~Sea~~ **Strait**", changes: []string{"name"}},
		{name: "a currency sign next to a changed number", claim: "The lighthouse fund pays $5 million to the keepers of the northern coast this year.",
			verdict: Close, marked: "The lighthouse fund pays ~~$5~~ **$4** million to the keepers of the northern coast this year", changes: []string{"number"}},
		{name: "a skipped sentence is not bridged", claim: "We are not seeking a quarrel with the fishermen of the northern provinces this winter or next with the Glimmerfolk.",
			verdict: Close, marked: "We are not seeking a quarrel with the fishermen of the northern provinces this winter or next ~~with the Glimmerfolk~~", changes: []string{"name"}, notIn: "widen"},
		{name: "punctuation stays with its word", claim: "Nowhereland will never accept the blockade of the Sapphire Strait. We have said so before and we say it again. Our offence programme has a well-known purpose",
			verdict: Close, marked: "Nowhereland will never accept the blockade of the Sapphire Strait. We have said so before and we say it again. Our ~~offence~~ **defence** programme has a well-known purpose"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustCheck(t, c, Claim{Text: tt.claim})
			if res.Verdict != tt.verdict {
				t.Fatalf("verdict %s, want %s: %+v", res.Verdict, tt.verdict, res)
			}
			if got := res.Marked(nil); got != tt.marked {
				t.Errorf("marked\n got %s\nwant %s", got, tt.marked)
			}
			if !slices.Equal(res.Changes, tt.changes) {
				t.Errorf("changes %q, want %q", res.Changes, tt.changes)
			}
			if res.Joined {
				t.Errorf("joined: %+v", res.Diff)
			}
			if tt.notIn != "" && (strings.Contains(res.Record, tt.notIn) || strings.Contains(res.Marked(nil), tt.notIn)) {
				t.Errorf("record %q holds %q", res.Record, tt.notIn)
			}
			// The record's words are the record's, and the context reads on
			// from them in the record.
			doc := strings.Join(strings.Fields(res.Context.Before+res.Record+res.Context.After), "")
			if !strings.Contains(strings.Join(strings.Fields(fixtureText(t, res.Citation.Doc)), ""), doc) {
				t.Errorf("before + record + after %q is not the record's text", doc)
			}
		})
	}
}

// fixtureText is the text of the fixture document id.
func fixtureText(t *testing.T, id string) string {
	t.Helper()
	for _, d := range fixtureIx.Documents() {
		if d.ID == id {
			return d.Text
		}
	}
	t.Fatalf("no document %s", id)
	return ""
}

// A numeral is its number word, a format character pasted into a word is
// no part of it, nor is a link's address, and the context is the turn's
// own words.
func TestCheckFoldsNumbersAndFormat(t *testing.T) {
	c := fixtureChecker(t)
	tests := []struct {
		name    string
		claim   string
		verdict Verdict
		changes []string
		before  string // Context.Before, when not "-"
	}{
		{name: "a numeral for a number word", claim: "We and our 11 partners in the Glimmer League signed the charter at dawn.", verdict: Exact, before: "-"},
		{name: "a numeral joined to a unit", claim: "The 9-month programme will train pilots for the harbour", verdict: Exact, before: "-"},
		{name: "a number word for a numeral", claim: "The convoy of twelve trucks reached the border on Monday.", verdict: Exact, before: "Thank you, Zara."},
		{name: "another number", claim: "We and our twelve partners in the Glimmer League signed the charter at dawn.", verdict: Close, changes: []string{"number"}, before: "-"},
		{name: "a right-to-left override inside a word", claim: "The nine-month pro\u202egramme will train pilots for the harbour", verdict: Exact, before: "-"},
		{name: "a soft hyphen and a zero-width joiner", claim: "We do not sig\u00adnal our mo\u200dves one way or another", verdict: Exact, before: "-"},
		{name: "a masked link is its text", claim: "We do not signal our [moves](https://evil.example/a_b) one way or another", verdict: Exact, before: "-"},
		{name: "a bare address is no words", claim: "We do not signal our moves one way or another https://evil.example/moves_2031", verdict: Exact, before: "-"},
		{name: "two words for a contraction", claim: "we are not looking for a feud with the lighthouse keepers of the southern isles", verdict: Exact, before: "-"},
		{name: "a contraction for two words", claim: "We don't signal our moves one way or another", verdict: Exact, before: "-"},
		{name: "won't for the record's will not", claim: "Nowhereland won't surrender the Amber Causeway to the marsh barons", verdict: Exact, before: "-"},
		{name: "will not for the record's won't", claim: "We will not abandon the ferry pilots of the western estuary", verdict: Exact, before: "-"},
		{name: "won't for will not, typed apostrophe", claim: "Nowhereland won’t surrender the Amber Causeway to the marsh barons", verdict: Exact, before: "-"},
		{name: "a contraction is not the word without its apostrophe", claim: "were not looking for a feud with the lighthouse keepers of the southern isles", verdict: Close, before: "-"},
		{name: "the context starts with the turn", claim: "We are not seeking a quarrel with the fishermen of the northern provinces this winter or next", verdict: Exact, before: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustCheck(t, c, Claim{Text: tt.claim})
			if res.Verdict != tt.verdict {
				t.Fatalf("verdict %s, want %s: %+v", res.Verdict, tt.verdict, res.Diff)
			}
			if !slices.Equal(res.Changes, tt.changes) {
				t.Errorf("changes %q, want %q", res.Changes, tt.changes)
			}
			if tt.before != "-" && res.Context.Before != tt.before {
				t.Errorf("context before %q, want %q", res.Context.Before, tt.before)
			}
			for _, s := range []string{res.Claimed, res.Marked(nil)} {
				if strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cf, r) }) || strings.Contains(s, "evil.example/a_b") {
					t.Errorf("a format character or a masked link's address in %q", s)
				}
			}
		})
	}
}

// A short claim with one word changed is found though the words it keeps
// are too few or too common for the lexical index to rank its passage
// among the first hundreds: the record is scanned for the rest of it.
func TestCheckChangedWordAmongCommonOnes(t *testing.T) {
	var docs []*corpus.Document
	add := func(id, speaker, date, body string) {
		docs = append(docs, inventedDoc(t, id, "Remarks by "+speaker, date, body))
	}
	base := day("2031-01-01")
	for i := range 400 {
		add(fmt.Sprintf("q%03d", i), "Spokesperson Zara Quillfeather", base.AddDate(0, 0, i).Format("2006-01-02"),
			"We are proud. Proud partners see it, and we see what we are looking at. Proud, looking, seeing.")
	}
	add("pump", "Spokesperson Zara Quillfeather", "2032-03-01", "The new pump station on the river opened today.")
	add("otto", "Coordinator Otto Brambleworth", "2033-06-01",
		"Thank you all for coming to the valley this morning after the long drive from the capital. "+
			"That has been a proud moment for me. I wish you could see what I'm looking at. "+
			"The orchards on the ridge were planted by the families who came back after the floods.")
	c := checkerOver(t, docs)
	for _, claim := range []string{
		"That has been a proud incest for me.",      // the changed word is in no document
		"I pump you could see what I'm looking at.", // the changed word is the rarest the record holds
		"That has been a proud moment for me.",      // unchanged: exact
	} {
		res := mustCheck(t, c, Claim{Text: claim})
		want := Close
		if !strings.Contains(claim, "incest") && !strings.Contains(claim, "pump") {
			want = Exact
		}
		if res.Verdict != want || res.Speaker != "Otto Brambleworth" {
			t.Errorf("%q: %s by %q, want %s by Otto Brambleworth", claim, res.Verdict, res.Speaker, want)
		}
	}
}

// inventedDoc is a document of the invented Nowhereland record: title,
// date, body.
func inventedDoc(t *testing.T, id, title, date, body string) *corpus.Document {
	t.Helper()
	src := fmt.Sprintf("title: %s\ndate: %s\nsource: The Nowhereland Briefing Room (example.invalid)\nurl: https://example.invalid/%s\n\n%s\n",
		title, date, id, body)
	ds, err := corpus.Parse(id+".txt", []byte(src))
	if err != nil || len(ds) != 1 {
		t.Fatalf("parse %s: %v", id, err)
	}
	return ds[0]
}

// checkerOver is a Checker over docs alone.
func checkerOver(t *testing.T, docs []*corpus.Document) *Checker {
	t.Helper()
	ix, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	return New(ix)
}

// mustCheck checks claim, failing the test on an error.
func mustCheck(t *testing.T, c *Checker, claim Claim) Result {
	t.Helper()
	res, err := c.Check(context.Background(), claim)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
