package text

import (
	"strconv"
	"strings"
	"sync"
)

// ChatExpansion returns the words that a chat abbreviation or a spoken
// spelling stands for, as a question typed in a Discord channel writes
// them and the record spells them out: "potus" → "president", "wh" →
// "white house", "nsc" → "national security council", "govt" →
// "government", "gonna" → "going to". w is lower case, as Words writes it;
// the result is nil for any other word. Retrieval uses it on questions
// only: the record itself is indexed as written.
func ChatExpansion(w string) []string {
	if len(w) < 2 {
		// "u", "r", "n": spelt out for reading the question
		// (SpellOutChat), but stopwords to a search, and "us" read as
		// a plural of "u" would be "you".
		return nil
	}
	if e, ok := officeWords[w]; ok {
		return strings.Fields(e)
	}
	if e, ok := shorthandWords[w]; ok {
		return strings.Fields(e)
	}
	if e, ok := slangWords[w]; ok {
		return strings.Fields(e)
	}
	if e, ok := quarterWords[w]; ok {
		return strings.Fields(e)
	}
	if e, ok := ordinalWords[w]; ok {
		return []string{e}
	}
	return nil
}

// IsOrdinal reports whether w (lower case) is an ordinal up to the
// twentieth, spelt out ("fourth") or in figures ("4th").
func IsOrdinal(w string) bool {
	_, figures := ordinalWords[w]
	return figures || spelledOrdinals()[w]
}

// spelledOrdinals are ordinalWords' spelt-out ordinals, as a set.
var spelledOrdinals = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(ordinalWords))
	for _, o := range ordinalWords {
		m[o] = true
	}
	return m
})

// ordinalWords spell out the ordinals a question writes in figures ("the
// 8th baby formula flight") as the record's titles and prose write them
// ("Eighth Operation Fly Formula Flight").
var ordinalWords = func() map[string]string {
	words := strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth " +
		"thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth")
	m := make(map[string]string, len(words))
	for i, w := range words {
		n := i + 1
		suffix := "th"
		switch {
		case n%10 == 1 && n != 11:
			suffix = "st"
		case n%10 == 2 && n != 12:
			suffix = "nd"
		case n%10 == 3 && n != 13:
			suffix = "rd"
		}
		m[strconv.Itoa(n)+suffix] = w
	}
	return m
}()

// SpellOutChat returns a question with its chat shorthand spelt out
// ("abt" → "about", "bout" → "about", "ppl" → "people") and the words of
// chat that ask nothing ("yo", "pls", "lol") dropped, so that a question
// typed in a Discord channel is read as if it were written out. Office
// abbreviations ("potus", "wh") are left for retrieval (ChatExpansion),
// which weighs them against the record's own spelling.
func SpellOutChat(q string) string { return spellOutChat(q, true) }

// SpellOutChatWords is SpellOutChat but for the shorthand of one letter
// ("w", "n", "r", "u"), which a question reader would take from a name's
// initial ("george w bush", "Joseph R. Biden", "alejandro n. mayorkas"):
// the reader finds the names first, and the words left are spelt out
// whole after (SpellOutChat).
func SpellOutChatWords(q string) string { return spellOutChat(q, false) }

// spellOutChat is SpellOutChat, spelling out the shorthand of one letter
// only when letters is true.
func spellOutChat(q string, letters bool) string {
	f := strings.Fields(q)
	out := f[:0]
	for i, w := range f {
		w = unstretched(w)
		core := wordCore(w)
		next := ""
		if i+1 < len(f) {
			next = wordCore(f[i+1])
		}
		if fillerWords[core] || (i == 0 && greetings[core]) || (i > 0 && isTagRight(core, w, f[i-1], next)) {
			continue
		}
		if core == "us" && strings.HasPrefix(w, "us") { // typed in lower case
			prev := ""
			if i > 0 {
				prev = wordCore(f[i-1])
			}
			if countryUs(prev, next) {
				// Lower case, as typed: a question typed all in lower
				// case is read so (a name in it is a name).
				w = "u.s." + strings.TrimSuffix(w[2:], ".")
			}
		}
		if full, ok := shorthandWords[core]; ok && (letters || len(core) > 1) {
			w = full + w[len(core):]
		} else if full, ok := shorthandBefore[[2]string{core, next}]; ok && strings.HasPrefix(w, core) {
			w = full + w[len(core):]
		} else if full, ok := shorthandAdjectives[core]; ok && strings.HasPrefix(w, core) && next != "" && !IsStopword(next) {
			w = full + w[len(core):]
		}
		out = append(out, shortPossessive(withoutWise(w)))
	}
	return strings.Join(out, " ")
}

