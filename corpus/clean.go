package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize makes text comparable across sources: one kind of line ending,
// no byte-order mark, no trailing spaces, at most one blank line in a row,
// no leading or trailing blank space. Chunk offsets index the result, so every
// loader runs it before anything else looks at the text.
func normalize(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	started := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank++
			continue
		}
		if started {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		blank = 0
		started = true
		b.WriteString(line)
	}
	return strings.TrimLeftFunc(b.String(), unicode.IsSpace)
}

// furniturePhrase matches a whole line that is a web page's call to action or
// link-list heading rather than part of the report.
var furniturePhrase = regexp.MustCompile(`(?i)^(?:leave a (?:review|comment|reply)|add (?:a )?comment|comments?|related(?: articles| posts| stories| news| content| topics)?|read (?:more|also|next)(?: on .*)?|more (?:news|stories|from .*)|see also|you may also like|you might also like|recommended(?: for you)?|most read|popular|share(?: this(?: article| story| page| post)?)?(?: on .*)?|tweet|print|email|subscribe(?: .*)?|sign up(?: .*)?|follow us(?: .*)?|advertisement|tags?|back to top)[:.!]?$`)

// headingPhrase matches the furniture lines after which a page lists links to
// other stories: everything from such a line to the end is dropped when the
// rest looks like a list of teasers.
var headingPhrase = regexp.MustCompile(`(?i)^(?:related(?: articles| posts| stories| news| content| topics)?|read (?:more|also|next)|more (?:news|stories)|see also|you may also like|you might also like|recommended(?: for you)?|most read)[:.]?$`)

// isSeparatorLine reports a line that only separates page items ("-", "—",
// "***", "• • •").
func isSeparatorLine(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || len(l) > 12 {
		return false
	}
	for _, r := range l {
		switch r {
		case '-', '—', '–', '*', '•', '_', '=', '·', ' ':
		default:
			return false
		}
	}
	return true
}

// isSectionLabel reports a short line that reads like a site section name
// ("Politics", "World News"): a few capitalised words, no sentence
// punctuation, no digits.
func isSectionLabel(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || len(l) > 30 {
		return false
	}
	words := strings.Fields(l)
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "&" && w != "and" {
			return false
		}
		if strings.ContainsAny(w, ".!?,;:0123456789") {
			return false
		}
	}
	return true
}

// stripFurniture removes the trailing page furniture that web captures drag
// along: calls to action ("Leave a review", "Share"), a "Related"/"Read more"
// list, and teaser lists between lone separator lines, together with the
// section label that heads such a list. It only ever cuts a tail, so the
// report itself, bylines included, stays intact.
func stripFurniture(text string) string {
	lines := strings.Split(text, "\n")
	end := len(lines) // lines[:end] is kept
	// nonBlankBefore returns the index of the last non-blank line before i.
	nonBlankBefore := func(i int) int {
		for i--; i >= 0; i-- {
			if strings.TrimSpace(lines[i]) != "" {
				return i
			}
		}
		return -1
	}
	cta := false // a call to action was removed
	for changed := true; changed; {
		changed = false
		// 1. calls to action at the very end.
		for {
			i := nonBlankBefore(end)
			if i <= 0 || !furniturePhrase.MatchString(strings.TrimSpace(lines[i])) {
				break
			}
			end = i
			changed = true
			cta = true
		}
		// 2. a teaser list: a tail in which lone separator lines alternate
		// with short paragraphs, with at least two separators. The text
		// before the first separator may be a section label, which goes too.
		seps, first := 0, -1
		run := 0 // non-separator lines since the last separator (from the end)
		for i := nonBlankBefore(end); i > 0; i = nonBlankBefore(i) {
			l := lines[i]
			if isSeparatorLine(l) {
				seps++
				first = i
				run = 0
				continue
			}
			run++
			if run > 2 || len(l) > 600 {
				break
			}
		}
		// Separators alone are not enough: speeches set excerpts apart with
		// lone dashes too. A teaser list is headed by a section label or
		// followed by a call to action.
		if seps >= 2 && first > 0 {
			cut := first
			label := false
			if j := nonBlankBefore(first); j > 0 && isSectionLabel(lines[j]) {
				cut, label = j, true
			}
			if (label || cta) && nonBlankBefore(cut) >= 0 {
				end = cut
				changed = true
			}
		}
		// 3. a "Related"/"Read more" heading near the end followed only by
		// short lines (link titles).
		for i, n := nonBlankBefore(end), 0; i > 0 && n < 12; i, n = nonBlankBefore(i), n+1 {
			l := strings.TrimSpace(lines[i])
			if headingPhrase.MatchString(l) {
				end = i
				changed = true
				break
			}
			if len(l) > 300 {
				break
			}
		}
	}
	if end == len(lines) {
		return text
	}
	return strings.TrimRightFunc(strings.Join(lines[:end], "\n"), unicode.IsSpace)
}
