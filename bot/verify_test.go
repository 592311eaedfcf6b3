package bot

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/verify"
)

// The fixture record (testdata/verify): a briefing by Press Secretary Zara
// Quillfeather (2023-05-04) and a statement by Foreign Minister Orrin
// Vantablack (2023-06-12), both invented.
const (
	exactQuote    = "We will never accept a blockade of the northern harbour"
	inventedQuote = "the ministers agreed to abolish every tariff on wool by Friday"
	briefingURL   = "https://example.org/briefings/2023/05/04/press-briefing-by-press-secretary-zara-quillfeather/"
)

// countingVerifier passes checks to the real verifier and counts them.
type countingVerifier struct {
	v     Verifier
	calls atomic.Int32
}

func (c *countingVerifier) Check(ctx context.Context, cl verify.Claim) (verify.Result, error) {
	c.calls.Add(1)
	return c.v.Check(ctx, cl)
}

// fixtureVerifier indexes the fixture record and returns a verifier over it.
func fixtureVerifier(t *testing.T) *countingVerifier {
	t.Helper()
	idx, err := retrieval.Open("", retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _, err := corpus.LoadFS(os.DirFS("testdata/verify"), "testdata/verify", corpus.LoadOptions{})
	if err != nil || len(docs) != 2 {
		t.Fatalf("fixture record: %d documents, %v", len(docs), err)
	}
	if _, err := idx.Sync(context.Background(), docs, nil); err != nil {
		t.Fatal(err)
	}
	return &countingVerifier{v: verify.New(idx)}
}

func verifyOpts(quote string, extra ...*discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandInteractionDataOption {
	return append([]*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("quote", quote)}, extra...)
}

func TestVerifyAndCheckQuotesAreRegistered(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
	var slash, menu *discordgo.ApplicationCommand
	for _, c := range h.d.Commands(h.d.GuildID) {
		switch {
		case c.Name == "verify" && c.Type <= discordgo.ChatApplicationCommand:
			slash = c
		case c.Name == checkQuotesCommand:
			menu = c
		}
	}
	if slash == nil || len(slash.Options) != 5 || slash.Options[0].Name != "quote" || !slash.Options[0].Required {
		t.Fatalf("/verify not registered with quote first and required: %+v", slash)
	}
	for _, o := range slash.Options[1:] {
		if o.Required || (o.Type == discordgo.ApplicationCommandOptionString && o.MaxLength == 0) {
			t.Errorf("option %s: required %v, max_length %d", o.Name, o.Required, o.MaxLength)
		}
	}
	if menu == nil || menu.Type != discordgo.MessageApplicationCommand || menu.Description != "" || len(menu.Options) != 0 {
		t.Fatalf("Check quotes not registered as a message command (type 3, no description, no options): %+v", menu)
	}
	puts := h.d.Requests(func(r testsupport.Request) bool { return r.Method == "PUT" })
	var sent []map[string]any
	if len(puts) != 1 || json.Unmarshal(puts[0].Body, &sent) != nil {
		t.Fatalf("registration: %+v", puts)
	}
	for _, c := range sent {
		if c["name"] == checkQuotesCommand && (c["type"] != float64(3) || c["description"] != nil) {
			t.Errorf("Check quotes sent as %v", c)
		}
	}
}

// TestVerifyAnswersWithOneVerdict: /verify is acknowledged at once
// (deferred, public) and answered with the verdict over the fixture record:
// exact with speaker, date, citation link and the sentences around it;
// not found with the period the record covers.
func TestVerifyAnswersWithOneVerdict(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
	for _, tc := range []struct {
		name    string
		opts    []*discordgo.ApplicationCommandInteractionDataOption
		want    []string
		notWant []string
	}{
		{"exact", verifyOpts(exactQuote),
			[]string{"> " + exactQuote, "✅ **Exact:", "Zara Quillfeather", "2023-05-04", "](<" + briefingURL + ">)",
				"three hours at the harbour office", "The talks resume on Monday"},
			[]string{"Not in the record"}},
		{"exact, in the period given", verifyOpts(exactQuote, testsupport.Opt("since", "2023-05"), testsupport.Opt("until", "2023")),
			[]string{"✅ **Exact:", "Zara Quillfeather"}, nil},
		{"not found", verifyOpts(inventedQuote),
			[]string{"> " + inventedQuote, "❌ **Not in the record", "2023-05-04 to 2023-06-12"},
			[]string{"✅ **Exact:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := h.d.SendInteraction(testsupport.Interaction{Command: "verify", Options: tc.opts})
			h.wait("verdict", func() bool { return h.settled(in.ID) })
			r := h.d.Response(in.ID)
			if r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || r.Flags&discordgo.MessageFlagsEphemeral != 0 {
				t.Errorf("acknowledged with type %d flags %d, want a public deferral", r.Type, r.Flags)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Original.Content, w) {
					t.Errorf("verdict lacks %q:\n%s", w, r.Original.Content)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(r.Original.Content, w) {
					t.Errorf("verdict has %q:\n%s", w, r.Original.Content)
				}
			}
		})
	}
	checkRequests(t, h.d)
}

// TestVerifyRefusesClearly: a bad period, a missing verifier.
func TestVerifyRefusesClearly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		verifier bool
		opts     []*discordgo.ApplicationCommandInteractionDataOption
		want     string
	}{
		{"bad date", true, verifyOpts(exactQuote, testsupport.Opt("since", "someday")), "since:"},
		{"until before since", true, verifyOpts(exactQuote, testsupport.Opt("since", "2023-06"), testsupport.Opt("until", "2023-05")), "before since"},
		{"blank quote", true, verifyOpts("   "), "Give the words to check"},
		{"no verifier", false, verifyOpts(exactQuote), "not available"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			deps := Deps{Answerer: echoAnswerer()}
			if tc.verifier {
				deps.Verifier = fixtureVerifier(t)
			}
			h := start(t, Config{}, deps)
			in := h.d.SendInteraction(testsupport.Interaction{Command: "verify", Options: tc.opts})
			h.wait("refusal", func() bool { return h.d.Response(in.ID).Acked })
			r := h.d.Response(in.ID)
			if r.Flags&discordgo.MessageFlagsEphemeral == 0 || r.Original == nil || !strings.Contains(r.Original.Content, tc.want) {
				t.Fatalf("want a private %q, got flags %d: %+v", tc.want, r.Flags, r.Original)
			}
		})
	}
}

