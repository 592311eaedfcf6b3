package answer

import (
	"strings"
	"testing"
	"time"
)

// kinRecord holds two people of one surname, each quoted in two
// documents under their own titles: First Lady Oona Quillfeather and
// President Tobias Quillfeather.
const kinRecord = `{"id": "o1.txt", "title": "Remarks by First Lady Oona Quillfeather on the Canal Gown", "outlet": "Nowhereland Palace", "date": "2031-02-20", "speakers": [{"name": "Oona Quillfeather", "title": "First Lady"}], "text": "FIRST LADY QUILLFEATHER: The canal gown took many winters to sew. My thanks go to every seamstress."}
{"id": "o2.txt", "title": "Remarks by First Lady Oona Quillfeather at the Lantern Festival", "outlet": "Nowhereland Palace", "date": "2031-03-02", "speakers": [{"name": "Oona Quillfeather", "title": "First Lady"}], "text": "FIRST LADY QUILLFEATHER: The lanterns light the harbour every spring."}
{"id": "t1.txt", "title": "Fact Sheet: President Tobias Quillfeather Restores the Quillton Museum", "outlet": "Nowhereland Palace", "date": "2031-07-24", "speakers": [{"name": "Tobias Quillfeather", "title": "President"}], "text": "GOING TO THE QUILLTON MUSEUM: Today, President Tobias Quillfeather signed an order sending her canal gown to the Quillton museum."}
{"id": "t2.txt", "title": "Statement by President Tobias Quillfeather on the Harbour", "outlet": "Nowhereland Palace", "date": "2031-08-01", "speakers": [{"name": "Tobias Quillfeather", "title": "President"}], "text": "The harbour reopens on Monday, President Tobias Quillfeather said."}
{"id": "t3.txt", "title": "Statement by President Tobias Quillfeather on the Ferry", "outlet": "Nowhereland Palace", "date": "2031-08-09", "speakers": [{"name": "Tobias Quillfeather", "title": "President"}], "text": "The ferry sails again on Friday, President Tobias Quillfeather said."}
`

// TestNamesakeIsNotTheAsked: asked for one person's words, the words of
// another of the same surname are not theirs, and a release's sentence
// about the other does not report the one asked.
func TestNamesakeIsNotTheAsked(t *testing.T) {
	ans := askRecord(t, kinRecord, 5, "quote oona quillfeather on the canal gown going to the quillton museum")
	if first := firstQuote(ans.Text); !strings.Contains(first, "Oona Quillfeather") {
		t.Errorf("the first quotation is not Oona Quillfeather's own:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "reporting Oona") {
		t.Errorf("a sentence about President Tobias Quillfeather reports Oona Quillfeather:\n%s", ans.Text)
	}
	pp := buildPeople(jsonlDocs(t, []byte(kinRecord), 5))
	var oona *Person
	for _, p := range pp.persons {
		if p.Name == "Oona Quillfeather" {
			oona = p
		}
	}
	k := kinOf(oona, pp)
	for s, want := range map[string]bool{
		"President Tobias Quillfeather": true,
		"Tobias Quillfeather":           true,
		"President Quillfeather":        true,
		"First Lady Oona Quillfeather":  false,
		"Quillfeather":                  false, // the surname alone tells no one apart
		"Remarks by President Tobias Quillfeather and First Lady Oona Quillfeather": false,
		"a Celebration on Tobias Day and the Harbour Festival, with Quillfeather":   false, // not just before the surname
	} {
		if got := k.other(s); got != want {
			t.Errorf("kin.other(%q) = %v, want %v (kin %+v)", s, got, want, k)
		}
	}
}

// TestTitleNeedsItsNoun: a word of a title written before a surname
// ("which came first, quillfeather …") titles no one without the title's
// noun; the surname is then the person of most documents.
func TestTitleNeedsItsNoun(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(kinRecord), 5)), Explain: true}
	for q, want := range map[string]string{
		"which came first, quillfeather opening the harbour or the ferry": "Tobias Quillfeather",
		"what did first lady quillfeather say about the gown":             "Oona Quillfeather",
		"what did president quillfeather say about the ferry":             "Tobias Quillfeather",
	} {
		ans := askExplained(t, p, q)
		c := ans.Explain.Constraints
		if len(c.Named) == 0 {
			t.Errorf("%q names no one, want %s", q, want)
		} else if c.Named[0].Name != want {
			t.Errorf("%q names %s first, want %s", q, c.Named[0].Name, want)
		}
	}
}

