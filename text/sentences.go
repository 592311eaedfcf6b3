package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// honorificAbbrevs never end a sentence: a name or a number follows.
var honorificAbbrevs = setOf(`mr mrs ms dr prof sr st gen col lt sgt capt gov sen rep rev hon pres adm
cmdr maj brig amb supt messrs vs v no nos fig figs art sec para pp p op vol`)

// IsHonorificAbbrev reports whether w (lower case, without its period) is
// an abbreviation written before a name or a number ("gen", "sen", "amb").
func IsHonorificAbbrev(w string) bool { return honorificAbbrevs[w] }

// otherAbbrevs end a sentence only when a typical sentence opening follows
// ("… in the U.S. The next day …").
var otherAbbrevs = setOf(`jan feb mar apr jun jul aug sep sept oct nov dec jr inc ltd co corp approx
dept ave blvd mt ft est etc al govt int'l e.g i.e a.m p.m`)

// sentenceStarters are words that usually open a sentence.
var sentenceStarters = setOf(`The A An He She It We They I This That These Those There In On At But And
However Meanwhile His Her Their Our Its As After Before When While If According Asked Both For Earlier
Later What Who Why How Some Many Most Officials So Yet Also Still Now Today Yesterday Last Next Since
Under With From By To My`)

// closingMarks may follow a sentence's final punctuation.
const closingMarks = `"'”’)]»`

// Sentences returns the byte ranges of the sentences of text, in order.
// A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
// brackets, and any citation markers such as "[1]" or "[2, 3]" after
// them) followed by white space and a word that is not lower case, and at
// every line break (the record puts one paragraph on a line).
// Abbreviations ("U.S.", "Nov. 7", "Mr.", initials) do not end sentences
// unless a typical sentence opening follows. Ranges never include leading
// or trailing white space and never overlap; the text between them is
// white space only.
//
// It splits both the record's passages and generated answers. The answer
// splitter it replaced never broke after "U.S." and never broke before a
// word that was not capitalised or a digit; this one, the corpus's, knows
// more abbreviations and breaks after "U.S." when a sentence plainly
// starts ("… in the U.S. The next day …").
func Sentences(text string) [][2]int {
	var out [][2]int
	start := -1
	emit := func(end int) {
		for end > start && isSpace(text[end-1]) {
			end--
		}
		if end > start {
			out = append(out, [2]int{start, end})
		}
		start = -1
	}
	i := 0
	for i < len(text) {
		c := text[i]
		if start < 0 {
			if isSpace(c) {
				i++
				continue
			}
			start = i
		}
		if c == '\n' {
			emit(i)
			i++
			continue
		}
		size := 0
		switch {
		case c == '.' || c == '!' || c == '?':
			size = 1
		case c == 0xE2 && strings.HasPrefix(text[i:], "…"):
			size = len("…")
		}
		if size == 0 {
			i++
			continue
		}
		j := i + size
		for j < len(text) {
			if text[j] == '.' || text[j] == '!' || text[j] == '?' {
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if n > 0 && r != utf8.RuneError && strings.ContainsRune(closingMarks, r) {
				j += n
				continue
			}
			break
		}
		bare := j == i+1 // a period with no closing mark after it
		// Citation markers belong to the sentence they close: "said it.
		// [1] Then" keeps [1] with the first sentence.
		for {
			k := skipBlanks(text, j)
			n := citationLen(text[k:])
			if n == 0 {
				break
			}
			j = k + n
		}
		if j >= len(text) {
			emit(j)
			i = j
			continue
		}
		if !isSpace(text[j]) {
			i = j
			continue
		}
		k := j
		for k < len(text) && isSpace(text[k]) && text[k] != '\n' {
			k++
		}
		if k >= len(text) || text[k] == '\n' {
			emit(j) // the line break ends it anyway
			i = k
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLower(r) || (c == '.' && bare && !periodEnds(text, start, i, k)) {
			i = j
			continue
		}
		emit(j)
		i = j
	}
	if start >= 0 {
		emit(len(text))
	}
	return out
}

// citationLen returns the length of the citation marker that s starts
// with ("[1]", "[2, 3]", "[4–6]"), or 0.
func citationLen(s string) int {
	if !strings.HasPrefix(s, "[") {
		return 0
	}
	digits := 0
	for i := 1; i < len(s) && i < 40; {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			i++
		case c == ',' || c == ';' || c == ' ' || c == '-':
			i++
		case strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—"):
			i += len("–")
		case c == ']':
			if digits == 0 {
				return 0
			}
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// isSpace reports ASCII white space, all that normalised text contains
// between sentences.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// LastWord returns the word that ends s after its trailing spaces: the
// run of letters, periods and apostrophes wordBefore reads ("Sen." of
// "… Sen. "), "" when s ends in anything else.
func LastWord(s string) string {
	s = strings.TrimRight(s, " ")
	return wordBefore(s, 0, len(s))
}

// wordBefore returns the run of letters and periods ending at i (exclusive).
func wordBefore(text string, lo, i int) string {
	j := i
	for j > lo {
		r, n := utf8.DecodeLastRuneInString(text[lo:j])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' {
			break
		}
		j -= n
	}
	return text[j:i]
}

// nextWord returns the word starting at i.
func nextWord(text string, i int) string {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return text[i:j]
}

// PeriodEnds decides whether the punctuation at byte i of s (ending the
// word before it, which starts no earlier than lo) ends a sentence whose
// next word starts at next: not after "Mr." or "Gen.", and after "U.S.",
// "Nov." or an initial only when a typical sentence opening follows.
func PeriodEnds(s string, lo, i, next int) bool { return periodEnds(s, lo, i, next) }

// IsSentenceStarter reports whether w (as written, capitalised) is a word
// that usually opens a sentence: "The", "However", "According".
func IsSentenceStarter(w string) bool { return sentenceStarters[w] }

// periodEnds is PeriodEnds.
func periodEnds(text string, lo, i, next int) bool {
	w := wordBefore(text, lo, i)
	if w == "" {
		return true // "84,770." or "2023." end sentences
	}
	lw := strings.ToLower(strings.TrimLeft(w, "."))
	if honorificAbbrevs[lw] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	initial := utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)
	dotted := strings.Contains(lw, ".") // U.S, D.C, e.g
	if initial || dotted || otherAbbrevs[lw] {
		return sentenceStarters[nextWord(text, next)]
	}
	return true
}
