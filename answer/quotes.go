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

// quoteSpan is one quotation in a text: the byte ranges of its marks (an
// opening and a closing mark, only an opening one when the quotation runs
// unclosed to the end of its line, or each line's "> " of a Markdown
// blockquote) and of the words they quote.
type quoteSpan struct {
	inner [2]int   // from the first to the last byte of the quoted words
	marks [][2]int // the marks, in order; a blockquote's later markers lie inside inner
	block bool     // a Markdown blockquote
}

// start is the byte offset where the quotation begins, marks included.
func (q quoteSpan) start() int { return min(q.marks[0][0], q.inner[0]) }

// end is the byte offset just past the quotation, marks included.
func (q quoteSpan) end() int { return max(q.marks[len(q.marks)-1][1], q.inner[1]) }

// words returns the quoted words: the text between the marks, with a
// blockquote's inner line markers read as spaces.
func (q quoteSpan) words(text string) string {
	var b strings.Builder
	at := q.inner[0]
	for _, m := range q.marks {
		if m[0] >= q.inner[0] && m[1] <= q.inner[1] {
			b.WriteString(text[at:m[0]])
			b.WriteByte(' ')
			at = m[1]
		}
	}
	b.WriteString(text[at:q.inner[1]])
	return b.String()
}

// doubleClosers maps each mark that always opens a quotation to the marks
// that close it: English and straight double quotes, German and Polish
// „…“ „…”, guillemets «…» ‹…›, fullwidth ＂…＂ and CJK corner brackets.
// None of them is ever an apostrophe.
var doubleClosers = map[rune]string{
	'"': `"`, '“': "”", '„': "“”", '«': "»", '‹': "›", '＂': "＂", '「': "」", '『': "』",
}

// singleClosers maps the single quotation marks that may open a quotation
// to the marks that close it. ' and ’ are also apostrophes and ‘ also
// opens an elision (‘90s), so singleOpens and singleClose judge each one.
var singleClosers = map[rune]string{
	'\'': "'", '‘': "’'", '‚': "‘’",
}

// openingPunct may stand right before an opening single quote.
const openingPunct = "([{<“\"„«‹「『—–-/*_"

// elisions are the words English writes with a leading apostrophe: rock
// 'n' roll, 'em, 'til. An apostrophe before one of them, or before two
// digits ('90s, '24), opens no quotation.
var elisions = map[string]bool{"n": true, "em": true, "til": true, "tis": true, "twas": true, "cause": true, "bout": true}

