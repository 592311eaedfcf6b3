package answer

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// constraintDocs loads the invented record of testdata/constraints.jsonl:
// a spokesperson on the canal talks in March, April and May 2023, a
// minister who spoke only on a bridge, and two press secretaries, one in
// 2022 and one in 2024.
func constraintDocs(t *testing.T) []*corpus.Document {
	t.Helper()
	data, err := os.ReadFile("testdata/constraints.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return jsonlDocs(t, data, 8)
}

// jsonlDocs loads a JSONL record of want documents.
func jsonlDocs(t *testing.T, data []byte, want int) []*corpus.Document {
	t.Helper()
	docs, skipped, err := corpus.LoadFS(fstest.MapFS{"record.jsonl": {Data: data}}, "test", corpus.LoadOptions{})
	if err != nil || len(skipped) > 0 || len(docs) != want {
		t.Fatalf("load: %v, skipped %v, %d docs, want %d", err, skipped, len(docs), want)
	}
	return docs
}

func constraintIndex(t *testing.T) *retrieval.Index {
	t.Helper()
	return memIndex(t, constraintDocs(t))
}

// memIndex indexes docs in memory with the built-in embedder.
func memIndex(t *testing.T, docs []*corpus.Document) *retrieval.Index {
	t.Helper()
	idx, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	return idx
}

// grainConvoy is a record's document on another subject, as a JSON line:
// the one a small record sets beside the documents a test asks about, so
// that the question's words weigh as in a record of more than one.
const grainConvoy = `{"id": "other.txt", "title": "Statement on the grain convoy", "outlet": "Nowhereland Ministry", "date": "2031-03-12", "text": "Minister Odo Brambleby said the grain convoy would leave on Monday."}`

// askRecord asks q of a record of n documents given as JSON lines,
// indexed in memory, with no model.
func askRecord(t *testing.T, rec string, n int, q string) *Answer {
	t.Helper()
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(rec), n))}
	ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

// opensWith asks q of a record as askRecord does and reports an answer
// whose first quotation lacks want; why says what that quotation should
// have been.
func opensWith(t *testing.T, rec string, n int, q, want, why string) *Answer {
	t.Helper()
	ans := askRecord(t, rec, n, q)
	if first := firstQuote(ans.Text); !strings.Contains(first, want) {
		t.Errorf("the first quotation is not %s:\n%s", why, ans.Text)
	}
	return ans
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestReportPeriodReachesPublication: a period written just before the
// report it covers ("april 2023 cpi") is searched reportLag days past it,
// when the report is published; one that says when words were said is
// not.
func TestReportPeriodReachesPublication(t *testing.T) {
	end := day("2024-05-15")
	for _, tt := range []struct{ q, until string }{
		{"what did the minister say in his statement on april 2023 cpi", "2023-05-31"},
		{"minister's statment on may 2023 jobs report, what did he stress", "2023-07-01"},
		{"what did the minister say about inflation in april 2023", "2023-04-30"},
		{"in april 2023, inflation: what did the minister say", "2023-04-30"},
		// A day or a year, a report word going on into a noun or a verb
		// of its own, name no report's period.
		{"what did the minister say on may 3 2023 jobs bill", "2023-05-03"},
		{"what did the minister say in may 2023 inflation was high", "2023-05-31"},
		{"what did the minister say in 2023 inflation reduction act", "2023-12-31"},
	} {
		c := ReadQuestion(tt.q, nil, end)
		if got := dateString(c.Options(retrieval.SearchOptions{}).Until); got != tt.until {
			t.Errorf("%q: searched until %s, want %s", tt.q, got, tt.until)
		}
	}
}

func TestReadQuestionPeriods(t *testing.T) {
	end := day("2024-05-15") // the record's latest document
	tests := []struct {
		q            string
		since, until string // "" for open
		phrase       string
	}{
		{"What did the spokesperson say in April 2023?", "2023-04-01", "2023-04-30", "in April 2023"},
		{"what did she say in sept 2021", "2021-09-01", "2021-09-30", "in sept 2021"},
		{"Who spoke on September 13, 2022 about the border?", "2022-09-13", "2022-09-13", "on September 13, 2022"},
		{"What was said on 13 September 2022?", "2022-09-13", "2022-09-13", "on 13 September 2022"},
		// A part's edges inside the month or year are widened
		// (widenPart): "late September" takes in the 18th–20th.
		{"What happened in late September 2023?", "2023-09-18", "2023-09-30", "in late September 2023"},
		{"what happened in mid march 2022", "2022-03-08", "2022-03-23", "in mid march 2022"},
		// A part needs no preposition: "… after that storm end of dec
		// 2023"; "end" without "of" is no part.
		{"quote her on the canal after that storm end of dec 2023", "2023-12-18", "2023-12-31", "end of dec 2023"},
		{"what did she say start of 2022 on the canal", "2022-01-01", "2022-05-15", "start of 2022"},
		{"what was the end date of the canal talks", "", "", ""},
		{"what did she say about the deadline end of 2025 for the canal", "", "", ""},
		{"what is the plan for the beginning of 2025 canal transition", "", "", ""},
		{"what did she say the end of dec 2023 about the canal", "2023-12-18", "2023-12-31", "the end of dec 2023"},
		{"what was said in early july 2021", "2021-07-01", "2021-07-13", "in early july 2021"},
		{"How many had crossed by the end of September 2023?", "", "2023-09-30", "by the end of September 2023"},
		{"What did they promise early 2022?", "2022-01-01", "2022-05-15", "early 2022"},
		{"What did they say in mid-2022?", "2022-04-16", "2022-09-15", "in mid-2022"},
		{"What was said between March and May 2022?", "2022-03-01", "2022-05-31", "between March and May 2022"},
		{"What was said between January 2021 and June 2022?", "2021-01-01", "2022-06-30", "between January 2021 and June 2022"},
		{"What has been said since 2024?", "2024-01-01", "", "since 2024"},
		{"What was said after March 2024?", "2024-04-01", "", "after March 2024"},
		{"What was said before June 2023?", "", "2023-05-31", "before June 2023"},
		// "Before" and "after" that mark the moment of a change asked
		// about: the period is that moment, when the change is announced.
		{"What was the toll before May 2024 and what did it become?", "2024-05-01", "2024-05-31", "before May 2024"},
		{"what was the toll before may 2024 and what did it go up to", "2024-05-01", "2024-05-31", "before may 2024"},
		{"the toll before and after March 2024", "2024-03-01", "2024-03-31", "after March 2024"},
		{"What did the minister say in 2021?", "2021-01-01", "2021-12-31", "in 2021"},
		{"What did the president say on Remembrance Day 2025?", "2025-01-01", "2025-12-31", "2025"},
		// A season before the closing year is the period, not the year.
		{"how many were freed in the prisoner exchange of summer 2023", "2023-06-01", "2023-08-31", "summer 2023"},
		{"what did they say about the storms of the fall of 2022", "2022-09-01", "2022-11-30", "fall of 2022"},
		{"what did he say last week", "2024-05-09", "2024-05-15", "last week"},
		{"what did he say last wk", "2024-05-09", "2024-05-15", "last week"},
		{"What was said last month?", "2024-04-01", "2024-04-30", "last month"},
		{"What was said last mo?", "2024-04-01", "2024-04-30", "last month"},
		{"What was said last year?", "2023-01-01", "2023-12-31", "last year"},
		{"anything in the past 30 days?", "2024-04-16", "2024-05-15", "in the past 30 days"},
		{"what did she say in the last two weeks", "2024-05-02", "2024-05-15", "in the last two weeks"},
		{"anything on the canal over the last couple of weeks", "2024-05-02", "2024-05-15", "over the last couple of weeks"},
		{"what was said in the past few days", "2024-05-13", "2024-05-15", "in the past few days"},
		{"What was said this year?", "2024-01-01", "2024-05-15", "this year"},
		// A month and a year in two digits, as chat writes them; "on"
		// before them is a day.
		{"what did she tell them when they met in march 21", "2021-03-01", "2021-03-31", "in march 21"},
		{"after the meeting in oct 22, when did they start", "2022-10-01", "2022-10-31", "in oct 22"},
		{"what did she say on oct 22", "", "", ""},
		{"what did she say in march 31", "", "", ""}, // after the record: a day
		// A date opening the question frames it.
		{"april 2023, what was the line on the canal toll", "2023-04-01", "2023-04-30", "april 2023"},
		{"sept 2021 - who spoke for the ministry", "2021-09-01", "2021-09-30", "sept 2021"},
		// A month and year with no preposition date the statement unless
		// an article or possessive before them or a noun after them makes
		// them a thing's.
		{"exact words from her on the plane oct 2021 about the canal toll", "2021-10-01", "2021-10-31", "oct 2021"},
		{"canal visit dec 2022 what did she give them", "2022-12-01", "2022-12-31", "dec 2022"},
		{"what did she say when asked why the deal would work (sept 2022)", "2022-09-01", "2022-09-30", "sept 2022"},
		{"what did the feb 2022 canal report say", "", "", ""},
		{"what did she ask for on their march 2023 call", "", "", ""},
		{"how many ships passed before the minister's oct 31 2023 briefing", "", "", ""},
		{"when did the canal toll oct 2023 rise take effect", "", "", ""},
		{"did they give the same toll on October 10 and October 11, 2023?", "", "", ""},
		// One end of a range is no period of its own.
		{"what did she say on the canal dec 2021 through march 2022", "", "2022-03-31", "through march 2022"},
		// A relative period counted from an event the question names.
		{"what did she say in the last few days before the canal vote", "", "", ""},
		{"what did she say in the last two years of the canal talks", "", "", ""},
		// A year that names a thing is no period.
		{"How many people died in the 2020 war?", "", "", ""},
		{"What did the statement of 1915 say?", "", "", ""},
		{"Who said it in May?", "", "", ""},
		{"What may happen to the talks?", "", "", ""},
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, nil, end)
		got := [2]string{dateString(c.Period.Since), dateString(c.Period.Until)}
		if got != [2]string{tt.since, tt.until} || c.Period.Phrase != tt.phrase {
			t.Errorf("%q: period %v %q, want [%s %s] %q", tt.q, got, c.Period.Phrase, tt.since, tt.until, tt.phrase)
		}
		if tt.phrase != "" && strings.Contains(c.Search, tt.phrase) {
			t.Errorf("%q: the period %q is still searched for: %q", tt.q, tt.phrase, c.Search)
		}
	}
}

