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

// RuleCondense rewrites a follow-up without a model (see ReadFollowUp);
// a question that stands on its own is returned as is.
func RuleCondense(q string, history []Turn) string {
	return ReadFollowUp(q, history).Standalone
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

// checkedRewrite reports whether a model's rewrite of a follow-up can be
// used: it keeps every name the question itself gives, and names no one
// the question or the conversation (its questions, answers and cited
// titles and speakers) does not.
func checkedRewrite(q, rewrite string, history []Turn) bool {
	have := map[string]bool{}
	for _, t := range text.Terms(rewrite) {
		have[t] = true
	}
	for _, n := range ownNames(q) {
		for _, t := range text.Terms(n) {
			if !have[t] {
				return false
			}
		}
	}
	var known strings.Builder
	known.WriteString(q)
	for _, t := range history {
		known.WriteString("\n" + t.Question + "\n" + t.Standalone + "\n" + t.Answer)
		for _, c := range t.Citations {
			known.WriteString("\n" + c.Title + "\n" + c.Outlet + "\n" + strings.Join(c.Speakers, "\n"))
		}
	}
	seen := map[string]bool{}
	for _, t := range text.Terms(known.String()) {
		seen[t] = true
	}
	for _, n := range ownNames(rewrite) {
		for _, t := range text.Terms(n) {
			if !seen[t] {
				return false
			}
		}
	}
	return true
}
