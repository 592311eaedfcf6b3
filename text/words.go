package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TermsVersion numbers the way Words and Terms read text. It changes when
// a text's terms change (its words, the stopwords, Stem), so that an index
// holding the terms of another version is rebuilt rather than searched
// with terms it does not hold. 7: a possessive's term is its word's
// ("Haiti’s", "EU’s" → "haiti", "eu": possessiveAt); 6: the indefinite
// pronouns ("someone's", "something") are stopwords; 5: "wording" is a
// stopword; 4: "though", "although" and hedging adverbs ("actually",
// "somehow") are stopwords; 3: irregular plurals meet their singular
// ("children" → "child"); 2: the contractions of function words are
// stopwords ("there'd", "it'll"); 1: initialisms are words ("U.S." →
// "usa", "K-9" → "k9"); 0: before.
const TermsVersion = 7

// Words splits text into lowercase words of Unicode letters and digits,
// with diacritics folded ("Élysée" → "elysee"), apostrophes inside a word
// dropped ("Armenia’s" → "armenias"; with the "s" of a possessive whose
// term would not be its word's: "Haiti’s" → "haiti", see possessiveAt),
// and digit groups joined across separators ("84,770" → "84770"). An
// initialism is one word, dotted
// ("D.C." → "dc") or a letter hyphenated to its number ("K-9" → "k9",
// written so as often as "K9"), and the United States is "usa" however
// it is written ("U.S.", "US", "the us": namesUS), apart from the pronoun
// "us". Other single letters are dropped: they are initials and list
// markers, not content.
func Words(text string) []string {
	var out []string
	EachWord(text, func(w string) { out = append(out, w) })
	return out
}

// Terms returns the informative terms of text: Words without stopwords,
// each reduced by Stem. The lexical index, the builtin embedder, the
// relevance check and the extractive scorer all use it, so a query term
// matches exactly the passages that contain it.
func Terms(text string) []string {
	var out []string
	EachWord(text, func(w string) {
		if IsStopword(w) {
			return
		}
		out = append(out, Stem(w))
	})
	return out
}

// TermSet returns the set of Terms of text.
func TermSet(text string) map[string]bool {
	out := map[string]bool{}
	EachWord(text, func(w string) {
		if !IsStopword(w) {
			out[Stem(w)] = true
		}
	})
	return out
}

// EachWord calls fn for each word of text, as Words splits it, without
// building a slice. The string passed to fn is freshly allocated and may
// be retained.
func EachWord(text string, fn func(string)) {
	scan(text, false, func(w string, _, _ int) { fn(w) })
}

// EachWordBytes calls fn for each word of text as EachWord splits it,
// without allocating: word is valid only during the call (a map lookup
// with string(word) does not allocate). For code that looks up every word
// of many passages, such as an embedder.
func EachWordBytes(text string, fn func(word []byte)) {
	scanBytes(text, false, func(w []byte, _, _ int) { fn(w) })
}

// Token is a word of a text with its byte range in that text.
type Token struct {
	// Word is the word as Words writes it (lowercase, folded, apostrophes
	// and digit separators dropped).
	Word string
	// Start and End are the byte range of the word in the text, including
	// any apostrophe or digit separator inside it.
	Start, End int
}

// Tokens splits text as Words does, but keeps single letters ("a", "I")
// and gives each word's byte range, for code that must point back into the
// text (quotation repair, names in a question).
func Tokens(text string) []Token {
	var out []Token
	scan(text, true, func(w string, start, end int) { out = append(out, Token{w, start, end}) })
	return out
}

// ScanTokens calls fn for each word of text as Tokens splits it, with its
// byte range, without allocating: word is valid only during the call (a
// caller that keeps it copies it; a map lookup with string(word) does not
// allocate). For code that looks up every word of many passages.
func ScanTokens(text string, fn func(word []byte, start, end int)) {
	scanBytes(text, true, fn)
}

// scan calls fn for each word of text with its byte range; single letters
// are passed only with singles.
func scan(text string, singles bool, fn func(w string, start, end int)) {
	scanBytes(text, singles, func(w []byte, start, end int) { fn(string(w), start, end) })
}

// scanBytes is scan passing the word's bytes, valid during the call.
func scanBytes(text string, singles bool, fn func(w []byte, start, end int)) {
	var buf []byte
	start, end := -1, -1
	flush := func() {
		if len(buf) == 0 {
			start = -1
			return
		}
		if string(buf) == "us" && namesUS(text, start, end) {
			buf = append(buf, 'a')
		}
		if singles || len(buf) > 1 || (buf[0] >= '0' && buf[0] <= '9') {
			fn(buf, start, end)
		}
		buf = buf[:0]
		start = -1
	}
	for i := 0; i < len(text); {
		c := text[i]
		// ASCII fast path: most of the record is ASCII.
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if start < 0 {
					start = i
				}
				buf = append(buf, c)
				end = i + 1
			case c >= 'A' && c <= 'Z':
				if start < 0 {
					start = i
				}
				buf = append(buf, c+'a'-'A')
				end = i + 1
			case c == '\'' && len(buf) > 0 && i+1 < len(text) && isLetterAt(text, i+1):
				// apostrophe inside a word: drop it, keep the word whole
				if possessiveAt(text, i+1, buf) {
					i += 2
					end = i
					continue
				}
			case (c == ',' || c == '.') && len(buf) > 0 && isDigit(buf[len(buf)-1]) &&
				i+1 < len(text) && isDigit(text[i+1]):
				// digit group separator or decimal point: "84,770", "2.5"
			case c == '.' && initialAt(text, i-1) && i+1 < len(text) && initialAt(text, i+1):
				// a dotted initialism is one word: "U.S." is "us" as
				// "US" is, "D.C." is "dc"
			case c == '-' && initialAt(text, i-1) && i+1 < len(text) && isDigit(text[i+1]):
				// a letter hyphenated to its number is one word, as
				// written without the hyphen: "K-9" is "k9", "G-7"
				// "g7", "F-16s" "f16s"
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
			} else if possessiveAt(text, i+size, buf) {
				i += size + 1
				end = i
				continue
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
			buf = appendFolded(buf, r)
			end = i + size
		default:
			flush()
		}
		i += size
	}
	flush()
}

