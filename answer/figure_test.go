package answer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

func TestFigureOf(t *testing.T) {
	tests := []struct {
		q       string
		ok      bool
		unit    figureUnit
		counted []string
	}{
		{"How many Russian peacekeepers were deployed in Nowhereland?", true, anyUnit, []string{"russia", "peacekeeper"}},
		{"what percent of voters rejected the amendment", true, percentUnit, nil},
		{"how much did the quillfeather program cost to build", true, moneyUnit, nil},
		// A currency sign typed for the money asked.
		{"what $ did the minister say was going into the canal", true, moneyUnit, nil},
		{"what dollar amount did the ministry put in", true, moneyUnit, nil},
		{"how much $$ went to the canal?", true, moneyUnit, nil},
		{"what did the $5 canal toll pay for", false, anyUnit, nil},
		// "How much is the …" asks the amount of what follows.
		{"how much was the one-time canal bonus each bargeman got", true, anyUnit, []string{"one", "tim", "canal", "bonus"}},
		{"how much is that toll?", true, anyUnit, []string{"toll"}},
		{"how much did the canal cost", true, moneyUnit, nil},
		{"how much was it supposed to cut canal tolls", true, anyUnit, nil},
		{"how much is the ministry giving quillton", true, anyUnit, nil},
		{"how many died at the school according to the spokesperson", true, anyUnit, nil},
		{"what did the spokesperson say about the talks", false, anyUnit, nil},
		// "How long" asks for a span of time, whatever figure the
		// question itself gives; a percentage it gives is not asked for.
		{"how long is the temporary 10 percent canal toll supposed to last", true, durationUnit, nil},
		{"what share of the budget is the 10% toll", true, percentUnit, nil},
		{"how much did the 10 percent toll raise", true, anyUnit, nil},
		// A quantity asked with a copula belongs to the thing after it;
		// asked with "did", to no thing the sentence must name.
		{"what price was the cap set at", true, askedUnit("what price was the cap set at"), []string{"cap", "set"}},
		{"what share did the ministry pay for the canal", true, percentUnit, nil},
		// "How many of …" counts the part the question names after its
		// copula, else the whole.
		{"how many of the quillton academy class of 2031 grads were women", true, anyUnit, []string{"woman"}},
		{"how many of the hostages are nowherelanders", true, anyUnit, []string{"nowherelander"}},
		{"how many of the hostages came home", true, anyUnit, []string{"hostag", "com", "hom"}},
		{"how many of them were killed", true, anyUnit, nil},
		{"how many of the hostages are still alive", true, anyUnit, []string{"aliv"}},
		{"how many of the hostages are still in prison", true, anyUnit, []string{"hostag"}},
		{"how many of the cadets were there", true, anyUnit, []string{"cadet"}},
		// A verb after the copula counts the whole, past a numeral.
		{"how many of the 40 hostages were freed", true, anyUnit, []string{"hostag"}},
		{"how many of the hostages were taken by nowhereland", true, anyUnit, []string{"hostag"}},
		{"how many of the hostages were hurt", true, anyUnit, []string{"hostag"}},
		{"how many of the detainees are going to be freed", true, anyUnit, []string{"detaine"}},
		// Any preposition ends what is counted: its object is where or
		// when, not the thing.
		{"how many days into the quillfeather ministry did they reach it", true, anyUnit, []string{"day"}},
		{"how many barges across the canal were stopped", true, anyUnit, []string{"barg"}},
		{"how many talks with the ministry were held", true, anyUnit, []string{"talk"}},
	}
	for _, tt := range tests {
		f, ok := figureOf(tt.q)
		if ok != tt.ok || f.unit != tt.unit || !slices.Equal(f.counted, tt.counted) {
			t.Errorf("figureOf(%q) = %+v, %v; want unit %v counted %v, %v", tt.q, f, ok, tt.unit, tt.counted, tt.ok)
		}
	}
	// The cap's price, not another price the sentence gives.
	f, _ := figureOf("what price was the cap set at")
	if f.heldBy("The price will lock in a discount, in light of the $100 per barrel they earned a few months ago.") {
		t.Error("a price of something else gives the cap's price")
	}
	if !f.heldBy("The canal toll cap of $60 per barge took effect today.") {
		t.Error("the cap's own price is not given")
	}
}

