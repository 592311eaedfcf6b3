package answer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/retrieval"
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

// CleanText makes what a member typed safe to search, prompt with and
// compare word for word: invalid UTF-8 is replaced, control and
// zero-width characters and Discord mentions (@everyone, @here, <@id>,
// <@&role>: whom the message pings, not what it says) are removed, and
// white space is collapsed. The words themselves are kept as typed (a
// quotation checked word by word keeps its capitals and its "please").
func CleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case isZeroWidth(r):
			return -1
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	s = mentionRe.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

// CleanQuestion is CleanText of a question, read as chat types it: its
// markdown marks and emoji go, and so do a greeting or thanks around it
// (withoutCourtesies); one typed all in capitals, or with every word
// capitalised, is lower-cased (unshouted, detitled). An empty or over-long question is a *UserError; one of
// courtesies only, errCourtesyOnly (CourtesyOnly).
func CleanQuestion(q string) (string, error) {
	typed := CleanText(q)
	q = markdownRe.ReplaceAllString(typed, "")
	q = strings.Map(func(r rune) rune {
		if r != utf8.RuneError && unicode.Is(unicode.So, r) || r >= 0x1F3FB && r <= 0x1F3FF || unicode.Is(unicode.Variation_Selector, r) {
			return ' ' // an emoji ("🙏🏽", "❤️") says nothing to search for
		}
		return r
	}, q)
	q = detitled(unshouted(withoutCourtesies(strings.Join(strings.Fields(q), " "))))
	if q == "" && typed != "" {
		return "", errCourtesyOnly
	}
	if q == "" {
		return "", &UserError{Msg: "Please type a question about the record, for example: What did the State Department say about the peace talks?"}
	}
	if n := utf8.RuneCountInString(q); n > MaxQuestionRunes {
		return "", &UserError{Msg: fmt.Sprintf("Your question is %d characters long; please shorten it to at most %d characters and ask again.", n, MaxQuestionRunes)}
	}
	return q, nil
}

// markdownRe matches Discord's markdown marks that only style the words
// between them: bold, underline, strike-through, spoiler and code
// ("**what** did kirby say about `gaza`").
var markdownRe = regexp.MustCompile("\\*\\*|__|~~|\\|\\||`+")

// greetingRe matches a greeting or the bot addressed by name opening a
// message ("hey readout, what did …", "readout: when did …", "hi bot"),
// and courtesyRe and chatCourtesyRe thanks or a plea closing one ("…?
// thanks!", "…, please", "… thx!!", "… pls"): none of it is asked. A
// spelt-out "thanks" or "please" closes a question only after its
// punctuation ("what did he say after the crowd's thank you" asks about
// it). "readout" is the product's name, and a word the record is full of
// ("Readout of the President's Call …"): searched for, it drew other
// passages and cost answers. Measured on the 17 development sets with
// "hey readout, " before every question: answer-contains 582 → 506 of
// 852 before this; with " thx!!" after, 582 → 573.
var (
	greetingRe     = regexp.MustCompile(`(?i)^(?:(?:hey|hi|hello|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening))(?:\s+(?:there|all|everyone|guys|folks))?(?:\s+(@?(?:readout|bot)))?|(@?(?:readout|bot)))\b([\s,!.:;]*)`)
	closingNameRe  = regexp.MustCompile(`(?i),\s*@?(?:readout|bot)\s*([?!.]*)$`)
	courtesyRe     = regexp.MustCompile(`(?i)(^|[,;.!?])\s*(?:thanks|thank you|thank u|please|cheers|ty|tia)(?:[\s,]+(?:so much|very much|a lot|in advance|again|all|everyone|guys|@?readout|bot))*[\s!.]*$`)
	chatCourtesyRe = regexp.MustCompile(`(?i)(?:^|[\s,;.!-]+)(?:thx|thnx|tysm|pls|plz)(?:[\s,]+(?:so much|a lot|in advance|again|all|everyone|guys|@?readout|bot))*[\s!.]*$`)
)

// questionOpeners are the words besides whWords a question opens with
// after a greeting with no punctuation ("hey readout what did …"): a
// greeting followed by anything else is a name ("Hello Kitty
// diplomacy?", "Good Morning America", "Readout: President Biden's call
// …").
var questionOpeners = map[string]bool{"what's": true, "whats": true, "who's": true, "whos": true,
	"whose": true, "whens": true, "wheres": true,
	"did": true, "does": true, "do": true, "is": true, "are": true, "was": true, "were": true, "can": true, "could": true,
	"would": true, "will": true, "has": true, "have": true, "had": true, "any": true, "anyone": true, "so": true, "ok": true,
	"okay": true, "quick": true, "quote": true, "give": true, "tell": true, "find": true, "show": true, "pls": true, "please": true}

// acknowledgements are what remains of "great, thanks!" or "ok thx": no
// question either.
var acknowledgements = map[string]bool{"ok": true, "okay": true, "k": true, "great": true, "cool": true, "nice": true,
	"awesome": true, "perfect": true, "got it": true, "ok great": true, "lol": true, "yes": true, "yep": true}

// errCourtesyOnly is CleanQuestion's error for a message of a greeting or
// thanks alone ("thanks!", "hi readout"): it asks nothing.
var errCourtesyOnly = &UserError{Msg: "Ask me a question about the record, for example: What did the State Department say about the peace talks?"}

// CourtesyOnly reports whether err is CleanQuestion's for a message that
// is only a greeting or thanks: in a conversation it is said to the
// others, and wants no reply.
func CourtesyOnly(err error) bool { return err == errCourtesyOnly }

