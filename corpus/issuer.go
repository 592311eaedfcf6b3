package corpus

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// titleAbbrevs are the abbreviations the record's titles use for an
// official's title, with the title a reader knows.
var titleAbbrevs = map[string]string{
	"APNSA": "National Security Advisor",
	"NSA":   "National Security Advisor",
	"DNSA":  "Deputy National Security Advisor",
	"PDNSA": "Principal Deputy National Security Advisor",
}

// issuerKinds are the title openings of documents issued in one voice,
// with the role of that voice: "Statement from Press Secretary …",
// "Readout of APNSA Jake Sullivan's Call …", "Remarks by President …".
// The person follows the opening; documents with no person in the title
// ("Fact Sheet: …") are issued by the outlet. A readout is the outlet's
// account of someone's call or meeting, in the third person ("Mr. Sullivan
// urged both sides …"): its words are the outlet's, never the person's.
var issuerKinds = []struct {
	prefix string
	role   Role
	person bool // the title names who issues it after the prefix
}{
	{"statement from ", RoleIssuer, true},
	{"statement by ", RoleIssuer, true},
	{"statement of ", RoleIssuer, true},
	{"remarks as prepared for delivery by ", RoleOfficial, true},
	{"remarks by ", RoleOfficial, true},
	{"remarks of ", RoleOfficial, true},
	{"letter from ", RoleIssuer, true},
	{"message from ", RoleIssuer, true},
	{"joint statement", RoleIssuer, false},
	{"fact sheet", RoleIssuer, false},
	{"press release", RoleIssuer, false},
	{"readout", RoleIssuer, false},
	{"statement", RoleIssuer, false},
}

// issuerCategories are header categories of documents issued by the
// outlet itself (the White House record's).
var issuerCategories = setOf("statements-releases", "presidential-actions", "briefing-room", "speeches-remarks",
	"press-briefings", "briefings-statements", "fact-sheets", "releases", "remarks", "articles", "blog")

// issuer returns who speaks in a document without transcript labels, and in
// what role: the person or office its title says issued it, or the outlet
// narrating a news report.
func issuer(d *Document) (Speaker, Role) {
	outlet := Speaker{Name: d.Outlet}
	lt := text.LowerInPlace(d.Title) // its offsets are the title's
	kind, at := -1, 0
	for i, k := range issuerKinds {
		if strings.HasPrefix(lt, k.prefix) {
			kind = i
			break
		}
	}
	if kind < 0 {
		kind, at = modifiedRemarks(lt)
	}
	if kind >= 0 {
		k := issuerKinds[kind]
		if k.person {
			if sp, ok := titlePerson(d.Title[at+len(k.prefix):], d.Text); ok {
				return sp, k.role
			}
		}
		if outlet.Name == "" {
			return Speaker{}, RoleUnknown
		}
		return outlet, RoleIssuer
	}
	if sp, ok := personStatement(d.Title, d.Text); ok {
		return sp, RoleIssuer
	}
	if sp, ok := soleRoleLabel(d.Text); ok {
		return sp, RoleOfficial
	}
	if d.Format == FormatHeader && issuerCategories[strings.ToLower(d.Category)] && outlet.Name != "" {
		return outlet, RoleIssuer
	}
	return outlet, RoleNarration
}

// soleRoleLabel reads the speaker of a speech whose title names nobody
// and whose only speaker's label is a post ("The Inaugural Address",
// "THE PRESIDENT: Thank you …" and the speech): the post's holder
// speaks it all, named by NameHolders from the record's other documents.
// (A transcript has two labelled speakers at least: findTurns.)
func soleRoleLabel(src string) (Speaker, bool) {
	labels, _ := labelLines(src)
	var sole string
	for _, l := range labels {
		if l.label == "Q" {
			continue
		}
		if sole != "" && l.label != sole {
			return Speaker{}, false
		}
		sole = l.label
	}
	name := titleCase(sole)
	if _, ok := labelPosts[name]; !ok {
		return Speaker{}, false
	}
	return Speaker{Name: name}, true
}