func TestFigureHeldBy(t *testing.T) {
	tests := []struct {
		q, sentence string
		want        bool
	}{
		// A figure of something else is not the one asked for.
		{"How many Russian peacekeepers were deployed?", "By September 28, 84,770 people had crossed into Nowhereland.", false},
		{"How many Russian peacekeepers were deployed?", "About 2,000 Russian peacekeepers were deployed.", true},
		// A date is no figure.
		{"how many ships docked?", "The ships docked on March 3, 2024.", false},
		{"what percent of voters rejected it", "Voters rejected the amendment decisively.", false},
		{"what percent of voters rejected it", "Voters rejected it by 59 percent.", true},
		{"what share did the agency pay", "The agency paid 75% of the costs.", true},
		{"how much did the program cost", "The program took three years.", false},
		{"how much did the program cost", "The program cost $4.2 billion.", true},
		{"how much did the program cost", "It cost 12 million dollars.", true},
		{"how long is the 10 percent toll supposed to last", "The toll is 10 percent of the cargo's value.", false},
		{"how long is the 10 percent toll supposed to last", "The toll applies for a period of 150 days.", true},
		{"how long is the toll supposed to last", "It is a 90-day toll.", true},
		{"how long is the toll supposed to last", "The toll stays in place until March 2027.", true},
		{"how long was she a prosecutor", "She was a prosecutor for twelve years.", true},
		{"how long was she a prosecutor", "She was one of 12 prosecutors.", false},
		// A figure of a unit of time is a length of time, not a count of
		// what stands beside it.
		{"how many troops were in nowhereland", "All Farland troops leave by May 1st, just three months after the vote.", false},
		{"how many troops were in nowhereland", "Some 2,976 troops are deployed to Nowhereland, three years after the vote.", true},
		{"how many soldiers came home", "After 20 years the soldiers came home.", false},
		{"how many months of toll relief did the barges get", "The barges received 18 months of toll relief.", true},
		{"how many hours of overtime did the crews work", "The crews worked 60 hours of overtime.", true},
		// The record's word for what is counted, a synonym either way.
		{"how many kids has the envoy helped reunite", "The envoy has reunited 34 children with their families.", true},
		{"how many kids has the envoy helped reunite", "The envoy has reunited with 34 ambassadors.", false},
		{"how many jobs did the plan create", "The plan helped 500 businesses.", false},
		{"how many students enrolled", "The office published 40 studies.", false},
		// People are counted as individuals, persons, citizens … beside
		// the figure; a figure of something else near them is no count
		// of them.
		{"how many people did the regent pardon", "Thirty-nine individuals were pardoned today.", true},
		{"how many ppl did the regent pardon", "He is pardoning 39 individuals.", true},
		{"how many people did the regent airlift", "I authorized 6,000 troops to extract Nowhereland citizens.", false},
		{"how many people did the regent airlift", "I sent 6,000 troops to evacuate citizens.", false},
		{"how many people did the regent airlift", "We sent 12 planes for the children.", false},
		{"how many people did the regent airlift", "Every one of those citizens matters, and we rebuilt 12 schools.", false},
		{"how many people did the regent airlift", "The regent signed H.R. 165 to help Quillton's children, and 3 bridges reopened.", false},
		{"how many people did the regent airlift", "We airlifted more than 120,000 US citizens.", true},
		{"how many people did the US airlift", "The airlift took out over 120,000 US citizens of many lands.", true},
		{"how many people did the regent airlift", "We airlifted thousands of Nowhereland citizens.", true},
		{"how many people did the regent airlift", "We airlifted more than 2,000 of our citizens.", true},
		{"how many people did the regent airlift", "We airlifted 39 more individuals.", true},
		{"how many people did the regent airlift", "We airlifted 1,200 Nowhereland and Quillton citizens.", true},
		{"how many people did the regent airlift", "The G7 citizens' groups met the regent.", false},
		// A magnitude after the number.
		{"how much will the agency provide to the region", "The agency will provide $125M to the region.", true},
		{"how many troops did quillton send", "Quillton sent some 50K troops.", true},
		// A vote's count stands beside the vote; a term of years elsewhere
		// in the sentence is none.
		{"what was the senate vote count when quillfeather got confirmed", "Today, in a 52-48 vote, the Senate confirmed Zara Quillfeather.", true},
		{"what was the senate vote tally when quillfeather got confirmed", "The Senate voted 68 to 31 to confirm her.", true},
		{"whats the vote tally for the canal deal", "He voted three times to deal with the canal.", false},
		{"exactly how many canal workers were hurt", "Several dozen canal workers were hurt.", false},
		{"exactly how many canal workers were hurt", "A few hundred canal workers were hurt.", false},
		{"what was the senate vote count when quillfeather got confirmed", "Zara Quillfeather, to be a Commissioner for the unexpired term of seven years.", false},
		// What is counted ends with its sentence.
		{"how many of the class of 2031 were women? quillfeather spoke there", "Quillfeather addressed more than 1,000 graduating cadets of the academy.", false},
		{"how many u.s. troops were in quillton", "Some 6,000 troops went to Quillton.", true},
		{"how many st. louis residents got vaccinated", "Roughly 30,000 residents of St. Louis got vaccinated.", true},
		// Asked exactly, a round plural or a share gives no count.
		{"exactly how many canal companies signed the pledge", "Dozens of canal companies, more than 90% of the canal's traffic, signed the pledge.", false},
		{"how many canal companies signed the pledge", "Dozens of canal companies signed the pledge.", true},
		{"exactly how many canal companies signed the pledge", "Forty-two canal companies signed the pledge.", true},
		{"what was the exact number of canal companies that signed", "In all, 42 canal companies signed.", true},
		// A bill's number is no figure.
		{"how many acres does the quillton act protect", "H.R. 165 protects the acres around Quillton.", false},
	}
	for _, tt := range tests {
		f, ok := figureOf(tt.q)
		if !ok {
			t.Fatalf("figureOf(%q) asks for no figure", tt.q)
		}
		if got := f.heldBy(tt.sentence); got != tt.want {
			t.Errorf("%q heldBy(%q) = %v, want %v", tt.q, tt.sentence, got, tt.want)
		}
	}
}

