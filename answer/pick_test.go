package answer

import (
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// TestAnswerGoesOnInItsTurn: asked for someone's words, an answer
// supports its first sentence with the sentences that go on from it in
// the same turn (the statement says what it opened on without repeating
// the question's words), not only sentences sharing its words.
func TestAnswerGoesOnInItsTurn(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather",
			"MS. QUILLFEATHER: I want to start today with an update on the Glimmerford canal and what we are doing about it.\n\n" +
				"Crews will clear forty barges a day from the locks.\n\n" +
				"We have also sent 85 engineers to shore up the banks before the rains.\n\n" +
				"Q And the toll?\n\n" +
				"MS. QUILLFEATHER: No toll.\n"},
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather",
			"MS. QUILLFEATHER: The Glimmerford festival drew crowds from the whole valley this weekend.\n"})
	for i := range hits {
		hits[i].Terms = []retrieval.TermMatch{{Term: "glimmerford", Weight: 6, Found: true, Share: 1}, {Term: "canal", Weight: 3, Found: i == 0, Share: 1}}
	}
	q := ExtractiveQuery{Question: "what did quillfeather say about the glimmerford canal", Type: WantQuotation}
	quoted := func(w Weights) []string {
		cands, picked, _ := chooseSentences(q, hits, w)
		var out []string
		for _, i := range picked {
			c := cands[i]
			out = append(out, hits[c.hit].Chunk.Text[c.start:c.end])
		}
		return out
	}
	got := quoted(DefaultWeights)
	want := []string{"I want to start today with an update on the Glimmerford canal and what we are doing about it.",
		"Crews will clear forty barges a day from the locks.",
		"We have also sent 85 engineers to shore up the banks before the rains."}
	if len(got) != len(want) {
		t.Fatalf("quoted %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("quotation %d: %q, want %q", i, got[i], want[i])
		}
	}
	// Without After, what the statement went on to say is not quoted:
	// it holds none of the question's words.
	w := DefaultWeights
	w.After = 0
	for _, s := range quoted(w) {
		if s == want[1] || s == want[2] {
			t.Errorf("without After, %q is quoted; the test no longer shows what After does", s)
		}
	}
}

