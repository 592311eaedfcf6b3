package answer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/retrieval"
)

// A question asking who held a post is answered from the speaker lists:
// the holders the record titles so in the period asked, in order, each
// cited with a document of theirs and a sentence showing them with the
// title; a question with a subject of its own is searched as usual.
func TestWhoHeldThePost(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	tests := []struct {
		q          string
		want, not  []string // names the answer holds, and must not hold
		firstNamed string   // the name the answer gives first
	}{
		{"who was the press secretary in 2022", []string{"Ada Brightwater"}, []string{"Milo Fenwick"}, "Ada Brightwater"},
		{"who was press secretary in 2024?", []string{"Milo Fenwick"}, []string{"Ada Brightwater"}, "Milo Fenwick"},
		{"Who was the press secretary?", []string{"Ada Brightwater", "Milo Fenwick"}, nil, "Ada Brightwater"},
		{"who's the current press secretary", []string{"Ada Brightwater", "Milo Fenwick"}, nil, "Milo Fenwick"},
		{"who was the first press secretary", []string{"Ada Brightwater"}, []string{"Milo Fenwick"}, "Ada Brightwater"},
		// A post in chat shorthand, as the speaker lists write it out.
		{"who was the press sec in 2022", []string{"Ada Brightwater"}, []string{"Milo Fenwick"}, "Ada Brightwater"},
		{"who was press sec in 2024?", []string{"Milo Fenwick"}, []string{"Ada Brightwater"}, "Milo Fenwick"},
	}
	for _, tt := range tests {
		ans := askExplained(t, p, tt.q)
		if ans.Explain.Decision.By != "titles" || ans.Mode != ModeExtractive {
			t.Errorf("%q: not answered from the speaker lists (%s, by %q):\n%s", tt.q, ans.Mode, ans.Explain.Decision.By, ans.Text)
			continue
		}
		for _, n := range tt.want {
			if !strings.Contains(ans.Text, n) {
				t.Errorf("%q: %s missing:\n%s", tt.q, n, ans.Text)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(ans.Text, n) {
				t.Errorf("%q: %s held the post outside the period asked:\n%s", tt.q, n, ans.Text)
			}
		}
		first := len(ans.Text)
		for _, n := range tt.want {
			if i := strings.Index(ans.Text, n); i >= 0 && i < first {
				first = i
			}
		}
		if !strings.HasPrefix(ans.Text[first:], tt.firstNamed) {
			t.Errorf("%q: %s is not named first:\n%s", tt.q, tt.firstNamed, ans.Text)
		}
		if len(ans.Citations) != len(tt.want) || ans.Quotes.Posted != len(tt.want) || ans.Quotes.Verified != ans.Quotes.Posted {
			t.Errorf("%q: %d citations, quotes %+v; want one cited, verified sentence per holder:\n%s", tt.q, len(ans.Citations), ans.Quotes, ans.Text)
		}
		for _, c := range ans.Citations {
			if !strings.Contains(c.Title, "Press Secretary") {
				t.Errorf("%q cites %q, which does not title its speaker so", tt.q, c.Title)
			}
		}
	}
	// A post with a subject of its own is a question for the passages.
	for _, q := range []string{
		"who did the press secretary say the harvest festival would welcome",
		"what did the press secretary say about the grain stores in 2022",
	} {
		if ans := askExplained(t, p, q); ans.Explain.Decision.By == "titles" {
			t.Errorf("%q was answered from the speaker lists:\n%s", q, ans.Text)
		}
	}
}

// In a chat, "who is the press secretary" after a turn on another
// subject is a new question for the speaker lists; "then" ties it to the
// conversation.
func TestWhoHeldThePostInAChat(t *testing.T) {
	p := &Pipeline{Index: constraintIndex(t), Explain: true}
	first := askExplained(t, p, "what did the press secretary say about the grain stores in 2022")
	history := []Turn{{Question: first.Question, Answer: first.Text, Citations: first.Citations}}
	ans, err := p.Ask(context.Background(), "who is the press secretary", history, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Explain == nil || ans.Explain.Decision.By != "titles" || !strings.Contains(ans.Text, "Milo Fenwick") {
		t.Errorf("after a turn on another subject, a post's holder was not answered from the speaker lists:\n%s", ans.Text)
	}
	ans, err = p.Ask(context.Background(), "and who was the press secretary then?", history, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Explain != nil && ans.Explain.Decision.By == "titles" {
		t.Errorf("'then' did not tie the question to the conversation:\n%s", ans.Text)
	}
}

// The sentence that shows a holder must give them the post, not merely
// hold the post's words and their name.
func TestTitledNear(t *testing.T) {
	post := []string{"national", "security", "adviser"}
	tests := []struct {
		s    string
		want bool
	}{
		{"national security adviser jake sullivan met the minister", true},
		{"jake sullivan the national security adviser met the minister", true},
		{"mr sullivan he was advised by our national security adviser", false},
		{"national security adviser akiba and sullivan met", false},
		{"sullivan met national security adviser cho", false},
	}
	for _, tt := range tests {
		if got := titledNear(strings.Fields(tt.s), []string{"sullivan"}, post); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.s, got, tt.want)
		}
	}
	// Named in full: "President Example" shows Ned Example as president,
	// not Nell Example, who shares his surname.
	passage := "It is my honour to introduce President Example. President Ned Example spoke next."
	if got := sentenceNaming(passage, "nell example", []string{"president"}); got != "" {
		t.Errorf("Nell Example shown as president by %q", got)
	}
	if got := sentenceNaming(passage, "ned example", []string{"president"}); got != "President Ned Example spoke next." {
		t.Errorf("Ned Example: %q", got)
	}
}

// A post typed without its "of" is the record's post: "sec state" and
// "secretary state" are the Secretary of State, "press sec" the press
// secretary; a post the record does not have stays as typed.
func TestTitleOf(t *testing.T) {
	rec := `{"id": "s1.txt", "title": "Secretary of State Ivo Quillhaven on the canal", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Ivo Quillhaven", "title": "Secretary of State"}], "text": "Secretary of State Ivo Quillhaven said the canal would open."}
{"id": "s2.txt", "title": "Secretary of State Ivo Quillhaven on ferries", "outlet": "Nowhereland Ministry", "date": "2023-04-10", "speakers": [{"name": "Ivo Quillhaven", "title": "Secretary of State"}], "text": "Secretary of State Ivo Quillhaven said the ferries would run."}
{"id": "s3.txt", "title": "Briefing by Press Secretary Ada Brightwater", "outlet": "Nowhereland Ministry", "date": "2023-05-10", "speakers": [{"name": "Ada Brightwater", "title": "Press Secretary"}], "text": "Press Secretary Ada Brightwater said the talks would resume."}
`
	pp := buildPeople(jsonlDocs(t, []byte(rec), 3))
	for _, tt := range []struct{ words, want string }{
		{"sec state", "secretary of state"},
		{"secretary state", "secretary of state"},
		{"secretary of state", "secretary of state"},
		{"press sec", "press secretary"},
		{"secretary canal", "secretary canal"},
	} {
		if got := pp.titleOf(tt.words); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.words, got, tt.want)
		}
	}
}

// A post named without a period, in a conversation, is its holder when
// the conversation's statements were made: "what did the press secretary
// say …" after an answer citing 2024 is Milo Fenwick's words; outside a
// conversation the post, held by two, resolves to no one.
func TestPostInTheConversationsPeriod(t *testing.T) {
	pp := buildPeople(constraintDocs(t))
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	q := "what did the press secretary say about the grain stores"
	if c := readQuestionFrom(q, pp, time.Time{}, time.Time{}, Period{}); c.Speaker != nil {
		t.Errorf("alone: speaker %s, want none", c.Speaker.Name)
	}
	history := []Turn{{Question: "how full were the grain stores", Citations: []Citation{{Date: "2024-05-01"}, {Date: "2024-02-01"}}}}
	conv := conversationPeriod(history)
	if !conv.Since.Equal(day("2024-02-01")) || !conv.Until.Equal(day("2024-05-01")) {
		t.Fatalf("conversation's period %v", conv)
	}
	if c := readQuestionFrom(q, pp, time.Time{}, time.Time{}, conv); c.Speaker == nil || c.Speaker.Name != "Milo Fenwick" {
		t.Errorf("in a 2024 conversation: speaker %v, want Milo Fenwick", c.Speaker)
	}
}
