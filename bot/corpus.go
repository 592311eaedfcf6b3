package bot

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
)

// maxAttachment bounds a document given to /corpus add.
const maxAttachment = 10 << 20

func (b *Bot) handleCorpus(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	if len(data.Options) == 0 {
		b.replyEphemeral(i, "Use /corpus status, refresh, add or remove.")
		return
	}
	sub := data.Options[0]
	if b.deps.Record == nil {
		b.replyEphemeral(i, "The record cannot be inspected or changed from Discord in this deployment.")
		return
	}
	if sub.Name == "status" {
		b.replyEphemeral(i, renderStatus(b.deps.Record.Status())+"\n"+b.queueStatus())
		return
	}
	// Discord hides moderator commands by default_member_permissions, but a
	// server admin can change that: check again, every time.
	if !b.isModerator(i) {
		b.count("corpus "+sub.Name, "refused")
		b.log.Info("moderator command refused", "command", sub.Name, "user", interactionUser(i).ID, "guild", i.GuildID)
		b.replyEphemeral(i, "Only moderators (Manage Server, or a moderator role) can change the record.")
		return
	}
	opts := options(sub.Options)
	switch sub.Name {
	case "refresh":
		b.refresh(i)
	case "add":
		b.add(i, opts, data.Resolved)
	case "remove":
		b.remove(i, optString(opts, "document"))
	default:
		b.replyEphemeral(i, "Use /corpus status, refresh, add or remove.")
	}
}

func renderStatus(st record.Status) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "**The record**: %d documents, %d passages", st.Docs, st.Chunks)
	if !st.First.IsZero() {
		fmt.Fprintf(&sb, ", from %s to %s", st.First.Format("2006-01-02"), st.Last.Format("2006-01-02"))
	}
	fmt.Fprintf(&sb, ".\nEmbedder: %s (%d dimensions). Snapshot: `%s`.", orDash(st.Embedder), st.Dim, orDash(st.Snapshot))
	if len(st.Sources) > 0 {
		fmt.Fprintf(&sb, "\nSources: %s.", truncate(strings.Join(st.Sources, ", "), 500))
	}
	if st.SourcesDiffer {
		fmt.Fprintf(&sb, "\nConfigured sources: %s (the next refresh reads these instead).", truncate(strings.Join(st.Configured, ", "), 500))
	}
	if c := st.LastChange; c != nil {
		fmt.Fprintf(&sb, "\nLast change: %s by %s <t:%d:R> — %s.", c.Kind, who(c.By), c.At.Unix(), changeCounts(c))
	} else {
		sb.WriteString("\nNo change since the bot started.")
	}
	return sb.String()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// who names a user without pinging (allowed_mentions is empty anyway).
func who(id string) string {
	if id == "" {
		return "someone"
	}
	if strings.Trim(id, "0123456789") == "" {
		return "<@" + id + ">"
	}
	return id
}

func changeCounts(c *record.Change) string {
	s := c.Stats
	return fmt.Sprintf("%d added, %d changed, %d removed, %d unchanged, %d passages embedded", len(s.Added), len(s.Changed), len(s.Removed), len(s.Unchanged), s.Embedded)
}

// renderChange is the summary a moderator sees when a change ends.
func renderChange(c *record.Change) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "**%s done** in %s: %s.", strings.ToUpper(c.Kind[:1])+c.Kind[1:], c.Duration.Round(100*time.Millisecond), changeCounts(c))
	fmt.Fprintf(&sb, "\nSnapshot: `%s` (%d passages).", orDash(c.Stats.Snapshot), c.Stats.Chunks)
	list := func(label string, ids []string) {
		if len(ids) == 0 {
			return
		}
		shown := ids
		if len(shown) > 10 {
			shown = shown[:10]
		}
		fmt.Fprintf(&sb, "\n%s: %s", label, strings.Join(shown, ", "))
		if len(ids) > len(shown) {
			fmt.Fprintf(&sb, " and %d more", len(ids)-len(shown))
		}
	}
	list("Added", c.Stats.Added)
	list("Changed", c.Stats.Changed)
	list("Removed", c.Stats.Removed)
	if len(c.Skipped) > 0 {
		fmt.Fprintf(&sb, "\nSkipped %d:", len(c.Skipped))
		for n, s := range c.Skipped {
			if n == 10 {
				fmt.Fprintf(&sb, "\n… and %d more (see the log)", len(c.Skipped)-10)
				break
			}
			fmt.Fprintf(&sb, "\n- %s: %s", s.Path, truncate(oneLine(s.Reason), 120))
		}
	}
	return truncate(neutralise(sb.String()), maxContent)
}

