package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// turn is the start of one speaker's turn in a transcript.
type turn struct {
	at    int    // byte offset of the label in Document.Text
	label string // the label as written ("MR. KIRBY")
}

// findTurns lists the transcript turns of src; fewer than two labelled
// turns mean the text is not a transcript.
func findTurns(src string) []turn {
	turns, people := labelLines(src)
	if people < 2 {
		return nil
	}
	return turns
}

// labelLines lists the turn labels that open lines of src, a reporter's
// "Q" among them, and how many of them are people's.
func labelLines(src string) (turns []turn, people int) {
	var glued []turn
	asked := false
	for i := 0; i < len(src); {
		if label, _, ok := text.LabelAt(src, i); ok {
			if label == "Q" {
				turns = append(turns, turn{at: i, label: label})
				asked = true
			} else if text.IsTurnLabel(label) {
				if g := text.GenericLabelTypo(label); g != "" {
					label = g // "SENIOR ADMINISTRATION OFFICAL", read as the role throughout
				}
				turns = append(turns, turn{at: i, label: label})
				people++
			}
		} else if w := gluedQuestion(src[i:]); w != "" && !midLine(src, w) {
			// A word the text writes inside a line too ("QAnon") is its own.
			glued = append(glued, turn{at: i, label: "Q"})
		}
		k := strings.IndexByte(src[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
	}
	if asked && len(glued) > 0 {
		turns = append(turns, glued...)
		slices.SortFunc(turns, func(a, b turn) int { return a.at - b.at })
	}
	return turns, people
}

// midLine reports whether w occurs in src other than at a line's start.
func midLine(src, w string) bool {
	n := strings.Count(src, w) - strings.Count(src, "\n"+w)
	if strings.HasPrefix(src, w) {
		n--
	}
	return n > 0
}

// gluedQuestion returns the word that opens a line with a reporter's "Q"
// whose space was lost before a capitalised word ("QThanks" of "QThanks.
// Just to go back to bird flu.", "QAnd then on Ukraine.": six lines of
// the White House record, which labelLines takes in a transcript that
// has other "Q" turns), "" when the line opens otherwise. "QUAD", "QTS"
// and "Qatar" are not so written.
func gluedQuestion(line string) string {
	if len(line) < 3 || line[0] != 'Q' || line[1] < 'A' || line[1] > 'Z' || line[2] < 'a' || line[2] > 'z' {
		return ""
	}
	end := 2
	for end < len(line) && line[end] >= 'a' && line[end] <= 'z' {
		end++
	}
	return line[:end]
}

// turnSpeaker resolves a label to the person's name and title, using the
// document's title line ("Press Briefing by Press Secretary Karine
// Jean-Pierre and NSC Coordinator for Strategic Communications John Kirby")
// and its text. generic is true for role labels and "Q".
func turnSpeaker(label, docTitle, body string) (sp Speaker, generic bool) {
	if text.IsGenericLabel(label) {
		return Speaker{Name: roleName(label, docTitle+"\n"+body)}, true
	}
	if g := text.GenericLabelTypo(label); g != "" {
		return Speaker{Name: titleCase(g)}, true // "SENIOR ADMINISTRATION OFFICAL"
	}
	words := strings.Fields(label)
	if lw := words[len(words)-1]; words[0] != "THE" && (text.IsGenericLabel(lw) || text.IsTitleWord(strings.ToLower(lw))) {
		return Speaker{Name: titleCase(label)}, true // "WHITE HOUSE AIDE"
	}
	var roleWords []string
	var surname string
	switch {
	case len(words) >= 2 && words[0] == "THE":
		// "THE PRESIDENT", "THE VICE PRESIDENT", "THE FIRST LADY": find
		// "President Biden" in the title line.
		role := titleCase(strings.Join(words[1:], " "))
		if name, title := roleHolder(docTitle, role); name != "" {
			if !strings.Contains(name, " ") {
				// "President Biden": complete the name from the text.
				if full := nameWithRole(docTitle+"\n"+body, name, role); full != "" {
					name = full
				}
			}
			return Speaker{Name: name, Title: title}, false
		}
		return Speaker{Name: "The " + role}, false
	case text.IsHonorific(words[0]) && len(words) >= 2:
		surname = strings.Join(words[1:], " ")
	default:
		k := text.LabelTitleWords(label)
		if k < len(words)-1 {
			// A surname of two words, unless its first is a title
			// misspelt ("ACTING ADMINSTRATOR SLAVITT"): read with the
			// last word alone when the text names no one so.
			role := titleCase(strings.Join(words[:k], " "))
			two := strings.Join(words[k:], " ")
			if sp, ok := surnameSpeaker(two, role, docTitle, body); ok {
				return sp, false
			}
			if sp, ok := surnameSpeaker(words[len(words)-1], role, docTitle, body); ok {
				return sp, false
			}
			// The two words written as a name anywhere but in the labels
			// themselves ("President Al Sisi" of the title).
			if strings.Contains(text.NameKey(docTitle+"\n"+strings.ReplaceAll(body, label+":", "")), text.NameKey(two)) {
				return Speaker{Name: titleCase(two), Title: role}, false
			}
			// The text never writes the two words as a name ("ACTING
			// ADMINISTRATION SLAVITT"): the last is the surname, unless
			// a particle opens the surname ("FATHER VAN ALSTYNE").
			if !text.IsNameParticle(strings.ToLower(words[k])) {
				k = len(words) - 1
			}
		}
		surname = strings.Join(words[k:], " ")
		roleWords = words[:k]
	}
	role := titleCase(strings.Join(roleWords, " "))
	if sp, ok := surnameSpeaker(surname, role, docTitle, body); ok {
		return sp, false
	}
	return Speaker{Name: titleCase(surname), Title: role}, false
}

// surnameSpeaker finds the person a label's surname and role name in the
// document's title line or text (nameForSurname).
func surnameSpeaker(surname, role, docTitle, body string) (Speaker, bool) {
	for _, src := range []string{docTitle, body} {
		if name, title := nameForSurname(src, surname, role != ""); name != "" {
			if title == "" {
				title = role
			}
			return Speaker{Name: name, Title: title}, true
		}
	}
	return Speaker{}, false
}

// roleHolder finds "<role> <Name>" in s ("President Biden", "Vice President
// Harris") and returns the full name when the text gives one.
func roleHolder(s, role string) (string, string) {
	i := strings.Index(s, role+" ")
	for i >= 0 {
		// "President" must not be the tail of "Vice President".
		if role == "President" && i >= 5 && s[i-5:i] == "Vice " {
			j := strings.Index(s[i+1:], role+" ")
			if j < 0 {
				return "", ""
			}
			i += 1 + j
			continue
		}
		toks := tokensAfter(s, i+len(role), 4)
		var name []string
		for _, t := range toks {
			w := strings.TrimRight(t.s, closers+".")
			if lw := strings.ToLower(w); !isNameWord(w) && !isInitial(t.s) || titleStops[lw] || lw == "and" {
				// "Press Gaggle by President Trump Aboard Air Force One":
				// a heading in title case goes on after the name.
				// Measured over the White House record (turns dumped
				// before and after, main 28a8b6d): 121 turns of 9
				// documents, each a name with a heading's words gone
				// ("Trump Aboard Air Force" in 106, "Joe Biden Ahead").
				break
			}
			name = append(name, w)
			if w != t.s && !isInitial(t.s) {
				break
			}
		}
		if len(name) == 0 {
			return "", ""
		}
		return strings.Join(name, " "), role
	}
	return "", ""
}

// nameWithRole finds the full name of the holder of role ("President Joe
// Biden" for "Biden"), ignoring namesakes with other titles ("First Lady
// Jill Biden").
func nameWithRole(s, surname, role string) string {
	lower := text.LowerInPlace(s)
	off := 0
	for n := 0; n < 100; n++ {
		i := strings.Index(s[off:], role+" ")
		if i < 0 {
			return ""
		}
		i += off
		off = i + len(role)
		if role == "President" && i >= 5 && lower[i-5:i] == "vice " {
			continue
		}
		toks := tokensAfter(s, off, 4)
		var name []string
		for _, t := range toks {
			w := strings.TrimRight(t.s, closers+".")
			if isInitial(t.s) {
				name = append(name, t.s)
				continue
			}
			if !isNameWord(w) {
				break
			}
			name = append(name, w)
			if w == surname {
				if len(name) >= 2 {
					return asciiApostrophes(strings.Join(name, " "))
				}
				break
			}
			if w != t.s {
				break
			}
		}
	}
	return ""
}

// nameForSurname finds a full name ending in the upper-case surname of a
// label ("KIRBY" → "John Kirby") in s, with the title before it. For a
// label holding a title (titled: "PRESIDENT BIDEN"), a name after an
// honorific is a namesake's ("My wife, Dr. Jill Biden"), not the
// speaker's: it is passed over. Measured over the White House record
// (every document's turns dumped before and after, main 4404579): 22
// turns of 10 documents change, each a namesake gone: "PRESIDENT BIDEN"
// was Jill Biden in 20 turns, "VICE PRESIDENT HARRIS" Shyamala Harris in
// 2; they are now "Biden, President" and "Harris, Vice President".
func nameForSurname(s, surname string, titled bool) (string, string) {
	// Compare case-insensitively but return the text's spelling, at the
	// same offsets.
	lower := text.LowerInPlace(s)
	ls := text.LowerInPlace(surname)
	// A surname of two words ("Lujan Grisham") ends in its last.
	last := ls[strings.LastIndexByte(ls, ' ')+1:]
	off := 0
	for n := 0; n < 100; n++ {
		i := strings.Index(lower[off:], ls)
		if i < 0 {
			break
		}
		i += off
		off = i + len(ls)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) {
				continue
			}
		}
		if off < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[off:]); unicode.IsLetter(r) {
				continue
			}
		}
		ls0 := lineStart(s, i, 300)
		seg := s[ls0:off]
		toks := tokensBefore(seg, len(seg), 16)
		if len(toks) == 0 || text.LowerInPlace(toks[0].s) != last || !isNameWord(toks[0].s) {
			continue
		}
		// A surname of two words ("López Obrador") is read from its first
		// word back to the given names ("Andrés Manuel"), and its others
		// follow them.
		tail := strings.Count(ls, " ")
		if tail >= len(toks) {
			continue
		}
		var name []string
		var used int
		if tail > 0 && text.IsNameParticle(toks[tail].s) {
			// A surname opening with a particle the text writes in lower
			// case ("Ursula von der Leyen", "Mohamed bin Zayed Al
			// Nahyan"): the given names stand before the particle, and
			// the whole surname follows them.
			given, n := nameBefore(toks[tail+1:])
			if len(given) == 0 {
				continue
			}
			name, used = append(given, toks[tail].s), n+1
		} else {
			name, used = nameBefore(toks[tail:])
			if len(name) < 2 {
				continue
			}
		}
		for k := tail - 1; k >= 0; k-- {
			name = append(name, strings.TrimRight(toks[k].s, closers+"."))
		}
		used += tail
		if titled && used < len(toks) && honorificWord(toks[used].s) {
			continue
		}
		return asciiApostrophes(strings.Join(name, " ")), titleBefore(toks[used:])
	}
	return "", ""
}

