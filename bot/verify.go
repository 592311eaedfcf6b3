package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/verify"
)

// checkQuotesCommand is the message context-menu command (Apps → Check
// quotes). Context-menu names may have capitals and spaces; slash command
// names may not.
const checkQuotesCommand = "Check quotes"

// maxQuoteRunes bounds /verify's quote option (Discord enforces it in the
// client; the handler checks it again).
const maxQuoteRunes = 1000

// maxClaims is how many quotations of one message Check quotes verifies:
// each verdict takes up to a message of its own, and a message quoting more
// than five statements is rare; the reply says how many were left out.
const maxClaims = 5

// verifyJob is one request for verdicts, from /verify or Check quotes.
type verifyJob struct {
	command string // "verify" or "check_quotes", for metrics and logs
	claims  []verify.Claim
	// skipped counts the quotations found beyond maxClaims.
	skipped int
	// header opens the reply (Check quotes: which message was checked).
	header string
	// private verdicts are seen by the asker alone; with reply set they go
	// as a reply to that message instead (the asker is told privately).
	private bool
	reply   *discordgo.MessageReference
}

// handleVerify checks one quotation: /verify quote: [speaker:] [since:]
// [until:] [private:]. The period reads like /ask's; private, as /ask's,
// answers the asker alone.
func (b *Bot) handleVerify(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	opts := options(data.Options)
	period, err := dateFilters(opts)
	quote := words(optString(opts, "quote"))
	switch {
	case err != nil:
		b.replyEphemeral(i, err.Error()+".")
		return
	case quote == "":
		b.replyEphemeral(i, "Give the words to check, for example: /verify quote: we will never accept the blockade")
		return
	case runes(quote) > maxQuoteRunes:
		b.replyEphemeral(i, fmt.Sprintf("The quotation is %d characters long; check at most %d at a time.", runes(quote), maxQuoteRunes))
		return
	case b.deps.Verifier == nil:
		b.replyEphemeral(i, "Checking quotations is not available in this deployment; try /search.")
		return
	}
	claim := verify.Claim{Text: quote, Speaker: words(optString(opts, "speaker")), Since: period.Since, Until: period.Until}
	// A quotation the verifier would refuse is answered at once, privately,
	// and costs neither a place in the lane nor the member's rate.
	if err := claim.Validate(); err != nil {
		b.count("verify", "refused")
		b.replyEphemeral(i, "Not checked: "+err.Error()+". Give the words as they were quoted, for example: /verify quote: we will never accept the blockade")
		return
	}
	b.runVerify(i, verifyJob{command: "verify", claims: []verify.Claim{claim}, private: optBool(opts, "private")})
}

// handleCheckQuotes verifies the quotations in the message the command was
// used on: Discord sends that message in the interaction
// (data.resolved.messages[data.target_id]), so no REST call is needed.
func (b *Bot) handleCheckQuotes(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	if b.deps.Verifier == nil {
		b.replyEphemeral(i, "Checking quotations is not available in this deployment; try /search.")
		return
	}
	var msg *discordgo.Message
	if data.Resolved != nil {
		msg = data.Resolved.Messages[data.TargetID]
	}
	if msg == nil {
		b.replyEphemeral(i, "Discord did not send me that message; try again, or copy the words into /verify quote:.")
		return
	}
	content := strings.TrimSpace(msg.Content)
	if content == "" {
		b.count("check_quotes", "no_text")
		b.replyEphemeral(i, noTextMessage)
		return
	}
	var claims []verify.Claim
	for _, c := range verify.FindClaims(lines(content)) {
		if c.Text, c.Speaker = words(c.Text), words(c.Speaker); c.Text != "" {
			claims = append(claims, c)
		}
	}
	if len(claims) == 0 {
		b.count("check_quotes", "no_quotes")
		b.replyEphemeral(i, "I found no quotation in that message: no words in quotation marks, and no “someone said that …”. To check words anyway, use /verify quote: with them.")
		return
	}
	job := verifyJob{command: "check_quotes", claims: claims, private: !b.cfg.CheckQuotesInReply}
	if len(claims) > maxClaims {
		job.claims, job.skipped = claims[:maxClaims], len(claims)-maxClaims
	}
	job.header = checkedHeader(i.GuildID, i.ChannelID, msg.ID, len(claims), job.skipped)
	if b.cfg.CheckQuotesInReply {
		job.reply = &discordgo.MessageReference{MessageID: msg.ID, ChannelID: i.ChannelID, GuildID: i.GuildID}
	}
	b.runVerify(i, job)
}

