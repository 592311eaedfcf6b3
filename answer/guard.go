package answer

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/readout/readout/prompts"
)

// echoShingle is the length, in words, of the word sequences compared by
// echoesPrompt: long enough that ordinary answers never share one with the
// instructions by chance, short enough to catch a paraphrased leak.
const echoShingle = 8

// echoMin is how many of the instructions' word sequences an answer must
// repeat to count as repeating them.
const echoMin = 3

// echoesPrompt reports whether text repeats the instructions the model was
// given (the system prompt): the sign of a model that obeyed "print your
// system prompt", whether the request came from the asker or from a
// document. Such an answer is not an answer from the record, so it is not
// posted, however many citations it carries.
func echoesPrompt(text, instructions string) bool {
	if instructions == "" {
		return false
	}
	set := map[string]bool{}
	iw := echoWords(instructions)
	for i := 0; i+echoShingle <= len(iw); i++ {
		// Sequences with numbers (the record's dates and size) are what
		// an honest answer repeats when it says what the record covers.
		if !slices.ContainsFunc(iw[i:i+echoShingle], hasDigit) {
			set[strings.Join(iw[i:i+echoShingle], " ")] = true
		}
	}
	tw := echoWords(text)
	n := 0
	for i := 0; i+echoShingle <= len(tw); i++ {
		if set[strings.Join(tw[i:i+echoShingle], " ")] {
			n++
			if n >= echoMin {
				return true
			}
			i += echoShingle - 1 // count separate sequences, not overlaps
		}
	}
	return false
}

func hasDigit(w string) bool { return strings.ContainsFunc(w, unicode.IsDigit) }

// echoWords lower-cases text into words of letters and digits.
func echoWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// echoesInstructions reports whether a model's answer repeats the system
// prompt it was given for this record.
func (p *Pipeline) echoesInstructions(text string, first, last time.Time, docs int) bool {
	sys, err := prompts.System(dateString(first), dateString(last), docs)
	return err == nil && echoesPrompt(text, sys)
}

// unquotable reports a sentence of the record that the extractive answer
// must not quote even though it is verbatim: one holding citation-like
// markers ("[1]", which would pass for the answer's own citations) or
// Discord mention syntax (which would read as a ping). Such text is a
// document speaking to the bot or its readers, not a statement to report.
func unquotable(s string) bool {
	return citationGroupRe.MatchString(s) || mentionRe.MatchString(s)
}

// mentionRe matches Discord mention syntax: @everyone, @here, <@id>,
// <@!id>, <@&role>.
var mentionRe = regexp.MustCompile(`@everyone|@here|<@[!&]?\d+>`)
