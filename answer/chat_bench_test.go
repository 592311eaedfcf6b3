package answer

import (
	"context"
	"flag"
	"testing"

	"github.com/readout/readout/retrieval"
)

// recordData names a data folder with an index of the sample plus the White
// House record (built by `readout index`), for BenchmarkChatTurn.
var recordData = flag.String("record-data", "", "data folder of an index of the sample and White House records, for BenchmarkChatTurn")

// BenchmarkChatTurn measures the warm answer time of `readout chat`
// without a model: one more question, a follow-up, once the index is loaded
// and the conversation has an earlier turn. Over the sample record always;
// over the White House record when -record-data names its index:
//
//	go test -run '^$' -bench ChatTurn -count 5 ./answer -args -record-data /tmp/wh
func BenchmarkChatTurn(b *testing.B) {
	chains := []struct {
		name, data      string
		first, followUp string
	}{
		{"sample", "",
			"According to the ARMENPRESS report, how serious is the U.S. about sending an international mission to Nagorno-Karabakh, and what did the Secretary do about it?",
			"Did he say who would take part in it or what its scope would be?"},
		{"whitehouse", *recordData,
			`Who at the White House said on September 13, 2022 that "there can be no military solution to this conflict" about Armenia and Azerbaijan, and in what setting?`,
			"Did he think Azerbaijan was taking advantage of Russia being bogged down in Ukraine?"},
	}
	for _, c := range chains {
		b.Run(c.name, func(b *testing.B) {
			var idx *retrieval.Index
			if c.name == "sample" {
				idx = sampleIndex(b)
			} else {
				if c.data == "" {
					b.Skip("no -record-data")
				}
				var err error
				if idx, err = retrieval.Open(c.data, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			ctx := context.Background()
			p := &Pipeline{Index: idx}
			first, err := p.Ask(ctx, c.first, nil, retrieval.SearchOptions{})
			if err != nil {
				b.Fatal(err)
			}
			history := []Turn{TurnOf(first)}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Ask(ctx, c.followUp, history, retrieval.SearchOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
