package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// ask answers q over the invented record with explanations on.
func askExplained(t *testing.T, p *Pipeline, q string) *Answer {
	t.Helper()
	ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Explain == nil {
		t.Fatalf("%q: no explanation", q)
	}
	return ans
}

func citedDocs(ans *Answer) []string {
	var out []string
	for _, c := range ans.Citations {
		out = append(out, c.Doc+"@"+c.Date)
	}
	return out
}

// A period in the question restricts the answer to it: the spokesperson
// spoke on the canal talks in March, April and May 2023, and a question
// about April quotes April only.
func TestPeriodRestrictsAnswer(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	for _, q := range []string{
		"What did Zara Quillfeather say about the canal talks in April 2023?",
		"what did quillfeather say abt the canal talks in apr 2023",
	} {
		ans := askExplained(t, p, q)
		if ans.Mode != ModeExtractive || len(ans.Citations) == 0 {
			t.Fatalf("%q: %s %q", q, ans.Mode, ans.Text)
		}
		for _, c := range ans.Citations {
			if !strings.HasPrefix(c.Date, "2023-04") {
				t.Errorf("%q quotes %s of %s, outside April 2023:\n%s", q, c.Doc, c.Date, ans.Text)
			}
		}
		if f := ans.Explain.Filters; dateString(f.Since) != "2023-04-01" || dateString(f.Until) != "2023-04-30" {
			t.Errorf("%q searched with %+v", q, f)
		}
	}
}

// "first" and "most recent" pick the earliest and latest statement that
// answers, not the best-scoring one.
func TestOrderPicksEarliestAndLatest(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	tests := []struct{ q, doc string }{
		{"When did Quillfeather first speak about the canal talks?", "canal-1.txt"},
		{"What did Quillfeather say the first time about the canal talks?", "canal-1.txt"},
		{"What did Quillfeather most recently say about the canal talks?", "canal-3.txt"},
		{"what's the latest quillfeather said on the canal talks", "canal-3.txt"},
	}
	for _, tt := range tests {
		ans := askExplained(t, p, tt.q)
		if ans.Mode != ModeExtractive || len(ans.Citations) == 0 || !strings.HasSuffix(ans.Citations[0].Doc, "#"+tt.doc) {
			t.Errorf("%q: cites %v first, want %s:\n%s", tt.q, citedDocs(ans), tt.doc, ans.Text)
		}
		if !strings.HasPrefix(ans.Text, ExtractiveLead+"\n- ") || !strings.Contains(strings.SplitN(ans.Text, "\n", 3)[1], "[1]") {
			t.Errorf("%q: the first quotation is not from the chosen statement:\n%s", tt.q, ans.Text)
		}
	}
}

// A speaker who never spoke on the subject gets a plain answer saying so,
// with what the record holds from others, never someone else's words as
// theirs.
func TestSpeakerWhoNeverSpokeOnTopic(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "What did Bram Oakhollow say about the canal talks?")
	want := "The record has no statement by Bram Oakhollow on the canal talks. It holds 3 statements on the canal talks by other officials (Zara Quillfeather), from 2023-03-10 to 2023-05-20"
	if ans.Mode != ModeDeclined || !strings.HasPrefix(ans.Text, want) || len(ans.Citations) != 0 {
		t.Fatalf("answer %s %q, want it to start %q", ans.Mode, ans.Text, want)
	}
	// The same question about the speaker who did speak is answered.
	ans = askExplained(t, p, "What did Zara Quillfeather say about the canal talks?")
	if ans.Mode != ModeExtractive {
		t.Fatalf("the spokesperson's own words declined: %q", ans.Text)
	}
	// A period with nothing in it says so too.
	ans = askExplained(t, p, "What did Zara Quillfeather say about the canal talks in 2021?")
	if ans.Mode != ModeDeclined || !strings.Contains(ans.Text, "The record has no statement by Zara Quillfeather in 2021 (2021-01-01 to 2021-12-31) on the canal talks.") {
		t.Fatalf("empty period: %q", ans.Text)
	}
}

// A title is resolved to whoever held it in the period asked about.
func TestTitleResolvedByPeriod(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "What did the press secretary say about the harvest festival in 2024?")
	if ans.Mode != ModeExtractive || len(ans.Citations) == 0 || !strings.HasSuffix(ans.Citations[0].Doc, "#harvest-3.txt") || strings.Contains(ans.Text, "Brightwater") {
		t.Fatalf("%s %v:\n%s", ans.Mode, citedDocs(ans), ans.Text)
	}
	if s := ans.Explain.Constraints.Speaker; s == nil || s.Name != "Milo Fenwick" {
		t.Fatalf("speaker %+v", s)
	}
}