// words is what a member typed, as the verifier should read it: a mention
// (<@id>, <@&role>, @everyone) pings, it is no word of a quotation (a role's
// id would read as a changed number), and invisible characters (zero
// width, right-to-left overrides) would disguise the words as shown; they
// go, as from /ask's questions (answer.CleanText, the one place that
// knows them), word by word: a quotation may be longer than a question. A
// masked link ("[blockade](https://…)", as a pasted article carries) is
// its text: the words quoted, not the address.
func words(s string) string {
	fields := strings.Fields(maskedLinkRe.ReplaceAllString(s, "$1"))
	out := fields[:0]
	for _, f := range fields {
		if c := answer.CleanText(f); c != "" {
			out = append(out, c)
		}
	}
	return strings.Join(out, " ")
}

// lines is words line by line: the message as FindClaims should read
// it, its lines kept (the attribution under a block quote, "— Zara
// Quillfeather", is known by its line) and no invisible character left
// before them to hide one.
func lines(s string) string {
	ls := strings.Split(s, "\n")
	for n, l := range ls {
		ls[n] = words(l)
	}
	return strings.Join(ls, "\n")
}

// maskedLinkRe matches a masked link, [text](http…), as Discord shows one.
var maskedLinkRe = regexp.MustCompile(`\[([^\[\]]*)\]\(\s*<?` + bareLinkRe.String() + `>?\s*\)`)

// noTextMessage answers Check quotes on a message whose text the bot was
// not given: one of only images, embeds or a forwarded message, or text
// Discord withheld.
const noTextMessage = "I cannot see any text in that message: it may hold only an image, an embed or a forwarded message, or Discord did not share its text with readout " +
	"(a server admin can turn on the Message Content intent for it in the developer portal). Copy the words you want checked into /verify quote:."

// checkedHeader opens Check quotes' reply: which message was checked (a
// link to it) and how many quotations it holds.
func checkedHeader(guild, channel, message string, found, skipped int) string {
	if guild == "" {
		guild = "@me"
	}
	link := "https://discord.com/channels/" + guild + "/" + channel + "/" + message
	s := "**Check quotes** — " + plural(found, "quotation") + " in [this message](<" + link + ">)"
	if skipped > 0 {
		s += fmt.Sprintf("; the first %d are checked here, use /verify for the others", found-skipped)
	}
	return s + ".\n\n"
}

// runVerify takes a place in the quick lane (verification is extractive
// work: it never waits behind model answers), acknowledges at once,
// checks each claim and delivers the verdicts.
func (b *Bot) runVerify(i *discordgo.Interaction, job verifyJob) {
	user := interactionUser(i).ID
	// One member's checks are limited like their questions (moderators
	// are not): each costs the verifier's work, and a reply mode's verdicts
	// are public.
	t := b.enterQuick(i, job.command, b.checkRate, func(wait time.Duration) string {
		return checkRateMessage(b.cfg.AskPerMinute, b.cfg.AskBurst, wait)
	})
	if t == nil {
		return
	}
	l := b.quick
	// Reply mode acknowledges privately: the verdicts go to the channel
	// as a reply to the message, and the asker is told so.
	if err := b.deferReply(i, job.private || job.reply != nil); err != nil {
		l.leave(t)
		b.log.Error("acknowledge "+job.command, "interaction", i.ID, "error", err)
		return
	}
	if l.ahead(t) >= 0 {
		show := func(n int) error { _, err := b.editOriginal(i, queuedMessage(n), nil); return err }
		// Quick work: the wait ends long before the token's 15 minutes.
		if err := b.waitTurn(l, t, -1, show, time.Time{}, nil); err != nil {
			b.editOrLog(i, userMessage(err))
			b.count(job.command, "stopped")
			return
		}
	}
	verdicts, err := b.check(job.claims, func() { l.release(t) })
	if err != nil {
		b.log.Error("verification failed", "interaction", i.ID, "command", job.command, "user", user, "error", err)
		b.count(job.command, "error")
		b.editOrLog(i, "Something went wrong while checking; please try again in a minute.")
		return
	}
	text := job.header + renderVerdicts(verdicts)
	if job.skipped > 0 {
		text += "\n\n-# " + plural(job.skipped, "more quotation") + " not checked: at most " + fmt.Sprint(maxClaims) + " are checked at once."
	}
	parts := splitMessage(defuse(text), maxContent)
	if err := b.deliverVerdicts(i, job, parts); err != nil {
		b.log.Error("deliver verdicts", "interaction", i.ID, "command", job.command, "user", user, "error", err)
		b.count(job.command, "undelivered")
		b.deps.Metrics.Error("discord")
		return
	}
	kinds := make([]string, len(verdicts))
	for n, v := range verdicts {
		kinds[n] = string(v.result.Verdict)
		if v.problem != "" {
			kinds[n] = "not-checked"
		}
	}
	b.count(job.command, "answered")
	b.log.Info("verified", "interaction", i.ID, "command", job.command, "user", user, "verdicts", kinds, "private", job.private)
}

