package answer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// Whether a passage supports a generated sentence is judged on the
// sentence's claim: its names, numbers and content words, read with the
// index's vocabulary (text.Words, IsStopword, Stem), so a claim term
// matches exactly the passages the index would find for it. Speech verbs
// ("said", "told"), titles and roles ("minister", "spokesperson") and
// stopwords say who spoke, not what was said: they are no part of a claim,
// or "The moon is made of green cheese, the minister said" would be
// supported by any passage that quotes a minister.
//
// A citation supports its clause when the passage (with its document's
// title, outlet, date and speakers) holds at least supportThreshold of the
// claim's weight. Names and numbers weigh most: a passage that has the
// topic's words but not the figure or the person the sentence states does
// not support it.
//
// Measured with
//
//	READOUT_MEASURE_SUPPORT=1 go test -run MeasureSupport -v ./answer
//
// (READOUT_SWEEP=1 sweeps the weights, the gate and the floor) over the 5
// sample documents and every 25th White House document: 471 documents,
// 6,179 passages, 34,410 sentences of eight words or more. With the values
// below, a sentence cited to its own passage keeps its citation 100.0% of
// the time, and 97.5% when a third of its content words are replaced (a
// loose paraphrase); a sentence cited to a passage of another document
// loses it 98.9% of the time, and 87.5% when the passage is the one of 30
// other documents' that shares most of its claim. Equal weights for
// names, numbers and content words drop about as many of those topical
// citations but keep nearly every sentence whose names and numbers were
// swapped for others' (dropped 11% against 49%): the misattribution a
// reader must not be shown. The numbers gate adds 12 points there; the
// content floor 3 points on topical citations for 1 point of
// paraphrases. A threshold of 0.6 drops more wrong citations (94%
// topical) but also 5% of paraphrases. They are variables only so the
// measurement can sweep them.
var (
	claimNameWeight    = 3.0 // a capitalised word inside the sentence, or an acronym
	claimNumberWeight  = 3.0 // a word with a digit: a figure, a year, a day
	claimContentWeight = 1.0 // any other informative word
	supportThreshold   = 0.5
	// numbersGate: a passage that lacks one of the clause's numbers does
	// not support it, whatever else it shares.
	numbersGate = true
	// contentFloor: a passage must also hold this share of the clause's
	// content words (those that are neither names nor numbers), so that
	// naming the same parties does not support a claim about them.
	contentFloor = 0.34
)

// claimTerm is one term of a sentence's claim and its weight.
type claimTerm struct {
	term   string
	weight float64
	number bool
}

// claimTerms returns the claim of s, each term once with its largest
// weight. A capitalised word at the start of s counts as a content word
// (the capital may be the sentence's), unless it is an acronym.
func claimTerms(s string) []claimTerm {
	var out []claimTerm
	at := map[string]int{}
	// Whole fields, as the index reads them: "84,770" is one number and
	// "Biden's" one name.
	for i, field := range strings.Fields(s) {
		word := strings.TrimLeftFunc(field, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for _, w := range text.Words(field) {
			if text.IsStopword(w) || isRole(w) || text.IsAttributionVerb(w) {
				continue
			}
			weight := claimContentWeight
			number := strings.IndexFunc(w, unicode.IsDigit) >= 0
			switch {
			case number:
				weight = claimNumberWeight
			case isAcronym(strings.TrimRightFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })) || (i > 0 && startsUpper(word)):
				weight = claimNameWeight
			}
			term := text.Stem(w)
			if k, ok := at[term]; ok {
				out[k].weight = max(out[k].weight, weight)
				continue
			}
			at[term] = len(out)
			out = append(out, claimTerm{term, weight, number})
		}
	}
	return out
}

// isRole reports a title or role noun, singular or plural ("minister",
// "officials"): who speaks, not what is claimed.
func isRole(w string) bool {
	return text.IsTitleNoun(w) || text.IsTitleNoun(strings.TrimSuffix(w, "s"))
}

// startsUpper reports whether w opens with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAcronym reports a word of two or more capitals ("NATO", "UN").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// claimWeight is the total weight of a claim.
func claimWeight(claim []claimTerm) float64 {
	var w float64
	for _, c := range claim {
		w += c.weight
	}
	return w
}

// supportScore is the share of the claim's weight whose terms the passage
// holds (terms is the passage's text.TermSet); 1 for a claim
// of no weight.
func supportScore(claim []claimTerm, terms map[string]bool) float64 {
	total := claimWeight(claim)
	if total == 0 {
		return 1
	}
	var got, content, contentGot float64
	for _, c := range claim {
		found := terms[c.term]
		if found {
			got += c.weight
		} else if numbersGate && c.number {
			return 0
		}
		if c.weight == claimContentWeight && !c.number {
			content++
			if found {
				contentGot++
			}
		}
	}
	if content > 0 && contentGot < contentFloor*content {
		return 0
	}
	return got / total
}

// SupportText is what a citation of the hit vouches for: the passage, and
// its document's title, outlet, speakers and date (written both as the
// prompt shows it and as prose), which the model sees beside the passage
// and may name in its sentence.
func SupportText(h retrieval.Hit) string {
	var b strings.Builder
	b.WriteString(h.Chunk.Text)
	if d := h.Doc; d != nil {
		b.WriteString("\n" + d.Title + "\n" + d.Outlet)
		for _, s := range d.Speakers {
			b.WriteString("\n" + s.Name + " " + s.Title)
		}
		if !d.Date.IsZero() {
			b.WriteString("\n" + d.Date.Format("2006-01-02 January 2, 2006 Monday"))
		}
	}
	return b.String()
}
