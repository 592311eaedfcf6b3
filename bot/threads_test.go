package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/testsupport"
)

// echoAnswerer answers each question with a fixed sentence naming it.
func echoAnswerer() *fakeAnswerer {
	return &fakeAnswerer{fn: func(_ context.Context, q string, h []answer.Turn, _ func(string)) (*answer.Answer, error) {
		return sampleAnswer("Answer about " + q + " [1]."), nil
	}}
}

func TestFollowUpInThreadUsesEarlierTurn(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name           string
		messageContent bool
		mention        bool
	}{
		{"message content intent", true, false},
		{"no intent, mentioning the bot", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fa := echoAnswerer()
			h := start(t, Config{MessageContent: tc.messageContent}, Deps{Answerer: fa})
			in := h.ask("What did Jane Example say after the call with Minister Sam Sample?")
			h.wait("thread", func() bool { return h.settled(in.ID) && len(h.d.Threads()) == 1 })
			th := h.d.Threads()[0]

			// The bot's own and other bots' messages are not questions.
			h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, AuthorID: "9999", Bot: true, Content: "I am another bot"})
			h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "And what did she tell the ambassador?", MentionBot: tc.mention})
			h.wait("follow-up answer", func() bool {
				for _, m := range h.d.Messages(th.ID) {
					if strings.Contains(m.Content, "Answer about And what did she tell the ambassador?") && strings.Contains(m.Content, "[1] Example Wire") {
						return true
					}
				}
				return false
			})
			calls := fa.Calls()
			if len(calls) != 2 {
				t.Fatalf("answerer called %d times, want 2 (the bot's and other bots' messages ignored)", len(calls))
			}
			hist := calls[1].History
			if len(hist) != 1 || hist[0].Question != "What did Jane Example say after the call with Minister Sam Sample?" ||
				!strings.Contains(hist[0].Answer, "Answer about What did Jane Example say") || strings.Contains(hist[0].Answer, "Sources") {
				t.Errorf("history given to the follow-up: %+v", hist)
			}
			if calls[1].Question != "And what did she tell the ambassador?" {
				t.Errorf("follow-up question %q", calls[1].Question)
			}
			checkRequests(t, h.d)
		})
	}
}

func TestFollowUpHistoryIsBounded(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		turns     int
		wantFirst []string // questions of the third call's history
	}{
		{"all turns", 0, []string{"First question?", "Second question?"}},
		{"one turn", 1, []string{"Second question?"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fa := echoAnswerer()
			h := start(t, Config{MessageContent: true, HistoryTurns: tc.turns}, Deps{Answerer: fa})
			followUps(t, h)
			hist := fa.Calls()[2].History
			var qs []string
			for _, turn := range hist {
				qs = append(qs, turn.Question)
			}
			if strings.Join(qs, "|") != strings.Join(tc.wantFirst, "|") {
				t.Errorf("history questions %q, want %q", qs, tc.wantFirst)
			}
			if !strings.Contains(hist[len(hist)-1].Answer, "Answer about Second question?") {
				t.Errorf("last turn's answer: %q", hist[len(hist)-1].Answer)
			}
		})
	}
}

// followUps asks a question and two follow-ups in its thread.
func followUps(t *testing.T, h *harness) {
	t.Helper()
	in := h.ask("First question?")
	h.wait("thread", func() bool { return h.settled(in.ID) && len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0]
	answered := func(q string) func() bool {
		return func() bool {
			for _, m := range h.d.Messages(th.ID) {
				if strings.Contains(m.Content, "Answer about "+q) && strings.Contains(m.Content, "Sources") {
					return true
				}
			}
			return false
		}
	}
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "Second question?"})
	h.wait("second", answered("Second question?"))
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "Third question?"})
	h.wait("third", answered("Third question?"))
}

func TestMessagesOutsideBotThreadsAreIgnored(t *testing.T) {
	t.Parallel()
	fa := echoAnswerer()
	h := start(t, Config{MessageContent: true}, Deps{Answerer: fa})
	h.d.SendMessage(testsupport.UserMessage{Content: "a message in the channel"})
	// A later /ask proves the message was processed (dispatch is in order).
	in := h.ask("Only this?")
	h.wait("answer", func() bool { return h.settled(in.ID) })
	if n := len(fa.Calls()); n != 1 {
		t.Errorf("answerer called %d times; a channel message is not a question", n)
	}
}

func TestThreadDeniedAnswerStaysInChannel(t *testing.T) {
	t.Parallel()
	fa := echoAnswerer()
	h := start(t, Config{}, Deps{Answerer: fa})
	h.d.DenyThreads(true)
	in := h.ask("Where does this go?")
	h.wait("answer", func() bool {
		return h.settled(in.ID) && len(h.d.Requests(func(r testsupport.Request) bool { return strings.HasSuffix(r.Path, "/threads") })) == 1
	})
	if n := len(h.d.Threads()); n != 0 {
		t.Errorf("%d threads", n)
	}
	if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "Answer about Where does this go?") {
		t.Errorf("answer: %q", c)
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.logs.String(), "cannot open a thread") {
		t.Error("the failure is not logged")
	}
}