// targetText quotes two passages: one in the record, one invented that
// carries a mention and a masked link, neither of which may come back.
const targetText = `<@4242> look what Quillfeather said: "` + exactQuote + `" and then “the ministers agreed with <@4242> to abolish [every tariff](https://evil.example/x) on wool by Friday”`

// TestCheckQuotesOnAMessage: the message command checks each quotation of
// the message it is used on (taken from the interaction's resolved
// message), privately by default or as a reply to the message when so
// configured, and never reproduces a mention or a masked link.
func TestCheckQuotesOnAMessage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		reply bool
	}{
		{"private", false},
		{"reply to the message", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Without the Message Content intent: the command's target
			// carries its content all the same.
			h := start(t, Config{CheckQuotesInReply: tc.reply}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
			target := h.d.SendMessage(testsupport.UserMessage{AuthorID: "3003", Content: targetText})
			in := h.d.SendInteraction(testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID})
			var verdicts string
			if tc.reply {
				h.wait("reply to the message", func() bool { return len(h.d.Replies(h.d.ChannelID, target.ID)) > 0 && h.settled(in.ID) })
				verdicts = h.d.Replies(h.d.ChannelID, target.ID)[0].Content
				if c := h.d.Response(in.ID).Original.Content; !strings.Contains(c, "replied") {
					t.Errorf("the asker is not told where the verdicts went: %q", c)
				}
			} else {
				h.wait("private verdicts", func() bool { return h.settled(in.ID) })
				verdicts = h.d.Response(in.ID).Original.Content
				for _, m := range h.d.Messages(h.d.ChannelID) {
					if m.ID != target.ID && m.Flags&discordgo.MessageFlagsEphemeral == 0 {
						t.Errorf("a public message in the channel: %q", m.Content)
					}
				}
			}
			if r := h.d.Response(in.ID); r.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("acknowledgement flags %d, want ephemeral", r.Flags)
			}
			for _, w := range []string{"2 quotations", "✅ **Exact:", "Zara Quillfeather", "❌ **Not in the record", "](<" + briefingURL + ">)"} {
				if !strings.Contains(verdicts, w) {
					t.Errorf("verdicts lack %q:\n%s", w, verdicts)
				}
			}
			if strings.Contains(verdicts, "<@4242>") || strings.Contains(verdicts, "](https://evil.example") {
				t.Errorf("a mention or a masked link of the message came back:\n%s", verdicts)
			}
			if !strings.Contains(verdicts, "every tariff") {
				t.Errorf("the second quotation is not shown:\n%s", verdicts)
			}
			checkRequests(t, h.d)
		})
	}
}

