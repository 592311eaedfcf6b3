package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/verify"
)

// verifyItem is one line of a quotation-check set (eval/verify.jsonl,
// eval/README.md): a claim, what it says of speaker and period, and the
// verdict a correct checker gives. eval tells it from a question by its
// "claim" field.
type verifyItem struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Claim   string `json:"claim"`
	Speaker string `json:"speaker"`
	Since   string `json:"since"`
	Until   string `json:"until"`
	Expect  string `json:"expect"`
	// Change is the change of meaning a close verdict should name
	// ("negation", "number"), if any.
	Change string `json:"change"`
	// Doc is the document the claim comes from; "" for an invented one.
	Doc string `json:"doc"`
}

// verifyVerdicts are the verdicts a set may expect, in the order the
// tables show them.
var verifyVerdicts = []verify.Verdict{verify.Exact, verify.Close, verify.OtherSpeaker, verify.OtherDate, verify.QuestionOnly, verify.NotFound}

// check validates an item as read, so a typo in a hand-written line is
// an error at the start rather than a wrong figure at the end.
func (it verifyItem) check() error {
	if it.ID == "" || strings.TrimSpace(it.Claim) == "" {
		return errors.New("a quotation check needs an id and a claim")
	}
	if !slices.Contains(verifyVerdicts, verify.Verdict(it.Expect)) {
		return fmt.Errorf("expect %q is no verdict (one of %s)", it.Expect, verdictNames())
	}
	if _, err := it.claim(); err != nil {
		return err
	}
	return nil
}

func verdictNames() string {
	names := make([]string, len(verifyVerdicts))
	for i, v := range verifyVerdicts {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}

// claim is the item as verify checks it: since and until read as the
// command line reads --since and --until (a month or year stands for its
// first day, or its last).
func (it verifyItem) claim() (verify.Claim, error) {
	cl := verify.Claim{Text: it.Claim, Speaker: it.Speaker}
	if it.Since != "" {
		first, _, err := retrieval.ParsePeriod(it.Since)
		if err != nil {
			return cl, fmt.Errorf("since: %w", err)
		}
		cl.Since = first
	}
	if it.Until != "" {
		_, last, err := retrieval.ParsePeriod(it.Until)
		if err != nil {
			return cl, fmt.Errorf("until: %w", err)
		}
		cl.Until = last
	}
	return cl, nil
}

// verifyResult is what eval measured for one claim.
type verifyResult struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Expect  string   `json:"expect"`
	Got     string   `json:"got"`
	Correct bool     `json:"correct"`
	Changes []string `json:"changes,omitempty"`
	// ChangeNamed is, for an item with a change of meaning, whether the
	// result names it.
	ChangeNamed *bool `json:"change_named,omitempty"`
	// SourceCited is, for an item from a document that the verdict should
	// cite, whether the result's citation is that document.
	SourceCited *bool  `json:"source_cited,omitempty"`
	Cited       string `json:"cited,omitempty"`
	// Speaker and Date are who said the words and when, by the result.
	Speaker string  `json:"speaker,omitempty"`
	Date    string  `json:"date,omitempty"`
	Seconds float64 `json:"seconds"`
	Error   string  `json:"error,omitempty"`
	Claim   string  `json:"claim"`
}

// runVerifyEval checks every claim with c.
func runVerifyEval(ctx context.Context, c *verify.Checker, items []verifyItem) []verifyResult {
	out := make([]verifyResult, 0, len(items))
	for _, it := range items {
		r := verifyResult{ID: it.ID, Kind: it.Kind, Expect: it.Expect, Claim: it.Claim}
		cl, _ := it.claim() // checked when read
		start := time.Now()
		res, err := c.Check(ctx, cl)
		r.Seconds = time.Since(start).Seconds()
		if err != nil {
			r.Got, r.Error = "error", err.Error()
			out = append(out, r)
			continue
		}
		r.Got = string(res.Verdict)
		r.Correct = r.Got == it.Expect
		r.Changes, r.Speaker, r.Date = res.Changes, res.Speaker, res.Date
		if it.Change != "" {
			named := slices.Contains(res.Changes, it.Change)
			r.ChangeNamed = &named
		}
		if res.Citation != nil {
			r.Cited = res.Citation.Doc
		}
		if it.Doc != "" && it.Expect != string(verify.NotFound) {
			cited := r.Cited == it.Doc || path.Base(r.Cited) == path.Base(it.Doc)
			r.SourceCited = &cited
		}
		out = append(out, r)
	}
	return out
}

// verifyKind sums up the claims of one kind.
type verifyKind struct {
	Kind    string  `json:"kind"`
	Items   int     `json:"items"`
	Correct int     `json:"correct"`
	Share   float64 `json:"share_correct"`
	// Given counts the verdicts given, by name ("error" for a claim that
	// could not be checked).
	Given map[string]int `json:"given"`
	// Changes items carry a change of meaning; ChangesNamed of them had it
	// named. Sources items should cite their document; SourcesCited did.
	Changes      int     `json:"changes,omitempty"`
	ChangesNamed int     `json:"changes_named,omitempty"`
	Sources      int     `json:"sources,omitempty"`
	SourcesCited int     `json:"sources_cited,omitempty"`
	Errors       int     `json:"errors,omitempty"`
	MeanSeconds  float64 `json:"mean_seconds"`
	MaxSeconds   float64 `json:"max_seconds"`
}

