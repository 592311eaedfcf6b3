package answer

import (
	"context"
	"errors"
	"log/slog"

	"github.com/readout/readout/retrieval"
)

// Pipeline answers questions from the record. The zero value is not usable:
// Index is required; Chat may be nil for extractive answers.
type Pipeline struct {
	Index  Retriever
	Chat   ChatModel // nil: extractive answers only
	Logger *slog.Logger
}

// Ask answers question, with history the earlier turns of the conversation.
func (p *Pipeline) Ask(ctx context.Context, question string, history []Turn, filters retrieval.SearchOptions) (*Answer, error) {
	return p.AskStream(ctx, question, history, filters, nil)
}

// AskStream is Ask that reports the answer text so far (unverified) to
// onPartial as a chat model streams it.
func (p *Pipeline) AskStream(ctx context.Context, question string, history []Turn, filters retrieval.SearchOptions, onPartial func(text string)) (*Answer, error) {
	return nil, errors.New("not implemented")
}
