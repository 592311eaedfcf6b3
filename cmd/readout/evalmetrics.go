package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/internal/evalmatch"
)

// evalKind is the summary of the questions of one kind.
type evalKind struct {
	Kind string `json:"kind"`
	evalSummary
}

// summariseKinds summarises the results per kind, in the order of the
// kinds' names, followed by the row "all".
func summariseKinds(results []evalResult) []evalKind {
	byKind := map[string][]evalResult{}
	for _, r := range results {
		k := r.Kind
		if k == "" {
			k = "(none)"
		}
		byKind[k] = append(byKind[k], r)
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	out := make([]evalKind, 0, len(kinds)+1)
	for _, k := range kinds {
		out = append(out, evalKind{Kind: k, evalSummary: summarise(byKind[k])})
	}
	return append(out, evalKind{Kind: "all", evalSummary: summarise(results)})
}

// printKinds writes the per-kind summary as a Markdown table, the form
// EVALUATION.md keeps.
func printKinds(w io.Writer, kinds []evalKind) {
	fmt.Fprintln(w, "| kind | questions | cite-hit@5 | answer-contains | out-of-scope declined | wrong declines | quotations verified/posted | speaker shown right |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, k := range kinds {
		s := k.evalSummary
		cite, wrong := "-", "-"
		if s.Answerable > 0 {
			cite = fmt.Sprintf("%.2f", s.CiteHitAt5)
			wrong = fmt.Sprintf("%d/%d", s.WrongDeclines, s.Answerable)
		}
		contains := "-"
		if s.ContainsN > 0 {
			contains = fmt.Sprintf("%.2f (%d)", s.Contains, s.ContainsN)
		}
		oos := "-"
		if s.OOS > 0 {
			oos = fmt.Sprintf("%d/%d", s.OOSDeclined, s.OOS)
		}
		speaker := "-"
		if s.SpeakerQuestions > 0 {
			speaker = fmt.Sprintf("%d/%d", s.SpeakerRight, s.SpeakerQuotes)
		}
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %d/%d | %s |\n", k.Kind, s.Questions, cite, contains, oos, wrong,
			s.QuotesVerified, s.QuotesPosted, speaker)
	}
}

// quotationLabels returns, for each quotation the answer text posts, the
// words it is shown with: its line without the quotations on it, or, when
// that line holds nothing but the quotation (a quotation set on a line of
// its own under its speaker), the nearest line above that says something.
func quotationLabels(text string) []string {
	var labels []string
	prev := ""
	for _, line := range strings.Split(text, "\n") {
		spans := answer.QuotationSpans(line)
		var rest strings.Builder
		last := 0
		for _, sp := range spans {
			rest.WriteString(line[last:sp[0]])
			rest.WriteString(" ")
			last = sp[1]
		}
		rest.WriteString(line[last:])
		label := rest.String()
		if !hasLetters(label) {
			label = prev
		} else {
			prev = label
		}
		for range spans {
			labels = append(labels, label)
		}
	}
	return labels
}

func hasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// showsSpeaker reports whether a quotation's label names the expected
// speaker: the whole name, or its last word (a surname, or "Official" in
// "Senior Administration Official") when that is not a short word.
func showsSpeaker(label, speaker string) bool {
	l, sp := evalmatch.Normalise(label), evalmatch.Normalise(speaker)
	if sp == "" {
		return false
	}
	if evalmatch.ContainsWhole(l, sp) {
		return true
	}
	words := strings.Fields(sp)
	last := strings.Trim(words[len(words)-1], ".,")
	return utf8.RuneCountInString(last) >= 4 && evalmatch.ContainsWhole(l, last)
}
