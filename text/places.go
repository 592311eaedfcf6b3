package text

import (
	"slices"
	"strings"
	"sync"
)

// placeNames are the countries and the states of the United States, each
// by the word of its name a question and a document both write ("korea"
// for both Koreas, "carolina" for both Carolinas, "salvador" for El
// Salvador). A name that is as often something else is left out
// ("Washington", "New York": a city and a state; "Niger" beside
// "Nigeria") or read only in passages (namesOnlyPassages: "Georgia",
// "Jordan", "Turkey", "Chad").
const placeNames = `afghanistan albania algeria andorra angola argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burundi cambodia cameroon canada chile china colombia congo croatia
cuba cyprus czech denmark djibouti ecuador egypt salvador eritrea estonia eswatini ethiopia fiji
finland france gabon gambia germany ghana greece greenland grenada guatemala guyana haiti honduras
hungary iceland india indonesia iran iraq ireland israel italy jamaica japan kazakhstan kenya korea
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia
montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua nigeria norway oman
pakistan palau panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
senegal serbia singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria
taiwan tajikistan tanzania thailand togo tonga tunisia turkmenistan uganda ukraine uruguay uzbekistan
vanuatu venezuela vietnam yemen zambia zimbabwe britain saudi emirates zealand lanka
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada hampshire jersey carolina dakota ohio oklahoma oregon
pennsylvania rhode tennessee texas utah vermont virginia wyoming wisconsin`

// irregularDemonyms are the demonyms that demonymEnds do not make from
// their place's name ("chinese" is; "french", "ukrainian" and "belgian"
// are not).
var irregularDemonyms = map[string]string{"french": "france", "dutch": "netherlands",
	"swiss": "switzerland", "greek": "greece", "spanish": "spain", "thai": "thailand", "filipino": "philippines",
	"afghan": "afghanistan", "polish": "poland", "danish": "denmark", "swedish": "sweden", "finnish": "finland",
	"norwegian": "norway", "irish": "ireland", "argentine": "argentina", "ukrainian": "ukraine", "lebanese": "lebanon",
	"belgian": "belgium", "italian": "italy", "portuguese": "portugal", "burmese": "myanmar", "honduran": "honduras",
	"peruvian": "peru", "texan": "texas", "british": "britain", "congolese": "congo", "cypriot": "cyprus",
	"laotian": "laos", "bahamian": "bahamas", "kazakh": "kazakhstan", "philippine": "philippines",
	"emirati": "emirates", "turkish": "turkey", "jordanian": "jordan", "chadian": "chad", "georgian": "georgia"}

// otherNames are the other names of a place a document or a question
// writes: a former name, an abbreviation or a part for the whole.
var otherNames = map[string]string{"burma": "myanmar", "dprk": "korea", "england": "britain",
	"turkiye": "turkey"}

// namesOnlyPassages are places whose own name is as often something else
// ("Turkey" the bird, "Jordan" a name): in a passage they hold the place
// asked by their demonym ("turkish"), but a question's "jordan" names no
// place.
var namesOnlyPassages = map[string]bool{"turkey": true, "jordan": true, "georgia": true, "chad": true}

// notDemonyms are the forms demonymEnds make that are as often something
// else: "ghani" (Ashraf Ghani, not of Ghana), "indian" (American Indian
// tribes, in a White House record), "polish" (the verb).
var notDemonyms = map[string]bool{"ghani": true, "ghanis": true, "indian": true, "indians": true, "polish": true}

// placeForms maps every form placeOfWord reads to its place: each
// place's name, its demonyms (demonymEnds after the name, or after the
// name without its final "a" or "o") and its irregular demonyms, with
// their plurals, its other names (otherNames) and its capital (capitalOf),
// and the possessives of its names ("chinas", as Words writes "China's"),
// but not notDemonyms. Built once, so reading a word is one lookup.
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
	// Every name a place goes by: its own, its other names, and its
	// capital ("Beijing responded" holds China).
	called := make(map[string]string, len(names)+len(otherNames)+len(namesOnlyPassages)+len(capitalOf))
	for _, p := range names {
		called[p] = p
	}
	for n, p := range otherNames {
		called[n] = p
	}
	for p := range namesOnlyPassages {
		called[p] = p
	}
	for capital, country := range capitalOf {
		called[capital] = country
	}
	for n, p := range called {
		add(n, p)
	}
	// Their possessives, last: "China's", as Words writes it, is
	// "chinas".
	for n, p := range called {
		add(n+"s", p)
	}
	for f := range notDemonyms {
		delete(m, f)
	}
	return m
})

// demonymEnds are the endings a demonym adds to its place's name, or to
// the name without its final "a" or "o": "cuba-n", "iran-ian",
// "nicaragu-an", "israel-i", "sudan-ese", "vermont-er".
var demonymEnds = []string{"n", "an", "ian", "i", "ese", "er", "ns", "ans", "ians", "is", "ers"}

// PlacesAsked returns the countries and US states a question names, by
// name, demonym, other name or capital ("nicaraguan regime officials" →
// "nicaragua", "the chinese side" and "beijing" → "china", "burma" →
// "myanmar"), each once, as placeNames writes them; a name read only in
// passages (namesOnlyPassages) is none.
func PlacesAsked(q string) []string {
	var out []string
	EachWord(q, func(w string) {
		if namesOnlyPassages[strings.TrimSuffix(w, "s")] {
			return
		}
		if p, ok := placeOfWord(w); ok && !slices.Contains(out, p) {
			out = append(out, p)
		}
	})
	return out
}

// placeOfWord reads one lower-case word as a place, by any of its forms
// (placeForms).
func placeOfWord(w string) (string, bool) {
	p, ok := placeForms()[w]
	return p, ok
}

// HoldsPlace reports whether s (any case) names place p (as PlacesAsked
// gives it) by any of its forms (placeForms). It does not allocate.
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