func TestAskInsideThreadContinuesConversation(t *testing.T) {
	t.Parallel()
	fa := echoAnswerer()
	h := start(t, Config{}, Deps{Answerer: fa}) // no Message Content intent
	first := h.ask("First question?")
	h.wait("thread", func() bool { return h.settled(first.ID) && len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0]
	// Without the intent a plain message in the thread is not readable.
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "unreadable follow-up"})
	second := h.d.SendInteraction(testsupport.Interaction{Command: "ask", ChannelID: th.ID,
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "Second question?")}})
	h.wait("second", func() bool { return h.settled(second.ID) })
	calls := fa.Calls()
	if len(calls) != 2 || len(calls[1].History) != 1 || calls[1].History[0].Question != "First question?" {
		t.Errorf("calls: %+v", calls)
	}
	if n := len(h.d.Threads()); n != 1 {
		t.Errorf("%d threads; /ask inside a thread must not open another", n)
	}
}

func TestAskInsideAnotherThreadAnswersThere(t *testing.T) {
	t.Parallel()
	fa := echoAnswerer()
	h := start(t, Config{}, Deps{Answerer: fa})
	// A thread a member opened: Discord opens no thread inside a thread, so
	// the answer stays where it was asked, with no attempt and no warning.
	th := h.d.AddChannel(discordgo.ChannelTypeGuildPublicThread, h.d.ChannelID)
	in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", ChannelID: th,
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "Asked in a member's thread?")}})
	h.wait("answer", func() bool { return h.settled(in.ID) })
	if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "Answer about Asked in a member's thread?") {
		t.Errorf("answer: %q", c)
	}
	if calls := fa.Calls(); len(calls) != 1 || len(calls[0].History) != 0 {
		t.Errorf("calls: %+v; a member's thread holds no conversation of the bot", calls)
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.logs.String(), "cannot open a thread") {
		t.Error("a misleading permission warning was logged")
	}
	// After shutdown every request the answer made is in.
	if n := len(h.d.Requests(func(r testsupport.Request) bool { return strings.HasSuffix(r.Path, "/threads") })); n != 0 {
		t.Errorf("%d requests to open a thread inside a thread", n)
	}
}

func TestDirectMessages(t *testing.T) {
	t.Parallel()
	for _, allow := range []bool{false, true} {
		t.Run(map[bool]string{false: "refused", true: "answered"}[allow], func(t *testing.T) {
			t.Parallel()
			h := start(t, Config{AllowDMs: allow}, Deps{Answerer: echoAnswerer()})
			in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", DM: true, ChannelID: h.d.AddDMChannel(),
				Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "In private?")}})
			h.wait("reply", func() bool { return h.settled(in.ID) })
			c := h.d.Response(in.ID).Original.Content
			if allow != strings.Contains(c, "Answer about In private?") {
				t.Errorf("allow=%v: %q", allow, c)
			}
			if len(h.d.Threads()) != 0 {
				t.Error("a DM opened a thread")
			}
		})
	}
}

// TestFollowUpHistoryCarriesCitations: the conversation a follow-up is
// answered with holds what the earlier answer cited, from the answer cache
// while the bot runs and from the answer's footnotes after a restart.
func TestFollowUpHistoryCarriesCitations(t *testing.T) {
	t.Parallel()
	want := sampleAnswer("").Citations[0]
	fa := echoAnswerer()
	h := start(t, Config{MessageContent: true}, Deps{Answerer: fa})
	in := h.ask("What did Jane Example say after the call?")
	h.wait("thread", func() bool { return h.settled(in.ID) && len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0]
	answered := func(h *harness, q string) func() bool {
		return func() bool {
			for _, m := range h.d.Messages(th.ID) {
				if strings.Contains(m.Content, "Answer about "+q) && strings.Contains(m.Content, "Sources") {
					return true
				}
			}
			return false
		}
	}
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "What else did she say?"})
	h.wait("follow-up", answered(h, "What else did she say?"))
	hist := fa.Calls()[1].History
	if len(hist) != 1 || len(hist[0].Citations) != 1 || hist[0].Citations[0].Doc != want.Doc || hist[0].Citations[0].Passage != want.Passage {
		t.Fatalf("history from the cache: %+v", hist)
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}

	// A restarted bot has no cache: the footnotes say what was cited.
	fa2 := echoAnswerer()
	h2 := startOn(t, h.d, Config{MessageContent: true}, Deps{Answerer: fa2})
	h2.wait("reconnected", func() bool { ids, _, _ := h2.d.GatewayStats(); return ids == 2 })
	h2.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "When was that?"})
	h2.wait("after restart", answered(h2, "When was that?"))
	hist = fa2.Calls()[0].History
	if len(hist) != 2 {
		t.Fatalf("history after restart: %+v", hist)
	}
	for _, turn := range hist {
		if len(turn.Citations) != 1 {
			t.Fatalf("turn %q: citations %+v", turn.Question, turn.Citations)
		}
		c := turn.Citations[0]
		if c.N != 1 || c.Outlet != want.Outlet || c.Date != want.Date || c.Title != want.Title || c.URL != want.URL {
			t.Errorf("turn %q: citation %+v, want outlet, date, title and URL of %+v", turn.Question, c, want)
		}
	}
}

