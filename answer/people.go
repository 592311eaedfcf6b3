package answer

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/corpus"

	"github.com/readout/readout/text"
)

// Person is someone the record quotes, with the names and titles under
// which the record knows them.
type Person struct {
	// Name is the fullest form the record gives most often ("Jake Sullivan").
	Name string `json:"name"`
	// Filter is what a speaker filter matches the record's speaker lists
	// with: the surname in lower case, which every variant of the name the
	// record writes ("Biden", "Joe Biden", "Joseph R. Biden") contains.
	Filter string `json:"filter"`
	// Titles are the titles the record gives them, each with the period
	// of the documents that give it.
	Titles []TitleSpan `json:"titles,omitempty"`
	// Docs is how many documents quote them.
	Docs int `json:"docs"`

	variants []string // lower-case token sequences joined by one space
	// fullTitled are the titles the record gives them with a name of
	// more than one word ("Prime Minister Lee Hsien Loong" gives no
	// senator Mike Lee a title): a surname's label is completed only
	// with a title so given (fullName).
	fullTitled map[string]bool
	// labelled counts the transcript labels that name them with an
	// honorific: [0] "MR.", [1] "MS."/"MRS." (see Gender).
	labelled [2]int
}

// Gender is what the record's transcripts say of a person's pronoun:
// 'm' when the labels that give them an honorific say "MR." (nine in ten
// of at least minGenderLabels), 'f' when they say "MS." or "MRS.", 0
// when they say neither surely (a president is labelled "THE
// PRESIDENT"). "He" in a follow-up is then not the press secretary
// whose words were just quoted.
func (p *Person) Gender() byte {
	m, f := p.labelled[0], p.labelled[1]
	switch {
	case m+f < minGenderLabels:
		return 0
	case 10*m >= 9*(m+f):
		return 'm'
	case 10*f >= 9*(m+f):
		return 'f'
	}
	return 0
}

// minGenderLabels is how many labelled turns Gender needs.
const minGenderLabels = 2

// honorificLabels reads the transcript labels of a text that name a
// person with an honorific ("MS. PSAKI:", "MR. KIRBY:"), calling found
// with the label's surname (as written) and 0 for "MR.", 1 for "MS."
// and "MRS.".
func honorificLabels(body string, found func(surname string, which int)) {
	// Labels open lines: jump from one line opening with "M" to the
	// next (strings.Index is fast where a byte loop over every line of
	// the record is not).
	for i := 0; i < len(body); {
		if i > 0 || body[0] != 'M' {
			k := strings.Index(body[i:], "\nM")
			if k < 0 {
				return
			}
			i += k + 1
		}
		line := body[i:]
		if k := strings.IndexByte(line, '\n'); k >= 0 {
			line = line[:k]
		}
		i++
		which := -1
		switch {
		case strings.HasPrefix(line, "MR. "):
			which, line = 0, line[4:]
		case strings.HasPrefix(line, "MS. "):
			which, line = 1, line[4:]
		case strings.HasPrefix(line, "MRS. "):
			which, line = 1, line[5:]
		}
		if which < 0 {
			continue
		}
		if name, _, ok := strings.Cut(line, ":"); ok && name != "" && len(name) <= 40 && strings.ToUpper(name) == name {
			found(name, which)
		}
	}
}

// TitleSpan is a title a person held in the record: the dates of the
// first and last documents that give it, and how many do.
type TitleSpan struct {
	Title       string    `json:"title"`
	First, Last time.Time `json:"-"`
	Docs        int       `json:"docs"`
}

