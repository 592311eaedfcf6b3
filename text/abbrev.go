package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Abbreviations calls fn for each abbreviation that text defines by the
// pattern "long form (SHORT)": "electric vehicles (EVs)", "Democratic
// People’s Republic of Korea (DPRK)", "Inflation Reduction Act (IRA)".
// short is the abbreviation as written, without a plural "s" ("EV");
// long is the words it stands for, as written. The long form is found as
// Schwartz and Hearst do (A Simple Algorithm for Identifying Abbreviation
// Definitions in Biomedical Text, 2003): the shortest run of words just
// before the parenthesis, in the same sentence, in which the
// abbreviation's letters occur in order, its first letter starting a word.
// An abbreviation is two to eight letters or digits, with at least two
// capital letters (so "(Watch)" and "(Science)" are not one); the long form
// has at most twice as many words as it has letters, plus one.
func Abbreviations(text string, fn func(short, long string)) {
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '(')
		if j < 0 {
			return
		}
		open := i + j
		i = open + 1
		k := strings.IndexByte(text[i:], ')')
		if k < 0 || k > 12 {
			continue
		}
		short := strings.TrimSuffix(text[i:i+k], "s")
		if !isAbbreviation(short) {
			continue
		}
		if long := longForm(text[max(0, open-200):open], short); long != "" {
			fn(short, long)
		}
	}
}

// isAbbreviation reports whether s looks like an abbreviation: two to
// eight ASCII letters, digits or '&', starting with a letter, at least two
// of them capitals.
func isAbbreviation(s string) bool {
	if len(s) < 2 || len(s) > 8 || !(s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	caps := 0
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			caps++
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '&':
		default:
			return false
		}
	}
	return caps >= 2
}

// longForm returns the words at the end of before that short abbreviates,
// or "" when none do.
func longForm(before, short string) string {
	before = strings.TrimRight(before, " \t")
	// Only the sentence or clause the parenthesis closes.
	if c := strings.LastIndexAny(before, ".;:()[]!?\n“”\""); c >= 0 {
		before = before[c+1:]
	}
	letters := strings.ToLower(strings.ReplaceAll(short, "&", ""))
	maxWords := min(len(letters)+5, 2*len(letters)+1)
	// Word starts of the candidate, last maxWords words.
	var starts []int
	inWord := false
	for i, r := range before {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !inWord {
			starts = append(starts, i)
		}
		inWord = word || (inWord && (r == '\'' || r == '’' || r == '-'))
	}
	if len(starts) > maxWords {
		starts = starts[len(starts)-maxWords:]
	}
	if len(starts) == 0 {
		return ""
	}
	cand := before[starts[0]:]
	lower := strings.ToLower(cand)
	if len(lower) != len(cand) {
		return "" // a capital whose lower case is of another length
	}
	// Match the abbreviation's letters from its last to its first,
	// backwards through the candidate; the first letter must start a word.
	si, li := len(letters)-1, len(lower)-1
	for si >= 0 {
		c := letters[si]
		for li >= 0 {
			if lower[li] == c && (si > 0 || li == 0 || !endsWord(lower, li-1)) {
				break
			}
			li--
		}
		if li < 0 {
			return ""
		}
		li--
		si--
	}
	long := strings.TrimSpace(cand[li+1:])
	if long == "" || strings.EqualFold(strings.TrimRight(long, "s"), short) || len(long) <= len(short) {
		return ""
	}
	if strings.Contains(strings.ToLower(long), strings.ToLower(short)+" ") {
		return ""
	}
	return long
}

// endsWord reports whether the rune ending at byte i of s is a letter or
// digit.
func endsWord(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
