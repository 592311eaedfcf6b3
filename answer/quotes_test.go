package answer

import (
	"github.com/readout/readout/text"
	"strings"
	"testing"
)

const passageA = `Spokesperson Jane Example said on Monday that the talks would resume in April. “We are ready to meet our partners at any time – and we will keep working until there is a durable agreement,” Example told reporters. She added that the Example Republic's "door remains open."`

const passageB = `The ministers of Freedonia and Sylvania met on Tuesday in Example City.`

func cites2() []Citation {
	return []Citation{{N: 1, Passage: passageA}, {N: 2, Passage: passageB}}
}

func TestVerifyQuotes(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     string
		stats    QuoteStats
		warnings int
	}{
		{
			name:  "correct quotation kept",
			text:  `Example said: “We are ready to meet our partners at any time” [1].`,
			want:  `Example said: “We are ready to meet our partners at any time” [1].`,
			stats: QuoteStats{Posted: 1, Verified: 1},
		},
		{
			name:     "slight misquotation repaired to the record's words",
			text:     `Example said: “We are ready to meet with our partners at any time and we will keep on working until there is a lasting agreement” [1].`,
			want:     `Example said: “We are ready to meet our partners at any time – and we will keep working until there is a durable agreement” [1].`,
			stats:    QuoteStats{Posted: 1, Repaired: 1},
			warnings: 1,
		},
		{
			name:     "fabricated quotation loses its marks",
			text:     `Example said: “Freedonia will never negotiate with anyone again” [1].`,
			want:     `Example said: Freedonia will never negotiate with anyone again [1].`,
			stats:    QuoteStats{Posted: 1, Unquoted: 1},
			warnings: 1,
		},
		{
			name:     "quotation checked against the passage its sentence cites",
			text:     `The ministers met. Example said “We are ready to meet our partners at any time” [2].`,
			want:     `The ministers met. Example said We are ready to meet our partners at any time [2].`,
			stats:    QuoteStats{Posted: 1, Unquoted: 1},
			warnings: 1,
		},
		{
			name:  "uncited quotation checked against all cited passages",
			text:  `Example said the "door remains open." The ministers met [2].`,
			want:  `Example said the "door remains open." The ministers met [2].`,
			stats: QuoteStats{Posted: 1, Verified: 1},
		},
		{
			name:  "citation inside the quotation marks",
			text:  `“The ministers of Freedonia and Sylvania met on Tuesday [2]”.`,
			want:  `“The ministers of Freedonia and Sylvania met on Tuesday [2]”.`,
			stats: QuoteStats{Posted: 1, Verified: 1},
		},
		{
			name:     "citation inside a repaired quotation kept after it",
			text:     `Example said “the talks will resume in April [1]”.`,
			want:     `Example said “the talks would resume in April” [1].`,
			stats:    QuoteStats{Posted: 1, Repaired: 1},
			warnings: 1,
		},
		{
			name:     "repaired next to an unquoted one",
			text:     `Example said “the talks will resume in April [1]”“war is over” [1].`,
			want:     `Example said “the talks would resume in April” [1]war is over [1].`,
			stats:    QuoteStats{Posted: 2, Repaired: 1, Unquoted: 1},
			warnings: 2,
		},
		{
			name:  "apostrophes are not quotations",
			text:  `The Example Republic’s ministers’ meeting went ahead [2].`,
			want:  `The Example Republic’s ministers’ meeting went ahead [2].`,
			stats: QuoteStats{},
		},
		{
			name:     "two quotations, one good one bad",
			text:     `Example said “the talks would resume in April” [1] and “war is over” [1].`,
			want:     `Example said “the talks would resume in April” [1] and war is over [1].`,
			stats:    QuoteStats{Posted: 2, Verified: 1, Unquoted: 1},
			warnings: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, stats, warnings := VerifyQuotes(tt.text, cites2())
			if got != tt.want {
				t.Errorf("text\n got %s\nwant %s", got, tt.want)
			}
			if stats != tt.stats {
				t.Errorf("stats %+v, want %+v", stats, tt.stats)
			}
			if len(warnings) != tt.warnings {
				t.Errorf("warnings %q", warnings)
			}
			// Whatever is still quoted must now verify.
			for _, q := range text.FindQuotes(got) {
				inner := strings.TrimSpace(citationGroupRe.ReplaceAllString(q.Words(got), ""))
				if !text.QuoteIn(inner, passageA) && !text.QuoteIn(inner, passageB) {
					t.Errorf("unverified quotation left: %q", inner)
				}
			}
		})
	}
}