// TestAfterReadsTheDocument: After counts the document's sentences
// between the first and a later one (not only those retrieved), within
// nearReach, stops at a sentence turning to another subject, lifts only
// a sentence that holds something of the question, and only in the
// first's document.
func TestAfterReadsTheDocument(t *testing.T) {
	lead := "MS. QUILLFEATHER: I want to start today with an update on the Glimmerford canal and what we are doing about it.\n\n"
	body := lead + "Crews will clear forty barges a day from the locks.\n\n" +
		"Also, happy birthday to our colleague Ned, who turns forty today.\n\n" +
		"Engineers will shore up the banks before the rains.\n"
	hits := briefingHits(t, [2]string{"Press Briefing by Press Secretary Zara Quillfeather", body})
	q := ExtractiveQuery{Question: "what did quillfeather say about the glimmerford canal", Type: WantQuotation}
	after := func(hits []retrieval.Hit) map[string]float64 {
		cands, _, _ := chooseSentences(q, hits, DefaultWeights)
		out := map[string]float64{}
		for _, c := range cands {
			out[hits[c.hit].Chunk.Text[c.start:c.end]] = c.features.After
		}
		return out
	}
	got := after(hits)
	if got["Crews will clear forty barges a day from the locks."] != 1 {
		t.Errorf("the next paragraph's sentence: After %v, want 1", got["Crews will clear forty barges a day from the locks."])
	}
	for _, s := range []string{"Also, happy birthday to our colleague Ned, who turns forty today.", "Engineers will shore up the banks before the rains."} {
		if got[s] != 0 {
			t.Errorf("%q (after a turn to another subject) has After %v", s, got[s])
		}
	}
	// Thirty paragraphs the search did not retrieve stand between: far.
	var far strings.Builder
	far.WriteString(lead)
	for range 30 {
		far.WriteString("The weather was fine and the barges were late.\n\n")
	}
	far.WriteString("Crews will clear forty barges a day from the locks.\n")
	h := briefingHits(t, [2]string{"Press Briefing by Press Secretary Zara Quillfeather", far.String()})[0]
	split := strings.Index(h.Doc.Text, "The weather")
	end := strings.Index(h.Doc.Text, "Crews")
	first, last := h, h
	first.Chunk = corpus.Chunk{ID: h.Doc.ID + "#0", DocID: h.Doc.ID, End: split, Text: h.Doc.Text[:split]}
	last.Chunk = corpus.Chunk{ID: h.Doc.ID + "#9", DocID: h.Doc.ID, Index: 9, Start: end, End: len(h.Doc.Text), Text: h.Doc.Text[end:]}
	if a := after([]retrieval.Hit{first, last})["Crews will clear forty barges a day from the locks."]; a != 0 {
		t.Errorf("a sentence 31 paragraphs on has After %v", a)
	}
	// Another document's sentence at an offset inside the first's turn.
	other := briefingHits(t, [2]string{"Press Briefing by Press Secretary Zara Quillfeather", far.String()},
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather", "MS. QUILLFEATHER: Glimmerford is lovely in the spring, when the orchards along the towpath bloom and the valley fills with visitors from far away.\n\nThe bands played all night for Quillfeather.\n"})
	other[0].Chunk = corpus.Chunk{ID: other[0].Doc.ID + "#0", DocID: other[0].Doc.ID, End: split, Text: other[0].Doc.Text[:split]}
	if a := after(other)["The bands played all night for Quillfeather."]; a != 0 {
		t.Errorf("another document's sentence has After %v", a)
	}
	// A sentence holding nothing of the question is not lifted (it is
	// not quotable).
	bare := briefingHits(t, [2]string{"Remarks on the Harbour", "MS. QUILLFEATHER: Today I can tell you about the Glimmerford canal.\n\nThe weather was fine and the barges were late.\n"})
	for i := range bare {
		bare[i].Terms = []retrieval.TermMatch{{Term: "glimmerford", Weight: 6, Found: true, Share: 1}}
	}
	cands, picked, _ := chooseSentences(q, bare, DefaultWeights)
	for _, i := range picked {
		if s := bare[cands[i].hit].Chunk.Text[cands[i].start:cands[i].end]; strings.Contains(s, "weather") {
			t.Errorf("a sentence holding nothing of the question is quoted: %q", s)
		}
	}
}

// TestAfterStopsAtATurnNotRetrieved: a sentence turning away stops After
// even when the search did not retrieve its passage.
func TestAfterStopsAtATurnNotRetrieved(t *testing.T) {
	body := "MS. QUILLFEATHER: I want to start today with an update on the Glimmerford canal and what we are doing about it.\n\n" +
		"Also, happy birthday to our colleague Ned, who turns forty today.\n\n" +
		"Engineers will shore up the banks before the rains.\n"
	h := briefingHits(t, [2]string{"Press Briefing by Press Secretary Zara Quillfeather", body})[0]
	turn := strings.Index(h.Doc.Text, "Also")
	eng := strings.Index(h.Doc.Text, "Engineers")
	first, last := h, h
	first.Chunk = corpus.Chunk{ID: h.Doc.ID + "#0", DocID: h.Doc.ID, End: turn, Text: h.Doc.Text[:turn]}
	last.Chunk = corpus.Chunk{ID: h.Doc.ID + "#2", DocID: h.Doc.ID, Index: 2, Start: eng, End: len(h.Doc.Text), Text: h.Doc.Text[eng:]}
	q := ExtractiveQuery{Question: "what did quillfeather say about the glimmerford canal", Type: WantQuotation}
	hits := []retrieval.Hit{first, last}
	cands, _, _ := chooseSentences(q, hits, DefaultWeights)
	for _, c := range cands {
		if s := hits[c.hit].Chunk.Text[c.start:c.end]; strings.HasPrefix(s, "Engineers") && c.features.After != 0 {
			t.Errorf("%q has After %v past a turn away", s, c.features.After)
		}
	}
}

// TestPickReadsChatShorthand: the sentence scorer reads the question's
// chat shorthand as the question reader does ("abt" → "about", "ww2" →
// "world war ii"): asked what she said "abt her dad and ww2", the
// sentence on World War II opens the answer, not the one sharing only
// "dad".
func TestPickReadsChatShorthand(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Remarks by Keeper-General Orrin Vastelby at the Glimmerford Harbour Supper",
			"KEEPER-GENERAL VASTELBY: My dad kept the old harbour light for years.\n\n" +
				"At seventeen, he left the harbour to serve in World War II.\n"})
	q := ExtractiveQuery{Question: "what did vastelby say abt his dad in ww2", Type: WantQuotation}
	cands, picked, _ := chooseSentences(q, hits, DefaultWeights)
	if len(picked) == 0 {
		t.Fatal("nothing quoted")
	}
	c := cands[picked[0]]
	if got := hits[c.hit].Chunk.Text[c.start:c.end]; !strings.Contains(got, "World War II") {
		t.Errorf("answer opens with %q, want the sentence on World War II", got)
	}
}

