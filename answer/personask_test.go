package answer

import (
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// A "who" question wants the speaker only when a verb of saying follows
// "who"; "which" and a plural noun asks for several things.
func TestPersonAndListAsks(t *testing.T) {
	tests := []struct {
		q          string
		inSentence bool
		list       int
	}{
		{"who said the canal would reopen", false, 0},
		{"who called the talks productive", false, 0},
		{"who warned about the flooding in nowhereland", false, 0},
		{"who met the nowhereland envoy in geneva", true, 0},
		{"who was at the quillmoor talks for our side", true, 0},
		{"who did zara blame for the outage", true, 0},
		{"which ceos came to the quillmoor roundtable", true, minListNames},
		{"which countries signed the canal accord", false, minListNames},
		{"what companies attended the summit", false, minListNames},
		{"what does the accord say", false, 0},
		{"what is the status of the canal", false, 0},
		{"who were the two leaders", true, 2},
		{"who were those two leaders", true, 2},
		{"who are these envoys", true, 2},
		{"who are the hostages still held in nowhereland", true, 2},
		{"who were the three envoys at the quillmoor talks", true, 3},
		{"who were the 3 envoys at the quillmoor talks", true, 3},
		{"who were the 2031 winners of the glimmerford prize", true, 2},
		{"who was the envoy", true, 0},
	}
	for _, tt := range tests {
		if got := personInSentence(tt.q); got != tt.inSentence && answerTypeOf(tt.q) == WantPerson {
			t.Errorf("%q: person in the sentence %v, want %v", tt.q, got, tt.inSentence)
		}
		if got, _ := asksList(tt.q); got != tt.list {
			t.Errorf("%q: asks a list %v, want %v", tt.q, got, tt.list)
		}
	}
}

// A sentence answers "who was there" when it names someone the question
// does not: by a title, with a title after the name, or by a name of the
// record's people; an office or the question's own people do not count.
func TestNamesOthers(t *testing.T) {
	pp := buildPeople([]*corpus.Document{{ID: "a", Speakers: []corpus.Speaker{{Name: "Zara Quillfeather", Title: "Spokesperson"}}}})
	q := text.TermSet("who went with envoy milo brask to meet the nowhereland acting foreign minister")
	tests := []struct {
		s      string
		list   int
		people bool
		want   bool
	}{
		{"Envoy Brask was joined by Assistant Secretary Lena Marrow of the Department of State.", 0, false, true},
		{"Envoy Brask hosted Nowhereland Acting Foreign Minister Ivo Tarn at the White House.", 0, false, false},
		{"The White House welcomed the steady progress made in the talks.", 0, false, false},
		{"Brask was joined by Oskar Vell, Chief Operating Officer of the Canal Fund.", 0, false, true},
		// The title in lower case before the name, across a comma.
		{"Envoy Brask will be giving way to a new special envoy, Oskar Vell, who is one of our most experienced diplomats.", 0, false, true},
		{"Envoy Brask will be giving way to Oskar Vell next month.", 0, false, false},
		{"They met in the capital, Port Vell, on Monday.", 0, false, false},
		{"In general, Nowhereland Airways flights were late.", 0, false, false},
		{"They met the market leader, Acme Canal Holdings, on Monday.", 0, false, false},
		{"The summit's current president, North Avalonia, will host it.", 0, false, false},
		{"Mr. Brask thanked Quillfeather for her work on the accord.", 0, false, true},
		{"They discussed the upcoming U.N. General Assembly session.", 0, false, false},
		{"The leaders of Avalonia, Borduria, Syldavia, and the Canal Commission joined the call.", minListNames, false, true},
		{"The Forum on Energy and Climate met on Monday.", minListNames, false, false},
		{"Envoy Brask welcomed Prime Minister Ivo Tarn and President Oskar Vell to the summit.", 2, true, true},
		{"Envoy Brask welcomed the leaders to the summit.", 2, true, false},
		// "Who were the two leaders": places are not people, though they
		// are two names one after another.
		{"His first two visits abroad were Avalonia and the Syldavia.", 2, true, false},
		{"His first two visits abroad were Avalonia and the Syldavia.", 2, false, true},
	}
	for _, tt := range tests {
		if got := namesOthers(tt.s, q, pp, tt.list, tt.people || tt.list == 0); got != tt.want {
			t.Errorf("%q (list %v): names others %v, want %v", tt.s, tt.list, got, tt.want)
		}
	}
}

// "Who was at the talks" opens with the sentence naming who was, not with
// the one that repeats the question's words under the issuer's name.
func TestWhoWasThereFirst(t *testing.T) {
	title := "Readout of Canal Talks in Quillmoor"
	a := "On Monday, representatives of Nowhereland and Avalonia met in Quillmoor for talks on the canal."
	b := "Special Envoy Milo Brask and his team reiterated the firm commitment of Nowhereland to the canal accord."
	terms := []retrieval.TermMatch{{Term: "quillmoor", Weight: 8, Found: true, Share: 1}, {Term: "talk", Weight: 3, Found: true, Share: 1}, {Term: "canal", Weight: 5, Found: true, Share: 1}}
	var hits []retrieval.Hit
	for i, s := range []string{a, b} {
		d := &corpus.Document{ID: "r" + string(rune('0'+i)) + ".txt", Title: title, Outlet: "Office of Nowhereland", Text: s, Date: day("2025-05-01")}
		hits = append(hits, retrieval.Hit{Doc: d, Coverage: 0.8, Terms: terms,
			Chunk: corpus.Chunk{ID: d.ID + "#0", DocID: d.ID, End: len(s), Text: s}})
	}
	q := ExtractiveQuery{Question: "who was at the quillmoor canal talks for nowhereland"}
	cands, picked, _ := chooseSentences(q, hits, DefaultWeights)
	if len(picked) == 0 {
		t.Fatal("nothing picked")
	}
	if got := hits[cands[picked[0]].hit].Chunk.Text[cands[picked[0]].start:cands[picked[0]].end]; got != b {
		t.Errorf("first sentence %q, want %q", got, b)
	}
}

// What a question asks about beyond its names: its subject's verb, unless
// the verb asks for words, and the head of its topic.
func TestQuestionObject(t *testing.T) {
	named := text.TermSet("Zara Quillfeather Milo Brask")
	tests := []struct {
		q                   string
		subject, verb, head string
	}{
		{"what did quillfeather ask brask for on their call", "quillfeather", "ask", "call"},
		{"what did zara quillfeather say about the canal report", "", "", "report"},
		{"tldr of the brask quillfeather call in march 2025", "", "", "call"},
		{"what did brask promise", "brask", "promise", ""},
		{"how is the weather", "", "", ""},
		{"what did brask and quillfeather agree on the canal", "quillfeather", "agree", "canal"},
		{"what did brask and his envoy agree", "", "", ""},
		// "on" after a thing it completes or a verb it belongs to asks
		// about nothing; an -ing word is what the noun before it does.
		{"did brask keep a tariff on canal barges after the deal", "brask", "keep", ""},
		{"how long is the duty brask put on supposed to last", "", "", ""},
		{"which envoy got put on one of the canal boards", "", "", ""},
		{"quote quillfeather on her canal gown going to the museum", "", "", "gown"},
		{"quillfeather on brask asking for a canal exemption", "", "", ""},
		{"what did quillfeather say on the grain deal", "", "", "deal"},
		{"what did quillfeather say about canal part d", "", "", ""},
		// A thing asked about in -ing keeps its head; a view's noun opens
		// the topic.
		{"what did quillfeather say about the shooting in glimmerford", "", "", "shooting"},
		{"what did quillfeather say about the canal debt ceiling", "", "", "ceiling"},
		{"whats quillfeathers take on crypto", "", "", "crypto"},
		{"what is quillfeather's take on crypto", "", "", "crypto"},
		{"was brask asked about the canal", "brask", "asked", "canal"},
		{"was quillfeather born in glimmerford", "quillfeather", "born", ""},
		{"any update on the canal barges", "", "", "barges"},
		// "about" says what is asked about wherever it stands; "on"
		// before it says where, "of" before it whose.
		{"what did quillfeather say on the barge heading to glimmerford about whether the tolls had started", "", "", "tolls"},
		{"what did the minister of canals say about the tolls", "", "", "tolls"},
		// With nothing after it, "about" leaves the head to "of".
		{"the ministers of glimmerford and quillton met - what was that about", "", "", "glimmerford"},
	}
	for _, tt := range tests {
		s, v, h := questionObject(tt.q, named)
		if s != termOf(tt.subject) || v != stemOf(tt.verb) || h != stemOf(tt.head) {
			t.Errorf("%q: (%q, %q, %q), want (%q, %q, %q)", tt.q, s, v, h, tt.subject, tt.verb, tt.head)
		}
	}
	s, v, h := questionObject("what did quillfeather ask brask for on their call", named)
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"Spokesperson Quillfeather asked for more canal pumps to protect the towns.", true},
		{"Envoy Brask also asked Quillfeather about the missing barges.", false},
		{"Quillfeather thanked Brask for the productive start of the talks.", false},
		{"They agreed to call again next week.", true},
	} {
		if got := holdsObject(tt.sentence, s, v, h); got != tt.want {
			t.Errorf("%q: holds the object %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func stemOf(w string) string {
	if w == "" {
		return ""
	}
	return text.Stem(w)
}

// A question asking which of several things ("which quillton counties")
// is answered by a sentence naming two of them when the sentence says
// they are of the things asked ("the counties of Ardmoor and Belhaven"),
// before a sentence of another document listing three others.
func TestListOfTwoNamedByTheAskedNoun(t *testing.T) {
	if _, got := asksList("which quillton counties got relief funding"); got != text.Stem("counties") {
		t.Errorf("the list's noun = %q", got)
	}
	if _, got := asksList("what does the accord say"); got != "" {
		t.Errorf("the list's noun of a question asking no list = %q", got)
	}
	terms := map[string]float64{"quillton": 6, "counti": 2, "relief": 2, "fund": 1}
	other := subjectHit("sylvania.txt", "Envoy Approves Sylvania Relief Declaration",
		"The Envoy's action makes relief funding available in the counties of Cresthill, Dunmore, and Eastwick.", terms)
	own := subjectHit("quillton.txt", "Envoy Approves Quillton Relief Declaration",
		"The Envoy declared that a disaster exists in the Province of Quillton. The Envoy's action makes relief funding available in the counties of Ardmoor and Belhaven.", terms)
	ans, _, _ := Extractive("which quillton counties got relief funding", []retrieval.Hit{other, own})
	if first := firstQuote(ans); !strings.Contains(first, "Ardmoor and Belhaven") {
		t.Errorf("first quotation %q:\n%s", first, ans)
	}
}