// A figure for a period is looked for in what was published up to a
// month after it; other questions keep the period as asked.
func TestOptionsReportLag(t *testing.T) {
	tests := []struct {
		q     string
		until string
	}{
		{"how many grain ships left Nowhereland in January 2025", "2025-03-03"},
		{"what did the Nowhereland minister say about grain ships in January 2025", "2025-01-31"},
	}
	for _, tt := range tests {
		c := ReadQuestion(tt.q, nil, day("2025-12-31"))
		o := c.Options(retrieval.SearchOptions{})
		if got := o.Until.Format("2006-01-02"); got != tt.until || !o.Since.Equal(day("2025-01-01")) {
			t.Errorf("%q: since %v until %s, want until %s", tt.q, o.Since, got, tt.until)
		}
	}
}

// 'First' and 'last' order passages by the day their statement was
// made, which a transcript published later gives in its turns.
func TestStatedOn(t *testing.T) {
	body := "Spokesperson Zara Quillfeather said the grain stores are full."
	published := &corpus.Document{ID: "late.txt", Date: day("2024-03-09"), Text: body}
	if err := published.SetTurns([]corpus.Turn{{Start: 0, End: len(body), Date: day("2024-03-01")}}); err != nil {
		t.Fatal(err)
	}
	plain := &corpus.Document{ID: "plain.txt", Date: day("2024-03-05"), Text: body}
	hit := func(d *corpus.Document) retrieval.Hit {
		return retrieval.Hit{Doc: d, Chunk: corpus.Chunk{ID: d.ID + "#0", DocID: d.ID, End: len(body), Text: body}}
	}
	if got := statedOn(hit(published)); !got.Equal(day("2024-03-01")) {
		t.Errorf("published 2024-03-09, stated 2024-03-01: statedOn = %v", got)
	}
	if got := statedOn(hit(plain)); !got.Equal(day("2024-03-05")) {
		t.Errorf("no turn date: statedOn = %v, want the document's", got)
	}
}

// speakerRecord builds the record's people from documents that list
// speakers: each entry of counts gives how many documents list those names.
type speakerDocs struct {
	n     int
	names []string
}

func speakerRecord(counts ...speakerDocs) *people {
	var docs []*corpus.Document
	for _, c := range counts {
		for i := 0; i < c.n; i++ {
			d := &corpus.Document{ID: fmt.Sprintf("d%d.txt", len(docs))}
			for _, name := range c.names {
				d.Speakers = append(d.Speakers, corpus.Speaker{Name: name})
			}
			docs = append(docs, d)
		}
	}
	return buildPeople(docs)
}

// checkSpeakers asks each question of tests (question → the speaker it
// names, "" for none) of pp.
func checkSpeakers(t *testing.T, pp *people, tests []struct{ q, want string }) {
	t.Helper()
	for _, tt := range tests {
		c := ReadQuestion(tt.q, pp, time.Time{})
		got := ""
		if c.Speaker != nil {
			got = c.Speaker.Name
		}
		if got != tt.want {
			t.Errorf("%q: speaker %q, want %q", tt.q, got, tt.want)
		}
	}
}

