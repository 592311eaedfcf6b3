package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/readout/readout/retrieval"
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
	for _, tc := range []struct{ name, text, want string }{
		{"a line not JSON", "{\"id\":\"a\",\"question\":\"q\"}\nnot json\n", "line 2"},
		// An empty file measures nothing: a summary of zeros would read
		// as a result.
		{"empty", "", "holds no questions"},
		{"blank lines only", "\n  \n\n", "holds no questions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "q.jsonl")
			os.WriteFile(file, []byte(tc.text), 0o644)
			code, out, errOut := runCLI(t, "", "eval", file, "--data", t.TempDir())
			if code != 1 || !strings.Contains(errOut, tc.want) || out != "" {
				t.Errorf("exit %d: %s%s", code, out, errOut)
			}
		})
	}
}

func TestQuotationSpeakers(t *testing.T) {
	tests := []struct {
		name, text, speaker string
		quotes, right       int
	}{
		{"labelled line", "- The White House (2023-01-09) — Zara Quillfeather: “We will not negotiate in public.” [1]", "Zara Quillfeather", 1, 1},
		{"surname alone", "Quillfeather said: “We will not negotiate in public.” [1]", "Zara Quillfeather", 1, 1},
		{"a reporter's words under the office's name", "- The White House (2023-01-09): “Is that something the U.S. is considering?” [1]\n- The White House (2023-01-09) — Zara Quillfeather: “We remain in close touch.” [1]", "Zara Quillfeather", 2, 1},
		{"someone else quoted", "- Nowhereland Times — Bertram Oddsock: “The talks went well.” [1]", "Zara Quillfeather", 1, 0},
		{"a quotation on its own line under its speaker", "Zara Quillfeather (2024-11-26):\n“The topic never came up.” [2]", "Zara Quillfeather", 1, 1},
		{"a title as the speaker", "- Senior Administration Official: “It is none of their business.” [1]", "Senior Administration Official", 1, 1},
		{"no quotation", "Quillfeather spoke on Tuesday.", "Zara Quillfeather", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels := quotationLabels(tt.text)
			right := 0
			for _, l := range labels {
				if showsSpeaker(l, tt.speaker) {
					right++
				}
			}
			if len(labels) != tt.quotes || right != tt.right {
				t.Errorf("%d quotations, %d show %s; want %d, %d (labels %q)", len(labels), right, tt.speaker, tt.quotes, tt.right, labels)
			}
		})
	}
}

func TestEvalReportsPerKind(t *testing.T) {
	lines := []string{
		`{"id":"a","question":"how many displaced ppl had crossed into armenia from karabakh as of friday morning","must_cite":["000_796cebcc88a1bf3f.txt"],"kind":"casual","must_contain":["84,770"]}`,
		`{"id":"b","question":"how many had crossed?","must_cite":["000_796cebcc88a1bf3f.txt"],"kind":"follow-up","follows":"a","must_contain":["nobody said this"]}`,
		`{"id":"c","question":"What did Ned Price say about the Sochi meeting?","must_cite":["001_a5096ebbdc57aca1.txt"],"kind":"speaker","speaker":"Ned Price"}`,
		`{"id":"d","question":"What is the current population of Stepanakert?","must_cite":[],"kind":"out-of-scope"}`,
	}
	file := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	code, out, errOut := runCLI(t, "", "eval", file, "--json", "--summary", "--data", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Results []evalResult
		Summary evalSummary
		Kinds   []evalKind
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Results != nil {
		t.Errorf("--summary printed per-question results: %s", out)
	}
	if s := res.Summary; s.ContainsN != 2 || s.Contains != 0.5 || s.CiteHitAt5 != 1 || s.SpeakerQuestions != 1 || s.SpeakerQuotes == 0 {
		t.Errorf("summary: %+v", s)
	}
	kinds := map[string]evalSummary{}
	for _, k := range res.Kinds {
		kinds[k.Kind] = k.evalSummary
	}
	if kinds["casual"].Contains != 1 || kinds["follow-up"].Contains != 0 || kinds["out-of-scope"].OOSDeclined != 1 || kinds["all"].Questions != 4 {
		t.Errorf("per kind: %+v", res.Kinds)
	}

	code, out, _ = runCLI(t, "", "eval", file, "--summary", "--data", t.TempDir())
	if code != 0 || strings.Contains(out, "seconds") || !strings.Contains(out, "| casual | 1 | 1.00 | 1.00 (1) |") || !strings.Contains(out, "| out-of-scope | 1 | - | - | 1/1 |") {
		t.Errorf("summary table:\n%s", out)
	}
}

// queryRecorder is a searcher that records the queries it is asked.
type queryRecorder struct {
	searcher
	queries []string
}

func (r *queryRecorder) Search(ctx context.Context, query string, opts retrieval.SearchOptions) ([]retrieval.Hit, error) {
	r.queries = append(r.queries, query)
	return r.searcher.Search(ctx, query, opts)
}

// TestEvalRanksTheQuestionAsCleaned: the retrieval rank of a question is
// measured on the question the pipeline searched (answer.CleanQuestion),
// not on the greeting and thanks around it ("hey readout, … thx!!").
func TestEvalRanksTheQuestionAsCleaned(t *testing.T) {
	f := &commonFlags{data: t.TempDir()}
	a, err := setupQuery(context.Background(), f, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	rec := &queryRecorder{searcher: a.idx}
	qs := []evalQuestion{{ID: "a", Question: "hey readout, Where did the November 7 meeting between the Armenian and Azerbaijani foreign ministers take place? thx!!",
		MustCite: []string{"004_ed5a135d6ad044a9.txt"}, Kind: "where"}}
	results, _ := runEval(context.Background(), a.pipe, rec, qs)
	want := "Where did the November 7 meeting between the Armenian and Azerbaijani foreign ministers take place?"
	if len(rec.queries) != 1 || rec.queries[0] != want {
		t.Fatalf("searched %q, want %q", rec.queries, want)
	}
	if results[0].Rank != 1 {
		t.Errorf("rank %d, want 1", results[0].Rank)
	}
}