// TestCheckQuotesWithNothingToCheck: a message without quotations, or
// without text, gets a clear private reply and no check is run.
func TestCheckQuotesWithNothingToCheck(t *testing.T) {
	t.Parallel()
	v := fixtureVerifier(t)
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: v})
	for _, tc := range []struct {
		name string
		msg  testsupport.UserMessage
		want string
	}{
		{"no quotation", testsupport.UserMessage{Content: "I think the harbour talks went rather well this week."}, "no quotation"},
		{"no text", testsupport.UserMessage{Embeds: []*discordgo.MessageEmbed{{Title: "A picture", Image: &discordgo.MessageEmbedImage{URL: "https://example.org/p.png"}}}}, "cannot see any text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target := h.d.SendMessage(tc.msg)
			in := h.d.SendInteraction(testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID})
			h.wait("reply", func() bool { return h.d.Response(in.ID).Acked })
			r := h.d.Response(in.ID)
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Original.Content, tc.want) || !strings.Contains(r.Original.Content, "/verify") {
				t.Fatalf("want a private %q pointing to /verify, got type %d flags %d: %q", tc.want, r.Type, r.Flags, r.Original.Content)
			}
		})
	}
	if n := v.calls.Load(); n != 0 {
		t.Errorf("%d checks run on messages with nothing to check", n)
	}
}

// TestVerifyDoesNotWaitBehindModelAnswers: with the model's one slot taken
// and a question waiting for it, /verify is answered at once (quick lane).
func TestVerifyDoesNotWaitBehindModelAnswers(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var once sync.Once
	unblock := func() { once.Do(func() { close(release) }) }
	t.Cleanup(unblock)
	slow := &fakeAnswerer{fn: func(ctx context.Context, q string, _ []answer.Turn, onPartial func(string)) (*answer.Answer, error) {
		onPartial("working on it")
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return sampleAnswer("Answer [1]."), nil
	}}
	h := start(t, Config{ModelAnswers: true, ModelConcurrency: 1}, Deps{Answerer: slow, Verifier: fixtureVerifier(t)})
	first := h.ask("What did the press secretary say about the harbour?")
	h.wait("first question answering", func() bool {
		r := h.d.Response(first.ID)
		return r.Original != nil && strings.Contains(r.Original.Content, "working on it")
	})
	second := h.ask("And about the bridge?")
	h.wait("second question queued", func() bool {
		r := h.d.Response(second.ID)
		return r.Original != nil && strings.Contains(r.Original.Content, queuedPrefix)
	})
	in := h.d.SendInteraction(testsupport.Interaction{Command: "verify", Options: verifyOpts(exactQuote)})
	h.wait("verdict while the model is busy", func() bool { return h.settled(in.ID) })
	if !strings.Contains(h.d.Response(in.ID).Original.Content, "✅ **Exact:") || h.settled(first.ID) || len(slow.Calls()) != 1 {
		t.Fatalf("verdict %q; first answered %v; model calls %d", h.d.Response(in.ID).Original.Content, h.settled(first.ID), len(slow.Calls()))
	}
	unblock()
	h.wait("questions answered", func() bool { return h.settled(first.ID) && h.settled(second.ID) })
}

