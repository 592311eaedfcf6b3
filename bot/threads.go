package bot

import (
	"sort"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/retrieval"
)

// onMessage answers follow-ups: a message in a thread the bot opened. It
// ignores its own and other bots' messages. Without the Message Content
// intent Discord sends content only for messages that mention the bot, so
// those are the follow-ups it can see.
func (b *Bot) onMessage(_ *discordgo.Session, mc *discordgo.MessageCreate) {
	m := mc.Message
	if m.Author == nil || m.Author.Bot || m.Author.System || m.WebhookID != "" || m.Author.ID == b.botIDs() {
		return
	}
	if !b.begin() {
		return
	}
	defer b.wg.Done()
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return
	}
	if m.GuildID == "" || !b.isOurThread(m.ChannelID) {
		return
	}
	q := strings.TrimSpace(b.stripMention(m.Content))
	if q == "" {
		if !b.cfg.MessageContent {
			b.warnOnce("nocontent", "a message in an answer thread arrived without content; without the Message Content intent only messages that mention the bot are read")
		}
		return
	}
	ref := &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID}
	if _, err := answer.CleanQuestion(q); err != nil {
		if answer.CourtesyOnly(err) {
			// "thanks!" in the thread is said to whoever answered, and
			// asks nothing: no reply, and no place in the queue.
			b.count("followup", "courtesy")
			return
		}
		// Refused at once: no place in the queue taken.
		b.count("followup", "refused")
		if _, err := b.send(m.ChannelID, neutralise(userMessage(err)), ref, nil); err != nil {
			b.log.Warn("reply to a refused follow-up", "error", err)
		}
		return
	}
	// A follow-up passes the /ask rate and the queue's length, and waits
	// its turn like any question; only a member who already has a full
	// share of questions waiting is told to wait for one of them.
	l := b.laneFor()
	t, no := l.enter(m.Author.ID, true, b.now())
	if no != nil {
		b.count("followup", no.reason)
		b.deps.Metrics.Refusal(no.reason)
		if _, err := b.send(m.ChannelID, no.msg, ref, nil); err != nil {
			b.log.Warn("reply to a refused follow-up", "error", err)
		}
		return
	}
	_ = b.s.ChannelTyping(m.ChannelID)
	// The place is shown at once when the question waits for the model;
	// a quick answer's wait shows only if it lasts to the next update.
	ahead := l.ahead(t)
	shown := -1
	text := questionHeader(q) + "…"
	if ahead >= 0 && l == b.model {
		text, shown = queuedText(q, ahead), ahead
	}
	placeholder, err := b.send(m.ChannelID, text, ref, nil)
	if err != nil {
		l.leave(t)
		b.log.Error("answer in thread", "thread", m.ChannelID, "error", err)
		return
	}
	editPlaceholder := func(content string) error {
		e := discordgo.NewMessageEdit(m.ChannelID, placeholder.ID).SetContent(content)
		e.AllowedMentions = noMentions()
		_, err := b.s.ChannelMessageEditComplex(e)
		return err
	}
	if ahead >= 0 {
		show := func(n int) error {
			err := editPlaceholder(queuedText(q, n))
			if err == nil {
				shown = n
			}
			return err
		}
		if err := b.waitTurn(l, t, shown, show, time.Time{}, nil); err != nil {
			if e := editPlaceholder(questionHeader(q) + neutralise(userMessage(err))); e != nil {
				b.log.Warn("tell a waiting follow-up the bot stopped", "error", e)
			}
			b.count("followup", "stopped")
			return
		}
		if shown >= 0 {
			if err := editPlaceholder(questionHeader(q) + "…"); err != nil {
				b.log.Debug("show the answer is under way", "error", err)
			}
		}
	}
	// Read after the wait, so answers posted meanwhile are in it.
	history := b.threadHistory(m.ChannelID, m.ID)
	req := &askRequest{command: "followup", key: m.ID, question: q, history: history, user: m.Author.ID}
	req.holdSlot(l, t)
	defer req.release()
	req.edit = func(content string, comps []discordgo.MessageComponent) error {
		e := discordgo.NewMessageEdit(m.ChannelID, placeholder.ID).SetContent(content)
		e.AllowedMentions = noMentions()
		if comps != nil {
			e.Components = &comps
		}
		_, err := b.s.ChannelMessageEditComplex(e)
		return err
	}
	req.more = func(content string, comps []discordgo.MessageComponent) error {
		_, err := b.send(m.ChannelID, content, nil, comps)
		return err
	}
	req.filters = retrieval.SearchOptions{}
	b.answer(req, nil)
}

func (b *Bot) stripMention(s string) string {
	id := b.botIDs()
	if id == "" {
		return s
	}
	s = strings.ReplaceAll(s, "<@"+id+">", "")
	return strings.ReplaceAll(s, "<@!"+id+">", "")
}

// channelKind is what the bot knows of a channel it was asked in.
type channelKind uint8

const (
	// plainChannel is not a thread: an answer there opens one.
	plainChannel channelKind = iota
	// otherThread is a thread someone else opened: an answer stays in it,
	// since Discord opens no thread inside a thread.
	otherThread
	// ourThread is a thread the bot opened for an answer: a question there
	// continues its conversation.
	ourThread
)

