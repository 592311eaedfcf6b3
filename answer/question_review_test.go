package answer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// TestCleanQuestionDropsMentions: whom a Discord message pings is not part
// of what it asks, so mentions never count as words of the question (they
// made "@everyone what did … say" decline for lack of "everyone").
func TestCleanQuestionDropsMentions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@everyone what did Quillfeather say about <@123> the talks?", "what did Quillfeather say about the talks?"},
		{"<@!45> <@&6> @here when do the talks resume?", "when do the talks resume?"},
		{"what did\u200b Quillfeather say?\u202c", "what did Quillfeather say?"},
		{"email me at zara@example.org", "email me at zara@example.org"},
	}
	for _, tc := range tests {
		got, err := CleanQuestion(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("CleanQuestion(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := CleanQuestion("@everyone <@123>"); err == nil {
		t.Error("a question of mentions only was accepted")
	}
}

// TestShoutedQuestionIsRead: a question typed all in capitals is read as
// the same question in lower case (in capitals every word looked like a
// name and the speaker it names was not read); one with any lower-case
// letter is left as typed. A conversation's earlier question, which a
// thread's history holds as typed, is read so too (cleanTurns).
func TestShoutedQuestionIsRead(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WHAT DID ZARA QUILLFEATHER SAY ABOUT THE CANAL TALKS?", "what did zara quillfeather say about the canal talks?"},
		{"What did Zara Quillfeather say about the NATO talks?", "What did Zara Quillfeather say about the NATO talks?"},
		{"NATO?", "nato?"},
		{"I?", "I?"},
	}
	for _, tc := range tests {
		if got, err := CleanQuestion(tc.in); err != nil || got != tc.want {
			t.Errorf("CleanQuestion(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "WHAT DID BRAM OAKHOLLOW SAY ABOUT THE CANAL TALKS?")
	if s := ans.Explain.Constraints.Speaker; s == nil || s.Name != "Bram Oakhollow" {
		t.Fatalf("speaker %+v of the shouted question", s)
	}
	if ans.Mode != ModeDeclined || !strings.HasPrefix(ans.Text, "The record has no statement by Bram Oakhollow on the canal talks.") {
		t.Fatalf("answer %s %q", ans.Mode, ans.Text)
	}
	history := []Turn{{Question: "WHAT DID ZARA QUILLFEATHER SAY ABOUT THE CANAL TALKS?"}}
	if got := cleanTurns(history); got[0].Question != "what did zara quillfeather say about the canal talks?" {
		t.Errorf("history question %q", got[0].Question)
	}
	if history[0].Question != "WHAT DID ZARA QUILLFEATHER SAY ABOUT THE CANAL TALKS?" {
		t.Error("the caller's history was changed")
	}
}

// TestTitleCaseQuestionIsRead: a question typed with every word
// capitalised is read in lower case, as a shouted one is; words in
// capitals keep theirs, and a question whose capitals are names is left
// as typed.
func TestTitleCaseQuestionIsRead(t *testing.T) {
	tests := []struct{ in, want string }{
		{"What Did Zara Quillfeather Say About The NATO Canal Talks?", "what did zara quillfeather say about the NATO canal talks?"},
		{"Who Led It", "who led it"},
		{"\"What Did McQuill Say In 2021\"", "\"what did McQuill say in 2021\""},
		// Names only, or a question of names in ordinary case.
		{"When did Zara Quillfeather meet Bram Oakhollow in Lisbon?", "When did Zara Quillfeather meet Bram Oakhollow in Lisbon?"},
		{"Zara Quillfeather?", "Zara Quillfeather?"},
		{"What did the U.S. say at NATO?", "What did the U.S. say at NATO?"},
	}
	for _, tc := range tests {
		if got, err := CleanQuestion(tc.in); err != nil || got != tc.want {
			t.Errorf("CleanQuestion(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "What Did Bram Oakhollow Say About The Canal Talks?")
	if ans.Mode != ModeDeclined || !strings.HasPrefix(ans.Text, "The record has no statement by Bram Oakhollow on the canal talks.") {
		t.Fatalf("answer %s %q", ans.Mode, ans.Text)
	}
}

// TestSlipsAreReadAsTheRecordSpells: a question's word typed with a slip
// is read as the record spells it before anything reads the question
// (retrieval.Index.Respelled), so "whree" asks for a place and "wehn" for
// a date, and the answer and the explanation say how it was read; a conversation's
// earlier question is read so too.
func TestSlipsAreReadAsTheRecordSpells(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	for q, want := range map[string]AnswerType{"whree did the canal talks open": "place", "wehn did the canal talks open": "date"} {
		ans := askExplained(t, p, q)
		if ans.Explain.Constraints.Want != want {
			t.Errorf("%q: answer wanted %q, want %q", q, ans.Explain.Constraints.Want, want)
		}
		typed, _, _ := strings.Cut(q, " ")
		if !slices.ContainsFunc(ans.Explain.Notes, func(n string) bool { return strings.HasPrefix(n, "read \""+typed+"\" as ") }) {
			t.Errorf("%q: notes %q say nothing of %q", q, ans.Explain.Notes, typed)
		}
		if !slices.ContainsFunc(ans.Warnings, func(w string) bool { return strings.HasPrefix(w, "Read “"+typed+"” as “") }) {
			t.Errorf("%q: warnings %q do not tell the reader how %q was read", q, ans.Warnings, typed)
		}
	}
	history := []Turn{{Question: "whree did the canal talks open"}}
	if got := respelledTurns(constraintIndex(t), history); got[0].Question != "where did the canal talks open" || history[0].Question != "whree did the canal talks open" {
		t.Errorf("history respelled %q, caller's %q", got[0].Question, history[0].Question)
	}
}

// TestCourtesiesAreNotAsked: a greeting or the bot's name opening a
// message, thanks or a plea closing it, and Discord's markdown marks are
// not words of the question ("readout" searched for drew the record's
// many readouts and cost answers); the same words inside the question
// stay.
func TestCourtesiesAreNotAsked(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hey readout, what did quillfeather say about the canal thx!!", "what did quillfeather say about the canal"},
		{"readout: when did the talks start? thanks!", "when did the talks start?"},
		{"Hi bot what did **quillfeather** say about `the canal`? pls thx", "what did quillfeather say about the canal?"},
		{"good morning everyone, who opened the ||canal|| ~~bridge~~", "who opened the canal bridge"},
		{"what did quillfeather say, please", "what did quillfeather say"},
		// Inside the question, or not closing it after its punctuation.
		{"what did she say after the crowd's thank you", "what did she say after the crowd's thank you"},
		{"readout of the canal call, what did it say", "readout of the canal call, what did it say"},
		{"which bot did the ministry ban", "which bot did the ministry ban"},
		// Found by a review: the name after a greeting's comma, the
		// name closing a question, thanks with a comma before the name.
		{"hey, readout, what did quillfeather say about the canal?", "what did quillfeather say about the canal?"},
		{"@readout what did quillfeather say about the canal", "what did quillfeather say about the canal"},
		{"what did quillfeather say about the canal, readout?", "what did quillfeather say about the canal?"},
		{"what did quillfeather say? Thanks, readout! 🙏🏽", "what did quillfeather say?"},
		// Names, not greetings; a name closing a question is no thanks.
		{"Hello Kitty diplomacy?", "Hello Kitty diplomacy?"},
		{"Good Morning America interview: what did quillfeather say", "Good Morning America interview: what did quillfeather say"},
		{"Hi-tech tariffs: what did the ministry say", "Hi-tech tariffs: what did the ministry say"},
		{"Readout: Quillfeather's call with the ministry", "Readout: Quillfeather's call with the ministry"},
		{"hi readout of the canal call", "hi readout of the canal call"},
		{"what did quillfeather say to Ty", "what did quillfeather say to Ty"},
	}
	for _, tc := range tests {
		if got, err := CleanQuestion(tc.in); err != nil || got != tc.want {
			t.Errorf("CleanQuestion(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	// What is compared word for word keeps every word as typed.
	if got := CleanText("Thanks, PLEASE   stop **now** ✅ <@123>"); got != "Thanks, PLEASE stop **now** ✅" {
		t.Errorf("CleanText changed the words: %q", got)
	}
	for _, only := range []string{"hi", "thanks!", "hey readout", "thanks, readout!", "Thank you, bot.", "great, thanks!", "thank you ❤️", "🙏🏽", "ok thx"} {
		if _, err := CleanQuestion(only); !CourtesyOnly(err) {
			t.Errorf("CleanQuestion(%q) = %v, want errCourtesyOnly: the message asks nothing", only, err)
		}
	}
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	ans := askExplained(t, p, "hey readout, what did Bram Oakhollow say about the canal talks? thx")
	if !strings.HasPrefix(ans.Text, "The record has no statement by Bram Oakhollow on the canal talks.") {
		t.Fatalf("answer %s %q", ans.Mode, ans.Text)
	}
	// The pipeline reads a conversation's earlier question so cleaned.
	ans, err := p.Ask(context.Background(), "and in 2021?", []Turn{{Question: "HEY READOUT, WHAT DID ZARA QUILLFEATHER SAY ABOUT THE CANAL TALKS?", Answer: "…"}}, retrieval.SearchOptions{})
	if err != nil || ans.Standalone != "what did zara quillfeather say about the canal talks in 2021?" {
		t.Fatalf("follow-up read as %q (%v)", ans.Standalone, err)
	}
	history := []Turn{{Question: "yo readout, WHAT DID ZARA QUILLFEATHER SAY ABOUT THE CANAL TALKS? ty"}}
	if got := cleanTurns(history); got[0].Question != "what did zara quillfeather say about the canal talks?" {
		t.Errorf("history question %q", got[0].Question)
	}
}