// unstretched writes a word of chat stretched for emphasis as written
// once: "lmaooo" → "lmao", "sooo" → "so", "yesss" → "yes". A run of three
// or more of one lower-case letter is no English spelling; a link, a tag,
// a word of one letter ("kkk", "aaa", "www"), a Roman numeral ("iii",
// "viii") and upper-case runs ("III") stay.
func unstretched(w string) string {
	core := strings.TrimRight(w, "?!,;:.")
	if strings.ContainsAny(core, "./#@") || oneLetter(core) || strings.Trim(core, "ivxlcdm") == "" {
		// A link, a tag or a handle; "kkk", "aaa", "www"; a Roman
		// numeral ("world war iii", "viii").
		return w
	}
	b := []byte(w)
	out := b[:0]
	stretched := false
	for i := 0; i < len(b); {
		j := i
		for j < len(b) && b[j] == b[i] {
			j++
		}
		if b[i] >= 'a' && b[i] <= 'z' && j-i >= 3 {
			out = append(out, b[i])
			stretched = true
		} else {
			out = append(out, b[i:j]...)
		}
		i = j
	}
	if !stretched {
		return w
	}
	return string(out)
}

// oneLetter reports whether w is one letter written again and again.
func oneLetter(w string) bool {
	return w != "" && strings.Trim(w, w[:1]) == ""
}

// usObjectVerbs take "us" as their object in a question: "tell us",
// "give us", "pull us out".
var usObjectVerbs = setOf("tell told give gave let help show showed pull pulled get got send sent take took make made keep kept bring brought join joined lead led")

// countryUs reports whether "us", typed in lower case between prev and
// next (lower case, "" at an end), is the United States, as chat writes
// it ("the us", "us troops", "attacks on us soil", "us and china"), not
// the pronoun ("tell us about it", "give us a number"): after "the", at
// the question's start, or before a word of content, unless a verb
// taking it as its object stands before it. The record writes the
// country "U.S." or "US", and its lower-case "us" is the pronoun but
// after "the" (namesUS, which reads the text's words; this is read of a
// question only).
func countryUs(prev, next string) bool {
	switch {
	case prev == "the" || prev == "":
		return true
	case usObjectVerbs[prev]:
		return false
	}
	return next != "" && !IsStopword(next) && !particles[next]
}

// withoutWise returns w without the chat suffix "-wise" ("travel-wise",
// "money-wise": as to travel, as to money), which names nothing the
// record writes; "otherwise" and "likewise", written whole, stay.
func withoutWise(w string) string {
	core := strings.TrimRight(w, "?.!,")
	const suffix = "wise"
	if len(core) <= len(suffix) || !strings.EqualFold(core[len(core)-len(suffix):], suffix) {
		return w
	}
	stem, ok := cutWiseDash(core[:len(core)-len(suffix)])
	if _, twice := cutWiseDash(stem); !ok || stem == "" || twice {
		return w // "wise", "-wise", "--wise"
	}
	return stem + w[len(core):]
}

// cutWiseDash returns s without the dash that ends it ("-", "–", "—"),
// and whether one did.
func cutWiseDash(s string) (string, bool) {
	for _, dash := range []string{"-", "–", "—"} {
		if stem, ok := strings.CutSuffix(s, dash); ok {
			return stem, true
		}
	}
	return s, false
}

// shortPossessive returns w without the possessive "'s" of a name too
// short for the stemmer to take it off, or ending in a figure ("the eu's
// response" → "the eu response", "g7's", "arpa-h's"; not a decade, "the
// 90's"): the record's "EU" and "G7" are written as words of their own.
// (Words reads such a possessive as its word too, possessiveAt; the
// question's words are spelt out before they are read.) Longer names
// ("nato's") are stemmed back already; "it's" and "he's" are left.
func shortPossessive(w string) string {
	end := len(w)
	for end > 0 && strings.IndexByte("?.!,", w[end-1]) >= 0 {
		end--
	}
	var stem string
	switch {
	case strings.HasSuffix(w[:end], "'s"):
		stem = w[:end-2]
	case strings.HasSuffix(w[:end], "’s"):
		stem = w[:end-len("’s")]
	default:
		return w
	}
	name := stem[strings.LastIndexAny(stem, "-/")+1:]
	switch low := strings.ToLower(name); {
	case low == "it" || low == "he" || name == "" || IsDecade(low+"s"):
		// "the 90's", "the 1990's": a decade, not a year's possessive.
		return w
	case len(low) <= 2 || low[len(low)-1] >= '0' && low[len(low)-1] <= '9':
		return stem + w[end:]
	}
	return w
}

