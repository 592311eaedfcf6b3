package answer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/readout/readout/internal/evalmatch"
	"github.com/readout/readout/retrieval"
)

// evalLine is a line of an eval file as the measurements of the answer
// package read it (TestMeasureDecision, TestMeasurePick).
type evalLine struct {
	ID          string   `json:"id"`
	Question    string   `json:"question"`
	MustCite    []string `json:"must_cite"`
	MustContain []string `json:"must_contain"`
	Kind        string   `json:"kind"`
	Follows     string   `json:"follows"`
}

// readEvalLines reads an eval file (one JSON question a line).
func readEvalLines(t *testing.T, name string) []evalLine {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []evalLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var q evalLine
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return qs
}

// answersHolding asks every question as readout eval does (askChains)
// and returns how many of those with must_contain words are answered
// with all of them, and how many have them.
func answersHolding(t *testing.T, p *Pipeline, qs []evalLine) (right, of int) {
	t.Helper()
	var mu sync.Mutex
	askChains(t, p, qs, func(q evalLine, ans *Answer) {
		if len(q.MustCite) == 0 || len(q.MustContain) == 0 {
			return
		}
		ok := len(evalmatch.Missing(ans.Text, q.MustContain)) == 0
		mu.Lock()
		defer mu.Unlock()
		of++
		if ok {
			right++
		}
	})
	return right, of
}

// askChains asks every question as readout eval does: a follow-up after
// the questions it follows, with their answers as its conversation, the
// chains side by side (GOMAXPROCS at once). answered is called with each
// question and its answer, from several goroutines. A question that ends
// in an error fails the test after all are asked.
func askChains(t *testing.T, p *Pipeline, qs []evalLine, answered func(q evalLine, ans *Answer)) {
	t.Helper()
	// A chain is a question that follows nothing and those that follow it.
	byID := map[string]evalLine{}
	for _, q := range qs {
		byID[q.ID] = q
	}
	root := func(q evalLine) string {
		for q.Follows != "" {
			q = byID[q.Follows]
		}
		return q.ID
	}
	chains := map[string][]evalLine{}
	var order []string
	for _, q := range qs {
		r := root(q)
		if chains[r] == nil {
			order = append(order, r)
		}
		chains[r] = append(chains[r], q)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	work := make(chan []evalLine)
	var failed error
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chain := range work {
				histories := map[string][]Turn{}
				for _, q := range chain {
					var history []Turn
					if q.Follows != "" {
						history = histories[q.Follows]
					}
					ans, err := p.Ask(context.Background(), q.Question, history, retrieval.SearchOptions{})
					if err != nil {
						mu.Lock()
						failed = fmt.Errorf("%s: %w", q.ID, err)
						mu.Unlock()
						continue
					}
					histories[q.ID] = append(append([]Turn(nil), history...), TurnOf(ans))
					answered(q, ans)
				}
			}
		}()
	}
	for _, r := range order {
		work <- chains[r]
	}
	close(work)
	wg.Wait()
	if failed != nil {
		t.Fatal(failed)
	}
}

