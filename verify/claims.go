package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// FindClaims finds the quoted spans in a message (every quote style that
// text.FindQuotes knows: any script's quotation marks, single quotes that
// are not apostrophes, Markdown and Discord blockquotes) and, when there
// are none, a claim of the form "X said (that) …"; each with its claimed
// speaker when the message names one next to a speech verb ("Kirby said
// '…'", "'…,' Kirby told reporters", "according to the Press Secretary,
// '…'"). A pronoun ("she said") names no one.
//
// A quotation that reports another ("he said 'she said “…” yesterday'")
// is the claim of the quotation it reports, when a speech verb next to
// that one says so; one quoting a phrase of its own ("we call it the
// 'harbour plan' and we mean it") is the whole. A speaker is looked for
// between the quotation and its neighbours only: words of another
// quotation never name this one's speaker.
func FindClaims(message string) []Claim {
	out := quotedClaims(message, true)
	if len(out) > 0 {
		return out
	}
	sents := text.Sentences(message)
	for _, s := range sents {
		if c, ok := reportedClaim(message[s[0]:s[1]]); ok {
			out = append(out, c)
		}
	}
	return out
}

// quotedClaims are the claims of the quotations of message; nested looks
// for a reported quotation inside each.
func quotedClaims(message string, nested bool) []Claim {
	var out []Claim
	sents := text.Sentences(message)
	quotes := text.FindQuotes(message)
	for k, q := range quotes {
		words := strings.TrimSpace(q.Words(message))
		if len(text.Tokens(words)) == 0 {
			continue
		}
		if nested {
			if inner := reported(words); len(inner) > 0 {
				out = append(out, inner...)
				continue
			}
		}
		lo, hi := q.Start(), q.End()
		for _, s := range sents {
			if s[0] <= q.Start() && q.Start() < s[1] {
				lo = s[0]
			}
			if s[0] < q.End() && q.End() <= s[1] {
				hi = s[1]
			}
		}
		out = append(out, Claim{Text: words, Speaker: speakerAround(othersBlank(message, quotes, k), lo, q.Start(), q.End(), hi)})
	}
	return out
}

