package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// notNames are capitalised words that start sentences or name things, never
// a person's given name or surname.
var notNames = setOf(
	"the", "a", "an", "he", "she", "it", "we", "they", "i", "you", "this", "that", "these", "those",
	"his", "her", "their", "our", "its", "there", "here", "who", "what", "when", "where", "why", "how",
	"meanwhile", "however", "also", "and", "but", "yet", "so", "then", "asked", "according", "in",
	"on", "at", "as", "after", "before", "while", "if", "earlier", "later", "separately", "still",
	"speaking", "yesterday", "today", "previously", "now", "both", "all", "each", "some", "many",
	"officials", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "department", "ministry", "government", "house", "office",
	"embassy", "council", "administration", "news", "agency", "press", "kremlin", "pentagon",
	"congress", "senate", "committee", "commission", "union", "nations", "states", "republic",
	"times", "post", "reuters", "newswire", "service", "center", "centre", "institute", "bank",
	"fund", "organization", "group", "party", "army", "forces", "court", "parliament", "assembly",
	"south", "north", "east", "west", "new", "united", "saudi", "central", "latin", "hong", "sri",
	"san", "los", "costa", "el", "la", "le", "de", "not", "no", "yes", "one", "every", "today's",
	"washington", "moscow", "russia", "ukraine", "china", "america", "armenia", "azerbaijan",
	"iran", "israel", "turkey", "europe", "baku", "yerevan", "kyiv", "beijing", "london", "paris",
	"thank", "thanks", "okay", "well", "please", "sir", "ma'am", "folks", "everybody", "everyone",
	"question", "answer", "statement", "readout", "release", "report", "reports", "briefing",
	"during", "honoring", "with", "by", "from", "to", "joined", "including", "like", "said", "says",
	// Adverbs that open a sentence before a name ("Only Harry Reid would …").
	"only", "even", "just", "perhaps", "indeed", "instead", "together", "again", "finally", "once", "thus",
	// Organisations and groups that "announce" and "say" in official
	// releases.
	"company", "companies", "association", "partnership", "energy", "labor", "republicans", "democrats",
	"americans", "advisers", "advisors", "motors", "corporation", "corp", "inc", "industries",
	"international", "laboratories", "services", "development", "minerals", "partners", "technologies",
	"systems", "alliance", "coalition", "foundation", "university", "college", "school", "hospital",
	"health", "care", "rulemaking", "act", "program", "initiative", "plan", "airlines", "airways",
	"electric", "power", "authority", "authorities", "solutions", "capital", "holdings", "networks", "workers", "leaders", "members",
	"families", "businesses", "governors", "mayors", "senators", "lawmakers", "allies", "partners'",
)

// NotName reports whether w (lower case) is a word that never names a
// person, only starts a sentence or names a thing, a place or a body
// ("holdings", "airways", "south"): notNames.
func NotName(w string) bool { return notNames[w] }

// setOf builds a lookup set.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// token is a whitespace-separated word of a line with its byte range.
type token struct {
	s          string
	start, end int
}

// closers end a phrase when they trail a word.
const closers = `,;:”"’)]}!?—–`

// openers end a phrase (scanning backwards) when they lead a word.
const openers = `“"‘([{—–`

// tokenTrim is what a reported-speech token is trimmed of: masked bytes,
// closers, openers and a full stop, each once.
var tokenTrim = uniqueRunes("\x00" + closers + openers + ".")