// TestGivenNamesTellPeopleApart: the record's people of one surname are
// one person when their given names are one name written otherwise (a
// familiar form, a slip of one letter, an initial), two when they only
// begin alike; and a title read into a speaker's name is no part of it.
func TestGivenNamesTellPeopleApart(t *testing.T) {
	pp := speakerRecord(
		speakerDocs{3, []string{"Marta Quillfeather"}},
		speakerDocs{2, []string{"Matteo Quillfeather"}},
		speakerDocs{3, []string{"Anthony Brambleby"}},
		speakerDocs{2, []string{"Tony Brambleby"}},
		speakerDocs{2, []string{"Dianne Fernsby"}},
		speakerDocs{1, []string{"Diane Fernsby"}},
		speakerDocs{2, []string{"FIRST LADY Oona Ashgrove"}},
		speakerDocs{2, []string{"Oona Ashgrove"}},
		speakerDocs{2, []string{"Matteo Wrenfield"}})
	persons := map[string]int{}
	for _, p := range pp.persons {
		persons[strings.Join(p.variants, "; ")]++
	}
	for _, want := range []string{"marta quillfeather", "matteo quillfeather", "anthony brambleby; tony brambleby",
		"dianne fernsby; diane fernsby", "oona ashgrove"} {
		if persons[want] != 1 {
			t.Errorf("no person with exactly the names %q; persons %v", want, persons)
		}
	}
	checkSpeakers(t, pp, []struct{ q, want string }{
		{"what did tony brambleby say about the canal", "Anthony Brambleby"},
		{"what did matteo quillfeather say about the canal", "Matteo Quillfeather"},
		{"what did marta quillfeather say about the canal", "Marta Quillfeather"},
		{"what did ashgrove say about the canal", "Oona Ashgrove"},
	})
}

// otherGivenName: a common word that is some speaker's first word
// ("Bill Wrenfield", a heading read as "Tariff Notice") hides the surname after it.
func TestOtherGivenNameNotAWord(t *testing.T) {
	pp := speakerRecord(
		speakerDocs{5, []string{"Odo Quillfeather"}},
		speakerDocs{2, []string{"Bill Wrenfield"}},
		speakerDocs{2, []string{"Grant Ashgrove"}})
	checkSpeakers(t, pp, []struct{ q, want string }{
		{"what did quillfeather say about the canal", "Odo Quillfeather"},
		{"what did quillfeather say the grant quillfeather announced would fund", "Odo Quillfeather"},
	})
	for _, q := range []string{"what did the bill quillfeather signed do", "how big was the grant quillfeather announced"} {
		c := ReadQuestion(q, pp, time.Time{})
		if len(c.Named) == 0 {
			t.Errorf("%q names no one; want Odo Quillfeather", q)
		}
	}
}

// otherGivenName: a person the record knows by surname alone has no
// given name to disagree with.
func TestOtherGivenNameSurnameOnly(t *testing.T) {
	pp := speakerRecord(
		speakerDocs{5, []string{"Quillfeather"}},
		speakerDocs{2, []string{"Matteo Wrenfield"}})
	checkSpeakers(t, pp, []struct{ q, want string }{
		{"what did quillfeather say about the canal", "Quillfeather"},
		{"what did matteo quillfeather say about the canal", "Quillfeather"},
	})
}

