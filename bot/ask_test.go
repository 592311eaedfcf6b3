package bot

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/telemetry"
)

func TestAskAnswersWithFootnotesAndThread(t *testing.T) {
	t.Parallel()
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, h []answer.Turn, onPartial func(string)) (*answer.Answer, error) {
		onPartial("Spokesperson Jane")
		onPartial("Spokesperson Jane Example said")
		return sampleAnswer(`Spokesperson Jane Example said the talks were "constructive" [1]. @everyone should read it.`), nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	in := h.ask("What did the spokesperson say about the talks?")
	h.wait("the answer", func() bool { return h.settled(in.ID) && len(h.d.Threads()) == 1 })

	r := h.d.Response(in.ID)
	if r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || r.Latency >= 3*time.Second {
		t.Errorf("acknowledged with type %d after %v, want a deferred reply (5) within 3 s", r.Type, r.Latency)
	}
	c := r.Original.Content
	for _, want := range []string{
		"> What did the spokesperson say about the talks?",
		`"constructive" [1]`,
		"[1] Example Wire — 2023-09-28 — [Spokesperson comments on the talks](<https://example.org/talks>)",
		"@\u200deveryone",
	} {
		if !strings.Contains(c, want) {
			t.Errorf("answer lacks %q:\n%s", want, c)
		}
	}
	if strings.Contains(c, "@everyone") {
		t.Errorf("answer carries a live @everyone:\n%s", c)
	}
	th := h.d.Threads()[0]
	if th.Name != "What did the spokesperson say about the talks?" || th.ID != r.Original.ID {
		t.Errorf("thread %q from %s, want the question from the answer message %s", th.Name, th.ID, r.Original.ID)
	}
	if len(r.Original.Components) != 1 {
		t.Errorf("answer has %d component rows, want the buttons", len(r.Original.Components))
	}
	checkRequests(t, h.d)
}

