package verify

import "testing"

func TestSummaryAndMarked(t *testing.T) {
	tests := []struct {
		r       Result
		summary string
		marked  string
	}{
		{Result{Verdict: Exact, Speaker: "Zara Quillfeather", SpeakerTitle: "Spokesperson", Date: "2031-04-02",
			Diff: []DiffOp{{Op: OpSame, Claimed: "we say", Record: "we say"}, {Op: OpSame, Claimed: "…", Record: "…"}, {Op: OpSame, Claimed: "again", Record: "again"}}},
			"Exact: Zara Quillfeather (Spokesperson) said these words on 2031-04-02.", "we say … again"},
		{Result{Verdict: Close, Speaker: "Zara Quillfeather", Date: "2031-04-02", Changes: []string{"negation", "number"},
			Diff: []DiffOp{{Op: OpSame, Record: "Nowhereland will"}, {Op: OpChange, Claimed: "always", Record: "never"}, {Op: OpAdd, Claimed: "ever"}, {Op: OpDrop, Record: "12"}}},
			"Close: Zara Quillfeather said nearly these words on 2031-04-02; the differences change the meaning (a negation, a number).",
			"Nowhereland will ~~always~~ **never** ~~ever~~ **12**"},
		{Result{Verdict: QuestionOnly, Speaker: "Operator", Role: "operator"},
			"Only asked: these words are an operator's line, which no official repeated; they are nobody's statement.", ""},
		{Result{Verdict: NotFound, Covers: [2]string{"2031-04-02", "2031-06-10"}},
			"Not in the record: nothing close to these words in the record (2031-04-02 to 2031-06-10).", ""},
	}
	for _, tt := range tests {
		if got := tt.r.Summary(); got != tt.summary {
			t.Errorf("Summary\n got %q\nwant %q", got, tt.summary)
		}
		if got := tt.r.Marked(nil); got != tt.marked {
			t.Errorf("Marked\n got %q\nwant %q", got, tt.marked)
		}
	}
}
