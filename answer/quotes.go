package answer

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteStats counts what quote verification did to an answer's quotations.
type QuoteStats struct {
	// Posted is how many quotations the answer had before verification.
	Posted int `json:"posted"`
	// Verified were found word for word in a cited passage.
	Verified int `json:"verified"`
	// Repaired were close to a cited passage and were replaced by its
	// exact words.
	Repaired int `json:"repaired"`
	// Unquoted matched nothing closely and lost their quotation marks.
	Unquoted int `json:"unquoted"`
}

// Add returns the sum of two counts.
func (s QuoteStats) Add(o QuoteStats) QuoteStats {
	return QuoteStats{s.Posted + o.Posted, s.Verified + o.Verified, s.Repaired + o.Repaired, s.Unquoted + o.Unquoted}
}

// RepairThreshold is the least similarity (longest common subsequence of
// words over the longer of the two word counts) between a misquotation and
// a span of the cited passage for the span's exact words to replace it;
// below it the quotation marks are removed. Dividing by the longer count
// keeps a short span from "matching" a long quotation it only starts.
const RepairThreshold = 0.8

// maxRepairWords bounds the quotations repair tries to align (the
// alignment costs words² per passage position): a longer misquotation is
// unquoted instead.
const maxRepairWords = 150

// minSingleQuoteWords: text in single curly quotes counts as a quotation
// only when this long, because ’ is also the apostrophe and single quotes
// often mark terms rather than quote anyone.
const minSingleQuoteWords = 4

// quoteSpan is one quotation in a text.
type quoteSpan struct {
	open, close int // byte offsets of the opening and closing marks
	inner       [2]int
	closeLen    int
}

// findQuotes returns the quotations of text: “…”, «…», "…" (paired in
// order) and ‘…’ when long. Quotations do not nest: marks inside one are
// part of it.
func findQuotes(text string) []quoteSpan {
	var out []quoteSpan
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var closer string
		switch r {
		case '“':
			closer = "”"
		case '«':
			closer = "»"
		case '"':
			closer = `"`
		case '‘':
			closer = "’"
		default:
			i += size
			continue
		}
		innerStart := i + size
		j := -1
		if r == '‘' {
			j = singleClose(text, innerStart)
			if j >= 0 {
				_, n := utf8.DecodeRuneInString(text[j:])
				closer = text[j : j+n] // ’ or a straight '
			}
		} else if k := strings.Index(text[innerStart:], closer); k >= 0 {
			j = innerStart + k
		}
		if j < 0 {
			i += size
			continue
		}
		if r == '‘' && len(strings.Fields(text[innerStart:j])) < minSingleQuoteWords {
			i = j + len(closer)
			continue
		}
		if strings.TrimSpace(text[innerStart:j]) != "" {
			out = append(out, quoteSpan{open: i, close: j, inner: [2]int{innerStart, j}, closeLen: len(closer)})
		}
		i = j + len(closer)
	}
	return out
}

// singleClose finds the ’ that closes a ‘ quotation: one not followed by a
// letter (which would make it an apostrophe, as in "we’re").
func singleClose(text string, from int) int {
	for k := from; k < len(text); {
		r, size := utf8.DecodeRuneInString(text[k:])
		if r == '’' || r == '\'' {
			next, _ := utf8.DecodeRuneInString(text[k+size:])
			if k+size >= len(text) || !unicode.IsLetter(next) {
				return k
			}
		}
		k += size
	}
	return -1
}

// isQuoteMark reports the quote marks folded together.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '`', '´', '′', '″':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

// fold normalises text for comparing quotations: case, every quote mark to
// ', every dash to -, runs of white space to one space and none around a
// dash. Nothing else is changed: a quotation must keep the record's words
// and punctuation. offs[i] is the byte offset in s of folded byte i.
func fold(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s))
	pendingSpace := false
	lastDash := false
	put := func(r rune, at int) {
		n := utf8.RuneLen(r)
		if n < 0 {
			r, n = utf8.RuneError, 3
		}
		b.WriteRune(r)
		for k := 0; k < n; k++ {
			offs = append(offs, at)
		}
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			pendingSpace = b.Len() > 0 && !lastDash
			continue
		}
		switch {
		case isQuoteMark(r):
			r = '\''
		case isDash(r):
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		if pendingSpace && r != '-' {
			put(' ', i)
		}
		pendingSpace = false
		lastDash = r == '-'
		put(r, i)
	}
	return b.String(), offs
}

