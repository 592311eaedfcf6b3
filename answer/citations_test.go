package answer

import (
	"reflect"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

func TestParseCitations(t *testing.T) {
	tests := []struct {
		text string
		want [][]int
	}{
		{"No citations here.", nil},
		{"One [1].", [][]int{{1}}},
		{"Two [1, 2] and [3;4].", [][]int{{1, 2}, {3, 4}}},
		{"Adjacent [1][2].", [][]int{{1}, {2}}},
		{"Range [1-3] and en dash [2–3].", [][]int{{1, 2, 3}, {2, 3}}},
		{"Duplicates [2, 2, 1].", [][]int{{2, 1}}},
		{"Not citations: [September 27], [a], [], [1-200], [0].", nil},
		{"Spaces [ 4 ].", [][]int{{4}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got [][]int
			for _, m := range ParseCitations(tt.text) {
				got = append(got, m.Numbers)
				if tt.text[m.Start] != '[' || tt.text[m.End-1] != ']' {
					t.Errorf("bad range %d:%d", m.Start, m.End)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRenumber(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		n         int
		want      string
		wantOrder []int
	}{
		{"order of first use", "A [3]. B [1]. C [3].", 5, "A [1]. B [2]. C [1].", []int{3, 1}},
		{"dangling dropped with its space", "A [9]. B [2].", 3, "A. B [1].", []int{2}},
		{"group partly dangling", "A [2, 7].", 3, "A [1].", []int{2}},
		{"group split", "A [2, 1].", 3, "A [1][2].", []int{2, 1}},
		{"duplicate in adjacent markers kept per group", "A [1][1].", 3, "A [1][1].", []int{1}},
		{"no passages", "A [1].", 0, "A.", nil},
		{"untouched", "Nothing cited.", 3, "Nothing cited.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, order := Renumber(tt.text, tt.n)
			if got != tt.want || !reflect.DeepEqual(order, tt.wantOrder) {
				t.Fatalf("Renumber(%q) = %q %v, want %q %v", tt.text, got, order, tt.want, tt.wantOrder)
			}
		})
	}
}

func fixtureHits() []retrieval.Hit {
	doc := &corpus.Document{ID: "example/a.txt", Title: "Talks resume", Outlet: "Example Wire", URL: "https://example.org/a",
		Date: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Speakers: []corpus.Speaker{{Name: "Jane Example", Title: "spokesperson"}}}
	doc.Text = "Spokesperson Jane Example said the talks would resume in April. “We are ready to meet at any time,” Example said."
	doc2 := &corpus.Document{ID: "example/b.txt", Outlet: "Sample Times"}
	doc2.Text = "The ministers of Freedonia and Sylvania met on Tuesday."
	return []retrieval.Hit{
		{Doc: doc, Chunk: corpus.Chunk{ID: "example/a.txt#0", DocID: doc.ID, Start: 0, End: len(doc.Text), Text: doc.Text}, Coverage: 0.9},
		{Doc: doc2, Chunk: corpus.Chunk{ID: "example/b.txt#0", DocID: doc2.ID, Start: 0, End: len(doc2.Text), Text: doc2.Text}, Coverage: 0.6},
	}
}

func TestBuildCitations(t *testing.T) {
	hits := fixtureHits()
	cites := BuildCitations([]int{2, 1, 7}, hits)
	if len(cites) != 2 {
		t.Fatalf("got %d citations", len(cites))
	}
	a, b := cites[1], cites[0]
	if b.N != 1 || b.Doc != "example/b.txt" || b.Date != "" || b.Outlet != "Sample Times" || len(b.Speakers) != 0 {
		t.Errorf("first citation %+v", b)
	}
	want := Citation{N: 2, Doc: "example/a.txt", Title: "Talks resume", Outlet: "Example Wire", Date: "2024-03-05",
		URL: "https://example.org/a", Speakers: []string{"Jane Example"}, Passage: hits[0].Chunk.Text, Start: 0, End: len(hits[0].Chunk.Text)}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("second citation\n got %+v\nwant %+v", a, want)
	}
}

// FuzzRenumber checks Renumber's invariants on any text: no panic, a
// valid order, and no marker in the output naming a citation that does not
// exist (even where removing a dangling marker joins brackets into a new
// one, as in "[[9]1]").
func FuzzRenumber(f *testing.F) {
	for _, s := range []string{"A [3]. B [1][2].", "[1, 2, 9]", "[1-3] [2–1] [", "]][[1]]", "x [0] [999999]", "“q” [2].", "[[9]7]"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n < 0 || n > 50 {
			return
		}
		// CheckSupport runs first in the pipeline; it must not panic either.
		_, _ = CheckSupport(text, []string{"Jane Example spoke.", "Example Wire reported talks.", ""}[:min(n, 3)])
		out, order := Renumber(text, n)
		seen := map[int]bool{}
		for _, o := range order {
			if o < 1 || o > n || seen[o] {
				t.Fatalf("bad order %v for n=%d", order, n)
			}
			seen[o] = true
		}
		for _, m := range ParseCitations(out) {
			for _, k := range m.Numbers {
				if k < 1 || k > len(order) {
					t.Fatalf("marker [%d] in %q names no citation (order %v, from %q)", k, out, order, text)
				}
			}
		}
	})
}

func TestCheckSupport(t *testing.T) {
	passages := []string{
		"Spokesperson Jane Example said the talks between Freedonia and Sylvania would resume in April.",
		"Minister John Sample said the border had been calm for three weeks.",
	}
	tests := []struct {
		name       string
		text, want string
		report     SupportReport
	}{
		{"supported kept", "The talks would resume in April [1].", "The talks would resume in April [1].", SupportReport{}},
		{"wrong passage moved", "The talks between Freedonia and Sylvania would resume in April [2].", "The talks between Freedonia and Sylvania would resume in April [1].", SupportReport{Moved: 1}},
		{"no passage fits, sentence removed", "The border was calm [2]. Ruritania annexed Zenda yesterday evening [2]. The talks resume [1].", "The border was calm [2]. The talks resume [1].", SupportReport{Unsupported: 1}},
		{"vague sentence left alone", "He said so [2].", "He said so [2].", SupportReport{}},
		{"dangling left for Renumber", "The talks resume in April [7].", "The talks resume in April [7].", SupportReport{}},
		{"group keeps the good one", "The border had been calm for three weeks [1, 2].", "The border had been calm for three weeks [2].", SupportReport{Dropped: 1}},
		{"speech verbs and titles are no claim", "The moon is made of green cheese, the minister said [2].", "", SupportReport{Unsupported: 1}},
		{"a number the passage lacks", "The border had been calm for eleven weeks since 1999, Minister Sample said [2].", "", SupportReport{Unsupported: 1}},
		{"each clause its own citation", "The talks would resume in April [1], and the border had been calm for three weeks [2].", "The talks would resume in April [1], and the border had been calm for three weeks [2].", SupportReport{}},
		{"crossed clauses moved", "The talks would resume in April [2], and the border had been calm for three weeks [1].", "The talks would resume in April [1], and the border had been calm for three weeks [2].", SupportReport{Moved: 2}},
		{"citation before its claim", "According to the report [1], the talks between Freedonia and Sylvania would resume in April.", "According to the report [1], the talks between Freedonia and Sylvania would resume in April.", SupportReport{}},
		{"one supported citation keeps the sentence", "Sylvania and Freedonia will merge into one state [1][2].", "", SupportReport{Unsupported: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep := CheckSupport(tt.text, passages)
			if got != tt.want || rep != tt.report {
				t.Fatalf("got %q %+v, want %q %+v", got, rep, tt.want, tt.report)
			}
		})
	}
}
