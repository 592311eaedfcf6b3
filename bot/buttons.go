package bot

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
)

// Button custom ids are "ro:<action>:<key>:<snapshot>": the key is the id of
// the question (interaction or message) the answer is cached under, and the
// snapshot lets feedback name the index state even after a restart.
const buttonPrefix = "ro:"

func answerButtons(key string, a *answer.Answer) []discordgo.MessageComponent {
	snap := a.Snapshot
	id := func(action string) string {
		s := buttonPrefix + action + ":" + key + ":" + snap
		return truncateBytes(s, 100)
	}
	row := discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Show passages", Style: discordgo.SecondaryButton, CustomID: id("p")},
		discordgo.Button{Label: "👍", Style: discordgo.SecondaryButton, CustomID: id("up")},
		discordgo.Button{Label: "👎", Style: discordgo.SecondaryButton, CustomID: id("down")},
	}}
	if len(a.Citations) == 0 {
		row.Components = row.Components[1:]
	}
	if a.Explain != nil {
		// Everyone sees the button (Discord shows one message's buttons to
		// all); only moderators get an answer from it.
		row.Components = append(row.Components, discordgo.Button{Label: whyLabel, Style: discordgo.SecondaryButton, CustomID: id("w")})
	}
	return []discordgo.MessageComponent{row}
}

// whyLabel is the moderators' button that shows why an answer is what it is.
const whyLabel = "Why this answer"

// explain replies, to a moderator only and privately, with the answer's
// explanation: the constraints read from the question, the passages with
// their scores, the decision and the sentences chosen.
func (b *Bot) explain(i *discordgo.Interaction, key string) {
	if !b.isModerator(i) {
		b.count("why", "refused")
		b.replyEphemeral(i, "Only moderators can see why an answer was given.")
		return
	}
	c, _ := b.answers.get(key)
	if c == nil || c.Answer == nil || c.Answer.Explain == nil {
		b.count("why", "gone")
		b.replyEphemeral(i, "The reasons for this answer are no longer in memory (the bot restarted or answered many questions since); ask the question again to see them.")
		return
	}
	b.count("why", "shown")
	b.replyEphemeral(i, explainMessage(c.Answer.Explain))
}

// explainMessage renders an explanation as one Discord message: a code
// block (so record text is never read as markdown or mentions), cut to fit
// 2,000 characters.
func explainMessage(e *answer.Explanation) string {
	const fence = "```"
	// Neutralised before it is cut: breaking a mention lengthens it.
	body := defuse(strings.ReplaceAll(e.Text(0), fence, "ʼʼʼ"))
	room := maxContent - runes(fence+"text\n"+"\n"+fence)
	return fence + "text\n" + truncate(body, room) + "\n" + fence
}

func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func (b *Bot) handleComponent(i *discordgo.Interaction) {
	data := i.MessageComponentData()
	parts := strings.SplitN(strings.TrimPrefix(data.CustomID, buttonPrefix), ":", 3)
	if !strings.HasPrefix(data.CustomID, buttonPrefix) || len(parts) < 2 {
		b.replyEphemeral(i, "This button is no longer supported; ask the question again.")
		return
	}
	action, key, snap := parts[0], parts[1], ""
	if len(parts) == 3 {
		snap = parts[2]
	}
	switch action {
	case "p":
		b.showPassages(i, key)
	case "up", "down":
		b.feedback(i, action, key, snap)
	case "w":
		b.explain(i, key)
	default:
		b.replyEphemeral(i, "This button is no longer supported; ask the question again.")
	}
}

// feedback logs a vote with what it judges; the reply is private.
func (b *Bot) feedback(i *discordgo.Interaction, vote, key, snap string) {
	q, text := "", ""
	private := i.Message != nil && i.Message.Flags&discordgo.MessageFlagsEphemeral != 0
	if c, _ := b.answers.get(key); c != nil {
		q, text = c.Question, c.Answer.Text
		private = private || c.Private
		if snap == "" {
			snap = c.Answer.Snapshot
		}
	} else if i.Message != nil {
		// After a restart the message itself still says what was asked and
		// answered.
		q, text, _ = parseQuestionHeader(i.Message.Content)
		text = stripSources(text)
	}
	if private {
		q, text = "(private)", "(private)"
	}
	b.count("feedback", vote)
	b.log.Info("feedback", "vote", vote, "user", interactionUser(i).ID, "question", q, "answer", text, "snapshot", snap, "key", key)
	b.replyEphemeral(i, "Thanks for the feedback.")
}

// showPassages replies privately with the cited passages; after a restart
// (or once the answer left the cache) it searches again for the question.
func (b *Bot) showPassages(i *discordgo.Interaction, key string) {
	c, _ := b.answers.get(key)
	if c != nil {
		embeds := passageEmbeds(c.Answer.Citations, b.surroundings)
		b.respondEmbeds(i, "", embeds)
		return
	}
	q := ""
	if i.Message != nil {
		q, _, _ = parseQuestionHeader(i.Message.Content)
	}
	if q == "" || b.deps.Searcher == nil {
		b.replyEphemeral(i, "The passages of this answer are no longer in memory (the bot restarted); ask the question again to see them.")
		return
	}
	if err := b.deferReply(i, true); err != nil {
		b.log.Warn("acknowledge show passages", "error", err)
		return
	}
	hits, err := b.deps.Searcher.Search(b.work, q, retrieval.SearchOptions{K: 5})
	if err != nil {
		b.log.Error("search for passages", "error", err)
		_, _ = b.editOriginal(i, "I could not look the passages up again; ask the question again.", nil)
		return
	}
	var cites []answer.Citation
	for n, h := range hits {
		cites = append(cites, citationOf(n+1, h))
	}
	embeds := passageEmbeds(cites, b.surroundings)
	note := "This answer's passages are no longer in memory (the bot restarted); these are the passages that best match the question now."
	e := &discordgo.WebhookEdit{Content: &note, Embeds: &embeds, AllowedMentions: noMentions()}
	if _, err := b.s.InteractionResponseEdit(i, e); err != nil {
		b.log.Warn("show passages", "error", err)
	}
}