// isTagRight reports whether w, whose lower-case core is core, is the
// "right" of a tag question ("biden was in vegas in dec 2023 right, how
// much was that"; "kirby said that, right?"): it ends its clause with a
// comma or a question mark and follows no word that makes it a noun or an
// adjective ("the right,", "far right?", "his right,"). Such a "right"
// asks the listener to agree and names nothing to search for.
func isTagRight(core, w, prev, next string) bool {
	if core != "right" || !strings.ContainsAny(w[len(core):], ",?") {
		return false
	}
	if next != "" && !tagFollowers[next] {
		// "is health care a human right, according to biden": a
		// right the question goes on about. A tag ends the question or
		// comes before a new one ("…, right? how much was that").
		return false
	}
	return !RightAfter(wordCore(prev))
}

// RightAfter reports whether prev (lower case, as Words writes it) makes
// the "right" after it a noun or an adjective, the side or the
// entitlement ("the far right", "a civil right", "voting right", "to the
// right"), not the adverb of a tag or of "right after".
func RightAfter(prev string) bool {
	switch prev {
	case "the", "a", "far", "alt", "hard", "center", "centre", "his", "her", "their", "its", "our", "my", "your", "to", "every", "any", "no",
		"civil", "human", "voting", "legal", "constitutional", "basic", "fundamental", "sovereign":
		return true
	}
	return false
}

// slangWords are words of chat slang that stand, in a question, for the
// record's word for the thing: "the weed pardon" is the marijuana pardon.
// They are not spelt out in the question (SpellOutChat), as a word of the
// record may be written so too: a search counts either (ChatExpansion),
// and a sentence holding the record's word holds a synonym
// (TermSynonyms). "weed" is written 45 times in the White House record,
// most of them "in the weeds", twice "smoking weed" or "is weed legal";
// "marijuana" 329 times. Hall h75, h76 and the yard chain y75–y77 asked
// for the October 2022 marijuana pardon as "weed".
var slangWords = map[string]string{"weed": "marijuana"}

// quarterWords are a year's quarters as chat writes them, which the
// record writes both ways ("Statement from President Joe Biden on First
// Quarter GDP", "Statement by Press Secretary Jen Psaki on Q2 GDP Data"):
// an alternative for the search, not a spelling (the word itself is
// searched too).
var quarterWords = map[string]string{"q1": "first quarter", "q2": "second quarter", "q3": "third quarter", "q4": "fourth quarter"}

// officeWords are the abbreviations of office titles, institutions,
// parties, countries and the President's aircraft that the record writes
// in full ("af1": 361 documents of the White House record write "Air
// Force One", none "AF1"). A demonym's
// ("nk": "north korean") passages naming the place count too
// (retrieval's DemonymPlaces alternatives). "scotus" (36 documents of the
// White House record write it, 980 "Supreme Court") answered lounge g05
// from Harris's own statement on Loper Bright instead of another
// official's; "sotu" is not spelt out: the record writes it in its links
// ("WH.gov/sotu"), and channel c082 lost the link when it was.
var officeWords = map[string]string{
	"potus": "president", "vpotus": "vice president", "flotus": "first lady",
	"prez": "president", "vp": "vice president",
	"wh": "white house", "nsc": "national security council",
	"nsa": "national security advisor", "apnsa": "national security advisor",
	"secstate": "secretary state", "sos": "secretary state", "sec": "secretary",
	"secdef": "secretary defense", "pm": "prime minister", "fm": "foreign minister",
	"amb": "ambassador", "ambo": "ambassador", "kjp": "karine jean pierre",
	"admin": "administration", "natsec": "national security", "dept": "department",
	"doj": "justice department", "dod": "defense department", "dhs": "homeland security",
	"hhs": "health human services", "epa": "environmental protection agency",
	"feds": "federal", "dems": "democrats", "gop": "republicans", "repubs": "republicans",
	"nk": "north korean", "sk": "south korean", "ukr": "ukraine",
	"scotus": "supreme court", "af1": "air force one",
}

// officeNames are the office abbreviations that stand for the one who
// holds the post, with no article, as a name does: "what did potus say".
// Each is one of officeWords, which spells it out.
var officeNames = map[string]bool{"potus": true, "vpotus": true, "flotus": true, "prez": true, "vp": true}

// IsOfficeName reports whether w (lower case) is an office abbreviation
// used as the name of the post's holder ("potus", "flotus"), which a
// question writes without "the".
func IsOfficeName(w string) bool { return officeNames[w] && officeWords[w] != "" }