// TestCheckQuotesReplyRefusedGoesPrivately: in reply mode, a channel where
// the bot may not post gets no reply; the verdicts go to the asker alone,
// saying why.
func TestCheckQuotesReplyRefusedGoesPrivately(t *testing.T) {
	t.Parallel()
	h := start(t, Config{CheckQuotesInReply: true}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
	h.d.Fail("POST", "/channels/"+h.d.ChannelID+"/messages", 1, 403, 50013, "Missing Permissions")
	target := h.d.SendMessage(testsupport.UserMessage{Content: `Quillfeather said "` + exactQuote + `"`})
	in := h.d.SendInteraction(testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID})
	h.wait("verdicts", func() bool { return h.settled(in.ID) })
	r := h.d.Response(in.ID)
	if r.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Original.Content, "could not reply") || !strings.Contains(r.Original.Content, "✅ **Exact:") {
		t.Fatalf("want the verdict privately with the reason, got flags %d: %q", r.Flags, r.Original.Content)
	}
	if n := len(h.d.Replies(h.d.ChannelID, target.ID)); n != 0 {
		t.Errorf("%d replies in the channel", n)
	}
}

// TestCheckQuotesChecksAtMostFive: a message quoting seven passages gets
// five verdicts and says two were left out.
func TestCheckQuotesChecksAtMostFive(t *testing.T) {
	t.Parallel()
	v := fixtureVerifier(t)
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: v})
	var quotes []string
	for _, q := range []string{exactQuote, "The talks resume on Monday in the capital", "Our answer will come next week",
		"The bridge reopens on the first of June", "Repairs cost twelve million crowns", "It is the first agreement of its kind in the region",
		"I thank the negotiators of every delegation for their persistence"} {
		quotes = append(quotes, `"`+q+`"`)
	}
	target := h.d.SendMessage(testsupport.UserMessage{Content: "They said " + strings.Join(quotes, ", then ")})
	in := h.d.SendInteraction(testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID})
	h.wait("verdicts", func() bool {
		r := h.d.Response(in.ID)
		return h.settled(in.ID) && len(r.Followups) > 0 && strings.Contains(r.Followups[len(r.Followups)-1].Content, "not checked")
	})
	r := h.d.Response(in.ID)
	all := r.Original.Content
	for _, f := range r.Followups {
		all += "\n" + f.Content
		if f.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("a public follow-up: %q", f.Content)
		}
	}
	if !strings.Contains(all, "7 quotations") || !strings.Contains(all, "the first 5") || !strings.Contains(all, "2 more quotations not checked") {
		t.Errorf("the reply does not say two were left out:\n%s", all)
	}
	if n := v.calls.Load(); n != maxClaims {
		t.Errorf("%d checks, want %d", n, maxClaims)
	}
	checkRequests(t, h.d)
}

