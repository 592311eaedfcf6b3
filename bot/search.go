package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/retrieval"
)

// handleSearch shows the best passages with outlet, date, speakers and
// link; no model is involved.
func (b *Bot) handleSearch(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) {
	opts := options(data.Options)
	q := optString(opts, "query")
	filters, err := dateFilters(opts)
	switch {
	case err != nil:
		b.replyEphemeral(i, err.Error()+".")
		return
	case q == "":
		b.replyEphemeral(i, "Say what to search for.")
		return
	case b.deps.Searcher == nil:
		b.replyEphemeral(i, "Search is not available in this deployment; try /ask.")
		return
	}
	filters.K = 5
	// A search is a retrieval over the whole record (and, with a model
	// server, a call to its embedder): one member's searches are limited
	// like their questions, in a bucket of their own, and take a place in
	// the quick lane, so a flood of them cannot hold every CPU while
	// questions wait.
	t := b.enterQuick(i, "search", b.searchRate, func(wait time.Duration) string {
		return limitMessage("search", b.cfg.AskPerMinute, b.cfg.AskBurst, wait) + "."
	})
	if t == nil {
		return
	}
	l := b.quick
	if err := b.deferReply(i, false); err != nil {
		l.leave(t)
		b.log.Error("acknowledge /search", "error", err)
		return
	}
	if l.ahead(t) >= 0 {
		show := func(n int) error { _, err := b.editOriginal(i, queuedText(q, n), nil); return err }
		// Quick work: the wait ends long before the token's 15 minutes.
		if err := b.waitTurn(l, t, -1, show, time.Time{}, nil); err != nil {
			b.editOrLog(i, userMessage(err))
			b.count("search", "stopped")
			return
		}
	}
	ctx, cancel := context.WithTimeout(b.work, b.cfg.AnswerTimeout)
	defer cancel()
	hits, err := b.deps.Searcher.Search(ctx, q, filters)
	l.release(t)
	var text string
	switch {
	case err != nil:
		b.log.Error("search failed", "query", q, "error", err)
		b.count("search", "error")
		text = "The search failed; please try again in a minute."
	case len(hits) == 0:
		text = questionHeader(q) + "Nothing in the record matches."
	default:
		b.count("search", "answered")
		text = renderHits(q, hits)
	}
	parts := splitMessage(text, maxContent)
	for n, p := range parts {
		if n == 0 {
			_, err = b.editOriginal(i, p, nil)
		} else {
			_, err = b.followup(i, p, false, nil)
		}
		if err != nil {
			b.log.Warn("deliver search results", "error", err)
			return
		}
	}
}

func renderHits(q string, hits []retrieval.Hit) string {
	var sb strings.Builder
	sb.WriteString(questionHeader(q))
	for n, h := range hits {
		c := citationOf(n+1, h)
		sb.WriteString("\n" + footnote(c))
		if len(c.Speakers) > 0 {
			fmt.Fprintf(&sb, "\n-# Speakers: %s", unlink(truncate(strings.Join(c.Speakers, ", "), 200)))
		}
		passage := unlink(truncate(oneLine(c.Passage), 300))
		sb.WriteString("\n> " + passage + "\n")
	}
	return defuse(sb.String())
}
