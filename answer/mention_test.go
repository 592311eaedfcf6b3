package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// TestReadQuestionMention checks which "first"/"last" questions ask when
// their subject came up at all, so that a statement titled for the
// subject does not stand in for the first that named it.
func TestReadQuestionMention(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	tests := []struct {
		q    string
		want bool
	}{
		{"When did Quillfeather first mention the canal talks?", true},
		{"when did the glimmerford canal first come up in a briefing", true},
		{"when did the office first talk about the glimmerford canal", true},
		{"What was the earliest statement on the canal talks?", false},
		{"what was the last canal response team briefing about", false},
		{"when did the minister first talk to quillfeather", false},
		// Not an order: nothing to read.
		{"When did the canal come up in talks?", false},
	}
	for _, tt := range tests {
		if got := ReadQuestion(tt.q, pp, day("2024-05-15")).Mention; got != tt.want {
			t.Errorf("%q: Mention = %v, want %v", tt.q, got, tt.want)
		}
	}
	// The subject is searched for, not the verb saying it came up: the
	// record does not write "mentioned" beside the statements that do.
	for q, want := range map[string]string{
		"last time the office mentioned the glimmerford canal":       "office glimmerford canal",
		"when did the glimmerford canal first come up in a briefing": "glimmerford canal briefing",
		"When did Quillfeather first mention the canal talks?":       "canal talks",
		"when did the office first discuss the glimmerford canal":    "office glimmerford canal",
	} {
		c := ReadQuestion(q, pp, day("2024-05-15"))
		if got := strings.Join(text.Terms(c.Search), " "); got != strings.Join(text.Terms(want), " ") {
			t.Errorf("%q: searched %q (terms %q), want the terms of %q", q, c.Search, got, want)
		}
		if strings.Contains(c.Search, "mention") || strings.Contains(c.Search, "come up") {
			t.Errorf("%q: searched %q, which keeps the verb of mentioning", q, c.Search)
		}
	}
	// "raise" may be what was done, not only said: it is searched.
	if c := ReadQuestion("when did quillfeather first raise the canal toll", pp, day("2024-05-15")); !strings.Contains(c.Search, "raise") {
		t.Errorf("searched %q, without the raise asked about", c.Search)
	}
}

// TestNamesSubject checks that a passage names the subject of a mention
// question only when it writes the subject's names word after word.
func TestNamesSubject(t *testing.T) {
	runs := [][]string{{"glimmerford", "canal"}, {"quillfeather"}}
	hit := func(s string) retrieval.Hit { return retrieval.Hit{Chunk: corpus.Chunk{Text: s}} }
	tests := []struct {
		text string
		want bool
	}{
		{"Quillfeather spoke of the Glimmerford Canal this morning.", true},
		{"Quillfeather visited Glimmerford harbour and its canal.", false},
		{"The Glimmerford canal reopened.", false},
	}
	for _, tt := range tests {
		if got := namesSubject(runs, hit(tt.text)); got != tt.want {
			t.Errorf("namesSubject(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if !namesSubject(nil, hit("anything")) {
		t.Error("no runs: every passage should pass")
	}
}

// A name the record writes with a following word ("Glimmerford Canal
// Authority") takes that word into the subject, though the word alone is
// no name ("authority"); a word the record writes in lower case after the
// name does not join it.
func TestSubjectRunsGoOn(t *testing.T) {
	hit := func(id, s string) retrieval.Hit {
		return retrieval.Hit{Chunk: corpus.Chunk{ID: id, Text: s}}
	}
	hits := []retrieval.Hit{
		hit("a#0", "Spokesperson Zara Quillfeather said the Glimmerford Canal Authority would meet. The authority meets often; its authority is wide."),
		hit("b#0", "On Monday the Glimmerford Canal Authority met under the authority of the board."),
		hit("c#0", "Staff of the Glimmerford Canal Authority spoke, and the Glimmerford Canal boats waited."),
	}
	c := Constraints{Mention: true, Search: "mentioned glimmerford canal authority"}
	runs := subjectRuns(c, hits)
	if len(runs) != 1 || !slices.Equal(runs[0], text.Terms("glimmerford canal authority")) {
		t.Errorf("runs %v, want the whole name", runs)
	}
	c.Search = "mentioned glimmerford canal boats"
	if runs := subjectRuns(c, hits); len(runs) != 1 || slices.Contains(runs[0], text.Stem("boats")) {
		t.Errorf("runs %v, want the name without the lower-case word after it", runs)
	}
}

// TestMentionAnswerNamesTheSubject: a question asking when its subject
// first came up is answered by a sentence naming the subject, not by one
// that repeats the order's word and the outlet every passage is from
// ("the first canal czar at this Example House").
func TestMentionAnswerNamesTheSubject(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather",
			"MS. QUILLFEATHER: The minister was asked about the Thornbridge levy last night on the ferry. " +
				"And the minister has also proudly appointed the first canal czar at this Example House, whom I spoke with yesterday.\n"})
	c := Constraints{Outlet: "The Example House", Mention: true, Order: OrderFirst, OrderPhrase: "first"}
	q := ExtractiveQuery{Question: "When did the Example House first mention the Thornbridge levy?", Type: WantDate, Mention: true, Filtered: filteredWords(c)}
	_, _, _, why := extractive(q, hits)
	if len(why) == 0 || !strings.Contains(why[0].Sentence, "Thornbridge levy") {
		t.Errorf("answered with %+v, want the sentence naming the Thornbridge levy", why)
	}
}
