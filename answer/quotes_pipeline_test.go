package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
)

// quoteStyles are the ways a model can present words as a quotation: open
// and close marks around the words (a blockquote's "close" ends its line).
var quoteStyles = []struct{ name, open, close string }{
	{"straight double", ` "`, `"`},
	{"curly double", " “", "”"},
	{"straight single", " '", "'"},
	{"curly single", " ‘", "’"},
	{"German double", " „", "“"},
	{"Polish double", " „", "”"},
	{"German single", " ‚", "‘"},
	{"guillemets", " «", "»"},
	{"single guillemets", " ‹", "›"},
	{"fullwidth", " ＂", "＂"},
	{"corner brackets", " 「", "」"},
	{"blockquote", ":\n> ", "\n"},
	{"Discord blockquote", ":\n>>> ", ""},
}

// TestPipelineQuotationStyles: through the pipeline and the fake model
// server, an invented quotation in any style is not posted as a quotation
// (with a warning), and the record's words in any style are kept as one.
func TestPipelineQuotationStyles(t *testing.T) {
	const invented = "Freedonia will never negotiate with anyone again"
	for _, s := range quoteStyles {
		for _, tc := range []struct {
			kind  string
			quote func(p1 string) string
		}{
			{"invented", func(string) string { return invented }},
			{"verbatim", firstSentence},
		} {
			t.Run(s.name+" "+tc.kind, func(t *testing.T) {
				p, _, _ := newPipeline(t, func(r testsupport.ChatRequest) string {
					p1 := promptPassages(r.LastUser())[1]
					return "The talks between Freedonia and Sylvania would resume in April, and Jane Example told reporters" +
						s.open + tc.quote(p1) + s.close + " [1]."
				})
				ans, err := p.Ask(context.Background(), "What did Jane Example say about the talks?", nil, retrieval.SearchOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if ans.Mode != ModeGenerated || len(ans.Citations) != 1 {
					t.Fatalf("answer %+v", ans)
				}
				checkQuotations(t, ans)
				if tc.kind == "invented" {
					if ans.Quotes != (QuoteStats{Posted: 1, Unquoted: 1}) || len(ans.Warnings) != 1 || !strings.Contains(ans.Warnings[0], "paraphrase") {
						t.Errorf("quotes %+v warnings %q", ans.Quotes, ans.Warnings)
					}
					if len(findQuotes(ans.Text)) != 0 || !strings.Contains(ans.Text, invented) {
						t.Errorf("invented quotation still quoted: %q", ans.Text)
					}
					return
				}
				if ans.Quotes != (QuoteStats{Posted: 1, Verified: 1}) || len(ans.Warnings) != 0 {
					t.Errorf("quotes %+v warnings %q in %q", ans.Quotes, ans.Warnings, ans.Text)
				}
				if !strings.Contains(ans.Text, strings.TrimLeft(s.open, ": \n")) {
					t.Errorf("verbatim quotation lost its marks: %q", ans.Text)
				}
			})
		}
	}
}

// TestPipelineNestedAndBlockQuotations: a double-quoted quotation holding
// a single-quoted one, and blockquotes, through the pipeline.
func TestPipelineNestedAndBlockQuotations(t *testing.T) {
	tests := []struct {
		name   string
		answer func(p1 string) string
		stats  QuoteStats
		want   string // in the posted text
	}{
		{"blockquote of the record kept", func(p1 string) string {
			return "Jane Example told reporters [1]:\n> " + strings.Replace(firstSentence(p1), " that ", "\n> that ", 1)
		}, QuoteStats{Posted: 1, Verified: 1}, "\n> that the talks"},
		{"invented blockquote unquoted", func(string) string {
			return "Jane Example told reporters [1]:\n> Freedonia will never negotiate\n> with anyone again."
		}, QuoteStats{Posted: 1, Unquoted: 1}, "\nFreedonia will never negotiate\nwith anyone again."},
		{"single-quoted record words inside an invented double quotation", func(string) string {
			return "Jane Example said “the talks are over and ‘Freedonia and Sylvania would resume in April’ was a lie” [1]."
		}, QuoteStats{Posted: 2, Verified: 1, Unquoted: 1}, "said the talks are over and ‘Freedonia and Sylvania would resume in April’ was"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, _ := newPipeline(t, func(r testsupport.ChatRequest) string {
				return tt.answer(promptPassages(r.LastUser())[1])
			})
			ans, err := p.Ask(context.Background(), "What did Jane Example say about the talks?", nil, retrieval.SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Quotes != tt.stats || !strings.Contains(ans.Text, tt.want) {
				t.Errorf("quotes %+v, want %+v; text %q", ans.Quotes, tt.stats, ans.Text)
			}
			checkQuotations(t, ans)
		})
	}
}
