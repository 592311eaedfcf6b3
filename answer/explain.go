package answer

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/retrieval"
)

// Explanation says why an answer is what it is: the constraints read from
// the question, the passages retrieved with their scores, the decision to
// answer or decline with the signals behind it, and why each quoted
// sentence was chosen. The pipeline fills it when Pipeline.Explain is set.
type Explanation struct {
	Constraints Constraints `json:"constraints"`
	// Filters are the search options actually used (the caller's filters
	// narrowed by the constraints).
	Filters retrieval.SearchOptions `json:"filters"`
	// Passages are the retrieved passages, best first as searched.
	Passages []PassageTrace `json:"passages"`
	Decision Decision       `json:"decision"`
	// Sentences say why each quoted sentence of an extractive answer was
	// chosen, in the order the answer quotes them.
	Sentences []SentenceTrace `json:"sentences,omitempty"`
	// Notes are other steps worth knowing ("ordered by date: the earliest
	// matching statement first").
	Notes []string `json:"notes,omitempty"`
}

// PassageTrace is one retrieved passage as the search scored it.
type PassageTrace struct {
	N   int    `json:"n"` // 1-based rank in the fused list
	Doc string `json:"doc"`
	// Passage is the passage's ID, "<doc id>#<index>": a long briefing
	// has several passages retrieved.
	Passage     string  `json:"passage"`
	Date        string  `json:"date,omitempty"`
	Score       float64 `json:"score"`
	VectorRank  int     `json:"vector_rank"`
	LexicalRank int     `json:"lexical_rank"`
	VectorScore float64 `json:"vector_score"`
	Coverage    float64 `json:"coverage"`
	// Used says whether the answer was drawn from this passage's
	// candidates (false when an order or a filter set it aside).
	Used bool `json:"used"`
}

// Decision is whether to answer and why.
type Decision struct {
	Answer bool `json:"answer"`
	// By says who decided: "signals" (the measured rule), "signals, words
	// only" (its words-only weights: the question could not be embedded),
	// "model" (a chat model saw the passages), "empty" (nothing was
	// retrieved), "quoted words" (passages hold the words the question
	// quotes, which the signals had not found enough).
	By     string `json:"by"`
	Reason string `json:"reason"`
	// Score and Threshold are the best passage's combined signal and the
	// level from which the rule answers.
	Score     float64  `json:"score"`
	Threshold float64  `json:"threshold"`
	Signals   []Signal `json:"signals,omitempty"`
	// Names are the index terms of the names the question asks about, as
	// the record writes them (the "named" signal looks for them).
	Names []string `json:"names,omitempty"`
	// Head is the stem of the head of what the question asks about
	// (askedHead: "explosion" of "the chemical plant explosion in
	// texas"), which the head signal looks for; "" when it has none.
	Head string `json:"head,omitempty"`
	// Best is the chunk ID of the passage that scored best.
	Best string `json:"best,omitempty"`
	// Unvalued is, for a question declined by the signals, the chunk ID
	// of the passage that would answer but for giving no value for the
	// figure asked (decisionWeights.unvalued) when no passage weighed
	// gives it: the record speaks of the subject without the figure. ""
	// otherwise.
	Unvalued string `json:"unvalued,omitempty"`
}

// Signal is one named, weighted input of a decision or a choice.
type Signal struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Weight float64 `json:"weight,omitempty"`
}

// SentenceTrace is why one sentence was quoted.
type SentenceTrace struct {
	Sentence string   `json:"sentence"`
	Passage  int      `json:"passage"` // 1-based index into Passages
	Reason   string   `json:"reason"`
	Score    float64  `json:"score,omitempty"`
	Features []Signal `json:"features,omitempty"`
}

// tracePassages records hits for an explanation.
func tracePassages(hits []retrieval.Hit) []PassageTrace {
	out := make([]PassageTrace, len(hits))
	for i, h := range hits {
		out[i] = PassageTrace{N: i + 1, Doc: h.Chunk.DocID, Passage: h.Chunk.ID, Date: h.Doc.DateString(), Score: h.Score,
			VectorRank: h.VectorRank, LexicalRank: h.LexicalRank, VectorScore: h.VectorScore, Coverage: h.Coverage}
	}
	return out
}

// Write prints the explanation as plain text, one section after another.
func (e *Explanation) Write(w io.Writer) error {
	_, err := io.WriteString(w, e.Text(0))
	return err
}

