package text

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/internal/typo"
)

// LabelAt reads the speaker label that opens a transcript turn at the line
// starting at byte i of text: "MR. KIRBY: ", "MS. JEAN-PIERRE: ", "THE
// PRESIDENT: ", and the reporter's "Q " or "Q: ". It returns the label as
// written, without its colon ("MR. KIRBY", "Q"), and the offset where the
// spoken words start (after the colon and the spaces). ok is false when
// the line opens no label; an upper-case heading ending in a colon is a
// label here, IsTurnLabel tells them apart. A byte scan, not a multi-line
// regular expression: it runs on every line of the record.
//
// The extractive composer's own pattern also took "Q." and a label
// followed by a line break; the record writes neither, and "Q." opens
// list items, so the corpus's stricter reading is the one kept.
func LabelAt(text string, i int) (label string, body int, ok bool) {
	if strings.HasPrefix(text[i:], "Q ") || strings.HasPrefix(text[i:], "Q: ") {
		return "Q", skipBlanks(text, i+1+strings.IndexByte(text[i:], ' ')), true
	}
	j := i
	for j < len(text) && j-i <= 50 {
		c := text[j]
		switch {
		case c >= 'A' && c <= 'Z', c == '.', c == '\'', c == '-', c == ' ':
			j++
			continue
		case strings.HasPrefix(text[j:], "’"):
			j += len("’")
			continue
		case c >= utf8.RuneSelf:
			// A name's letters beyond ASCII, in upper case: "PRESIDENT
			// LOURENÇO", "MR. FERNÁNDEZ HERNÁNDEZ" (some 200 turns of
			// the White House record, which read as the previous
			// speaker's words before).
			if r, n := utf8.DecodeRuneInString(text[j:]); unicode.IsUpper(r) {
				j += n
				continue
			}
		case c == ':':
			if j+2 < len(text) && text[j+1] == ' ' && text[j+2] != ' ' && text[j+2] != '\n' && j > i && upperAt(text, i) && text[j-1] != ' ' {
				return text[i:j], j + 2, true
			}
		}
		return "", 0, false
	}
	return "", 0, false
}

// upperAt reports whether text holds an upper-case letter at byte i.
func upperAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsUpper(r)
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// genericLabels are turn labels that name a role, not a person.
var genericLabels = map[string]bool{}

func init() {
	for _, l := range []string{
		"MODERATOR", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS", "PARTICIPANT", "PARTICIPANTS",
		"OPERATOR", "AIDE", "CHILD", "CHILDREN", "STAFF", "REPORTER", "REPORTERS", "CROWD",
		"SENIOR ADMINISTRATION OFFICIAL", "ADMINISTRATION OFFICIAL", "SENIOR OFFICIAL", "OFFICIAL",
		"STUDENT", "STUDENTS", "VOICE", "VOICES", "NARRATOR", "ANNOUNCER", "SPEAKER", "INTERPRETER",
		"PROTESTER", "PROTESTERS", "Q", "TRANSLATOR",
	} {
		genericLabels[l] = true
	}
}

// IsGenericLabel reports whether a transcript label (upper case, as
// LabelAt returns it) names a role rather than a person: "Q",
// "MODERATOR", "OPERATOR", "SENIOR ADMINISTRATION OFFICIAL", or an
// unnamed person by a role ("MILITARY AIDE", "SENIOR ADMINISTRATION
// OFFICIAL ONE").
func IsGenericLabel(label string) bool {
	if genericLabels[label] {
		return true
	}
	// An unnamed person of some office or country ("MILITARY AIDE",
	// "ZAMBIAN OFFICIAL", "LOCAL LAW ENFORCEMENT OFFICIAL", "AIR FORCE
	// ONE CREW MEMBER"), or one of several ("SENIOR ADMINISTRATION
	// OFFICIAL ONE"): a role too.
	words := strings.Fields(label)
	if n := len(words); n >= 2 && roleNumbers[words[n-1]] {
		if base := strings.Join(words[:n-1], " "); genericLabels[base] && base != "Q" {
			return true
		}
		words = words[:n-1]
	}
	if len(words) < 2 || len(words) > 5 || !roleWords[words[len(words)-1]] || !hasUpperLetters(label, 2) {
		return false
	}
	for _, w := range words {
		if lw := strings.ToLower(w); IsStopword(lw) || connectors[lw] || strings.ContainsAny(w, "’'") {
			return false
		}
	}
	return true
}

// roleWords end a label naming an unnamed person by a role
// (IsGenericLabel); roleNumbers tell several such people apart.
var (
	roleWords   = setOf(`AIDE AIDES OFFICIAL OFFICIALS MEMBER`)
	roleNumbers = setOf(`ONE TWO THREE FOUR FIVE 1 2 3 4 5 #1 #2 #3 #4 #5`)
)

// genericOrder is genericLabels sorted, once.
var genericOrder = sync.OnceValue(func() []string { return slices.Sorted(maps.Keys(genericLabels)) })

// GenericLabelTypo returns the role label of two words or more
// (IsGenericLabel) that a label misspells in one word ("SENIOR
// ADMINISTRATION OFFICAL", "SENIOR ADMINISTRATION OFFIAL": at most two
// edits, typo.Suggest's), "" when it misspells none.
func GenericLabelTypo(label string) string {
	if genericLabels[label] {
		return ""
	}
	words := strings.Fields(label)
	// In order, so that a label as near two roles ("AUDIENCE MEMBRS":
	// "AUDIENCE MEMBER", "AUDIENCE MEMBERS") always reads as the same.
	for _, g := range genericOrder() {
		gw := strings.Fields(g)
		if len(gw) != len(words) || len(gw) < 2 || g == label {
			// Not a role of one word: a surname two edits from it is
			// someone ("SPENCER", "PORTER").
			continue
		}
		off := 0
		for k := range words {
			if words[k] != gw[k] {
				off++
				if len(gw[k]) < 6 || typo.Suggest(words[k], gw[k:k+1]) == "" {
					off = 2
				}
			}
		}
		if off == 1 {
			return g
		}
	}
	return ""
}