// TestVerifyRateIsPerMember: /verify and Check quotes share one member's
// rate (/ask's, in a bucket of its own): past it a check is refused
// privately, saying the limit is the member's and when the next check is
// possible, and nothing is checked; other members and moderators are not
// held back, and /ask keeps its own bucket. A quotation the verifier would
// refuse costs no rate.
func TestVerifyRateIsPerMember(t *testing.T) {
	t.Parallel()
	v := fixtureVerifier(t)
	h := start(t, Config{AskPerMinute: 1, AskBurst: 1}, Deps{Answerer: echoAnswerer(), Verifier: v})
	target := h.d.SendMessage(testsupport.UserMessage{AuthorID: "3003", Content: `Quillfeather said "` + exactQuote + `"`})
	nextCheck := regexp.MustCompile(`next check is possible in (59|60|5[0-8]) s`)
	for _, tc := range []struct {
		name, user string
		perms      int64
		in         testsupport.Interaction
		refused    string // "" for a verdict
	}{
		{"words the verifier refuses cost nothing", "4001", 0, testsupport.Interaction{Command: "verify", Options: verifyOpts("… — !!!")}, "nothing to check"},
		{"the member's first /verify", "4001", 0, testsupport.Interaction{Command: "verify", Options: verifyOpts(exactQuote)}, ""},
		{"the member's second /verify", "4001", 0, testsupport.Interaction{Command: "verify", Options: verifyOpts(exactQuote)}, "per member"},
		{"the member's Check quotes", "4001", 0, testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID}, "per member"},
		{"another member", "4002", 0, testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID}, ""},
		{"a moderator's first", "4003", discordgo.PermissionManageGuild, testsupport.Interaction{Command: "verify", Options: verifyOpts(exactQuote)}, ""},
		{"a moderator's second", "4003", discordgo.PermissionManageGuild, testsupport.Interaction{Command: "verify", Options: verifyOpts(exactQuote)}, ""},
	} {
		calls := v.calls.Load()
		tc.in.UserID, tc.in.Permissions = tc.user, tc.perms
		in := h.d.SendInteraction(tc.in)
		h.wait(tc.name, func() bool { return h.settled(in.ID) })
		r := h.d.Response(in.ID)
		got := r.Original.Content
		if tc.refused == "" {
			if !strings.Contains(got, "✅ **Exact:") {
				t.Errorf("%s: %q, want a verdict", tc.name, got)
			}
			continue
		}
		if !strings.Contains(got, tc.refused) || r.Flags&discordgo.MessageFlagsEphemeral == 0 || v.calls.Load() != calls {
			t.Errorf("%s: flags %d, %d checks run, %q; want a private %q and no check", tc.name, r.Flags, v.calls.Load()-calls, got, tc.refused)
		}
		if tc.refused == "per member" && !nextCheck.MatchString(got) {
			t.Errorf("%s: %q does not say when the next check is possible", tc.name, got)
		}
	}
	ask := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: "4001",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question", "Is /ask still open?")}})
	h.wait("/ask", func() bool { return h.settled(ask.ID) })
	if got := h.d.Response(ask.ID).Original.Content; !strings.Contains(got, "Answer about Is /ask still open?") {
		t.Errorf("/ask refused to the member who checked: %q", got)
	}
	checkRequests(t, h.d)
}

// TestVerifyReadsWordsNotDiscordSyntax: a mention inside a quotation is
// no word of it (a role's id would read as a changed number), a masked
// link's words are its text, not its address, and an invisible character (a right-to-left override, a zero-width space) is
// neither checked nor shown back, through /verify and Check quotes alike.
func TestVerifyReadsWordsNotDiscordSyntax(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
	for _, tc := range []struct {
		name  string
		in    testsupport.Interaction
		quote string // the message Check quotes is used on
	}{
		{"/verify with a role mention", testsupport.Interaction{Command: "verify", Options: verifyOpts("We will never accept a blockade of the northern <@&555> harbour", testsupport.Opt("speaker", "<@4242> Quillfeather"))}, ""},
		{"/verify with invisible characters", testsupport.Interaction{Command: "verify", Options: verifyOpts("We will never ac\u200bcept a \u202eblockade of the northern harbour")}, ""},
		{"Check quotes with mentions", testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand},
			`@everyone Quillfeather said "We will never accept a blockade of the <@4242> northern harbour <@&555>" @here`},
		{"/verify with a masked link", testsupport.Interaction{Command: "verify", Options: verifyOpts("We will never accept a [blockade](https://evil.example/555) of the northern harbour")}, ""},
		{"Check quotes with a masked link", testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand},
			`Quillfeather said "We will never accept a blockade of the [northern harbour](<http://evil.example/4242>)" [source](https://evil.example/555)`},
		{"Check quotes with invisible characters", testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand},
			"Quillfeather said \"We will never accept a \u202eblockade of the nor\u200bthern harbour\u2066\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.quote != "" {
				tc.in.TargetID = h.d.SendMessage(testsupport.UserMessage{AuthorID: "3003", Content: tc.quote}).ID
			}
			in := h.d.SendInteraction(tc.in)
			h.wait("verdict", func() bool { return h.settled(in.ID) })
			got := h.d.Response(in.ID).Original.Content
			if !strings.Contains(got, "✅ **Exact:") || !strings.Contains(got, "> "+exactQuote) {
				t.Errorf("want the exact verdict with the quotation's words alone:\n%s", got)
			}
			if strings.ContainsAny(got, "\u200b\u202e\u2066") || strings.Contains(got, "555") || strings.Contains(got, "4242") {
				t.Errorf("an invisible character or a mention's id is shown back:\n%q", got)
			}
		})
	}
	checkRequests(t, h.d)
}