// A first name alone names the person the record quotes under it far
// more than anyone else of that name; a shared one names nobody.
func TestFirstNameAlone(t *testing.T) {
	pp := speakerRecord(
		speakerDocs{firstNameDocs * 2, []string{"Zara Quillfeather"}},
		speakerDocs{1, []string{"Zara Brightwater"}},
		speakerDocs{firstNameDocs, []string{"Milo Fernsby"}},
		speakerDocs{firstNameDocs, []string{"Milo Ashgrove"}})
	checkSpeakers(t, pp, []struct{ q, want string }{
		{"what did zara say about the canal", "Zara Quillfeather"},
		{"What did Zara say about the canal?", "Zara Quillfeather"},
		{"what did milo say about the canal", ""},
	})
}

// A word the whole record holds ("palace") does not outweigh the rare
// word asked about ("quillmoor"), however rare it is among the few
// candidate sentences.
func TestRecordRarity(t *testing.T) {
	a := "The Palace will reopen its doors for public tours on Tuesday with a new route."
	b := "The Quillmoor plant will reopen next spring with its workers."
	c := "The Quillmoor plant closed in 2023, the company said."
	terms := []retrieval.TermMatch{{Term: "palac", Weight: 0.3, Found: true, Share: 1}, {Term: "quillmoor", Weight: 9, Found: true, Share: 1}, {Term: "reopen", Weight: 4, Found: true, Share: 1}}
	var hits []retrieval.Hit
	for i, s := range []string{a, b + " " + c} {
		d := &corpus.Document{ID: fmt.Sprintf("r%d.txt", i), Text: s, Date: day("2025-05-01")}
		hits = append(hits, retrieval.Hit{Doc: d, Coverage: 0.6, Terms: terms,
			Chunk: corpus.Chunk{ID: d.ID + "#0", DocID: d.ID, End: len(s), Text: s}})
	}
	q := ExtractiveQuery{Question: "what did the palace say about the quillmoor reopening"}
	for _, tt := range []struct {
		rarity float64
		want   string
	}{{0, a}, {DefaultWeights.Rarity, b}} {
		w := DefaultWeights
		w.Rarity = tt.rarity
		cands, picked, _ := chooseSentences(q, hits, w)
		if len(picked) == 0 {
			t.Fatalf("rarity %v: nothing picked", tt.rarity)
		}
		got := hits[cands[picked[0]].hit].Chunk.Text[cands[picked[0]].start:cands[picked[0]].end]
		if got != tt.want {
			t.Errorf("rarity %v: first sentence %q, want %q", tt.rarity, got, tt.want)
		}
	}
}

// A day written with its ordinal ("August 23rd", a third of the White
// House record's days) is a date: it answers "when", and it is no figure
// for "how many".
func TestOrdinalDayIsADate(t *testing.T) {
	for _, tc := range []struct {
		want     AnswerType
		sentence string
		fits     bool
	}{
		{WantDate, "The crash took place on August 23rd.", true},
		{WantDate, "The crash took place on August 23.", true},
		{WantDate, "The crash took place on a Wednesday.", true},
		{WantDate, "The crash took place near Tver.", false},
		{WantNumber, "We will brief you again on August 23rd.", false},
		{WantNumber, "We will brief you again on September 1st, 2023.", false},
		{WantNumber, "Sixteen people were released on August 1st.", true},
		// An earlier century's year after a preposition is a date too;
		// a bare four-digit number of that range counts things.
		{WantDate, "In 1886, the Quillton abbot wrote the canal prayer.", true},
		{WantDate, "The canal has carried barges since 1791.", true},
		{WantDate, "They sent 1500 barges down the canal.", false},
		{WantNumber, "They sent 1500 barges down the canal.", true},
		{WantNumber, "The abbey has stood since 1791.", false},
		{WantNumber, "Nowhereland sent a force of 1500 troops to the canal.", true},
		{WantNumber, "Ferry crossings fell from 1800 to 950 a week.", true},
		{WantDate, "Nowhereland sent a force of 1500 troops to the canal.", false},
	} {
		if got := fitsType(tc.want, tc.sentence, false, "", false, false); got != tc.fits {
			t.Errorf("fitsType(%s, %q) = %v, want %v", tc.want, tc.sentence, got, tc.fits)
		}
	}
}

