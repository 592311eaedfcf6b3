package corpus

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/readout/readout/text"
)

// Role says in what capacity the speaker of a turn speaks, and so whether
// the turn's words may be quoted as a statement of the record.
type Role string

// The roles of a turn.
const (
	// RoleUnknown is text whose speaker the document does not say: a
	// transcript's preamble ("Via Teleconference"), an audience member.
	RoleUnknown Role = "unknown"
	// RoleOfficial is a named official (or a "Senior Administration
	// Official") speaking in a transcript, or the person giving a speech.
	RoleOfficial Role = "official"
	// RoleReporter is a reporter's question ("Q") or an interviewer's turn.
	RoleReporter Role = "reporter"
	// RoleModerator is a moderator's line, including an official's turn
	// that only hands over the floor ("Next up, we'll go to the line of …").
	RoleModerator Role = "moderator"
	// RoleOperator is a conference-call operator.
	RoleOperator Role = "operator"
	// RoleIssuer is the office or person issuing a statement, readout or
	// fact sheet, named by its title and byline.
	RoleIssuer Role = "issuing office"
	// RoleReported is a quotation a news report attributes to its source.
	RoleReported Role = "reported speech"
	// RoleNarration is a news report's own words, outside quotations: the
	// outlet speaks.
	RoleNarration Role = "narration"
)

// Statement reports whether words of this role are a speaker's statement:
// what an official, an issuing office or a quoted source said. A reporter's
// question and a moderator's or operator's line are not, nor is a news
// report's narration or text of unknown origin.
func (r Role) Statement() bool {
	return r == RoleOfficial || r == RoleIssuer || r == RoleReported
}

// Floor reports the roles that ask or hand over the floor: reporters,
// moderators and operators. Their words may be shown as the question
// asked, never as an official's words.
func (r Role) Floor() bool {
	return r == RoleReporter || r == RoleModerator || r == RoleOperator
}

// Turn is a stretch of a document's text spoken or issued by one speaker:
// a transcript turn, a statement by its issuing office, a quotation in a
// news report, or the report's narration between quotations.
type Turn struct {
	// Start and End are byte offsets into Document.Text. A document's
	// turns are contiguous and cover its whole text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Speaker is who speaks, with the title the text gives: a person
	// ("Karine Jean-Pierre", "Press Secretary"), a role ("Reporter",
	// "Moderator", "Senior Administration Official"), an organisation the
	// text says spoke ("The State Department"), or the outlet for its
	// narration.
	Speaker Speaker `json:"speaker"`
	Role    Role    `json:"role"`
	// Date is the day of the statement as the text gives it ("told
	// reporters on Monday", "as of Friday morning", a readout's "today"),
	// else the document's publication date. Zero when unknown.
	Date time.Time `json:"date,omitzero"`
}

// DateString returns Date as YYYY-MM-DD, or "" when unknown.
func (t Turn) DateString() string {
	if t.Date.IsZero() {
		return ""
	}
	return t.Date.Format("2006-01-02")
}

// Turns returns the document's turns in order. They are contiguous and
// cover the whole text. The slice is shared: callers must not modify it.
// Loaders compute the turns once; a Document built any other way (decoded
// from JSON) computes them on each call.
func (d *Document) Turns() []Turn {
	if d == nil {
		return nil
	}
	if d.turns != nil {
		return d.turns
	}
	return computeTurns(d)
}

// TurnAt returns the turn holding byte offset of the text; ok is false
// when offset is outside the text.
func (d *Document) TurnAt(offset int) (Turn, bool) {
	if d == nil || offset < 0 || offset >= len(d.Text) {
		return Turn{}, false
	}
	ts := d.Turns()
	i := sort.Search(len(ts), func(i int) bool { return ts[i].Start > offset }) - 1
	if i < 0 || offset >= ts[i].End {
		return Turn{}, false
	}
	return ts[i], true
}

// TurnsIn returns the turns overlapping the byte range [start, end) of the
// text, in order, each clipped to the range: every byte of a passage with
// the turn it belongs to.
func (d *Document) TurnsIn(start, end int) []Turn {
	if d == nil {
		return nil
	}
	start, end = max(start, 0), min(end, len(d.Text))
	if start >= end {
		return nil
	}
	ts := d.Turns()
	i := max(sort.Search(len(ts), func(i int) bool { return ts[i].Start > start })-1, 0)
	var out []Turn
	for ; i < len(ts) && ts[i].Start < end; i++ {
		t := ts[i]
		if t.End <= start {
			continue
		}
		t.Start, t.End = max(t.Start, start), min(t.End, end)
		out = append(out, t)
	}
	return out
}