// uniqueRunes returns s with every rune after its first occurrence removed.
func uniqueRunes(s string) string {
	seen := map[rune]bool{}
	var b strings.Builder
	for _, r := range s {
		if !seen[r] {
			seen[r] = true
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isInitial reports "R." style initials.
func isInitial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// isNameWord reports a capitalised word that can be part of a person's
// name: "Price", "O'Brien", "Jean-Pierre", "McCarthy".
func isNameWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	lower := 0
	for _, c := range w[n:] {
		switch {
		case unicode.IsLetter(c):
			if unicode.IsLower(c) {
				lower++
			}
		case c == '\'' || c == '’' || c == '-':
		default:
			return false
		}
	}
	if lower == 0 || notNames[strings.ToLower(w)] || text.IsTitleWord(strings.ToLower(w)) || strings.Contains(w, "-based") {
		return false
	}
	// "Lowering Health Care Costs": a heading's gerund, not a given name.
	if strings.HasSuffix(w, "ing") && len(w) > 5 {
		return false
	}
	return !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s")
}

// isTitleWord reports a word that can sit in a title phrase: a known title
// word, a connector, or a capitalised word or abbreviation ("U.S.", "NSC").
func isTitleWord(w string) bool {
	lw := strings.ToLower(w)
	if text.IsTitleWord(lw) || text.IsConnector(lw) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '&' {
			return false
		}
	}
	return true
}

// tokensBefore returns up to n tokens of line ending at end, last first.
func tokensBefore(line string, end, n int) []token {
	var out []token
	i := end
	for len(out) < n {
		for i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
			i--
		}
		if i == 0 {
			break
		}
		j := i
		for j > 0 && line[j-1] != ' ' && line[j-1] != '\t' {
			j--
		}
		out = append(out, token{line[j:i], j, i})
		i = j
	}
	return out
}

// tokensAfter returns up to n tokens of line starting at start.
func tokensAfter(line string, start, n int) []token {
	var out []token
	i := start
	for len(out) < n {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			break
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		out = append(out, token{line[i:j], i, j})
		i = j
	}
	return out
}

// trailsCloser reports a word that ends a phrase: it carries trailing
// punctuation, or a period that is not an abbreviation's.
func trailsCloser(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	if strings.ContainsRune(closers, r) {
		return true
	}
	if r == '.' {
		return !isAbbrev(w)
	}
	return false
}

// isAbbrev reports words whose final period is part of the word: initials
// and "U.S."-style abbreviations, "Mr.", "Dr.".
func isAbbrev(w string) bool {
	if isInitial(w) || text.IsTitleWord(strings.ToLower(w)) {
		return true
	}
	// U.S., D.C., U.N.: letters separated by periods.
	if len(w) >= 4 && len(w)%2 == 0 {
		for i := 0; i < len(w); i += 2 {
			if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
				return false
			}
		}
		return true
	}
	return false
}

// mention is one place where a person is introduced as speaking.
type mention struct {
	name   []string // name words, surname last
	title  string
	strong bool // the verb is one people use, not agencies ("told", "said")
}

// nameBefore reads a name ending at tokens[0] (tokens last first): an
// optional given name and initials before the surname. It returns the name
// words in reading order and how many tokens they used.
func nameBefore(toks []token) ([]string, int) {
	if len(toks) == 0 {
		return nil, 0
	}
	last := strings.TrimRight(toks[0].s, ",")
	lead := strings.TrimLeft(last, openers)
	if !isNameWord(lead) {
		return nil, 0
	}
	if lead != last {
		return []string{lead}, 1
	}
	name := []string{last}
	i := 1
	for i < len(toks) && i < 3 && isInitial(toks[i].s) {
		name = append([]string{toks[i].s}, name...)
		i++
	}
	if i < len(toks) {
		w := toks[i].s
		// A function word opening the sentence ("Above Harry Reid's
		// name …") is no given name.
		if lw := strings.TrimLeft(w, openers); !trailsCloser(w) && isNameWord(lw) && !text.IsStopword(strings.ToLower(lw)) && !text.IsAddressTitle(strings.ToLower(lw)) {
			name = append([]string{lw}, name...)
			i++
			// A second given name between a title and the first ("Judge
			// Ketanji Brown Jackson"): the title word before it shows it
			// is no sentence's opening word ("Welcome Jake Sullivan").
			if i+1 < len(toks) && lw == w {
				w2 := toks[i].s
				if !trailsCloser(w2) && isNameWord(w2) && !text.IsStopword(strings.ToLower(w2)) && !text.IsAddressTitle(strings.ToLower(w2)) && text.IsTitleNoun(strings.ToLower(strings.TrimRight(toks[i+1].s, "."))) {
					name = append([]string{w2}, name...)
					i++
				}
			}
		} else if i > 1 {
			// Initials without a given name are not a name we can trust.
			return name[i-1:], 1
		}
	}
	return name, i
}

