package answer

import "testing"

// oneNameRecord holds a spokesperson, Odo Brambleby, and a harbour the
// record writes as a name with his surname in it, Port Brambleby.
const oneNameRecord = `{"id": "s1.txt", "title": "Statement by Spokesperson Odo Brambleby on the grain convoy", "outlet": "Nowhereland Ministry", "date": "2023-03-10", "speakers": [{"name": "Odo Brambleby", "title": "Spokesperson"}], "text": "Spokesperson Odo Brambleby said the grain convoy would leave on Monday. \"The convoy is ready,\" Brambleby said."}
{"id": "s2.txt", "title": "Statement by Spokesperson Odo Brambleby on the fishing quota", "outlet": "Nowhereland Ministry", "date": "2023-04-12", "speakers": [{"name": "Odo Brambleby", "title": "Spokesperson"}], "text": "Spokesperson Odo Brambleby said the fishing quota would be raised. \"The quota rises this spring,\" Brambleby said."}
{"id": "h1.txt", "title": "Storm damage at Port Brambleby", "outlet": "Nowhereland Ministry", "date": "2023-05-02", "text": "The storm broke the sea wall at Port Brambleby overnight. Crews reached Port Brambleby at dawn and the port reopened."}
{"id": "h2.txt", "title": "Repairs at Port Brambleby", "outlet": "Nowhereland Ministry", "date": "2023-06-20", "text": "Repairs to the sea wall of Port Brambleby were finished after the storm. Ships use Port Brambleby again."}
{"id": "v1.txt", "title": "VP Brambleby visits the convoy", "outlet": "Nowhereland Ministry", "date": "2023-07-01", "text": "VP Brambleby met the convoy crews. VP Brambleby thanked them."}
{"id": "t1.txt", "title": "Ferries across the sound", "outlet": "Nowhereland Ministry", "date": "2023-08-01", "text": "Ferries cross Brambleby Sound twice a day. Fog closed Brambleby Sound to ferries on Tuesday."}
{"id": "t2.txt", "title": "Fishing grounds", "outlet": "Nowhereland Ministry", "date": "2023-09-01", "text": "The fishing grounds of Brambleby Sound reopened after the storm."}
`

// A surname typed in lower case inside a longer name the record writes
// capitalised ("port brambleby" → "Port Brambleby"), or opening one in any
// case ("Brambleby Sound", as "the Wagner Group" is not Ann Wagner and
// "Paul Whelan" not Rand Paul), is not the person: the question is not
// narrowed to his statements. The surname alone, or beside words the
// record does not write with it as a name, still is.
func TestSurnameInsideAWrittenName(t *testing.T) {
	idx := memIndex(t, jsonlDocs(t, []byte(oneNameRecord), 7))
	p := &Pipeline{Index: idx, Explain: true}
	tests := []struct {
		q     string
		named bool // Brambleby read as a person the question names
	}{
		{"what happened to the sea wall at port brambleby", false},
		{"when did port brambleby reopen after the storm", false},
		{"what did brambleby say about the grain convoy", true},
		{"what did brambleby convoy officials say", true},       // "Brambleby Convoy" is no name of the record
		{"what did vp brambleby say to the convoy crews", true}, // a title's abbreviation, not a name
		// A name the surname opens: the Sound is not the spokesperson,
		// however the question is typed; his administration is his.
		{"when did the ministry first mention brambleby sound", false},
		{"When did fog close Brambleby Sound to ferries?", false},
		{"what did the brambleby administration say about the convoy", true},
		// A saint's or a place's name (placeOpeners), whether or not the
		// record writes it.
		{"what yr was the st brambleby prayer written", false},
		{"what did they say at Fort Brambleby", false},
	}
	for _, tt := range tests {
		ans := askExplained(t, p, tt.q)
		c := ans.Explain.Constraints
		got := c.Speaker != nil && c.Speaker.Name == "Odo Brambleby"
		for _, n := range c.Named {
			got = got || n.Name == "Odo Brambleby"
		}
		if got != tt.named {
			t.Errorf("%q: Brambleby read as a person = %v, want %v (constraints %+v)", tt.q, got, tt.named, c)
		}
	}
}