// isOurThread reports whether a channel is a thread the bot opened.
func (b *Bot) isOurThread(id string) bool { return b.channelKind(id) == ourThread }

// channelKind looks up (once, then from memory) whether a channel is a
// thread, and whether the bot opened it.
func (b *Bot) channelKind(id string) channelKind {
	if k, known := b.threads.get(id); known {
		return k
	}
	ch, err := b.s.Channel(id)
	if err != nil {
		b.log.Debug("look up channel", "channel", id, "error", err)
		return plainChannel
	}
	k := plainChannel
	switch {
	case ch.IsThread() && ch.OwnerID != "" && ch.OwnerID == b.botIDs():
		k = ourThread
	case ch.IsThread():
		k = otherThread
	}
	b.threads.put(id, k)
	return k
}

// threadHistory rebuilds the conversation from the thread's own messages:
// the starter message (the first answer, in the parent channel, with the
// first question in its header), then each user message and the bot's
// answer to it. It keeps the most recent turns within the configured
// bounds. A restart loses nothing because nothing else is stored.
func (b *Bot) threadHistory(threadID, beforeID string) []answer.Turn {
	var turns []answer.Turn
	if ch, err := b.s.Channel(threadID); err == nil && ch.ParentID != "" {
		// A thread started from a message has that message's id.
		if start, err := b.s.ChannelMessage(ch.ParentID, threadID); err == nil {
			if q, a, ok := parseQuestionHeader(start.Content); ok {
				t := answer.Turn{Question: q, Answer: stripSources(a)}
				b.recoverSources(&t, start)
				turns = append(turns, t)
			}
		}
	}
	msgs, err := b.s.ChannelMessages(threadID, 50, beforeID, "", "")
	if err != nil {
		b.log.Warn("read thread history", "thread", threadID, "error", err)
	}
	sort.Slice(msgs, func(i, j int) bool { return idLess(msgs[i].ID, msgs[j].ID) })
	bot := b.botIDs()
	for _, m := range msgs {
		if m.Author == nil {
			continue
		}
		if m.Author.ID == bot {
			q, a, ok := parseQuestionHeader(m.Content)
			if ok && isQueuedText(a) {
				continue // a question still waiting its turn: not an answer
			}
			a = stripSources(a)
			switch {
			case ok && (len(turns) == 0 || turns[len(turns)-1].Answer != ""):
				turns = append(turns, answer.Turn{Question: q, Answer: a})
			case len(turns) > 0:
				t := &turns[len(turns)-1]
				t.Answer = strings.TrimSpace(t.Answer + "\n\n" + a)
			}
			if len(turns) > 0 {
				b.recoverSources(&turns[len(turns)-1], m)
			}
			continue
		}
		if m.Author.Bot {
			continue
		}
		if q := strings.TrimSpace(b.stripMention(m.Content)); q != "" {
			turns = append(turns, answer.Turn{Question: q})
		}
	}
	// Drop unanswered questions (the answer failed or is still coming).
	kept := turns[:0]
	for _, t := range turns {
		if t.Answer != "" {
			kept = append(kept, t)
		}
	}
	turns = kept
	// One long answer must not crowd out the rest of the conversation.
	for i := range turns {
		turns[i].Answer = truncate(turns[i].Answer, b.cfg.HistoryChars/2)
	}
	if len(turns) > b.cfg.HistoryTurns {
		turns = turns[len(turns)-b.cfg.HistoryTurns:]
	}
	total := 0
	for i := len(turns) - 1; i >= 0; i-- {
		total += runes(turns[i].Question) + runes(turns[i].Answer)
		if total > b.cfg.HistoryChars {
			turns = turns[i+1:]
			break
		}
	}
	return turns
}

// recoverSources gives a turn rebuilt from an answer message what the
// answer cited: from the answer cache, keyed by the id the message's
// buttons carry (with the searched question too), else from the
// message's footnotes.
func (b *Bot) recoverSources(t *answer.Turn, m *discordgo.Message) {
	if key := answerKey(m); key != "" {
		if c, _ := b.answers.get(key); c != nil && c.Answer != nil {
			t.Citations = c.Answer.Citations
			t.Standalone = c.Answer.Standalone
			return
		}
	}
	t.Citations = append(t.Citations, parseSources(m.Content)...)
}

// answerKey returns the cache key an answer message's buttons carry
// ("ro:<action>:<key>:<snapshot>"), or "".
func answerKey(m *discordgo.Message) string {
	for _, row := range m.Components {
		var comps []discordgo.MessageComponent
		switch r := row.(type) {
		case *discordgo.ActionsRow:
			comps = r.Components
		case discordgo.ActionsRow:
			comps = r.Components
		}
		for _, c := range comps {
			id := ""
			switch btn := c.(type) {
			case *discordgo.Button:
				id = btn.CustomID
			case discordgo.Button:
				id = btn.CustomID
			}
			if parts := strings.SplitN(strings.TrimPrefix(id, buttonPrefix), ":", 3); strings.HasPrefix(id, buttonPrefix) && len(parts) >= 2 {
				return parts[1]
			}
		}
	}
	return ""
}

func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
