package answer

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// supportCase is a sentence and the support text of the passage it is
// cited to.
type supportCase struct {
	sentence string
	passage  int // index into the passages
	doc      string
}

// TestMeasureSupport measures the support rule (the constants atop
// support.go) on real sentences: each sentence of a passage of the sample
// record and of every 25th White House document, cited to its own passage
// (must keep its citation), cited to a random passage of another document
// (must lose it), and cited to the passage of another document that
// supports it best among 30 random ones (a topical wrong citation). It
// also cites each sentence, with a third of its content words replaced by
// words of other documents (a loose paraphrase), to its own passage.
//
//	READOUT_MEASURE_SUPPORT=1 go test -run MeasureSupport -v ./answer
//
// (READOUT_WH names the White House archive when ../../shared does not
// hold it.)
func TestMeasureSupport(t *testing.T) {
	if os.Getenv("READOUT_MEASURE_SUPPORT") == "" {
		t.Skip("set READOUT_MEASURE_SUPPORT=1 to measure the support rule")
	}
	docs, _, err := corpus.LoadFS(corpus.Sample(), corpus.SampleSource, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	path := os.Getenv("READOUT_WH")
	if path == "" {
		path = filepath.Join("..", "..", "shared", "corpus", "whitehouse-briefings.tar.gz")
	}
	wh, _, err := corpus.Load(path, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(wh); i += 25 {
		docs = append(docs, wh[i])
	}
	var passages, names []string
	var passageDoc []string
	var cases []supportCase
	var vocab []string
	for _, d := range docs {
		for _, c := range corpus.Split(d, corpus.ChunkOptions{}) {
			h := retrieval.Hit{Doc: d, Chunk: c}
			passages = append(passages, SupportText(h))
			passageDoc = append(passageDoc, d.ID)
			for _, r := range text.Sentences(c.Text) {
				s := c.Text[r[0]:r[1]]
				if _, body, ok := text.LabelAt(s, 0); ok {
					s = s[body:] // a transcript's "MR. KIRBY:" is no claim
				}
				if len(strings.Fields(s)) < 8 || claimWeight(claimTerms(s)) == 0 {
					continue
				}
				cases = append(cases, supportCase{s, len(passages) - 1, d.ID})
				vocab = append(vocab, strings.Fields(s)...)
				for i, f := range strings.Fields(s) {
					if i > 0 && (startsUpper(f) || strings.IndexFunc(f, unicode.IsDigit) >= 0) && len(claimTerms(f)) > 0 {
						names = append(names, f)
					}
				}
			}
		}
	}
	terms := make([]map[string]bool, len(passages))
	for i, p := range passages {
		terms[i] = text.TermSet(p)
	}
	type rule struct {
		name, number, content float64
		gate                  bool
		floor                 float64
	}
	rules := []rule{{claimNameWeight, claimNumberWeight, claimContentWeight, numbersGate, contentFloor}}
	if os.Getenv("READOUT_SWEEP") != "" {
		for _, w := range [][3]float64{{1, 1, 1}, {3, 3, 1}, {5, 5, 1}} {
			for _, g := range []bool{false, true} {
				for _, f := range []float64{0, 0.25, 0.34} {
					rules = append(rules, rule{w[0], w[1], w[2], g, f})
				}
			}
		}
	}
	if os.Getenv("READOUT_SWEEP") == "floor" {
		rules = rules[:1]
		for _, f := range []float64{0, 0.2, 0.25, 0.34, 0.5} {
			rules = append(rules, rule{claimNameWeight, claimNumberWeight, claimContentWeight, numbersGate, f})
		}
	}
	defer func(r rule) {
		claimNameWeight, claimNumberWeight, claimContentWeight, numbersGate, contentFloor = r.name, r.number, r.content, r.gate, r.floor
	}(rules[0])
	t.Logf("%d documents, %d passages, %d sentences", len(docs), len(passages), len(cases))
	for _, r := range rules {
		claimNameWeight, claimNumberWeight, claimContentWeight, numbersGate, contentFloor = r.name, r.number, r.content, r.gate, r.floor
		measureSupport(t, cases, passages, passageDoc, terms, vocab, names)
	}
}

func measureSupport(t *testing.T, cases []supportCase, passages, passageDoc []string, terms []map[string]bool, vocab, names []string) {
	rng := rand.New(rand.NewPCG(1, 2))
	type scored struct{ own, para, random, topical, swapped float64 }
	var all []scored
	for _, c := range cases {
		claim := claimTerms(c.sentence)
		var sc scored
		sc.own = supportScore(claim, terms[c.passage])
		sc.para = supportScore(claimTerms(paraphrase(rng, c.sentence, vocab)), terms[c.passage])
		other := func() int {
			for {
				if p := rng.IntN(len(passages)); passageDoc[p] != c.doc {
					return p
				}
			}
		}
		sc.random = supportScore(claim, terms[other()])
		sc.swapped = -1
		if sw, ok := swapNames(rng, c.sentence, names); ok {
			sc.swapped = supportScore(claimTerms(sw), terms[c.passage])
		}
		for range 30 {
			sc.topical = max(sc.topical, supportScore(claim, terms[other()]))
		}
		all = append(all, sc)
	}
	t.Logf("weights: name %.0f, number %.0f, content %.0f; numbers gate %v; content floor %.2f", claimNameWeight, claimNumberWeight, claimContentWeight, numbersGate, contentFloor)
	for _, th := range []float64{0.3, 0.4, 0.5, 0.6, 0.7} {
		var own, para, random, topical, swapped, swappable int
		for _, s := range all {
			if s.swapped >= 0 {
				swappable++
				if s.swapped < th {
					swapped++
				}
			}
			if s.own >= th {
				own++
			}
			if s.para >= th {
				para++
			}
			if s.random < th {
				random++
			}
			if s.topical < th {
				topical++
			}
		}
		n := float64(len(all))
		mark := ""
		if th == supportThreshold {
			mark = " (chosen)"
		}
		t.Logf("  threshold %.1f%s: own passage kept %.3f, paraphrase kept %.3f; other document dropped %.3f, best of 30 other documents dropped %.3f, names and numbers swapped dropped %.3f",
			th, mark, float64(own)/n, float64(para)/n, float64(random)/n, float64(topical)/n, float64(swapped)/float64(max(1, swappable)))
	}
}

// swapNames replaces the names and numbers of s (capitalised words after
// the first, words with digits) by those of other sentences: the claim
// misattributed or misstated. ok is false when s has none.
func swapNames(rng *rand.Rand, s string, names []string) (string, bool) {
	words := strings.Fields(s)
	ok := false
	for i, w := range words {
		if i > 0 && (startsUpper(w) || strings.IndexFunc(w, unicode.IsDigit) >= 0) && len(claimTerms(w)) > 0 {
			words[i] = names[rng.IntN(len(names))]
			ok = true
		}
	}
	return strings.Join(words, " "), ok
}

// paraphrase replaces a third of the content words of s (not its names
// or numbers, which a paraphrase keeps) by lower-case words of other
// sentences.
func paraphrase(rng *rand.Rand, s string, vocab []string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i == 0 || startsUpper(w) || strings.IndexFunc(w, unicode.IsDigit) >= 0 || len(claimTerms(w)) == 0 || rng.IntN(3) != 0 {
			continue
		}
		for {
			v := vocab[rng.IntN(len(vocab))]
			if !startsUpper(v) && strings.IndexFunc(v, unicode.IsDigit) < 0 {
				words[i] = v
				break
			}
		}
	}
	return strings.Join(words, " ")
}
