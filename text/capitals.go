package text

import (
	"slices"
	"sync"
)

// capitalOf pairs a capital with its country as diplomatic writing uses
// the one for the other ("Tehran warned …", "Beijing's response", "what
// did moscow say"): the seat of a government stands for the government.
// Washington is left out (a state, a city and a president as well). One
// way only: a capital in a question means its government, but a
// country's name may be another thing (namesOnlyPassages). The country is the
// word of its name a document writes most surely ("korea" for both
// Koreas, "saudi" for Saudi Arabia).
var capitalOf = map[string]string{
	"tehran": "iran", "beijing": "china", "moscow": "russia", "kyiv": "ukraine", "kiev": "ukraine",
	"pyongyang": "korea", "seoul": "korea", "tokyo": "japan", "taipei": "taiwan", "jerusalem": "israel",
	"ankara": "turkey", "caracas": "venezuela", "havana": "cuba", "damascus": "syria", "riyadh": "saudi",
	"baghdad": "iraq", "kabul": "afghanistan", "islamabad": "pakistan", "cairo": "egypt", "beirut": "lebanon",
	"minsk": "belarus", "berlin": "germany", "paris": "france", "ottawa": "canada", "canberra": "australia",
	"brasilia": "brazil", "managua": "nicaragua", "doha": "qatar", "amman": "jordan", "tripoli": "libya",
	"khartoum": "sudan", "yerevan": "armenia", "baku": "azerbaijan", "tbilisi": "georgia", "warsaw": "poland",
	"manila": "philippines", "hanoi": "vietnam", "jakarta": "indonesia", "bogota": "colombia",
}

// capitalTerms are capitalOf as index terms.
var capitalTerms = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for capital, country := range capitalOf {
		a, b := Terms(capital), Terms(country)
		if len(a) != 1 || len(b) != 1 {
			continue
		}
		m[a[0]] = append(m[a[0]], b[0])
	}
	return m
})

// CapitalCountries returns, for each capital that q names (capitalOf), its
// country, once each and in the order named: "what did tehran warn" →
// ["iran"]. A search that compares words, not terms, adds them to what it
// compares ("Tehran" shares no word with the record's "Iran").
func CapitalCountries(q string) []string {
	var out []string
	EachWord(q, func(w string) {
		if c, ok := capitalOf[w]; ok && !slices.Contains(out, c) {
			out = append(out, c)
		}
	})
	return out
}