// check runs the verifier over the claims within the answer timeout, then
// gives the lane's slot back with release (delivery needs none). A claim
// the verifier cannot check (no words, too long, only common words) gets
// the reason instead of a verdict; any other error ends the check.
func (b *Bot) check(claims []verify.Claim, release func()) ([]verdict, error) {
	defer release()
	ctx, cancel := context.WithTimeout(b.work, b.cfg.AnswerTimeout)
	defer cancel()
	out := make([]verdict, 0, len(claims))
	for n, c := range claims {
		r, err := b.deps.Verifier.Check(ctx, c)
		switch {
		case errors.Is(err, verify.ErrEmpty), errors.Is(err, verify.ErrTooLong), errors.Is(err, verify.ErrOnlyCommon):
			out = append(out, verdict{claim: c, problem: err.Error()})
		case err != nil:
			return nil, fmt.Errorf("check claim %d of %d: %w", n+1, len(claims), err)
		default:
			out = append(out, verdict{claim: c, result: r})
		}
	}
	return out, nil
}

// deliverVerdicts posts the parts: into the deferred reply and its
// follow-ups, or, in reply mode, as a reply to the checked message (the
// private acknowledgement then says where they went). When the channel
// refuses the reply (no permission there), the verdicts come privately.
func (b *Bot) deliverVerdicts(i *discordgo.Interaction, job verifyJob, parts []string) error {
	if job.reply != nil {
		err := b.replyInChannel(job.reply, parts)
		if err == nil {
			_, err = b.editOriginal(i, "I replied to the message with the verdicts.", nil)
			return err
		}
		b.warnOnce("verify-reply:"+i.ChannelID, "cannot reply to a message with verdicts; they go privately to whoever asked (give the bot Send Messages and Read Message History there)",
			"channel", i.ChannelID, "error", err)
		parts[0] = "-# I could not reply in this channel, so the verdicts come to you alone.\n" + parts[0]
		parts = splitMessage(strings.Join(parts, "\n\n"), maxContent)
	}
	private := job.private || job.reply != nil
	for n, p := range parts {
		var err error
		if n == 0 {
			_, err = b.editOriginal(i, p, nil)
		} else {
			_, err = b.followup(i, p, private, nil)
		}
		if err != nil {
			return fmt.Errorf("part %d of %d: %w", n+1, len(parts), err)
		}
	}
	return nil
}

// replyInChannel posts parts as a reply to ref's message, the first part
// referencing it.
func (b *Bot) replyInChannel(ref *discordgo.MessageReference, parts []string) error {
	for n, p := range parts {
		r := ref
		if n > 0 {
			r = nil
		}
		if _, err := b.send(ref.ChannelID, p, r, nil); err != nil {
			return fmt.Errorf("reply part %d of %d: %w", n+1, len(parts), err)
		}
	}
	return nil
}

// editOrLog replaces the deferred reply with text, logging a failure.
func (b *Bot) editOrLog(i *discordgo.Interaction, text string) {
	if _, err := b.editOriginal(i, neutralise(text), []discordgo.MessageComponent{}); err != nil {
		b.log.Warn("tell the user a check failed", "interaction", i.ID, "error", err)
	}
}
