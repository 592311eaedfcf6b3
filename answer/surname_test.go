package answer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// surnameRecord: a minister quoted once whose surname is also a word the
// record writes in lower case (Ivo Harbour, "the harbour"), and a tourist
// board read as a person in one document, its "surname" a place the
// record names (Visit Quillmark).
const surnameRecord = `{"id": "m1.txt", "title": "Minister Ivo Harbour on port fees", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Ivo Harbour", "title": "Minister"}], "text": "Minister Ivo Harbour said the port fees would fall. \"The fees fall in May,\" Harbour said."}
{"id": "h1.txt", "title": "Storm at the harbour", "outlet": "Nowhereland Ministry", "date": "2023-05-02", "text": "The storm broke the sea wall of the harbour overnight. Crews reached the harbour at dawn, and the harbour reopened."}
{"id": "h2.txt", "title": "Harbour repairs", "outlet": "Nowhereland Ministry", "date": "2023-06-20", "text": "Repairs to the harbour wall were finished. Ships use the harbour again, and the harbour fees were kept."}
{"id": "q1.txt", "title": "Tourism in Quillmark", "outlet": "Nowhereland Ministry", "date": "2023-07-01", "speakers": [{"name": "Visit Quillmark"}], "text": "Visit Quillmark said hotels in Quillmark were full. Ferries to Quillmark ran twice a day."}
{"id": "q2.txt", "title": "Ferries to Quillmark", "outlet": "Nowhereland Ministry", "date": "2023-08-01", "text": "Ferries to Quillmark were cancelled in the storm, and shops in Quillmark closed for a day."}
`

// A surname alone names a person only when the record knows them by it:
// not a body read as a person in one document without a title, and, typed
// in lower case, not a word the record writes in lower case more often
// than as a name, unless the question asks for that person's words.
func TestSurnameAlone(t *testing.T) {
	idx := memIndex(t, jsonlDocs(t, []byte(surnameRecord), 5))
	p := &Pipeline{Index: idx, Explain: true}
	tests := []struct {
		q    string
		want string // the person named, "" for none
	}{
		{"when did the ministry first mention quillmark", ""},
		{"how often did ferries run to Quillmark?", ""},
		{"when did the harbour reopen after the storm", ""},
		{"quote harbour on the port fees", "Ivo Harbour"},
		{"What did Harbour say about the port fees?", "Ivo Harbour"},
		{"what did ivo harbour say about the port fees", "Ivo Harbour"},
	}
	checkFirstNamed(t, p, tests)
}

// namesRead are the people the question reader names for q: its speaker
// first, then the others.
func namesRead(t *testing.T, p *Pipeline, q string) []string {
	t.Helper()
	c := askExplained(t, p, q).Explain.Constraints
	var got []string
	if c.Speaker != nil {
		got = append(got, c.Speaker.Name)
	}
	for _, n := range c.Named {
		got = append(got, n.Name)
	}
	return got
}

