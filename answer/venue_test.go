package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// canalRemarks is an invented transcript of remarks whose text opens
// with where they were given, beside another document of the record.
const canalRemarks = `{"id": "remarks.txt", "title": "Remarks by Spokesperson Zara Quillfeather at the Quillton Canal Works", "outlet": "Nowhereland Briefing Room", "date": "2031-05-02", "text": "Quillton Canal Works\nQuillton, Nowhereland\n\n12:20 P.M. NWT\n\nMS. QUILLFEATHER: Thank you all for coming. Never let anyone take the canal from you. The barges will sail again before the winter.\n"}
` + grainConvoy

// TestWhereWasThat: "where was she when she said that?" is answered with
// where the record places the statement just quoted (its document's
// venue), then the statement; a "where" question whose quoted sentence,
// the asked person's own, names no place opens with the venue too.
func TestWhereWasThat(t *testing.T) {
	p := &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(canalRemarks), 2))}
	ctx := context.Background()
	first, err := p.Ask(ctx, "who said never let anyone take the canal from you", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first.Text, "Never let anyone take the canal from you") {
		t.Fatalf("first answer:\n%s", first.Text)
	}
	ans, err := p.Ask(ctx, "where was she when she said that", []Turn{TurnOf(first)}, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ans.Text, "That was at Quillton Canal Works, Quillton, Nowhereland, where the record places this statement:") ||
		!strings.Contains(ans.Text, "Never let anyone take the canal from you") {
		t.Errorf("follow-up answer:\n%s", ans.Text)
	}
	ans, err = p.Ask(ctx, "where was zara quillfeather when she said never let anyone take the canal from you", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ans.Text, "The statement below was made at Quillton Canal Works, Quillton, Nowhereland [1].") {
		t.Errorf("answer:\n%s", ans.Text)
	}
	// Where what was said happens is no question of where it was said.
	ans, err = p.Ask(ctx, "where did zara quillfeather say the barges will sail again", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "was made at") {
		t.Errorf("answer:\n%s", ans.Text)
	}
	// "where is that?" asks of a place the statement may give.
	for _, q := range []string{"where is that?", "where will it be?", "where is it"} {
		if f := ReadFollowUp(q, []Turn{TurnOf(first)}); f.Kind == RefPlace {
			t.Errorf("%q read as asking where the statement was made", q)
		}
	}
	// A sentence that names the place asked is the answer itself.
	placed := strings.Replace(canalRemarks, "will sail again before", "will sail again at Quillton Harbour before", 1)
	p = &Pipeline{Index: memIndex(t, jsonlDocs(t, []byte(placed), 2))}
	ans, err = p.Ask(ctx, "where did zara quillfeather say the barges will sail again", nil, retrieval.SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ans.Text, "was made at") || !strings.Contains(ans.Text, "sail again at Quillton Harbour") {
		t.Errorf("answer:\n%s", ans.Text)
	}
}

func TestAtVenue(t *testing.T) {
	for in, want := range map[string]string{
		"Quillton Canal Works, Quillton":          "at Quillton Canal Works, Quillton",
		"Via Teleconference":                      "via Teleconference",
		"Aboard the Barge One, En Route Quillton": "aboard the Barge One, En Route Quillton",
	} {
		if got := atVenue(in); got != want {
			t.Errorf("atVenue(%q) = %q, want %q", in, got, want)
		}
	}
}

// tollRoundup is an invented release quoting what others said of a
// minister's order, titled with the minister's name, beside the
// minister's own remarks on it.
const tollRoundup = `{"id": "roundup.txt", "title": "WHAT THEY ARE SAYING: Unions Applaud Minister Ned Farrowby's Toll Order", "outlet": "Nowhereland Briefing Room", "date": "2031-04-18", "text": "Today, Minister Ned Farrowby signed the toll order. See below for what unions are saying.\n\nGlimmerford Ferry Union: “TODAY: Minister Farrowby is about to sign the toll order that cuts ferry tolls for every family crossing the canal.” [Post, 4/18/31]\n"}
{"id": "remarks.txt", "title": "Remarks by Minister Ned Farrowby on the Toll Order", "outlet": "Nowhereland Briefing Room", "date": "2031-04-18", "text": "East Hall\n\n2:10 P.M. NWT\n\nMINISTER FARROWBY: Thank you. The toll order I sign today halves the ferry tolls on the canal.\n"}
` + grainConvoy

