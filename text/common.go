package text

// IsCommon reports whether term (a stem, as Terms gives it) is a frequent
// English word that is not a stopword: "take", "place", "people", "year".
// Such a word never carries a question's subject, though in a small record
// it may be rare enough to weigh most.
func IsCommon(term string) bool { return commonStems[term] }

// commonStems are the stems of frequent English words that are not
// stopwords.
var commonStems = func() map[string]bool {
	m := map[string]bool{}
	for w := range setOf(`take place give make go come get put set keep let see look know think want need
use find tell ask work seem feel try leave call say speak mean become show hear play run move live believe
hold bring happen write provide sit stand lose pay meet include continue learn change lead understand watch
follow stop create open walk win offer remember love consider appear buy wait serve send expect build stay
fall cut reach kill remain suggest raise pass sell require report decide pull people time year day way thing
man woman child world life hand part case week point number group problem fact current currently today
now new old good great first last long little own other right big high different small large next early
young important few public bad same able`) {
		m[Stem(w)] = true
	}
	return m
}()