// honorificWord reports whether w is an honorific as a text writes one
// before a name: capitalised ("Dr.", "Mrs."; "we will miss Andy Slavitt"
// has none).
func honorificWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && text.IsHonorific(w)
}

// roleName writes a role label in title case, but for the short words
// the document's prose writes in capitals ("FBI OFFICIAL" → "FBI
// Official" where the text says "the FBI"; "WHITE HOUSE AIDE" stays
// "White House Aide" though other labels write "WHITE").
func roleName(label, doc string) string {
	words := strings.Fields(titleCase(label))
	for k, w := range strings.Fields(label) {
		if len(w) <= 5 && inProse(doc, w) {
			words[k] = w
		}
	}
	return strings.Join(words, " ")
}

// inProse reports whether s writes w, as a word, beside a word in lower
// case.
func inProse(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		i = j + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(before) || unicode.IsLetter(after) || after == ':' {
			continue // within a word, or a label
		}
		// The words beside it on its line.
		from, to := max(0, j-30), min(len(s), i+30)
		if k := strings.LastIndexByte(s[from:j], '\n'); k >= 0 {
			from += k + 1
		}
		if k := strings.IndexByte(s[i:to], '\n'); k >= 0 {
			to = i + k
		}
		prev := strings.Fields(s[from:j])
		next := strings.Fields(s[i:to])
		if len(prev) > 0 && hasLower(prev[len(prev)-1]) || len(next) > 0 && hasLower(next[0]) {
			return true
		}
	}
}

// hasLower reports whether w holds a lower-case letter.
func hasLower(w string) bool {
	return strings.IndexFunc(w, unicode.IsLower) >= 0
}

// titleCase writes an upper-case label in title case ("JEAN-PIERRE" →
// "Jean-Pierre", "SENIOR ADMINISTRATION OFFICIAL" → "Senior Administration
// Official"); a regnal number after a name stays as written ("KING
// FELIPE VI" → "King Felipe VI"; "PRESIDENT XI" → "Xi").
func titleCase(s string) string {
	words := strings.Split(s, " ")
	for k, w := range words {
		if k > 0 && text.IsRegnalNumber(w) {
			continue
		}
		b := []rune(strings.ToLower(w))
		up := true
		for i, r := range b {
			if up && unicode.IsLetter(r) {
				b[i] = unicode.ToUpper(r)
			}
			up = r == '-' || r == '.'
		}
		words[k] = string(b)
	}
	return strings.Join(words, " ")
}
