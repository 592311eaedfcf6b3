package text

import "sync"

// IsStopword reports whether w (a lowercase word from Words) is a function
// word too common to tell passages apart, or a word every question about
// the record carries ("said", "according", "quote").
func IsStopword(w string) bool { return stopwords[w] }

// stopwords is the index's list (a change to it changes the record's
// terms: bump TermsVersion, so that indexes are rebuilt). The extractive scorer had a second
// list with more prepositions and modals ("among", "might", "whose") and
// "report"; the union was measured in the index and cost a development
// question its first rank (d10 to rank 2, EVALUATION.md "One
// vocabulary"), so the index's list is the one kept. "vs", "versus" and
// "per" were added (main ae06a47 → the next commit, index rebuilt):
// a comparison's connector and "according to" weighed as rare words the
// answering passages lack ("his 2023 vs 2024 statements", "per trumps k9
// veterans day msg"); the development, fresh, probe and public
// questions' answers held their words as before, two channel and
// independent questions wrongly declined were answered.
// The contractions of function words that the list did not hold
// ("there'd", "it'll", "what'd", "who'd", "could've"; Words drops the
// apostrophe) were added with TermsVersion 2: "thered" is no word of the
// record, and "did sullivan say there'd be a new migration deal" weighed
// its stem "ther" (7.74) as the rarest word of the question, which no
// answering passage holds. The conjunctions "though" and "although" were
// added with TermsVersion 4: chat writes "tho" for "though" ("why tho,
// what reason did psaki give for it"), and the word weighed as the
// follow-up's own, quoting "And what we are seeing, though, is broad
// agreement …" from another briefing. With them, the hedging adverbs of a
// casual question ("actually", "really", "basically", "literally",
// "somehow", "anyway"), which say how the asker feels about the claim,
// not what it is about: on the twelve development sets (index rebuilt)
// "trump's lincoln bday proclamation this yr somehow tied lincoln to
// tariffs?? what did it actually say" and "did biden really announce he
// became a great grandpa" were answered, none lost its words, and one
// search ranked its document lower ("so what did biden actually do on
// weed", 2nd → 9th). "wording", as "words" and "quote", asks for the
// record's words and names none of them (TermsVersion 5): "whats the exact
// wording biden used to slam the bruen gun rulling" was declined for want
// of it. The indefinite pronouns ("someone's", "something", "anyone",
// "everything"; not "nothing" and "nobody", which deny) stand for what
// the asker does not name, and name none of the record's words
// (TermsVersion 6): "did biden rlly say he came to a fundraiser to see
// someone's dogs" found no word pair in "I came to see your dogs", and
// "she said smth abt it" (chat's "something") quoted "something just
// clicked for the first time".
var stopwords = setOf(`a about above after again against all also am an and any are aren arent as at be
because been before being below between both but by can cannot could couldnt did didnt do does
doesnt doing dont down during each either few for from further had hadnt has hasnt have havent
having he hed hes her here heres hers herself him himself his how hows however i id ill im ive if
in into is isnt it its itself just lets me more most mustnt my myself no nor not now of off on
once only or other ought our ours ourselves out over own same shall shant she shed shell shes
should shouldnt so some such than that thats the their theirs them themselves then there theres
these they theyd theyll theyre theyve this those through to too under until up upon very was
wasnt we wed well were weve werent what whats when whens where wheres which while who whos whom
why whys will with wont would wouldnt you youd youll youre youve your yours yourself yourselves
according said says say tell told ask asked mr ms mrs dr many much quote quoted exact exactly word words wording whether
vs versus per though although
actually really basically literally somehow anyway anyways
itd itll thatd thatll thered therell whatd whatll whatre whatve whod wholl whove howd howll whyd whered
couldve wouldve shouldve mightve mustve
someone someones somebody somebodys something anyone anyones anybody anybodys anything
everyone everyones everybody everybodys everything`)

// IsPreposition reports whether w (lower case) is an English preposition,
// a closed class: a word that ends a name run in a title ("Remarks by Vice
// President Harris Aboard USS Tulsa") however it is capitalised.
func IsPreposition(w string) bool { return prepositions[w] }

var prepositions = setOf(`aboard about above across after against along alongside amid amidst among
amongst around as at atop before behind below beneath beside besides between beyond by despite down
during except for from in inside into like near nearby of off on onto opposite out outside over past
per regarding since than through throughout till to toward towards under underneath unlike until
unto up upon versus via with within without`)