// maxRemarksModifiers is how many words may stand before a title's
// "Remarks by": "Pre-Taped Remarks by …", "Excerpts of Remarks by …",
// "CORRECTED: Remarks by …".
const maxRemarksModifiers = 2

// otherThanRemarks reports a word before a title's "Remarks by" that
// makes the document something else: another kind's opening word
// ("Statement", "Fact Sheet:", "Readout") or a response to the remarks
// ("Response to Remarks by …", "Statement on Remarks by …").
func otherThanRemarks(w string) bool {
	w = strings.TrimRight(w, ":")
	switch w {
	case "on", "to", "response", "reaction", "sheet":
		return true
	}
	for _, k := range issuerKinds {
		if first, _, _ := strings.Cut(k.prefix, " "); first == w && first != "remarks" {
			return true
		}
	}
	return false
}

// modifiedRemarks returns the issuerKinds entry of remarks ("remarks by
// ") that stands in lt, the lower-case title, after at most
// maxRemarksModifiers words that make it no other kind
// (otherThanRemarks: "Pre-Taped Remarks by …", "Excerpts of Remarks by
// …"; not "Statement on Remarks by …"), and where; -1 when none does.
// lt is the title in text.LowerInPlace: its offsets are the title's.
func modifiedRemarks(lt string) (kind, at int) {
	for i, k := range issuerKinds {
		if !strings.HasPrefix(k.prefix, "remarks ") {
			continue
		}
		j := strings.Index(lt, " "+k.prefix)
		if j < 0 {
			continue
		}
		before := strings.Fields(lt[:j])
		if len(before) > maxRemarksModifiers || slices.ContainsFunc(before, otherThanRemarks) {
			continue
		}
		return i, j + 1
	}
	return -1, 0
}

// personStatement reads a title that names the person issuing a
// statement before the word ("Vice President Kamala Harris Statement on
// the April Jobs Report", "NEC Director Deese Statement on …"): the words
// before it must be a person with a title, as a label writes one
// (labelPerson), so that "Joint Leaders Statement" or "U.S.-Canada Joint
// Statement" stay the office's.
func personStatement(title, body string) (Speaker, bool) {
	lt := text.LowerInPlace(title)
	i := strings.Index(lt, " statement")
	if i <= 0 || (i+len(" statement") < len(lt) && lt[i+len(" statement")] != ' ') {
		return Speaker{}, false
	}
	if _, t, ok := labelPerson(title[:i]); !ok || t == "" {
		return Speaker{}, false
	}
	sp, ok := titlePerson(title[:i], body)
	return sp, ok && sp.Name != ""
}

// titleStops end the person named after a title's opening: "Statement from
// Press Secretary Karine Jean-Pierre on …", "Readout of President Biden's
// Call with …", "Remarks by President Biden Ahead of …", "Press Gaggle by
// President Trump Aboard Air Force One".
var titleStops = setOf("on", "at", "in", "to", "for", "with", "announcing", "regarding", "about", "after",
	"before", "during", "upon", "honoring", "marking", "celebrating", "call", "calls", "meeting", "meetings",
	"phone", "virtual", "bilateral", "trip", "visit", "conversation", "engagement", "engagements", "travel",
	"discussion", "discussions", "video", "roundtable", "as", "following", "commemorating", "recognizing",
	"ahead", "aboard", "onboard", "en", "amid", "from")

// PersonAfterBy returns the person a title names after its " by " ("Inaugural
// Address by President Joseph R. Biden, Jr." → Joseph R. Biden, Jr.,
// President), read as the issuing person of a statement's title is (a
// surname alone completed from text); ok is false when the title has no
// " by " or names no one, or two, after it.
func PersonAfterBy(title, text string) (Speaker, bool) {
	_, by, found := strings.Cut(title, " by ")
	if !found {
		return Speaker{}, false
	}
	return titlePerson(by, text)
}

