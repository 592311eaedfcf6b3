package answer

import (
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

func TestHoldsFigure(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"There were 84,770 people.", true},
		{"It will cost $52.7 billion.", true},
		{"A 100-percent tariff on the imports.", true},
		{"It killed one Nowherelander.", true},
		{"The ferry runs twelve times a day.", true},
		// Numbers that name: glued to letters, or after a label.
		{"The concerns are shared by the G7 and the EU.", false},
		{"COVID-19 is still with us.", false},
		{"It was the 19th meeting of the council.", false},
		{"The tariffs under Section 301 stay.", false},
		{"The tariffs under Section 301 rise to 100%.", true},
		// A bill's number names the bill; "U.S." is no label.
		{"The President signed H.R. 165, the Quillton Memorial Act.", false},
		{"He signed S. 2938 and H.J.Res. 7 into law.", false},
		{"The U.S. 2,000 troops stay.", true},
		{"The bill, H.R. 165, sets aside 40 acres.", true},
		{"P.L. 117-58 was signed.", false},
		{"The Senate passed H.Con.Res. 12.", false},
		// A magnitude written after the number: "50K", "5bn", "$125M".
		{"The agency will provide $125M to the region.", true},
		{"Some 50K troops went.", true},
		{"It raised 5bn in bonds.", true},
		{"The 3M plant reopened.", false},
		{"It gave USD 125M to the region.", true},
		{"It gave 125M dollars to the region.", true},
		{"Public Law 117-58 was signed.", false},
		// A telephone number is dialled, not counted; a tally is a figure.
		{"The Quillshire Hotline (1-833-943-5746) is free.", false},
		{"Call 1-833-TLC-MAMA any time.", false},
		{"Call 1-800-621-FEMA or 1-866-3-HUNGRY.", false},
		{"Call 1-800-MEDICARE today.", false},
		{"Reach the office at (202) 555-0142.", false},
		{"The Quillshire Hotline (1-833-943-5746) took 4,000 calls.", true},
		{"It passed in a 52-48 vote.", true},
		{"Workers may save in a 401(k) plan.", false},
		{"Charities under 501(c)(3) may apply.", false},
		{"Workers saved 401 dollars.", true},
		{"Sections 301-302 apply.", false},
		{"Public Law 117–58 was signed.", false},
		{"The Senate passed the resolution 51-49.", true},
		// "one" as a pronoun.
		{"One would think they know.", false},
		{"She is one of the negotiators.", false},
		{"No one expected the vote.", false},
	}
	for _, tt := range tests {
		if got := holdsFigure(tt.s); got != tt.want {
			t.Errorf("holdsFigure(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestHowHighAsksForAFigure(t *testing.T) {
	for _, q := range []string{"how high did nowhereland push the duty on ferries", "how big was the quillfeather grant"} {
		if got := answerTypeOf(q); got != WantNumber {
			t.Errorf("answerTypeOf(%q) = %v, want a number", q, got)
		}
	}
}

// subjectHit is a hit of one invented document whose search weighed the
// given terms (stems) as the record would.
func subjectHit(id, title, body string, terms map[string]float64) retrieval.Hit {
	doc := &corpus.Document{ID: id, Outlet: "Example Wire", Title: title, Text: body}
	var tm []retrieval.TermMatch
	for t, w := range terms {
		tm = append(tm, retrieval.TermMatch{Term: t, Weight: w, Found: true, Share: 1})
	}
	return retrieval.Hit{Doc: doc, Chunk: corpus.Chunk{ID: id + "#0", DocID: id, Text: body, End: len(body)}, Coverage: 0.8, Terms: tm}
}

// The first sentence of an answer holds the question's subject, not only
// the kind of answer asked for, a number the passage labels is no figure,
// and compound words hold their tails.
func TestFirstSentenceHoldsTheSubject(t *testing.T) {
	terms := map[string]float64{"nowhereland": 1, "rais": 2, "duti": 4, "ferri": 5, "kind": 1, "attack": 3, "quillfeath": 6, "port": 3, "tax": 3, "code": 2}
	tests := []struct {
		name, q, title, body, want string
	}{
		{
			// The best sentence gives no figure; the one that does says it
			// of nothing asked (only the title holds the question's words).
			name:  "a figure said of nothing asked",
			q:     "by how much did nowhereland raise the duty on ferries?",
			title: "Briefing on the Nowhereland ferry duty",
			body:  "Look, many of us remember the 3 earlier rounds of talks. Nowhereland debated the duty on ferries for months before it chose to raise it.",
			want:  "debated",
		},
		{
			// "Section 12" in the passage makes a bare "12" a name.
			name:  "a number the passage labels",
			q:     "how many ferries did nowhereland tax under the code?",
			title: "Briefing",
			body:  "Nowhereland taxed ferries under Section 12 of its harbour code this spring. Nowhereland ferries owners object to 12 as a whole under the code. Nowhereland now taxes 40 ferries.",
			want:  "40 ferries",
		},
		{
			name:  "a compound word holds the word asked",
			q:     "what kind of attack was it at the quillfeather port?",
			title: "Briefing",
			body: "The attack on the council offices was condemned by everyone on Monday. Quillfeather port officials met on Tuesday to review the schedule. " +
				"Quillfeather port reopened on Wednesday after repairs to the cranes. A ransomware cyberattack closed the Quillfeather port systems on Sunday.",
			want: "ransomware",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, _, _ := Extractive(tt.q, []retrieval.Hit{subjectHit("a.txt", tt.title, tt.body, terms)})
			if first := firstQuote(text); !strings.Contains(first, tt.want) {
				t.Errorf("first quotation %q lacks %q:\n%s", first, tt.want, text)
			}
		})
	}
}