// citationOf is answer.CitationFor naming the whole document's speakers,
// as the bot's passage lists do, rather than only the passage's.
func citationOf(n int, h retrieval.Hit) answer.Citation {
	c := answer.CitationFor(n, h)
	c.Speakers = nil
	if h.Doc != nil {
		c.Speakers = h.Doc.SpeakerNames()
	}
	return c
}

func (b *Bot) respondEmbeds(i *discordgo.Interaction, content string, embeds []*discordgo.MessageEmbed) {
	if len(embeds) == 0 && content == "" {
		content = "This answer cites no passages."
	}
	err := b.respond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: content, Embeds: embeds, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions()},
	})
	if err != nil {
		b.log.Warn("reply with passages", "interaction", i.ID, "error", err)
	}
}

// documentSource gives a document's cleaned text; *retrieval.Index is one.
type documentSource interface {
	Document(id string) (*corpus.Document, bool)
}

// contextBytes is how much of the document Show passages shows on each side
// of a cited passage.
const contextBytes = 240

// surroundings returns a little of the document's text before and after a
// cited passage, cut at word boundaries; empty when the document is not at
// hand (no index, or it changed since the answer).
func (b *Bot) surroundings(c answer.Citation) (before, after string) {
	docs, ok := b.deps.Searcher.(documentSource)
	if !ok || docs == nil {
		return "", ""
	}
	d, ok := docs.Document(c.Doc)
	if !ok || c.Start < 0 || c.End > len(d.Text) || c.Start > c.End || d.Text[c.Start:c.End] != c.Passage {
		return "", ""
	}
	from := max(0, c.Start-contextBytes)
	for from > 0 && from < c.Start && !utf8.RuneStart(d.Text[from]) {
		from++
	}
	if from > 0 {
		if sp := strings.IndexAny(d.Text[from:c.Start], " \n"); sp >= 0 {
			from += sp + 1
		}
	}
	to := min(len(d.Text), c.End+contextBytes)
	for to < len(d.Text) && to > c.End && !utf8.RuneStart(d.Text[to]) {
		to--
	}
	if to < len(d.Text) {
		if sp := strings.LastIndexAny(d.Text[c.End:to], " \n"); sp >= 0 {
			to = c.End + sp
		}
	}
	before, after = d.Text[from:c.Start], d.Text[c.End:to]
	if from > 0 && strings.TrimSpace(before) != "" {
		before = "…" + before
	}
	if to < len(d.Text) && strings.TrimSpace(after) != "" {
		after += "…"
	}
	return before, after
}

// markdownEscaper keeps record text from being read as Discord markdown.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "|", `\|`)

// passageEmbeds renders citations as embeds within Discord's limits: at
// most 10, each description cut so all of them fit 6,000 characters. With
// around, each cited passage is shown in bold inside a little of the text
// around it.
func passageEmbeds(cites []answer.Citation, around func(answer.Citation) (string, string)) []*discordgo.MessageEmbed {
	if len(cites) > maxEmbeds {
		cites = cites[:maxEmbeds]
	}
	if len(cites) == 0 {
		return nil
	}
	budget := (maxEmbedTotal - 200) / len(cites)
	var out []*discordgo.MessageEmbed
	for _, c := range cites {
		title := fmt.Sprintf("[%d] %s", c.N, strings.Join(nonEmpty(c.Outlet, c.Date, oneLine(c.Title)), " — "))
		title = defuse(truncate(title, 200))
		head := ""
		if len(c.Speakers) > 0 {
			head = "Speakers: " + markdownEscaper.Replace(strings.Join(c.Speakers, ", ")) + "\n\n"
		}
		limit := budget - runes(title)
		if limit > maxEmbedDesc {
			limit = maxEmbedDesc
		}
		if limit < 20 {
			limit = 20
		}
		passage := markdownEscaper.Replace(strings.TrimSpace(c.Passage))
		desc := head + passage
		if around != nil {
			before, after := around(c)
			before, after = markdownEscaper.Replace(before), markdownEscaper.Replace(after)
			// The context gives way first when the budget is tight.
			if room := limit - runes(head) - runes(passage) - 4; room > 0 {
				if runes(before)+runes(after) > room {
					before = tail(before, room/2)
					after = truncate(after, room/2)
				}
				desc = head + before + "**" + passage + "**" + after
			}
		}
		e := &discordgo.MessageEmbed{Title: title, Description: truncate(unlink(defuse(desc)), limit)}
		if linkable(c.URL) {
			e.URL = c.URL
		}
		out = append(out, e)
	}
	return out
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// tail returns the last n runes of s, marked as cut.
func tail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n < 2 {
		return ""
	}
	return "…" + string(r[len(r)-n+1:])
}
