package answer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// The passages of the answering document that the top passages lack are
// read too: the sentence that answers may sit paragraphs away from the
// passage the search ranked first.
func TestDocumentPassages(t *testing.T) {
	filler := strings.Repeat("The harbour office keeps its ledgers in the old customs house by the quay. ", 16)
	rec := `{"id": "long.txt", "title": "Statement by Spokesperson Odo Brambleby on Nowhereland harbour tariffs", "outlet": "Nowhereland Ministry", "date": "2031-03-10", "text": "Spokesperson Odo Brambleby spoke on Nowhereland harbour tariffs today.\n\n` + filler + `\n\n` + filler + `\n\nNext, a 60 percent tariff on lamp oil from Quillmark, Brambleby said."}
` + grainConvoy + `
`
	idx := memIndex(t, jsonlDocs(t, []byte(rec), 2))
	p := &Pipeline{Index: idx}
	q := "how high is the nowhereland tariff on quillmark lamp oil"
	all, err := idx.Search(context.Background(), "brambleby harbour ledgers lamp oil", retrieval.SearchOptions{K: 10, Docs: []string{"record.jsonl#long.txt"}})
	if err != nil || len(all) < 3 {
		t.Fatalf("the test wants the document in several passages: %v, %v", all, err)
	}
	var top []retrieval.Hit
	for _, h := range all {
		if h.Chunk.Start == 0 {
			top = append(top, h) // its opening passage, without the answer
		}
	}
	if len(top) != 1 || strings.Contains(top[0].Chunk.Text, "lamp oil") {
		t.Fatalf("want one opening passage without the answer: %v", top)
	}
	got, pool := p.documentPassages(context.Background(), q, WantAny, retrieval.SearchOptions{}, top)
	if pool != len(got) || pool < 2 {
		t.Fatalf("pool %d of %d passages, want the added ones to compete", pool, len(got))
	}
	found := false
	for _, h := range got[1:] {
		found = found || h.Chunk.DocID == "record.jsonl#long.txt" && strings.Contains(h.Chunk.Text, "60 percent tariff on lamp oil")
	}
	if !found {
		t.Errorf("the document's passage on lamp oil was not added: %v", got)
	}
}

// A question asking for a figure reads deeper into the answering
// document, and its passages giving a figure beside the question's words
// come first: here six passages speak of lamp oil more often than the one
// that gives its tariff.
func TestDocumentPassagesGivingTheFigure(t *testing.T) {
	var b strings.Builder
	b.WriteString("Spokesperson Odo Brambleby spoke on Nowhereland harbour tariffs today.")
	for _, wharf := range []string{"Amber", "Birch", "Cedar", "Dune", "Elm", "Fern"} {
		b.WriteString(`\n\n` + strings.Repeat("Lamp oil traders of Quillmark met the "+wharf+" wharf office about the Nowhereland tariff on lamp oil. ", 9))
	}
	b.WriteString(`\n\nThe harbour office keeps its ledgers in the old customs house by the quay. Next, a 60 percent tariff on lamp oil from Quillmark, Brambleby said.`)
	rec := `{"id": "long.txt", "title": "Statement by Spokesperson Odo Brambleby on Nowhereland harbour tariffs", "outlet": "Nowhereland Ministry", "date": "2031-03-10", "text": "` + b.String() + `"}
` + grainConvoy + `
`
	idx := memIndex(t, jsonlDocs(t, []byte(rec), 2))
	p := &Pipeline{Index: idx}
	q := "how high is the nowhereland tariff on quillmark lamp oil"
	all, err := idx.Search(context.Background(), q, retrieval.SearchOptions{K: 20, Docs: []string{"record.jsonl#long.txt"}})
	if err != nil || len(all) < 2+widenPassages {
		t.Fatalf("the test wants the document in more passages than are added: %d, %v", len(all), err)
	}
	i := slices.IndexFunc(all, func(h retrieval.Hit) bool { return h.Chunk.Start == 0 })
	if i < 0 || strings.Contains(all[i].Chunk.Text, "60 percent") {
		t.Fatalf("want an opening passage without the figure: %v", all)
	}
	top := all[i : i+1]
	holds := func(hits []retrieval.Hit) bool {
		return slices.ContainsFunc(hits[1:], func(h retrieval.Hit) bool { return strings.Contains(h.Chunk.Text, "60 percent tariff") })
	}
	if got, _ := p.documentPassages(context.Background(), q, WantAny, retrieval.SearchOptions{}, top); holds(got) {
		t.Fatalf("the test wants the passages on lamp oil ranked before the figure's when no figure is asked: %d passages", len(got))
	}
	got, pool := p.documentPassages(context.Background(), q, WantNumber, retrieval.SearchOptions{}, top)
	if !holds(got[:pool]) {
		t.Errorf("the passage giving the tariff does not compete for a question asking how high: %d of %d passages", pool, len(got))
	}
}