// people is the record's speakers as an alias table: full names and
// surnames, and the normalised titles with their holders.
type people struct {
	persons []*Person
	// byAlias maps a lower-case name (token sequence joined by spaces) to
	// the persons it may mean, most documents first.
	byAlias map[string][]*Person
	// byTitle maps a normalised title to its holders.
	byTitle map[string][]*Person
	// longest is the most tokens any alias or title has.
	longest int
	// given are the given names of the record's people: the first words
	// of their names of two words or more.
	given map[string]bool
	// outlets are the record's outlets, lower case, as token sequences.
	outlets map[string]string
	// written counts how the record writes lower-case words together
	// (writtenTogether), read once for oneName and namedOnce alike; nil
	// when the index cannot be searched for them.
	written func(words []string) written
	// wordUse reports how the record writes a word: as a name, as a
	// place (see wordUse); nil when the index cannot be searched for it.
	wordUse func(words []string) wordUse
}

// written is how often the passages holding some words write them
// together with every word capitalised (titled) or not (other).
type written struct{ titled, other int }

// oneName reports whether the record writes the words as one capitalised
// name ("half moon bay" → "Half Moon Bay"): at least twice, and more often
// than not.
func (w written) oneName() bool { return w.titled >= 2 && w.titled > w.other }

// namedOnce reports whether the record writes the words together only as
// a capitalised name, once at least ("martin indyk" → "Martin Indyk").
func (w written) namedOnce() bool { return w.titled >= 1 && w.other == 0 }

// minTitleDocs is how many documents must give a title before a question
// can resolve it: a title the record gives once is more likely a parsing
// slip ("Deputy Defense Secretary Hicks" as Sullivan's title) than a post.
const minTitleDocs = 2