// withoutCourtesies returns q without the greeting that opens it and the
// thanks that close it (greetingRe, closingNameRe, courtesyRe,
// chatCourtesyRe). A greeting goes when punctuation follows it or a
// question's first word does; the bot's name alone, only before a
// question's first word ("readout, what did …", not "Readout: President
// Biden's call …"). What remains of thanks alone ("great, thanks!") is
// nothing.
func withoutCourtesies(q string) string {
	typed := q
	for range 3 { // "hey, readout, what …"
		m := greetingRe.FindStringSubmatchIndex(q)
		if m == nil {
			break
		}
		rest := strings.TrimSpace(q[m[1]:])
		first, _, _ := strings.Cut(strings.ToLower(rest), " ")
		first = strings.TrimRight(first, ",:;!?")
		opens := whWords[first] || questionOpeners[first]
		nameOnly := m[4] >= 0
		if rest != "" && !opens && (nameOnly || !strings.ContainsAny(q[m[6]:m[7]], ",!.:;")) {
			break
		}
		q = rest
	}
	q = closingNameRe.ReplaceAllString(q, "$1")
	for range 3 { // "pls thx ty"
		q = courtesyRe.ReplaceAllString(q, "$1")
		q = chatCourtesyRe.ReplaceAllString(q, "")
		q = strings.TrimRight(q, " ,;-")
	}
	if q != typed && acknowledgements[strings.ToLower(strings.Trim(q, " ,.!"))] {
		return ""
	}
	return q
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

// titleCaseShare is the share of a question's words after its first, among
// those that start with a letter and are not all capitals, that must
// start with a capital for the question to read as typed in Title Case
// ("What Did Biden Say About The IRA"). Measured on the 1,020
// development questions as typed (eval/, all 17 sets): the largest share
// is 0.62, a question of names ("When did Jake Sullivan meet Wang Yi in
// Bangkok?"); the same questions in Title Case are all at 1.0. Reading a
// question in lower case costs little (the same questions lower-cased:
// answer-contains 580 of 852 against 581 as typed), reading Title Case
// as typed costs much (548): every word looks like a name, and names the
// record knows pull the search toward them.
const titleCaseShare = 0.75

// detitled returns a question typed in Title Case with each capitalised
// word lower-cased, as unshouted does for capitals; words in capitals
// ("IRA", "U.S.") or with a capital inside ("McCarthy") keep theirs. A
// question with fewer than two capitalised words after its first, or
// fewer than titleCaseShare of them capitalised, is returned as it is.
func detitled(q string) string {
	words := strings.Fields(q)
	capital, lower := 0, 0
	for _, w := range words[min(1, len(words)):] {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case !unicode.IsLetter(r) || !titleCased(w) && !strings.ContainsFunc(w, unicode.IsLower):
			// a number, or a word in capitals: says nothing of the case typed
		case unicode.IsUpper(r):
			capital++
		default:
			lower++
		}
	}
	if capital < 2 || float64(capital) < titleCaseShare*float64(capital+lower) {
		return q
	}
	for i, w := range words {
		if titleCased(w) {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// titleCased reports whether w's only capital is its first letter
// ("About", "Biden's", "Say?"), after any opening punctuation.
func titleCased(w string) bool {
	seen := false
	for _, r := range w {
		switch {
		case !seen && unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			seen = true
		case seen && unicode.IsUpper(r):
			return false
		}
	}
	return seen
}

// cleanTurns returns history with each question as CleanQuestion makes
// it: a conversation rebuilt from a thread's messages holds them as they
// were typed ("hey readout, WHAT DID …"). history itself is not changed;
// a question CleanQuestion refuses is kept as it is.
func cleanTurns(history []Turn) []Turn {
	return withQuestions(history, func(q string) string {
		if c, err := CleanQuestion(q); err == nil {
			return c
		}
		return q
	})
}

// withQuestions returns history with each question as read makes it,
// cloned only when a question changes; history itself is not changed.
func withQuestions(history []Turn, read func(string) string) []Turn {
	var out []Turn
	for i, t := range history {
		if r := read(t.Question); r != t.Question {
			if out == nil {
				out = slices.Clone(history)
			}
			out[i].Question = r
		}
	}
	if out == nil {
		return history
	}
	return out
}

// respeller is the index's reading of words typed with a slip
// (retrieval.Index.Respelled).
type respeller interface {
	Respelled(question string) (string, []retrieval.Respelling)
}

// respelledTurns returns history with each question as rs respells it,
// as the question asked now is; history itself is not changed.
func respelledTurns(rs respeller, history []Turn) []Turn {
	return withQuestions(history, func(q string) string {
		r, _ := rs.Respelled(q)
		return r
	})
}

// respeltWarning tells the reader which words of the question were read
// otherwise than typed ("Read “daets” as “dates”, as the record spells
// it."), so an answer about a word they did not type says why; "" when
// none was.
func respeltWarning(fixes []retrieval.Respelling) string {
	if len(fixes) == 0 {
		return ""
	}
	parts := make([]string, len(fixes))
	for i, f := range fixes {
		parts[i] = "“" + f.Typed + "” as “" + f.Written + "”"
	}
	if len(fixes) == 1 {
		return "Read " + parts[0] + ", as the record spells it."
	}
	return "Read " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + ", as the record spells them."
}

func isZeroWidth(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E':
		return true
	}
	return false
}