// honorifics stand before a surname and carry no title of their own.
var honorifics = setOf(`MR MS MRS DR MISS MX`)

// IsHonorific reports whether w is an honorific that stands before a
// surname, in any case, with or without its period: "MR." (a transcript
// label's), "Ms.", "dr". The question reader and the transcript parser
// used to keep a list each.
func IsHonorific(w string) bool { return honorifics[strings.ToUpper(strings.TrimSuffix(w, "."))] }

// nameParticles open a surname of several words and are written in lower
// case within a name: "Ursula von der Leyen", "Mohamed bin Zayed Al
// Nahyan", "Luiz Inácio Lula da Silva".
var nameParticles = setOf(`von van der den de da das dos del della di du la le bin ibn ben al el ter ten zu`)

// IsNameParticle reports whether w, exactly as written (lower case), is a
// particle opening a surname (nameParticles).
func IsNameParticle(w string) bool { return nameParticles[w] }

// IsTurnLabel tells a speaker label from an upper-case heading that ends in
// a colon ("SECURING THE GRID: …" in a fact sheet): "Q", a role
// ("MODERATOR"), an honorific and surname ("MR. KIRBY"), "THE PRESIDENT",
// or title words and a surname ("SECRETARY MAYORKAS", "VICE PRESIDENT
// HARRIS").
func IsTurnLabel(label string) bool {
	if IsGenericLabel(label) {
		return true
	}
	if !hasUpperLetters(label, 2) {
		return false
	}
	words := strings.Fields(label)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if IsHonorific(words[0]) {
		return len(words) <= 3
	}
	if words[0] == "THE" {
		return len(words) <= 4
	}
	titled := LabelTitleWords(label)
	switch rest := words[titled:]; {
	case titled == 0:
		return false
	case len(rest) == 1:
		return true
	case len(rest) == 2:
		for _, w := range rest {
			lw := strings.ToLower(w)
			if titleWords[lw] || connectors[lw] || IsStopword(lw) || strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "'s") {
				return false
			}
		}
		return true
	case len(rest) <= 4 && nameParticles[strings.ToLower(rest[0])]:
		// A surname opening with a particle: "PRESIDENT VON DER LEYEN",
		// "PRESIDENT BIN ZAYED AL NAHYAN".
		last := strings.ToLower(rest[len(rest)-1])
		return !titleWords[last] && !connectors[last] && !IsStopword(last)
	}
	return false
}

// LabelTitleWords is how many words open a speaker label (as LabelAt
// returns it) with a title, before the surname: 1 for "SECRETARY
// MAYORKAS", 2 for "SECRETARY GENERAL RUTTE", 1 for "PRESIDENT LÓPEZ
// OBRADOR" and "GOVERNOR LUJAN GRISHAM", whose surname is two words (some
// 60 turns of the White House record, none of its headings). The last
// word is never counted.
func LabelTitleWords(label string) int {
	words := strings.Fields(label)
	titled := 0
	for titled < len(words)-1 {
		lw := strings.ToLower(words[titled])
		if labelTitlesBefore[lw] && labelTitle(strings.ToLower(words[titled+1])) {
			titled++ // "MAJOR GENERAL", "SECOND GENTLEMAN"
			continue
		}
		if !labelTitle(lw) || connectors[lw] {
			break
		}
		titled++
	}
	return titled
}

// IsAddressTitle reports whether w (lower case) is a word one addresses a
// person by before the surname and never a given name: a title only
// labels use (labelTitles) but "amir", a given name too (Amir Ohana), or
// "doctor(s)": "Doctors Fauci and Walensky" names no one called Doctors,
// "Coach Hurley" no one called Coach.
func IsAddressTitle(w string) bool {
	return labelTitles[w] && w != "amir" || doctorWords[w]
}

// doctorWords address a doctor before the surname.
var doctorWords = setOf(`doctor doctors drs drs.`)

// labelTitle reports whether w (lower case) is a title word of a speaker
// label: a title word (hyphenedTitleWord) or one of labelTitles.
func labelTitle(w string) bool { return hyphenedTitleWord(w) || labelTitles[w] }

// labelTitles open a transcript's speaker label as a title ("SURGEON
// GENERAL MURTHY", "TAOISEACH VARADKAR", "COACH KERR", "RABBI …"),
// though elsewhere they are words of any sentence, not titles a question
// or a text names a person by; labelTitlesBefore are such words only
// before another title word ("MAJOR GENERAL", "LIEUTENANT COMMANDER",
// "SECOND GENTLEMAN"; "MAJOR ACCOMPLISHMENTS:" is a heading). Measured over the White House record
// (every upper-case line opening "…:" that was no label, counted): some
// 150 turns of surgeons general, a taoiseach, coaches, clergy, generals
// and an amir had been read as the words of the speaker before them.
var (
	labelTitles       = setOf(`surgeon taoiseach coach rabbi reverend father pastor bishop cardinal imam amir commander sergeant brigadier gentleman`)
	labelTitlesBefore = setOf(`major lieutenant second`)
)

// hyphenedTitleWord reports a title word, or title words joined by
// hyphens ("director-general", "secretary-general").
func hyphenedTitleWord(w string) bool {
	if titleWords[w] {
		return true
	}
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !titleWords[p] {
			return false
		}
	}
	return true
}

// hasUpperLetters reports at least n upper-case letters in s.
func hasUpperLetters(s string, n int) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			n--
		}
	}
	return n <= 0
}
