package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalMeasuresTheSample(t *testing.T) {
	lines := []string{
		`{"id":"a","question":"According to ARMENPRESS, how many forcibly displaced persons had crossed into Armenia from Nagorno-Karabakh as of Friday morning?","must_cite":["000_796cebcc88a1bf3f.txt"],"kind":"fact"}`,
		`{"id":"b","question":"Where did the November 7 meeting between the Armenian and Azerbaijani foreign ministers take place?","must_cite":["004_ed5a135d6ad044a9.txt"],"kind":"fact"}`,
		`{"id":"c","question":"Did he say what its scope would be?","must_cite":["000_796cebcc88a1bf3f.txt"],"kind":"follow-up","follows":"a"}`,
		`{"id":"d","question":"What is the current population of Stepanakert?","must_cite":[],"kind":"out-of-scope"}`,
		`{"id":"e","question":"When did the example summit take place?","must_cite":["not-in-this-record.txt"],"kind":"when"}`,
	}
	file := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	code, out, errOut := runCLI(t, "", "eval", file, "--json", "--data", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Results []evalResult
		Summary evalSummary
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	s := res.Summary
	if s.Questions != 5 || s.Answerable != 3 || s.OOS != 2 {
		t.Errorf("counts: %+v", s)
	}
	if s.HitAt5 != 1 || s.CitationHit != 1 || s.OOSDeclined != 2 || s.WrongDeclines != 0 {
		t.Errorf("quality on the sample: %+v\n%+v", s, res.Results)
	}
	if s.QuotesPosted == 0 || s.QuotesVerified != s.QuotesPosted {
		t.Errorf("quotations: %+v", s)
	}
	if !res.Results[4].Absent {
		t.Errorf("a question about a document not in the record is not marked absent: %+v", res.Results[4])
	}

	code, out, _ = runCLI(t, "", "eval", file, "--data", t.TempDir())
	if code != 0 || !strings.Contains(out, "hit@5 1.00") || !strings.Contains(out, "2/2 out-of-scope declined") {
		t.Errorf("table output:\n%s", out)
	}
}

func TestEvalRejectsBadFiles(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(file, []byte("{\"id\":\"a\",\"question\":\"q\"}\nnot json\n"), 0o644)
	code, _, errOut := runCLI(t, "", "eval", file, "--data", t.TempDir())
	if code != 1 || !strings.Contains(errOut, "line 2") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
