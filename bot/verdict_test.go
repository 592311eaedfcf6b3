package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/verify"
)

func TestRenderVerdict(t *testing.T) {
	t.Parallel()
	cite := &verify.Citation{Doc: "d.txt", Title: "Press Briefing by Press Secretary Zara Quillfeather", Outlet: "Nowhereland", URL: "https://example.org/b", Date: "2023-05-04"}
	long := strings.Repeat("harbour ", 400)
	near := func(n int) []verify.Citation {
		var out []verify.Citation
		for k := range n {
			out = append(out, verify.Citation{Doc: "n.txt", Title: "Passage " + string(rune('A'+k)), Date: "2023-06-12"})
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		claim   verify.Claim
		result  verify.Result
		want    []string
		notWant []string
		maxLen  int
	}{
		{
			name:  "close: differences marked and what they change",
			claim: verify.Claim{Text: "We will never accept 40 tariffs"},
			result: verify.Result{Verdict: verify.Close, Claimed: "We will never accept 40 tariffs", Speaker: "Zara Quillfeather", Date: "2023-05-04", Citation: cite,
				Diff: []verify.DiffOp{{Op: "same", Claimed: "We will", Record: "We will"}, {Op: "change", Claimed: "never", Record: "not"},
					{Op: "same", Claimed: "accept", Record: "accept"}, {Op: "change", Claimed: "40", Record: "14"}, {Op: "add", Claimed: "tariffs"}, {Op: "drop", Record: "new tariffs"}},
				Changes: []string{"negation", "number"}, Context: verify.Context{Before: "The ministers met.", After: "The talks resume."}},
			want: []string{"🟡 **Close: Zara Quillfeather said nearly these words on 2023-05-04; the differences change the meaning (a negation, a number).**",
				"> We will ~~never~~ **not** accept ~~40~~ **14** ~~tariffs~~ **new tariffs**", "-# ~~Struck~~: only in the quotation; **bold**: only in the record.",
				"-# The ministers met.", "-# The talks resume.", "[1] Nowhereland — 2023-05-04 — [Press Briefing by Press Secretary Zara Quillfeather](<https://example.org/b>)"},
		},
		{
			name:    "the words' Markdown and masked links are neutralised",
			claim:   verify.Claim{Text: "a *bold* [claim](https://evil.example) ~~here~~"},
			result:  verify.Result{Verdict: verify.Exact, Claimed: "a *bold* [claim](https://evil.example) ~~here~~", Record: "a *bold* [claim](https://evil.example) ~~here~~", Speaker: "Zara_Quillfeather"},
			want:    []string{`\*bold\*`, `\~\~here\~\~`, "Zara\\_Quillfeather said"},
			notWant: []string{"](https://evil.example", "*bold*"},
		},
		{
			name:   "other speaker names both",
			claim:  verify.Claim{Text: "x", Speaker: "Orrin Vantablack"},
			result: verify.Result{Verdict: verify.OtherSpeaker, Record: "x", Speaker: "Zara Quillfeather", Date: "2023-05-04"},
			want:   []string{"🔁 **Said by someone else: Zara Quillfeather said these words on 2023-05-04, not the speaker claimed.**", "> x — Orrin Vantablack"},
		},
		{
			name:  "other speaker, nearly the words",
			claim: verify.Claim{Text: "we will not accept it", Speaker: "Orrin Vantablack"},
			result: verify.Result{Verdict: verify.OtherSpeaker, Record: "we will never accept it", Speaker: "Zara Quillfeather", SpeakerTitle: "Press Secretary",
				Diff: []verify.DiffOp{{Op: "same", Record: "we will"}, {Op: "change", Claimed: "not", Record: "never"}, {Op: "same", Record: "accept it"}}, Context: verify.Context{After: ". Next sentence."}},
			want: []string{"Zara Quillfeather (Press Secretary) said these words", "> we will ~~not~~ **never** accept it.\n-# Next sentence.\n-# ~~Struck~~"},
		},
		{
			name:   "other date names the period given",
			claim:  verify.Claim{Text: "x", Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)},
			result: verify.Result{Verdict: verify.OtherDate, Record: "x", Speaker: "Zara Quillfeather", Date: "2023-05-04"},
			want:   []string{"> x (2024-01-01 to 2024-12-31)\n📅 **Said at another time: Zara Quillfeather said these words on 2023-05-04, outside the period claimed.**"},
		},
		{
			name:   "a reporter's question",
			result: verify.Result{Verdict: verify.QuestionOnly, Record: "Will you accept the tariff?", Speaker: "Reporter", Role: "reporter", Date: "2023-05-04"},
			want:   []string{"❓ **Only asked: these words are a reporter's question", "> Will you accept the tariff?"},
		},
		{
			name:    "not found: the period covered and at most three nearest passages",
			claim:   verify.Claim{Text: "invented words"},
			result:  verify.Result{Verdict: verify.NotFound, Claimed: "invented words", Covers: [2]string{"2021-01-20", "2025-01-19"}, Nearest: near(5)},
			want:    []string{"❌ **Not in the record", "(2021-01-20 to 2025-01-19)", "nearest passages", "[1] 2023-06-12 — Passage A", "[3] 2023-06-12 — Passage C"},
			notWant: []string{"[4]", "Passage D"},
		},
		{
			name:  "a long record fits one message",
			claim: verify.Claim{Text: long},
			result: verify.Result{Verdict: verify.Close, Claimed: long, Record: long, Citation: cite, Context: verify.Context{Before: long, After: long},
				Diff: []verify.DiffOp{{Op: "same", Record: long}, {Op: "change", Claimed: "a", Record: "b"}}},
			want:   []string{"…"},
			maxLen: maxContent,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			got := defuse(renderVerdict(tc.claim, tc.result, &n))
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("has %q:\n%s", w, got)
				}
			}
			if tc.maxLen > 0 && runes(got) > tc.maxLen {
				t.Errorf("%d runes, over %d", runes(got), tc.maxLen)
			}
		})
	}
}

// TestRenderVerdictsNumbersSourcesThroughTheReply: two verdicts in one
// reply cite [1] and [2]; a claim that could not be checked says why.
func TestRenderVerdictsNumbersSourcesThroughTheReply(t *testing.T) {
	t.Parallel()
	cite := &verify.Citation{Doc: "d.txt", Title: "T", Date: "2023-05-04"}
	got := renderVerdicts([]verdict{
		{claim: verify.Claim{Text: "a"}, result: verify.Result{Verdict: verify.Exact, Record: "a", Citation: cite}},
		{claim: verify.Claim{Text: "it is"}, problem: "the quotation has only common words"},
		{claim: verify.Claim{Text: "b"}, result: verify.Result{Verdict: verify.Exact, Record: "b", Citation: cite}}})
	if !strings.Contains(got, "[1] 2023-05-04 — T") || !strings.Contains(got, "[2] 2023-05-04 — T") || !strings.Contains(got, "\n\n> b") ||
		!strings.Contains(got, "> it is\n⚪ Not checked: the quotation has only common words.") {
		t.Fatalf("reply:\n%s", got)
	}
}