func TestBestSpanThreshold(t *testing.T) {
	// Three words with one wrong is not close (2/3), and must not shrink
	// to the two words that match.
	if fix, ok := repairQuote("talks would restart", []string{passageA}); ok {
		t.Fatalf("short misquotation was repaired to %q", fix)
	}
	// Five of six words: close enough, and the record's words are shown.
	fix, ok := repairQuote("the talks will resume in April", []string{passageA})
	if !ok || fix != "the talks would resume in April" {
		t.Fatalf("repair = %q, %v", fix, ok)
	}
	// Words shuffled: same words, wrong order, not a quotation.
	if fix, ok := repairQuote("April in resume would talks the", []string{passageA}); ok {
		t.Fatalf("shuffled words repaired to %q", fix)
	}
}

// FuzzVerifyQuotes checks that whatever the model writes, the verified
// text has no quotation left to change: verifying it again repairs and
// unquotes nothing, and leaves it as it is.
func FuzzVerifyQuotes(f *testing.F) {
	for _, s := range []string{
		`Example said: “We are ready to meet our partners at any time” [1].`,
		`“x “y” z” [1]`,
		`"door remains open." "talks" "would" [2]`,
		`‘We are ready to meet our partners’ and ‘x’ [1]`,
		`Example said “We are ready … durable agreement” [1] and «never» [2].`,
		`“the talks will resume in April” [1]`,
		`He said 'We are ready to meet our partners' and 'never' [1]; the '90s, rock 'n' roll, O'Brien, leaders' talks.`,
		`„wir sind bereit“ ‚x‘ «a ‹b› c» ＂d＂ 「e」 『f』 [2]`,
		"Intro [1]:\n> We are ready to meet\n> our partners\n\n>>> the talks will resume in April\n> x",
		`“they said ‘We are ready’ and 'the leaders' “door remains open.”’ then” [1]`,
		"“unclosed at the end [1]\n'half open",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, stats, _ := VerifyQuotes(src, cites2())
		if stats.Posted != stats.Verified+stats.Repaired+stats.Unquoted {
			t.Fatalf("stats %+v", stats)
		}
		again, stats2, _ := VerifyQuotes(out, cites2())
		if again != out || stats2.Repaired != 0 || stats2.Unquoted != 0 {
			t.Fatalf("not stable:\n in %q\nout %q\nagain %q (%+v)", src, out, again, stats2)
		}
		// Every quotation left holds the record's words.
		for _, q := range text.FindQuotes(out) {
			inner := strings.TrimSpace(citationGroupRe.ReplaceAllString(q.Words(out), ""))
			if !text.QuoteIn(inner, passageA) && !text.QuoteIn(inner, passageB) {
				t.Fatalf("unverified quotation %q left in %q (from %q)", inner, out, src)
			}
		}
	})
}

func TestVerifyQuotesLongInputIsFast(t *testing.T) {
	long := "“" + strings.Repeat("we are ready to meet our partners at any time ", 400) + "” [1]. "
	src := strings.Repeat(long, 3) + strings.Repeat("“a” ", 500)
	// Long quotations are not aligned word by word (that costs words²):
	// they are unquoted, and the call returns promptly. ("a" is in the
	// passage.)
	out, stats, _ := VerifyQuotes(src, cites2())
	if stats.Posted != 503 || stats.Unquoted != 3 || stats.Verified != 500 || strings.Contains(out, "“we are") {
		t.Fatalf("stats %+v", stats)
	}
	// Dense stray marks of every kind, nested deeper than the passes go:
	// every search is bounded, and nothing is left quoted.
	for _, dense := range []string{
		strings.Repeat("'a ", 5000),
		strings.Repeat("‘a ", 3000) + strings.Repeat("b’ ", 3000),
		strings.Repeat("“a ‘b «c „d ＂e 「f '", 800),
		strings.Repeat("> x\n>>> y\n", 2000),
	} {
		out, _, _ := VerifyQuotes(dense, cites2())
		for _, q := range text.FindQuotes(out) {
			if w := strings.TrimSpace(q.Words(out)); !text.QuoteIn(w, passageA) && !text.QuoteIn(w, passageB) {
				t.Fatalf("unverified quotation left: %.80q", w)
			}
		}
	}
}