// buildPeople reads the speakers of docs into an alias table.
func buildPeople(docs []*corpus.Document) *people {
	type variant struct {
		name string
		toks []string
		docs int
		// places is how many of its documents write it as a place.
		places int
	}
	type titleKey struct{ name, title string }
	variants := map[string]*variant{}
	spans := map[titleKey]*TitleSpan{}
	pp := &people{byAlias: map[string][]*Person{}, byTitle: map[string][]*Person{}, outlets: map[string]string{}, given: map[string]bool{}}
	labels := map[string][2]int{} // variant key → honorific labels (Person.labelled)
	// A "speaker" named only with title words ("White House", "Vice
	// President") is an office or a role, which a question reaches through
	// the titles.
	office := func(toks []string) bool {
		for _, w := range toks {
			if !text.IsTitleWord(w) && !text.IsTitleQualifier(w) {
				return false
			}
		}
		return true
	}
	for _, d := range docs {
		if o := strings.TrimSpace(d.Outlet); o != "" {
			if key := joinTokens(o); key != "" {
				pp.outlets[key] = o
			}
		}
		seen := map[string]bool{}
		var keys []string                // the document's speakers' full names, as variant keys
		bySurname := map[string]string{} // a label's surname → its speaker's key ("" for none)
		honorificLabels(d.Text, func(surname string, which int) {
			key, ok := bySurname[surname]
			if !ok {
				if keys == nil {
					for _, s := range d.Speakers {
						if toks := tokenWords(s.Name); len(toks) > 1 {
							keys = append(keys, strings.Join(toks, " "))
						}
					}
				}
				sur := " " + joinTokens(surname)
				for _, k := range keys {
					if strings.HasSuffix(" "+k, sur) {
						key = k
						break
					}
				}
				bySurname[surname] = key
			}
			if key != "" {
				l := labels[key]
				l[which]++
				labels[key] = l
			}
		})
		for _, s := range d.Speakers {
			toks := tokenWords(s.Name)
			if len(toks) == 0 || toks[0] == "the" || office(toks) || text.IsTitleWord(toks[len(toks)-1]) {
				// "The President", "White House", "Latest White House": an
				// office or a role, resolved by title; nobody's surname is
				// "House".
				continue
			}
			name := s.Name
			if n := leadingTitle(toks); n > 0 {
				// "FIRST LADY JILL BIDEN", a title read into a
				// speaker's name: the name is Jill Biden's.
				toks = toks[n:]
				f := strings.Fields(name)
				k := 0 // the name's words that are its title's
				for k < len(f) && n > 0 {
					n -= len(tokenWords(f[k]))
					k++
				}
				name = strings.Join(f[k:], " ")
			}
			key := strings.Join(toks, " ")
			v := variants[key]
			if v == nil {
				v = &variant{name: name, toks: toks}
				variants[key] = v
			}
			if !seen[key] {
				seen[key] = true
				v.docs++
				if s.Title == "" && writtenAsPlace(d.Text, s.Name) {
					v.places++
				}
			}
			if t := normTitle(s.Title); t != "" && !d.Date.IsZero() {
				k := titleKey{key, t}
				sp := spans[k]
				if sp == nil {
					sp = &TitleSpan{Title: t, First: d.Date, Last: d.Date}
					spans[k] = sp
				}
				sp.Docs++
				if d.Date.Before(sp.First) {
					sp.First = d.Date
				}
				if d.Date.After(sp.Last) {
					sp.Last = d.Date
				}
			}
		}
	}
	// Full names first, most documents first, so that a surname alone
	// joins the person the record quotes most under it.
	vs := make([]*variant, 0, len(variants))
	for _, v := range variants {
		if 2*v.places >= v.docs {
			// A heading read as a speaker ("Attract Investment to
			// Southern Mexico: …"): a place, which no question asks the
			// words of.
			continue
		}
		vs = append(vs, v)
	}
	slices.SortFunc(vs, func(a, b *variant) int {
		if c := boolCmp(len(a.toks) > 1, len(b.toks) > 1); c != 0 {
			return c
		}
		if c := cmp.Compare(b.docs, a.docs); c != 0 {
			return c
		}
		return cmp.Compare(a.name, b.name)
	})
	byKey := map[string]*Person{}
	bySurname := map[string][]*Person{}
	for _, v := range vs {
		sur := v.toks[len(v.toks)-1]
		var p *Person
		if len(v.toks) > 1 {
			// "Joe Biden" and "Joseph R. Biden": same surname, first names
			// that begin alike ("Jill Biden" is someone else).
			for _, q := range bySurname[sur] {
				if text.SameGivenName(strings.Fields(q.variants[0])[0], v.toks[0]) {
					p = q
					break
				}
			}
		} else if ps := bySurname[sur]; len(ps) > 0 {
			p = ps[0]
		}
		if p == nil {
			p = &Person{Name: v.name, Filter: writtenSurname(v.name)}
			pp.persons = append(pp.persons, p)
			bySurname[sur] = append(bySurname[sur], p)
		}
		key := strings.Join(v.toks, " ")
		p.variants = append(p.variants, key)
		if len(v.toks) > 1 && v.docs >= 2 { // not a heading read once as a name ("War Pete Hegseth")
			pp.given[v.toks[0]] = true
		}
		p.Docs += v.docs
		byKey[key] = p
	}
	for key, l := range labels {
		if p := byKey[key]; p != nil {
			p.labelled[0] += l[0]
			p.labelled[1] += l[1]
		}
	}
	for k, sp := range spans {
		p := byKey[k.name]
		if strings.Contains(k.name, " ") {
			if p.fullTitled == nil {
				p.fullTitled = map[string]bool{}
			}
			p.fullTitled[sp.Title] = true
		}
		i := slices.IndexFunc(p.Titles, func(t TitleSpan) bool { return t.Title == sp.Title })
		if i < 0 {
			p.Titles = append(p.Titles, *sp)
			continue
		}
		t := &p.Titles[i]
		t.Docs += sp.Docs
		if sp.First.Before(t.First) {
			t.First = sp.First
		}
		if sp.Last.After(t.Last) {
			t.Last = sp.Last
		}
	}
	for _, p := range pp.persons {
		// Most documents first; ties by title, so that the order (and the
		// title an answer shows) does not follow the map's.
		slices.SortFunc(p.Titles, func(a, b TitleSpan) int {
			if c := cmp.Compare(b.Docs, a.Docs); c != 0 {
				return c
			}
			return cmp.Compare(a.Title, b.Title)
		})
		aliases := slices.Clone(p.variants)
		for _, v := range p.variants {
			// A surname opening with a particle, whole: "von der leyen"
			// of "ursula von der leyen" (a question names her so); and
			// of a name with particles further on, each part a particle
			// opens and the name up to it ("bin zayed", "mohamed bin
			// zayed", "al nahyan" of "mohamed bin zayed al nahyan").
			f := strings.Fields(v)
			var at []int
			for i := 1; i < len(f)-1; i++ {
				if text.IsNameParticle(f[i]) && !text.IsNameParticle(f[i-1]) {
					at = append(at, i)
				}
			}
			for k, i := range at {
				aliases = append(aliases, strings.Join(f[i:], " "))
				if k+1 < len(at) {
					aliases = append(aliases, strings.Join(f[i:at[k+1]], " "), strings.Join(f[:at[k+1]], " "))
				}
			}
		}
		if last := p.variants[0][strings.LastIndexByte(p.variants[0], ' ')+1:]; !slices.ContainsFunc(text.PlacesAsked(last), func(pl string) bool { return strings.EqualFold(pl, last) }) {
			// The last word alone, unless it is a country's or a
			// state's name: "india" of a question is India, not the
			// "Air India" the record quotes, nor is "israel" a Mr.
			// Israel ("French" or "Cuban" still name their people).
			aliases = append(aliases, last)
		}
		for _, a := range aliases {
			if !slices.Contains(pp.byAlias[a], p) {
				pp.byAlias[a] = append(pp.byAlias[a], p)
			}
			pp.longest = max(pp.longest, len(strings.Fields(a)))
		}
		for _, t := range p.Titles {
			if t.Docs >= minTitleDocs {
				pp.byTitle[t.Title] = append(pp.byTitle[t.Title], p)
				pp.longest = max(pp.longest, len(strings.Fields(t.Title)))
			}
		}
	}
	for _, l := range pp.byAlias {
		slices.SortStableFunc(l, func(a, b *Person) int { return cmp.Compare(b.Docs, a.Docs) })
	}
	pp.addFirstNames()
	pp.addInitials()
	return pp
}