// edgePunct is trimmed from both ends of a quotation before matching: a
// quotation ending "ongoing." may quote "ongoing," mid-sentence.
const edgePunct = ".,;:!? \t\n"

// ellipsisMarks split a quotation into fragments that must appear in order.
var ellipsisMarks = []string{"[...]", "[…]", "(...)", "(…)", "...", "…"}

// splitElisions splits a quotation at its ellipses.
func splitElisions(q string) []string {
	parts := []string{q}
	for _, m := range ellipsisMarks {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, m)...)
		}
		parts = next
	}
	var out []string
	for _, p := range parts {
		if p = strings.Trim(p, edgePunct); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// quoteIn reports whether quotation q appears in passage, word for word
// after folding (fragments around an ellipsis in order).
func quoteIn(q, passage string) bool {
	frags := splitElisions(q)
	if len(frags) == 0 {
		return false
	}
	fp, _ := fold(passage)
	pos := 0
	for _, f := range frags {
		ff, _ := fold(f)
		k := indexWords(fp, ff, pos)
		if k < 0 {
			return false
		}
		pos = k + len(ff)
	}
	return true
}

// indexWords is strings.Index from byte from, accepting only a match that
// neither starts nor ends inside a word ("are" is not in "fare").
func indexWords(s, sub string, from int) int {
	for from <= len(s) {
		k := strings.Index(s[from:], sub)
		if k < 0 {
			return -1
		}
		k += from
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(sub):])
		first, _ := utf8.DecodeRuneInString(sub)
		last, _ := utf8.DecodeLastRuneInString(sub)
		if (k == 0 || !isWordRune(before) || !isWordRune(first)) &&
			(k+len(sub) == len(s) || !isWordRune(after) || !isWordRune(last)) {
			return k
		}
		_, size := utf8.DecodeRuneInString(s[k:])
		from = k + size
	}
	return -1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// token is a word of a passage with its byte range.
type token struct {
	w          string
	start, end int
}

