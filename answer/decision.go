package answer

import (
	"fmt"

	"github.com/readout/readout/retrieval"
)

// decide says whether the hits answer the question. With a chat model the
// model decides from the passages whenever anything was retrieved.
func (p *Pipeline) decide(question string, c Constraints, hits []retrieval.Hit) Decision {
	threshold := p.MinCoverage
	if threshold <= 0 {
		threshold = DefaultMinCoverage
	}
	d := Decision{By: "signals", Threshold: threshold}
	if len(hits) == 0 {
		d.By, d.Reason = "empty", "nothing was retrieved"
		return d
	}
	best := 0.0
	for _, h := range hits {
		best = max(best, h.Coverage)
	}
	d.Score = best
	d.Signals = []Signal{{Name: "best coverage", Value: best}}
	if p.Chat != nil {
		if best == 0 {
			d.By, d.Reason = "empty", "no retrieved passage holds any of the question's informative words"
			return d
		}
		d.Answer, d.By, d.Reason = true, "model", "the model reads the passages and says whether they answer"
		return d
	}
	for _, h := range hits {
		if p.covers(question, c, h, hits) {
			d.Answer, d.Reason = true, fmt.Sprintf("passage %s covers the question", h.Chunk.ID)
			return d
		}
	}
	d.Reason = "no passage covers enough of the question"
	return d
}

// covers reports whether one hit covers the question.
func (p *Pipeline) covers(question string, c Constraints, h retrieval.Hit, hits []retrieval.Hit) bool {
	threshold := p.MinCoverage
	if threshold <= 0 {
		threshold = DefaultMinCoverage
	}
	names := entityTerms(question)
	return h.Coverage >= threshold && topicCoverage(h, names) >= threshold &&
		(len(names) == 0 || namesAll(h, hits, names, map[string]map[string]bool{}))
}
