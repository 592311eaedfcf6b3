// Package evalmatch is how readout's evaluation tells whether an answer
// holds the words a correct answer must contain: case, curly quotes,
// thousands separators and "%" ironed out, and every item matched as whole
// words. readout eval and the measurements of the answer package's
// weights share it, so both count the same answers right.
package evalmatch

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Missing returns the must_contain items the answer text lacks. An
// item "a|b" is met by any of its alternatives.
func Missing(text string, items []string) []string {
	norm := Normalise(text)
	var missing []string
	for _, item := range items {
		found := false
		for _, alt := range strings.Split(item, "|") {
			if alt = Normalise(alt); alt != "" && ContainsWhole(norm, alt) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, item)
		}
	}
	return missing
}

// thousands matches a digit group separator: "84,770" and "84770" are the
// same number.
var thousands = regexp.MustCompile(`(\d),(\d{3})`)

// Normalise lower-cases text and irons out differences of form that
// do not change what it says: curly quotes and apostrophes, thousands
// separators, "%" for "percent", runs of white space.
func Normalise(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "\u00a0", " ", "%", " percent").Replace(s)
	for {
		t := thousands.ReplaceAllString(s, "$1$2")
		if t == s {
			break
		}
		s = t
	}
	return strings.Join(strings.Fields(s), " ")
}

// ContainsWhole reports whether sub occurs in s as whole words: a letter or
// digit at either end of sub is not continued by another in s ("21" is not
// found in "2021").
func ContainsWhole(s, sub string) bool {
	first, _ := utf8.DecodeRuneInString(sub)
	last, _ := utf8.DecodeLastRuneInString(sub)
	for from := 0; from <= len(s)-len(sub); {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(sub):])
		if !(isWordRune(first) && i > 0 && isWordRune(before)) &&
			!(isWordRune(last) && i+len(sub) < len(s) && isWordRune(after)) {
			return true
		}
		from = i + 1
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