// titlePerson reads the person at the start of s (the rest of a title):
// title words, then a name, up to a stop word, a possessive or a comma
// that is not a name's suffix ("Joseph R. Biden, Jr."). A surname alone is
// completed from the text. ok is false when s names no one, or names two
// ("President Biden and Prime Minister Kishida": the office issues it).
func titlePerson(s, body string) (Speaker, bool) {
	words := strings.Fields(s)
	var run []string
	possessive := false
	named := false // a name word has been taken
	skip := 0
	list := false // a comma ended the run and an enumeration goes on
	for i, w := range words {
		if skip > 0 {
			skip--
			continue
		}
		lw := strings.ToLower(strings.TrimRight(w, ",:"))
		// "Press Secretary to the Vice President Kirsten Allen": a post
		// held to another's is one title, before any name.
		if lw == "to" && !named && len(run) > 0 && i+2 < len(words) && strings.EqualFold(words[i+1], "the") && isTitleToken(words[i+2]) {
			run = append(run, "to", "the")
			skip = 1
			continue
		}
		if titleStops[lw] || lw == "the" && i > 0 {
			break
		}
		// A preposition or a number word ends a name however a title
		// capitalises it: "Vice President Harris Aboard USS Tulsa",
		// "Vice President Kamala Harris Three Years After …".
		if _, num := text.Numeral(lw); named && (num || text.IsPreposition(lw)) {
			break
		}
		// Once a name has begun, a word that is neither name nor title
		// ends it: "… Jake Sullivan Welcoming Constructive Dialogue",
		// "… Jake Sullivan 54th Washington Conference".
		if bare := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"), ",:"); named &&
			!isNameWord(bare) && !isInitial(bare) && !isTitleToken(bare) && lw != "jr." && lw != "jr" && lw != "sr." {
			break
		} else if isNameWord(bare) {
			named = true
		}
		if lw == "and" || lw == "&" {
			return Speaker{}, false
		}
		if base, ok := strings.CutSuffix(w, "’s"); ok {
			w, possessive = base, true
		} else if base, ok := strings.CutSuffix(w, "'s"); ok {
			w, possessive = base, true
		}
		comma := strings.HasSuffix(w, ",")
		w = strings.TrimRight(w, ",:")
		if lw == "jr." || lw == "jr" || lw == "sr." {
			// "Joseph R. Biden, Jr.": the suffix belongs to the name.
			if len(run) > 0 {
				run[len(run)-1] += ","
			}
			run = append(run, w)
			if possessive || comma {
				break
			}
			continue
		}
		run = append(run, w)
		if possessive {
			break
		}
		if comma && !(i+1 < len(words) && strings.HasPrefix(strings.ToLower(words[i+1]), "jr")) {
			list = enumerates(words[i+1:])
			break
		}
	}
	if len(run) > 0 && strings.EqualFold(run[0], "the") {
		run = run[1:]
	}
	if len(run) == 0 {
		return Speaker{}, false
	}
	// The name is the tail of capitalised name words, initials and a
	// suffix; the title is what comes before.
	n := len(run)
	i := n
	for i > 0 {
		w := strings.TrimRight(run[i-1], ",")
		lw := strings.ToLower(w)
		if isNameWord(w) || isInitial(w) || lw == "jr." || lw == "jr" || lw == "sr." {
			i--
			continue
		}
		break
	}
	if i == 0 && list {
		// "Statement from Asian American, Native Hawaiian and Pacific
		// Islander Senior Liaison Erika Moritsugu on …", "Statement by
		// Australia, Japan, New Zealand …": capitalised words without a
		// title, first of an enumeration, are no person ("Dana A. Remus,
		// Counsel to the President" is). Over the White House record
		// this changes two documents' issuers, "Asian American" and
		// "Australia", both to the office; the first had made "the
		// american witkoff brought home" name a person "Asian American"
		// (dev v125's rewrite cited the Waltz statement through it: its
		// cite-hit is lost, the answer was wrong before and after).
		return Speaker{}, false
	}
	title := expandTitle(run[:i])
	name := run[i:]
	if len(name) == 0 {
		// "Statement from the Press Secretary": the office speaks.
		if title == "" {
			return Speaker{}, false
		}
		return Speaker{Name: title}, true
	}
	full := strings.TrimRight(strings.Join(name, " "), ",")
	if len(name) == 1 {
		// "President Biden": complete the name from the text.
		if title != "" {
			if f := nameWithRole(body, name[0], lastWord(title)); f != "" {
				full = f
			}
		}
		if !strings.Contains(full, " ") {
			// A full name found elsewhere in the text is taken only with
			// the title's role: "President Biden"'s statement mentioning
			// "Beau Biden" is not Beau Biden's.
			if fn, ft := findFullName(body, name[0]); len(fn) >= 2 && (title == "" || strings.EqualFold(lastWord(ft), lastWord(title))) {
				full = strings.Join(fn, " ")
			}
		}
	}
	return Speaker{Name: asciiApostrophes(full), Title: title}, true
}