// fullName completes a speaker their document names by surname alone
// ("Biden, President", "Zients") from the record's people: the one person
// of that surname the record gives that title (dominant), or, with no
// title, the one person of that surname it knows by a full name. A role
// named without its holder ("The Vice President") is completed the same
// way from the holders of the title on the statement's day (on). Anything
// less sure keeps the document's own word: "Sullivan" alone may be Jake
// or Dan. Measured (main 0efd610, /tmp/wh10b) over the 229 questions of
// dev, fresh, public and the probe files asked alone: 28 answers name 39
// quotations' speakers in full ("Biden, President" → "Joe Biden,
// President" 32 times; Andy Slavitt, Jeff Zients, Kamala Harris), and no
// other line of any answer changes; every figure unchanged. A role alone
// (main 64f809b): none of the 229 answers quotes one; "who said their
// brother-in-law is a california firefighter" now shows "Kamala Harris,
// Vice President", not "The Vice President" (about 90 turns of the
// record are labelled with a role alone).
func (pp *people) fullName(sp corpus.Speaker, on time.Time) corpus.Speaker {
	if pp == nil || sp.Name == "" {
		return sp
	}
	if role, ok := strings.CutPrefix(sp.Name, "The "); ok && sp.Title == "" && !on.IsZero() {
		if t := normTitle(role); t != "" {
			if p := dominant(pp.byTitle[t], t, on); p != nil {
				sp.Name, sp.Title = p.Name, role
			}
		}
		return sp
	}
	if strings.ContainsAny(strings.TrimSpace(sp.Name), " .") {
		return sp
	}
	var full []*Person
	for _, p := range pp.byAlias[strings.ToLower(sp.Name)] {
		if f := strings.Fields(p.Name); len(f) >= 2 && strings.EqualFold(f[len(f)-1], sp.Name) {
			full = append(full, p)
		}
	}
	if t := normTitle(sp.Title); t != "" {
		full = slices.DeleteFunc(full, func(p *Person) bool { return !p.fullTitledAs(t) })
		if p := dominant(full, t, time.Time{}); p != nil {
			sp.Name = p.Name
		}
		return sp
	}
	if len(full) == 1 {
		sp.Name = full[0].Name
	}
	return sp
}

