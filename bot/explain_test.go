package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/testsupport"
)

// explainingAnswerer answers with an explanation long enough to need
// cutting, a record text that tries markdown and a mention.
func explainingAnswerer() *fakeAnswerer {
	return &fakeAnswerer{fn: func(_ context.Context, q string, _ []answer.Turn, _ func(string)) (*answer.Answer, error) {
		a := sampleAnswer("Answer about " + q + " [1].")
		e := &answer.Explanation{
			Constraints: answer.Constraints{Search: q + " ```@everyone <@123>", Want: answer.WantQuotation},
			Decision: answer.Decision{Answer: true, By: "signals", Reason: "passage 1 covers it", Score: 1.2, Threshold: 0.85,
				Signals: []answer.Signal{{Name: "coverage", Value: 0.9, Weight: 1}}},
		}
		for n := 1; n <= 60; n++ {
			e.Passages = append(e.Passages, answer.PassageTrace{N: n, Doc: fmt.Sprintf("doc-%02d.txt", n), Score: 0.03, Coverage: 0.5, Used: n < 4})
		}
		a.Explain = e
		return a, nil
	}}
}

// "Why this answer" shows a moderator, privately and within Discord's
// limits, the explanation of the answer; anyone else is refused.
func TestWhyThisAnswerForModeratorsOnly(t *testing.T) {
	t.Parallel()
	h := start(t, Config{ModeratorRoleIDs: []string{"777"}}, Deps{Answerer: explainingAnswerer()})
	in := h.ask("What did the spokesperson say about the talks?")
	h.wait("answer", func() bool { return h.settled(in.ID) })
	orig := h.d.Response(in.ID).Original
	id := buttonID(orig, whyLabel)
	if id == "" {
		t.Fatalf("no %q button: %#v", whyLabel, orig.Components)
	}
	press := func(spec testsupport.Interaction) testsupport.Response {
		t.Helper()
		spec.Type, spec.CustomID, spec.MessageID = discordgo.InteractionMessageComponent, id, orig.ID
		p := h.d.SendInteraction(spec)
		h.wait(whyLabel, func() bool { return h.settled(p.ID) })
		return h.d.Response(p.ID)
	}
	for _, spec := range []testsupport.Interaction{
		{UserID: "3001", Permissions: int64(discordgo.PermissionSendMessages)},
		{UserID: "3002", Roles: []string{"555"}},
	} {
		r := press(spec)
		if r.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Original.Content, "Only moderators") || strings.Contains(r.Original.Content, "doc-01") {
			t.Errorf("non-moderator %+v got %q", spec, r.Original.Content)
		}
	}
	for _, spec := range []testsupport.Interaction{
		{UserID: "3003", Roles: []string{"777"}},
		{UserID: "3004", Permissions: int64(discordgo.PermissionManageGuild)},
	} {
		r := press(spec)
		c := r.Original.Content
		if r.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.HasPrefix(c, "```text\nRead from the question:") || !strings.HasSuffix(c, "…\n```") {
			t.Errorf("moderator %+v got %q", spec, c)
		}
		if n := runes(c); n > maxContent {
			t.Errorf("explanation of %d characters", n)
		}
		if strings.Count(c, "```") != 2 || !strings.Contains(c, "Decision: answer (by signals)") || !strings.Contains(c, "1. doc-01.txt") {
			t.Errorf("explanation content: %q", c)
		}
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
	checkRequests(t, h.d)
}

// An answer without an explanation has no such button.
func TestNoWhyButtonWithoutExplanation(t *testing.T) {
	t.Parallel()
	h := start(t, Config{}, Deps{Answerer: echoAnswerer()})
	in := h.ask("What about the talks?")
	h.wait("answer", func() bool { return h.settled(in.ID) })
	if id := buttonID(h.d.Response(in.ID).Original, whyLabel); id != "" {
		t.Errorf("button without an explanation: %q", id)
	}
	if err := h.shutdown(); err != nil {
		t.Fatal(err)
	}
}
