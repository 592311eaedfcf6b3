package answer

import (
	"context"
	"reflect"
	"testing"

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
