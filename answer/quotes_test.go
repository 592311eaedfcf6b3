package answer

import (
	"strings"
	"testing"
)

const passageA = `Spokesperson Jane Example said on Monday that the talks would resume in April. “We are ready to meet our partners at any time – and we will keep working until there is a durable agreement,” Example told reporters. She added that the Example Republic's "door remains open."`

const passageB = `The ministers of Freedonia and Sylvania met on Tuesday in Example City.`

func cites2() []Citation {
	return []Citation{{N: 1, Passage: passageA}, {N: 2, Passage: passageB}}
}

func TestQuoteIn(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"We are ready to meet our partners at any time", true},
		{"we are READY to meet our   partners at any time", true},      // case, spaces
		{"at any time—and we will keep working", true},                 // dash and space folding
		{"at any time - and we will keep working", true},               // hyphen for en dash
		{"door remains open.", true},                                   // edge punctuation
		{"“We are ready to meet our partners", true},                   // quote mark folding
		{"We are ready … until there is a durable agreement", true},    // ellipsis, in order
		{"until there is a durable agreement ... We are ready", false}, // ellipsis, wrong order
		{"We are ready to meet our allies at any time", false},         // one word changed
		{"are ready to mee", false},                                    // not on word boundaries
		{"the talks would resume in May", false},                       // fabricated
		{"", false},
	}
	for _, tt := range tests {
		if got := quoteIn(tt.q, passageA); got != tt.want {
			t.Errorf("quoteIn(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
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
			for _, q := range findQuotes(got) {
				inner := strings.TrimSpace(citationGroupRe.ReplaceAllString(got[q.inner[0]:q.inner[1]], ""))
				if !quoteIn(inner, passageA) && !quoteIn(inner, passageB) {
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
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		out, stats, _ := VerifyQuotes(text, cites2())
		if stats.Posted != stats.Verified+stats.Repaired+stats.Unquoted {
			t.Fatalf("stats %+v", stats)
		}
		again, stats2, _ := VerifyQuotes(out, cites2())
		if again != out || stats2.Repaired != 0 || stats2.Unquoted != 0 {
			t.Fatalf("not stable:\n in %q\nout %q\nagain %q (%+v)", text, out, again, stats2)
		}
	})
}

func TestVerifyQuotesLongInputIsFast(t *testing.T) {
	long := "“" + strings.Repeat("we are ready to meet our partners at any time ", 400) + "” [1]. "
	text := strings.Repeat(long, 3) + strings.Repeat("“a” ", 500)
	// Long quotations are not aligned word by word (that costs words²):
	// they are unquoted, and the call returns promptly. ("a" is in the
	// passage.)
	out, stats, _ := VerifyQuotes(text, cites2())
	if stats.Posted != 503 || stats.Unquoted != 3 || stats.Verified != 500 || strings.Contains(out, "“we are") {
		t.Fatalf("stats %+v", stats)
	}
}
