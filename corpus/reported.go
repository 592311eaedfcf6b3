package corpus

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// quotation is one quoted span of a text: [start, end) with its marks.
type quotation struct {
	start, end int
	para       int  // index of its paragraph
	ps, pe     int  // its paragraph's byte range
	open       bool // runs to the paragraph's end without a closing mark
	// cont is the index of the quotation it continues (a quotation running
	// over several paragraphs reopens each one), or -1.
	cont int
}

// maxSingleQuote bounds a span in single quotation marks: past it the
// opening mark was an apostrophe ("‘90s") or a quotation never closed.
const maxSingleQuote = 300

// quoteOpen returns the size of an opening quotation mark at i of p (0 if
// none): curly, low and guillemet double quotes, two backticks, and a
// straight or fullwidth double quote at the start of a word.
func quoteOpen(p string, i int) int {
	switch {
	case strings.HasPrefix(p[i:], "“"):
		return len("“")
	case strings.HasPrefix(p[i:], "„"):
		return len("„")
	case strings.HasPrefix(p[i:], "«"):
		return len("«")
	case strings.HasPrefix(p[i:], "``"):
		return 2
	case p[i] == '"' && wordStartAt(p, i) && i+1 < len(p) && !isSpace(p[i+1]):
		return 1
	case strings.HasPrefix(p[i:], "＂") && wordStartAt(p, i):
		return len("＂")
	}
	return 0
}

// quoteClose returns the size of a closing double quotation mark at i of
// p (0 if none).
func quoteClose(p string, i int) int {
	switch {
	case strings.HasPrefix(p[i:], "”"):
		return len("”")
	case strings.HasPrefix(p[i:], "»"):
		return len("»")
	case strings.HasPrefix(p[i:], "''"):
		return 2
	case p[i] == '"':
		return 1
	case strings.HasPrefix(p[i:], "＂"):
		return len("＂")
	case strings.HasPrefix(p[i:], "“") && i > 0 && !isSpace(p[i-1]) && (i+len("“") == len(p) || !isWordByte(p[i+len("“")])):
		// A curly opening mark typed where the closing one belongs
		// ("…the region.“ he said").
		return len("“")
	}
	return 0
}

