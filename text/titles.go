package text

import "strings"

// titleWords are words that make up a person's title rather than their
// name ("U.S. State Department spokesperson", "Secretary of State"). A
// capitalised run of words before a speech verb splits into title and name
// at the last of these; a transcript label is title words and a surname.
var titleWords = setOf(`secretary state department department's department’s spokesperson spokesman spokeswoman
spokespeople president vice prime minister foreign deputy assistant under undersecretary
under-secretary ambassador envoy special senior principal chief official officials u.s. us u.n.
un eu nato nsc white house press coordinator director general senator sen. rep. representative
congressman congresswoman governor gov. mayor chair chairman chairwoman administrator adviser
advisor national security council strategic communications affairs european eurasian defense
treasury attorney commerce homeland leader speaker majority minority first lady mr. ms. mrs.
dr. prof. lt. gen. col. adm. sgt. capt. commissioner high mp counselor counsellor head agency
ministry office mission embassy acting former top diplomat officer correspondent reporter
lawmaker member justice judge king queen prince chancellor premier emir sheikh pope government
executive federal army navy staff cabinet senate congress admiral rear colonel captain czar of for and`)

// titleNouns are the words without which a phrase is no title.
var titleNouns = setOf(`secretary spokesperson spokesman spokeswoman president minister ambassador envoy official
coordinator director senator representative governor mayor chair chairman chairwoman
administrator adviser advisor leader speaker commissioner counselor counsellor head diplomat
officer correspondent undersecretary under-secretary chancellor premier king queen mp judge
justice lady general congressman congresswoman chief press czar`)

// connectors may sit inside a title ("Secretary of State for ...") but
// never at its ends.
var connectors = setOf(`of for and on`)

// IsTitleWord reports whether w (lower case) can be part of a person's
// title: "secretary", "press", "u.s.", "of".
func IsTitleWord(w string) bool { return titleWords[w] }

// IsTitleNoun reports whether w (lower case) is the noun a title needs:
// "secretary", "spokesperson", "minister".
func IsTitleNoun(w string) bool { return titleNouns[w] }

// IsConnector reports whether w (lower case) joins the words of a title
// ("of", "for") and so never ends one.
func IsConnector(w string) bool { return connectors[w] }

// rankModifiers make a lesser or different post of the title after them:
// a Vice President is not the President, a Deputy Press Secretary not the
// Press Secretary.
var rankModifiers = setOf(`vice deputy assistant principal acting former associate under senior interim`)

// IsRankModifier reports whether w (lower case) in front of a title makes
// it another post: "vice", "deputy", "principal", "acting", "former".
func IsRankModifier(w string) bool { return rankModifiers[w] }

// titleQualifiers stand in front of a title without changing the post:
// "U.S. Secretary of State", "the White House Press Secretary" (lower
// case, as Tokens writes them).
var titleQualifiers = setOf(`the u s us white house`)

// IsTitleQualifier reports whether w (lower case) in front of a title
// leaves the post the same: "the", "u", "s", "us", "white", "house".
func IsTitleQualifier(w string) bool { return titleQualifiers[w] }

// SameGivenName reports whether two given names (lower case) may be one
// person's: the same name; one an initial of the other ("j", "jake"); one
// the other's start, of at least three letters and two fewer ("jen",
// "jennifer"; "bob", "bobby"; not "joe", "joel" or "paul", "paula"); the
// same name spelled with a letter doubled, a final "h" or a vowel changed
// before its end, as spellings slip ("dianne", "diane"; "mathew", "matthew";
// "lindsay", "lindsey"; not "maria", "mario", "john", "joan" or "carl",
// "carol"); or a name and its familiar form (givenForms: "joe", "joseph";
// "chuck", "charles"). Two names that only begin alike are two people's:
// Mary and Matthew Miller, Adam and Adrian Smith, Marc Fogel and his
// mother Malphine.
func SameGivenName(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) >= 3 && len(long)-len(short) >= 2 && strings.HasPrefix(long, short) {
		return true
	}
	if spellingSlip(short, long) {
		return true
	}
	fa, fb := givenForms[a], givenForms[b]
	return fa != "" && (fa == fb || fa == b) || fb != "" && fb == a
}

