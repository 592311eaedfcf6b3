package main

import (
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/readout/readout/text"
)

// This file turns a sentence of the record into a claim: one word
// changed, a negation flipped, a number changed, a truncation, a stitch
// of two sentences, a recombination of two documents' clauses. Each
// function is pure given its random source, and reports false when the
// sentence offers nothing to change.

// numberWords are the spelled-out numbers the number change swaps among
// (small ones for small ones, scales for scales); "one" is left out, as
// "no one" and "one of" are not counts.
var numberWords = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "hundred", "thousand", "million", "billion", "trillion"}

// auxiliaries take "not" after them ("will" → "will not"); those in
// neverAfter also take "never" ("will never").
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "can": true,
	"could": true, "should": true, "must": true, "has": true, "have": true, "had": true, "does": true, "did": true,
}

// perfect are the auxiliaries that are also main verbs ("we have a
// plan"): they take a negation only before a participle ("have been",
// "has signed"), or "we have not a plan" would be made.
var perfect = map[string]bool{"has": true, "have": true, "had": true}

// participle reports whether w reads as a past participle: "been", or a
// regular or "-en"/"-wn"/"-ne" form ("signed", "taken", "shown", "done").
func participle(w string) bool {
	if w == "been" {
		return true
	}
	for _, suf := range []string{"ed", "en", "wn", "ne"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var neverAfter = map[string]bool{"will": true, "would": true, "could": true, "should": true, "have": true, "has": true, "had": true, "did": true}

// keepNegation are words after "not" that make it no plain negation of
// the verb ("not only", "not just"): removing "not" there garbles the
// sentence without flipping it. noKeep do the same after "no" ("no
// longer", "no one").
var (
	keepNegation = map[string]bool{"only": true, "just": true, "yet": true, "least": true, "merely": true, "simply": true, "even": true}
	noKeep       = map[string]bool{"longer": true, "one": true, "matter": true, "more": true, "less": true, "later": true, "sooner": true}
	// skipAfterAux: "will also" → "will not also" reads as no statement
	// would; "have to" → "have not to" is not English.
	skipAfterAux = map[string]bool{"to": true, "also": true, "still": true, "just": true, "only": true, "already": true, "always": true, "not": true, "never": true}
)

// replaceable reports whether w may be changed by, or put in by, the
// one-word change: an ordinary content word of at least four letters,
// carrying no negation and no number.
func replaceable(w string) bool {
	if _, number := text.NumberValue(w); len(w) < 4 || text.IsStopword(w) || text.IsNegation(w) || number || w == "without" {
		return false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// swappable reports whether w is one of numberWords.
func swappable(w string) bool {
	for _, n := range numberWords {
		if w == n {
			return true
		}
	}
	return false
}

// wordClass groups words by ending, so a replacement keeps the form of
// the word it replaces ("announced" by "welcomed", "talks" by "efforts").
func wordClass(w string) string {
	for _, suf := range []string{"ing", "ed", "ly", "tion", "s"} {
		if strings.HasSuffix(w, suf) {
			return suf
		}
	}
	return ""
}

// isLowerWord reports whether the surface form is written in lower-case
// ASCII letters only.
func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// changeWord replaces one content word of s (not its first) by another
// word of the same ending class from vocab with a different stem.
func changeWord(s string, rng *rand.Rand, vocab map[string][]string) (string, bool) {
	toks := text.Tokens(s)
	var cands []text.Token
	for _, t := range toks[1:] {
		if isLowerWord(s[t.Start:t.End]) && replaceable(t.Word) && len(vocab[wordClass(t.Word)]) > 1 {
			cands = append(cands, t)
		}
	}
	if len(cands) == 0 {
		return "", false
	}
	t := cands[rng.IntN(len(cands))]
	pool := vocab[wordClass(t.Word)]
	for range 20 { // a bounded search: a pool of two words may be all one stem
		rep := pool[rng.IntN(len(pool))]
		if rep != t.Word && text.Stem(rep) != text.Stem(t.Word) {
			return s[:t.Start] + rep + s[t.End:], true
		}
	}
	return "", false
}

// flipNegation adds a negation to s ("will continue" → "will not
// continue", "has been" → "has never been") or removes one ("did not
// see" → "did see", "don't" → "do", "there is no evidence" → "there is
// evidence"), choosing at random between the two when both are possible.
// The second result says which it did: "added" or "removed".
func flipNegation(s string, rng *rand.Rand) (string, string, bool) {
	toks := text.Tokens(s)
	surface := func(i int) string { return s[toks[i].Start:toks[i].End] }
	var adds, removes []func() string
	// A negation is added only to a sentence without one: "I don't have
	// not any" is no statement's negation, only a garbled sentence.
	negated := false
	for _, t := range toks {
		negated = negated || text.IsNegation(t.Word)
	}
	for i := 1; i < len(toks); i++ {
		w, sf := toks[i].Word, surface(i)
		nextWord := ""
		if i+1 < len(toks) {
			nextWord = toks[i+1].Word
		}
		switch {
		case w == "not" && sf == "not" && auxiliaries[toks[i-1].Word] && nextWord != "" && !keepNegation[nextWord]:
			at := toks[i-1].End
			end := toks[i].End
			removes = append(removes, func() string { return s[:at] + s[end:] })
		case w == "never" && sf == "never" && nextWord != "" && toks[i-1].Word != "or" && toks[i-1].Word != "almost":
			at := toks[i-1].End
			end := toks[i].End
			removes = append(removes, func() string { return s[:at] + s[end:] })
		case w == "cannot" && sf == "cannot":
			start, end := toks[i].Start, toks[i].End
			removes = append(removes, func() string { return s[:start] + "can" + s[end:] })
		case text.Positive(w) != "" && strings.ContainsAny(sf, "'’"):
			rep := text.Positive(w)
			if unicode.IsUpper(rune(sf[0])) {
				rep = strings.ToUpper(rep[:1]) + rep[1:]
			}
			start, end := toks[i].Start, toks[i].End
			removes = append(removes, func() string { return s[:start] + rep + s[end:] })
		case w == "no" && sf == "no" && nextWord != "" && !noKeep[nextWord] &&
			(auxiliaries[toks[i-1].Word] || toks[i-1].Word == "there"):
			at := toks[i-1].End
			end := toks[i].End
			removes = append(removes, func() string { return s[:at] + s[end:] })
		case auxiliaries[w] && sf == w && nextWord != "" && !skipAfterAux[nextWord] && isLowerWord(surface(i+1)) &&
			!negated && (!perfect[w] || participle(nextWord)):
			end := toks[i].End
			word := w
			adds = append(adds, func() string {
				switch {
				case word == "can":
					return s[:end] + "not" + s[end:]
				case neverAfter[word] && rng.IntN(3) == 0:
					return s[:end] + " never" + s[end:]
				}
				return s[:end] + " not" + s[end:]
			})
		}
	}
	switch {
	case len(adds) == 0 && len(removes) == 0:
		return "", "", false
	case len(removes) > 0 && (len(adds) == 0 || rng.IntN(2) == 0):
		return removes[rng.IntN(len(removes))](), "removed", true
	}
	return adds[rng.IntN(len(adds))](), "added", true
}

// changeNumber changes one number of s: a figure's leading digit (a
// year's last, so it stays a year), or a spelled-out number for another.
// A figure inside a name ("COVID-19", "G7") is left alone.
func changeNumber(s string, rng *rand.Rand) (string, bool) {
	toks := text.Tokens(s)
	type cand struct {
		start, end int
		rep        string
	}
	var cands []cand
	for _, t := range toks {
		sf := s[t.Start:t.End]
		switch {
		case sf[0] >= '0' && sf[0] <= '9':
			if !figure(sf) || (t.Start > 0 && nameByte(s[t.Start-1])) || (t.End < len(s) && nameByte(s[t.End])) {
				continue
			}
			cands = append(cands, cand{t.Start, t.End, newFigure(sf, rng)})
		case isLowerWord(sf) && swappable(sf):
			rep := sf
			for rep == sf {
				switch sf {
				case "hundred", "thousand", "million", "billion", "trillion":
					rep = numberWords[10+rng.IntN(5)]
				default:
					rep = numberWords[rng.IntN(10)]
				}
			}
			cands = append(cands, cand{t.Start, t.End, rep})
		}
	}
	if len(cands) == 0 {
		return "", false
	}
	c := cands[rng.IntN(len(cands))]
	return s[:c.start] + c.rep + s[c.end:], true
}

// figure reports whether s is digits with "," or "." between them.
func figure(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return true
}

// nameByte reports whether c, next to a figure, makes it part of a name
// or a compound ("COVID-19", "G7", "20-year").
func nameByte(c byte) bool {
	return c == '-' || c == '/' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// newFigure returns sf with one digit changed: a year's last digit, any
// other figure's leading one (never to 0).
func newFigure(sf string, rng *rand.Rand) string {
	i := 0
	if len(sf) == 4 && (strings.HasPrefix(sf, "19") || strings.HasPrefix(sf, "20")) {
		i = 3
	}
	d := sf[i]
	for d == sf[i] || (i == 0 && d == '0') {
		d = byte('0' + rng.IntN(10))
	}
	return sf[:i] + string(d) + sf[i+1:]
}

// ellipsis is how claims here mark omitted words.
const ellipsis = "…"

// truncate shortens s faithfully: a proper prefix, a proper suffix (each
// at least six words and leaving out at least three), or the sentence
// with a stretch of its middle replaced by an ellipsis. A prefix or
// suffix is sometimes marked with an ellipsis where the words were cut,
// as people paste them. The second result names the form.
func truncate(s string, rng *rand.Rand) (string, string, bool) {
	toks := text.Tokens(s)
	n := len(toks)
	if n < 9 {
		return "", "", false
	}
	switch rng.IntN(3) {
	case 0:
		k := 6 + rng.IntN(n-3-6+1) // keep toks[:k], 6 <= k <= n-3
		out := strings.TrimRight(s[:toks[k-1].End], ",;")
		if rng.IntN(3) == 0 {
			out += ellipsis
		}
		return out, "prefix", true
	case 1:
		k := 3 + rng.IntN(n-6-3+1) // keep toks[k:], 3 <= k <= n-6
		out := s[toks[k].Start:]
		if rng.IntN(3) == 0 {
			out = ellipsis + out
		}
		return out, "suffix", true
	}
	if n < 11 {
		return "", "", false
	}
	a := 4 + rng.IntN(n-11+1)      // keep toks[:a], a >= 4
	b := a + 3 + rng.IntN(n-a-7+1) // drop toks[a:b], b-a >= 3, keep n-b >= 4
	return strings.TrimRight(s[:toks[a-1].End], ",;") + " " + ellipsis + " " + s[toks[b].Start:], "elided", true
}

// stitch joins two sentences of one statement with an ellipsis, sometimes
// cutting the first one short, as a quotation stitched from two places of
// the same statement is pasted.
func stitch(a, b string, rng *rand.Rand) string {
	toks := text.Tokens(a)
	if len(toks) >= 10 && rng.IntN(3) == 0 {
		k := 6 + rng.IntN(len(toks)-3-6+1)
		a = strings.TrimRight(a[:toks[k-1].End], ",;")
	}
	return a + " " + ellipsis + " " + b
}

// recombine joins the opening clause of a (up to a comma) to the closing
// clause of b (after a comma): a sentence in the record's voice that no
// one said. Each part must hold at least four words and at most
// maxShare of the result's, so no source is nearly the whole claim.
func recombine(a, b string) (string, bool) {
	// maxShare and minWords keep the claim far from "nearly these
	// words": at 0.6 of ten words, "Today and every day, America is on
	// the move again." was six words of one statement and four added.
	const maxShare, minWords = 0.55, 12
	head, ok1 := clauseBefore(a)
	tail, ok2 := clauseAfter(b)
	if !ok1 || !ok2 {
		return "", false
	}
	nh, nt := len(text.Tokens(head)), len(text.Tokens(tail))
	if nh < 4 || nt < 4 || nh+nt < minWords || float64(nh) > maxShare*float64(nh+nt) || float64(nt) > maxShare*float64(nh+nt) {
		return "", false
	}
	return head + ", " + tail, true
}

// clauseBefore returns a up to its first comma after its fourth word.
func clauseBefore(a string) (string, bool) {
	toks := text.Tokens(a)
	for i := 3; i < len(toks)-1; i++ {
		if strings.HasPrefix(a[toks[i].End:], ",") {
			return a[:toks[i].End], true
		}
	}
	return "", false
}

// clauseAfter returns b after its last comma.
func clauseAfter(b string) (string, bool) {
	i := strings.LastIndex(b, ", ")
	if i < 0 {
		return "", false
	}
	tail := b[i+2:]
	toks := text.Tokens(tail)
	if len(toks) == 0 {
		return "", false
	}
	return tail, true
}

// britishCandidates returns the British spellings an American word may
// have, by the reverse of text.SpellingKey's suffix rules; most are not
// words ("motour"), so the caller keeps only those the record writes.
func britishCandidates(w string) []string {
	var out []string
	if i := strings.LastIndex(w, "or"); i >= 3 {
		out = append(out, w[:i]+"our"+w[i+2:])
	}
	if i := strings.LastIndex(w, "iz"); i >= 3 {
		out = append(out, w[:i]+"is"+w[i+2:])
	}
	if i := strings.LastIndex(w, "yz"); i >= 2 {
		out = append(out, w[:i]+"ys"+w[i+2:])
	}
	for _, e := range [][2]string{{"ter", "tre"}, {"ters", "tres"}, {"ense", "ence"}, {"log", "logue"}, {"logs", "logues"}} {
		if stem, ok := strings.CutSuffix(w, e[0]); ok && len(stem) >= 3 {
			out = append(out, stem+e[1])
		}
	}
	for _, suf := range []string{"ed", "ing", "er", "ers", "or", "ors"} {
		if stem, ok := strings.CutSuffix(w, "l"+suf); ok && len(stem) >= 3 && !strings.HasSuffix(stem, "l") {
			out = append(out, stem+"ll"+suf)
		}
	}
	var kept []string
	for _, c := range out {
		if c != w && text.SpellingKey(c) == text.SpellingKey(w) {
			kept = append(kept, c)
		}
	}
	return kept
}

// paste gives s the surface a Discord user gives a quotation they paste,
// each change drawn at random, at least one: a word in British spelling
// (british says which exist), lower case throughout, straight
// apostrophes, the final stop dropped, quote marks around it. No change
// touches a word as the checker compares words, so the claim is still the
// record's words. The second result lists the changes made.
func paste(s string, rng *rand.Rand, british func(string) (string, bool)) (string, string) {
	var done []string
	for len(done) == 0 {
		if rng.IntN(2) == 0 {
			for _, t := range text.Tokens(s) {
				sf := s[t.Start:t.End]
				// only a word of letters alone, lower case or capitalised
				lower := strings.ToLower(sf)
				if b, ok := british(t.Word); ok && isLowerWord(lower) && sf[1:] == lower[1:] {
					if sf != lower {
						b = strings.ToUpper(b[:1]) + b[1:]
					}
					s, done = s[:t.Start]+b+s[t.End:], append(done, "british")
					break
				}
			}
		}
		if rng.IntN(2) == 0 {
			s, done = strings.ToLower(s), append(done, "lower")
		}
		if rng.IntN(2) == 0 && strings.Contains(s, "’") {
			s, done = strings.ReplaceAll(s, "’", "'"), append(done, "apostrophes")
		}
		if rng.IntN(2) == 0 && strings.HasSuffix(s, ".") {
			s, done = strings.TrimSuffix(s, "."), append(done, "no-stop")
		}
		if rng.IntN(2) == 0 {
			s, done = "“"+s+"”", append(done, "quoted")
		}
	}
	return s, strings.Join(done, ",")
}