// minSlipStopword is the length from which a misspelt stopword is read as
// the stopword (StopwordSlip): the slip itself has as many letters at
// least, so that no short name ("ben" of "been", "don" of "dont", "sam"
// of "same") is read as one.
const minSlipStopword = 4

// stopwordSlips are the misspellings one slip from a stopword: a letter
// dropped ("shoud", "woud") or two neighbours swapped ("becuase", "tehy",
// "whta" of "what"), of minSlipStopword letters or more. Not a letter
// added: a stopword and a letter is as often a name or a word of its own
// ("wirth", "havel", "hermes", "herpes"), unless it is the letter before
// it again (keySlips). Each maps to its stopword, or to "" when it is
// one slip from two ("ther": "there", "their").
var stopwordSlips = func() map[string]string {
	m := map[string]string{}
	add := func(slip, w string) {
		if len(slip) >= minSlipStopword && !stopwords[slip] {
			addSlip(m, slip, w)
		}
	}
	for w := range stopwords {
		for i := range len(w) {
			add(w[:i]+w[i+1:], w)
			if i+1 < len(w) && w[i] != w[i+1] {
				add(w[:i]+string(w[i+1])+string(w[i])+w[i+2:], w)
			}
		}
	}
	return m
}()

// StopwordSlip reports whether w (lower case) is a stopword typed with
// one slip (stopwordSlips): a letter dropped ("shoud" for "should",
// "woud") or two neighbours swapped ("becuase", "tehy", "abuot"). Chat
// writes function words so, and a search that met one weighed it as the
// rarest word of the question, or corrected it to a word of the record
// ("shoud" → "shout"). The caller decides that the word is unknown to
// the record, since "form" (of "from") is a word of its own, and that it
// names no one ("senator wold").
//
// A slip of a key, a letter typed twice ("abbout", "froom") or a key
// beside the right one hit instead ("whst", "abput"; never the first
// letter), is read so too when the slip is no English word
// (IsEnglishTerm: "mist" is not "most", nor "thee" "the").
func StopwordSlip(w string) bool {
	if _, ok := stopwordSlips[w]; ok {
		return true
	}
	_, ok := keySlips()[w]
	return ok
}

// SlippedStopword returns the stopword that w (lower case) is typed for
// with one slip, as StopwordSlip reads it ("abuot" → "about"), or ""
// when w is no such slip or is one slip from two stopwords.
func SlippedStopword(w string) string {
	if sw, ok := stopwordSlips[w]; ok {
		return sw
	}
	return keySlips()[w]
}

// keySlips are the stopwords' slips of a key (StopwordSlip) of
// minSlipStopword letters or more that stopwordSlips does not hold, each
// mapped to its stopword or to "" when it is a slip of two; built on
// first use, since it reads the synonym table.
var keySlips = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	add := func(slip, w string) {
		if _, ok := stopwordSlips[slip]; !ok && len(slip) >= minSlipStopword && !stopwords[slip] && !IsEnglishTerm(Stem(slip)) {
			addSlip(m, slip, w)
		}
	}
	for w := range stopwords {
		for i := range len(w) {
			add(w[:i+1]+w[i:], w) // typed twice
			if i == 0 {
				continue
			}
			for _, k := range keyNeighbours[w[i]] {
				add(w[:i]+string(k)+w[i+1:], w)
			}
		}
	}
	return m
})

// addSlip maps slip to its stopword w in m, or to "" when m maps it to
// another already.
func addSlip(m map[string]string, slip, w string) {
	if was, ok := m[slip]; ok && was != w {
		w = ""
	}
	m[slip] = w
}

// keyNeighbours are the keys around each letter on a QWERTY keyboard:
// beside it on its row, and the two touching it on the rows above and
// below (a row sits half a key to the right of the one above).
var keyNeighbours = func() map[byte][]byte {
	rows := []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}
	m := map[byte][]byte{}
	at := func(r, c int) (byte, bool) {
		if r < 0 || r >= len(rows) || c < 0 || c >= len(rows[r]) {
			return 0, false
		}
		return rows[r][c], true
	}
	for r, row := range rows {
		for c := range len(row) {
			for _, rc := range [][2]int{{r, c - 1}, {r, c + 1}, {r - 1, c}, {r - 1, c + 1}, {r + 1, c - 1}, {r + 1, c}} {
				if k, ok := at(rc[0], rc[1]); ok {
					m[row[c]] = append(m[row[c]], k)
				}
			}
		}
	}
	return m
}()
