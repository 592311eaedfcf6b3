package main

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/answer"
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

// missingItems returns the must_contain items the answer text lacks. An
// item "a|b" is met by any of its alternatives.
func missingItems(text string, items []string) []string {
	norm := normaliseForMatch(text)
	var missing []string
	for _, item := range items {
		found := false
		for _, alt := range strings.Split(item, "|") {
			if alt = normaliseForMatch(alt); alt != "" && containsWhole(norm, alt) {
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, item)
		}
	}
	return missing
}

// thousands matches a digit group separator: "84,770" and "84770" are the
// same number.
var thousands = regexp.MustCompile(`(\d),(\d{3})`)

// normaliseForMatch lower-cases text and irons out differences of form that
// do not change what it says: curly quotes and apostrophes, thousands
// separators, "%" for "percent", runs of white space.
func normaliseForMatch(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "\u00a0", " ", "%", " percent").Replace(s)
	for {
		t := thousands.ReplaceAllString(s, "$1$2")
		if t == s {
			break
		}
		s = t
	}
	return strings.Join(strings.Fields(s), " ")
}

// containsWhole reports whether sub occurs in s as whole words: a letter or
// digit at either end of sub is not continued by another in s ("21" is not
// found in "2021").
func containsWhole(s, sub string) bool {
	first, _ := utf8.DecodeRuneInString(sub)
	last, _ := utf8.DecodeLastRuneInString(sub)
	for from := 0; from <= len(s)-len(sub); {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(sub):])
		if !(isWordRune(first) && i > 0 && isWordRune(before)) &&
			!(isWordRune(last) && i+len(sub) < len(s) && isWordRune(after)) {
			return true
		}
		from = i + 1
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

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
	l, sp := normaliseForMatch(label), normaliseForMatch(speaker)
	if sp == "" {
		return false
	}
	if containsWhole(l, sp) {
		return true
	}
	words := strings.Fields(sp)
	last := strings.Trim(words[len(words)-1], ".,")
	return utf8.RuneCountInString(last) >= 4 && containsWhole(l, last)
}