// A speaker their document names by surname alone is named in full when
// the record's people say who it is: the one of that surname holding the
// title given, or the only one of that surname; else as the document has
// it.
func TestFullName(t *testing.T) {
	on := func(d string) time.Time { return day(d) }
	pp := buildPeople([]*corpus.Document{
		{ID: "a", Date: on("2031-01-02"), Speakers: []corpus.Speaker{{Name: "Ida Example", Title: "President"}, {Name: "Zed Sample", Title: "Coordinator"}}},
		{ID: "b", Date: on("2031-02-02"), Speakers: []corpus.Speaker{{Name: "Ida Example", Title: "President"}, {Name: "Ned Example", Title: "Senator"}}},
		{ID: "c", Date: on("2031-03-02"), Speakers: []corpus.Speaker{{Name: "Ned Example", Title: "Senator"}}},
	})
	for _, tt := range []struct{ in, want corpus.Speaker }{
		{corpus.Speaker{Name: "Example", Title: "President"}, corpus.Speaker{Name: "Ida Example", Title: "President"}},
		{corpus.Speaker{Name: "Example", Title: "Senator"}, corpus.Speaker{Name: "Ned Example", Title: "Senator"}},
		{corpus.Speaker{Name: "Example"}, corpus.Speaker{Name: "Example"}},
		{corpus.Speaker{Name: "Example", Title: "Governor"}, corpus.Speaker{Name: "Example", Title: "Governor"}},
		{corpus.Speaker{Name: "Sample"}, corpus.Speaker{Name: "Zed Sample"}},
		{corpus.Speaker{Name: "Unknown"}, corpus.Speaker{Name: "Unknown"}},
	} {
		if got := pp.fullName(tt.in, time.Time{}); got != tt.want {
			t.Errorf("fullName(%+v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	// A role named without its holder: the one holding it that day.
	if got := pp.fullName(corpus.Speaker{Name: "The President"}, on("2031-01-20")); got != (corpus.Speaker{Name: "Ida Example", Title: "President"}) {
		t.Errorf("The President on 2031-01-20: %+v", got)
	}
	if got := pp.fullName(corpus.Speaker{Name: "The President"}, on("2032-06-01")); got.Name != "The President" {
		t.Errorf("The President on a day no one holds it in the record: %+v", got)
	}
	var none *people
	if got := none.fullName(corpus.Speaker{Name: "Example"}, time.Time{}); got.Name != "Example" {
		t.Errorf("without the record's people: %+v", got)
	}
}

// An answer quoting a transcript whose label gives a surname alone
// ("PRESIDENT EXAMPLE:") or a role alone ("THE PRESIDENT:") names the
// speaker in full, as the record's other documents do.
func TestAnswerNamesSpeakerInFull(t *testing.T) {
	rec := `{"id": "s1.txt", "title": "Statement by President Ida Example on the canal", "outlet": "Nowhereland Ministry", "date": "2031-03-10", "speakers": [{"name": "Ida Example", "title": "President"}], "text": "President Ida Example said the canal would open in May."}
{"id": "s2.txt", "title": "Statement by President Ida Example on the bridge", "outlet": "Nowhereland Ministry", "date": "2031-04-10", "speakers": [{"name": "Ida Example", "title": "President"}], "text": "President Ida Example said the bridge would open in June."}
{"id": "r1.txt", "title": "Remarks by President Example at the Lighthouse", "outlet": "Nowhereland Ministry", "date": "2031-05-10", "text": "PRESIDENT EXAMPLE: Thank you all. The lighthouse keepers of Quillmark will get their new lamps this winter."}
{"id": "r2.txt", "title": "Remarks at the Ferry Terminal", "outlet": "Nowhereland Ministry", "date": "2031-03-20", "text": "THE PRESIDENT: Welcome, everyone. The ferry crews of Quillmark will get new life jackets this spring.\n\nQ When will the jackets arrive?\n\nTHE PRESIDENT: Before the ferries run again."}
`
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(rec), 4))}
	ans, err := p.Ask(context.Background(), "what did the president say about the lighthouse keepers of quillmark", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first := firstQuote(ans.Text); !strings.Contains(first, "— Ida Example, President: “") {
		t.Errorf("the label names the speaker by surname alone:\n%s", ans.Text)
	}
	// A role named without its holder: the one holding it that day.
	ans, err = p.Ask(context.Background(), "who said the ferry crews of quillmark would get new life jackets", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first := firstQuote(ans.Text); !strings.Contains(first, "— Ida Example, President: “") {
		t.Errorf("the label names the role alone:\n%s", ans.Text)
	}
}

// titledRecord: Minister Ivo Quillhaven, titled minister in two documents
// and, by a slip, "speaker" in one; another Quillhaven, a speaker of the
// assembly, is only spoken of; Ola Brennock is the assembly's speaker.
const titledRecord = `{"id": "t1.txt", "title": "Minister Ivo Quillhaven on port fees", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Ivo Quillhaven", "title": "Minister"}], "text": "Minister Ivo Quillhaven said the port fees would fall."}
{"id": "t2.txt", "title": "Minister Ivo Quillhaven on ferries", "outlet": "Nowhereland Ministry", "date": "2023-04-10", "speakers": [{"name": "Ivo Quillhaven", "title": "Minister"}], "text": "Minister Ivo Quillhaven said the ferries would run twice a day."}
{"id": "t4.txt", "title": "Speaker Ola Brennock on the assembly", "outlet": "Nowhereland Ministry", "date": "2023-02-10", "speakers": [{"name": "Ola Brennock", "title": "Speaker"}], "text": "Speaker Ola Brennock said the assembly would sit in March."}
{"id": "t5.txt", "title": "Speaker Ola Brennock on the recess", "outlet": "Nowhereland Ministry", "date": "2023-06-10", "speakers": [{"name": "Ola Brennock", "title": "Speaker"}], "text": "Speaker Ola Brennock said the recess would end in July."}
{"id": "t3.txt", "title": "Budget talks", "outlet": "Nowhereland Ministry", "date": "2023-05-10", "speakers": [{"name": "Ivo Quillhaven", "title": "Speaker"}], "text": "Speaker Quillhaven of the assembly said the budget talks would resume."}
`

// A title written before a name must be one the record gives the person
// (in minTitleDocs documents or more): "speaker quillhaven" is not Minister
// Ivo Quillhaven, whom one document's slip titles speaker, but someone the
// record does not quote, so no speaker filter holds the question to the
// minister's words. Title words that end no title of the record ("the
// first foreign envoy quillhaven met") rule no one out.
func TestTitleBeforeTheName(t *testing.T) {
	idx := memIndex(t, jsonlDocs(t, []byte(titledRecord), 5))
	p := &Pipeline{Index: idx, Explain: true}
	checkFirstNamed(t, p, []struct{ q, want string }{
		{"what did speaker quillhaven say about the budget talks", ""},
		{"What did Speaker Quillhaven say about the budget talks?", ""},
		{"what did minister quillhaven say about the port fees", "Ivo Quillhaven"},
		{"what did quillhaven say about the port fees", "Ivo Quillhaven"},
		// A word after "which" names a kind of thing asked for, and so
		// does the last of a few words after it.
		{"which quillhaven did the ferries reach", ""},
		{"which port union quillhaven said the fees would fall", ""},
		{"which port union guy did quillhaven thank", "Ivo Quillhaven"},
		// Words that end no title of the record describe who was met;
		// they title nobody, and rule nobody out.
		{"who was the first foreign envoy quillhaven met", "Ivo Quillhaven"},
	})
}

// TestPlaceIsNoSurname: a body the record quotes under a country's name
// ("Air Iceland", here with a title in two documents, so it is read as
// one of the record's people) is not what a question's "iceland" names;
// its whole name still is.
func TestPlaceIsNoSurname(t *testing.T) {
	record := `{"id": "a1.txt", "title": "Flights resume", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Air Iceland", "title": "Spokesperson"}], "text": "Air Iceland said flights to Glimmerford would resume. \"We fly again in May,\" Air Iceland said."}
{"id": "a2.txt", "title": "More flights", "outlet": "Nowhereland Ministry", "date": "2023-04-10", "speakers": [{"name": "Air Iceland", "title": "Spokesperson"}], "text": "Air Iceland said two more flights would run. \"Demand is strong,\" Air Iceland said."}
{"id": "i1.txt", "title": "Trade with Iceland", "outlet": "Nowhereland Ministry", "date": "2023-05-02", "text": "The minister said trade with Iceland grew. Fish from Iceland reached the market."}
`
	idx := memIndex(t, jsonlDocs(t, []byte(record), 3))
	p := &Pipeline{Index: idx, Explain: true}
	checkFirstNamed(t, p, []struct{ q, want string }{
		{"what did the ministry say about trade with iceland", ""},
		{"how much fish came from iceland", ""},
		{"what did air iceland say about the flights", "Air Iceland"},
	})
}

// checkFirstNamed checks the first person the question reader names for
// each question: want, or nobody when want is "".
func checkFirstNamed(t *testing.T, p *Pipeline, tests []struct{ q, want string }) {
	t.Helper()
	for _, tt := range tests {
		got := namesRead(t, p, tt.q)
		if ok := tt.want == "" && len(got) == 0 || tt.want != "" && len(got) > 0 && got[0] == tt.want; !ok {
			t.Errorf("%q names %v, want %q", tt.q, got, tt.want)
		}
	}
}

// A turn labelled with a surname alone counts as the one of that surname
// the record quotes in fullNameLead times as many documents as any other
// (the "Doctors Fauci" and "Tony Fauci" of speaker lists beside Anthony
// Fauci) where a period is asked whether it holds any turn of theirs
// (withSurname); a quotation's speaker is never named so (fullName), as
// "DR. BIDEN:" may be Jill Biden.
func TestSurnameOfTheMostQuoted(t *testing.T) {
	var docs []*corpus.Document
	for i := range 12 {
		docs = append(docs, &corpus.Document{ID: fmt.Sprintf("d%d", i), Date: day("2031-01-02"), Speakers: []corpus.Speaker{{Name: "Orla Quillby"}}})
	}
	docs = append(docs, &corpus.Document{ID: "x", Date: day("2031-01-03"), Speakers: []corpus.Speaker{{Name: "Doctors Quillby"}}})
	pp := buildPeople(docs)
	orla := pp.byAlias["orla quillby"][0]
	ws, _ := windowSpeakerOf(Constraints{Speaker: orla}, retrieval.SearchOptions{})
	if ws.speaks("Quillby") {
		t.Errorf("a window's speaker counts a bare surname without withSurname")
	}
	ws = ws.withSurname(orla, pp)
	if !ws.speaks("Quillby") || !ws.speaks("Orla Quillby") || ws.speaks("Quillbyson") {
		t.Errorf("window speaker %+v: a turn labelled Quillby is hers, Quillbyson's is not", ws)
	}
	if got := pp.fullName(corpus.Speaker{Name: "Quillby"}, time.Time{}); got.Name != "Quillby" {
		t.Errorf("fullName(Quillby) = %+v: a quotation named by the surname's most quoted", got)
	}
	// Two of the surname quoted alike: the surname alone counts for neither.
	even := buildPeople(append(docs[:1:1], &corpus.Document{ID: "y", Speakers: []corpus.Speaker{{Name: "Ned Quillby"}}}))
	if w := (windowSpeaker{}).withSurname(even.byAlias["orla quillby"][0], even); w.surname != "" {
		t.Errorf("surname counted with a namesake quoted alike")
	}
}

// A regnal number or "Jr." after a name is no surname to filter by.
func TestWrittenSurnameSuffix(t *testing.T) {
	for name, want := range map[string]string{
		"Ardent VI":               "ardent",
		"Joseph R. Quillton, Jr.": "quillton",
		"Xi":                      "xi",
		"Zara Quillfeather":       "quillfeather",
	} {
		if got := writtenSurname(name); got != want {
			t.Errorf("writtenSurname(%q) = %q, want %q", name, got, want)
		}
	}
}

// A surname opening with a particle is an alias whole ("van der
// quillfeather"), so a question naming it so asks for her and keeps
// none of its words to search for.
func TestParticleSurnameAlias(t *testing.T) {
	pp := buildPeople([]*corpus.Document{
		{ID: "a", Date: day("2031-01-02"), Speakers: []corpus.Speaker{{Name: "Marika van der Quillfeather", Title: "President"}}},
	})
	for _, alias := range []string{"marika van der quillfeather", "van der quillfeather", "quillfeather"} {
		if ps := pp.byAlias[alias]; len(ps) != 1 || ps[0].Name != "Marika van der Quillfeather" {
			t.Errorf("alias %q: %v", alias, ps)
		}
	}
	pp2 := buildPeople([]*corpus.Document{
		{ID: "b", Date: day("2031-01-02"), Speakers: []corpus.Speaker{{Name: "Tamsin bin Oak al Hollow", Title: "President"}}},
	})
	for _, alias := range []string{"bin oak al hollow", "bin oak", "tamsin bin oak", "al hollow", "hollow"} {
		if ps := pp2.byAlias[alias]; len(ps) != 1 {
			t.Errorf("alias %q: %v", alias, ps)
		}
	}
	if ps := pp.byAlias["der quillfeather"]; len(ps) != 0 {
		t.Errorf(`"der quillfeather" is no alias: %v`, ps)
	}
}

// A surname of two letters is read when the question asks that person's
// words ("what did qy say"), and then only: "qy" elsewhere is no one.
func TestTwoLetterSurnameAsked(t *testing.T) {
	const record = `{"id": "y1.txt", "title": "Remarks by President Qy of Nowhereland", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Qy", "title": "President"}], "text": "President Qy said the canal would open in May. \"The canal opens in May,\" Qy said."}
{"id": "y2.txt", "title": "Canal works", "outlet": "Nowhereland Ministry", "date": "2023-04-10", "text": "The canal works went on through April, and crews cleared the locks."}
`
	idx := memIndex(t, jsonlDocs(t, []byte(record), 2))
	p := &Pipeline{Index: idx, Explain: true}
	checkFirstNamed(t, p, []struct {
		q    string
		want string
	}{
		{"what did qy say about the canal", "Qy"},
		{"what did President Qy say about the canal", "Qy"},
	})
}

// A surname's label is completed only with a person the record gives
// that title, or one holding its words, under a name of more than one
// word: "PRIME MINISTER BRACKWATER" is no senator Mika Brackwater, though
// the record files every "Brackwater" turn under her.
func TestFullNameTitledInFull(t *testing.T) {
	var docs []*corpus.Document
	for i := range 4 {
		docs = append(docs,
			&corpus.Document{ID: fmt.Sprintf("s%d", i), Date: day("2031-01-02"), Speakers: []corpus.Speaker{{Name: "Mika Brackwater", Title: "Senator"}}},
			&corpus.Document{ID: fmt.Sprintf("p%d", i), Date: day("2031-01-03"), Speakers: []corpus.Speaker{{Name: "Brackwater", Title: "Prime Minister"}}},
			&corpus.Document{ID: fmt.Sprintf("g%d", i), Date: day("2031-01-04"), Speakers: []corpus.Speaker{{Name: "Ada Quillmere", Title: "Nowhereland Governor"}}},
			&corpus.Document{ID: fmt.Sprintf("l%d", i), Date: day("2031-01-05"), Speakers: []corpus.Speaker{{Name: "Quillmere", Title: "Governor"}}})
	}
	pp := buildPeople(docs)
	if got := pp.fullName(corpus.Speaker{Name: "Brackwater", Title: "Prime Minister"}, time.Time{}); got.Name != "Brackwater" {
		t.Errorf("fullName(Brackwater, Prime Minister) = %+v, want the surname as labelled", got)
	}
	if got := pp.fullName(corpus.Speaker{Name: "Brackwater", Title: "Senator"}, time.Time{}); got.Name != "Mika Brackwater" {
		t.Errorf("fullName(Brackwater, Senator) = %+v, want Mika Brackwater", got)
	}
	if got := pp.fullName(corpus.Speaker{Name: "Quillmere", Title: "Governor"}, time.Time{}); got.Name != "Ada Quillmere" {
		t.Errorf("fullName(Quillmere, Governor) = %+v, want Ada Quillmere", got)
	}
}
