package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/retrieval"
)

// onInteraction routes every interaction. Each path acknowledges first —
// Discord gives 3 seconds — and does the slow work afterwards.
func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	i := ic.Interaction
	b.received.Store(i.ID, time.Now())
	if !b.begin() {
		if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
			b.count("any", "shutting_down")
			b.replyEphemeral(i, "readout is restarting; try again in a minute.")
		}
		return
	}
	defer b.wg.Done()
	if i.GuildID == "" && !b.cfg.AllowDMs && i.Type != discordgo.InteractionApplicationCommandAutocomplete {
		b.replyEphemeral(i, "readout does not answer in direct messages here; ask in a server channel.")
		return
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		if data.CommandType == discordgo.MessageApplicationCommand {
			if data.Name == checkQuotesCommand {
				b.handleCheckQuotes(i, data)
			} else {
				b.replyEphemeral(i, "I don't know that command; the bot may be updating. Try again in a minute.")
			}
			return
		}
		switch data.Name {
		case "verify":
			b.handleVerify(i, data)
		case "ask":
			b.handleAsk(i, data)
		case "search":
			b.handleSearch(i, data)
		case "corpus":
			b.handleCorpus(i, data)
		default:
			b.replyEphemeral(i, "I don't know that command; the bot may be updating. Try again in a minute.")
		}
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.handleAutocomplete(i)
	case discordgo.InteractionMessageComponent:
		b.handleComponent(i)
	}
}

// respond acknowledges an interaction (once: Discord refuses a second
// acknowledgement) and records how long that took.
func (b *Bot) respond(i *discordgo.Interaction, r *discordgo.InteractionResponse) error {
	err := b.s.InteractionRespond(i, r)
	if t, ok := b.received.LoadAndDelete(i.ID); ok && err == nil {
		b.deps.Metrics.Ack(time.Since(t.(time.Time)).Seconds())
	}
	if err != nil {
		b.deps.Metrics.Error("discord")
	}
	return err
}

// count records the outcome of a command.
func (b *Bot) count(command, outcome string) { b.deps.Metrics.Interaction(command, outcome) }

// replyEphemeral acknowledges with a message only the user sees.
func (b *Bot) replyEphemeral(i *discordgo.Interaction, text string) {
	err := b.respond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: neutralise(truncate(text, maxContent)), Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()},
	})
	if err != nil {
		b.log.Warn("reply to interaction", "interaction", i.ID, "error", err)
	}
}

// defer acknowledges an interaction whose answer comes later.
func (b *Bot) deferReply(i *discordgo.Interaction, ephemeral bool) error {
	d := &discordgo.InteractionResponseData{AllowedMentions: noMentions()}
	if ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return b.respond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: d})
}

// editOriginal replaces the deferred response's content.
func (b *Bot) editOriginal(i *discordgo.Interaction, content string, comps []discordgo.MessageComponent) (*discordgo.Message, error) {
	e := &discordgo.WebhookEdit{Content: &content, AllowedMentions: noMentions()}
	if comps != nil {
		e.Components = &comps
	}
	return b.s.InteractionResponseEdit(i, e)
}

// followup posts another message for the interaction.
func (b *Bot) followup(i *discordgo.Interaction, content string, ephemeral bool, comps []discordgo.MessageComponent) (*discordgo.Message, error) {
	p := &discordgo.WebhookParams{Content: content, AllowedMentions: noMentions(), Components: comps}
	if ephemeral {
		p.Flags = discordgo.MessageFlagsEphemeral
	}
	return b.s.FollowupMessageCreate(i, true, p)
}

// send posts a message in a channel or thread, as a reply when ref is set.
func (b *Bot) send(channelID, content string, ref *discordgo.MessageReference, comps []discordgo.MessageComponent) (*discordgo.Message, error) {
	m := &discordgo.MessageSend{Content: content, AllowedMentions: noMentions(), Components: comps, Reference: ref}
	if ref != nil {
		f := false
		ref.FailIfNotExists = &f
	}
	return b.s.ChannelMessageSendComplex(channelID, m)
}

