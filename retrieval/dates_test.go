package retrieval

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
)

func TestParseQueryDates(t *testing.T) {
	cases := []struct {
		q    string
		want queryDates
	}{
		{"What did he say on September 13, 2022?", queryDates{days: []int{20220913}, months: nil, years: []int{2022}}},
		{"Who spoke in Sept. 2023 about it?", queryDates{months: []int{202309}, years: []int{2023}}},
		{"What happened in 2021 and 2024?", queryDates{years: []int{2021, 2024}}},
		{"How many were there by the end of September 2023?", queryDates{months: []int{202309}, years: []int{2023}}},
		{"What did the spokesperson say?", queryDates{}},
	}
	for _, c := range cases {
		if got := parseQueryDates(c.q); !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseQueryDates(%q) = %+v, want %+v", c.q, got, c.want)
		}
	}
}

// Of two documents that say the same, the one dated when the question
// says comes first.
func TestQuestionDatesRaiseDocumentsOfThatTime(t *testing.T) {
	text := "Spokesperson Jane Example said the example river treaty talks would resume after the recess."
	docs := []*corpus.Document{
		{ID: "a.txt", Outlet: "Example Wire", Date: time.Date(2021, 3, 2, 0, 0, 0, 0, time.UTC), Text: text},
		{ID: "b.txt", Outlet: "Example Wire", Date: time.Date(2023, 5, 9, 0, 0, 0, 0, time.UTC), Text: text},
	}
	for _, d := range docs {
		d.Hash = d.ComputeHash()
	}
	ix, err := Open("", NewBuiltinEmbedder(64), IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"What did Jane Example say about the river treaty talks in 2023?":       "b.txt",
		"What did Jane Example say about the river treaty talks in March 2021?": "a.txt",
		"What did Jane Example say on May 9, 2023 about the river treaty?":      "b.txt",
	} {
		hits, err := ix.Search(context.Background(), q, SearchOptions{K: 2})
		if err != nil || len(hits) == 0 {
			t.Fatalf("%q: %v", q, err)
		}
		if hits[0].Doc.ID != want {
			t.Errorf("%q: first %s, want %s", q, hits[0].Doc.ID, want)
		}
	}
}