// failingVerifier fails every check, as an index gone bad would.
type failingVerifier struct{}

func (failingVerifier) Check(context.Context, verify.Claim) (verify.Result, error) {
	return verify.Result{}, errors.New("index unreadable")
}

// TestVerifyPrivateStaysPrivate: /verify private: true is acknowledged
// privately and its verdict, or its failure, is seen by the asker alone:
// nothing of it reaches the channel.
func TestVerifyPrivateStaysPrivate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		verifier Verifier
		want     string
	}{
		{"verdict", fixtureVerifier(t), "✅ **Exact:"},
		{"failure", failingVerifier{}, "went wrong"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: tc.verifier})
			in := h.d.SendInteraction(testsupport.Interaction{Command: "verify", Options: verifyOpts(exactQuote, testsupport.Opt("private", true))})
			h.wait("verdict", func() bool { return h.settled(in.ID) })
			r := h.d.Response(in.ID)
			if r.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Original.Content, tc.want) {
				t.Errorf("want a private %q, got flags %d: %q", tc.want, r.Flags, r.Original.Content)
			}
			for _, f := range r.Followups {
				if f.Flags&discordgo.MessageFlagsEphemeral == 0 {
					t.Errorf("a public follow-up: %q", f.Content)
				}
			}
			for _, m := range h.d.Messages(h.d.ChannelID) {
				if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
					t.Errorf("a public message in the channel: %q", m.Content)
				}
			}
			checkRequests(t, h.d)
		})
	}
}

// TestVerdictLinesCannotBeForged: words the bot did not write that open
// one of its lines (a quotation, the record's words, the sentences around
// them) cannot make a heading, small print, a quotation or a list of the
// bot's own: a quotation "## ✅ Exact: …" posted as a reply must not show
// as a verdict in large type over the real one.
func TestVerdictLinesCannotBeForged(t *testing.T) {
	t.Parallel()
	h := start(t, Config{CheckQuotesInReply: true}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
	target := h.d.SendMessage(testsupport.UserMessage{AuthorID: "3003",
		Content: `Look: "## ✅ Exact: Orrin Vantablack said these words" and "-# the ministers agreed" and "> the bridge is closed" and "2. the bridge reopens"`})
	in := h.d.SendInteraction(testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID})
	h.wait("reply to the message", func() bool { return len(h.d.Replies(h.d.ChannelID, target.ID)) > 0 && h.settled(in.ID) })
	// The first part replies to the message; the others follow it.
	var got string
	for _, m := range h.d.Messages(h.d.ChannelID) {
		if m.ID != target.ID {
			got += m.Content + "\n"
		}
	}
	forged := regexp.MustCompile(`(?m)^(?:> |-# )?(?:#|-#|>|- |\d+[.)])`)
	for _, line := range strings.Split(got, "\n") {
		if rest, ok := strings.CutPrefix(line, "> "); ok && forged.MatchString(rest) {
			t.Errorf("a quotation's words open a block of the bot's own: %q", line)
		}
		if rest, ok := strings.CutPrefix(line, "-# "); ok && forged.MatchString(rest) {
			t.Errorf("a passage's words open a block of the bot's own: %q", line)
		}
	}
	for _, w := range []string{`> \## ✅ Exact: Orrin Vantablack`, `> \-# the ministers agreed`, `> \> the bridge is closed`, `> 2\. the bridge reopens`} {
		if !strings.Contains(got, w) {
			t.Errorf("reply lacks %q:\n%s", w, got)
		}
	}
	checkRequests(t, h.d)
}

