package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// ask --explain prints, after the answer, the constraints read from the
// question, the passages with their scores and ranks, and the decision
// with its signals; chat --explain does so for every answer; --json
// carries the same under "explain", and without the flag nothing is added.
func TestAskExplain(t *testing.T) {
	data := t.TempDir()
	code, out, errOut := runCLI(t, "", "ask", "--data", data, "--explain", crossedQuestion)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	answer, why, ok := strings.Cut(out, "\nWhy this answer\n")
	if !ok || !strings.Contains(answer, "84,770") {
		t.Fatalf("no explanation after the answer:\n%s", out)
	}
	for _, want := range []string{
		"Read from the question:",
		"period: until 2023-09-30 (\"by the end of September 2023\")",
		"answer wanted: number",
		"Decision: answer (by signals)",
		"coverage = ",
		"vector similarity = ",
		"Passages retrieved (rank, fused score, vector rank/score, lexical rank, coverage):",
		"1. 000_796cebcc88a1bf3f.txt",
	} {
		if !strings.Contains(why, want) {
			t.Errorf("explanation lacks %q:\n%s", want, why)
		}
	}

	code, out, _ = runCLI(t, "", "ask", "--data", data, crossedQuestion)
	if code != 0 || strings.Contains(out, "Why this answer") {
		t.Errorf("explanation without --explain:\n%s", out)
	}

	code, out, _ = runCLI(t, "", "ask", "--data", data, "--explain", "--json", crossedQuestion)
	var v struct {
		Explain struct {
			Constraints struct{ Want string }
			Decision    struct{ Answer bool }
			Passages    []struct{ Doc string }
		}
	}
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || v.Explain.Constraints.Want != "number" || !v.Explain.Decision.Answer || len(v.Explain.Passages) == 0 {
		t.Errorf("JSON explanation %+v (%v):\n%s", v.Explain, err, out)
	}

	code, out, _ = runCLI(t, crossedQuestion+"\nWhat is the population of Stepanakert?\n", "chat", "--data", data, "--explain")
	if code != 0 || strings.Count(out, "Why this answer") != 2 || !strings.Contains(out, "Decision: decline (by signals)") {
		t.Errorf("chat --explain:\n%s", out)
	}
}

// ask --explain-all lists every candidate sentence of the answer (for
// measuring the sentence choice), where --explain lists the quoted ones
// and at most three left out; it explains without --explain.
func TestAskExplainAll(t *testing.T) {
	data := t.TempDir()
	sentences := func(args ...string) (quoted, left int) {
		t.Helper()
		code, out, errOut := runCLI(t, "", append([]string{"ask", "--data", data, "--json"}, append(args, crossedQuestion)...)...)
		var v struct {
			Explain struct {
				Sentences []struct{ Reason string }
			}
		}
		if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
			t.Fatalf("ask %v: exit %d, %v: %s%s", args, code, err, out, errOut)
		}
		for _, s := range v.Explain.Sentences {
			if strings.HasPrefix(s.Reason, "answer") || strings.HasPrefix(s.Reason, "support") || strings.HasPrefix(s.Reason, "side ") {
				quoted++
			} else {
				left++
			}
		}
		return quoted, left
	}
	q1, left1 := sentences("--explain")
	q2, left2 := sentences("--explain-all")
	if q1 == 0 || q1 != q2 {
		t.Fatalf("quoted sentences: %d with --explain, %d with --explain-all", q1, q2)
	}
	if left1 > 3 || left2 <= left1 {
		t.Errorf("sentences left out: %d with --explain (at most 3), %d with --explain-all (want more)", left1, left2)
	}
}
