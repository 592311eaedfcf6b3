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

// cityRegion pairs the cities and regions a question names where things
// happen ("the genoa bridge collapse", "the building collapse in lagos",
// "the pittsburgh bridge") with the country or US state they lie in, as
// placeNames writes it ("" when it has none there: a state left out of
// placeNames, a region between countries). A city is a place of its own:
// a passage holds it by its name, or by its country's or state's (a
// readout of a trip to India holds "delhi"). Capitals that stand for
// their government are capitalOf's instead. Left out: a name as often a
// person's or a word ("Austin", "Sydney", "Florence", "Charlotte",
// "Richmond", "Mobile", "Nice", "Reading", "Buffalo", "Flint", "Cali"),
// a seat that stands for an institution or a treaty as often as for the
// city ("Brussels", "Geneva", "Vienna", "Montreal", "Kigali", "Dayton",
// "Manhattan"), and a city whose name the record gives to other places
// as often ("Athens", "Louisville", "Lyon"); a name two states share is
// held by its own name only ("Wilmington", "Newark"),
// a name shared by places far apart ("Alexandria", "Naples",
// "Birmingham", "Manchester", "Portland" is kept without a state), and a
// word of a longer name that is a word of other names ("San", "New",
// "Rio", "Jose", "Antonio", "Francisco").
var cityRegion = map[string]string{
	// Capitals not read as their government.
	"london": "britain", "rome": "italy", "madrid": "spain", "lisbon": "portugal", "amsterdam": "netherlands", "stockholm": "sweden", "oslo": "norway",
	"copenhagen": "denmark", "helsinki": "finland", "dublin": "ireland", "budapest": "hungary", "prague": "czech", "bucharest": "romania", "belgrade": "serbia",
	"zagreb": "croatia", "vilnius": "lithuania", "riga": "latvia", "tallinn": "estonia",
	"chisinau": "moldova", "bratislava": "slovakia", "ljubljana": "slovenia", "tirana": "albania",
	"skopje": "", "sarajevo": "bosnia", "pristina": "kosovo", "nairobi": "kenya", "abuja": "nigeria",
	"accra": "ghana", "dakar": "senegal", "kinshasa": "congo", "kampala": "uganda", "luanda": "angola", "harare": "zimbabwe", "lusaka": "zambia", "maputo": "mozambique",
	"mogadishu": "somalia", "asmara": "eritrea", "rabat": "morocco", "algiers": "algeria",
	"tunis": "tunisia", "bamako": "mali", "muscat": "oman", "sanaa": "yemen", "tashkent": "uzbekistan",
	"astana": "kazakhstan", "bishkek": "kyrgyzstan", "dushanbe": "tajikistan", "ashgabat": "turkmenistan",
	"dhaka": "bangladesh", "kathmandu": "nepal", "colombo": "lanka", "bangkok": "thailand",
	"vientiane": "laos", "yangon": "myanmar", "rangoon": "myanmar", "ulaanbaatar": "mongolia",
	"lima": "peru", "quito": "ecuador", "asuncion": "paraguay",
	"montevideo": "uruguay", "tegucigalpa": "honduras", "kingston": "jamaica", "nassau": "bahamas",
	"wellington": "zealand", "suva": "fiji",
	// Other cities and regions of the world.
	"shanghai": "china", "shenzhen": "china", "guangzhou": "china", "wuhan": "china", "chengdu": "china",
	"xinjiang": "china", "tibet": "china", "osaka": "japan", "hiroshima": "japan", "nagasaki": "japan",
	"kyoto": "japan", "okinawa": "japan", "busan": "korea", "delhi": "india", "mumbai": "india",
	"bangalore": "india", "bengaluru": "india", "chennai": "india", "kolkata": "india",
	"karachi": "pakistan", "lahore": "pakistan", "istanbul": "turkey", "dubai": "emirates",
	"dhabi": "emirates", "jeddah": "saudi", "aviv": "israel", "odesa": "ukraine",
	"kharkiv": "ukraine", "lviv": "ukraine", "mariupol": "ukraine",
	"bakhmut": "ukraine", "kherson": "ukraine", "zaporizhzhia": "ukraine", "dnipro": "ukraine",
	"bucha": "ukraine", "avdiivka": "ukraine", "crimea": "ukraine", "donbas": "ukraine",
	"donbass": "ukraine", "donetsk": "ukraine", "luhansk": "ukraine", "kursk": "russia",
	"belgorod": "russia", "vladivostok": "russia", "siberia": "russia", "chechnya": "russia",
	"munich": "germany", "hamburg": "germany", "frankfurt": "germany", "genoa": "italy", "barcelona": "spain", "marseille": "france", "zurich": "switzerland", "davos": "switzerland", "rotterdam": "netherlands",
	"antwerp": "belgium", "glasgow": "britain", "edinburgh": "britain", "liverpool": "britain",
	"belfast": "britain", "krakow": "poland", "gdansk": "poland", "rzeszow": "poland",
	"cancun": "mexico", "tijuana": "mexico", "monterrey": "mexico", "guadalajara": "mexico",
	"medellin": "colombia", "cartagena": "colombia", "toronto": "canada", "vancouver": "canada", "calgary": "canada", "quebec": "canada", "melbourne": "australia",
	"brisbane": "australia", "perth": "australia", "auckland": "zealand", "lagos": "nigeria",
	"johannesburg": "", "durban": "", "tigray": "ethiopia", "darfur": "sudan", "bali": "indonesia",
	// Cities of the United States.
	"chicago": "illinois", "houston": "texas", "dallas": "texas", "uvalde": "texas", "paso": "texas",
	"phoenix": "arizona", "tucson": "arizona", "philadelphia": "pennsylvania",
	"pittsburgh": "pennsylvania", "scranton": "pennsylvania", "jacksonville": "florida",
	"miami": "florida", "orlando": "florida", "parkland": "florida",
	"surfside": "florida", "tallahassee": "florida", "indianapolis": "indiana", "seattle": "",
	"spokane": "", "denver": "colorado", "boston": "massachusetts", "nashville": "tennessee",
	"memphis": "tennessee", "detroit": "michigan", "baltimore": "maryland", "milwaukee": "wisconsin",
	"kenosha": "wisconsin", "albuquerque": "", "sacramento": "california", "angeles": "california",
	"oakland": "california", "fresno": "california", "atlanta": "georgia", "minneapolis": "minnesota",
	"tulsa": "oklahoma", "honolulu": "hawaii", "lahaina": "hawaii", "maui": "hawaii",
	"anchorage": "alaska", "juneau": "alaska", "cincinnati": "ohio", "akron": "ohio",
	"newark": "", "wilmington": "", "vegas": "nevada", "orleans": "louisiana",
	"raleigh": "carolina", "selma": "alabama", "boise": "idaho", "brooklyn": "", "harlem": "", "portland": "",
}

