package bot

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/testsupport"
	"github.com/readout/readout/retrieval"
)

// recordingAnswerer passes questions to the real pipeline and keeps the
// history each one was given.
type recordingAnswerer struct {
	p     *answer.Pipeline
	mu    sync.Mutex
	hists [][]answer.Turn
}

func (r *recordingAnswerer) AskStream(ctx context.Context, q string, h []answer.Turn, f retrieval.SearchOptions, on func(string)) (*answer.Answer, error) {
	r.mu.Lock()
	r.hists = append(r.hists, h)
	r.mu.Unlock()
	return r.p.AskStream(ctx, q, h, f, on)
}

// TestEndToEndWithRealPipeline asks about the bundled sample record through
// the fake Discord, with the real index and the extractive pipeline (no
// model), then asks a follow-up in the thread.
func TestEndToEndWithRealPipeline(t *testing.T) {
	t.Parallel()
	idx, docs := sampleIndex(t)
	byID := map[string]*corpus.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	ra := &recordingAnswerer{p: &answer.Pipeline{Index: idx}}
	h := start(t, Config{MessageContent: true}, Deps{Answerer: ra, Searcher: idx})
	in := h.ask("What did Blinken discuss in his call with Prime Minister Pashinyan?")
	h.wait("answer and thread", func() bool { return h.settled(in.ID) && len(h.d.Threads()) == 1 })

	a, _ := h.b.answers.get(in.ID)
	if a == nil || len(a.Answer.Citations) == 0 {
		t.Fatalf("no cited answer: %+v\n%s", a, h.d.Response(in.ID).Original.Content)
	}
	content := h.d.Response(in.ID).Original.Content
	thread := h.d.Threads()[0]
	for _, m := range h.d.Messages(thread.ID) {
		content += "\n" + m.Content
	}
	// Every footnote matches the record: the cited document exists, its
	// outlet and date are the ones shown, and the passage is its text.
	for _, c := range a.Answer.Citations {
		d := byID[c.Doc]
		if d == nil {
			t.Errorf("citation [%d] names unknown document %q", c.N, c.Doc)
			continue
		}
		if !strings.Contains(d.Text, strings.TrimSpace(c.Passage)) {
			t.Errorf("citation [%d] passage is not in %s", c.N, c.Doc)
		}
		if !strings.Contains(content, footnote(c)) {
			t.Errorf("footnote %q missing from the posted answer", footnote(c))
		}
		if c.Date != d.DateString() || c.Outlet != d.Outlet {
			t.Errorf("citation [%d] says %s %s, the record %s %s", c.N, c.Outlet, c.Date, d.Outlet, d.DateString())
		}
	}

	// Show passages: each cited passage in bold inside a little of the
	// document's text around it.
	orig := h.d.Response(in.ID).Original
	show := buttonID(orig, "Show passages")
	for _, m := range h.d.Messages(thread.ID) {
		if show == "" { // the last part carries the buttons when the answer was split
			show = buttonID(m, "Show passages")
		}
	}
	p := h.d.SendInteraction(testsupport.Interaction{Type: discordgo.InteractionMessageComponent, CustomID: show, MessageID: orig.ID})
	h.wait("passages shown", func() bool { r := h.d.Response(p.ID); return r.Original != nil && len(r.Original.Embeds) > 0 })
	first := a.Answer.Citations[0]
	desc := h.d.Response(p.ID).Original.Embeds[0].Description
	d := byID[first.Doc]
	words := strings.Fields(first.Passage)
	if !strings.Contains(desc, "**") || !strings.Contains(desc, words[0]) {
		t.Errorf("the cited passage is not marked in %q", desc)
	}
	if first.Start > 0 || first.End < len(d.Text) {
		// Some text of the document outside the passage is shown too.
		outside := strings.Fields(d.Text[:first.Start] + " " + d.Text[first.End:])
		shown := false
		for _, w := range outside {
			if len(w) > 6 && strings.Contains(strings.Replace(desc, strings.TrimSpace(first.Passage), "", 1), w) {
				shown = true
				break
			}
		}
		if !shown {
			t.Errorf("no surrounding context in %q", desc)
		}
	}

	h.d.SendMessage(testsupport.UserMessage{ChannelID: thread.ID, Content: "And what did he tell President Aliyev?"})
	h.waitNoFatal("follow-up answered", func() bool {
		for _, m := range h.d.Messages(thread.ID) {
			if strings.HasPrefix(m.Content, "> And what did he tell President Aliyev?") && strings.Contains(m.Content, sourcesHeading) {
				return true
			}
		}
		return false
	})
	if t.Failed() {
		for _, m := range h.d.Messages(thread.ID) {
			t.Logf("thread message: %q", m.Content)
		}
	}
	ra.mu.Lock()
	defer ra.mu.Unlock()
	if len(ra.hists) != 2 || len(ra.hists[1]) != 1 || !strings.Contains(ra.hists[1][0].Question, "Pashinyan") {
		t.Errorf("follow-up history: %+v", ra.hists)
	}
	checkRequests(t, h.d)
}

// TestBurstOfThirtyWithDefaults: thirty members ask /ask at the same moment
// with the default configuration (extractive answers over the bundled
// sample record): every one gets a cited answer, none is refused.
func TestBurstOfThirtyWithDefaults(t *testing.T) {
	t.Parallel()
	idx, _ := sampleIndex(t)
	// The harness turns the rate off unless it is set: set the default.
	h := start(t, Config{AskPerMinute: DefaultAskPerMinute}, Deps{Answerer: &answer.Pipeline{Index: idx}, Searcher: idx})
	const members = 30
	ids := make([]string, members)
	var wg sync.WaitGroup
	for k := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := h.d.SendInteraction(testsupport.Interaction{Command: "ask", UserID: formatInt(int64(8000 + k)),
				Options: []*discordgo.ApplicationCommandInteractionDataOption{testsupport.Opt("question",
					"How many people had crossed into Armenia from Nagorno-Karabakh by the end of September 2023?")}})
			ids[k] = in.ID
		}()
	}
	wg.Wait()
	h.wait("thirty answers", func() bool {
		for _, id := range ids {
			if !h.settled(id) {
				return false
			}
		}
		return true
	})
	for _, id := range ids {
		a, _ := h.b.answers.get(id)
		if a == nil || len(a.Answer.Citations) == 0 {
			t.Errorf("%s: no cited answer: %q", id, h.d.Response(id).Original.Content)
		}
		// Quick answers wait milliseconds: "thinking", not a place.
		if typ := h.d.Response(id).Type; typ != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Errorf("%s acknowledged with type %d, want deferred", id, typ)
		}
	}
	checkRequests(t, h.d)
}