// findQuotes returns the quotations of text, in order: Markdown blockquotes
// (consecutive "> " lines form one), text between double quotation marks of
// any script (paired in order; one left open runs to the end of its line),
// and text between single quotation marks that are not apostrophes (see
// singleOpens). Quotations do not nest: marks inside one are part of it, and
// VerifyQuotes looks again at what an unquoted one held. Every step moves
// forward, so the scan is linear in the text apart from the search for a
// closing mark.
func findQuotes(text string) []quoteSpan {
	var out []quoteSpan
	add := func(q quoteSpan) {
		if strings.TrimSpace(q.words(text)) != "" {
			out = append(out, q)
		}
	}
	for i := 0; i < len(text); {
		if i == 0 || text[i-1] == '\n' {
			if q, next, ok := blockquoteAt(text, i); ok {
				add(q)
				i = next
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		innerStart := i + size
		if closers, ok := doubleClosers[r]; ok {
			if k := strings.IndexAny(text[innerStart:], closers); k >= 0 {
				j := innerStart + k
				_, n := utf8.DecodeRuneInString(text[j:])
				add(quoteSpan{inner: [2]int{innerStart, j}, marks: [][2]int{{i, innerStart}, {j, j + n}}})
				i = j + n
				continue
			}
			if opensWord(text, innerStart) {
				// Left open: a reader takes the rest of the line as quoted.
				eol := lineEnd(text, innerStart)
				add(quoteSpan{inner: [2]int{innerStart, eol}, marks: [][2]int{{i, innerStart}}})
				i = eol
				continue
			}
		}
		if _, ok := singleClosers[r]; ok && singleOpens(text, i) {
			if j := singleClose(text, i); j >= 0 {
				_, n := utf8.DecodeRuneInString(text[j:])
				add(quoteSpan{inner: [2]int{innerStart, j}, marks: [][2]int{{i, innerStart}, {j, j + n}}})
				i = j + n
				continue
			}
		}
		i += size
	}
	return out
}

// opensWord reports whether a word (not a space, not the end) starts at i.
func opensWord(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !unicode.IsSpace(r)
}

func lineEnd(text string, from int) int {
	if k := strings.IndexByte(text[from:], '\n'); k >= 0 {
		return from + k
	}
	return len(text)
}

// blockquoteAt reads the Markdown blockquote starting at line start i, if
// any: up to three spaces, then ">" (nested "> >" and ">>" too) followed by
// a space or the end of the line, on this and each following line. ">50"
// is not a blockquote. Discord's ">>> " quotes everything after it.
func blockquoteAt(text string, i int) (q quoteSpan, next int, ok bool) {
	for line := i; line < len(text); {
		n := blockMarker(text, line)
		if n == 0 {
			break
		}
		eol := lineEnd(text, line)
		if strings.HasPrefix(text[line:], ">>> ") && !q.block {
			// Discord: the rest of the message is quoted.
			eol = len(text)
		}
		q.marks = append(q.marks, [2]int{line, line + n})
		if !q.block {
			q.inner[0] = line + n
		}
		q.block = true
		q.inner[1] = eol
		if eol == len(text) {
			return q, eol, true
		}
		line = eol + 1
	}
	if !q.block {
		return q, i, false
	}
	return q, q.inner[1], true
}

// blockMarker returns the length of the blockquote marker at line start i,
// or 0.
func blockMarker(text string, i int) int {
	j := i
	for j < len(text) && j-i < 3 && text[j] == ' ' {
		j++
	}
	if j >= len(text) || text[j] != '>' {
		return 0
	}
	for j < len(text) && text[j] == '>' {
		j++
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
	}
	if prev := text[j-1]; prev != ' ' && prev != '\t' && j < len(text) && text[j] != '\n' && text[j] != '\r' {
		return 0 // ">50 people": a sign, not a quotation
	}
	return j - i
}

// singleOpens reports whether the single mark at i opens a quotation: ‚
// always does; ' and ‘ do when they follow a space, the start of the text or
// an opening bracket, dash or quote, and precede a word that is not an
// elision ('90s, rock 'n' roll, 'em). An apostrophe inside a word
// (don't, O'Brien) or after one (leaders') never opens.
func singleOpens(text string, i int) bool {
	r, size := utf8.DecodeRuneInString(text[i:])
	if !opensWord(text, i+size) {
		return false
	}
	if r == '‚' {
		return true
	}
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(prev) && !strings.ContainsRune(openingPunct, prev) {
			return false
		}
	}
	return !elided(text[i+size:])
}

// elided reports whether rest, the text after an apostrophe, starts with
// an elided word.
func elided(rest string) bool {
	if len(rest) >= 2 && isDigitByte(rest[0]) && isDigitByte(rest[1]) &&
		(len(rest) == 2 || !isDigitByte(rest[2])) {
		return true // '90s, '24
	}
	k := 0
	for k < len(rest) && k < 8 && (rest[k] >= 'a' && rest[k] <= 'z' || rest[k] >= 'A' && rest[k] <= 'Z') {
		k++
	}
	if k == 0 || k == 8 {
		return false
	}
	if k < len(rest) {
		if r, _ := utf8.DecodeRuneInString(rest[k:]); unicode.IsLetter(r) {
			return false
		}
	}
	return elisions[strings.ToLower(rest[:k])]
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// maxSingleQuoteBytes bounds the search for the mark that closes a single
// quotation (about 150 words, as maxRepairWords): single quotes hold short
// quotations, and an unbounded search would make a line of stray marks
// quadratic.
const maxSingleQuoteBytes = 1000

// singleClose finds the mark that closes the single quotation opened at
// i, on the same line: one that follows a word and is not followed by a
// letter or digit (which would make it an apostrophe: we're, Biden's). A
// mark after an s followed by a word ("the leaders' meeting") may be a
// plural possessive: it closes only if no other mark does before the next
// quotation opens. One quotation of the same kind nested inside is opened
// and closed. -1 when nothing closes it.
func singleClose(text string, i int) int {
	r, size := utf8.DecodeRuneInString(text[i:])
	closers := singleClosers[r]
	eol := min(lineEnd(text, i), i+maxSingleQuoteBytes)
	maybe, depth := -1, 0
	for k := i + size; k < eol; {
		if b := text[k]; b != '\'' && b != 0xE2 {
			k++ // neither ' nor the first byte of ‘ ’ ‚
			continue
		}
		c, n := utf8.DecodeRuneInString(text[k:])
		if _, opens := singleClosers[c]; opens && c == r && singleOpens(text, k) {
			if maybe >= 0 || depth > 0 {
				// Another quotation opens, or a second one nested in
				// this one, which English does not write.
				return maybe
			}
			depth++
			k += n
			continue
		}
		if strings.ContainsRune(closers, c) && k > i+size {
			prev, _ := utf8.DecodeLastRuneInString(text[:k])
			next, _ := utf8.DecodeRuneInString(text[k+n:])
			closes := !unicode.IsSpace(prev) && (k+n == len(text) || !(unicode.IsLetter(next) || unicode.IsDigit(next))) &&
				!secondOfN(text, k)
			switch {
			case !closes:
			case depth > 0:
				depth--
			case (prev == 's' || prev == 'S') && possessiveAfter(text[k+n:]):
				if maybe < 0 {
					maybe = k
				}
			default:
				return k
			}
		}
		k += n
	}
	return maybe
}

// secondOfN reports the closing mark of rock 'n' roll's 'n'.
func secondOfN(text string, k int) bool {
	if k < 2 || (text[k-1] != 'n' && text[k-1] != 'N') {
		return false
	}
	prev, n := utf8.DecodeLastRuneInString(text[:k-1])
	if prev != '\'' && prev != '‘' && prev != '’' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:k-1-n])
	return k-1-n == 0 || unicode.IsSpace(before)
}