// TestPeriodTakesBack: "back" before a period says the period is past and
// goes with it from the searched words; after a verb it completes ("came
// back in 2023") it stays.
func TestPeriodTakesBack(t *testing.T) {
	end := day("2031-12-31")
	for q, back := range map[string]bool{
		"back in march 2031 quill spoke to the harbour council, what did she say": false,
		"what did quill say about the canal deal way back in 2030":                false,
		"what did quill say about the canal deal, back in 2030":                   false,
		"when did quill come back in 2031 to the harbour":                         true,
		"when was the ferry turned back in 2031":                                  true,
		"when was the seat won back in 2031":                                      true,
	} {
		c := ReadQuestion(q, nil, end)
		if c.Period.IsZero() {
			t.Errorf("%q: no period read", q)
		}
		words := strings.Fields(c.Search)
		if slices.Contains(words, "back") != back || slices.Contains(words, "way") {
			t.Errorf("%q: searched for %q, want back kept %v", q, c.Search, back)
		}
	}
}

func TestReadQuestionOrderAndWant(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	tests := []struct {
		q     string
		order Order
		want  AnswerType
	}{
		{"When did Quillfeather first mention the canal talks?", OrderFirst, WantDate},
		{"What did she say the first time she spoke on the canal?", OrderFirst, WantQuotation},
		{"What was the earliest statement on the canal talks?", OrderFirst, WantAny},
		{"when did quillfeather 1st bring up the canal talks", OrderFirst, WantDate},
		// "1st" as a day is no order.
		{"what did quillfeather say on march 1st", OrderAny, WantQuotation},
		{"what did quillfeather say on the 1st", OrderAny, WantQuotation},
		{"what did quillfeather say on the 1st of march", OrderAny, WantQuotation},
		{"What was the last thing Quillfeather said about the canal?", OrderLast, WantQuotation},
		{"what's the most recent time sullivan talked to grigoryan", OrderLast, WantAny},
		{"What is the latest on the grain stores?", OrderLast, WantAny},
		// "Why" asks a reason; a "when" after it is a clause, unless a
		// question of its own follows a break.
		{"why did quillfeather want oakhollow to stay on when she took office", OrderAny, WantAny},
		// A "when" clause before the question's thing asked.
		{"When Quillfeather opened the canal, what exact words did she quote the pilot using?", OrderAny, WantQuotation},
		{"when quillfeather met oakhollow what gift did she give him", OrderAny, WantAny},
		{"when quillfeather met oakhollow what time did they sign", OrderAny, WantDate},
		{"quillfeather said why the canal closed - when was that", OrderAny, WantDate},
		{"why and when did quillfeather pause the canal tolls", OrderAny, WantDate},
		{"why did quillfeather call it \"a big deal\" when she opened the canal", OrderAny, WantAny},
		{"why did quillfeather commit $5 billion when she opened the canal", OrderAny, WantAny},
		{"why did quillfeather close the canal. when was it", OrderAny, WantDate},
		{"why did quillfeather close the canal, and when did she", OrderAny, WantDate},
		{"why, when quillfeather took office, did she keep the tolls", OrderAny, WantAny},
		{"why did the u.s. pull out when quillfeather took office", OrderAny, WantAny},
		{"what has quillfeather said recently about the canal", OrderLast, WantQuotation},
		// A "when" clause that sets the time of the question after it.
		{"when quillfeather went to lisbon what did she say about the canal", OrderAny, WantQuotation},
		{"when quillfeather went to lisbon, how many boats did she count", OrderAny, WantNumber},
		{"when quillfeather went to lisbon", OrderAny, WantDate},
		{"when was quillfeather in lisbon and what did she say", OrderAny, WantDate},
		{"when and where did quillfeather meet oakhollow", OrderAny, WantDate},
		{"when exactly was the canal summit and what was agreed", OrderAny, WantDate},
		{"when in 2023 did quillfeather visit lisbon and what did she say", OrderAny, WantDate},
		{"when roughly did quillfeather visit lisbon, and how many boats did she count", OrderAny, WantDate},
		{"when u think quillfeather first said what the goal was", OrderFirst, WantDate},
		{"when the talks ended, what did quillfeather say", OrderAny, WantQuotation},
		{"when quillfeather was in lisbon march 2022 who thanked her", OrderAny, WantPerson},
		{"when quillfeather went to lisbon who said the canal was open", OrderAny, WantPerson},
		// A "when" clause that sets the time of a yes/no question.
		{"when quillfeather opened the canal in nov 2021 did oakhollow open one too?", OrderAny, WantYesNo},
		{"when the talks ended, was quillfeather there", OrderAny, WantYesNo},
		{"when quillfeather was asked about it did she say yes", OrderAny, WantYesNo},
		{"when quillfeather was in lisbon", OrderAny, WantDate},
		// The clause's own verb after "will", "would" or a participle is
		// no question of its own; nor a request after an opening phrase.
		{"when the new canal rule will take effect", OrderAny, WantDate},
		{"when quillfeather said she would sign it", OrderAny, WantDate},
		{"when the canal deal was done", OrderAny, WantDate},
		{"on the canal can i get the quote where quillfeather said it", OrderAny, WantQuotation},
		{"in 2022 whose idea was the canal", OrderAny, WantAny},
		{"so in march 2024 did quillfeather say she'd sign it", OrderAny, WantYesNo},
		{"during the trip where quillfeather met oakhollow did they discuss the canal", OrderAny, WantYesNo},
		{"during the trip, where did quillfeather meet oakhollow", OrderAny, WantPlace},
		{"in 2023 where was quillfeather", OrderAny, WantPlace},
		// A phrase that sets the time or the occasion of a yes/no question.
		{"in march 2024 did quillfeather say she'd sign the canal pact right away", OrderAny, WantYesNo},
		{"during quillfeather's lisbon trip for the regatta, did she get into the tolls?", OrderAny, WantYesNo},
		{"Under the canal pact, is Oakhollow getting new locks?", OrderAny, WantYesNo},
		{"jan 2022 before the floods, did quillfeather tell oakhollow the canal was shutting", OrderAny, WantYesNo},
		{"in what year did quillfeather open the canal", OrderAny, WantDate},
		{"in march 2024 what did quillfeather say about the canal", OrderAny, WantQuotation},
		{"what dates was the canal summit", OrderAny, WantDate},
		// The words themselves.
		{"whats the exact wording quillfeather used to slam the canal ruling", OrderAny, WantQuotation},
		{"what was quillfeather's canal line word for word", OrderAny, WantQuotation},
		{"whats the exact catchphrase in the canal fact sheet", OrderAny, WantQuotation},
		// What someone said; a question word after it asks within it.
		{"give me what quillfeather said about the canal tolls", OrderAny, WantQuotation},
		{"Give me what Quillfeather said about how long the locks were shut.", OrderAny, WantNumber},
		{"how does that compare to what the canal report said the tolls would save", OrderAny, WantAny},
		{"what the press sec told reporters about the canal", OrderAny, WantQuotation},
		{"what quillfeather said about the canal - when was that", OrderAny, WantDate},
		{"what said the canal was shut", OrderAny, WantAny},
		// A calling or a post asks for a person.
		{"which poet did quillfeather quote at the canal dinner", OrderAny, WantPerson},
		{"which archbishop got put on the canal board", OrderAny, WantPerson},
		// Which of two, not yes or no.
		{"did quillfeather or oakhollow open the canal", OrderAny, WantAny},
		{"in that poll, was the canal or the bridge more popular", OrderAny, WantAny},
		{"did the freeze hit the canal or the bridge?", OrderAny, WantYesNo},
		{"was quillfeather gonna open the canal later or nah", OrderAny, WantYesNo},
		{"is it open or not", OrderAny, WantYesNo},
		{"did quillfeather comment or anything", OrderAny, WantYesNo},
		{"is that true or false", OrderAny, WantYesNo},
		{"was it 2021 or so", OrderAny, WantYesNo},
		{"whats the deadline quillfeather gave to sign up for the canal pass", OrderAny, WantDate},
		{"quillfeather said the canal was done already when oakhollow came in, how done was it", OrderAny, WantAny},
		// An adverb between the question word and its auxiliary.
		{"what exactly did quillfeather say when asked why the canal deal would work", OrderAny, WantQuotation},
		{"what really did quillfeather say about the canal", OrderAny, WantQuotation},
		{"Who spoke most recently about the bridge?", OrderLast, WantPerson},
		// Not orders: a period, a pointer, a figure, a title.
		{"What did she say last week?", OrderAny, WantQuotation},
		{"How long would the first one last?", OrderAny, WantNumber},
		{"What happened in the first 100 days?", OrderAny, WantAny},
		{"who built the first-ever permanent canal lock", OrderAny, WantPerson},
		{"what did they say about quillton's first ever canal lock", OrderAny, WantQuotation},
		{"when did quillfeather first ever mention the canal lock", OrderFirst, WantDate},
		{"what did quillfeather say about the recently signed canal deal", OrderAny, WantQuotation},
		{"was the canal open until recently", OrderAny, WantYesNo},
		{"was the canal open until very recently", OrderAny, WantYesNo},
		{"was quillfeather against the canal as recently as 2023", OrderAny, WantYesNo},
		{"what did quillfeather say about the recently built canal", OrderAny, WantQuotation},
		{"who has quillfeather recently met with", OrderLast, WantPerson},
		{"what was the 1st thing quillfeather said about the canal", OrderFirst, WantQuotation},
		{"How many people crossed into Armenia?", OrderAny, WantNumber},
		{"How much did the tolls cost?", OrderAny, WantNumber},
		{"Where did the canal talks open?", OrderAny, WantPlace},
		// A polite request asks what its imperative asks; a wh-word
		// after a verb and its object, or opening a second question
		// after "and", is asked too.
		{"can you tell me when the canal summit was held", OrderAny, WantDate},
		{"could you tell me who leads the canal delegation", OrderAny, WantPerson},
		{"can u tell me which country hosted the canal talks", OrderAny, WantPlace},
		{"can you quote quillfeather on the canal tolls", OrderAny, WantQuotation},
		{"would you please give me quillfeather's exact words on the canal", OrderAny, WantQuotation},
		{"can you tell me whether quillfeather backed the canal deal", OrderAny, WantYesNo},
		{"can the canal take bigger ships", OrderAny, WantYesNo},
		{"did they tell us who ran the canal talks", OrderAny, WantPerson},
		{"did they meet and when was it", OrderAny, WantDate},
		{"Who said the festival is open to all?", OrderAny, WantPerson},
		// A "who" after a word of content may tell which people, when
		// a later question word asks after a break.
		{"quillfeather had a line for ppl who were holding out for the canal — what were her exact words", OrderAny, WantQuotation},
		{"a student who hated the canal told her something — what exactly did the kid say", OrderAny, WantQuotation},
		{"a student who hated the canal told her something, when was that", OrderAny, WantDate},
		{"quill's line for ppl who were holding out, what were her exact words", OrderAny, WantQuotation},
		{"name the official who opened the canal", OrderAny, WantPerson},
		{"tell me who opened the canal and when", OrderAny, WantPerson},
		{"at the canal summit who hosted and where was it held", OrderAny, WantPerson},
		{"canal toll vote who voted no and how many abstained", OrderAny, WantPerson},
		{"what were quillfeather's words on the canal", OrderAny, WantQuotation},
		{"what did quillfeather praise oakhollow for when they met", OrderAny, WantAny},
		{"what gift did quillfeather give oakhollow when they met in fernvale", OrderAny, WantAny},
		{"which canal treaty was signed when the talks ended", OrderAny, WantAny},
		// The thing asked named before the auxiliary leaves a second
		// question joined on, and the words asked for, as they were.
		{"what quotes did quillfeather give when he met oakhollow", OrderAny, WantQuotation},
		{"what verbatim remarks did quillfeather make", OrderAny, WantQuotation},
		{"which senator was it who praised the canal", OrderAny, WantPerson},
		{"what canal sanctions did they impose and when", OrderAny, WantDate},
		{"what canal summit was it, and when was it held", OrderAny, WantDate},
		{"what gift did he give when", OrderAny, WantDate},
		// After "kind of", or an adverb of the asking; a phrase asked
		// for is words.
		{"what kind of deal did quillfeather sign when she met oakhollow", OrderAny, WantAny},
		{"what sort of gift did quillfeather give when they met", OrderAny, WantAny},
		{"what exact gift did quillfeather give when they met", OrderAny, WantAny},
		{"what exact phrase did quillfeather use when the canal opened", OrderAny, WantQuotation},
		{"what kind of deal did they sign and when", OrderAny, WantDate},
		{"what canal treaty did they sign and where", OrderAny, WantPlace},
		{"what grain aid did they send and how much was it", OrderAny, WantNumber},
		{"which president signed the canal treaty", OrderAny, WantPerson},
		{"what happened when quillfeather met oakhollow", OrderAny, WantAny},
		{"what happened and when", OrderAny, WantDate},
		{"which leaders did quillfeather meet when he was in fernvale", OrderAny, WantPerson},
		{"what ambassadors came to the canal opening", OrderAny, WantPerson},
		{"Quote Quillfeather's exact words on the canal talks.", OrderAny, WantQuotation},
		{"Give his words.", OrderAny, WantQuotation},
		{"Did Quillfeather say the talks would open in Lisbon?", OrderAny, WantYesNo},
		{"Is the bridge open?", OrderAny, WantYesNo},
		{"didnt the talks open in lisbon", OrderAny, WantYesNo},
		{"Wasn’t the bridge open?", OrderAny, WantYesNo},
		// An instruction is no question.
		{"dont paraphrase, quote quillfeather on the canal", OrderAny, WantQuotation},
		{"don't summarize: how many barges crossed the canal", OrderAny, WantNumber},
		// After a yes/no word, a wh-word opens a clause, unless a verb of
		// saying or knowing embeds it or it closes the question.
		{"did quillfeather and the minister talk about the grain when she visited in may", OrderAny, WantYesNo},
		{"was it quillfeather who opened the canal", OrderAny, WantYesNo},
		{"did quillfeather say when the canal would open", OrderAny, WantDate},
		{"do we know who built the bridge", OrderAny, WantPerson},
		{"did they say how many boats crossed", OrderAny, WantNumber},
		{"did the talks open, and when?", OrderAny, WantDate},
		{"is there any word on when the canal reopens", OrderAny, WantDate},
		{"did the ministry give a date for when the toll rises", OrderAny, WantDate},
		{"In which city did the talks open?", OrderAny, WantPlace},
		{"What date did the talks open?", OrderAny, WantDate},
		// The noun asked for after one or two modifiers.
		{"which architecture firm did quillfeather pick for the canal", OrderAny, WantPerson},
		// Three modifiers, a person as chat names one, and a "when" of a
		// clause after it.
		{"which canal pilots union guy said the locks are slower than when the strike began", OrderAny, WantPerson},
		{"what border town did the minister visit", OrderAny, WantPlace},
		{"what canal toll rise did they announce", OrderAny, WantAny},
		// What a quantity was asks for a figure.
		{"What was the unemployment rate in February?", OrderAny, WantNumber},
		{"what's the death toll of the flood", OrderAny, WantNumber},
		// A clause of its own after the quantity, and "whats" typed
		// without its apostrophe.
		{"whats the official death toll the ministry gave for the flood", OrderAny, WantNumber},
		{"what was the toll they announced", OrderAny, WantNumber},
		// A vote's count, the compound's quantity nouns read together.
		{"what was the senate vote tally when quillfeather got confirmed", OrderAny, WantNumber},
		// A verb's -ing form opens a clause after the quantity too.
		{"what was the senate vote tally confirming quillfeather to the canal board", OrderAny, WantNumber},
		// Not after a price or a cost, which the -ing form compounds.
		{"what is the price gouging ban quillfeather proposed", OrderAny, WantAny},
		// The vote alone asks as often for the outcome.
		{"what was the vote on the canal resolution", OrderAny, WantAny},
		{"what was the exact senate vote count on the canal amendment", OrderAny, WantNumber},
		{"What was the rate hike about?", OrderAny, WantAny},
		{"What is the grain price policy?", OrderAny, WantAny},
		{"what price was the cap set at", OrderAny, WantNumber},
		{"Which rate did the bank set?", OrderAny, WantNumber},
		{"What percentage?", OrderAny, WantNumber},
		{"What rate hike did they announce?", OrderAny, WantAny},
		// A "when" or "who" of a clause after the question's own word.
		{"what did quillfeather praise the minister for when she met him", OrderAny, WantAny},
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, pp, day("2024-05-15"))
		if c.Order != tt.order || c.Want != tt.want {
			t.Errorf("%q: order %q want %q, expected %q and %q", tt.q, c.Order, c.Want, tt.order, tt.want)
		}
	}
}