// TestMeasurePick measures the extractive sentence choice (DefaultWeights)
// by answer-contains on the development questions over an index built as
// EVALUATION.md says, and with READOUT_PICK_SWEEP=1 moves each weight in
// turn to the value that answers most of them (coordinate ascent, one
// pass, a tie keeping the weight as it is), reporting the questions of
// READOUT_CHECK_EVAL (another eval file, not swept on) before and after:
//
//	READOUT_DEV_INDEX=/tmp/wh READOUT_PICK_SWEEP=1 READOUT_CHECK_EVAL=../eval/fresh.jsonl \
//		go test -run MeasurePick -v -timeout 3h ./answer
func TestMeasurePick(t *testing.T) {
	dir := os.Getenv("READOUT_DEV_INDEX")
	if dir == "" {
		t.Skip("set READOUT_DEV_INDEX to a data folder holding the sample and White House index")
	}
	idx, err := retrieval.Open(dir, retrieval.NewBuiltinEmbedder(0), retrieval.IndexOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := &Pipeline{Index: idx}
	dev := readEvalLines(t, filepath.Join("..", "eval", "dev.jsonl"))
	var check []evalLine
	if name := os.Getenv("READOUT_CHECK_EVAL"); name != "" {
		check = readEvalLines(t, name)
	}
	report := func(label string) int {
		r, n := answersHolding(t, p, dev)
		line := fmt.Sprintf("%s: dev %d/%d", label, r, n)
		if check != nil {
			cr, cn := answersHolding(t, p, check)
			line += fmt.Sprintf(", check %d/%d", cr, cn)
		}
		t.Log(line)
		return r
	}
	saved := DefaultWeights
	defer func() { DefaultWeights = saved }()
	report("as in use")
	if os.Getenv("READOUT_PICK_SWEEP") == "" {
		return
	}
	w := &DefaultWeights
	knobs := []struct {
		name   string
		v      *float64
		values []float64
	}{
		{"Title", &w.Title, []float64{0, 0.25, 0.5, 1}},
		{"Asked", &w.Asked, []float64{0, 0.25, 0.5, 1}},
		{"Before", &w.Before, []float64{0, 0.25, 0.5, 1}},
		{"Context", &w.Context, []float64{0, 0.35, 0.7, 1}},
		{"Synonym", &w.Synonym, []float64{0.25, 0.5, 1}},
		{"Fits", &w.Fits, []float64{1, 1.3, 1.6, 2}},
		{"Phrase", &w.Phrase, []float64{0, 0.25, 0.5, 1}},
		{"Speaker", &w.Speaker, []float64{1, 1.4, 2}},
		{"Quoted", &w.Quoted, []float64{2, 4, 8}},
		{"Object", &w.Object, []float64{1, 1.3, 1.6}},
		{"PrevDoc", &w.PrevDoc, []float64{1, 1.25, 1.5}},
		{"Repeat", &w.Repeat, []float64{0.1, 0.3, 0.6, 1}},
		{"More", &w.More, []float64{0, 1, 2}},
		{"Near", &w.Near, []float64{0, 0.75, 1.5, 3}},
		{"Novel", &w.Novel, []float64{1, 1.3, 1.6}},
		{"CoverageBase", &w.CoverageBase, []float64{0.25, 0.5, 1, 2}},
		{"RankDecay", &w.RankDecay, []float64{0, 0.075, 0.15, 0.3}},
		{"FirstFloor", &w.FirstFloor, []float64{0.15, 0.3, 0.45}},
		{"FirstWords", &w.FirstWords, []float64{0.2, 0.4, 0.6}},
		{"SupportFloor", &w.SupportFloor, []float64{0.3, 0.45, 0.6}},
		{"Rarity", &w.Rarity, []float64{0, 2, 5, 8}},
		{"Short", &w.Short, []float64{0.4, 0.6, 0.8, 1}},
		{"Long", &w.Long, []float64{0.6, 0.8, 1}},
	}
	best, _ := answersHolding(t, p, dev)
	for _, k := range knobs {
		keep := *k.v
		for _, v := range k.values {
			if v == keep {
				continue
			}
			*k.v = v
			r, n := answersHolding(t, p, dev)
			line := fmt.Sprintf("  %s %g: dev %d/%d", k.name, v, r, n)
			if check != nil && r != best {
				cr, cn := answersHolding(t, p, check)
				line += fmt.Sprintf(", check %d/%d", cr, cn)
			}
			t.Log(line)
			if r > best {
				best, keep = r, v
			}
		}
		*k.v = keep
		t.Logf("%s = %g (dev %d)", k.name, keep, best)
	}
	t.Logf("swept: %+v", DefaultWeights)
	report("swept")
}
