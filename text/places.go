package text

import (
	"slices"
	"strings"
	"sync"
)

// placeNames are the countries and the states of the United States, each
// by the word of its name a question and a document both write ("korea"
// for both Koreas, "carolina" for both Carolinas, "salvador" for El
// Salvador). A name that is as often something else is left out:
// "Georgia", "Jordan", "Turkey", "Chad", "Washington", "New York" (a
// city and a state), "Niger" beside "Nigeria".
const placeNames = `afghanistan albania algeria andorra angola argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burundi cambodia cameroon canada chile china colombia congo croatia
cuba cyprus czech denmark djibouti ecuador egypt salvador eritrea estonia eswatini ethiopia fiji
finland france gabon gambia germany ghana greece greenland grenada guatemala guyana haiti honduras
hungary iceland india indonesia iran iraq ireland israel italy jamaica japan kazakhstan kenya korea
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia
montenegro morocco mozambique myanmar burma namibia nepal netherlands nicaragua nigeria norway oman
pakistan palau panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
senegal serbia singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria
taiwan tajikistan tanzania thailand togo tonga tunisia turkmenistan uganda ukraine uruguay uzbekistan
vanuatu venezuela vietnam yemen zambia zimbabwe britain
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada hampshire jersey carolina dakota ohio oklahoma oregon
pennsylvania rhode tennessee texas utah vermont wyoming wisconsin`

// irregularDemonyms are the demonyms that demonymEnds do not make from
// their place's name ("chinese" is; "french", "ukrainian" and "belgian"
// are not).
var irregularDemonyms = map[string]string{"french": "france", "dutch": "netherlands",
	"swiss": "switzerland", "greek": "greece", "spanish": "spain", "thai": "thailand", "filipino": "philippines",
	"afghan": "afghanistan", "polish": "poland", "danish": "denmark", "swedish": "sweden", "finnish": "finland",
	"norwegian": "norway", "irish": "ireland", "argentine": "argentina", "ukrainian": "ukraine", "lebanese": "lebanon",
	"belgian": "belgium", "italian": "italy", "portuguese": "portugal", "burmese": "burma", "honduran": "honduras",
	"peruvian": "peru", "texan": "texas", "british": "britain"}

// placeForms maps every form placeOfWord reads to its place: each
// place's name, its demonyms (demonymEnds after the name, or after the
// name without its final "a" or "o") and its irregular demonyms, with
// their plurals. Built once, so reading a word is one lookup.
var placeForms = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	add := func(form, place string) {
		if _, taken := m[form]; !taken && len(form) >= 4 {
			m[form] = place
		}
	}
	names := strings.Fields(placeNames)
	for _, p := range names {
		m[p] = p // a name wins over another's demonym ("indiana", not India's)
	}
	for _, p := range names {
		bases := []string{p}
		if strings.HasSuffix(p, "a") || strings.HasSuffix(p, "o") {
			bases = append(bases, p[:len(p)-1])
		}
		for _, b := range bases {
			for _, end := range demonymEnds {
				add(b+end, p)
			}
		}
	}
	for d, p := range irregularDemonyms {
		add(d, p)
		add(d+"s", p)
	}
	return m
})

// demonymEnds are the endings a demonym adds to its place's name, or to
// the name without its final "a" or "o": "cuba-n", "iran-ian",
// "nicaragu-an", "israel-i", "sudan-ese", "vermont-er".
var demonymEnds = []string{"n", "an", "ian", "i", "ese", "er", "ns", "ans", "ians", "is", "ers"}

// PlacesAsked returns the countries and US states a question names, by
// name or demonym ("nicaraguan regime officials" → "nicaragua", "the
// chinese side" → "china"), each once, as placeNames writes them.
func PlacesAsked(q string) []string {
	var out []string
	EachWord(q, func(w string) {
		if p, ok := placeOfWord(w); ok && !slices.Contains(out, p) {
			out = append(out, p)
		}
	})
	return out
}

// placeOfWord reads one lower-case word as a place: its name, a demonym
// (demonymEnds, irregularDemonyms), or either's plural.
func placeOfWord(w string) (string, bool) {
	p, ok := placeForms()[w]
	return p, ok
}

// HoldsPlace reports whether s (any case) names place p (as PlacesAsked
// gives it) by name or demonym. It does not allocate.
func HoldsPlace(s, p string) bool {
	forms := placeForms()
	found := false
	EachWordBytes(s, func(w []byte) {
		if !found {
			q, ok := forms[string(w)]
			found = ok && q == p
		}
	})
	return found
}