// TestOccasionPhrase: "at" and a gathering's name say where the words
// asked for were said; its words find the document but do not make a
// sentence the answer, up to the words that open what was said there.
func TestOccasionPhrase(t *testing.T) {
	cases := []struct {
		q              string
		demoted, stays []string
	}{
		{"what did quill say abt her dad and the war at the july 4th bbq for harbour families in 2031",
			[]string{"bbq", "harbour", "families"}, []string{"dad", "war"}},
		{"exact quote from quill at the glimmerford fundraiser in quillshire abt the canal being a sign",
			[]string{"glimmerford", "fundraiser", "quillshire"}, []string{"canal", "sign"}},
		{"what did quill say at her first briefing about the lantern oil", []string{"briefing"}, []string{"lantern", "oil"}},
		{"what did quill say about the attack at the harbour", nil, []string{"attack", "harbour"}},
		{"what did quill say about the numbers, look at the numbers from the summit", nil, []string{"numbers", "summit"}},
		{"what did quill say at the donors conference for the harbour reconstruction",
			[]string{"donors", "conference"}, []string{"harbour", "reconstruction"}},
		{"how many people were at the rally", nil, []string{"people", "rally"}},
		{"did quill say how many people were at the rally", nil, []string{"people", "rally"}},
		{"what did quill say about who was at the summit", nil, []string{"summit"}},
		{"what did quill pledge at the donors conference for the harbour reconstruction", nil, []string{"donors", "conference", "harbour", "reconstruction"}},
	}
	for _, c := range cases {
		words := map[string]float64{}
		for t := range text.TermSet(c.q) {
			words[t] = 1
		}
		demoteWhenPhrase(c.q, questionTokens(c.q), words, map[string]bool{"quill": true})
		for _, w := range c.demoted {
			for _, term := range text.Terms(w) {
				if v, ok := words[term]; !ok || v != 0 {
					t.Errorf("%q: %q weighs %v (held %v), want 0 (a word of the occasion)", c.q, term, v, ok)
				}
			}
		}
		for _, w := range c.stays {
			for _, term := range text.Terms(w) {
				if words[term] != 1 {
					t.Errorf("%q: %q weighs %v, want 1", c.q, term, words[term])
				}
			}
		}
	}
}

