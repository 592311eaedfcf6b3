package answer

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
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

// bestSpan finds the span of passage whose words are most like q's:
// similarity LCS/max(|q|,|span|) over word sequences. It returns the span's
// byte range and the similarity.
func bestSpan(q, passage string) (start, end int, sim float64) {
	qt := text.Tokens(q)
	pt := text.Tokens(passage)
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
		if !containsWord(qt, pt[i].Word) {
			continue // the best span starts with a shared word
		}
		maxL := min(m+slack, len(pt)-i)
		for l := 1; l <= maxL; l++ {
			pw := pt[i+l-1].Word
			for j := 1; j <= m; j++ {
				if qt[j-1].Word == pw {
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
	return pt[bestI].Start, pt[bestI+bestL-1].End, sim
}

func containsWord(ts []text.Token, w string) bool {
	for _, t := range ts {
		if t.Word == w {
			return true
		}
	}
	return false
}

// VerifyQuotes checks every quotation of text (see findQuotes: any
// script's quotation marks, single quotes that are not apostrophes, and
// Markdown blockquotes) against the passages of the citations in its
// sentence (or, for a quotation with no citation in its sentence, against
// all of them). A quotation found word for word stays; one close to a
// passage (RepairThreshold) is replaced by the passage's exact words; any
// other loses its quotation marks (a blockquote its "> "). It returns the
// new text, the counts and the warnings to show.
func VerifyQuotes(src string, cites []Citation) (string, QuoteStats, []string) {
	v := &verifier{cites: cites, folded: map[string]string{}, repairs: maxRepairAttempts}
	out, last, changed := v.pass(src)
	stats := last
	// Removing one pair of marks can pair the marks left over into a new
	// "quotation" (“a “b” c” → a “b c”), or show the quotation an unquoted
	// one held: check again until nothing changes. A pass that changes
	// something removes marks or puts the record's words (which hold no
	// quotation marks, see repairQuote) in place of a quotation. Text
	// nested deeper than maxVerifyPasses loses every quotation mark.
	for pass := 0; changed && pass < maxVerifyPasses; pass++ {
		out, last, changed = v.pass(out)
		stats.Repaired += last.Repaired
		stats.Unquoted += last.Unquoted
	}
	if changed {
		stats.Unquoted += len(text.FindQuotes(out))
		out = stripQuotations(out)
		last = QuoteStats{}
	}
	// The last pass found every quotation left, the repaired ones among
	// them, each verified.
	stats.Verified = max(0, last.Verified-stats.Repaired+last.Repaired)
	stats.Posted = stats.Verified + stats.Repaired + stats.Unquoted
	return out, stats, quoteWarnings(stats)
}

// maxVerifyPasses bounds VerifyQuotes' passes: an answer needs one more
// pass per level of quotations nested in an unquoted one, rarely two.
const maxVerifyPasses = 10

// maxRepairAttempts bounds the quotations of one answer that repair tries
// to align (see maxRepairWords); the others are unquoted when not verbatim.
const maxRepairAttempts = 32

// stripQuotations removes every quotation mark of text that is not an
// apostrophe inside a word, and every blockquote marker, so that nothing
// is left presented as a quotation.
func stripQuotations(s string) string {
	var b strings.Builder
	lineStart := true
	for i, r := range s {
		if lineStart && (r == ' ' || r == '>') {
			continue
		}
		lineStart = r == '\n'
		if text.IsQuoteMark(r) {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !(unicode.IsLetter(prev) && unicode.IsLetter(next)) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// verifier is the state VerifyQuotes keeps across its passes.
type verifier struct {
	cites   []Citation
	folded  map[string]string // passage → text.FoldQuote(passage)
	repairs int               // repair attempts left
}

// pass is one pass of VerifyQuotes; changed reports an edit.
func (v *verifier) pass(src string) (string, QuoteStats, bool) {
	cites := v.cites
	quotes := text.FindQuotes(src)
	var stats QuoteStats
	if len(quotes) == 0 {
		return src, stats, false
	}
	sentences := text.Sentences(src)
	markers := ParseCitations(src)
	byN := map[int]Citation{}
	for _, c := range cites {
		byN[c.N] = c
	}
	citedIn := func(lo, hi int) []string {
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
		return passages
	}

	type edit struct {
		start, end int
		repl       string
	}
	var edits []edit
	for _, q := range quotes {
		stats.Posted++
		var passages []string
		if q.Block {
			// A blockquote's citation is inside it, on the line that
			// introduces it ("Example said [1]:"), or on the line after.
			passages = citedIn(q.Start(), q.End())
			if len(passages) == 0 {
				passages = citedIn(lineStart(src, max(0, q.Start()-1)), q.Start())
			}
			if len(passages) == 0 && q.End() < len(src) {
				passages = citedIn(q.End(), lineEnd(src, q.End()+1))
			}
		} else {
			passages = citedIn(sentenceAround(sentences, q.Start(), q.End()))
		}
		if len(passages) == 0 {
			for _, c := range cites {
				passages = append(passages, c.Passage)
			}
		}
		inner := q.Words(src)
		// A citation inside the quotation marks is not part of the quote.
		bare := strings.TrimSpace(citationGroupRe.ReplaceAllString(inner, ""))

		ok := false
		for _, p := range passages {
			fp, seen := v.folded[p]
			if !seen {
				fp, _ = text.FoldQuote(p)
				v.folded[p] = fp
			}
			if text.QuoteInFolded(bare, fp) {
				ok = true
				break
			}
		}
		if ok {
			stats.Verified++
			continue
		}
		if fix, good := v.repair(bare, passages); good {
			stats.Repaired++
			if q.Block {
				fix = strings.Join(strings.Fields(fix), " ") // one blockquote line
			}
			edits = append(edits, edit{q.Inner[0], q.Inner[1], fix})
			// Keep a citation that was inside the marks, after them.
			if cited := citationGroupRe.FindAllString(inner, -1); len(cited) > 0 {
				at := q.End()
				edits = append(edits, edit{at, at, " " + strings.Join(cited, "")})
			}
			continue
		}
		stats.Unquoted++
		for _, m := range q.Marks {
			edits = append(edits, edit{m[0], m[1], ""})
		}
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
		src = src[:e.start] + e.repl + src[e.end:]
	}
	return src, stats, len(edits) > 0
}

func lineEnd(s string, from int) int {
	if k := strings.IndexByte(s[from:], '\n'); k >= 0 {
		return from + k
	}
	return len(s)
}

func lineStart(text string, at int) int {
	return strings.LastIndexByte(text[:at], '\n') + 1
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

// repair is repairQuote within the attempts left.
func (v *verifier) repair(q string, passages []string) (string, bool) {
	if v.repairs <= 0 {
		return "", false
	}
	v.repairs--
	return repairQuote(q, passages)
}

// repairQuote returns the exact words of the passage span closest to q when
// it is similar enough and is itself a clean quotation (no quote marks of
// its own inside, which would garble the answer's quotation and could pair
// with the marks around it).
func repairQuote(q string, passages []string) (string, bool) {
	if len(text.SplitEllipses(q)) != 1 {
		return "", false // an elided quotation is checked fragment by fragment only
	}
	best, bestSim := "", 0.0
	for _, p := range passages {
		s, e, sim := bestSpan(q, p)
		if sim > bestSim {
			best, bestSim = p[s:e], sim
		}
	}
	if bestSim < RepairThreshold || holdsQuoteMark(best) {
		return "", false
	}
	return best, true
}

// holdsQuoteMark reports a quotation mark in s other than an apostrophe
// inside a word, or a line that would read as a blockquote.
func holdsQuoteMark(s string) bool {
	if strings.Contains(s, "\n>") || strings.HasPrefix(s, ">") {
		return true
	}
	for i, r := range s {
		if !text.IsQuoteMark(r) {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		if (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next) {
			continue
		}
		return true
	}
	return false
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