// titleBefore reads a title phrase ending at toks[0] (last first) and
// returns it in reading order, or "" when the words are not a title.
func titleBefore(toks []token) string {
	var words []string
	for i, t := range toks {
		w := t.s
		if trailsCloser(w) {
			break
		}
		lw := strings.TrimLeft(w, openers)
		if lw == "" || !isTitleWord(lw) {
			break
		}
		if l := strings.ToLower(lw); notNames[l] && !text.IsTitleWord(l) {
			break // "During Vice President Harris": a sentence opening
		}
		if r, _ := utf8.DecodeRuneInString(lw); unicode.IsUpper(r) && !text.IsTitleWord(strings.ToLower(lw)) && (strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s")) {
			break
		}
		if l := strings.ToLower(lw); eventNouns[l] || l == "and" && len(words) == 0 {
			// A heading's event ("On-the-Record Press Gaggle APNSA Jake
			// Sullivan"), or a name joined to another ("Interview of
			// President Trump and Elon Musk"): no words of a title.
			break
		}
		// "and" joins title words ("European and Eurasian Affairs"), not a
		// name to a title ("Karine Jean-Pierre and NSC Coordinator").
		if strings.ToLower(lw) == "and" && len(words) > 0 {
			if k := len(words); !text.IsTitleWord(strings.ToLower(words[k-1])) || i+1 >= len(toks) || !text.IsTitleWord(strings.ToLower(toks[i+1].s)) {
				break
			}
		}
		words = append(words, lw)
		if lw != w {
			break
		}
		if len(words) >= 10 {
			break
		}
	}
	return titlePhrase(reverse(words))
}

// eventNouns name what a heading reports, not a post: a title read back
// from a name stops at one. Measured over the White House record (every
// document's turns dumped before and after, main 297eace): 374 turns of
// 10 documents lose a title that was a heading's words or another
// person's ("Elon Musk, Interview of President Trump" in 250 turns; Liz
// Cheney and Caroline Wanga "Vice President Harris"; Jake Sullivan
// "On-the-Record Press Gaggle APNSA" and "Deputy Defense Secretary
// Hicks"); no turn gains a wrong one.
var eventNouns = map[string]bool{"gaggle": true, "briefing": true, "interview": true, "remarks": true,
	"readout": true, "call": true, "statement": true, "conversation": true, "roundtable": true, "fireside": true}

// titlePhrase trims connectors from both ends and checks that a title noun
// is present.
func titlePhrase(words []string) string {
	for len(words) > 0 && text.IsConnector(strings.ToLower(words[0])) {
		words = words[1:]
	}
	for len(words) > 0 && text.IsConnector(strings.ToLower(words[len(words)-1])) {
		words = words[:len(words)-1]
	}
	for _, w := range words {
		if text.IsTitleNoun(strings.ToLower(strings.TrimRight(w, "."))) {
			return strings.Join(words, " ")
		}
	}
	return ""
}

// reverse returns s reversed.
func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, w := range s {
		out[len(s)-1-i] = w
	}
	return out
}

// appositiveLinks may follow the title noun of an appositive.
var appositiveLinks = setOf("of", "for", "at", "to")

// auxiliaries may stand between a name and its verb ("Blinken has said").
var auxiliaries = setOf("has", "had", "also", "later", "then", "again", "further", "previously", "earlier", "once")