// tokenGone reports an interaction token Discord no longer accepts (it
// lasts 15 minutes): the answer must go to the channel instead.
func tokenGone(err error) bool {
	var re *discordgo.RESTError
	if !errors.As(err, &re) || re.Response == nil {
		return false
	}
	if re.Response.StatusCode == http.StatusUnauthorized {
		return true
	}
	return re.Message != nil && (re.Message.Code == 50027 || re.Message.Code == 10015 || re.Message.Code == 10062)
}

// userMessage turns an answering error into one sentence for the user.
func userMessage(err error) string {
	var ue *answer.UserError
	switch {
	case errors.As(err, &ue):
		return ue.Msg
	case errors.Is(err, context.DeadlineExceeded):
		return "The answer took too long to prepare; try a narrower question or try again later."
	case errors.Is(err, context.Canceled):
		return "readout stopped before the answer was ready; ask again in a minute."
	}
	return "Something went wrong while answering; please try again in a minute."
}

// askRequest is one question on its way to an answer, from /ask or a
// thread message.
type askRequest struct {
	command  string // "ask" or "followup", for metrics
	key      string // cache key carried by the answer's buttons
	question string
	history  []answer.Turn
	filters  retrieval.SearchOptions
	user     string
	// private answers are seen by the asker alone: their question and
	// answer never go to the logs.
	private bool

	// edit shows text in the answer's first message (streaming and final).
	edit func(content string, comps []discordgo.MessageComponent) error
	// more posts an extra part.
	more func(content string, comps []discordgo.MessageComponent) error
	// draft shows a streaming draft; nil means edit.
	draft func(content string) error
	// fail tells the user the answer failed; nil means edit.
	fail func(text string) error
	// release gives back the answer's slot once the answer is prepared:
	// delivering it to Discord needs none. Nil when it holds none.
	release func()
}

// holdSlot makes req release t's slot in l, once, however it ends.
func (req *askRequest) holdSlot(l *lane, t *ticket) {
	var once sync.Once
	req.release = func() { once.Do(func() { l.release(t) }) }
}

func (b *Bot) handleAsk(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	opts := options(data.Options)
	filters, err := dateFilters(opts)
	if err != nil {
		b.replyEphemeral(i, err.Error()+".")
		return
	}
	b.ask(i, optString(opts, "question"), filters, optBool(opts, "private"))
}

// dateFilters reads the since and until options; until includes its day.
func dateFilters(opts map[string]*discordgo.ApplicationCommandInteractionDataOption) (retrieval.SearchOptions, error) {
	since, err := parseDate("since", optString(opts, "since"))
	if err != nil {
		return retrieval.SearchOptions{}, err
	}
	until, err := parseDate("until", optString(opts, "until"))
	if err != nil {
		return retrieval.SearchOptions{}, err
	}
	if !until.IsZero() {
		until = until.Add(24*time.Hour - time.Nanosecond)
	}
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		return retrieval.SearchOptions{}, fmt.Errorf("until (%s) is before since (%s)", until.Format("2006-01-02"), since.Format("2006-01-02"))
	}
	return retrieval.SearchOptions{Since: since, Until: until}, nil
}

