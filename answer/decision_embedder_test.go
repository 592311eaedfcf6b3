package answer

import (
	"testing"

	"github.com/readout/readout/retrieval"
)

// TestDecisionFollowsEmbedder checks that the decision weighs a passage
// with the weights measured for the index's embedder: hash+static's
// cosines sit higher than the hash embedder's, and with the hash weights
// it answered out-of-scope questions. The hash+static embedder's name must
// be listed, so a new table version is measured before it is weighed.
func TestDecisionFollowsEmbedder(t *testing.T) {
	hs, err := retrieval.NewHashStatic(0)
	if err != nil {
		t.Fatal(err)
	}
	want, ok := embedderDecisions[hs.Name()]
	if !ok {
		t.Fatalf("no decision weights measured for %s: sweep them (embedderDecisions)", hs.Name())
	}
	if want == defaultDecision {
		t.Fatal("hash+static's weights are the hash embedder's")
	}
	tests := []struct {
		name string
		emb  retrieval.Embedder
		want decisionWeights
	}{
		{"hash", retrieval.NewBuiltinEmbedder(0), defaultDecision},
		{"hash+static", hs, want},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &Pipeline{Index: sampleIndexWith(t, tc.emb)}
			if got := p.weights(nil); got != tc.want {
				t.Errorf("weights %+v, want %+v", got, tc.want)
			}
		})
	}
}