// mentionBefore reads "<title> <name> [aux] VERB" or
// "<name>, <appositive title>, VERB" ending at end (the verb's start).
func mentionBefore(line string, end int) (mention, bool) {
	toks := tokensBefore(line, end, 24)
	for n := 0; n < 2 && len(toks) > 0 && auxiliaries[toks[0].s]; n++ {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return mention{}, false
	}
	appositive := ""
	if strings.HasSuffix(toks[0].s, ",") {
		// "Ned Price, the Department's spokesperson, said": look for the
		// comma that closes the name.
		for k := 1; k < len(toks) && k <= 10; k++ {
			w := toks[k].s
			if strings.ContainsAny(w, `“”"`) {
				break
			}
			if strings.HasSuffix(w, ",") {
				phrase := make([]string, 0, k)
				for j := k - 1; j >= 0; j-- {
					phrase = append(phrase, toks[j].s)
				}
				ap := strings.TrimSuffix(strings.Join(phrase, " "), ",")
				first := strings.ToLower(phrase[0])
				if first == "the" || first == "a" || first == "an" || text.IsTitleWord(first) {
					// The title noun ends the phrase or heads an "of"
					// phrase: "the Department's spokesperson", "the head of
					// the agency", not "a clear leader in the field".
					for q, p := range phrase {
						if !text.IsTitleNoun(strings.ToLower(strings.Trim(p, ",."))) {
							continue
						}
						if q == len(phrase)-1 || appositiveLinks[strings.ToLower(phrase[q+1])] {
							appositive = ap
							break
						}
					}
				}
				if appositive != "" {
					toks = toks[k:]
				}
				break
			}
		}
		if appositive == "" {
			return mention{}, false
		}
	}
	name, used := nameBefore(toks)
	if name == nil {
		return mention{}, false
	}
	title := appositive
	// A name that opens a quotation ("“Sample said") has no title before it.
	if r, _ := utf8.DecodeRuneInString(toks[used-1].s); title == "" && used < len(toks) && !strings.ContainsRune(openers, r) {
		title = titleBefore(toks[used:])
	}
	return mention{name: name, title: title}, true
}

// mentionAfter reads "…,” said <title> <name>" starting at start (the end of
// the verb).
func mentionAfter(line string, start int) (mention, bool) {
	toks := tokensAfter(line, start, 12)
	var words []string
	for _, t := range toks {
		w := t.s
		stop := false
		if trailsCloser(w) {
			w = strings.TrimRight(w, closers+".")
			stop = true
		}
		if w == "" || !(isTitleWord(w) || isNameWord(w)) {
			break
		}
		words = append(words, w)
		if stop {
			break
		}
	}
	// The name is the tail of the run: surname, initials, given name.
	n := len(words)
	if n == 0 || !isNameWord(words[n-1]) {
		return mention{}, false
	}
	i := n - 1
	for i > 0 && isInitial(words[i-1]) {
		i--
	}
	if i > 0 && isNameWord(words[i-1]) {
		i--
	}
	return mention{name: words[i:], title: titlePhrase(words[:i])}, true
}

// textSpeakers finds the people a report quotes, in order of first
// appearance, with the title the text gives them. A surname alone resolves
// to the full name used elsewhere in the text; one that never does is
// dropped, because a lone capitalised word before "said" is as often a
// country or an agency as a person.
func textSpeakers(src string) []Speaker {
	var mentions []mention
	for _, v := range text.SpeechVerbs(src) {
		if text.NotSaying(src, v) {
			continue
		}
		ls := lineStart(src, v[0], 400)
		le := min(len(src)-v[1], 200)
		if k := strings.IndexByte(src[v[1]:v[1]+le], '\n'); k >= 0 {
			le = k
		}
		line := src[ls : v[1]+le]
		strong := text.IsPersonVerb(src[v[0]:v[1]])
		if m, ok := mentionBefore(line, v[0]-ls); ok {
			m.strong = strong
			mentions = append(mentions, m)
			continue
		}
		// "…,” said Price": only after a quotation or a comma, so that
		// "Price said Blinken met" does not make Blinken a speaker.
		before := strings.TrimRight(line[:v[0]-ls], " ")
		if r, _ := utf8.DecodeLastRuneInString(before); r == ',' || r == '”' || r == '"' || r == '—' {
			if m, ok := mentionAfter(line, v[1]-ls); ok {
				m.strong = strong
				mentions = append(mentions, m)
			}
		}
	}
	type found struct {
		name  []string
		title string
	}
	cache := map[string]found{}
	// lookup is findFullName, once per surname: a text that repeats an
	// unresolved name must not be rescanned for each mention.
	lookup := func(surname string) ([]string, string) {
		f, ok := cache[surname]
		if !ok {
			f.name, f.title = findFullName(src, surname)
			cache[surname] = f
		}
		return f.name, f.title
	}
	var out []Speaker
	var count []int // further mentions of out[i]
	seen := map[string]int{}
	full := map[string]int{} // surname -> index in out
	for _, m := range mentions {
		name, title := m.name, m.title
		if len(name) == 1 {
			if i, ok := full[name[0]]; ok {
				if out[i].Title == "" {
					out[i].Title = title
				}
				count[i]++
				continue
			}
			fn, ft := lookup(name[0])
			if fn == nil {
				continue
			}
			name = fn
			if title == "" {
				title = ft
			}
			title = titleOf(title, name)
		}
		key := strings.Join(name, " ")
		if i, ok := seen[key]; ok {
			if out[i].Title == "" {
				out[i].Title = title
			}
			count[i]++
			continue
		}
		if len(m.name) == 1 {
			// Resolved from a surname: the full name is used elsewhere.
			seen[key] = len(out)
			full[name[len(name)-1]] = len(out)
			out = append(out, Speaker{Name: asciiApostrophes(key), Title: title})
			count = append(count, 1)
			continue
		}
		if title == "" {
			_, title = lookup(name[len(name)-1])
		}
		seen[key] = len(out)
		full[name[len(name)-1]] = len(out)
		out = append(out, Speaker{Name: asciiApostrophes(key), Title: title})
		if m.strong {
			count = append(count, 1)
		} else {
			count = append(count, 0)
		}
	}
	// Keep only names with evidence of a person: a title, a second
	// mention, a mention by surname alone, or a verb people use. A single
	// untitled "Schneider Electric announced" is a company.
	kept := out[:0]
	for i, sp := range out {
		if sp.Title != "" || count[i] > 0 {
			kept = append(kept, sp)
		}
	}
	return kept
}

