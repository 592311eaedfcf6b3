package answer

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"

	"github.com/readout/readout/text"
)

func TestSpokenWords(t *testing.T) {
	tests := []struct {
		name, para, sentence, want string
	}{
		{"quotation then attribution", "", "“We are ready to meet at any time,” Example told reporters.", "We are ready to meet at any time"},
		{"attribution then quotation", "", `Example went on to say, "We believe dialogue is the key to peace."`, "We believe dialogue is the key to peace."},
		{"quotation carried over", "“First sentence of the quote. ", "Second sentence runs on here,” Example added.", "Second sentence runs on here"},
		{"no quotation", "", "The ministers met on Tuesday in Example City.", "The ministers met on Tuesday in Example City."},
		{"short quotation keeps the sentence", "", "“Never,” Example said to the press on Monday.", "“Never,” Example said to the press on Monday."},
		{"opening only", "", "“We will keep working until there is a deal.", "We will keep working until there is a deal."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.para + tt.sentence
			s, e := spokenWords(text, len(tt.para), len(text))
			if got := text[s:e]; got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func transcriptHit() retrieval.Hit {
	d := &corpus.Document{ID: "briefing.txt", Format: "header", Title: "Press Briefing by Spokesperson Jane Example",
		Outlet: "Example Briefing Room", Date: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
		Speakers: []corpus.Speaker{{Name: "Jane Example"}, {Name: "John Sample"}}}
	d.Text = "MS. EXAMPLE: Good afternoon, everyone, and welcome to the briefing.\n" +
		"Q: Will the talks between Freedonia and Sylvania resume in April?\n" +
		"MR. SAMPLE: The talks between Freedonia and Sylvania will resume in April in Example City.\n" +
		"MS. EXAMPLE: Thank you all."
	start := strings.Index(d.Text, "Q:")
	return retrieval.Hit{Doc: d, Coverage: 1, Chunk: corpus.Chunk{ID: "briefing.txt#1", DocID: d.ID, Start: start, End: len(d.Text), Text: d.Text[start:]}}
}

func TestTranscriptSpeakers(t *testing.T) {
	h := transcriptHit()
	c := CitationFor(1, h)
	// Who speaks in the passage, as the corpus names them: not the
	// reporter's question, and not the document's whole speaker list.
	sample := h.Doc.SpeakerAt(strings.Index(h.Doc.Text, "MR. SAMPLE"))
	example := h.Doc.SpeakerAt(strings.LastIndex(h.Doc.Text, "MS. EXAMPLE"))
	if sample == "" || example == "" || !reflect.DeepEqual(c.Speakers, []string{sample, example}) {
		t.Fatalf("passage speakers %q, want [%q %q]", c.Speakers, sample, example)
	}
	text, cites, stats := Extractive("When will the talks between Freedonia and Sylvania resume?", []retrieval.Hit{h})
	if len(cites) != 1 || stats.Posted == 0 || stats.Posted != stats.Verified {
		t.Fatalf("cites %+v stats %+v", cites, stats)
	}
	want := "- Example Briefing Room (2024-02-01) — " + sample + ": “The talks between Freedonia and Sylvania will resume in April in Example City.” [1]"
	if !strings.Contains(text, want) {
		t.Fatalf("answer:\n%s\nwant line %q", text, want)
	}
}

func TestExtractiveShape(t *testing.T) {
	hits := exampleHits()
	// The same passage twice must not give the same sentence twice.
	hits = append(hits, hits[0])
	text, cites, stats := Extractive("When would the talks between Freedonia and Sylvania resume?", hits)
	lines := strings.Split(text, "\n")
	if lines[0] != ExtractiveLead || len(lines)-1 < 1 || len(lines)-1 > DefaultWeights.MaxSentences || stats.Posted != len(lines)-1 {
		t.Fatalf("answer:\n%s", text)
	}
	seen := map[string]bool{}
	for _, l := range lines[1:] {
		open, close := strings.Index(l, "“"), strings.LastIndex(l, "”")
		q := l[open+len("“") : close]
		if seen[q] {
			t.Fatalf("duplicate sentence %q", q)
		}
		seen[q] = true
		found := false
		for _, c := range cites {
			found = found || strings.Contains(c.Passage, q)
		}
		if !found {
			t.Fatalf("%q is not a byte-exact substring of a cited passage", q)
		}
	}
	// The report of March 5 dates the statement "on Monday": March 4.
	if !strings.Contains(lines[1], "would resume in April") || !strings.HasPrefix(lines[1], "- Example Wire (2024-03-04), reporting Jane Example: ") {
		t.Fatalf("first line %q", lines[1])
	}
	if got, _, _ := Extractive("anything", nil); got != "" {
		t.Fatal("answer without hits")
	}
}

func TestShortTitle(t *testing.T) {
	long := "A State Department spokesperson on Monday said the United States has called on everyone to do something"
	got := shortTitle(long)
	if len([]rune(got)) > 61 || !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Fatalf("shortTitle = %q", got)
	}
	if shortTitle("Short") != "Short" {
		t.Fatal("short title changed")
	}
}

func TestStageDirectionsAreNotQuoted(t *testing.T) {
	for s, want := range map[string]bool{
		"(Laughter.)":                              true,
		"(President Example gives a thumbs up.)":   true,
		"(Applause.)":                              true,
		"We will continue (as we said) to engage.": false,
		"The talks (in Example City) resumed.":     false,
	} {
		if got := stageDirection(s); got != want {
			t.Errorf("stageDirection(%q) = %v", s, got)
		}
	}
}

// A question that quotes words is answered first by the sentence that holds
// them, even when another passage shares more of its other words.
func TestExtractivePrefersTheQuotedWords(t *testing.T) {
	doc1 := &corpus.Document{ID: "a.txt", Outlet: "Example Wire", Speakers: []corpus.Speaker{{Name: "Jane Example"}},
		Text: "On March 3 in Example City, Spokesperson Jane Example spoke about the Freedonia and Sylvania border talks at length with reporters."}
	doc2 := &corpus.Document{ID: "b.txt", Outlet: "Sample Gazette", Speakers: []corpus.Speaker{{Name: "John Sample"}},
		Text: "\"There is no shortcut to a lasting settlement,\" John Sample said."}
	hits := []retrieval.Hit{
		{Doc: doc1, Chunk: corpus.Chunk{ID: "a.txt#0", DocID: "a.txt", Text: doc1.Text, End: len(doc1.Text)}, Coverage: 0.8},
		{Doc: doc2, Chunk: corpus.Chunk{ID: "b.txt#0", DocID: "b.txt", Text: doc2.Text, End: len(doc2.Text)}, Coverage: 0.6},
	}
	text, cites, _ := Extractive(`Who said on March 3 in Example City about the Freedonia and Sylvania talks that "there is no shortcut to a lasting settlement"?`, hits)
	lines := strings.Split(text, "\n")
	if len(lines) < 2 || !strings.Contains(lines[1], "no shortcut") || cites[0].Doc != "b.txt" {
		t.Errorf("the sentence with the quoted words is not first:\n%s", text)
	}
}

func TestNamesMatchWhateverTheApostrophe(t *testing.T) {
	if i := nameIndex("“It is a trade route,” O’Example said.", "Jim O'Example", false); i < 0 {
		t.Error("a curly apostrophe in the text does not match the stored name")
	}
}

func TestAskedSpeaker(t *testing.T) {
	for q, want := range map[string]string{
		"What did President Biden say on Remembrance Day?":   "Biden",
		"What did Ned Price tell TURAN about the meeting?":   "Ned Price",
		"What did Kirby say about Russia being preoccupied?": "Kirby",
		"Who said the talks would resume?":                   "",
		"What trade route did James O'Brien describe?":       "James O'Brien",
	} {
		got, _ := askedSpeaker(q)
		if want == "" && got != nil || want != "" && !reflect.DeepEqual(got, text.Terms(want)) {
			t.Errorf("askedSpeaker(%q) = %v, want the terms of %q", q, got, want)
		}
	}
}

// A statement's title says what each of its sentences is about: asked what
// someone said on a day named in a title, the statement's words are quoted.
func TestExtractiveCountsTheTitle(t *testing.T) {
	brief := &corpus.Document{ID: "a.txt", Outlet: "Example Wire", Title: "Daily briefing",
		Text: "Asked about it, an official said they expect to say more about Founders Day on Saturday."}
	statement := &corpus.Document{ID: "b.txt", Outlet: "Example Wire", Title: "Statement by Governor Jane Example on Founders Day",
		Text: "We honour the settlers of Exampleland and renew our pledge to their memory with gratitude."}
	hits := []retrieval.Hit{
		{Doc: brief, Chunk: corpus.Chunk{ID: "a.txt#0", DocID: "a.txt", Text: brief.Text, End: len(brief.Text)}, Coverage: 0.7},
		{Doc: statement, Chunk: corpus.Chunk{ID: "b.txt#0", DocID: "b.txt", Text: statement.Text, End: len(statement.Text)}, Coverage: 0.7},
	}
	text, cites, _ := Extractive("What did Governor Example say on Founders Day?", hits)
	found := false
	for _, c := range cites {
		found = found || c.Doc == "b.txt"
	}
	if !found {
		t.Errorf("the statement is not quoted:\n%s", text)
	}
}
