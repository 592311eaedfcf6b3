package answer

import (
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

func TestMergeByDocumentListsEachSourceOnce(t *testing.T) {
	body := "Spokesperson Zara Quillfeather said the river talks would resume. She added that Nowhereland was ready. Nothing else was said."
	doc := &corpus.Document{ID: "a.txt", Text: body}
	other := &corpus.Document{ID: "b.txt", Text: "Another statement entirely."}
	hits := []retrieval.Hit{
		{Doc: doc, Chunk: corpus.Chunk{DocID: "a.txt", Start: 0, End: 65, Text: body[0:65]}},
		{Doc: other, Chunk: corpus.Chunk{DocID: "b.txt", Start: 0, End: 27, Text: other.Text}},
		{Doc: doc, Chunk: corpus.Chunk{DocID: "a.txt", Start: 66, End: 104, Text: body[66:104]}},
	}
	cites := []Citation{CitationFor(1, hits[0]), CitationFor(2, hits[2]), CitationFor(3, hits[1])}
	cites[0].Speakers, cites[1].Speakers = []string{"Zara Quillfeather"}, []string{"Zara Quillfeather", "Ann Other"}
	text := "“The river talks would resume” [1]. “Nowhereland was ready” [2][1]. Else [3]."
	got, out := MergeByDocument(text, cites, hits)
	if want := "“The river talks would resume” [1]. “Nowhereland was ready” [1]. Else [2]."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if len(out) != 2 || out[0].Doc != "a.txt" || out[1].Doc != "b.txt" || out[1].N != 2 {
		t.Fatalf("citations = %+v", out)
	}
	m := out[0]
	if m.Start != 0 || m.End != 104 || m.Passage != body[m.Start:m.End] || len(m.Speakers) != 2 {
		t.Errorf("merged citation = %+v", m)
	}
	// Nothing to merge: unchanged.
	if got, out := MergeByDocument("x [1] [2]", []Citation{cites[0], {N: 2, Doc: "b.txt"}}, hits); got != "x [1] [2]" || len(out) != 2 {
		t.Errorf("without duplicates: %q %v", got, out)
	}
}
