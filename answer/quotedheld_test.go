package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// quillmoorRelease is an invented release quoting a mayor's words in a
// list, as the White House's rebuttals do.
const quillmoorRelease = `title: For Mayor Wendle of Quillmoor, When Will Enough Be Enough?
date: 2031-08-02
source: Invented test record
category: articles
url: https://example.invalid/quillmoor-enough

The harbour of Quillmoor has flooded three times this summer, and its mayor still says all is well.

- “There is no low tide.” (Link)
- “We have the harbour under control.” (Link)
`

// commonQuoteIndex is an index whose word search ranks the passages
// holding a quotation's own words too deep to reach when searched by
// those words alone, as the White House record does for "there is no
// emergency" (its one informative word in hundreds of passages); the
// quotation with the question's other words finds them.
type commonQuoteIndex struct {
	*retrieval.Index
	quote string
}

func (c commonQuoteIndex) LexicalSearch(query string, opts retrieval.SearchOptions) []retrieval.Hit {
	if query == c.quote {
		return nil
	}
	return c.Index.LexicalSearch(query, opts)
}

// TestQuotedWordsHeldAnswer: a question quoting words the record holds is
// answered from the passage holding them, found with the question's other
// words when the quotation's own are too common, even when the rest of
// the question is worded nothing like the record ("that the ministry kept
// roasting"); the item of a list is quoted without the list's marker.
func TestQuotedWordsHeldAnswer(t *testing.T) {
	docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := corpus.Parse("2031-08-02_quillmoor-enough_aaaa0005.txt", []byte(quillmoorRelease))
	if err != nil {
		t.Fatal(err)
	}
	idx := memIndex(t, append(docs, ds...))
	p := &Pipeline{Index: commonQuoteIndex{idx, "there is no low tide"}, Explain: true}
	q := "who said 'there is no low tide' that the ministry kept roasting and dunking on all week in its memes lol"
	ans, err := p.Ask(context.Background(), q, nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode == ModeDeclined {
		t.Fatalf("declined:\n%s", ans.Text)
	}
	if !strings.Contains(ans.Text, "There is no low tide.") {
		t.Errorf("answer lacks the quoted words:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "“- ") {
		t.Errorf("a quotation opens with the list's marker:\n%s", ans.Text)
	}
	if by := ans.Explain.Decision.By; by != "quoted words" {
		t.Errorf("decided by %q, want %q (the signals alone should decline this wording; the test no longer shows the rule)", by, "quoted words")
	}
	checkQuotations(t, ans)
}
