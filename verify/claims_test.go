package verify

import (
	"fmt"
	"strings"
	"testing"
)

func TestFindClaims(t *testing.T) {
	tests := []struct {
		name, msg string
		want      []Claim
	}{
		{"speaker before", `Quillfeather said "Nowhereland will never accept the blockade" yesterday.`,
			[]Claim{{Text: "Nowhereland will never accept the blockade", Speaker: "Quillfeather"}}},
		{"speaker after", `“We are not abandoning anything,” Zara Quillfeather told reporters.`,
			[]Claim{{Text: "We are not abandoning anything,", Speaker: "Zara Quillfeather"}}},
		{"said after the quotation", `'The talks continue on Thursday,' said Coordinator Otto Brambleworth.`,
			[]Claim{{Text: "The talks continue on Thursday,", Speaker: "Coordinator Otto Brambleworth"}}},
		{"according to", `According to the Spokesperson, «the talks continue on Thursday».`,
			[]Claim{{Text: "the talks continue on Thursday", Speaker: "the Spokesperson"}}},
		{"a pronoun names no one", `She said "the talks continue".`,
			[]Claim{{Text: "the talks continue"}}},
		{"two quotations", `Quillfeather said “never accept” and then „we say it again“.`,
			[]Claim{{Text: "never accept", Speaker: "Quillfeather"}, {Text: "we say it again", Speaker: "Quillfeather"}}},
		{"blockquote", "> Nowhereland will never accept the blockade\n",
			[]Claim{{Text: "Nowhereland will never accept the blockade"}}},
		{"said that, no quotation marks", `Brambleworth said that the convoy of 12 trucks reached the border on Monday.`,
			[]Claim{{Text: "the convoy of 12 trucks reached the border on Monday", Speaker: "Brambleworth"}}},
		{"a caption's dash", `“The talks continue on Thursday.” — Zara Quillfeather, 2031`,
			[]Claim{{Text: "The talks continue on Thursday.", Speaker: "Zara Quillfeather"}}},
		{"a blockquote and its attribution", "> Nowhereland will never accept the blockade\n- Quillfeather",
			[]Claim{{Text: "Nowhereland will never accept the blockade", Speaker: "Quillfeather"}}},
		{"a name and a colon", "Zara Quillfeather: \"we say it again\"",
			[]Claim{{Text: "we say it again", Speaker: "Zara Quillfeather"}}},
		{"a heading and a colon names no one", "Update: \"we say it again\"",
			[]Claim{{Text: "we say it again"}}},
		{"a quotation reported inside a quotation", `He said "Quillfeather said 'Nowhereland will never accept the blockade' yesterday" ok`,
			[]Claim{{Text: "Nowhereland will never accept the blockade", Speaker: "Quillfeather"}}},
		{"a pronoun reports a quotation inside a quotation", `He said "she said 'Nowhereland will never accept the blockade' yesterday" ok`,
			[]Claim{{Text: "Nowhereland will never accept the blockade"}}},
		{"a phrase quoted inside a quotation is part of it", `Quillfeather said "we call it the 'harbour plan' and we mean it"`,
			[]Claim{{Text: "we call it the 'harbour plan' and we mean it", Speaker: "Quillfeather"}}},
		{"another quotation's words name no speaker", `Look: "## Exact: Otto Brambleworth said these words" and "-# the talks continue"`,
			[]Claim{{Text: "## Exact: Otto Brambleworth said these words"}, {Text: "-# the talks continue"}}},
		{"no claim", `What did the coordinator say about the convoy?`, nil},
		{"apostrophes are no quotation", `Nowhereland's ministers' meeting didn't happen.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindClaims(tt.msg)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("FindClaims(%q)\n got %+v\nwant %+v", tt.msg, got, tt.want)
			}
		})
	}
}

// A contraction of the claim is looked up as the words it stands for
// too, which the record may write instead; they do not make a claim of
// common words rare.
func TestLookupExpandsContractions(t *testing.T) {
	tests := []struct {
		claim  string
		want   []string // in the lookup
		common bool
	}{
		{claim: "Nowhereland won't surrender the Amber Causeway", want: []string{"will not"}},
		{claim: "We mustn’t abandon the ferry pilots", want: []string{"must not"}},
		{claim: "We will not abandon the ferry pilots", want: nil},
		{claim: "let's not do that again now", want: []string{"let us"}, common: true},
	}
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			q, err := parseClaim(tt.claim)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(q.lookup, w) {
					t.Errorf("lookup %q lacks %q", q.lookup, w)
				}
			}
			if tt.want == nil && q.lookup != q.query {
				t.Errorf("lookup %q, want the claim's words %q", q.lookup, q.query)
			}
			if q.common != tt.common {
				t.Errorf("common %v, want %v", q.common, tt.common)
			}
		})
	}
}
