package text

import (
	"slices"
	"strings"
)

// Stem reduces an English word (lowercase, from Words) to a crude stem so
// that inflections meet: "missions"/"mission", "pressed"/"press",
// "displacement"/"displaced"/"displace", "countries"/"country". Month
// abbreviations meet their month ("nov"/"november") and irregular forms
// their verb ("told"/"tell"). It is deliberately light: it strips
// inflection and a few derivational endings and never looks words up.
// Digits-only words are returned unchanged. A change to what it returns
// changes the record's terms: bump TermsVersion.
//
// The English Snowball (Porter2) stemmer of github.com/kljensen/snowball,
// with the same aliases and demonym rule, was measured against it on the
// evaluation questions over the White House record (EVALUATION.md, "One
// vocabulary") and not taken: on the 140 development questions it lost
// hit@1 (0.51 → 0.49), MRR (0.609 → 0.600) and declines (17/24 → 16/24
// out of scope declined, 4 → 6 answerable wrongly declined), for a gain in
// hit@5 (0.72 → 0.74); it also took 60% more CPU to index the record.
func Stem(w string) string {
	if full, ok := aliases[w]; ok {
		w = full
	}
	if len(w) <= 3 || !IsASCIILetters(w) {
		return w
	}
	// Plurals and third person.
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	// Past tense, gerund, adverb, a few nominal endings; keep at least a
	// three-letter stem with a vowel so "need", "bring", "only" survive.
	for _, suf := range []string{"ingly", "edly", "ing", "ed", "ly", "ment", "ness"} {
		if suf == "ed" && longEed(w) {
			break // "agreed" is "agree" + "d", taken below
		}
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 && hasVowel(w[:len(w)-len(suf)]) {
			w = w[:len(w)-len(suf)]
			if suf == "ing" || suf == "ed" || suf == "ingly" || suf == "edly" {
				w = undouble(w)
			}
			break
		}
	}
	// A verb in -ee meets its past and gerund: "agreed", "agreeing" and
	// "agree" are one term, as "freed"/"free" and "guaranteed"/"guarantee";
	// "need" and "feed" (one letter before "eed") keep their d.
	if longEed(w) {
		w = w[:len(w)-1]
	}
	// Demonyms meet their country: "armenians"/"armenian" → "armenia",
	// "azerbaijani" → "azerbaijan".
	switch {
	case len(w) >= 6 && strings.HasSuffix(w, "ian"):
		return w[:len(w)-1]
	case len(w) >= 7 && strings.HasSuffix(w, "ani"):
		return w[:len(w)-1]
	}
	// Final y → i and final e dropped so "country"/"countri-es" and
	// "hope"/"hop-ing" meet.
	if len(w) > 3 {
		switch w[len(w)-1] {
		case 'y':
			if hasVowel(w[:len(w)-1]) {
				w = w[:len(w)-1] + "i"
			}
		case 'e':
			w = w[:len(w)-1]
		}
	}
	return w
}

// longEed reports whether w ends in "eed" after at least two letters
// ("agreed", "proceed", "speed"), where the d is taken off so the verb
// meets its forms in -ee; "need", "feed", "seed" are left whole.
func longEed(w string) bool { return len(w) >= 5 && strings.HasSuffix(w, "eed") }

// undouble turns "stopp" (from "stopped") into "stop"; l, s and z are kept
// double ("called", "passed", "buzzed") as in English spelling.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !IsVowel(w[n-1]) && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' {
		return w[:n-1]
	}
	return w
}

// IsASCIILetters reports whether w is lower-case ASCII letters only
// (true for "").
func IsASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// IsVowel reports whether c is a lower-case vowel letter (a, e, i, o, u).
func IsVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func hasVowel(w string) bool {
	for i := 0; i < len(w); i++ {
		if IsVowel(w[i]) || (i > 0 && w[i] == 'y') {
			return true
		}
	}
	return false
}

// aliases map abbreviations and irregular forms to the word they stand
// for, so "Nov. 7" meets "November 7" and "took place" meets "take place".
// Months map to their full name (the direction the index always used; the
// extractive scorer's own stemmer mapped them the other way, which made
// "November" one term in the index and another in the scorer). The month
// abbreviations come from the month table, so the two cannot disagree.
var aliases = func() map[string]string {
	m := map[string]string{
		"took": "take", "taken": "take", "said": "say", "says": "say", "told": "tell", "met": "meet",
		"held": "hold", "gave": "give", "given": "give", "spoke": "speak", "spoken": "speak", "made": "make",
		"went": "go", "gone": "go", "came": "come", "left": "leave", "brought": "bring", "sought": "seek",
		"thought": "think", "began": "begin", "begun": "begin", "fought": "fight", "won": "win",
		"lost": "lose", "chose": "choose", "chosen": "choose", "wrote": "write", "written": "write",
		"knew": "know", "known": "know", "saw": "see", "seen": "see", "became": "become", "sent": "send",
		"kept": "keep", "led": "lead", "paid": "pay", "sold": "sell", "struck": "strike", "stood": "stand",
		"understood": "understand", "withdrew": "withdraw", "withdrawn": "withdraw", "fled": "flee",
		"killed": "kill", "dead": "death", "died": "death",
		// Irregular plurals: "34 children" counts what "how many kids"
		// asks, through the thesaurus's "child".
		"children": "child", "women": "woman", "men": "man",
		// Their possessives as Words writes them ("women's" → "womens").
		"childrens": "child", "womens": "woman", "mens": "man",
	}
	for abbr, mon := range monthWords {
		if full := monthNames[mon-1]; abbr != full {
			m[abbr] = full
		}
	}
	return m
}()

// DemonymPlaces returns the stems (as Stem makes them) that the place a
// demonym names may have, for a lower-case word w as Words writes it:
// "iranians" → "iran", "chinese" → "china", "korean" → "korea",
// "israeli" → "israel", "haitian" → "haiti". They are guesses made from
// the English suffixes alone ("civilian" → "civil" among them): a caller
// keeps only those its record holds and writes as names. Stem already
// makes most demonyms in -ian meet their place ("armenian" → "armenia");
// these are the others. A place's own name gets none: the record names
// a place's demonym less often than the place, and a question naming the
// place is about it.
func DemonymPlaces(w string) []string {
	if len(w) < 4 || !IsASCIILetters(w) {
		return nil
	}
	own := Stem(w)
	var out []string
	add := func(forms ...string) {
		for _, f := range forms {
			if s := Stem(f); len(s) >= 4 && s != own && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	d := strings.TrimSuffix(w, "s")
	switch {
	case strings.HasSuffix(d, "ese"):
		b := d[:len(d)-3]
		add(b, b+"a")
	case strings.HasSuffix(d, "ian"):
		if b := d[:len(d)-3]; !strings.HasSuffix(b, "ic") { // not "musician"
			add(b, b+"e", b+"a", b+"i", b+"y", b+"ium") // "belgian" → "belgium"
		}
	case strings.HasSuffix(d, "an"), strings.HasSuffix(d, "i"):
		add(d[:len(d)-1])
	}
	return out
}