// wordStartAt reports whether i starts a word: at the start of p or after
// white space, an opening bracket or a dash.
func wordStartAt(p string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(p[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-:", r)
}

// findQuotations lists the quotations of text, paragraph by paragraph
// (one paragraph a line). A double quotation left open at a paragraph's
// end closes there, and continues into the next paragraph when that one
// opens with a quotation mark, as reports write quotations of several
// paragraphs. Single quotation marks (‘…’ or ‘…') quote when they close
// within maxSingleQuote bytes before a non-letter; otherwise they are
// apostrophes.
func findQuotations(text string) []quotation {
	var out []quotation
	para := 0
	prevOpen := -1 // index in out of a quotation left open at the previous paragraph's end
	for ps := 0; ps < len(text); para++ {
		pe := strings.IndexByte(text[ps:], '\n')
		if pe < 0 {
			pe = len(text)
		} else {
			pe += ps
		}
		p := text[ps:pe]
		var local []quotation
		in, single := false, false
		open := 0
		noSingle := -1 // a ‘ at this offset was an apostrophe
		for i := 0; ; {
			if i >= len(p) {
				if in && single {
					// Never closed: an apostrophe after all. Scan on
					// from just after it.
					in, single, noSingle = false, false, open
					i = open + len("‘")
					continue
				}
				break
			}
			c := p[i]
			if c < 0x80 && c != '"' && c != '`' && c != '\'' {
				i++
				continue
			}
			switch {
			case in && !single:
				if n := quoteClose(p, i); n > 0 {
					local = append(local, quotation{start: ps + open, end: ps + i + n, para: para, ps: ps, pe: pe, cont: -1})
					in = false
					i += n
					continue
				}
			case in && single:
				if (strings.HasPrefix(p[i:], "’") || c == '\'') && !letterAt(p, i+runeLen(p, i)) {
					n := runeLen(p, i)
					local = append(local, quotation{start: ps + open, end: ps + i + n, para: para, ps: ps, pe: pe, cont: -1})
					in, single = false, false
					i += n
					continue
				}
				if i-open > maxSingleQuote {
					// Not a quotation: rescan after the mark.
					in, single, noSingle = false, false, open
					i = open + len("‘")
					continue
				}
			default:
				if n := quoteOpen(p, i); n > 0 {
					in, open = true, i
					i += n
					continue
				}
				if strings.HasPrefix(p[i:], "‘") && wordStartAt(p, i) && i != noSingle {
					in, single, open = true, true, i
					i += len("‘")
					continue
				}
			}
			i += runeLen(p, i)
		}
		if in {
			local = append(local, quotation{start: ps + open, end: pe, para: para, ps: ps, pe: pe, open: true, cont: -1})
		}
		// The first quotation continues the previous paragraph's open one
		// when it opens this paragraph.
		if prevOpen >= 0 && len(local) > 0 && strings.TrimLeft(text[ps:local[0].start], " \t") == "" {
			local[0].cont = prevOpen
		}
		prevOpen = -1
		out = append(out, local...)
		if in {
			prevOpen = len(out) - 1
		}
		ps = pe + 1
	}
	return out
}

// runeLen returns the size of the character at i of s.
func runeLen(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return max(n, 1)
}

// letterAt reports a letter at i of s.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// pronounsSingular refer back to the last person quoted.
var pronounsSingular = setOf("he", "she")

// pronounsIssuer refer to whoever issues the document.
var pronounsIssuer = setOf("i", "we")

// isAttribVerb reports a verb that attributes a quotation.
func isAttribVerb(w string) bool {
	return text.IsAttributionVerb(w)
}

// clauseToken is a word of an attribution clause with its offsets in the
// masked text.
type clauseToken struct {
	w          string // the word without surrounding punctuation
	raw        string
	start, end int
}

// clauseTokens splits masked[lo:hi] into words; masked quotation bytes
// (NUL) are a word of their own that names nobody.
func clauseTokens(masked string, lo, hi int) []clauseToken {
	var out []clauseToken
	i := lo
	for i < hi {
		for i < hi && (isSpace(masked[i])) {
			i++
		}
		if i >= hi {
			break
		}
		j := i
		for j < hi && !isSpace(masked[j]) {
			j++
		}
		raw := masked[i:j]
		w := strings.Trim(raw, tokenTrim)
		out = append(out, clauseToken{w: w, raw: raw, start: i, end: j})
		i = j
	}
	return out
}

// reporter attributes the quotations of one document.
type reporter struct {
	text, masked string
	def          Speaker
	defRole      Role
	pub          time.Time
	last         *Speaker  // the last person a quotation was attributed to
	lastAt       int       // where the clause attributing it ends
	history      []Speaker // everyone quotations were attributed to, in order
	lastDate     map[string]time.Time
	names        map[string][]nameMention // surname → full-name mentions
}

// nameMention is a full name written in the text, with its title.
type nameMention struct {
	name  string
	title string
	at    int
}

// reportedTurns splits a document spoken in one voice (def, in role) into
// turns: its own words, dated date (a news report's narration is dated
// paragraph by paragraph), and the quotations it attributes to someone
// else, each a turn of reported speech.
func reportedTurns(text string, def Speaker, role Role, date, pub time.Time) []Turn {
	quotes := findQuotations(text)
	r := &reporter{text: text, def: def, defRole: role, pub: pub, lastDate: map[string]time.Time{}}
	if len(quotes) > 0 {
		m := []byte(text)
		for _, q := range quotes {
			for i := q.start; i < q.end; i++ {
				m[i] = 0
			}
		}
		r.masked = string(m)
	} else {
		r.masked = text
	}
	speakers := make([]*Speaker, len(quotes))
	dates := make([]time.Time, len(quotes))
	for i, q := range quotes {
		if q.cont >= 0 && speakers[q.cont] != nil {
			speakers[i], dates[i] = speakers[q.cont], dates[q.cont]
			continue
		}
		sp, d, ok := r.attribute(quotes, i)
		if !ok {
			continue
		}
		speakers[i], dates[i] = &sp, d
		// The parts of a quotation over several paragraphs, attributed at
		// its end, share the speaker.
		for k := q.cont; k >= 0 && speakers[k] == nil; k = quotes[k].cont {
			speakers[k], dates[k] = &sp, d
		}
	}
	// A quotation of a paragraph with no attribution of its own is the
	// speaker's whose quotation shares the paragraph; a paragraph that is
	// all quotation follows the previous paragraph's speaker.
	for i, q := range quotes {
		if speakers[i] != nil {
			continue
		}
		for _, k := range []int{i - 1, i + 1} {
			if k >= 0 && k < len(quotes) && quotes[k].para == q.para && speakers[k] != nil {
				speakers[i], dates[i] = speakers[k], dates[k]
				break
			}
		}
		if speakers[i] == nil && i > 0 && speakers[i-1] != nil && quotes[i-1].para == q.para-1 && allQuoted(r.masked, q) {
			speakers[i], dates[i] = speakers[i-1], dates[i-1]
		}
	}
	r.listQuotes(quotes, speakers)
	// One title for each person: the first the text gives.
	titles := map[string]string{}
	for _, sp := range speakers {
		if sp != nil && sp.Title != "" && titles[sp.Name] == "" {
			titles[sp.Name] = sp.Title
		}
	}
	for _, sp := range speakers {
		if sp != nil && sp.Title == "" {
			sp.Title = titles[sp.Name]
		}
	}
	var out []Turn
	at := 0
	emitDefault := func(end int) {
		for at < end {
			stop := end
			if role == RoleNarration {
				// Narration is dated paragraph by paragraph.
				if k := strings.IndexByte(text[at:end], '\n'); k >= 0 {
					stop = at + k + 1
				}
			}
			d := date
			if role == RoleNarration {
				if t, ok := narrationDate(r.masked[at:stop], pub); ok {
					d = t
				}
			}
			if n := len(out); n > 0 && strings.TrimSpace(text[at:stop]) == "" {
				// White space between paragraphs goes with the turn before.
				out[n-1].End = stop
			} else {
				out = append(out, Turn{Start: at, End: stop, Speaker: def, Role: role, Date: d})
			}
			at = stop
		}
	}
	for i, q := range quotes {
		if speakers[i] == nil || *speakers[i] == def {
			continue
		}
		emitDefault(q.start)
		d := dates[i]
		if d.IsZero() {
			d = date
		}
		out = append(out, Turn{Start: q.start, End: q.end, Speaker: *speakers[i], Role: RoleReported, Date: d})
		at = q.end
	}
	emitDefault(len(text))
	return mergeTurns(out)
}

// listQuotes attributes the quotations of a list under one person's
// introduction: items that hold nothing but quotation ("- “…” (Watch)",
// "- On the strikes: “…”") below a heading or a lead paragraph whose
// subject is one person ("Vice President JD Vance on Meet the Press",
// "President Trump outlined …:", "This morning, Secretary of State Marco
// Rubio joined …"), as articles quote a speech or an interview. In the
// White House record, 88 documents hold bullets opening with a quotation;
// this reading gives 357 quotations of 30 of them to their speakers
// (Trump, Rubio, Vance, Bessent and others, each read and checked),
// which were the issuing office's before: "who said US forces were on the
// ground for about two hours" could not be answered "Marco Rubio". On
// eval/fresh.jsonl the speakers shown right went from 35 to 39 of 46 and
// one more answer holds its words (index rebuilt, main dec2653). A list
// whose items are labelled with other people ("- Press Secretary
// Karoline Leavitt: “…”") leaves its unlabelled items alone.
func (r *reporter) listQuotes(quotes []quotation, speakers []*Speaker) {
	labelled := map[int]bool{} // paragraph starts holding an attributed quotation
	for i, q := range quotes {
		if speakers[i] != nil {
			labelled[q.ps] = true
		}
	}
	intro := map[int]*Speaker{} // by item paragraph start
	for i, q := range quotes {
		if speakers[i] != nil || !r.listItem(q) {
			continue
		}
		sp, ok := intro[q.ps]
		if !ok {
			sp = r.listSpeaker(q.ps, labelled, intro)
			intro[q.ps] = sp
		}
		if sp != nil {
			speakers[i] = sp
		}
	}
}

// maxListLabel bounds the words of an item's topic label ("On the Oval
// Office meeting between President Trump and Zelenskyy:").
const maxListLabel = 16

// listParenRe matches a short parenthesis after an item's quotation:
// "(Watch)", "(Watch, Watch)".
var listParenRe = regexp.MustCompile(`\([^()\x00]{0,30}\)`)

// listItem reports a quotation whose paragraph is a list item (listPara).
func (r *reporter) listItem(q quotation) bool { return r.listPara(q.ps, q.pe) }

// listPara reports a paragraph masked[ps:pe] that is a list item holding
// quotations and nothing else, after an optional topic label and before
// optional short parentheses.
func (r *reporter) listPara(ps, pe int) bool {
	p := strings.TrimSpace(r.masked[ps:pe])
	c, n := utf8.DecodeRuneInString(p)
	if n == 0 || !strings.ContainsRune(bulletMarks, c) || !strings.ContainsRune(p, 0) {
		return false
	}
	p = strings.TrimSpace(p[n:])
	if k := strings.IndexByte(p, ':'); k > 0 && !strings.ContainsRune(p[:k], 0) {
		// Only a topic ("On the precision strikes:"): a source's label
		// ("CNBC:", "PROMISE:") says the words are not the introducer's.
		if !strings.HasPrefix(p, "On ") || len(strings.Fields(p[:k])) > maxListLabel {
			return false
		}
		p = p[k+1:]
	}
	p = listParenRe.ReplaceAllString(p, "")
	if k := strings.LastIndexByte(p, 0); k >= 0 && linkLabel(strings.TrimSpace(p[k+1:])) {
		p = p[:k+1]
	}
	p = strings.ReplaceAll(p, "\x00", "")
	return strings.Trim(p, " \t.,;:…") == ""
}

// linkLabel reports the bare text of a link left after an item's
// quotation when the page was turned into text ("… together.” Watch"):
// a link's usual words (linkLabels). In the White House record 31 list
// items of 5 documents end so, all "Watch", among them every item of
// Trump's remarks in Kerr County and at West Point; a name after the
// quotation ("” Mayor Warbleton") says whose it is, and is no label.
func linkLabel(s string) bool {
	return linkLabels[strings.ToLower(strings.Join(strings.Fields(s), " "))]
}

// linkLabels are the words of a link to the words quoted.
var linkLabels = setOf("watch", "watch here", "watch it", "watch video", "video", "listen", "listen here", "read more", "read it here")

// lostOpening reports a list item that ends as the list's quotations do
// (a closing mark, then a short parenthesis: "… nuclear.” (1/21/26)")
// but opens none: its opening mark was lost in the source. Without the
// parenthesis, a closing mark ends a quotation of several paragraphs
// ("- Acme announced new contracts.”"), which does not go on the list.
func lostOpening(item string) bool {
	trimmed := strings.TrimSpace(listParenRe.ReplaceAllString(item, ""))
	return trimmed != strings.TrimSpace(item) && strings.HasSuffix(trimmed, "”") && !strings.Contains(trimmed, "“")
}

// listSpeaker finds the person introducing the list whose item starts at
// ps: the subject of the first paragraph above the list, or of the one
// above that when the first names no one and ends in a colon ("Here are
// the highlights:"). It returns nil when no one person is the subject,
// when an item of the list is attributed to someone already, when a
// bullet of other words stands between, or when the line naming no one
// has another list above it and does not go on with its speaker ("She
// added:"). intro holds the introducers
// found for the items above: an item's walk up the list stops at the
// first item it has found one for, whose walk would go on the same way.
func (r *reporter) listSpeaker(ps int, labelled map[int]bool, intro map[int]*Speaker) *Speaker {
	pronoun := false // the line hopped over opens with "He" or "She": the list above is theirs
	for hops := 0; hops < 2 && ps > 0; {
		end := ps - 1
		start := strings.LastIndexByte(r.masked[:end], '\n') + 1
		ps = start
		t := strings.TrimSpace(r.masked[start:end])
		if t == "" {
			continue
		}
		if c, _ := utf8.DecodeRuneInString(t); strings.ContainsRune(bulletMarks, c) {
			// An item of the same list, or else the list's end: a bullet
			// of other words ("- IBM announced …") stands between. An
			// item whose opening mark was lost ("- They can’t do the
			// nuclear… ” (1/21/26)") is of the same list.
			if hops > 0 && !pronoun || labelled[start] || !r.listPara(start, end) && !lostOpening(t) {
				// Above a line introducing a list ("Radical voices are
				// opposing it:"), a list is another one, unless the line
				// goes on with its speaker ("She added:").
				return nil
			}
			if sp, ok := intro[start]; ok {
				return sp
			}
			continue
		}
		sp, named := r.subject(start, end)
		if sp != nil || named || !strings.HasSuffix(t, ":") {
			return sp
		}
		first, _, _ := strings.Cut(t, " ")
		pronoun = pronounsSingular[strings.ToLower(first)]
		hops++
	}
	return nil
}

// subjectLinks may stand inside a subject's title ("Secretary of State").
var subjectLinks = setOf("of", "the", "for")

// subject reads the person each sentence of masked[lo:hi] opens with,
// after an opening phrase set off by a comma ("This morning, Secretary of
// State Marco Rubio joined …"): one person for all of them, or nil.
// named reports that it opens with some person.
func (r *reporter) subject(lo, hi int) (sp *Speaker, named bool) {
	para := r.masked[lo:hi]
	for _, se := range text.Sentences(para) {
		line := para[se[0]:se[1]]
		if strings.ContainsRune(line, 0) {
			continue
		}
		// The subject may follow up to two opening phrases ("Today, on
		// Memorial Day, President …", "In a wide-ranging interview with
		// Politico, President …").
		starts := []int{0}
		toks := tokensAfter(line, 0, maxOpening+1)
		for _, t := range toks[:max(0, len(toks)-1)] {
			if strings.HasSuffix(t.s, ",") {
				if starts = append(starts, t.end); len(starts) > 2 {
					break
				}
			}
		}
		for _, at := range starts {
			m, ok := openingMention(line, at)
			if !ok && at == 0 {
				m, ok = headingMention(line)
			}
			if !ok {
				continue
			}
			if len(m.name) == 1 {
				m = withInitials(line, m)
			}
			got, ok := r.resolve(m.name, m.title, lo+se[0]+at)
			if !ok || len(strings.Fields(got.Name)) < 2 || got.Title == "" && !titledBefore(line[at:], m.name[0]) {
				// A person the text introduces with a title: not a lone
				// capitalised word no full name completes ("Homeownership
				// has …"), nor a capitalised phrase ("Radical Left
				// Democrats are …").
				continue
			}
			if sp != nil && sp.Name != got.Name {
				return nil, true
			}
			sp, named = &got, true
			break
		}
	}
	return sp, named
}

// maxOpening bounds the words of the phrases before a paragraph's
// subject.
const maxOpening = 10

// maxHeadingWords bounds a heading that is a person's title and name.
const maxHeadingWords = 10

// headingMention reads a line that is nothing but a person's title and
// name, as a heading over the list of their words ("Secretary of
// Homeland Security Kristi Noem", then "- “…”" items). Only a title
// makes it a person's: "Booz Allen" or "Code.org" heading a company's
// words is no one's.
func headingMention(line string) (mention, bool) {
	line = strings.TrimSpace(line)
	if line == "" || len(strings.Fields(line)) > maxHeadingWords || strings.ContainsAny(line[len(line)-1:], ".!?:;,") {
		return mention{}, false
	}
	m, ok := mentionBefore(line, len(line))
	if !ok || m.title == "" {
		return mention{}, false
	}
	// The title opens the line (its first word a title's, or its second
	// the title's noun: "Border Czar"), and the words before the name are
	// of titles and office names only: "Praise for Minister …", "Leaders
	// Congratulate President …" and "… and Minister …" head others'
	// words about them.
	words := strings.Fields(line[:m0(line, m)])
	if len(words) == 0 || !text.IsTitleWord(strings.ToLower(words[0])) && (len(words) < 2 || !text.IsTitleNoun(strings.ToLower(words[1]))) {
		return mention{}, false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if lw == "and" || !capitalised(w) && !text.IsConnector(lw) {
			return mention{}, false
		}
	}
	return m, true
}

// openingMention reads a person's name, with its title, opening line at
// start and followed by a lower-case word that is not a conjunction ("…
// Marco Rubio joined", "… JD Vance on Meet the Press").
func openingMention(line string, start int) (mention, bool) {
	toks := tokensAfter(line, start, 10)
	for k, t := range toks {
		c, _ := utf8.DecodeRuneInString(t.s)
		if !unicode.IsLower(c) || subjectLinks[t.s] {
			if strings.HasSuffix(t.s, "’s") || strings.HasSuffix(t.s, "'s") || trailsCloser(t.s) && !isAbbrev(t.s) {
				return mention{}, false
			}
			continue
		}
		if k == 0 || t.s == "and" || t.s == "or" {
			return mention{}, false
		}
		return mentionBefore(line, t.start)
	}
	return mention{}, false
}

// titledBefore reports a title noun among the words of s before name
// ("Secretary of the Treasury Scott Bessent"), which the title phrase
// did not read.
func titledBefore(s, name string) bool {
	k := strings.Index(s, name)
	if k < 0 {
		return false
	}
	for _, w := range strings.Fields(s[:k]) {
		if text.IsTitleNoun(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// withInitials completes a surname m read from line with the given name
// written as two capital initials before it ("Vice President JD Vance"),
// which the title phrase took for a title word.
func withInitials(line string, m mention) mention {
	tw := strings.Fields(m.title)
	if len(tw) == 0 {
		return m
	}
	w := tw[len(tw)-1]
	if !initialsName(w) || !strings.Contains(line, w+" "+m.name[0]) {
		return m
	}
	m.name = []string{w, m.name[0]}
	m.title = strings.Join(tw[:len(tw)-1], " ")
	return m
}

// mergeTurns joins neighbouring turns of the same speaker, role and date.
func mergeTurns(ts []Turn) []Turn {
	out := ts[:0]
	for _, t := range ts {
		if n := len(out); n > 0 && out[n-1].Speaker == t.Speaker && out[n-1].Role == t.Role && out[n-1].Date.Equal(t.Date) {
			out[n-1].End = t.End
			continue
		}
		out = append(out, t)
	}
	return out
}

// allQuoted reports a quotation that is its whole paragraph, apart from
// punctuation.
func allQuoted(masked string, q quotation) bool {
	const punct = " \t.,;:\x00"
	return strings.Trim(masked[q.ps:q.start], punct) == "" && strings.Trim(masked[q.end:q.pe], punct) == ""
}

// narrationDate is the day a paragraph of a report gives for what it
// states: "as of Friday morning", or a date next to a speech verb ("said
// on Monday"), resolved against the publication date.
func narrationDate(para string, pub time.Time) (time.Time, bool) {
	if pub.IsZero() {
		return time.Time{}, false
	}
	if i := strings.Index(para, "as of "); i >= 0 {
		rest := para[i+len("as of "):]
		rest = rest[:min(len(rest), 40)]
		if m := weekdayRe.FindStringIndex(rest); m != nil && m[0] == 0 {
			if !dated(rest[m[1]:]) {
				wd, _ := text.Weekday(rest[m[0]:m[1]])
				return text.LastWeekday(wd, pub)
			}
			// "as of Tuesday, March 3": the date names the day.
			rest = strings.TrimLeft(rest[m[1]:], ", (")
		}
		if m := monthDayRe.FindStringSubmatchIndex(rest); m != nil && m[0] == 0 {
			yy := ""
			if m[6] >= 0 {
				yy = rest[m[6]:m[7]]
			}
			return resolveMonthDay(rest[m[2]:m[3]], rest[m[4]:m[5]], yy, pub)
		}
		if strings.HasPrefix(rest, "today") || strings.HasPrefix(rest, "this morning") {
			return pub, true
		}
	}
	return statementDate(para, text.Sentences(para), 0, pub)
}

// attribute finds who a quotation is attributed to: the source its
// sentence names next to a speech verb, after the quotation ("…,” Price
// said", "…,” said Price", "…,” according to Price") or before it ("Price
// wrote: “…”", "According to Price, “…”"), or at the end of the paragraph
// before it ("Price said:"). Names inside quotations never count.
func (r *reporter) attribute(quotes []quotation, i int) (Speaker, time.Time, bool) {
	q := quotes[i]
	ps, pe := q.ps, q.pe
	// The clause after the quotation runs to the next quotation or the
	// end of its sentence; the one before from the previous quotation or
	// the start of its sentence.
	afterEnd := min(pe, q.end+attribWindow)
	if i+1 < len(quotes) && quotes[i+1].start < afterEnd {
		afterEnd = quotes[i+1].start
	}
	if k := sentenceEnd(r.masked, q.end, afterEnd); k >= 0 {
		afterEnd = k
	}
	beforeStart := max(ps, q.start-attribWindow)
	if i > 0 && quotes[i-1].end > beforeStart {
		beforeStart = quotes[i-1].end
	}
	beforeStart = max(beforeStart, sentenceStart(r.masked, beforeStart, q.start))
	if sp, ok := r.after(q.end, afterEnd); ok {
		return r.found(sp, beforeStart, afterEnd)
	}
	if sp, ok := r.before(beforeStart, q.start); ok {
		return r.found(sp, beforeStart, afterEnd)
	}
	// "Price said:" closing the paragraph before a quoted paragraph.
	if strings.TrimLeft(r.masked[ps:q.start], " \t") == "" && ps > 1 {
		prevEnd := ps - 1
		for prevEnd > 0 && strings.IndexByte("\n \t", r.masked[prevEnd-1]) >= 0 {
			prevEnd-- // the blank line between the paragraphs
		}
		prev := max(strings.LastIndexByte(r.masked[:prevEnd], '\n')+1, prevEnd-attribWindow)
		line := strings.TrimRight(r.masked[prev:prevEnd], " \t")
		if strings.HasSuffix(line, ":") {
			lo := max(prev, sentenceStart(r.masked, prev, prev+len(line)))
			if sp, ok := r.before(lo, prev+len(line)); ok {
				return r.found(sp, lo, prevEnd)
			}
			if sp, ok := r.statementFrom(r.masked[lo:prev+len(line)], lo); ok {
				return r.found(sp, lo, prevEnd)
			}
		}
	}
	if sp, ok := r.label(q); ok {
		return r.found(sp, ps, q.start)
	}
	if sp, ok := r.signature(quotes, i); ok {
		return r.found(sp, q.start, q.end)
	}
	return Speaker{}, time.Time{}, false
}

// statementFrom reads the person a line announcing the quotation below
// names as its source: "A statement from Director Carter on her
// confirmation follows:", "Read the statement by Secretary Rubio
// below:". at is the line's offset in the text.
func (r *reporter) statementFrom(line string, at int) (Speaker, bool) {
	lower := text.LowerInPlace(line)
	for _, lead := range statementLeads {
		k := strings.Index(lower, lead)
		if k < 0 {
			continue
		}
		rest := line[k+len(lead):]
		end := len(rest)
		for _, stop := range []string{" on ", " about ", " regarding ", " follows", " below", " is ", ",", ":", "(", "\n"} {
			if j := strings.Index(rest, stop); j >= 0 && j < end {
				end = j
			}
		}
		return r.person(strings.TrimSpace(rest[:end]), at+k+len(lead))
	}
	return Speaker{}, false
}

// statementLeads open the source of a statement a line announces.
var statementLeads = []string{"statement from ", "statement by ", "remarks from ", "remarks by ", "message from "}

// dashMarks open a signature line; with bulletMarks, a list item.
const (
	dashMarks   = "-–—"
	bulletMarks = dashMarks + "•*·"
)

// label reads the person labelling a quotation at the start of its
// paragraph, with nothing but a colon between ("- Secretary of State
// Marco Rubio: “…”", "Press Secretary Karoline Leavitt: “…”"), as
// releases list what officials and others said.
func (r *reporter) label(q quotation) (Speaker, bool) {
	lead := strings.TrimSpace(r.masked[q.ps:q.start])
	lead = strings.TrimSpace(strings.TrimLeft(lead, bulletMarks))
	if !strings.HasSuffix(lead, ":") || strings.ContainsRune(lead, 0) {
		return Speaker{}, false
	}
	lead = strings.TrimSpace(strings.TrimSuffix(lead, ":"))
	// "Rep. Zara Quillfeather (N-NL):": the party and state, or an
	// affiliation, follow the person in brackets.
	if i := strings.LastIndexByte(lead, '('); i > 0 && strings.HasSuffix(lead, ")") && len(lead)-i <= maxAffiliation {
		lead = strings.TrimSpace(lead[:i])
	}
	if sp, ok := r.person(lead, q.ps); ok {
		return sp, true
	}
	// "Ranking Member, House Oversight and Accountability Committee,
	// Maryland Congressman Jamie Raskin:": the posts first, the person
	// with the last of them, after its title's noun, every word
	// capitalised, when what opens the label is no person's name.
	// ("Michael Gerson, Assistant to the President …, President George W.
	// Bush:" is Gerson's, as his employer's name ends it; "Liz Fairchild,
	// Executive Director, Business Forward:" and "…, President and CEO of
	// Voto Latino:" end with an organisation, no one.)
	if i := strings.LastIndex(lead, ", "); i > 0 && !namesSomeone(lead[:strings.Index(lead, ", ")]) {
		if _, title, ok := labelPerson(lead[i+2:]); ok && endsInTitleNoun(title) && allCapitalised(title) {
			return r.person(lead[i+2:], q.ps)
		}
	}
	return Speaker{}, false
}

// namesSomeone reports whether the first part of a label names a person
// ("Michael Gerson", "Governor Zara Quillfeather (N-NL)"), whose the
// quotation then is, not the person a later part names.
func namesSomeone(first string) bool {
	if j := strings.IndexByte(first, '('); j > 0 {
		first = strings.TrimSpace(first[:j])
	}
	if _, _, ok := labelPerson(first); ok {
		return true
	}
	return bareName(first)
}

// bareName reports whether s is two or three capitalised words none of
// which is a title's ("Michael Gerson"), as a person's name is.
func bareName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if !capitalised(w) || text.IsTitleNoun(lw) || text.IsTitleWord(lw) {
			return false
		}
	}
	return true
}

// allCapitalised reports whether every word of a title is capitalised
// and none is a verb's "-ing" ("Former Massachusetts Governor"): a title
// with running words ("… Council under President") is a sentence's end,
// and "Quoting Senator …" or "Endorsing Mayor …" name whom another
// quotes, not a label's person.
func allCapitalised(title string) bool {
	for _, w := range strings.Fields(title) {
		if !capitalised(w) || strings.HasSuffix(strings.ToLower(w), "ing") {
			return false
		}
	}
	return true
}

// endsInTitleNoun reports whether a title's last word is a title's noun
// ("Maryland Congressman", "Sen."), not a word joining it to a body ("…
// CEO of").
func endsInTitleNoun(title string) bool {
	f := strings.Fields(title)
	if len(f) == 0 {
		return false
	}
	lw := strings.ToLower(f[len(f)-1])
	return text.IsTitleNoun(strings.TrimSuffix(lw, ".")) || strings.HasSuffix(lw, ".") && text.IsTitleWord(lw)
}

// maxAffiliation bounds the bracketed words after a label's person.
const maxAffiliation = 40

// signature reads the line signing a quotation that is its whole
// paragraph: the next line holds only a dash and a person ("“…”⏎⏎–
// National Security Advisor Mike Waltz", "-Karoline Leavitt, White House
// Press Secretary"), as statements and releases are signed.
func (r *reporter) signature(quotes []quotation, i int) (Speaker, bool) {
	q := quotes[i]
	if q.open && i+1 < len(quotes) && quotes[i+1].cont == i {
		return Speaker{}, false // the quotation runs on: its last part is signed
	}
	if !allQuoted(r.masked, q) {
		return Speaker{}, false
	}
	rest := r.masked[q.pe:]
	next := strings.TrimLeft(rest, "\n \t")
	at := q.pe + len(rest) - len(next)
	line, _, _ := strings.Cut(next, "\n")
	r0, n := utf8.DecodeRuneInString(line)
	if n == 0 || !strings.ContainsRune(dashMarks, r0) || strings.ContainsRune(line, 0) {
		return Speaker{}, false
	}
	return r.person(strings.TrimSpace(line[n:]), at)
}

// person resolves a label or signature to the person it names (see
// labelPerson), a surname completed from the text.
func (r *reporter) person(s string, at int) (Speaker, bool) {
	name, title, ok := labelPerson(s)
	if !ok {
		return Speaker{}, false
	}
	if len(name) == 1 && title == "" {
		return Speaker{}, false
	}
	sp, ok := r.resolve(name, title, at)
	if ok && sp.Title == "" {
		sp.Title = title
	}
	return sp, ok
}

// attribWindow bounds how far (bytes) from a quotation its attribution is
// looked for, so a paragraph of thousands of quotations stays linear.
const attribWindow = 400

// found records a quotation's speaker and finds its date in the clauses
// around it, [lo, hi): a date next to the attribution's verb, else the
// speaker's previous statement's date.
func (r *reporter) found(sp Speaker, lo, hi int) (Speaker, time.Time, bool) {
	para := r.masked[lo:hi]
	d, ok := statementDate(para, text.Sentences(para), 0, r.pub)
	if !ok {
		d = r.lastDate[sp.Name]
	}
	r.lastDate[sp.Name] = d
	if sp.Name != r.def.Name {
		s := sp
		r.last = &s
		r.lastAt = hi
		r.history = append(r.history, sp)
	}
	return sp, d, true
}

// sentenceEnd returns the end of the sentence of masked that starts at or
// before from, looking no further than limit; -1 when it runs past limit.
func sentenceEnd(masked string, from, limit int) int {
	for i := from; i < limit; i++ {
		switch masked[i] {
		case '.', '!', '?':
			if i+1 >= limit || isSpace(masked[i+1]) {
				if text.PeriodEnds(masked, from, i, min(i+2, len(masked))) {
					return i + 1
				}
			}
		}
	}
	return -1
}

// sentenceStart returns the start of the sentence holding to, looking no
// further back than lo.
func sentenceStart(masked string, lo, to int) int {
	for i := to - 1; i > lo; i-- {
		switch masked[i-1] {
		case '.', '!', '?':
			if isSpace(masked[i]) && text.PeriodEnds(masked, lo, i-1, min(i+1, len(masked))) {
				return i
			}
		}
	}
	return lo
}

// maxAttribGap is how many words may stand between a quotation and the
// verb attributing it ("…,” U.S. State Department spokesperson Matthew
// Miller said"); beyond it the verb belongs to another clause.
const maxAttribGap = 9

// after reads the attribution following a quotation in masked[lo:hi]:
// "said Price", "Price said", "according to Price", "he added".
func (r *reporter) after(lo, hi int) (Speaker, bool) {
	toks := clauseTokens(r.masked, lo, hi)
	for k, t := range toks {
		if k > maxAttribGap {
			break
		}
		lw := strings.ToLower(t.w)
		if lw == "according" && k+1 < len(toks) && strings.EqualFold(toks[k+1].w, "to") {
			return r.subjectAfter(toks[k+2:], lo)
		}
		verb := isAttribVerb(lw) || lw == "went" && k+3 < len(toks) && toks[k+3].w == "say"
		if !verb {
			continue
		}
		if k == 0 {
			// "…,” said Price."
			return r.subjectAfter(toks[1:], lo)
		}
		return r.subjectBefore(toks[:k], lo)
	}
	return Speaker{}, false
}

// before reads the attribution leading to a quotation in masked[lo:hi]:
// "Price wrote:", "Price went on to say,", "according to Price,", "Price
// said that the country is".
func (r *reporter) before(lo, hi int) (Speaker, bool) {
	toks := clauseTokens(r.masked, lo, hi)
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		lw := strings.ToLower(t.w)
		if lw == "according" && k+1 < len(toks) && strings.EqualFold(toks[k+1].w, "to") {
			return r.subjectAfter(toks[k+2:], lo)
		}
		if lw == "say" && k >= 3 && strings.EqualFold(toks[k-3].w, "went") {
			return r.subjectBefore(toks[:k-3], lo)
		}
		if !isAttribVerb(lw) {
			continue
		}
		// "Price told TURAN’s correspondent: “…”" and "Price told
		// reporters that “…”": the verb governs the quotation.
		return r.subjectBefore(toks[:k], lo)
	}
	return Speaker{}, false
}

// subjectBefore reads the source ending the tokens before a verb: a name
// with its title ("State Department spokesperson Ned Price"), a name with
// an appositive ("Ned Price, the Department's spokesperson,"), a pronoun,
// or a description ("the State Department spokesperson").
func (r *reporter) subjectBefore(toks []clauseToken, lo int) (Speaker, bool) {
	for len(toks) > 0 && auxiliaries[strings.ToLower(toks[len(toks)-1].w)] {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return Speaker{}, false
	}
	lastTok := toks[len(toks)-1]
	if pr := strings.ToLower(lastTok.w); pronounsSingular[pr] || pronounsIssuer[pr] {
		return r.pronoun(pr, lastTok.start)
	}
	// "Spokesperson Zara Quillfeather of Nowhereland said": the name ends
	// before the "of" that follows it.
	for k := len(toks) - 2; k >= max(1, len(toks)-4); k-- {
		if toks[k].raw == "of" && isNameWord(toks[k-1].raw) {
			toks = toks[:k]
			lastTok = toks[k-1]
			break
		}
	}
	// A name (with its title or appositive) ends right before the verb.
	line := r.masked[lo:lastTok.end]
	if m, ok := mentionBefore(line, len(line)); ok && !strings.ContainsRune(line[m0(line, m):], 0) {
		return r.resolve(m.name, m.title, lo)
	}
	// A description: "the State Department spokesperson", "a
	// spokesperson", "the ministry".
	var words []string
	for k := len(toks) - 1; k >= 0 && len(words) < 6; k-- {
		w := toks[k]
		if strings.ContainsRune(w.raw, 0) || w.w == "" {
			break
		}
		lw := strings.ToLower(w.w)
		words = append([]string{w.w}, words...)
		if lw == "the" || lw == "a" || lw == "an" {
			return r.description(words)
		}
		if trailsCloser(w.raw) && k < len(toks)-1 {
			break
		}
	}
	// An organisation the text says spoke: "The State Department said",
	// "Reuters reported".
	if len(words) > 0 && capitalised(words[0]) {
		org := orgRun(words)
		if org != "" {
			return Speaker{Name: org}, true
		}
	}
	return Speaker{}, false
}

// m0 returns where mention m's name starts in line (its first name word).
func m0(line string, m mention) int {
	if len(m.name) == 0 {
		return len(line)
	}
	if i := strings.LastIndex(line, m.name[0]); i >= 0 {
		return i
	}
	return 0
}

// subjectAfter reads the source following a verb or "according to": "Ned
// Price", "State Department spokesperson Ned Price", "the spokesperson".
func (r *reporter) subjectAfter(toks []clauseToken, lo int) (Speaker, bool) {
	if len(toks) == 0 {
		return Speaker{}, false
	}
	if pr := strings.ToLower(toks[0].w); pronounsSingular[pr] || pronounsIssuer[pr] {
		return r.pronoun(pr, toks[0].start)
	}
	if strings.ContainsRune(toks[0].raw, 0) {
		return Speaker{}, false
	}
	line := r.masked[toks[0].start:toks[len(toks)-1].end]
	if m, ok := mentionAfter(line, 0); ok {
		return r.resolve(m.name, m.title, toks[0].start)
	}
	var words []string
	for _, t := range toks {
		if strings.ContainsRune(t.raw, 0) || t.w == "" {
			break
		}
		words = append(words, t.w)
		if trailsCloser(t.raw) || len(words) >= 6 {
			break
		}
	}
	if len(words) > 0 {
		if lw := strings.ToLower(words[0]); lw == "the" || lw == "a" || lw == "an" {
			return r.description(words)
		}
		if org := orgRun(words); org != "" {
			return Speaker{Name: org}, true
		}
	}
	return Speaker{}, false
}

// pronoun resolves "he"/"she" to the last person quoted and "I"/"we" to
// the document's own voice.
func (r *reporter) pronoun(p string, at int) (Speaker, bool) {
	if pronounsIssuer[p] {
		if r.defRole == RoleIssuer || r.defRole == RoleOfficial {
			return r.def, true
		}
		return Speaker{}, false
	}
	if r.last != nil && !namesAnother(r.masked[min(r.lastAt, at):at], *r.last) {
		return *r.last, true
	}
	return Speaker{}, false
}

// namesAnother reports whether text between the last attributed quotation
// and a pronoun names someone other than last with an honorific ("before
// Dr. Kissinger died … he said, “…”"): the pronoun may be theirs, and is
// not resolved to last.
func namesAnother(between string, last Speaker) bool {
	toks := text.Tokens(between)
	own := text.TermSet(last.Name)
	for k := 0; k+1 < len(toks); k++ {
		w := between[toks[k].Start:toks[k].End]
		next := between[toks[k+1].Start:toks[k+1].End]
		if text.IsHonorific(w) && next != "" && next[0] >= 'A' && next[0] <= 'Z' && !own[text.Stem(toks[k+1].Word)] {
			return true
		}
	}
	return false
}

// description resolves "the State Department spokesperson" to the last
// person quoted whose title holds the same noun; a description that
// fits nobody quoted so far stands for its own ("a State Department
// spokesperson").
func (r *reporter) description(words []string) (Speaker, bool) {
	body := words[1:]
	if len(body) == 0 {
		return Speaker{}, false
	}
	head := strings.ToLower(strings.TrimRight(body[len(body)-1], ",.;:"))
	if !text.IsTitleNoun(head) && !orgNouns[head] {
		return Speaker{}, false
	}
	if text.IsTitleNoun(head) {
		// The nearest person quoted before with that title.
		for k := len(r.history) - 1; k >= 0; k-- {
			for _, w := range strings.Fields(strings.ToLower(r.history[k].Title)) {
				if w == head {
					return r.history[k], true
				}
			}
		}
	}
	name := strings.TrimRight(strings.Join(body, " "), ",.;:")
	if strings.EqualFold(words[0], "the") && text.IsTitleNoun(head) && capitalised(body[0]) {
		// "the President", "the Secretary of State": the holder the text
		// names ("President Joe Biden").
		if n, _ := roleHolder(r.masked, name); n != "" {
			if strings.Contains(n, " ") {
				return Speaker{Name: asciiApostrophes(n), Title: name}, true
			}
			if full := nameWithRole(r.masked, n, name); full != "" {
				return Speaker{Name: full, Title: name}, true
			}
			if fn, _ := findFullName(r.masked, n); len(fn) >= 2 {
				return Speaker{Name: asciiApostrophes(strings.Join(fn, " ")), Title: name}, true
			}
		}
	}
	return Speaker{Name: upperFirst(name)}, true
}

// orgNouns end the name of an organisation that can speak.
var orgNouns = setOf("department", "ministry", "office", "embassy", "government", "agency", "council",
	"kremlin", "pentagon", "commission", "committee", "service", "mission", "administration", "spokesperson")

// orgRun reads a capitalised name of an organisation or outlet from the
// start of words ("State Department", "TURAN", "Reuters"): capitalised
// words and abbreviations, none of them a pronoun or a sentence opener.
func orgRun(words []string) string {
	var run []string
	for _, w := range words {
		w = strings.TrimRight(w, ",.;:")
		if w == "" || !capitalised(w) {
			break
		}
		run = append(run, w)
	}
	if len(run) == 0 || len(run) != len(words) {
		return ""
	}
	if l := strings.ToLower(run[0]); (notNames[l] && !orgNouns[l] && l != "kremlin" && l != "pentagon") && len(run) == 1 {
		return ""
	}
	if text.IsSentenceStarter(run[0]) && len(run) == 1 {
		return ""
	}
	return strings.Join(run, " ")
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// resolve turns a name read at an attribution into a speaker: a full name
// as written, a surname to the full name the text gives it (of two people
// with one surname, the one whose title matches, else the one named last
// before the quotation), an unresolved single word as written.
func (r *reporter) resolve(name []string, title string, at int) (Speaker, bool) {
	if len(name) == 0 {
		return Speaker{}, false
	}
	if len(name) >= 2 {
		full := asciiApostrophes(strings.Join(name, " "))
		if title == "" {
			for _, m := range r.mentions(name[len(name)-1]) {
				if m.name == full && m.title != "" {
					title = m.title
					break
				}
			}
		}
		return Speaker{Name: full, Title: title}, true
	}
	ms := r.mentions(name[0])
	var best *nameMention
	for k := range ms {
		m := &ms[k]
		if title != "" && m.title != "" && titleMatches(title, m.title) {
			best = m
			break
		}
		if m.at < at && (best == nil || m.at > best.at) {
			best = m
		}
	}
	if best == nil && len(ms) > 0 {
		best = &ms[0]
	}
	if best == nil {
		return Speaker{Name: asciiApostrophes(name[0]), Title: title}, true
	}
	if title == "" {
		title = best.title
	}
	return Speaker{Name: best.name, Title: titleOf(title, strings.Fields(best.name))}, true
}

// titleMatches reports titles sharing their last word ("Governor" and
// "Deputy Governor of Example Province").
func titleMatches(a, b string) bool {
	la, lb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	for _, x := range la {
		if !text.IsTitleNoun(x) {
			continue
		}
		for _, y := range lb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// mentions returns the full names ending in surname written in the text
// (outside quotations), each with its title and offset, cached.
func (r *reporter) mentions(surname string) []nameMention {
	if r.names == nil {
		r.names = map[string][]nameMention{}
	}
	if ms, ok := r.names[surname]; ok {
		return ms
	}
	var ms []nameMention
	fullNames(r.masked, surname, func(at int, name []string, title string) bool {
		full := asciiApostrophes(strings.Join(name, " "))
		for k := range ms {
			if ms[k].name == full {
				if ms[k].title == "" {
					ms[k].title = title
				}
				return true
			}
		}
		ms = append(ms, nameMention{name: full, title: title, at: at})
		return true
	})
	r.names[surname] = ms
	return ms
}

// isWordByte reports a byte that belongs to a word: an ASCII letter or digit
// or part of a multi-byte (non-ASCII) character.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