func TestAskPrivateOpensNoThread(t *testing.T) {
	t.Parallel()
	fa := &fakeAnswerer{fn: func(context.Context, string, []answer.Turn, func(string)) (*answer.Answer, error) {
		return sampleAnswer("Jane Example spoke [1]."), nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	in := h.ask("Anything?", testsupport.Opt("private", true), testsupport.Opt("since", "2023-01-01"))
	h.wait("the answer", func() bool { return h.settled(in.ID) })
	r := h.d.Response(in.ID)
	if r.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("private answer not ephemeral: flags %d", r.Flags)
	}
	if n := len(h.d.Threads()); n != 0 {
		t.Errorf("private answer opened %d threads", n)
	}
	if got := fa.Calls()[0].Filters.Since; got.Format("2006-01-02") != "2023-01-01" {
		t.Errorf("since filter %v", got)
	}
	checkRequests(t, h.d)
}

func TestAskBadDateIsRefusedClearly(t *testing.T) {
	t.Parallel()
	fa := &fakeAnswerer{fn: func(context.Context, string, []answer.Turn, func(string)) (*answer.Answer, error) {
		t.Error("the answerer must not be called")
		return nil, nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	in := h.ask("Anything?", testsupport.Opt("until", "28/09/2023"))
	h.wait("the refusal", func() bool { return h.settled(in.ID) })
	r := h.d.Response(in.ID)
	if r.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Original.Content, `until: "28/09/2023" is not a date`) {
		t.Errorf("refusal: %+v %q", r.Flags, r.Original.Content)
	}
}

func TestLongAnswerIsSplitWithinLimits(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	for p := 0; p < 12; p++ {
		for s := 0; s < 6; s++ {
			sb.WriteString(`Spokesperson Jane Example said "the talks will continue next week, and both sides agreed to meet again soon" [1]. `)
		}
		sb.WriteString("\n\n")
	}
	long := sb.String()
	fa := &fakeAnswerer{fn: func(_ context.Context, _ string, _ []answer.Turn, onPartial func(string)) (*answer.Answer, error) {
		onPartial(long) // a streamed draft longer than a message
		return sampleAnswer(long), nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	in := h.ask("What about the talks?")
	h.wait("all parts", func() bool {
		if !h.settled(in.ID) || len(h.d.Threads()) != 1 {
			return false
		}
		msgs := h.d.Messages(h.d.Threads()[0].ID)
		return len(msgs) > 0 && strings.Contains(msgs[len(msgs)-1].Content, "[1] Example Wire")
	})
	parts := []string{h.d.Response(in.ID).Original.Content}
	for _, m := range h.d.Messages(h.d.Threads()[0].ID) {
		parts = append(parts, m.Content)
	}
	if len(parts) < 3 {
		t.Fatalf("answer of %d chars in %d parts", len(long), len(parts))
	}
	joined := ""
	for _, p := range parts {
		if runes(p) > 2000 {
			t.Errorf("part of %d characters", runes(p))
		}
		if strings.Count(p, `"`)%2 != 0 {
			t.Errorf("part splits a quotation:\n%s", p)
		}
		if strings.Count(p, "[") != strings.Count(p, "]") {
			t.Errorf("part splits a citation marker:\n%s", p)
		}
		joined += p
	}
	if got, want := strings.Count(joined, "[1]."), strings.Count(long, "[1]."); got != want {
		t.Errorf("%d citations delivered, want %d", got, want)
	}
	checkRequests(t, h.d)
}

func TestModelFailureExtractiveNoticePassesThrough(t *testing.T) {
	t.Parallel()
	const notice = "The language model is unavailable; this answer quotes the record verbatim."
	fa := &fakeAnswerer{fn: func(context.Context, string, []answer.Turn, func(string)) (*answer.Answer, error) {
		a := sampleAnswer(`"The talks were constructive." [1]`)
		a.Mode, a.Warnings = answer.ModeExtractive, []string{notice}
		return a, nil
	}}
	h := start(t, Config{}, Deps{Answerer: fa})
	in := h.ask("What about the talks?")
	h.wait("the answer", func() bool { return h.settled(in.ID) })
	if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, notice) || !strings.Contains(c, "[1] Example Wire") {
		t.Errorf("extractive answer lacks the notice or its source:\n%s", c)
	}
}

func TestAnswerErrorsAreOneClearSentence(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"user error", &answer.UserError{Msg: "The question is empty."}, "The question is empty."},
		{"timeout", context.DeadlineExceeded, "took too long"},
		{"other", errTest, "try again in a minute"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fa := &fakeAnswerer{fn: func(context.Context, string, []answer.Turn, func(string)) (*answer.Answer, error) { return nil, tc.err }}
			h := start(t, Config{}, Deps{Answerer: fa})
			in := h.ask("What?")
			h.wait("the error", func() bool { return len(h.d.Response(in.ID).Followups) == 1 })
			r := h.d.Response(in.ID)
			if r.Original != nil {
				t.Errorf("the public placeholder is left: %q", r.Original.Content)
			}
			f := r.Followups[0]
			if !strings.Contains(f.Content, tc.want) || strings.Contains(f.Content, "boom") || f.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("error message %q (flags %d), want ephemeral %q without internals", f.Content, f.Flags, tc.want)
			}
		})
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("boom: connection refused to 10.0.0.1")

// TestQuestionsBeyondTheSlotsWaitTheirTurn: six members ask at once with
// two model slots. All six are acknowledged at once; four show their place
// in the queue, which moves as answers finish; all six are answered.
func TestQuestionsBeyondTheSlotsWaitTheirTurn(t *testing.T) {
	t.Parallel()
	gate := make(chan struct{}) // one answer finishes per value sent
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, onPartial func(string)) (*answer.Answer, error) {
		onPartial("working on " + q)
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return sampleAnswer("Answer to " + q + " [1]."), nil
	}}
	h := start(t, Config{ModelAnswers: true, ModelConcurrency: 2, QueueEditInterval: 5 * time.Millisecond}, Deps{Answerer: fa})
	var ids []string
	for u := 0; u < 6; u++ {
		in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: formatInt(int64(3000 + u)),
			Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "q"+formatInt(int64(u)))}})
		ids = append(ids, in.ID)
	}
	places := func() map[string]bool {
		seen := map[string]bool{}
		for _, id := range ids {
			if r := h.d.Response(id); r.Original != nil {
				if _, rest, _ := strings.Cut(r.Original.Content, "\n"); strings.HasPrefix(rest, queuedPrefix) {
					seen[rest] = true
				}
			}
		}
		return seen
	}
	working := func() int {
		n := 0
		for _, id := range ids {
			if r := h.d.Response(id); r.Original != nil && strings.Contains(r.Original.Content, "working on") {
				n++
			}
		}
		return n
	}
	h.wait("all acknowledged, two answering, four queued", func() bool {
		for _, id := range ids {
			if !h.d.Response(id).Acked {
				return false
			}
		}
		return working() == 2 && len(places()) == 4
	})
	for _, want := range []string{"Queued — yours is next.", "Queued — 1 question ahead of yours.", "Queued — 2 questions ahead of yours.", "Queued — 3 questions ahead of yours."} {
		if !places()[want] {
			t.Errorf("no question shows %q; places: %v", want, places())
		}
	}
	gate <- struct{}{}
	defer func() { t.Logf("places %v", places()) }()
	h.wait("the places move up", func() bool {
		p := places()
		return len(p) == 3 && p["Queued — 2 questions ahead of yours."] && !p["Queued — 3 questions ahead of yours."]
	})
	close(gate)
	h.wait("all six answered", func() bool {
		for _, id := range ids {
			if !h.settled(id) {
				return false
			}
		}
		return true
	})
	for _, id := range ids {
		if c := h.d.Response(id).Original.Content; !strings.Contains(c, "Answer to q") {
			t.Errorf("%s ended as %q", id, c)
		}
	}
	if n := len(fa.Calls()); n != 6 {
		t.Errorf("answerer called %d times, want 6", n)
	}
	checkRequests(t, h.d)
}

