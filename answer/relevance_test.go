package answer

import (
	"context"
	"reflect"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

func TestEntityTerms(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"What did the Secretary of State say on Monday?", nil},
		{"Quote Ned Price's exact words on the Armenia-Azerbaijan conflict.", retrieval.Terms("Price Armenia Azerbaijan")},
		{"When did President Trump host Ilham Aliyev and Nikol Pashinyan at the White House?", retrieval.Terms("Trump Aliyev Pashinyan")},
		{"What is the population of Stepanakert in November?", retrieval.Terms("Stepanakert")},
		{"how many people crossed?", nil},
	}
	for _, tt := range tests {
		if got := entityTerms(tt.q); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("entityTerms(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestPipelineDeclinesUnnamedSubject(t *testing.T) {
	idx := &fakeIndex{hits: exampleHits()} // coverage 0.9 and 0.7
	p := &Pipeline{Index: idx}
	ans, err := p.Ask(context.Background(), "When would the talks between Freedonia and Ruritania resume?", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Mode != ModeDeclined {
		t.Fatalf("answered about a country no passage names: %+v", ans)
	}
	ans, _ = p.Ask(context.Background(), "When would the talks between Freedonia and Sylvania resume?", nil, retrieval.SearchOptions{})
	if ans.Mode != ModeExtractive {
		t.Fatalf("declined a covered question: %+v", ans)
	}
}

// A passage that names the subject of a question but holds little of what
// is asked does not make the question answerable.
func TestTopicCoverageNeedsWhatIsAsked(t *testing.T) {
	doc := &corpus.Document{ID: "x.txt", Title: "Example Wire report"}
	terms := func(found ...string) []retrieval.TermMatch {
		var out []retrieval.TermMatch
		for _, tm := range []retrieval.TermMatch{{Term: "travel", Weight: 3}, {Term: "advisori", Weight: 4}, {Term: "level", Weight: 2}, {Term: "exampleland", Weight: 5}} {
			for _, f := range found {
				if f == tm.Term {
					tm.Found = true
				}
			}
			out = append(out, tm)
		}
		return out
	}
	namesOnly := retrieval.Hit{Doc: doc, Chunk: corpus.Chunk{ID: "x.txt#0", DocID: "x.txt", Text: "Exampleland talks"}, Coverage: 0.45, Terms: terms("exampleland", "level")}
	if got := topicCoverage(namesOnly, []string{"exampleland"}); got >= DefaultMinCoverage {
		t.Errorf("topic coverage of a passage naming only the subject = %.2f", got)
	}
	p := &Pipeline{}
	if p.decide("What travel advisory level does Exampleland have?", Constraints{}, []retrieval.Hit{namesOnly}).Answer {
		t.Error("a passage with the subject but not the topic made the question answerable")
	}
	full := namesOnly
	full.Chunk.Text = "Exampleland travel advisory level"
	full.Coverage, full.Terms = 1, terms("exampleland", "travel", "advisori", "level")
	if !p.decide("What travel advisory level does Exampleland have?", Constraints{}, []retrieval.Hit{full}).Answer {
		t.Error("a passage with subject and topic was judged irrelevant")
	}
}

func TestEntityTermsKeepApostropheNames(t *testing.T) {
	for _, q := range []string{"What trade route did James O'Brien describe?", "What trade route did James O’Brien describe?"} {
		if got := entityTerms(q); !reflect.DeepEqual(got, retrieval.Terms("OBrien")) {
			t.Errorf("entityTerms(%q) = %v, want the index's term for O'Brien %v", q, got, retrieval.Terms("O'Brien"))
		}
	}
}