// fullTitledAs reports whether the record gives p title t, or a title
// holding its words ("governor" in "kentucky governor"), with a name of
// more than one word.
func (p *Person) fullTitledAs(t string) bool {
	if p.fullTitled[t] {
		return true
	}
	for ft := range p.fullTitled {
		if strings.Contains(" "+ft+" ", " "+t+" ") {
			return true
		}
	}
	return false
}

// mostQuoted is the one of ps the record quotes in fullNameLead times as
// many documents as any other, or the only one; nil when none leads so:
// of those the record writes with surname "Fauci", Anthony Fauci beside
// the "Tony Fauci" and the "Doctors Fauci" its speaker lists also hold.
// Only whether a person has spoken at all in a period counts a turn
// labelled with the surname alone so (emptyWindow); an answer never
// names a quotation's speaker by it, as "DR. BIDEN:" may be Jill Biden
// whom the record quotes less than Joe.
func mostQuoted(ps []*Person) *Person {
	var best *Person
	next := 0
	for _, p := range ps {
		switch {
		case best == nil || p.Docs > best.Docs:
			if best != nil {
				next = max(next, best.Docs)
			}
			best = p
		default:
			next = max(next, p.Docs)
		}
	}
	if best == nil || len(ps) > 1 && best.Docs < fullNameLead*next {
		return nil
	}
	return best
}

// dominant returns the one of ps the record gives title most (on day on,
// when on is not zero), when it gives it to the others at most
// 1/fullNameLead as often: the record's speaker lists also hold a
// president's family under his title (Jill Biden's "President" of 10
// documents beside Joe Biden's 2,968); nil when none leads so.
func dominant(ps []*Person, title string, on time.Time) *Person {
	best, next := 0, 0
	var holder *Person
	for _, p := range ps {
		for _, ts := range p.Titles {
			switch {
			case ts.Title != title || ts.Docs < minTitleDocs:
			case !on.IsZero() && (on.Before(ts.First) || on.After(ts.Last)):
			case ts.Docs > best:
				best, next, holder = ts.Docs, best, p
			case ts.Docs > next:
				next = ts.Docs
			}
		}
	}
	if holder == nil || best < fullNameLead*next {
		return nil
	}
	return holder
}

// fullNameLead is how many times more often the record must give a title
// to one person than to any other for a label of that title to name them
// (people.fullName, dominant), and quote one person than any other of a
// surname for a turn labelled with the surname alone to count as theirs
// in a period (mostQuoted).
const fullNameLead = 10

// A first name alone ("what did jake say") means the person the record
// quotes under it in at least firstNameDocs documents and firstNameLead
// times as many as anyone else of that first name (Jake Sullivan 325,
// Jake Bomba 1). Chosen, not measured on questions: over the sample and
// White House records these admit 37 first names, each the one official
// or public figure the record quotes under it (adrienne, andy, jake, jen,
// karine, lael, rochelle …), and no first name that is also a surname
// there, a common word or a title. The development questions are
// answered as before.
const (
	firstNameDocs = 10
	firstNameLead = 10
)

// addFirstNames adds the first names that say who is meant as aliases;
// a surname of the record keeps its own meaning.
func (pp *people) addFirstNames() {
	pp.addTellingAliases(func(p *Person) string {
		if toks := strings.Fields(p.variants[0]); len(toks) >= 2 && len(toks[0]) >= 3 {
			return toks[0]
		}
		return ""
	}, nil)
}