var nextIn = regexp.MustCompile(`next question is possible in (59|5[0-8]) s`)

// TestAskRateIsPerMemberAndSparesFollowUps: the /ask rate stops a member
// who asks too often with a message that says the limit is theirs and
// when the next question is possible; moderators are exempt; a follow-up
// in the answer's thread one second after the answer is answered.
func TestAskRateIsPerMemberAndSparesFollowUps(t *testing.T) {
	t.Parallel()
	fa := &fakeAnswerer{fn: func(_ context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		return sampleAnswer("Answer to " + q + " [1]."), nil
	}}
	h := start(t, Config{AskPerMinute: 1, AskBurst: 1, MessageContent: true}, Deps{Answerer: fa})
	askAs := func(user string, perms int64, q string) string {
		in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: user, Permissions: perms,
			Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", q)}})
		h.wait(q, func() bool { return h.settled(in.ID) })
		return h.d.Response(in.ID).Original.Content
	}
	first := askAs("4001", 0, "member one?")
	if !strings.Contains(first, "Answer to member one?") {
		t.Fatalf("first question: %q", first)
	}
	// A follow-up one second after the answer, in its thread.
	h.wait("thread", func() bool { return len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0].ID
	h.d.Advance(time.Second)
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th, AuthorID: "4001", Content: "and then?"})
	h.wait("follow-up answered", func() bool {
		for _, m := range h.d.Messages(th) {
			if strings.Contains(m.Content, "Answer to and then?") {
				return true
			}
		}
		return false
	})
	for _, tc := range []struct {
		name, user string
		perms      int64
		q          string
		refused    bool
	}{
		{"the member's second /ask", "4001", 0, "member two?", true},
		{"another member", "4002", 0, "other one?", false},
		{"a moderator's first", "4003", discordgo.PermissionManageGuild, "mod one?", false},
		{"a moderator's second", "4003", discordgo.PermissionManageGuild, "mod two?", false},
	} {
		got := askAs(tc.user, tc.perms, tc.q)
		if tc.refused {
			// 60 s after the first question, less the second the test
			// moved the clock and the time the test took.
			if !strings.Contains(got, "per member") || !nextIn.MatchString(got) || strings.Contains(got, "busy") {
				t.Errorf("%s: %q, want the per-member limit and when to ask next", tc.name, got)
			}
			continue
		}
		if !strings.Contains(got, "Answer to "+tc.q) {
			t.Errorf("%s: %q, want an answer", tc.name, got)
		}
	}
	checkRequests(t, h.d)
}

