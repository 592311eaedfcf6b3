package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// closers may follow a sentence's final punctuation before the break.
const closers = "\"'”’»)]"

// openers may start a sentence.
const openers = "\"'“‘«(["

// answerSentences splits an answer's text into sentence byte ranges
// (spaces between sentences belong to no range). A sentence ends at a
// newline, or at . ! ? (plus closing quotes or brackets and any citation
// markers after them) when the next word starts with a capital, a digit or
// an opening quote: "said it. [1] Then" keeps [1] with the first sentence.
func answerSentences(text string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			emit(i)
			i += size
			start = i
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			c, n := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(closers, c) {
				break
			}
			j += n
		}
		end := j
		k := skipSpaces(text, j)
		for {
			loc := citationGroupRe.FindStringIndex(text[k:])
			if loc == nil || loc[0] != 0 {
				break
			}
			end = k + loc[1]
			k = skipSpaces(text, end)
		}
		if k >= len(text) {
			i = k
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if k > end && (unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(openers, next)) && !abbreviation(text[:i]) {
			emit(end)
			i = k
			start = k
			continue
		}
		i = j
	}
	emit(len(text))
	return out
}

// abbreviation reports whether the text before a period ends with a short
// abbreviation that rarely ends a sentence ("Mr", "U.S", "Nov").
func abbreviation(before string) bool {
	w := before
	if i := strings.LastIndexAny(before, " \t\n(\"“"); i >= 0 {
		w = before[i+1:]
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gen", "gov", "amb", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "u.s", "u.n", "u.k", "e.g", "i.e":
		return true
	}
	// Initials: "J" in "J. Smith".
	return utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