func (b *Bot) ask(i *discordgo.Interaction, q string, filters retrieval.SearchOptions, private bool) {
	user := interactionUser(i).ID
	if q == "" {
		b.replyEphemeral(i, "Ask a question, for example: /ask question: What did the ministry say about the talks?")
		return
	}
	// A question the pipeline would refuse (blank, invisible, too long)
	// is answered at once and costs the asker neither a place nor their
	// rate.
	if _, err := answer.CleanQuestion(q); err != nil {
		b.count("ask", "refused")
		b.deps.Metrics.Refusal("invalid")
		b.replyEphemeral(i, userMessage(err))
		return
	}
	arrived := b.now()
	// /ask inside an answer thread is a follow-up (the way to ask one
	// without the Message Content intent): it meets neither the /ask rate
	// nor the queue's bounds. Only the threads already known count here,
	// so the acknowledgement waits for no REST call.
	kind, known := b.threads.get(i.ChannelID)
	followUp := i.GuildID != "" && known && kind == ourThread
	giveBack := func() {}
	if !followUp && !b.isModerator(i) {
		wait, undo := b.rate.take(user, arrived)
		if undo == nil {
			b.count("ask", "rate_limited")
			b.deps.Metrics.Refusal("rate")
			b.replyEphemeral(i, rateMessage(b.cfg.AskPerMinute, b.cfg.AskBurst, wait))
			return
		}
		giveBack = undo
	}
	l := b.laneFor()
	t, no := l.enter(user, followUp, arrived)
	if no != nil {
		giveBack()
		b.count("ask", no.reason)
		b.deps.Metrics.Refusal(no.reason)
		b.replyEphemeral(i, no.msg)
		return
	}
	// Acknowledge at once: with the place in the queue when the question
	// waits for the model, else as "thinking" (a quick answer's wait is
	// too short to be worth showing; a long one shows at the next update).
	ahead := l.ahead(t)
	shown := -1
	var err error
	if ahead >= 0 && l == b.model {
		err = b.replyQueued(i, queuedText(q, ahead), private)
		shown = ahead
	} else {
		err = b.deferReply(i, private)
	}
	if err != nil {
		l.leave(t)
		b.log.Error("acknowledge /ask", "interaction", i.ID, "error", err)
		return
	}
	channelOnly := false
	req := &askRequest{command: "ask", key: i.ID, question: q, filters: filters, user: user, private: private}
	// /ask inside an answer thread continues its conversation.
	kind = plainChannel
	if i.GuildID != "" {
		kind = b.channelKind(i.ChannelID)
	}
	inThread := kind == ourThread
	if inThread && !followUp {
		giveBack() // a thread not known before (a restart): no rate spent
	}
	if inThread {
		req.history = b.threadHistory(i.ChannelID, "")
	}
	// dm is the asker's direct-message channel, once the token of a
	// private answer has expired: a private answer must not go to the
	// channel, so it goes to the asker alone.
	dm, tokenLost := "", false
	req.draft = func(content string) error {
		if channelOnly || tokenLost {
			return nil // drafts are not worth a channel message each
		}
		_, err := b.editOriginal(i, content, nil)
		if err != nil && tokenGone(err) {
			tokenLost = true
			channelOnly = !private
		}
		return err
	}
	toDM := func(content string, comps []discordgo.MessageComponent) error {
		if dm == "" {
			ch, err := b.s.UserChannelCreate(user)
			if err != nil {
				return fmt.Errorf("open a direct message to deliver a private answer: %w", err)
			}
			dm = ch.ID
			b.log.Info("interaction token expired; sending the private answer by direct message", "interaction", i.ID, "user", user)
		}
		_, err := b.send(dm, content, nil, comps)
		return err
	}
	req.fail = func(text string) error {
		// Errors are private: drop the (public) placeholder and tell the
		// user alone.
		if !private && !channelOnly {
			if err := b.s.InteractionResponseDelete(i); err != nil {
				b.log.Debug("delete placeholder", "error", err)
			}
		}
		if channelOnly {
			_, err := b.send(i.ChannelID, "<@"+user+"> "+text, nil, nil)
			return err
		}
		if private && tokenLost {
			return toDM(text, nil)
		}
		_, err := b.followup(i, text, true, nil)
		return err
	}
	req.edit = func(content string, comps []discordgo.MessageComponent) error {
		if channelOnly {
			_, err := b.send(i.ChannelID, content, nil, comps)
			return err
		}
		if private && tokenLost {
			return toDM(content, comps)
		}
		_, err := b.editOriginal(i, content, comps)
		if err != nil && tokenGone(err) {
			// The model was slower than the token's 15 minutes: post in
			// the channel instead, or to the asker alone when private.
			tokenLost = true
			if private {
				return toDM(content, comps)
			}
			channelOnly = true
			_, err = b.send(i.ChannelID, content, nil, comps)
		}
		return err
	}
	var thread string
	req.more = func(content string, comps []discordgo.MessageComponent) error {
		if thread != "" {
			_, err := b.send(thread, content, nil, comps)
			return err
		}
		if channelOnly {
			_, err := b.send(i.ChannelID, content, nil, comps)
			return err
		}
		if private && tokenLost {
			return toDM(content, comps)
		}
		_, err := b.followup(i, content, private, comps)
		return err
	}
	// Open the thread right after the first part is final, so the other
	// parts and the follow-ups go there.
	afterFirst := func() {
		if private || channelOnly || kind != plainChannel || i.GuildID == "" {
			return // a thread (the bot's or another's) holds no thread
		}
		thread = b.openThread(i, q)
	}
	if ahead >= 0 {
		// The reply can be edited only while the token lives: an answer
		// that could not start in time to finish within it goes to the
		// channel (or, private, to the asker's direct messages), and the
		// reply says so rather than being left as it is.
		startBy := arrived.Add(tokenLife - b.cfg.AnswerTimeout)
		show := func(n int) error {
			_, err := b.editOriginal(i, queuedText(q, n), nil)
			if err == nil {
				shown = n
			}
			return err
		}
		expire := func(n int) {
			if _, err := b.editOriginal(i, expiryText(q, n, private), nil); err != nil {
				b.log.Warn("say where a late answer will go", "interaction", i.ID, "error", err)
			}
			tokenLost, channelOnly = true, !private
			b.log.Info("question waited past its interaction token; the answer goes to the channel or direct message", "interaction", i.ID, "user", user)
		}
		if err := b.waitTurn(l, t, shown, show, startBy, expire); err != nil {
			if e := req.fail(neutralise(userMessage(err))); e != nil {
				b.log.Warn("tell a waiting question the bot stopped", "error", e)
			}
			b.count("ask", "stopped")
			return
		}
		if !tokenLost && shown >= 0 { // else the reply still says "thinking"
			if _, err := b.editOriginal(i, renderPartial(q, ""), nil); err != nil {
				b.log.Debug("show the answer is under way", "error", err)
			}
		}
	}
	req.holdSlot(l, t)
	defer req.release()
	b.answer(req, afterFirst)
}