// shorthandWords are the common chat shorthand and spoken spellings of
// ordinary words.
var shorthandWords = map[string]string{
	"ppl": "people", "abt": "about", "bout": "about", "bc": "because", "b/c": "because",
	"cuz": "because", "bcuz": "because", "w": "with", "w/": "with", "n": "and",
	"u": "you", "ur": "your", "r": "are", "wat": "what", "wut": "what", "wht": "what", "whn": "when",
	"tho": "though", "thru": "through", "gonna": "going to", "wanna": "want to",
	"gotta": "got to", "kinda": "kind of",
	"pres": "president", "govt": "government", "intl": "international",
	"wo": "without", "msg": "message", "mtg": "meeting", "convo": "conversation",
	"info": "information", "approx": "approximately", "yr": "year", "yrs": "years",
	"mo": "month", "mos": "months", "wk": "week", "wks": "weeks",
	"stats": "statistics", "vax": "vaccine", "vaxxed": "vaccinated", "unvaxxed": "unvaccinated", "econ": "economy",
	"ww2": "world war ii", "ww1": "world war i",
	"org": "organization", "orgs": "organizations", "exec": "executive",
	"eo": "executive order", "eos": "executive orders", "bday": "birthday",
	"nukes": "nuclear weapons", "natl": "national", "repped": "represented",
	"pkg": "package", "rly": "really", "rlly": "really", "smth": "something", "sth": "something",
	"tmrw": "tomorrow", "yday": "yesterday", "diff": "difference",
	"infra": "infrastructure", "mins": "minutes", "hrs": "hours",
	// A question word's "'d" asks in the past ("what'd kirby say", "how'd
	// it go"): read as "did", the speaker and the tense are read as in
	// "what did kirby say".
	"what'd": "what did", "what’d": "what did", "how'd": "how did", "how’d": "how did",
	"where'd": "where did", "where’d": "where did", "why'd": "why did", "why’d": "why did",
	"when'd": "when did", "when’d": "when did",
	// A question word's "'s" typed without its apostrophe ("whats the
	// death toll") is read as "what is"; "whos" as "who's", which may be
	// "whose" too ("whos statement was that"), as typed with it.
	"whats": "what is", "whos": "who's", "wheres": "where is", "hows": "how is", "whens": "when is",
}

// shorthandBefore are the shorthand words read so only before the word
// given, typed in lower case: "acc to the wh" is "according to the wh";
// "acc" alone may be an account, "the ACC" a conference.
var shorthandBefore = map[[2]string]string{{"acc", "to"}: "according"}

// shorthandAdjectives are the shorthand nouns read as the adjective
// before another word that is no function word: "nuke threats" are
// nuclear threats; "to nuke the filibuster" and "a nuke" stay.
var shorthandAdjectives = map[string]string{"nuke": "nuclear"}

// positives are the negated auxiliaries (as Words writes them, without
// the apostrophe) by the positive auxiliary that asks or says the same
// without the negation.
var positives = map[string]string{"didnt": "did", "doesnt": "does", "dont": "do", "isnt": "is", "wasnt": "was",
	"werent": "were", "arent": "are", "hasnt": "has", "havent": "have", "hadnt": "had", "wont": "will",
	"wouldnt": "would", "cant": "can", "couldnt": "could", "shouldnt": "should"}

// Positive is the positive auxiliary of a negated one written without its
// apostrophe ("didnt" → "did", "wont" → "will"), "" for any other word.
func Positive(w string) string { return positives[w] }

// wordCore is a chat word in lower case without the punctuation after it.
func wordCore(w string) string { return strings.ToLower(strings.TrimRight(w, "?.!,")) }

// greetings open a question typed in chat and ask nothing there ("hey
// how much …"); elsewhere "hi" may be Hawaii ("lahaina hi").
var greetings = map[string]bool{"hey": true, "hi": true, "hello": true}

// tagFollowers open the question after a tag question's "right,": a
// question word or an auxiliary.
var tagFollowers = map[string]bool{"how": true, "what": true, "when": true, "where": true, "who": true, "which": true,
	"why": true, "did": true, "does": true, "do": true, "is": true, "was": true, "were": true, "are": true, "so": true, "and": true}

// fillerWords are the words of chat that ask nothing.
var fillerWords = map[string]bool{
	"yo": true, "pls": true, "plz": true, "thx": true, "ty": true, "lol": true,
	"lmao": true, "tldr": true, "bruh": true, "ngl": true, "tbh": true, "imo": true,
	"um": true, "uh": true, "hmm": true, "btw": true, "fyi": true,
}