// busyText explains a refused change.
func busyText(err error) (string, bool) {
	var be *record.BusyError
	if !errors.As(err, &be) {
		return "", false
	}
	return fmt.Sprintf("A %s started by %s <t:%d:T> is running; try again when it has finished.", be.Kind, who(be.By), be.Since.Unix()), true
}

func (b *Bot) refresh(i *discordgo.Interaction) {
	if err := b.deferReply(i, true); err != nil {
		b.log.Error("acknowledge /corpus refresh", "error", err)
		return
	}
	by := interactionUser(i).ID
	b.log.Info("refresh requested", "moderator", by, "guild", i.GuildID)
	// Progress edits go through a streamer: at most one per EditInterval,
	// and a slow or rate-limited edit never holds the refresh up.
	st := newStreamer(b.cfg.EditInterval, func(text string) {
		if _, err := b.editOriginal(i, text, nil); err != nil {
			b.log.Debug("refresh progress edit", "error", err)
		}
	})
	c, err := b.deps.Record.Refresh(b.work, by, func(p retrieval.Progress) { st.update(progressText(p)) })
	st.stop()
	var text string
	switch msg, busy := busyText(err); {
	case busy:
		b.count("corpus refresh", "busy")
		text = msg
	case err != nil:
		b.count("corpus refresh", "error")
		b.log.Error("refresh failed", "moderator", by, "error", err)
		text = refusedText(err)
	default:
		b.count("corpus refresh", "done")
		b.log.Info("refresh done", "moderator", by, "added", len(c.Stats.Added), "changed", len(c.Stats.Changed), "removed", len(c.Stats.Removed), "snapshot", c.Stats.Snapshot)
		text = renderChange(c)
	}
	b.report(i, text, "refresh summary")
}

// report shows the result of a moderator's change in its private reply.
// A change can outlast the reply's token (Discord's 15 minutes: a refresh
// that embeds the whole record with a slow model server); the result then
// reaches the moderator alone, by direct message, and never the channel.
func (b *Bot) report(i *discordgo.Interaction, text, what string) {
	_, err := b.editOriginal(i, text, nil)
	if err == nil {
		return
	}
	if !tokenGone(err) {
		b.log.Warn(what, "error", err)
		return
	}
	user := interactionUser(i).ID
	ch, err := b.s.UserChannelCreate(user)
	if err == nil {
		_, err = b.send(ch.ID, text, nil, nil)
	}
	if err != nil {
		b.log.Warn(what+": the interaction token expired and no direct message could be sent", "moderator", user, "error", err)
		return
	}
	b.log.Info("interaction token expired; sent the result by direct message", "what", what, "moderator", user)
}

// refusedText says why a refresh left the record unchanged: what the
// removal guard or the load limits stopped, or that the log says why.
func refusedText(err error) string {
	var removal *record.RemovalError
	var limit *corpus.LimitError
	switch {
	case errors.As(err, &removal):
		shown := removal.Removed
		if len(shown) > 5 {
			shown = shown[:5]
		}
		list := "`" + strings.Join(shown, "`, `") + "`"
		if more := len(removal.Removed) - len(shown); more > 0 {
			list += fmt.Sprintf(" and %d more", more)
		}
		return truncate(neutralise(fmt.Sprintf("The refresh stopped and the record is unchanged: it would remove %d of the record's %d documents (%s), which are no longer in its sources. "+
			"If that is intended, the operator can run `readout index --force`; otherwise restore the sources.", len(removal.Removed), removal.Of, list)), maxContent)
	case errors.As(err, &limit):
		return fmt.Sprintf("The refresh stopped and the record is unchanged: the sources hold more than the configured limit of %d %s. The operator can split the record or raise the limit.", limit.Limit, limit.What)
	default:
		return "The refresh failed and the record is unchanged; the log says why."
	}
}

func progressText(p retrieval.Progress) string {
	stage := p.Stage
	if stage == "" {
		stage = "working"
	}
	if p.Total > 0 {
		return fmt.Sprintf("Refreshing the record… %s: %d of %d.", stage, p.Done, p.Total)
	}
	return fmt.Sprintf("Refreshing the record… %s: %d.", stage, p.Done)
}