// spellingSlip reports whether long is short (no longer) with one letter
// doubled ("denis", "dennis"), an "h" added after a final vowel ("zara",
// "zarah"), or one vowel changed for another before the last letter
// ("lindsay", "lindsey").
func spellingSlip(short, long string) bool {
	i := 0
	for i < len(short) && short[i] == long[i] {
		i++
	}
	switch {
	case len(long) == len(short)+1:
		// long[i] is the letter added: a double of its neighbour, or an
		// "h" ending the name after a vowel ("sara", "sarah").
		return short[i:] == long[i+1:] && (i > 0 && long[i] == long[i-1] || i+1 < len(long) && long[i] == long[i+1] ||
			i == len(short) && long[i] == 'h' && isVowel(long[i-1]))
	case len(long) == len(short) && i < len(short)-1:
		return short[i+1:] == long[i+1:] && isVowel(short[i]) && isVowel(long[i])
	}
	return false
}

// isVowel reports an ASCII vowel of a name, "y" among them ("lindsay").
func isVowel(c byte) bool { return IsVowel(c) || c == 'y' }

// givenForms maps familiar given names to the full name they stand for
// (and a full name's other spellings to one), as the record's people are
// written both ways: "Joe Biden" and "Joseph R. Biden", "Chuck" and
// "Charles Schumer", "Ned" and "Edward Price". ("Rob" is left out: Rob
// and Bob Menendez are two members of Congress.)
var givenForms = map[string]string{
	"joe": "joseph", "tony": "anthony", "antony": "anthony", "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth",
	"bill": "william", "will": "william", "billy": "william", "bob": "robert", "bobby": "robert",
	"mike": "michael", "tom": "thomas", "tommy": "thomas", "jim": "james", "jimmy": "james", "jamie": "james",
	"dick": "richard", "rick": "richard", "rich": "richard", "richie": "richard", "chuck": "charles", "charlie": "charles",
	"ted": "edward", "ed": "edward", "eddie": "edward", "ned": "edward", "jake": "jacob", "dave": "david",
	"steve": "stephen", "steven": "stephen", "kate": "katherine", "katie": "katherine", "katy": "katherine",
	"kathy": "katherine", "catherine": "katherine", "kathleen": "katherine", "pete": "peter", "andy": "andrew",
	"drew": "andrew", "larry": "lawrence", "jerry": "gerald", "peggy": "margaret", "meg": "margaret",
	"maggie": "margaret", "sue": "susan", "susie": "susan", "jenny": "jennifer", "hank": "henry", "harry": "henry",
	"jack": "john", "dan": "daniel", "danny": "daniel", "sam": "samuel", "alex": "alexander", "randy": "randall",
	"chris": "christopher", "matt": "matthew", "pat": "patrick", "greg": "gregory", "jeff": "jeffrey",
	"nick": "nicholas", "ben": "benjamin", "tim": "timothy", "ken": "kenneth", "ron": "ronald", "don": "donald",
	"phil": "philip", "deb": "deborah", "debbie": "deborah", "debra": "deborah", "annie": "ann", "anne": "ann",
	"becky": "rebecca", "vicky": "victoria", "abby": "abigail", "zach": "zachary", "wes": "wesley",
	"marty": "martin", "bernie": "bernard", "esmail": "esmaeil", "ali": "alejandro",
}

// IsRegnalNumber reports whether w, as written, is a regnal number after a
// name: upper-case Roman numerals of two letters or more ("VI" of "King
// Felipe VI", "II", "III"), not "I" or a name ("Xi" is written so).
func IsRegnalNumber(w string) bool {
	return len(w) >= 2 && strings.Trim(w, "IVX") == ""
}