func TestParseSourcesReadsFootnotes(t *testing.T) {
	cites := []answer.Citation{
		{N: 1, Outlet: "Example Wire", Date: "2023-09-28", Title: "Talks [resume] — soon", URL: "https://example.org/a"},
		{N: 2, Date: "2024-01-02", Title: "No outlet"},
		{N: 3, Outlet: "Sample Times", Title: "No date", URL: "https://example.org/b c"},
		{N: 4, Outlet: "Wire", Date: "2023-01-02", Title: "see state.gov", URL: "https://example.org/d"},
	}
	msg := renderAnswer("Q?", &answer.Answer{Text: "Text [1][2][3].", Citations: cites})
	got := parseSources(msg)
	if len(got) != 4 {
		t.Fatalf("parsed %+v from\n%s", got, msg)
	}
	wants := []answer.Citation{
		{N: 1, Outlet: "Example Wire", Date: "2023-09-28", Title: "Talks (resume) — soon", URL: "https://example.org/a"},
		{N: 2, Date: "2024-01-02", Title: "No outlet"},
		{N: 3, Outlet: "Sample Times", Title: "No date"},                                                 // a URL with a space is not linked
		{N: 4, Outlet: "Wire", Date: "2023-01-02", Title: "see state.gov", URL: "https://example.org/d"}, // shown, not masked
	}
	for i, w := range wants {
		g := got[i]
		if g.N != w.N || g.Outlet != w.Outlet || g.Date != w.Date || g.Title != w.Title || g.URL != w.URL {
			t.Errorf("footnote %d: %+v, want %+v", i+1, g, w)
		}
	}
}

// TestAskInsideThreadIsNotRateLimited: /ask inside an answer's thread is
// the way to ask a follow-up without the Message Content intent, so the
// asker's follow-ups there are not stopped by the /ask rate.
func TestAskInsideThreadIsNotRateLimited(t *testing.T) {
	t.Parallel()
	// The first answer is long: its second part goes to the thread once
	// the bot has opened (and so knows) it.
	fa := &fakeAnswerer{fn: func(_ context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		text := "Answer to " + q + " [1]."
		if q == "First question?" {
			text = strings.Repeat("The talks went on. ", 150) + text
		}
		return sampleAnswer(text), nil
	}}
	h := start(t, Config{AskPerMinute: 1, AskBurst: 1}, Deps{Answerer: fa}) // no Message Content intent
	first := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "7001",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "First question?")}})
	h.wait("thread", func() bool { return h.settled(first.ID) && len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0]
	h.wait("second part in the thread", func() bool { return len(h.d.Messages(th.ID)) > 0 })
	for _, q := range []string{"Second question?", "Third question?"} {
		h.d.Advance(time.Second)
		in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", ChannelID: th.ID, UserID: "7001",
			Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", q)}})
		h.wait(q, func() bool { return h.settled(in.ID) })
		if got := h.d.Response(in.ID).Original.Content; strings.Contains(got, "per member") {
			t.Errorf("/ask %q in the answer's thread refused: %q", q, got)
		}
	}
	if n := len(fa.Calls()); n != 3 {
		t.Errorf("%d questions answered, want 3", n)
	}
	checkRequests(t, h.d)
}

// TestThanksInThreadIsNotAQuestion: "thanks!" in an answer thread is said
// to whoever answered: the bot neither answers it nor replies that it is
// no question. A question after it is answered as usual.
func TestThanksInThreadIsNotAQuestion(t *testing.T) {
	t.Parallel()
	fa := echoAnswerer()
	h := start(t, Config{MessageContent: true}, Deps{Answerer: fa})
	in := h.ask("What did Jane Example say after the call with Minister Sam Sample?")
	h.wait("thread", func() bool { return h.settled(in.ID) && len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0]
	before := len(h.d.Messages(th.ID))
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "thanks readout!! 🙏"})
	// Dispatch is in order: the question after it proves it was read.
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, Content: "And what did she tell the ambassador?"})
	h.wait("follow-up answer", func() bool {
		for _, m := range h.d.Messages(th.ID) {
			if strings.Contains(m.Content, "Answer about And what did she tell the ambassador?") {
				return true
			}
		}
		return false
	})
	if n := len(fa.Calls()); n != 2 {
		t.Errorf("answerer called %d times, want 2: the thanks is no question", n)
	}
	for _, m := range h.d.Messages(th.ID)[before:] {
		if strings.Contains(m.Content, "question about the record") {
			t.Errorf("the thanks got a reply: %q", m.Content)
		}
	}
}