// replyQueued acknowledges a question that waits its turn with its place.
func (b *Bot) replyQueued(i *discordgo.Interaction, text string, private bool) error {
	d := &discordgo.InteractionResponseData{Content: neutralise(truncate(text, maxContent)), AllowedMentions: noMentions()}
	if private {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return b.respond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d})
}

// expiryText replaces a waiting question's place once its reply can no
// longer be edited in time, and says where the answer will come.
func expiryText(q string, ahead int, private bool) string {
	where := "it will be posted in this channel when it is ready"
	if private {
		where = "it will come to you by direct message when it is ready"
	}
	return questionHeader(q) + "Still queued — " + plural(ahead, "question") + " ahead of yours. Discord lets me edit this reply for 15 minutes only, so " + where + "."
}

// openThread starts a public thread from the answer message; on failure
// the answer simply stays in the channel.
func (b *Bot) openThread(i *discordgo.Interaction, q string) string {
	msg, err := b.s.InteractionResponse(i)
	if err != nil {
		b.log.Warn("find the answer message to open a thread", "interaction", i.ID, "error", err)
		return ""
	}
	name := truncate(defuse(oneLine(q)), maxThreadName)
	th, err := b.s.MessageThreadStartComplex(i.ChannelID, msg.ID, &discordgo.ThreadStart{Name: name, AutoArchiveDuration: 1440})
	if err != nil {
		b.warnOnce("thread:"+i.ChannelID, "cannot open a thread for answers; they stay in the channel (give the bot Create Public Threads and Send Messages in Threads)",
			"channel", i.ChannelID, "error", err)
		return ""
	}
	b.threads.put(th.ID, ourThread)
	return th.ID
}

