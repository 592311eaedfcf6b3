package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/evalmatch"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/verify"
)

// evalQuestion is one line of an evaluation file (shared/eval/public.jsonl).
type evalQuestion struct {
	ID       string   `json:"id"`
	Question string   `json:"question"`
	Answer   string   `json:"answer"`
	MustCite []string `json:"must_cite"`
	Quote    string   `json:"quote"`
	Kind     string   `json:"kind"`
	Follows  string   `json:"follows"`
	// MustContain lists what a correct answer's text must all contain; an
	// item "a|b" is met by either alternative (see containsItem).
	MustContain []string `json:"must_contain"`
	// Speaker is, for attribution questions, the person whose words the
	// answer must quote.
	Speaker string `json:"speaker"`
}

// evalResult is what eval measured for one question.
type evalResult struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	Mode        string `json:"mode"`
	Rank        int    `json:"rank"` // 1-based rank of the first must_cite document among the passages; 0 if absent
	HitAt1      bool   `json:"hit_at_1"`
	HitAt5      bool   `json:"hit_at_5"`
	CitationHit bool   `json:"citation_hit"`
	Declined    bool   `json:"declined"`
	OutOfScope  bool   `json:"out_of_scope"`
	// Absent: none of the must_cite documents is in the indexed record, so
	// the question is out of scope for this record and should be declined.
	Absent   bool     `json:"absent,omitempty"`
	Quotes   int      `json:"quotes_posted"`
	Verified int      `json:"quotes_verified"`
	Repaired int      `json:"quotes_repaired"`
	Unquoted int      `json:"quotes_unquoted"`
	Seconds  float64  `json:"seconds"`
	Error    string   `json:"error,omitempty"`
	Cited    []string `json:"cited"`
	// CiteHit5: a must_cite document is among the top five passages
	// retrieved or among the answer's citations.
	CiteHit5 bool   `json:"cite_hit_at_5"`
	Speaker  string `json:"speaker,omitempty"`
	// Contains is nil when the question has no must_contain; Missing lists
	// the items the answer lacks.
	Contains *bool    `json:"contains,omitempty"`
	Missing  []string `json:"missing,omitempty"`
	// SpeakerQuotes counts, for a question with a speaker, the quotations
	// the answer posts; SpeakerRight those shown as that speaker's words.
	SpeakerQuotes int `json:"speaker_quotes,omitempty"`
	SpeakerRight  int `json:"speaker_right,omitempty"`
}

// evalSummary aggregates the results.
type evalSummary struct {
	Questions      int     `json:"questions"`
	Answerable     int     `json:"answerable"`
	HitAt1         float64 `json:"hit_at_1"`
	HitAt5         float64 `json:"hit_at_5"`
	MRR            float64 `json:"mrr"`
	CitationHit    float64 `json:"citation_hit"`
	OOS            int     `json:"out_of_scope"`
	OOSDeclined    int     `json:"out_of_scope_declined"`
	WrongDeclines  int     `json:"wrong_declines"`
	QuotesPosted   int     `json:"quotes_posted"`
	QuotesVerified int     `json:"quotes_verified"`
	QuotesRepaired int     `json:"quotes_repaired"`
	QuotesUnquoted int     `json:"quotes_unquoted"`
	Errors         int     `json:"errors"`
	MeanSeconds    float64 `json:"mean_seconds"`
	MaxSeconds     float64 `json:"max_seconds"`
	// CiteHitAt5 is the share of answerable questions with CiteHit5.
	CiteHitAt5 float64 `json:"cite_hit_at_5"`
	// ContainsN answerable questions have must_contain; Contains is the
	// share of them whose answer holds every item.
	ContainsN int     `json:"contains_n"`
	Contains  float64 `json:"answer_contains"`
	// SpeakerQuotes quotations were posted for questions with a speaker;
	// SpeakerRight of them show that speaker (SpeakerShare = right/posted).
	SpeakerQuestions int     `json:"speaker_questions"`
	SpeakerQuotes    int     `json:"speaker_quotes"`
	SpeakerRight     int     `json:"speaker_right"`
	SpeakerShare     float64 `json:"speaker_share"`
}

