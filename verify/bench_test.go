package verify

import (
	"context"
	"flag"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
)

// recordData names a data folder with an index of the sample plus the White
// House record (built by `readout index`), for BenchmarkCheck.
var recordData = flag.String("record-data", "", "data folder of an index of the sample and White House records, for BenchmarkCheck")

// BenchmarkCheck measures a warm check of a 40-word claim: once over the
// invented fixture always, and over the White House record when
// -record-data names its index:
//
//	go test -run '^$' -bench Check -count 5 ./verify -args -record-data /tmp/wh
//
// The White House claims are a 40-word passage of a briefing (exact), the
// same with a word changed and a negation dropped (close), and 40 words of
// the record joined from two answers of one briefing (not found).
func BenchmarkCheck(b *testing.B) {
	b.Run("fixture", func(b *testing.B) {
		c := fixtureChecker(b)
		benchClaims(b, c, map[string]string{
			"exact": "Nowhereland will never accept the blockade of the Sapphire Strait. We have said so before and we say it again. Our defence programme has a well-known purpose, and we will keep the channels of dialogue open with our partners in Elsewhere.",
		})
	})
	b.Run("whitehouse", func(b *testing.B) {
		if *recordData == "" {
			b.Skip("no -record-data")
		}
		ix, err := retrieval.Open(*recordData, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
		if err != nil {
			b.Fatal(err)
		}
		exact := "Well, we remain concerned by the People’s Republic of China’s provocative military activity near Taiwan, which is destabilizing risk miscalculations and undermines regional peace and stability. We urge Beijing to cease its military, diplomatic, and economic pressure and coercion against Taiwan."
		benchClaims(b, New(ix), map[string]string{
			"exact":    exact,
			"close":    strings.NewReplacer("cease", "stop", "remain concerned", "remain very concerned").Replace(exact),
			"invented": "The President will travel to the moon next spring to open a new embassy for the people of the Sapphire Strait, and we expect every ally to send a delegation of forty diplomats with him on that long and historic journey.",
		})
	})
}

func benchClaims(b *testing.B, c *Checker, claims map[string]string) {
	for name, claim := range claims {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			if n := len(strings.Fields(claim)); n < 35 || n > 45 {
				b.Fatalf("claim of %d words, want about 40", n)
			}
			if _, err := c.Check(ctx, Claim{Text: claim}); err != nil { // warm
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Check(ctx, Claim{Text: claim}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
