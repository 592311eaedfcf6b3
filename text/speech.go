package text

import (
	"sort"
	"strings"
)

// speechVerbs introduce the words of a speaker: "Price said", "…,” she
// added", "Miller wrote". It is the union of what the corpus's speaker
// finder, the extractive composer and the attribution forms of issue 9
// needed: there used to be three lists that disagreed.
var speechVerbs = setOf(`said says told added emphasized emphasised noted stated continued stressed
announced explained commented remarked insisted warned underlined underscored reiterated asserted
declared replied responded answered wrote tweeted argued acknowledged affirmed recalled
cautioned exclaimed`)

// personVerbs are the speech verbs that introduce people far more often
// than companies or agencies, unlike "announced" or "confirmed".
var personVerbs = setOf(`said says told added stressed emphasized emphasised noted continued insisted
warned remarked explained replied`)

// attribVerbs attribute a quotation to its source beyond the speech verbs:
// what people write and post, and the present tense of reports.
var attribVerbs = setOf(`posted writes reported reports tweets posts argues responds adds tells asked`)

// IsAttributionVerb reports whether w (lower case) attributes a quotation
// to its source: a speech verb, or "posted", "reports", "tells", "asked".
func IsAttributionVerb(w string) bool { return speechVerbs[w] || attribVerbs[w] }

// askVerbs are the forms in which a question asks for someone's words
// ("did X say", "has X described", "what does X mean", "what was X
// saying", "how did X explain it", "did X admit it"), beyond the speech
// verbs. A verb that says what the words did ("blame", "deny", "praise")
// is not one: the search keeps it (asked so, "who did kirby blame for …"
// lost the passage that blames). What someone thinks is asked of their words too ("did Kirby
// think"). The question reader and the extractive composer each had a
// list of these.
var askVerbs = setOf(`say tell state announce describe described call called claim claimed warn write
add mean meant respond reply comment urge urged argue note stress emphasize emphasise tweet tweeted put
characterize characterized characterise characterised commented warned argued responded wrote
think believe feel expect consider mention mentioned
saying telling claiming arguing describing warning stressing insisting explaining thinking
explain insist admit acknowledge concede reiterate answer joke brag boast`)

// IsAskVerb reports whether w (lower case) is a form in which a question
// asks for someone's words: a speech verb, or "say", "describe", "mean",
// "think".
func IsAskVerb(w string) bool { return askVerbs[w] || speechVerbs[w] }

// mentionVerbs ask whether a subject was spoken of at all: "when was
// it first mentioned", "when did it last come up", "first brought up",
// "first talked about". "come", "came", "bring", "brought" count only
// with "up"; "talk", "spoke" and their forms only with "about" or "on".
var (
	mentionVerbs  = setOf(`mention mentioned mentions raise raised discuss discussed`)
	mentionUp     = setOf(`come came comes coming bring brought`)
	mentionAbout  = setOf(`talk talked talking speak spoke spoken`)
	mentionAfters = setOf(`about on`)
)

// IsMentionAt reports whether words[i] (lower case, as Words writes them)
// begins a phrase asking whether a subject was spoken of at all ("first
// mentioned", "came up", "talk about"), not for a statement of a kind:
// a "first"/"last" question so phrased is answered by any statement
// that names its subject, whatever the document is about.
func IsMentionAt(words []string, i int) bool {
	w := words[i]
	next := ""
	if i+1 < len(words) {
		next = words[i+1]
	}
	return mentionVerbs[w] || (mentionUp[w] && next == "up") || (mentionAbout[w] && mentionAfters[next])
}

// MentionWordsAt returns how many words from words[i] only say that a
// subject was spoken of ("mentioned", "discussed", "came up", "brought
// up", the verb of "talked about" or "spoke on"), which a search for the
// subject leaves out ("discuss" finds "discussion" anywhere); 0 for any
// other word, and for "raise", which may be what was done ("when did
// biden first raise the minimum wage").
func MentionWordsAt(words []string, i int) int {
	if !IsMentionAt(words, i) {
		return 0
	}
	switch w := words[i]; {
	case mentionUp[w]:
		return 2 // "came up"
	case mentionAbout[w] || strings.HasPrefix(w, "mention") || strings.HasPrefix(w, "discuss"):
		return 1 // "about" stays: it says what the subject is
	}
	return 0
}