func cmdEval(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	if len(pos) != 1 {
		return usageError{"give one file of questions or quotation checks (JSON lines), e.g. readout eval questions.jsonl"}
	}
	stdout, stderr := s.stdout, s.stderr
	summaryOnly := &f.summary
	questions, claims, err := readEval(pos[0])
	if err != nil {
		return err
	}
	a, err := setupQuery(ctx, f, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	out := map[string]any{"snapshot": a.idx.SnapshotID()}
	var results []evalResult
	var sum evalSummary
	var kinds []evalKind
	if len(questions) > 0 || len(claims) == 0 {
		results, sum = runEval(ctx, a.pipe, a.idx, questions)
		kinds = summariseKinds(results)
		out["summary"], out["kinds"] = sum, kinds
		if !*summaryOnly {
			out["results"] = results
		}
	}
	// Quotation checks (lines with a "claim") are measured apart: a
	// verdict per claim, against the one expected.
	var checks []verifyResult
	var vsum verifySummary
	if len(claims) > 0 {
		checks = runVerifyEval(ctx, verify.New(a.idx), claims)
		vsum = summariseVerify(checks)
		v := map[string]any{"kinds": vsum.Kinds, "verdicts": vsum.Verdicts}
		if !*summaryOnly {
			v["results"] = checks
		}
		out["verify"] = v
	}
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(questions) > 0 || len(claims) == 0 {
		if !*summaryOnly {
			printEval(stdout, results, sum)
			fmt.Fprintln(stdout)
		}
		printKinds(stdout, kinds)
	}
	if len(claims) > 0 {
		if len(questions) > 0 {
			fmt.Fprintln(stdout)
		}
		if !*summaryOnly {
			printVerifyResults(stdout, checks)
			fmt.Fprintln(stdout)
		}
		printVerifySummary(stdout, vsum)
	}
	return nil
}

// readEval reads a file of questions and quotation checks: a line with a
// "claim" is a quotation check (verifyItem), any other a question.
func readEval(file string) ([]evalQuestion, []verifyItem, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, nil, fmt.Errorf("read questions: %w", err)
	}
	defer fh.Close()
	var qs []evalQuestion
	var vs []verifyItem
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var kind struct {
			Claim *string `json:"claim"`
		}
		if err := json.Unmarshal([]byte(line), &kind); err != nil {
			return nil, nil, fmt.Errorf("%s line %d: %w", file, n, err)
		}
		if kind.Claim != nil {
			var v verifyItem
			if err := json.Unmarshal([]byte(line), &v); err != nil {
				return nil, nil, fmt.Errorf("%s line %d: %w", file, n, err)
			}
			if err := v.check(); err != nil {
				return nil, nil, fmt.Errorf("%s line %d: %w", file, n, err)
			}
			vs = append(vs, v)
			continue
		}
		var q evalQuestion
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, nil, fmt.Errorf("%s line %d: %w", file, n, err)
		}
		if q.ID == "" || strings.TrimSpace(q.Question) == "" {
			return nil, nil, fmt.Errorf("%s line %d: a question needs an id and a question", file, n)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", file, err)
	}
	if len(qs) == 0 && len(vs) == 0 {
		// A summary of nothing would read as a measurement.
		return nil, nil, fmt.Errorf("%s holds no questions or quotation checks: give one JSON object a line (see EVALUATION.md)", file)
	}
	return qs, vs, nil
}

// searcher is what eval needs of the index to rank documents.
type searcher interface {
	Search(ctx context.Context, query string, opts retrieval.SearchOptions) ([]retrieval.Hit, error)
	Document(id string) (*corpus.Document, bool)
}

// runEval asks every question through the pipeline; a follow-up is asked
// with the conversation of the question it follows.
func runEval(ctx context.Context, pipe *answer.Pipeline, idx searcher, qs []evalQuestion) ([]evalResult, evalSummary) {
	histories := map[string][]answer.Turn{}
	var results []evalResult
	for _, q := range qs {
		var history []answer.Turn
		if q.Follows != "" {
			history = histories[q.Follows]
		}
		start := time.Now()
		ans, err := pipe.Ask(ctx, q.Question, history, retrieval.SearchOptions{})
		r := evalResult{ID: q.ID, Kind: q.Kind, Speaker: q.Speaker, OutOfScope: len(q.MustCite) == 0, Seconds: time.Since(start).Seconds(), Cited: []string{}}
		if !r.OutOfScope && !anyIndexed(idx, q.MustCite) {
			r.OutOfScope, r.Absent = true, true
		}
		if err != nil {
			r.Error = userFacing(err).Error()
			results = append(results, r)
			continue
		}
		histories[q.ID] = append(append([]answer.Turn(nil), history...), answer.TurnOf(ans))
		r.Mode = string(ans.Mode)
		r.Declined = ans.Mode == answer.ModeDeclined
		must := map[string]bool{}
		for _, m := range q.MustCite {
			must[m] = true
		}
		for _, c := range ans.Citations {
			r.Cited = append(r.Cited, c.Doc)
			if must[c.Doc] || must[path.Base(c.Doc)] {
				r.CitationHit = true
			}
		}
		query := ans.Standalone
		if query == "" {
			query = ans.Question // as the pipeline cleaned it (answer.CleanQuestion)
		}
		if hits, err := idx.Search(ctx, query, retrieval.SearchOptions{K: 10}); err == nil {
			for i, h := range hits {
				if must[h.Doc.ID] || must[path.Base(h.Doc.ID)] {
					r.Rank = i + 1
					break
				}
			}
		}
		r.HitAt1 = r.Rank == 1
		r.HitAt5 = r.Rank >= 1 && r.Rank <= 5
		r.CiteHit5 = r.HitAt5 || r.CitationHit
		r.Quotes, r.Verified, r.Repaired, r.Unquoted = quoteCounts(ans)
		if len(q.MustContain) > 0 {
			r.Missing = evalmatch.Missing(ans.Text, q.MustContain)
			ok := len(r.Missing) == 0
			r.Contains = &ok
		}
		if q.Speaker != "" {
			for _, label := range quotationLabels(ans.Text) {
				r.SpeakerQuotes++
				if showsSpeaker(label, q.Speaker) {
					r.SpeakerRight++
				}
			}
		}
		results = append(results, r)
	}
	return results, summarise(results)
}