// verifyVerdict is precision and recall of one verdict: of the Given
// claims it was given to, Correct expected it (precision); of the
// Expected claims that expect it, Correct got it (recall).
type verifyVerdict struct {
	Verdict   string  `json:"verdict"`
	Expected  int     `json:"expected"`
	Given     int     `json:"given"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// verifySummary is the aggregate of a quotation-check run: per kind (in
// the order the kinds first appear, then "all") and per verdict.
type verifySummary struct {
	Kinds    []verifyKind    `json:"kinds"`
	Verdicts []verifyVerdict `json:"verdicts"`
}

func summariseVerify(results []verifyResult) verifySummary {
	var order []string
	byKind := map[string]*verifyKind{}
	all := &verifyKind{Kind: "all", Given: map[string]int{}}
	for _, r := range results {
		k := r.Kind
		if k == "" {
			k = "(none)"
		}
		if byKind[k] == nil {
			byKind[k] = &verifyKind{Kind: k, Given: map[string]int{}}
			order = append(order, k)
		}
		for _, s := range []*verifyKind{byKind[k], all} {
			s.add(r)
		}
	}
	var sum verifySummary
	for _, k := range order {
		sum.Kinds = append(sum.Kinds, byKind[k].done())
	}
	sum.Kinds = append(sum.Kinds, all.done())
	for _, v := range verifyVerdicts {
		vv := verifyVerdict{Verdict: string(v)}
		for _, r := range results {
			exp, got := r.Expect == string(v), r.Got == string(v)
			if exp {
				vv.Expected++
			}
			if got {
				vv.Given++
			}
			if exp && got {
				vv.Correct++
			}
		}
		if vv.Given > 0 {
			vv.Precision = float64(vv.Correct) / float64(vv.Given)
		}
		if vv.Expected > 0 {
			vv.Recall = float64(vv.Correct) / float64(vv.Expected)
		}
		sum.Verdicts = append(sum.Verdicts, vv)
	}
	return sum
}

func (k *verifyKind) add(r verifyResult) {
	k.Items++
	k.Given[r.Got]++
	if r.Correct {
		k.Correct++
	}
	if r.Error != "" {
		k.Errors++
	}
	if r.ChangeNamed != nil {
		k.Changes++
		if *r.ChangeNamed {
			k.ChangesNamed++
		}
	}
	if r.SourceCited != nil {
		k.Sources++
		if *r.SourceCited {
			k.SourcesCited++
		}
	}
	k.MeanSeconds += r.Seconds
	k.MaxSeconds = max(k.MaxSeconds, r.Seconds)
}

func (k *verifyKind) done() verifyKind {
	if k.Items > 0 {
		k.Share = float64(k.Correct) / float64(k.Items)
		k.MeanSeconds /= float64(k.Items)
	}
	return *k
}

// printVerifyResults writes one line per claim.
func printVerifyResults(w io.Writer, results []verifyResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tkind\texpected\tgot\tright\tchanges\tsource cited\tseconds\tclaim or error")
	for _, r := range results {
		cited := "-"
		if r.SourceCited != nil {
			cited = yesNo(*r.SourceCited)
		}
		note := r.Error
		if note == "" && !r.Correct {
			note = shorten(r.Claim, 80)
			if r.Cited != "" {
				note += fmt.Sprintf(" (the record: %s, %s, %s)", orDash(r.Speaker), orDash(r.Date), r.Cited)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%s\n", r.ID, r.Kind, r.Expect, r.Got, yesNo(r.Correct),
			orDash(strings.Join(r.Changes, ",")), cited, r.Seconds, note)
	}
	tw.Flush()
}

// printVerifySummary writes the per-kind and per-verdict tables in
// Markdown, the form EVALUATION.md keeps.
func printVerifySummary(w io.Writer, s verifySummary) {
	fmt.Fprintln(w, "| kind | claims | correct | share correct | verdicts given | meaning change named | source cited |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, k := range s.Kinds {
		changes, sources := "-", "-"
		if k.Changes > 0 {
			changes = fmt.Sprintf("%d/%d", k.ChangesNamed, k.Changes)
		}
		if k.Sources > 0 {
			sources = fmt.Sprintf("%d/%d", k.SourcesCited, k.Sources)
		}
		fmt.Fprintf(w, "| %s | %d | %d | %.2f | %s | %s | %s |\n", k.Kind, k.Items, k.Correct, k.Share, givenList(k.Given), changes, sources)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| verdict | expected | given | correct | precision | recall |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, v := range s.Verdicts {
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s | %s |\n", v.Verdict, v.Expected, v.Given, v.Correct, ratio(v.Correct, v.Given), ratio(v.Correct, v.Expected))
	}
}

// givenList writes verdict counts in the verdicts' order, errors last:
// "exact 18, close 2".
func givenList(given map[string]int) string {
	var parts []string
	for _, v := range verifyVerdicts {
		if n := given[string(v)]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", v, n))
		}
	}
	if n := given["error"]; n > 0 {
		parts = append(parts, fmt.Sprintf("error %d", n))
	}
	return strings.Join(parts, ", ")
}

// ratio writes a/b with two decimals, or "-" when b is 0.
func ratio(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