// enumerates reports whether the words after a comma go on listing, up to
// a title's stop word: another comma, or "and"; not when they open with a
// title ("Raj Panjabi, Director of …, on …": an appositive).
func enumerates(words []string) bool {
	if len(words) > 0 && isTitleToken(strings.TrimRight(words[0], ",:")) {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(strings.TrimRight(w, ",:"))
		if titleStops[lw] {
			return false
		}
		if lw == "and" || lw == "&" || strings.HasSuffix(w, ",") {
			return true
		}
	}
	return false
}

// initialsName reports a given name written as two capital initials
// without periods ("GT Thompson", "JD Vance"), not a title's
// abbreviation ("PM", "VP", "MP") or a place's ("US", "UK").
func initialsName(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' && !notInitials[w]
}

// notInitials are two capital letters that abbreviate a title or a place.
var notInitials = setOf("PM", "VP", "MP", "US", "UN", "EU", "UK", "DC", "AI", "HE")

// isTitleToken reports a word that may stand in a title before a name: a
// title word ("Secretary"), a connector ("of") or an abbreviation the
// record uses ("APNSA", "NSC").
func isTitleToken(w string) bool {
	lw := strings.ToLower(w)
	if text.IsTitleWord(lw) || text.IsConnector(lw) {
		return true
	}
	if _, ok := titleAbbrevs[w]; ok {
		return true
	}
	return w != "" && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// expandTitle writes title words as a title, spelling out the record's
// abbreviations ("APNSA" → "National Security Advisor").
func expandTitle(words []string) string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if t, ok := titleAbbrevs[w]; ok {
			out = append(out, t)
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// lastWord returns the last word of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// openingMaxAge bounds how long before its publication a statement's
// opening may date it: a readout of "Monday's call" is published within
// days; a date further back is an event the statement recalls.
const openingMaxAge = 7 * 24 * time.Hour

// openingDate is the day the opening sentence of a statement or readout
// gives for itself ("Today, President Biden spoke with …", "On Monday,
// …"), resolved against the publication date.
func openingDate(src string, pub time.Time) (time.Time, bool) {
	if pub.IsZero() {
		return time.Time{}, false
	}
	// The opening sentence sits in the first few hundred bytes.
	para := src[:min(len(src), 600)]
	if i := strings.IndexByte(para, '\n'); i >= 0 {
		para = para[:i]
	}
	sents := text.Sentences(para)
	if len(sents) == 0 {
		return time.Time{}, false
	}
	s := para[sents[0][0]:sents[0][1]]
	type found struct {
		at int
		t  time.Time
	}
	var best *found
	consider := func(at int, t time.Time, ok bool) {
		if ok && (best == nil || at < best.at) && !t.After(pub) && pub.Sub(t) <= openingMaxAge {
			best = &found{at, t}
		}
	}
	// Cheap checks first: a month and day has digits, every weekday and
	// "today" end in "day".
	digits, days := strings.ContainsAny(s, "0123456789"), strings.Contains(s, "day")
	if !digits && !days {
		return time.Time{}, false
	}
	if digits {
		for _, m := range monthDayRe.FindAllStringSubmatchIndex(s, -1) {
			yy := ""
			if m[6] >= 0 {
				yy = s[m[6]:m[7]]
			}
			t, ok := resolveMonthDay(s[m[2]:m[3]], s[m[4]:m[5]], yy, pub)
			consider(m[0], t, ok)
		}
	}
	if days {
		for _, m := range weekdayRe.FindAllStringIndex(s, -1) {
			if dated(s[m[1]:]) {
				continue // the date that follows names the day
			}
			wd, _ := text.Weekday(s[m[0]:m[1]])
			t, ok := text.LastWeekday(wd, pub)
			consider(m[0], t, ok)
		}
		// Lower case at s's own offsets (strings.ToLower's are another
		// string's when s holds "İ" or bytes that are not UTF-8).
		for _, m := range relDayRe.FindAllStringIndex(text.LowerInPlace(s), -1) {
			back := 0
			if strings.EqualFold(s[m[0]:m[1]], "yesterday") {
				back = 1
			}
			consider(m[0], pub.AddDate(0, 0, -back), true)
		}
	}
	if best == nil {
		return time.Time{}, false
	}
	return best.t, true
}

// capitalised reports a word that starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// maxNameWords bounds the name words of a label after its title.
const maxNameWords = 4

// maxLabelWords bounds a speaker label ("White House Deputy Press
// Secretary Kush Desai"): a longer run of words is a sentence.
const maxLabelWords = 10

// labelPerson reads a line that is nothing but a person, as labels and
// signatures write one: title words, then a name ("Secretary of State
// Marco Rubio", "Karoline Leavitt"), optionally
// followed by a comma and a title ("Karoline Leavitt, White House Press
// Secretary") or a date. The words before the name must be a title (a
// title noun among capitalised words and title words: "Energy
// Secretary"), so that a heading ("On Ukrainian President Zelensky",
// "Protect the civil rights of …", "Economist Steve Moore") or a clause
// ("President Trump asserted …") is no person: a label missed is a quotation left to
// its document, a label misread would credit words to the wrong person.
// With no title, the name is at most the last two name words (three with
// an initial or a suffix). ok is false for anything else.
func labelPerson(s string) (name []string, title string, ok bool) {
	head, tail, _ := strings.Cut(strings.TrimSpace(s), ",")
	words := strings.Fields(strings.TrimRight(head, "*:"))
	if len(words) == 0 || len(words) > maxLabelWords {
		return nil, "", false
	}
	if first := strings.ToLower(words[0]); text.IsConnector(first) || first == "the" {
		return nil, "", false
	}
	// The name: name words and initials at the end.
	i := len(words)
	for i > 0 && (isNameWord(words[i-1]) || isInitial(words[i-1])) {
		i--
	}
	if i == len(words) || !isNameWord(words[len(words)-1]) {
		return nil, "", false
	}
	keep := 2
	if slices.ContainsFunc(words[i:], isInitial) || strings.EqualFold(strings.TrimSpace(tail), "Jr.") {
		keep = 3
	}
	if i == 0 || len(words)-i > maxNameWords {
		// With no title before it, a name is its last words: a word
		// before them must then be a title ("Economist Steve Moore" is
		// no three-word name); after a title, every name word counts
		// ("Sen. Shelley Moore Capito").
		i = max(i, len(words)-keep)
	}
	if i > 0 && words[i-1] == "to" && len(words)-i >= 3 {
		// "Ambassador to Avalonia Zara Quillfeather": the place the post
		// is held to ends the title, not the name.
		i++
	}
	noun := false
	for k, w := range words[:i] {
		// "Ambassador to Russia": a post held to a country or a body.
		to := w == "to" && k > 0 && k+1 < i && capitalised(words[k+1])
		if !isTitleToken(w) && !capitalised(w) && !to {
			return nil, "", false
		}
		lw := strings.ToLower(w)
		// An abbreviated title ("Rep.", "Sen.", "Dr.") stands for its
		// noun; "U.S." does not.
		abbrev := strings.HasSuffix(lw, ".") && text.IsTitleWord(lw) && !strings.Contains(strings.TrimSuffix(lw, "."), ".")
		noun = noun || text.IsTitleNoun(lw) || abbrev
	}
	if i > 0 && !noun {
		// "Economist Steve Moore", "Deport Hamas Sympathizers": no title.
		return nil, "", false
	}
	if len(words)-i == 1 && i == 0 {
		// A lone capitalised word ("Russia:") is no one in particular.
		return nil, "", false
	}
	if len(words)-i == 1 && i > 1 && initialsName(words[i-1]) {
		// "Rep. GT Thompson": a given name of two capital initials
		// without periods, not a title word. With "Ambassador to
		// Russia" below: over the White House record 14 labelled
		// quotations more carry their speakers (JD Vance, Michael
		// McFaul, Matthew Whitaker, Kara McDonald …), read in a dump of
		// every document's turns before and after; dev, fresh and the
		// probe files unchanged.
		i--
	}
	title = expandTitle(words[:i])
	if tw := strings.Fields(tail); len(tw) > 0 && !slices.ContainsFunc(tw, func(w string) bool {
		w = strings.TrimRight(w, ",.")
		return !isTitleToken(w) && !isNameWord(w)
	}) && slices.ContainsFunc(tw, func(w string) bool { return text.IsTitleNoun(strings.ToLower(w)) }) {
		// "Karoline Leavitt, White House Press Secretary".
		if title == "" {
			title = strings.TrimRight(strings.TrimSpace(tail), ",.")
		}
	} else if strings.TrimSpace(tail) != "" && !monthDayRe.MatchString(tail) && !strings.EqualFold(strings.TrimSpace(tail), "Jr.") {
		return nil, "", false
	}
	name = slices.Clone(words[i:])
	if strings.EqualFold(strings.TrimSpace(tail), "Jr.") {
		name[len(name)-1] += ","
		name = append(name, "Jr.")
	}
	return name, title, true
}

// JointIssuers returns the persons a statement's title names as issuing
// it together ("Statement by President Joe Biden and First Lady Jill Biden
// on Lunar New Year" → Joe Biden, Jill Biden), each read as titlePerson
// reads a sole issuer; nil when the title names one issuer or none. The
// office issues such a statement (issuer: titlePerson names no one of two),
// so its turns carry no person's name, yet its words are both persons'
// own: "what did biden say in the 2022 lunar new year statement".
func JointIssuers(d *Document) []Speaker {
	lt := text.LowerInPlace(d.Title)
	at := -1
	for _, k := range issuerKinds {
		if k.person && k.role == RoleIssuer && strings.HasPrefix(lt, k.prefix) {
			at = len(k.prefix)
			break
		}
	}
	if at < 0 {
		return nil
	}
	rest := d.Title[at:]
	first, second, ok := strings.Cut(rest, " and ")
	if !ok || strings.Contains(first, ",") {
		return nil // "Statement by Australia, Japan, New Zealand and …": no persons
	}
	// The first issuer is all that comes before "and": a title and a
	// name, no stop word ("Statement by NSC Spokesperson Emily Horne on
	// … Lapid and …" is hers alone); the second opens with a title.
	for _, w := range strings.Fields(first) {
		if titleStops[strings.ToLower(w)] {
			return nil
		}
	}
	if w := strings.Fields(second); len(w) == 0 || !isTitleToken(w[0]) {
		return nil
	}
	a, okA := titlePerson(first, d.Text)
	b, okB := titlePerson(second, d.Text)
	if !okA || !okB || a.Title == "" || b.Title == "" {
		return nil
	}
	return []Speaker{a, b}
}