func tokenize(s string) []token {
	var out []token
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 {
			out = append(out, token{strings.ToLower(s[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{strings.ToLower(s[start:]), start, len(s)})
	}
	return out
}

// bestSpan finds the span of passage whose words are most like q's:
// similarity LCS/max(|q|,|span|) over word sequences. It returns the span's
// byte range and the similarity.
func bestSpan(q, passage string) (start, end int, sim float64) {
	qt := tokenize(q)
	pt := tokenize(passage)
	m := len(qt)
	if m == 0 || len(pt) == 0 || m > maxRepairWords {
		return 0, 0, 0
	}
	slack := m/4 + 2
	dp := make([][]int, m+slack+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	bestI, bestL := -1, 0
	for i := 0; i < len(pt); i++ {
		if !containsWord(qt, pt[i].w) {
			continue // the best span starts with a shared word
		}
		maxL := min(m+slack, len(pt)-i)
		for l := 1; l <= maxL; l++ {
			pw := pt[i+l-1].w
			for j := 1; j <= m; j++ {
				if qt[j-1].w == pw {
					dp[l][j] = dp[l-1][j-1] + 1
				} else {
					dp[l][j] = max(dp[l-1][j], dp[l][j-1])
				}
			}
			s := float64(dp[l][m]) / float64(max(m, l))
			if s > sim {
				sim, bestI, bestL = s, i, l
			}
		}
	}
	if bestI < 0 {
		return 0, 0, 0
	}
	return pt[bestI].start, pt[bestI+bestL-1].end, sim
}

func containsWord(ts []token, w string) bool {
	for _, t := range ts {
		if t.w == w {
			return true
		}
	}
	return false
}

// VerifyQuotes checks every quotation of text against the passages of the
// citations in its sentence (or, for a quotation with no citation in its
// sentence, against all of them). A quotation found word for word stays;
// one close to a passage (RepairThreshold) is replaced by the passage's
// exact words; any other loses its quotation marks. It returns the new
// text, the counts and the warnings to show.
func VerifyQuotes(text string, cites []Citation) (string, QuoteStats, []string) {
	out, stats, changed := verifyPass(text, cites)
	// Removing one pair of marks can pair the marks left over into a new
	// "quotation" (“a “b” c” → a “b c”): check again until nothing
	// changes. Each pass that changes something removes marks or replaces
	// a quotation by the record's words, so this ends; the bound is a
	// guard.
	for pass := 0; changed && pass < 10; pass++ {
		var more QuoteStats
		out, more, changed = verifyPass(out, cites)
		stats.Repaired += more.Repaired
		stats.Unquoted += more.Unquoted
		stats.Posted += more.Repaired + more.Unquoted
	}
	return out, stats, quoteWarnings(stats)
}

// verifyPass is one pass of VerifyQuotes; changed reports an edit.
func verifyPass(text string, cites []Citation) (string, QuoteStats, bool) {
	quotes := findQuotes(text)
	var stats QuoteStats
	if len(quotes) == 0 {
		return text, stats, false
	}
	sentences := answerSentences(text)
	markers := ParseCitations(text)
	byN := map[int]Citation{}
	for _, c := range cites {
		byN[c.N] = c
	}

	type edit struct {
		start, end int
		repl       string
	}
	var edits []edit
	for _, q := range quotes {
		stats.Posted++
		lo, hi := sentenceAround(sentences, q.open, q.close+q.closeLen)
		var passages []string
		for _, m := range markers {
			if m.End > lo && m.Start < hi {
				for _, n := range m.Numbers {
					if c, ok := byN[n]; ok {
						passages = append(passages, c.Passage)
					}
				}
			}
		}
		if len(passages) == 0 {
			for _, c := range cites {
				passages = append(passages, c.Passage)
			}
		}
		inner := text[q.inner[0]:q.inner[1]]
		// A citation inside the quotation marks is not part of the quote.
		bare := strings.TrimSpace(citationGroupRe.ReplaceAllString(inner, ""))

		ok := false
		for _, p := range passages {
			if quoteIn(bare, p) {
				ok = true
				break
			}
		}
		if ok {
			stats.Verified++
			continue
		}
		if fix, good := repairQuote(bare, passages); good {
			stats.Repaired++
			edits = append(edits, edit{q.inner[0], q.inner[1], fix})
			// Keep a citation that was inside the marks, after them.
			if cited := citationGroupRe.FindAllString(inner, -1); len(cited) > 0 {
				at := q.close + q.closeLen
				edits = append(edits, edit{at, at, " " + strings.Join(cited, "")})
			}
			continue
		}
		stats.Unquoted++
		edits = append(edits, edit{q.open, q.inner[0], ""}, edit{q.close, q.close + q.closeLen, ""})
	}
	// Apply from the end, and at one position the removal before the
	// insertion, so no edit shifts another.
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start > edits[j].start
		}
		return edits[i].end > edits[j].end
	})
	for _, e := range edits {
		text = text[:e.start] + e.repl + text[e.end:]
	}
	return text, stats, len(edits) > 0
}

// quoteWarnings says what verification changed. Warnings give counts, not
// the words: repeating an unverified quotation in a warning would post it
// after all.
func quoteWarnings(stats QuoteStats) []string {
	var warnings []string
	if stats.Repaired > 0 {
		warnings = append(warnings, fmt.Sprintf("%s corrected to the record's exact words.",
			plural(stats.Repaired, "quotation was", "quotations were")))
	}
	if stats.Unquoted > 0 {
		warnings = append(warnings, fmt.Sprintf("%s not found word for word in the cited sources, so %s shown as a paraphrase, not as a quotation.",
			plural(stats.Unquoted, "quotation was", "quotations were"), pick(stats.Unquoted, "it is", "they are")))
	}
	return warnings
}

// repairQuote returns the exact words of the passage span closest to q when
// it is similar enough and is itself a clean quotation (no quote marks of
// its own inside, which would garble the answer's quotation).
func repairQuote(q string, passages []string) (string, bool) {
	if len(splitElisions(q)) != 1 {
		return "", false // an elided quotation is checked fragment by fragment only
	}
	best, bestSim := "", 0.0
	for _, p := range passages {
		s, e, sim := bestSpan(q, p)
		if sim > bestSim {
			best, bestSim = p[s:e], sim
		}
	}
	if bestSim < RepairThreshold || strings.ContainsAny(best, "\"“”«»") {
		return "", false
	}
	return best, true
}

// sentenceAround returns the byte range from the start of the sentence
// holding lo to the end of the sentence holding hi-1.
func sentenceAround(sentences [][2]int, lo, hi int) (int, int) {
	start, end := lo, hi
	for _, s := range sentences {
		if s[0] <= lo && lo < s[1] {
			start = s[0]
		}
		if s[0] < hi && hi <= s[1] {
			end = s[1]
		}
	}
	return start, end
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