// The initials of a name of three words name its person as a chat does
// ("kjp"), when they say who is meant as a first name must and are no
// chat shorthand for something else ("nsc").
func TestInitialsAlone(t *testing.T) {
	pp := speakerRecord(
		speakerDocs{firstNameDocs * 2, []string{"Zara Quill-Feather"}},
		speakerDocs{firstNameDocs, []string{"Ada Bright Water"}},
		speakerDocs{firstNameDocs, []string{"Anna Bell Wick"}},
		speakerDocs{firstNameDocs * 2, []string{"Nora Sable Crane"}},
		speakerDocs{firstNameDocs * 2, []string{"Milo Fernsby"}})
	checkSpeakers(t, pp, []struct{ q, want string }{
		{"what did zqf say about the canal", "Zara Quill-Feather"},
		{"what did abw say about the canal", ""},
		{"what did the nsc say about the canal", ""},
		{"what did mf say about the canal", ""},
	})
}

// A year that ends a name ("the Trade Act of 1974") says nothing of
// when: it neither answers "when" nor, in a follow-up, gives a date the
// conversation has not said; a month's "of 2031" still does.
func TestNamedYearIsNoDate(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		fits     bool
	}{
		{"The minister is invoking section 12 of the Canal Act of 1974.", false},
		{"The Class of 2031 graduated in the rain.", false},
		{"The toll takes effect in March of 2031.", true},
		{"In the Summer of 2031, the toll took effect.", true},
		{"By the End of 2031 the toll will be gone.", true},
		{"The Canal Act of 1974 was amended in 2031.", true},
		{"The toll takes effect February 24.", true},
	} {
		if got := fitsType(WantDate, tc.sentence, false, "", false, false); got != tc.fits {
			t.Errorf("fitsType(date, %q) = %v, want %v", tc.sentence, got, tc.fits)
		}
		if got := novel(WantDate, anyUnit, tc.sentence, map[string]bool{}); got != tc.fits {
			t.Errorf("novel(date, %q) = %v, want %v", tc.sentence, got, tc.fits)
		}
	}
}

// TestStatedFigureIsNoAnswer: a figure the question states itself ("a
// family of four making 75k") is what it asks about, not the figure it
// asks for: the sentence repeating it ("parents making $75,000") does not
// answer "how much", and the one giving another figure does.
func TestStatedFigureIsNoAnswer(t *testing.T) {
	stated := statedFigures("a barge crew of four earning 75k, how much do they pay in canal tolls in 2031")
	if len(stated) != 1 || !stated[75000] {
		t.Fatalf("stated %v, want only 75,000 (the year is a date)", stated)
	}
	for s, want := range map[string]string{
		"A crew earning $75,000 a year pays the Glimmerford canal tolls.": "A crew earning  a year pays the Glimmerford canal tolls.",
		"It pays $1,400 in canal tolls, not 75k.":                         "It pays $1,400 in canal tolls, not .",
		"Crews earning 75 thousand dollars a year":                        "Crews earning  dollars a year",
	} {
		if got := withoutStated(s, stated); got != want {
			t.Errorf("withoutStated(%q) = %q, want %q", s, got, want)
		}
	}
	// A figure offered as the answer is not stated: the sentence giving
	// it answers.
	for _, q := range []string{"how much was the canal plan, 1.9 trillion?", "was it 3,000 barges", "did it cost $3,600 or $3,000", "how many barges, like 300?"} {
		if got := statedFigures(q); len(got) != 0 {
			t.Errorf("statedFigures(%q) = %v, want none", q, got)
		}
	}
	// A figure describing what is asked is stated.
	for q, want := range map[string]float64{
		"how much will a crew making 75k or more save":        75000,
		"how many barge owners 65 or older got the rebate":    65,
		"hey, 1.9 trillion plan, how much went to the canals": 1.9e12,
		"how much does a crew making around 75k pay in tolls": 75000,
	} {
		if got := statedFigures(q); !got[want] {
			t.Errorf("statedFigures(%q) = %v, want %v stated", q, got, want)
		}
	}
	hits := briefingHits(t,
		[2]string{"Fact Sheet: The Glimmerford Canal Tolls",
			"Here is what the Glimmerford canal tolls mean for a typical barge crew of four – with its members earning $75,000 a year combined. " +
				"That crew will pay $1,400 less.\n"})
	_, _, _, why := extractive(ExtractiveQuery{Question: "the glimmerford canal tolls - barge crew of four earning 75k, how much less will they pay", Type: WantNumber}, hits)
	if len(why) == 0 || !strings.Contains(why[0].Sentence, "$1,400") {
		t.Errorf("answered with %+v, want the sentence giving $1,400", why)
	}
}
