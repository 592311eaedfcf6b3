package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalMeasuresQuotationChecks runs a small quotation-check set over
// an invented record: one claim of it (q2) expects the wrong verdict, so
// the tables must show a miss, and precision and recall that differ.
func TestEvalMeasuresQuotationChecks(t *testing.T) {
	data := t.TempDir()
	if code, _, errOut := runCLI(t, "", "index", "--corpus", filepath.Join("testdata", "verify"), "--data", data); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errOut)
	}
	set := filepath.Join("testdata", "verify-claims.jsonl")
	code, out, errOut := runCLI(t, "", "eval", set, "--json", "--data", data)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Summary *evalSummary
		Verify  struct {
			Kinds    []verifyKind
			Verdicts []verifyVerdict
			Results  []verifyResult
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Summary != nil {
		t.Errorf("a file of quotation checks only was also measured as questions: %s", out)
	}
	if len(res.Verify.Results) != 8 {
		t.Fatalf("%d results, want 8: %s", len(res.Verify.Results), out)
	}
	for _, r := range res.Verify.Results {
		if r.Correct != (r.ID != "q2") {
			t.Errorf("%s: expected %s, got %s (%s)", r.ID, r.Expect, r.Got, r.Error)
		}
	}
	n1 := res.Verify.Results[2]
	if n1.ChangeNamed == nil || !*n1.ChangeNamed || n1.SourceCited == nil || !*n1.SourceCited {
		t.Errorf("the negated claim: %+v", n1)
	}
	kinds := map[string]verifyKind{}
	for _, k := range res.Verify.Kinds {
		kinds[k.Kind] = k
	}
	if k := kinds["question"]; k.Items != 2 || k.Correct != 1 || k.Share != 0.5 || k.Given["question-only"] != 2 {
		t.Errorf("kind question: %+v", k)
	}
	if k := kinds["all"]; k.Items != 8 || k.Correct != 7 || k.Changes != 1 || k.ChangesNamed != 1 || k.Sources != 7 || k.SourcesCited != 7 {
		t.Errorf("all: %+v", k)
	}
	verdicts := map[string]verifyVerdict{}
	for _, v := range res.Verify.Verdicts {
		verdicts[v.Verdict] = v
	}
	if v := verdicts["exact"]; v.Expected != 3 || v.Given != 2 || v.Correct != 2 || v.Precision != 1 || v.Recall != 2.0/3 {
		t.Errorf("exact: %+v", v)
	}
	if v := verdicts["question-only"]; v.Expected != 1 || v.Given != 2 || v.Precision != 0.5 || v.Recall != 1 {
		t.Errorf("question-only: %+v", v)
	}

	code, out, _ = runCLI(t, "", "eval", set, "--summary", "--data", data)
	for _, want := range []string{
		"| question | 2 | 1 | 0.50 | question-only 2 | - | 2/2 |",
		"| all | 8 | 7 | 0.88 |",
		"| exact | 3 | 2 | 2 | 1.00 | 0.67 |",
		"| question-only | 1 | 2 | 1 | 0.50 | 1.00 |",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "claim or error") {
		t.Errorf("--summary printed per-claim lines:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "eval", set, "--data", data)
	if code != 0 || !strings.Contains(out, "Is Nowhereland prepared to abandon the talks with Elsewhere?") {
		t.Errorf("the per-claim table does not show the missed claim:\n%s", out)
	}
}

func TestEvalRejectsBadQuotationChecks(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"no verdict", `{"id":"a","claim":"We are grateful.","expect":"maybe"}`, `line 2: expect "maybe" is no verdict`},
		{"no claim words", `{"id":"a","claim":"  ","expect":"exact"}`, "line 2: a quotation check needs an id and a claim"},
		{"a bad date", `{"id":"a","claim":"We are grateful.","until":"soon","expect":"exact"}`, "line 2: until:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "v.jsonl")
			os.WriteFile(file, []byte(`{"id":"ok","claim":"We are grateful.","expect":"exact"}`+"\n"+tt.line+"\n"), 0o644)
			code, _, errOut := runCLI(t, "", "eval", file, "--data", t.TempDir())
			if code != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut, tt.want)
			}
		})
	}
}
