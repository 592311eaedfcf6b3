package bot

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/safetext"
)

// Discord limits the renderer keeps to.
const (
	maxContent    = 2000
	maxThreadName = 100
	maxEmbedDesc  = 4096
	maxEmbedTitle = 256
	maxEmbedTotal = 6000
	maxEmbeds     = 10
)

// noMentions is attached to every message the bot sends: whatever the model
// or a document writes, nobody is pinged. A nil Parse would serialise as
// null, which Discord reads as "the defaults" (pings allowed).
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// neutralise breaks @everyone and @here with a zero-width joiner, in case a
// message ever goes out without allowed_mentions (defence in depth).
func neutralise(s string) string {
	s = strings.ReplaceAll(s, "@everyone", "@\u200deveryone")
	s = strings.ReplaceAll(s, "<@&", "<@\u200d&") // the bot never names a role
	return strings.ReplaceAll(s, "@here", "@\u200dhere")
}

// userMentionRe matches a user mention, <@123> or <@!123>.
var userMentionRe = regexp.MustCompile(`<@(!?\d)`)

// defuse is neutralise for text the bot did not write (questions, answers,
// passages, document titles): user mentions are broken too, so a mention
// typed by a user, a model or a document shows as text and never even
// highlights anyone. The bot's own messages keep their deliberate <@id>
// (who started a refresh), which allowed_mentions keeps silent.
func defuse(s string) string {
	return userMentionRe.ReplaceAllString(neutralise(s), "<@\u200d$1")
}

// unlink neutralises masked links ("[text](url)") in text the bot did not
// write: a question, a passage or title of the record, a model's answer.
// A link whose shown text hides where it goes is never posted under the
// bot's name; the bot's own footnote links are added after.
func unlink(s string) string { return safetext.Unlink(s) }

// untrusted prepares words the bot quotes as they are, a quotation or the
// record's words, for a line the bot formats itself: their Markdown is
// escaped, so the bot's own marks (~~struck~~, **bold**) cannot be broken
// or faked, their masked links are neutralised, and a bare link is kept
// from unfolding a preview (<link>): a member must not get the bot to
// show a picture or page where members may not embed links. Mentions are
// defused over the whole message.
func untrusted(s string) string {
	var b strings.Builder
	for {
		loc := bareLinkRe.FindStringIndex(s)
		if loc == nil {
			break
		}
		link := strings.TrimRight(s[loc[0]:loc[1]], ".,;:!?)]}'\"”’")
		b.WriteString(markdownEscaper.Replace(s[:loc[0]]) + "<" + link + ">")
		s = s[loc[0]+len(link):]
	}
	b.WriteString(markdownEscaper.Replace(s))
	return unlink(b.String())
}

// bareLinkRe matches a link Discord would unfold: http(s) up to a space or
// an angle bracket (the punctuation ending a sentence is trimmed after).
var bareLinkRe = regexp.MustCompile(`(?i)https?://[^\s<>]+`)

func runes(s string) int { return utf8.RuneCountInString(s) }

// truncate cuts s to at most n runes, ending with "…" when cut.
func truncate(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// oneLine collapses whitespace so text fits a heading or a thread name.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// questionHeader is the first line of every answer message: it shows what
// was asked and lets a thread's history be rebuilt from its messages alone.
func questionHeader(q string) string {
	return "> " + unlink(defuse(truncate(oneLine(q), 300))) + "\n"
}

// parseQuestionHeader returns the question of an answer message and the
// answer text after the header.
func parseQuestionHeader(content string) (question, rest string, ok bool) {
	if !strings.HasPrefix(content, "> ") {
		return "", content, false
	}
	line, rest, _ := strings.Cut(content, "\n")
	q := strings.ReplaceAll(strings.TrimPrefix(line, "> "), "\u200d", "")
	return q, strings.TrimLeft(rest, "\n"), true
}

// sourcesHeading separates the answer from its footnotes.
const sourcesHeading = "**Sources**"

// stripSources drops the footnotes of an answer message (for history).
func stripSources(s string) string {
	if i := strings.Index(s, "\n"+sourcesHeading); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return strings.TrimSpace(s)
}

// footnote renders one citation: [1] ARMENPRESS — 2023-09-28 — headline,
// the headline linked when the URL is known (<> keeps Discord from adding a
// preview embed per source).
func footnote(c answer.Citation) string {
	var meta []string
	if c.Outlet != "" {
		meta = append(meta, unlink(oneLine(c.Outlet)))
	}
	if c.Date != "" {
		meta = append(meta, c.Date)
	}
	title := truncate(oneLine(c.Title), 150)
	if title == "" {
		title = c.Doc
	}
	// Brackets in a title would end the link text early.
	title = strings.NewReplacer("[", "(", "]", ")").Replace(title)
	switch {
	case linkable(c.URL) && !addressLike.MatchString(title):
		title = "[" + title + "](<" + c.URL + ">)"
	case linkable(c.URL):
		// A title that reads as an address ("www.state.gov briefing")
		// would disguise where the link goes: the address is shown as it
		// is instead.
		meta = append(meta, title)
		title = "<" + c.URL + ">"
	}
	meta = append(meta, title)
	return fmt.Sprintf("[%d] ", c.N) + strings.Join(meta, " — ")
}

// linkable reports whether a document's URL may be linked from a message
// or an embed: an absolute http(s) address with a host, and nothing that
// would end the link early or that Discord refuses as "not a well formed
// URL" (blanks, control characters, angle brackets). The record's URLs
// are data: one that is not linkable is shown as no link at all, and
// never costs the message it is in.
func linkable(u string) bool {
	if u == "" || strings.ContainsFunc(u, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '<' || r == '>' }) {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" && p.Hostname() != ""
}

// addressLike matches text that reads as a web address: a scheme, or a
// host name ending in a top-level domain of letters ("state.gov",
// "www.example.org/x"). "U.S." and "H.R. 2670" are not addresses.
var addressLike = regexp.MustCompile(`(?i)://|\bwww\.|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b`)

// footnoteRe reads a footnote back: "[n] rest".
var footnoteRe = regexp.MustCompile(`^\[(\d{1,3})\] (.+)$`)

// footnoteLinkRe reads a linked title back: "[title](<url>)".
var footnoteLinkRe = regexp.MustCompile(`^\[(.*)\]\(<(\S+)>\)$`)

// footnoteDateRe is a footnote's date part.
var footnoteDateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// parseSources reads the citations back from an answer message's
// footnotes (see footnote): number, outlet, date, title and URL. A
// conversation rebuilt from a thread after a restart knows its earlier
// answers' sources this way; the document ID and passage are not in the
// message, so a follow-up matches the documents by URL or title.
func parseSources(content string) []answer.Citation {
	_, notes, ok := strings.Cut(content, "\n"+sourcesHeading)
	if !ok {
		return nil
	}
	var out []answer.Citation
	for _, line := range strings.Split(notes, "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\u200d", ""))
		m := footnoteRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		c := answer.Citation{N: n}
		parts := strings.Split(m[2], " — ")
		date := -1
		for i, p := range parts {
			if footnoteDateRe.MatchString(p) {
				date = i
				break
			}
		}
		title := m[2]
		switch {
		case date >= 0:
			c.Date = parts[date]
			c.Outlet = strings.Join(parts[:date], " — ")
			title = strings.Join(parts[date+1:], " — ")
		case len(parts) > 1:
			c.Outlet = parts[0]
			title = strings.Join(parts[1:], " — ")
		}
		if l := footnoteLinkRe.FindStringSubmatch(title); l != nil {
			title, c.URL = l[1], l[2]
		} else if i := strings.LastIndex(title, " — <"); i >= 0 && strings.HasSuffix(title, ">") {
			title, c.URL = title[:i], title[i+len(" — <"):len(title)-1]
		}
		c.Title = title
		out = append(out, c)
	}
	return out
}