// TestNamedFirstIsNoOrder: "first" and the word after it that the record
// writes as a name ("the First Circuit") ask about that name, not for the
// earliest statement; "first" before a word the record writes in lower
// case is an order still.
func TestNamedFirstIsNoOrder(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	pp.wordUse = func(words []string) wordUse {
		return wordUse{name: words[0] == "first circuit" || words[0] == "first step act"}
	}
	for _, tt := range []struct {
		q     string
		order Order
	}{
		{"what was the senate vote tally confirming quillfeather to the first circuit", OrderAny},
		{"what did the minister say about the first circuit ruling on the canal", OrderAny},
		{"what was the first ruling on the canal", OrderFirst},
		{"what did the minister say about the first step act", OrderAny},
		{"what was the first step the minister took on the canal", OrderFirst},
		{"when did quillfeather first speak about the canal", OrderFirst},
	} {
		if c := ReadQuestion(tt.q, pp, day("2024-05-15")); c.Order != tt.order {
			t.Errorf("%q: order %q, want %q", tt.q, c.Order, tt.order)
		}
	}
}

func TestReadQuestionSpeakers(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	tests := []struct {
		q       string
		speaker string // whose words are asked for ("" none)
		asked   string
		holders int // holders listed when a title is ambiguous
		named   []string
	}{
		{"What did Zara Quillfeather say about the canal talks?", "Zara Quillfeather", "Zara Quillfeather", 0, []string{"Zara Quillfeather"}},
		{"What did Quillfeather say about the canal talks?", "Zara Quillfeather", "Quillfeather", 0, []string{"Zara Quillfeather"}},
		{"what did quillfeather say abt the canal", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// Read as written out: "what'd" asks "what did".
		{"what'd quillfeather say abt the canal", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// A negated opener asks as "did" does.
		{"didn't quillfeather say the canal talks would fail", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// A possessive typed without its apostrophe.
		{"what was quillfeathers response on the canal", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// A name's initial is no chat shorthand ("w" for "with").
		{"what did zara w quillfeather say abt the canal", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		{"Quote Ms. Quillfeather's exact words on the canal talks.", "Zara Quillfeather", "Quillfeather", 0, []string{"Zara Quillfeather"}},
		{"According to Bram Oakhollow, when will the bridge reopen?", "Bram Oakhollow", "Bram Oakhollow", 0, []string{"Bram Oakhollow"}},
		{"Has Oakhollow ever commented on the canal?", "Bram Oakhollow", "Oakhollow", 0, []string{"Bram Oakhollow"}},
		{"Did Quillfeather think the talks would fail?", "Zara Quillfeather", "Quillfeather", 0, []string{"Zara Quillfeather"}},
		// An adverb or a reflexive between the name and the verb.
		{"What did Zara Quillfeather personally say about the canal talks?", "Zara Quillfeather", "Zara Quillfeather", 0, []string{"Zara Quillfeather"}},
		{"did quillfeather herself say the talks would fail", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// As a chat asks: the progressive, "been", talking about, a take.
		{"what was quillfeather saying about the canal talks", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		{"what has quillfeather been saying about the canal", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		{"quillfeather talking about the canal talks in april", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// Not a passive after "been", nor a name after a preposition,
		// nor "talks" the noun.
		{"has quillfeather been called a hero", "", "", 0, []string{"Zara Quillfeather"}},
		{"what was the reaction to quillfeather saying the talks would fail", "", "", 0, []string{"Zara Quillfeather"}},
		// The words before the name still ask for hers.
		{"quote quillfeather speaking on the canal talks", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		{"what did the ministry say about the quillfeather talks on the canal", "", "", 0, []string{"Zara Quillfeather"}},
		// A title resolved by the period.
		{"What did the press secretary say about the harvest festival in 2022?", "Ada Brightwater", "press secretary", 0, []string{"Ada Brightwater"}},
		{"What did the press secretary say about the harvest festival in 2024?", "Milo Fenwick", "press secretary", 0, []string{"Milo Fenwick"}},
		{"What did the press secretary say about the harvest festival?", "", "press secretary", 2, nil},
		// A possessive before the post stands for its article.
		{"what did quillfeather's press secretary say about the festival in 2022", "Ada Brightwater", "press secretary", 0, []string{"Zara Quillfeather", "Ada Brightwater"}},
		{"what did quillton's press secretary say about the festival in 2022", "Ada Brightwater", "press secretary", 0, []string{"Ada Brightwater"}},
		// Named, but not as the speaker.
		{"When did Quillfeather meet the Freedonian envoy?", "", "", 0, []string{"Zara Quillfeather"}},
		{"What did the minister of Freedonia say?", "", "", 0, nil},
		// "put" frames words only with "it"/"that": with a thing for its
		// object it is what someone did.
		{"How did Quillfeather put it?", "Zara Quillfeather", "Quillfeather", 0, []string{"Zara Quillfeather"}},
		{"What duty did Quillfeather put on every canal boat?", "", "", 0, []string{"Zara Quillfeather"}},
		// "call" asked of a person is a telephone call; of a thing, a name.
		{"who was the first minister quillfeather called once in office", "", "", 0, []string{"Zara Quillfeather"}},
		{"What did Quillfeather call it?", "Zara Quillfeather", "Quillfeather", 0, []string{"Zara Quillfeather"}},
		{"who did quillfeather call a hero", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// Abbreviations in capitals do not show that the writer
		// capitalises names: the surname in lower case is still hers.
		{"what did quillfeather say on AF1 about the canal talks", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		{"what did quillfeather say about NATO", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// A statement someone else answers is not the one asked for.
		{"what did the envoy say back to quillfeather's statement on the canal", "", "", 0, []string{"Zara Quillfeather"}},
		{"what did the envoy say about quillfeather's remarks", "", "", 0, []string{"Zara Quillfeather"}},
		{"what was in quillfeather's statement on the canal", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// A call to a person the question names is a telephone call.
		{"lol remind me, quillfeather called oakhollow in april for what holiday", "", "", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		{"what did quillfeather call oakhollow", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		{"so what has quillfeather called oakhollow", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		{"quillfeather called oakhollow a traitor, when", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		{"when did quillfeather call envoy oakhollow", "", "", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		// A call still: a clause before it, a time after the person.
		{"what did they discuss when quillfeather called oakhollow", "", "", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		{"when did quillfeather call oakhollow a second time", "", "", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		{"quillfeather called oakhollow a few days after the flood, what did they discuss", "", "", 0, []string{"Zara Quillfeather", "Bram Oakhollow"}},
		// "tell me about" asks for the statement after it.
		{"tell me about quillfeather's remarks on the canal", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// A capital at the start shows a writer who capitalises names, or
		// a phone's keyboard: a surname whose words are asked for is read.
		{"What did the minister say about the oakhollow canal?", "", "", 0, nil},
		{"What did quillfeather say about the canal?", "Zara Quillfeather", "quillfeather", 0, []string{"Zara Quillfeather"}},
		// Capitalised words that are not the record's people.
		{"Give his words.", "", "", 0, nil},
		{"What did the American envoy say at Christmas about Airlines?", "", "", 0, nil},
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, pp, day("2024-05-15"))
		got := ""
		if c.Speaker != nil {
			got = c.Speaker.Name
		}
		var named []string
		for _, p := range c.Named {
			named = append(named, p.Name)
		}
		if got != tt.speaker || !strings.EqualFold(c.SpeakerAsked, tt.asked) || len(c.Holders) != tt.holders || strings.Join(named, ",") != strings.Join(tt.named, ",") {
			t.Errorf("%q: speaker %q asked %q holders %v named %v; want %q %q %d %v", tt.q, got, c.SpeakerAsked, c.Holders, named, tt.speaker, tt.asked, tt.holders, tt.named)
		}
	}
}

// TestReadQuestionOfficeNamesAndPronouns: an office abbreviation used as
// a name ("potus") is the post's holder then, and the one person a
// question names is the speaker its pronoun's words are asked of.
func TestReadQuestionOfficeNamesAndPronouns(t *testing.T) {
	data, err := os.ReadFile("testdata/constraints.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, []byte(`{"id": "pres-1.txt", "title": "Remarks by President Orla Vantwist on the canal", "outlet": "Nowhereland Ministry", "date": "2023-06-01", "speakers": [{"name": "Orla Vantwist", "title": "President"}], "text": "President Orla Vantwist said the canal would stay open to every boat."}`+"\n")...)
	data = append(data, []byte(`{"id": "pres-2.txt", "title": "Remarks by President Orla Vantwist on the bridge", "outlet": "Nowhereland Ministry", "date": "2023-07-01", "speakers": [{"name": "Orla Vantwist", "title": "President"}], "text": "President Orla Vantwist said the bridge would reopen in the autumn."}`+"\n")...)
	pp := buildPeople(jsonlDocs(t, data, 10))
	tests := []struct {
		q, speaker, asked string
	}{
		{"what did potus say about the canal in 2023", "Orla Vantwist", "potus"},
		{"Potus in 2023 - what did he say about the canal", "Orla Vantwist", "Potus"},
		// Not after a rank, an article or another word.
		{"what did a former potus say about the canal in 2023", "", ""},
		{"what did freedonia prez say about the canal in 2023", "", ""},
		{"What did the president say about the canal in 2023?", "Orla Vantwist", "the president"},
		// A one-word title that is not an office's name needs its article.
		{"what did president say about the canal in 2023", "", ""},
		{"quillfeather in april 2023 - what did she say about the canal", "Zara Quillfeather", "quillfeather"},
		{"oakhollow on the bridge, what has he said", "Bram Oakhollow", "oakhollow"},
		// Two people named, or one met on the way: whose words "he"
		// asks for is not said.
		{"quillfeather met oakhollow, what did he say", "", ""},
		{"quillfeather was asked about the freedonian ceo in 2023, what did he say", "", ""},
		{"quillfeather met the crown prince in 2023 - what did he say", "", ""},
		// A pronoun that asks nothing of anyone's words.
		{"quillfeather in april 2023 - did she go to lisbon", "", ""},
		// Words someone used are theirs to quote; a thing used is not.
		{"what two words did quillfeather use for the canal", "Zara Quillfeather", "quillfeather"},
		{"the exact words quillfeather used about the canal", "Zara Quillfeather", "quillfeather"},
		{"what boats did quillfeather use on the canal", "", ""},
		{"which shipping line did quillfeather use", "", ""},
		{"what terms did quillfeather use for the loan", "", ""},
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, pp, day("2024-05-15"))
		got := ""
		if c.Speaker != nil {
			got = c.Speaker.Name
		}
		if got != tt.speaker || !strings.EqualFold(c.SpeakerAsked, tt.asked) {
			t.Errorf("%q: speaker %q asked %q; want %q %q", tt.q, got, c.SpeakerAsked, tt.speaker, tt.asked)
		}
	}
	// A post's holder is named, and marked as named by the post.
	for q, want := range map[string][2]string{
		"what day was potus hosting quillfeather in 2023":                       {"Orla Vantwist,Zara Quillfeather", "Orla Vantwist"},
		"when did quillfeather go to lisbon in 2023":                            {"Zara Quillfeather", ""},
		"what day was potus hosting quillfeather in 2023, orla vantwist i mean": {"Orla Vantwist,Zara Quillfeather", ""},
	} {
		c := ReadQuestion(q, pp, day("2024-05-15"))
		var named, posts []string
		for _, p := range c.Named {
			named = append(named, p.Name)
		}
		for _, p := range c.Posts {
			posts = append(posts, p.Name)
		}
		if got := [2]string{strings.Join(named, ","), strings.Join(posts, ",")}; got != want {
			t.Errorf("%q: named, by post %q, want %q", q, got, want)
		}
	}
}

func TestReadQuestionOutletAndTopic(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	c := ReadQuestion("What did the Nowhereland Palace say about the grain stores in 2022?", pp, day("2024-05-15"))
	if c.Outlet != "Nowhereland Palace" || c.Topic != "the grain stores" {
		t.Errorf("outlet %q topic %q", c.Outlet, c.Topic)
	}
	o := c.Options(retrieval.SearchOptions{Since: day("2022-03-01")})
	if !o.Since.Equal(day("2022-03-01")) || !o.Until.Equal(day("2022-12-31")) || o.Outlet != "Nowhereland Palace" {
		t.Errorf("options %+v: the caller's narrower filter and the question's must both hold", o)
	}
}

// Chat shorthand is spelt out before the search, and "Jill Biden" is not
// "Joe Biden".
func TestReadQuestionCasualAndNames(t *testing.T) {
	c := ReadQuestion("yo what did the minister say abt the bridge pls", nil, time.Time{})
	if c.Search != "what did the minister say about the bridge" {
		t.Errorf("search %q", c.Search)
	}
	docs := constraintDocs(t)
	docs = append(docs,
		&corpus.Document{ID: "j1", Speakers: []corpus.Speaker{{Name: "Joe Sample"}, {Name: "Joseph R. Sample"}}},
		&corpus.Document{ID: "j2", Speakers: []corpus.Speaker{{Name: "Joe Sample"}, {Name: "Jill Sample"}}},
		&corpus.Document{ID: "j3", Speakers: []corpus.Speaker{{Name: "Joe Sample"}, {Name: "Sample"}}},
		// A title that repeats a name does not make the name a title,
		// and an office is no person.
		&corpus.Document{ID: "j4", Speakers: []corpus.Speaker{{Name: "Quinn Marlow", Title: "Spokesperson Quinn Marlow"}, {Name: "White House"}}})
	pp := buildPeople(docs)
	c = ReadQuestion("What did Sample say about the bridge?", pp, time.Time{})
	if c.Speaker == nil || c.Speaker.Name != "Joe Sample" || c.Speaker.Docs < 3 {
		t.Errorf("speaker %+v", c.Speaker)
	}
	if c = ReadQuestion("What did Quinn Marlow say about the bridge?", pp, time.Time{}); c.Speaker == nil || c.Speaker.Name != "Quinn Marlow" {
		t.Errorf("speaker %+v", c.Speaker)
	}
	if c = ReadQuestion("What did the White House say about the bridge?", pp, time.Time{}); c.Speaker != nil {
		t.Errorf("an office taken for a person: %+v", c.Speaker)
	}
	c = ReadQuestion("What did Jill Sample say about the bridge?", pp, time.Time{})
	if c.Speaker == nil || c.Speaker.Name != "Jill Sample" {
		t.Errorf("speaker %+v", c.Speaker)
	}
}

// The speaker's name and verb of saying become the filter, not searched
// words: left in, "Kirby" and "think" match every briefing of theirs, and
// "reporters" every reporter's question.
func TestReadQuestionSearchesWithoutTheFrame(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	for q, want := range map[string]string{
		"Did Quillfeather think the talks would fail?":               "Did the talks would fail?",
		"What did Ms. Quillfeather say about the canal in May 2023?": "What did about the canal",
		"When did Quillfeather meet the envoy?":                      "When did Quillfeather meet the envoy?",
		// Whom the words were told to is no word of them either.
		"What did Quillfeather tell reporters about the canal?":       "What did about the canal?",
		"What did Quillfeather tell the press about the canal?":       "What did about the canal?",
		"What did Quillfeather say to reporters about the canal?":     "What did about the canal?",
		"What did Quillfeather tell the press corps about the canal?": "What did about the canal?",
		"What did Quillfeather tell a reporter on the canal?":         "What did on the canal?",
		"What did Quillfeather tell reporters today about the canal?": "What did today about the canal?",
		// An audience only after "tell", or "say to", and before what was
		// said: these words are the subject's.
		"What did Quillfeather say press freedom means?":                  "What did press freedom means?",
		"What did Quillfeather say the media got wrong about the canal?":  "What did the media got wrong about the canal?",
		"What did Quillfeather tell the media company?":                   "What did the media company?",
		"What did Quillfeather tell the press secretary about the canal?": "What did the press secretary about the canal?",
	} {
		if c := ReadQuestion(q, pp, time.Time{}); c.Search != want {
			t.Errorf("%q searched as %q, want %q", q, c.Search, want)
		}
	}
}

// TestReadQuestionPeriodAsSubject: a date that is the question's subject
// (history long before the record, a year after "about", one of two years
// compared) filters nothing and stays in the searched words; a period near
// the record is still a filter.
func TestReadQuestionPeriodAsSubject(t *testing.T) {
	first, end := day("2021-01-15"), day("2024-05-15")
	tests := []struct {
		q            string
		since, until string // the filter; "" for open
		topic        string // PeriodTopic
	}{
		{"What did the spokesperson say about the massacre in 1915?", "", "", "in 1915"},
		{"What did the spokesperson say about 1915?", "", "", ""},
		{"Did the minister's 2024 message say what the one in 2022 said?", "", "", "in 2022"},
		{"What did the spokesperson say in 2019?", "2019-01-01", "2019-12-31", ""},
		{"What did the spokesperson say in 2022?", "2022-01-01", "2022-12-31", ""},
		{"What did the president say on Remembrance Day 2023?", "2023-01-01", "2023-12-31", ""},
		{"How many died in the 2020 war, as said in 2022?", "2022-01-01", "2022-12-31", ""},
		{"unemployment rate in feb 2022 vs the oct 2022 report", "", "", "in feb 2022"},
		// A period at either end of a comparison dates both sides.
		{"what did the spokesperson say on the canal vs the bridge in april 2023", "2023-04-01", "2023-04-30", ""},
		{"in april 2023, the canal vs the bridge", "2023-04-01", "2023-04-30", ""},
		// When something expires is what a statement says of it, whenever
		// said; what is said in a year is when it was said.
		{"is the canal toll set to expire in 2023?", "", "", "in 2023"},
		{"does the ferry waiver lapse in march 2023", "", "", "in march 2023"},
		{"what did the spokesperson say about the expired waiver in 2023", "2023-01-01", "2023-12-31", ""},
		{"what did the spokesperson say about the toll expiring in march 2023", "2023-03-01", "2023-03-31", ""},
	}
	for _, tt := range tests {
		c := readQuestionFrom(tt.q, nil, first, end, Period{})
		got := [2]string{dateString(c.Period.Since), dateString(c.Period.Until)}
		if got != [2]string{tt.since, tt.until} || c.PeriodTopic != tt.topic {
			t.Errorf("%q: period %v, as subject %q; want [%s %s], %q", tt.q, got, c.PeriodTopic, tt.since, tt.until, tt.topic)
		}
		if tt.topic != "" && !strings.Contains(c.Search, tt.topic) {
			t.Errorf("%q: the subject %q is not searched for: %q", tt.q, tt.topic, c.Search)
		}
	}
}

// TestOutsideCoverage: a period wholly before or after the record's dates
// is said plainly with the record's dates; one that overlaps them is
// searched.
func TestOutsideCoverage(t *testing.T) {
	first, last := day("2021-01-15"), day("2024-05-15")
	tests := []struct {
		q    string
		want string // "" when the period is searched
	}{
		{"What did the spokesperson say in 2019?", "The record has no statement in 2019 (2019-01-01 to 2019-12-31). It covers 2021-01-15 to 2024-05-15."},
		{"What was said about the canal in March 2025?", "The record has no statement in March 2025 (2025-03-01 to 2025-03-31) on the canal. It covers 2021-01-15 to 2024-05-15."},
		{"What was said between 2019 and 2022?", ""},
		{"What was said in 2022?", ""},
		{"What was said about the canal?", ""},
	}
	for _, tt := range tests {
		c := readQuestionFrom(tt.q, nil, first, last, Period{})
		if got := outsideCoverage(c, c.Options(retrieval.SearchOptions{}), first, last); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestReadQuestionTitleBeforeSurname: a title before a surname several
// people share chooses the one the record gives that title most often,
// though the other is quoted in more documents (and titled so once, by a
// parsing slip).
func TestReadQuestionTitleBeforeSurname(t *testing.T) {
	d := func(id, date string, sp ...corpus.Speaker) *corpus.Document {
		return &corpus.Document{ID: id, Date: day(date), Speakers: sp}
	}
	gov := corpus.Speaker{Name: "Odo Quillfeather", Title: "Governor of Nowhereland"}
	lady := corpus.Speaker{Name: "Ida Quillfeather", Title: "First Spouse"}
	slip := corpus.Speaker{Name: "Ida Quillfeather", Title: "Governor"}
	pp := buildPeople([]*corpus.Document{
		d("a", "2023-01-01", gov), d("b", "2023-01-02", gov), d("c", "2023-01-03", gov),
		d("e", "2023-01-04", lady), d("f", "2023-01-05", lady), d("g", "2023-01-06", lady),
		d("h", "2023-01-07", lady), d("i", "2023-01-08", slip), d("j", "2023-01-09", slip),
	})
	tests := []struct{ q, want string }{
		{"What did Governor Quillfeather say about the canal?", "Odo Quillfeather"},
		{"what did governor quillfeather say about the canal", "Odo Quillfeather"},
		{"What did First Spouse Quillfeather say about the canal?", "Ida Quillfeather"},
		{"What did Quillfeather say about the canal?", "Ida Quillfeather"}, // most documents
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, pp, time.Time{})
		if c.Speaker == nil || c.Speaker.Name != tt.want {
			t.Errorf("%q: speaker %+v, want %s", tt.q, c.Speaker, tt.want)
		}
	}
}

// TestReadQuestionOutletNotSearched: the outlet the question names is a
// filter, not searched words (an issuing office such as "the Nowhereland
// Palace" would otherwise match every passage naming the building), and
// it is no person whose words are asked for.
func TestReadQuestionOutletNotSearched(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	tests := []struct{ q, outlet, search string }{
		{"What did the Nowhereland Palace say about the grain stores?", "Nowhereland Palace", "What did say about the grain stores?"},
		{"what did nowhereland ministry say about the canal", "Nowhereland Ministry", "what did say about the canal"},
		{"What was said about the canal?", "", "What was said about the canal?"},
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, pp, time.Time{})
		if c.Outlet != tt.outlet || c.Search != tt.search || c.Speaker != nil && tt.outlet != "" {
			t.Errorf("%q: outlet %q, search %q, speaker %v; want %q, %q, none", tt.q, c.Outlet, c.Search, c.Speaker, tt.outlet, tt.search)
		}
	}
}

// TestReadQuestionSurnameInsideAnotherName: a one-word surname that ends
// another proper name of the question ("Remembrance Day", "Harbour
// Ministry") names nobody; after a title, or opening a name, it does.
func TestReadQuestionSurnameInsideAnotherName(t *testing.T) {
	pp := buildPeople([]*corpus.Document{
		{ID: "a", Speakers: []corpus.Speaker{{Name: "Ivo Day"}}},
		{ID: "b", Speakers: []corpus.Speaker{{Name: "Zara Quillfeather", Title: "Spokesperson"}}},
	})
	tests := []struct {
		q     string
		named bool // whether Ivo Day is named
	}{
		{"What was said on Nowhereland Remembrance Day?", false},
		{"What did Spokesperson Day say about the canal?", true},
		{"What did Day say about the canal?", true},
		{"What did Ivo Day say about the canal?", true},
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, pp, time.Time{})
		named := false
		for _, p := range c.Named {
			named = named || p.Name == "Ivo Day"
		}
		if named != tt.named {
			t.Errorf("%q: Ivo Day named %v, want %v", tt.q, named, tt.named)
		}
	}
}

// A question opening with what to do with the record's words ("compare
// …", "summarize …") searches for what it is about, not for the verb:
// "… compared to last year" answers nothing asked.
func TestInstructionVerbNotSearched(t *testing.T) {
	for _, q := range []string{"compare what quillfeather and fenwick said about the canal", "summarize the canal talks"} {
		c := ReadQuestion(q, nil, time.Time{})
		for _, w := range strings.Fields(c.Search) {
			if instructionVerbs[w] {
				t.Errorf("%q searched as %q", q, c.Search)
			}
		}
		if !strings.Contains(c.Search, "canal") {
			t.Errorf("%q searched as %q, want its subject", q, c.Search)
		}
	}
	if c := ReadQuestion("did quillfeather compare the canal to the bridge", nil, time.Time{}); !strings.Contains(c.Search, "compare") {
		t.Errorf("a verb asked about was dropped: %q", c.Search)
	}
	// A request to the bot is no word of the record.
	for q, want := range map[string]string{
		"lol remind me, quillfeather called oakhollow in april for what holiday": "quillfeather called oakhollow in april for what holiday",
		"tell me who opened the canal":                                           "who opened the canal",
	} {
		if c := ReadQuestion(q, nil, time.Time{}); c.Search != want {
			t.Errorf("%q searched as %q, want %q", q, c.Search, want)
		}
	}
	if c := ReadQuestion("did the minister remind the canal board of the toll", nil, time.Time{}); !strings.Contains(c.Search, "remind") {
		t.Errorf("a verb asked about was dropped: %q", c.Search)
	}
}

// A period's phrase reads in a sentence of the answer: "in" is added to
// a bare date, not to one with its preposition or a relative one.
func TestPeriodSaid(t *testing.T) {
	for phrase, want := range map[string]string{
		"summer 2024":      "in summer 2024",
		"april 2025":       "in april 2025",
		"in april 2025":    "in april 2025",
		"since 2024":       "since 2024",
		"last week":        "last week",
		"past week":        "in the past week",
		"the fall of 2022": "in the fall of 2022",
	} {
		if got := (Period{Phrase: phrase}).said(); got != want {
			t.Errorf("said(%q) = %q, want %q", phrase, got, want)
		}
	}
	// A day written bare is "on" it.
	if got := (Period{Phrase: "jan 6 2022", Since: day("2022-01-06"), Until: day("2022-01-06")}).said(); got != "on jan 6 2022" {
		t.Errorf("said(jan 6 2022) = %q", got)
	}
}

// TestBareDateBeforeTheRecord: a date written bare before the record's
// first statement names what was talked about ("the canal riot jan 6
// 2021"), not when; within the record's dates it is when.
func TestBareDateBeforeTheRecord(t *testing.T) {
	first, end := day("2021-01-15"), day("2024-05-15")
	c := readQuestionFrom("what did quillfeather say about the canal riot jan 6 2021", nil, first, end, Period{})
	if !c.Period.IsZero() || c.PeriodTopic != "jan 6 2021" || !strings.Contains(c.Search, "jan 6 2021") {
		t.Errorf("before the record: period %v, topic %q, search %q", c.Period, c.PeriodTopic, c.Search)
	}
	c = readQuestionFrom("what did quillfeather say about the canal riot jan 6 2022", nil, first, end, Period{})
	if c.Period.IsZero() || c.Period.Since != day("2022-01-06") {
		t.Errorf("within the record: period %v", c.Period)
	}
}

// A surname after a preposition of place, whose word the record writes as
// a place, is the place asked about ("troops in jordan" is no Jim
// Jordan): unless possessive, or the record never writes it as a place.
func TestPlaceAfterPreposition(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	place := true
	pp.wordUse = func(words []string) wordUse {
		return wordUse{name: true, place: words[0] == "oakhollow", mostlyPlace: place && words[0] == "oakhollow"}
	}
	named := func(q string) bool { return len(findMentions(q, questionTokens(q), pp)) > 0 }
	if named("how many troops were in oakhollow in june") {
		t.Error("in oakhollow: read as the minister")
	}
	for _, q := range []string{"what did oakhollow say about the bridge", "what did he say in oakhollow's statement", "how many troops did oakhollow send"} {
		if !named(q) {
			t.Errorf("%q: the minister not read", q)
		}
	}
	place = false
	if !named("how many troops were in oakhollow in june") {
		t.Error("a word the record writes mostly as a name: the minister not read")
	}
}

// A word that is a surname of one of the record's people and a given
// name of another, typed before a word the record writes with it only as
// one name, is someone else's given name: "odo wrenfield" is no Wren
// Odo; before a weekday or a place it is the surname still.
func TestGivenBeforeName(t *testing.T) {
	pp := speakerRecord(
		speakerDocs{3, []string{"Wren Odo"}},
		speakerDocs{3, []string{"Odo Quillfeather"}})
	pp.wordUse = func(words []string) wordUse { return wordUse{name: true} }
	pp.written = func(words []string) written {
		if strings.Join(words, " ") == "odo wrenfield" {
			return written{titled: 1}
		}
		return written{}
	}
	named := func(q string) []string {
		var out []string
		for _, m := range findMentions(q, questionTokens(q), pp) {
			for _, p := range m.persons {
				out = append(out, p.Name)
			}
		}
		return out
	}
	if got := named("what did odo wrenfield die of"); len(got) != 0 {
		t.Errorf("odo wrenfield: read as %v", got)
	}
	for _, q := range []string{"what did odo say about the canal", "what did odo quillfeather say", "what did Odo Wrenfield say", "what did the regent say to odo monday", "what did odo quillton senator say"} {
		if len(named(q)) == 0 {
			t.Errorf("%q: no one read", q)
		}
	}
}

// passagesOf is a lexicalSearcher returning fixed passages.
type passagesOf []string

func (ps passagesOf) LexicalSearch(string, retrieval.SearchOptions) []retrieval.Hit {
	var out []retrieval.Hit
	for _, p := range ps {
		out = append(out, retrieval.Hit{Chunk: corpus.Chunk{Text: p}})
	}
	return out
}

// A word is mostly a place when more of its capitalised uses follow a
// preposition of place than another capitalised word (a title, a given
// name): the country of Jordan, the Secretary called Austin.
func TestWordUseMostlyPlace(t *testing.T) {
	country := passagesOf{"Troops are deployed in Jordan to support operations.", "The summit in Jordan opened.",
		"Rep. Jim Jordan spoke.", "Aid flows across Jordan and in Jordan's north."}
	if u := wordUseIn(country, "jordan"); !u.place || !u.mostlyPlace {
		t.Errorf("jordan: %+v, want mostly a place", u)
	}
	person := passagesOf{"Secretary Austin met the minister.", "Lloyd Austin said so.", "The talks in Austin ended.",
		"Secretary Austin spoke in Austin on Monday."}
	if u := wordUseIn(person, "austin"); !u.place || u.mostlyPlace {
		t.Errorf("austin: %+v, want a place but mostly a person", u)
	}
}

// A possessive of the record's people typed without its apostrophe is
// written with it; a word the record writes in lower case is left.
func TestMarkPossessives(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	pp.wordUse = func(words []string) wordUse { return wordUse{lower: words[0] == "fenwicks"} }
	got := markPossessives("what was quillfeathers take, and the fenwicks, and oakhollows?", pp)
	if want := "what was quillfeather's take, and the fenwicks, and oakhollow's?"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, q := range []string{"what did the talks say", "what was quillfeather's take", "what was quillfeather’s take", "the quillfeathers' aide"} {
		if got := markPossessives(q, pp); got != q {
			t.Errorf("%q changed: %q", q, got)
		}
	}
}

// TestArticleNounIsNoSurname: a word after an article that ends its
// phrase is a noun ("back on the moon"), not a surname the record
// quotes under it (President Moon); before the noun it modifies, or with
// no article, or capitalised, it may be one.
func TestArticleNounIsNoSurname(t *testing.T) {
	for _, tc := range []struct {
		q, w string
		want bool
	}{
		{"when does it want americans back on the moon", "moon", true},
		{"when does it want americans back on the moon?", "moon", true},
		{"what did they say about the moon, and mars", "moon", true},
		{"what did the moon administration say about the canal", "moon", false},
		{"what did moon say about the canal", "moon", false},
		{"what did the moon say about the canal", "moon", false},
		{"what did The Moon say about the canal", "moon", false},
	} {
		toks := questionTokens(tc.q)
		i := slices.IndexFunc(toks, func(tk qtok) bool { return tk.w == tc.w })
		if got := articleNoun(tc.q, toks, i); got != tc.want {
			t.Errorf("articleNoun(%q, %q) = %v, want %v", tc.q, tc.w, got, tc.want)
		}
	}
}
