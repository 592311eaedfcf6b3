package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelAt reads the speaker label that opens a transcript turn at the line
// starting at i: "MR. KIRBY: ", "MS. JEAN-PIERRE: ", "THE PRESIDENT: ", and
// the reporter's "Q " or "Q: ". ok is false when the line opens no turn.
// A byte scan, not a multi-line regular expression: it runs on every line
// of the record.
func labelAt(text string, i int) (label string, ok bool) {
	if strings.HasPrefix(text[i:], "Q ") || strings.HasPrefix(text[i:], "Q: ") {
		return "Q", true
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
		case c == ':':
			if j+2 < len(text) && text[j+1] == ' ' && text[j+2] != ' ' && text[j+2] != '\n' && j > i && text[i] >= 'A' && text[i] <= 'Z' && text[j-1] != ' ' {
				return text[i:j], true
			}
		}
		return "", false
	}
	return "", false
}

// genericLabels are turn labels that name a role, not a person: they are
// reported by SpeakerAt but never listed as speakers.
var genericLabels = setOf(
	"MODERATOR", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS", "PARTICIPANT", "PARTICIPANTS",
	"OPERATOR", "AIDE", "CHILD", "CHILDREN", "STAFF", "REPORTER", "REPORTERS", "CROWD",
	"SENIOR ADMINISTRATION OFFICIAL", "ADMINISTRATION OFFICIAL", "SENIOR OFFICIAL", "OFFICIAL",
	"STUDENT", "STUDENTS", "VOICE", "VOICES", "NARRATOR", "ANNOUNCER", "SPEAKER", "INTERPRETER",
	"PROTESTER", "PROTESTERS", "Q", "TRANSLATOR",
)

// honorifics are label prefixes that carry no title of their own.
var honorifics = setOf("MR.", "MS.", "MRS.", "DR.", "MISS", "MX.")

// turn is the start of one speaker's turn in a transcript.
type turn struct {
	at    int    // byte offset of the label in Document.Text
	label string // the label as written ("MR. KIRBY")
}

// findTurns lists the transcript turns of text; fewer than two labelled
// turns mean the text is not a transcript.
func findTurns(text string) []turn {
	var turns []turn
	people := 0
	for i := 0; i < len(text); {
		if label, ok := labelAt(text, i); ok {
			if label == "Q" {
				turns = append(turns, turn{at: i, label: label})
			} else if len(label) >= 2 && hasUpperLetters(label, 2) && isTurnLabel(label) {
				turns = append(turns, turn{at: i, label: label})
				people++
			}
		}
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
	}
	if people < 2 {
		return nil
	}
	return turns
}

// isTurnLabel tells a speaker label from an upper-case heading that ends in
// a colon ("SECURING THE GRID: …" in a fact sheet): a role ("MODERATOR"),
// an honorific and surname ("MR. KIRBY"), "THE PRESIDENT", or title words and
// a surname ("SECRETARY MAYORKAS", "VICE PRESIDENT HARRIS").
func isTurnLabel(label string) bool {
	if genericLabels[label] {
		return true
	}
	words := strings.Fields(label)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if honorifics[words[0]] {
		return len(words) <= 3
	}
	if words[0] == "THE" {
		return len(words) <= 4
	}
	for _, w := range words[:len(words)-1] {
		if !titleWords[strings.ToLower(w)] || connectors[strings.ToLower(w)] {
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

// turnSpeaker resolves a label to the person's name and title, using the
// document's title line ("Press Briefing by Press Secretary Karine
// Jean-Pierre and NSC Coordinator for Strategic Communications John Kirby")
// and its text. generic is true for role labels and "Q".
func turnSpeaker(label, docTitle, text string) (sp Speaker, generic bool) {
	if genericLabels[label] {
		return Speaker{Name: titleCase(label)}, true
	}
	words := strings.Fields(label)
	if lw := words[len(words)-1]; words[0] != "THE" && (genericLabels[lw] || titleWords[strings.ToLower(lw)]) {
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
				if full := nameWithRole(docTitle+"\n"+text, name, role); full != "" {
					name = full
				}
			}
			return Speaker{Name: name, Title: title}, false
		}
		return Speaker{Name: "The " + role}, false
	case honorifics[words[0]] && len(words) >= 2:
		surname = strings.Join(words[1:], " ")
	default:
		surname = words[len(words)-1]
		roleWords = words[:len(words)-1]
	}
	role := titleCase(strings.Join(roleWords, " "))
	for _, src := range []string{docTitle, text} {
		if name, title := nameForSurname(src, surname); name != "" {
			if title == "" {
				title = role
			}
			return Speaker{Name: name, Title: title}, false
		}
	}
	return Speaker{Name: titleCase(surname), Title: role}, false
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
			if !isNameWord(w) && !isInitial(t.s) {
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
	lower := strings.ToLower(s)
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
// label ("KIRBY" → "John Kirby") in s, with the title before it.
func nameForSurname(s, surname string) (string, string) {
	// Compare case-insensitively but return the text's spelling.
	lower := strings.ToLower(s)
	ls := strings.ToLower(surname)
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
		if len(toks) == 0 || strings.ToLower(toks[0].s) != ls || !isNameWord(toks[0].s) {
			continue
		}
		name, used := nameBefore(toks)
		if len(name) < 2 {
			continue
		}
		return asciiApostrophes(strings.Join(name, " ")), titleBefore(toks[used:])
	}
	return "", ""
}

// titleCase writes an upper-case label in title case ("JEAN-PIERRE" →
// "Jean-Pierre", "SENIOR ADMINISTRATION OFFICIAL" → "Senior Administration
// Official").
func titleCase(s string) string {
	b := []rune(strings.ToLower(s))
	up := true
	for i, r := range b {
		if up && unicode.IsLetter(r) {
			b[i] = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-' || r == '.'
	}
	return string(b)
}