// renderAnswer is the final text of an answer: the question, the answer,
// its warnings, then the sources as footnotes.
func renderAnswer(question string, a *answer.Answer) string {
	var b strings.Builder
	b.WriteString(questionHeader(question))
	text := strings.TrimSpace(a.Text)
	if text == "" {
		text = "I found nothing in the record that answers this."
	}
	b.WriteString(unlink(text))
	for _, w := range a.Warnings {
		if w = strings.TrimSpace(w); w != "" {
			b.WriteString("\n\n-# ⚠️ " + unlink(oneLine(w)))
		}
	}
	if len(a.Citations) > 0 {
		b.WriteString("\n\n" + sourcesHeading)
		for _, c := range a.Citations {
			b.WriteString("\n" + footnote(c))
		}
	}
	return defuse(b.String())
}

// renderPartial is what a streaming edit shows: the answer so far, cut to
// fit one message.
func renderPartial(question, partial string) string {
	s := questionHeader(question) + unlink(defuse(strings.TrimSpace(partial))) + " …"
	return truncate(s, maxContent-10)
}

// splitMessage splits s into parts of at most limit runes, at paragraph,
// line, sentence or word boundaries in that order of preference, never
// inside a quotation or a bracketed citation marker or link text. Only text
// with no such boundary at all is cut mid-word.
func splitMessage(s string, limit int) []string {
	var parts []string
	for runes(s) > limit {
		cut := cutPoint(s, limit)
		part := strings.TrimRight(s[:cut], " \n")
		if part == "" { // nothing but whitespace before the cut
			part = s[:cut]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s[cut:], " \n")
	}
	if strings.TrimSpace(s) != "" || len(parts) == 0 {
		parts = append(parts, s)
	}
	return parts
}

// cutPoint returns the byte index at which to end the first part of s.
func cutPoint(s string, limit int) int {
	// best[k] is the last safe boundary of kind k within the limit:
	// 0 paragraph, 1 line, 2 sentence, 3 word; loose* ignore quotations (for
	// text whose quote marks do not balance).
	var best, loose [4]int
	inQuote, inBracket := false, false
	n := 0
	end := len(s)
	for i, r := range s {
		if n == limit {
			end = i
			break
		}
		n++
		if i > 0 {
			kind := -1
			prev := s[i-1]
			switch {
			case prev == '\n' && i >= 2 && s[i-2] == '\n':
				kind = 0
			case prev == '\n':
				kind = 1
			case prev == ' ' && i >= 2 && strings.ContainsRune(".?!", rune(s[i-2])):
				kind = 2
			case prev == ' ':
				kind = 3
			}
			if kind >= 0 && !inBracket {
				loose[kind] = i
				if !inQuote {
					best[kind] = i
				}
			}
		}
		switch r {
		case '"':
			inQuote = !inQuote
		case '“':
			inQuote = true
		case '”':
			inQuote = false
		case '[':
			inBracket = true
		case ']', '\n':
			inBracket = false
		}
	}
	// Prefer a boundary that leaves a part of reasonable size, then any.
	for _, least := range []int{end / 3, 1} {
		for _, set := range [][4]int{best, loose} {
			for _, p := range set {
				if p >= least {
					return p
				}
			}
		}
	}
	return end
}
