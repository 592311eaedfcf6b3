package answer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/readout/readout/internal/evalmatch"
	"github.com/readout/readout/retrieval"
)

// pickDumpLine is one question's candidate sentences as TestDumpPick
// writes them: what a sentence-choice weight fit reads offline.
type pickDumpLine struct {
	Set, ID, Kind, Question string
	Must                    []string
	Answered                bool // the answer holds every must_contain item
	Declined                bool
	Candidates              []pickDumpCandidate
}

// pickDumpCandidate is a candidate sentence with its signals, score,
// role and the must_contain items its words hold.
type pickDumpCandidate struct {
	Sentence string
	Score    float64
	Reason   string
	Signals  map[string]float64
	Holds    []string
}

// TestDumpPick writes, for every question with must_contain words of the
// eval files in READOUT_PICK_DUMP_SETS (comma-separated names under
// ../eval, without ".jsonl"), asked as readout eval asks them
// (askChains), every candidate sentence of its extractive answer with
// its signals (SentenceTrace) to READOUT_PICK_DUMP (JSON lines), over
// the index in READOUT_DEV_INDEX:
//
//	READOUT_DEV_INDEX=/tmp/wh READOUT_PICK_DUMP=/tmp/pick.jsonl READOUT_PICK_DUMP_SETS=dev,fresh \
//		go test -run DumpPick -timeout 1h ./answer
//
// A fit of DefaultWeights' scoring weights reads it offline: a
// candidate's score is Weights.Score of its signals, which SentenceTrace
// names (SentenceFeatures.signals).
func TestDumpPick(t *testing.T) {
	dir, out := os.Getenv("READOUT_DEV_INDEX"), os.Getenv("READOUT_PICK_DUMP")
	if dir == "" || out == "" {
		t.Skip("set READOUT_DEV_INDEX and READOUT_PICK_DUMP")
	}
	idx, err := retrieval.Open(dir, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := &Pipeline{Index: idx, Explain: true, ExplainAll: true}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	var mu sync.Mutex
	for _, set := range strings.Split(os.Getenv("READOUT_PICK_DUMP_SETS"), ",") {
		qs := readEvalLines(t, filepath.Join("..", "eval", set+".jsonl"))
		askChains(t, p, qs, func(q evalLine, ans *Answer) {
			if len(q.MustContain) == 0 {
				return
			}
			line := pickDumpLine{Set: set, ID: q.ID, Kind: q.Kind, Question: q.Question, Must: q.MustContain,
				Answered: len(evalmatch.Missing(ans.Text, q.MustContain)) == 0, Declined: ans.Mode == ModeDeclined}
			if ans.Explain != nil {
				for _, s := range ans.Explain.Sentences {
					c := pickDumpCandidate{Sentence: s.Sentence, Score: s.Score, Reason: s.Reason, Signals: map[string]float64{}}
					for _, sg := range s.Features {
						c.Signals[sg.Name] = sg.Value
					}
					missing := evalmatch.Missing(s.Sentence, q.MustContain)
					for _, m := range q.MustContain {
						if !slices.Contains(missing, m) {
							c.Holds = append(c.Holds, m)
						}
					}
					line.Candidates = append(line.Candidates, c)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			if err := enc.Encode(line); err != nil {
				t.Error(err)
			}
		})
	}
}
