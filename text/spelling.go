package text

import "strings"

// SpellingKey returns the form under which British and American spellings
// of a word (lower case, as Words and Tokens write it) compare equal:
// "colour"/"color", "organise"/"organize", "organisation"/"organization",
// "analyse"/"analyze", "centre"/"center", "defence"/"defense",
// "dialogue"/"dialog", "travelled"/"traveled", "programme"/"program". The
// key is not a word to show; both sides of a comparison go through it.
//
// It is a handful of suffix rules, each bounded so that it joins the two
// spellings of one word without joining two different words:
//   - -our → -or (and -ours, -oured, -ouring, -ourable, -ourite, -ourer,
//     -ourful, -ourhood, -oural…) after at least three letters, so "four",
//     "hour", "your" and "scoured" (not "scored") stay;
//   - -is- → -iz- before -e, -ed, -es, -ing, -er, -ers, -ation, -ations,
//     after at least three letters ("raised", "poised" stay);
//   - -yse → -yze (-ysed, -yses, -ysing);
//   - -tre/-bre → -ter/-ber (-tres, -tred → -ters, -tered);
//   - -ence → -ense where American writes -ense: the nouns defence,
//     offence, licence, pretence;
//   - -logue → -log;
//   - a doubled l after e or a before -ed, -ing, -er, -ers, -or, -ors,
//     with at least two letters before the vowel ("travelled", "fuelled",
//     "cancelling", "counsellor"; "filled", "yelled" and "called" stay);
//   - a few whole words that follow no rule (programme, manoeuvre,
//     aluminium, ageing, judgement, grey, sceptic, fulfil, enrol, skilful,
//     plough, mould, adviser).
func SpellingKey(w string) string {
	if k, ok := spellingWords[w]; ok {
		return k
	}
	if len(w) < 5 {
		return w
	}
	for _, r := range spellingRules {
		if k, ok := r(w); ok {
			return k
		}
	}
	return w
}

// SpellingKeyKeepsStart reports whether SpellingKey(w) begins with the
// first three letters of w (the whole of a shorter w), which holds for
// every word but a few irregular ones ("kerb", "tyre", "sceptic"): a
// caller comparing many words with a few may skip the key of a word whose
// start no key of the few has.
func SpellingKeyKeepsStart(w string) bool {
	k, ok := spellingWords[w]
	if !ok {
		return true
	}
	n := min(3, len(w))
	return len(k) >= n && k[:n] == w[:n]
}

// spellingWords are the British spellings no suffix rule reaches, with
// their inflections, mapped to the American ones.
var spellingWords = func() map[string]string {
	m := map[string]string{}
	for _, p := range strings.Fields(`programme:program programmes:programs programmed:programed
manoeuvre:maneuver manoeuvres:maneuvers manoeuvred:maneuvered manoeuvring:maneuvering
aluminium:aluminum ageing:aging judgement:judgment judgements:judgments acknowledgement:acknowledgment
acknowledgements:acknowledgments grey:gray sceptic:skeptic sceptics:skeptics sceptical:skeptical
scepticism:skepticism fulfil:fulfill fulfils:fulfills fulfilment:fulfillment enrol:enroll enrols:enrolls
enrolment:enrollment skilful:skillful wilful:willful plough:plow ploughs:plows mould:mold moulds:molds
adviser:advisor advisers:advisors cheque:check cheques:checks tyre:tire tyres:tires kerb:curb jewellery:jewelry`) {
		k, v, _ := strings.Cut(p, ":")
		m[k] = v
	}
	return m
}()

// spellingRules are SpellingKey's suffix rules; the first that applies
// gives the key.
var spellingRules = []func(string) (string, bool){
	// -our → -or
	func(w string) (string, bool) {
		i := strings.LastIndex(w, "our")
		if i < 3 {
			return "", false
		}
		if !ourEndings[w[i+3:]] {
			return "", false
		}
		return w[:i] + "or" + w[i+3:], true
	},
	// -is- → -iz-
	func(w string) (string, bool) {
		for _, suf := range izEndings {
			if strings.HasSuffix(w, "is"+suf) && len(w)-len(suf)-2 >= 3 {
				stem := w[:len(w)-len(suf)-2]
				return stem + "iz" + suf, true
			}
		}
		return "", false
	},
	// -yse → -yze
	func(w string) (string, bool) {
		for _, suf := range []string{"e", "ed", "es", "ing"} {
			if strings.HasSuffix(w, "ys"+suf) {
				return w[:len(w)-len(suf)-1] + "z" + suf, true
			}
		}
		return "", false
	},
	// -tre/-bre → -ter/-ber
	func(w string) (string, bool) {
		for _, e := range [][2]string{{"re", "er"}, {"res", "ers"}, {"red", "ered"}} {
			stem, ok := strings.CutSuffix(w, e[0])
			if !ok || len(stem) < 3 {
				continue
			}
			if c := stem[len(stem)-1]; c == 't' || c == 'b' {
				return stem + e[1], true
			}
		}
		return "", false
	},
	// -ence → -ense (defence, offence, licence, pretence)
	func(w string) (string, bool) {
		for _, stem := range []string{"defenc", "offenc", "licenc", "pretenc"} {
			if strings.HasPrefix(w, stem) && (w == stem+"e" || w == stem+"es") {
				return stem[:len(stem)-1] + "s" + w[len(stem):], true
			}
		}
		return "", false
	},
	// -logue → -log
	func(w string) (string, bool) {
		for _, suf := range []string{"logue", "logues"} {
			if strings.HasSuffix(w, suf) {
				return w[:len(w)-len(suf)] + "log" + suf[5:], true
			}
		}
		return "", false
	},
	// travelled → traveled
	func(w string) (string, bool) {
		for _, suf := range []string{"ed", "ing", "er", "ers", "or", "ors"} {
			if !strings.HasSuffix(w, "ll"+suf) {
				continue
			}
			stem := w[:len(w)-len(suf)-2] // "trave"
			if len(stem) >= 3 && (stem[len(stem)-1] == 'e' || stem[len(stem)-1] == 'a') {
				return stem + "l" + suf, true
			}
		}
		return "", false
	},
}

// ourEndings may follow British -our.
var ourEndings = setOf(`s ed ing able ably ite ites er ers ful less hood al ally ism ist ists`)

// ourEndings has the bare word too.
func init() { ourEndings[""] = true }

// izEndings follow -is-/-iz-, longest first.
var izEndings = []string{"ations", "ation", "ing", "ers", "es", "ed", "er", "e"}
