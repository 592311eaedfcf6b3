package verify

import (
	"fmt"
	"testing"

	"github.com/readout/readout/retrieval"
)

func TestScratchDF(t *testing.T) {
	if *recordData == "" {
		t.Skip()
	}
	ix, _ := retrieval.Open(*recordData, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	for _, q := range []string{"going", "talk", "ahead", "clear", "little bit", "happens", "president", "able", "Taiwan", "coercion", "cease", "banana", "another"} {
		r, n := ix.RarestTerm(q)
		fmt.Println(q, r, n)
	}
}