// TestLabelledQuoteIsNotTheTitlesPerson: a release's labelled quotation
// ("Glimmerford Ferry Union: “…”") is the label's source's words, though
// the release's title names the minister asked about: the minister's own
// remarks answer what he said.
func TestLabelledQuoteIsNotTheTitlesPerson(t *testing.T) {
	ans := askRecord(t, tollRoundup, 3, "what did farrowby say about the toll order cutting ferry tolls for families")
	first, _, _ := strings.Cut(strings.TrimPrefix(ans.Text, ExtractiveLead+"\n"), "\n")
	if !strings.Contains(first, "halves the ferry tolls") {
		t.Errorf("answer opens with %q, want the minister's own words:\n%s", first, ans.Text)
	}
}

// TestWhereSaid: a "where" follow-up asks where the statement was made
// when it asks where it was said, or where its speaker was; a pronoun of
// the other gender, or one meaning the person the statement spoke of,
// asks of someone else.
func TestWhereSaid(t *testing.T) {
	s := Statement{Text: "Never let anyone take the canal from you.", Speaker: "Zara Quillfeather"}
	gender := func(name string) byte {
		if name == "Zara Quillfeather" {
			return 'f'
		}
		return 0
	}
	for _, c := range []struct {
		q       string
		pronoun bool
		person  string
		want    bool
	}{
		{"where did she say that", true, "Zara Quillfeather", true},
		{"where was she when she said that", true, "Zara Quillfeather", true},
		{"where was that said", false, "", true},
		{"where was he when he said that", true, "Zara Quillfeather", false},
		{"where was she", true, "Ilsa Brackenwick", false},
		{"where is she", true, "Zara Quillfeather", false},
	} {
		if got := whereSaid(text.Tokens(c.q), c.pronoun, c.person, s, gender); got != c.want {
			t.Errorf("whereSaid(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

// TestAskedSpeakersOwnAnswer: a question whose speaker it names ("kirby
// said it at the briefing") but which asks for a date is answered from
// that speaker's words when one of them gives a date, not from another
// speaker's sentence that scores higher (the spokesperson introducing
// them: "He's going to give a preview of the Chancellor's visit
// tomorrow").
func TestAskedSpeakersOwnAnswer(t *testing.T) {
	intro := "He's going to give a preview of Chancellor Brask's visit to Quillton Palace tomorrow."
	own := "The Minister looks forward to welcoming him back here, where they last met in February of 2030."
	src := intro + " " + own
	top := []retrieval.Hit{{Coverage: 1, Chunk: corpus.Chunk{ID: "briefing.txt#0", Text: src, End: len(src)}}}
	cands := []candidate{
		{hit: 0, start: 0, end: len(intro), ws: 0, we: len(intro), score: 9, features: SentenceFeatures{Fits: true}},
		{hit: 0, start: len(intro) + 1, end: len(src), ws: len(intro) + 1, we: len(src), score: 4, features: SentenceFeatures{Fits: true, Speaker: true, Words: 0.3}},
	}
	r := &questionReading{typ: WantDate, named: map[string]bool{"farrowbi": true}, speakerName: "Ned Farrowby"}
	picked := pickSentences(cands, top, r, DefaultWeights)
	if len(picked) == 0 || picked[0] != 1 {
		t.Errorf("picked %v, want the envoy's own sentence first", picked)
	}
	// Asked of no speaker, the best sentence opens; so it does when the
	// speaker's sentence holding a date holds no word of the question (a
	// date on another subject).
	cands[0].role, cands[1].role = "", ""
	r.speakerName = ""
	if picked := pickSentences(cands, top, r, DefaultWeights); len(picked) == 0 || picked[0] != 0 {
		t.Errorf("picked %v with no speaker asked, want the best sentence first", picked)
	}
	cands[0].role, cands[1].role = "", ""
	r.speakerName, cands[1].features.Words = "Ned Farrowby", 0
	if picked := pickSentences(cands, top, r, DefaultWeights); len(picked) == 0 || picked[0] != 0 {
		t.Errorf("picked %v, want the best sentence first: the speaker's holds no word asked", picked)
	}
}

func TestSourceLabel(t *testing.T) {
	for label, want := range map[string]bool{
		"Glimmerford Ferry Union": true,
		"- Quillton Senator Ada Brask, Chairwoman, Senate Canal Committee": true,
		"Nowhereland Association of Barge Owners with Permits":             true,
		"PROMISE MADE": false,
		"On the campaign trail in 2031, Minister Farrowby vowed": false,
		"Dr. Brask added": false,
	} {
		if got := sourceLabel(label); got != want {
			t.Errorf("sourceLabel(%q) = %v, want %v", label, got, want)
		}
	}
}