// possessiveAfter reports whether the text after a mark continues the
// sentence with a word, as after a plural possessive ("leaders' meeting").
func possessiveAfter(rest string) bool {
	t := strings.TrimLeft(rest, " \t")
	if len(t) == len(rest) || t == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isQuoteMark reports the quote marks folded together.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '`', '´', '′', '″', '＂', '「', '」', '『', '』':
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
	fp, _ := fold(passage)
	return quoteInFolded(q, fp)
}

// quoteInFolded is quoteIn with the passage already folded.
func quoteInFolded(q, fp string) bool {
	frags := splitElisions(q)
	if len(frags) == 0 {
		return false
	}
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
func VerifyQuotes(text string, cites []Citation) (string, QuoteStats, []string) {
	v := &verifier{cites: cites, folded: map[string]string{}, repairs: maxRepairAttempts}
	out, last, changed := v.pass(text)
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
		stats.Unquoted += len(findQuotes(out))
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
func stripQuotations(text string) string {
	var b strings.Builder
	lineStart := true
	for i, r := range text {
		if lineStart && (r == ' ' || r == '>') {
			continue
		}
		lineStart = r == '\n'
		if isQuoteMark(r) {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
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
	folded  map[string]string // passage → fold(passage)
	repairs int               // repair attempts left
}

// pass is one pass of VerifyQuotes; changed reports an edit.
func (v *verifier) pass(src string) (string, QuoteStats, bool) {
	cites := v.cites
	quotes := findQuotes(src)
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
		if q.block {
			// A blockquote's citation is inside it, on the line that
			// introduces it ("Example said [1]:"), or on the line after.
			passages = citedIn(q.start(), q.end())
			if len(passages) == 0 {
				passages = citedIn(lineStart(src, max(0, q.start()-1)), q.start())
			}
			if len(passages) == 0 && q.end() < len(src) {
				passages = citedIn(q.end(), lineEnd(src, q.end()+1))
			}
		} else {
			passages = citedIn(sentenceAround(sentences, q.start(), q.end()))
		}
		if len(passages) == 0 {
			for _, c := range cites {
				passages = append(passages, c.Passage)
			}
		}
		inner := q.words(src)
		// A citation inside the quotation marks is not part of the quote.
		bare := strings.TrimSpace(citationGroupRe.ReplaceAllString(inner, ""))

		ok := false
		for _, p := range passages {
			fp, seen := v.folded[p]
			if !seen {
				fp, _ = fold(p)
				v.folded[p] = fp
			}
			if quoteInFolded(bare, fp) {
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
			if q.block {
				fix = strings.Join(strings.Fields(fix), " ") // one blockquote line
			}
			edits = append(edits, edit{q.inner[0], q.inner[1], fix})
			// Keep a citation that was inside the marks, after them.
			if cited := citationGroupRe.FindAllString(inner, -1); len(cited) > 0 {
				at := q.end()
				edits = append(edits, edit{at, at, " " + strings.Join(cited, "")})
			}
			continue
		}
		stats.Unquoted++
		for _, m := range q.marks {
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
		if !isQuoteMark(r) {
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
