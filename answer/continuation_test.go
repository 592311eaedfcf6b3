package answer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMeasureContinuation measures the decision to continue a
// conversation (contWeights) on the texts of the development questions:
// each question of a follow-up chain, after its chain's earlier
// questions, should continue it; every other question, asked after the
// line before it, should start a new topic. Only the questions' words are
// read (no index, no answers), so names are the capitalised ones.
//
//	READOUT_SIGNALS=1 go test -run MeasureContinuation -v ./answer
func TestMeasureContinuation(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "eval", "dev.jsonl"))
	if err != nil {
		t.Skip("no development set:", err)
	}
	defer f.Close()
	var qs []devQuestion
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var q devQuestion
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	byID := map[string]devQuestion{}
	for _, q := range qs {
		byID[q.ID] = q
	}
	var follows, followsOK, fresh, freshOK int
	for i, q := range qs {
		var history []Turn
		if q.Follows != "" {
			for p := byID[q.Follows]; ; p = byID[p.Follows] {
				history = append([]Turn{{Question: p.Question}}, history...)
				if p.Follows == "" {
					break
				}
			}
		} else if i > 0 {
			history = []Turn{{Question: qs[i-1].Question}}
		} else {
			continue
		}
		got := readFollowUp(q.Question, history, nil).Kind != NewTopic
		if os.Getenv("READOUT_SIGNALS") != "" {
			sig := continuationOf(q.Question, history, nil)
			b, _ := json.Marshal(map[string]any{"id": q.ID, "follows": q.Follows != "", "s": sig})
			t.Log(string(b))
		}
		if q.Follows != "" {
			follows++
			if got {
				followsOK++
			} else {
				t.Logf("follow-up read as a new topic: %s %q", q.ID, q.Question)
			}
			continue
		}
		fresh++
		if !got {
			freshOK++
		} else {
			t.Logf("new topic read as a follow-up: %s %q after %q", q.ID, q.Question, history[0].Question)
		}
	}
	t.Logf("follow-ups continued %d/%d, new topics started %d/%d", followsOK, follows, freshOK, fresh)
	// As measured for contWeights (the rule before: 0.75 and 0.92).
	if follows > 0 && float64(followsOK) < 0.8*float64(follows) {
		t.Errorf("follow-ups continued %d/%d, want ≥ 0.8", followsOK, follows)
	}
	if fresh > 0 && float64(freshOK) < 0.95*float64(fresh) {
		t.Errorf("new topics started %d/%d, want ≥ 0.95", freshOK, fresh)
	}
}

// TestContinuation: the decision reads each signal; every row would be
// read the other way without the signal it names.
func TestContinuation(t *testing.T) {
	history := []Turn{quillfeatherTurn()}
	tests := []struct {
		q    string
		want bool
		why  string
	}{
		{"and the river crossing?", true, "an ellipsis opener"},
		{"What about Minister Orlo Vexbridge of Sylvania, did he agree?", true, "an ellipsis opener outweighs new names"},
		{"did she mean it?", true, "a pronoun"},
		{"border talks resume?", true, "two words, both the conversation's"},
		{"tariffs?", true, "one word says too little to stand alone"},
		{"grain tariffs rising?", false, "two words new to the conversation"},
		{"What did Orlo Vexbridge announce about grain tariffs?", false, "new names"},
		{"How many soldiers were stationed at the river crossing in March?", false, "four words say enough"},
		{"and in 2025?", true, "a time ellipsis"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			s := continuationOf(tt.q, history, nil)
			if got := contWeights.continues(s); got != tt.want {
				t.Errorf("continues %v (score %.2f, %+v), want %v: %s", got, contWeights.score(s), s, tt.want, tt.why)
			}
		})
	}
}

// TestTimeEllipsis: "and in 2023?" asks the previous question again for
// another time: its subject and speaker kept, its period replaced or
// added; a relative shift counts from the previous period, else from the
// date of the statement just quoted.
func TestTimeEllipsis(t *testing.T) {
	withYear := Turn{
		Question: "What did Spokesperson Zara Quillfeather say about the canal tolls in 2022?",
		Answer:   ExtractiveLead + "\n- Nowhere Wire (2022-06-01) — Zara Quillfeather, Spokesperson: “The canal tolls will stay where they are this year.” [1]",
		Citations: []Citation{{N: 1, Doc: "wire/tolls.txt", Outlet: "Nowhere Wire", Date: "2022-06-01",
			Speakers: []string{"Zara Quillfeather"}}},
	}
	noPeriod := quillfeatherTurn() // quotes a statement of 2024-03-04
	declined := Turn{
		Question: "What did Zara Quillfeather say about grain tariffs in March 2023?",
		Answer:   "The record has no statement in March 2023 on this.",
	}
	tests := []struct {
		prev       Turn
		q          string
		standalone string
	}{
		{withYear, "and in 2023?", "What did Spokesperson Zara Quillfeather say about the canal tolls in 2023?"},
		{withYear, "what about a year later?", "What did Spokesperson Zara Quillfeather say about the canal tolls in 2023?"},
		{withYear, "and the year before?", "What did Spokesperson Zara Quillfeather say about the canal tolls in 2021?"},
		{noPeriod, "and two months later?", "What did Spokesperson Zara Quillfeather say about the border talks between Freedonia and Sylvania in May 2024?"},
		{noPeriod, "and the next day?", "What did Spokesperson Zara Quillfeather say about the border talks between Freedonia and Sylvania on March 5, 2024?"},
		{noPeriod, "and in October 2024?", "What did Spokesperson Zara Quillfeather say about the border talks between Freedonia and Sylvania in October 2024?"},
		// The previous answer declined: its question still holds the
		// subject and the speaker.
		{declined, "and in april 2023?", "What did Zara Quillfeather say about grain tariffs in april 2023?"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			f := ReadFollowUp(tt.q, []Turn{tt.prev})
			if f.Kind != RefPeriod || f.Standalone != tt.standalone {
				t.Errorf("%s → %q (%s), want %q", tt.q, f.Standalone, f.Kind, tt.standalone)
			}
		})
	}
	// Not a time ellipsis: it says more than when.
	if f := ReadFollowUp("and what did she say about the dam in 2023?", []Turn{withYear}); f.Kind == RefPeriod {
		t.Errorf("read as a time ellipsis: %q", f.Standalone)
	}
}
