package verify

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/text"
)

// TestMeasureVerdicts is the measurement behind CloseThreshold: 300
// claims made from the White House record with a fixed seed (a sentence
// of an official, the same with one word changed, with "not" added,
// truncated at both ends, attributed to another official; a reporter's
// question; half a sentence joined to half of another from another
// document), checked, with the verdicts right per kind and the mean time
// logged. It runs only over a record's index:
//
//	go test -run MeasureVerdicts -v ./verify -args -record-data /tmp/wh
func TestMeasureVerdicts(t *testing.T) {
	if *recordData == "" {
		t.Skip("no -record-data")
	}
	ix, err := retrieval.Open(*recordData, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := New(ix)
	docs := ix.Documents()
	r := rand.New(rand.NewPCG(3, 4))
	type sample struct {
		kind, text, speaker string
		want                Verdict
		doc                 string
	}
	var samples []sample
	sentenceOf := func(d *corpus.Document, role func(corpus.Role) bool) (string, corpus.Turn, bool) {
		ts := d.Turns()
		for tries := 0; tries < 20; tries++ {
			tr := ts[r.IntN(len(ts))]
			if !role(tr.Role) {
				continue
			}
			ss := text.Sentences(d.Text[tr.Start:tr.End])
			if len(ss) < 2 {
				continue
			}
			k := 1 + r.IntN(len(ss)-1)
			s := d.Text[tr.Start+ss[k][0] : tr.Start+ss[k][1]]
			if n := len(strings.Fields(s)); n < 8 || n > 40 {
				continue
			}
			return s, tr, true
		}
		return "", corpus.Turn{}, false
	}
	for len(samples) < 300 {
		d := docs[r.IntN(len(docs))]
		s, tr, ok := sentenceOf(d, func(r corpus.Role) bool { return r == corpus.RoleOfficial || r == corpus.RoleIssuer })
		if !ok {
			continue
		}
		ws := strings.Fields(s)
		samples = append(samples, sample{"exact", s, "", Exact, d.ID})
		// change a word
		k := r.IntN(len(ws))
		ch := append([]string{}, ws...)
		ch[k] = "banana"
		samples = append(samples, sample{"changed", strings.Join(ch, " "), "", Close, d.ID})
		// negation: insert "not" after first "is|are|will|would|can|do|does"
		for i, w := range ws {
			lw := strings.ToLower(w)
			if lw == "is" || lw == "are" || lw == "will" || lw == "would" || lw == "can" || lw == "was" {
				neg := append(append(append([]string{}, ws[:i+1]...), "not"), ws[i+1:]...)
				samples = append(samples, sample{"negation", strings.Join(neg, " "), "", Close, d.ID})
				break
			}
		}
		// truncated
		if len(ws) > 10 {
			samples = append(samples, sample{"truncated", strings.Join(ws[2:len(ws)-3], " "), "", Exact, d.ID})
		}
		// question
		if q, _, ok := sentenceOf(d, func(r corpus.Role) bool { return r == corpus.RoleReporter }); ok && strings.Contains(q, "?") {
			samples = append(samples, sample{"question", q, tr.Speaker.Name, QuestionOnly, d.ID})
		}
		// wrong speaker
		if tr.Speaker.Name != "" && !strings.Contains(tr.Speaker.Name, "Biden") {
			samples = append(samples, sample{"wrongspeaker", s, "Joe Biden", OtherSpeaker, d.ID})
		}
		// invented: shuffle words of sentence with words of another doc
		d2 := docs[r.IntN(len(docs))]
		if s2, _, ok := sentenceOf(d2, func(r corpus.Role) bool { return r == corpus.RoleOfficial }); ok {
			w2 := strings.Fields(s2)
			inv := append(append([]string{}, ws[:len(ws)/2]...), w2[len(w2)/2:]...)
			samples = append(samples, sample{"invented", strings.Join(inv, " "), "", NotFound, d.ID})
		}
	}
	count := map[string][2]int{}
	var total time.Duration
	for _, s := range samples {
		start := time.Now()
		res, err := c.Check(context.Background(), Claim{Text: s.text, Speaker: s.speaker})
		total += time.Since(start)
		cnt := count[s.kind]
		cnt[1]++
		if err == nil && res.Verdict == s.want {
			cnt[0]++
		} else if err != nil {
			t.Logf("error %s %q: %v", s.kind, s.text, err)
		} else {
			t.Logf("miss %s: want %s, got %s (%.2f, %s, %s) %q\n   record %q", s.kind, s.want, res.Verdict, res.Similarity, res.Speaker, res.Role, s.text, res.Record)
		}
		count[s.kind] = cnt
	}
	kinds := make([]string, 0, len(count))
	for k := range count {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		t.Logf("%-12s %d/%d right", k, count[k][0], count[k][1])
	}
	t.Logf("mean %v a claim", total/time.Duration(len(samples)))
}
