package answer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/readout/readout/prompts"

	"github.com/readout/readout/text"
)

// anaphora are words that make a follow-up depend on the conversation.
var anaphora = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "him": true, "her": true, "them": true,
	"his": true, "hers": true, "its": true, "their": true, "that": true, "this": true,
	"those": true, "these": true, "there": true, "then": true, "same": true, "also": true,
}

// contextTerms bounds how many words the rule borrows from the conversation.
const contextTerms = 12

// needsContext reports whether a follow-up probably cannot be searched for
// on its own: it refers back with a pronoun, or says too little.
func needsContext(q string) bool {
	toks := text.Tokens(q)
	content := 0
	for _, t := range toks {
		if anaphora[t.Word] {
			return true
		}
		if !text.IsStopword(t.Word) {
			content++
		}
	}
	return content < 3
}

// RuleCondense rewrites a follow-up without a model: when it depends on
// the conversation, the informative words of the last two questions are
// appended to it, so that lexical and vector search find the same
// documents the conversation was about. Otherwise it is returned as is.
func RuleCondense(q string, history []Turn) string {
	if len(history) == 0 || !needsContext(q) {
		return q
	}
	have := text.TermSet(q)
	var terms []string
	seen := map[string]bool{}
	for i := len(history) - 1; i >= 0 && i >= len(history)-2; i-- {
		for _, t := range text.Tokens(history[i].Question) {
			orig := history[i].Question[t.Start:t.End]
			st := text.Stem(t.Word)
			if text.IsStopword(t.Word) || anaphora[t.Word] || have[st] || seen[st] || utf8.RuneCountInString(t.Word) < 2 {
				continue
			}
			seen[st] = true
			terms = append(terms, orig)
			if len(terms) == contextTerms {
				break
			}
		}
	}
	if len(terms) == 0 {
		return q
	}
	return q + " (context: " + strings.Join(terms, " ") + ")"
}

// errUnusableRewrite: the model answered, but not with a question.
var errUnusableRewrite = errors.New("unusable rewrite")

// maxStandaloneRunes: a longer "standalone question" from the model is a
// sign it answered or rambled instead of rewriting.
const maxStandaloneRunes = 500

// modelCondense asks the chat model to rewrite the follow-up.
func modelCondense(ctx context.Context, chat ChatModel, q string, history []Turn) (string, error) {
	ex := make([]prompts.Exchange, len(history))
	for i, t := range history {
		ex[i] = prompts.Exchange{Question: t.Question, Answer: t.Answer}
	}
	prompt, err := prompts.Condense(ex, q)
	if err != nil {
		return "", err
	}
	out, err := chat.Complete(ctx, []Message{{Role: "user", Content: prompt}}, nil)
	if err != nil {
		return "", fmt.Errorf("condense follow-up: %w", err)
	}
	out = StripThink(out, false)
	line := ""
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			line = l
			break
		}
	}
	for _, prefix := range []string{"Standalone question:", "Standalone:", "Question:"} {
		if len(line) >= len(prefix) && strings.EqualFold(line[:len(prefix)], prefix) {
			line = strings.TrimSpace(line[len(prefix):])
		}
	}
	line = strings.Trim(line, "\"“”'‘’ ")
	cleaned, err := CleanQuestion(line)
	if err != nil || utf8.RuneCountInString(cleaned) > maxStandaloneRunes {
		return "", fmt.Errorf("condense follow-up: %w %q", errUnusableRewrite, snippet(line, 80))
	}
	return cleaned, nil
}
