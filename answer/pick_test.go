package answer

import (
	"testing"

	"github.com/readout/readout/retrieval"
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