// TurnsVersion numbers the way a document's text is read into turns (who
// speaks where). It changes when the same text is read into other turns,
// so that an index holding turns read by another version reads them again
// (see retrieval's snapshot ID).
//
//   - 17: "authority" never names a person (notNames: "the Port
//     Authority"); no turn of the White House record changed.
//   - 16: a weekday opening a date with an ordinal or in brackets ("on
//     Tuesday, March 29th", "Tuesday (March 11)") names it too, and so
//     does one after "as of": 8 more turns.
//   - 15: a weekday opening a full date names that date ("on Tuesday,
//     December 7, 2021"), and a day after the publication is one to come,
//     not the day of the statement: 63 turns of the White House record,
//     the statements announcing a meeting days ahead, were dated by the
//     last such weekday before their publication.
//   - 14: a particle opening a label's surname stays in the surname when
//     the text never writes the name ("FATHER VAN ALSTYNE" is Van
//     Alstyne, a father); "Amir" may be a given name.
//   - 13: a word one addresses a person by is no given name
//     ("Doctors Fauci and Walensky", "Coach Hurley": text.IsAddressTitle),
//     some 60 turns.
//   - 12: a label may open with a title only labels use ("SURGEON
//     GENERAL MURTHY", "TAOISEACH VARADKAR", "COACH KERR", "MAJOR
//     GENERAL …", "SECOND GENTLEMAN …"; text.LabelTitleWords), or name
//     an unnamed person by a role ("MILITARY AIDE", "ZAMBIAN OFFICIAL",
//     "SENIOR ADMINISTRATION OFFICIAL ONE"; text.IsGenericLabel): some
//     300 turns of the White House record, read as the words of the
//     speaker before them until then.
//   - 11: a label's surname may open with a particle and run to four
//     words ("PRESIDENT VON DER LEYEN", "PRESIDENT BIN ZAYED AL
//     NAHYAN"), the given names standing before the particle the text
//     writes in lower case ("Ursula von der Leyen"): 18 turns of 8
//     documents of the White House record, read as the words of the
//     speaker before them (Joe Biden) until then.
//   - 10: a label's upper-case letters may be beyond ASCII ("PRESIDENT
//     LOURENÇO"), and its surname two words ("GOVERNOR LUJAN GRISHAM"):
//     some 260 turns read as the speaker's before them, with the given
//     names before a two-word surname ("Andrés Manuel López Obrador"); a
//     role label misspelt is the role ("SENIOR ADMINISTRATION
//     OFFICAL"); "continued to" and "added to" introduce no words
//     (notSpeech).
//   - 9: a reporter's "Q" whose space was lost ("QThanks. Just to go
//     back to …") opens a reporter's turn in a transcript with other "Q"
//     turns (gluedQuestion).
//   - 8: a transcript's label misspelt once or twice is read as the
//     label it misspells ("MR. HAMMILL" among "MR. HAMILL"; labelTypos).
//   - 7: a role label no title or text names ("THE PRESIDENT:" in "The
//     Inaugural Address") is the holder the titles of the same site's
//     documents of the nearest day name (NameHolders, run over the whole
//     record); a
//     label's person may follow posts ("Ranking Member, House Oversight
//     Committee, Maryland Congressman Jamie Raskin:").
//   - 6: titles and texts are compared in lower case at their own offsets
//     (text.LowerInPlace), which "İ" moved.
//   - 5: a heading's title opens it; a link's label is one of its usual
//     words; an item whose opening mark was lost ends as the list's others
//     do; a list goes on after "She added:".
//   - 4: a surname is completed by a given name of two capitals written
//     elsewhere ("JD Vance").
//   - 3: "czar" makes a title ("Border Czar Tom Homan").
//   - 2: a list's introducer may follow two opening phrases ("Today, on
//     Memorial Day, President …"); an item whose opening quotation mark
//     was lost does not end the list.
//   - 1: a list item's quotation may be followed by a link's bare label
//     ("” Watch"); a heading may be only a title and a name.
//   - 0: before.
const TurnsVersion = 17