// TestRepeatsKeepsOwnDate: a sentence that says what a picked one says is
// a repeat, but not when it gives a date or figure of its own, whichever
// of the two is longer: the picked "On Thursday, … will host …" does not
// make "… will host … on May 23, 2031" a repeat; a year added ("In June
// 2031, …" beside "In June, …") says nothing more.
func TestRepeatsKeepsOwnDate(t *testing.T) {
	cand := func(s string) candidate {
		c := candidate{stems: map[string]bool{}}
		for _, st := range stemSeq(s) {
			c.stems[st] = true
		}
		return c
	}
	picked := cand("On Thursday, the Chancellor will host President Zara Quillfeather of Nowhereland for a state visit.")
	dated := cand("The Chancellor will host President Zara Quillfeather of Nowhereland for a state visit to Sylvania on May 23, 2031.")
	same := cand("The Chancellor will host President Zara Quillfeather of Nowhereland for a state visit.")
	withYear := cand("In June 2031, the Chancellor will host President Zara Quillfeather of Nowhereland for a state visit.")
	inJune := cand("In June, the Chancellor will host President Zara Quillfeather of Nowhereland for a state visit.")
	cands := []candidate{picked, dated, same, inJune, withYear}
	if repeats(cands, []int{0}, 1, DefaultWeights) {
		t.Error("the sentence giving the visit's date repeats the one saying only Thursday")
	}
	if !repeats(cands, []int{0}, 2, DefaultWeights) {
		t.Error("the same words again are no repeat")
	}
	if !repeats(cands, []int{1}, 0, DefaultWeights) {
		t.Error("Thursday's sentence adds nothing to the dated one, yet is no repeat")
	}
	if !repeats(cands, []int{3}, 4, DefaultWeights) {
		t.Error("the same sentence with the year added is no repeat")
	}
	other := append(cands, cand("In June 2029, the Chancellor will host President Zara Quillfeather of Nowhereland for a state visit."),
		cand("The ministry sent 3 ferries to the harbour at Quillshire on Tuesday."),
		cand("The ministry sent 5 ferries to the harbour at Quillshire on Tuesday."))
	if repeats(other, []int{4}, 5, DefaultWeights) {
		t.Error("the visit in another year repeats the one in 2031")
	}
	if repeats(other, []int{6}, 7, DefaultWeights) {
		t.Error("five ferries repeat three")
	}
}

// TestReplyAskedFor: a question asking what someone said when asked about
// something describes the reporter's question, whose words the reply
// seldom repeats; the reply is quoted, not another briefing's sentence
// that repeats the question's words.
func TestReplyAskedFor(t *testing.T) {
	hits := briefingHits(t,
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather",
			"MS. QUILLFEATHER: The weather on the coast was fine all week.\n\n" +
				"Q Sylvania has called for the harbour commission to investigate the canal tolls in Glimmerford. Can we get a reaction?\n\n" +
				"MS. QUILLFEATHER: Well, the minister has called it a matter for the courts. So we are watching closely and will respond in time.\n"},
		[2]string{"Press Briefing by Press Secretary Zara Quillfeather",
			"MS. QUILLFEATHER: In Sylvania the harbour towns want someone to investigate why the tolls in Glimmerford keep rising.\n\n" +
				"Q Thank you, Zara.\n\n" +
				"MS. QUILLFEATHER: Thank you all.\n"})
	terms := []string{"sylvania", "harbour", "commiss", "investig", "canal", "toll", "glimmerford"}
	for i := range hits {
		for _, term := range terms {
			hits[i].Terms = append(hits[i].Terms, retrieval.TermMatch{Term: term, Weight: 3, Found: true, Share: 1})
		}
	}
	first := func(question string, w Weights) string {
		q := ExtractiveQuery{Question: question}
		cands, picked, _ := chooseSentences(q, hits, w)
		if len(picked) == 0 {
			t.Fatalf("%q: nothing quoted", question)
		}
		c := cands[picked[0]]
		return hits[c.hit].Chunk.Text[c.start:c.end]
	}
	reply := "Well, the minister has called it a matter for the courts."
	for _, question := range []string{
		"what did quillfeather say when asked about sylvania wanting the harbour commission to investigate the glimmerford canal tolls",
		"what did quillfeather say when she got asked whether sylvania's harbour commission should investigate the glimmerford canal tolls",
	} {
		if got := first(question, DefaultWeights); !strings.HasPrefix(got, reply) {
			t.Errorf("%q: quoted first %q, want the reply %q", question, got, reply)
		}
	}
	// Asked what she said about it, not when asked, the sentence that
	// holds the question's words comes first.
	if got := first("what did quillfeather say about sylvania wanting the harbour commission to investigate the glimmerford canal tolls", DefaultWeights); strings.HasPrefix(got, reply) {
		t.Errorf("asked what she said about it: quoted the reply first; the test no longer shows what the reply's reading does")
	}
}