// kinOf: one parsing slip giving the first lady the president's title
// (the real record: Jill Biden "president" ×10, Melania Trump ×2, Joe
// Biden "first lady" ×2) makes the namesakes "the same person": no kin.
func TestKinTitleSlip(t *testing.T) {
	slip := `{"id": "o3.txt", "title": "Remarks by First Lady Oona Quillfeather at the Regatta", "outlet": "Nowhereland Palace", "date": "2031-04-02", "speakers": [{"name": "Oona Quillfeather", "title": "President"}], "text": "PRESIDENT QUILLFEATHER: The regatta is the best day of the year."}` + "\n"
	rec := kinRecord + slip
	pp := buildPeople(jsonlDocs(t, []byte(rec), 6))
	for _, p := range pp.persons {
		if p.Name == "Oona Quillfeather" && kinOf(p, pp) == nil {
			t.Errorf("one slip of title: Oona Quillfeather has no kin; titles %+v", p.Titles)
		}
	}
	ans := askRecord(t, rec, 6, "quote oona quillfeather on the canal gown going to the quillton museum")
	if strings.Contains(ans.Text, "reporting Oona") {
		t.Errorf("a sentence about President Tobias Quillfeather reports Oona Quillfeather:\n%s", ans.Text)
	}
}

// leadingTitle: the name's words are counted by strings.Fields, the
// tokens by text.Tokens; a hyphenated surname keeps the title in the name.
func TestLeadingTitleHyphen(t *testing.T) {
	pp := speakerRecord(
		speakerDocs{2, []string{"AMBASSADOR Oona Thomas-Brambleby"}},
		speakerDocs{2, []string{"FIRST LADY Mira Quill-Fernsby"}})
	for _, p := range pp.persons {
		if f := strings.Fields(strings.ToLower(p.Name)); f[0] == "ambassador" || f[0] == "first" || f[0] == "lady" {
			t.Errorf("person %q (variants %v): the title stays in the name", p.Name, p.variants)
		}
	}
}

// continueQuotes: the first sentence after a quotation asked for may
// go on however long the quotation already is.
func TestQuotationGoesOnCapped(t *testing.T) {
	long := "So let me say this loudly and clearly to every ferry worker and every barge owner and every lock keeper in Quillmoor and in the towns along the Brambleby canal: if you are one of the many who said you would not cross until the canal toll was settled for good by the harbour board and the ferry guild together after all those long months of talks, it has now happened."
	next := "The harbour board met on Tuesday and the ferry guild met on Wednesday, and both of them signed the same page of the same ledger in the same hall, and they shook hands in front of the whole town, and the bells rang out across the water from the old quay to the new one."
	hits := briefingHits(t,
		[2]string{"Remarks by Spokesperson Quill on the Canal Toll", "MS. QUILL: " + long + " " + next + "\n"})
	got, _, _ := Extractive("what were quill's exact words on the canal toll", hits)
	first := firstQuote(got)
	if n := len(strings.Fields(first)); n > 2*maxStatement {
		t.Errorf("one quotation of %d words (maxStatement %d; the sentences are %d and %d words):\n%s", n, maxStatement,
			len(strings.Fields(long)), len(strings.Fields(next)), got)
	}
}

// TestOtherGivenName: a given name the record knows (Tobias Quillfeather's),
// written before a surname whose person has another (Odo Brambleby), names
// someone else, not him.
func TestOtherGivenName(t *testing.T) {
	rec := kinRecord + `{"id": "b1.txt", "title": "Statement by Spokesperson Odo Brambleby on the Harbour", "outlet": "Nowhereland Ministry", "date": "2031-05-01", "speakers": [{"name": "Odo Brambleby", "title": "Spokesperson"}], "text": "The harbour stays open, Spokesperson Odo Brambleby said."}
{"id": "b2.txt", "title": "Statement by Spokesperson Odo Brambleby on the Ferry", "outlet": "Nowhereland Ministry", "date": "2031-05-02", "speakers": [{"name": "Odo Brambleby", "title": "Spokesperson"}], "text": "The ferry keeps its berth, Spokesperson Odo Brambleby said."}
`
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(rec), 7)), Explain: true}
	for q, want := range map[string]string{
		"what did tobias brambleby say about the harbour": "",
		"what did odo brambleby say about the harbour":    "Odo Brambleby",
		"what did brambleby say about the harbour":        "Odo Brambleby",
	} {
		c := askExplained(t, p, q).Explain.Constraints
		got := ""
		if c.Speaker != nil {
			got = c.Speaker.Name
		}
		if got != want {
			t.Errorf("%q: speaker %q, want %q", q, got, want)
		}
	}
}