// possessiveAt reports whether text[i], after an apostrophe inside the
// word buf, is the "s" of a possessive that Stem would not take off as
// it takes off a plural's: "Haiti’s", "Texas’s", "Peru’s" and the short
// "Xi’s", "EU’s" would be the terms "haitis", "texass", "perus", "xis"
// and "eus", no term of "Haiti", "Texas", "Peru", "Xi" or "EU". Such an
// "s" is dropped with the apostrophe. A contraction keeps it ("it’s" is
// "its", "let’s" "lets": Contraction), and so do a possessive whose term
// is the word's anyway ("Armenia’s" is "armenias", whose term is
// "armenia") and a decade ("the 1990’s" is "1990s", no year).
func possessiveAt(text string, i int, buf []byte) bool {
	if i >= len(text) || text[i] != 's' && text[i] != 'S' {
		return false
	}
	if j := i + 1; j < len(text) && (isLetterAt(text, j) || isDigit(text[j])) {
		return false
	}
	w := string(buf)
	if IsDecade(w + "s") {
		return false // "the 1990’s", "the 90's": "1990s"
	}
	return !IsContraction(w+"s") && Stem(w+"s") != Stem(w)
}

// IsDecade reports whether w, as Words writes it, is a decade: digits and
// an "s" ("1990s", "90s", written so or "the 1990’s").
func IsDecade(w string) bool {
	d, ok := strings.CutSuffix(w, "s")
	return ok && strings.Trim(d, "0123456789") == ""
}

// possessiveEnds are the ways a possessive "’s" is written.
var possessiveEnds = []string{"'s", "’s", "ʼs", "'S", "’S", "ʼS"}

// Possessor returns the word of tk, a token of src, without its
// possessive "’s": "Price’s" is "price" (Words writes "prices"),
// "Harris’s" and "Haiti’s" are "harris" and "haiti" (Words writes them
// so, possessiveAt); a decade ("the 1990’s") and a word with no
// possessive are their word.
func Possessor(src string, tk Token) string {
	raw := src[tk.Start:tk.End]
	if IsDecade(tk.Word) {
		return tk.Word // "the 1990’s"
	}
	for _, p := range possessiveEnds {
		if base, ok := strings.CutSuffix(raw, p); ok {
			if ws := Words(base); len(ws) == 1 && ws[0] == tk.Word {
				return tk.Word // its "s" was dropped with the apostrophe
			}
			return strings.TrimSuffix(tk.Word, "s")
		}
	}
	return tk.Word
}

// namesUS reports whether the word "us" at text[start:end] is the
// country, not the pronoun: written "U.S.", "u.s." or "US", or after
// "the" ("did the us sanction them", as a question is typed).
func namesUS(text string, start, end int) bool {
	w := text[start:end]
	for _, p := range possessiveEnds {
		w = strings.TrimSuffix(w, p) // "US’s" (possessiveAt)
	}
	if w == "US" || strings.Contains(w, ".") {
		return true
	}
	before := strings.TrimRightFunc(text[:start], unicode.IsSpace)
	return len(before) >= 3 && strings.EqualFold(before[len(before)-3:], "the") &&
		(len(before) == 3 || !isLetterAt(before, len(before)-4))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// initialAt reports whether text[i] is an ASCII letter standing alone
// between dots or word boundaries, as the letters of "U.S." and "D.C."
// do: no letter or digit touches it but across a dot.
func initialAt(text string, i int) bool {
	if i < 0 || i >= len(text) || !isASCIILetter(text[i]) {
		return false
	}
	alone := func(j int) bool {
		return j < 0 || j >= len(text) || text[j] == '.' || !(isASCIILetter(text[j]) || isDigit(text[j]) || text[j] >= utf8.RuneSelf)
	}
	return alone(i-1) && alone(i+1)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isLetterAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c)
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

// DropFormat removes the invisible format characters of s (Unicode
// category Cf: zero-width spaces and joiners, soft hyphens, byte-order
// marks, bidirectional overrides such as U+202E): pasted into a word they
// split it or disguise it ("de\u202efend" is "defend"), and printed back
// they reorder what a reader sees.
func DropFormat(s string) string {
	if !strings.ContainsFunc(s, isFormat) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFormat(r) {
			return -1
		}
		return r
	}, s)
}

func isFormat(r rune) bool { return r >= 0xad && unicode.Is(unicode.Cf, r) }

// setOf builds a lookup set of the white-space separated words of list.
func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// NameKey is a name as names are compared: its Tokens' words, lower case
// and folded, apostrophes inside a word dropped, joined by single spaces
// ("O’Brien" and "O'Brien" → "obrien", "Jean-Pierre" → "jean pierre").
// A speaker filter and the speaker lists it is matched against both use
// it, so a name written with a curly apostrophe, a hyphen or an accent on
// one side matches the other.
func NameKey(name string) string {
	var b strings.Builder
	scan(name, true, func(w string, _, _ int) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	})
	return b.String()
}