func (b *Bot) add(i *discordgo.Interaction, opts map[string]*discordgo.ApplicationCommandInteractionDataOption, resolved *discordgo.ApplicationCommandInteractionDataResolved) {
	url := optString(opts, "url")
	var att *discordgo.MessageAttachment
	if o := opts["file"]; o != nil && resolved != nil {
		if id, ok := o.Value.(string); ok {
			att = resolved.Attachments[id]
		}
	}
	if (att == nil) == (url == "") {
		b.replyEphemeral(i, "Give either a file or a url (one of them).")
		return
	}
	if att != nil && att.Size > maxAttachment {
		b.replyEphemeral(i, fmt.Sprintf("That file is too large (%.1f MB); the limit is %d MB.", float64(att.Size)/(1<<20), maxAttachment>>20))
		return
	}
	if err := b.deferReply(i, true); err != nil {
		b.log.Error("acknowledge /corpus add", "error", err)
		return
	}
	by := interactionUser(i).ID
	var (
		id  string
		c   *record.Change
		err error
	)
	if att != nil {
		var data []byte
		data, err = b.download(att.URL)
		if err == nil {
			id, c, err = b.deps.Record.AddFile(b.work, path.Base(att.Filename), data, by)
		}
	} else {
		id, c, err = b.deps.Record.AddURL(b.work, url, by)
	}
	text := ""
	if msg, busy := busyText(err); busy {
		text = msg
	} else if err != nil {
		b.log.Error("add document", "moderator", by, "error", err)
		text = "I could not add that document: " + truncate(oneLine(err.Error()), 300) + "."
	} else {
		b.log.Info("document added", "moderator", by, "doc", id)
		text = "Added `" + id + "`.\n" + renderChange(c)
	}
	b.report(i, truncate(neutralise(text), maxContent), "add summary")
}

func (b *Bot) download(url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(b.work, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("attachment url: %w", err)
	}
	resp, err := b.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download attachment: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download attachment: HTTP %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAttachment+1))
	if err != nil {
		return nil, fmt.Errorf("download attachment: %w", err)
	}
	if len(data) > maxAttachment {
		return nil, errors.New("attachment larger than 10 MB")
	}
	return data, nil
}

func (b *Bot) remove(i *discordgo.Interaction, doc string) {
	if doc == "" {
		b.replyEphemeral(i, "Name the document to remove.")
		return
	}
	if err := b.deferReply(i, true); err != nil {
		b.log.Error("acknowledge /corpus remove", "error", err)
		return
	}
	by := interactionUser(i).ID
	c, err := b.deps.Record.Remove(b.work, doc, by)
	var text string
	switch msg, busy := busyText(err); {
	case busy:
		text = msg
	case errors.Is(err, record.ErrNotFound):
		text = "There is no document `" + truncate(doc, 100) + "` in the record; pick one from the suggestions."
	case err != nil:
		b.log.Error("remove document", "moderator", by, "doc", doc, "error", err)
		text = "I could not remove that document: " + truncate(oneLine(err.Error()), 300) + "."
	default:
		b.log.Info("document removed", "moderator", by, "doc", doc)
		text = "Removed `" + truncate(doc, 100) + "`.\n" + renderChange(c)
	}
	b.report(i, truncate(neutralise(text), maxContent), "remove summary")
}

// handleAutocomplete suggests document ids for /corpus remove.
func (b *Bot) handleAutocomplete(i *discordgo.Interaction) {
	var choices []*discordgo.ApplicationCommandOptionChoice
	data := i.ApplicationCommandData()
	if b.deps.Record != nil && data.Name == "corpus" && len(data.Options) > 0 && b.isModerator(i) {
		typed := ""
		for _, o := range data.Options[0].Options {
			if o.Focused {
				typed, _ = o.Value.(string)
			}
		}
		typed = strings.ToLower(strings.TrimSpace(typed))
		for _, id := range b.deps.Record.DocumentIDs() {
			if len(id) > 100 || typed != "" && !strings.Contains(strings.ToLower(id), typed) {
				continue
			}
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: id, Value: id})
			if len(choices) == 25 {
				break
			}
		}
	}
	err := b.respond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	if err != nil {
		b.log.Warn("autocomplete", "error", err)
	}
}