// AskVerbPattern is a regular-expression alternation of every word
// IsAskVerb accepts, longest first.
var AskVerbPattern = func() string {
	var all []string
	for w := range askVerbs {
		all = append(all, w)
	}
	for w := range speechVerbs {
		if !askVerbs[w] {
			all = append(all, w)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if len(all[i]) != len(all[j]) {
			return len(all[i]) > len(all[j])
		}
		return all[i] < all[j]
	})
	return strings.Join(all, "|")
}()

// IsSpeechVerb reports whether w (lower case, as written) is a verb that
// introduces a speaker's words.
func IsSpeechVerb(w string) bool { return speechVerbs[w] }

// IsPersonVerb reports whether the speech verb w is one people use rather
// than organisations ("told", "tweeted", not "announced"). "went on to say"
// counts as one.
func IsPersonVerb(w string) bool { return personVerbs[w] || w == wentOnToSay }

const (
	wentOnToSay = "went on to say"
	accordingTo = "according to"
)

// SpeechVerbs returns the byte ranges of the speech verbs in s, lower case
// as prose writes them; "went on to say" is one. A word scan rather than a
// regular expression: an alternation of thirty words is slow in Go's
// regexp engine, and this runs over the whole record.
func SpeechVerbs(s string) [][2]int { return findVerbs(s, false) }

// Attributions is SpeechVerbs with "according to" (or "According to"),
// which attributes words to the name after it.
func Attributions(s string) [][2]int { return findVerbs(s, true) }

func findVerbs(s string, according bool) [][2]int {
	var out [][2]int
	i := 0
	for i < len(s) {
		c := s[i]
		if c == 'A' && according && (i == 0 || !isWordByte(s[i-1])) && phraseAt(s, i, "A"+accordingTo[1:]) {
			// "According to Miller, …" opens a sentence.
			out = append(out, [2]int{i, i + len(accordingTo)})
			i += len(accordingTo)
			continue
		}
		if c < 'a' || c > 'z' {
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
			j++
		}
		// A word starts after a non-letter (ASCII or not).
		boundary := i == 0 || !isWordByte(s[i-1])
		if boundary && j-i >= 4 && j-i <= 12 {
			w := s[i:j]
			switch {
			case speechVerbs[w]:
				out = append(out, [2]int{i, j})
			case w == "went" && phraseAt(s, i, wentOnToSay):
				j = i + len(wentOnToSay)
				out = append(out, [2]int{i, j})
			case according && w == "according" && phraseAt(s, i, accordingTo):
				j = i + len(accordingTo)
				out = append(out, [2]int{i, j})
			}
		}
		i = j
	}
	return out
}

// phraseAt reports whether phrase stands at s[i:] as whole words.
func phraseAt(s string, i int, phrase string) bool {
	end := i + len(phrase)
	return strings.HasPrefix(s[i:], phrase) && (end == len(s) || !isWordByte(s[end]))
}

// isWordByte reports a byte that belongs to a word: an ASCII letter or digit
// or part of a multi-byte (non-ASCII) character.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// NotSaying reports whether the speech verb at v of src (a range
// SpeechVerbs returns) goes on with "to" as a verb of doing: "the Michigan
// Department of Labor and Economic Opportunity has continued to leverage
// …", "added to the list" (which made "Economic Opportunity" a speaker of
// the record, and a question about Harris's economic opportunity tour a
// question about its words).
func NotSaying(src string, v [2]int) bool {
	switch strings.ToLower(src[v[0]:v[1]]) {
	case "continued", "added":
		rest, ok := strings.CutPrefix(src[v[1]:], " to ")
		// Not "…,” Psaki added to reporters": the words said are theirs.
		return ok && !strings.HasPrefix(rest, "reporters") && !strings.HasPrefix(rest, "the press")
	}
	return false
}
