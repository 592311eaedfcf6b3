package retrieval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The builtin embedder and the lexical index must see the same terms, so
// both go through Terms. Changing anything here changes the builtin
// embedder's vectors: bump builtinVersion in embed_builtin.go with it.

// Words splits text into lowercase words of Unicode letters and digits,
// with diacritics folded ("Élysée" → "elysee"), apostrophes inside a word
// dropped ("Armenia’s" → "armenias"), and digit groups joined across
// separators ("84,770" → "84770"). Single letters are dropped: they are
// initials and list markers, not content.
func Words(text string) []string {
	var out []string
	forEachWord(text, func(w string) { out = append(out, w) })
	return out
}

// Terms returns the informative terms of text: Words without stopwords,
// each reduced by Stem. The lexical index and the builtin embedder both use
// it, so a query term matches exactly the passages that contain it.
func Terms(text string) []string {
	var out []string
	forEachWord(text, func(w string) {
		if IsStopword(w) {
			return
		}
		out = append(out, Stem(w))
	})
	return out
}

// forEachWord calls fn for each word of text (see Words). The string passed
// to fn is freshly allocated and may be retained.
func forEachWord(text string, fn func(string)) {
	var buf []byte
	flush := func() {
		if len(buf) == 0 {
			return
		}
		if len(buf) > 1 || (buf[0] >= '0' && buf[0] <= '9') {
			fn(string(buf))
		}
		buf = buf[:0]
	}
	for i := 0; i < len(text); {
		c := text[i]
		// ASCII fast path: most of the record is ASCII.
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			case c == '\'' && len(buf) > 0 && i+1 < len(text) && isLetterAt(text, i+1):
				// apostrophe inside a word: drop it, keep the word whole
			case (c == ',' || c == '.') && len(buf) > 0 && isDigit(buf[len(buf)-1]) &&
				i+1 < len(text) && isDigit(text[i+1]):
				// digit group separator or decimal point: "84,770", "2.5"
			default:
				flush()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '’' || r == 'ʼ':
			if !(len(buf) > 0 && i+size < len(text) && isLetterAt(text, i+size)) {
				flush()
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			buf = appendFolded(buf, r)
		default:
			flush()
		}
		i += size
	}
	flush()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetterAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// appendFolded appends the lowercase, diacritic-free form of r.
func appendFolded(buf []byte, r rune) []byte {
	if unicode.Is(unicode.Mn, r) {
		return buf // combining mark: the base letter is already there
	}
	r = unicode.ToLower(r)
	if f, ok := foldTable[r]; ok {
		return append(buf, f...)
	}
	return utf8.AppendRune(buf, r)
}

// foldTable maps the accented Latin letters found in news text about the
// region (French, German, Turkish, Azerbaijani and Armenian
// transliterations) to plain ASCII.
var foldTable = func() map[rune]string {
	groups := map[string]string{
		"a":  "àáâãäåāăąǎ",
		"ae": "æ",
		"c":  "çćĉċč",
		"d":  "ďđ",
		"e":  "èéêëēĕėęěə",
		"g":  "ĝğġģ",
		"h":  "ĥħ",
		"i":  "ìíîïĩīĭįı",
		"j":  "ĵ",
		"k":  "ķ",
		"l":  "ĺļľŀł",
		"n":  "ñńņňŉ",
		"o":  "òóôõöøōŏő",
		"oe": "œ",
		"r":  "ŕŗř",
		"s":  "śŝşšș",
		"ss": "ß",
		"t":  "ţťŧț",
		"u":  "ùúûüũūŭůűų",
		"w":  "ŵ",
		"y":  "ýÿŷ",
		"z":  "źżž",
	}
	m := make(map[rune]string)
	for to, from := range groups {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// IsStopword reports whether w (a lowercase word from Words) is a function
// word too common to tell passages apart.
func IsStopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

var stopwords = func() map[string]struct{} {
	list := `a about above after again against all also am an and any are aren arent as at be
because been before being below between both but by can cannot could couldnt did didnt do does
doesnt doing dont down during each either few for from further had hadnt has hasnt have havent
having he hed hes her here heres hers herself him himself his how hows however i id ill im ive if
in into is isnt it its itself just lets me more most mustnt my myself no nor not now of off on
once only or other ought our ours ourselves out over own same shall shant she shed shell shes
should shouldnt so some such than that thats the their theirs them themselves then there theres
these they theyd theyll theyre theyve this those through to too under until up upon very was
wasnt we wed well were weve werent what whats when whens where wheres which while who whos whom
why whys will with wont would wouldnt you youd youll youre youve your yours yourself yourselves
according said says say tell told ask asked mr ms mrs dr many much quote quoted exact exactly word words whether`
	m := make(map[string]struct{})
	for _, w := range strings.Fields(list) {
		m[w] = struct{}{}
	}
	return m
}()

// Stem reduces an English word (lowercase, from Words) to a crude stem so
// that inflections meet: "missions"/"mission", "pressed"/"press",
// "displacement"/"displaced"/"displace", "countries"/"country". It is
// deliberately light: it strips inflection and a few derivational endings
// and never looks words up. Digits-only words are returned unchanged.
func Stem(w string) string {
	if full, ok := aliases[w]; ok {
		w = full
	}
	if len(w) <= 3 || !isASCIILetters(w) {
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
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 && hasVowel(w[:len(w)-len(suf)]) {
			w = w[:len(w)-len(suf)]
			if suf == "ing" || suf == "ed" || suf == "ingly" || suf == "edly" {
				w = undouble(w)
			}
			break
		}
	}
	// Demonyms meet their country: "armenians"/"armenian" → "armenia",
	// "azerbaijani" → "azerbaijan".
	switch {
	case len(w) >= 6 && strings.HasSuffix(w, "ian"):
		w = w[:len(w)-1]
		return w
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

// undouble turns "stopp" (from "stopped") into "stop"; l, s and z are kept
// double ("called", "passed", "buzzed") as in English spelling.
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !isVowel(w[n-1]) && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' {
		return w[:n-1]
	}
	return w
}

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func hasVowel(w string) bool {
	for i := 0; i < len(w); i++ {
		if isVowel(w[i]) || (i > 0 && w[i] == 'y') {
			return true
		}
	}
	return false
}

// aliases map abbreviations and irregular forms to the word they stand for,
// so "Nov. 7" meets "November 7" and "took place" meets "take place".
var aliases = map[string]string{
	"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
	"aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
	"took": "take", "taken": "take", "said": "say", "says": "say", "told": "tell", "met": "meet",
	"held": "hold", "gave": "give", "given": "give", "spoke": "speak", "spoken": "speak", "made": "make",
	"went": "go", "gone": "go", "came": "come", "left": "leave", "brought": "bring", "sought": "seek",
	"thought": "think", "began": "begin", "begun": "begin", "fought": "fight", "won": "win",
	"lost": "lose", "chose": "choose", "chosen": "choose", "wrote": "write", "written": "write",
	"knew": "know", "known": "know", "saw": "see", "seen": "see", "became": "become", "sent": "send",
	"kept": "keep", "led": "lead", "paid": "pay", "sold": "sell", "struck": "strike", "stood": "stand",
	"understood": "understand", "withdrew": "withdraw", "withdrawn": "withdraw", "fled": "flee",
	"killed": "kill", "dead": "death", "died": "death",
}