// ReadTurns reads the document's turns from its text again, replacing
// those installed by SetTurns (read by another TurnsVersion).
func (d *Document) ReadTurns() {
	d.turns = computeTurns(d)
}

// ErrBadTurns is wrapped by SetTurns for turns that do not tile the text.
var ErrBadTurns = errors.New("turns do not cover the document's text")

// SetTurns installs turns computed earlier (read back from an index
// snapshot) instead of computing them again. They must be contiguous and
// cover the text exactly.
func (d *Document) SetTurns(ts []Turn) error {
	at := 0
	for i, t := range ts {
		if t.Start != at || t.End <= t.Start || t.End > len(d.Text) {
			return fmt.Errorf("%w: turn %d is [%d, %d), expected a start at %d within %d bytes", ErrBadTurns, i, t.Start, t.End, at, len(d.Text))
		}
		at = t.End
	}
	if at != len(d.Text) {
		return fmt.Errorf("%w: turns end at %d of %d bytes", ErrBadTurns, at, len(d.Text))
	}
	d.turns = ts
	return nil
}

// SpeakerAt returns the name of who makes a statement at byte offset: the
// speaker of the turn there when its words are a statement (an official,
// an issuing office, a quoted source) or a moderator's or operator's line.
// It returns "" for a reporter's question, a news report's narration,
// text of unknown origin, and offsets outside the text.
func (d *Document) SpeakerAt(offset int) string {
	t, ok := d.TurnAt(offset)
	if !ok || !(t.Role.Statement() || t.Role == RoleModerator || t.Role == RoleOperator) {
		return ""
	}
	return t.Speaker.Name
}

