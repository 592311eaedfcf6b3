package answer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxQuestionRunes bounds a question's length.
const MaxQuestionRunes = 2000

// UserError is an error whose message is meant for the person who asked:
// a sentence saying what went wrong and what to do. Adapters show Msg as
// is; any other error is internal and should be logged, not shown.
type UserError struct {
	Msg string
}

func (e *UserError) Error() string { return e.Msg }

// CleanQuestion makes a question safe to search and prompt with: invalid
// UTF-8 is replaced, control and zero-width characters and Discord mentions
// (@everyone, @here, <@id>, <@&role>: whom the message pings, not what it
// asks) are removed, and white space is collapsed. An empty or over-long question is a *UserError.
func CleanQuestion(q string) (string, error) {
	if !utf8.ValidString(q) {
		q = strings.ToValidUTF8(q, "\uFFFD")
	}
	q = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case isZeroWidth(r):
			return -1
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, q)
	q = mentionRe.ReplaceAllString(q, " ")
	q = unshouted(strings.Join(strings.Fields(q), " "))
	if q == "" {
		return "", &UserError{Msg: "Please type a question about the record, for example: What did the State Department say about the peace talks?"}
	}
	if n := utf8.RuneCountInString(q); n > MaxQuestionRunes {
		return "", &UserError{Msg: fmt.Sprintf("Your question is %d characters long; please shorten it to at most %d characters and ask again.", n, MaxQuestionRunes)}
	}
	return q, nil
}

// unshouted returns a question typed all in capitals ("WHAT DID BIDEN SAY
// ABOUT THE IRA") in lower case, as chat more often types it: in
// capitals every word looks like a name or an acronym, and the speaker
// it names is not read ("BIDEN" is no capitalised name, "DID" is not
// known). A question with any lower-case letter, or fewer than two
// capitals, is returned as it is.
func unshouted(q string) string {
	upper := 0
	for _, r := range q {
		switch {
		case unicode.IsLower(r):
			return q
		case unicode.IsUpper(r):
			upper++
		}
	}
	if upper < 2 {
		return q
	}
	return strings.ToLower(q)
}

// unshoutedTurns returns history with each question as CleanQuestion
// reads it (unshouted): a conversation rebuilt from a thread's messages
// holds them as they were typed. history itself is not changed.
func unshoutedTurns(history []Turn) []Turn {
	var out []Turn
	for i, t := range history {
		if u := unshouted(t.Question); u != t.Question {
			if out == nil {
				out = slices.Clone(history)
			}
			out[i].Question = u
		}
	}
	if out == nil {
		return history
	}
	return out
}

func isZeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E':
		return true
	}
	return false
}
