package answer

import (
	"strings"
	"testing"
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
		"President Tobias Quillfeather":   true,
		"Tobias Quillfeather":             true,
		"President Quillfeather":          true,
		"First Lady Oona Quillfeather":    false,
		"Quillfeather":                    false, // the surname alone tells no one apart
		"President Quillfeather and Oona": false,
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
// begin alike; a title read into a speaker's name is no part of it; and a
// given name the record knows, written before a surname, is not read as
// another person of that surname.
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
		// Matteo is a given name of the record (Matteo Wrenfield), and
		// not Oona Ashgrove's: "matteo ashgrove" is someone else.
		{"what did matteo ashgrove say about the canal", ""},
		{"what did ashgrove say about the canal", "Oona Ashgrove"},
	})
}
