package retrieval

import (
	"context"
	"reflect"
	"strings"
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
		// The forms answer reads as a period are raised too: the same
		// reader (ReadDate) reads both.
		{"What was said on 13 September 2022?", queryDates{days: []int{20220913}, years: []int{2022}}},
		{"What was said in late October 2023?", queryDates{months: []int{202310}, years: []int{2023}}},
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

func TestReadDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		words        string
		since, until time.Time
		next         int
		ok           bool
	}{
		{"september 13 2022 briefing", day(2022, 9, 13), day(2022, 9, 13), 3, true},
		{"13th september 2022", day(2022, 9, 13), day(2022, 9, 13), 3, true},
		{"sept 2023", day(2023, 9, 1), day(2023, 9, 30), 2, true},
		{"early 2022", day(2022, 1, 1), day(2022, 4, 30), 2, true},
		{"the end of march 2024", day(2024, 3, 21), day(2024, 3, 31), 5, true},
		{"mid february 2024", day(2024, 2, 11), day(2024, 2, 20), 3, true},
		{"summer 2024", day(2024, 6, 1), day(2024, 8, 31), 2, true},
		{"the summer of 2023 retreat", day(2023, 6, 1), day(2023, 8, 31), 4, true},
		{"spring 2021", day(2021, 3, 1), day(2021, 5, 31), 2, true},
		{"fall of 2022", day(2022, 9, 1), day(2022, 11, 30), 3, true},
		{"winter 2022", day(2021, 12, 1), day(2022, 2, 28), 2, true},
		// A holiday and its year: the week up to the day (Labor Day
		// 2026 is Monday 7 September; Thanksgiving 2021 Thursday 25
		// November; Easter 2024 Sunday 31 March; Memorial Day 2023
		// Monday 29 May).
		{"labor day 2026 message", day(2026, 8, 31), day(2026, 9, 8), 3, true},
		{"thanksgiving of 2021", day(2021, 11, 18), day(2021, 11, 26), 3, true},
		{"christmas 2023", day(2023, 12, 18), day(2023, 12, 26), 2, true},
		{"easter 2024", day(2024, 3, 24), day(2024, 4, 1), 2, true},
		{"memorial day 2023", day(2023, 5, 22), day(2023, 5, 30), 3, true},
		{"new year s day 2025", day(2024, 12, 25), day(2025, 1, 2), 5, true},
		{"labor day", time.Time{}, time.Time{}, 0, false},
		{"fourth of july 2024", day(2024, 6, 27), day(2024, 7, 5), 4, true},
		// Every country has an independence day: no US date for it.
		{"independence day 2023", time.Time{}, time.Time{}, 0, false},
		{"summer", time.Time{}, time.Time{}, 0, false},
		{"may", time.Time{}, time.Time{}, 1, false},
		{"talks", time.Time{}, time.Time{}, 0, false},
	}
	for _, c := range cases {
		s, ok := ReadDate(strings.Fields(c.words), 0, 0)
		if ok != c.ok || !s.Since.Equal(c.since) || !s.Until.Equal(c.until) || s.Next != c.next {
			t.Errorf("ReadDate(%q) = %+v, %v; want %v..%v next %d, %v", c.words, s, ok, c.since, c.until, c.next, c.ok)
		}
	}
	// Orthodox Christmas falls in January: not the December holiday.
	if s, ok := ReadDate(strings.Fields("orthodox christmas 2025"), 1, 0); ok {
		t.Errorf("orthodox christmas 2025 read as %v..%v", s.Since, s.Until)
	}
}