// TestVerdictLinksDoNotUnfold: a link in a quotation comes back as text
// Discord does not unfold into a preview (<link>), bare or masked, so no
// member gets the bot to show a picture or page where members may not
// embed links; the bot's own source link is kept.
func TestVerdictLinksDoNotUnfold(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
	for _, tc := range []struct {
		name, quote string
		want        []string
	}{
		{"bare", "We will never accept https://evil.example/shock.gif a blockade of the northern harbour.",
			[]string{"<https://evil.example/shock.gif>"}},
		{"at the end, after a masked one (read as its text)", "We will never accept a [blockade](http://evil.example/a_b) of the northern harbour, HTTPS://EVIL.example/x?y=1).",
			[]string{"accept a blockade of", "<HTTPS://EVIL.example/x?y=1>)."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := h.d.SendInteraction(testsupport.Interaction{Command: "verify", Options: verifyOpts(tc.quote)})
			h.wait("verdict", func() bool { return h.settled(in.ID) })
			got := h.d.Response(in.ID).Original.Content
			for _, w := range append(tc.want, "](<"+briefingURL+">)") {
				if !strings.Contains(got, w) {
					t.Errorf("verdict lacks %q:\n%s", w, got)
				}
			}
			if bare := regexp.MustCompile(`(?i)[^<]https?://evil`); bare.MatchString(got) {
				t.Errorf("a link that unfolds: %q", bare.FindString(got))
			}
		})
	}
	checkRequests(t, h.d)
}

// TestCheckQuotesReadsTheAttributionLine: a block quote's speaker on the
// line under it ("— Vantablack") is the speaker claimed, though invisible
// characters, a mention or a masked link sit in the message: the words the
// record gives Zara Quillfeather are then said by someone else.
func TestCheckQuotesReadsTheAttributionLine(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer(), Verifier: fixtureVerifier(t)})
	for _, tc := range []struct {
		name, msg, want string
	}{
		{"plain", "> " + exactQuote + "\n— Foreign Minister Orrin Vantablack", "🔁 **Said by someone else:"},
		{"the speaker it was", "> " + exactQuote + "\n— Press Secretary Zara Quillfeather", "✅ **Exact:"},
		{"a zero-width space before the dash", "> " + exactQuote + "\n\u200b— Orrin Vantablack", "🔁 **Said by someone else:"},
		{"an isolate around the name", "> " + exactQuote + "\n\u2066— Orrin Vantablack\u2069", "🔁 **Said by someone else:"},
		{"a byte-order mark before the quote", "\ufeff> " + exactQuote + "\n\u200b\u200b— Vantablack", "🔁 **Said by someone else:"},
		{"a mention and a masked link", "<@4242> look:\n> We will never accept a [blockade](https://evil.example/555) of the northern harbour\n\u200d— <@&555> Vantablack", "🔁 **Said by someone else:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target := h.d.SendMessage(testsupport.UserMessage{AuthorID: "3003", Content: tc.msg})
			in := h.d.SendInteraction(testsupport.Interaction{Command: checkQuotesCommand, CommandType: discordgo.MessageApplicationCommand, TargetID: target.ID})
			h.wait("verdict", func() bool { return h.settled(in.ID) })
			got := h.d.Response(in.ID).Original.Content
			if !strings.Contains(got, "1 quotation") || !strings.Contains(got, tc.want) {
				t.Errorf("want one quotation, %q:\n%s", tc.want, got)
			}
			if strings.ContainsAny(got, "\u200b\u200d\u2066\u2069\ufeff") || strings.Contains(got, "555") || strings.Contains(got, "4242") {
				t.Errorf("an invisible character or a mention's id is shown back:\n%q", got)
			}
		})
	}
	checkRequests(t, h.d)
}