// irregularDemonyms are the demonyms that demonymEnds do not make from
// their place's name ("chinese" is; "french", "ukrainian", "belgian" and
// the spoken "aussie" are not).
var irregularDemonyms = map[string]string{"french": "france", "dutch": "netherlands",
	"swiss": "switzerland", "greek": "greece", "spanish": "spain", "thai": "thailand", "filipino": "philippines",
	"afghan": "afghanistan", "polish": "poland", "danish": "denmark", "swedish": "sweden", "finnish": "finland",
	"norwegian": "norway", "irish": "ireland", "argentine": "argentina", "ukrainian": "ukraine", "lebanese": "lebanon",
	"belgian": "belgium", "italian": "italy", "portuguese": "portugal", "burmese": "myanmar", "honduran": "honduras",
	"peruvian": "peru", "texan": "texas", "british": "britain", "congolese": "congo", "cypriot": "cyprus",
	"laotian": "laos", "bahamian": "bahamas", "kazakh": "kazakhstan", "philippine": "philippines",
	"emirati": "emirates", "turkish": "turkey", "jordanian": "jordan", "chadian": "chad", "georgian": "georgia",
	// The spoken forms people type: "the aussie election".
	"aussie": "australia"}

// otherNames are the other names of a place a document or a question
// writes: a former name, an abbreviation or a part for the whole.
var otherNames = map[string]string{"burma": "myanmar", "dprk": "korea", "england": "britain",
	"turkiye": "turkey"}

// partNames are the otherNames that name a part of their place: a search
// for the place does not seek them ("korea" is not only North Korea).
var partNames = map[string]bool{"dprk": true, "england": true}

// otherNameTerms are the terms of each place's other names (otherNames)
// and of the place itself, each to the other: "turkiye" → "turkey",
// "dprk" → "korea", and back but for a part (partNames): "turkey" →
// "turkiye", "myanmar" → "burma", not "korea" → "dprk".
var otherNameTerms = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for other, place := range otherNames {
		a, b := Terms(other), Terms(place)
		if len(a) != 1 || len(b) != 1 || a[0] == b[0] {
			continue
		}
		m[a[0]] = append(m[a[0]], b[0])
		if !partNames[other] {
			m[b[0]] = append(m[b[0]], a[0])
		}
	}
	return m
})

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
	for city := range cityRegion {
		called[city] = city
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

// PlacesAsked returns the countries, US states and cities a question
// names, by name, demonym, other name or capital ("nicaraguan regime
// officials" → "nicaragua", "the chinese side" and "beijing" → "china",
// "burma" → "myanmar", "the genoa bridge" → "genoa"), each once, as
// placeNames and cityRegion write them; a name read only in passages
// (namesOnlyPassages) is none.
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
// gives it) by any of its forms (placeForms), or, for a city, by any of
// its country's or state's (cityRegion). It does not allocate.
func HoldsPlace(s, p string) bool {
	forms := placeForms()
	region := cityRegion[p]
	found := false
	EachWordBytes(s, func(w []byte) {
		if !found {
			q, ok := forms[string(w)]
			found = ok && (q == p || region != "" && q == region)
		}
	})
	return found
}