// TestAsksForReply reads the words by which a question asks for a reply
// to a question put to someone, and no others.
func TestAsksForReply(t *testing.T) {
	for q, want := range map[string]bool{
		"what did kjp say when asked about the canal tolls":                true,
		"what did she say when she got asked whether the tolls stay":       true,
		"how did the minister respond after being pressed on tolls":        true,
		"what did he say in response to a question about the tolls":        true,
		"quillfeather asked whether the tolls would stay - what'd she say": true,
		"what did quillfeather say about the canal tolls":                  false,
		"what question did the reporter ask":                               false,
		"who asked for the canal to be closed":                             false,
		"what question was asked about the canal tolls":                    false,
		"who first asked whether the tolls would stay":                     false,
		"what did quillfeather say when asked, after the vote":             true,
		"what did quillfeather say when she asked congress for aid":        false,
		"what did quillfeather say after being asked to resign":            false,
		"what did quillfeather say as she asked reporters to wait":         false,
		"what was quillfeather asked about the canal":                      false,
		"how many times was quillfeather asked about the canal":            false,
	} {
		if got := asksForReply(q); got != want {
			t.Errorf("asksForReply(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestCountsByOrdinal: a count of occurrences ("how many years running")
// is given by an ordinal before what it counts; a count of things is not,
// nor an ordinal of something else.
func TestCountsByOrdinal(t *testing.T) {
	years, ok := figureOf("how many years running has the glimmerford fair been held")
	if !ok {
		t.Fatal("figureOf read no figure")
	}
	barges, _ := figureOf("how many barges crossed the glimmerford canal")
	for _, tc := range []struct {
		f        figure
		sentence string
		want     bool
	}{
		{years, "For the fourth year in a row, the Glimmerford fair opened on the green.", true},
		{years, "It is the 3rd straight year the fair has been held.", true},
		{years, "The first barges crossed the canal in May.", false},
		{barges, "For the fourth year in a row, barges crossed the canal.", false},
	} {
		if got := countsByOrdinal(tc.f, tc.sentence); got != tc.want {
			t.Errorf("countsByOrdinal(%v, %q) = %v, want %v", tc.f.counted, tc.sentence, got, tc.want)
		}
	}
}

// TestHeldTermsSumsInAFixedOrder: the record weight of the terms a
// sentence holds is the same sum on every call, whatever order the map
// of terms iterates in: 1e16 + 1 + 1 is 1e16 summed from the heaviest,
// 1e16 + 2 from the lightest, so an order left to the map would make two
// sentences holding the same terms compare unequal by chance (a
// comparison's side then quoted one or the other from run to run).
func TestHeldTermsSumsInAFixedOrder(t *testing.T) {
	terms := map[string]bool{"aa": true, "bb": true, "cc": true}
	rec := map[string]float64{"aa": 1e16, "bb": 1, "cc": 1}
	_, want := heldTerms(terms, ownList(terms), rec)
	for range 200 {
		if n, got := heldTerms(terms, ownList(terms), rec); n != 3 || got != want {
			t.Fatalf("heldTerms = %d, %v; an earlier call gave 3, %v", n, got, want)
		}
	}
}