// fullNames calls fn for each place the surname stands as a whole word
// preceded by a given name ("Secretary of State Antony Blinken"), with the
// name words, the title before them and the surname's offset, until fn
// returns false. At most 200 occurrences of the surname are looked at, so
// a surname repeated through a long transcript costs a bounded scan.
func fullNames(text, surname string, fn func(at int, name []string, title string) bool) {
	off := 0
	for n := 0; n < 200; n++ {
		i := strings.Index(text[off:], surname)
		if i < 0 {
			return
		}
		i += off
		off = i + len(surname)
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsLetter(r) {
				continue
			}
		}
		if off < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[off:]); unicode.IsLetter(r) {
				continue
			}
		}
		ls := lineStart(text, i, 300)
		toks := tokensBefore(text[ls:off], off-ls, 16)
		name, used := nameBefore(toks)
		if len(name) == 1 && used+1 < len(toks) && initialsName(toks[used].s) && isTitleNounWord(toks[used+1].s) {
			// A given name written as two capitals after a title ("Vice
			// President JD Vance"), which nameBefore leaves to the
			// title; without a title, two capitals name a company ("GE
			// Aerospace").
			name, used = []string{toks[used].s, name[0]}, used+1
		}
		if len(name) < 2 {
			continue
		}
		if !fn(i, name, titleBefore(toks[used:])) {
			return
		}
	}
}

// isTitleNounWord reports a word of the text that is a title's noun
// ("President,").
func isTitleNounWord(w string) bool {
	return text.IsTitleNoun(strings.ToLower(strings.TrimRight(w, ",.")))
}

// titleOf is the title read before a surname completed into name,
// without the given name it took for a title word ("Vice President JD"
// of "JD Vance").
func titleOf(title string, name []string) string {
	if len(name) < 2 {
		return title
	}
	return strings.TrimSpace(strings.TrimSuffix(title, " "+name[0]))
}

// findFullName looks for the surname preceded by a given name anywhere in
// the text ("Secretary of State Antony Blinken") and returns the name words
// and the title before them: the first mention with a title, else the
// first mention.
func findFullName(text, surname string) ([]string, string) {
	var best []string
	var bestTitle string
	fullNames(text, surname, func(_ int, name []string, title string) bool {
		if title != "" {
			best, bestTitle = name, title
			return false
		}
		if best == nil {
			best = name
		}
		return true
	})
	return best, bestTitle
}

// lineStart returns the start of the line holding offset i, looking back at
// most limit bytes: bounded so that scanning every verb of a text with no
// line breaks stays linear.
func lineStart(text string, i, limit int) int {
	lo := max(0, i-limit)
	return lo + strings.LastIndexByte(text[lo:i], '\n') + 1
}

// asciiApostrophes writes names with a plain apostrophe ("O'Brien"), the
// form people type when they filter by speaker.
func asciiApostrophes(s string) string {
	return strings.ReplaceAll(s, "’", "'")
}