// Text is the explanation as plain text. With limit > 0 it is cut to at
// most limit runes, passages and sentences first (a Discord message holds
// 2,000).
func (e *Explanation) Text(limit int) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	c := e.Constraints
	b.WriteString("Read from the question:\n")
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "  %s: %s\n", k, v)
		}
	}
	if c.Speaker != nil {
		line("speaker", fmt.Sprintf("%s (asked as %q; filter %q)", c.Speaker.Name, c.SpeakerAsked, c.Speaker.Filter))
	} else if c.SpeakerAsked != "" {
		s := fmt.Sprintf("%q, not resolved to one person of the record", c.SpeakerAsked)
		if len(c.Holders) > 0 {
			s += " (held by " + strings.Join(c.Holders, ", ") + "; name a period or the person)"
		}
		line("speaker", s)
	}
	var named []string
	for _, p := range c.Named {
		named = append(named, p.Name)
	}
	line("people named", strings.Join(named, ", "))
	line("outlet", c.Outlet)
	if !c.Period.IsZero() {
		line("period", fmt.Sprintf("%s (%q)", c.Period, c.Period.Phrase))
	}
	if c.PeriodTopic != "" {
		line("period", fmt.Sprintf("none (%q read as the subject, not as the statements' date)", c.PeriodTopic))
	}
	var dates []string
	for _, d := range c.Dates {
		dates = append(dates, fmt.Sprintf("%s (%q)", d, d.Phrase))
	}
	if len(dates) > 0 {
		line("dates named", strings.Join(dates, "; ")+", held by a passage's date or words, not a filter")
	}
	if c.Order != OrderAny {
		line("order", fmt.Sprintf("%s (%q)", c.Order, c.OrderPhrase))
	}
	line("answer wanted", string(c.Want))
	line("searched for", c.Search)
	if f := filterString(e.Filters); f != "" {
		line("filters", f)
	}
	d := e.Decision
	verdict := "decline"
	if d.Answer {
		verdict = "answer"
	}
	fmt.Fprintf(&b, "Decision: %s (by %s) — %s\n", verdict, d.By, d.Reason)
	if len(d.Names) > 0 {
		fmt.Fprintf(&b, "  names the record knows in the question: %s\n", strings.Join(d.Names, ", "))
	}
	if d.Head != "" {
		fmt.Fprintf(&b, "  head of what the question asks about (stem): %s\n", d.Head)
	}
	if d.Threshold != 0 || d.Score != 0 {
		fmt.Fprintf(&b, "  best passage's score %.3f, threshold %.3f\n", d.Score, d.Threshold)
	}
	for _, s := range d.Signals {
		if s.Weight != 0 {
			fmt.Fprintf(&b, "  %s = %.3f × %.2f\n", s.Name, s.Value, s.Weight)
		} else {
			fmt.Fprintf(&b, "  %s = %.3f\n", s.Name, s.Value)
		}
	}
	for _, n := range e.Notes {
		fmt.Fprintf(&b, "Note: %s\n", n)
	}
	if len(e.Passages) > 0 {
		b.WriteString("Passages retrieved (rank, fused score, vector rank/score, lexical rank, coverage):\n")
		for _, p := range e.Passages {
			used := ""
			if !p.Used {
				used = " (not used)"
			}
			name := p.Passage
			if name == "" {
				name = p.Doc
			}
			fmt.Fprintf(&b, "  %d. %s %s  score %.4f  vec #%d %.3f  lex #%d  cov %.2f%s\n",
				p.N, name, p.Date, p.Score, p.VectorRank, p.VectorScore, p.LexicalRank, p.Coverage, used)
		}
	}
	if len(e.Sentences) > 0 {
		b.WriteString("Sentences quoted:\n")
		for _, s := range e.Sentences {
			fmt.Fprintf(&b, "  from passage %d: %q — %s\n", s.Passage, clip(s.Sentence, 160), s.Reason)
			for _, f := range s.Features {
				fmt.Fprintf(&b, "      %s = %.3f × %.2f\n", f.Name, f.Value, f.Weight)
			}
		}
	}
	out := b.String()
	if limit > 0 && utf8.RuneCountInString(out) > limit {
		r := []rune(out)
		out = string(r[:limit-1]) + "…"
	}
	return out
}

func filterString(o retrieval.SearchOptions) string {
	var parts []string
	if !o.Since.IsZero() {
		parts = append(parts, "since "+dateString(o.Since))
	}
	if !o.Until.IsZero() {
		parts = append(parts, "until "+dateString(o.Until))
	}
	if o.Speaker != "" {
		parts = append(parts, "speaker ~ "+o.Speaker)
	}
	if o.Outlet != "" {
		parts = append(parts, "outlet ~ "+o.Outlet)
	}
	return strings.Join(parts, ", ")
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