// answer runs the pipeline for req, streaming partial text into the first
// message at most once per EditInterval, then posts the final form.
func (b *Bot) answer(req *askRequest, afterFirst func()) {
	// The question id (the interaction or message id) ties the pipeline's
	// log lines to the bot's.
	ctx, cancel := context.WithTimeout(answer.WithQuestionID(b.work, req.key), b.cfg.AnswerTimeout)
	defer cancel()
	logged := req.question
	if req.private {
		logged = "(private)"
	}
	st := newStreamer(b.cfg.EditInterval, func(text string) {
		draft := req.draft
		if draft == nil {
			draft = func(c string) error { return req.edit(c, nil) }
		}
		if err := draft(renderPartial(req.question, text)); err != nil {
			b.log.Debug("streaming edit", "error", err)
		}
	})
	a, err := b.deps.Answerer.AskStream(ctx, req.question, req.history, req.filters, st.update)
	if req.release != nil {
		req.release()
	}
	st.stop()
	if err != nil {
		b.log.Error("answer failed", "qid", req.key, "question", logged, "user", req.user, "error", err)
		b.count(req.command, "error")
		fail := req.fail
		if fail == nil {
			fail = func(text string) error { return req.edit(text, []discordgo.MessageComponent{}) }
		}
		if e := fail(neutralise(userMessage(err))); e != nil {
			b.log.Warn("report answer error", "error", e)
		}
		return
	}
	b.answers.put(req.key, &cachedAnswer{Question: req.question, Answer: a, Private: req.private})
	parts := splitMessage(renderAnswer(req.question, a), maxContent)
	buttons := answerButtons(req.key, a)
	for n, p := range parts {
		var comps []discordgo.MessageComponent
		if n == len(parts)-1 {
			comps = buttons
		} else if n == 0 {
			comps = []discordgo.MessageComponent{}
		}
		var err error
		if n == 0 {
			err = req.edit(p, comps)
			if err == nil && afterFirst != nil {
				afterFirst()
			}
		} else {
			err = req.more(p, comps)
		}
		if err != nil {
			// Nobody can be told: the message, thread or token is gone.
			b.log.Error("deliver answer", "qid", req.key, "command", req.command, "user", req.user, "part", n+1, "of", len(parts), "error", err)
			b.count(req.command, "undelivered")
			b.deps.Metrics.Error("discord")
			return
		}
	}
	b.count(req.command, "answered")
	b.log.Info("answered", "qid", req.key, "user", req.user, "question", logged, "mode", a.Mode, "citations", len(a.Citations), "snapshot", a.Snapshot, "parts", len(parts))
}

// streamer coalesces partial answers into edits at most once per interval.
type streamer struct {
	mu      sync.Mutex
	latest  string
	pending bool
	wake    chan struct{}
	done    chan struct{}
	stopped chan struct{}
}

func newStreamer(interval time.Duration, edit func(string)) *streamer {
	s := &streamer{wake: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{})}
	go func() {
		defer close(s.stopped)
		t := time.NewTimer(0)
		defer t.Stop()
		<-t.C
		for {
			select {
			case <-s.done:
				return
			case <-s.wake:
			}
			s.mu.Lock()
			text, pending := s.latest, s.pending
			s.pending = false
			s.mu.Unlock()
			if pending && strings.TrimSpace(text) != "" {
				edit(text)
			}
			// Wait out the interval before the next edit.
			t.Reset(interval)
			select {
			case <-s.done:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

func (s *streamer) update(text string) {
	s.mu.Lock()
	s.latest, s.pending = text, true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// stop ends streaming and waits for an edit in progress, so the final edit
// cannot be overtaken by a late partial one.
func (s *streamer) stop() {
	close(s.done)
	<-s.stopped
}