// SpeakersIn returns the distinct names SpeakerAt gives for the bytes of
// [start, end), in order of first appearance; nil when there are none.
func (d *Document) SpeakersIn(start, end int) []string {
	var out []string
	for _, t := range d.TurnsIn(start, end) {
		if !(t.Role.Statement() || t.Role == RoleModerator || t.Role == RoleOperator) {
			continue
		}
		if n := t.Speaker.Name; n != "" && !containsString(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// containsString reports whether list holds s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// computeTurns splits a document into turns: transcript turns when the
// text is labelled by speaker, else the whole text issued by one office or
// person (statements, readouts, fact sheets, speeches) or narrated by an
// outlet (news reports), with the quotations it attributes carved out as
// reported speech.
func computeTurns(d *Document) []Turn {
	return turnsOf(d, findTurns(d.Text))
}

// turnsOf is computeTurns with the transcript labels already found (nil
// when the text is not a transcript).
func turnsOf(d *Document, labels []turn) []Turn {
	if d.Text == "" {
		return nil
	}
	if labels != nil {
		return transcriptTurns(d, labels)
	}
	pub := publicationDate(d)
	def, role := issuer(d)
	date := pub
	if role == RoleIssuer || role == RoleOfficial {
		if t, ok := openingDate(d.Text, pub); ok {
			date = t
		}
	}
	return reportedTurns(d.Text, def, role, date, pub)
}

// publicationDate is the day a document was published: its dateline's
// date when it has one (a report captured weeks later still speaks of the
// day it was written), else its header date, else its capture date.
func publicationDate(d *Document) time.Time {
	if dl, ok := findDateline(d.Text, d.Captured); ok && !dl.date.IsZero() {
		return dl.date
	}
	if d.Format == FormatHeader && !d.Date.IsZero() {
		return d.Date
	}
	if !d.Captured.IsZero() {
		return d.Captured
	}
	return d.Date
}

// transcriptTurns turns the labels of a transcript into turns: the text
// before the first label is of unknown origin; each label's turn runs to
// the next label.
func transcriptTurns(d *Document, labels []turn) []Turn {
	ts, _ := transcriptTurnsSpeakers(d, labels)
	return ts
}

// transcriptTurnsSpeakers is transcriptTurns that also returns the named
// people who speak, in order of first turn: the transcript's speakers.
func transcriptTurnsSpeakers(d *Document, labels []turn) ([]Turn, []Speaker) {
	speakers, roles, named := transcriptRoles(labels, d.Title, d.Text)
	var people []Speaker
	seen := map[string]bool{}
	for i, sp := range speakers {
		if named[i] && !seen[sp.Name] {
			seen[sp.Name] = true
			people = append(people, sp)
		}
	}
	date := d.Date
	if t, ok := transcriptDate(d.Title, d.Text[:min(labels[0].at, 600)], d.Date); ok {
		date = t
	}
	var out []Turn
	if labels[0].at > 0 {
		out = append(out, Turn{Start: 0, End: labels[0].at, Role: RoleUnknown, Date: date})
	}
	for i, l := range labels {
		end := len(d.Text)
		if i+1 < len(labels) {
			end = labels[i+1].at
		}
		role := roles[i]
		if role == RoleOfficial && floorOnly(d.Text[min(l.at+len(l.label)+1, end):end]) {
			role = RoleModerator
		}
		out = append(out, Turn{Start: l.at, End: end, Speaker: speakers[i], Role: role, Date: date})
	}
	return out, people
}

// transcriptDate is the day a transcript's title or preamble gives for
// the event ("…, December 7, 2023", "(December 7, 2023)") when it is
// published later, within openingMaxAge: the words were said that day.
func transcriptDate(title, preamble string, pub time.Time) (time.Time, bool) {
	if pub.IsZero() {
		return time.Time{}, false
	}
	for _, s := range []string{title, preamble} {
		for _, m := range monthDayRe.FindAllStringSubmatchIndex(s, -1) {
			if m[6] < 0 {
				continue // a year is needed: a bare "May 5" may be anything
			}
			t, ok := resolveMonthDay(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]], pub)
			if ok && !t.After(pub) && pub.Sub(t) <= openingMaxAge {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// transcriptRoles resolves each label to its speaker and role: "Q" is a
// reporter, MODERATOR and OPERATOR are themselves, a named label is an
// official (with the title the document gives). A journalist hosting an
// interview is an official here too: the share of turns asking a question
// does not tell them apart (on the White House record MR. COOPER asks in
// 41% of his turns, THE PRESIDENT in 36%).
func transcriptRoles(labels []turn, docTitle, text string) ([]Speaker, []Role, []bool) {
	cache := map[string]Speaker{}
	generic := map[string]bool{}
	speakers := make([]Speaker, len(labels))
	roles := make([]Role, len(labels))
	named := make([]bool, len(labels))
	typos := labelTypos(labels)
	for i, l := range labels {
		if l.label == "Q" {
			speakers[i], roles[i] = Speaker{Name: "Reporter"}, RoleReporter
			continue
		}
		if to, ok := typos[l.label]; ok {
			l.label = to
		}
		sp, ok := cache[l.label]
		if !ok {
			var g bool
			sp, g = turnSpeaker(l.label, docTitle, text)
			sp.Title = trimHonorific(sp.Title)
			cache[l.label] = sp
			generic[l.label] = g
		}
		speakers[i] = sp
		named[i] = !generic[l.label]
		switch {
		case l.label == "MODERATOR":
			roles[i] = RoleModerator
		case l.label == "OPERATOR":
			roles[i] = RoleOperator
		case l.label == "REPORTER" || l.label == "REPORTERS":
			roles[i] = RoleReporter
		case strings.Contains(l.label, "OFFICIAL"):
			roles[i] = RoleOfficial
		case generic[l.label]:
			roles[i] = RoleUnknown // the audience, an aide, a child
		default:
			roles[i] = RoleOfficial
		}
	}
	return speakers, roles, named
}

// Label typos: a transcript misspells a speaker's label now and then
// ("MR. HAMMILL:" once among Mark Hamill's "MR. HAMILL:" turns, the White
// House briefing of 2024-05-03), and the misspelt label, found in no name
// of the document, was read as a person of its own. A label is read as
// another of the same document when it has the same words before its
// last, its last word is one edit from the other's (text.EditDistance),
// both at least typoMinLen letters long, it labels at most typoMaxTurns
// turns and the other at least typoMinOther and more than it: a typo is
// rare beside the label it misspells.
const (
	typoMinLen   = 5
	typoMaxTurns = 2
	typoMinOther = 2
)

// labelTypos maps each label of labels read as a typo of another (see
// above) to that label; nil when none is.
func labelTypos(labels []turn) map[string]string {
	// Each distinct label once, split before its last word ("MR." and
	// "HAMILL" of "MR. HAMILL"), with how many turns it labels.
	type use struct {
		label, head, last string
		n                 int
	}
	var uses []use
	at := map[string]int{}
	for _, l := range labels {
		if i, ok := at[l.label]; ok {
			uses[i].n++
			continue
		}
		cut := strings.LastIndexByte(l.label, ' ') + 1
		at[l.label] = len(uses)
		uses = append(uses, use{l.label, l.label[:cut], l.label[cut:], 1})
	}
	var out map[string]string
	for _, u := range uses {
		if u.n > typoMaxTurns || len(u.last) < typoMinLen {
			continue
		}
		match, matches := "", 0
		for _, o := range uses {
			if o.label == u.label || o.n < typoMinOther || o.n <= u.n || o.head != u.head || len(o.last) < typoMinLen {
				continue
			}
			if text.EditDistance(u.last, o.last, 1) == 1 {
				match, matches = o.label, matches+1
			}
		}
		if matches == 1 {
			if out == nil {
				out = map[string]string{}
			}
			out[u.label] = match
		}
	}
	return out
}

// floorPhrases are what a speaker says to run a call rather than to make a
// statement: handing over the floor and the ground rules.
var floorPhrases = []string{
	"go to the line of", "next question", "last question", "one more question", "unmute yourself",
	"turn it over to", "hand it over to", "open it up for", "open up for questions", "take your questions",
	"on background", "embargoed", "attributable to", "for a question", "the floor is yours",
	"you should be able to", "go ahead with your question", "we’ll go to", "we'll go to", "let’s go to",
	"let's go to", "raise your hand", "raise their hands", "queue up",
}

// floorOnly reports a turn whose sentences mostly run the call ("Thanks.
// Next up, we'll go to the line of …"): a moderator's turn, whoever says
// it.
func floorOnly(turn string) bool {
	if len(turn) > floorMaxBytes {
		return false
	}
	lower := strings.ToLower(turn)
	mentioned := false
	for _, p := range floorPhrases {
		if strings.Contains(lower, p) {
			mentioned = true
			break
		}
	}
	if !mentioned {
		return false
	}
	sents := text.Sentences(turn)
	floor := 0
	for _, s := range sents {
		l := strings.ToLower(turn[s[0]:s[1]])
		for _, p := range floorPhrases {
			if strings.Contains(l, p) {
				floor++
				break
			}
		}
	}
	return floor > 0 && 2*floor >= len(sents)-countShort(turn, sents)
}

// floorMaxBytes bounds a moderator's turn: an official's answer that
// mentions "the next question" in passing is longer.
const floorMaxBytes = 1200

// countShort counts sentences of at most two words ("Thanks.", "Go
// ahead."), which neither make a statement nor run the call.
func countShort(turn string, sents [][2]int) int {
	n := 0
	for _, s := range sents {
		if len(strings.Fields(turn[s[0]:s[1]])) <= 2 {
			n++
		}
	}
	return n
}

// withTurnSpeakers completes a document's speakers with those its turns
// find: the person issuing a statement first, then the sources of its
// quotations not yet listed. The outlet narrating is not a speaker.
func withTurnSpeakers(speakers []Speaker, turns []Turn, outlet string) []Speaker {
	has := func(name string) bool {
		for _, s := range speakers {
			if s.Name == name {
				return true
			}
		}
		return false
	}
	for _, t := range turns {
		n := t.Speaker.Name
		if n == "" || n == outlet || has(n) {
			continue
		}
		switch t.Role {
		case RoleIssuer, RoleOfficial:
			speakers = append([]Speaker{t.Speaker}, speakers...)
		case RoleReported:
			// People only: a description ("a top US diplomat") or an
			// organisation is a turn's speaker, not a name to filter by.
			if personName(n) {
				speakers = append(speakers, t.Speaker)
			}
		}
	}
	return speakers
}

// personName reports a name of two or more words, each a name word or an
// initial ("Matthew Miller", "Joseph R. Biden, Jr.").
func personName(n string) bool {
	words := strings.Fields(n)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		w = strings.TrimRight(w, ",")
		if !isNameWord(w) && !isInitial(w) && w != "Jr." && w != "Sr." {
			return false
		}
	}
	return true
}

// trimHonorific drops an honorific the title phrase carried over from
// before the name ("Homeland Security Advisor Dr.").
func trimHonorific(title string) string {
	words := strings.Fields(title)
	for len(words) > 0 && text.IsHonorific(strings.ToUpper(words[len(words)-1])) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}
