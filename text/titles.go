package text

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
executive federal army navy staff cabinet senate congress admiral rear colonel captain of for and`)

// titleNouns are the words without which a phrase is no title.
var titleNouns = setOf(`secretary spokesperson spokesman spokeswoman president minister ambassador envoy official
coordinator director senator representative governor mayor chair chairman chairwoman
administrator adviser advisor leader speaker commissioner counselor counsellor head diplomat
officer correspondent undersecretary under-secretary chancellor premier king queen mp judge
justice lady general congressman congresswoman chief press`)

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
// person's: the same first two letters ("joe", "joseph"), or one an
// initial of the other ("j", "jake").
func SameGivenName(a, b string) bool {
	n := min(2, len(a), len(b))
	return n > 0 && a[:n] == b[:n]
}
