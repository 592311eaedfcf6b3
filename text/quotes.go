package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the one place that knows quotations: where a text quotes
// (FindQuotes: every script's quotation marks, single quotes that are not
// apostrophes, Markdown blockquotes), how a quotation is compared with the
// record (FoldQuote, SplitEllipses, QuoteIn) and which characters are
// quote marks and dashes. The answer pipeline's quotation check and the
// verify package both use it.

// QuoteSpan is one quotation in a text: the byte ranges of its marks (an
// opening and a closing mark, only an opening one when the quotation runs
// unclosed to the end of its line, or each line's "> " of a Markdown
// blockquote) and of the words they quote.
type QuoteSpan struct {
	Inner [2]int   // from the first to the last byte of the quoted words
	Marks [][2]int // the marks, in order; a blockquote's later markers lie inside Inner
	Block bool     // a Markdown blockquote
}

// Start is the byte offset where the quotation begins, marks included.
func (q QuoteSpan) Start() int { return min(q.Marks[0][0], q.Inner[0]) }

// End is the byte offset just past the quotation, marks included.
func (q QuoteSpan) End() int { return max(q.Marks[len(q.Marks)-1][1], q.Inner[1]) }

// Words returns the quoted words: the text between the marks, with a
// blockquote's inner line markers read as spaces.
func (q QuoteSpan) Words(text string) string {
	var b strings.Builder
	at := q.Inner[0]
	for _, m := range q.Marks {
		if m[0] >= q.Inner[0] && m[1] <= q.Inner[1] {
			b.WriteString(text[at:m[0]])
			b.WriteByte(' ')
			at = m[1]
		}
	}
	b.WriteString(text[at:q.Inner[1]])
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

// FindQuotes returns the quotations of text, in order: Markdown blockquotes
// (consecutive "> " lines form one), text between double quotation marks of
// any script (paired in order; one left open runs to the end of its line),
// and text between single quotation marks that are not apostrophes (see
// singleOpens). Quotations do not nest: marks inside one are part of it
// (answer's quotation check looks again at what an unquoted one held).
// Every step moves forward, so the scan is linear in the text apart from
// the search for a closing mark.
func FindQuotes(text string) []QuoteSpan {
	var out []QuoteSpan
	add := func(q QuoteSpan) {
		if strings.TrimSpace(q.Words(text)) != "" {
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
				add(QuoteSpan{Inner: [2]int{innerStart, j}, Marks: [][2]int{{i, innerStart}, {j, j + n}}})
				i = j + n
				continue
			}
			if opensWord(text, innerStart) {
				// Left open: a reader takes the rest of the line as quoted.
				eol := lineEnd(text, innerStart)
				add(QuoteSpan{Inner: [2]int{innerStart, eol}, Marks: [][2]int{{i, innerStart}}})
				i = eol
				continue
			}
		}
		if _, ok := singleClosers[r]; ok && singleOpens(text, i) {
			if j := singleClose(text, i); j >= 0 {
				_, n := utf8.DecodeRuneInString(text[j:])
				add(QuoteSpan{Inner: [2]int{innerStart, j}, Marks: [][2]int{{i, innerStart}, {j, j + n}}})
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
func blockquoteAt(text string, i int) (q QuoteSpan, next int, ok bool) {
	for line := i; line < len(text); {
		n := blockMarker(text, line)
		if n == 0 {
			break
		}
		eol := lineEnd(text, line)
		if strings.HasPrefix(text[line:], ">>> ") && !q.Block {
			// Discord: the rest of the message is quoted.
			eol = len(text)
		}
		q.Marks = append(q.Marks, [2]int{line, line + n})
		if !q.Block {
			q.Inner[0] = line + n
		}
		q.Block = true
		q.Inner[1] = eol
		if eol == len(text) {
			return q, eol, true
		}
		line = eol + 1
	}
	if !q.Block {
		return q, i, false
	}
	return q, q.Inner[1], true
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
	if len(rest) >= 2 && isDigit(rest[0]) && isDigit(rest[1]) &&
		(len(rest) == 2 || !isDigit(rest[2])) {
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

// maxSingleQuoteBytes bounds the search for the mark that closes a single
// quotation (about 150 words): single quotes hold short quotations, and
// an unbounded search would make a line of stray marks quadratic.
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

// IsQuoteMark reports the quote marks folded together.
func IsQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '`', '´', '′', '″', '＂', '「', '」', '『', '』':
		return true
	}
	return false
}

// IsDash reports the hyphens, dashes and minus signs folded together.
func IsDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

// FoldQuote normalises text for comparing quotations: case, every quote
// mark to ', every dash to -, runs of white space to one space and none
// around a dash. Nothing else is changed: a quotation must keep the record's words
// and punctuation. offs[i] is the byte offset in s of folded byte i.
func FoldQuote(s string) (string, []int) {
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
		case IsQuoteMark(r):
			r = '\''
		case IsDash(r):
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

// ellipsisMarks split a quotation into fragments that must appear in
// order, bracketed forms first.
var ellipsisMarks = []string{"[...]", "[…]", "(...)", "(…)", "...", "…"}

// Ellipses returns the byte ranges of the ellipses of a quotation ("...",
// "…", and either in brackets), in order: the places where it leaves out
// words.
func Ellipses(q string) [][2]int {
	var out [][2]int
	for i := 0; i < len(q); {
		found := false
		for _, m := range ellipsisMarks {
			if strings.HasPrefix(q[i:], m) {
				out = append(out, [2]int{i, i + len(m)})
				i += len(m)
				found = true
				break
			}
		}
		if !found {
			i++
		}
	}
	return out
}

// SplitEllipses splits a quotation at its ellipses ("...", "…", and either
// in brackets), trimming edge punctuation from each fragment: the
// fragments must appear in the record in order.
func SplitEllipses(q string) []string {
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

// QuoteIn reports whether quotation q appears in passage, word for word
// after folding (fragments around an ellipsis in order).
func QuoteIn(q, passage string) bool {
	fp, _ := FoldQuote(passage)
	return QuoteInFolded(q, fp)
}

// QuoteInFolded is QuoteIn with the passage already folded.
func QuoteInFolded(q, fp string) bool {
	frags := SplitEllipses(q)
	if len(frags) == 0 {
		return false
	}
	pos := 0
	for _, f := range frags {
		ff, _ := FoldQuote(f)
		k := IndexWords(fp, ff, pos)
		if k < 0 {
			return false
		}
		pos = k + len(ff)
	}
	return true
}

// IndexWords is strings.Index from byte from, accepting only a match that
// neither starts nor ends inside a word ("are" is not in "fare").
func IndexWords(s, sub string, from int) int {
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
		if (k == 0 || !IsWordRune(before) || !IsWordRune(first)) &&
			(k+len(sub) == len(s) || !IsWordRune(after) || !IsWordRune(last)) {
			return k
		}
		_, size := utf8.DecodeRuneInString(s[k:])
		from = k + size
	}
	return -1
}

// IsWordRune reports a letter or digit: what a word is made of.
func IsWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