// TestVerifyQuotesEveryMark: an invented quotation in each quotation style
// loses its marks with a warning; the record's words in each style stay.
func TestVerifyQuotesEveryMark(t *testing.T) {
	const good = "We are ready to meet our partners at any time"
	const bad = "Freedonia will never negotiate with anyone again"
	styles := []struct{ name, open, close string }{
		{"straight double", `"`, `"`},
		{"curly double", "“", "”"},
		{"straight single", "'", "'"},
		{"curly single", "‘", "’"},
		{"German double", "„", "“"},
		{"German single", "‚", "‘"},
		{"guillemets", "«", "»"},
		{"single guillemets", "‹", "›"},
		{"fullwidth", "＂", "＂"},
		{"corner brackets", "「", "」"},
		{"blockquote", "Example said:\n> ", "\n"},
		{"Discord blockquote", "Example said:\n>>> ", ""},
	}
	for _, s := range styles {
		t.Run(s.name+" invented", func(t *testing.T) {
			src := "Example said " + s.open + bad + s.close + " [1]."
			got, stats, warnings := VerifyQuotes(src, cites2())
			if stats != (QuoteStats{Posted: 1, Unquoted: 1}) || len(warnings) != 1 || !strings.Contains(got, bad) {
				t.Fatalf("%q → %q %+v %q", src, got, stats, warnings)
			}
			if strings.Contains(got, s.open) || strings.Contains(got, strings.TrimSpace(s.close)) && strings.TrimSpace(s.close) != "" {
				t.Errorf("marks left: %q", got)
			}
			if len(text.FindQuotes(got)) != 0 {
				t.Errorf("a quotation is left in %q", got)
			}
		})
		t.Run(s.name+" verbatim", func(t *testing.T) {
			text := "Example said " + s.open + good + s.close + " [1]."
			got, stats, warnings := VerifyQuotes(text, cites2())
			if got != text || stats != (QuoteStats{Posted: 1, Verified: 1}) || len(warnings) != 0 {
				t.Fatalf("%q → %q %+v %q", text, got, stats, warnings)
			}
		})
	}
}

func TestVerifyQuotesNestedAndBlocks(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  string
		stats QuoteStats
	}{
		{
			name:  "double quotation holding the record's own quotation",
			text:  `Example said “the Example Republic's "door remains open."” [1]`,
			want:  `Example said “the Example Republic's "door remains open."” [1]`,
			stats: QuoteStats{Posted: 1, Verified: 1},
		},
		{
			name:  "invented double holding a correct single one",
			text:  `He wrote “they said ‘We are ready to meet our partners’ and then left for good” [1].`,
			want:  `He wrote they said ‘We are ready to meet our partners’ and then left for good [1].`,
			stats: QuoteStats{Posted: 2, Verified: 1, Unquoted: 1},
		},
		{
			name:  "invented double holding an invented single one",
			text:  `He wrote “they said ‘Freedonia will never negotiate’ and left for good” [1].`,
			want:  `He wrote they said Freedonia will never negotiate and left for good [1].`,
			stats: QuoteStats{Posted: 2, Unquoted: 2},
		},
		{
			name:  "blockquote of the record kept",
			text:  "Example told reporters [1]:\n> We are ready to meet our partners at any time – and\n> we will keep working until there is a durable agreement\n\nThe ministers met [2].",
			want:  "Example told reporters [1]:\n> We are ready to meet our partners at any time – and\n> we will keep working until there is a durable agreement\n\nThe ministers met [2].",
			stats: QuoteStats{Posted: 1, Verified: 1},
		},
		{
			name:  "invented blockquote unquoted line by line",
			text:  "Example told reporters [1]:\n> Freedonia will never negotiate\n> with anyone again.\n\nThe ministers met [2].",
			want:  "Example told reporters [1]:\nFreedonia will never negotiate\nwith anyone again.\n\nThe ministers met [2].",
			stats: QuoteStats{Posted: 1, Unquoted: 1},
		},
		{
			name:  "misquoting blockquote repaired on one line",
			text:  "> the talks will resume in April [1]",
			want:  "> the talks would resume in April [1]",
			stats: QuoteStats{Posted: 1, Repaired: 1},
		},
		{
			name:  "blockquote checked against the passage its introduction cites",
			text:  "The ministers said [2]:\n> We are ready to meet our partners at any time\n",
			want:  "The ministers said [2]:\nWe are ready to meet our partners at any time\n",
			stats: QuoteStats{Posted: 1, Unquoted: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, stats, _ := VerifyQuotes(tt.text, cites2())
			if got != tt.want || stats != tt.stats {
				t.Errorf("text\n got %q\nwant %q\nstats %+v, want %+v", got, tt.want, stats, tt.stats)
			}
		})
	}
}

// TestStripQuotationsDrafts: every prefix of a streamed answer, as a draft,
// shows no quotation in any style, keeps apostrophes inside words, and
// extends the draft before it.
func TestStripQuotationsDrafts(t *testing.T) {
	const answer = "Example said 'we are ready' and “never” [1], „nie“ «jamais» ‹x› ＂y＂ 「z」 ‚w‘; O'Brien's team didn't.\n> A blockquote\n>>> and more"
	prev := ""
	for i := range answer {
		draft := stripQuotations(answer[:i])
		if len(text.FindQuotes(draft)) > 0 {
			t.Fatalf("draft %q shows a quotation", draft)
		}
		if !strings.HasPrefix(draft, prev) {
			t.Fatalf("draft %q does not extend %q", draft, prev)
		}
		prev = draft
	}
	if want := "Example said we are ready and never [1], nie jamais x y z w; O'Brien's team didn't.\nA blockquote\nand more"; prev+"e" != want {
		t.Fatalf("final draft %q", prev)
	}
}
