package text

import "slices"

// derivations are the derivational endings, as Stem leaves them (a final
// "e" gone: "architectur"), that Relatives adds to or takes from a term:
// the action noun of a verb ("investigat" → "investigation",
// "negotiat" → "negotiation", "condemn" → "condemnation") and the thing
// made ("architect" → "architectur"). Stem itself strips only inflection,
// so "investigated" and "investigation" are two terms of the record; a
// question asking whether something was "investigated" is answered by a
// statement on "the investigation". The adjective endings "-al" and
// "-ial" are not among them: too many of their pairs are other words
// ("critic"/"critical", "miner"/"mineral", "office"/"official",
// "person"/"personal", "sever"/"several"; found in review, measured on
// the record's document frequencies).
var derivations = []string{"ion", "tion", "ation", "ur"}

// minRoot is the shortest root a derivation is taken from or added to:
// shorter ones are too often other words ("press"/"pressure",
// "found"/"foundation", "quest"/"question", "act"/"action"). Some longer
// pairs still are ("transit"/"transition", "direct"/"direction",
// "success"/"succession"); a relative weighs as a synonym does, a share
// of the asked word's weight, and the passage must hold the question's
// other words as well.
const minRoot = 6

// Relatives returns the terms (stems, as Terms writes them) that a term
// derives from or that derive from it by one ending of derivations:
// "investigat" → "investigation"; "negotiation" → "negotiat". Whether
// the record holds a relative is for its caller to look
// up; most do not exist. A common word (IsCommon) is never one. The
// relatives of a relative are not followed: "executive" would reach
// "execution" through "execut".
func Relatives(term string) []string {
	if !IsASCIILetters(term) {
		return nil
	}
	var out []string
	add := func(r string) {
		if r != term && !IsCommon(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	if len(term) >= minRoot {
		for _, d := range derivations {
			add(term + d)
		}
	}
	for _, d := range derivations {
		if len(term)-len(d) >= minRoot && term[len(term)-len(d):] == d {
			add(term[:len(term)-len(d)])
		}
	}
	return out
}