// addInitials adds the initials of a name of three words or more as an
// alias ("kjp" for Karine Jean-Pierre, "djt" for Donald J. Trump), as a
// chat names the person, when they say who is meant as a first name must
// and are no word, title, chat shorthand or alias of their own.
// Two-letter initials ("js") say too little.
func (pp *people) addInitials() {
	pp.addTellingAliases(func(p *Person) string {
		toks := initialled(p)
		if len(toks) < 3 {
			return ""
		}
		var b strings.Builder
		for _, t := range toks {
			b.WriteByte(t[0])
		}
		return b.String()
	}, func(in string, top *Person) bool {
		if !text.IsASCIILetters(in) || len(text.Synonyms(text.Stem(in))) > 0 {
			return false
		}
		// Chat shorthand for something else ("nsc") is not theirs.
		e := text.ChatExpansion(in)
		return e == nil || strings.Join(e, " ") == strings.Join(initialled(top), " ")
	})
}

// addTellingAliases adds, for each key that keyOf gives the record's
// people ("" for none), the person most quoted under it as the key's
// alias when the key says who is meant: that person is quoted in at least
// firstNameDocs documents and firstNameLead times as many as anyone else
// of the key, the key is no alias already, no stopword, common word,
// title word, honorific or month, and ok (nil: any) accepts it.
func (pp *people) addTellingAliases(keyOf func(*Person) string, ok func(key string, top *Person) bool) {
	byKey := map[string][]*Person{}
	var keys []string
	for _, p := range pp.persons {
		k := keyOf(p)
		if k == "" {
			continue
		}
		if len(byKey[k]) == 0 {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], p)
	}
	for _, k := range keys {
		if _, taken := pp.byAlias[k]; taken || text.IsStopword(k) || text.IsCommon(text.Stem(k)) ||
			text.IsTitleWord(k) || text.IsHonorific(k) || isMonth(k) {
			continue
		}
		ps := byKey[k]
		slices.SortStableFunc(ps, func(a, b *Person) int { return cmp.Compare(b.Docs, a.Docs) })
		if ok != nil && !ok(k, ps[0]) {
			continue
		}
		second := 0
		if len(ps) > 1 {
			second = ps[1].Docs
		}
		if ps[0].Docs >= firstNameDocs && ps[0].Docs >= firstNameLead*max(second, 1) {
			pp.byAlias[k] = []*Person{ps[0]}
		}
	}
}

// initialled is the words of p's name whose initials addInitials reads:
// its first variant without "jr" or "sr".
func initialled(p *Person) []string {
	toks := strings.Fields(p.variants[0])
	if n := len(toks); n > 0 && (toks[n-1] == "jr" || toks[n-1] == "sr") {
		toks = toks[:n-1]
	}
	return toks
}

// placePrepositions put a place after them, never a person.
var placePrepositions = []string{"in", "across", "throughout"}

// writtenAsPlace reports whether doc writes name after a preposition of
// place ("in southern Mexico"), in any case: the record's speaker lists
// hold headings that are places, and a person is never "in" someone.
func writtenAsPlace(doc, name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	// The name's last word, in the case the text writes it, then the
	// words before it (which a place may write in lower case).
	last := f[len(f)-1]
	for i := 0; ; {
		j := strings.Index(doc[i:], last)
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len(last)
		start := at
		ok := true
		for k := len(f) - 2; k >= 0 && ok; k-- {
			before := strings.TrimRight(doc[:start], " ")
			if len(before) == start || len(before) < len(f[k]) || !strings.EqualFold(before[len(before)-len(f[k]):], f[k]) {
				ok = false
				break
			}
			start = len(before) - len(f[k])
		}
		if !ok {
			continue
		}
		before := strings.TrimRight(doc[:start], " ")
		if len(before) == start {
			continue
		}
		for _, p := range placePrepositions {
			if strings.HasSuffix(before, " "+p) || before == p {
				return true
			}
		}
	}
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// holders returns who held title during [since, until] (zero bounds are
// open), the one with most documents under it first; with no period, all
// holders.
func (pp *people) holders(title string, since, until time.Time) []*Person {
	type held struct {
		p    *Person
		docs int
	}
	var hs []held
	for _, p := range pp.byTitle[title] {
		for _, t := range p.Titles {
			if t.Title != title {
				continue
			}
			if (!until.IsZero() && t.First.After(until)) || (!since.IsZero() && t.Last.Before(since)) {
				continue
			}
			hs = append(hs, held{p, t.Docs})
		}
	}
	slices.SortStableFunc(hs, func(a, b held) int { return cmp.Compare(b.docs, a.docs) })
	out := make([]*Person, len(hs))
	for i, h := range hs {
		out[i] = h.p
	}
	return out
}

// normTitle is a title as questions are matched against it: lower-case
// words, without the qualifiers that do not change the post, with
// "advisor" spelt "adviser".
func normTitle(t string) string {
	toks := tokenWords(t)
	for len(toks) > 0 && text.IsTitleQualifier(toks[0]) {
		toks = toks[1:]
	}
	for i, w := range toks {
		toks[i] = postSpelling(w)
	}
	return strings.Join(toks, " ")
}

// officeSpelt spells out the office abbreviations among a question's
// words (space-separated, lower case) that stand for a title's words
// (text.ChatExpansion): "press sec" → "press secretary", "nsa" →
// "national security advisor". The record's titles are written out.
func officeSpelt(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if e := text.ChatExpansion(w); len(e) > 0 && !slices.ContainsFunc(e, func(x string) bool { return !text.IsTitleWord(x) }) {
			f[i] = strings.Join(e, " ")
		}
	}
	return strings.Join(f, " ")
}