// anyIndexed reports whether one of the documents is in the index, by ID
// or by file name.
func anyIndexed(idx searcher, ids []string) bool {
	for _, id := range ids {
		if _, ok := idx.Document(id); ok {
			return true
		}
	}
	return false
}

func summarise(results []evalResult) evalSummary {
	var s evalSummary
	var rr float64
	for _, r := range results {
		s.Questions++
		s.MeanSeconds += r.Seconds
		s.MaxSeconds = max(s.MaxSeconds, r.Seconds)
		if r.Error != "" {
			s.Errors++
		}
		s.QuotesPosted += r.Quotes
		s.QuotesVerified += r.Verified
		s.QuotesRepaired += r.Repaired
		s.QuotesUnquoted += r.Unquoted
		if r.Speaker != "" {
			s.SpeakerQuestions++
			s.SpeakerQuotes += r.SpeakerQuotes
			s.SpeakerRight += r.SpeakerRight
		}
		if r.OutOfScope {
			s.OOS++
			if r.Declined {
				s.OOSDeclined++
			}
			continue
		}
		s.Answerable++
		if r.Declined {
			s.WrongDeclines++
		}
		if r.HitAt1 {
			s.HitAt1++
		}
		if r.HitAt5 {
			s.HitAt5++
		}
		if r.Rank > 0 {
			rr += 1 / float64(r.Rank)
		}
		if r.CitationHit {
			s.CitationHit++
		}
		if r.CiteHit5 {
			s.CiteHitAt5++
		}
		if r.Contains != nil {
			s.ContainsN++
			if *r.Contains {
				s.Contains++
			}
		}
	}
	if s.Answerable > 0 {
		n := float64(s.Answerable)
		s.HitAt1 /= n
		s.HitAt5 /= n
		s.CitationHit /= n
		s.CiteHitAt5 /= n
		s.MRR = rr / n
	}
	if s.ContainsN > 0 {
		s.Contains /= float64(s.ContainsN)
	}
	if s.SpeakerQuotes > 0 {
		s.SpeakerShare = float64(s.SpeakerRight) / float64(s.SpeakerQuotes)
	}
	if s.Questions > 0 {
		s.MeanSeconds /= float64(s.Questions)
	}
	return s
}

func printEval(w io.Writer, results []evalResult, s evalSummary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tkind\tmode\trank\tcited must_cite\tquotes (posted/verified/repaired/unquoted)\tseconds\terror")
	for _, r := range results {
		rank := "-"
		if r.Rank > 0 {
			rank = fmt.Sprint(r.Rank)
		}
		cited := yesNo(r.CitationHit)
		if r.Absent {
			cited = "n/a: not in this record (declined: " + yesNo(r.Declined) + ")"
		} else if r.OutOfScope {
			cited = "n/a (declined: " + yesNo(r.Declined) + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d/%d/%d/%d\t%.3f\t%s\n", r.ID, r.Kind, r.Mode, rank, cited,
			r.Quotes, r.Verified, r.Repaired, r.Unquoted, r.Seconds, r.Error)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%s (%d answerable from this record, %d out of scope or about documents not in it)\n", plural(s.Questions, "question"), s.Answerable, s.OOS)
	fmt.Fprintf(w, "retrieval: hit@1 %.2f  hit@5 %.2f  MRR %.3f\n", s.HitAt1, s.HitAt5, s.MRR)
	fmt.Fprintf(w, "citations: %.2f of answerable questions cite a must_cite document; cite-hit@5 %.2f\n", s.CitationHit, s.CiteHitAt5)
	if s.ContainsN > 0 {
		fmt.Fprintf(w, "answer-contains: %.2f of %d answerable questions with must_contain\n", s.Contains, s.ContainsN)
	}
	if s.SpeakerQuestions > 0 {
		fmt.Fprintf(w, "attribution: %d/%d quotations show the expected speaker (%d questions with a speaker)\n", s.SpeakerRight, s.SpeakerQuotes, s.SpeakerQuestions)
	}
	fmt.Fprintf(w, "declines: %d/%d out-of-scope declined, %d answerable wrongly declined\n", s.OOSDeclined, s.OOS, s.WrongDeclines)
	fmt.Fprintf(w, "quotations: %d posted, %d verified, %d repaired, %d unquoted\n", s.QuotesPosted, s.QuotesVerified, s.QuotesRepaired, s.QuotesUnquoted)
	fmt.Fprintf(w, "latency: mean %.3f s, max %.3f s; errors %d\n", s.MeanSeconds, s.MaxSeconds, s.Errors)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// quoteCounts returns what quote verification did to an answer's quotations.
func quoteCounts(ans *answer.Answer) (posted, verified, repaired, unquoted int) {
	q := ans.Quotes
	return q.Posted, q.Verified, q.Repaired, q.Unquoted
}