func TestStreamingEditsAreRateBounded(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		interval time.Duration
		min, max int // streaming edits expected
	}{
		{"long interval: one draft edit", time.Hour, 1, 1},
		{"short interval: drafts shown", time.Millisecond, 1, 50},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var h *harness
			ready := make(chan struct{})
			draftSeen := func() bool {
				return len(h.d.Requests(func(r testsupport.Request) bool {
					c, _ := r.JSON()["content"].(string)
					return r.Method == "PATCH" && strings.HasSuffix(c, " …")
				})) > 0
			}
			fa := &fakeAnswerer{fn: func(ctx context.Context, _ string, _ []answer.Turn, onPartial func(string)) (*answer.Answer, error) {
				<-ready
				text := ""
				for k := 0; k < 100; k++ {
					text += "word "
					onPartial(text)
					if k == 49 { // let the first draft reach Discord
						if err := h.d.WaitFor(ctx, draftSeen); err != nil {
							return nil, err
						}
					}
				}
				return sampleAnswer("Final answer [1]."), nil
			}}
			h = start(t, Config{EditInterval: tc.interval}, Deps{Answerer: fa})
			close(ready)
			in := h.ask("Stream?")
			h.wait("answer", func() bool { return h.settled(in.ID) })
			drafts := 0
			for _, r := range h.d.Requests(func(r testsupport.Request) bool { return r.Method == "PATCH" && strings.Contains(r.Path, in.Token) }) {
				if c, _ := r.JSON()["content"].(string); strings.HasSuffix(c, " …") {
					drafts++
				}
			}
			if drafts < tc.min || drafts > tc.max {
				t.Errorf("%d draft edits, want %d..%d", drafts, tc.min, tc.max)
			}
			if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "Final answer [1].") {
				t.Errorf("final: %q", c)
			}
		})
	}
}

func TestMetricsRecordAcksAndOutcomes(t *testing.T) {
	t.Parallel()
	m := telemetry.New()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Metrics: m})
	in := h.ask("Counted?")
	h.wait("answer", func() bool { return h.settled(in.ID) })
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	fams, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var acks uint64
	answered := 0.0
	for _, f := range fams {
		for _, mm := range f.GetMetric() {
			switch f.GetName() {
			case "readout_ack_latency_seconds":
				acks += mm.GetHistogram().GetSampleCount()
			case "readout_interactions_total":
				labels := map[string]string{}
				for _, l := range mm.GetLabel() {
					labels[l.GetName()] = l.GetValue()
				}
				if labels["command"] == "ask" && labels["outcome"] == "answered" {
					answered += mm.GetCounter().GetValue()
				}
			}
		}
	}
	if acks != 1 || answered != 1 {
		t.Errorf("acks observed %d, ask answered %v; want 1 and 1", acks, answered)
	}
}

// TestWaitPastTheTokenIsNeverLeftThinking: a question still queued when
// its interaction token would run out before an answer could finish says
// where the answer will come, and it comes there: in the channel, or by
// direct message when private.
func TestWaitPastTheTokenIsNeverLeftThinking(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		private bool
		where   string
	}{
		{"public", false, "posted in this channel"},
		{"private", true, "by direct message"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			gate := make(chan struct{})
			fa := gatedAnswerer(gate)
			h := start(t, Config{ModelAnswers: true, ModelConcurrency: 1, QueueEditInterval: 5 * time.Millisecond}, Deps{Answerer: fa})
			first := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "6001",
				Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "first?")}})
			h.wait("first acknowledged", func() bool { return h.d.Response(first.ID).Acked })
			late := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "6002",
				Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "late?"), testsupport.Opt("private", tc.private)}})
			content := func() string {
				if r := h.d.Response(late.ID); r.Original != nil {
					return r.Original.Content
				}
				return ""
			}
			h.wait("queued", func() bool { return strings.Contains(content(), "Queued — yours is next.") })
			h.d.Advance(14 * time.Minute) // too late to start a 2-minute answer
			h.wait("told where the answer will come", func() bool { return strings.Contains(content(), tc.where) })
			if !strings.Contains(content(), "Still queued") {
				t.Errorf("reply %q", content())
			}
			h.d.Advance(2 * time.Minute) // the token is gone
			close(gate)
			where := h.d.ChannelID
			if tc.private {
				h.wait("direct message channel", func() bool { return h.d.DMChannel("6002") != "" })
				where = h.d.DMChannel("6002")
			}
			h.wait("answered", func() bool {
				for _, m := range h.d.Messages(where) {
					if strings.Contains(m.Content, "Answer to late?") {
						return true
					}
				}
				return false
			})
			if tc.private {
				for _, m := range h.d.Messages(h.d.ChannelID) {
					if strings.Contains(m.Content, "Answer to late?") {
						t.Errorf("a private answer was posted in the channel")
					}
				}
			}
			checkRequests(t, h.d)
		})
	}
}