// othersBlank is message with the quotations other than quotes[k] blanked
// out (offsets kept), so their words name no speaker of this one.
func othersBlank(message string, quotes []text.QuoteSpan, k int) string {
	if len(quotes) == 1 {
		return message
	}
	b := []byte(message)
	for l, q := range quotes {
		if l != k {
			for i := q.Start(); i < q.End(); i++ {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// reported returns the claims of the quotations inside the quoted words
// that a speech verb beside them reports ("she said '…' yesterday", "'…,'
// Kirby told reporters"), or nil when words quote no one.
func reported(words string) []Claim {
	for _, q := range text.FindQuotes(words) {
		if len(text.Attributions(words[:q.Start()])) == 0 && len(text.Attributions(words[q.End():])) == 0 {
			return nil
		}
	}
	return quotedClaims(words, false)
}

// speakerAround finds the speaker a message names for the quotation at
// [qs, qe) in its sentence [lo, hi): the name before a speech verb in
// front of the quotation ("Kirby said"), else after one behind it ("said
// Kirby", "Kirby told reporters"), else a caption's ("“…” — Kirby",
// "John Kirby: “…”").
func speakerAround(msg string, lo, qs, qe, hi int) string {
	before := msg[lo:qs]
	if vs := text.Attributions(before); len(vs) > 0 {
		v := vs[len(vs)-1]
		if strings.EqualFold(before[v[0]:v[1]], "according to") {
			return nameAfter(before[v[1]:])
		}
		if n := nameBefore(before[:v[0]]); n != "" {
			return n
		}
	}
	after := msg[qe:hi]
	if vs := text.Attributions(after); len(vs) > 0 {
		v := vs[0]
		if n := nameBefore(after[:v[0]]); n != "" {
			return n
		}
		return nameAfter(after[v[1]:])
	}
	// A caption's attribution: the quotation, then a dash and the name,
	// on its line or the next ("“…” — John Kirby", "> …\n- Kirby").
	rest := strings.TrimLeft(msg[qe:], " \t\r\n,")
	if r, n := utf8.DecodeRuneInString(rest); r == '~' || text.IsDash(r) {
		line, _, _ := strings.Cut(rest[n:], "\n")
		return nameAfter(line)
	}
	// A name and a colon on the line before, or in front of, the
	// quotation: "John Kirby: “…”". One word before a colon is as often a
	// heading ("Update:") as a name, so it takes two.
	head := strings.TrimRight(msg[:qs], " \t\r\n")
	if line, ok := strings.CutSuffix(head[strings.LastIndexByte(head, '\n')+1:], ":"); ok {
		if n := nameBefore(line); n != "" && strings.TrimSpace(line) == n && len(strings.Fields(n)) >= 2 {
			return n
		}
	}
	return ""
}

// reportedClaim reads "X said (that) …" in a sentence with no quotation
// marks: the claim is what follows the verb, the speaker is X.
func reportedClaim(s string) (Claim, bool) {
	for _, v := range text.SpeechVerbs(s) {
		name := nameBefore(s[:v[0]])
		if name == "" {
			continue
		}
		rest := strings.TrimSpace(s[v[1]:])
		rest = strings.TrimLeft(rest, ",: ")
		if r, ok := cutWord(rest, "that"); ok {
			rest = r
		}
		rest = strings.TrimRight(rest, ".!? ")
		if len(text.Tokens(rest)) < 3 {
			continue
		}
		return Claim{Text: rest, Speaker: name}, true
	}
	return Claim{}, false
}

// cutWord cuts the word w (any case) from the start of s.
func cutWord(s, w string) (string, bool) {
	if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) && s[len(w)] == ' ' {
		return strings.TrimSpace(s[len(w):]), true
	}
	return s, false
}

// maxNameWords bounds a speaker's name and title ("White House Press
// Secretary Karine Jean-Pierre").
const maxNameWords = 7

// nameBefore returns the run of capitalised words (with the connectors
// of titles: "Secretary of State Blinken") that ends s, or "".
func nameBefore(s string) string {
	s = strings.TrimRight(s, " ,\t\n\"'“”‘’")
	fields := strings.Fields(s)
	n := 0
	for n < len(fields) && n < maxNameWords {
		f := strings.Trim(fields[len(fields)-1-n], ",;:()")
		if !capitalised(f) && !(n > 0 && text.IsConnector(strings.ToLower(f))) {
			break
		}
		n++
	}
	// A connector never ends or starts a name.
	for n > 0 && text.IsConnector(strings.ToLower(fields[len(fields)-n])) {
		n--
	}
	if n == 0 {
		return ""
	}
	name := strings.Join(fields[len(fields)-n:], " ")
	name = strings.Trim(name, ",;:()")
	if isPronounOrOpener(name) {
		return ""
	}
	return name
}

// nameAfter returns the run of capitalised words that starts s ("the
// Press Secretary" included), or "".
func nameAfter(s string) string {
	fields := strings.Fields(strings.TrimLeft(s, " ,"))
	var out []string
	for i, f := range fields {
		if len(out) >= maxNameWords {
			break
		}
		bare := strings.TrimRight(f, ",.;:!?\"'”’)")
		lower := strings.ToLower(bare)
		if capitalised(bare) || (i == 0 && lower == "the") || (len(out) > 0 && text.IsConnector(lower)) {
			out = append(out, bare)
			if bare != f {
				break // punctuation ends the name
			}
			continue
		}
		break
	}
	for len(out) > 0 && text.IsConnector(strings.ToLower(out[len(out)-1])) {
		out = out[:len(out)-1]
	}
	name := strings.Join(out, " ")
	if len(out) == 0 || strings.EqualFold(name, "the") || isPronounOrOpener(name) {
		return ""
	}
	return name
}

// capitalised reports a word that starts with a capital letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isPronounOrOpener reports a "name" that is a pronoun or a word that only
// opens a sentence ("He", "She", "They", "But", "The").
func isPronounOrOpener(name string) bool {
	ws := text.Words(name)
	if len(ws) == 0 {
		return true
	}
	for _, w := range ws {
		if !text.IsStopword(w) && !text.IsSentenceStarter(capitalise(w)) {
			return false
		}
	}
	return true
}

func capitalise(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}