// titleOf is the record's title a question's words (space-separated,
// lower case) spell, as byTitle keys it: office abbreviations spelt out
// (officeSpelt), and a post written without its "of" ("sec state",
// "secretary state") read as the record's "secretary of state" when the
// record has that title.
func (pp *people) titleOf(words string) string {
	t := normTitle(officeSpelt(words))
	if _, ok := pp.byTitle[t]; ok {
		return t
	}
	if head, rest, ok := strings.Cut(t, " "); ok && !strings.HasPrefix(rest, "of ") {
		if of := head + " of " + rest; pp.byTitle[of] != nil {
			return of
		}
	}
	return t
}

// postSpelling is a word of a post as titles are matched: "advisor"
// spelt "adviser", the record's two spellings of one post.
func postSpelling(w string) string {
	if w == "advisor" {
		return "adviser"
	}
	return w
}

// tokenWords is the lower-case words of s, joined across apostrophes as
// names are ("O'Brien" → "obrien").
func tokenWords(s string) []string {
	toks := text.Tokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Word
	}
	return out
}

func joinTokens(s string) string { return strings.Join(tokenWords(s), " ") }

// writtenSurname is the last word of name as the speaker filter matches
// it (text.NameKey: "o'brien" → "obrien", "Jean-Pierre" → "jean pierre"):
// the filter and the record's speaker lists are keyed alike.
func writtenSurname(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 && nameSuffix(f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return ""
	}
	return text.NameKey(f[len(f)-1])
}

// nameSuffix reports whether a name's last word, as written, follows
// the surname rather than being it: a regnal number ("Felipe VI",
// "Abdullah II") or "Jr."/"Sr." ("Joseph R. Biden, Jr.").
func nameSuffix(w string) bool {
	w = strings.TrimRight(w, ".,")
	switch w {
	case "Jr", "Sr", "JR", "SR":
		return true
	}
	return text.IsRegnalNumber(w)
}

// surnameTerms are the index terms of a name's last word: reports drop
// first names ("Ned Price" → price).
func surnameTerms(name string) []string {
	toks := tokenWords(name)
	if len(toks) == 0 {
		return nil
	}
	return text.Terms(toks[len(toks)-1])
}

// leadingTitle is how many title words open a speaker's name tokens before a
// name of two words or more ("first lady jill biden": 2), 0 when none do.
func leadingTitle(toks []string) int {
	n := 0
	for n < len(toks) && text.IsTitleWord(toks[n]) && !text.IsConnector(toks[n]) {
		n++
	}
	if len(toks)-n < 2 {
		return 0 // "Vice President Harris": a title and a surname
	}
	return n
}