// TestQueueIsVisible: /corpus status answers at once while every model
// slot is taken, and shows the queue; the metrics count what waits, how
// long, and what was refused and why.
func TestQueueIsVisible(t *testing.T) {
	t.Parallel()
	gate := make(chan struct{})
	fa := gatedAnswerer(gate)
	m := telemetry.New()
	h := start(t, Config{ModelAnswers: true, ModelConcurrency: 1, AskPerMinute: 1, AskBurst: 1}, Deps{Answerer: fa, Record: &fakeRecord{}, Metrics: m})
	var ids []string
	for _, u := range []string{"7001", "7002", "7003", "7001"} {
		in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: u,
			Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "from "+u+"?")}})
		h.wait("acknowledged", func() bool { return h.d.Response(in.ID).Acked })
		ids = append(ids, in.ID)
	}
	st := h.d.SendInteraction(testsupport.Interaction{Command: "corpus", Options: corpusCmd("status")})
	h.wait("status", func() bool { return h.settled(st.ID) })
	if c := h.d.Response(st.ID).Original.Content; !strings.Contains(c, "model answers: 1 of 1 being answered, 2 waiting from 2 members") {
		t.Errorf("status does not show the queue: %q", c)
	}
	value := func(name, label, want string) float64 {
		fams, err := m.Registry.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fams {
			if f.GetName() != name {
				continue
			}
			for _, mm := range f.GetMetric() {
				for _, l := range mm.GetLabel() {
					if l.GetName() == label && l.GetValue() == want {
						if hist := mm.GetHistogram(); hist != nil {
							return float64(hist.GetSampleCount())
						}
						return mm.GetGauge().GetValue() + mm.GetCounter().GetValue()
					}
				}
			}
		}
		return 0
	}
	if n := value("readout_queue_length", "lane", "model"); n != 2 {
		t.Errorf("queue length %v, want 2", n)
	}
	if n := value("readout_refusals_total", "reason", "rate"); n != 1 {
		t.Errorf("refusals for rate %v, want 1", n)
	}
	close(gate)
	h.wait("answered", func() bool { return h.settled(ids[1]) && h.settled(ids[2]) })
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	if n := value("readout_queue_wait_seconds", "lane", "model"); n != 3 {
		t.Errorf("waits observed %v, want 3", n)
	}
	if n := value("readout_queue_length", "lane", "model"); n != 0 {
		t.Errorf("queue length %v after, want 0", n)
	}
}

// TestAnswersUnderDiscordsGlobalRateLimit: with the fake enforcing
// Discord's global rate limit (scaled down from 50 a second so a small
// burst meets it), a burst of /ask and thread follow-ups is still answered,
// every one, once: the limited requests are retried after the wait Discord
// names, and queue places and answers go through.
func TestAnswersUnderDiscordsGlobalRateLimit(t *testing.T) {
	t.Parallel()
	d := testsupport.NewDiscord(t)
	h := startOn(t, d, Config{MessageContent: true, QueueEditInterval: 50 * time.Millisecond}, Deps{Answerer: echoAnswerer()})
	d.SetGlobalRateLimit(15)
	const members = 10
	var ids []string
	for u := 0; u < members; u++ {
		ids = append(ids, d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: formatInt(int64(7100 + u)),
			Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "first of "+formatInt(int64(u))+"?")}}).ID)
	}
	h.wait("every /ask answered and its thread open", func() bool {
		for _, id := range ids {
			if !h.settled(id) {
				return false
			}
		}
		return len(d.Threads()) == members
	})
	type sent struct{ thread, id, q string }
	var fus []sent
	for k, th := range d.Threads() {
		q := "and then " + formatInt(int64(k)) + "?"
		fus = append(fus, sent{th.ID, d.SendMessage(testsupport.UserMessage{ChannelID: th.ID, AuthorID: "7200", Content: q}).ID, q})
	}
	answered := func(f sent) int {
		n := 0
		for _, m := range d.Replies(f.thread, f.id) {
			if strings.Contains(m.Content, "Answer about "+f.q) {
				n++
			}
		}
		return n
	}
	h.wait("every follow-up answered", func() bool {
		for _, f := range fus {
			if answered(f) == 0 {
				return false
			}
		}
		return true
	})
	for _, f := range fus {
		if n := answered(f); n != 1 {
			t.Errorf("%s answered %d times", f.q, n)
		}
	}
	if n := len(d.Requests(func(r testsupport.Request) bool { return r.Status == http.StatusTooManyRequests })); n == 0 {
		t.Error("the burst never met the rate limit; the test shows nothing")
	}
	checkRequests(t, d)
}