// kin tells the person a question asks about from the record's other
// people of the same surname, whom a speaker filter (Person.Filter) and
// the surname alone do not tell apart: Jill Biden from Joe Biden, Melania
// Trump from Donald J. Trump.
type kin struct {
	// own are the person's name words but the surname ("jill").
	own map[string]bool
	// others are the words of the others' names and titles that are no
	// word of the person's name or titles ("joe", "presid", "donald").
	others map[string]bool
	// surname are the terms of the surname they share.
	surname map[string]bool
}

// kinOf reads who p's namesakes are among pp's people quoted in at least
// two documents: those the record gives titles, none of them p's (who has
// titles too); nil when p has none, or pp is nil.
func kinOf(p *Person, pp *people) *kin {
	if p == nil || pp == nil || p.Filter == "" {
		return nil
	}
	name := text.TermSet(p.Name)
	mine := maps.Clone(name)
	for _, t := range p.Titles {
		maps.Copy(mine, text.TermSet(t.Title))
	}
	for _, v := range p.variants {
		maps.Copy(mine, text.TermSet(v))
	}
	surname := text.TermSet(p.Filter)
	k := &kin{own: map[string]bool{}, others: map[string]bool{}, surname: surname}
	for t := range name {
		if !surname[t] && len(t) > 1 {
			k.own[t] = true
		}
	}
	titles := map[string]bool{}
	for _, t := range mainTitles(p) {
		titles[strings.ToLower(t.Title)] = true
	}
	for _, o := range pp.persons {
		if o == p || o.Filter != p.Filter || o.Docs < 2 || len(titles) == 0 || len(o.Titles) == 0 ||
			slices.ContainsFunc(mainTitles(o), func(t TitleSpan) bool { return titles[strings.ToLower(t.Title)] }) {
			// Perhaps the same person written otherwise: "Liz" and
			// "Elizabeth Sherwood-Randall", both Homeland Security
			// Advisor; "Tony Fauci", a transcript's name without a title,
			// and "Anthony Fauci".
			continue
		}
		words := text.Terms(o.Name)
		for _, t := range o.Titles {
			words = append(words, text.Terms(t.Title)...)
		}
		for _, t := range words {
			if !mine[t] && len(t) > 1 {
				k.others[t] = true
			}
		}
	}
	if len(k.own) == 0 || len(k.others) == 0 {
		return nil
	}
	return k
}

// mainTitles are the titles the record gives p in minTitleDocs documents
// or more and at least a quarter as many as the title it gives most: not
// a parsing slip giving the First Lady the President's title in a few of
// hers.
func mainTitles(p *Person) []TitleSpan {
	most := 0
	for _, t := range p.Titles {
		most = max(most, t.Docs)
	}
	var out []TitleSpan
	for _, t := range p.Titles {
		if t.Docs >= minTitleDocs && 4*t.Docs >= most {
			out = append(out, t)
		}
	}
	return out
}

// other reports whether s (a speaker's name, a title, a sentence's
// opening names) names one of the person's namesakes rather than the
// person: a word of theirs stands just before the surname ("President
// Biden", "Joe Biden"), and none of the person's own ("First Lady Jill
// Biden" is hers). A nil kin tells no one apart.
func (k *kin) other(s string) bool {
	if k == nil {
		return false
	}
	return k.otherTerms(text.Terms(s))
}

// otherTerms is other of s's index terms ts.
func (k *kin) otherTerms(ts []string) bool {
	if k == nil {
		return false
	}
	// Only the words just before the surname name whose it is: "…
	// Celebration to Mark Black History Month" is no Mark Harris.
	found := false
	for j, t := range ts {
		if !k.surname[t] {
			continue
		}
		for _, u := range ts[max(j-kinReach, 0):j] {
			if k.own[u] {
				return false
			}
			found = found || k.others[u]
		}
	}
	return found
}

// kinReach is how many words before a surname may name whose it is:
// "President Joseph R. Biden" is three.
const kinReach = 3