// TestShutdownTellsWaitingQuestions: when the bot stops, a question still
// waiting its turn is told at once to ask again, not left showing its
// place; the one being answered has the grace period to finish.
func TestShutdownTellsWaitingQuestions(t *testing.T) {
	t.Parallel()
	gate := make(chan struct{})
	fa := gatedAnswerer(gate)
	h := start(t, Config{ModelAnswers: true, ModelConcurrency: 1, ShutdownGrace: time.Minute}, Deps{Answerer: fa})
	first := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "7301",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "first?")}})
	h.wait("first acknowledged", func() bool { return h.d.Response(first.ID).Acked })
	waiting := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "7302",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "waiting?")}})
	h.wait("queued", func() bool {
		r := h.d.Response(waiting.ID)
		return r.Original != nil && strings.Contains(r.Original.Content, queuedPrefix)
	})
	stopped := make(chan error, 1)
	go func() { stopped <- h.shutdown() }()
	h.wait("the waiting question told", func() bool {
		for _, f := range h.d.Response(waiting.ID).Followups {
			if strings.Contains(f.Content, "ask again in a minute") {
				return true
			}
		}
		return false
	})
	close(gate) // the answer in progress finishes within the grace period
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if c := h.d.Response(first.ID).Original.Content; !strings.Contains(c, "Answer to first?") {
		t.Errorf("the answer in progress did not finish: %q", c)
	}
	if n := len(fa.Calls()); n != 1 {
		t.Errorf("answerer called %d times, want 1 (the waiting question must not start)", n)
	}
}

// TestThreadFloodIsBoundedByShare: anyone may post in a public answer
// thread, so a member's follow-ups pass the queue's length but not their
// share of it; the one past the share is told so in the thread, and the
// others are answered.
func TestThreadFloodIsBoundedByShare(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	fa := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		if strings.HasPrefix(q, "flood") {
			select {
			case <-release:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		return sampleAnswer("Answer to " + q + " [1]."), nil
	}}
	h := start(t, Config{QueuePerUser: 2, MessageContent: true}, Deps{Answerer: fa})
	in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "4001",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "first?")}})
	h.wait("first answer", func() bool { return h.settled(in.ID) })
	h.wait("thread", func() bool { return len(h.d.Threads()) == 1 })
	th := h.d.Threads()[0].ID
	// count counts the bot's messages in the thread that hold sub (the
	// member's own messages are in the thread too).
	count := func(sub string) int {
		n := 0
		for _, m := range h.d.Messages(th) {
			if m.Author != nil && m.Author.ID != "4009" && strings.Contains(m.Content, sub) {
				n++
			}
		}
		return n
	}
	// Another member posts three follow-ups while the first two are still
	// being answered; each waits for the bot's placeholder, as messages
	// may be handled in any order.
	for i, q := range []string{"flood one?", "flood two?"} {
		h.d.SendMessage(testsupport.UserMessage{ChannelID: th, AuthorID: "4009", Content: q})
		h.wait("placeholder "+q, func() bool { return count("flood") >= i+1 })
	}
	h.d.SendMessage(testsupport.UserMessage{ChannelID: th, AuthorID: "4009", Content: "flood three?"})
	h.wait("the third refused", func() bool { return count("You already have 2 questions") == 1 })
	close(release)
	h.wait("the first two answered", func() bool {
		return count("Answer to flood one?") == 1 && count("Answer to flood two?") == 1
	})
	if n := count("Answer to flood three?"); n != 0 {
		t.Errorf("the follow-up past the share was answered %d times", n)
	}
	checkRequests(t, h.d)
}
